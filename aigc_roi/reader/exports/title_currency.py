"""The currency a title line above an export's header states: ``Currency: USD`` in one cell, or ``Currency`` and
``USD`` in two, as Apple Ads writes the ad account's currency above its report (货币、币种 alike).

A console whose money columns name no currency in their headers (Apple's ``Spend``) states it there; read as the
plan's, a report in dollars would be compared with a plan in yuan as though it were yuan. The line's code is the
export's currency where no header or shape states one (report.py holds it to the plan's, at this line). A title
that names no currency (``Currency: see note``) is refused at its cell rather than passed over. A title line of
the report's time zone (Apple's ``Time Zone``) is read alike, for its time basis to name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from aigc_roi.reader.exports.cells import CellError, shown
from aigc_roi.reader.exports.units import money_unit

_CURRENCY = r"(currency|货币|币种)\s*"
_TIME_ZONE = r"(time\s*zone|时区)\s*"


def _in_one(word: str) -> re.Pattern[str]:
    """``Currency: USD``, one cell."""
    return re.compile(word + r"[:：]\s*(\S.*)", re.IGNORECASE)


def _key(word: str) -> re.Pattern[str]:
    """``Currency`` (or ``Currency:``) with the value in the next filled cell."""
    return re.compile(word + r"[:：]?", re.IGNORECASE)


_TITLES = {word: (_in_one(word), _key(word)) for word in (_CURRENCY, _TIME_ZONE)}


@dataclass(frozen=True)
class TitleCurrency:
    line: int
    column: int
    """The number of the cell that holds the code (1 = the first)."""
    key: str
    """The title's word as written (``Currency``), the path its errors name."""
    code: str | None
    """The ISO code; None for a cell that names no currency (``refused``)."""
    written: str

    def refused(self) -> CellError:
        return CellError("a currency code such as CNY or USD", shown(self.written))


Titles = tuple[tuple[int, tuple[str, ...]], ...]


def _titled(titles: Titles, word: str) -> tuple[int, int, str, str] | None:
    """(line, cell number, key as written, value) of the first title line of ``word``'s, ``Key: value`` in one cell
    or ``Key`` beside ``value``; None where none is."""
    in_one, key_alone = _TITLES[word]
    for line, cells in titles:
        filled = [(number, cell.strip()) for number, cell in enumerate(cells, 1) if cell.strip()]
        if not filled:
            continue
        if (one := in_one.fullmatch(filled[0][1])) is not None:
            return line, filled[0][0], one[1], one[2].strip()
        if (alone := key_alone.fullmatch(filled[0][1])) is not None and len(filled) > 1:
            return line, filled[1][0], alone[1], filled[1][1]
    return None


def title_currency(titles: Titles, plan: str) -> TitleCurrency | None:
    """The first title line that states a currency, ``Currency: USD`` or ``Currency`` beside ``USD`` (a sign read
    as a cell's, the ``plan``'s currency where it may mean it); None where none does."""
    titled = _titled(titles, _CURRENCY)
    if titled is None:
        return None
    line, number, key, written = titled
    unit = money_unit(written.upper() if written.isascii() else written)
    unit = unit and unit.read_in(plan)
    code = unit.currency if unit is not None and unit.scale == 1.0 else None
    return TitleCurrency(line, number, key, code, written)


def title_time_zone(titles: Titles) -> str | None:
    """The time zone a title line states (Apple's ``Time Zone: America/Los_Angeles``), as written; None where none
    does: the days of such a report are that zone's (the time basis says so)."""
    titled = _titled(titles, _TIME_ZONE)
    return None if titled is None else titled[3]
