"""The same campaign-day in two rows of the exports: refused (a report exported twice would double the spend),
or summed with ``--sum-duplicates``; unless the rows are its parts (its ads, its hours: grain.py), summed.

Two rows of a day are the same campaign's when they come from the same
platform (a generic CSV's or an unknown console's from any: they name none) and have the same id,
whatever their names (a campaign renamed between two exports), or the same
name where one of them has no id (an export without the id column). Rows of
two platforms are two campaigns, whatever their names.

Rows of one campaign-day with parts of the same kind (the same finer columns,
each hourly or none) and different values are its parts; a part given again
(the same ad, or the same hour, twice on one day) is the campaign-day
repeated, and so is a part of another kind than its first row's (the day's
ads, then its hours, or the whole day): either would count money twice.
"""

from __future__ import annotations

import datetime

from aigc_roi.model.actuals import HOUR, ReportRow, ReportSource, rows_per
from aigc_roi.model.errors import ScenarioError
from aigc_roi.reader.exports.platforms import PLATFORMS
from aigc_roi.reader.exports.units import header_key

SUMMING = "sum_duplicates=True"
"""What sums a campaign-day's rows, as the refusal of a repeated one names it: the library's argument (api.actuals);
the CLI names its option, --sum-duplicates, in its place (cli/actuals.py)."""

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
        self.parts: dict[str, int] = {}
        """file -> its rows added into an earlier row of their campaign-day as another of its parts."""
        self.grains: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        """Index of a kept row -> the kind of parts of its first row (``_grain``) as spelled and as compared
        (``_keyed``), where it has parts."""
        self.seen: dict[tuple[int, tuple[tuple[str, str], ...]], ReportRow] = {}
        """(index of a kept row, parts) -> the first row of that part of its campaign-day, for rows with parts."""

    def kept(self, rows: list[ReportRow]) -> list[ReportRow]:
        kept: list[ReportRow] = []
        for row in rows:
            platform = self.platform[row.file]
            found = self._earlier(row, platform)
            keyed = _keyed(row.parts)
            if found is None:
                if row.parts:
                    self.grains[len(kept)] = (_grain(row), _labels(keyed))
                    self.seen[len(kept), keyed] = row
                self._remember(row, platform, len(kept))
                kept.append(row)
                continue
            index, earlier, by = found
            self._remember(row, platform, index)
            first_grain, first_key = self.grains.get(index, ((), ()))
            part = self.seen.setdefault((index, keyed), row) if row.parts else earlier
            alike = _labels(keyed) == first_key
            if row.parts and alike and part is row:
                kept[index] = _summed(kept[index], row)
                self.parts[row.file] = self.parts.get(row.file, 0) + 1
            elif self.sum_duplicates:
                kept[index] = _summed(kept[index], row)
                self.summed[row.file] = self.summed.get(row.file, 0) + 1
            elif alike:
                self._refuse(row, part, by, self._found(row, part, by, with_parts=True), first_grain)
            else:
                self._refuse(row, earlier, by, self._found(row, earlier, by) + f", one row per {rows_per(first_grain)}")
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

    def _found(self, row: ReportRow, earlier: ReportRow, by: str, with_parts: bool = False) -> str:
        """``2025-03-01 01:00 id '1790001' 广告ID '1800001' again (first at a.csv:2:3``: the row ``row`` repeats,
        its hour and finer ids where ``with_parts``, and where ``earlier`` is (its cell of ``by``, else of the
        campaign's other field), the bracket left open."""
        parts = dict(row.parts) if with_parts else {}
        hour = f" {parts.pop(HOUR)}" if HOUR in parts else ""
        what = f"id {row.campaign_id!r}" if by == "campaign_id" else repr(row.campaign)
        finer = "".join(f" {label} {value!r}" for label, value in parts.items())
        numbers = self.sources[earlier.file].column_numbers
        column = numbers.get(by) or numbers.get("campaign" if by == "campaign_id" else "campaign_id")
        return f"{row.day}{hour} {what}{finer} again (first at {earlier.file}:{earlier.line}:{column}"

    def _refuse(self, row: ReportRow, earlier: ReportRow, by: str, found: str,
                grain: tuple[str, ...] | None = None) -> None:
        """``grain``: the one the row's campaign-day is read at, as its first row spells it; else the row's own."""
        column, header = self.sources[row.file].cell(by)
        hint = ""
        if (self.platform[row.file] == GENERIC) != (self.platform[earlier.file] == GENERIC):
            hint = "; an export that names no platform (a generic CSV, a console's) meets every export's campaigns"
        self.errors.append(ScenarioError(
            row.file, row.line, column, header,
            f"expected one row per {rows_per(grain or _grain(row))} (or {SUMMING}), found {found}){hint}"))


def _grain(row: ReportRow) -> tuple[str, ...]:
    """The kind of a row's parts: the headers of its finer columns, and ``HOUR`` where it is an hour's."""
    return tuple(label for label, _ in row.parts)


def _keyed(parts: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """Parts with each header as ``header_key`` reads it: one report split into two files may spell its ``AD_ID``
    as ``ad_id``, its 广告ID as 广告id, the same column."""
    return tuple((header_key(label), value) for label, value in parts)


def _labels(keyed: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    return tuple(label for label, _ in keyed)


def _summed(a: ReportRow, b: ReportRow) -> ReportRow:
    def add(x: float | None, y: float | None) -> float | None:
        return None if x is None and y is None else (x or 0.0) + (y or 0.0)

    # The name or id one of the two lacked (an export without the id column) is the other's.
    return ReportRow(a.file, a.line, a.day, a.campaign or b.campaign, a.campaign_id or b.campaign_id, a.spend + b.spend,
                     add(a.impressions, b.impressions), add(a.clicks, b.clicks), add(a.users, b.users),
                     add(a.revenue, b.revenue))
