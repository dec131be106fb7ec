"""A plan that meets a threshold exactly has no room, not a move to make (QA, finance review).

A bid of 15.75 for 1,000 users a month in month 1, churn 50%, each active user buying a 10.00 item a month and
costing 1.00 to serve, over 3 months: the cohort is 1,000, 500 and 250 active, so gross revenue 17,500, serving
1,750, contribution 15,750 against an ad spend of 15.75 x 1,000 = 15,750. ROI is exactly 0 and cumulative cash
reaches exactly 0 in month 3: ROI >= 0 and payback <= 3 months are met. The search found the bid's break-even a
tolerance below 15.75 (moved toward its good side) and `breakeven` read "must fall 0.0% for ROI >= 0". The current
value meets it, so it is the break-even itself: headroom 0 (docs/formulas.md §10).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.reader.load import load_path, load_text
from aigc_roi.reader.overrides import parse_overrides
from aigc_roi.whatif.breakeven import THRESHOLDS, break_even

EXACT = """name: Exact
horizon_months: 3
acquisition:
  - {name: CPA, type: cpa, bid: 15.75, users: 1000, months: 1}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: Item, price: 10, rate: 1}]
costs: {serving_per_active_user: 1}
"""


def test_every_driver_met_exactly_is_its_own_break_even() -> None:
    table = break_even(load_text(EXACT, "exact.yaml").scenario)
    assert table.roi == 0 and table.payback_month == 3
    rows = {row.driver.path: row for row in table.rows}
    for path in ("acquisition[0].bid", "monetization.purchases[0].price", "costs.serving_per_active_user"):
        for threshold in THRESHOLDS:
            assert getattr(rows[path], threshold) == rows[path].driver.current, (path, threshold)
            assert rows[path].headroom(threshold) == 0
            assert rows[path].met_at_current(threshold)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_table_asks_no_move_of_a_plan_that_meets_its_thresholds(tmp_path, lang: str) -> None:
    plan = tmp_path / "exact.yaml"
    plan.write_text(EXACT, encoding="utf-8")
    result = invoke(["breakeven", str(plan), "--lang", lang])
    assert result.exit_code == 0, result.stderr
    assert ("must" if lang == "en" else "须") not in result.stdout


def test_a_plan_set_to_its_own_break_even_has_no_room_left_on_any_driver() -> None:
    """The starter plan with its price set to its payback break-even pays back in the target month with cash a hair
    above 0: every other driver's crossing then lies within the search's tolerance of its current value, and read
    room of +0.0000000023% (bid) or -0.00000037% (budget). Such a crossing is the current value: room 0."""
    plan = Path(__file__).resolve().parents[2] / "scenarios" / "starter.yaml"
    price = "monetization.plans[0].price"
    found = {row.driver.path: row for row in break_even(load_path(plan).scenario).rows}[price].payback_target
    table = break_even(load_path(plan, parse_overrides((f"{price}={found!r}",))).scenario)
    assert table.met_now("payback_target")
    assert all(row.headroom("payback_target") in (0.0, None) for row in table.rows), [
        (row.driver.path, row.headroom("payback_target")) for row in table.rows]
