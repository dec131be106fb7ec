"""Split a monthly budget B across a scenario's movable channels to maximise an objective.

What is moved and what B is:

- The *movable* channels are those of a type that has a budget form (``ChannelType.movable``;
  docs/formulas.md §4.1 lists the types) and are not locked. B is the
  sum of their monthly budgets: locked channels and channels of other types keep their spend
  and are outside B (a founder asking "where does the next 1,000,000 go" has already committed
  the locked money). Each channel keeps its active months, and B is spent in every month in
  which a movable channel runs: months with the same movable channels form a phase
  (whatif/allocate_phases.py) and each phase splits B among its channels, so every candidate
  spends the same money. With ``total`` a horizon total is split across phases and channels.
  ``Limits`` (a cash-need cap, a least payback probability) are kept by an exact penalty;
  ``target_roas`` fills each channel in each phase until its marginal ROAS falls to it.
- A channel's monthly budget is its spend in an active month at the median values (a budget
  as given; users x bid, impressions / 1000 x cpm or posts x fee for a channel given by
  volume). To be moved, a channel is put in its budget form (``ChannelType.with_budget``):
  cpa/cpm buy ``budget / unit cost`` (saturating per ``saturation_budget``), kol buys
  ``budget / fee`` posts (fractional posts, docs/formulas.md §4). Under sampling the *budget* is
  then fixed and the sampled unit cost decides the volume: the founder commits money, not
  users. The current split is evaluated in this budget form too, so current and best differ
  only by the split. A movable channel whose median unit cost is 0 has no budget form and must
  be locked.
- Diminishing returns are the spec's own: ``saturation_budget`` (users = unsaturated x
  h / (b + h)) and kol ``views_decay``; a channel with neither is linear in its budget.

Objectives: ``npv`` and ``net_cash`` are those of a deterministic run (ranges at their
median, as ``run`` reports). ``p10_npv`` (the 10th percentile of npv) and
``payback_probability`` (share of samples with payback_month <= ``targets.max_payback_months``,
default 12) are computed over ``samples`` draws of the scenario's ranges (``seed``), the same
draws for every candidate split (common random numbers), so the comparison between splits
carries no sampling noise.

How the search works:

- The model is linear in the cohort sizes (docs/formulas.md §4: every revenue and cost after
  acquisition is a sum over cohorts of users times a per-user amount), and a channel's users
  depend only on its own budget. So, per sample, the monthly net cash of any split is
  ``F_base(t) + sum_c users_c(b_c) P_c(t) - spend_c(b_c) mask_c(t)``, where ``F_base`` is the
  scenario with every movable budget at 0 and ``P_c`` the net cash one user a month bought in
  c's active months brings. Both come from ONE engine call (the zero split and, per distinct
  set of active months, a zero-cost flat channel buying one user a month, stacked on the
  sample axis). ``users_c`` and ``spend_c`` for candidate splits come from engine calls on a
  one-month copy of the movable channels, candidates stacked on the sample axis. Each
  objective is then a cheap numpy function of the split. The reported current and best
  values are recomputed by a direct engine run of the scenario at those splits.
- Solver (whatif/allocate_search.py): marginal-return equalisation by pairwise transfers (a
  pattern search on the budget simplex of each phase). From the current split (scaled to B and moved onto the bounds), each round moves a
  step of money from the channels whose cut costs the objective least to those whose raise
  gains most, matched in pairs (all pairs at once or the best pair alone, whichever scores
  higher, each candidate scored exactly), and halves the step when no transfer gains, down to
  ``FINEST_STEP`` x B. One probe call per round gives every channel's users a step up and a
  step down. Why not SLSQP (tried first): kol posts make a channel's return piecewise linear
  with a kink at every whole post, and a percentile over fixed draws is piecewise linear too;
  SLSQP's quadratic model zigzags at such kinks (hundreds of line-search evaluations, budget
  curves that were not even monotone), while transfers compare exact values and need no
  derivative. For ``npv``/``net_cash`` the objective is separable and concave in each budget, so
  a split no transfer of any size above the final step improves is optimal to within that step
  (equal marginal returns among channels strictly inside their bounds, the KKT condition).
  The risk objectives couple the channels and need not be concave, so there the result is a
  local optimum from the current split. The best of the search's result and the current split
  (when it is feasible) is reported, so the gain is never negative. Transfers come in whole
  steps, so a channel left within ``BOUND_TOLERANCE`` x B of a bound is put on it.
- ``p10_npv`` on fixed draws is a continuous, piecewise-linear function of the split (the
  interpolated 10% order statistic), which transfers compare exactly. ``payback_probability``
  is a step function, so the search maximises its kernel-smoothed estimate
  ``mean(K(margin))``, margin being the lowest cumulative cash from the target month to the
  horizon's end (payback within the target <=> margin >= 0) and K the logistic CDF whose
  standard deviation is Silverman's bandwidth of the margins at the search's start (at least
  0.1% of B); the reported values are the unsmoothed probabilities. numpy only: no scipy.
- Marginal figures are those of the next yuan: a forward step of ``MARGINAL_STEP`` x B in one
  channel, everything else held, in a deterministic run. Marginal ROAS = extra attributed
  gross revenue / extra spend, marginal CAC = extra spend / extra users (docs/formulas.md §5
  attribution); average ROAS and CAC are the channel's own. Channels not moved have no
  marginal figures (NaN).
- The budget curve re-optimises the split for budgets ``CURVE_MULTIPLES`` x B (NaN where the
  bounds make a budget infeasible), warm-started from the best split scaled. Its searches run
  in lockstep, one probe call serving a round of all of them: with channels whose own inputs
  are not sampled, the engine's cost per call, not per row, dominates (this halved the calls
  of the 10-channel benchmark's npv curve, 152 to 74).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from aigc_roi.model.cashflow import discount_factors
from aigc_roi.model.channels import movable_types
from aigc_roi.model.engine import Result, evaluate
from aigc_roi.model.month_runs import month_runs
from aigc_roi.model.sampling import realize
from aigc_roi.model.scenario import (
    DEFAULT_TARGET_PAYBACK_MONTHS,
    ByMonth,
    Channel,
    FlatChannel,
    FloatArray,
    Moving,
    RetentionChurn,
    Scenario,
    Value,
)
from aigc_roi.model.sources import same_users
from aigc_roi.model.tree import leaves, map_arrays
from aigc_roi.whatif.allocate_phases import Expansion, Phase, expand, find_phases
from aigc_roi.whatif.allocate_search import BOUND_TOLERANCE, Space, maximise
from aigc_roi.whatif.errors import WhatIfError

Objective = Literal["npv", "net_cash", "p10_npv", "payback_probability"]
OBJECTIVES: tuple[Objective, ...] = ("npv", "net_cash", "p10_npv", "payback_probability")
RISK_OBJECTIVES: frozenset[str] = frozenset({"p10_npv", "payback_probability"})

CURVE_MULTIPLES: tuple[float, ...] = (0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0)
"""Budgets of the budget curve, as multiples of B; 0 answers "would spending nothing be better"."""
MARGINAL_STEP = 1e-6
"""Step of the marginal figures (the next yuan), as a share of B."""
P10_QUANTILE = 0.1
FINEST_STEP = 1e-7
"""The search stops when its transfer is below this share of the budget."""
CURVE_FINEST_STEP = 1e-3
"""The same for the points of the budget curve: a split within 0.1% of B of its optimum loses
only a second-order share of the value, invisible on a chart."""

ChannelStatus = Literal["movable", "locked", "fixed"]
WarningCode = Literal["best_is_current", "on_minimum", "on_maximum", "locked", "current_total_differs",
                      "different_months", "marginal_roas_below_one", "constraint_not_met"]


class AllocationError(WhatIfError):
    """The allocation asked for cannot be set up (unknown channel, infeasible bounds, ...)."""


@dataclass(frozen=True)
class ChannelFigures:
    """One channel's returns at one split, from a deterministic run over all its active months; NaN = none."""

    roas: float
    """Attributed gross revenue / spend over the horizon."""
    marginal_roas: float
    """Extra attributed gross revenue per extra unit of money spent, when the channel's monthly budget rises
    by the next yuan in every phase in which it runs."""
    cac: float
    """Spend / users bought, money per user."""
    marginal_cac: float
    """Extra spend per extra user bought, money per user."""
    ltv: float = math.nan
    """Attributed contribution per user bought, over the horizon, undiscounted (docs/formulas.md §6,
    §15); money per user."""

    @property
    def ltv_to_cac(self) -> float:
        """ltv / cac: what a user brings per unit of money paid for him."""
        return self.ltv / self.cac if self.cac > 0 else math.nan


