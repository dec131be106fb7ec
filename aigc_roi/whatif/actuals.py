"""Plan meets reality: the ad platforms' rows mapped to the plan's channels and compared by plan month.

Definitions (docs/formulas.md §16):

- A row belongs to the channel one of whose globs (its ``match`` and the
  ``--map`` ones) matches the row's campaign name or id, case-insensitively
  (``fnmatch`` globs: ``*``, ``?``, ``[...]``). No channel: its spend is
  listed as unmatched per campaign. Two channels: an error naming both.
- Compared months: from the month of the first day any export reports to
  the month of the last (``through``), or of the days the user states the
  exports were run from and through (``from_day``, ``through``: a platform
  leaves out the days a campaign spent nothing, so its last row need not be
  the export's last day). A channel's exports are the files its
  rows come from; they cover the days from the first any of them reports to
  the last (every one the stated days, when stated). A channel-month is partial when they cover only some of its
  days (``covered`` = days covered / days in the month; its plan is the
  planned month times ``covered``), and not exported when they cover none
  (an export that ends earlier than another's): its actual is none, not 0.
  An export whose own rows end (start) more than EARLY_END_DAYS before
  (after) a stated day is named (``gaps``): its campaigns are read as
  spending nothing on the days between, which a shorter download has not.
- Plan (whatif/actuals_plan.py): the deterministic run (every range at its median), an input written by month at
  each month's value. Actual: sums of
  the rows; none at all for a channel no row matched (not in the exports is
  not "spent nothing"). ``cac`` = spend / users, ``ctr`` = clicks / impressions, ``cvr``
  = users / clicks, ``revenue_per_user`` = early revenue / users; none where
  the denominator is 0, in a month an export of the channel covers without
  the column, or in a month one of the channel's rows reports nothing in its
  cell (``NotReported``: that month alone, never the channel's others). The plan's
  revenue_per_user is the gross revenue one user the channel buys pays in its join month
  (age 0; its conversion index, that month's prices and rates): first-day and first-7-day payments are part of it.
- Percentile: of an actual among the ``samples`` draws of the same
  channel-month (sampling.realize with ``seed``; spend and users times
  ``covered``): 100 x (draws below + half the draws equal) / draws, so an
  actual equal to a fixed plan value is the 50th. Flagged outside 5..95
  unless within 1% of the plan (``ON_PLAN``).
- Furthest-off assumption: for each input of the channel that the data
  measures (unit cost, volume, ctr, cvr; see ``_assumptions``), actual /
  plan over all compared months (a rate's plan: its months' values weighted by the actual impressions, clicks for
  cvr); the one with the largest |ln(ratio)|.
"""

from __future__ import annotations

import calendar
import datetime
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from typing import Any

import numpy as np

from aigc_roi.model.actuals import MAX_PLACES, Report, ReportRow, ReportSource, plan_days
from aigc_roi.model.arguments import samples_and_seed
from aigc_roi.model.errors import ScenarioError, ScenarioInvalid, capped_each_file
from aigc_roi.model.ime_marks import BRACKETS, EQUALS, ime_slip
from aigc_roi.model.limits import MAX_ACTUALS_SAMPLES, MIN_ACTUALS_SAMPLES
from aigc_roi.model.names import did_you_mean, listed
from aigc_roi.model.paths import (
    ChannelReader,
    RefusedName,
    by_name,
    channel_called,
    channel_path,
    channel_references,
    names_something,
    path_end,
    references_like,
    row_name,
)
from aigc_roi.model.sampling import Clipped, ClipTally
from aigc_roi.model.scenario import Channel, CpaChannel, CpmChannel, FlatChannel, KolChannel, Scenario
from aigc_roi.whatif.actuals_plan import Measured, PlanSeries, ratio
from aigc_roi.whatif.actuals_rows import (
    NotReported,
    StatedGap,
    Unmatched,
    channel_files,
    export_days,
    lacking_columns,
    month_number,
    none_in,
    stated_gaps,
    tally_rows,
)
from aigc_roi.whatif.errors import ArgumentError, WhatIfError

