"""Users whose quality depends on the source that brought them (docs/formulas.md §15).

A source is a channel, organic users or viral users. Each has a retention
curve R_j and a conversion index k_j; the model is linear in the cohort
sizes, so sources that share a curve and an index are one *group*: the
engine runs the cohort sums once per group, never once per channel. Group 0
is always the scenario's own curve with index 1: organic and viral users,
and every channel that sets neither key (or sets them to the same values).
A scenario with group 0 only is exactly the single-curve model.

Subscriptions do not depend on retention (a subscriber pays whether or not
active), so every plan's cash is the plan run on the index-weighted new
users sum_g k_g N_g(t); purchases run on the index-weighted active users
sum_g k_g A_g(t); serving runs on the plain active users. Only the active
users are summed per group.

Pure numpy over the engine's month-major ``(H, s)`` arrays; no I/O.

Decisions where the spec is silent:

- A sampled conversion index is clipped to its domain, as every range is:
  k <= 1 / (the largest sum of any plan's conversions), so no sample has
  more than all of a cohort subscribing (model/index_ceiling.py, which also
  lowers sampled ones as they are drawn, and counts them). The reader
  refuses a median outside it, and a what-if moves neither the index nor a
  conversion past it (whatif/drivers.py), so no deterministic run is lowered.
- With no new user at all over the horizon, ``ltv`` (a mean over no users)
  falls back to one user of group 0, the single-curve definition.
- A channel's own ``ltv`` is none when it bought no users (a mean over none).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from aigc_roi.model.index_ceiling import index_ceiling
from aigc_roi.model.running import running_sum
from aigc_roi.model.scenario import Channel, Distribution, FloatArray, Monetization, Retention, Scenario, Value
from aigc_roi.model.tree import branches

Params = Callable[[Value], FloatArray]
"""The engine's value -> ``(s,)`` row broadcaster."""


@dataclass(frozen=True)
class SourceGroup:
    """Sources sharing one retention curve and one conversion index."""

    retention: Retention
    index: Value
    """k of every source in the group (1 for group 0)."""
    channels: tuple[int, ...]
    """Positions in ``acquisition`` of the channels in the group."""


def same_values(a: Any, b: Any) -> bool:
    """Structural equality of realized values: numbers, arrays of samples, tuples and dataclasses."""
    if a is b:
        return True
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        x, y = np.asarray(a, dtype=np.float64).reshape(-1), np.asarray(b, dtype=np.float64).reshape(-1)
        return x.shape == y.shape and bool(np.array_equal(x, y))
    if isinstance(a, Distribution) or isinstance(b, Distribution):
        return a == b
    children, others = branches(a), branches(b)
    if children is not None and others is not None:
        return (type(a) is type(b) and len(children) == len(others)
                and all(same_values(x, y) for (_, x), (_, y) in zip(children, others, strict=True)))
    if isinstance(a, int | float) and isinstance(b, int | float):
        return float(a) == float(b)
    return bool(a == b)


def same_users(a: Channel, b: Channel) -> bool:
    """Whether two channels' users share a curve and an index (and so are worth the same per user)."""
    return same_values(a.retention, b.retention) and same_values(a.conversion_index, b.conversion_index)


def source_groups(scenario: Scenario) -> tuple[SourceGroup, ...]:
    """The groups of a scenario, group 0 first (see the module docstring)."""
    groups: list[SourceGroup] = [SourceGroup(scenario.retention, 1.0, ())]
    for position, channel in enumerate(scenario.acquisition):
        retention = scenario.retention if channel.retention is None else channel.retention
        for g, group in enumerate(groups):
            if same_values(group.index, channel.conversion_index) and same_values(group.retention, retention):
                groups[g] = dataclasses.replace(group, channels=group.channels + (position,))
                break
        else:
            groups.append(SourceGroup(retention, channel.conversion_index, (position,)))
    return tuple(groups)


def groups_like(scenario: Scenario, channels: tuple[tuple[int, ...], ...]) -> tuple[SourceGroup, ...]:
    """Groups with the given channel positions, their values taken from ``scenario`` (a chunk of samples
    of the scenario the positions were grouped on: every chunk then has the same groups)."""
    groups = [SourceGroup(scenario.retention, 1.0, channels[0])]
    for positions in channels[1:]:
        first = scenario.acquisition[positions[0]]
        retention = scenario.retention if first.retention is None else first.retention
        groups.append(SourceGroup(retention, first.conversion_index, positions))
    return tuple(groups)


def group_of_sources(groups: tuple[SourceGroup, ...], sources: int) -> tuple[int, ...]:
    """The group of each source of the attribution: the channels in order, then organic (group 0) if present."""
    of = [0] * sources
    for g, group in enumerate(groups):
        for position in group.channels:
            of[position] = g
    return tuple(of)


