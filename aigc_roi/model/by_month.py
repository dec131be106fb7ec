"""Values by month (docs/formulas.md §14): the schedule of a ``ByMonth`` value and
the per-user figures of a cohort when prices, rates or costs move with the calendar month.

Pure numpy on realized values: each given value is a float or an ``(S,)`` array of draws. Arrays
are month-major, ``(months, s)``, as inside the engine; a constant value is ``(1, s)`` so the same
expression broadcasts over both.

Decisions where the spec is silent:

- A by-month value's schedule is computed for as many months as asked: LTV reads calendar months
  past the horizon, where the last given value holds.
- The user-weighted means over join months (``offset_mean``) weigh by every new user of the
  horizon; a plan with no new users at all weighs the month-1 cohort alone, so a per-user figure
  still exists (it is the value one user joining in month 1 would have).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

import numpy as np

from aigc_roi.model.running import running_sum, sum_product
from aigc_roi.model.scenario import ByMonth, Distribution, FloatArray, Moving


def is_by_month(value: Any) -> bool:
    return isinstance(value, ByMonth)


def schedule(value: ByMonth, months: int, samples: int) -> FloatArray:
    """``(months, s)`` the value in calendar months 1..months: linear between given months, flat outside them;
    ``(months, 1)`` when no given value is an array of samples (it broadcasts, and sums over months run as matrix products)."""
    given = _given_months(value)
    sampled = any(isinstance(point, np.ndarray) and point.size > 1 for _, point in value.points)
    values = np.stack([sample_row(point, samples if sampled else 1) for _, point in value.points])
    return _weights(given, months) @ values


def _given_months(value: ByMonth) -> tuple[int, ...]:
    given = tuple(int(month) for month, _ in value.points)
    if any(later <= earlier for earlier, later in zip(given, given[1:], strict=False)) or not given or given[0] < 1:
        raise ValueError(f"by_month months must be >= 1 and strictly increasing, got {list(given)}")
    return given


@lru_cache(maxsize=4096)
def plain_row(value: float, samples: int, months: bool = False) -> FloatArray:
    """A plain number's read-only ``(s,)`` row, or ``(1, s)`` with ``months``: read hundreds of times a call at the
    caps and by every chunk and what-if step of the same size, so each is built once (a run's cost is calls)."""
    row = np.broadcast_to(np.float64(value), (samples,))
    return row[None, :] if months else row


def sample_row(value: Any, samples: int) -> FloatArray:
    """A value that is not by month as its ``(s,)`` row of samples (a plain number's shared, read-only)."""
    if isinstance(value, float | int):
        return plain_row(value, samples)
    if isinstance(value, Distribution):
        raise TypeError("a Distribution is still present; call sampling.realize() first")
    if isinstance(value, np.ndarray) and value.shape == (samples,) and value.dtype == np.float64:
        # A row of draws as it is, read-only as a broadcast one: a view costs a tenth of broadcast_to's Python, and a
        # chunk reads a hundred rows.
        row = value.view()
        row.flags.writeable = False
        return row
    return np.broadcast_to(np.asarray(value, dtype=np.float64).reshape(-1), (samples,))


@lru_cache(maxsize=256)
def _weights(given: tuple[int, ...], months: int) -> FloatArray:
    """``(months, P)`` interpolation weights of the P given values for calendar months 1..months (cached: every
    chunk and every what-if candidate asks again; callers never write into it)."""
    weights = np.zeros((months, len(given)))
    for t in range(1, months + 1):
        if t <= given[0]:
            weights[t - 1, 0] = 1.0
        elif t >= given[-1]:
            weights[t - 1, -1] = 1.0
        else:
            j = int(np.searchsorted(given, t, side="right")) - 1
            share = (t - given[j]) / (given[j + 1] - given[j])
            weights[t - 1, j] = 1.0 - share
            weights[t - 1, j + 1] = share
    return weights


def monthly(value: Moving, months: int, samples: int) -> FloatArray:
    """``(months, s)`` for a by-month value, ``(1, s)`` for a constant one (it broadcasts over the months)."""
    if isinstance(value, ByMonth):
        return schedule(value, months, samples)
    if isinstance(value, float | int):
        return plain_row(value, samples, months=True)
    return sample_row(value, samples)[None, :]


def moves(series: FloatArray) -> bool:
    """Whether a ``monthly`` array differs by month (a constant one is a single row)."""
    return bool(series.shape[0] > 1)


def extend(series: FloatArray, months: int) -> FloatArray:
    """``(months, s)``: a ``monthly`` array over more months, its last month carried on."""
    if series.shape[0] >= months:
        return series[:months]
    tail = np.broadcast_to(series[-1:], (months - series.shape[0], series.shape[1]))
    return np.concatenate([series, tail], axis=0)


def join_weights(new_users: FloatArray) -> FloatArray:
    """``(H, s)`` each join month's share of every new user of the horizon (month 1 alone when there are none)."""
    total = new_users.sum(axis=0)
    weights = np.divide(new_users, total, out=np.zeros_like(new_users), where=total != 0)
    weights[0] = np.where(total != 0, weights[0], 1.0)
    return weights


def offset_mean(weights: FloatArray, series: FloatArray, ages: int) -> FloatArray:
    """``(ages, s)``: sum_s w(s) x(s + a) for a = 0..ages-1, the user-weighted mean of a calendar value at age a.

    ``series`` is ``monthly`` over at least the horizon; past its last month its last value holds.
    A constant series is its own mean at every age.
    """
    if not moves(series):
        return np.broadcast_to(series, (ages, weights.shape[1]))
    horizon = weights.shape[0]
    if series.shape[1] == 1:
        # The same calendar values in every sample: one product with the (ages, H) matrix x(s + a).
        return _shared_hankel(series, ages, horizon) @ weights
    extended = extend(series, horizon + ages - 1)
    out = np.empty((ages, weights.shape[1]))
    for age in range(ages):
        out[age] = np.einsum("ts,ts->s", weights, extended[age: age + horizon])
    return out


def worth_by_join(per_age: FloatArray, series: FloatArray, horizon: int) -> FloatArray:
    """``(H, s)``: sum_{a=0}^{H-1-s} f(a) x(s + a) for each join month s, what one user joining in s is worth
    over the rest of the horizon when ``f`` (``(>=H, s)`` by age) is paid at the calendar value ``x``."""
    if not moves(series):
        return running_sum(per_age[:horizon])[::-1] * series[0]
    if series.shape[1] == 1:
        # x(s + a) for s + a < H: the matrix of the sum, the same for every sample.
        shared = per_age.strides[1] == 0
        worth = _shared_hankel(series, horizon, horizon, upper=True) @ (per_age[:horizon, :1] if shared else per_age[:horizon])
        return np.broadcast_to(worth, (horizon, per_age.shape[1])) if shared else worth
    series = extend(series, horizon)
    worth = np.zeros((horizon, per_age.shape[1]))
    for age in range(horizon):
        worth[: horizon - age] += per_age[age] * series[age:]
    return worth


def _shared_hankel(series: FloatArray, rows: int, columns: int, upper: bool = False) -> FloatArray:
    """``_hankel`` of a ``monthly`` series the same in every sample (``(months, 1)``), its last month carried on; with
    ``upper`` only its entries where i + j < rows, the others 0. Read only: built once per series and shape, where
    every chunk built it again (the same values each time: a value by month's interpolation weights, a shared
    price), a tenth of the mean user's product at a full chunk and most of it at a few samples."""
    return _hankel_of(np.ascontiguousarray(series[:, 0]).tobytes(), rows, columns, upper)


@lru_cache(maxsize=16)
def _hankel_of(values: bytes, rows: int, columns: int, upper: bool) -> FloatArray:
    """``_shared_hankel`` of the series' values as bytes (their bits, so a NaN or a -0.0 keys its own matrix)."""
    series = np.frombuffer(values)[:, None]
    hankel = _hankel(extend(series, rows + columns - 1)[:, 0], rows, columns)
    if upper:
        hankel = np.ascontiguousarray(np.triu(hankel[:, ::-1])[:, ::-1])
    hankel.flags.writeable = False
    return hankel


def _hankel(values: FloatArray, rows: int, columns: int) -> FloatArray:
    """``(rows, columns)`` with entry [i, j] = values[i + j] (``values`` has at least rows + columns - 1 entries).

    A contiguous copy: numpy hands a matrix product to BLAS only when each operand's rows are evenly strided,
    which a window view's overlapping rows are not (it multiplied 6x slower)."""
    return np.ascontiguousarray(np.lib.stride_tricks.sliding_window_view(values, columns)[:rows])


Terms = list[tuple[FloatArray, FloatArray]]
"""A calendar value as a sum of (series by month, factor by sample): ``(months, 1)`` or ``(1, 1)`` series
times ``(s,)`` factors keep the sums over months matrix products; a ``(months, s)`` series has factor 1."""


def monthly_terms(value: Moving, months: int, samples: int) -> Terms:
    """``monthly`` as terms: a by-month value is sum_j w_j(t) v_j over its given months j, the interpolation
    weights ``(months, 1)`` the same in every sample and the given values ``(s,)`` its samples, so that every sum
    over months stays a matrix product even when the given values are ranges."""
    if not isinstance(value, ByMonth) or not any(isinstance(point, np.ndarray) and point.size > 1 for _, point in value.points):
        return as_terms(monthly(value, months, samples))
    # The weights sum to 1 in every month, so sum_j w_j v_j = v_last + sum_{j<last} w_j (v_j - v_last): one term fewer
    # to sum over months, and that one constant.
    weights = _weights(_given_months(value), months)
    last = sample_row(value.points[-1][1], samples)
    return [(np.ones((1, 1)), last)] + [(weights[:, j:j + 1], sample_row(point, samples) - last)
                                        for j, (_, point) in enumerate(value.points[:-1])]


def as_terms(series: FloatArray) -> Terms:
    """A ``monthly`` array as one term: its sample part split off where it has one."""
    if series.shape[0] == 1:
        return [(np.ones((1, 1)), series[0])]
    return [(series, np.ones(1))]


def times(left: Terms, right: Terms) -> Terms:
    """The product of two sums of terms, term by term."""
    return [(a * b, f * g) for a, f in left for b, g in right]


def scaled_terms(terms: Terms, factor: FloatArray | float) -> Terms:
    return [(series, scale * factor) for series, scale in terms]


def total(terms: Terms) -> FloatArray:
    """The value of a sum of terms, ``(months or 1, s)``."""
    return sum((series * factor for series, factor in terms), np.zeros((1, 1)))


_CONSTANT = -1
"""The key under which ``_apply`` keeps the sum of a constant series (ids of live arrays are never negative)."""


def _apply(terms: Terms, summed: Callable[[FloatArray], FloatArray], done: dict[int, FloatArray],
           scale: FloatArray | None = None) -> FloatArray:
    """sum of factor x summed(series) over the terms, a new array, times ``scale`` where given (``scale`` x the sum,
    taken as the last term is added); the constant terms first added into one, and a series summed once (``done``, by
    identity: gross revenue and contribution share the revenue's series and every constant term's sum)."""
    constant = sum((factor for series, factor in terms if series.shape[0] == 1), np.zeros(1))
    if _CONSTANT not in done:
        done[_CONSTANT] = summed(np.ones((1, 1)))
    result = done[_CONSTANT] * constant
    moving = [(series, factor) for series, factor in terms if series.shape[0] > 1]
    for position, (series, factor) in enumerate(moving, start=1):
        if id(series) not in done:
            done[id(series)] = summed(series)
        result = sum_product(result, done[id(series)], factor, scale if position == len(moving) else None)
    return result if moving or scale is None else scale * result


PlanTerms = list[tuple[FloatArray, Terms, FloatArray]]
"""Per plan: payments per user by age ``(>=H, s)``, its price by month as terms, the share kept ``(s,)``."""


def user_means(retention: FloatArray, weights: FloatArray, per_active: tuple[Terms, Terms], plans: PlanTerms,
               ages: int, index: FloatArray | float, gross: bool = True) -> tuple[FloatArray | None, FloatArray]:
    """What the user-weighted mean new user brings at each age ``(ages, s)`` when values move by month, gross
    revenue (None unless ``gross``) and contribution before the subscriptions' serving: the c(a) of LTV and payback.

    ``retention`` R(a) over at least ``ages``, ``(>=ages, s)``; ``weights`` ``join_weights``; ``per_active`` the
    gross revenue and the contribution of an active user in each calendar month, as terms; ``plans`` per plan
    (payments per user by age ``(>=ages, s)`` at conversion index 1, price by month as terms, share kept ``(s,)``);
    ``index`` the users' conversion index, which scales their subscriptions.
    """
    means: dict[int, FloatArray] = {}

    def mean_of(terms: Terms) -> FloatArray:
        return _apply(terms, lambda series: offset_mean(weights, series, ages), means)

    paid = kept = np.zeros((1, 1))
    for payments, price, keep in plans:
        plan = payments[:ages] * mean_of(price)
        if gross:
            paid = paid + plan
        kept = kept + plan * keep
    gross_mean = retention[:ages] * mean_of(per_active[0]) + paid * index if gross else None
    return gross_mean, retention[:ages] * mean_of(per_active[1]) + kept * index


def active_worth(retention: FloatArray, per_active: tuple[Terms, Terms], horizon: int) -> tuple[FloatArray, FloatArray]:
    """``(H, s)`` what one user on ``retention`` joining in month s brings over the rest of the horizon through what
    an active user pays and costs in each calendar month (``per_active``, as in ``user_means``): gross revenue and
    contribution."""
    done: dict[int, FloatArray] = {}

    def worth_of(terms: Terms) -> FloatArray:
        return _apply(terms, lambda series: worth_by_join(retention, series, horizon), done)

    return worth_of(per_active[0]), worth_of(per_active[1])


def subscriptions_worth(plans: PlanTerms, horizon: int) -> tuple[FloatArray, FloatArray]:
    """``(H, s)`` what one user's subscriptions (conversion index 1) pay by join month over the rest of the horizon
    at the prices of the calendar months they pay in, gross and kept (``plans`` as in ``user_means``). It depends
    on no retention curve and no join weights: every source group's is this times its index."""
    gross = kept = np.zeros((1, 1))
    for payments, price, keep in plans:
        def plan_worth_of(series: FloatArray, paid: FloatArray = payments) -> FloatArray:
            return worth_by_join(paid, series, horizon)

        plan_worth = _apply(price, plan_worth_of, {})
        gross = gross + plan_worth
        kept = kept + plan_worth * keep
    return gross, kept


def cohort_matrix(new_users: FloatArray, retention: FloatArray, per_active: FloatArray,
                  plans: PlanTerms) -> FloatArray:
    """``(H, H)`` for one sample: row s (cohort of month s + 1), column t, the cohort's contribution
    N(s) x c_s(t - s) at the values of calendar month t; NaN before it joins. Arguments as
    ``user_means``, with the sample axis of length 1."""
    horizon = new_users.shape[0]
    ages = np.arange(horizon)[None, :] - np.arange(horizon)[:, None]
    joined = ages >= 0
    at_age = np.where(joined, ages, 0)
    per_user = retention[:horizon, 0][at_age] * extend(per_active, horizon)[:, 0][None, :]
    for payments, price, keep in plans:
        per_user = per_user + payments[:horizon, 0][at_age] * extend(total(price), horizon)[:, 0][None, :] * float(keep[0])
    return np.where(joined, new_users[:, 0][:, None] * per_user, np.nan)
