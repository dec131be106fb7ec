"""What one new user is worth, by age, by join month and over the LTV lifetime (docs/formulas.md §5, §14)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from aigc_roi.model.active_users import _retention_by_age
from aigc_roi.model.by_month import (
    PlanTerms,
    Terms,
    _apply,
    active_worth,
    as_terms,
    cohort_matrix,
    is_by_month,
    join_weights,
    monthly_terms,
    moves,
    offset_mean,
    scaled_terms,
    subscriptions_worth,
    times,
    total,
    user_means,
    worth_by_join,
)
from aigc_roi.model.monthly_revenue import _kept, _purchase_per_active, _RevenueByAge, _subscribers
from aigc_roi.model.params import _Params, some
from aigc_roi.model.plan_payments import _plan_cash_by_age, _plan_payments_by_age
from aigc_roi.model.running import add_product
from aigc_roi.model.scenario import FloatArray, Moving, Retention, Scenario


@dataclass(frozen=True)
class _PerUser:
    """What one new user is worth, by age and by join month (docs/formulas.md §14)."""

    gross_by_age: FloatArray | None
    """``(H, s)`` gross revenue at age a (user-weighted over the join months when values move); None where no
    caller reads it (a figures-only run whose values move)."""
    contribution_by_age: FloatArray
    """``(H, s)`` c(a), likewise."""
    lifetime_contribution: FloatArray
    """``(L, s)`` c(a) over the LTV lifetime."""
    gross_worth: FloatArray | None = None
    """``(H, s)`` gross revenue of one user joining in month s over the rest of the horizon, when values move by
    month and a caller reads it (the running sums of the values by age otherwise)."""
    contribution_worth: FloatArray | None = None
    """``(H, s)`` its contribution, likewise."""
    cohorts: FloatArray | None = None
    """``(1, H, H)`` the cohort table of a one-sample run when values move (model/cohorts.py otherwise)."""
    by_join: bool = False
    """Whether the worth differs by join month otherwise than the values by age say (values move by month)."""


def _per_user_values_move(scenario: Scenario) -> bool:
    """Whether some value a user's own revenue or cost reads moves by month (prices, rates, serving)."""
    monetization = scenario.monetization
    values = [plan.price for plan in monetization.plans]
    values += [value for item in monetization.purchases for value in (item.price, item.rate)]
    values += [scenario.costs.serving_per_active_user, scenario.costs.serving_per_subscriber]
    return any(is_by_month(value) for value in values)


@dataclass(frozen=True)
class _Subscriptions:
    """A user's subscriptions when values move by month, at conversion index 1: a source group's index scales every
    part, so one chunk computes them once for all its groups (docs/formulas.md §14, §15)."""

    plans: PlanTerms
    """Per plan: payments by age at a price of 1 ``(ages, s)``, price by month as terms, share kept."""
    gross_worth: FloatArray | None
    """``(H, s)`` what they pay by join month over the rest of the horizon, at the calendar months' prices (None when
    no caller reads it)."""
    net_worth: FloatArray | None
    """``(H, s)`` the share kept of it, less the serving of the subscriptions in force."""
    in_force: FloatArray | None
    """``(ages, s)`` subscriptions in force by age; None when ``serving_per_subscriber`` is 0 in every month."""
    serving: FloatArray
    """``serving_per_subscriber`` by month, ``(1 or H, s)``."""


