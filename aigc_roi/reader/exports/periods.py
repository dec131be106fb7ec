"""A column of weeks, months, quarters or years where an export's days would be: each of its rows sums a period.

A console breaks a report down by week or month when asked (Google Ads' ``Week`` and ``Month`` segments), writing
each row's period under a header that names it and, in its cells, the period's first day (``2026-01-26`` for the week
to February 1) or its name (``January 2026``). Read as days, a week's spend would land on its Monday, in January
where four of its days are February's, and a month's on its 1st. Such a header is refused at its cell, in each
language the shapes' headers are spelt in (English, Chinese; German, French, Spanish, Portuguese, Japanese and Korean:
locales.py), where no cell of the header is any shape's day column: a report broken down by day and week (``Day``
beside ``Week``) is one row a day, read by its days, the week column ignored.
"""

from __future__ import annotations

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


def period_of(header: str) -> str | None:
    """The period (``week``, ``month``, ``quarter``, ``year``) a header cell names, else None."""
    return _PERIODS.get(split_header(header)[0])


def period_column(header: list[str]) -> tuple[int, str] | None:
    """(index, period) of the first cell of ``header`` that names a period, where no cell is any shape's date column;
    else None."""
    if dated(header):
        return None
    return next(((index, period) for index, cell in enumerate(header) if (period := period_of(cell)) is not None), None)


def period_refused(period: str) -> str:
    """Why a period column is refused: its rows sum their periods' days, which no day of them can stand for."""
    return (f"expected a column of days, found a column of {period}s; a row of a {period} sums its days: export the "
            "report broken down by day")
