"""Revenue schedules of docs/formulas.md §4.4–§4.6: subscriptions by age, purchases, orders, per-item fees.

Pure numpy on realized values (floats or ``(S,)`` sample arrays); every
result has a leading sample axis. The engine sums a plan's per-user cash
schedule over the cohorts and nets each item with ``keep_share``; orders
are added per month and belong to no cohort.

Decisions where the spec is silent:

- Sampled conversions by age that sum above 1 (each drawn on its own) are
  scaled down, per sample, to sum to 1: each user subscribes at most once.
  A sampled run's draws are already scaled as they are realized, where they
  are counted and announced (model/conversion_sums.py); this holds every
  schedule the engine is given to it.
- A subscription taken at age a pays at a, a + P, a + 2P, ... while within
  the horizon; the k-th of those payments is made by the share
  r_1 x ... x r_k of the subscribers, whatever the age they joined the plan.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import numpy as np

from aigc_roi.model.by_month import monthly
from aigc_roi.model.curves import plan_renewal_count, renewal_survival
from aigc_roi.model.params import _month_mask
from aigc_roi.model.scenario import ByMonth, Distribution, FloatArray, Order, Plan, Value


def _column(value: Value, samples: int) -> FloatArray:
    """A realized value as an ``(S, 1)`` column."""
    if isinstance(value, Distribution):
        raise TypeError("a Distribution is still present; call sampling.realize() first")
    return np.broadcast_to(np.asarray(value, dtype=np.float64).reshape(-1, 1), (samples, 1))


def conversion_by_age(plan: Plan, horizon: int, samples: int) -> FloatArray:
    """q_a for a = 0..H-1 as ``(S, H)``: q_0 = conversion when it is a number; ages past the horizon dropped."""
    shares = np.zeros((samples, horizon))
    if not isinstance(plan.conversion, tuple):
        shares[:, :1] = _column(plan.conversion, samples)
        return shares
    for age, share in plan.conversion:
        if 0 <= age < horizon:
            shares[:, age:age + 1] = _column(share, samples)
    total = np.concatenate([_column(share, samples) for _, share in plan.conversion], axis=1).sum(axis=1, keepdims=True)
    return shares / np.maximum(total, 1.0)


def plan_cash_by_age(plan: Plan, horizon: int, samples: int) -> FloatArray:
    """Cash one new user pays this plan at each age a = 0..H-1, ``(S, H)``: price x sum_{a' + kP = a} q_a' x S(k)."""
    # A price that moves by month has no value by age: the engine passes the plan priced at 1 and prices each month.
    assert not isinstance(plan.price, ByMonth), "price a by-month plan per month (engine._scheduled_cash_by_age)"
    return plan_payments_by_age(plan, horizon, samples) * _column(plan.price, samples)


def plan_payments_by_age(plan: Plan, horizon: int, samples: int) -> FloatArray:
    """Payments one new user makes to this plan at each age a = 0..H-1, ``(S, H)``: sum_{a' + kP = a} q_a' x S(k)."""
    period = int(plan.period_months)
    if period < 1:
        raise ValueError(f"plan {plan.name!r}: period_months must be >= 1, got {period}")
    conversions = conversion_by_age(plan, horizon, samples)
    survival = renewal_survival(plan.renewal, plan_renewal_count(plan, horizon), samples)
    cash = np.zeros((samples, horizon))
    # One pass per conversion age (a few), not per renewal (up to H): linear in H.
    ages = {age for age, _ in plan.conversion} if isinstance(plan.conversion, tuple) else {0}
    for age in sorted(age for age in ages if 0 <= age < horizon):
        payments = len(range(age, horizon, period))
        cash[:, age::period] += conversions[:, age:age + 1] * survival[:, :payments]
    return cash


def keep_share(fee: Value | None, revenue_fee: Value, samples: int) -> FloatArray:
    """1 - the item's own fee, or 1 - revenue_fee when it has none; ``(S, 1)``."""
    return 1.0 - _column(revenue_fee if fee is None else fee, samples)


def order_revenue(orders: Sequence[Order], revenue_fee: Value, horizon: int, samples: int) -> tuple[FloatArray, FloatArray]:
    """Gross and net order revenue per month, ``(S, H)`` each (read-only): count x price in each month a line runs.

    A line whose values every sample shares is one row, and so are the totals until a line that moves joins
    them: a what-if batch moving no order adds up 50 lines once, not once a sample. A line of constant values
    is added in the months it runs only (adding the 0 of the others changes nothing). Orders whose values are
    all numbers are summed once per orders and horizon: every engine call of a what-if that moves none asks again."""
    gross, net = (_plain_order_rows(tuple(orders), float(revenue_fee), horizon)
                  if isinstance(revenue_fee, float | int) and _hashable(orders) else
                  _order_rows(orders, revenue_fee, horizon, samples))
    return np.broadcast_to(gross, (samples, horizon)), np.broadcast_to(net, (samples, horizon))


def _hashable(orders: Sequence[Order]) -> bool:
    """Whether the orders' values are numbers (or schedules of them), which hash; an array of samples does not."""
    try:
        hash(tuple(orders))
    except TypeError:
        return False
    return True


@functools.lru_cache(maxsize=64)
def _plain_order_rows(orders: tuple[Order, ...], revenue_fee: float, horizon: int) -> tuple[FloatArray, FloatArray]:
    rows = _order_rows(orders, revenue_fee, horizon, 1)
    for row in rows:
        row.flags.writeable = False
    return rows


def _order_rows(orders: Sequence[Order], revenue_fee: Value, horizon: int, samples: int) -> tuple[FloatArray, FloatArray]:
    """``order_revenue``'s gross and net, one row where every sample shares them."""
    gross = np.zeros((1, horizon))
    net = np.zeros((1, horizon))
    for order in orders:
        amount = _shared_once(monthly(order.count, horizon, samples).T) * _shared_once(monthly(order.price, horizon, samples).T)
        keep = _shared_once(keep_share(order.fee, revenue_fee, samples))
        mask = _month_mask(order.months, horizon)
        if amount.shape[1] > 1:
            line = amount * mask
            gross = gross + line
            net = net + line * keep
            continue
        kept = amount * keep
        gross, net = _rows_for(gross, amount), _rows_for(net, kept)
        running = np.flatnonzero(mask)
        months = slice(running[0], running[-1] + 1) if running.size and running[-1] - running[0] + 1 == running.size else running
        gross[:, months] += amount
        net[:, months] += kept
    return gross, net


def _rows_for(total: FloatArray, adding: FloatArray) -> FloatArray:
    """A one-row total as one row per sample when what is added to it differs by sample."""
    return np.repeat(total, adding.shape[0], axis=0) if adding.shape[0] > total.shape[0] else total


def _shared_once(values: FloatArray) -> FloatArray:
    """``(S, ...)`` values as one row when every sample shares them (a broadcast row), else as they are."""
    return values[:1] if values.strides[0] == 0 else values


def order_delivery(orders: Sequence[Order], horizon: int, samples: int) -> FloatArray:
    """Delivery cost of the orders per month, ``(S, H)``: count x unit_cost in each month a line runs."""
    cost = np.zeros((samples, horizon))
    for order in orders:
        cost = cost + monthly(order.count, horizon, samples).T * _column(order.unit_cost, samples) * _month_mask(order.months, horizon)
    return cost
