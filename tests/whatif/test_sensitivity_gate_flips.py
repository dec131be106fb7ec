"""Sensitivity knows, per move, which gates pass there, and which decide otherwise than now (docs/formulas.md §10).

The plan, by hand: T buys 100 users in month 1 at a bid b, U 100 a month in months 2-3 at 40; each active user buys
rate 0.5 items at a price p a month, churn 0.5 (R = 1, 0.5, 0.25). T's test revenue paid in month 1 is 100 x 0.5 p
against 100 b of spend: ROAS 0.5 p / b, 1.0 now (p 20, b 10).

With min_roas 0.9 the gate passes now. A price of 16 (-20%) gives 0.8 and a bid of 12 (+20%) 0.8333: it fails, and
U buys nothing. A price of 24 (1.2) or a bid of 8 (1.25) passes; T's users and U's drivers move no test revenue
or test spend: nothing flips. Net cash now: T's users 175 active user-months (100 + 50 + 25), U's 250 (100 in
month 2; 50 + 100 in month 3), 425 x 0.5 x 20 = 4,250 against 1,000 + 8,000 = -4,750. At a price of 16 with the gate
failed, T alone: 175 x 0.5 x 16 = 1,400 against 1,000 = +400: the lower price raises net cash by 5,150.

With min_roas 1.1 the gate fails now, and a price of 24 or a bid of 8 makes it pass: at 24, 425 x 0.5 x 24 = 5,100
against 9,000 = -3,900, where now (T alone) is 1,750 - 1,000 = +750.
"""

from __future__ import annotations

import textwrap

from aigc_roi.model.scenario import Scenario
from aigc_roi.present.sensitivity import grid_json, sensitivity_json, sensitivity_rows
from aigc_roi.reader.load import load_text
from aigc_roi.whatif.sensitivity import Sensitivity, grid, sensitivity

PLAN = """
name: a one-month test that unlocks a dear channel
horizon_months: 3
acquisition:
  - {{name: T, type: cpa, bid: 10, users: 100, months: 1}}
  - {{name: U, type: cpa, bid: 40, users: 100, months: 2-3}}
{gates}
retention: {{monthly_churn: 0.5}}
monetization:
  purchases:
    - {{name: item, price: 20, rate: 0.5}}
"""
GATE = "gates:\n  - {{name: test, after_month: 1, channels: [T], min_roas: {roas}, then: [U]}}"


def plan(min_roas: float | None) -> Scenario:
    gates = "" if min_roas is None else GATE.format(roas=min_roas)
    return load_text(textwrap.dedent(PLAN.format(gates=gates)), "plan.yaml").scenario


def flips(analysis: Sensitivity) -> dict[str, tuple[tuple[int, ...], tuple[int, ...]]]:
    return {row.driver.path: (row.low.outcome.flipped(analysis.base), row.high.outcome.flipped(analysis.base))
            for row in analysis.rows}


def test_a_move_that_fails_a_passing_gate_is_known_on_its_side_only() -> None:
    analysis = sensitivity(plan(0.9))
    assert analysis.base.gates_passed == (True,)
    assert analysis.flips
    assert flips(analysis) == {
        "acquisition[0].bid": ((), (0,)),
        "monetization.purchases[0].price": ((0,), ()),
        "acquisition[0].users": ((), ()),
        "acquisition[1].bid": ((), ()),
        "acquisition[1].users": ((), ()),
        "costs.serving_per_active_user": ((), ()),
    }
    price = next(row for row in analysis.rows if row.driver.path == "monetization.purchases[0].price")
    assert price.low.outcome.gates_passed == (False,)
    assert analysis.base.net_cash is not None and abs(analysis.base.net_cash - -4_750) < 1e-9
    assert price.low.outcome.net_cash is not None and abs(price.low.outcome.net_cash - 400) < 1e-9


def test_a_move_that_passes_a_failing_gate_is_known_too() -> None:
    analysis = sensitivity(plan(1.1))
    assert analysis.base.gates_passed == (False,)
    assert {path: sides for path, sides in flips(analysis).items() if sides != ((), ())} == {
        "acquisition[0].bid": ((0,), ()),
        "monetization.purchases[0].price": ((), (0,)),
    }
    price = next(row for row in analysis.rows if row.driver.path == "monetization.purchases[0].price")
    assert analysis.base.net_cash is not None and abs(analysis.base.net_cash - 750) < 1e-9
    assert price.high.outcome.net_cash is not None and abs(price.high.outcome.net_cash - -3_900) < 1e-9


def test_json_and_csv_name_the_gates_each_side_flips() -> None:
    analysis = sensitivity(plan(0.9))
    data = sensitivity_json(analysis)
    assert data["base"]["gates_passed"] == ["test"]
    sides = {row["path"]: (row["low"]["gates_flipped"], row["high"]["gates_flipped"]) for row in data["drivers"]}
    assert sides["acquisition[0].bid"] == ([], ["test"])
    assert sides["monetization.purchases[0].price"] == (["test"], [])
    assert sides["acquisition[1].bid"] == ([], [])
    header, rows = sensitivity_rows(analysis)
    assert header[-2:] == ["low_gates_flipped", "high_gates_flipped"]
    cells = {row[0]: row[-2:] for row in rows}
    assert cells["acquisition[0].bid"] == ["", "test"]
    assert cells["monetization.purchases[0].price"] == ["test", ""]


def test_grid_cells_where_the_gate_decides_otherwise() -> None:
    # Rows the price 16, 20, 24; columns the bid 8, 10, 12: ROAS 0.5 p / b is below 0.9 at (16, 10) 0.8,
    # (16, 12) 0.667 and (20, 12) 0.833 only.
    table = grid(plan(0.9), "monetization.purchases[0].price", "acquisition[0].bid", steps=3)
    assert table.row_values == (16.0, 20.0, 24.0) and table.column_values == (8.0, 10.0, 12.0)
    assert table.base_gates_passed == (True,)
    assert [(i, j) for i, j, _ in table.flipped] == [(0, 1), (0, 2), (1, 2)]
    assert grid_json(table)["gates_flipped"] == [[0, 1, ["test"]], [0, 2, ["test"]], [1, 2, ["test"]]]


def test_nothing_is_added_where_no_gate_flips() -> None:
    # min_roas 0.5: the lowest ROAS of any move, 0.8, still passes; and a plan without gates has none to flip.
    for scenario in (plan(0.5), plan(None)):
        analysis = sensitivity(scenario)
        assert not analysis.flips
        data = sensitivity_json(analysis)
        assert "gates_passed" not in data["base"]
        assert all("gates_flipped" not in row[side] for row in data["drivers"] for side in ("low", "high"))
        assert sensitivity_rows(analysis)[0][-1] == "high_payback_month"
        table = grid(scenario, "monetization.purchases[0].price", "acquisition[0].bid", steps=3)
        assert table.flipped == () and "gates_flipped" not in grid_json(table)
