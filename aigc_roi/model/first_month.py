"""What one user a channel buys pays in the month it joins (age 0), by join month: the plan's side of the early
revenue per user the ad platforms report (docs/formulas.md §16)."""

from __future__ import annotations

import numpy as np

from aigc_roi.model.active_users import _retention_by_age
from aigc_roi.model.by_month import total
from aigc_roi.model.params import _Params, _sample_count
from aigc_roi.model.per_user import _per_active_terms
from aigc_roi.model.plan_payments import _plan_payments_by_age
from aigc_roi.model.scenario import FloatArray, Scenario
from aigc_roi.model.sources import conversion_indices, source_groups


def first_month_gross(scenario: Scenario) -> FloatArray:
    """``(S, C, H)`` the gross revenue (before fees) one user channel c buys in month t pays in month t: the gross
    part of c_{j,t}(0) of docs/formulas.md §15, on the curve and conversion index of the channel's source group, at
    month t's prices and rates (§14). ``scenario`` realized: a run's medians, or any number of samples."""
    horizon, samples = int(scenario.horizon_months), _sample_count(scenario)
    p = _Params(samples, horizon)
    groups = source_groups(scenario)
    indices = conversion_indices(groups, scenario.monetization, p)
    # A user's subscriptions are the same in every group but for its index (§15): summed once, at index 1.
    subscriptions = sum((_plan_payments_by_age(plan, 1, p)[0] * p.monthly(plan.price)
                         for plan in scenario.monetization.plans), np.zeros((1, 1)))
    by_channel = np.zeros((samples, len(scenario.acquisition), horizon))
    for g, (group, index) in enumerate(zip(groups, indices, strict=True)):
        purchases = total(_per_active_terms(scenario, p, None if g == 0 else index)[0])
        gross = _retention_by_age(group.retention, 1, p)[0] * purchases + index * subscriptions
        by_channel[:, list(group.channels), :] = np.broadcast_to(gross, (horizon, samples)).T[:, None, :]
    return by_channel
