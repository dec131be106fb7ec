"""Values by month (docs/formulas.md, "Values by month"): the schedule of a ``ByMonth`` value and
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

from typing import Any

import numpy as np

from aigc_roi.model.scenario import ByMonth, Distribution, FloatArray, Moving


def is_by_month(value: Any) -> bool:
    return isinstance(value, ByMonth)


def schedule(value: ByMonth, months: int, samples: int) -> FloatArray:
    """``(months, s)`` the value in calendar months 1..months: linear between given months, flat outside them."""
    given = [int(month) for month, _ in value.points]
    if any(later <= earlier for earlier, later in zip(given, given[1:], strict=False)) or not given or given[0] < 1:
        raise ValueError(f"by_month months must be >= 1 and strictly increasing, got {given}")
    values = np.stack([_row(point, samples) for _, point in value.points])
    return _weights(given, months) @ values


def _row(value: Any, samples: int) -> FloatArray:
    if isinstance(value, Distribution):
        raise TypeError("a Distribution is still present; call sampling.realize() first")
    return np.broadcast_to(np.asarray(value, dtype=np.float64).reshape(-1), (samples,))


def _weights(given: list[int], months: int) -> FloatArray:
    """``(months, P)`` interpolation weights of the P given values for calendar months 1..months."""
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
    return _row(value, samples)[None, :]


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
        return np.broadcast_to(series, (ages, series.shape[1]))
    horizon = weights.shape[0]
    extended = extend(series, horizon + ages - 1)
    out = np.empty((ages, series.shape[1]))
    for age in range(ages):
        out[age] = np.einsum("ts,ts->s", weights, extended[age: age + horizon])
    return out


def worth_by_join(per_age: FloatArray, series: FloatArray, horizon: int) -> FloatArray:
    """``(H, s)``: sum_{a=0}^{H-1-s} f(a) x(s + a) for each join month s, what one user joining in s is worth
    over the rest of the horizon when ``f`` (``(>=H, s)`` by age) is paid at the calendar value ``x``."""
    series = np.broadcast_to(extend(series, horizon), (horizon, per_age.shape[1]))
    worth = np.zeros((horizon, per_age.shape[1]))
    for age in range(horizon):
        worth[: horizon - age] += per_age[age] * series[age:]
    return worth


def per_user_values(retention: FloatArray, weights: FloatArray, per_active: FloatArray,
                    plans: list[tuple[FloatArray, FloatArray, FloatArray]], ages: int) -> tuple[FloatArray, FloatArray]:
    """One value of a user (gross revenue or contribution) when values move by month.

    ``retention`` R(a) over at least ``ages`` and H ages, ``(>=H, s)``; ``weights`` ``join_weights``;
    ``per_active`` the value of an active user in each calendar month (``monthly``); ``plans`` per plan
    (payments per user by age ``(>=H, s)``, price by month, share kept ``(s,)``).
    Returns the user-weighted mean by age, ``(ages, s)`` (the c(a) of LTV and payback), and the worth of
    one user by join month over the rest of the horizon, ``(H, s)`` (the input of the attribution).
    """
    horizon = weights.shape[0]
    mean = retention[:ages] * offset_mean(weights, per_active, ages)
    worth = worth_by_join(retention, per_active, horizon)
    for payments, price, keep in plans:
        mean = mean + payments[:ages] * offset_mean(weights, price, ages) * keep
        worth += worth_by_join(payments, price, horizon) * keep
    return mean, worth


def cohort_matrix(new_users: FloatArray, retention: FloatArray, per_active: FloatArray,
                  plans: list[tuple[FloatArray, FloatArray, FloatArray]]) -> FloatArray:
    """``(H, H)`` for one sample: row s (cohort of month s + 1), column t, the cohort's contribution
    N(s) x c_s(t - s) at the values of calendar month t; NaN before it joins. Arguments as
    ``per_user_values``, with the sample axis of length 1."""
    horizon = new_users.shape[0]
    ages = np.arange(horizon)[None, :] - np.arange(horizon)[:, None]
    joined = ages >= 0
    at_age = np.where(joined, ages, 0)
    per_user = retention[:horizon, 0][at_age] * extend(per_active, horizon)[:, 0][None, :]
    for payments, price, keep in plans:
        per_user = per_user + payments[:horizon, 0][at_age] * extend(price, horizon)[:, 0][None, :] * float(keep[0])
    return np.where(joined, new_users[:, 0][:, None] * per_user, np.nan)
