"""The re-forecast: each matched channel's past months as they happened, the future as planned.

A past month is a compared month the exports cover completely (a partial
month stays as planned: a few days of spend are not what that month will
have cost); a channel's own past months are those its own exports cover
completely (docs/formulas.md §16). For each matched channel and past month t, with the month's
actual spend s and new users u (docs/formulas.md, "Re-forecast"):

- cpa: volume ``budget`` = s (or ``users`` = u) and ``bid`` = s x f / u,
  f = h / (s + h) with a ``saturation_budget`` h and a budget, else 1, so
  the model buys exactly u users for s;
- cpm: with impressions i and clicks k reported, ``cpm`` = 1000 s / i,
  ``ctr`` = k / i, ``cvr`` = u / (k f); without them ``cpm`` = 1000 s ctr
  cvr f / u (the planned ctr and cvr); volume ``budget`` = s (or
  ``impressions`` = i, else 1000 s / cpm);
- kol: ``fee`` = s / posts and ``views`` = u / (view_to_user x the planned
  posts' view equivalents): exports count no posts, so posts stay planned;
- flat: ``cost`` = s, ``users`` = u.

Each edited field becomes spec 1.2 ``{by_month: {...}}``: the past months'
values, and the plan's own value at the month before the first past month and
the month after the last, so the months around them keep the plan. A field
the plan writes once is copied there as written (None here). A field the plan
already writes by month keeps its given points outside those months, as
written, and has its value in each of the two months written out
(model/month_value.py): between the last past month and the plan's next point
the schedule would otherwise run from the actual value, not the plan's. Where
the plan's value in such a month is a blend no single value writes (two ranges
other than two normal ones, a lognormal range moved off 0), the field is refused at its by_month, every
such field at once: written as planned, it would not reproduce the past months. A month the plan
did not run in but that spent money is added to the channel's ``months``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from aigc_roi.model.engine import evaluate
from aigc_roi.model.errors import ScenarioError
from aigc_roi.model.figures import plain
from aigc_roi.model.month_value import GivenPoint, MonthValue, NoOneRange, median_in, month_value
from aigc_roi.model.names import listed
from aigc_roi.model.paths import channel_called, channel_path
from aigc_roi.model.rounding import fixed
from aigc_roi.model.sampling import Clipped, ClipTally, realize
from aigc_roi.model.scenario import (
    ByMonth,
    Channel,
    CpaChannel,
    CpmChannel,
    Distribution,
    FlatChannel,
    KolChannel,
    Moving,
    Scenario,
)
from aigc_roi.model.targets import PaybackWindow, payback_window
from aigc_roi.whatif.actuals import Actuals, ChannelMonth, draws
from aigc_roi.whatif.errors import ArgumentError, ValuesRefused, WhatIfError, count_texts


@dataclass(frozen=True)
class FieldEdit:
    path: str
    """The field as ``--set`` names it: ``acquisition[0].bid``."""
    by_month: tuple[tuple[int, MonthValue | None], ...]
    """(month, value), months increasing; None: the plan's own value, written once, as written."""


@dataclass(frozen=True)
class MonthsEdit:
    path: str
    months: tuple[int, ...]


@dataclass(frozen=True)
class Reforecast:
    fields: tuple[FieldEdit, ...]
    months: tuple[MonthsEdit, ...]
    past: tuple[int, ...]
    """The plan months replaced by what happened."""


