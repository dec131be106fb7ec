"""The search of ``allocate``: marginal-return equalisation by transfers within groups of budgets.

The variables are monthly budgets, one per (phase, movable channel) (whatif/allocate_phases.py).
They fall into groups that each spend a fixed amount: ``sum_j w_j x_j = target`` over the group,
``w_j`` being the money one unit of monthly budget of ``j`` counts for. With a monthly budget B
each phase is a group with w = 1 and target B (B is spent in every month of the phase); with a
horizon total T (``--total``) all variables are one group, w = the phase's months, target T.
A transfer moves ``step`` of the target's money from one variable to another of its group, so
every candidate spends the same total (docs/allocate.md, the solver and why).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from aigc_roi.model.scenario import FloatArray
    from aigc_roi.whatif.allocate_surrogate import Moves

MAX_ROUNDS = 2_000
"""Guard against a search that keeps finding rounding-sized gains."""
IMPROVEMENT = 1e-13
"""A transfer must gain this share of (|objective| + target x horizon, or 1 for a probability)."""
BOUND_TOLERANCE = 1e-6
"""A budget within this share of its group's target (per unit of weight) of a bound is put on it."""


@dataclass(frozen=True)
class Space:
    """Where the splits live: groups that each spend their target, and per-variable bounds."""

    groups: np.ndarray
    """(V,) group of each variable."""
    weights: FloatArray
    """(V,) money of the group's target one unit of the variable counts for."""
    lower: FloatArray
    upper: FloatArray

    @property
    def count(self) -> int:
        return int(self.groups.max()) + 1

    def totals(self, split: FloatArray) -> FloatArray:
        """(G,) what ``split`` spends of each group's target."""
        return np.bincount(self.groups, weights=self.weights * split, minlength=self.count).astype(np.float64)

    def feasible(self, split: FloatArray, targets: FloatArray) -> bool:
        return bool(np.allclose(self.totals(split), targets, rtol=1e-12, atol=0)
                    and np.all(split >= self.lower) and np.all(split <= self.upper))

    def project(self, split: FloatArray, targets: FloatArray) -> FloatArray:
        """Per group, clip(split + tau, lower, upper) that spends its target (bisection on tau)."""
        out = split.copy()
        for g, target in enumerate(targets):
            member = self.groups == g
            x, w, low_bound, high_bound = split[member], self.weights[member], self.lower[member], self.upper[member]
            if np.all(low_bound == high_bound) or float((w * low_bound).sum()) >= target:
                # Nothing to choose: the bisection below would stop a hair above the bounds (a budget of 0 spent
                # 1e-60), or, every budget held, never find the target its own sum rounds away from.
                out[member] = low_bound
                continue

            def spent(tau: float, x: FloatArray = x, w: FloatArray = w, lo: FloatArray = low_bound,
                      hi: FloatArray = high_bound) -> float:
                return float((w * np.clip(x + tau, lo, hi)).sum())

            low, high = float(-x.max() - target), float(target / w.min() + 1.0)
            while spent(high) < target:
                high *= 2.0
            for _ in range(200):
                middle = (low + high) / 2
                if spent(middle) < target:
                    low = middle
                else:
                    high = middle
            out[member] = np.clip(x + high, low_bound, high_bound)
        return out

    def start(self, split: FloatArray, targets: FloatArray) -> FloatArray:
        """``split`` scaled, group by group, to spend each target, then moved onto the bounds."""
        spent = self.totals(split)
        scale = np.where(spent > 0, targets / np.where(spent > 0, spent, 1.0), 0.0)[self.groups]
        even = (targets / np.bincount(self.groups, weights=self.weights, minlength=self.count))[self.groups]
        return self.project(np.where(spent[self.groups] > 0, split * scale, even), targets)


