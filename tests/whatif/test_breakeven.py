"""Drivers and the break-even solver: every solved value is re-checked by re-running the scenario."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable

import numpy as np
import pytest
from spec_example import WORKED_EXAMPLE as SPEC_WORKED_EXAMPLE

from aigc_roi.model.engine import evaluate
from aigc_roi.model.paths import PathReader
from aigc_roi.model.sampling import realize
from aigc_roi.model.scenario import KolChannel, Scenario
from aigc_roi.present.breakeven import breakeven_json
from aigc_roi.present.drivers import driver_label
from aigc_roi.reader.load import load_text
from aigc_roi.reader.overrides import path_reader
from aigc_roi.reader.written_tree import scenario_tree
from aigc_roi.whatif import drivers
from aigc_roi.whatif.breakeven import THRESHOLDS, break_even
from aigc_roi.whatif.drivers import UnknownDriver, evaluate_at, find_driver, list_drivers, with_value

# docs/formulas.md §11, with a payback target of 2 months.
WORKED_EXAMPLE = SPEC_WORKED_EXAMPLE + "targets: {max_payback_months: 2}\n"

# Every channel type, both plan and purchase drivers, a range and fixed costs.
MIXED = """
name: Mixed
horizon_months: 24
acquisition:
  - {name: Bilibili CPA, type: cpa, bid: "20..45", budget: 300_000, months: 1-6, saturation_budget: 2_000_000}
  - {name: Feed ads, type: cpm, cpm: 40, ctr: 0.012, cvr: 0.08, budget: 100_000, months: 2-8}
  - {name: Douyin creators, type: kol, posts: 3, fee: 30_000, views: 500_000, view_to_user: 0.002, months: 1-4}
  - {name: Subway posters, type: flat, cost: 400_000, users: 8_000, months: 3}
organic_users: 300
virality: 0.05
retention: {points: {1: 0.45, 3: 0.3, 6: 0.2, 12: 0.14}}
monetization:
  plans:
    - {name: Annual member, price: 299, period: year, conversion: 0.05, renewal: 0.5}
    - {name: Monthly member, price: 29, period: month, conversion: 0.04, renewal: 0.8}
  purchases:
    - {name: Prompt pack, price: 19.9, rate: 0.02}
  revenue_fee: 5%
costs:
  serving_per_active_user: 0.8
  fixed: [{name: Team tools, monthly: 20_000}]
targets: {max_payback_months: 14}
"""


def scenario_of(text: str) -> Scenario:
    return load_text(textwrap.dedent(text), "s.yaml").scenario


def figures_at(scenario: Scenario, path: str, value: float) -> dict[str, float]:
    result = evaluate(with_value(realize(scenario), path, value))
    return {name: float(array[0]) for name, array in result.figures.items()}


# --- drivers -------------------------------------------------------------------------


def test_drivers_of_every_kind_with_paths_labels_bounds_and_medians() -> None:
    drivers = list_drivers(scenario_of(MIXED))
    assert [d.path for d in drivers] == [
        "acquisition[0].bid", "acquisition[0].budget", "acquisition[1].cpm", "acquisition[1].budget",
        "acquisition[2].fee", "acquisition[2].posts", "acquisition[3].cost", "acquisition[3].users",
        "monetization.plans[0].price", "monetization.plans[0].conversion", "monetization.plans[0].renewal",
        "monetization.plans[1].price", "monetization.plans[1].conversion", "monetization.plans[1].renewal",
        "monetization.purchases[0].price", "costs.serving_per_active_user",
    ]
    bid = drivers[0]
    assert driver_label(bid) == "Bilibili CPA bid"
    assert bid.current == pytest.approx(math.sqrt(20 * 45))  # a lognormal range counts at its median
    # A bid dividing a budget is searched from 1e-6 (spec: never where the model is undefined) up to 1e15.
    assert (bid.lower_bound, bid.upper_bound, bid.search_high) == (1e-6, 1e15, pytest.approx(100 * 30))
    assert drivers[6].lower_bound == 0  # a flat cost of 0 is a free placement, defined
    conversion = drivers[9]
    assert (conversion.is_rate, conversion.search_high) == (True, 1.0)
    assert drivers[10].is_rate and drivers[7].is_count
    assert driver_label(drivers[-1]) == "Serving cost per active user"


def read_as_set(scenario: Scenario) -> PathReader:
    """A path read as --set reads it, as the library reads a driver's (api.sensitivity_grid)."""
    return path_reader(scenario_tree(scenario), "--grid")