def reforecast(scenario: Scenario, actuals: Actuals) -> Reforecast:
    """The edits that turn the plan into the re-forecast; WhatIfError where a month cannot be expressed,
    ValuesRefused (each at its field's path) where the plan's value in a month no single value writes, and an
    ArgumentError naming ``compared`` (api.reforecast's) for the actuals of another plan (``_of_the_plan``)."""
    _of_the_plan(scenario, actuals)
    past = actuals.past_months
    fields: list[FieldEdit] = []
    months: list[MonthsEdit] = []
    refused: list[ScenarioError] = []
    names = [channel.name for channel in scenario.acquisition]
    for compared in actuals.channels:
        if compared.matched_rows == 0 or not past:
            continue
        channel = scenario.acquisition[compared.index]
        # A month the channel's own exports do not cover completely stays as planned (an export may end earlier).
        by_month = [month for month in compared.months if month.month in past and month.covered >= 1.0]
        if not by_month:
            continue
        own_past = tuple(month.month for month in by_month)
        per_field = _channel_values(channel, channel_called(names, compared.index), by_month)
        for name, values in per_field.items():
            path = f"{channel_path(compared.index)}.{name}"
            try:
                fields.append(FieldEdit(path, _knots(getattr(channel, name), values, own_past, scenario.horizon_months)))
            except NoOneRange as blend:
                refused.append(_refusal(path, blend, scenario.month_labels()))
        spent = {month.month for month in by_month if (month.actual.spend or 0.0) > 0}
        if channel.months is not None and not spent <= set(channel.months):
            months.append(MonthsEdit(f"{channel_path(compared.index)}.months", tuple(sorted(set(channel.months) | spent))))
    if refused:
        raise ValuesRefused(refused)
    return Reforecast(tuple(fields), tuple(months), past)


def _of_the_plan(scenario: Scenario, actuals: Actuals) -> None:
    """An ArgumentError naming what differs where ``actuals`` compared another plan than ``scenario``: the
    re-forecast reads its channel i as the plan's channel i and its months as the plan's, so another plan's would
    take them where they do not belong (a CPA channel's spend as a KOL fee, a month a year off) or name a channel it
    does not have. Another plan is one of other channels (names and types, in order) or start, or whose horizon ends
    before the months compared; the plan's values may differ (``sets`` of a what-if), which the re-forecast reads
    from the plan itself."""
    differences = []
    theirs, ours = ([f"{channel.name} ({channel.type})" for channel in channels]
                    for channels in (actuals.channels, scenario.acquisition))
    if theirs != ours:
        differences.append(f"channels {listed(theirs) or 'none'} where this plan has {listed(ours) or 'none'}")
    if actuals.start != scenario.start:
        differences.append(f"start {_month(actuals.start)} where this plan's is {_month(scenario.start)}")
    last = max(actuals.month_numbers, default=0)
    if last > scenario.horizon_months:
        differences.append(f"months through {last} where this plan has {scenario.horizon_months}")
    if differences:
        raise ArgumentError("compared", f"expected the actuals of this plan, found another's: {'; '.join(differences)}; "
                                        "compare this plan's own: api.actuals(plan.scenario, exports, maps)")


def _month(start: tuple[int, int] | None) -> str:
    return "none" if start is None else f"{start[0]:04d}-{start[1]:02d}"


def _knots(planned: Moving, values: dict[int, float | None], past: tuple[int, ...],
           horizon: int) -> tuple[tuple[int, MonthValue | None], ...]:
    """The field's by_month: ``values`` in the past months, the plan's around them (NoOneRange where no value writes it)."""
    around = [month for month in (past[0] - 1, past[-1] + 1) if 1 <= month <= horizon]
    if not isinstance(planned, ByMonth):
        return tuple(sorted(({month: None for month in around} | values).items()))
    knots: dict[int, MonthValue | None] = {
        month: GivenPoint(month) for month, _ in planned.points if not past[0] - 1 <= month <= past[-1] + 1}
    # A past month the exports leave to the plan (a bid in a month of no spend) is the plan's there too.
    for month, value in [*((month, None) for month in around), *values.items()]:
        knots[month] = month_value(planned, month) if value is None else value
    return tuple(sorted(knots.items()))


def _refusal(path: str, blend: NoOneRange, labels: list[str]) -> ScenarioError:
    """The field refused at its by_month (line 0: api.reforecast places it in the plan's file)."""
    month, (first, first_value), (second, second_value) = blend.month, blend.first, blend.second
    if isinstance(first_value, Distribution) and isinstance(second_value, Distribution):
        found = f"the ranges at months {first} and {second}"
    else:  # a lognormal range beside a number, which moves it off 0
        found = " and ".join(f"the {'lognormal range' if isinstance(value, Distribution) else 'number'} at month {given}"
                             for given, value in ((first, first_value), (second, second_value)))
    return ScenarioError("scenario", 0, 0, f"{path}.by_month",
                         f"expected a value for month {month} ({labels[month - 1]}) that one number or range writes, "
                         f"found a blend of {found}; give month {month} a point of its own")