@dataclass(frozen=True)
class ChannelAllocation:
    """One acquisition channel at the current and the best split."""

    name: str
    type: str
    status: ChannelStatus
    """movable (its budget is part of B), locked (kept by request) or fixed (of a type allocate never moves)."""
    minimum: float
    """Lowest monthly budget allowed (0 unless given); money per month."""
    maximum: float
    """Highest monthly budget allowed (inf unless given); money per month."""
    current_budget: float
    """Monthly budget today: its spend in an active month (a volume times its unit cost when given by volume)."""
    best_budget: float
    """Monthly budget at the best split, averaged over its active months (the phases' budgets are in
    ``Allocation.phases``); equal to current_budget unless movable."""
    current: ChannelFigures
    best: ChannelFigures
    months: tuple[int, ...] = ()
    """Months (1-based) in which it runs."""


@dataclass(frozen=True)
class PhaseSplit:
    """The monthly budgets of the channels running in one phase, today and at the best split."""

    months: tuple[int, ...]
    current: Mapping[str, float]
    best: Mapping[str, float]


@dataclass(frozen=True)
class CurvePoint:
    """The best objective at one budget."""

    budget: float
    """Monthly budget of every phase (the horizon total with ``--total``)."""
    value: float
    """Best objective at that budget; NaN when the bounds admit no split of it."""
    split: Mapping[str, float]
    """Best monthly budget per movable channel of the first phase (empty when infeasible)."""
    phases: tuple[Mapping[str, float], ...] = ()
    """Best monthly budget per channel of each phase."""


@dataclass(frozen=True)
class ConstraintCheck:
    """One limit at the best split."""

    limit: float
    value: float
    met: bool


@dataclass(frozen=True)
class AllocationWarning:
    """Something the reader of an allocation should know; ``channel`` is None for the whole split."""

    code: WarningCode
    channel: str | None = None


@dataclass(frozen=True)
class Allocation:
    """Current against best split of a budget, per phase, and the budget curve."""

    scenario: str
    objective: Objective
    budget: float
    """B: monthly budget split across the movable channels of each phase; with ``total``, the horizon total."""
    samples: int
    """Draws behind a risk objective; 1 for npv and net_cash."""
    seed: int
    target_payback_months: int
    """Payback target of ``payback_probability``."""
    current_value: float
    best_value: float
    channels: tuple[ChannelAllocation, ...]
    curve: tuple[CurvePoint, ...]
    warnings: tuple[AllocationWarning, ...]
    phases: tuple[PhaseSplit, ...] = ()
    total: bool = False
    """Whether ``budget`` is a total over the horizon (``--total``) rather than a monthly budget."""
    current_spend: float = math.nan
    """Money the movable channels spend over the horizon today."""
    best_spend: float = math.nan
    """Money the movable channels spend over the horizon at the best split (B x the phases' months, or the total)."""
    constraints: Mapping[str, ConstraintCheck] = dataclasses.field(default_factory=dict)
    """Each limit asked for (max_cash_need, min_payback_probability) at the best split."""
    target_roas: float | None = None
    """The marginal ROAS each channel was filled to, when the split answers ``--target-roas``."""

    @property
    def gain(self) -> float:
        """best_value - current_value: never negative when the current split spends the budget and respects the
        bounds (it is then a candidate); otherwise it also counts the change in total spend."""
        return self.best_value - self.current_value

    @property
    def current_split(self) -> dict[str, float]:
        """The first phase's current split (every movable channel's monthly budget when there is no phase)."""
        if self.phases:
            return dict(self.phases[0].current)
        return {ch.name: ch.current_budget for ch in self.channels if ch.status == "movable"}

    @property
    def best_split(self) -> dict[str, float]:
        """The first phase's best split."""
        if self.phases:
            return dict(self.phases[0].best)
        return {ch.name: ch.best_budget for ch in self.channels if ch.status == "movable"}

    @property
    def recommended(self) -> CurvePoint | None:
        """The point of the budget curve with the best value; None when no point is feasible. Among equal values
        the highest budget, as the curve's peak: a chance of payback that stays at 100% up to 0.5B recommends
        0.5B, not nothing."""
        feasible = [point for point in self.curve if not math.isnan(point.value)]
        if not feasible:
            return None
        top = max(point.value for point in feasible)
        tolerance = 1e-9 * (abs(top) + (0.0 if self.objective == "payback_probability" else 1.0))
        return max((point for point in feasible if point.value >= top - tolerance), key=lambda point: point.budget)


