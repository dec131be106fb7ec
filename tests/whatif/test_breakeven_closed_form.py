"""Break-evens in closed form (whatif/closed_form.py) agree with the search, and only where the model is affine."""

from __future__ import annotations

import textwrap

import numpy as np
import pytest

from aigc_roi.model.sampling import realize
from aigc_roi.model.scenario import Scenario
from aigc_roi.reader.load import load_text
from aigc_roi.whatif import breakeven, closed_form
from aigc_roi.whatif.breakeven import THRESHOLDS, break_even
from aigc_roi.whatif.breakeven_search import levels, search_floor
from aigc_roi.whatif.drivers import list_drivers

# Every channel type in both of its forms, a saturated budget, creators with and without views decay,
# organic users and virality, plans with and without their own fee, purchases, orders and fixed costs.
MIXED = """
name: Mixed
horizon_months: 24
acquisition:
  - {name: Bilibili CPA, type: cpa, bid: 30, budget: 300_000, months: 1-6, saturation_budget: 2_000_000}
  - {name: Zhihu CPA, type: cpa, bid: 18, users: 4_000, months: 2-9}
  - {name: Feed ads, type: cpm, cpm: 40, ctr: 0.012, cvr: 0.08, budget: 100_000, months: 2-8}
  - {name: Feed views, type: cpm, cpm: 35, ctr: 0.01, cvr: 0.1, impressions: 2_000_000, months: 4-10}
  - {name: Douyin creators, type: kol, posts: 3, fee: 30_000, views: 500_000, view_to_user: 0.002, months: 1-4}
  - {name: Decaying creators, type: kol, posts: 4, fee: 20_000, views: 300_000, view_to_user: 0.003, views_decay: 0.2}
  - {name: Subway posters, type: flat, cost: 400_000, users: 8_000, months: 3}
organic_users: 300
virality: 0.05
retention: {points: {1: 0.45, 3: 0.3, 6: 0.2, 12: 0.14}}
monetization:
  plans:
    - {name: Annual member, price: 299, period: year, conversion: 0.05, renewal: 0.5, fee: 0.3}
    - {name: Monthly member, price: 29, period: month, conversion: 0.04, renewal: 0.8}
  purchases:
    - {name: Prompt pack, price: 19.9, rate: 0.02, fee: 0.01}
  orders:
    - {name: Custom training, price: 3000, count: 2, months: 3-24, fee: 0.02}
  revenue_fee: 5%
costs:
  serving_per_active_user: 0.8
  serving_per_subscriber: 2
  fixed: [{name: Team tools, monthly: 20_000}]
targets: {max_payback_months: 14}
"""


def scenario_of(text: str) -> Scenario:
    return load_text(textwrap.dedent(text), "s.yaml").scenario


