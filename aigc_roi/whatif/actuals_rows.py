"""The rows of the exports tallied for the comparison (whatif/actuals.py): per channel and plan month their sums,
the metrics none there and why, the spend no channel matched, and the exports that fall short of a stated day.

A metric is none in a channel-month where an export of the channel covering that month has no column for it, or
where one of the channel's rows of that month reports nothing in its cell (``NotReported``, its first such row):
that month alone, never the channel's others (docs/formulas.md §16).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from aigc_roi.model.actuals import MAX_PLACES, Report


@dataclass(frozen=True)
class NotReported:
    """The first row of a channel-month whose cell of a metric reports nothing (such as ``N/A``): the metric, and
    what is computed from it, is none in that month alone."""

    metric: str
    """impressions, clicks, users or revenue."""
    file: str
    line: int
    column: int
    header: str
    """The column's header as the file spells it."""

    @property
    def place(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Unmatched:
    file: str
    campaign: str
    spend: float


EARLY_END_DAYS = 7
"""An export whose rows end more than this many days before the stated --through (or start as long after --from)
is named: its campaigns are read as spending nothing on those days, which a campaign paused for a week may well
have done, but an export downloaded for a shorter range has not."""


@dataclass(frozen=True)
class StatedGap:
    """An export whose rows end long before the stated --through (``end`` through) or start long after --from."""

    file: str
    end: str
    """``from`` or ``through``: the stated end the rows fall short of."""
    row_day: datetime.date
    """The export's last row's day (its first's, for ``from``)."""
    stated: datetime.date

    @property
    def days(self) -> int:
        return abs((self.stated - self.row_day).days)


def export_days(report: Report) -> dict[str, tuple[datetime.date, datetime.date]]:
    """The first and the last day each export reports."""
    days: dict[str, tuple[datetime.date, datetime.date]] = {}
    for row in report.rows:
        first, last = days.get(row.file, (row.day, row.day))
        days[row.file] = (min(first, row.day), max(last, row.day))
    return days


def stated_gaps(file_days: dict[str, tuple[datetime.date, datetime.date]], from_day: datetime.date | None,
                through: datetime.date | None) -> tuple[StatedGap, ...]:
    """The exports whose own rows end (start) more than EARLY_END_DAYS before --through (after --from)."""
    gaps = []
    for file, (first, last) in file_days.items():
        if from_day is not None and (first - from_day).days > EARLY_END_DAYS:
            gaps.append(StatedGap(file, "from", first, from_day))
        if through is not None and (through - last).days > EARLY_END_DAYS:
            gaps.append(StatedGap(file, "through", last, through))
    return tuple(gaps)


def channel_files(channel_of: list[int | None], report: Report, channels: int) -> list[set[str]]:
    """Per channel, the files its rows come from (none for a channel no row matched)."""
    files: list[set[str]] = [set() for _ in range(channels)]
    for row, index in zip(report.rows, channel_of, strict=True):
        if index is not None:
            files[index].add(row.file)
    return files


OPTIONAL = ("impressions", "clicks", "users", "revenue")
"""The metrics an export may lack or leave unreported in a row; spend is never none (nothing reported is 0)."""


def lacking_columns(report: Report, files: list[set[str]], file_days: dict[str, tuple[datetime.date, datetime.date]],
                    start: tuple[int, int]) -> dict[tuple[int, int], set[str]]:
    """(channel, month) -> the metrics an export of the channel covering that month has no column for, or one empty
    in every row (``ReportSource.unfilled``)."""
    sources = {source.file: source for source in report.sources}
    lacking: dict[tuple[int, int], set[str]] = {}
    for index, own in enumerate(files):
        for file in own:
            missing = {name for name in OPTIONAL if not sources[file].reports(name)}
            first, last = file_days[file]
            for month in range(month_number(start, first), month_number(start, last) + 1) if missing else ():
                lacking.setdefault((index, month), set()).update(missing)
    return lacking


def none_in(reported: bool, unreported: Mapping[str, NotReported], lacking: set[str]) -> set[str]:
    """The metrics none in a channel-month: every one, spend too, where nothing is reported (no export of the
    channel covers it, or none of their rows matched it), else those a row left unreported or an export lacks."""
    return {"spend", *OPTIONAL} if not reported else set(unreported) | lacking


def month_number(start: tuple[int, int], day: datetime.date) -> int:
    return (day.year - start[0]) * 12 + day.month - start[1] + 1


def tally_rows(report: Report, channel_of: list[int | None], start: tuple[int, int], channels: int) -> tuple[
        dict[tuple[int, int], dict[str, float]], dict[tuple[int, int], dict[str, NotReported]], list[int], list[Unmatched]]:
    """Summed metrics per (channel, month), the first row per (channel, month) and metric whose cell reports
    nothing, rows per channel, unmatched spend; each sum exact to the places its cells wrote (``Report.exact``)."""
    monthly: dict[tuple[int, int], dict[str, float]] = {}
    unreported: dict[tuple[int, int], dict[str, NotReported]] = {}
    sources = {source.file: source for source in report.sources}
    matched = [0] * channels
    unmatched: dict[tuple[str, str], float] = {}
    for row, index in zip(report.rows, channel_of, strict=True):
        if index is None:
            key = (row.file, row.campaign_key)
            unmatched[key] = unmatched.get(key, 0.0) + row.spend
            continue
        matched[index] += 1
        month = (index, month_number(start, row.day))
        sums = monthly.setdefault(month, {})
        sums["spend"] = sums.get("spend", 0.0) + row.spend
        for name in OPTIONAL:
            value = getattr(row, name)
            if value is not None:
                sums[name] = sums.get(name, 0.0) + value
            elif (source := sources[row.file]).reports(name) and name not in unreported.get(month, {}):
                # The export fills the column: this row's cell reported nothing (a missing column, or one empty in
                # every row, is lacking_columns').
                unreported.setdefault(month, {})[name] = NotReported(name, row.file, row.line, *source.cell(name))
    exact = report.exact()
    for sums in monthly.values():
        for name, total in sums.items():
            sums[name] = round(total, exact.get(name, MAX_PLACES))
    spend = exact.get("spend", MAX_PLACES)
    listed = [Unmatched(file, campaign, round(total, spend)) for (file, campaign), total in unmatched.items()]
    listed.sort(key=lambda item: -item.spend)
    return monthly, unreported, matched, listed