def allocate(
    scenario: Scenario,
    budget: float,
    objective: Objective = "npv",
    locks: Sequence[str] = (),
    minimums: Mapping[str, float] | None = None,
    maximums: Mapping[str, float] | None = None,
    samples: int = 10_000,
    seed: int = 0,
    curve: Sequence[float] = CURVE_MULTIPLES,
    total: bool = False,
    limits: Limits | None = None,
    target_roas: float | None = None,
) -> Allocation:
    """The split of ``budget`` across the movable channels, phase by phase, that maximises ``objective``; see
    the module docstring. ``budget`` is B, spent in every month of every phase, or with ``total`` the money
    spent over the horizon, split across phases and channels. ``curve``: the budgets of the budget curve
    as multiples of ``budget`` (empty for none). ``limits``: constraints the best split keeps (a cash need
    cap, a least payback probability). ``target_roas``: instead of splitting ``budget``, each channel in
    each phase gets the monthly budget at which its marginal ROAS falls to this; the result is then a
    horizon total (``budget`` is ignored). Raises ``AllocationError`` for a request that cannot be set up."""
    limits = limits or Limits()
    minimums = dict(minimums or {})
    maximums = dict(maximums or {})
    if objective not in OBJECTIVES:
        raise AllocationError(f"unknown objective {objective!r}; expected one of {', '.join(OBJECTIVES)}")
    if target_roas is not None and not (math.isfinite(target_roas) and target_roas > 0):
        raise AllocationError(f"the target ROAS must be a positive number, got {target_roas}")
    if target_roas is None and not (math.isfinite(budget) and budget > 0):
        raise AllocationError(f"the budget must be a positive number, got {budget}")
    if samples < 1:
        raise AllocationError(f"samples must be >= 1, got {samples}")
    # The surrogate is linear in each channel's budget and a gate's pass or fail is not: the split is
    # that of the plan with every gate passed (docs/formulas.md §18).
    scenario = dataclasses.replace(scenario, gates=())
    median = realize(scenario)
    movable = _movable_channels(median, locks, minimums, maximums)
    phases = find_phases(median, movable)
    layout = expand(median, movable, phases)
    columns = np.array([column for _, column in layout.slots])
    phase_of = np.array([k for k, _ in layout.slots])
    months_of = np.array([float(len(phases[k].months)) for k in phase_of])
    lower = np.array([float(minimums.get(median.acquisition[movable[c]].name, 0.0)) for c in columns])
    upper = np.array([float(maximums.get(median.acquisition[movable[c]].name, math.inf)) for c in columns])
    indices = list(layout.indices)
    current = np.array([_monthly_budget(median.acquisition[movable[c]]) for c in columns])
    at_target = None
    if target_roas is not None:
        at_target = _target_roas_split(layout, lower, upper, current, target_roas, names_of=[
            median.acquisition[movable[c]].name for c in columns])
        total, budget = True, float((months_of * at_target).sum())
        if not budget > 0:
            raise AllocationError(f"no channel's first yuan returns a ROAS of {target_roas:g}: every budget would be 0")
    space = (Space(np.zeros(columns.size, dtype=int), months_of, lower, upper) if total
             else Space(phase_of, np.ones(columns.size), lower, upper))
    targets = np.full(space.count, float(budget))
    _check_bounds(median, movable, phases, space, targets, total)

    risk = objective in RISK_OBJECTIVES
    drawn = realize(scenario, samples, np.random.default_rng(seed)) if risk or limits.chance else None
    realizations = ([median] if not risk or limits.max_cash_need is not None else []) + ([drawn] if drawn is not None else [])
    expanded = [expand(realized, movable, phases).scenario for realized in realizations]
    target = scenario.targets.max_payback_months or DEFAULT_TARGET_PAYBACK_MONTHS
    money = budget * (1 if total else median.horizon_months)
    surrogate = _Surrogate(expanded, indices, objective, target, limits, money)

    if at_target is not None:
        best = at_target
    else:
        candidates = maximise(surrogate, space, [targets], current, 0.25, FINEST_STEP)
        if space.feasible(current, targets):
            candidates.append(current)
        values = surrogate.values(np.array(candidates))
        best = candidates[int(np.argmax(values))]

    objective_scenario = expanded[-1] if risk else expanded[0]
    engine_values = _engine_objective(objective_scenario, indices, np.array([current, best]), objective, target)
    checks = _constraint_checks(layout.scenario, expanded[-1] if limits.chance else None, indices, best, limits, target)
    names = [median.acquisition[movable[c]].name for c in columns]
    points = _budget_curve(surrogate, space, best, targets, names, phase_of, len(phases), curve)
    channels = _channel_rows(median, layout, movable, columns, months_of, current, best, lower, upper, budget, locks,
                             total)
    splits = tuple(
        PhaseSplit(phase.months, {names[j]: float(current[j]) for j in np.flatnonzero(phase_of == k)},
                   {names[j]: float(best[j]) for j in np.flatnonzero(phase_of == k)})
        for k, phase in enumerate(phases)
    )
    return Allocation(
        scenario=scenario.name,
        objective=objective,
        budget=float(budget),
        samples=samples if risk else 1,
        seed=seed,
        target_payback_months=target,
        current_value=float(engine_values[0]),
        best_value=float(engine_values[1]),
        channels=channels,
        curve=points,
        warnings=_warnings(channels, space, current, best, targets, phases, checks),
        phases=splits,
        total=total,
        current_spend=float((months_of * current).sum()),
        best_spend=float((months_of * best).sum()),
        constraints=checks,
        target_roas=target_roas,
    )


