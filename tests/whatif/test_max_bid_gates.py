"""The max bid of a channel a gate tests, with the gates decided at that bid (whatif/max_bid.py, docs/formulas.md §6).

By hand: churn 0.5, a purchase of 10 per active user-month, so a user joining in month 1, 2, 3 or 4 brings
10 R(a) summed to the horizon, R = 1, 0.5, 0.25, 0.125: 18.75, 17.5, 15 and 10. T buys 100 users a month at a bid b;
the gate `{after_month: 2, channels: [T], max_cac: 8, then: [U]}` tests T's CAC, which is b.

- Passed (b <= 8): T buys in months 1-4, 100 x 61.25 = 6,125 on 400 b: own roi 0 at b = 15.3125, the closed form
  at the current bid 5. But 15.3125 > 8: there the gate fails and T's own roi is 3,625 / (200 x 15.3125) - 1 = +18%.
- Failed (b > 8): T buys in months 1-2 only, 100 x (18.75 + 17.5) = 3,625 on 200 b: own roi 0 at b = 18.125.

U (bid 1, months 3-4, no gate tests it) earns 100 x (15 + 10) = 2,500 on 200: 12.5 either way.
"""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path

import numpy as np
import pytest
from cli_runner import invoke
from hypothesis import example, given, settings
from hypothesis import strategies as st

from aigc_roi import api
from aigc_roi.model.sampling import realize
from aigc_roi.present.run_data import run_report
from aigc_roi.reader.load import load_text
from aigc_roi.whatif.breakeven import break_even
from aigc_roi.whatif.drivers import drivers_of, evaluate_realized
from aigc_roi.whatif.max_bid import own_max_unit_costs

PLAN = """
name: max unit cost with a gate
horizon_months: 4
acquisition:
  - {{name: T, type: cpa, bid: {bid}, users: 100}}
  - {{name: U, type: cpa, bid: 1, users: 100, months: 3-4}}
retention: {{monthly_churn: 0.5}}
monetization:
  purchases: [{{name: item, price: {price}, rate: 1}}]
gates:
  - {{name: g, after_month: 2, channels: [T], max_cac: {max_cac}, then: [U]}}
"""


def _plan(bid: object = 5, max_cac: float = 8, price: object = 10) -> str:
    return PLAN.format(bid=bid, max_cac=max_cac, price=price)


def _maxima(text: str) -> dict[str, tuple[float | None, float | None]]:
    """Per channel, (max unit cost, factor) as `run` reports it and as `breakeven` does, which must agree."""
    scenario = load_text(text, "plan.yaml").scenario
    ran = {channel.name: (channel.max_unit_cost, channel.max_unit_cost_factor)
           for channel in run_report(scenario, api.run(scenario)).channels}
    alone = {row.driver.item: (row.channel.max_unit_cost, row.channel.max_unit_cost_factor)
             for row in break_even(scenario).rows if row.channel is not None}
    assert alone == {name: ran[name] for name in alone}
    return ran


def test_a_bid_that_fails_the_gate_is_no_max_bid_the_failed_plans_own_is() -> None:
    maxima = _maxima(_plan())
    assert maxima["T"] == (pytest.approx(3_625 / 200, rel=1e-12), None)
    assert maxima["U"] == (pytest.approx(2_500 / 200, rel=1e-12), None)
    # There the gate fails and T's own roi is 0.
    result = api.run(load_text(_plan(bid=3_625 / 200), "plan.yaml").scenario)
    assert result.gate_passed is not None and result.gate_passed[0, 0] == 0.0
    assert result.channel_roi[0, 0] == pytest.approx(0.0, abs=1e-12)


def test_a_test_channel_whose_formula_bid_keeps_its_gate_keeps_the_formula() -> None:
    # max_cac 20: at 15.3125 the gate still passes, so the closed form 6,125 / 400 stands, to the last bit.
    scenario = load_text(_plan(max_cac=20), "plan.yaml").scenario
    result = api.run(scenario)
    assert _maxima(_plan(max_cac=20))["T"] == (float(result.channel_max_unit_cost[0, 0]), None)
    assert result.channel_max_unit_cost[0, 0] == pytest.approx(6_125 / 400, rel=1e-12)