FLAG_LOW, FLAG_HIGH = 5.0, 95.0
"""Percentiles outside which an actual is flagged: the plan's own 90% band."""
ON_PLAN = 0.01
"""An actual within 1% of the plan is on plan even where the plan has no spread (a fixed budget the
platform paced to within a few tenths of a percent): only a real miss is flagged."""
DEFAULT_SAMPLES = 2_000
"""Draws per channel-month: a percentile's sampling error stays under 0.5 points at P5/P95."""
PERCENTILE_METRICS = ("spend", "users", "cac")


@dataclass(frozen=True)
class ChannelMonth:
    month: int
    label: str
    covered: float
    """Share of the month's days the channel's exports cover (1 for a complete month, 0 when none does)."""
    plan: Measured
    actual: Measured
    percentile: dict[str, float | None]
    """spend, users, cac -> percentile 0..100 of the actual among the plan's draws."""
    not_reported: tuple[NotReported, ...] = ()
    """Per metric none because a row's cell reported nothing, that metric's first such row."""

    @property
    def partial(self) -> bool:
        return self.covered < 1.0

    @property
    def exported(self) -> bool:
        """Whether the channel's exports cover any day of the month."""
        return self.covered > 0.0

    @property
    def flagged(self) -> tuple[str, ...]:
        """The metrics outside the plan's P5-P95 and more than ON_PLAN off the plan."""
        flagged = []
        for name, value in self.percentile.items():
            if value is None or FLAG_LOW <= value <= FLAG_HIGH:
                continue
            planned, actual = getattr(self.plan, name), getattr(self.actual, name)
            if planned is None or actual is None or abs(actual - planned) > ON_PLAN * abs(planned):
                flagged.append(name)
        return tuple(flagged)


@dataclass(frozen=True)
class Deviation:
    """One assumption of the plan against what the exports measured."""

    path: str
    """The field as ``--set`` names it: ``acquisition[0].bid``."""
    measure: str
    """What was measured for it: cac, spend, users, impressions, cpm, ctr, cvr."""
    plan: float
    actual: float
    named_path: str = ""
    """``path`` with the channel by name, as the views show it (model/paths.py ``by_name``); JSON keeps ``path``."""

    @property
    def ratio(self) -> float:
        return self.actual / self.plan


@dataclass(frozen=True)
class ChannelActuals:
    name: str
    type: str
    index: int
    months: tuple[ChannelMonth, ...]
    deviations: tuple[Deviation, ...]
    """Every measurable assumption, furthest off first."""
    matched_rows: int
    days: tuple[datetime.date, datetime.date] | None = None
    """The first and last day the channel's exports cover (``--from`` and ``--through`` where stated); None where no
    row matched it, whose months are compared over every export's days."""

    @property
    def path(self) -> str:
        """Where the file sets the channel, ``acquisition[1]``: two channels may share a name."""
        return channel_path(self.index)

    @property
    def furthest(self) -> Deviation | None:
        return self.deviations[0] if self.deviations else None


@dataclass(frozen=True)
class Actuals:
    scenario: str
    through: datetime.date
    month_numbers: tuple[int, ...]
    """Plan months compared, 1-based."""
    sources: tuple[ReportSource, ...]
    channels: tuple[ChannelActuals, ...]
    unmatched: tuple[Unmatched, ...]
    samples: int
    seed: int
    coverage: dict[int, float] = field(repr=False)
    """month -> covered share."""
    clipped: tuple[Clipped, ...] = ()
    """The ranges whose ``samples`` draws were clipped to their field's domain."""
    first_day: datetime.date | None = None
    """The first day covered (the rows' first, or ``--from``); None only for an Actuals built by hand."""
    stated: tuple[str, ...] = ()
    """Which ends of the coverage the user stated: ``from``, ``through``; the others are the rows' first and last day."""
    gaps: tuple[StatedGap, ...] = ()
    """The exports whose rows fall more than EARLY_END_DAYS short of a stated day."""
    start: tuple[int, int] | None = None
    """The plan's start (year, month), which placed the exports' days in its months: a re-forecast takes them for a
    plan of that start only. None only for an Actuals built by hand."""

    @property
    def past_months(self) -> tuple[int, ...]:
        """The compared months the exports cover completely: what a re-forecast replaces (a partial month stays
        as planned)."""
        return tuple(month for month in self.month_numbers if self.coverage[month] >= 1.0)

    @property
    def through_label(self) -> str:
        return f"{self.through.year:04d}-{self.through.month:02d}"

    def row_name(self, channel: ChannelActuals) -> str:
        """The channel as a table or a line that names it alone labels it: its name, ``x (acquisition[1])`` where
        another channel has that name too (model/paths.py ``row_names``)."""
        return row_name(channel.name, channel.path, [other.name for other in self.channels])