def _moving_subscriptions(scenario: Scenario, ages: int, p: _Params, worth: bool = True) -> _Subscriptions:
    """``_Subscriptions`` of a scenario over ``ages`` ages (at least the horizon); without their worth by join month
    (None) unless ``worth``."""
    monetization = scenario.monetization
    payments = [_plan_payments_by_age(plan, ages, p) for plan in monetization.plans]
    prices = [monthly_terms(plan.price, p.horizon, p.samples) for plan in monetization.plans]
    keeps = [1.0 - p(monetization.revenue_fee if plan.fee is None else plan.fee) for plan in monetization.plans]
    plans = list(zip(payments, prices, keeps, strict=True))
    gross_worth, net_worth = subscriptions_worth(plans, p.horizon) if worth else (None, None)
    serving = p.monthly(scenario.costs.serving_per_subscriber)
    in_force_by_age = None
    if some(serving):
        # A subscription in force at age a costs that calendar month's serving (docs/formulas.md §4.10, §14):
        # a cost on the subscriptions, so in the contribution only, never in the gross revenue.
        by_period: dict[int, FloatArray] = {}
        for plan, paid in zip(monetization.plans, payments, strict=True):
            period = int(plan.period_months)
            # A period's first plan is its payments themselves (read only): no array of zeros added to them.
            by_period[period] = by_period[period] + paid if period in by_period else paid
        in_force_by_age = _subscribers(by_period, (ages, p.samples))
        if net_worth is not None:
            net_worth = net_worth - worth_by_join(in_force_by_age, serving, p.horizon)
    return _Subscriptions(plans, gross_worth, net_worth, in_force_by_age, serving)


def _moving_per_user(scenario: Scenario, new_users: FloatArray, retention: FloatArray, p: _Params,
                     subscriptions: _Subscriptions, curve: Retention | None = None, index: FloatArray | None = None, *,
                     gross: bool = True, worth: bool = True) -> _PerUser:
    """``_PerUser`` when values move: a user joining in s pays and costs the values of calendar month s + a
    (the last given value past the horizon); by age, the mean over every new user of the horizon.

    ``curve`` and ``index``: a source group's own retention (``retention`` is it by age over the horizon) and
    conversion index (docs/formulas.md §15); default the scenario's and 1. ``subscriptions``: the chunk's
    ``_moving_subscriptions`` (with their worth when ``worth``). ``gross`` and ``worth`` False leave out the gross
    revenue by age and the worth by join month (None) for callers that read neither."""
    horizon = new_users.shape[0]
    ages = max(horizon, int(scenario.ltv_lifetime))
    long_retention = (retention if ages == horizon
                      else _retention_by_age(scenario.retention if curve is None else curve, ages, p))
    scale: FloatArray | float = 1.0 if index is None else index
    weights = join_weights(new_users)
    per_active = _per_active_terms(scenario, p, index)
    gross_mean, mean = user_means(long_retention, weights, per_active, subscriptions.plans, ages, scale, gross)
    if subscriptions.in_force is not None:
        mean = mean - scale * subscriptions.in_force[:ages] * offset_mean(weights, subscriptions.serving, ages)
    gross_worth: FloatArray | None = None
    net_worth: FloatArray | None = None
    if worth:
        assert subscriptions.gross_worth is not None and subscriptions.net_worth is not None, "subscriptions without worth"
        gross_active, net_active = active_worth(retention, per_active, horizon)
        gross_worth = gross_active + scale * subscriptions.gross_worth
        net_worth = net_active + scale * subscriptions.net_worth
    cohorts = None
    if p.samples == 1:
        # The cohort table is one sample's (a run's): a batch of samples or candidates never reads it.
        plans = [(paid * scale, price, keep) for paid, price, keep in subscriptions.plans]
        if subscriptions.in_force is not None:
            plans.append((subscriptions.in_force * scale, as_terms(subscriptions.serving), np.full(p.samples, -1.0)))
        cohorts = cohort_matrix(new_users, long_retention, total(per_active[1]), plans)[None]
    return _PerUser(None if gross_mean is None else gross_mean[:horizon], mean[:horizon], mean[: int(scenario.ltv_lifetime)],
                    gross_worth, net_worth, cohorts, by_join=True)