def _target_roas_split(layout: Expansion, lower: FloatArray, upper: FloatArray, current: FloatArray, target_roas: float,
                       names_of: list[str]) -> FloatArray:
    """Per (phase, channel), the monthly budget at which the channel's marginal ROAS there falls to ``target_roas``
    (bisection, all at once), within its bounds: 0 when its first yuan already returns less.

    A channel's attributed revenue depends on its own users only (docs/formulas.md §6),
    so one engine run at every channel's budget and one a step above give each channel's marginal ROAS.
    """
    indices = list(layout.indices)

    def marginal_roas(budgets: FloatArray) -> FloatArray:
        step = np.maximum(MARGINAL_STEP * budgets, 1e-3)
        result = evaluate(_at_splits(layout.scenario, indices, np.array([budgets, budgets + step])))
        gross = result.channel_gross_revenue[:, indices]
        spend = result.channel_spend[:, indices]
        extra = spend[1] - spend[0]
        return np.where(extra > 0, (gross[1] - gross[0]) / np.where(extra > 0, extra, 1.0), 0.0)

    low = np.zeros_like(current)
    high = np.maximum(current, 1.0)
    for _ in range(60):
        still_above = marginal_roas(np.minimum(high, upper)) >= target_roas
        if not np.any(still_above & (high < upper)):
            break
        high = np.where(still_above & (high < upper), high * 2.0, high)
    else:
        unbounded = sorted({names_of[j] for j in np.flatnonzero(marginal_roas(high) >= target_roas)})
        raise AllocationError(f"the marginal ROAS of {', '.join(unbounded)} never falls to {target_roas:g} "
                              "(no diminishing returns): give it a --max")
    high = np.minimum(high, upper)
    for _ in range(80):
        middle = (low + high) / 2
        above = marginal_roas(middle) >= target_roas
        low, high = np.where(above, middle, low), np.where(above, high, middle)
    return np.clip(low, lower, upper)


def _constraint_checks(median: Scenario, drawn: Scenario | None, indices: list[int], split: FloatArray, limits: Limits,
                       target: int) -> dict[str, ConstraintCheck]:
    """Each limit at ``split`` by a direct engine run: the cash need at the median values, the payback share over the draws."""
    checks: dict[str, ConstraintCheck] = {}
    if limits.max_cash_need is not None:
        need = float(np.asarray(evaluate(_at_splits(median, indices, split[None])).figures["peak_cash_need"]).reshape(-1)[0])
        # The search compares exact values; a limit kept to rounding counts as kept.
        checks["max_cash_need"] = ConstraintCheck(limits.max_cash_need, need,
                                                  need <= limits.max_cash_need * (1 + 1e-9) + 1e-6)
    if drawn is not None and limits.min_payback_probability is not None:
        payback = np.asarray(evaluate(_at_splits(drawn, indices, split[None])).figures["payback_month"]).reshape(-1)
        share = float(np.where(np.isnan(payback), False, payback <= target).mean())
        checks["min_payback_probability"] = ConstraintCheck(limits.min_payback_probability, share,
                                                            share >= limits.min_payback_probability)
    return checks


# --- setting up -------------------------------------------------------------


def _movable_channels(median: Scenario, locks: Sequence[str], minimums: Mapping[str, float], maximums: Mapping[str, float]) -> list[int]:
    names = [ch.name for ch in median.acquisition]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise AllocationError(f"channel names must be distinct to allocate; repeated: {', '.join(duplicates)}")
    by_name = {ch.name: ch for ch in median.acquisition}
    for name in [*locks, *minimums, *maximums]:
        if name not in by_name:
            raise AllocationError(f"no channel named {name!r}; channels: {', '.join(names)}")
        if not by_name[name].movable:
            raise AllocationError(f"{name!r} is a {by_name[name].type} channel: its spend is never moved, "
                                  "so it cannot be locked or bounded")
    for name in locks:
        if name in minimums or name in maximums:
            raise AllocationError(f"{name!r} is locked: it cannot also have a minimum or maximum")
    moving = [ch.name for ch in median.acquisition if any(isinstance(getattr(ch, f.name), ByMonth) for f in dataclasses.fields(ch))]
    if moving:
        # A split is one budget a month per channel; a channel whose values move by month has no single one.
        raise AllocationError(f"{moving[0]!r} has values written by month (by_month): allocate splits one monthly budget "
                              "across channels whose values stay the same every month")
    movable = [i for i, ch in enumerate(median.acquisition) if ch.movable and ch.name not in locks]
    if not movable:
        raise AllocationError(f"no {_one_of(movable_types())} channel left to allocate the budget to")
    for i in movable:
        channel = median.acquisition[i]
        if _unit_cost(channel) <= 0:
            raise AllocationError(f"{channel.name!r} has a unit cost of 0, so no budget form: lock it")
    return movable


def _check_bounds(median: Scenario, movable: list[int], phases: Sequence[Phase], space: Space, targets: FloatArray,
                  total: bool) -> None:
    for j, column in enumerate(_slot_columns(phases)):
        name = median.acquisition[movable[column]].name
        low, high = space.lower[j], space.upper[j]
        if not (low >= 0 and high >= 0) or math.isnan(low + high):
            raise AllocationError(f"the bounds of {name!r} must be >= 0")
        if low > high:
            raise AllocationError(f"the minimum of {name!r} ({low:g}) exceeds its maximum ({high:g})")
    budget = float(targets[0])
    for g in range(space.count):
        member = space.groups == g
        lowest = float((space.weights[member] * space.lower[member]).sum())
        highest = float((space.weights[member] * space.upper[member]).sum())
        where = "" if total or len(phases) == 1 else f" in months {month_runs(phases[g].months, '-')}"
        what = "the total" if total else "the budget"
        if lowest > budget:
            raise AllocationError(f"the minimums add up to {lowest:g}{where}, more than {what} {budget:g}")
        if highest < budget:
            raise AllocationError(f"the maximums add up to {highest:g}{where}, less than {what} {budget:g}")


