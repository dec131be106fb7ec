"""A plan's payments summed over the cohorts: a recursion where one renewal rate repeats, shifted sums of
its schedule otherwise (docs/formulas.md §4.5)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from aigc_roi.model.active_users import _cohort_sum
from aigc_roi.model.curves import plan_renewal_count, renewal_survival
from aigc_roi.model.params import _Params
from aigc_roi.model.revenue import conversion_by_age, plan_payments_by_age
from aigc_roi.model.scenario import ByMonth, FloatArray, Plan, RenewalObserved


@dataclass(frozen=True)
class _Recursion:
    """A plan with a join-month conversion and one renewal rate: its payers follow a recursion.

    Conversion by age or a renewal schedule (a list, the sBG rates) has no
    such recursion: its per-user cash schedule (``revenue.plan_cash_by_age``)
    is summed over the cohorts at the ages it pays.
    """

    first_payment: FloatArray
    """Cash of one new user's first payment; its share subscribing when the price moves by month."""
    renewal: FloatArray
    period: int
    conversion: FloatArray
    price_by_month: FloatArray | None = None
    """``(H, s)`` the price of each month when it moves: a payment is made at the price of its month."""

    @classmethod
    def of(cls, plan: Plan, p: _Params) -> _Recursion | None:
        if isinstance(plan.conversion, tuple) or not isinstance(plan.renewal, float | int | np.ndarray):
            return None
        if isinstance(plan.price, ByMonth):
            conversion = p(plan.conversion)
            return cls(conversion, p(plan.renewal), int(plan.period_months), conversion, p.monthly(plan.price))
        return cls(p(plan.conversion) * p(plan.price), p(plan.renewal), int(plan.period_months), p(plan.conversion))


def _recursive_plan_payers(plan: _Recursion, new_users: FloatArray) -> FloatArray:
    """``(H, s)`` Y(t) = N(t) + r Y(t-P), one vector operation per period: the plan pays
    ``first_payment`` x Y(t) in month t, from conversion x Y(t) payments."""
    horizon = new_users.shape[0]
    period, renewal = plan.period, plan.renewal
    if new_users.shape[1:] == (1,) and np.size(renewal) == 1:
        # One sample (a `run`): the same additions on Python floats, without numpy's cost per call in every month.
        rate, column = float(np.reshape(renewal, -1)[0]), new_users[:, 0].tolist()
        for month in range(period, horizon):
            column[month] += rate * column[month - period]
        return np.array(column)[:, None]
    payers = np.array(new_users)
    for start in range(period, horizon, period):
        stop = min(start + period, horizon)
        payers[start:stop] += renewal * payers[start - period: stop - period]
    return payers


def _add_payments_by_age(plan: _Recursion, out: FloatArray, first: FloatArray | None = None) -> None:
    """Add to ``out`` ``(ages, s)`` the cash of one new user of a recursive plan (or, with ``first`` its
    conversion, its payments): the ages it pays at only."""
    payment = np.array(plan.first_payment if first is None else first)
    if out.shape[1:] == (1,) and payment.size == 1 and np.size(plan.renewal) == 1:
        # One sample (a `run`): the payments on Python floats, added to their ages at once.
        value, rate = float(payment.reshape(-1)[0]), float(np.reshape(plan.renewal, -1)[0])
        payments = []
        for _ in range(0, out.shape[0], plan.period):
            payments.append(value)
            value *= rate
        out[:: plan.period, 0] += payments
        return
    for age in range(0, out.shape[0], plan.period):
        out[age] += payment
        payment *= plan.renewal


def _scheduled_plan_cash(plan: Plan, new_users: FloatArray, p: _Params) -> FloatArray:
    """``(H, s)`` cash of a plan with conversion by age or a renewal schedule: its payments times the price."""
    return _scheduled_plan_payments(plan, new_users, p) * p(plan.price)


def _scheduled_plan_payments(plan: Plan, new_users: FloatArray, p: _Params) -> FloatArray:
    """``(H, s)`` payments to a plan with conversion by age or a renewal schedule, in time linear in H where it can be.

    A user converting at age a0 pays at a0 + kP the share S(k) of the
    price, so the cash is ``price x sum_k S(k) M(t - kP)`` with
    ``M(t) = sum_a0 q(a0) N(t - a0)``, the users converting in month t. A
    renewal list's last rate r repeats, so from its last entry k0 on
    (k0 = 0 for one rate) ``S(k) = S(k0) r^(k - k0)``: that tail is the
    recursion ``Z(t) = M(t - k0 P) + r Z(t - P)``. Only the sBG rates (renewal
    from ``observed``) change with every renewal; they are summed term by
    term, ``O(H^2 / P)``. Every term is non-negative: nothing cancels.
    """
    horizon = new_users.shape[0]
    period = int(plan.period_months)
    conversions = np.ascontiguousarray(conversion_by_age(plan, horizon, p.samples).T)
    ages = [age for age, _ in plan.conversion] if isinstance(plan.conversion, tuple) else [0]
    converting = _cohort_sum(new_users, conversions, sorted({age for age in ages if 0 <= age < horizon}))
    renewals = plan_renewal_count(plan, horizon)
    survival = np.ascontiguousarray(renewal_survival(plan.renewal, renewals, p.samples).T)
    renewal = plan.renewal
    if isinstance(renewal, RenewalObserved):
        tail_from, tail_rate = renewals + 1, None
    elif isinstance(renewal, tuple):
        tail_from, tail_rate = len(renewal) - 1, p(renewal[-1])
    else:
        tail_from, tail_rate = 0, p(renewal)
    cash = np.zeros_like(new_users)
    for k in range(min(tail_from, renewals + 1)):
        offset = k * period
        cash[offset:] += survival[k] * converting[: horizon - offset]
    start = tail_from * period
    if tail_rate is not None and start < horizon:
        tail = np.zeros_like(new_users)
        tail[start:] = converting[: horizon - start]
        for month in range(start + period, horizon, period):
            stop = min(month + period, horizon)
            tail[month:stop] += tail_rate * tail[month - period: stop - period]
        cash += survival[tail_from] * tail
    return cash


def _plan_payments_by_age(plan: Plan, ages: int, p: _Params) -> FloatArray:
    """``(ages, s)`` the payments one new user makes to the plan at each age."""
    recursion = _Recursion.of(plan, p)
    if recursion is None:
        return np.ascontiguousarray(plan_payments_by_age(plan, ages, p.samples).T)
    by_age = np.zeros((ages, p.samples))
    _add_payments_by_age(recursion, by_age, recursion.conversion)
    return by_age


def _plan_cash_by_age(plan: Plan, ages: int, p: _Params) -> FloatArray:
    """``(ages, s)`` the plan's cash from one new user at each age (any number of ages: LTV may outlive H)."""
    recursion = _Recursion.of(plan, p)
    if recursion is None:
        return _plan_payments_by_age(plan, ages, p) * p(plan.price)
    by_age = np.zeros((ages, p.samples))
    _add_payments_by_age(recursion, by_age)
    return by_age
