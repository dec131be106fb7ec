"""The currency a title line above an export's header states: ``Currency: USD`` in one cell, or ``Currency`` and
``USD`` in two, as Apple Ads writes the ad account's currency above its report (货币、币种 alike).

A console whose money columns name no currency in their headers (Apple's ``Spend``) states it there; read as the
plan's, a report in dollars would be compared with a plan in yuan as though it were yuan. The line's code is the
export's currency where no header or shape states one (report.py holds it to the plan's, at this line). A title
that names no currency (``Currency: see note``) is refused at its cell rather than passed over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from aigc_roi.reader.exports.cells import CellError, shown
from aigc_roi.reader.exports.units import money_unit

_WORD = r"(currency|货币|币种)\s*"
_IN_ONE = re.compile(_WORD + r"[:：]\s*(\S.*)", re.IGNORECASE)
"""``Currency: USD``, one cell."""
_KEY = re.compile(_WORD + r"[:：]?", re.IGNORECASE)
"""``Currency`` (or ``Currency:``) with the code in the next filled cell."""


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


def title_currency(titles: tuple[tuple[int, tuple[str, ...]], ...]) -> TitleCurrency | None:
    """The first title line that states a currency, ``Currency: USD`` or ``Currency`` beside ``USD``; None where
    none does."""
    for line, cells in titles:
        filled = [(number, cell.strip()) for number, cell in enumerate(cells, 1) if cell.strip()]
        if not filled:
            continue
        if (one := _IN_ONE.fullmatch(filled[0][1])) is not None:
            key, number, written = one[1], filled[0][0], one[2].strip()
        elif (alone := _KEY.fullmatch(filled[0][1])) is not None and len(filled) > 1:
            key, (number, written) = alone[1], filled[1]
        else:
            continue
        unit = money_unit(written.upper() if written.isascii() else written)
        code = unit.currency if unit is not None and unit.scale == 1.0 else None
        return TitleCurrency(line, number, key, code, written)
    return None
