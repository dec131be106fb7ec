"""``{bid: 2,5, budget: 1,000,000}``: in a flow mapping YAML separates entries by commas, so a number written with a
decimal comma or thousands commas (``1,000,000``, ``-1,234,567.89``, ``¥1,000``, ``1,000万``, ``1.500,00``) is read
as the number before its first comma and a key of the digits after each comma with no value (``000`` twice: a
duplicate key). reader/yamltree.py reads such keys back into the one value written, marked ``split``, so the field
tells it once, at the value, with the number to write (numbers.py ``slip_hint``, as for the same text written on its
own line), and no piece is a key of its own.

A piece is joined only where nothing else could be meant: a key right after the value and its comma, with no space,
plain (not quoted), with neither a colon nor a value of its own, and the text joined is a slip ``slip_hint`` knows.
No mapping of the format takes such a key: the fixed keys of a section, a channel, a plan, a gate, a milestone, the
targets or a range are words, and a key of digits (by_month, retention points and days, conversion by age) needs a
number as its value. A flow list is never joined: ``[0,1]`` is two rates and ``[123,045]`` two campaigns, as written."""

from __future__ import annotations

import re

from aigc_roi.reader.numbers import slip_hint

_BEFORE = re.compile(r"[+-]?[^\s0-9,:#\[\]{}]{0,3}[0-9][0-9.]*|[+-]?[0-9]{1,3}(?:[ '’][0-9]{3})+")
"""The number before the first comma, as a plain scalar holds it: digits, perhaps signed, after a currency sign
(``¥1``, ``US$1``), grouped by dots (``1.500``), or by spaces or apostrophes (``1 500``, ``1'500``)."""
_PIECE = re.compile(r"[0-9]+(?:\.[0-9]+)?[^\s0-9,:#\[\]{}]{0,3}")
"""The text after a comma: digits, perhaps decimals (``567.89``) and a unit or sign after them (``000万``, ``000元``)."""


def joined(before: str, piece: str, split: bool) -> str | None:
    """``before,piece`` where that is a number written with a comma that YAML split; None otherwise. ``split``:
    ``before`` already joins pieces (then only the piece is checked)."""
    if not (split or _BEFORE.fullmatch(before)) or _PIECE.fullmatch(piece) is None:
        return None
    text = f"{before},{piece}"
    return text if slip_hint(text) is not None else None


def split_words(raw: str) -> str:
    """What a value YAML split is told before its hint: what split it, in the words messages_zh.py translates."""
    return f"YAML split {raw} at its comma, which separates the items of a flow mapping"
