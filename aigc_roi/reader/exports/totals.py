"""Which rows of an export are a console's totals rows (skipped, and listed with their spend), not campaigns.

A totals label is a cell that is, whole, a totals word (``TOTALS``). A row is a totals row when

- its date cell, or its first cell where that is no campaign column, holds one: such a row has no day, so it is
  no campaign's (合计 at the bottom of a console report, ``Total: Account``, an account column's 总计);
- or a cell finer than its campaign-day holds one (grain.py): an ad's id or name (a 小计 under a campaign's ads),
  or its hour, where 全天 (the whole day) is one too (an hourly report's 合计 of the day): such a row is no part;
- or its campaign name or id cell holds one, it has no campaign id of its own (``ID``: a platform's ids are
  numbers, a totals row's id cell is empty, a dash, the label or a count such as 共12条), and either
  its date cell holds no date, or it comes from a console or a sheet of the user's own (an API writes no totals
  rows) and no channel's glob names the label (a daily 小计 with its date);
- or, in the export of a platform that names every campaign (``Platform.blank_totals``: Meta's account total above
  its rows, Apple Ads' below), every campaign column and every finer one is empty: its label is "" (no name), unless
  a cell of the first point writes one (Apple's ``Total`` in its date cell).

A glob names a label when it matches it and spells its totals word (``Total*``, ``合计``, ``小计*``): the plan
says a campaign is called so; ``*`` or ``dy_*`` say nothing about it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from functools import lru_cache

from aigc_roi.model.actuals import SkippedTotals
from aigc_roi.reader.exports.cells import CellError, blank, day, kept_text, written

TOTALS = re.compile(r"(?P<word>合\s*计|总\s*计|汇\s*总|小\s*计|total|totals|grand\s*total|sub-?total|totales|gesamt|"
                    r"insgesamt|summe)\s*"
                    r"(?:[:：].*|[(（][^()（）]*[)）])?", re.IGNORECASE)
"""The label of a console's sum of the other rows, the whole cell: 合计 (巨量引擎), 总计 (腾讯广告), 小计 (a day's
subtotal), ``Total: Account`` (Google Ads), optionally followed by a colon and more (合计：, 总计: 3 条) or a bracket
(合计(12)); a Chinese word spaced out to fill its cell (``总 计``, ``合　计``) is one. The consoles whose localized
headers are read (locales.py) label their totals in their UI's language: German ``Gesamt: Konto`` (``Summe``,
``Insgesamt``), French ``Total : compte``, Spanish ``Total: Cuenta`` (``Totales``), Portuguese ``Total``, as the
sources docs/actuals.md names spell them. A campaign whose name merely
starts with one (总计划-抖音拉新, Totally Fresh Promo) is a campaign."""


WHOLE_DAY = re.compile(r"全天|全日|all\s*day|whole\s*day", re.IGNORECASE)
"""An hour cell's label of its day's total, besides a totals word."""


ID = re.compile(r"[A-Za-z0-9_.:+-]*\d[A-Za-z0-9_.:+-]*")
"""A campaign's id: a word of ASCII letters, digits and marks holding a digit (1790001, 7.30123E+18, KOL-01)."""


@lru_cache(maxsize=4096)
def totals_word(text: str) -> str | None:
    """The totals word of a cell that is a totals label (``TOTALS``), lower case; None for any other cell. A daily
    export repeats each date and campaign on many rows: each text is looked at once."""
    found = TOTALS.fullmatch(text.strip())
    if found is None:
        return None
    word = found["word"].lower()
    return word if word.isascii() else "".join(word.split())


def is_totals_label(text: str) -> bool:
    return totals_word(text) is not None


def names(globs: Sequence[str], label: str, word: str) -> bool:
    """Whether one of ``globs`` matches ``label`` (case-insensitively, as a channel's match does) and spells ``word``."""
    text = label.lower()
    return any(word in glob.lower() and fnmatchcase(text, glob.lower()) for glob in globs)


@dataclass
class TotalsRows:
    """The totals rows of one export (the module's rule) and their tally: label -> rows, spend and first line."""

    undated: tuple[int, ...]
    """The date column and the first one, where no campaign column: a label there is a row without a day."""
    campaign: tuple[int, ...]
    """The campaign name and id columns."""
    id_index: int | None
    date_index: int
    console: bool
    """A console's export or a sheet of the user's own, which may hold a day's 小计; an API's holds none."""
    globs: tuple[str, ...]
    spend: Callable[[list[object]], float]
    """The spend a totals row states (0 where it states none), as the listing shows it."""
    finer: tuple[int, ...] = ()
    """The columns of an ad's (unit's, creative's) id or name that tell a campaign-day's rows apart."""
    hour_index: int | None = None
    blank_totals: bool = False
    """A row that names no campaign (every campaign and finer column empty) is a total: the export's platform names
    every campaign it reports."""
    month_first: bool = False
    """Its dates of two numbers before the year are month first (``Platform.month_first``)."""
    tally: dict[str, list[float]] = field(default_factory=dict)
    """label -> [rows, spend, first line]."""

    def skipped(self, line: int, cells: list[object]) -> bool:
        """Whether the row is a totals row; if so it is tallied."""
        label = self._label(cells)
        if label is None:
            return False
        counted = self.tally.setdefault(label, [0, 0.0, line])
        counted[0] += 1
        counted[1] += self.spend(cells)
        return True

    def _label(self, cells: list[object]) -> str | None:
        for index in self.undated:
            if is_totals_label(text := written(cells[index])):
                return text
        for index in self.finer:
            if is_totals_label(text := written(cells[index])):
                return text
        if self.hour_index is not None:
            text = written(cells[self.hour_index])
            if is_totals_label(text) or WHOLE_DAY.fullmatch(text):
                return text
        # After the labels: a row naming no campaign that writes Total in its date cell (Apple's) is listed by it.
        if self.blank_totals and all(blank(written(cells[index])) for index in (*self.campaign, *self.finer)):
            return ""
        found = [(text, word) for index in self.campaign if (word := totals_word(text := written(cells[index]))) is not None]
        if not found or self._has_id(cells):
            return None
        label, word = found[0]
        if not self._dated(cells) or (self.console and not names(self.globs, label, word)):
            return label
        return None

    def _has_id(self, cells: list[object]) -> bool:
        if self.id_index is None:
            return False
        return ID.fullmatch(kept_text(cells[self.id_index])) is not None

    def _dated(self, cells: list[object]) -> bool:
        try:
            day(cells[self.date_index], month_first=self.month_first)
        except CellError:
            return False
        return True

    def listed(self) -> tuple[SkippedTotals, ...]:
        return tuple(SkippedTotals(label, int(rows), spend, int(line)) for label, (rows, spend, line) in self.tally.items())
