"""Retention by age and the active users it keeps, in time linear in the horizon (docs/formulas.md §4)."""

from __future__ import annotations

import functools
from collections.abc import Iterator

import numpy as np

from aigc_roi.model.acquisition import _viral_chain
from aigc_roi.model.curves import days_retention
from aigc_roi.model.params import _once_if_shared, _Params, shared_columns
from aigc_roi.model.running import add_down, running_product, running_sum
from aigc_roi.model.scenario import FloatArray, Retention, RetentionChurn, RetentionDays, RetentionPoints
from aigc_roi.model.sources import lower_toeplitz, toeplitz_product

PRODUCT_AGES = 8
"""From this many ages summed, one curve shared by every sample is summed over the cohorts as one matrix product
(``sources.toeplitz_product``: the same non-negative terms, one BLAS call instead of a pass over memory per age;
a file with a retention point every month sums 120)."""


def _retention_by_age(retention: Retention, horizon: int, p: _Params) -> FloatArray:
    """``(H, s)`` R(a), the share of a cohort active at age a."""
    ages = np.arange(horizon, dtype=np.float64)[:, None]
    if isinstance(retention, RetentionChurn):
        kept = 1.0 - _once_if_shared(p(retention.monthly_churn))
        if kept.shape[0] == 1:
            return shared_columns(kept ** ages, p.samples)
        # A churn drawn per sample: (1 - c)^a as a product month by month, one multiplication per element where
        # the power costs a logarithm and an exponential (each product rounds once: within 2e-14 of it over 120 months).
        return running_product(np.ones(kept.shape[0]), kept, horizon)
    if isinstance(retention, RetentionPoints):
        knots = _knots(retention)
        shares = [_once_if_shared(p(value)) for _, value in retention.points]
        if all(share.shape == (1,) for share in shares):
            # Points the same in every sample: one curve, broadcast (as constant churn's).
            curve = _interpolation_weights(tuple(knots), horizon) @ np.array([np.ones(1), *shares])
            return shared_columns(curve, p.samples)
        values = np.array([np.ones(p.samples)] + [p(value) for _, value in retention.points])
        return _interpolation_weights(tuple(knots), horizon) @ values
    if isinstance(retention, RetentionDays):
        return np.ascontiguousarray(days_retention(retention, horizon, p.samples).T)
    raise TypeError(f"unknown retention type {type(retention).__name__}")


def _knots(retention: RetentionPoints) -> list[int]:
    knots = [0] + [int(age) for age, _ in retention.points]
    if any(b <= a for a, b in zip(knots, knots[1:], strict=False)):
        raise ValueError(f"retention point ages must be >= 1 and strictly increasing, got {knots[1:]}")
    return knots


def _active_users(new_users: FloatArray, retention: Retention, curve: FloatArray, p: _Params) -> FloatArray:
    """A(t) = sum_{s<=t} N(s) R(t-s), in time linear in H (model/engine.py docstring).

    ``curve`` is R by age, ``(H, s)``. Summed age by age (or as a matrix product) every term is a product of
    non-negative numbers added to a non-negative total, so nothing cancels; points drawn per sample take the
    running sums of ``_piecewise_active`` where those make fewer passes.
    """
    horizon = new_users.shape[0]
    if isinstance(retention, RetentionChurn):
        return _viral_chain(new_users, 1.0 - p(retention.monthly_churn))
    if isinstance(retention, RetentionPoints | RetentionDays):
        # A power law from days never flattens: every age is summed.
        flat_from = _knots(retention)[-1] if isinstance(retention, RetentionPoints) else horizon
        if curve.strides[1] == 0 and min(flat_from, horizon) >= PRODUCT_AGES:
            return toeplitz_product(curve[:, 0], new_users, curve_toeplitz(curve, p))
        if isinstance(retention, RetentionPoints) and curve.strides[1] != 0:
            knots = _knots(retention)
            if _piecewise_passes(knots, horizon) < _cohort_passes(flat_from, horizon):
                shares = [np.ones(1)] + [p(value) for _, value in retention.points]
                return _piecewise_active(new_users, knots, shares)
        active = _cohort_sum(new_users, curve, range(min(flat_from, horizon)))
        if flat_from < horizon:
            # From the last point on R is flat: the cohorts that old, summed, times the last share.
            active[flat_from:] += curve[flat_from] * running_sum(new_users[: horizon - flat_from])
        return active
    raise TypeError(f"unknown retention type {type(retention).__name__}")


