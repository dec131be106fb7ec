"""Dates written with the year last, as consoles in English write them: ``Mar 1, 2025``, ``Mar 1,2025`` or ``March 1,
2025`` (Google Ads in an English locale), ``1 Mar 2025``, ``1-Mar-2025`` and ``01-Mar-2025`` (Excel's d-mmm-yyyy), and
``03/01/2025`` (Apple Ads' charts download); the time after any of them is clock_text.py's.

A month's name says which number is the day, so such a date is read in any export. Two numbers before the year do
not: ``03/01/2025`` is March 1 as the US writes it and 3 January as most of the world does. It is read month first
only in an export whose shape says its platform writes dates so (``Platform.month_first``), and only written with
slashes as the platform writes it: with dots or dashes (``01.03.2025``) it is a day-first locale's form, which a
spreadsheet rewrote the export in, and may have read its dates day first on the way. Elsewhere it is refused with
why, rather than read one way round by a guess that would put a day's money on another day, or in another month;
``13/03/2025``, whose 13 is no month, says its own order but not that of the export's other dates (``03/04/2025``),
so it is refused too, saying which order it is. So is a year of two digits (``1-Mar-25``, Excel's d-mmm-yy;
``03/01/25``), whose century the text does not say: in an export that does not say the order that is the reason given,
as the one that holds whatever the order. Dots with a year of four digits (``01.03.2025``) say the order where the
shape says none: no locale writes a month first with dots, so such a date is day first (German, French, Russian).
"""

from __future__ import annotations

import re

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MONTH_NUMBERS = {name: number for number, month in enumerate(_MONTHS, 1) for name in (month, month[:3])} | {"sept": 9}
"""A month's English name, whole or in three letters (``Sept`` too), lower case -> its number; not the locale's."""

_YEAR = r"(\d{4}|\d{2})"
_NAMED = re.compile(rf"([a-z]+)\.? (\d{{1,2}})(?:, ?| ){_YEAR}|(\d{{1,2}})[ -]([a-z]+)\.?(?:, ?|[ -]){_YEAR}",
                    re.IGNORECASE)
_NUMBERS = re.compile(rf"(\d{{1,2}})([/.-])(\d{{1,2}})\2{_YEAR}")

_AS_ISO = "write its dates as YYYY-MM-DD"
_ORDER_UNSAID = ("a date of two numbers before its year may be month first (MM/DD/YYYY) or day first (DD/MM/YYYY), and "
                 f"the export does not say which: {_AS_ISO}")
_REWRITTEN = ("its dates are month first with slashes (MM/DD/YYYY), and one with dots or dashes is a day-first form "
              f"(DD.MM.YYYY) a spreadsheet rewrote it in: export the report again, or {_AS_ISO}")
_TWO_DIGITS = f"a year of two digits may be of any century: {_AS_ISO}"


def year_last(text: str, month_first: bool) -> tuple[int, int, int] | str | None:
    """(year, month, day) of ``text`` written year last (its time split off: clock_text.py); a hint (``; ...``)
    where its form is one but its month or its year cannot be told or is none; None for any other text."""
    named = _NAMED.fullmatch(text)
    if named is not None:
        month, day, year = (named[1], named[2], named[3]) if named[1] else (named[5], named[4], named[6])
        number = _MONTH_NUMBERS.get(month.lower())
        if number is None:
            return None
        return f"; {_TWO_DIGITS}" if len(year) == 2 else (int(year), number, int(day))
    numbers = _NUMBERS.fullmatch(text)
    if numbers is None:
        return None
    if not month_first:
        if numbers[2] == "." and len(numbers[4]) == 4:
            return _day_first(int(numbers[1]), int(numbers[3]), int(numbers[4]))
        return _order_unsaid(int(numbers[1]), int(numbers[3]), numbers[4])
    if numbers[2] != "/":
        return f"; {_REWRITTEN}"
    if len(numbers[4]) == 2:
        return f"; {_TWO_DIGITS}"
    month = int(numbers[1])
    if not 1 <= month <= 12:
        return f"; its dates are month first (MM/DD/YYYY), and {month} is no month"
    return int(numbers[4]), month, int(numbers[3])


def _day_first(day: int, month: int, year: int) -> tuple[int, int, int] | str:
    """A date written with dots, day first as every locale that writes dots writes it (DD.MM.YYYY)."""
    if not 1 <= month <= 12:
        return f"; a date with dots is day first (DD.MM.YYYY), and {month} is no month"
    return year, month, day


def _order_unsaid(first: int, second: int, year: str) -> str | None:
    """Why two numbers before the ``year`` are no date in an export that does not say their order: the century a year
    of two digits does not say, else the order, which a number no month (``13/03/2025``) says of its own date alone;
    None where neither order makes a date (``13/13/2025``)."""
    month_first, day_first = 1 <= first <= 12 and 1 <= second <= 31, 1 <= second <= 12 and 1 <= first <= 31
    if not (month_first or day_first):
        return None
    if len(year) == 2:
        return f"; {_TWO_DIGITS}"
    if month_first and day_first:
        return f"; {_ORDER_UNSAID}"
    order, no_month = ("month first (MM/DD/YYYY)", second) if month_first else ("day first (DD/MM/YYYY)", first)
    return f"; {no_month} is no month, so this date is {order}, but the export does not say its other dates are: {_AS_ISO}"
