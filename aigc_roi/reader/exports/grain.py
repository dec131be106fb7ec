"""What tells an export's rows of one campaign-day apart: the id of an ad, unit or creative of the campaign, and the hour.

An ad-level report has a row per ad and day, an hourly one a row per hour;
each row's ``parts`` (model/actuals.py) say which, and duplicates.py sums
the parts of a campaign-day into one row while refusing a part given twice.
A finer level's column is the id, else (an export without it) the name
(platforms.finer_levels). The hour is an hour column's (``hour``, ``小时``:
hours.py reads its cells), else the time of day of the date cells
(``2025-03-01 01:00``) where it varies within a day (``by_day_times``).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, replace

from aigc_roi.model.actuals import HOUR, ReportRow
from aigc_roi.reader.exports.cells import CellError, blank, campaign_name, identifier
from aigc_roi.reader.exports.hours import clock, hour

Cells = Sequence[object]

@dataclass(frozen=True)
class Finer:
    """A finer level's column of an export (platforms.finer_levels)."""

    index: int
    header: str
    named: bool
    """The level's name column, which the export has in place of its id column: text as written, where an id
    column's cells are ids (``1E5`` an ad's name, ``1.80E+15`` an id that lost digits)."""


class PartError(CellError):
    """A cell that tells a row's part (``row_parts``) and holds none: ``index``, its column."""

    def __init__(self, index: int, refused: CellError) -> None:
        super().__init__(refused.expected, refused.found)
        self.index = index
        self.args = (index, refused)  # this constructor's, which pickle rebuilds it with, not CellError's


def row_parts(cells: Cells, finer: Sequence[Finer], hour_index: int | None, date_index: int,
              row_day: datetime.date | None, day_zero: datetime.date) -> tuple[tuple[str, str], ...]:
    """A row's parts: (header, value) of each ``finer`` column it fills, then its hour, the
    ``hour_index`` column's where the export has one, else its date's time of day; ``PartError`` for an hour cell
    of no whole hour of ``row_day`` (a totals row's label is skipped before: totals.py) or a finer id that lost
    digits."""
    try:
        when = (hour(cells[hour_index], row_day, day_zero) if hour_index is not None
                else clock(cells[date_index]))
    except CellError as error:
        raise PartError(hour_index or 0, error) from None
    hours = () if when is None else ((HOUR, when),)
    if not finer:
        return hours  # most exports: one row per campaign-day, read without building a list per row
    return tuple((column.header, _value(cells[column.index], column)) for column in finer
                 if not blank(cells[column.index])) + hours


_MIDNIGHT = "00:00"


def by_day_times(rows: list[ReportRow]) -> list[ReportRow]:
    """``rows`` of an export without an hour column, at the grain of its dates' times: hours where a day's times
    vary, a date alone its midnight (Excel's General writes hour 0 of an hourly report so: ``2025/3/1`` above
    ``2025/3/1 1:00``); else days, whatever one time a day they hold (a workbook's date cells of a daily report are
    at midnight, and so are some rows of a daily CSV that Excel saved)."""
    if not any(part[0] == HOUR for row in rows for part in row.parts):
        return rows  # most exports: their dates are days
    if not _times_vary(rows):
        return [replace(row, parts=tuple(part for part in row.parts if part[0] != HOUR)) for row in rows]
    return [row if any(part[0] == HOUR for part in row.parts) else replace(row, parts=(*row.parts, (HOUR, _MIDNIGHT)))
            for row in rows]


def _times_vary(rows: list[ReportRow]) -> bool:
    """Whether two rows of one day are at two times of it, a date alone at its midnight."""
    first: dict[datetime.date, str] = {}
    for row in rows:
        when = next((value for label, value in row.parts if label == HOUR), _MIDNIGHT)
        if first.setdefault(row.day, when) != when:
            return True
    return False


def _value(cell: object, column: Finer) -> str:
    """A finer name as a campaign's is read, text as written; a finer id as the campaign's is matched (``1800001.0``
    is ``1800001``), one that lost digits refused as the campaign's is: two ads it could no longer tell apart would
    be refused as one given twice, or summed as one."""
    if column.named:
        return campaign_name(cell)
    try:
        return identifier(cell, FINER_ID)
    except CellError as error:
        raise PartError(column.index, error) from None


FINER_ID = "an ad's id with all its digits"
