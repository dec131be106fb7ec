"""One chunk of samples through every stage of the model (docs/formulas.md §4), assembled into series and figures."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from aigc_roi.model.accrual import accrual_series
from aigc_roi.model.acquisition import _acquisition, _new_users, _source_months, _source_users_by_month, _unit_cost
from aigc_roi.model.active_users import _active_users, _retention_by_age
from aigc_roi.model.by_month import moves
from aigc_roi.model.cashflow import discount_factors
from aigc_roi.model.figure_values import _figures
from aigc_roi.model.gated_plan import _gated_plan
from aigc_roi.model.gates import GateRun
from aigc_roi.model.headline import paid_totals_by_worth
from aigc_roi.model.layout import _Layout
from aigc_roi.model.monthly_costs import _delivery, _delivery_per_active, _fixed_costs, _referral, _serving, _serving_by_age
from aigc_roi.model.monthly_revenue import _revenue, _revenue_by_age
from aigc_roi.model.paid_contribution import _paid_contribution_by_month
from aigc_roi.model.params import _once_if_shared, _Params
from aigc_roi.model.per_user import _lifetime_contribution, _moving_per_user, _per_user_values_move, _PerUser
from aigc_roi.model.result import MONTH_SERIES
from aigc_roi.model.running import running_sum
from aigc_roi.model.scenario import FloatArray, Scenario
from aigc_roi.model.source_mix import _SourceMix
from aigc_roi.model.sources import (
    bought_by_group,
    conversion_indices,
    credit_per_user,
    gated_by_group,
    group_of_sources,
    groups_like,
    weighted_lifetime,
)
from aigc_roi.model.uncomposed import _refuse_uncomposed


@dataclass(frozen=True)
class _Chunk:
    """The arrays of samples ``s`` of one evaluation, sample axis last."""

    months: dict[str, FloatArray]
    """``(H, s)`` by ``MONTH_SERIES``."""
    figures: dict[str, FloatArray]
    """``(s,)`` by ``FIGURE_NAMES``."""
    by_age: dict[str, FloatArray]
    """``(H, s)``: retention, gross and contribution of one user by age."""
    by_source: dict[str, FloatArray]
    """``(C', s)``: users and spend per active month."""
    by_sample: dict[str, FloatArray]
    """``(s,)``: virality."""
    by_group: dict[str, list[FloatArray]]
    """``(H, s)`` per source group (model/sources.py): gross, contribution, retention by age and new users;
    empty when every source shares the scenario's curve and index."""
    gates: GateRun | None = None
    activity: FloatArray | None = None
    """``(C', H, s)`` share of each source's plan bought per month after the gates; None without gates."""
    cohorts: FloatArray | None = None
    """``(1, H, H)`` the cohort table when values move by month and the chunk is one sample."""
    moving_sources: tuple[int, ...] = ()
    """The sources whose users or spend move by month."""
    by_source_month: dict[str, FloatArray] = field(default_factory=dict)
    """``(M, H, s)`` users and spend by month of the ``moving_sources``."""


def _evaluate_chunk(scenario: Scenario, layout: _Layout, samples: int, irr: bool, series: bool = True) -> _Chunk:
    """The chunk's series and figures; with ``series`` False its figures, cumulative cash and gates alone (the rest
    of the ``_Chunk`` is left empty), without the series no figure reads: subscribers and the accrual view."""
    H = layout.horizon
    p = _Params(samples, H)
    acquired = _acquisition(scenario.acquisition, layout, p)
    bought_users, paid_users, ad_spend = acquired.bought_users, acquired.paid_users, acquired.ad_spend
    unit_users, unit_spend = acquired.unit_users, acquired.unit_spend
    virality = np.array(p(scenario.virality))
    organic = p.monthly(scenario.organic_users)
    retention = _retention_by_age(scenario.retention, H, p)
    groups = groups_like(scenario, layout.group_channels)
    _refuse_uncomposed(scenario, len(groups) > 1)
    curves = [retention] + [_retention_by_age(group.retention, H, p) for group in groups[1:]]
    indices = conversion_indices(groups, scenario.monetization, p)
    gates = activity = None
    if scenario.gates:
        # The activity by source is read by source groups and by the series (Result.channel_activity) only.
        gates, bought_users, paid_users, ad_spend, activity = _gated_plan(scenario, layout, groups, curves, indices, unit_users,
                                                                          unit_spend, virality, p, series or len(groups) > 1)
    new_users = _new_users(bought_users, organic, virality)
    # With source groups nothing moves by month (_refuse_uncomposed): organic is one row.
    mix = None if len(groups) == 1 else _SourceMix.of(groups, curves, indices, scenario, layout, p, unit_users, activity,
                                                      organic[0], new_users, virality)
    if mix is None:
        active = purchasers = _active_users(new_users, scenario.retention, retention, p)
        revenue = _revenue(scenario.monetization, new_users, active, p)
    else:
        active, purchasers = mix.active, mix.indexed_active
        revenue = _revenue(scenario.monetization, mix.indexed_new_users, mix.indexed_active, p)
    serving, fixed = _serving(scenario.costs, active, revenue, p), _fixed_costs(scenario.costs, H, p)
    delivery_per_active = _delivery_per_active(scenario.monetization, p)
    # A group's conversion index scales its purchases, so the deliveries they cost with them.
    delivery = _delivery(scenario.monetization, purchasers, delivery_per_active, p)
    viral_share, referral = _referral(scenario.referral_reward, new_users, virality, p)
    contribution = revenue.net - serving
    for cost in (delivery, referral):
        if cost is not None:
            contribution -= cost
    net_cash = contribution - ad_spend - fixed
    months = {
        "new_users": new_users,
        "active_users": active,
        "paid_users": paid_users,
        "gross_revenue": revenue.gross,
        "net_revenue": revenue.net,
        "ad_spend": ad_spend,
        "serving_cost": serving,
        "delivery_cost": np.zeros_like(new_users) if delivery is None else delivery,
        "referral_cost": np.zeros_like(new_users) if referral is None else referral,
        "fixed_cost": fixed,
        "contribution": contribution,
        "net_cash": net_cash,
        "cumulative_cash": running_sum(net_cash),
    }
    if series:
        # Recognised/deferred revenue: the accrual view of the subscription cash (model/accrual.py).
        recognised, deferred = (part.T for part in accrual_series(
            revenue.gross.T, {period: cash.T for period, cash in revenue.subscriptions_by_period.items()}))
        months |= {"subscribers": revenue.subscribers, "recognised_revenue": recognised, "deferred_revenue": deferred}
        months = {name: months[name] for name in MONTH_SERIES}
    lifetime = int(scenario.ltv_lifetime)
    if _per_user_values_move(scenario):
        per_user = _moving_per_user(scenario, new_users, retention, p)
    else:
        user_revenue = _revenue_by_age(scenario.monetization, retention, p)
        serving_by_age, subscriber_serving_by_age = _serving_by_age(scenario.costs, user_revenue, retention, p)
        contribution_by_age = user_revenue.net_by_age - serving_by_age
        if delivery_per_active is not None:
            contribution_by_age = contribution_by_age - retention * delivery_per_active
        per_user = _PerUser(user_revenue.gross_by_age, contribution_by_age,
                            _lifetime_contribution(scenario, contribution_by_age, lifetime, p, delivery_per_active),
                            running_sum(user_revenue.gross_by_age)[::-1], running_sum(contribution_by_age)[::-1])
    contribution_by_age = per_user.contribution_by_age
    lifetime_contribution = per_user.lifetime_contribution
    contribution_worth = per_user.contribution_worth
    reward = p(scenario.referral_reward)
    if referral is not None:
        # A user joining in s brings k viral users in s + 1, each paid its reward (attribution's credit chain).
        contribution_worth = np.array(contribution_worth)
        contribution_worth[:-1] -= virality * reward
    discount_rate = _once_if_shared(p(scenario.discount_rate))
    lifetime_discount = discount_factors(discount_rate, lifetime)
    # Paid means spending (docs/formulas.md §2): only the spending channels' users feed the paid figures.
    every_channel_paid = bool((unit_spend > 0).all())
    by_group: dict[str, list[FloatArray]] = {}
    if mix is None:
        # One series at a time: stacking the two would copy both.
        paid = np.stack([paid_totals_by_worth(months["paid_users"].T, worth.T, virality)
                         for worth in (per_user.gross_worth, contribution_worth)], axis=1)
        # A channel's own users bring no reward of their own: the ltv of its users is before the rewards.
        group_ltv = [(lifetime_contribution * lifetime_discount).sum(axis=0)]
        paid_by_group = [months["paid_users"]]
    else:
        # With source groups nothing moves by month (_refuse_uncomposed): the values by age above were computed.
        by_group = mix.by_age(user_revenue, p(scenario.costs.serving_per_active_user), subscriber_serving_by_age,
                              contribution_by_age, delivery_per_active)
        by_group["new_users"] = mix.new_users
        by_group["retention"] = mix.retention
        spending_users = np.where(unit_spend > 0, unit_users, 0.0)
        paid_by_group = (mix.bought if every_channel_paid
                         else bought_by_group(groups, spending_users, layout.source_masks[: len(scenario.acquisition)].T, H)
                         if activity is None else gated_by_group(groups, spending_users, activity))
        # One series at a time, as above: (s, 2) of the paid channels' gross revenue and contribution.
        paid = np.stack([sum((bought * credit).sum(axis=0) for bought, credit in
                             zip(paid_by_group, credit_per_user(by_group[name], virality), strict=True))
                         for name in ("gross", "contribution")], axis=1)
        lifetimes = [_lifetime_contribution(scenario, own, lifetime, p, delivery_per_active, group.retention, index)
                     for group, index, own in zip(groups, mix.indices, by_group["contribution"], strict=True)]
        group_ltv = [(own * lifetime_discount).sum(axis=0) for own in lifetimes]
        lifetime_contribution = weighted_lifetime(lifetimes, mix.new_users)
    if referral is not None:
        # c(0) of a viral user carries its reward: the user-weighted mean carries the viral users' share of it.
        lifetime_contribution = np.array(lifetime_contribution)
        lifetime_contribution[0] -= viral_share * reward
    every_user_paid = every_channel_paid and not bool((organic != 0).any())
    paid_cash = _paid_contribution_by_month(scenario, months, every_user_paid, paid_by_group, virality, groups,
                                            [retention] if mix is None else mix.retention,
                                            [p(1.0)] if mix is None else mix.indices, delivery_per_active, p) - ad_spend
    figures = _figures(months, paid, running_sum(paid_cash), lifetime_contribution, discount_rate, lifetime_discount, irr)
    if not series:
        return _Chunk(months={"cumulative_cash": months["cumulative_cash"]}, figures=figures, by_age={}, by_source={},
                      by_sample={}, by_group={}, gates=gates)

    unit_cost = np.array([_unit_cost(ch, p) for ch in scenario.acquisition]).reshape(-1, samples)
    if layout.organic:
        organic_per_month = np.broadcast_to(organic.mean(axis=0) if moves(organic) else organic[0], (samples,))
        unit_users = np.concatenate([unit_users, organic_per_month[None, :]], axis=0)
        unit_spend = np.concatenate([unit_spend, np.zeros((1, samples))], axis=0)
        unit_cost = np.concatenate([unit_cost, np.full((1, samples), np.nan)], axis=0)
    moving_sources, by_source_month = _source_months(acquired, organic, layout, p)
    # A channel's own ltv is the mean over the users it bought: none when it bought none.
    if per_user.by_join:
        # Values by month: the users a source bought in month s live the values of months s, s + 1, ...
        ltv = np.array([(_moving_per_user(scenario, users, retention, p).lifetime_contribution * lifetime_discount).sum(axis=0)
                        for users in _source_users_by_month(acquired, organic, layout, p)])
    else:
        ltv = np.array([group_ltv[g] for g in group_of_sources(groups, len(layout.source_names))]).reshape(-1, samples)
    bought_any = (unit_users * layout.source_masks.sum(axis=1)[:, None] if activity is None
                  else (activity * unit_users[:, None, :]).sum(axis=1)) > 0
    ltv = np.where(bought_any, ltv, np.nan)
    by_age = {"retention": retention, "gross": per_user.gross_by_age, "contribution": contribution_by_age}
    if per_user.by_join or referral is not None:
        # Otherwise the worth by join month is the running sum of the values by age (Result.worth).
        by_age |= {"gross_worth": per_user.gross_worth, "contribution_worth": contribution_worth}
    return _Chunk(
        months=months,
        figures=figures,
        by_age=by_age,
        by_source={"users": unit_users, "spend": unit_spend, "unit_cost": unit_cost, "ltv": ltv},
        by_sample={"virality": virality},
        by_group=by_group,
        gates=gates,
        activity=activity,
        cohorts=per_user.cohorts,
        moving_sources=moving_sources,
        by_source_month=by_source_month,
    )