def test_find_driver_by_index_or_name_and_unknown_paths_list_the_drivers() -> None:
    scenario = scenario_of(MIXED)
    drivers, read = list_drivers(scenario), read_as_set(scenario)
    assert find_driver(drivers, "acquisition[Feed ads].cpm", read).path == "acquisition[1].cpm"
    assert find_driver(drivers, "monetization.plans[Monthly member].price", read).path == "monetization.plans[1].price"
    # By the item's name alone, as people name things.
    assert find_driver(drivers, "Feed ads.cpm", read).path == "acquisition[1].cpm"
    # A path like none of them: the list names each driver as a person reads it, by its item's name.
    with pytest.raises(UnknownDriver, match=r"the drivers are: acquisition\[Bilibili CPA\]\.bid, "
                                            r"acquisition\[Bilibili CPA\]\.budget, acquisition\[Feed ads\]\.cpm"):
        find_driver(drivers, "zzz", read)


def test_without_a_reader_a_driver_is_found_and_offered_by_its_index_path_alone() -> None:
    drivers = list_drivers(scenario_of(MIXED))
    assert find_driver(drivers, "acquisition[1].cpm").path == "acquisition[1].cpm"
    # What it offers, it takes: not the name it does not read.
    with pytest.raises(UnknownDriver) as refused:
        find_driver(drivers, "acquisition[Feed ads].cpm")
    assert str(refused.value) == "'acquisition[Feed ads].cpm' is not a driver; did you mean 'acquisition[1].cpm'?"


@pytest.mark.parametrize(("written", "meant"), [
    # A misspelt name, in each of the three ways a driver is written, and a misspelt field.
    ("Feed ad.cpm", "acquisition[Feed ads].cpm"),
    ("acquisition[Feed ad].cpm", "acquisition[Feed ads].cpm"),
    ("Feed ads.cppm", "acquisition[Feed ads].cpm"),
    ("acquisition[1].cpn", "acquisition[Feed ads].cpm"),
    # The item whose name holds the one written, as --set suggests.
    ("Annual.price", "monetization.plans[Annual member].price"),
    ("costs.serving", "costs.serving_per_active_user"),
])
def test_an_unknown_driver_suggests_the_one_it_resembles(written: str, meant: str) -> None:
    with pytest.raises(UnknownDriver) as refused:
        scenario = scenario_of(MIXED)
        find_driver(list_drivers(scenario), written, read_as_set(scenario))
    assert str(refused.value) == f"'{written}' is not a driver; did you mean '{meant}'?"


def test_with_value_replaces_one_field_by_index_or_name() -> None:
    scenario = scenario_of(MIXED)
    changed = with_value(scenario, "acquisition[Douyin creators].fee", 1.0)
    kol = changed.acquisition[2]
    assert isinstance(kol, KolChannel) and kol.fee == 1.0
    assert changed.acquisition[0] is scenario.acquisition[0]
    assert with_value(scenario, "costs.serving_per_active_user", 2.0).costs.serving_per_active_user == 2.0
    for bad in ("acquisition[9].bid", "acquisition[0].nope", "costs[0]"):
        with pytest.raises(KeyError):
            with_value(scenario, bad, 1.0)


def test_a_batch_of_candidates_matches_one_run_per_value() -> None:
    scenario = scenario_of(MIXED)
    bid = list_drivers(scenario)[0]
    values = np.array([10.0, 30.0, 60.0])
    batch = evaluate_at(scenario, [(bid, values)]).figures["roi"]
    assert batch == pytest.approx([figures_at(scenario, bid.path, v)["roi"] for v in values], rel=1e-12)


# --- hand-derived break-evens ----------------------------------------------------------


