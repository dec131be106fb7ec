"""Gates and subscribers when channels' users differ (docs/formulas.md §18 with §15, §4.10 with §15).

A test channel with its own curve and index is judged on its own users' revenue and its running credit
share of the viral users', paid in the test months; a failed gate stops it in every source group's sums;
a group's conversion index scales the subscriptions that serving_per_subscriber charges. Every number is
derived by hand in the comments.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from aigc_roi.model.engine import Result, evaluate
from aigc_roi.model.sampling import realize
from aigc_roi.model.scenario import Scenario
from aigc_roi.reader.load import load_text

# KOL: 1,000 users a month in months 1-2 for 10,000, the top-level curve R0 = 1, 0.5, 0.25, 0.125.
# Feed: 500,000 impressions x 0.01 x 0.05 = 250 users a month for 20,000, its own curve
# R1 = 1, 0.2, 0.04, 0.008 and index 0.5: one Feed user pays 0.5 x 10 x R1 = 5, 1, 0.2, 0.04 by age.
PLAN = """\
name: Feed tested first, its users weaker
horizon_months: 4
virality: 0.2
acquisition:
  - {name: KOL, type: kol, posts: 1, fee: 10000, views: 100000, view_to_user: 0.01, months: 1-2}
  - {name: Feed, type: cpm, cpm: 40, ctr: 0.01, cvr: 0.05, budget: 20000, retention: {monthly_churn: 0.8}, conversion_index: 0.5}
retention: {monthly_churn: 0.5}
monetization:
  purchases:
    - {name: Pack, price: 10, rate: 1}
costs:
  serving_per_active_user: 1
gates:
  - name: feed proves it
    after_month: 2
    channels: [Feed]
    min_roas: 0.1
"""
EXACT = 1e-9


def scenario(text: str) -> Scenario:
    return realize(load_text(text, "plan.yaml").scenario)


def run(text: str) -> Result:
    return evaluate(scenario(text))


def test_the_test_reads_the_channels_own_users_and_credited_viral_users() -> None:
    result = run(PLAN)
    # Feed's revenue paid in months 1-2: its month-1 users 250 x (5 + 1), its month-2 users 250 x 5, and the
    # month-2 viral users V(2) = 0.2 x 1,250 = 250 credited by w(1) = 250 / 1,250: 50 top-level users x 10.
    # 1,500 + 1,250 + 500 = 3,250 over 40,000 = 0.08125 < 0.1 (on the top-level curve it would be 0.16875).
    assert result.gate_roas is not None and result.gate_cac is not None and result.gate_passed is not None
    assert result.gate_roas[0, 0] == pytest.approx(0.08125, abs=EXACT)
    assert result.gate_cac[0, 0] == pytest.approx(40000 / 500, abs=EXACT)
    assert result.gate_passed[0, 0] == 0.0


def test_a_failed_gate_stops_the_channel_in_its_source_group() -> None:
    result = run(PLAN)
    # Feed buys 250 in months 1-2 only: N = 1,250, 1,500, 300 (viral), 60.
    np.testing.assert_allclose(result.months["new_users"][0], [1250, 1500, 300, 60], rtol=0, atol=EXACT)
    np.testing.assert_allclose(result.months["ad_spend"][0], [30000, 30000, 0, 0], rtol=0, atol=EXACT)
    # Top-level users N0 = 1,000, 1,250, 300, 60: A0 = 1,000, 1,750, 1,175, 647.5.
    # Feed's N1 = 250, 250, 0, 0: A1 = 250, 300, 60, 12.
    np.testing.assert_allclose(result.months["active_users"][0], [1250, 2050, 1235, 659.5], rtol=0, atol=EXACT)
    # Gross 10 x (A0 + 0.5 A1); contribution less A (no fee).
    np.testing.assert_allclose(result.months["gross_revenue"][0], [11250, 19000, 12050, 6535], rtol=0, atol=EXACT)
    np.testing.assert_allclose(result.months["net_cash"][0], [-20000, -13050, 10815, 5875.5], rtol=0, atol=EXACT)
    kol, feed = result.channel_names.index("KOL"), result.channel_names.index("Feed")
    # Feed's own users: 250 x 5 x (1 + 0.2 + 0.04 + 0.008) + 250 x 5 x 1.24 = 3,110; its credited viral users
    # (w = 0.2 in months 1-3): 50 x 17.5 + 60 x 15 + 12 x 10 = 1,895. KOL gets the rest of 48,835.
    assert result.channel_gross_revenue[0, feed] == pytest.approx(5005, abs=1e-8)
    assert result.channel_gross_revenue[0, kol] == pytest.approx(43830, abs=1e-8)
    assert result.channel_roas[0, feed] == pytest.approx(5005 / 40000, abs=EXACT)
    assert result.channel_users[0, feed] == pytest.approx(500, abs=EXACT)
    # Each channel's own ltv: 4 x R1 summed = 4.992 and 9 x R0 summed = 16.875.
    assert result.channel_ltv[0, feed] == pytest.approx(4.992, abs=EXACT)
    assert result.channel_ltv[0, kol] == pytest.approx(16.875, abs=EXACT)


def test_a_passed_gate_leaves_the_plan_with_sources_as_written() -> None:
    result = run(PLAN.replace("min_roas: 0.1", "min_roas: 0.08"))
    assert result.gate_passed is not None and result.gate_passed[0, 0] == 1.0
    ungated = run(PLAN.split("gates:")[0])
    for name in ("new_users", "active_users", "gross_revenue", "net_cash"):
        np.testing.assert_array_equal(result.months[name], ungated.months[name])
    np.testing.assert_array_equal(result.channel_gross_revenue, ungated.channel_gross_revenue)


def test_each_sample_gates_its_own_source_groups() -> None:
    # With index 1 Feed's test earns 250 x 12 + 250 x 10 + 500 = 6,000: 0.15 >= 0.1, it passes.
    realized = scenario(PLAN)
    feed = dataclasses.replace(realized.acquisition[1], conversion_index=np.array([0.5, 1.0]))
    both = evaluate(dataclasses.replace(realized, acquisition=(realized.acquisition[0], feed)))
    assert both.gate_passed is not None
    np.testing.assert_array_equal(both.gate_passed[:, 0], [0.0, 1.0])
    assert both.gate_roas is not None and both.gate_roas[1, 0] == pytest.approx(0.15, abs=EXACT)
    for sample, index in enumerate((0.5, 1.0)):
        alone = evaluate(dataclasses.replace(realized, acquisition=(
            realized.acquisition[0], dataclasses.replace(feed, conversion_index=index))))
        for name in ("new_users", "active_users", "gross_revenue", "net_cash"):
            np.testing.assert_allclose(both.months[name][sample], alone.months[name][0], rtol=1e-12, atol=1e-9)
        np.testing.assert_allclose(both.channel_gross_revenue[sample], alone.channel_gross_revenue[0], rtol=1e-12)
        np.testing.assert_allclose(both.channel_ltv[sample], alone.channel_ltv[0], rtol=1e-12)


# The §4.10 example with a second channel whose users convert at half the rate (index 0.5): per user its
# payments are 0.05 at age 0 and 0.025 at age 3, so its subscriptions are 0.05, 0.05, 0.05, 0.025.
SUBSCRIBERS = """\
name: Two channels, one converting at half the rate
horizon_months: 4
acquisition:
  - {name: Full, type: cpa, bid: 20, users: 1000, months: 1}
  - {name: Half, type: cpa, bid: 20, users: 1000, months: 1, conversion_index: 0.5}