def curve_toeplitz(curve: FloatArray, p: _Params) -> FloatArray:
    """``sources.lower_toeplitz`` of a curve every sample shares, ``(H, s)`` with a stride of 0, built once a chunk:
    the active users of all the cohorts and of the paid channels' read the same one."""
    return p.once("toeplitz", curve, lambda: lower_toeplitz(curve[:, 0]))


def _piecewise_active(new_users: FloatArray, knots: list[int], shares: list[FloatArray]) -> FloatArray:
    """A(t) for R linear between ``knots`` (``shares`` there, R(0) = 1) and flat after the last, from running sums.

    A(t) - A(t-1) = sum_a D(a) N(t-a) with D(a) = R(a) - R(a-1): 1 at age 0, then each segment's slope, then 0. With
    U(m) = N(0) + ... + N(m), a segment's ages sum to a difference of two U, so
    A(t) - A(t-1) = N(t) + sum_i c_i U(t-1-k_i), c_i the change of slope at knot k_i. That is two passes per knot
    where the sum age by age makes two per age up to the last knot (docs/formulas.md §4.3: the running sums cancel,
    to about 1e-13 of the users over 120 months).
    """
    horizon = new_users.shape[0]
    before = running_sum(new_users)
    change = np.empty_like(before)
    scratch = np.empty_like(change)
    slopes: list[FloatArray] = [(share - earlier) / (age - younger)
                                for younger, age, earlier, share in zip(knots, knots[1:], shares, shares[1:], strict=False)]
    previous = np.zeros(1)
    # The first knot's terms are added to the new users as they are written: no copy of every month of them first.
    summed = new_users
    for knot, slope in zip(knots, [*slopes, np.zeros(1)], strict=True):
        lag = knot + 1
        if lag >= horizon:
            break
        np.multiply(before[: horizon - lag], slope - previous, out=scratch[: horizon - lag])
        if summed is new_users:
            change[:lag] = new_users[:lag]
        np.add(summed[lag:], scratch[: horizon - lag], out=change[lag:])
        summed = change
        previous = slope
    if summed is new_users:
        change[...] = new_users
    add_down(change)
    # Where every cohort has aged past a last share of 0 the sums leave a residue of either sign: no one is active.
    return np.maximum(change, 0.0, out=change)


def _piecewise_passes(knots: list[int], horizon: int) -> int:
    """Rows of ``(H, s)`` that ``_piecewise_active`` reads or writes, roughly: a copy, two running sums, two per knot."""
    return horizon * (3 + 2 * sum(1 for knot in knots if knot + 1 < horizon))


def _cohort_passes(flat_from: int, horizon: int) -> int:
    """The same for ``_cohort_sum`` over every age up to the last knot, and the flat tail after it."""
    ages = min(flat_from, horizon)
    return sum(2 * (horizon - age) for age in range(ages)) + 2 * (horizon - ages)


def _cohort_sum(new_users: FloatArray, per_user: FloatArray, ages: Iterator[int] | range | list[int]) -> FloatArray:
    """X(t) = sum_{s<=t} N(s) x(t-s) over the given ages a = t-s; ``per_user`` is ``(H, s)``."""
    horizon = new_users.shape[0]
    total = np.zeros_like(new_users)
    scratch = np.empty_like(new_users)
    for age in ages:
        np.multiply(per_user[age], new_users[: horizon - age], out=scratch[: horizon - age])
        total[age:] += scratch[: horizon - age]
    return total


@functools.lru_cache(maxsize=64)
def _interpolation_weights(knots: tuple[int, ...], horizon: int) -> FloatArray:
    """(H, P+1) weights: R(a) = sum_j W[a, j] value_j, linear between knots, flat after the last.

    Built once per knots and horizon (a loop over the ages, the cost of a small run) and read-only after."""
    weights = np.zeros((horizon, len(knots)))
    for age in range(horizon):
        if age >= knots[-1]:
            weights[age, -1] = 1.0
            continue
        j = int(np.searchsorted(knots, age, side="right")) - 1
        share = (age - knots[j]) / (knots[j + 1] - knots[j])
        weights[age, j] = 1.0 - share
        weights[age, j + 1] = share
    weights.flags.writeable = False
    return weights