MAP_TEXT = "NAME=GLOB such as 'Douyin CPA=dy_*'"
"""A ``--map``, as the option and a text of ``maps`` expect it (cli/actuals.py ``parse_maps``)."""


def map_slip(text: str, read: ChannelReader, names: Sequence[str]) -> str | None:
    """The hint at an input method's ``＝`` or brackets in a ``NAME=GLOB`` whose NAME names a channel (``read``) only
    with them as ASCII, the channels' ``names`` keeping their own (model/ime_marks.py)."""

    def reads(typed: str) -> bool:
        end = path_end(typed)
        return typed[end:end + 1] == "=" and bool(typed[end + 1:].strip()) and names_something(read, typed[:end].strip())

    return ime_slip(text, EQUALS + BRACKETS, reads, names)


def map_pairs(maps: object, read: ChannelReader, names: Sequence[str]) -> list[tuple[str, str]]:
    """``maps`` as (NAME, GLOB) pairs: each item such a pair of texts, or a text ``NAME=GLOB`` read as ``--map`` reads
    it (the name and glob stripped), and a text alone one item, not its characters. An ArgumentError naming ``maps[i]``
    for an item of neither form or with a blank name or glob: a glob matches no campaign by being empty; one an input
    method typed is told so (``map_slip``, the channels' ``names`` keeping their own)."""
    if isinstance(maps, str):
        maps = [maps]
    if isinstance(maps, Mapping | bytes) or not isinstance(maps, Iterable):
        raise ArgumentError("maps", f"expected a list of (NAME, GLOB) pairs or NAME=GLOB texts, found {maps!r} "
                                    f"({type(maps).__name__})")
    pairs = []
    for index, item in enumerate(maps):
        if isinstance(item, str):
            end = path_end(item)
            name, equals, glob = item[:end].strip(), item[end:end + 1], item[end + 1:].strip()
            slip = map_slip(item, read, names)
            if not (equals and name and glob) or slip:
                raise ArgumentError(f"maps[{index}]", f"expected {MAP_TEXT}, found {item!r}" + (f"; {slip}" if slip else ""))
            pairs.append((name, glob))
        elif isinstance(item, tuple | list) and len(item) == 2 and all(isinstance(part, str) and part.strip() for part in item):
            pairs.append((item[0], item[1]))
        else:
            raise ArgumentError(f"maps[{index}]", f"expected a (NAME, GLOB) pair of texts, neither blank, or {MAP_TEXT}, "
                                                  f"found {item!r} ({type(item).__name__})")
    return pairs


def mapped_channels(scenario: Scenario, pairs: Sequence[tuple[str, str]], read: ChannelReader) -> list[tuple[int, str]]:
    """(channel index, glob) of each (NAME, GLOB) pair (``maps``, ``--map NAME=GLOB``), its NAME a channel's reference
    as ``read`` reads it (model/paths.py ``ChannelReader``); an ArgumentError naming ``maps[i]`` for one of no channel,
    or refused, in ``--set``'s words."""
    mapped = []
    for index, (name, glob) in enumerate(pairs):
        try:
            channel = read(name)
        except RefusedName as refused:
            raise ArgumentError(f"maps[{index}]", str(refused)) from None
        if channel is None:
            _refuse_a_name_holding_equals(scenario, f"{name}={glob}", read, index)
            names = [channel.name for channel in scenario.acquisition]
            near = references_like(name, names, read)
            raise ArgumentError(f"maps[{index}]", f"expected a channel of the plan ({listed(channel_references(names, read)) or 'none'}), "
                                                  f"found {name!r}" + (f"; {did_you_mean(near)}" if near else ""))
        mapped.append((channel, glob))
    return mapped