retention: {monthly_churn: 0.5}
monetization:
  plans:
    - {name: Quarterly, price: 30, period: 3, conversion: 0.1, renewal: 0.5}
costs:
  serving_per_active_user: 1
  serving_per_subscriber: 2
"""


def test_a_groups_index_scales_the_serving_of_its_subscriptions() -> None:
    result = run(SUBSCRIBERS)
    # Payments 100 + 50 in month 1, 50 + 25 in month 4; A = 2,000, 1,000, 500, 250.
    np.testing.assert_allclose(result.months["subscribers"][0], [150, 150, 150, 75], rtol=0, atol=EXACT)
    np.testing.assert_allclose(result.months["serving_cost"][0], [2300, 1300, 800, 400], rtol=0, atol=EXACT)
    np.testing.assert_allclose(result.months["contribution"][0], [2200, -1300, -800, 1850], rtol=0, atol=EXACT)
    full, half = result.channel_names.index("Full"), result.channel_names.index("Half")
    # Half's c(a) = 1.5 - 1 - 0.1, -0.5 - 0.1, -0.25 - 0.1, 0.75 - 0.125 - 0.05 = 0.4, -0.6, -0.35, 0.575.
    assert result.channel_ltv[0, half] == pytest.approx(0.025, abs=EXACT)
    assert result.channel_ltv[0, full] == pytest.approx(1.925, abs=EXACT)
    assert result.channel_contribution[0, half] == pytest.approx(25, abs=1e-9)
    assert result.channel_contribution[0, full] == pytest.approx(1925, abs=1e-9)
    assert result.figures["ltv"][0] == pytest.approx((1925 + 25) / 2000, abs=EXACT)


def test_past_the_horizon_the_index_scales_subscriber_serving_too() -> None:
    result = run(SUBSCRIBERS.replace("horizon_months: 4", "horizon_months: 4\nltv_months: 6"))
    # Ages 4 and 5, under the month-4 renewal: Half -0.0625 - 2 x 0.025 and -0.03125 - 2 x 0.025 (Full: - 2 x 0.05).
    half_ltv = 0.025 - 0.1125 - 0.08125
    full_ltv = 1.925 - 0.1625 - 0.13125
    half = result.channel_names.index("Half")
    assert result.channel_ltv[0, half] == pytest.approx(half_ltv, abs=EXACT)
    assert result.figures["ltv"][0] == pytest.approx((half_ltv + full_ltv) / 2, abs=EXACT)
