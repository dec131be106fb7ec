"""A count read row by row as its indicator says: Meta's ``Results`` are new users only where the row's
``Result indicator`` is ``actions:mobile_app_install``, 百度's ``目标转化量`` only where its ``目标转化`` is ``APP激活``.

``Results`` counts whatever each ad set is optimised for (link clicks, purchases, installs), and ``目标转化量`` whatever
each unit is (a form submitted, a call, an activation), so such a column is new users only in an app campaign. A row
whose indicator names another result is refused, once per indicator (the fix is one for all its rows: export the
platform's column of new users, ``App installs``, ``激活人数``). An empty indicator (a dash, ``N/A``: ``cells.blank``
and ``NOTHING``) is a row of no results only where its count is none or 0: beside a count, what it counted no one
can tell, so it is refused as another indicator is, once. An export without the indicator column does not read the
count at all (platforms.columns_of).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from aigc_roi.reader.exports.cells import NOTHING, CellError, blank, count, kept_text, shown
from aigc_roi.reader.exports.platforms import Indicated, Platform
from aigc_roi.reader.exports.units import header_key, split_header


class IndicatorCells:
    def __init__(self, rule: Indicated, index: int, counted: str, counted_index: int,
                 read: Callable[[object], float | None] = count) -> None:
        self.rule, self.index, self.counted, self.counted_index, self.read = rule, index, counted, counted_index, read
        """``counted``: the counted column's header as the file spells it, at ``counted_index``, its cells read by
        ``read`` (with the export's decimal mark: ``0,5`` counts something where a comma is that mark)."""
        self.refused: set[str] = set()
        self.means = {mean.lower() for mean in rule.means}

    def check(self, cells: list[object], when: datetime.date | None, day_zero: datetime.date) -> None:
        """``CellError`` for an indicator of another result than the rule's, or an empty one beside a count, the
        first time it is met (whatever the row's day: the signature every row check of report.py has)."""
        text = kept_text(cells[self.index]).strip()
        empty = blank(text) or text.lower() in NOTHING
        value = "" if empty else text.lower()
        if value in self.means or value in self.refused or (empty and not self._counts(cells[self.counted_index])):
            return
        self.refused.add(value)
        found = shown(text)
        if empty:
            found += f" beside {shown(cells[self.counted_index])} in {self.counted}"
        raise CellError(f"{' or '.join(self.rule.means)}, the indicator of new users",
                        f"{found}; {self.counted} counts what each row's {self.rule.goal_of} is optimised for: export the "
                        f"{self.rule.instead} column, which counts new users whatever the goal")

    def _counts(self, cell: object) -> bool:
        """Whether a count cell holds more than nothing (a cell of no number is refused at itself, by report.py)."""
        try:
            return bool(self.read(cell))
        except CellError:
            return False


def indicator_cells(header: list[str], platform: Platform, index: int,
                    read: Callable[[object], float | None] = count) -> IndicatorCells | None:
    """The check of a column (at ``index``, whose cells ``read`` reads) under an ``Indicated`` rule; None for any
    other."""
    names = [split_header(cell)[0] for cell in header]
    for rule in platform.indicated:
        if names[index] == header_key(rule.header) and header_key(rule.indicator) in names:
            return IndicatorCells(rule, names.index(header_key(rule.indicator)), header[index].strip(), index, read)
    return None
