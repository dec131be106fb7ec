"""A plan with conversion by age or a renewal schedule: the engine's linear sum over cohorts
equals the direct convolution of the cohorts with one user's cash by age."""

from __future__ import annotations

import numpy as np
import pytest

from aigc_roi.model import engine
from aigc_roi.model.revenue import plan_cash_by_age
from aigc_roi.model.scenario import Plan, RenewalObserved

SAMPLES = 3

PLANS = {
    "conversion by age, one rate": Plan("a", 30.0, 1, ((0, 0.02), (1, 0.01), (5, 0.005)), 0.7),
    "renewal list, monthly": Plan("b", 25.0, 1, 0.04, (0.65, 0.75, 0.8)),
    "both, quarterly": Plan("c", 60.0, 3, ((0, 0.03), (2, 0.01)), (0.5, 0.9)),
    "one-entry list, annual": Plan("d", 299.0, 12, ((0, 0.04), (1, 0.01)), (0.5,)),
    "conversion past the horizon": Plan("e", 10.0, 1, ((0, 0.01), (400, 0.02)), (0.6, 0.7)),
    "sBG rates": Plan("f", 30.0, 1, ((0, 0.02), (1, 0.01)), RenewalObserved((0.6, 0.45, 0.37))),
    "sampled values": Plan("g", np.array([20.0, 30.0, 40.0]), 2, ((0, np.array([0.01, 0.02, 0.03])), (3, 0.01)),
                           (np.array([0.5, 0.6, 0.7]), 0.8)),
}


def direct_cash(plan: Plan, new_users: np.ndarray) -> np.ndarray:
    """cash(t) = sum_{a <= t} N(t - a) x(a), by numpy's convolution of each sample's series."""
    horizon = new_users.shape[0]
    per_user = plan_cash_by_age(plan, horizon, SAMPLES)
    return np.stack([np.convolve(new_users[:, s], per_user[s])[:horizon] for s in range(SAMPLES)], axis=1)


@pytest.mark.parametrize("horizon", [1, 2, 7, 24, 61])
@pytest.mark.parametrize("name", list(PLANS))
def test_linear_plan_cash_equals_the_direct_convolution(name: str, horizon: int) -> None:
    plan = PLANS[name]
    new_users = np.random.default_rng(horizon).uniform(0.0, 5_000.0, size=(horizon, SAMPLES))
    got = engine._scheduled_plan_cash(plan, new_users, engine._Params(SAMPLES))
    expected = direct_cash(plan, new_users)
    np.testing.assert_allclose(got, expected, rtol=1e-12, atol=0)


def test_hand_computed_list_tail() -> None:
    """100 users in month 1 only, 4% convert at 10 a month, renewals 50% then 80% forever:
    cash 40, 20, 16, 12.8 (0.04 x 100 x 10 x 1, 0.5, 0.5 x 0.8, 0.5 x 0.8^2)."""
    plan = Plan("m", 10.0, 1, 0.04, (0.5, 0.8))
    new_users = np.zeros((4, 1))
    new_users[0] = 100.0
    got = engine._scheduled_plan_cash(plan, new_users, engine._Params(1))
    np.testing.assert_allclose(got[:, 0], [40.0, 20.0, 16.0, 12.8], rtol=1e-15)


def test_plans_of_one_renewal_rate_share_their_payers_but_not_their_cash() -> None:
    """One monthly plan sold in two stores (9.9 and 12, both renewing 80%) and an annual one: 100 users in
    month 1 pay 0.05 x 100 x 9.9 = 49.5, 0.05 x 100 x 12 = 60 and 0.02 x 100 x 99 = 198 in month 1, then the
    monthly plans 80% of that a month (39.6 and 48 in month 2), the annual one nothing until month 13."""
    from aigc_roi.model.monthly_revenue import _revenue
    from aigc_roi.model.scenario import Monetization

    plans = (Plan("ios", 9.9, 1, 0.05, 0.8), Plan("wechat", 12.0, 1, 0.05, 0.8), Plan("annual", 99.0, 12, 0.02, 0.5))
    new_users = np.zeros((13, 1))
    new_users[0] = 100.0
    revenue = _revenue(Monetization(plans=plans), new_users, new_users, engine._Params(1, 13), subscribers=False)
    np.testing.assert_allclose(revenue.subscriptions_by_period[1][:3, 0], [109.5, 87.6, 70.08], rtol=1e-15)
    np.testing.assert_allclose(revenue.subscriptions_by_period[12][[0, 1, 12], 0], [198.0, 0.0, 99.0], rtol=1e-15)
