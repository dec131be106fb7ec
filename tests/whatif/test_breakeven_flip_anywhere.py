"""A gate that flips at some value of a driver whose threshold has no break-even (docs/formulas.md §10): "always holds"
(or "out of reach") is no room with the gates deciding as now, so the flip nearest the current value is reported.

QA finance's plan, by hand: Creators buy 500 users a month in months 1-2 at a bid of 20 (spend 20,000), conversion
index 2. Their active user-months are 500 + (500 + 250) = 1,250 (churn 0.5), each buying the pack (10, rate 1) times
the index: 25,000. The plan converts 0.1 x 2 of each new cohort, half renewing: 100 + (100 + 50) = 250 subscriber-
months = 2,500 c at conversion c, paying the price p: test ROAS = (25,000 + 2,500 c p) / 20,000, which the gate needs
at least 1.5. A gate holds within 1e-9 of its threshold (model/gates.py ``at_least``): ROAS >= 1.5 - 1.5e-9, that is
25,000 + 2,500 c p >= 30,000 - 3e-5. At c = 0.1 it passes while p >= 20 - 1.2e-7; at p = 30 while
c >= 1 / 15 - 4e-10. Neither moves roi across 0 (both "always hold"), but past those values Feed (months 3-8) stops.
ROAS is the same at any Creators volume, and neither serving cost nor renewal (25,000 + 30 (200 + 100 r) >= 31,000)
moves the gate: no flip there.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.reader.load import load_text
from aigc_roi.whatif.breakeven import BreakEven, BreakEvenTable, break_even

PLAN = """
name: S4 creators first
horizon_months: 8
acquisition:
  - {{name: Creators, type: cpa, bid: 20, users: 500, months: 1-2, conversion_index: 2}}
  - {{name: Feed, type: cpa, bid: 10, users: 1000, months: 3-8, retention: {{monthly_churn: 0.75}}}}
{extra}
retention: {{monthly_churn: 0.5}}
monetization:
  plans:
    - {{name: Monthly, price: {price}, period: month, conversion: 0.1, renewal: 0.5}}
  purchases:
    - {{name: Pack, price: 10, rate: 1}}
costs:
  serving_per_active_user: 1
gates:
{gates}
  - {{name: creators first, after_month: 2, channels: [Creators], min_roas: 1.5, then: [Feed]}}
"""
SECOND_GATE = ("  - {name: Extra, type: cpa, bid: 5, users: 100, months: 3-8}",
               "  - {name: second, after_month: 2, channels: [Creators], min_roas: 1.3, then: [Extra]}")
PRICE_FLIP = 20 - 1.2e-7
CONVERSION_FLIP = 1 / 15 - 4e-10
FLIP_WIDTH = 2e-9
"""A flip is located to 1e-9 of its value (whatif/gate_flips.py): the value reported, on the current value's side,
lies within that of the exact one."""


def _table(price: float = 30, second_gate: bool = False) -> BreakEvenTable:
    extra, gates = SECOND_GATE if second_gate else ("", "")
    return break_even(load_text(PLAN.format(price=price, extra=extra, gates=gates), "plan.yaml").scenario)


def _row(table: BreakEvenTable, path: str) -> BreakEven:
    return next(row for row in table.rows if row.driver.path == path)


def _near(value: float, exact: float) -> bool:
    """``value`` on the current value's side of the ``exact`` flip, within the width it is located to."""
    return abs(value - exact) <= FLIP_WIDTH * abs(exact)


def test_a_price_and_a_conversion_that_always_hold_name_the_gate_flip() -> None:
    table = _table()
    for path, exact in (("monetization.plans[0].price", PRICE_FLIP), ("monetization.plans[0].conversion", CONVERSION_FLIP)):
        row = _row(table, path)
        assert row.roi_zero is None and row.payback_target is None
        for threshold in ("roi_zero", "payback_target"):
            flip = row.flips[threshold]
            # From the current value down: the last value at which the gate still passes.
            assert _near(flip.value, exact) and flip.value >= exact, (path, flip.value)
            assert flip.sides.flipped == (0,)
            assert flip.sides.below.gates_passed == (False,) and flip.sides.above.gates_passed == (True,)


def test_no_flip_where_the_driver_does_not_move_the_gate() -> None:
    table = _table()
    for path in ("acquisition[0].users", "acquisition[1].users", "monetization.plans[0].renewal",
                 "costs.serving_per_active_user"):
        assert _row(table, path).flips == {}, path


