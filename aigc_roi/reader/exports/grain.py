"""What tells an export's rows of one campaign-day apart: the id of an ad, unit or creative of the campaign, and the hour.

An ad-level report has a row per ad and day, an hourly one a row per hour;
each row's ``parts`` (model/actuals.py) say which, and duplicates.py sums
the parts of a campaign-day into one row while refusing a part given twice.
A finer level's column is the id, else (an export without it) the name
(platforms.finer_columns). The hour is an hour column's (``hour``, ``小时``:
``1``, ``01:00``, ``01:00-02:00``), else the time of day of the date cells
(``2025-03-01 01:00``), unless every date's time is midnight: a workbook's
date cells of a daily report are such times.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from aigc_roi.model.actuals import HOUR, ReportRow
from aigc_roi.reader.exports.cells import CellError, blank, campaign_name, identifier, kept_text, shown

Cells = Sequence[object]

_TIME = re.compile(r"[ T](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$")
"""The time after a date's text (``2025-03-01 01:00``, ``2025/3/1 1:00:00``, ``2025-03-01T01:00:00``)."""
_SERIAL_TIME = re.compile(r"\d{5}\.\d+")
"""An Excel date serial with a fraction, the time of day."""
_HOUR = re.compile(r"\s*(\d{1,2})(?:\s*[:：]\s*(\d{2}))?(?!\d)")
"""The hour at the start of an hour cell: ``1``, ``01:00``, ``01:00-02:00``, ``1时``."""


EXPECTED_HOUR = "an hour such as 1, 01:00 or 01:00-02:00"


@dataclass(frozen=True)
class Finer:
    """A finer level's column of an export (platforms.finer_columns)."""

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


def row_parts(cells: Cells, finer: Sequence[Finer], hour_index: int | None,
              date_index: int) -> tuple[tuple[str, str], ...]:
    """A row's parts: (header, value) of each ``finer`` column it fills, then its hour, the
    ``hour_index`` column's where the export has one, else its date's time of day; ``PartError`` for an hour cell
    of no hour (a totals row's label is skipped before: totals.py) or a finer id that lost digits."""
    try:
        when = hour(cells[hour_index]) if hour_index is not None else clock(cells[date_index])
    except CellError as error:
        raise PartError(hour_index or 0, error) from None
    hours = () if when is None else ((HOUR, when),)
    if not finer:
        return hours  # most exports: one row per campaign-day, read without building a list per row
    return tuple((column.header, _value(cells[column.index], column)) for column in finer
                 if not blank(cells[column.index])) + hours


def without_midnight(rows: list[ReportRow]) -> list[ReportRow]:
    """``rows`` of an export without an hour column, as days where every date's time is midnight."""
    hours = {value for row in rows for label, value in row.parts if label == HOUR}
    if hours != {"00:00"}:
        return rows
    return [replace(row, parts=tuple(part for part in row.parts if part[0] != HOUR)) for row in rows]


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


def clock(cell: object) -> str | None:
    """The time of day a date cell holds, ``HH:MM``, its text kept as text read as it (``="2025-03-01 01:00"``);
    None for a date alone."""
    if type(cell) is str:
        return _clock_of_text(kept_text(cell))
    if isinstance(cell, datetime.datetime):
        return f"{cell.hour:02d}:{cell.minute:02d}"
    if isinstance(cell, float) and not cell.is_integer():
        return _of_day(cell)
    return None


@lru_cache(maxsize=4096)
def _clock_of_text(cell: str) -> str | None:
    """A daily export repeats each date once per campaign: each text is read once."""
    text = cell.strip()
    if _SERIAL_TIME.fullmatch(text):
        return _of_day(float(text))
    found = _TIME.search(text)
    return None if found is None else f"{int(found[1]):02d}:{found[2]}"


def hour(cell: object) -> str | None:
    """The hour an hour cell holds, ``HH:MM``, read as ``kept_text`` (``="01:00"`` and ``'01:00`` are ``01:00``, kept
    as text the spreadsheet way); None for an empty one; ``CellError`` for a cell of no hour, which summed as one
    more part would count its money again or lose it."""
    if isinstance(cell, datetime.datetime | datetime.time):
        return f"{cell.hour:02d}:{cell.minute:02d}"
    if isinstance(cell, float) and 0 < cell < 1:
        return _of_day(cell)  # a time cell of a workbook left unformatted: a fraction of the day
    if isinstance(cell, int | float) and not isinstance(cell, bool) and float(cell).is_integer() and 0 <= cell <= 23:
        return f"{int(cell):02d}:00"
    if blank(cell):
        return None
    text = kept_text(cell)
    found = _HOUR.match(text)
    if found is None or int(found[1]) > 23 or int(found[2] or 0) > 59:
        raise CellError(EXPECTED_HOUR, shown(cell))
    return f"{int(found[1]):02d}:{found[2] or '00'}"


def _of_day(serial: float) -> str:
    minutes = round((serial % 1) * 24 * 60) % (24 * 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