def _planned(channel: Channel, name: str, month: int) -> float:
    """The plan's value of ``name`` in ``month`` as its deterministic run has it."""
    return median_in(getattr(channel, name), month)


def _channel_values(channel: Channel, called: str, months: list[ChannelMonth]) -> dict[str, dict[int, float | None]]:
    """``called``: the channel as a message names it (whatif/actuals.py ``channel_called``)."""
    rewrite = REWRITES.get(channel.type)
    if rewrite is None:
        raise WhatIfError(f"{called}: a re-forecast cannot rewrite a channel of type {channel.type}")
    return rewrite(channel, called, months)


def _flat(channel: FlatChannel, called: str, months: list[ChannelMonth]) -> dict[str, dict[int, float | None]]:
    return {"cost": {month.month: month.actual.spend for month in months},
            "users": {month.month: _users(called, month) for month in months}}


def _users(name: str, month: ChannelMonth) -> float:
    if month.actual.users is None:
        row = next((unreported for unreported in month.not_reported if unreported.metric == "users"), None)
        if row is not None:
            # One row's cell: the user can fill it in, so say which.
            raise WhatIfError(f"{name} {month.label}: the exports report no new users (activations) at {row.place} "
                              f"in column '{row.header}', so the re-forecast cannot set that month's users")
        raise WhatIfError(f"{name}: the exports report no new users (activations), so the re-forecast cannot set its users")
    return month.actual.users


def _unexpressible(name: str, month: ChannelMonth, why: str) -> WhatIfError:
    return WhatIfError(f"{name} {month.label}: {why}; the re-forecast cannot express that month")


def _saturation(channel: CpaChannel | CpmChannel, month: int, spend: float, volume: str) -> float:
    """h / (s + h): the share of unsaturated users a budget s buys (1 without saturation or a budget)."""
    if channel.saturation_budget is None or volume != "budget":
        return 1.0
    limit = _planned(channel, "saturation_budget", month)
    return limit / (spend + limit) if spend + limit > 0 else 1.0


def _cpa(channel: CpaChannel, name: str, months: list[ChannelMonth]) -> dict[str, dict[int, float | None]]:
    volume = "budget" if channel.budget is not None else "users"
    bid: dict[int, float | None] = {}
    amount: dict[int, float | None] = {}
    for month in months:
        spend, users = month.actual.spend or 0.0, _users(name, month)
        if users > 0:
            bid[month.month] = spend * _saturation(channel, month.month, spend, volume) / users
        elif spend > 0:
            raise _unexpressible(name, month, f"it spent {fixed(spend, 2, separators=True)} for no new users")
        else:
            bid[month.month] = None
        if volume == "budget" and spend == 0 and users > 0:
            raise _unexpressible(name, month, f"it reports {fixed(users, 0, separators=True)} new users for no spend on a budget")
        amount[month.month] = spend if volume == "budget" else users
    return {"bid": bid, volume: amount}


def _cpm(channel: CpmChannel, name: str, months: list[ChannelMonth]) -> dict[str, dict[int, float | None]]:
    volume = "budget" if channel.budget is not None else "impressions"
    values: dict[str, dict[int, float | None]] = {"cpm": {}, "ctr": {}, "cvr": {}, volume: {}}
    for month in months:
        # The plan's own values of the month: where the exports measure no ctr and cvr, the month keeps them.
        planned_cpm, ctr, cvr = (_planned(channel, field, month.month) for field in ("cpm", "ctr", "cvr"))
        actual = month.actual
        spend, users = actual.spend or 0.0, _users(name, month)
        impressions, clicks = actual.impressions, actual.clicks
        factor = _saturation(channel, month.month, spend, volume)
        measured = impressions is not None and clicks is not None
        for key in ("cpm", "ctr", "cvr"):
            values[key][month.month] = None
        if measured and impressions:
            assert clicks is not None
            values["cpm"][month.month] = 1000.0 * spend / impressions
            values["ctr"][month.month] = clicks / impressions
            if clicks > 0:
                rate = users / (clicks * factor)
                if rate > 1:
                    users_text, clicks_text = count_texts(users, clicks)
                    raise _unexpressible(name, month, f"{users_text} new users from {clicks_text} clicks is a cvr above 100%")
                values["cvr"][month.month] = rate
            elif users > 0:
                raise _unexpressible(name, month, f"it reports {fixed(users, 0, separators=True)} new users from no clicks")
        elif measured and spend > 0:
            raise _unexpressible(name, month, f"it spent {fixed(spend, 2, separators=True)} for no impressions")
        elif not measured and users > 0:
            values["cpm"][month.month] = 1000.0 * spend * ctr * cvr * factor / users
        elif not measured and spend > 0:
            raise _unexpressible(name, month, f"it spent {fixed(spend, 2, separators=True)} for no new users")
        if volume == "budget":
            values[volume][month.month] = spend
        else:
            unit = values["cpm"][month.month] or planned_cpm
            values[volume][month.month] = impressions if measured else 1000.0 * spend / unit
    return values


