"""Values by month, delivery and referral beside sources and gates (docs/formulas.md §17), worked by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke

# Two cpa channels of 100 users a month for 2 months, churn 0.5 (R = 1, 0.5); B's users have index 0.5.
TWO_GROUPS = """name: X
horizon_months: 2
discount_rate: 0
retention: {monthly_churn: 0.5}
acquisition:
  - {name: A, type: cpa, bid: 10, users: 100}
  - {name: B, type: cpa, bid: 10, users: 100, conversion_index: 0.5}
monetization: {purchases: [{name: P, price: 10, rate: 1, unit_cost: 4}]}
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_delivery_follows_a_groups_purchases(tmp_path: Path) -> None:
    result = invoke(["run", str(_write(tmp_path, TWO_GROUPS)), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    # Index-weighted active users: 100 + 0.5 x 100 = 150, then 150 + 0.5 x 150 = 225; x rate 1 x unit_cost 4.
    assert [month["delivery_cost"] for month in report["months"]] == [600.0, 900.0]
    # Revenue 10 x 150, 10 x 225 less the deliveries, no serving or fees.
    assert [month["net_cash"] + month["ad_spend"] for month in report["months"]] == [900.0, 1350.0]
    ltv = {channel["name"]: channel["ltv"] for channel in report["channels"]}
    # A: (10 - 4) x (1 + 0.5) = 9; B: 0.5 x (10 - 4) x (1 + 0.5) = 4.5 (without delivery it would be 7.5).
    assert ltv["A"] == pytest.approx(9.0)
    assert ltv["B"] == pytest.approx(4.5)


def test_a_bid_by_month_beside_a_channels_own_index(tmp_path: Path) -> None:
    text = TWO_GROUPS.replace("bid: 10, users: 100}", "bid: {by_month: {1: 10, 2: 20}}, users: 100}", 1)
    result = invoke(["run", str(_write(tmp_path, text)), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    channels = {channel["name"]: channel for channel in json.loads(result.stdout)["channels"]}
    # A: 100 users at 10, then at 20; its cohorts pay 10 + 5 and 10: 1,500 + 1,000.
    assert channels["A"]["spend"] == pytest.approx(3000.0)
    assert channels["A"]["cac"] == pytest.approx(15.0)
    assert channels["A"]["gross_revenue"] == pytest.approx(2500.0)
    # B (index 0.5) is as it was: 0.5 x 2,500.
    assert channels["B"]["gross_revenue"] == pytest.approx(1250.0)


def test_a_referral_reward_beside_a_channels_own_index(tmp_path: Path) -> None:
    result = invoke(["run", str(_write(tmp_path, TWO_GROUPS + "referral_reward: 2\nvirality: 0.1\n")), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    # N(1) = 200 bought; V(2) = 0.1 x 200 = 20 viral users, rewarded 2 each in month 2.
    assert [month["referral_cost"] for month in report["months"]] == pytest.approx([0.0, 40.0])
    channels = {channel["name"]: channel for channel in report["channels"]}
    # A and B each brought half of month 1's users, so each is credited half the viral cohort of month 2:
    # gross 0.5 x 20 x 10 = 100; contribution 0.5 x (20 x (10 - 4) - 40) = 40.
    # A's own users: gross 10 x (150 + 100) = 2,500, contribution 6 x 250 = 1,500; B's at index 0.5: half of that.
    assert channels["A"]["gross_revenue"] == pytest.approx(2600.0)
    assert channels["A"]["contribution"] == pytest.approx(1540.0)
    assert channels["B"]["gross_revenue"] == pytest.approx(1350.0)
    assert channels["B"]["contribution"] == pytest.approx(790.0)


def test_a_gate_reads_the_price_of_its_test_month(tmp_path: Path) -> None:
    gated = TWO_GROUPS.replace(", conversion_index: 0.5", "").replace("price: 10, rate: 1", "price: {by_month: {1: 10, 2: 20}}, rate: 1")
    gated += "gates: [{name: G, after_month: 1, channels: [A], min_roas: 1.5, then: [B]}]\n"
    result = invoke(["run", str(_write(tmp_path, gated)), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    # Month 1: A's 100 users pay 10 each for 1,000 spent: roas 1.0, below 1.5 (the mean price, 15, would pass it).
    [gate] = report["gates"]
    assert gate["roas"] == pytest.approx(1.0)
    assert gate["passed"] is False
    channels = {channel["name"]: channel for channel in report["channels"]}
    assert channels["A"]["users"] == pytest.approx(100.0)
    assert channels["B"]["users"] == pytest.approx(100.0)


def test_serving_per_subscriber_with_a_price_by_month(tmp_path: Path) -> None:
    text = """name: X
horizon_months: 2
discount_rate: 0
retention: {monthly_churn: 0.5}
acquisition: [{name: A, type: cpa, bid: 10, users: 100}]
monetization: {plans: [{name: M, price: {by_month: {1: 10, 2: 20}}, period: month, conversion: 1, renewal: 1}]}
costs: {serving_per_subscriber: 2}
"""
    result = invoke(["run", str(_write(tmp_path, text)), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    # Subscribers 100, 200 pay 10 and 20 each and cost 2 each: contribution 1,000 - 200, 4,000 - 400.
    assert [month["serving_cost"] for month in report["months"]] == [200.0, 400.0]
    assert [month["net_cash"] + month["ad_spend"] for month in report["months"]] == [800.0, 3600.0]
    # Month-1 users: 10 - 2, then 20 - 2; month-2 users: 20 - 2, then (past the horizon, 20 holds) 20 - 2.
    # ltv = (100 x 26 + 100 x 36) / 200 = 31; without the subscribers' serving it would be 35.
    assert report["figures"]["ltv"] == pytest.approx(31.0)
    # The channel is credited 100 x 26 + 100 x 18 = 4,400 (the horizon's contribution) for 2,000 of spend.
    assert report["channels"][0]["roi"] == pytest.approx(1.2)


def test_a_channels_own_ltv_reads_the_months_its_users_live(tmp_path: Path) -> None:
    text = """name: X
horizon_months: 2
discount_rate: 0
retention: {monthly_churn: 0.5}
acquisition:
  - {name: A, type: cpa, bid: 10, users: 100, months: [1]}
  - {name: B, type: cpa, bid: 10, users: 100, months: [2]}
monetization: {purchases: [{name: P, price: {by_month: {1: 10, 2: 20}}, rate: 1}]}
"""
    result = invoke(["run", str(_write(tmp_path, text)), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    ltv = {channel["name"]: channel["ltv"] for channel in report["channels"]}
    # A's users pay 10 in month 1 and half of them 20 in month 2: 10 + 10 = 20; B's pay 20, then (20 holds) 10: 30.
    assert ltv["A"] == pytest.approx(20.0)
    assert ltv["B"] == pytest.approx(30.0)
    assert report["figures"]["ltv"] == pytest.approx(25.0)


def test_everything_moving_the_channels_still_sum_to_the_totals(tmp_path: Path) -> None:
    """Values by month, deliveries, referral rewards, subscribers' serving and a free channel at once: the
    attribution by join month splits the plan's revenue and contribution with nothing left over (§6, §14, §17)."""
    text = """name: X
horizon_months: 6
virality: 0.2
referral_reward: 1.5
retention: {monthly_churn: 0.3}
organic_users: {by_month: {1: 50, 6: 200}}
acquisition:
  - {name: A, type: cpa, bid: {by_month: {1: 5, 6: 9}}, users: 100}
  - {name: F, type: flat, cost: 0, users: 40}
monetization:
  plans: [{name: M, price: {by_month: {1: 10, 4: 30}}, period: month, conversion: 0.2, renewal: 0.7}]
  purchases: [{name: P, price: 5, rate: {by_month: {1: 1, 6: 3}}, unit_cost: 2}]
costs: {serving_per_active_user: {by_month: {1: 0.5, 6: 1}}, serving_per_subscriber: 1}
"""
    result = invoke(["run", str(_write(tmp_path, text)), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    for name in ("gross_revenue", "contribution"):
        assert sum(channel[name] for channel in report["channels"]) == pytest.approx(report["figures"][name])
    # Only the spending channel is paid: its users, not the free channel's, are the paid users.
    assert report["figures"]["paid_users"] == pytest.approx(6 * 100)
