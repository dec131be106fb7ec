"""The objective of any split on fixed draws, from the model's linearity in users (whatif/allocate.py,
how the search works)."""

from __future__ import annotations

import copy
import dataclasses
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from aigc_roi.model.cashflow import discount_factors
from aigc_roi.model.engine import Result
from aigc_roi.model.scenario import ByMonth, FlatChannel, FloatArray, Milestone, Moving, Scenario
from aigc_roi.model.sources import same_users
from aigc_roi.whatif.allocate_limits import PENALTY, Limits
from aigc_roi.whatif.allocate_moves import FeatureGroup
from aigc_roi.whatif.allocate_result import RISK_OBJECTIVES, Objective
from aigc_roi.whatif.allocate_splits import (
    at_splits,
    evaluated_in_parts,
    month_profile,
    moves_by_month,
    samples_of,
    tile,
    users_and_spend_at,
)

P10_QUANTILE = 0.1


class Surrogate:
    """The objective of any split on fixed draws, from the linearity of the model in users.

    Monthly net cash is reduced at once to the few numbers the objective needs (its
    "features", linear in net cash): the discounted sum for npv, the plain sum for net_cash,
    the cumulative cash from the payback target month to the horizon's end for payback; with
    limits, the cumulative cash of every month (cash need) and the payback margins (chance).
    The features of the median scenario and of the draws are laid side by side on the sample
    axis when both are needed (a deterministic objective under a chance constraint).
    """

    def __init__(self, realizations: Sequence[Scenario], movable: list[int], objective: Objective,
                 target_payback_months: int, limits: Limits, money: float, reach: Milestone | None = None) -> None:
        self.objective = objective
        self.reach = reach
        """A milestone (``--reach``): its month series is one more feature, at the median values, and the score."""
        self.limits = limits
        self.horizon = horizon = realizations[0].horizon_months
        self.money = money
        """The money at stake (largest target x horizon): scales the probability penalty."""
        sizes = [samples_of(realized) for realized in realizations]
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
        stop = self.margin_columns.stop
        self.reach_columns = slice(stop, stop + (reach is not None))

        every_month = tuple(range(1, horizon + 1))
        # One unit user per set of active months and kind of user (a channel's own retention and index,
        # docs/formulas.md §15): what one user a month is worth depends on both. Two channels share a unit
        # user only when they share both in every realization (median and draws alike).
        # A channel whose values move by month buys by its own month profile: a kind of its own.
        def same_kind(a: int, b: int) -> bool:
            if a != b and (moves_by_month(realizations[0].acquisition[movable[a]])
                           or moves_by_month(realizations[0].acquisition[movable[b]])):
                return False
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
            zero = at_splits(realized, movable, np.zeros((1, len(movable))))
            blocks = len(kinds) + 1
            tiled = tile(zero, blocks)
            units = []
            for k, column in enumerate(kinds, start=1):
                kind = channels[column]
                users: Moving = np.repeat((np.arange(blocks) == k).astype(np.float64), size)
                profile = month_profile(kind, size, horizon)
                if profile is not None:
                    # One user of the mean active month, bought by the channel's own month profile.
                    users = ByMonth(tuple((t, np.tile(profile[t - 1], blocks) * users) for t in every_month))
                units.append(FlatChannel(name=f"unit user {k}", cost=0.0, users=users, months=kind.months or every_month,
                                         retention=tile(kind.retention, blocks),
                                         conversion_index=tile(kind.conversion_index, blocks)))
            series = evaluated_in_parts(dataclasses.replace(tiled, acquisition=tiled.acquisition + tuple(units)), self._kept)
            series = series.reshape(blocks, -1, series.shape[-1])
            net_cash, reached = series[..., :horizon], series[..., horizon:]
            reduce = self._reduction(realized, target_payback_months)
            base.append(np.concatenate([reduce(net_cash[0]), reached[0]], axis=-1).T)
            per_user.append(np.concatenate([reduce(net_cash[1:] - net_cash[0]), reached[1:] - reached[0]], axis=-1).transpose(0, 2, 1))
            # Money spent is worth the same in every draw unless the discount rate is drawn.
            spent = reduce(masks[:, None, :])
            spent_by_then = (masks[:, : reach.month].sum(axis=1) if reach is not None and reach.key == "cumulative_cash"
                             else np.zeros(len(channels)))[:, None, None]
            reach_part = np.broadcast_to(spent_by_then, (len(channels), spent.shape[1], int(reach is not None)))
            per_spend.append(np.concatenate([spent, reach_part], axis=-1).transpose(0, 2, 1))
        # Features are laid out (..., Q, S): the sample axis last and contiguous.
        self.base = np.ascontiguousarray(np.concatenate(base, axis=-1))
        """(Q, S) features of the zero split."""
        self.per_user = np.ascontiguousarray(np.concatenate(per_user, axis=-1))
        """(M, Q, S) features of one user a month bought in each month of month set m."""
        self.per_spend = _per_spend(per_spend, sizes)
        """(C, Q, 1 or S) features of one unit of money spent in each active month of channel c."""
        self.kind_of = self.membership.argmax(axis=1)
        """(C,) kind of user (row of ``per_user``) of each channel."""
        self.groups = [FeatureGroup.of(columns, samples, self.per_user, self.per_spend) for columns, samples in (
            (self.objective_columns, self.objective_samples), (self.cash_columns, self.median_samples),
            (self.margin_columns, self.drawn_samples), (self.reach_columns, self.median_samples)) if columns.stop > columns.start]

        self.channels = [[realized.acquisition[i] for i in movable] for realized in realizations]
        """The movable channels of each realization: their users and spend come from their own formulas."""
        self.sizes = sizes
        self._probed: dict[tuple[int, float], tuple[FloatArray, FloatArray]] = {}
        """(channel, budget) -> users and spend per active month, (S,) each, of the last round."""
        self.sunk = np.zeros(len(movable), dtype=bool)
        """Channels that buy nothing and spend nothing whatever their budget: those a failed gate stops
        (whatif/allocate_gates.py, the failing side)."""

    def with_sunk(self, sunk: np.ndarray) -> Surrogate:
        """This surrogate with the channels ``sunk`` (C,) buying and spending nothing at any budget: the plan as a
        gate failing makes it, the money given to the channels it stops unspent."""
        planned = copy.copy(self)
        planned.sunk = np.asarray(sunk, dtype=bool)
        planned._probed = {}
        return planned

    def _kept(self, result: Result, rows: int) -> FloatArray:
        """(rows, H) monthly net cash of an engine run, and the milestone's series in its month when one is reached for."""
        cash = np.broadcast_to(result.months["net_cash"], (rows, self.horizon))
        if self.reach is None:
            return cash
        month = self.reach.month
        return np.concatenate([cash, np.broadcast_to(result.months[self.reach.key], (rows, self.horizon))[:, month - 1 : month]], axis=1)

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
        """(K, C, S) users and spend per active month of each movable channel at each split."""
        users = np.empty((splits.shape[0], splits.shape[1], self.base.shape[1]))
        spend = np.empty_like(users)
        for c in range(splits.shape[1]):
            users[:, c], spend[:, c] = self._channel_at(c, splits[:, c])
        return users, spend

    def _channel_at(self, column: int, budgets: FloatArray) -> tuple[FloatArray, FloatArray]:
        """(K, S) users and spend per active month of movable channel ``column`` at each monthly budget."""
        if self.sunk[column]:
            empty = np.zeros((budgets.size, sum(self.sizes)))
            return empty, empty.copy()
        parts = [users_and_spend_at(channels[column], budgets, size, self.horizon)
                 for channels, size in zip(self.channels, self.sizes, strict=True)]
        return np.concatenate([users for users, _ in parts], axis=1), np.concatenate([spend for _, spend in parts], axis=1)

    def features(self, users: FloatArray, spend: FloatArray) -> FloatArray:
        """(K, Q, S) features from (K, C, S) users and spend."""
        total = np.repeat(self.base[None], users.shape[0], axis=0)
        users_by_set = self.membership.T @ users
        for m in range(users_by_set.shape[1]):
            total += users_by_set[:, m, None, :] * self.per_user[m]
        if self.per_spend.shape[-1] == 1:
            total -= self.per_spend[:, :, 0].T @ spend
        else:
            total -= np.einsum("kcs,cqs->kqs", spend, self.per_spend)
        return total

    def score(self, features: FloatArray, bandwidth: float | None = None) -> FloatArray:
        """(K,) objective of each candidate less the penalty of broken limits; with a ``bandwidth``, payback
        probabilities are smoothed."""
        return self._score([features[:, group.columns, group.samples].min(axis=1) for group in self.groups], bandwidth)

    def move_scores(self, at: FloatArray, users: FloatArray, spend: FloatArray, channels: np.ndarray,
                    bandwidth: float | None) -> FloatArray:
        """(N,) ``score`` when channel ``channels[n]`` alone gets ``users[n]`` more users and ``spend[n]`` more
        money a month (N, S each) at the split whose features are ``at`` (Q, S)."""
        kinds = self.kind_of[channels]
        return self._score([group.moved_minimum(at, users, spend, kinds, channels) for group in self.groups], bandwidth)

    def _score(self, lowest: list[FloatArray], bandwidth: float | None) -> FloatArray:
        """(K,) score from each feature group's lowest value per sample (K, Sg): the objective's own column(s),
        then the cumulative cash (cash need), then the payback margins (chance), as the limits ask."""
        own, *limited = lowest
        if self.reach is not None:
            # Reaching for a milestone: its median value is the score (whatif/allocate_reach.py).
            return np.asarray(limited[-1].mean(axis=1))
        if self.objective in ("npv", "net_cash"):
            value = own.mean(axis=1)
        elif self.objective == "p10_npv":
            value = np.quantile(own, P10_QUANTILE, axis=1)
        else:
            value = payback_share(own, bandwidth)
        money_per_unit = 1.0 if self.objective == "payback_probability" else self.money
        if self.limits.max_cash_need is not None:
            need = np.maximum(0.0, -limited.pop(0).mean(axis=1))
            value = value - PENALTY * money_per_unit / self.money * np.maximum(0.0, need - self.limits.max_cash_need)
        if self.limits.min_payback_probability is not None:
            share = payback_share(limited.pop(0), bandwidth)
            value = value - PENALTY * money_per_unit * np.maximum(0.0, self.limits.min_payback_probability - share)
        return np.asarray(value)

    def values(self, splits: FloatArray) -> FloatArray:
        """(K,) unsmoothed objective at each split."""
        users, spend = self.users_and_spend(splits)
        return np.concatenate([self.score(self.features(users[k : k + 1], spend[k : k + 1])) for k in range(len(splits))])

    def bandwidths(self, splits: FloatArray, budgets: FloatArray) -> list[float | None]:
        """Per split, Silverman's bandwidth of the payback margins, at least 0.1% of its budget
        (None, no smoothing, when no payback probability is involved)."""
        if self.objective == "payback_probability":
            columns = self.objective_columns
        elif self.limits.chance:
            columns = self.margin_columns
        else:
            return [None] * len(budgets)
        users, spend = self.users_and_spend(splits)
        found: list[float | None] = []
        for k, budget in enumerate(budgets):
            margin = self.features(users[k : k + 1], spend[k : k + 1])[0, columns, self.drawn_samples].min(axis=0)
            q75, q25 = np.percentile(margin, [75, 25])
            spread = min(float(margin.std()), (q75 - q25) / 1.34) if q75 > q25 else float(margin.std())
            found.append(max(0.9 * spread * margin.size ** (-0.2), 1e-3 * float(budget)))
        return found

    def moves(self, splits: FloatArray, steps: FloatArray) -> Iterator[Moves]:
        """For each split (N, C) and its steps (N, C): users and spend at the split and with each channel alone
        a step higher and lower. One formula call per channel for all splits, as a channel's users depend on its budget only."""
        count = splits.shape[0]
        users, spend = self._channel_users_and_spend(np.concatenate([splits, splits + steps, np.maximum(splits - steps, 0.0)]))
        for n in range(count):
            yield Moves(users[n], spend[n], users[count + n], spend[count + n], users[2 * count + n], spend[2 * count + n])

    def _channel_users_and_spend(self, splits: FloatArray) -> tuple[FloatArray, FloatArray]:
        """``users_and_spend``, probing only the (channel, budget) pairs the last call did not.

        A transfer changes two channels by one step, so most of a round's budgets were probed
        in the round before.
        """
        needed = {(c, float(v)) for c in range(splits.shape[1]) for v in splits[:, c]}
        for c in range(splits.shape[1]):
            missing = sorted({v for column, v in needed - self._probed.keys() if column == c})
            if missing:
                users, spend = self._channel_at(c, np.array(missing))
                for row, v in enumerate(missing):
                    self._probed[(c, v)] = (users[row], spend[row])
        self._probed = {key: self._probed[key] for key in needed}
        users_out = np.empty((splits.shape[0], splits.shape[1], self.base.shape[1]))
        spend_out = np.empty_like(users_out)
        for k, row in enumerate(splits):
            for c, v in enumerate(row):
                users_out[k, c], spend_out[k, c] = self._probed[(c, float(v))]
        return users_out, spend_out


