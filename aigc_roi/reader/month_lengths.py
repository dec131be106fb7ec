"""A length of time written where a month of the plan is asked: ``months: 6个月`` is six months long (months 1-6), not
month 6, as ``第6个月`` and ``6月`` may be (reader/worded_months.py). Each is told what it is and, where the field's
month is where such a length ends, the month to write (docs/formulas.md §12): a channel's ``months`` the span it
covers from month 1; a gate's ``after_month`` (its test runs in months 1..after_month) and a milestone's month
(reached by then) the month it ends on (``两个月``, ``前两个月``: 2); a gate's ``两个月后`` (after the first two months) 2 as
well; in a channel's months the months after the first two to the plan's end (3 on), as a by_month key the month the
value starts (key 3), and elsewhere no month told. A ``by_month`` key or a list's item is one month, which a length
names none of: no month is offered there. A span of lengths (``3-6个月``) in a channel's months may be months 3 to 6 or
a length of 3 to 6 months: both are told."""

from __future__ import annotations

import re

from aigc_roi.model.ime_marks import DIGIT_TWINS, SPAN_SLIPS
from aigc_roi.reader.chinese_numerals import DIGITS, numeral_value
from aigc_roi.reader.key_holds import around, clashes, span_holds

_COUNT = rf"[0-9０-９]{{1,3}}|[{DIGITS}十两]{{1,3}}"
_LENGTH = re.compile(rf"\s*(?P<first>前|头)?\s*(?P<count>{_COUNT})\s*个月\s*(?P<after>后|以后|之后)?\s*")
"""``6个月``, ``六个月``; ``前两个月``, ``头两个月`` (the first two); ``两个月后`` (after the first two)."""
_LENGTHS = re.compile(rf"\s*(?P<low>{_COUNT})\s*(?:个月)?\s*(?:-|\.\.|{SPAN_SLIPS})\s*(?P<high>{_COUNT})\s*个月\s*")
"""``3-6个月``, ``3到6个月``, ``3个月-6个月``: months 3 to 6, or a length of 3 to 6 months (持续3-6个月), as ``6个月`` is
six months long; ``第3-6个月`` (第) and ``3-6月`` (no 个) are months alone (worded_months.py)."""
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


def after_length(text: str) -> int | None:
    """The count of months ``text`` is the time after (``3个月后``: 3); None for any other text."""
    match = _LENGTH.fullmatch(text)
    if match is None or match["first"] or not match["after"]:
        return None
    return _count(match["count"])


def length_span(text: str) -> tuple[int, int] | None:
    """The two counts of a span of lengths (``3-6个月``: 3, 6) that is two readings, months 3 to 6 or the plan's first
    3 to 6 months (``_lengths_hint``); None for any other text, and for one from 1 (``1-6个月``), whose readings are
    one, months 1 to 6."""
    lengths = _LENGTHS.fullmatch(text)
    if lengths is None:
        return None
    low, high = _count(lengths["low"]), _count(lengths["high"])
    return (low, high) if low is not None and high is not None and 1 < low < high else None


def length_hint(text: str, place: str, last: int, horizon: bool, keys: frozenset[int] | None = None) -> str | None:
    """What ``text`` is, a length of months (``6个月``), the first months (``前两个月``: only where one month is asked;
    a span's place reads it as worded_months.py does) or the time after them (``两个月后``: a gate's month only), and
    what to write for it
    in ``place`` (worded_months.py ``PLACES``, ``span`` for a channel's months); None for any other text. ``last``:
    the last month the field takes (the horizon, or the month before it: ``horizon`` False, a gate's test month)."""
    lengths = _LENGTHS.fullmatch(text)
    if lengths is not None and place in ("span", "key"):
        return _lengths_hint(text.strip(), _count(lengths["low"]), _count(lengths["high"]), last, horizon, place, keys)
    match = _LENGTH.fullmatch(text)
    if match is None or match["first"] and match["after"]:
        return None
    count = _count(match["count"])
    if count == 0 and match["after"]:
        return _after_none(text.strip(), place, keys)
    # The first months where a span or a by_month key's two ends are written are worded_months.py's span (1-2).
    if count is None or count == 0 or match["first"] and place != "one":
        return None
    bound = f"the horizon of {last} months" if horizon else f"month {last}, the last this takes"
    written = text.strip()
    if match["after"]:
        # A gate's test runs in months 1..after_month, and what follows it comes after them: after_month is their count.
        # Elsewhere 3个月后 is three months later than some time unsaid: no reading is told (worded_months.py).
        what = f"{written} is the time after the first {'month' if count == 1 else f'{count} months'}, not a month"
        if place == "one" and not horizon:
            return f"{what}: write {count}" if count <= last else f"{what}; month {count} is past {bound}"
        # Where months run or a value starts (a channel's months, a by_month key) it is the months from the next on,
        # to the plan's end; a milestone's month (horizon) or a list's item is no such place.
        if place not in ("span", "key"):
            return f"{what}; {_NOT_HERE['item']}" if place == "item" else None
        if count + 1 > last:
            return f"{what}; month {count + 1} is past {bound}"
        if place == "key":
            return "; ".join(note for note in (f"{what}: write key {count + 1}, its first month",
                                               *clashes(count + 1, count + 1, keys), around(count + 1, last, last, keys))
                             if note)
        months = str(last) if count + 1 == last else f"{count + 1}-{last}"
        return f"{what}: write {months} if it means the plan's months after the first {count}"
    months = "1 month" if count == 1 else f"{count} months"
    what = (f"{written} is the first {months}, not a month" if match["first"] else
            f"{written} is a length of {months}, not a month")
    if place in _NOT_HERE:
        return f"{what}; {_NOT_HERE[place]}"
    if count > last and place == "span" and horizon and not match["first"]:
        # 30个月 of 24: the plan's first 24 months are all of them; only months 25 to 30 lie past it.
        past = f"month {count} is" if count == last + 1 else f"months {last + 1} to {count} are"
        return f"{what}: write 1-{last} or all if it means the plan's first {last} months; {past} past {bound}"
    if count > last:
        return f"{what}; month {count} is past {bound}"
    if place == "span":
        return f"{what}: write {'1' if count == 1 else f'1-{count}'} if it means the plan's first {months}"
    return f"{what}: write {count}, the month it ends on"


