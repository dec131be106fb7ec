"""Split a monthly budget B across a scenario's movable channels to maximise an objective.

What is moved and what B is:

- The *movable* channels are those of a type that has a budget form (``ChannelType.movable``;
  docs/formulas.md §4.1 lists the types) and are not locked. B is the
  sum of their monthly budgets: locked channels and channels of other types keep their spend
  and are outside B (a founder asking "where does the next 1,000,000 go" has already committed
  the locked money). Each channel keeps its active months, so B is what is spent in a month in
  which every movable channel runs.
- A channel's monthly budget is its spend in an active month at the median values (a budget
  as given; users x bid, impressions / 1000 x cpm or posts x fee for a channel given by
  volume). To be moved, a channel is put in its budget form (``ChannelType.with_budget``):
  cpa/cpm buy ``budget / unit cost`` (saturating per ``saturation_budget``), kol buys
  ``budget / fee`` posts (fractional posts, spec section 3). Under sampling the *budget* is
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

- The model is linear in the cohort sizes (spec section 3: every revenue and cost after
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
- Solver: marginal-return equalisation by pairwise transfers (a pattern search on the budget
  simplex). From the current split (scaled to B and moved onto the bounds), each round moves a
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
  gross revenue / extra spend, marginal CAC = extra spend / extra users (spec section 4
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

from aigc_roi.model.channels import movable_types
from aigc_roi.model.engine import Result, evaluate
from aigc_roi.model.sampling import realize
from aigc_roi.model.scenario import (
    DEFAULT_TARGET_PAYBACK_MONTHS,
    Channel,
    FlatChannel,
    FloatArray,
    RetentionChurn,
    Scenario,
    Value,
)
from aigc_roi.model.sources import same_users
from aigc_roi.model.tree import leaves, map_arrays
from aigc_roi.whatif.errors import WhatIfError

Objective = Literal["npv", "net_cash", "p10_npv", "payback_probability"]
OBJECTIVES: tuple[Objective, ...] = ("npv", "net_cash", "p10_npv", "payback_probability")
RISK_OBJECTIVES: frozenset[str] = frozenset({"p10_npv", "payback_probability"})

CURVE_MULTIPLES: tuple[float, ...] = (0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0)
"""Budgets of the budget curve, as multiples of B."""
MARGINAL_STEP = 1e-6
"""Step of the marginal figures (the next yuan), as a share of B."""
BOUND_TOLERANCE = 1e-6
"""A budget within this share of B of a bound is reported as on it."""
P10_QUANTILE = 0.1
FINEST_STEP = 1e-7
"""The search stops when its transfer is below this share of the budget."""
CURVE_FINEST_STEP = 1e-3
"""The same for the points of the budget curve: a split within 0.1% of B of its optimum loses
only a second-order share of the value, invisible on a chart."""
MAX_ROUNDS = 2_000
"""Guard against a search that keeps finding rounding-sized gains."""
IMPROVEMENT = 1e-13
"""A transfer must gain this share of (|objective| + B x horizon, or 1 for a probability)."""

ChannelStatus = Literal["movable", "locked", "fixed"]
WarningCode = Literal["best_is_current", "on_minimum", "on_maximum", "locked", "current_total_differs"]


class AllocationError(WhatIfError):
    """The allocation asked for cannot be set up (unknown channel, infeasible bounds, ...)."""


@dataclass(frozen=True)
class ChannelFigures:
    """One channel's returns at one split, from a deterministic run; NaN = none."""

    roas: float
    """Attributed gross revenue / spend over the horizon."""
    marginal_roas: float
    """Extra attributed gross revenue per extra unit of monthly budget spent (the next yuan)."""
    cac: float
    """Spend / users bought, money per user."""
    marginal_cac: float
    """Extra spend per extra user bought, money per user."""


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
    """Monthly budget at the best split (equal to current_budget unless movable)."""
    current: ChannelFigures
    best: ChannelFigures


@dataclass(frozen=True)
class CurvePoint:
    """The best objective at one total budget."""

    budget: float
    """Monthly budget split across the movable channels."""
    value: float
    """Best objective at that budget; NaN when the bounds admit no split of it."""
    split: Mapping[str, float]
    """Best monthly budget per movable channel (empty when infeasible)."""


@dataclass(frozen=True)
class AllocationWarning:
    """Something the reader of an allocation should know; ``channel`` is None for the whole split."""

    code: WarningCode
    channel: str | None = None