def _moving_mean_user(scenario: Scenario, users: list[FloatArray], curves: list[FloatArray], groups: list[Retention],
                      indices: list[FloatArray], indexed_users: FloatArray, subscriptions: _Subscriptions,
                      p: _Params) -> FloatArray:
    """``(L, s)`` c(a) of the user-weighted mean new user of every source group when values move by month
    (docs/formulas.md §14, §15): sum_g N_g c_g(a) / sum_g N_g, each c_g on its group's curve and index, where no
    user joined at all group 0's user joining in month 1 (as ``sources.weighted_lifetime`` weighs per-group values).

    Summed as one: a user's subscriptions are the same in every group but for its index, so their means over the
    join months are taken once, over every group's new users weighted by its index; only what an active user pays
    and costs is taken per group, on its own curve. ``users`` N_g ``(H, s)``, ``curves`` R_g over the horizon,
    ``groups`` each group's retention, ``indices`` k_g (group 0's is 1) and ``indexed_users`` sum_g k_g N_g
    (``_SourceMix.indexed_new_users``: what the plans convert; read no more by the caller, the weights of its join
    months are written over it)."""
    ages = max(p.horizon, int(scenario.ltv_lifetime))
    joined_totals = [joined.sum(axis=0) for joined in users]
    everyone = sum(joined_totals[1:], joined_totals[0])
    anyone = everyone > 0
    # Where no one joined, every group's users are 0: divided by 1 there they are the 0 a masked division would
    # write, and group 0's user joining in month 1 stands for them all (a weight of 1 there).
    divisor = np.where(anyone, everyone, 1.0)
    alone = np.where(anyone, 0.0, 1.0)

    def mean_over(summed_users: FloatArray, joined: FloatArray, stand_in: bool,
                  own: bool = False) -> Callable[..., FloatArray]:
        """Means over the join months weighted by some users' share of everyone who joined (``summed_users`` their
        sum over the months, ``joined`` them by month), with group 0's stand-in user where ``stand_in``. The weights
        sum to that share, not to 1: a constant value's mean is the value times it. Only a value that moves by month
        reads the weights of each join month, divided out the first time (over ``joined`` itself where it is this
        function's ``own``). A mean is taken of terms, times an optional ``scale`` (``_apply``'s)."""
        share = summed_users / divisor + alone if stand_in else summed_users / divisor
        weights: list[FloatArray] = []
        done: dict[int, FloatArray] = {}

        def summed(series: FloatArray) -> FloatArray:
            if not moves(series):
                return series * share
            if not weights:
                weights.append(np.divide(joined, divisor, out=joined if own else None))
                if stand_in:
                    weights[0][0] += alone
            return offset_mean(weights[0], series, ages)

        return lambda terms, scale=None: _apply(terms, summed, done, scale)

    # A user's subscriptions are its group's index times group 0's: their weights are the users each index scales.
    subscriptions_mean = mean_over(
        sum((index * group_total for group_total, index in zip(joined_totals[1:], indices[1:], strict=True)), joined_totals[0]),
        indexed_users, True, own=True)
    # Each plan's payments times the mean of its price, multiplied as that mean is summed. Summed from the first plan's
    # own new array, not onto zeros (0 + x is x: no plan pays a negative amount).
    by_plan = [_kept(subscriptions_mean(price, payments[:ages]), keep) for payments, price, keep in subscriptions.plans]
    mean = sum(by_plan[1:], by_plan[0]) if by_plan else np.zeros((ages, p.samples))
    if subscriptions.in_force is not None:
        add_product(mean, subscriptions.in_force[:ages], subscriptions_mean(as_terms(subscriptions.serving)), -1)
    for g, (joined, joined_total, curve, retention, index) in enumerate(zip(users, joined_totals, curves, groups, indices,
                                                                             strict=True)):
        long_curve = curve if ages == p.horizon else _retention_by_age(retention, ages, p)
        net_per_active = _per_active_terms(scenario, p, None if g == 0 else index)[1]
        add_product(mean, long_curve[:ages], mean_over(joined_total, joined, g == 0)(net_per_active))
    return mean[: int(scenario.ltv_lifetime)]