@pytest.mark.parametrize("text", [MIXED, MIXED.replace("price: 299", "price: 599")], ids=["losing", "profitable"])
def test_closed_forms_give_the_searchs_answers(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    scenario = scenario_of(text)
    realized = realize(scenario)
    drivers = list_drivers(realized)
    floors = np.array([search_floor(driver) for driver in drivers])
    closed = closed_form.solve(realized, drivers, floors, 14, levels(14))
    # Prices, fees, order counts, serving, conversions, unit costs and the unsaturated volumes; not the
    # renewals, the saturated budget or the decaying creators' posts.
    solved = {drivers[d].path for d in closed}
    assert {"monetization.plans[0].price", "monetization.plans[1].conversion", "monetization.orders[0].count",
            "costs.serving_per_subscriber", "acquisition[0].bid", "acquisition[1].bid", "acquisition[2].budget",
            "acquisition[3].impressions", "acquisition[4].posts", "acquisition[5].fee", "acquisition[6].cost"} <= solved
    assert not solved & {"monetization.plans[0].renewal", "acquisition[0].budget", "acquisition[5].posts"}
    fast = break_even(scenario)
    monkeypatch.setattr(breakeven.closed_form, "forms", lambda *args: {})
    searched = break_even(scenario)
    compared = 0
    for a, b in zip(fast.rows, searched.rows, strict=True):
        for name in THRESHOLDS:
            value, expected = getattr(a, name), getattr(b, name)
            assert (value is None) == (expected is None), (a.driver.path, name)
            if expected is not None:
                assert value == pytest.approx(expected, rel=3e-9, abs=3e-12), (a.driver.path, name)
                assert (name in a.good_below) == (name in b.good_below)
                compared += 1
    assert compared >= 20


def test_a_driver_the_model_is_not_affine_in_fails_the_line_check_and_is_searched(monkeypatch: pytest.MonkeyPatch) -> None:
    # A monthly plan of 10 that all 1,000 users take, renewal r, 3 months, nothing else earned:
    # contribution 10,000 (1 + r + r^2) = spend 20,000 <=> r = (sqrt 5 - 1) / 2 (tests/whatif/test_breakeven.py).
    text = """
    name: Renewal
    horizon_months: 3
    acquisition: [{name: CPA, type: cpa, bid: 20, users: 1000, months: 1}]
    retention: {monthly_churn: 0.5}
    monetization:
      plans: [{name: Monthly, price: 10, period: month, conversion: 1, renewal: 0.5}]
    """
    # Claimed affine, the renewal's three samples are off a line (1 + r + r^2 is not one).
    monkeypatch.setattr(closed_form, "_form", lambda scenario, driver: False)
    realized = realize(scenario_of(text))
    drivers = list_drivers(realized)
    renewal = next(d for d, driver in enumerate(drivers) if driver.field == "renewal")
    closed = closed_form.solve(realized, drivers, np.array([search_floor(driver) for driver in drivers]), 12, levels(12))
    assert renewal not in closed
    row = next(r for r in break_even(scenario_of(text)).rows if r.driver.field == "renewal")
    assert row.roi_zero == pytest.approx((5**0.5 - 1) / 2, rel=1e-8)


def test_with_gates_nothing_is_solved_in_closed_form() -> None:
    text = """
    name: Gated
    horizon_months: 12
    acquisition:
      - {name: Test, type: cpa, bid: 10, budget: 10_000, months: 1-2}
      - {name: Rest, type: cpa, bid: 12, budget: 50_000}
    retention: {monthly_churn: 0.3}
    monetization:
      purchases: [{name: Pack, price: 20, rate: 0.2}]
    gates:
      - {name: test pays, after_month: 2, channels: [Test], min_roas: 0.5, then: [Rest]}
    """
    realized = realize(scenario_of(text))
    drivers = list_drivers(realized)
    assert closed_form.solve(realized, drivers, np.array([search_floor(d) for d in drivers]), 12, levels(12)) == {}


def test_each_channel_type_says_which_of_its_drivers_are_affine() -> None:
    from aigc_roi import api

    scenario = api.load_source(
        "name: Forms\nretention: {monthly_churn: 0.5}\nacquisition:\n"
        "  - {name: Budgeted, type: cpa, bid: 10, budget: 1000}\n"
        "  - {name: Saturating, type: cpa, bid: 10, budget: 1000, saturation_budget: 5000}\n"
        "  - {name: Decaying, type: kol, posts: 3, fee: 100, views: 1000, view_to_user: 0.01, views_decay: 0.2}\n"
        "  - {name: Flat, type: flat, cost: 500, users: 20}\n")
    budgeted, saturating, decaying, flat = scenario.acquisition
    # users = budget / bid: affine in 1 / bid, and in the budget.
    assert (budgeted.driver_form("bid"), budgeted.driver_form("budget")) == (True, False)
    # A saturating budget buys fewer users per yuan as it grows; decaying posts fewer views each.
    assert (saturating.driver_form("bid"), saturating.driver_form("budget")) == (True, None)
    assert (decaying.driver_form("fee"), decaying.driver_form("posts")) == (False, None)
    assert (flat.driver_form("cost"), flat.driver_form("users"), flat.driver_form("months")) == (False, False, None)
