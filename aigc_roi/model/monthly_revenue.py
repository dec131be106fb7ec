"""Revenue by month and of one user by age: subscriptions, purchases and orders (docs/formulas.md §4.4-§4.6)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from aigc_roi.model.by_month import is_by_month
from aigc_roi.model.params import _Params, every
from aigc_roi.model.plan_payments import (
    _plan_payments_by_age,
    _Recursion,
    _recursive_plan_payers,
    _recursive_schedules,
    _scheduled_plan_payments,
)
from aigc_roi.model.revenue import order_revenue
from aigc_roi.model.scenario import FloatArray, Monetization, Plan, Value
from aigc_roi.model.subscribers import in_force


@dataclass(frozen=True)
class _Revenue:
    """Revenue by month of the cohorts of some new users."""

    gross: FloatArray
    """``(H, s)`` subscriptions, purchases and orders."""
    net: FloatArray
    """``(H, s)`` each item's gross less its own fee (or the revenue fee)."""
    subscriptions_by_period: dict[int, FloatArray]
    """``(H, s)`` subscription cash of the plans of each period P (months): input of the accrual view."""
    payments_by_period: dict[int, FloatArray] | None = field(repr=False)
    """``(H, s)`` plan payments by month of the plans of each period P; None where no one reads subscribers."""

    @cached_property
    def subscribers(self) -> FloatArray:
        """``(H, s)`` plan payments whose period covers the month (docs/formulas.md §4.10); built when read."""
        assert self.payments_by_period is not None, "revenue computed without its subscribers"
        return _subscribers(self.payments_by_period, self.gross.shape)


@dataclass(frozen=True)
class _RevenueByAge:
    """Revenue of one new user by age: it does not depend on the cohorts, so it is computed once a chunk."""

    gross_by_age: FloatArray | None
    """``(H, s)`` gross revenue of one new user at age a (orders are no user's); None when not asked for."""
    net_by_age: FloatArray
    """``(H, s)`` the same, net of each item's fee."""
    payments_by_age: dict[int, FloatArray] | None
    """``(H, s)`` payments of one new user at age a to the plans of each period P: its subscriptions by age
    are their windows (``_subscribers``), read only where serving charges them; None when not asked for."""
    subscription_by_age: FloatArray
    """``(H, s)`` subscription cash of one new user (index 1) at age a, gross."""
    subscription_net_by_age: FloatArray
    purchase_gross: FloatArray
    """``(s,)`` purchase revenue per active user (index 1) and month."""
    purchase_net: FloatArray


def _keep(monetization: Monetization, fee: Value | None, p: _Params) -> FloatArray:
    """The share of an item's revenue kept after its own fee, else the revenue fee."""
    return 1.0 - p(monetization.revenue_fee if fee is None else fee)


def _kept(amount: FloatArray, keep: FloatArray) -> FloatArray:
    """``amount`` times the share kept after fees: ``amount`` itself (not a copy) where every sample keeps all of
    it, a plan without fees, which saves a pass over its months."""
    return amount if every(keep == 1.0) else amount * keep


