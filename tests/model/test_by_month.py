"""Values by month, delivery cost and referral reward (docs/formulas.md §14, §17): each worked example by hand."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import numpy as np
import pytest
import yaml
from cli_runner import invoke
from jsonschema import Draft202012Validator
from spec_example import WORKED_EXAMPLE

from aigc_roi.model.by_month import sample_row, schedule
from aigc_roi.model.engine import evaluate
from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.model.sampling import realize
from aigc_roi.model.scenario import ByMonth, Scenario
from aigc_roi.present.breakeven import breakeven_json
from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.fields import json_schema
from aigc_roi.reader.load import load_text
from aigc_roi.reader.overrides import parse_override
from aigc_roi.whatif.breakeven import break_even
from aigc_roi.whatif.drivers import evaluate_at, find_driver, list_drivers
from aigc_roi.whatif.simulate import uncertain_inputs


def scenario_of(text: str, *overrides: str) -> Scenario:
    return load_text(textwrap.dedent(text), "t.yaml", tuple(parse_override(o) for o in overrides)).scenario


def run(text: str, *overrides: str):  # type: ignore[no-untyped-def]
    return evaluate(realize(scenario_of(text, *overrides)))


def month_row(result, name: str) -> list[float]:  # type: ignore[no-untyped-def]
    return [float(value) for value in result.months[name][0]]


# --- the value in each month -------------------------------------------------------------------


def test_linear_between_given_months() -> None:
    # bid {1: 12, 3: 30} over 3 months: 12, then halfway 21, then 30.
    assert schedule(ByMonth(((1, 12.0), (3, 30.0))), 3, 1)[:, 0].tolist() == [12.0, 21.0, 30.0]


def test_first_value_before_and_last_value_after() -> None:
    # {2: 10, 4: 20} over 6 months: 10 before month 2, 15 halfway, 20 from month 4 on.
    assert schedule(ByMonth(((2, 10.0), (4, 20.0))), 6, 1)[:, 0].tolist() == [10.0, 10.0, 15.0, 20.0, 20.0, 20.0]


BID_RISES = """\
    name: CAC rises
    horizon_months: 3
    acquisition:
      - {name: CPA, type: cpa, bid: {by_month: {1: 12, 3: 30}}, users: 100}
    retention: {monthly_churn: 0.5}
    monetization:
      purchases: [{name: item, price: 10, rate: 1}]
    """


def test_a_rising_bid_prices_each_months_users() -> None:
    result = run(BID_RISES)
    # 100 users a month at 12, 21, 30.
    assert month_row(result, "ad_spend") == [1200.0, 2100.0, 3000.0]
    assert result.figures["cac"][0] == pytest.approx(6300 / 300)
    assert result.channel_spend[0, 0] == pytest.approx(6300)


def test_a_subscription_is_paid_at_the_price_of_its_month() -> None:
    result = run("""\
        name: Price war
        horizon_months: 3
        acquisition:
          - {name: CPA, type: cpa, bid: 10, users: 100, months: 1}
        retention: {monthly_churn: 0.5}
        monetization:
          plans: [{name: Monthly, price: {by_month: {1: 10, 3: 30}}, period: month, conversion: 1, renewal: 1}]
        """)
    # 100 subscribers renew every month: they pay 10, 20 and 30.
    assert month_row(result, "gross_revenue") == pytest.approx([1000.0, 2000.0, 3000.0])


def test_a_scheduled_plan_pays_the_price_of_each_payment_month() -> None:
    result = run("""\
        name: Conversion by age
        horizon_months: 4
        acquisition:
          - {name: CPA, type: cpa, bid: 10, users: 100, months: 1}
        retention: {monthly_churn: 0.5}
        monetization:
          plans: [{name: Bimonthly, price: {by_month: {1: 10, 4: 40}}, period: 2, conversion: {0: 50%, 1: 50%}, renewal: [1]}]
        """)
    # 50 pay at months 1 and 3 (10, 30), 50 at months 2 and 4 (20, 40).
    assert month_row(result, "gross_revenue") == pytest.approx([500.0, 1000.0, 1500.0, 2000.0])


MOVING_LTV = """\
    name: LTV by join month
    horizon_months: 2
    ltv_months: 3
    acquisition:
      - {name: CPA, type: cpa, bid: 10, users: {by_month: {1: 100, 2: 300}}}
    retention: {monthly_churn: 0.5}
    monetization:
      purchases: [{name: item, price: {by_month: {1: 10, 2: 20}}, rate: 1}]
    """


def test_ltv_reads_the_values_of_each_calendar_month_and_weighs_cohorts_by_users() -> None:
    result = run(MOVING_LTV)
    # Cohort of month 1 (100 users) pays 10, 20, 20 (the last value past the horizon) at shares 1, 0.5, 0.25: 25.
    # Cohort of month 2 (300 users) pays 20, 20, 20: 35. ltv = (100 x 25 + 300 x 35) / 400 = 32.5.
    assert result.figures["ltv"][0] == pytest.approx(32.5)
    assert result.figures["ltv_to_cac"][0] == pytest.approx(3.25)
    # Mean c(0) = (100 x 10 + 300 x 20) / 400 = 17.5 >= cac 10: paid back in its first month.
    assert result.figures["cac_payback_months"][0] == 1
    # Revenue 100 x 10 in month 1; (50 + 300) x 20 in month 2: 8,000 on 4,000 of spend.
    assert month_row(result, "gross_revenue") == pytest.approx([1000.0, 7000.0])
    assert result.channel_gross_revenue[0, 0] == pytest.approx(8000)
    assert result.figures["roas"][0] == pytest.approx(2.0)


def test_a_moving_unit_cost_reports_a_factor_instead_of_a_maximum() -> None:
    result = run(MOVING_LTV, "acquisition[0].bid={by_month: {1: 10, 2: 10}}")
    # roi = (8,000 - 4,000) / 4,000 = 1: every month's bid may double before the channel stops paying back.
    assert result.channel_roi[0, 0] == pytest.approx(1.0)
    assert np.isnan(result.channel_max_unit_cost[0, 0])
    assert result.channel_max_unit_cost_factor[0, 0] == pytest.approx(2.0)
    table = break_even(scenario_of(MOVING_LTV, "acquisition[0].bid={by_month: {1: 10, 2: 10}}"))
    bid = next(row for row in table.rows if row.driver.path == "acquisition[0].bid")
    assert bid.driver.is_factor and bid.driver.current == 1.0
    assert bid.roi_zero == pytest.approx(2.0, rel=1e-6)
    # A factor is no price: its own key, the price's none (as run's channel rows; breakeven's JSON once mixed them).
    assert bid.channel is not None and bid.channel.max_unit_cost is None
    assert bid.channel.max_unit_cost_factor == pytest.approx(2.0)
    channel = next(row["channel"] for row in breakeven_json(table)["drivers"] if row["path"] == "acquisition[0].bid")
    assert channel["max_unit_cost"] is None and channel["max_unit_cost_factor"] == pytest.approx(2.0)


def test_a_constant_unit_cost_has_no_factor() -> None:
    result = run(WORKED_EXAMPLE)
    assert np.isnan(result.channel_max_unit_cost_factor[0, 0])
    assert result.channel_max_unit_cost[0, 0] == pytest.approx(15.75)


def test_a_factor_driver_scales_every_month() -> None:
    scenario = scenario_of(BID_RISES)
    driver = find_driver(list_drivers(scenario), "acquisition[0].bid")
    assert driver.is_factor and driver.current == 1.0
    result = evaluate_at(scenario, [(driver, np.array([0.5, 2.0]))])
    # Half and twice every month's bid: 600, 1,050, 1,500 and 2,400, 4,200, 6,000.
    assert result.figures["ad_spend"].tolist() == pytest.approx([3150.0, 12600.0])


# --- delivery and referral --------------------------------------------------------------------------


def test_delivery_cost_of_purchases_and_orders() -> None:
    result = run(WORKED_EXAMPLE.replace("rate: 1}", "rate: 1, unit_cost: 3}"),
                 "monetization.orders=[{name: LoRA, price: 1000, count: 2, unit_cost: 400, months: 2-3}]")
    # Purchases: A = 1000, 500, 250 units at 3; orders: 2 x 400 in months 2 and 3.
    assert month_row(result, "delivery_cost") == pytest.approx([3000.0, 1500.0 + 800.0, 750.0 + 800.0])
    # Contribution = net revenue - serving - delivery: 10,000 - 1,000 - 3,000 in month 1.
    assert month_row(result, "contribution")[0] == pytest.approx(6000.0)
    # c(a) = (10 - 1 - 3) x R(a) = 6, 3, 1.5: ltv 10.5; orders are no user's.
    assert result.figures["ltv"][0] == pytest.approx(10.5)
    # The channel's users earn 10,500 over the horizon; orders belong to no channel.
    assert result.channel_contribution[0, 0] == pytest.approx(10500.0)


REFERRAL = WORKED_EXAMPLE + "virality: 0.5\nreferral_reward: 2\n"


def test_referral_reward_is_paid_in_the_viral_users_join_month() -> None:
    result = run(REFERRAL)
    # N = 1000, 500, 250; V = 0, 500, 250; referral = V x 2.
    assert month_row(result, "referral_cost") == [0.0, 1000.0, 500.0]
    # A = 1000, 1000, 750; contribution = 9 x A - referral = 9,000, 8,000, 6,250.
    assert month_row(result, "contribution") == pytest.approx([9000.0, 8000.0, 6250.0])
    # The one channel is credited with every viral user, their rewards included: 23,250.
    assert result.channel_contribution[0, 0] == pytest.approx(23250.0)
    assert result.figures["roi"][0] == pytest.approx((23250 - 20000) / 20000)
    # ltv: c(a) 9, 4.5, 2.25 (15.75) less the reward over the viral share of new users: 2 x 750 / 1750.
    assert result.figures["ltv"][0] == pytest.approx(15.75 - 2 * 750 / 1750)


def test_without_the_new_keys_the_worked_example_is_unchanged() -> None:
    result = run(WORKED_EXAMPLE)
    assert month_row(result, "delivery_cost") == [0.0, 0.0, 0.0]
    assert month_row(result, "referral_cost") == [0.0, 0.0, 0.0]
    assert result.figures["roi"][0] == pytest.approx(-0.2125)
    assert result.figures["ltv"][0] == pytest.approx(15.75)


# --- reading, errors, --set, schema, simulate ------------------------------------------------------


def errors_of(text: str) -> list[str]:
    with pytest.raises(ScenarioInvalid) as invalid:
        scenario_of(text)
    return [f"{e.line}:{e.column}: {e.path}: {e.message}" for e in invalid.value.errors]


def test_located_errors_in_a_schedule() -> None:
    assert errors_of("""\
        name: Bad
        horizon_months: 6
        acquisition:
          - name: A
            type: cpa
            bid: {by_month: {0: 12, 7: 30, 3: x}}
            budget: {by_month: {}}
            saturation_budget: {by_month: {1: 5}}
        retention: {monthly_churn: 0.5}
        """) == [
        "6:22: acquisition[0].bid.by_month.0: expected a month within 1..6, found 0",
        "6:29: acquisition[0].bid.by_month.7: expected a month within 1..6, found 7",
        "6:39: acquisition[0].bid.by_month.3: expected a number >= 0, found 'x'",
        "7:24: acquisition[0].budget.by_month: expected at least one month, such as {1: 12, 6: 30}, found an empty mapping",
        "8:24: acquisition[0].saturation_budget: expected one value for every month (by_month is not allowed on this field), "
        "found a by_month schedule",
    ]


def test_schedule_errors_read_in_chinese() -> None:
    assert translate("expected one value for every month (by_month is not allowed on this field), found a by_month schedule") \
        == "应为每月同一个值（此字段不能按月取值 by_month），实际为按月取值（by_month）"
    assert translate("expected at least one month, such as {1: 12, 6: 30}, found an empty mapping") \
        == "应为至少一个月份，例如 {1: 12, 6: 30}，实际为空映射"


def test_set_edits_one_month_or_replaces_the_schedule() -> None:
    edited = run(BID_RISES, "acquisition[0].bid.by_month.2=30")
    assert month_row(edited, "ad_spend") == [1200.0, 3000.0, 3000.0]
    replaced = run(BID_RISES, "acquisition[0].bid={by_month: {1: 5, 2: 6}}")
    assert month_row(replaced, "ad_spend") == [500.0, 600.0, 600.0]


def test_set_a_month_of_a_single_value_says_to_replace_it(tmp_path: Path) -> None:
    path = tmp_path / "bid.yaml"
    path.write_text(textwrap.dedent(BID_RISES), encoding="utf-8")
    result = invoke(["run", str(path), "--set", "monetization.purchases[0].price.by_month.2=30"])
    assert result.exit_code == 2
    assert "cannot set one month of a value written once; replace it whole, such as " \
           "monetization.purchases[0].price={by_month: {1: 10, 2: 30}}" in result.stderr


def test_schema_takes_by_month_where_the_loader_does() -> None:
    validator = Draft202012Validator(json_schema())
    good = json.loads(json.dumps(yaml.safe_load(textwrap.dedent(BID_RISES))))
    assert list(validator.iter_errors(good)) == []
    good["acquisition"][0]["saturation_budget"] = {"by_month": {"1": 5}}
    assert list(validator.iter_errors(good)) != []


def test_simulate_draws_each_month_on_its_own() -> None:
    scenario = scenario_of(BID_RISES.replace("{1: 12, 3: 30}", "{1: 10..20, 3: 10..20}"))
    realized = realize(scenario, 2000, np.random.default_rng(0))
    inputs = dict(uncertain_inputs(scenario, realized))
    assert list(inputs) == ["acquisition[0].bid.by_month.1", "acquisition[0].bid.by_month.3"]
    first, third = inputs.values()
    assert abs(np.corrcoef(first, third)[0, 1]) < 0.1
    spend = evaluate(realized).months["ad_spend"]
    # Month 2 is the mean of months 1 and 3 in every sample.
    assert spend[:, 1] == pytest.approx((spend[:, 0] + spend[:, 2]) / 2)


def test_run_json_has_the_new_columns(tmp_path: Path) -> None:
    path = tmp_path / "bid.yaml"
    path.write_text(textwrap.dedent(BID_RISES), encoding="utf-8")
    result = invoke(["run", str(path), "--format", "json"])
    report = json.loads(result.stdout)
    assert {"delivery_cost", "referral_cost"} <= set(report["months"][0])
    assert report["channels"][0]["max_unit_cost"] is None
    assert report["channels"][0]["max_unit_cost_factor"] is not None


def test_cohort_table_carries_rewards_and_the_values_of_each_month() -> None:
    referral = run(REFERRAL).cohort_table()
    # Cohort 1: 1000 x 9, 4.5, 2.25; cohort 2: 500 x 9 - 500 x 2 rewards, then 500 x 4.5; cohort 3: 250 x 9 - 500.
    assert referral[0].tolist() == pytest.approx([9000.0, 4500.0, 2250.0])
    assert referral[1, 1:].tolist() == pytest.approx([3500.0, 2250.0])
    assert referral[2, 2] == pytest.approx(1750.0)
    moving = run(MOVING_LTV).cohort_table()
    # Cohort 1 (100) pays 10 then 0.5 x 20; cohort 2 (300) pays 20.
    assert moving[0].tolist() == pytest.approx([1000.0, 1000.0])
    assert moving[1, 1] == pytest.approx(6000.0)
    assert np.isnan(moving[1, 0])


def test_organic_users_by_month() -> None:
    result = run("""\
        name: Organic grows
        horizon_months: 3
        organic_users: {by_month: {1: 100, 3: 300}}
        retention: {monthly_churn: 1}
        monetization:
          purchases: [{name: item, price: 1, rate: 1}]
        """)
    # 100, 200, 300 organic users, each buying once in its join month.
    assert month_row(result, "new_users") == [100.0, 200.0, 300.0]
    assert month_row(result, "gross_revenue") == [100.0, 200.0, 300.0]
    assert result.channel_names == ("Organic",) and result.channel_users[0, 0] == pytest.approx(600.0)


SAMPLED = """\
    name: Ranges in a schedule
    horizon_months: 12
    ltv_months: 18
    acquisition:
      - {name: CPA, type: cpa, bid: {by_month: {1: 10..14, 6: 20..30}}, budget: 10_000}
    organic_users: {by_month: {1: 50..150, 12: 300}}
    virality: 0.1
    referral_reward: 1.5
    retention: {points: {1: 0.5..0.6, 6: 0.2}}
    monetization:
      plans: [{name: Monthly, price: {by_month: {1: 20..30, 9: 15}}, period: month, conversion: 0.05, renewal: 0.7}]
      purchases: [{name: Pack, price: {by_month: {1: 10, 12: 5..8}}, rate: 0.1, unit_cost: 2}]
    costs: {serving_per_active_user: {by_month: {1: 0.5, 12: 0.3..0.4}}}
    """


def test_a_batch_of_samples_equals_each_sample_run_alone() -> None:
    # The batch sums over join months per sample; one sample alone takes the matrix-product path.
    from aigc_roi.model.engine import take_samples
    realized = realize(scenario_of(SAMPLED), 6, np.random.default_rng(3))
    batch = evaluate(realized)
    for sample in range(6):
        alone = evaluate(take_samples(realized, sample, sample + 1))
        for name in ("ltv", "roi", "roas", "npv", "cac_payback_months", "contribution"):
            assert alone.figures[name][0] == pytest.approx(batch.figures[name][sample], rel=1e-9, nan_ok=True), name
        assert alone.channel_contribution[0] == pytest.approx(batch.channel_contribution[sample], rel=1e-9)


def test_attribution_sums_to_the_totals_when_values_move() -> None:
    result = run(SAMPLED)
    # Every user is some source's: the sources' contributions add up to the plan's (no orders here).
    assert result.channel_contribution[0].sum() == pytest.approx(result.figures["contribution"][0], rel=1e-12)
    assert result.channel_gross_revenue[0].sum() == pytest.approx(result.figures["gross_revenue"][0], rel=1e-12)
    table = result.cohort_table()
    assert np.nansum(table, axis=0) == pytest.approx(result.months["contribution"][0], rel=1e-12)


def test_allocate_refuses_a_channel_whose_volume_moves() -> None:
    from aigc_roi.whatif.allocate import AllocationError, allocate
    with pytest.raises(AllocationError, match="'CPA' has users written by month"):
        allocate(scenario_of(BID_RISES, "acquisition[0].users={by_month: {1: 100, 3: 300}}", "acquisition[0].bid=12"), 1000.0)


def test_a_row_of_draws_is_read_through_a_read_only_view() -> None:
    draws = np.array([1.0, 2.0, 3.0])
    row = sample_row(draws, 3)
    assert np.shares_memory(row, draws) and not row.flags.writeable and draws.flags.writeable
    with pytest.raises(ValueError, match="read-only"):
        row[0] = 5.0
    # One draw stands for every sample; a plain number too.
    np.testing.assert_array_equal(sample_row(np.array([2.5]), 3), [2.5, 2.5, 2.5])
    np.testing.assert_array_equal(sample_row(4, 2), [4.0, 4.0])
