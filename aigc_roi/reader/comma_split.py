"""``{bid: 2,5, budget: 1,000,000}``: in a flow mapping or a flow list YAML separates items by commas, so a number
written with a decimal comma or thousands commas (``1,000,000``, ``-1,234,567.89``, ``¥1,000``, ``1,000万``,
``1.500,00``) is read as the number before its first comma and, in a mapping, a key of the digits after each comma
with no value (``000`` twice: a duplicate key), in a list an item of each. reader/yamltree.py reads such pieces back
into the one value written, marked ``split``, so the field tells it once, at the value, with the number to write
(numbers.py ``slip_hint``, as for the same text written on its own line), and no piece is a key or item of its own.

A piece is joined only where nothing else could be meant: right after the value and its comma, with no space, plain
(not quoted), and the text joined is a slip ``slip_hint`` knows. In a mapping a key of digits with no value is no key
of the format; in a list ``[10,20]`` is two items, so a list's pieces are joined only once one of them starts with 0
(``[1,000,000]``), which no number written alone does, or follows an item 0 (``[0,5, 0,7]``)."""

from __future__ import annotations

import re

from aigc_roi.reader.numbers import slip_hint

_BEFORE = re.compile(r"[+-]?[^\s0-9,:#\[\]{}]{0,3}[0-9][0-9.]*|[+-]?[0-9]{1,3}(?:[ '’][0-9]{3})+")
"""The number before the first comma, as a plain scalar holds it: digits, perhaps signed, after a currency sign
(``¥1``, ``US$1``), grouped by dots (``1.500``), or by spaces or apostrophes (``1 500``, ``1'500``)."""
_PIECE = re.compile(r"[0-9]+(?:\.[0-9]+)?[^\s0-9,:#\[\]{}]{0,3}")
"""The text after a comma: digits, perhaps decimals (``567.89``) and a unit or sign after them (``000万``, ``000元``)."""


def is_piece(text: str) -> bool:
    """Whether ``text``, a plain scalar right after a comma, may be the rest of a number that comma split."""
    return _PIECE.fullmatch(text) is not None


def joined(before: str, piece: str, split: bool) -> str | None:
    """``before,piece`` where that is a number written with a comma that YAML split; None otherwise. ``split``:
    ``before`` already joins pieces (then only the piece is checked)."""
    if not (split or _BEFORE.fullmatch(before)) or not is_piece(piece):
        return None
    text = f"{before},{piece}"
    return text if slip_hint(text) is not None else None


def split_words(node_split: str, raw: str) -> str:
    """What a value YAML split is told before its hint: what split it, in the words messages_zh.py translates."""
    return f"YAML split {raw} at its comma, which separates the items of a flow {node_split}"
