"""A gate that flips between the current value and a break-even, the figure staying on its side (docs/formulas.md
§10): the room up to the break-even holds only with the gate's channels switched, so the flip is reported with it.

The plan, by hand (as tests/whatif/test_breakeven_gate_jumps.py, with U at 20): T's test revenue paid in months
1-2 is 2,500 against 200 b of spend, ROAS 12.5 / b, so the gate (ROAS >= 7) passes while b <= 2,500 / 1,400.
Passed, contribution 8,625 against 400 b + 200 x 20: roi = 8,625 / (400 b + 4,000) - 1, 0.8295 at the flip (never
0 while passed: that needs b = 11.56). Failed, T alone in months 1-2: 3,625 against 200 b, roi = 3,625 / (200 b) - 1,
9.15 just past the flip and 0 at b = 18.125. So from b = 1 roi stays > 0 up to 18.125, but at 1.7857 the gate fails
and U (4,000 of spend) stops.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.reader.load import load_text
from aigc_roi.whatif.breakeven import BreakEven, break_even

PLAN = """
name: a test that unlocks a cheap channel
horizon_months: 4
acquisition:
  - {{name: T, type: cpa, bid: {bid}, users: 100}}
  - {{name: U, type: cpa, bid: {u_bid}, users: 100, months: 3-4}}
gates:
  - {{name: test, after_month: 2, channels: [T], min_roas: 7, then: [U]}}
retention: {{monthly_churn: 0.5}}
monetization:
  purchases:
    - {{name: item, price: 10, rate: 1}}
"""
GATE_FLIPS_AT = 2_500 / 1_400
ROI_ZERO_FAILED = 3_625 / 200


def _bid_row(bid: float, u_bid: float = 20) -> BreakEven:
    table = break_even(load_text(PLAN.format(bid=bid, u_bid=u_bid), "plan.yaml").scenario)
    return next(row for row in table.rows if row.driver.path == "acquisition[0].bid")


def test_a_flip_within_the_room_is_reported_with_the_break_even() -> None:
    row = _bid_row(1.0)
    assert row.roi_zero == pytest.approx(ROI_ZERO_FAILED, rel=1e-8)
    assert "roi_zero" not in row.jumps
    flip = row.flips["roi_zero"]
    assert flip.value == pytest.approx(GATE_FLIPS_AT, rel=1e-8)
    assert flip.sides.flipped == (0,)
    assert flip.sides.below.gates_passed == (True,) and flip.sides.above.gates_passed == (False,)
    assert flip.sides.below.roi == pytest.approx(8_625 / (400 * GATE_FLIPS_AT + 4_000) - 1, rel=1e-6)
    assert flip.sides.above.roi == pytest.approx(3_625 / (200 * GATE_FLIPS_AT) - 1, rel=1e-6)


def test_no_flip_where_the_gates_decide_alike_up_to_the_break_even() -> None:
    # From 5 (gate failed) up to 18.125 the gate stays failed; U at 40 makes the passed plan's roi 0 at 1.5625,
    # short of the flip, so from 1 the room holds with the gate passing.
    assert _bid_row(5.0).flips == {}
    assert _bid_row(1.0, u_bid=40).flips == {}


def test_json_and_table_say_the_flip(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN.format(bid=1, u_bid=20), encoding="utf-8")
    found = invoke(["breakeven", str(path), "-f", "json"])
    assert found.exit_code == 0, found.output
    row = next(row for row in json.loads(found.stdout)["drivers"] if row["path"] == "acquisition[0].bid")
    flip = row["gate_flip"]["roi_zero"]
    assert flip["value"] == pytest.approx(GATE_FLIPS_AT, rel=1e-8)
    assert flip["gates"] == ["test"] and flip["below"]["gates_passed"] == ["test"] and flip["above"]["gates_passed"] == []
    assert row["gate_jump"]["roi_zero"] is None
    for lang, marker, said in (("en", "flip", "T bid 1.78: past it gate 'test' fails"),
                               ("zh", "切换", "T 出价 1.78：越过该值闸门“test”不通过")):
        shown = invoke(["breakeven", str(path), "--lang", lang], env={"COLUMNS": "200"})
        assert shown.exit_code == 0, shown.output
        text = " ".join(shown.stdout.split())
        assert marker in text and said in text, text


def test_a_flip_below_a_price_is_reported_from_its_side() -> None:
    # The item's price p at b = 1: ROAS 1.25 p, so the gate passes while p >= 5.6. Passed, roi = 862.5 p / 4,400 - 1
    # (0 at 5.10, below the flip); failed, roi = 362.5 p / 200 - 1, 0 at p = 200 / 362.5. From 10 roi stays > 0
    # down to 0.5517, and the gate fails below 5.6 on the way.
    table = break_even(load_text(PLAN.format(bid=1, u_bid=20), "plan.yaml").scenario)
    row = next(row for row in table.rows if row.driver.path == "monetization.purchases[0].price")
    assert row.roi_zero == pytest.approx(200 / 362.5, rel=1e-8)
    flip = row.flips["roi_zero"]
    assert flip.value == pytest.approx(7 / 1.25, rel=1e-8)
    assert flip.sides.below.gates_passed == (False,) and flip.sides.above.gates_passed == (True,)
    assert flip.sides.above.roi == pytest.approx(862.5 * 5.6 / 4_400 - 1, rel=1e-6)
