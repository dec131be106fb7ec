"""One chunk of samples through every stage of the model (docs/formulas.md §4), assembled into series and figures."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from aigc_roi.model.accrual import accrual_series
from aigc_roi.model.acquisition import (
    _acquisition,
    _new_users,
    _source_months,
    _source_users_by_month,
    _unit_cost,
    _viral_users,
)
from aigc_roi.model.active_users import _active_users, _retention_by_age
from aigc_roi.model.by_month import moves
from aigc_roi.model.cashflow import discount_factors
from aigc_roi.model.channel_months import ChannelMonths
from aigc_roi.model.cohort_products import CohortProducts, users_shared
from aigc_roi.model.figure_values import FIGURE_SERIES, FigureInputs
from aigc_roi.model.gated_plan import _gated_plan
from aigc_roi.model.gates import GateRun
from aigc_roi.model.layout import _Layout
from aigc_roi.model.monthly_costs import _delivery, _delivery_per_active, _fixed_costs, _referral, _serving, _serving_by_age
from aigc_roi.model.monthly_revenue import _revenue, _revenue_by_age
from aigc_roi.model.paid_contribution import _paid_by_month
from aigc_roi.model.params import _is_plain_zero, _once_if_shared, _Params, every, some
from aigc_roi.model.per_user import (
    _lifetime_contribution,
    _moving_mean_user,
    _moving_per_user,
    _moving_subscriptions,
    _per_user_values_move,
    _PerUser,
    user_contribution_by_age,
)
from aigc_roi.model.result import MONTH_SERIES
from aigc_roi.model.running import running_sum
from aigc_roi.model.scenario import FloatArray, Scenario
from aigc_roi.model.source_mix import _SourceMix
from aigc_roi.model.sources import (
    conversion_indices,
    group_of_sources,
    groups_like,
    weighted_lifetime,
    worth_by_age,
)


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
    inputs: FigureInputs | None = None
    """What the figures were computed from; kept by a figures-only chunk."""


def _evaluate_chunk(scenario: Scenario, layout: _Layout, samples: int, irr: bool, series: bool = True,
                    share: bool = False) -> _Chunk:
    """The chunk's series and figures; with ``series`` False its figures, cumulative cash and gates alone (the rest
    of the ``_Chunk`` is left empty), without the series no figure reads: subscribers and the accrual view. With
    ``share`` (figures only), samples that share their users or one user's amounts sum their cohorts as matrix
    products (model/cohort_products.py)."""
    H = layout.horizon
    p = _Params(samples, H)
    # Samples that share their users or one user's amounts sum their cohorts as matrix products
    # (model/cohort_products.py); those that share their users buy them once.
    products = share and not series and samples > 1 and not scenario.gates
    users_once = products and len(layout.group_channels) <= 1 and users_shared(scenario)
    acquired = _acquisition(scenario.acquisition, layout, _Params(1, H) if users_once else p)
    # A plan with gates sums what its channels buy after them (_gated_plan), never before.
    bought = None if scenario.gates else acquired.bought()
    if users_once:
        assert bought is not None, "samples that share their users have no gates"
        acquired, bought = acquired.for_samples(samples), bought.for_samples(samples)
    unit_users, unit_spend = acquired.unit_users, acquired.unit_spend
    virality = np.array(p(scenario.virality))
    organic = p.monthly(scenario.organic_users)
    retention = _retention_by_age(scenario.retention, H, p)
    groups = groups_like(scenario, layout.group_channels)
    curves = [retention] + [_retention_by_age(group.retention, H, p) for group in groups[1:]]
    indices = conversion_indices(groups, scenario.monetization, p)
    channel_months = ChannelMonths(acquired, layout.source_masks[: len(scenario.acquisition)])
    gates = activity = None
    if bought is None:
        # The activity by source is read by the series (Result.channel_activity, the sources' months) only.
        gates, bought_users, paid_users, ad_spend, activity = _gated_plan(scenario, layout, groups, curves, indices,
                                                                          channel_months, virality, p, series)
    else:
        bought_users, paid_users, ad_spend = bought
    shares = None if gates is None else gates.stops
    new_users = _new_users(bought_users, organic, virality)
    # Group 0's users and the referral rewards read the same viral users: multiplied out once.
    viral = (_viral_users(new_users, virality) if len(groups) > 1 or not _is_plain_zero(scenario.referral_reward)
             else None)
    mix = None if viral is None or len(groups) == 1 else _SourceMix.of(groups, curves, indices, p, channel_months,
                                                                        shares, organic, viral)
    values_move = _per_user_values_move(scenario)
    shared = CohortProducts.of(scenario, retention) if products and mix is None and not values_move else None
    # The subscribers in force are read by the series and by serving per subscriber alone: figures alone skip the
    # payments that count them (a pass over each plan's months), as the paid channels' revenue does; nor do they keep
    # the net revenue apart from the gross where the two are the same numbers.
    subscribers = series or not _is_plain_zero(scenario.costs.serving_per_subscriber)
    net_shared = not series
    if shared is not None:
        active = purchasers = shared.active(new_users)
        revenue = shared.revenue_of(scenario.monetization, new_users)
    elif mix is None:
        active = purchasers = _active_users(new_users, scenario.retention, retention, p)
        revenue = _revenue(scenario.monetization, new_users, active, p, subscribers=subscribers, net_shared=net_shared)
    else:
        active, purchasers = mix.active, mix.indexed_active
        revenue = _revenue(scenario.monetization, mix.indexed_new_users, mix.indexed_active, p, subscribers=subscribers,
                           net_shared=net_shared)
    # Only the series read the active users after their serving, where they are not the purchasers.
    serving = _serving(scenario.costs, active, revenue, p, active_read=series or active is purchasers)
    fixed = _fixed_costs(scenario.costs, H, p, spread=series)
    delivery_per_active = _delivery_per_active(scenario.monetization, p)
    # A group's conversion index scales its purchases, so the deliveries they cost with them. Figures alone read the
    # purchasers no more (nor the active users, where they are the purchasers, after their serving).
    delivery = _delivery(scenario.monetization, purchasers, delivery_per_active, p, active_read=series)
    viral_share, referral = _referral(scenario.referral_reward, new_users, viral, p)
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
        "fixed_cost": fixed,
        "contribution": contribution,
        "net_cash": net_cash,
        "cumulative_cash": running_sum(net_cash),
    }
    if series:
        # Only the series read the deliveries and rewards by month, a plan without them an array of zeros each
        # (zeros, not zeros_like: the new users are a recursion's fresh array, whose layout np.zeros takes, and
        # zeros_like's Python costs a run ten times as much).
        months |= {"delivery_cost": np.zeros(new_users.shape) if delivery is None else delivery,
                   "referral_cost": np.zeros(new_users.shape) if referral is None else referral}
        # Recognised/deferred revenue: the accrual view of the subscription cash (model/accrual.py).
        recognised, deferred = (part.T for part in accrual_series(
            revenue.gross.T, {period: cash.T for period, cash in revenue.subscriptions_by_period.items()}))
        months |= {"subscribers": revenue.subscribers, "recognised_revenue": recognised, "deferred_revenue": deferred}
        # The paid channels' contribution joins them once computed, below.
        months = {name: months[name] for name in MONTH_SERIES[:-1]}
    lifetime = int(scenario.ltv_lifetime)
    reward = p(scenario.referral_reward)
    # Per source group (model/sources.py), what one of its users is worth when values move by month; group 0's
    # stands for the scenario's own user. Only the series read a group's own values (the attribution, a channel's
    # ltv); the figures read the mean user of every group, summed as one (_moving_mean_user).
    # A user's subscriptions are the same in every group but for its index: summed once for all of them.
    subscriptions = _moving_subscriptions(scenario, max(H, lifetime), p, worth=series) if values_move else None
    per_group = None if mix is None or subscriptions is None or not series else [
        _moving_per_user(scenario, users, curve, p, subscriptions, group.retention, None if g == 0 else index)
        for g, (users, curve, index, group) in enumerate(zip(mix.new_users, mix.retention, mix.indices, groups, strict=True))]
    per_user: _PerUser | None = None
    if per_group is not None:
        per_user = per_group[0]
    elif subscriptions is not None and mix is None:
        per_user = _moving_per_user(scenario, new_users, retention, p, subscriptions, gross=series,
                                    worth=series)
    elif shared is not None:
        # A figures-only chunk reads a user's values over the lifetime alone (one column where every sample's is the same).
        per_user = _PerUser(None, shared.contribution, shared.lifetime_contribution(scenario, lifetime, samples))
    elif subscriptions is None:
        # Figures alone read the net revenue by age, and the payments only where serving charges subscribers.
        user_revenue = _revenue_by_age(scenario.monetization, retention, p, gross=series,
                                       payments=not _is_plain_zero(scenario.costs.serving_per_subscriber))
        serving_by_age, subscriber_serving_by_age = _serving_by_age(scenario.costs, user_revenue, retention, p)
        user_contribution = user_contribution_by_age(user_revenue, serving_by_age, retention, delivery_per_active)
        per_user = _PerUser(user_revenue.gross_by_age, user_contribution,
                            _lifetime_contribution(scenario, user_contribution, lifetime, p, delivery_per_active))
    discount_rate = _once_if_shared(p(scenario.discount_rate))
    lifetime_discount = discount_factors(discount_rate, lifetime)
    # Paid means spending (docs/formulas.md §2): only the spending channels' users feed the paid figures.
    every_channel_paid = every(unit_spend > 0)
    by_group: dict[str, list[FloatArray]] = {}
    lifetimes: list[FloatArray] = []
    if mix is None:
        assert per_user is not None, "one source group always has its user's values"
        lifetime_contribution = per_user.lifetime_contribution
        paid_by_group = [months["paid_users"]]
    else:
        if subscriptions is None:
            assert per_user is not None, "values that do not move are the scenario's user's"
            by_group = mix.by_age(user_revenue, p(scenario.costs.serving_per_active_user), subscriber_serving_by_age,
                                  per_user.contribution_by_age, delivery_per_active, gross_revenue=series)
            lifetimes = [_lifetime_contribution(scenario, own, lifetime, p, delivery_per_active, group.retention, index)
                         for group, index, own in zip(groups, mix.indices, by_group["contribution"], strict=True)]
            lifetime_contribution = weighted_lifetime(lifetimes, mix.new_users)
        else:
            lifetime_contribution = _moving_mean_user(scenario, mix.new_users, mix.retention,
                                                      [group.retention for group in groups], mix.indices,
                                                      mix.indexed_new_users, subscriptions, p)
        if per_group is not None:
            by_group = {"gross": [_computed(one.gross_by_age) for one in per_group],
                        "contribution": [one.contribution_by_age for one in per_group]}
            lifetimes = [one.lifetime_contribution for one in per_group]
        by_group["new_users"] = mix.new_users
        by_group["retention"] = mix.retention
        paid_by_group = (mix.bought if every_channel_paid
                         else [channel_months.summed(group.channels, shares, paying_only=True) for group in groups])
    # A channel's own users bring no reward of their own: the ltv of its users (the series' alone) is before the rewards.
    own_lifetimes = lifetimes or [lifetime_contribution]
    if referral is not None:
        # c(0) of a viral user carries its reward: the user-weighted mean carries the viral users' share of it. It is
        # taken off a copy of a user's own values; the mean user of every group when values move is a new array of
        # its own (and no channel's ltv reads it), taken off in place.
        if mix is None or subscriptions is None:
            lifetime_contribution = np.array(lifetime_contribution)
        lifetime_contribution[0] -= viral_share * reward
    every_user_paid = every_channel_paid and not some(organic)
    paid_gross, paid_contribution = _paid_by_month(scenario, months, every_user_paid, paid_by_group, virality, groups,
                                                   [retention] if mix is None else mix.retention,
                                                   [p(1.0)] if mix is None else mix.indices, delivery_per_active, p,
                                                   None if mix is None else mix.others, shared)
    if series:
        # The series a reader rebuilds paid_payback_month from (the run's months table); the figure's own cash below.
        months["paid_contribution"] = paid_contribution
    # (s, 2): the paid channels' gross revenue and contribution over the horizon.
    paid = np.empty((samples, 2))  # np.stack's layout, without its Python
    paid[:, 0], paid[:, 1] = np.add.reduce(paid_gross, axis=0), np.add.reduce(paid_contribution, axis=0)
    # The paid channels' cash is this chunk's own, read no more: summed where it is, not copied first.
    paid_cumulative = running_sum(paid_contribution - ad_spend, own=True)
    inputs = FigureInputs({**{name: months[name] for name in FIGURE_SERIES}, "paid": paid.T,
                           "paid_cumulative": paid_cumulative, "lifetime_contribution": lifetime_contribution},
                          discount_rate, lifetime_discount)
    figures = inputs.figures(irr)
    if not series:
        # Net cash too: whether an IRR is a borrowing rate is read from its signs (engine.evaluate_batch).
        kept = {name: months[name] for name in ("cumulative_cash", "net_cash")}
        return _Chunk(months=kept, figures=figures, by_age={}, by_source={}, by_sample={}, by_group={}, gates=gates,
                      inputs=inputs)

    assert per_user is not None, "a chunk with series has its user's values"
    contribution_by_age = per_user.contribution_by_age
    # The attribution (Result.channel_*) reads what one user of each group is worth by join month, less the rewards
    # of the k viral users every user brings a month later.
    gross_worth, contribution_worth = _worth_of(per_user)
    contribution_worth = _less_rewards(contribution_worth, referral, virality, reward)
    if mix is not None:
        worths = ([_worth_of(one) for one in per_group] if per_group is not None
                  else [(worth_by_age(gross), worth_by_age(own)) for gross, own in zip(by_group["gross"], by_group["contribution"],
                                                                                    strict=True)])
        by_group["gross_worth"] = [gross for gross, _ in worths]
        by_group["contribution_worth"] = [_less_rewards(own, referral, virality, reward) for _, own in worths]
    unit_cost = np.array([_unit_cost(ch, p) for ch in scenario.acquisition]).reshape(-1, samples)
    if layout.organic:
        per_month = organic.mean(axis=0) if moves(organic) else organic[0]
        organic_per_month = per_month if per_month.shape == (samples,) else np.broadcast_to(per_month, (samples,))
        unit_users = np.concatenate([unit_users, organic_per_month[None, :]], axis=0)
        unit_spend = np.concatenate([unit_spend, np.zeros((1, samples))], axis=0)
        unit_cost = np.concatenate([unit_cost, np.full((1, samples), np.nan)], axis=0)
    moving_sources, by_source_month = _source_months(acquired, organic, layout, p)
    if activity is not None and moving_sources:
        # The gates stop a source's users and spend by month as they stop its plan.
        by_source_month = {name: series * activity[list(moving_sources)] for name, series in by_source_month.items()}
    # A channel's own ltv is the mean over the users it bought: none when it bought none.
    if subscriptions is not None:
        # Values by month: the users a source bought in month s live the values of months s, s + 1, ..., on the
        # curve and index of the source's group.
        group_of = group_of_sources(groups, len(layout.source_names))
        ltv = np.array([(_moving_per_user(scenario, users, curves[group_of[source]], p, subscriptions,
                                          groups[group_of[source]].retention,
                                          None if group_of[source] == 0 else indices[group_of[source]],
                                          gross=False, worth=False).lifetime_contribution * lifetime_discount).sum(axis=0)
                        for source, users in enumerate(_source_users_by_month(acquired, organic, layout, p, activity))])
    else:
        group_ltv = [(own * lifetime_discount).sum(axis=0) for own in own_lifetimes]
        ltv = np.array([group_ltv[g] for g in group_of_sources(groups, len(layout.source_names))]).reshape(-1, samples)
    bought_any = (unit_users * layout.source_masks.sum(axis=1)[:, None] if activity is None
                  else (activity * unit_users[:, None, :]).sum(axis=1)) > 0
    ltv = np.where(bought_any, ltv, np.nan)
    cohorts = per_user.cohorts
    if per_group is not None and cohorts is not None:
        # One run's cohort table: every group's cohorts, each on its own curve and index.
        cohorts = cohorts + sum(one.cohorts for one in per_group[1:] if one.cohorts is not None)
    by_age = {"retention": retention, "gross": _computed(per_user.gross_by_age), "contribution": contribution_by_age}
    if per_user.by_join or referral is not None:
        # Otherwise the worth by join month is the running sum of the values by age (Result.worth).
        by_age |= {"gross_worth": gross_worth, "contribution_worth": contribution_worth}
    return _Chunk(
        months=months,
        figures=figures,
        by_age=by_age,
        by_source={"users": unit_users, "spend": unit_spend, "unit_cost": unit_cost, "ltv": ltv},
        by_sample={"virality": virality},
        by_group=by_group,
        gates=gates,
        activity=activity,
        cohorts=cohorts,
        moving_sources=moving_sources,
        by_source_month=by_source_month,
    )


def _worth_of(per_user: _PerUser) -> tuple[FloatArray, FloatArray]:
    """``(H, s)`` gross revenue and contribution of one user by join month: computed with the values by join month
    when they move, else the running sums of the values by age."""
    if per_user.gross_worth is not None and per_user.contribution_worth is not None:
        return per_user.gross_worth, per_user.contribution_worth
    return worth_by_age(_computed(per_user.gross_by_age)), worth_by_age(per_user.contribution_by_age)


def _computed(series: FloatArray | None) -> FloatArray:
    """A value by age that a chunk with series computes (None only in a figures-only chunk, which never reads it)."""
    assert series is not None, "a chunk with series computes the gross revenue by age"
    return series


def _less_rewards(worth: FloatArray, referral: FloatArray | None, virality: FloatArray, reward: FloatArray) -> FloatArray:
    """``(H, s)`` a user's contribution worth by join month less the rewards of the k viral users it brings in the
    month after it joins (the attribution's credit chain, docs/formulas.md §17)."""
    if referral is None:
        return worth
    worth = np.array(worth)
    worth[:-1] -= virality * reward
    return worth