@dataclass(frozen=True)
class Moves:
    """Users and spend a month (C, S) of every movable channel at one split, and at its budget a step up and down."""

    users: FloatArray
    spend: FloatArray
    users_up: FloatArray
    spend_up: FloatArray
    users_down: FloatArray
    spend_down: FloatArray


def _per_spend(per_realization: list[FloatArray], sizes: list[int]) -> FloatArray:
    """(C, Q, 1) when a unit of money is worth the same in every sample, else (C, Q, S)."""
    if all(part.shape[-1] == 1 for part in per_realization) and all(
            np.array_equal(part, per_realization[0]) for part in per_realization):
        return np.ascontiguousarray(per_realization[0])
    return np.ascontiguousarray(np.concatenate([np.broadcast_to(part, (*part.shape[:2], size))
                                                for part, size in zip(per_realization, sizes, strict=True)], axis=-1))


def payback_share(margin: FloatArray, bandwidth: float | None) -> FloatArray:
    """(K,) share of draws whose payback margin (K, S) is >= 0; with a ``bandwidth``, kernel-smoothed."""
    if bandwidth is None:
        # The engine's tolerance for rounding, relative to the money moved, is far below
        # any margin that matters; an exact 0 counts as paid back, as there.
        return np.asarray((margin >= 0).mean(axis=1))
    # Logistic kernel with standard deviation ``bandwidth`` (scale bandwidth x sqrt(3) / pi); tanh form: never overflows.
    scale = bandwidth * math.sqrt(3.0) / math.pi
    return np.asarray((0.5 + 0.5 * np.tanh(margin / (2.0 * scale))).mean(axis=1))