def test_a_channel_no_gate_tests_keeps_the_formula() -> None:
    # U is the gate's `then`, not its test: its bid moves no test, so its max bid is the closed form, exactly.
    scenario = load_text(_plan(), "plan.yaml").scenario
    result = api.run(scenario)
    assert _maxima(_plan())["U"] == (float(result.channel_max_unit_cost[0, 1]), None)
    assert result.channel_max_unit_cost[0, 1] == pytest.approx(12.5, rel=1e-12)


def test_a_bid_written_by_month_has_its_factor_decided_alike() -> None:
    # Bids 4, 6, 6, 6 times a factor f: the test's CAC is (400 + 600) f / 200 = 5 f, so the gate fails above 1.6.
    # Passed: 6,125 on 2,200 f, the closed form f = 2.784 (gate failed there); failed: 3,625 on 1,000 f, f = 3.625.
    assert _maxima(_plan(bid="{by_month: {1: 4, 2: 6}}"))["T"] == (None, pytest.approx(3.625, rel=1e-12))


@pytest.mark.parametrize("bid", [5, 10])
def test_where_the_gate_failing_drops_roi_below_0_the_max_bid_is_the_last_bid_that_passes(bid: float) -> None:
    # Prices 0, 0, 10, 10: a user joining in month 1..4 brings 3.75, 7.5, 15, 10. Passed: 3,625 on 400 b, roi 0 at
    # 9.0625; failed: 1,125 on 200 b, roi 0 at 5.625. Roi >= 0 up to b = 8, where the gate fails and roi jumps to
    # 5.625 / 8 - 1 < 0. From 5 the closed form 9.0625 fails the gate; from 10 (failed now) 5.625 passes it.
    maximum = _maxima(_plan(bid=bid, price="{by_month: {1: 0, 2: 0, 3: 10}}"))["T"][0]
    assert maximum == pytest.approx(8.0, rel=2e-9)
    assert maximum is not None
    result = api.run(load_text(_plan(bid=maximum, price="{by_month: {1: 0, 2: 0, 3: 10}}"), "plan.yaml").scenario)
    assert result.gate_passed is not None and result.gate_passed[0, 0] == 1.0
    assert result.channel_roi[0, 0] >= 0


