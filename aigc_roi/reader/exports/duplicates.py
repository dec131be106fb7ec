"""The same campaign-day in two rows of the exports: refused (a report exported twice would double the spend),
or summed with ``--sum-duplicates``.

Two rows of a day are the same campaign's when they come from the same
platform (a generic CSV's or an unknown console's from any: they name none) and have the same id,
whatever their names (a campaign renamed between two exports), or the same
name where one of them has no id (an export without the id column). Rows of
two platforms are two campaigns, whatever their names.
"""

from __future__ import annotations

import datetime

from aigc_roi.model.actuals import ReportRow, ReportSource
from aigc_roi.model.errors import ScenarioError
from aigc_roi.reader.exports.platforms import PLATFORMS

GENERIC = "generic"
"""The platform of a shape that names none (``Platform.fallback``): its rows may be any platform's."""

_NAMES_NONE = frozenset(platform.key for platform in PLATFORMS if platform.fallback)


def platform_of(shape: str) -> str:
    """The platform of a shape's key (``oceanengine_api`` and ``oceanengine_console``: ``oceanengine``), whose
    campaigns and ids its API and console exports share; ``GENERIC`` for a shape that names none."""
    return GENERIC if shape in _NAMES_NONE else shape.rpartition("_")[0] or shape


class Duplicates:
    """Every row kept once (the module's rule), a repeated one summed into it or refused in ``errors``."""

    def __init__(self, sources: dict[str, ReportSource], sum_duplicates: bool, errors: list[ScenarioError]) -> None:
        self.sources, self.sum_duplicates, self.errors = sources, sum_duplicates, errors
        self.platform = {file: platform_of(source.platform) for file, source in sources.items()}
        # (platform, day, id or name) -> (index of the kept row, the row that has that id or name).
        self.ids: dict[tuple[str, datetime.date, str], tuple[int, ReportRow]] = {}
        self.names: dict[tuple[str, datetime.date, str], tuple[int, ReportRow]] = {}
        self.names_without_id: dict[tuple[str, datetime.date, str], tuple[int, ReportRow]] = {}
        self.platforms: set[str] = set()
        self.summed: dict[str, int] = {}
        """file -> its rows added into an earlier row (--sum-duplicates)."""

    def kept(self, rows: list[ReportRow]) -> list[ReportRow]:
        kept: list[ReportRow] = []
        for row in rows:
            platform = self.platform[row.file]
            found = self._earlier(row, platform)
            if found is None:
                self._remember(row, platform, len(kept))
                kept.append(row)
                continue
            index, earlier, by = found
            self._remember(row, platform, index)
            if self.sum_duplicates:
                kept[index] = _summed(kept[index], row)
                self.summed[row.file] = self.summed.get(row.file, 0) + 1
            else:
                self._refuse(row, earlier, by)
        return kept

    def _earlier(self, row: ReportRow, platform: str) -> tuple[int, ReportRow, str] | None:
        """The kept row ``row`` repeats (its index), the earlier row that says so and their common field, or None."""
        for other in sorted(self.platforms) if platform == GENERIC else (platform, GENERIC):
            if row.campaign_id and (found := self.ids.get((other, row.day, row.campaign_id))):
                return *found, "campaign_id"
            names = self.names_without_id if row.campaign_id else self.names
            if row.campaign and (found := names.get((other, row.day, row.campaign))):
                return *found, "campaign"
        return None

    def _remember(self, row: ReportRow, platform: str, index: int) -> None:
        self.platforms.add(platform)
        if row.campaign_id:
            self.ids.setdefault((platform, row.day, row.campaign_id), (index, row))
        if row.campaign:
            self.names.setdefault((platform, row.day, row.campaign), (index, row))
            if not row.campaign_id:
                self.names_without_id.setdefault((platform, row.day, row.campaign), (index, row))

    def _refuse(self, row: ReportRow, earlier: ReportRow, by: str) -> None:
        source, first = self.sources[row.file], self.sources[earlier.file]
        column, header = source.cell(by)
        what = f"id {row.campaign_id!r}" if by == "campaign_id" else repr(row.campaign)
        hint = ""
        if (self.platform[row.file] == GENERIC) != (self.platform[earlier.file] == GENERIC):
            hint = "; an export that names no platform (a generic CSV, a console's) meets every export's campaigns"
        self.errors.append(ScenarioError(
            row.file, row.line, column, header,
            f"expected one row per day and campaign (or --sum-duplicates), found {row.day} {what} again "
            f"(first at {earlier.file}:{earlier.line}:{first.cell(by)[0]}){hint}"))


def _summed(a: ReportRow, b: ReportRow) -> ReportRow:
    def add(x: float | None, y: float | None) -> float | None:
        return None if x is None and y is None else (x or 0.0) + (y or 0.0)

    # The name or id one of the two lacked (an export without the id column) is the other's.
    return ReportRow(a.file, a.line, a.day, a.campaign or b.campaign, a.campaign_id or b.campaign_id, a.spend + b.spend,
                     add(a.impressions, b.impressions), add(a.clicks, b.clicks), add(a.users, b.users),
                     add(a.revenue, b.revenue))
