"""Break-even where a gate's flip makes the figures jump (whatif/gate_flips.py, docs/formulas.md §10).

The plan, by hand: each of T's users earns 10 R(a) with R = 1, 0.5, 0.25, 0.125 (churn 0.5), so one joining in
month 1, 2, 3 or 4 brings 18.75, 17.5, 15 or 10 by month 4. T's test revenue paid in months 1-2 is
100 (10 + 5) + 100 (10) = 2,500 against 200 b of spend: ROAS 12.5 / b, so the gate (ROAS >= 7) passes while
b <= 2,500 / 1,400 = 1.7857142857. Passed, U buys 100 users in months 3-4 at 40: contribution
100 (18.75 + 17.5 + 15 + 10) + 100 (15 + 10) = 8,625 against 400 b + 8,000, so roi = 0 at b = 625 / 400 = 1.5625
and roi < 0 on (1.5625, 1.7857]. Failed, T alone in months 1-2: 3,625 against 200 b, roi > 0 up to b = 18.125.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from aigc_roi.model.engine import evaluate
from aigc_roi.model.limits import MIN_MAGNITUDE
from aigc_roi.model.sampling import realize
from aigc_roi.reader.load import load_path, load_text
from aigc_roi.whatif.breakeven import break_even
from aigc_roi.whatif.drivers import GATES_PASSED, with_value
from aigc_roi.whatif.gate_flips import split_at_gate_flips
from aigc_roi.whatif.lockstep import Answer

PLAN = """
name: a test that unlocks a dear channel
horizon_months: 4
acquisition:
  - {{name: T, type: cpa, bid: {bid}, users: 100}}
  - {{name: U, type: cpa, bid: 40, users: 100, months: 3-4}}
gates:
  - {{name: g, after_month: 2, channels: [T], min_roas: 7, then: [U]}}
retention: {{monthly_churn: 0.5}}
monetization:
  purchases:
    - {{name: item, price: 10, rate: 1}}