def post_equivalents(posts: float, decay: float) -> float:
    """Views of a month's posts in units of the first post's: sum_{i < n} q^i + f q^n with n whole posts,
    f the fraction of the next and q = 1 - decay (docs/formulas.md, model step 1, kol)."""
    whole = math.floor(posts)
    keep = 1.0 - decay
    geometric = float(whole) if keep == 1.0 else (1.0 - keep**whole) / (1.0 - keep)
    return geometric + (posts - whole) * keep**whole


def _kol(channel: KolChannel, name: str, months: list[ChannelMonth]) -> dict[str, dict[int, float | None]]:
    fee: dict[int, float | None] = {}
    views: dict[int, float | None] = {}
    for month in months:
        posts = _planned(channel, "posts", month.month)
        reach = (_planned(channel, "view_to_user", month.month)
                 * post_equivalents(posts, _planned(channel, "views_decay", month.month)))
        spend, users = month.actual.spend or 0.0, _users(name, month)
        if posts <= 0 and spend > 0:
            raise _unexpressible(name, month, f"it spent {fixed(spend, 2, separators=True)} where the plan has no posts")
        if reach <= 0 and users > 0:
            raise _unexpressible(name, month, "the plan's posts reach no users")
        fee[month.month] = spend / posts if posts > 0 else None
        views[month.month] = users / reach if reach > 0 else None
    return {"fee": fee, "views": views}


REWRITES: dict[str, Callable[[Any, str, list[ChannelMonth]], dict[str, dict[int, float | None]]]] = {
    "cpa": _cpa, "cpm": _cpm, "kol": _kol, "flat": _flat}
"""By channel type (its ``type:`` word): the fields a re-forecast writes from the exports, month by month."""


@dataclass(frozen=True)
class Outlook:
    """The figures `actuals` shows for the plan and its re-forecast side by side."""

    npv: float | None
    payback_month: int | None
    peak_cash_need: float | None
    payback_probability: float
    """Share of ``samples`` draws paying back within targets.max_payback_months (default 12), as `simulate` counts it."""
    payback_window: PaybackWindow
    """The months payback is counted within: the target, or the horizon where the target lies past it."""
    clipped: tuple[Clipped, ...] = ()
    """The ranges whose draws behind ``payback_probability`` were clipped to their field's domain."""


def outlook(scenario: Scenario, samples: int, seed: int) -> Outlook:
    """npv, payback and peak cash of the deterministic run; P(payback) over ``samples`` draws with ``seed``, each
    held as `actuals` holds them (WhatIfError)."""
    samples, seed = draws(samples, seed)
    figures = evaluate(realize(scenario), irr=False).figures
    npv, payback, peak = (plain(figures[name][0]) for name in ("npv", "payback_month", "peak_cash_need"))
    tally = ClipTally(scenario)
    drawn = evaluate(realize(scenario, samples, np.random.default_rng(seed), tally), irr=False).figures["payback_month"]
    window = payback_window(scenario)
    within = np.count_nonzero(~np.isnan(drawn) & (drawn <= window.months))
    return Outlook(npv, None if payback is None else int(payback), peak, float(within / drawn.size), window,
                   tally.clipped())
