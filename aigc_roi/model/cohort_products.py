"""Cohort sums as one matrix product per series, where every sample shares one side of them.

A monthly amount of the cohorts is X(t) = sum_{s<=t} N(s) x(t-s) (docs/formulas.md
§4): N the users joining each month, x what one user pays or costs at each age.
The engine's stages sum it item by item and sample by sample, by recursions and
passes over the ages. Where every sample shares x (no sample differs in the
items, their fees, the retention curve or the serving costs: a what-if of the
channels, ranges on the channels alone), X is the Toeplitz matrix of x times the
users of every sample; where every sample shares N (no sample differs in the
channels, the organic users or the virality: a what-if of the items), X is the
Toeplitz matrix of N times one user's amounts of every sample, which the engine
computes anyway for the ltv. Either way each series is one BLAS call. These are the
same non-negative terms the recursions add, summed in another order: figures
within about 1e-15 of them, not to the last bit (``evaluate_batch``, ``as_evaluate``).
Issue 27: at every cap of docs/limits.md, a break-even search computed 150 items
again for each of thousands of candidates of the channels' drivers, and the
users of 50 channels and their paid share for each candidate of an item's.

Only figures-only evaluations of several samples, without values by month,
source groups or gates, take this path.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from aigc_roi.model.active_users import _retention_by_age
from aigc_roi.model.monthly_costs import _delivery_per_active, _serving_by_age
from aigc_roi.model.monthly_revenue import _Revenue, _revenue_by_age, _RevenueByAge, _subscribers
from aigc_roi.model.params import _is_plain_zero, _Params
from aigc_roi.model.per_user import _lifetime_contribution, user_contribution_by_age
from aigc_roi.model.revenue import order_revenue
from aigc_roi.model.scenario import FloatArray, Monetization, Scenario
from aigc_roi.model.sources import toeplitz_product
from aigc_roi.model.tree import leaf_values


def user_shared(scenario: Scenario) -> bool:
    """Whether every sample shares one user's amounts by age: no sample array in the plans, purchases and fees, the
    retention or the serving costs. Orders are no user's: they may differ by sample."""
    costs, monetization = scenario.costs, scenario.monetization
    read = (monetization.plans, monetization.purchases, monetization.revenue_fee, scenario.retention,
            costs.serving_per_active_user, costs.serving_per_subscriber)
    return not any(value.size > 1 for value in leaf_values(read))


def users_shared(scenario: Scenario) -> bool:
    """Whether every sample shares the users joining each month: no sample array in the channels, the organic users
    or the virality."""
    read = (scenario.acquisition, scenario.organic_users, scenario.virality)
    return not any(value.size > 1 for value in leaf_values(read))


@dataclass(frozen=True)
class CohortProducts:
    """One user's amounts by age, ``(H, 1)`` when every sample shares them, else ``(H, s)`` with every sample sharing
    the users (``users``)."""

    users: bool
    """Whether the samples share the users (one user's amounts then differ by sample)."""
    p: _Params
    """What one user's amounts were computed with: one sample, or every sample."""
    retention: FloatArray
    revenue: _RevenueByAge
    subscribers: FloatArray | None
    """Subscriptions in force by age; None where serving does not charge them."""
    contribution: FloatArray
    """c(a): net revenue less serving and deliveries, by age."""
    delivery_per_active: FloatArray | None

    @classmethod
    def of(cls, scenario: Scenario, retention: FloatArray) -> CohortProducts | None:
        """The products where every sample shares one side (module docstring), else None; ``retention`` ``(H, s)`` is
        the scenario's by age, as the chunk read it."""
        horizon, samples = retention.shape
        if user_shared(scenario):
            users, p = False, _Params(1, horizon)
            retention = _retention_by_age(scenario.retention, horizon, p)
        elif users_shared(scenario):
            users, p = True, _Params(samples, horizon)
        else:
            return None
        charged = not _is_plain_zero(scenario.costs.serving_per_subscriber)
        revenue = _revenue_by_age(scenario.monetization, retention, p, payments=charged)
        subscribers = None if revenue.payments_by_age is None else _subscribers(revenue.payments_by_age, retention.shape)
        serving_by_age, _ = _serving_by_age(scenario.costs, revenue, retention, p)
        delivery_per_active = _delivery_per_active(scenario.monetization, p)
        contribution = user_contribution_by_age(revenue, serving_by_age, retention, delivery_per_active)
        return cls(users, p, retention, revenue, subscribers, contribution, delivery_per_active)

    def summed(self, new_users: FloatArray, per_user: FloatArray) -> FloatArray:
        """``(H, s)`` X(t) = sum_{s<=t} N(s) x(t-s) of the cohorts ``new_users`` ``(H, s)``."""
        if not self.users:
            return toeplitz_product(per_user[:, 0], new_users)
        if per_user.strides[1] == 0:
            # An amount every sample shares after all (a broadcast row): one column, as every sample's.
            return np.ascontiguousarray(np.broadcast_to(toeplitz_product(new_users[:, 0], per_user[:, :1]), new_users.shape))
        return toeplitz_product(new_users[:, 0], per_user)

    def active(self, new_users: FloatArray) -> FloatArray:
        """``(H, s)`` A(t), the cohorts' users still active."""
        return self.summed(new_users, self.retention)

    def revenue_of(self, monetization: Monetization, new_users: FloatArray, orders: bool = True) -> _Revenue:
        """The cohorts' revenue by month, ``_revenue``'s (model/monthly_revenue.py), with the orders' unless told
        not; their subscribers where serving charges them."""
        assert self.revenue.gross_by_age is not None, "the cohorts' revenue by month sums its gross"
        gross = self.summed(new_users, self.revenue.gross_by_age)
        net = self.summed(new_users, self.revenue.net_by_age)
        if orders and monetization.orders:
            order_gross, order_net = order_revenue(monetization.orders, monetization.revenue_fee, new_users.shape[0],
                                                   new_users.shape[1])
            gross += order_gross.T
            net += order_net.T
        # Subscriptions in force by month, held as payments of one month each: each is in force in its month alone.
        in_force = None if self.subscribers is None else {1: self.summed(new_users, self.subscribers)}
        return _Revenue(gross=gross, net=net, subscriptions_by_period={}, payments_by_period=in_force)

    def lifetime_contribution(self, scenario: Scenario, lifetime: int, samples: int) -> FloatArray:
        """``(L, s)`` c(a) over the LTV lifetime (a read-only view where every sample's is the same)."""
        lifetime_values = _lifetime_contribution(scenario, self.contribution, lifetime, self.p, self.delivery_per_active)
        return np.broadcast_to(lifetime_values, (lifetime_values.shape[0], samples))