def _refuse_a_name_holding_equals(scenario: Scenario, text: str, read: ChannelReader, index: int) -> None:
    """Refuse ``k=v=GLOB`` that names no channel ``k`` beside a channel named ``k=v``: the reader's refusal of that
    name, which no reference can hold (model/paths.py ``UNWRITTEN``), offering its path, as ``--set`` refuses it."""
    for name in dict.fromkeys(channel.name for channel in scenario.acquisition):
        if "=" in name and text.startswith(f"{name}="):
            try:
                read(name)
            except RefusedName as refused:
                raise ArgumentError(f"maps[{index}]", str(refused)) from None


def patterns_of(scenario: Scenario, extra: Sequence[tuple[int, str]] = ()) -> list[tuple[str, tuple[str, ...]]]:
    """(channel name, globs) per channel, in the plan's order: its own ``match`` (two channels may share a name, not
    their globs) and the ``extra`` (channel index, GLOB) ones (``mapped_channels``)."""
    names = [channel.name for channel in scenario.acquisition]
    globs = [list(channel.match or ()) for channel in scenario.acquisition]
    for index, glob in extra:
        globs[index].append(glob)
    return [(name, tuple(own)) for name, own in zip(names, globs, strict=True)]


def assign(report: Report, patterns: list[tuple[str, tuple[str, ...]]]) -> tuple[list[int | None], list[ScenarioError]]:
    """The channel index of each row (None: unmatched) and an error per campaign that two channels match."""
    cache: dict[tuple[str, str], int | None] = {}
    errors: list[ScenarioError] = []
    found: list[int | None] = []
    sources = {source.file: source for source in report.sources}
    for row in report.rows:
        key = (row.campaign, row.campaign_id)
        if key not in cache:
            cache[key] = _match(row, patterns, errors, sources)
        found.append(cache[key])
    return found, errors


def _match(row: ReportRow, patterns: list[tuple[str, tuple[str, ...]]], errors: list[ScenarioError],
           sources: Mapping[str, ReportSource]) -> int | None:
    texts = [text.lower() for text in (row.campaign, row.campaign_id) if text]
    hits = [(index, glob) for index, (_, globs) in enumerate(patterns)
            for glob in globs if any(fnmatchcase(text, glob.lower()) for text in texts)]
    channels = sorted({index for index, _ in hits})
    if len(channels) > 1:
        first, second = (next(glob for index, glob in hits if index == channel) for channel in channels[:2])
        # At the cell the globs matched: the name's, else (a glob on the id alone) the id's.
        by_name = bool(row.campaign) and any(fnmatchcase(row.campaign.lower(), glob.lower()) for _, glob in hits)
        column, header = sources[row.file].cell("campaign" if by_name else "campaign_id")
        names = [name for name, _ in patterns]
        one, other = (channel_called(names, index) for index in channels[:2])
        errors.append(ScenarioError(row.file, row.line, column, header,
                                    f"expected a campaign of one channel, found {row.campaign_key!r} matching both "
                                    f"{one!r} ({first!r}) and {other!r} ({second!r})"))
        return None
    return channels[0] if channels else None


def coverage(first_day: datetime.date, last_day: datetime.date, first_month: tuple[int, int],
             month_numbers: range) -> dict[int, float]:
    """month -> share of its days between ``first_day`` and ``last_day``."""
    year0, month0 = first_month
    shares: dict[int, float] = {}
    for month in month_numbers:
        year, zero_based = divmod(month0 - 1 + month - 1, 12)
        year, calendar_month = year0 + year, zero_based + 1
        days = calendar.monthrange(year, calendar_month)[1]
        first = max(first_day, datetime.date(year, calendar_month, 1))
        last = min(last_day, datetime.date(year, calendar_month, days))
        shares[month] = max(0, (last - first).days + 1) / days
    return shares


