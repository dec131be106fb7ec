"""The paid channels' attributed gross revenue and contribution by month: ``roas``, ``roi`` and the cash of
``paid_payback_month`` (docs/formulas.md §5)."""

from __future__ import annotations

from dataclasses import replace

from aigc_roi.model.acquisition import _viral_chain
from aigc_roi.model.cohort_products import CohortProducts
from aigc_roi.model.monthly_costs import _serving
from aigc_roi.model.monthly_revenue import _revenue
from aigc_roi.model.params import _is_plain_zero, _Params
from aigc_roi.model.running import add_product
from aigc_roi.model.scenario import FloatArray, Scenario
from aigc_roi.model.source_mix import _active_by_group, _OtherGroups
from aigc_roi.model.sources import SourceGroup


def _paid_by_month(scenario: Scenario, months: dict[str, FloatArray], every_user_paid: bool,
                  paid_by_group: list[FloatArray], virality: FloatArray, groups: tuple[SourceGroup, ...],
                  curves: list[FloatArray], indices: list[FloatArray], delivery_per_active: FloatArray | None,
                  p: _Params, others: _OtherGroups | None = None,
                  shared: CohortProducts | None = None) -> tuple[FloatArray, FloatArray]:
    """``(H, s)`` each: the paid channels' attributed gross revenue and contribution, by the month they are paid
    (docs/formulas.md §5: summed over the horizon, the numerators of ``roas`` and ``roi``; the contribution less
    ad spend is the cash of ``paid_payback_month``).

    The running credit shares (model/sources.py) credit a source with its own
    users and the viral users that follow them: k as many a month later, of
    group 0, and so on. So the paid channels' users are, per group, the ones
    they bought, and in group 0 also the viral chain of all they bought,
    ``V(t) = k (paid(t-1) + V(t-1))``; their contribution by month is the
    model's cohort sums run on these users, without orders (no one's). When
    every new user is theirs and there are no orders it is the plan's own.
    Deliveries follow the purchases of these users, and the referral reward
    of each viral user in the chain is the paid channels' (docs/formulas.md §14).
    ``others``: the plan's sums over the source groups after group 0 (``_SourceMix.others``); ``shared``: one user's
    amounts or users where every sample shares them (model/cohort_products.py).
    """
    monetization = scenario.monetization
    if every_user_paid and not monetization.orders:
        return months["gross_revenue"], months["contribution"]
    paid_users = months["paid_users"]
    viral = _viral_chain(paid_users, virality) - paid_users
    credited = [viral + paid_by_group[0], *paid_by_group[1:]]
    if len(groups) == 1:
        # Group 0's index is 1: its users and their actives are what the plan converts (``shared`` has one group).
        active = indexed_active = (shared.active(credited[0]) if shared is not None
                                   else _active_by_group(groups, credited, curves, p)[0])
        indexed_new_users = credited[0]
    elif others is not None and tuple(id(users) for users in credited[1:]) == others.users:
        # Every other group's channels all spend: each is credited the users it bought, whose sums the plan has.
        active, indexed_new_users, indexed_active = others.with_group_0(
            credited[0], _active_by_group(groups[:1], credited[:1], curves[:1], p)[0], users_read=False)
    else:
        active_by_group = _active_by_group(groups, credited, curves, p)
        active, indexed_new_users, indexed_active = _OtherGroups.of(credited, active_by_group, indices).with_group_0(
            credited[0], active_by_group[0], users_read=False)
    # Their subscribers are counted only where serving charges them.
    revenue = (shared.revenue_of(monetization, indexed_new_users, orders=False) if shared is not None
               else _revenue(replace(monetization, orders=()), indexed_new_users, indexed_active, p,
                             subscribers=not _is_plain_zero(scenario.costs.serving_per_subscriber), net_shared=True))
    # Only the purchasers are read after the serving, where they are the active users.
    contribution = revenue.net - _serving(scenario.costs, active, revenue, p, active_read=active is indexed_active)
    if delivery_per_active is not None:
        add_product(contribution, indexed_active, delivery_per_active, -1)
    if not _is_plain_zero(scenario.referral_reward):
        add_product(contribution, viral, p(scenario.referral_reward), -1)
    return revenue.gross, contribution