def maximise(surrogate: Any, space: Space, targets_list: Sequence[FloatArray], start: FloatArray, first_step: float,
             finest: float, progress: Callable[[float], None] | None = None) -> list[FloatArray]:
    """Marginal-return equalisation by pairwise transfers, one search per targets, each from ``start``
    moved onto its feasible set.

    Each round moves a step from the variables whose cut costs least to those of the same group
    whose raise gains most (matched in pairs, all pairs at once or the best pair alone, whichever
    scores higher), and halves the step when no transfer improves the objective; a search starts
    with a step of ``first_step`` x its largest target and stops below ``finest`` x it. The
    searches run in lockstep so that one call of each channel's formula serves a round of all of them. ``progress`` hears,
    after each round, how far the slowest search's step has come from ``first_step`` to ``finest`` (0 to 1,
    on a log scale: every halving counts the same).
    """
    if not targets_list:
        return []
    splits = [space.start(start, targets) for targets in targets_list]
    scales = [float(targets.max()) for targets in targets_list]
    steps = [first_step * scale for scale in scales]
    bandwidths = surrogate.bandwidths(np.array(splits), np.array(scales))
    money_scales = [1.0 if surrogate.objective == "payback_probability" else scale * surrogate.horizon for scale in scales]
    for _ in range(MAX_ROUNDS):
        # A budget of 0 has nothing to move: its split is its start, already on the bounds.
        active = [n for n, scale in enumerate(scales) if scale > 0 and steps[n] >= finest * scale]
        if not active:
            break
        moves = surrogate.moves(np.array([splits[n] for n in active]), np.array([steps[n] / space.weights for n in active]))
        for n, moved in zip(active, moves, strict=True):
            if not _transfer(surrogate, space, splits[n], steps[n], moved, bandwidths[n], money_scales[n]):
                steps[n] /= 2
        if progress is not None:
            progress(min(math.log(first_step / (steps[n] / scales[n])) / math.log(first_step / finest) for n in active))
    return [snap_to_bounds(space, split, targets) for split, targets in zip(splits, targets_list, strict=True)]


def _transfer(surrogate: Any, space: Space, split: FloatArray, step: float, moved: Moves, bandwidth: float | None,
              money_scale: float) -> bool:
    """One round of one search: moves ``step`` along the best matched pairs in ``split`` (in place);
    False when no transfer improves the objective."""
    at_split = surrogate.features(moved.users[None], moved.spend[None])
    value = surrogate.score(at_split, bandwidth)[0]
    count = split.size
    channels = np.concatenate([np.arange(count), np.arange(count)])
    users = np.concatenate([moved.users_up - moved.users, moved.users_down - moved.users])
    spend = np.concatenate([moved.spend_up - moved.spend, moved.spend_down - moved.spend])
    scores = surrogate.move_scores(at_split[0], users, spend, channels, bandwidth)
    moved_by = step / space.weights
    gain_up = np.where(split + moved_by <= space.upper, scores[:count] - value, -np.inf)
    gain_down = np.where(split - moved_by >= space.lower, scores[count:] - value, -np.inf)
    pairs = [pair for g in range(space.count)
             for pair in _matched_pairs(np.where(space.groups == g, gain_up, -np.inf), np.where(space.groups == g, gain_down, -np.inf))]
    if not pairs:
        return False
    best_pair = max(pairs, key=lambda pair: gain_up[pair[0]] + gain_down[pair[1]])
    transfers = [[best_pair], pairs] if len(pairs) > 1 else [pairs]
    candidates = []
    for chosen in transfers:
        # A channel is in at most one pair, so each moved channel takes its stepped users and spend.
        receivers, givers = [r for r, _ in chosen], [g for _, g in chosen]
        users_after, spend_after = moved.users.copy(), moved.spend.copy()
        users_after[receivers], spend_after[receivers] = moved.users_up[receivers], moved.spend_up[receivers]
        users_after[givers], spend_after[givers] = moved.users_down[givers], moved.spend_down[givers]
        candidates.append(surrogate.score(surrogate.features(users_after[None], spend_after[None]), bandwidth)[0])
    best = int(np.argmax(candidates))
    if candidates[best] <= value + IMPROVEMENT * (abs(value) + money_scale):
        return False
    for receiver, giver in transfers[best]:
        split[receiver] += moved_by[receiver]
        split[giver] -= moved_by[giver]
    return True


def snap_to_bounds(space: Space, split: FloatArray, targets: FloatArray) -> FloatArray:
    """Variables left within ``BOUND_TOLERANCE`` of a bound (transfers only come in whole steps) put
    on it, per group the difference given to its largest variable not on a bound."""
    tolerance = BOUND_TOLERANCE * targets[space.groups] / space.weights
    snapped = np.where(split - space.lower <= tolerance, space.lower, np.where(space.upper - split <= tolerance, space.upper, split))
    out = split.copy()
    for g, target in enumerate(targets):
        member = np.flatnonzero(space.groups == g)
        free = member[(snapped[member] > space.lower[member]) & (snapped[member] < space.upper[member])]
        if free.size == 0:
            continue
        largest = free[np.argmax(snapped[free])]
        candidate = snapped[member].copy()
        at = int(np.flatnonzero(member == largest)[0])
        candidate[at] += (target - float((space.weights[member] * snapped[member]).sum())) / space.weights[largest]
        if space.lower[largest] <= candidate[at] <= space.upper[largest]:
            out[member] = candidate
    return out


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