def conversion_indices(groups: tuple[SourceGroup, ...], monetization: Monetization, p: Params) -> list[FloatArray]:
    """k_g per group as ``(s,)`` (group 0: exactly 1), the others clipped so that
    k x (a plan's conversions summed over ages) <= 1 in every sample."""
    if len(groups) == 1:  # no other group's index to clip
        return [p(1.0)]
    ceiling = index_ceiling(monetization.plans, p)
    return [p(1.0)] + [np.minimum(p(group.index), ceiling) for group in groups[1:]]


def joined_by_group(bought: list[FloatArray], organic: FloatArray, viral: FloatArray) -> list[FloatArray]:
    """N_g(t) ``(H, s)`` per group: group 0 adds organic users and every viral user, ``viral`` V(t) = k N(t-1)."""
    joined = bought[0] + organic
    joined[1:] += viral[1:]
    return [joined, *bought[1:]]


def credit_per_user(worth: list[FloatArray], virality: FloatArray) -> list[FloatArray]:
    """Per group, ``(H, ..., s)``: what one user a source of that group brings in month s earns for the source.

    Its own value through the horizon's end, ``worth`` per group ``(H, ..., s)`` by join month (from values
    by age, worth_g(s) = sum_{a <= H-s} x_g(a); when values move by month, each join month's own), plus its
    share of the viral users that follow (the running credit shares): those are group 0's users, k as many a
    month later and k^2 two months later, so the tail is k credit_0(s + 1) with
    credit_0(s) = worth_0(s) + k credit_0(s + 1).
    """
    k = virality
    credit_0 = np.array(worth[0])
    for s in range(credit_0.shape[0] - 2, -1, -1):
        credit_0[s] += k * credit_0[s + 1]
    credits = [credit_0]
    for own in worth[1:]:
        credit = np.array(own)
        credit[:-1] += k * credit_0[1:]
        credits.append(credit)
    return credits


def worth_by_age(per_user_by_age: FloatArray) -> FloatArray:
    """``(H, ..., s)`` worth(s) = sum_{a <= H-s} x(a): what one user joining in month s brings by the horizon's end,
    for values ``(H, ..., s)`` by age that do not depend on the join month."""
    return running_sum(per_user_by_age)[::-1]


def toeplitz_product(first: FloatArray, columns: FloatArray, toeplitz: FloatArray | None = None) -> FloatArray:
    """``(H, s)`` X(t) = sum_{s<=t} first(s) columns(t - s) of each column: the lower-triangular Toeplitz matrix of
    ``first`` ``(H,)`` times ``columns`` ``(H, s)``. A cohort sum is symmetric in its two sides: one user's amount by
    age (the active users of a retention curve R, a revenue) as ``first`` and the users of every sample as
    ``columns``, or the users every sample shares as ``first`` and one user's amounts of every sample. ``toeplitz``:
    ``lower_toeplitz(first)``, where the caller keeps it for another product.

    The same non-negative terms as the engine's sum age by age (nothing cancels), but one BLAS call instead of H
    passes over memory, which keeps a group with its own day-level curve (summed at every age) from doubling the
    engine's time.
    """
    toeplitz = lower_toeplitz(first) if toeplitz is None else toeplitz
    if columns.shape[1] == 1:
        # BLAS sums a lone column (a matrix-vector product) in another order than the columns of a matrix: held
        # twice, a run's sums are those of the same sample in a batch, to the last bit where the BLAS sums every
        # column of a matrix alike (OpenBLAS's AVX-512 kernels do not: docs/simulate.md).
        return (toeplitz @ columns.repeat(2, axis=1))[:, :1]
    return toeplitz @ columns


def lower_toeplitz(first: FloatArray) -> FloatArray:
    """``(H, H)`` first(t - s) where t >= s, else 0, C-contiguous as BLAS reads it: a view that steps back through
    ``first`` after H - 1 zeros, copied (a gather of H^2 positions cost four times as many instructions)."""
    horizon = first.shape[0]
    padded = np.zeros(2 * horizon - 1)
    padded[horizon - 1:] = first
    step = padded.strides[0]
    # A view of ``padded`` made by ndarray itself: as_strided's Python costs a run more than the copy.
    return np.ascontiguousarray(np.ndarray((horizon, horizon), buffer=padded, offset=(horizon - 1) * step, strides=(step, -step)))


def weighted_lifetime(lifetimes: list[FloatArray], new_users: list[FloatArray]) -> FloatArray:
    """c(a) of the user-weighted mean new user, ``(L, s)``: sum_g N_g c_g(a) / sum_g N_g (group 0's c where no user joined)."""
    totals = [users.sum(axis=0) for users in new_users]
    everyone = sum(totals[1:], totals[0])
    mean = np.zeros_like(lifetimes[0])
    for lifetime, total in zip(lifetimes, totals, strict=True):
        share = np.divide(total, everyone, out=np.zeros_like(everyone), where=everyone > 0)
        mean += lifetime * share
    return np.where(everyone > 0, mean, lifetimes[0])
