"""Break-evens of a gated plan are real crossings; a gate's jump is reported only where no crossing bounds the
current value's side, and then as a jump (docs/formulas.md §10, QA what-if findings F1 and F2).

The plan (QA's s4), by hand: churn 0.5 over 3 months, so a user joining in month 1, 2 or 3 is active for
1.75, 1.5 or 1 user-months and earns 9 (price 10 less serving 1) in each. T buys 100 users a month at bid 10 in
months 1-3, U 100 a month at 20 in months 2-3 if T's month-1 ROAS, 10 / bid (price / bid), is >= 0.9.
Passed: T's users are active 425 user-months (3,825 of contribution), U's 250 (2,250), spend 3,000 + 4,000;
roi = (6,075 - 7,000) / 7,000 = -13.21%. Failed: T buys in month 1 only, 175 user-months, 1,575 for 1,000.
"""

from __future__ import annotations

import pytest
from breakeven_plans import GATED_S4

from aigc_roi.model.engine import evaluate
from aigc_roi.model.sampling import realize
from aigc_roi.reader.load import load_text
from aigc_roi.whatif.breakeven import BreakEven, break_even
from aigc_roi.whatif.drivers import with_value

UNGATED = """
version: 1
name: S1 worked example
horizon_months: 3
acquisition:
  - {name: CPA, type: cpa, bid: 20, users: 1000, months: 1}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: Item, price: 10, rate: 1}]
costs: {serving_per_active_user: 1}
"""


def _rows(text: str) -> dict[str, BreakEven]:
    return {row.driver.path: row for row in break_even(load_text(text, "plan.yaml").scenario).rows}


def _roi_at(text: str, path: str, value: float) -> float:
    return float(evaluate(with_value(realize(load_text(text, "plan.yaml").scenario), path, value)).figures["roi"][0])


def test_each_break_even_of_a_gated_plan_is_where_roi_crosses_zero_not_where_the_gate_flips() -> None:
    rows = _rows(GATED_S4.format(u_bid=20))
    # Passed, roi x spend = 6,075 - 300 b - 4,000 for T's bid b: 0 at 2,075 / 300. The gate's flip at 10 / 0.9 is
    # nearer 10 but roi jumps there from -17% to +42%, never 0.
    # Price p: 675 (p - 1) = 7,000 at p = 1 + 7,000 / 675; the flip at 9 (-23% to +40%) is nearer.
    # T's users u: 38.25 u + 2,250 = 30 u + 4,000 at u = 1,750 / 8.25; U's bid c: 6,075 = 3,000 + 200 c;
    # U's users v: 3,825 + 22.5 v = 3,000 + 40 v.
    expected = {"acquisition[0].bid": 2_075 / 300, "monetization.purchases[0].price": 1 + 7_000 / 675,
                "acquisition[0].users": 1_750 / 8.25, "acquisition[1].bid": 3_075 / 200,
                "acquisition[1].users": 825 / 17.5}
    for path, value in expected.items():
        row = rows[path]
        # No fixed costs and a 3-month horizon: payback by month 3 is net cash >= 0, where roi >= 0.
        assert row.roi_zero == pytest.approx(value, rel=1e-8), path
        assert row.payback_target == pytest.approx(value, rel=1e-8), path
        assert not row.jumps, path
        assert _roi_at(GATED_S4.format(u_bid=20), path, value) == pytest.approx(0.0, abs=1e-7)


def test_a_volume_is_no_break_even_at_zero_where_the_campaign_stops() -> None:
    # F2: at 0 users T spends nothing, fails its test, U never runs: no spend, cash 0, "payback" in month 1. That is
    # switching the campaign off, not a volume that pays back; any volume above 0 needs 8.25 u >= 1,750.
    assert _rows(GATED_S4.format(u_bid=20))["acquisition[0].users"].payback_target == pytest.approx(1_750 / 8.25, rel=1e-8)
    # The same rule without gates: cumulative cash -11 u, -6.5 u, -4.25 u is never >= 0 for u > 0.
    users = _rows(UNGATED)["acquisition[0].users"]
    assert (users.roi_zero, users.payback_target) == (None, None)


def test_where_only_a_gate_flip_changes_the_side_the_break_even_is_reported_as_that_jump() -> None:
    # U at 40: passed, roi x spend = 6,075 - 300 b - 8,000 < 0 for every bid; failed (b > 10 / 0.9), T alone earns
    # 1,575 for 100 b, roi >= 0 up to 15.75. From b = 10 the side changes first at the flip, a jump.
    text = GATED_S4.format(u_bid=40)
    row = _rows(text)["acquisition[0].bid"]
    flip = 10 / 0.9
    assert row.roi_zero == pytest.approx(flip, rel=1e-8) and row.roi_zero > flip
    jump = row.jumps["roi_zero"]
    assert jump.flipped == (0,)
    assert (jump.below.gates_passed, jump.above.gates_passed) == ((True,), (False,))
    # Below: (6,075 - 300 b - 8,000) / (300 b + 8,000); above: 1,575 / 100 b - 1; at b = 100 / 9.
    assert jump.below.roi == pytest.approx(-5_258.3333333 / 11_333.3333333, rel=1e-6)
    assert jump.above.roi == pytest.approx(1_575 / 1_111.1111111 - 1, rel=1e-6)
    # Payback by month 3: never while passed; failed, cumulative cash -211.1, +238.9: month 2.
    pay = row.jumps["payback_target"]
    assert row.payback_target == pytest.approx(flip, rel=1e-8)
    assert (pay.below.payback_month, pay.above.payback_month) == (None, 2)
    # The price still has a real crossing above: 675 (p - 1) = 3,000 + 8,000.
    price = _rows(text)["monetization.purchases[0].price"]
    assert price.roi_zero == pytest.approx(1 + 11_000 / 675, rel=1e-8) and not price.jumps