@dataclass(frozen=True)
class Allocation:
    """Current against best split of a monthly budget, and the budget curve."""

    scenario: str
    objective: Objective
    budget: float
    """B: monthly budget split across the movable channels."""
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

    @property
    def gain(self) -> float:
        """best_value - current_value: never negative when the current split sums to B and respects the
        bounds (it is then a candidate); otherwise it also counts the change in total spend."""
        return self.best_value - self.current_value

    @property
    def current_split(self) -> dict[str, float]:
        return {ch.name: ch.current_budget for ch in self.channels if ch.status == "movable"}

    @property
    def best_split(self) -> dict[str, float]:
        return {ch.name: ch.best_budget for ch in self.channels if ch.status == "movable"}


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
) -> Allocation:
    """The split of ``budget`` (B, money per month) across the movable channels that maximises
    ``objective``; see the module docstring. ``curve``: the budgets of the budget curve as
    multiples of B (empty for none). Raises ``AllocationError`` for a request that cannot be
    set up."""
    minimums = dict(minimums or {})
    maximums = dict(maximums or {})
    if objective not in OBJECTIVES:
        raise AllocationError(f"unknown objective {objective!r}; expected one of {', '.join(OBJECTIVES)}")
    if not (math.isfinite(budget) and budget > 0):
        raise AllocationError(f"the budget must be a positive number, got {budget}")
    if samples < 1:
        raise AllocationError(f"samples must be >= 1, got {samples}")
    # The surrogate is linear in each channel's budget and a gate's pass or fail is not: the split is
    # that of the plan with every gate passed (docs/formulas.md §18).
    scenario = dataclasses.replace(scenario, gates=())
    median = realize(scenario)
    movable = _movable_channels(median, locks, minimums, maximums)
    lower = np.array([float(minimums.get(median.acquisition[i].name, 0.0)) for i in movable])
    upper = np.array([float(maximums.get(median.acquisition[i].name, math.inf)) for i in movable])
    _check_bounds(median, movable, lower, upper, budget)
    current = np.array([_monthly_budget(median.acquisition[i]) for i in movable])

    risk = objective in RISK_OBJECTIVES
    realized = realize(scenario, samples, np.random.default_rng(seed)) if risk else median
    target = scenario.targets.max_payback_months or DEFAULT_TARGET_PAYBACK_MONTHS
    surrogate = _Surrogate(realized, movable, objective, target)

    candidates = _maximise(surrogate, [budget], lower, upper, current, 0.25, FINEST_STEP)
    if np.isclose(current.sum(), budget, rtol=1e-12, atol=0) and np.all(current >= lower) and np.all(current <= upper):
        candidates.append(current)
    values = surrogate.values(np.array(candidates))
    best = candidates[int(np.argmax(values))]

    engine_values = _engine_objective(realized, movable, np.array([current, best]), objective, target)
    points = _budget_curve(surrogate, best, budget, lower, upper, [median.acquisition[i].name for i in movable], curve)
    channels = _channel_rows(median, movable, current, best, lower, upper, budget, locks)
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
        warnings=_warnings(channels, current, best, budget),
    )


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
    movable = [i for i, ch in enumerate(median.acquisition) if ch.movable and ch.name not in locks]
    if not movable:
        raise AllocationError(f"no {_one_of(movable_types())} channel left to allocate the budget to")
    for i in movable:
        channel = median.acquisition[i]
        if _unit_cost(channel) <= 0:
            raise AllocationError(f"{channel.name!r} has a unit cost of 0, so no budget form: lock it")
    return movable


def _check_bounds(median: Scenario, movable: list[int], lower: FloatArray, upper: FloatArray, budget: float) -> None:
    for i, low, high in zip(movable, lower, upper, strict=True):
        name = median.acquisition[i].name
        if not (low >= 0 and high >= 0) or math.isnan(low + high):
            raise AllocationError(f"the bounds of {name!r} must be >= 0")
        if low > high:
            raise AllocationError(f"the minimum of {name!r} ({low:g}) exceeds its maximum ({high:g})")
    if lower.sum() > budget:
        raise AllocationError(f"the minimums add up to {lower.sum():g}, more than the budget {budget:g}")
    if upper.sum() < budget:
        raise AllocationError(f"the maximums add up to {upper.sum():g}, less than the budget {budget:g}")


def _number(value: Value | None) -> float:
    """A value of the median scenario (always a float there)."""
    assert value is not None and not isinstance(value, np.ndarray)
    return float(value)  # type: ignore[arg-type]


