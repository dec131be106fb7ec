"""What one new user is worth, by age, by join month and over the LTV lifetime (docs/formulas.md §5, §14)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from aigc_roi.model.active_users import _retention_by_age
from aigc_roi.model.by_month import (
    PlanTerms,
    Terms,
    as_terms,
    cohort_matrix,
    is_by_month,
    join_weights,
    monthly_terms,
    offset_mean,
    per_user_values,
    scaled_terms,
    times,
    total,
    worth_by_join,
)
from aigc_roi.model.monthly_revenue import _purchase_per_active, _subscribers
from aigc_roi.model.params import _Params
from aigc_roi.model.plan_payments import _plan_cash_by_age, _plan_payments_by_age
from aigc_roi.model.revenue import plan_cash_by_age
from aigc_roi.model.scenario import FloatArray, Moving, Retention, Scenario


@dataclass(frozen=True)
class _PerUser:
    """What one new user is worth, by age and by join month (docs/formulas.md §14)."""

    gross_by_age: FloatArray
    """``(H, s)`` gross revenue at age a (user-weighted over the join months when values move)."""
    contribution_by_age: FloatArray
    """``(H, s)`` c(a), likewise."""
    lifetime_contribution: FloatArray
    """``(L, s)`` c(a) over the LTV lifetime."""
    gross_worth: FloatArray
    """``(H, s)`` gross revenue of one user joining in month s over the rest of the horizon."""
    contribution_worth: FloatArray
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


def _moving_per_user(scenario: Scenario, new_users: FloatArray, retention: FloatArray, p: _Params,
                     curve: Retention | None = None, index: FloatArray | None = None) -> _PerUser:
    """``_PerUser`` when values move: a user joining in s pays and costs the values of calendar month s + a
    (the last given value past the horizon); by age, the mean over every new user of the horizon.

    ``curve`` and ``index``: a source group's own retention (``retention`` is it by age over the horizon) and
    conversion index (docs/formulas.md §15); default the scenario's and 1."""
    horizon = new_users.shape[0]
    ages = max(horizon, int(scenario.ltv_lifetime))
    long_retention = (retention if ages == horizon
                      else _retention_by_age(scenario.retention if curve is None else curve, ages, p))
    weights = join_weights(new_users)
    gross_per_active, net_per_active, plans = _moving_values(scenario, ages, p, index)
    gross_mean, mean, gross_worth, worth = per_user_values(long_retention, weights, (gross_per_active, net_per_active),
                                                           plans, ages)
    serving_per_subscriber = p.monthly(scenario.costs.serving_per_subscriber)
    costs_by_age = []
    if np.any(serving_per_subscriber != 0):
        # A subscription in force at age a costs that calendar month's serving (docs/formulas.md §4.10, §14):
        # a cost on the subscriptions, so in the contribution only, never in the gross revenue. The payments
        # carry the group's index, so the subscriptions in force do too.
        by_period: dict[int, FloatArray] = {}
        for plan, (paid, _, _) in zip(scenario.monetization.plans, plans, strict=True):
            by_period.setdefault(int(plan.period_months), np.zeros((ages, p.samples)))[...] += paid
        in_force_by_age = _subscribers(by_period, (ages, p.samples))
        mean = mean - in_force_by_age[:ages] * offset_mean(weights, serving_per_subscriber, ages)
        worth = worth - worth_by_join(in_force_by_age, serving_per_subscriber, horizon)
        costs_by_age.append((in_force_by_age, as_terms(serving_per_subscriber), np.full(p.samples, -1.0)))
    # The cohort table is one sample's (a run's): a batch of samples or candidates never reads it.
    cohorts = (cohort_matrix(new_users, long_retention, total(net_per_active), plans + costs_by_age)[None]
               if p.samples == 1 else None)
    return _PerUser(gross_mean[:horizon], mean[:horizon], mean[: int(scenario.ltv_lifetime)], gross_worth, worth, cohorts,
                    by_join=True)


def _moving_gross_worth(scenario: Scenario, retention: FloatArray, months: int, p: _Params,
                        index: FloatArray | None = None) -> FloatArray:
    """``(T, s)`` T = ``months``: the gross revenue one user joining in month s pays in months s..T, at the values of
    the calendar months it pays in (a gate's test, docs/formulas.md §18); ``retention`` by age over >= T ages."""
    gross_per_active, _, plans = _moving_values(scenario, months, p, index)
    # The join weights only shape the means by age, which a test does not read.
    weights = np.full((months, p.samples), 1.0 / months)
    return per_user_values(retention, weights, (gross_per_active, []), plans, months)[2]


def _moving_values(scenario: Scenario, ages: int, p: _Params, index: FloatArray | None
                   ) -> tuple[Terms, Terms, PlanTerms]:
    """An active user's gross revenue and contribution per calendar month, as terms, and per plan its payments by age
    ``(ages, s)``, price by month (terms) and share kept, for users of conversion index ``index`` (None: 1). The index
    scales what a user buys, so the deliveries too, never the serving of an active user."""
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
    payments = [np.ascontiguousarray(plan_cash_by_age(dataclasses.replace(plan, price=1.0), ages, p.samples).T)
                for plan in monetization.plans]
    if index is not None:
        payments = [paid * index for paid in payments]
    prices = [terms(plan.price) for plan in monetization.plans]
    keeps = [1.0 - p(monetization.revenue_fee if plan.fee is None else plan.fee) for plan in monetization.plans]
    return gross_per_active, net_per_active, list(zip(payments, prices, keeps, strict=True))


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
    if np.any(serving_per_subscriber != 0):
        net = net - _subscribers(payments_by_age, net.shape) * serving_per_subscriber
    if delivery_per_active is not None:
        net = net - retention * delivery_per_active
    # The index scales a group's subscriptions and purchases, so the serving and deliveries they cost with them,
    # not the active users' compute.
    if index is not None:
        net = net * index
    return net - retention * p(scenario.costs.serving_per_active_user)