def _slot_columns(phases: Sequence[Phase]) -> list[int]:
    return [column for phase in phases for column in phase.columns]


def _number(value: Moving | None) -> float:
    """A value of the median scenario (always a float there; no channel value moves by month here)."""
    assert value is not None and not isinstance(value, np.ndarray | ByMonth)
    return float(value)  # type: ignore[arg-type]


def _one_of(words: Sequence[str]) -> str:
    """``cpa, cpm or kol``."""
    return " or ".join(filter(None, (", ".join(words[:-1]), words[-1])))


def _unit_cost(channel: Channel) -> float:
    return _number(getattr(channel, channel.unit_cost))


def _monthly_budget(channel: Channel) -> float:
    """Spend per active month of a channel of the median scenario."""
    _, spend = channel.users_and_spend(_MedianRow())
    return float(spend.reshape(-1)[0])


class _MedianRow:
    """Reads a value of the median scenario as the one-sample row a users-and-spend formula takes
    (``model/channels/base.py`` ``Params``); no value of a channel allocate moves is written by month."""

    def __call__(self, value: Value) -> FloatArray:
        return np.asarray(value, dtype=np.float64).reshape(-1)

    def monthly(self, value: Moving) -> FloatArray:
        return self(_number(value))[None, :]


def _tile(obj: Any, copies: int) -> Any:
    """``obj`` with every sample array repeated ``copies`` times along the sample axis (candidate-major)."""
    return map_arrays(obj, lambda array: np.tile(array, copies))


def _samples_of(realized: Scenario) -> int:
    lengths = {value.shape[0] for _, value in leaves(realized) if isinstance(value, np.ndarray)}
    return max(lengths, default=1)


def _at_splits(realized: Scenario, movable: list[int], splits: FloatArray) -> Scenario:
    """The realized scenario with one block of samples per row of ``splits`` (K, C), movable channels in budget form."""
    copies, samples = splits.shape[0], _samples_of(realized)
    tiled = _tile(realized, copies)
    acquisition = list(tiled.acquisition)
    for column, i in enumerate(movable):
        acquisition[i] = acquisition[i].with_budget(np.repeat(splits[:, column], samples))
    return dataclasses.replace(tiled, acquisition=tuple(acquisition))


# --- the objective as a function of the split ----------------------------------


@dataclass(frozen=True)
class Limits:
    """Constraints on top of the objective (docs/allocate.md, constraints)."""

    max_cash_need: float | None = None
    """The most peak_cash_need at the median values may be; money."""
    min_payback_probability: float | None = None
    """The least share of draws that pay back within the target month."""

    @property
    def chance(self) -> bool:
        return self.min_payback_probability is not None


PENALTY = 1e3
"""Objective units lost per unit of a limit's excess (money for the cash need, the share for a probability,
scaled by the money at stake): far above what any split gains, so a split that breaks a limit never beats one
that keeps it, while the search can still walk a broken start towards the limit."""