def _one_of(words: Sequence[str]) -> str:
    """``cpa, cpm or kol``."""
    return " or ".join(filter(None, (", ".join(words[:-1]), words[-1])))


def _unit_cost(channel: Channel) -> float:
    return _number(getattr(channel, channel.unit_cost))


def _monthly_budget(channel: Channel) -> float:
    """Spend per active month of a channel of the median scenario."""
    _, spend = channel.users_and_spend(_row)
    return float(spend[0])


def _row(value: Value) -> FloatArray:
    """A value of the median scenario as the one-sample row a users-and-spend formula takes."""
    return np.asarray(value, dtype=np.float64).reshape(-1)


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


class _Surrogate:
    """The objective of any split on fixed draws, from the linearity of the model in users.

    Monthly net cash is reduced at once to the few numbers the objective needs (its
    "features", linear in net cash): the discounted sum for npv, the plain sum for net_cash,
    the cumulative cash from the payback target month to the horizon's end for payback.
    """

    def __init__(self, realized: Scenario, movable: list[int], objective: Objective, target_payback_months: int) -> None:
        self.objective = objective
        self.horizon = horizon = realized.horizon_months
        every_month = tuple(range(1, horizon + 1))
        channels = [realized.acquisition[i] for i in movable]
        # One unit user per set of active months and kind of user (a channel's own retention and index,
        # docs/formulas.md §15): what one user a month is worth depends on both.
        kinds: list[Channel] = []
        for ch in sorted(channels, key=lambda ch: ch.months or every_month):
            if not any((ch.months or every_month) == (kind.months or every_month) and same_users(ch, kind) for kind in kinds):
                kinds.append(ch)
        self.membership = np.array([[float((ch.months or every_month) == (kind.months or every_month) and same_users(ch, kind))
                                     for kind in kinds] for ch in channels])
        masks = np.array([[float(t in (ch.months or every_month)) for t in every_month] for ch in channels])

        # Block 0: every movable budget at 0; block k: plus one user a month in month set k.
        samples = _samples_of(realized)
        zero = _at_splits(realized, movable, np.zeros((1, len(movable))))
        blocks = len(kinds) + 1
        tiled = _tile(zero, blocks)
        units = []
        for k, kind in enumerate(kinds, start=1):
            users = np.repeat((np.arange(blocks) == k).astype(np.float64), samples)
            units.append(FlatChannel(name=f"unit user {k}", cost=0.0, users=users, months=kind.months or every_month,
                                     retention=_tile(kind.retention, blocks), conversion_index=_tile(kind.conversion_index, blocks)))
        net_cash = evaluate(dataclasses.replace(tiled, acquisition=tiled.acquisition + tuple(units))).months["net_cash"]
        net_cash = net_cash.reshape(blocks, -1, horizon)

        # Features are laid out (..., Q, S): the sample axis last and contiguous.
        reduce = self._reduction(realized, target_payback_months)
        self.base = np.ascontiguousarray(reduce(net_cash[0]).T)
        """(Q, S) features of the zero split."""
        self.per_user = np.ascontiguousarray(reduce(net_cash[1:] - net_cash[0]).transpose(0, 2, 1))
        """(M, Q, S) features of one user a month bought in each month of month set m."""
        self.per_spend = np.ascontiguousarray(reduce(masks[:, None, :]).transpose(0, 2, 1))
        """(C, Q, S or 1) features of one unit of money spent in each active month of channel c."""
        self.per_user_of_channel = np.ascontiguousarray(self.per_user[self.membership.argmax(axis=1)])
        """(C, Q, S) ``per_user`` of each channel's month set."""

        # A one-month scenario of the movable channels alone: the engine gives users and spend per
        # active month. It has one row per candidate unless a channel's own inputs are uncertain.
        self.probe = Scenario(
            name="probe",
            retention=RetentionChurn(1.0),
            horizon_months=1,
            acquisition=tuple(dataclasses.replace(ch, months=None) for ch in channels),
        )
        self._probed: dict[tuple[int, float], tuple[FloatArray, FloatArray]] = {}
        """(channel, budget) -> users and spend per active month, (S or 1,) each, of the last round."""

    def _reduction(self, realized: Scenario, target_payback_months: int) -> Any:
        horizon = realized.horizon_months
        if self.objective == "net_cash":
            return lambda cash: cash.sum(axis=-1, keepdims=True)
        if self.objective == "payback_probability":
            # Cumulative cash in the months from the target to the horizon's end (payback <=> all >= 0).
            first = min(target_payback_months, horizon) - 1
            to_cumulative = np.tril(np.ones((horizon, horizon)))[first:].T
            return lambda cash: cash @ to_cumulative
        discount = _discount(realized.discount_rate, horizon)
        return lambda cash: (cash * discount).sum(axis=-1, keepdims=True)

    def users_and_spend(self, splits: FloatArray) -> tuple[FloatArray, FloatArray]:
        """(K, S or 1, C) users and spend per active month of each movable channel at each split."""
        result = evaluate(_at_splits(self.probe, list(range(splits.shape[1])), splits))
        shape = (splits.shape[0], -1, splits.shape[1])
        return result.channel_users_per_month.reshape(shape), result.channel_spend_per_month.reshape(shape)

    def features(self, users: FloatArray, spend: FloatArray) -> FloatArray:
        """(K, Q, S) features from (K, S or 1, C) users and spend."""
        total = np.repeat(self.base[None], users.shape[0], axis=0)
        users_by_set = users @ self.membership
        for m in range(users_by_set.shape[2]):
            total += users_by_set[:, None, :, m] * self.per_user[m]
        for c in range(spend.shape[2]):
            total -= spend[:, None, :, c] * self.per_spend[c]
        return total

    def score(self, features: FloatArray, bandwidth: float | None = None) -> FloatArray:
        """(K,) objective of each candidate; with a ``bandwidth``, the smoothed payback probability."""
        if self.objective in ("npv", "net_cash"):
            return features[:, 0].mean(axis=1)
        if self.objective == "p10_npv":
            return np.quantile(features[:, 0], P10_QUANTILE, axis=1)
        margin = features.min(axis=1)
        if bandwidth is None:
            # The engine's tolerance for rounding, relative to the money moved, is far below
            # any margin that matters; an exact 0 counts as paid back, as there.
            return (margin >= 0).mean(axis=1)
        # Logistic kernel with standard deviation ``bandwidth`` (scale bandwidth x sqrt(3) / pi);
        # tanh form: never overflows.
        scale = bandwidth * math.sqrt(3.0) / math.pi
        return np.asarray((0.5 + 0.5 * np.tanh(margin / (2.0 * scale))).mean(axis=1))

    def values(self, splits: FloatArray) -> FloatArray:
        """(K,) unsmoothed objective at each split."""
        return self.score(self.features(*self.users_and_spend(splits)))

    def bandwidths(self, splits: FloatArray, budgets: FloatArray) -> list[float | None]:
        """Per split, Silverman's bandwidth of the payback margins, at least 0.1% of its budget
        (None, no smoothing, for the other objectives)."""
        if self.objective != "payback_probability":
            return [None] * len(budgets)
        margins = self.features(*self.users_and_spend(splits)).min(axis=1)
        found: list[float | None] = []
        for margin, budget in zip(margins, budgets, strict=True):
            q75, q25 = np.percentile(margin, [75, 25])
            spread = min(float(margin.std()), (q75 - q25) / 1.34) if q75 > q25 else float(margin.std())
            found.append(max(0.9 * spread * margin.size ** (-0.2), 1e-3 * float(budget)))
        return found

    def moves(self, splits: FloatArray, steps: FloatArray) -> Iterator[tuple[FloatArray, FloatArray, FloatArray]]:
        """For each split (N, C) and its step: the features at the split (1, Q, S) and their change when
        each channel alone gets the step more or less money (C, Q, S) each. One probe call for all
        splits, as a channel's users depend on its budget only; the features are made one split at a
        time, so only one search's (C, Q, S) arrays are held at once."""
        count = splits.shape[0]
        column = steps[:, None]
        users, spend = self._channel_users_and_spend(np.concatenate([splits, splits + column, np.maximum(splits - column, 0.0)]))
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


