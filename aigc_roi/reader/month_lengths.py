"""A length of time written where a month of the plan is asked: ``months: 6个月`` is six months long (months 1-6), not
month 6, as ``第6个月`` and ``6月`` may be (reader/worded_months.py). Each is told what it is and, where the field's
month is where such a length ends, the month to write (docs/formulas.md §12): a channel's ``months`` the span it
covers from month 1; a gate's ``after_month`` (its test runs in months 1..after_month) and a milestone's month
(reached by then) the month it ends on (``两个月``, ``前两个月``: 2); a gate's ``两个月后`` (after the first two months) 2 as
well, which elsewhere is some time later, no month told. A ``by_month`` key or a list's item is one month, which a
length names none of: no month is offered there."""

from __future__ import annotations

import re

from aigc_roi.model.ime_marks import DIGIT_TWINS
from aigc_roi.reader.chinese_numerals import DIGITS, numeral_value

_COUNT = rf"[0-9０-９]{{1,3}}|[{DIGITS}十两]{{1,3}}"
_LENGTH = re.compile(rf"\s*(?P<first>前|头)?\s*(?P<count>{_COUNT})\s*个月\s*(?P<after>后|以后|之后)?\s*")
"""``6个月``, ``六个月``; ``前两个月``, ``头两个月`` (the first two); ``两个月后`` (after the first two)."""
_NOT_HERE = {
    "key": "a by_month key is one month, its number alone",
    "item": "a list holds single months, their numbers alone",
}
"""What a place that takes one month of its own is told of a length, with no month to offer."""


def _count(text: str) -> int | None:
    return numeral_value(text) if text[0] in DIGITS + "十两" else int(text.translate(DIGIT_TWINS))


def is_length(text: str) -> bool:
    """Whether ``text`` is a length of months or the time after one (``6个月``, ``两个月后``): no month of the plan."""
    match = _LENGTH.fullmatch(text)
    return match is not None and not match["first"]


def length_hint(text: str, place: str, last: int, horizon: bool) -> str | None:
    """What ``text`` is, a length of months (``6个月``), the first months (``前两个月``: only where one month is asked;
    a span's place reads it as worded_months.py does) or the time after them (``两个月后``: a gate's month only), and
    what to write for it
    in ``place`` (worded_months.py ``PLACES``, ``span`` for a channel's months); None for any other text. ``last``:
    the last month the field takes (the horizon, or the month before it: ``horizon`` False, a gate's test month)."""
    match = _LENGTH.fullmatch(text)
    if match is None or match["first"] and match["after"]:
        return None
    count = _count(match["count"])
    # The first months where a span or a by_month key's two ends are written are worded_months.py's span (1-2).
    if count is None or count == 0 or match["first"] and place != "one":
        return None
    bound = f"the horizon of {last} months" if horizon else f"month {last}, the last this takes"
    written = text.strip()
    if match["after"]:
        # A gate's test runs in months 1..after_month, and what follows it comes after them: after_month is their count.
        # Elsewhere 3个月后 is three months later than some time unsaid: no reading is told (worded_months.py).
        if place != "one" or horizon:
            return None
        what = f"{written} is the time after the first {'month' if count == 1 else f'{count} months'}, not a month"
        return f"{what}: write {count}" if count <= last else f"{what}; month {count} is past {bound}"
    months = "1 month" if count == 1 else f"{count} months"
    what = (f"{written} is the first {months}, not a month" if match["first"] else
            f"{written} is a length of {months}, not a month")
    if place in _NOT_HERE:
        return f"{what}; {_NOT_HERE[place]}"
    if count > last:
        return f"{what}; month {count} is past {bound}"
    if place == "span":
        return f"{what}: write {'1' if count == 1 else f'1-{count}'} if it means the plan's first {months}"
    return f"{what}: write {count}, the month it ends on"
