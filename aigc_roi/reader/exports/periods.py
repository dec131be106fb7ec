"""A column of weeks, months, quarters or years where an export's days would be: each of its rows sums a period.

A console breaks a report down by week or month when asked (Google Ads' ``Week`` and ``Month`` segments), writing
each row's period under a header that names it and, in its cells, the period's first day (``2026-01-26`` for the week
to February 1) or its name (``January 2026``). Read as days, a week's spend would land on its Monday, in January
where four of its days are February's, and a month's on its 1st. Such a header is refused at its cell, in each
language the shapes' headers are spelt in (English, Chinese; German, French, Spanish, Portuguese, Japanese and Korean:
locales.py), where the rows are not days otherwise: where no cell of the header is any shape's day column, no other
column's cells are dates of single days and no column is a day of the month. A report broken down by day and week
(``Day`` beside ``Week``) is one row a day, read by its days, the week column ignored; one whose days stand under
another name (``统计日期`` beside ``周`` of week numbers) is told to rename that column, as a report without a period
column is (near_shapes.py); one of ``Year,Month,Day of month`` writes each day in parts.
"""

from __future__ import annotations

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
    """(index, period) of the first cell of ``header`` that names a period, where the rows are no days otherwise: no
    cell is any shape's date column or a day of the month, and no column of ``rows`` (the first rows under the
    header) holds dates of single days (``days_column``); else None."""
    if dated(header) or any(day_of_month(cell) for cell in header) or days_column(header, rows) is not None:
        return None
    return next(((index, period) for index, cell in enumerate(header) if (period := period_of(cell)) is not None), None)


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
