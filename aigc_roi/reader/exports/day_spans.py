"""A row's last day beside the first its date is read from: one row must be one day.

Meta Ads Manager writes each row's span as ``Reporting starts`` and ``Reporting ends``. Broken down by day, a row
is one day (the two alike, or a ``Day`` column beside them, which is then the row's date); not broken down, every
row sums the report's whole range, which read by its first day would put a month's spend on the 1st. Such an export
is refused once, at the first row that spans days (the fix, exporting by day, is one for all its rows); one with the
first day alone, at its header: which of the two it is, nothing in it says. A row whose last day is empty says as
little of its span as that header, and one whose span ends before it starts is no span at all: each such row is refused
at its last day, every one (a damaged cell, not the report's kind), before any span of days.
"""

from __future__ import annotations

import datetime

from aigc_roi.reader.exports.cells import CellError, blank, day, kept_text, shown
from aigc_roi.reader.exports.platforms import Platform
from aigc_roi.reader.exports.units import header_key, split_header


class DaySpans:
    def __init__(self, index: int) -> None:
        self.index = index
        self.refused = False

    def check(self, cells: list[object], when: datetime.date | None, day_zero: datetime.date) -> None:
        """``CellError`` where the row's last day is empty or before its first, ``when``, or, the first time, after
        it; a first day the row's date cell has refused says nothing."""
        cell = cells[self.index]
        if when is None:
            return
        if blank(kept_text(cell)):
            raise CellError(f"{when}, the row's own day", f"{shown(cell)}; a row without its last day may sum the "
                                                          "report's whole range: export the report broken down by day")
        last = day(cell, day_zero)
        if last < when:
            raise CellError(f"{when}, the row's own day", f"{last} (a span that ends before it starts); export the "
                                                          "report again, broken down by day")
        if self.refused:
            return
        if last != when:
            self.refused = True
            days = (last - when).days + 1
            raise CellError(f"{when}, the row's own day", f"{last}; a row over {days} days sums them: export the report "
                                                           "broken down by day")


def day_spans(header: list[str], platform: Platform, date_index: int) -> DaySpans | None:
    """The check of an export whose date is read from the first day of a span (``Platform.day_ends``) and that has
    the span's last day; None for any other."""
    names = [split_header(cell)[0] for cell in header]
    for first, last, _ in platform.day_ends:
        if names[date_index] == header_key(first) and header_key(last) in names:
            return DaySpans(names.index(header_key(last)))
    return None


def unended(header: list[str], platform: Platform, date_index: int) -> CellError | None:
    """Why an export whose date is read from the first day of a span is refused at that header where it lacks the
    span's last day: nothing says its rows are days, and a report not broken down by day sums its whole range in each
    (the day column, where the export has it, is its date: ``Platform.columns``); None for any other."""
    names = [split_header(cell)[0] for cell in header]
    for first, last, day_column in platform.day_ends:
        if names[date_index] == header_key(first) and header_key(last) not in names:
            return CellError(f"{last} beside it, or a {day_column} column", "neither; each row may sum the report's "
                             "whole range: export the report broken down by day")
    return None
