"""Parts of a year written in words where a plan's months are asked: ``上半年`` (January to June), ``下半年`` (July to
December), a quarter (``二季度``, ``第二季度``, ``2季度``, ``Q2``: April to June) and two months run together in
numerals (``三四月``: March and April). Like ``6月`` (reader/worded_months.py) each names calendar months, which
are the plan's months of their numbers only from a January start, so both readings are told where the start makes them
differ (docs/formulas.md §12); none is read."""

from __future__ import annotations

import re

from aigc_roi.model.ime_marks import DIGIT_TWINS
from aigc_roi.reader.chinese_numerals import DIGITS

_HALVES = {"上半年": (1, 6), "下半年": (7, 12)}
_QUARTER = re.compile(r"\s*(?:(?:第\s*)?(?P<word>[一二三四1-4１-４])\s*季度?|[QqＱｑ]\s*(?P<q>[1-4１-４])(?:\s*季度)?)\s*")
_TWO_MONTHS = re.compile(rf"\s*(?P<first>[{DIGITS}])(?P<second>[{DIGITS}])\s*月份?\s*")
"""``三四月``: March and April, as spoken; ``十一十二月`` is written with a mark between (十一、十二月)."""


def calendar_months(text: str) -> list[tuple[int, int]] | None:
    """The calendar months ``text`` names, as spans (first, last): ``下半年`` [(7, 12)], ``Q2`` [(4, 6)], ``三四月``
    [(3, 3), (4, 4)]; None for any other text."""
    half = _HALVES.get(text.strip())
    if half is not None:
        return [half]
    quarter = _QUARTER.fullmatch(text)
    if quarter is not None:
        written = quarter["word"] or quarter["q"]
        number = DIGITS.index(written) + 1 if written in DIGITS else int(written.translate(DIGIT_TWINS))
        return [(3 * number - 2, 3 * number)]
    two = _TWO_MONTHS.fullmatch(text)
    if two is not None:
        first, second = DIGITS.index(two["first"]) + 1, DIGITS.index(two["second"]) + 1
        return [(first, first), (second, second)] if first < second else None
    return None