def test_worked_example_bid_and_price_at_roi_zero() -> None:
    rows = {row.driver.path: row for row in break_even(scenario_of(WORKED_EXAMPLE)).rows}
    # roi = (contribution - ad_spend) / ad_spend; the bid changes only ad_spend = 1000 x bid
    # (users are given), contribution stays 15750: roi = 0 <=> 1000 x bid = 15750.
    assert rows["acquisition[0].bid"].roi_zero == pytest.approx(15.75, rel=1e-8)
    # Active users sum to 1000 + 500 + 250 = 1750 and buy once a month, so
    # contribution = 1750 x price - 1750 x serving 1 = 1750 (price - 1); roi = 0
    # <=> 1750 (price - 1) = 20000 <=> price = 21750 / 1750 = 12.4285714...
    assert rows["monetization.purchases[0].price"].roi_zero == pytest.approx(21750 / 1750, rel=1e-8)
    # Even free serving leaves contribution 17500 < 20000: no serving cost gives roi = 0.
    assert rows["costs.serving_per_active_user"].roi_zero is None


def test_worked_example_payback_target_and_headroom() -> None:
    table = break_even(scenario_of(WORKED_EXAMPLE))
    bid = table.rows[0]
    # Cumulative cash at month 2 is 9000 + 4500 - 1000 x bid, month 3 adds 2250 > 0:
    # payback by month 2 <=> bid <= 13.5.
    assert bid.payback_target == pytest.approx(13.5, rel=1e-8)
    assert bid.headroom("roi_zero") == pytest.approx((15.75 - 20) / 20, rel=1e-7)
    assert bid.met_at_current("roi_zero") is False  # the bid must fall 21.25% for roi >= 0
    assert table.met_now("roi_zero") is False and table.roi == pytest.approx(-0.2125)
    assert table.target_payback_months == 2


# --- every solved value, re-checked ----------------------------------------------------------


@pytest.mark.parametrize("text", [WORKED_EXAMPLE, MIXED, MIXED.replace("price: 299", "price: 599")],
                         ids=["worked-example", "mixed-losing", "mixed-profitable"])
def test_every_break_even_reproduces_its_threshold(text: str) -> None:
    scenario = scenario_of(text)
    table = break_even(scenario)
    target = table.target_payback_months
    solved = 0
    for row in table.rows:
        path = row.driver.path
        if row.roi_zero is not None:
            roi = figures_at(scenario, path, row.roi_zero)["roi"]
            assert abs(roi) < 1e-6, path
            assert roi >= 0, path  # the reported value is the last one still at roi >= 0
            solved += 1
        if row.payback_target is not None:
            # Usually == target; a boundary at 0 (no users bought: nothing to pay back) may pay back sooner.
            assert figures_at(scenario, path, row.payback_target)["payback_month"] <= target, path
            # A hair to the bad side (up for a cost, down for a price) misses the target.
            below = "payback_target" in row.good_below
            hair = row.payback_target * (1 + 1e-6 if below else 1 - 1e-6) + (1e-9 if below else -1e-9)
            missed = figures_at(scenario, path, hair)["payback_month"]
            assert math.isnan(missed) or missed > target, path
            solved += 1
    assert solved >= 4


def test_mixed_scenario_finds_both_thresholds_for_the_unit_costs() -> None:
    rows = {row.driver.path: row for row in break_even(scenario_of(MIXED)).rows}
    for path in ("acquisition[0].bid", "acquisition[1].cpm", "monetization.plans[0].price"):
        assert rows[path].roi_zero is not None and rows[path].payback_target is not None
    # Costs are good below their break-even, prices above it.
    assert "roi_zero" in rows["acquisition[0].bid"].good_below
    assert "roi_zero" not in rows["monetization.plans[0].price"].good_below


