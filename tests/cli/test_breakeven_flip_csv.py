"""`breakeven -f csv` says a gate's flip within a room as the table's "flip" mark and JSON's `gate_flip` do
(docs/formulas.md §10): before, the CSV had no column for it and a spreadsheet read a clean room.

The plan, by hand (tests/whatif/test_breakeven_flip_within_room.py): T's test revenue paid in months 1-2 is 2,500
against 200 b of spend, ROAS 12.5 / b, so the gate (ROAS >= 7) passes while b <= 2,500 / 1,400. Passed, roi =
8,625 / (400 b + 4,000) - 1; failed, roi = 3,625 / (200 b) - 1 (0 at 18.125, the break-even from b = 1). The item's
price p at b = 1: ROAS 1.25 p, so the gate passes while p >= 7 / 1.25 = 5.6; passed, roi = 862.5 p / 4,400 - 1.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from cli_runner import invoke

ROOT = Path(__file__).resolve().parents[2]
GATED = str(ROOT / "scenarios" / "creators-first-gated.yaml")
PLAN = """
name: a test that unlocks a cheap channel
horizon_months: 4
acquisition:
  - {name: T, type: cpa, bid: 1, users: 100}
  - {name: U, type: cpa, bid: 20, users: 100, months: 3-4}
gates:
  - {name: test, after_month: 2, channels: [T], min_roas: 7, then: [U]}
retention: {monthly_churn: 0.5}
monetization:
  purchases:
    - {name: item, price: 10, rate: 1}
"""
FLIP_BID = 2_500 / 1_400
FLIP_PRICE = 7 / 1.25


def _csv(*args: str) -> dict[str, dict[str, str]]:
    result = invoke(["breakeven", *args, "-f", "csv", "-q"])
    assert result.exit_code == 0, result.stderr
    return {row["path"]: row for row in csv.DictReader(io.StringIO(result.stdout))}


def _run(path: str, setting: str) -> dict:
    result = invoke(["run", path, "--set", setting, "-f", "json", "-q"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_the_csv_carries_the_flip_within_the_room(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    rows = _csv(str(plan))
    bid = rows["acquisition[0].bid"]
    assert float(bid["roi_zero"]) == pytest.approx(3_625 / 200, rel=1e-8)
    assert float(bid["roi_zero_flip"]) == pytest.approx(FLIP_BID, rel=1e-8)
    assert bid["roi_zero_flip_gates"] == "test"
    assert (bid["roi_zero_flip_gates_passed_below"], bid["roi_zero_flip_gates_passed_above"]) == ("test", "")
    assert float(bid["roi_zero_flip_roi_below"]) == pytest.approx(8_625 / (400 * FLIP_BID + 4_000) - 1, rel=1e-6)
    assert float(bid["roi_zero_flip_roi_above"]) == pytest.approx(3_625 / (200 * FLIP_BID) - 1, rel=1e-6)
    assert bid["roi_zero_jump"] == "0"
    # A price: the gate passes above the flip, fails below it.
    price = rows["monetization.purchases[0].price"]
    assert float(price["roi_zero_flip"]) == pytest.approx(FLIP_PRICE, rel=1e-8)
    assert (price["roi_zero_flip_gates_passed_below"], price["roi_zero_flip_gates_passed_above"]) == ("", "test")
    assert float(price["roi_zero_flip_roi_above"]) == pytest.approx(862.5 * FLIP_PRICE / 4_400 - 1, rel=1e-6)
    # Either side's payback month and gates as a run there gives them (--set just below and just above the flip).
    for side, value in (("below", FLIP_BID * (1 - 1e-6)), ("above", FLIP_BID * (1 + 1e-6))):
        run = _run(str(plan), f"acquisition[0].bid={value:.9f}")
        assert bid[f"roi_zero_flip_gates_passed_{side}"] == ("test" if run["gates"][0]["passed"] else "")
        month = run["figures"]["payback_month"]
        assert bid[f"roi_zero_flip_payback_month_{side}"] == ("" if month is None else str(month))


def test_a_row_without_a_flip_leaves_its_flip_cells_empty(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    # U's bid moves no gate's test: U is what the gate unlocks.
    unlocked = _csv(str(plan))["acquisition[1].bid"]
    assert all(unlocked[key] == "" for key in unlocked if "_flip" in key)


def test_the_bundled_gated_plan_flips_where_a_run_says_the_gate_does() -> None:
    # The creators' gate is ROAS >= 0.7 over months 1-2; their revenue does not depend on the fee, so ROAS x fee
    # is the same at every fee, and the gate flips at (ROAS at 30,000) x 30,000 / 0.7.
    gate = _run(GATED, "acquisition[0].fee=30000")["gates"][0]
    flip = gate["roas"] * 30_000 / gate["min_roas"]
    fee = _csv(GATED)["acquisition[0].fee"]
    for threshold in ("roi_zero", "payback_target"):
        assert float(fee[f"{threshold}_flip"]) == pytest.approx(flip, rel=1e-8)
        assert fee[f"{threshold}_flip_gates"] == gate["name"] == "creators prove the product"
        assert fee[f"{threshold}_flip_gates_passed_below"] == "creators prove the product"
        assert fee[f"{threshold}_flip_gates_passed_above"] == ""
    # The room the table marks: the break-even lies past the flip.
    assert float(fee["roi_zero"]) > float(fee["roi_zero_flip"]) > 30_000
    # A run a cent either side: the gate's test passes, then fails.
    assert _run(GATED, "acquisition[0].fee=41652.02")["gates"][0]["passed"] is True
    assert _run(GATED, "acquisition[0].fee=41652.03")["gates"][0]["passed"] is False
    assert 41_652.02 <= float(fee["roi_zero_flip"]) < 41_652.03


RISING_PRICE = """
name: Price flip
horizon_months: 6
acquisition:
  - {name: Early, type: cpa, bid: 10, users: 100, months: 1-2}
  - {name: Late, type: cpa, bid: 10, users: 1000, months: 3-6}
retention: {monthly_churn: 0.9}
monetization:
  purchases: [{name: Item, price: 4, rate: 1}]
gates:
  - {name: G, after_month: 2, channels: [Early], min_roas: 0.5, then: [Late]}
"""


def test_a_flip_above_a_price_is_said_at_the_value_where_the_gate_still_fails(tmp_path: Path) -> None:
    """By hand: Early's users pay p in months 1-2 as 100 + (100 + 10) active users, 210 p against 2,000 of spend, so
    G passes from p = 2,000 x 0.5 / 210 = 4.7619...; at p = 4 it fails and ROI is below 0, whose break-even lies past
    the flip. The note names the flip rounded toward the current value, 4.76, where G still fails as it does now; it
    read 4.77, the break-even's own rounding (up, a price's good side), where G already passes."""
    plan = tmp_path / "flip.yaml"
    plan.write_text(RISING_PRICE, encoding="utf-8")
    assert 4.76 < 2_000 * 0.5 / 210 < 4.77
    result = invoke(["breakeven", str(plan)], env={"COLUMNS": "200"})
    assert "Item price 4.76: past it gate 'G' passes" in " ".join(result.stdout.split())
