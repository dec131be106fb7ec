"""The floor the engine is measured against: monthly net cash and nothing else.

A minimal numpy computation of spec section 3 for the shapes the engine
benchmark uses (cpa channels bought by budget at a bid that may move by
month, optionally saturated, in given months; organic users and virality; retention by points; plans and
purchases; serving and fixed costs). It computes no figure, no attribution,
no per-age series and validates nothing, and it is written independently of
``aigc_roi.model.engine``, so ``tests/bench/test_floor.py`` can check one against the
other.

Cumulative form: with ``R`` linear between retention points and flat after
the last, the month-on-month change of active users is
``A(t) - A(t-1) = sum_a (R(a) - R(a-1)) N(t-a)``, where the difference is the
constant slope of each segment; each segment is then a window sum of ``N``,
read off a running sum of ``N``. Everything is month-major ``(H, S)``, each
recursion one vector operation per month.
"""

from __future__ import annotations

import numpy as np

from aigc_roi.model.scenario import ByMonth, CpaChannel, FloatArray, Moving, RetentionPoints, Scenario, Value


def monthly_net_cash(scenario: Scenario, samples: int) -> FloatArray:
    """``(samples, H)`` net cash of a realized scenario (see the module docstring for what it supports)."""
    horizon = scenario.horizon_months

    def row(value: Value) -> FloatArray:
        return np.broadcast_to(np.asarray(value, dtype=np.float64).reshape(-1), (samples,))

    def by_month(value: Moving) -> FloatArray:
        """``(H, samples)``: a value written by month, linear between given months and flat outside them
        (``np.interp`` holds the end values); a plain value in every month."""
        if not isinstance(value, ByMonth):
            return np.broadcast_to(row(value), (horizon, samples))
        given = [month for month, _ in value.points]
        basis = np.stack([np.interp(np.arange(1, horizon + 1), given, unit) for unit in np.eye(len(given))], axis=1)
        return basis @ np.stack([row(point) for _, point in value.points])

    def in_months(months: tuple[int, ...] | None) -> FloatArray:
        mask = np.zeros((horizon, 1))
        mask[[m - 1 for m in months or range(1, horizon + 1) if m <= horizon]] = 1.0
        return mask

    paid = np.zeros((horizon, samples))
    ad_spend = np.zeros((horizon, samples))
    for channel in scenario.acquisition:
        if not isinstance(channel, CpaChannel) or channel.budget is None:
            raise NotImplementedError("the floor buys cpa channels by budget only")
        budget = row(channel.budget)
        users = budget / by_month(channel.bid)
        if channel.saturation_budget is not None:
            users = users * row(channel.saturation_budget) / (budget + row(channel.saturation_budget))
        paid += in_months(channel.months) * users
        ad_spend += in_months(channel.months) * budget

    virality = row(scenario.virality)
    new_users = paid + row(scenario.organic_users)
    for t in range(1, horizon):
        new_users[t] += virality * new_users[t - 1]

    # users_before[i] = N(0) + ... + N(i-1)
    users_before = np.zeros((horizon + 1, samples))
    for t in range(horizon):
        users_before[t + 1] = users_before[t] + new_users[t]
    months = np.arange(horizon)

    def window(youngest: int, oldest: int) -> FloatArray:
        """sum of N(t - a) for ages a in [youngest, oldest] and t - a >= 0."""
        newest = np.clip(months - youngest + 1, 0, horizon)
        earliest = np.clip(months - oldest, 0, horizon)
        return users_before[newest] - users_before[earliest]

    retention = scenario.retention
    if not isinstance(retention, RetentionPoints):
        raise NotImplementedError("the floor takes retention by points only")
    change = np.array(new_users)  # age 0: R(0) - R(-1) = 1
    previous_age, previous_share = 0, row(1.0)
    for age, share in retention.points:
        slope = (row(share) - previous_share) / (age - previous_age)
        change += slope * window(previous_age + 1, age)
        previous_age, previous_share = age, row(share)
    active = change
    for t in range(1, horizon):
        active[t] += active[t - 1]

    gross = np.zeros((horizon, samples))
    for plan in scenario.monetization.plans:
        payers = np.array(new_users)
        renewal, period = row(plan.renewal), plan.period_months
        for t in range(period, horizon):
            payers[t] += renewal * payers[t - period]
        gross += payers * (row(plan.conversion) * row(plan.price))
    for purchase in scenario.monetization.purchases:
        gross += active * (row(purchase.rate) * row(purchase.price))

    net_cash = gross * (1.0 - row(scenario.monetization.revenue_fee))
    net_cash -= active * row(scenario.costs.serving_per_active_user)
    net_cash -= ad_spend
    for cost in scenario.costs.fixed:
        net_cash -= in_months(cost.months) * row(cost.monthly)
    return net_cash.T
