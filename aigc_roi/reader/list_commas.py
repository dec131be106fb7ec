"""``renewal: [0,5, 0,7]``: a flow list's commas separate its items, so YAML reads 0, 5, 0 and 7, and a list is read
as written (reader/comma_split.py joins no item). Where an item is refused and, with the item before it, looks like
one number written with a decimal comma (``0,5``: the two with no space between, while the list's other items are
separated by a comma and a space), its error adds the number that may have been meant: ``if 0,5 was meant, write
0.5``. The reading and the error stay as they were; only the hint says more. Only a share below 1 is offered (the
item before is 0): the lists it reads are rates and shares from 0 to 1, and ``1,5`` or ``-0,5`` would offer a
number refused in turn."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Any

from aigc_roi.reader.yamltree import Node

_DIGITS = re.compile(r"[0-9]+")


def _plain(node: Node) -> bool:
    return node.kind == "scalar" and not node.text_column and not node.written and node.line == node.end_line


def _tight(before: Node, after: Node) -> bool:
    """Whether ``after`` follows ``before`` in a flow list with only the comma between them."""
    return _plain(before) and _plain(after) and before.line == after.line and after.column == before.end_column + 2


def decimal_comma_hint(items: list[Node], index: int) -> str | None:
    """``if 0,5 was meant, write 0.5`` for the item at ``index`` where it and the item before look like a number
    split at its decimal comma; None otherwise."""
    if index < 1:
        return None
    before, item = items[index - 1], items[index]
    if not (_tight(before, item) and before.raw == "0" and _DIGITS.fullmatch(item.raw)):
        return None
    # The pair stands apart: the items around it are spaced from it, and some comma of the list has a space after it.
    if (index >= 2 and _tight(items[index - 2], before)) or (index + 1 < len(items) and _tight(item, items[index + 1])):
        return None
    if all(_tight(a, b) for a, b in zip(items, items[1:], strict=False)):
        return None
    return f"if {before.raw},{item.raw} was meant, write {before.raw}.{item.raw}"


def parse_items(parse: Callable[[Node, int], Any], items: list[Node], errors: list[Any]) -> list[Any]:
    """Each item parsed by ``parse(item, index)``; an item refused (an error added to ``errors``) that looks like
    the decimals of a number split at its comma has that error's message end with ``decimal_comma_hint``."""
    parsed = []
    for index, item in enumerate(items):
        told = len(errors)
        parsed.append(parse(item, index))
        hint = decimal_comma_hint(items, index) if len(errors) > told else None
        if hint is not None:
            errors[told] = dataclasses.replace(errors[told], message=f"{errors[told].message}; {hint}")
    return parsed