def _discount(rate: Value, horizon: int) -> FloatArray:
    """(S, H) discount factors (1 + rate)^(-t/12), t = 1..H (spec section 4, npv)."""
    column = np.asarray(rate, dtype=np.float64).reshape(-1, 1)
    return (1.0 + column) ** (-np.arange(1, horizon + 1) / 12.0)


# --- search --------------------------------------------------------------------


def _project(split: FloatArray, budget: float, lower: FloatArray, upper: FloatArray) -> FloatArray:
    """The split clip(split + tau, lower, upper) that sums to ``budget`` (bisection on tau)."""
    low, high = float(-split.max() - budget), float(budget)
    while np.clip(split + high, lower, upper).sum() < budget:
        high *= 2.0
    for _ in range(200):
        middle = (low + high) / 2
        if np.clip(split + middle, lower, upper).sum() < budget:
            low = middle
        else:
            high = middle
    return np.clip(split + high, lower, upper)


def _maximise(
    surrogate: _Surrogate, budgets: Sequence[float], lower: FloatArray, upper: FloatArray, start: FloatArray, first_step: float,
    finest: float
) -> list[FloatArray]:
    """Marginal-return equalisation by pairwise transfers, one search per budget, each from ``start``
    scaled to its budget and moved onto the feasible set.

    Each round moves a step from the channels whose cut costs least to those whose raise gains
    most (matched in pairs, all pairs at once or the best pair alone, whichever scores higher),
    and halves the step when no transfer improves the objective; a search starts with a step of
    ``first_step`` x its budget and stops below ``finest`` x its budget. The searches run in
    lockstep so that one probe call serves a round of all of them: the engine's cost per call,
    not per row, dominates when the channels' own inputs are not sampled.
    """
    if not budgets:
        return []
    total = start.sum()
    splits = [
        _project(start * (budget / total) if total > 0 else np.full(start.size, budget / start.size), budget, lower, upper)
        for budget in budgets
    ]
    steps = [first_step * budget for budget in budgets]
    bandwidths = surrogate.bandwidths(np.array(splits), np.array(budgets))
    money_scales = [1.0 if surrogate.objective == "payback_probability" else budget * surrogate.horizon for budget in budgets]
    for _ in range(MAX_ROUNDS):
        active = [n for n, budget in enumerate(budgets) if steps[n] >= finest * budget]
        if not active:
            break
        moved = surrogate.moves(np.array([splits[n] for n in active]), np.array([steps[n] for n in active]))
        for n, (at_split, up, down) in zip(active, moved, strict=True):
            if not _transfer(surrogate, splits[n], steps[n], at_split, up, down, lower, upper, bandwidths[n], money_scales[n]):
                steps[n] /= 2
    return [_snap_to_bounds(split, budget, lower, upper) for split, budget in zip(splits, budgets, strict=True)]