def _revenue(monetization: Monetization, new_users: FloatArray, active: FloatArray, p: _Params,
             subscribers: bool = True, net_shared: bool = False) -> _Revenue:
    """Purchases through retention; subscription cash by plan; orders by month (docs/formulas.md §4.4–§4.6).

    Each item is netted with its own ``fee``, else ``revenue_fee``. Orders
    join the monthly totals only: no cohort, so no user's value and no
    channel's attribution. The ``(H, s)`` passes are what this stage costs, so
    plans of one period share one cash array, and plans that all keep the same
    share are netted once, on their total. Without ``subscribers`` the payments that count them are not
    summed: a pass over every plan's months that only serving per subscriber and the series read. With
    ``net_shared`` (a caller that writes neither in place and keeps neither as a series of its own) the net is the
    gross array itself where every item keeps all of its revenue: the same products summed the same way, two
    passes over the months fewer.
    """
    horizon = new_users.shape[0]
    plans = monetization.plans
    one_fee = len({id(plan.fee) for plan in plans}) <= 1
    by_period: dict[int, FloatArray] = {}
    payments_by_period: dict[int, FloatArray] | None = {} if subscribers else None
    subscriptions_net = None if one_fee else np.zeros_like(new_users)
    periods = [_period(plan) for plan in plans]
    recursions = [_Recursion.of(plan, p) for plan in plans]
    payers_by_plan = _recursive_plan_payers(recursions, new_users)
    # One scratch series for every plan's net cash: the passes over (H, s), not the arithmetic, set this stage's
    # speed, and a new array each time is one more.
    scratch = None if subscriptions_net is None else np.empty_like(new_users)
    for plan, period, recursion, payers in zip(plans, periods, recursions, payers_by_plan, strict=True):
        if recursion is not None:
            assert payers is not None
            payments: FloatArray | None = None
            if payments_by_period is not None:
                payments = payers * recursion.conversion
                _add_to(payments_by_period, period, payments)
            # The payers are this plan's own array, read no more: its cash is written over them. Where the price
            # moves the first payment is the conversion (_Recursion), so the payments times the price are the same
            # products: one pass over the months fewer where they were summed.
            if recursion.price_by_month is not None and payments is not None:
                cash = np.multiply(payments, recursion.price_by_month, out=payers)
            else:
                cash = np.multiply(payers, recursion.first_payment, out=payers)
                if recursion.price_by_month is not None:
                    cash *= recursion.price_by_month
        else:
            payments = _scheduled_plan_payments(plan, new_users, p)
            cash = payments * p.monthly(plan.price)
            if payments_by_period is not None:
                _add_to(payments_by_period, period, payments)
        if subscriptions_net is not None and scratch is not None:
            subscriptions_net += np.multiply(cash, _keep(monetization, plan.fee, p), out=scratch)
        _add_to(by_period, period, cash)
    subscriptions = sum(by_period.values(), np.zeros_like(new_users)) if len(by_period) != 1 else next(iter(by_period.values()))
    if subscriptions_net is None:
        subscriptions_net = _kept(subscriptions, _keep(monetization, plans[0].fee, p)) if plans else subscriptions
    purchase_gross, purchase_net = _purchase_per_active(monetization, p)
    gross = subscriptions + active * purchase_gross
    if (net_shared and subscriptions_net is subscriptions and not monetization.orders
            and purchase_net.shape == purchase_gross.shape and purchase_net.tobytes() == purchase_gross.tobytes()):
        net = gross
    else:
        net = subscriptions_net + active * purchase_net
    if monetization.orders:
        order_gross, order_net = order_revenue(monetization.orders, monetization.revenue_fee, horizon, p.samples)
        gross += order_gross.T
        net += order_net.T
    return _Revenue(gross=gross, net=net, subscriptions_by_period=by_period, payments_by_period=payments_by_period)