class _Surrogate:
    """The objective of any split on fixed draws, from the linearity of the model in users.

    Monthly net cash is reduced at once to the few numbers the objective needs (its
    "features", linear in net cash): the discounted sum for npv, the plain sum for net_cash,
    the cumulative cash from the payback target month to the horizon's end for payback; with
    limits, the cumulative cash of every month (cash need) and the payback margins (chance).
    The features of the median scenario and of the draws are laid side by side on the sample
    axis when both are needed (a deterministic objective under a chance constraint).
    """

    def __init__(self, realizations: Sequence[Scenario], movable: list[int], objective: Objective,
                 target_payback_months: int, limits: Limits = Limits(), money: float = 1.0) -> None:
        self.objective = objective
        self.limits = limits
        self.horizon = horizon = realizations[0].horizon_months
        self.money = money
        """The money at stake (largest target x horizon): scales the probability penalty."""
        sizes = [_samples_of(realized) for realized in realizations]
        edges = np.cumsum([0, *sizes])
        self.median_samples = slice(0, sizes[0])
        self.drawn_samples = slice(int(edges[-2]), int(edges[-1]))
        """Samples of the risk objectives and the chance constraint (the last realization)."""
        self.objective_samples = self.drawn_samples if objective in RISK_OBJECTIVES else self.median_samples

        first = min(target_payback_months, horizon) - 1
        width = 1 if objective in ("npv", "net_cash", "p10_npv") else horizon - first
        self.objective_columns = slice(0, width)
        self.cash_columns = slice(width, width + horizon) if limits.max_cash_need is not None else slice(width, width)
        start = self.cash_columns.stop
        self.margin_columns = slice(start, start + horizon - first) if limits.chance else slice(start, start)

        every_month = tuple(range(1, horizon + 1))
        # One unit user per set of active months and kind of user (a channel's own retention and index,
        # docs/formulas.md §15): what one user a month is worth depends on both. Two channels share a unit
        # user only when they share both in every realization (median and draws alike).
        def same_kind(a: int, b: int) -> bool:
            return all((realized.acquisition[movable[a]].months or every_month)
                       == (realized.acquisition[movable[b]].months or every_month)
                       and same_users(realized.acquisition[movable[a]], realized.acquisition[movable[b]])
                       for realized in realizations)

        columns = range(len(movable))
        kinds: list[int] = []
        for column in sorted(columns, key=lambda column: realizations[0].acquisition[movable[column]].months or every_month):
            if not any(same_kind(column, kind) for kind in kinds):
                kinds.append(column)
        self.membership = np.array([[float(same_kind(column, kind)) for kind in kinds] for column in columns])
        base, per_user, per_spend = [], [], []
        for realized, size in zip(realizations, sizes, strict=True):
            channels = [realized.acquisition[i] for i in movable]
            masks = np.array([[float(t in (ch.months or every_month)) for t in every_month] for ch in channels])
            # Block 0: every movable budget at 0; block k: plus one user a month of kind k.
            zero = _at_splits(realized, movable, np.zeros((1, len(movable))))
            blocks = len(kinds) + 1
            tiled = _tile(zero, blocks)
            units = []
            for k, column in enumerate(kinds, start=1):
                kind = channels[column]
                users = np.repeat((np.arange(blocks) == k).astype(np.float64), size)
                units.append(FlatChannel(name=f"unit user {k}", cost=0.0, users=users, months=kind.months or every_month,
                                         retention=_tile(kind.retention, blocks),
                                         conversion_index=_tile(kind.conversion_index, blocks)))
            net_cash = evaluate(dataclasses.replace(tiled, acquisition=tiled.acquisition + tuple(units))).months["net_cash"]
            net_cash = net_cash.reshape(blocks, -1, horizon)
            reduce = self._reduction(realized, target_payback_months)
            base.append(np.broadcast_to(reduce(net_cash[0]).T, (start + self.margin_columns.stop - start, size)))
            per_user.append(reduce(net_cash[1:] - net_cash[0]).transpose(0, 2, 1))
            per_spend.append(np.broadcast_to(reduce(masks[:, None, :]).transpose(0, 2, 1), (len(channels), base[-1].shape[0], size)))
        # Features are laid out (..., Q, S): the sample axis last and contiguous.
        self.base = np.ascontiguousarray(np.concatenate(base, axis=-1))
        """(Q, S) features of the zero split."""
        self.per_user = np.ascontiguousarray(np.concatenate(per_user, axis=-1))
        """(M, Q, S) features of one user a month bought in each month of month set m."""
        self.per_spend = np.ascontiguousarray(np.concatenate(per_spend, axis=-1))
        """(C, Q, S) features of one unit of money spent in each active month of channel c."""
        self.per_user_of_channel = np.ascontiguousarray(self.per_user[self.membership.argmax(axis=1)])
        """(C, Q, S) ``per_user`` of each channel's month set."""

        # One-month scenarios of the movable channels alone: the engine gives users and spend per
        # active month. Each has one row per candidate unless a channel's own inputs are uncertain.
        self.probes = [
            (Scenario(name="probe", retention=RetentionChurn(1.0), horizon_months=1,
                      acquisition=tuple(dataclasses.replace(realized.acquisition[i], months=None) for i in movable)), size)
            for realized, size in zip(realizations, sizes, strict=True)
        ]
        self._probed: dict[tuple[int, float], tuple[FloatArray, FloatArray]] = {}
        """(channel, budget) -> users and spend per active month, (S,) each, of the last round."""

    def _reduction(self, realized: Scenario, target_payback_months: int) -> Any:
        horizon = realized.horizon_months
        first = min(target_payback_months, horizon) - 1
        # Cumulative cash in the months from the target to the horizon's end (payback <=> all >= 0).
        to_margins = np.tril(np.ones((horizon, horizon)))[first:].T
        if self.objective == "net_cash":
            def objective(cash: FloatArray) -> FloatArray:
                return cash.sum(axis=-1, keepdims=True)
        elif self.objective == "payback_probability":
            def objective(cash: FloatArray) -> FloatArray:
                return cash @ to_margins
        else:
            discount = discount_factors(np.asarray(realized.discount_rate, dtype=np.float64).reshape(-1), horizon).T

            def objective(cash: FloatArray) -> FloatArray:
                return (cash * discount).sum(axis=-1, keepdims=True)
        cumulative = np.tril(np.ones((horizon, horizon))).T

        def reduce(cash: FloatArray) -> FloatArray:
            parts = [objective(cash)]
            if self.limits.max_cash_need is not None:
                parts.append(cash @ cumulative)
            if self.limits.chance:
                parts.append(cash @ to_margins)
            return np.concatenate([np.broadcast_to(part, (*np.broadcast_shapes(*(p.shape[:-1] for p in parts)), part.shape[-1]))
                                   for part in parts], axis=-1)

        return reduce

    def users_and_spend(self, splits: FloatArray) -> tuple[FloatArray, FloatArray]:
        """(K, S, C) users and spend per active month of each movable channel at each split."""
        users: list[FloatArray] = []
        spend: list[FloatArray] = []
        for probe, size in self.probes:
            result = evaluate(_at_splits(probe, list(range(splits.shape[1])), splits))
            shape = (splits.shape[0], -1, splits.shape[1])
            for out, per_month in ((users, result.channel_users_per_month), (spend, result.channel_spend_per_month)):
                out.append(np.broadcast_to(per_month.reshape(shape), (splits.shape[0], size, splits.shape[1])))
        if len(self.probes) == 1:
            return users[0], spend[0]
        return np.concatenate(users, axis=1), np.concatenate(spend, axis=1)

    def features(self, users: FloatArray, spend: FloatArray) -> FloatArray:
        """(K, Q, S) features from (K, S, C) users and spend."""
        total = np.repeat(self.base[None], users.shape[0], axis=0)
        users_by_set = users @ self.membership
        for m in range(users_by_set.shape[2]):
            total += users_by_set[:, None, :, m] * self.per_user[m]
        for c in range(spend.shape[2]):
            total -= spend[:, None, :, c] * self.per_spend[c]
        return total

    def score(self, features: FloatArray, bandwidth: float | None = None) -> FloatArray:
        """(K,) objective of each candidate less the penalty of broken limits; with a ``bandwidth``, payback
        probabilities are smoothed."""
        own = features[:, self.objective_columns, self.objective_samples]
        if self.objective in ("npv", "net_cash"):
            value = own[:, 0].mean(axis=1)
        elif self.objective == "p10_npv":
            value = np.quantile(own[:, 0], P10_QUANTILE, axis=1)
        else:
            value = _payback_share(own.min(axis=1), bandwidth)
        money_per_unit = 1.0 if self.objective == "payback_probability" else self.money
        if self.limits.max_cash_need is not None:
            cumulative = features[:, self.cash_columns, self.median_samples].min(axis=1)
            need = np.maximum(0.0, -cumulative.mean(axis=1))
            value = value - PENALTY * money_per_unit / self.money * np.maximum(0.0, need - self.limits.max_cash_need)
        if self.limits.min_payback_probability is not None:
            share = _payback_share(features[:, self.margin_columns, self.drawn_samples].min(axis=1), bandwidth)
            value = value - PENALTY * money_per_unit * np.maximum(0.0, self.limits.min_payback_probability - share)
        return np.asarray(value)

    def values(self, splits: FloatArray) -> FloatArray:
        """(K,) unsmoothed objective at each split."""
        return self.score(self.features(*self.users_and_spend(splits)))

    def bandwidths(self, splits: FloatArray, budgets: FloatArray) -> list[float | None]:
        """Per split, Silverman's bandwidth of the payback margins, at least 0.1% of its budget
        (None, no smoothing, when no payback probability is involved)."""
        if self.objective == "payback_probability":
            columns = self.objective_columns
        elif self.limits.chance:
            columns = self.margin_columns
        else:
            return [None] * len(budgets)
        margins = self.features(*self.users_and_spend(splits))[:, columns, self.drawn_samples].min(axis=1)
        found: list[float | None] = []
        for margin, budget in zip(margins, budgets, strict=True):
            q75, q25 = np.percentile(margin, [75, 25])
            spread = min(float(margin.std()), (q75 - q25) / 1.34) if q75 > q25 else float(margin.std())
            found.append(max(0.9 * spread * margin.size ** (-0.2), 1e-3 * float(budget)))
        return found

    def moves(self, splits: FloatArray, steps: FloatArray) -> Iterator[tuple[FloatArray, FloatArray, FloatArray]]:
        """For each split (N, C) and its steps (N, C): the features at the split (1, Q, S) and their change when
        each channel alone gets the step more or less money (C, Q, S) each. One probe call for all
        splits, as a channel's users depend on its budget only; the features are made one split at a
        time, so only one search's (C, Q, S) arrays are held at once."""
        count = splits.shape[0]
        users, spend = self._channel_users_and_spend(np.concatenate([splits, splits + steps, np.maximum(splits - steps, 0.0)]))
        for n in range(count):
            at_split = self.features(users[n : n + 1], spend[n : n + 1])
            up, down = (
                (users[k] - users[n]).T[:, None, :] * self.per_user_of_channel - (spend[k] - spend[n]).T[:, None, :] * self.per_spend
                for k in (count + n, 2 * count + n)
            )
            yield at_split, up, down

    def _channel_users_and_spend(self, splits: FloatArray) -> tuple[FloatArray, FloatArray]:
        """``users_and_spend``, probing only the (channel, budget) pairs the last call did not.

        A transfer changes two channels by one step, so most of a round's budgets were probed
        in the round before; the probe's rows are the costly part of a search over many samples.
        """
        needed = {(c, float(v)) for c in range(splits.shape[1]) for v in splits[:, c]}
        missing: list[list[float]] = [[] for _ in range(splits.shape[1])]
        for c, v in sorted(needed - self._probed.keys()):
            missing[c].append(v)
        blocks = max(len(values) for values in missing)
        if blocks:
            # Channels with fewer new budgets repeat their first budget: rows the engine computes anyway.
            padded = np.array(
                [values + [values[0] if values else float(splits[0, c])] * (blocks - len(values)) for c, values in enumerate(missing)]
            ).T
            users, spend = self.users_and_spend(padded)
            for row in range(blocks):
                for c in range(splits.shape[1]):
                    self._probed[(c, float(padded[row, c]))] = (users[row, :, c], spend[row, :, c])
        self._probed = {key: self._probed[key] for key in needed}
        users_out = np.stack([np.stack([self._probed[(c, float(v))][0] for c, v in enumerate(row)], axis=-1) for row in splits])
        spend_out = np.stack([np.stack([self._probed[(c, float(v))][1] for c, v in enumerate(row)], axis=-1) for row in splits])
        return users_out, spend_out