def test_a_driver_at_zero_is_searched_up_to_100x_the_largest_money_value() -> None:
    text = WORKED_EXAMPLE.replace("costs: {serving_per_active_user: 1}", "costs: {serving_per_active_user: 0}")
    text = text.replace("bid: 20,", "bid: 10,")
    row = next(r for r in break_even(scenario_of(text)).rows if r.driver.field == "serving_per_active_user")
    assert row.driver.search_high == pytest.approx(100 * 10)  # largest money value: the bid (or price) 10
    # contribution = 17500 - 1750 x serving = ad spend 10000 <=> serving = 7500 / 1750.
    assert row.roi_zero == pytest.approx(7500 / 1750, rel=1e-8)
    assert row.headroom("roi_zero") is None  # no relative move from 0


def test_without_channels_or_revenue_only_serving_is_a_driver() -> None:
    table = break_even(scenario_of("name: Empty\nretention: {monthly_churn: 0.5}\n"))
    assert [row.driver.path for row in table.rows] == ["costs.serving_per_active_user"]
    assert table.rows[0].roi_zero is None and table.roi is None


def test_report_has_the_spec_shape() -> None:
    data = breakeven_json(break_even(scenario_of(WORKED_EXAMPLE)))
    assert list(data) == ["scenario", "target_payback_months", "payback_within_months", "drivers"]
    assert data["target_payback_months"] == 2 and data["payback_within_months"] == 2
    first = data["drivers"][0]
    assert {"path", "current", "factor", "roi_zero", "payback_target", "label", "none_reason", "headroom",
            "wrong_side", "gate_jump", "gate_flip", "channel"} == set(first)
    assert first["factor"] is False
    assert first["gate_jump"] == {"roi_zero": None, "payback_target": None}  # no gates: every break-even is a crossing
    assert first["path"] == "acquisition[0].bid" and first["current"] == 20.0
    assert set(first["headroom"]) == set(THRESHOLDS)
    # The channel on its own: 1000 users x c(a) summed 15.75 = 15,750 contribution on 20,000 spend,
    # roi -0.2125, so the maximum bid is 20 x (1 - 0.2125) = 15.75; revenue 1000 x (10 + 5 + 2.5).
    assert first["channel"] == {"max_unit_cost": pytest.approx(15.75), "max_unit_cost_factor": None,
                                "gross_revenue": pytest.approx(17500), "contribution": pytest.approx(15750),
                                "saturating": False}
    assert data["drivers"][1]["channel"] is None  # the channel's volume (users) is not its unit cost
    assert data["drivers"][-1]["roi_zero"] is None


def test_default_payback_target_is_12() -> None:
    assert break_even(scenario_of(WORKED_EXAMPLE.replace("targets: {max_payback_months: 2}", ""))) \
        .target_payback_months == 12


def test_a_batch_split_to_bound_memory_gives_the_same_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    whole = break_even(scenario_of(MIXED))
    monkeypatch.setattr(drivers, "MAX_BATCH_CELLS", 1)  # one driver per engine call
    split = break_even(scenario_of(MIXED))
    for a, b in zip(whole.rows, split.rows, strict=True):
        for solved, expected in ((b.roi_zero, a.roi_zero), (b.payback_target, a.payback_target)):
            # None (no break-even) must stay None; pytest.approx does not take None.
            assert (solved is None) == (expected is None)
            if expected is not None:
                assert solved == pytest.approx(expected, rel=1e-8)


# --- spec 1.1: the whole domain, and never where the model is undefined ----------------------

# The worked example's cpa channel and a creator channel whose fee is 0 today: one post
# reaches 1,000,000 views x 0.01 = 10,000 users, each worth c(a) summed = 15.75.
ZERO_FEE = SPEC_WORKED_EXAMPLE.replace(
    "acquisition:\n",
    "acquisition:\n  - {name: Creator, type: kol, posts: 1, fee: 0, views: 1_000_000, view_to_user: 0.01, months: 1}\n",
)


def test_a_driver_at_zero_finds_a_crossing_far_beyond_its_first_bracket() -> None:
    scenario = scenario_of(ZERO_FEE)
    row = next(r for r in break_even(scenario).rows if r.driver.path == "acquisition[0].fee")
    # Paid contribution 10,000 x 15.75 + 1,000 x 15.75 = 173,250 against 20,000 + fee:
    # roi = 0 at fee = 153,250, far above 100 x the largest amount in the file (100 x 20).
    assert row.driver.search_high == pytest.approx(100 * 20)
    assert row.roi_zero == pytest.approx(153_250, rel=1e-8)