def test_the_nearest_of_several_gates_flips_either_way() -> None:
    # A second gate, listed first, needs ROAS >= 1.3: 25,000 + 2,500 c p >= 26,000 - 2.6e-5.
    # At p = 10 (first gate 'creators first' fails, 'second' passes): p flips at 4 - 1.04e-7 (6 below) before 20
    # (10 above); c at 0.04 - 1.04e-9 (0.06 below) before 0.2.
    table = _table(price=10, second_gate=True)
    price, conversion = (_row(table, f"monetization.plans[0].{field}") for field in ("price", "conversion"))
    for row, exact in ((price, 4 - 1.04e-7), (conversion, 0.04 - 1.04e-9)):
        flip = row.flips["roi_zero"]
        assert row.roi_zero is None and _near(flip.value, exact) and flip.value >= exact, flip.value
        assert flip.sides.flipped == (0,)
        assert flip.sides.below.gates_passed == (False, False) and flip.sides.above.gates_passed == (True, False)
    # At p = 15: p flips up at 20 - 1.2e-7 (5 above) before 4 (11 below), where 'creators first' starts passing;
    # c at 2 / 15 - 8e-10 (0.033 above) before 0.0267.
    table = _table(price=15, second_gate=True)
    price, conversion = (_row(table, f"monetization.plans[0].{field}") for field in ("price", "conversion"))
    for row, exact in ((price, PRICE_FLIP), (conversion, 2 / 15 - 8e-10)):
        flip = row.flips["payback_target"]
        assert row.payback_target is None and _near(flip.value, exact) and flip.value <= exact, flip.value
        assert flip.sides.flipped == (1,)
        assert flip.sides.below.gates_passed == (True, False) and flip.sides.above.gates_passed == (True, True)


CPM_PLAN = """
name: a cheap test
horizon_months: 4
acquisition:
  - {name: T, type: cpm, cpm: 10, ctr: 0.01, cvr: 0.1, budget: 1000, months: 1-2}
  - {name: U, type: cpa, bid: 30, users: 100, months: 3-4}
gates:
  - {name: cheap, after_month: 2, channels: [T], max_cac: 5, then: [U]}
retention: {monthly_churn: 0.5}
monetization:
  purchases:
    - {name: item, price: 10, rate: 1}
costs:
  serving_per_active_user: 12
"""


def test_an_out_of_reach_cost_names_a_cac_gate_flip() -> None:
    # T's CAC is cpm / (1,000 x 0.01 x 0.1) = cpm, so the gate (CAC <= 5, within 1e-9) passes while cpm <= 5 + 5e-9.
    # Serving 12 a month exceeds the 10 each user pays: every user loses money, so roi < -1 and payback never, at
    # every cpm ("out of reach"); from 10 down, the gate starts passing at 5 and U (6,000 of spend) starts.
    row = _row(break_even(load_text(CPM_PLAN, "plan.yaml").scenario), "acquisition[0].cpm")
    assert row.roi_zero is None and row.payback_target is None
    flip = row.flips["roi_zero"]
    assert _near(flip.value, 5 + 5e-9) and flip.value >= 5 + 5e-9, flip.value
    assert flip.sides.below.gates_passed == (True,) and flip.sides.above.gates_passed == (False,)


def test_every_format_says_the_flip_beside_always_holds(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN.format(price=30, extra="", gates=""), encoding="utf-8")
    found = invoke(["breakeven", str(path), "-f", "json"])
    assert found.exit_code == 0, found.output
    row = next(row for row in json.loads(found.stdout)["drivers"] if row["path"] == "monetization.plans[0].price")
    assert row["roi_zero"] is None and row["none_reason"]["roi_zero"] == "holds"
    flip = row["gate_flip"]["roi_zero"]
    assert flip["value"] == pytest.approx(PRICE_FLIP, rel=FLIP_WIDTH)
    assert flip["gates"] == ["creators first"] and flip["below"]["gates_passed"] == []
    assert flip["above"]["gates_passed"] == ["creators first"]
    for lang, marked, said in (
            ("en", "always holds flip", "Monthly price 20.00: past it gate 'creators first' fails"),
            ("zh", "始终成立 切换", "Monthly 价格 20.00：越过该值闸门“creators first”不通过")):
        shown = invoke(["breakeven", str(path), "--lang", lang], env={"COLUMNS": "200"})
        assert shown.exit_code == 0, shown.output
        # Chinese lines break anywhere, after a colon too: compared without the spaces a wrap may add.
        text = " ".join(shown.stdout.split()) if lang == "en" else "".join(shown.stdout.split())
        if lang == "zh":
            marked, said = marked.replace(" ", ""), said.replace(" ", "")
        assert marked in text and said in text, text
        assert ("Monthly conversion 6.67%" if lang == "en" else "Monthly转化率6.67%") in text, text
    markdown = invoke(["breakeven", str(path), "-f", "markdown"])
    assert "| none (always holds) flip |" in markdown.stdout, markdown.stdout
    assert 'flip beside "always holds"' in markdown.stdout
    csv = invoke(["breakeven", str(path), "-f", "csv"])
    header, *lines = csv.stdout.splitlines()
    cells = dict(zip(header.split(","), next(line for line in lines if line.startswith("monetization.plans[0].price,"))
                     .split(","), strict=True))
    assert float(cells["roi_zero_flip"]) == pytest.approx(PRICE_FLIP, rel=FLIP_WIDTH)
    assert cells["roi_zero_none_reason"] == "holds"