def _after_none(written: str, place: str, keys: frozenset[int] | None) -> str:
    """``0个月后``, after no month at all: the plan has no month 0, so from month 1 where months run or a value
    starts (a channel's months, a by_month key), else no month to tell."""
    what = f"{written} is the time after no month: a plan has no month 0"
    if place == "key":
        return "; ".join([what, "write key 1 if it means from month 1", *clashes(1, 1, keys)])
    if place == "span":
        return f"{what}; write all if it means from month 1"
    return what


def _lengths_hint(written: str, low: int | None, high: int | None, last: int, horizon: bool, place: str = "span",
                  keys: frozenset[int] | None = None) -> str | None:
    """``3-6个月`` where a channel's months are asked: months 3 to 6 (as ``第3-6个月``), or a length of 3 to 6 months from
    month 1 (as ``6个月`` is told 1-6), which the format writes as one of its spans: both are told, neither read. As a
    by_month key (``place`` key) the same two readings, each as the keys that hold a value over it (key_holds.py,
    ``keys`` the schedule's months keyed by number)."""
    # From month 1 both readings are one (1-6个月: months 1 to 6, the first 6 months): worded_months.py tells it 1-6.
    if low is None or high is None or not 1 < low < high:
        return None
    bound = f"the horizon of {last} months" if horizon else f"month {last}, the last this takes"
    what = f"{written} is months {low} to {high} or a length of {low} to {high} months"
    if low > last:
        return f"{what}; month {low} is past {bound}"
    # Each reading within the field's months is offered, the rest told where it lies: 3-30个月 of 24 is no months 3
    # to 30, but a length of 3 to 24 months is a plan's first 3 to 24.
    top = min(high, last)
    firsts = _firsts(low, top) if place == "span" else _first_keys(low, top)
    first = f"{low} months" if low == top else f"{low} to {top} months"
    if place == "key":
        head = "a by_month key is one month, not a span"
        spans = ([] if high > last else [(low, high)]) + [(1, count) for count in range(low, top + 1)]
        months = "" if high > last else f"keys {low} and {high} if it means the plan's months {low} to {high}, or "
        tail = f"; month {high} is past {bound}" if high > last else ""
        return (f"{head}; {what}: write {months}{firsts} if it means the plan's first {first}{tail}; "
                f"{span_holds(spans, last, keys)}")
    if high > last:
        return f"{what}: write {firsts} if it means the plan's first {first}; month {high} is past {bound}"
    return f"{what}: write {low}-{high} if it means the plan's months {low} to {high}, or {firsts} if it means the " \
           f"plan's first {first}"


def _first_keys(low: int, high: int) -> str:
    """The keys of a by_month value over a plan's first ``low`` to ``high`` months: ``keys 1 and 3, 4, 5 or 6``."""
    if low == high:
        return f"keys 1 and {low}"
    ends = [str(count) for count in range(low, high + 1)]
    return f"keys 1 and {', '.join(ends[:-1])} or {ends[-1]}" if len(ends) <= 4 else f"keys 1 and one of {low} to {high}"


def _firsts(low: int, high: int) -> str:
    """The spans from month 1 of a length of ``low`` to ``high`` months: ``1-3, 1-4, 1-5 or 1-6``, ``one of 1-3 to
    1-24`` where more than four."""
    spans = [f"1-{count}" for count in range(low, high + 1)]
    if len(spans) == 1:
        return spans[0]
    return f"{', '.join(spans[:-1])} or {spans[-1]}" if len(spans) <= 4 else f"one of {spans[0]} to {spans[-1]}"