def _revenue_by_age(monetization: Monetization, retention: FloatArray, p: _Params, gross: bool = True,
                    payments: bool = True) -> _RevenueByAge:
    """What one new user pays at each age ``(H, s)``, gross and net of each item's fee (docs/formulas.md §4.4–§4.6).

    Without ``gross`` or ``payments`` the gross revenue or the payments by period are not summed (None): figures
    alone read neither unless serving charges subscribers."""
    horizon = retention.shape[0]
    plans = monetization.plans
    one_fee = len({id(plan.fee) for plan in plans}) <= 1
    payments_by_age: dict[int, FloatArray] | None = {} if payments else None
    shape = (horizon, p.samples)
    # Zeros until the first plan adds to them (None).
    subscription_by_age: FloatArray | None = None
    subscription_net_by_age = None if one_fee else np.zeros((horizon, p.samples))
    recursions = [_Recursion.of(plan, p) for plan in plans]
    schedules = _recursive_schedules(recursions, horizon, p.samples, payments=payments_by_age is not None)
    for plan, recursion, paid in zip(plans, recursions, schedules, strict=True):
        if recursion is not None:
            assert paid is not None
            # A recursive plan pays at ages 0, P, 2P, ... only: the other ages of every sum would add 0, and
            # are left as they are.
            cash_at, payments_at = paid
            paying = slice(None, None, recursion.period)
            if subscription_by_age is None and recursion.period == 1:
                # The first plan paying at every age: 0 + its cash as cash + 0 (the same bits, -0 made 0 alike),
                # written at once where an array of zeros was written first and then added to.
                subscription_by_age = np.add(cash_at, 0.0)
            else:
                subscription_by_age = np.zeros(shape) if subscription_by_age is None else subscription_by_age
                subscription_by_age[paying] += cash_at
            if payments_by_age is not None:
                assert payments_at is not None, "the schedules carry the payments where they are summed"
                payments_by_age.setdefault(recursion.period, np.zeros((horizon, p.samples)))[paying] += payments_at
            if subscription_net_by_age is not None:
                subscription_net_by_age[paying] += cash_at * _keep(monetization, plan.fee, p)
            continue
        per_user_payments = _plan_payments_by_age(plan, horizon, p)
        # A moving price has no value by age: a user's values are then read by join month (_moving_per_user).
        schedule = per_user_payments * (1.0 if is_by_month(plan.price) else p(plan.price))
        subscription_by_age = np.zeros(shape) if subscription_by_age is None else subscription_by_age
        subscription_by_age += schedule
        if payments_by_age is not None:
            _add_to(payments_by_age, _period(plan), per_user_payments)
        if subscription_net_by_age is not None:
            subscription_net_by_age += schedule * _keep(monetization, plan.fee, p)
    subscription_by_age = np.zeros(shape) if subscription_by_age is None else subscription_by_age
    if subscription_net_by_age is None:
        subscription_net_by_age = (_kept(subscription_by_age, _keep(monetization, plans[0].fee, p)) if plans
                                   else subscription_by_age)
    purchase_gross, purchase_net = _purchase_per_active(monetization, p)
    return _RevenueByAge(
        gross_by_age=retention * purchase_gross + subscription_by_age if gross else None,
        net_by_age=retention * purchase_net + subscription_net_by_age,
        payments_by_age=payments_by_age,
        subscription_by_age=subscription_by_age,
        subscription_net_by_age=subscription_net_by_age,
        purchase_gross=purchase_gross,
        purchase_net=purchase_net,
    )


def _period(plan: Plan) -> int:
    period = int(plan.period_months)
    if period < 1:
        raise ValueError(f"plan {plan.name!r}: period_months must be >= 1, got {period}")
    return period


def _add_to(by_period: dict[int, FloatArray], period: int, amounts: FloatArray) -> None:
    """Sum ``amounts`` into the period's array; the first one is kept as it is (it is not read elsewhere)."""
    if period in by_period:
        by_period[period] += amounts
    else:
        by_period[period] = amounts


def _subscribers(payments_by_period: dict[int, FloatArray], shape: tuple[int, ...]) -> FloatArray:
    """Subscribers in force from the payments of the plans of each period, by month or by age; plans of one period
    are their window itself, with no array of zeros added to it."""
    windows = [in_force(payments, period) for period, payments in payments_by_period.items()]
    if len(windows) == 1 and windows[0].shape == shape:
        return windows[0]
    return sum(windows, np.zeros(shape))


def _purchase_per_active(monetization: Monetization, p: _Params) -> tuple[FloatArray, FloatArray]:
    """Purchase revenue per active user and month, gross and net of each item's fee, ``(1, s)`` each (``(H, s)`` when
    a price or rate moves by month); built once a chunk, read-only: the revenue of all the cohorts, of the paid
    channels' and of one user read them."""
    return p.once("purchases", monetization.purchases, lambda: _purchases(monetization, p), also=monetization.revenue_fee)


def _purchases(monetization: Monetization, p: _Params) -> tuple[FloatArray, FloatArray]:
    gross = np.zeros((1, p.samples))
    net = np.zeros((1, p.samples))
    for item in monetization.purchases:
        revenue = p.monthly(item.rate) * p.monthly(item.price)
        gross = gross + revenue
        net = net + revenue * (1.0 - p(monetization.revenue_fee if item.fee is None else item.fee))
    gross.flags.writeable = net.flags.writeable = False
    return gross, net