def _transfer(
    surrogate: _Surrogate,
    split: FloatArray,
    step: float,
    at_split: FloatArray,
    up: FloatArray,
    down: FloatArray,
    lower: FloatArray,
    upper: FloatArray,
    bandwidth: float | None,
    money_scale: float,
) -> bool:
    """One round of one search: moves ``step`` along the best matched pairs in ``split`` (in place);
    False when no transfer improves the objective."""
    scores = surrogate.score(np.concatenate([at_split, at_split + up, at_split + down]), bandwidth)
    count = split.size
    value = scores[0]
    gain_up = np.where(split + step <= upper, scores[1 : 1 + count] - value, -np.inf)
    gain_down = np.where(split - step >= lower, scores[1 + count :] - value, -np.inf)
    pairs = _matched_pairs(gain_up, gain_down)
    if not pairs:
        return False
    transfers = [pairs[:1], pairs] if len(pairs) > 1 else [pairs]
    candidates = np.concatenate([at_split + sum(up[r] + down[g] for r, g in chosen) for chosen in transfers])
    moved = surrogate.score(candidates, bandwidth)
    best = int(np.argmax(moved))
    if moved[best] <= value + IMPROVEMENT * (abs(value) + money_scale):
        return False
    for receiver, giver in transfers[best]:
        split[receiver] += step
        split[giver] -= step
    return True


def _snap_to_bounds(split: FloatArray, budget: float, lower: FloatArray, upper: FloatArray) -> FloatArray:
    """Channels left within ``BOUND_TOLERANCE`` x budget of a bound (transfers only come in whole
    steps) put on it, the difference given to the largest channel not on a bound."""
    tolerance = BOUND_TOLERANCE * budget
    snapped = np.where(split - lower <= tolerance, lower, np.where(upper - split <= tolerance, upper, split))
    free = np.flatnonzero((snapped > lower) & (snapped < upper))
    if free.size == 0:
        return split
    largest = free[np.argmax(snapped[free])]
    snapped[largest] += budget - snapped.sum()
    return snapped if lower[largest] <= snapped[largest] <= upper[largest] else split


def _matched_pairs(gain_up: FloatArray, gain_down: FloatArray) -> list[tuple[int, int]]:
    """(receiver, giver) pairs, best raise with cheapest cut, while a pair's total gain is positive."""
    receivers = [int(c) for c in np.argsort(-gain_up, kind="stable")]
    givers = [int(c) for c in np.argsort(-gain_down, kind="stable")]
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    while receivers and givers:
        receiver, giver = receivers[0], givers[0]
        if receiver in used:
            receivers.pop(0)
        elif giver in used or giver == receiver:
            givers.pop(0)
        elif gain_up[receiver] + gain_down[giver] > 0:
            pairs.append((receiver, giver))
            used.update((receiver, giver))
        else:
            break
    return pairs


