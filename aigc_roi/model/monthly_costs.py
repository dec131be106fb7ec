"""Serving, fixed, delivery and referral costs by month (docs/formulas.md §4.10, §14)."""

from __future__ import annotations

import numpy as np

from aigc_roi.model.monthly_revenue import _Revenue, _RevenueByAge, _subscribers
from aigc_roi.model.params import _is_plain_zero, _month_mask, _Params, _zero_fill_ratio, every, some
from aigc_roi.model.revenue import order_delivery
from aigc_roi.model.running import add_product
from aigc_roi.model.scenario import Costs, FloatArray, Monetization, Value


def _delivery_per_active(monetization: Monetization, p: _Params) -> FloatArray | None:
    """Delivery cost per active user and month, ``(1, s)`` or ``(H, s)``; None when no purchase has a unit cost."""
    items = [item for item in monetization.purchases if not _is_plain_zero(item.unit_cost)]
    if not items:
        return None
    total = np.zeros((1, p.samples))
    for item in items:
        total = total + p.monthly(item.rate) * p(item.unit_cost)
    return total


def _delivery(monetization: Monetization, active: FloatArray, per_active: FloatArray | None, p: _Params,
              active_read: bool = True) -> FloatArray | None:
    """delivery(t) = sum over purchases of units(t) x unit_cost + sum over orders of count(t) x unit_cost; None when 0.
    Unless the caller reads ``active`` (its own array) again (``active_read``), the deliveries are written over it."""
    orders = [order for order in monetization.orders if not _is_plain_zero(order.unit_cost)]
    if per_active is None and not orders:
        return None
    delivery = np.zeros_like(active) if per_active is None else np.multiply(active, per_active, out=None if active_read else active)
    if orders:
        delivery += order_delivery(tuple(orders), p.horizon, p.samples).T
    return delivery


def _referral(reward: Value, new_users: FloatArray, viral: FloatArray | None,
              p: _Params) -> tuple[FloatArray, FloatArray | None]:
    """The viral users' share of all new users ``(s,)`` and referral(t) = V(t) x referral_reward ``(H, s)``; None when 0.

    ``viral`` V(t) ``(H, s)`` (None only without a reward) is read for the last time here: the referral cost is
    written over it."""
    if _is_plain_zero(reward):
        return np.zeros(p.samples), None
    assert viral is not None, "a reward is paid on the viral users"
    share = _zero_fill_ratio(viral.sum(axis=0), new_users.sum(axis=0))
    return share, np.multiply(viral, p(reward), out=viral)


def _serving(costs: Costs, active: FloatArray, revenue: _Revenue, p: _Params, active_read: bool = True) -> FloatArray:
    """Serving cost by month ``(H, s)``: active users' compute, plus subscribers' when ``serving_per_subscriber``
    is set (docs/formulas.md §4.10). Unless the caller reads the active users (its own array) again (``active_read``),
    their serving is written over them."""
    serving = np.multiply(active, p.monthly(costs.serving_per_active_user), out=None if active_read else active)
    serving_per_subscriber = p.monthly(costs.serving_per_subscriber)
    if some(serving_per_subscriber):
        add_product(serving, revenue.subscribers, serving_per_subscriber)
    return serving


def _fixed_costs(costs: Costs, horizon: int, p: _Params, spread: bool = True) -> FloatArray:
    """Fixed costs by month ``(H, s)``. Without ``spread`` (a caller that only reads them) costs that run every
    month at one amount are one row, summed as every month's would be (each times a mask of 1s) and read as every
    month's through a view: two passes over the months fewer."""
    masks = [_month_mask(cost.months, horizon) for cost in costs.fixed]
    amounts = [p.monthly(cost.monthly) for cost in costs.fixed]
    one_row = not spread and all(amount.shape[0] == 1 and every(mask == 1.0) for mask, amount in zip(masks, amounts, strict=True))
    rows = 1 if one_row else horizon
    fixed = np.zeros((rows, 1))
    for mask, amount in zip(masks, amounts, strict=True):
        # Summed as one column until a cost that moves by sample joins: no what-if moves a fixed cost.
        fixed = fixed + mask[:rows, None] * (amount[:, :1] if amount.strides[1] == 0 else amount)
    if one_row:
        return np.broadcast_to(fixed, (horizon, p.samples))
    # A column per sample already (a run's, or costs drawn per sample) is kept as it is: no broadcast view, whose Python
    # costs a run more than the sums.
    return fixed if fixed.shape == (horizon, p.samples) else np.ascontiguousarray(np.broadcast_to(fixed, (horizon, p.samples)))


def _serving_by_age(costs: Costs, by_age: _RevenueByAge, retention: FloatArray,
                    p: _Params) -> tuple[FloatArray, FloatArray | None]:
    """Serving of one user by age, as ``_serving`` charges it; second the subscribers' part of that alone (None
    when not set), which a source group's conversion index scales. By age only while constant: a cost that moves
    by month is read by join month (_moving_per_user)."""
    serving_per_active = p.monthly(costs.serving_per_active_user)
    serving_by_age = retention * serving_per_active[:1]
    serving_per_subscriber = p.monthly(costs.serving_per_subscriber)
    if not some(serving_per_subscriber):
        return serving_by_age, None
    assert by_age.payments_by_age is not None, "serving per subscriber reads the payments by age"
    subscriber_serving_by_age = _subscribers(by_age.payments_by_age, retention.shape) * serving_per_subscriber[:1]
    return serving_by_age + subscriber_serving_by_age, subscriber_serving_by_age
