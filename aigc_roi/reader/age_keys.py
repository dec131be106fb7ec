"""An age in months written with its unit where a mapping's key is the age alone: ``retention.points`` and a plan's
``conversion`` by age are keyed ``{1: 40%}``, and a cohort table labels the column ``1个月``, ``M1``, ``第3个月``,
``3 months``, ``month 3`` or ``12m``; each is told its number (``write 1``). A count of years is told its months
(``1年 is 12 months: write 12``). The number is offered only where the key's place takes it: an age past the horizon is no age to write."""

from __future__ import annotations

import re

from aigc_roi.model.ime_marks import DIGIT_TWINS
from aigc_roi.reader.numbers import whole_number
from aigc_roi.reader.worded_months import counted_month
from aigc_roi.reader.written_times import months_hint

_MONTH_LABEL = re.compile(r"\s*(?:month\s*(?P<named>[0-9０-９]{1,3})|(?P<counted>[0-9０-９]{1,3})\s*m)\s*", re.IGNORECASE)
"""``month 3``, ``Month3``; ``12m``, ``6M``: a cohort table's column of an age in months (M6 is ``counted_month``'s)."""


def age_key_hint(key: str, first: int, last: int) -> str | None:
    """What a key naming an age with its unit is told, for ages ``first..last``; None for any other key (a bare
    number, a day, a word)."""
    told = months_hint(key, lambda months: first <= months <= last)
    if told is not None:
        return told
    labelled = _MONTH_LABEL.fullmatch(key)
    month = (str(int((labelled["named"] or labelled["counted"]).translate(DIGIT_TWINS))) if labelled
             else counted_month(key))
    if month is None or whole_number(key) is not None or not first <= int(month) <= last:
        return None
    return f"write {month} for {key.strip()}"
