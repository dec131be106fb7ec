"""``{bid: 2,5, budget: 1,000,000}``: in a flow mapping YAML separates entries by commas, so a number written with a
decimal comma or thousands commas (``1,000,000``, ``-1,234,567.89``, ``¥1,000``, ``1,000万``, ``1.500,00``) is read
as the number before its first comma and a key of the digits after each comma with no value (``000`` twice: a
duplicate key). reader/yamltree.py reads such keys back into the one value written, marked ``split``, so the field
tells it once, at the value, with the number to write (numbers.py ``slip_hint``, as for the same text written on its
own line), and no piece is a key of its own.

A piece is joined only where nothing else could be meant: a key right after the value and its comma, with no space,
plain (not quoted), with neither a colon nor a value of its own, a thousands group (three digits, the last perhaps
with decimals or a unit: ``000``, ``567.89``, ``000万``) after a number or a group before it, and the text joined is
a slip ``slip_hint`` knows. No mapping of the format takes such a key: the fixed keys of a section, a channel, a plan,
a gate, a milestone, the targets or a range are words, and a key of digits (by_month, retention points and days,
conversion by age) needs a number as its value. Any other piece (``{low: 1,5}``, ``{1: 10,2}``, ``{1: 10,2025}``) may
be a decimal comma or a key meant: it stays a key, and ``split_number`` tells an unknown one what the comma split.
A joined value a text takes (``{name: 1,000}``) is refused, to be quoted (reader/kinds.py ``Text``). A flow list is
never joined: ``[0,1]`` is two rates and ``[123,045]`` two campaigns, as written."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from aigc_roi.reader.numbers import slip_hint

if TYPE_CHECKING:  # yamltree.py imports this module to join pieces
    from aigc_roi.reader.yamltree import Entry

_BEFORE = re.compile(r"[+-]?[^\s0-9,:#\[\]{}]{0,3}[0-9][0-9.]*|[+-]?[0-9]{1,3}(?:[ '’][0-9]{3})+")
"""The number before the first comma, as a plain scalar holds it: digits, perhaps signed, after a currency sign
(``¥1``, ``US$1``), grouped by dots (``1.500``), or by spaces or apostrophes (``1 500``, ``1'500``)."""
_PIECE = re.compile(r"[0-9]{3}(?:\.[0-9]+)?[^\s0-9,:#\[\]{}]{0,3}")
"""The text after a comma that is a thousands group: three digits, perhaps decimals (``567.89``) and a unit or sign
after them (``000万``, ``000元``). One, two or four digits (``1,5``, ``10,2025``) are no thousands group."""
_GROUPED = re.compile(r".*,[0-9]{3}")
"""A value already joined that ends in a plain group, which another group may follow (``1,000`` of ``1,000,000``)."""


def joined(before: str, piece: str, split: bool) -> str | None:
    """``before,piece`` where that is a number written with a comma that YAML split; None otherwise. ``split``:
    ``before`` already joins pieces (then only the piece is checked)."""
    if not (_GROUPED.fullmatch(before) if split else _BEFORE.fullmatch(before)) or _PIECE.fullmatch(piece) is None:
        return None
    text = f"{before},{piece}"
    return text if slip_hint(text) is not None else None


def split_words(raw: str) -> str:
    """What a value YAML split is told before its hint: what split it, in the words messages_zh.py translates."""
    return f"YAML split {raw} at its comma, which separates the items of a flow mapping"


def split_number(before: Entry, entry: Entry, decimal_comma: str | None) -> str | None:
    """The hint of ``entry``, an unknown key, where it is the digits after a comma that split a number from the
    value of ``before``, the entry written before it, and no thousands group joined back (``{low: 1,5}``): on the
    same line, right after that value and its comma, with no value of its own; None otherwise. ``decimal_comma`` as
    ``slip_hint`` takes it."""
    value, key = before.value, entry.key
    if not (key.raw.isascii() and key.raw.isdigit() and key.text_column == 0 and value.kind == "scalar"
            and value.text_column == 0 and _BEFORE.fullmatch(value.raw) and not entry.value.raw
            and not entry.value.written and (value.end_line, value.end_column + 2) == (key.line, key.column)):
        return None
    written = f"{value.raw},{key.raw}"
    hint = slip_hint(written, decimal_comma=decimal_comma)
    if hint is None:
        return None
    return f"{split_words(written)}; {hint[1]}"