def _budget_curve(
    surrogate: _Surrogate,
    best: FloatArray,
    budget: float,
    lower: FloatArray,
    upper: FloatArray,
    names: list[str],
    multiples: Sequence[float],
) -> tuple[CurvePoint, ...]:
    totals = [multiple * budget for multiple in multiples]
    feasible = [total for total, multiple in zip(totals, multiples, strict=True)
                if multiple != 1.0 and lower.sum() <= total <= upper.sum()]
    # Warm-started from the best split scaled, so a finer first step and a coarser end suffice for a chart.
    searched = dict(zip(feasible, _maximise(surrogate, feasible, lower, upper, best, 1 / 16, CURVE_FINEST_STEP), strict=True))
    points = []
    for total, multiple in zip(totals, multiples, strict=True):
        split = best if multiple == 1.0 else searched.get(total)
        if split is None:
            points.append(CurvePoint(budget=total, value=math.nan, split={}))
            continue
        value = float(surrogate.values(split[None])[0])
        points.append(CurvePoint(budget=total, value=value, split=dict(zip(names, map(float, split), strict=True))))
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
    movable: list[int],
    current: FloatArray,
    best: FloatArray,
    lower: FloatArray,
    upper: FloatArray,
    budget: float,
    locks: Sequence[str],
) -> tuple[ChannelAllocation, ...]:
    step = MARGINAL_STEP * budget
    count = len(movable)
    # Per split: the split itself, then each channel alone a step higher.
    splits = np.concatenate([np.vstack([split, split + step * np.eye(count)]) for split in (current, best)])
    result = evaluate(_at_splits(median, movable, splits))
    figures = [_figures_at(result, movable, block * (count + 1), count) for block in (0, 1)]
    rows = []
    for i, channel in enumerate(median.acquisition):
        if i in movable:
            column = movable.index(i)
            rows.append(
                ChannelAllocation(
                    name=channel.name,
                    type=channel.type,
                    status="movable",
                    minimum=float(lower[column]),
                    maximum=float(upper[column]),
                    current_budget=float(current[column]),
                    best_budget=float(best[column]),
                    current=figures[0][i],
                    best=figures[1][i],
                )
            )
        else:
            spend = _monthly_budget(channel)
            unmoved = ChannelFigures(float(result.channel_roas[0, i]), math.nan, float(result.channel_cac[0, i]), math.nan)
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
                )
            )
    return tuple(rows)


def _figures_at(result: Result, movable: list[int], row: int, count: int) -> dict[int, ChannelFigures]:
    figures = {}
    for column, i in enumerate(movable):
        stepped = row + 1 + column
        extra_spend = result.channel_spend[stepped, i] - result.channel_spend[row, i]
        extra_gross = result.channel_gross_revenue[stepped, i] - result.channel_gross_revenue[row, i]
        extra_users = result.channel_users[stepped, i] - result.channel_users[row, i]
        figures[i] = ChannelFigures(
            roas=float(result.channel_roas[row, i]),
            marginal_roas=float(extra_gross / extra_spend) if extra_spend > 0 else math.nan,
            cac=float(result.channel_cac[row, i]),
            marginal_cac=float(extra_spend / extra_users) if extra_users > 0 else math.nan,
        )
    return figures


def _warnings(
    channels: tuple[ChannelAllocation, ...], current: FloatArray, best: FloatArray, budget: float
) -> tuple[AllocationWarning, ...]:
    tolerance = BOUND_TOLERANCE * budget
    found: list[AllocationWarning] = []
    if np.all(np.abs(best - current) <= tolerance):
        found.append(AllocationWarning("best_is_current"))
    if abs(current.sum() - budget) > tolerance:
        found.append(AllocationWarning("current_total_differs"))
    for channel in channels:
        if channel.status == "locked":
            found.append(AllocationWarning("locked", channel.name))
        elif channel.status == "movable":
            if channel.best_budget <= channel.minimum + tolerance:
                found.append(AllocationWarning("on_minimum", channel.name))
            if channel.best_budget >= channel.maximum - tolerance:
                found.append(AllocationWarning("on_maximum", channel.name))
    return tuple(found)