def compare(scenario: Scenario, report: Report, extra_patterns: Sequence[tuple[int, str]] = (),
            samples: int = DEFAULT_SAMPLES, seed: int = 0, from_day: datetime.date | None = None,
            through: datetime.date | None = None) -> Actuals:
    """Every channel's plan vs actual by plan month; ScenarioInvalid for an ambiguous campaign. ``from_day`` and
    ``through``, when given, are the days every export was run from and through (WhatIfError for days that leave
    out a row or the plan's horizon); a datetime (a pandas Timestamp too) is its day, whatever its time of day.
    WhatIfError for a report of no export, ``samples`` not a whole number from 100 to 100,000 or a ``seed`` not one
    >= 0, as `actuals --samples` and `--seed` hold them."""
    if scenario.start is None:
        raise WhatIfError("the plan has no start month: add start: YYYY-MM so export dates fall in plan months")
    if not report.sources:
        raise WhatIfError("exports: expected at least one export file, found none")
    samples, seed = draws(samples, seed)
    from_day, through = _day("from_day", from_day), _day("through", through)
    patterns = patterns_of(scenario, extra_patterns)
    channel_of, errors = assign(report, patterns)
    if errors:
        raise ScenarioInvalid(capped_each_file(errors))
    # One walk over the rows for every file's first and last day; the exports' together are their extremes.
    file_days = export_days(report)
    _check_stated(scenario, from_day, through, min(first for first, _ in file_days.values()),
                  max(last for _, last in file_days.values()))
    stated = tuple(name for name, day in (("from", from_day), ("through", through)) if day is not None)
    gaps = stated_gaps(file_days, from_day, through)
    file_days = {file: (from_day or first, through or last) for file, (first, last) in file_days.items()}
    first_day, through = min(first for first, _ in file_days.values()), max(last for _, last in file_days.values())
    numbers = range(month_number(scenario.start, first_day), month_number(scenario.start, through) + 1)
    covered = coverage(first_day, through, scenario.start, numbers)
    files = channel_files(channel_of, report, len(scenario.acquisition))
    monthly, unreported, matched, unmatched = tally_rows(report, channel_of, scenario.start, len(scenario.acquisition))
    exact = report.exact()
    lacking = lacking_columns(report, files, file_days, scenario.start)
    tally = ClipTally(scenario)
    series = PlanSeries.of(scenario, samples, seed, tally)
    labels = scenario.month_labels()
    channels = []
    for index, channel in enumerate(scenario.acquisition):
        days = None if not files[index] else (min(file_days[file][0] for file in files[index]),
                                              max(file_days[file][1] for file in files[index]))
        own = covered if days is None else coverage(*days, scenario.start, numbers)
        measured = [(series.month(index, month, own[month]),
                     _actual(monthly.get((index, month), {}),
                             none_in(own[month] > 0 and matched[index] > 0, unreported.get((index, month), {}),
                                     lacking.get((index, month), set()))))
                    for month in numbers]
        shares = np.array([own[month] for month in numbers])
        percentiles = _percentiles(series, index, [month - 1 for month in numbers], shares, [actual for _, actual in measured])
        months = tuple(ChannelMonth(month, labels[month - 1], own[month], planned, actual, percentile,
                                    tuple(unreported.get((index, month), {}).values()))
                       for month, (planned, actual), percentile in zip(numbers, measured, percentiles, strict=True))
        channels.append(ChannelActuals(channel.name, channel.type, index, months,
                                       _assumptions(channel, index, months, scenario, exact), matched[index], days))
    return Actuals(scenario.name, through, tuple(numbers), report.sources, tuple(channels), tuple(unmatched),
                   samples, seed, covered, tally.clipped(), first_day, stated, gaps, scenario.start)


def draws(samples: int, seed: int) -> tuple[int, int]:
    """``samples`` and ``seed`` as `actuals --samples` and `--seed` hold them; ArgumentError (a WhatIfError)
    otherwise."""
    return samples_and_seed(samples, seed, MIN_ACTUALS_SAMPLES, MAX_ACTUALS_SAMPLES, ArgumentError)


def _day(name: str, day: datetime.date | None) -> datetime.date | None:
    """A stated day as a date: a datetime's own (the exports report days, so 2025-04-30 23:59 states 04-30);
    WhatIfError for anything else."""
    if isinstance(day, datetime.datetime):
        return day.date()
    if day is not None and not isinstance(day, datetime.date):
        raise ArgumentError(name, f"expected a date, found {day!r} ({type(day).__name__})")
    return day