"""
ROOT = Path(__file__).resolve().parents[2]
GATE_FLIPS_AT = 2_500 / 1_400
ROI_ZERO_WHILE_PASSED = 625 / 400


def _bid_row(bid: float) -> tuple[float | None, float | None]:
    table = break_even(load_text(PLAN.format(bid=bid), "plan.yaml").scenario)
    row = next(row for row in table.rows if row.driver.path == "acquisition[0].bid")
    return row.roi_zero, row.payback_target


def test_a_window_between_grid_points_where_roi_dips_below_zero_is_found() -> None:
    # Every grid point near 1 (1.0, 1.46, 1.97) has roi > 0: the window (1.5625, 1.7857] lies between two of them.
    roi_zero, payback = _bid_row(1.0)
    assert roi_zero == pytest.approx(ROI_ZERO_WHILE_PASSED, rel=1e-8)
    # Nothing costs money but the bids, so cumulative cash is >= 0 from month 4 exactly where roi >= 0.
    assert payback == pytest.approx(ROI_ZERO_WHILE_PASSED, rel=1e-8)


def test_inside_the_window_the_crossing_is_kept_though_the_gate_failing_is_nearer() -> None:
    # At 1.7 roi < 0; 1.5625 lies 0.1375 below, the flip 0.0857 above, past which the gate fails and roi jumps
    # from -1% to +915% without meeting 0: the break-even is where roi is 0, not the flip.
    roi_zero, _ = _bid_row(1.7)
    assert roi_zero == pytest.approx(ROI_ZERO_WHILE_PASSED, rel=1e-8)
    realized = realize(load_text(PLAN.format(bid=1.7), "plan.yaml").scenario)
    assert roi_zero is not None and roi_zero < ROI_ZERO_WHILE_PASSED
    assert evaluate(with_value(realized, "acquisition[0].bid", roi_zero)).figures["roi"][0] >= 0
    assert evaluate(with_value(realized, "acquisition[0].bid", GATE_FLIPS_AT * (1 - 1e-6))).figures["roi"][0] < 0


def test_two_flips_between_the_same_neighbours_are_each_split() -> None:
    # Gate a passes up to 1.2, gate b up to 1.25: both flip between the grid points 1 and 2.
    flips = np.array([1.2, 1.25])
    grid = np.array([[0.5, 1.0, 2.0]])

    def answer(values: np.ndarray) -> Answer:
        passed = (values[..., None] <= flips).astype(np.float64)
        return {"roi": values - 1.1}, {GATES_PASSED: passed}

    steps = split_at_gate_flips([object()], grid, answer(grid), lambda found: {"roi": found[0]["roi"]},  # type: ignore[list-item]
                                lambda values: np.maximum(1e-9 * values, 1e-12))
    asked = next(steps)
    try:
        while True:
            asked = steps.send(answer(np.asarray(asked[1])))
    except StopIteration as done:
        merged, levels, _ = done.value
    values = merged[0]
    assert list(values[:2]) == [0.5, 1.0] and values[-1] == 2.0
    for flip in flips:
        below, above = values[values <= flip].max(), values[values > flip].min()
        assert flip - below <= 1e-9 * flip and above - flip <= 1e-9 * flip
    np.testing.assert_array_equal(levels["roi"][0], values - 1.1)


def test_every_value_between_now_and_a_bundled_gated_plans_break_even_meets_it() -> None:
    # The crossing kept is the nearest: on a dense line of values from the current one to it, each run meets roi >= 0
    # (a price of 299 fell to roi < 0 from 212.96 down to the gate's flip near 190, which the old grid skipped).
    scenario = load_path(ROOT / "scenarios" / "creators-first-gated.yaml").scenario
    table = break_even(scenario)
    assert table.met_now("roi_zero")
    realized = realize(scenario)
    for row in table.rows:
        if row.roi_zero is None:
            continue
        between = np.linspace(row.driver.current, row.roi_zero, 400)
        roi = evaluate(with_value(realized, row.driver, between)).figures["roi"]
        assert np.all(roi >= -1e-9), (row.driver.path, between[np.argmax(roi < -1e-9)])


TEST_AT_ZERO = """
name: a gate that fails only where its test spends nothing
horizon_months: 4
acquisition:
  - {name: T, type: cpa, bid: 10, budget: 1000}
  - {name: U, type: cpa, bid: 1, users: 100, months: 3-4}
  - {name: L, type: cpa, bid: 100, users: 10, months: 1}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: item, price: 10, rate: 1}]
gates:
  - {name: g, after_month: 2, channels: [T], min_roas: 0.5, then: [U]}
"""


def test_a_test_switched_off_is_no_break_even_of_its_budget() -> None:
    # T's test ROAS is (B/10) (15 + 10) / 2B = 1.25 whatever its budget B > 0, so the gate passes: U's and L's
    # users bring 100 x 25 + 10 x 18.75 = 2,687.5 for 1,200 of spend, T's 6.125 B for 4 B, roi > 0. At B = 0 the
    # test has no spend and fails: L alone, roi = (187.5 - 1,000) / 1,000 = -0.8125. A budget of 0 is no test at
    # all, a plan without T: roi >= 0 holds at every budget T may have, as payback does.
    table = break_even(load_text(TEST_AT_ZERO, "plan.yaml").scenario)
    row = next(row for row in table.rows if row.driver.path == "acquisition[0].budget")
    assert (row.roi_zero, row.payback_target) == (None, None)
    realized = realize(load_text(TEST_AT_ZERO, "plan.yaml").scenario)
    assert evaluate(with_value(realized, "acquisition[0].budget", MIN_MAGNITUDE)).figures["roi"][0] >= 0
    assert evaluate(with_value(realized, "acquisition[0].budget", 0.0)).figures["roi"][0] == pytest.approx(-0.8125)