def test_run_and_breakeven_outputs_show_the_max_bid_with_the_gate_decided(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(_plan(), encoding="utf-8")
    ran = invoke(["run", str(plan), "--format", "json"])
    assert ran.exit_code == 0, ran.stderr
    assert [channel["max_unit_cost"] for channel in json.loads(ran.stdout)["channels"]] == [18.125, 12.5]
    solved = invoke(["breakeven", str(plan), "--format", "json"])
    assert solved.exit_code == 0, solved.stderr
    own = {row["label"]: row["channel"]["max_unit_cost"] for row in json.loads(solved.stdout)["drivers"] if row["channel"]}
    assert own == {"T bid": 18.125, "U bid": 12.5}
    rows = list(csv.DictReader(io.StringIO(invoke(["breakeven", str(plan), "--format", "csv"]).stdout)))
    assert [row["max_unit_cost"] for row in rows if row["max_unit_cost"]] == ["18.125", "12.5"]
    for args in (["run"], ["breakeven"], ["run", "--format", "markdown"], ["breakeven", "--format", "markdown"],
                 ["report", "--samples", "50"]):
        shown = invoke([args[0], str(plan), *args[1:]])
        # 18.125 is a maximum: shown rounded down, 18.12, as a bid of 18.13 would lose money (docs/formulas.md §10).
        assert "18.12" in shown.stdout and "18.13" not in shown.stdout and "15.31" not in shown.stdout, shown.stdout


def _staged_plan(rng: random.Random) -> str:
    """A plan of 1-3 cpa channels (users or a budget, some from a later month, a bid moving by month now and then), a
    price that may move by month, serving, and one or two gates on CAC or ROAS testing some channels."""
    horizon, count = rng.randint(3, 10), rng.randint(1, 3)
    channels = []
    for i in range(count):
        bid: object = round(rng.uniform(1, 20), 2)
        if rng.random() < 0.2:
            bid = f"{{by_month: {{1: {bid}, {horizon}: {round(rng.uniform(1, 20), 2)}}}}}"
        volume = f"users: {rng.randint(10, 200)}" if rng.random() < 0.5 else f"budget: {rng.randint(100, 5_000)}"
        months = f", months: {rng.randint(1, horizon - 1)}-{horizon}" if rng.random() < 0.5 else ""
        channels.append(f"  - {{name: C{i}, type: cpa, bid: {bid}, {volume}{months}}}")
    price: object = round(rng.uniform(2, 30), 2)
    if rng.random() < 0.5:
        price = f"{{by_month: {{1: {round(rng.uniform(0, 30), 2)}, {horizon}: {round(rng.uniform(0, 30), 2)}}}}}"
    gates = []
    for g in range(rng.randint(1, 2)):
        tests = rng.sample(range(count), rng.randint(1, count))
        then = [i for i in range(count) if i not in tests and rng.random() < 0.5]
        test = rng.choice([f"max_cac: {round(rng.uniform(1, 25), 2)}", f"min_roas: {round(rng.uniform(0.1, 3), 2)}"])
        gates.append(f"  - {{name: g{g}, after_month: {rng.randint(1, horizon - 1)}, channels: [{', '.join(f'C{i}' for i in tests)}], "
                     f"{test}, then: [{', '.join(f'C{i}' for i in then)}]}}")
    return "\n".join(["name: staged", f"horizon_months: {horizon}", "acquisition:", *channels,
                      f"retention: {{monthly_churn: {round(rng.uniform(0.1, 0.7), 2)}}}",
                      f"monetization: {{purchases: [{{name: item, price: {price}, rate: 1}}]}}",
                      f"costs: {{serving_per_active_user: {round(rng.uniform(0, 3), 2)}}}", "gates:", *gates, ""])


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32 - 1))
@example(3043)
def test_every_test_channels_max_bid_is_where_a_dense_scan_finds_its_own_roi_cross_0(seed: int) -> None:
    # The scan: the channel's own roi at 4,001 unit costs from 1/1000 to 1000 x the current one, each run with the gates
    # decided there. The max bid is the crossing nearest the current value on the side it lies: no scanned value
    # between the two crosses, and a hair past the max bid roi is on the other side. (A window where roi dips below 0
    # before a gate's flip lifts it may be narrower than the scan's steps: seed 3043's is 74.065..74.28.)
    scenario = load_text(_staged_plan(random.Random(seed)), "plan.yaml").scenario
    result = api.run(scenario)
    unit_costs, factors = own_max_unit_costs(scenario, result)
    realized = realize(scenario)
    drivers = {driver.path: driver for driver in drivers_of(realized)}
    tested = {name for gate in scenario.gates for name in gate.channels}
    for c in [c for c, channel in enumerate(scenario.acquisition) if channel.name in tested]:
        driver = drivers[f"acquisition[{c}].bid"]
        found = float(factors[c] if driver.is_factor else unit_costs[c])
        if np.isnan(result.channel_roi[0, c]):
            assert np.isnan(found)
            continue
        scan = np.sort(np.append(np.geomspace(driver.current / 1_000, driver.current * 1_000, 4_001), driver.current))
        hair = np.array([found * (1 - 1e-7), found * (1 + 1e-7)])
        roi = evaluate_realized(realized, [(driver, np.concatenate([scan, hair]))]).channel_roi[:, c]
        good, (below, above) = roi[:-2] >= 0, roi[-2:] >= 0
        if result.channel_roi[0, c] >= 0:
            assert found >= driver.current * (1 - 1e-9), (seed, c, found)
            assert good[(scan >= driver.current) & (scan < found * (1 - 1e-9))].all(), (seed, c, found)
            assert below and not above, (seed, c, found)
        elif found > 0:
            assert not good[(scan > found * (1 + 1e-9)) & (scan <= driver.current)].any(), (seed, c, found)
            assert below and not above, (seed, c, found)
        else:
            assert not good[scan <= driver.current].any(), (seed, c, found)
