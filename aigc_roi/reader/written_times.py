"""A month and a count of months written as people write them, where the format takes ``YYYY-MM`` and a number.

``start: 2025年3月`` (or ``2025/3``, ``2025.3``, ``2025-3``, ``2025-03-01``) is told the month to write, ``2025-03``;
``horizon_months: 2年`` (``两年``, ``1年半``, ``半年``, ``2 years``) the months it is, ``24``, and ``24个月`` (``24
months``) its number. None of them is read as meant (docs/formulas.md §12): a date or a length is never silently
taken for another."""

from __future__ import annotations

import re
from collections.abc import Callable
from fractions import Fraction

from aigc_roi.model.ime_marks import DIGIT_TWINS
from aigc_roi.reader.chinese_numerals import DIGITS, numeral_value

_D = "[0-9０-９]"
_START = re.compile(rf"\s*(?P<year>{_D}{{4}})\s*(?:年\s*(?P<cn>{_D}{{1,2}})\s*月份?(?:\s*{_D}{{1,2}}\s*[日号])?"
                    rf"|[-/.．／－]\s*(?P<month>{_D}{{1,2}})(?:\s*[-/.．／－]\s*{_D}{{1,2}}|\s*月)?)\s*")
"""A month as dates are written: 2025年3月(份), 2025年3月1日, 2025/3, 2025.03, 2025-3, 2025-03-01, 2025-3月."""


def start_hint(text: str) -> str | None:
    """``did you mean '2025-03'?`` for a month written otherwise than ``YYYY-MM``; None for any other text, a month
    past 12 included."""
    match = _START.fullmatch(text)
    if match is None:
        return None
    month = int((match["cn"] or match["month"]).translate(DIGIT_TWINS))
    if not 1 <= month <= 12:
        return None
    return f"did you mean '{match['year'].translate(DIGIT_TWINS)}-{month:02d}'?"


_COUNT = rf"{_D}+(?:[.．]{_D}+)?|[{DIGITS}十两]{{1,3}}"
_YEARS = re.compile(rf"\s*(?:(?P<count>{_COUNT})\s*(?:个)?\s*(?:年(?P<half>半)?|years?|yrs?)|(?P<half_only>半)\s*年)\s*",
                    re.IGNORECASE)
_MONTHS = re.compile(rf"\s*(?P<count>{_COUNT})\s*(?:个月|月|months?|mos?)\s*", re.IGNORECASE)
"""A count of years or of months with its unit: 2年, 两年, 1年半, 半年, 2 years; 24个月, 24 months."""


def _count(text: str) -> Fraction | None:
    if text[0] in DIGITS + "十两":
        value = numeral_value(text)
        return None if value is None else Fraction(value)
    return Fraction(text.translate(DIGIT_TWINS).replace("．", "."))


def months_hint(text: str, takes: Callable[[float], bool]) -> str | None:
    """What a count of months written with its unit is told: a count of years the months it is (``2年 is 24 months:
    write 24``, or without ``write`` where the field would refuse that), a count of months its number (``write 24``);
    None for any other text, and for a count of years that is no whole number of months (1.3年). ``takes``: whether
    the field takes a number."""
    years = _YEARS.fullmatch(text)
    if years is not None:
        count = Fraction(1, 2) if years["half_only"] else _count(years["count"])
        if count is None:
            return None
        months = count * 12 + (6 if years["half"] else 0)
        if months.denominator != 1:
            return None
        said = f"{text.strip()} is {months} months"
        return f"{said}: write {months}" if takes(float(months)) else said
    counted = _MONTHS.fullmatch(text)
    if counted is None:
        return None
    number = _count(counted["count"])
    if number is None or number.denominator != 1 or not takes(float(number)):
        return None
    return f"write {number}"