def _payback_share(margin: FloatArray, bandwidth: float | None) -> FloatArray:
    """(K,) share of draws whose payback margin (K, S) is >= 0; with a ``bandwidth``, kernel-smoothed."""
    if bandwidth is None:
        # The engine's tolerance for rounding, relative to the money moved, is far below
        # any margin that matters; an exact 0 counts as paid back, as there.
        return np.asarray((margin >= 0).mean(axis=1))
    # Logistic kernel with standard deviation ``bandwidth`` (scale bandwidth x sqrt(3) / pi); tanh form: never overflows.
    scale = bandwidth * math.sqrt(3.0) / math.pi
    return np.asarray((0.5 + 0.5 * np.tanh(margin / (2.0 * scale))).mean(axis=1))


def _budget_curve(surrogate: _Surrogate, space: Space, best: FloatArray, targets: FloatArray, names: list[str],
                  phase_of: np.ndarray, phase_count: int, multiples: Sequence[float]) -> tuple[CurvePoint, ...]:
    def feasible(multiple: float) -> bool:
        scaled = multiple * targets
        lowest = np.bincount(space.groups, weights=space.weights * space.lower, minlength=space.count)
        highest = np.bincount(space.groups, weights=space.weights * space.upper, minlength=space.count)
        return bool(np.all(lowest <= scaled) and np.all(scaled <= highest))

    searched_multiples = [multiple for multiple in multiples if multiple not in (0.0, 1.0) and feasible(multiple)]
    # Warm-started from the best split scaled, so a finer first step and a coarser end suffice for a chart.
    found = maximise(surrogate, space, [multiple * targets for multiple in searched_multiples], best, 1 / 16, CURVE_FINEST_STEP)
    searched = dict(zip(searched_multiples, found, strict=True))
    if 0.0 in multiples and feasible(0.0):
        searched[0.0] = np.zeros_like(best)
    points = []
    for multiple in multiples:
        budget = float(multiple * targets[0])
        split = best if multiple == 1.0 else searched.get(multiple)
        if split is None:
            points.append(CurvePoint(budget=budget, value=math.nan, split={}))
            continue
        value = float(surrogate.values(split[None])[0])
        by_phase = tuple({names[j]: float(split[j]) for j in np.flatnonzero(phase_of == k)} for k in range(phase_count))
        points.append(CurvePoint(budget=budget, value=value, split=by_phase[0], phases=by_phase))
    return tuple(points)


