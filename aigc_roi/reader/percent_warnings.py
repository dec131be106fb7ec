"""What the warnings of a number share (reader/discount_warning.py, target_warning.py, amount_warning.py,
dot_group_warning.py): whether a number is written in percent, the percent it reads as, the span a warned number
covers, and the walk over a value's numbers to their warnings."""

from __future__ import annotations

from collections.abc import Callable

from aigc_roi.model.errors import ScenarioError
from aigc_roi.reader.numbers import PERCENT_SIGNS
from aigc_roi.reader.yamltree import Node, join_path


def written_in_percent(text: str) -> bool:
    """Whether a number is written in percent (``150%``): then it is the ratio meant, and no sign is missing."""
    return any(sign in text for sign in PERCENT_SIGNS)


def typed(node: Node, code_built: bool) -> bool:
    """Whether ``node`` is text someone typed in the file's grammar: any of a file, a text given in code; a number
    given in code (``Context.code_built``) is none, and a hint of how a file types one (``did you mean 5%?``) is no
    help there, where an error leaves its hint out too (``Context.typed``)."""
    return not code_built or isinstance(node.value, str)


def percent_text(value: float) -> str:
    """``10`` -> ``1,000``: a ratio in percent, to the digits that tell it (1.1 is 110, not 110.00000000000001), and
    to those that tell it from the 100% it is warned for being above (1.0000001 is 100.00001, not 100)."""
    percent = value * 100
    if percent >= 1000:
        return f"{percent:,.0f}"
    digits = next(d for d in range(4, 18) if float(f"{percent:.{d}g}") > 100 or d == 17)
    return f"{percent:.{digits}g}"


def warned_span(node: Node, offset: int | None = None) -> tuple[int | None, int | None]:
    """Where a warned number ends, as an error's span does (reader/kinds.py Context.error): the node's last character,
    or that at ``offset`` of its text; none for a value a --set wrote, which has no place in the file."""
    if node.source is not None or not node.end_line:
        return None, None
    return (node.end_line, node.end_column) if offset is None else node.position_of(offset)


def number_warnings(node: Node, path: str, filename: str, message_of: Callable[[str], str | None]) -> list[ScenarioError]:
    """The warning ``message_of`` gives a value's text (None: none), located at the number: the value itself, a
    ``low..high`` range as one, or each number of a range's mapping (``{low: 5%, high: 8}``), its ``dist`` aside."""
    if node.kind == "map":
        return [warning for key, entry in node.value.items() if key != "dist"
                for warning in number_warnings(entry.value, join_path(path, key), filename, message_of)]
    if node.kind != "scalar":
        return []
    message = message_of(node.raw)
    if message is None:
        return []
    return [ScenarioError(node.source or filename, node.line, node.column, path, message, *warned_span(node))]
