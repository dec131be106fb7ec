"""An age in months written with its unit where a mapping's key is the age alone: ``retention.points`` and a plan's
``conversion`` by age are keyed ``{1: 40%}``, and a cohort table labels the column ``1个月``, ``M1``, ``第3个月`` or
``3 months``; each is told its number (``write 1``). A count of years is told its months (``1年 is 12 months: write
12``). The number is offered only where the key's place takes it: an age past the horizon is no age to write."""

from __future__ import annotations

from aigc_roi.reader.numbers import whole_number
from aigc_roi.reader.worded_months import counted_month
from aigc_roi.reader.written_times import months_hint


def age_key_hint(key: str, first: int, last: int) -> str | None:
    """What a key naming an age with its unit is told, for ages ``first..last``; None for any other key (a bare
    number, a day, a word)."""
    told = months_hint(key, lambda months: first <= months <= last)
    if told is not None:
        return told
    month = counted_month(key)
    if month is None or whole_number(key) is not None or not first <= int(month) <= last:
        return None
    return f"write {month} for {key.strip()}"
