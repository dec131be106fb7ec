"""An export's column of each row's currency (``currency``, Google Ads' ``Currency code``, 币种, 货币).

Each row's currency must be the plan's: actuals converts none, so a row in another is refused at its cell, once
per currency (the fix is one for all of its rows), as an export whose header states another is refused at its
header. The first row that states the plan's sets the export's currency where its headers and shape state none,
so an amount with another currency's sign (``$5`` beside ``CNY``) is refused at its cell. A cell that states
nothing (empty, a dash, ``N/A``) leaves the row's money as the export's.
"""

from __future__ import annotations

from aigc_roi.reader.exports.cells import NOTHING, Amounts, CellError, in_another_currency, kept_text, shown
from aigc_roi.reader.exports.units import money_unit


class CurrencyCells:
    def __init__(self, plan: str, money: Amounts) -> None:
        self.plan, self.money = plan, money
        self.refused: set[str] = set()

    def check(self, cell: object) -> None:
        """``CellError`` for a cell that names no currency, or (the first time) one other than the plan's."""
        text = kept_text(cell)
        if text.lower() in NOTHING or not text.strip("-—–"):
            return
        unit = money_unit(text.upper() if text.isascii() else text)
        unit = unit and unit.read_in(self.plan)
        if unit is None or unit.scale != 1.0:
            raise CellError("a currency code such as CNY or USD", shown(cell))
        code = unit.currency
        if code != self.plan:
            if code in self.refused:
                return
            self.refused.add(code)
            found = shown(cell) if str(cell).strip().upper() == code else f"{shown(cell)} ({code})"
            raise in_another_currency(f"{self.plan} (the plan's currency)", found, self.plan, code)
        if self.money.currency is None:
            self.money.currency = code
