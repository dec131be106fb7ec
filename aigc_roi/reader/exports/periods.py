"""A column of weeks, months, quarters or years where an export's days would be: each of its rows sums a period.

A console breaks a report down by week or month when asked (Google Ads' ``Week`` and ``Month`` segments), writing
each row's period under a header that names it and, in its cells, the period's first day (``2026-01-26`` for the week
to February 1) or its name (``January 2026``). Read as days, a week's spend would land on its Monday, in January
where four of its days are February's, and a month's on its 1st. Such a header is refused at its cell, in each
language the shapes' headers are spelt in (English, Chinese; German, French, Spanish, Portuguese, Japanese and Korean:
locales.py), where the rows are not days otherwise: where no cell of the header is any shape's day column and its
cells name their year (a week's start: whatever other column holds dates, a campaign's start date is no day of the
rows), or, its cells labels (week numbers), where no other column's cells are dates of single days and no column is a
day of the month. A report broken down by day and week (``Day`` beside ``Week``) is one row a day, read by its days,
the week column ignored, where each day is of its row's week (``period_outside``: a start date renamed ``Day`` is
not); one whose days stand under another name (``统计日期`` beside ``周`` of week numbers) is told to rename that
column, as a report without a period column is (near_shapes.py); one of ``Year,Month,Day of month`` writes each day
in parts, and ``Year,Month`` of numbers sums months.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from aigc_roi.reader.exports.cells import CellError, blank, day, written
from aigc_roi.reader.exports.platforms import dated
from aigc_roi.reader.exports.units import header_key, split_header

_WORDS = {
    "week": ("Week", "By Week", "周", "按周", "周次", "Woche", "Semaine", "Semana", "週", "주"),
    "month": ("Month", "By Month", "月", "按月", "月份", "Monat", "Mois", "Mes", "Mês", "월"),
    "quarter": ("Quarter", "季度", "按季度", "Quartal", "Trimestre", "四半期", "분기"),
    "year": ("Year", "年", "按年", "年份", "Jahr", "Année", "Año", "Ano", "연도", "년"),
}
"""The words a period column's header is, by its period, as ``split_header`` reads a header: its brackets aside, so
Google's ``Week (Mon - Sun)`` and ``Week (Sun - Sat)`` are ``Week``. TikTok's ``By Week``, ``按周``, ``By Month``
and ``按月`` are its ``By Day``'s and ``按天``'s periods."""

_PERIODS = {header_key(word): period for period, words in _WORDS.items() for word in words}

_DAYS_OF_MONTH = {header_key(word) for word in ("Day of month", "Tag des Monats", "Jour du mois", "Día del mes",
                                                "Dia do mês")}
"""The words a column of days of the month is headed by: beside ``Year`` and ``Month`` its rows are days, written in
parts, no period's sums. (``日`` and ``일`` are the Japanese and Korean shapes' day column itself: locales.py.)"""

_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
"""A cell a date serial would read as a date (an impressions count of 45,000 is no day in 2023)."""


def period_of(header: str) -> str | None:
    """The period (``week``, ``month``, ``quarter``, ``year``) a header cell names, else None."""
    return _PERIODS.get(split_header(header)[0])


def day_of_month(header: str) -> bool:
    """Whether a header cell names a column of days of the month (``Day of month``, ``日``)."""
    return split_header(header)[0] in _DAYS_OF_MONTH


def period_column(header: list[str], rows: Sequence[Sequence[object]] = ()) -> tuple[int, str] | None:
    """(index, period) of the cell of ``header`` that names a period where the rows are periods, else None (no cell of
    the header is any shape's date column: ``period_outside`` checks a day column's rows). A period column whose cells
    in ``rows`` name their year (``2025-04-07``, ``2025-04``, ``March 2025``, a range) holds the rows' periods,
    whatever other column holds dates (a campaign's start, created or export date); one of labels (week numbers,
    ``W10``, month names or numbers, ``周一``) stands beside the rows' days where another column's cells are dates of
    single days or a column is a day of the month; else the rows are the finest period a column names (``Year,Month``
    of numbers: months)."""
    if dated(header):
        return None
    periods = [(index, period) for index, cell in enumerate(header) if (period := period_of(cell)) is not None]
    for index, period in periods:
        if any(_names_year(row[index]) for row in rows if index < len(row)):
            return index, period
    if not periods or any(day_of_month(cell) for cell in header) or days_column(header, rows) is not None:
        return None
    return min(periods, key=lambda column: _FINEST.index(column[1]))


_FINEST = ("week", "month", "quarter", "year")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
"""A year in a period's cell (``2025-04``, ``2025年第10周``): a number alone (``2025`` under ``Year``) is a label."""


def _names_year(cell: object) -> bool:
    if isinstance(cell, datetime.date):
        return True
    text = written(cell).strip()
    return not isinstance(cell, int | float) and not _NUMBER.fullmatch(text) and _YEAR.search(text) is not None


def period_outside(period: str, cell: object, row_day: datetime.date) -> datetime.date | None:
    """The date a period column's ``cell`` names (``2025-04-07``, a week's first or last day) where ``row_day``, the row's
    day from its day column, is no day of that period: the day column then holds no days of the rows (a start date),
    which are periods. None where the day is of it, or the cell is no date (a week number)."""
    try:
        start = day(cell)
    except CellError:
        return None
    if period == "week":
        # A week is named by its first day or by its last (a Google week ending on Sunday, 2025-03-02 for March 1):
        # either way no day of it lies more than six days from the date named.
        within = abs((row_day - start).days) <= 6
    else:
        size = {"month": 1, "quarter": 3, "year": 12}[period]
        within = row_day.year == start.year and (row_day.month - 1) // size == (start.month - 1) // size
    return None if within else start


def period_outside_refused(period: str, start: datetime.date, column: str, row_day: datetime.date) -> str:
    """Why a row whose day column's day is no day of its period is refused: its day column is no day of the row."""
    return (f"found the {period} of {start.isoformat()} beside {column} {row_day.isoformat()}, no day of that {period}; "
            f"a row of a {period} sums its days: export the report broken down by day")


def days_column(header: list[str], rows: Sequence[Sequence[object]], skipped: Sequence[str] = ()) -> int | None:
    """The index of the first column of ``header``, naming no period and none of ``skipped``, whose cells in ``rows``
    are dates of single days: a date in every filled cell, written as a date is (not a number a serial would read as
    one), and in one at least. A period column's cells are dates too, each its period's first day: never its days."""
    for index, name in enumerate(header):
        if not name.strip() or period_of(name) is not None or split_header(name)[0] in skipped:
            continue
        column = [row[index] for row in rows if index < len(row) and not blank(written(row[index]))]
        if column and all(_is_date(cell) for cell in column):
            return index
    return None


def _is_date(cell: object) -> bool:
    if isinstance(cell, int | float) or _NUMBER.fullmatch(written(cell)):
        return False
    try:
        day(cell)
    except CellError:
        return False
    return True


def period_refused(period: str) -> str:
    """Why a period column is refused: its rows sum their periods' days, which no day of them can stand for."""
    return (f"expected a column of days, found a column of {period}s; a row of a {period} sums its days: export the "
            "report broken down by day")