# --- reporting -----------------------------------------------------------------


def _engine_objective(realized: Scenario, movable: list[int], splits: FloatArray, objective: Objective, target: int) -> FloatArray:
    """(K,) objective at each split by a direct engine run."""
    figures = evaluate(_at_splits(realized, movable, splits)).figures
    rows = splits.shape[0] * _samples_of(realized)

    def by_split(name: str) -> FloatArray:
        return np.broadcast_to(figures[name], (rows,)).reshape(splits.shape[0], -1)

    if objective == "npv":
        return by_split("npv").mean(axis=1)
    if objective == "net_cash":
        return by_split("net_cash").mean(axis=1)
    if objective == "p10_npv":
        return np.quantile(by_split("npv"), P10_QUANTILE, axis=1)
    payback = by_split("payback_month")
    return np.where(np.isnan(payback), False, payback <= target).mean(axis=1)


def _channel_rows(
    median: Scenario,
    layout: Expansion,
    movable: list[int],
    columns: np.ndarray,
    months_of: FloatArray,
    current: FloatArray,
    best: FloatArray,
    lower: FloatArray,
    upper: FloatArray,
    budget: float,
    locks: Sequence[str],
    total: bool,
) -> tuple[ChannelAllocation, ...]:
    # The next yuan of a monthly budget; with a horizon total, of the average month's share of it.
    step = MARGINAL_STEP * (budget / months_of.sum() * columns.size if total else budget)
    count = len(movable)
    raise_channel = np.array([[float(columns[j] == c) for j in range(columns.size)] for c in range(count)])
    # Per split: the split itself, then each channel alone a step higher in every phase in which it runs.
    splits = np.concatenate([np.vstack([split, split + step * raise_channel]) for split in (current, best)])
    result = evaluate(_at_splits(layout.scenario, list(layout.indices), splits))
    every_month = tuple(range(1, median.horizon_months + 1))
    rows = []
    for i, channel in enumerate(median.acquisition):
        months = tuple(channel.months or every_month)
        if i in movable:
            c = movable.index(i)
            copies = [layout.indices[j] for j in np.flatnonzero(columns == c)]
            weights = months_of[columns == c]
            figures = [_figures_at(result, copies, block * (count + 1), block * (count + 1) + 1 + c) for block in (0, 1)]
            rows.append(
                ChannelAllocation(
                    name=channel.name,
                    type=channel.type,
                    status="movable",
                    minimum=float(lower[columns == c][0]),
                    maximum=float(upper[columns == c][0]),
                    current_budget=float(np.average(current[columns == c], weights=weights)),
                    best_budget=float(np.average(best[columns == c], weights=weights)),
                    current=figures[0],
                    best=figures[1],
                    months=months,
                )
            )
        else:
            spend = _monthly_budget(channel)
            unmoved = _figures_at(result, [layout.kept[i]], 0, None)
            rows.append(
                ChannelAllocation(
                    name=channel.name,
                    type=channel.type,
                    status="locked" if channel.name in locks else "fixed",
                    minimum=spend,
                    maximum=spend,
                    current_budget=spend,
                    best_budget=spend,
                    current=unmoved,
                    best=unmoved,
                    months=months,
                )
            )
    return tuple(rows)


def _figures_at(result: Result, copies: list[int], row: int, stepped: int | None) -> ChannelFigures:
    """A channel's figures summed over its per-phase ``copies`` at ``row``; marginal ones against ``stepped``."""

    def total(figure: FloatArray, at: int) -> float:
        return float(figure[at, copies].sum())

    spend, gross = total(result.channel_spend, row), total(result.channel_gross_revenue, row)
    users, contribution = total(result.channel_users, row), total(result.channel_contribution, row)
    marginal_roas = marginal_cac = math.nan
    if stepped is not None:
        extra_spend = total(result.channel_spend, stepped) - spend
        extra_gross = total(result.channel_gross_revenue, stepped) - gross
        extra_users = total(result.channel_users, stepped) - users
        marginal_roas = extra_gross / extra_spend if extra_spend > 0 else math.nan
        marginal_cac = extra_spend / extra_users if extra_users > 0 else math.nan
    return ChannelFigures(
        roas=gross / spend if spend > 0 else math.nan,
        marginal_roas=marginal_roas,
        cac=spend / users if users > 0 else (0.0 if spend == 0 and users > 0 else math.nan),
        marginal_cac=marginal_cac,
        ltv=contribution / users if users > 0 else math.nan,
    )


def _warnings(channels: tuple[ChannelAllocation, ...], space: Space, current: FloatArray, best: FloatArray,
              targets: FloatArray, phases: Sequence[Phase], checks: Mapping[str, ConstraintCheck]) -> tuple[AllocationWarning, ...]:
    tolerance = BOUND_TOLERANCE * targets[space.groups] / space.weights
    found: list[AllocationWarning] = []
    if np.all(np.abs(best - current) <= tolerance):
        found.append(AllocationWarning("best_is_current"))
    if np.any(np.abs(space.totals(current) - targets) > BOUND_TOLERANCE * targets):
        found.append(AllocationWarning("current_total_differs"))
    if len(phases) > 1:
        found.append(AllocationWarning("different_months"))
    movable = [channel for channel in channels if channel.status == "movable"]
    for channel in channels:
        if channel.status == "locked":
            found.append(AllocationWarning("locked", channel.name))
    for c, channel in enumerate(movable):
        member = np.flatnonzero(np.array([phase_column == c for phase in phases for phase_column in phase.columns]))
        if np.all(best[member] <= space.lower[member] + tolerance[member]):
            found.append(AllocationWarning("on_minimum", channel.name))
        if np.all(best[member] >= space.upper[member] - tolerance[member]):
            found.append(AllocationWarning("on_maximum", channel.name))
    for channel in movable:
        if channel.best.marginal_roas < 1:
            found.append(AllocationWarning("marginal_roas_below_one", channel.name))
    found += [AllocationWarning("constraint_not_met", name) for name, check in checks.items() if not check.met]
    return tuple(found)
