"""An export's column of each row's currency (``currency``, Google Ads' ``Currency code``, 币种, 货币).

Each row's currency must be the plan's: actuals converts none, so a row in another is refused at its cell, once
per currency (the fix is one for all of its rows), as an export whose header states another is refused at its
header. The first row that states the plan's sets the export's currency where its headers and shape state none,
so an amount with another currency's sign (``$5`` beside ``CNY``) is refused at its cell. A cell that states
nothing (empty, a dash, ``N/A``) leaves the row's money as the export's.

A column under a header no shape names whose every cell is an ISO code (``CodeColumns``) is one too: refused at its
first cell in each other currency, read as the export's currency column where all are the plan's.
"""

from __future__ import annotations

from aigc_roi.model.errors import ScenarioError
from aigc_roi.reader.currencies import ACTIVE
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


CODE_COLUMN = "a column whose every cell is an ISO 4217 currency code is read as each row's currency"
"""Why a column no shape names is held to the plan's currency, told with its refusal."""


WORD_CODES = frozenset({"ALL", "BAM", "BOB", "BTN", "CAD", "COP", "CUP", "GEL", "MAD", "MOP", "PEN", "SLE", "SOS", "TOP",
                        "TRY"})
"""Active ISO 4217 codes that are also words or other codes an export writes in capitals (a breakdown's ``ALL``, a
placement's ``TOP``, ``BTN`` and ``SLE`` Bhutan's and Sierra Leone's country codes): a column of these alone is not
taken for a currency column (QA: an export whose Age, Gender and Placement read ALL, ALL, TOP was refused as in lek
and pa'anga); beside another code, they are read as currencies."""


class CodeColumns:
    """The columns a shape does not read (``unread``: index -> header) whose every cell that states something is an
    active ISO 4217 code in capitals (``JPY``): a currency column under a header no source spells (Meta's Japanese
    ``通貨``, Korean ``통화``, any language's), which ignored would read 1,250 JPY as 1,250 of the plan's currency.
    Known codes only, in capitals, and only where every cell is one: a column of other three-letter words (a status
    ``ACT``, a campaign's code) is no currency's. Fed row by row (``see``), as the rows stream past."""

    def __init__(self, plan: str, unread: dict[int, str]) -> None:
        self.plan, self.unread = plan, unread
        self.first: dict[int, dict[str, int]] = {index: {} for index in unread}
        """Column -> each code it holds -> the first line holding it."""

    def see(self, line: int, cells: list[object]) -> None:
        for index in list(self.first):
            text = kept_text(cells[index]) if index < len(cells) else ""
            if text.lower() in NOTHING or not text.strip("-—–"):
                continue
            if text in ACTIVE:
                self.first[index].setdefault(text, line)
            else:
                del self.first[index]  # a cell that is no code: no currency column

    def columns(self) -> list[int]:
        """The columns that are currency columns, left to right: one holding a code that is no English word too
        (``WORD_CODES``): a breakdown's ``ALL`` and a placement's ``TOP`` are no lek nor pa'anga."""
        return sorted(index for index, codes in self.first.items() if set(codes) - WORD_CODES)

    def refused(self, file: str) -> list[ScenarioError]:
        """Each currency column's first cell in each currency other than the plan's, as ``CurrencyCells`` refuses
        a named currency column's (once per currency: the fix is one for all of its rows)."""
        return [ScenarioError(file, line, index + 1, self.unread[index],
                              str(in_another_currency(f"{self.plan} (the plan's currency)", f"{code!r}; {CODE_COLUMN}",
                                                      self.plan, code)))
                for index in self.columns()
                for code, line in sorted(self.first[index].items(), key=lambda item: item[1]) if code != self.plan]