def _check_stated(scenario: Scenario, from_day: datetime.date | None, through: datetime.date | None,
                  first_row: datetime.date, last_row: datetime.date) -> None:
    """WhatIfError for a stated day outside the plan's horizon or one that would leave a row out of the exports."""
    assert scenario.start is not None
    first, last = plan_days(scenario.start, scenario.horizon_months)
    for argument, day in (("from_day", from_day), ("through", through)):
        if day is not None and not first <= day <= last:
            raise ArgumentError(argument, f"expected a date within {first}..{last} (the plan's months "
                                          f"1-{scenario.horizon_months}), found {day}")
    if from_day is not None and from_day > first_row:
        raise ArgumentError("from_day", f"expected a date on or before {first_row}, the first day the exports report, "
                                        f"found {from_day}")
    if through is not None and through < last_row:
        raise ArgumentError("through", f"expected a date on or after {last_row}, the last day the exports report, "
                                       f"found {through}")


def _actual(sums: Mapping[str, float], none: set[str]) -> Measured:
    """A channel-month's actual from its rows' ``sums``, none for the metrics in ``none``."""

    def metric(name: str) -> float | None:
        return None if name in none else sums.get(name, 0.0)

    spend = metric("spend")
    users, impressions, clicks, revenue = metric("users"), metric("impressions"), metric("clicks"), metric("revenue")
    return Measured(spend, users, ratio(spend, users), ratio(clicks, impressions), ratio(users, clicks),
                    ratio(revenue, users), impressions, clicks)


def _percentiles(series: PlanSeries, index: int, columns: list[int], covered: np.ndarray,
                 actuals: list[Measured]) -> list[dict[str, float | None]]:
    """Per compared month of channel ``index`` (``columns``: 0-based months, ``covered``: their shares), the
    percentile of its actual spend, users and cac among the draws; all months in one pass per metric."""
    drawn_spend = series.drawn_spend[:, index, columns] * covered
    drawn_users = series.drawn_users[:, index, columns] * covered
    with np.errstate(divide="ignore", invalid="ignore"):
        drawn_cac = np.where(drawn_users > 0, drawn_spend / np.where(drawn_users > 0, drawn_users, 1.0), np.nan)
    by_metric = {name: percentiles_of(draws, [getattr(actual, name) for actual in actuals])
                 for name, draws in (("spend", drawn_spend), ("users", drawn_users), ("cac", drawn_cac))}
    return [{name: by_metric[name][k] for name in PERCENTILE_METRICS} for k in range(len(actuals))]


def percentile_of(draws: np.ndarray, actual: float | None) -> float | None:
    """100 x (draws below + half the draws equal) / defined draws; None without an actual or a defined draw."""
    return percentiles_of(draws[:, np.newaxis], [actual])[0]


