"""The paid channels' attributed contribution by month, the cash of ``paid_payback_month`` (docs/formulas.md §5)."""

from __future__ import annotations

from dataclasses import replace

from aigc_roi.model.acquisition import _viral_chain
from aigc_roi.model.monthly_costs import _serving
from aigc_roi.model.monthly_revenue import _revenue
from aigc_roi.model.params import _is_plain_zero, _Params
from aigc_roi.model.scenario import FloatArray, Scenario
from aigc_roi.model.source_mix import _mixed_cohorts
from aigc_roi.model.sources import SourceGroup


def _paid_contribution_by_month(scenario: Scenario, months: dict[str, FloatArray], every_user_paid: bool,
                                paid_by_group: list[FloatArray], virality: FloatArray, groups: tuple[SourceGroup, ...],
                                curves: list[FloatArray], indices: list[FloatArray], delivery_per_active: FloatArray | None,
                                p: _Params) -> FloatArray:
    """``(H, s)`` the paid channels' attributed contribution, by the month it is paid (docs/formulas.md, paid_payback_month).

    The running credit shares (model/sources.py) credit a source with its own
    users and the viral users that follow them: k as many a month later, of
    group 0, and so on. So the paid channels' users are, per group, the ones
    they bought, and in group 0 also the viral chain of all they bought,
    ``V(t) = k (paid(t-1) + V(t-1))``; their contribution by month is the
    model's cohort sums run on these users, without orders (no one's). When
    every new user is theirs and there are no orders it is the plan's own.
    Deliveries follow the purchases of these users, and the referral reward
    of each viral user in the chain is the paid channels' (docs/formulas.md §14).
    """
    monetization = scenario.monetization
    if every_user_paid and not monetization.orders:
        return months["contribution"]
    paid_users = months["paid_users"]
    credited = [_viral_chain(paid_users, virality) - paid_users + paid_by_group[0], *paid_by_group[1:]]
    active, indexed_new_users, indexed_active = _mixed_cohorts(groups, credited, curves, indices, p)
    # Their subscribers are counted only where serving charges them.
    revenue = _revenue(replace(monetization, orders=()), indexed_new_users, indexed_active, p,
                       subscribers=not _is_plain_zero(scenario.costs.serving_per_subscriber))
    contribution = revenue.net - _serving(scenario.costs, active, revenue, p)
    if delivery_per_active is not None:
        contribution = contribution - indexed_active * delivery_per_active
    if not _is_plain_zero(scenario.referral_reward):
        contribution = contribution - (_viral_chain(paid_users, virality) - paid_users) * p(scenario.referral_reward)
    return contribution