# A budget-form cpa buying 1,000 users at 0.10 each; each user is worth 15.75, so its
# own maximum bid, and the plan's roi = 0, is at 15.75: 157.5 x the bid, beyond the first bracket.
CHEAP_BID = SPEC_WORKED_EXAMPLE.replace("bid: 20, users: 1000", "bid: 0.1, budget: 100")


def test_a_budget_bid_breaks_even_at_its_value_per_user_never_near_zero() -> None:
    table = break_even(scenario_of(CHEAP_BID))
    bid = table.rows[0]
    assert bid.driver.path == "acquisition[0].bid"
    assert bid.roi_zero == pytest.approx(15.75, rel=1e-8)
    assert bid.channel is not None and bid.channel.max_unit_cost == pytest.approx(15.75)
    for row in table.rows:
        for threshold in THRESHOLDS:
            value = getattr(row, threshold)
            # No break-even where the model is undefined: a bid dividing a budget stays >= 1e-6.
            assert value is None or value >= row.driver.lower_bound, (row.driver.path, threshold, value)


def test_budget_and_renewal_are_drivers_with_hand_derived_break_evens() -> None:
    rows = {row.driver.path: row for row in break_even(scenario_of(CHEAP_BID)).rows}
    # Spend = budget, users = budget / 0.1, contribution 157.5 x budget: roi = 156.5 at any
    # budget, so roi = 0 is nowhere; the roi is undefined only at a budget of 0.
    assert rows["acquisition[0].budget"].roi_zero is None
    # A monthly plan of 10 that all 1,000 users take, renewal r, 3 months, nothing else earned:
    # contribution 10,000 (1 + r + r^2) = spend 20,000 <=> r^2 + r - 1 = 0 <=> r = (sqrt 5 - 1) / 2.
    text = """
    name: Renewal
    horizon_months: 3
    acquisition: [{name: CPA, type: cpa, bid: 20, users: 1000, months: 1}]
    retention: {monthly_churn: 0.5}
    monetization:
      plans: [{name: Monthly, price: 10, period: month, conversion: 1, renewal: 0.5}]
    """
    renewal = next(r for r in break_even(scenario_of(text)).rows if r.driver.field == "renewal")
    assert renewal.driver.path == "monetization.plans[0].renewal"
    assert renewal.roi_zero == pytest.approx((5**0.5 - 1) / 2, rel=1e-8)


@pytest.mark.slow
def test_free_channels_converge_in_few_halvings(monkeypatch: pytest.MonkeyPatch) -> None:
    # Issue 14: 50 free channels (cost 0) left brackets at 0 that a relative tolerance never
    # closes, so every driver ran all 200 halvings. An absolute tolerance near 0 ends them:
    # from a bracket of at most 1e15 wide, 1e-9 relative or 1e-12 absolute is about 90 halvings.
    channels = "".join(f"  - {{name: c{i}, type: flat, cost: 0, users: {10 + i}}}\n" for i in range(50))
    plans = "".join(f"    - {{name: p{i}, price: {10 + i}, period: {1 + i % 12}, conversion: 0.001, renewal: 0.5}}\n"
                    for i in range(5))
    text = ("name: Free channels\nhorizon_months: 120\norganic_users: 100\nacquisition:\n" + channels
            + "retention: {points: {1: 0.4, 12: 0.1}}\nmonetization:\n  plans:\n" + plans
            + "costs: {serving_per_active_user: 0.1}\n")
    calls = 0
    # Every engine call of the what-ifs goes through whatif/drivers.py: a run, or a batch of figures.
    for name in ("evaluate", "evaluate_batch"):
        original = getattr(drivers, name)

        def counted(*args: object, _original: Callable[..., object] = original, **kwargs: object) -> object:
            nonlocal calls
            calls += 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(drivers, name, counted)
    table = break_even(scenario_of(text))
    assert calls <= 2 + 100
    cost = next(row for row in table.rows if row.driver.path == "acquisition[0].cost")
    assert cost.driver.current == 0