def _moving_gross_worth(scenario: Scenario, curves: list[FloatArray], indices: list[FloatArray], months: int,
                        p: _Params) -> list[FloatArray]:
    """``(T, s)`` per source group, T = ``months``: the gross revenue one user joining in month s pays in months
    s..T, at the values of the calendar months it pays in (a gate's test, docs/formulas.md §18); ``curves`` R_g by
    age over >= T ages, ``indices`` k_g (group 0's is 1). The subscriptions are summed once: every group's are
    group 0's times its index."""
    monetization = scenario.monetization
    plans = [(_plan_payments_by_age(plan, months, p), monthly_terms(plan.price, p.horizon, p.samples), np.ones(1))
             for plan in monetization.plans]
    subscriptions, _ = subscriptions_worth(plans, months)
    return [active_worth(curve, _per_active_terms(scenario, p, None if g == 0 else index), months)[0]
            + subscriptions * (1.0 if g == 0 else index)
            for g, (curve, index) in enumerate(zip(curves, indices, strict=True))]


def _per_active_terms(scenario: Scenario, p: _Params, index: FloatArray | None) -> tuple[Terms, Terms]:
    """An active user's gross revenue and contribution per calendar month, as terms, for users of conversion index
    ``index`` (None: 1). The index scales what a user buys, so the deliveries too, never the serving of an active
    user. Built once a chunk per index (read only): the gates' tests and the mean user read the same."""
    return p.once("per active", scenario.monetization if index is None else index,
                  lambda: _built_per_active_terms(scenario, p, index))


def _built_per_active_terms(scenario: Scenario, p: _Params, index: FloatArray | None) -> tuple[Terms, Terms]:
    monetization = scenario.monetization
    gross_per_active: Terms = []

    def terms(value: Moving) -> Terms:
        return monthly_terms(value, p.horizon, p.samples)

    net_per_active = scaled_terms(terms(scenario.costs.serving_per_active_user), -1.0)
    for item in monetization.purchases:
        units = terms(item.rate)
        units = units if index is None else scaled_terms(units, index)
        revenue = times(units, terms(item.price))
        gross_per_active += revenue
        net_per_active += scaled_terms(revenue, 1.0 - p(monetization.revenue_fee if item.fee is None else item.fee))
        net_per_active += scaled_terms(units, -p(item.unit_cost))
    return gross_per_active, net_per_active


def user_contribution_by_age(revenue: _RevenueByAge, serving_by_age: FloatArray, retention: FloatArray,
                             delivery_per_active: FloatArray | None) -> FloatArray:
    """``(H, s)`` c(a): one user's net revenue less its serving and deliveries, by age."""
    contribution = revenue.net_by_age - serving_by_age
    return contribution if delivery_per_active is None else contribution - retention * delivery_per_active


def _lifetime_contribution(scenario: Scenario, contribution_by_age: FloatArray, lifetime: int, p: _Params,
                           delivery_per_active: FloatArray | None = None, curve: Retention | None = None,
                           index: FloatArray | None = None) -> FloatArray:
    """``(L, s)`` c(a) for ages ``0..L-1``, L = ltv_months, past the horizon when L > H (docs/formulas.md §5, ltv).

    ``curve`` and ``index``: a source group's own retention and conversion index (default: the scenario's, 1)."""
    if lifetime <= contribution_by_age.shape[0]:
        return contribution_by_age[:lifetime]
    retention = _retention_by_age(scenario.retention if curve is None else curve, lifetime, p)
    monetization = scenario.monetization
    _, purchase_net = _purchase_per_active(monetization, p)
    net = retention * purchase_net
    payments_by_age: dict[int, FloatArray] = {}
    for plan in monetization.plans:
        net = net + _plan_cash_by_age(plan, lifetime, p) * (1.0 - p(monetization.revenue_fee if plan.fee is None else plan.fee))
        payments_by_age.setdefault(int(plan.period_months), np.zeros((lifetime, p.samples)))[...] += (
            _plan_payments_by_age(plan, lifetime, p))
    serving_per_subscriber = p(scenario.costs.serving_per_subscriber)
    if some(serving_per_subscriber):
        net = net - _subscribers(payments_by_age, net.shape) * serving_per_subscriber
    if delivery_per_active is not None:
        net = net - retention * delivery_per_active
    # The index scales a group's subscriptions and purchases, so the serving and deliveries they cost with them,
    # not the active users' compute.
    if index is not None:
        net = net * index
    return net - retention * p(scenario.costs.serving_per_active_user)
