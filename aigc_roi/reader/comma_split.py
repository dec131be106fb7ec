"""``{bid: 2,5, budget: 1500}``: in a flow mapping YAML separates items by commas, so a number written with a
decimal comma (or a thousands comma: ``1,500``; ``1.500,00``) is read as the number before its comma and a key of
the digits after it, with no value. reader/kinds.py ``check_keys`` tells such a key what was split, and the number
to write, as numbers.py ``slip_hint`` tells the same text written as a value."""

from __future__ import annotations

import re

from aigc_roi.reader.numbers import slip_hint
from aigc_roi.reader.yamltree import Entry

_BEFORE = re.compile(r"[+-]?[0-9][0-9.]*|[+-]?[0-9]{1,3}(?:[ '’][0-9]{3})+")
"""The number before the comma, as a plain scalar holds it: digits, perhaps grouped by dots (``1.500``), or by
spaces or apostrophes (``1 500``, ``1'500``: ``1 500,000`` is split after ``1 500``)."""


def split_number(before: Entry, entry: Entry, decimal_comma: str | None) -> str | None:
    """The hint of ``entry``, an unknown key, where it is the digits after a comma that split a number from the
    value of ``before``, the entry written before it: on the same line, right after that value and its comma, with
    no value of its own; None otherwise. ``decimal_comma`` as ``slip_hint`` takes it."""
    value, key = before.value, entry.key
    if not (key.raw.isascii() and key.raw.isdigit() and key.text_column == 0 and value.kind == "scalar"
            and value.text_column == 0 and _BEFORE.fullmatch(value.raw) and not entry.value.raw
            and not entry.value.written and (value.end_line, value.end_column + 2) == (key.line, key.column)):
        return None
    written = f"{value.raw},{key.raw}"
    hint = slip_hint(written, decimal_comma=decimal_comma)
    if hint is None:
        return None
    return f"YAML split {written} at its comma, which separates the items of a flow mapping; {hint[1]}"
