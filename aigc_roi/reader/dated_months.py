"""A month of the plan written as a date (``2025-06``) where the format takes its number, 1 for the plan's first
(docs/formulas.md §19): a milestone's ``month``, a gate's ``after_month``, a ``by_month`` key, a channel's ``months``,
``allocate --reach``. None of them reads a date; each is told which month of the plan the date is, counted from
``start``, in the same words."""

from __future__ import annotations

import re

from aigc_roi.model.ime_marks import SPAN_SLIPS
from aigc_roi.reader.month_lengths import after_length, length_span
from aigc_roi.reader.numbers import written_date
from aigc_roi.reader.worded_months import month_readings, span_keys, worded_hint

NO_DATES = "a month of the plan is a number, 1 for its first, not a date"

_SPAN = re.compile(rf"\s*(?P<first>[12][0-9]{{3}}-[0-9]{{1,2}}(?:-[0-9]{{1,2}})?)\s*(?:-|\.\.|{SPAN_SLIPS})\s*"
                   r"(?P<last>[12][0-9]{3}-[0-9]{1,2}(?:-[0-9]{1,2})?)\s*")
"""Two dates as a span of months is written, with any of the dashes MonthSet's slips name (``2025-04～2025-09``)."""


def date_hint(text: str, start: tuple[int, int] | None, last: int, spans: bool = False, horizon: bool = True,
              place: str = "one", keys: frozenset[int] | None = None) -> str | None:
    """Which month of the plan ``text`` is, written as a date (``2025-06``, ``2025-06-15``), or which months, written
    as a span of two, or its number where it is written with the word for month or a prefix (``6月``, ``3月-6月``,
    ``M3``: reader/worded_months.py); None for any other text. ``start`` is the plan's (year, month), None where it
    has none; ``spans``: the field takes a span or a list of months (a channel's ``months``), else one month;
    ``last``: the last month the field takes (the horizon, or the month before it: ``horizon`` False), past which a
    worded month is told where it lies, not written, and a date is told it lies past it; ``place``: where one month
    is written (worded_months.PLACES); ``keys``: a by_month key's, the months its schedule keys by number."""
    worded = worded_hint(text, start, spans, last, horizon, place, keys)
    if worded is not None:
        return worded
    date = written_date(text)
    if date is not None:
        return _counted(start, last, horizon, date)
    span = _SPAN.fullmatch(text)
    dates = (written_date(span["first"]), written_date(span["last"])) if span else (None, None)
    if dates[0] is None or dates[1] is None:
        return None
    return _counted(start, last, horizon, dates[0], dates[1])


def _counted(start: tuple[int, int] | None, end: int, horizon: bool, first: tuple[int, int],
             last: tuple[int, int] | None = None) -> str:
    """Which month of the plan a date is (or two dates are), and, where it lies past the field's ``end`` (the horizon,
    or the last month the field takes: ``horizon`` False), that it does: 2025-08 from a 2024-01 start is month 20,
    no month of a 12-month plan."""
    if start is None:
        return NO_DATES
    origin = f"months are counted from start ({_month_text(start)} is month 1)"
    months = [_month(start, date) for date in (first, last) if date is not None]
    early = next((date for date, month in zip((first, last), months, strict=False) if month < 1), None)
    if early is not None:
        return f"{origin}: {_month_text(early)} is before it"
    past = "" if max(months) <= end else (
        f", past the horizon of {end} months" if horizon else f", past month {end}, the last this takes")
    if last is None:
        return f"{origin}: {_month_text(first)} is month {months[0]}{past}"
    return f"{origin}: {_month_text(first)} to {_month_text(last)} are months {months[0]}-{months[1]}{past}"


def _month(start: tuple[int, int], date: tuple[int, int]) -> int:
    return (date[0] - start[0]) * 12 + date[1] - start[1] + 1


def _month_text(date: tuple[int, int]) -> str:
    return f"{date[0]}-{date[1]:02d}"


def key_readings(text: str, start: tuple[int, int] | None, horizon: int) -> list[tuple[int, int, str]] | None:
    """The months a ``by_month`` key asked of a --set names where it is no number (``6月``, ``M6``, ``3-6月``, ``前6个月``,
    ``3个月后``, ``2025-08``, ``2025-04~2025-06``), as (first, last, the reading in words) for each reading within
    1..``horizon``, first == last for one month: the plan's months, and the calendar's where a ``start`` makes them
    others; a date counted from ``start``, none without one. None for a text that names no such month (a number, a
    length, no month at all), which is offered as written. A span of lengths (``3-6个月``) is months 3 to 6 or the
    plan's first 3 to 6 months: each (the first and last where more than four) within the horizon."""
    lengths = length_span(text)
    if lengths is not None:
        low, high = lengths
        top = min(high, horizon)
        counts = list(range(low, top + 1))
        counts = counts if len(counts) <= 4 else [counts[0], counts[-1]]
        return ([(low, high, f"the plan's months {low} to {high}")] if high <= horizon else []) + [
            (1, count, f"the plan's first {count} months") for count in counts]
    spans = span_keys(text, start, horizon)
    if spans is not None:
        return spans
    months = month_readings(text, start, horizon)
    if months is not None:
        return [(month, month, meaning) for month, meaning in months]
    after = after_length(text)
    if after is not None:
        # 3个月后: the months after the first 3, 4 to the plan's end.
        return [(after + 1, horizon, "")] if after + 1 <= horizon else []
    span = _SPAN.fullmatch(text)
    dates = [written_date(text)] if span is None else [written_date(span["first"]), written_date(span["last"])]
    known = [date for date in dates if date is not None]
    if not known or len(known) < len(dates):
        return None
    if start is None:
        return []
    first, last = (_month(start, date) for date in (known[0], known[-1]))
    return [(first, last, "")] if 1 <= first <= last <= horizon else []