def percentiles_of(draws: np.ndarray, actuals: Sequence[float | None]) -> list[float | None]:
    """``percentile_of`` of each column of ``draws`` (samples, K) and its actual."""
    defined = np.count_nonzero(~np.isnan(draws), axis=0)
    known = np.array([actual is not None for actual in actuals])
    values = np.array([actual if actual is not None else 0.0 for actual in actuals], dtype=np.float64)
    # Equal within float rounding of a product (budget x share) counts as equal, not as above; NaN draws are neither.
    tolerance = 1e-9 * np.maximum(np.abs(values), 1.0)
    below = np.count_nonzero(draws < values - tolerance, axis=0)
    equal = np.count_nonzero(np.abs(draws - values) <= tolerance, axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        shares = 100.0 * (below + 0.5 * equal) / defined
    return [float(share) if ok and count > 0 else None for share, ok, count in zip(shares, known, defined, strict=True)]


@dataclass(frozen=True)
class _Totals:
    """A channel's plan and actual over the compared months (None where a month lacks the number). A rate's plan
    (``plan_cpm``, ``plan_ctr``, ``plan_cvr``) is its months' values weighted by their actual impressions (clicks for
    the cvr)."""

    spend: float | None
    users: float | None
    plan_spend: float | None
    plan_users: float | None
    impressions: float | None
    clicks: float | None
    plan_impressions: float | None = None
    plan_cpm: float | None = None
    plan_ctr: float | None = None
    plan_cvr: float | None = None


Candidate = tuple[str, str, float | None, float | None]
"""(field, measure, plan, actual) of one input the exports measure."""


def _cpa_candidates(channel: CpaChannel, t: _Totals) -> list[Candidate]:
    volume = ("budget", "spend", t.plan_spend, t.spend) if channel.budget is not None else ("users", "users", t.plan_users, t.users)
    return [("bid", "cac", ratio(t.plan_spend, t.plan_users), ratio(t.spend, t.users)), volume]


def _cpm_candidates(channel: CpmChannel, t: _Totals) -> list[Candidate]:
    candidates: list[Candidate] = [("cpm", "cpm", t.plan_cpm, ratio(t.spend * 1000.0 if t.spend is not None else None, t.impressions)),
                                   ("ctr", "ctr", t.plan_ctr, ratio(t.clicks, t.impressions)),
                                   ("cvr", "cvr", t.plan_cvr, ratio(t.users, t.clicks))]
    if channel.budget is not None:
        return [*candidates, ("budget", "spend", t.plan_spend, t.spend)]
    return [*candidates, ("impressions", "impressions", t.plan_impressions, t.impressions)]


def _kol_candidates(channel: KolChannel, t: _Totals) -> list[Candidate]:
    # Exports carry no post counts: the spend measures posts x fee, the users per spend the views' yield.
    return [("fee", "spend", t.plan_spend, t.spend),
            ("view_to_user", "users_per_spend", ratio(t.plan_users, t.plan_spend), ratio(t.users, t.spend))]


def _flat_candidates(channel: FlatChannel, t: _Totals) -> list[Candidate]:
    return [("cost", "spend", t.plan_spend, t.spend), ("users", "users", t.plan_users, t.users)]


MEASURED: dict[str, Callable[[Any, _Totals], list[Candidate]]] = {
    "cpa": _cpa_candidates, "cpm": _cpm_candidates, "kol": _kol_candidates, "flat": _flat_candidates}
"""By channel type (its ``type:`` word): the inputs an ad platform's export measures. A type without an entry
(one registered at run time) is compared by spend and users alone, with no assumption named."""


def _assumptions(channel: Channel, index: int, months: tuple[ChannelMonth, ...], scenario: Scenario,
                 exact: dict[str, int]) -> tuple[Deviation, ...]:
    """Each input the exports measure, with plan and actual over the compared months, furthest off first; the
    actuals summed exact to the places their cells wrote (``exact``: ``Report.exact``)."""
    # Only the months the channel's exports cover measure anything.
    months = tuple(month for month in months if month.exported)

    def total(side: str, name: str) -> float | None:
        values = [getattr(getattr(month, side), name) for month in months]
        if any(value is None for value in values):
            return None
        return round(sum(values), exact.get(name, MAX_PLACES)) if side == "actual" else sum(values)

    def weighted(name: str, weight: str) -> float | None:
        # By the actual impressions (clicks) of each month: what the plan expected of those there were, so a rate
        # written by month on plan in every month is on plan however the platform spread its impressions.
        pairs = [(getattr(month.plan, name), getattr(month.actual, weight)) for month in months]
        if any(value is None or amount is None for value, amount in pairs):
            return None
        return ratio(sum(value * amount for value, amount in pairs), sum(amount for _, amount in pairs))

    totals = _Totals(total("actual", "spend"), total("actual", "users"), total("plan", "spend"), total("plan", "users"),
                     total("actual", "impressions"), total("actual", "clicks"), total("plan", "impressions"),
                     weighted("cpm", "impressions"), weighted("ctr", "impressions"), weighted("cvr", "clicks"))
    path = channel_path(index)
    measured = MEASURED.get(channel.type)
    candidates = measured(channel, totals) if measured is not None else []
    deviations = [Deviation(f"{path}.{name}", measure, plan, actual, by_name(f"{path}.{name}", scenario))
                  for name, measure, plan, actual in candidates
                  if plan is not None and actual is not None and plan > 0 and actual > 0]
    deviations.sort(key=lambda deviation: -abs(math.log(deviation.ratio)))
    return tuple(deviations)
