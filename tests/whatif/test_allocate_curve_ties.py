"""Ties on the budget curve (docs/allocate.md, the budget curve): among budgets with the same best value the lowest is
recommended (the same outcome for less money), the curve flat from there is said so, and "still rising" holds only
where the last point reads more than every point before it by more than the tolerance.

The gated plan: Test (locked, cpa bid 10, 1,000 a month in months 1-2) must reach a ROAS of 100, which 10 of revenue
per user (a purchase of 10, rate 1, in its first month) never does, so Feed, the one movable channel (months 3-4), is
stopped after month 2 at every budget: no budget buys anything, every point of the curve reads the same value.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.reader.load import load_text
from aigc_roi.whatif.allocate import allocate
from aigc_roi.whatif.allocate_result import Allocation, CurvePoint

PLAN = """\
name: Never passes
horizon_months: 4
acquisition:
  - {name: Test, type: cpa, bid: 10, budget: 1000, months: 1-2}
  - {name: Feed, type: cpa, bid: 20, budget: 1000, months: 3-4}
  - {name: Other, type: cpa, bid: 30, budget: 1000, months: 3-4}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: Item, price: 10, rate: 1}]
gates:
  - {name: Check, after_month: 2, channels: [Test], min_roas: 100, then: [Feed, Other]}
"""


def _result() -> Allocation:
    return allocate(load_text(PLAN, "never.yaml").scenario, 2000, "npv", locks=["Test"])


def test_a_flat_curve_recommends_the_lowest_budget_and_is_not_rising() -> None:
    result = _result()
    values = [point.value for point in result.curve]
    assert max(values) - min(values) == pytest.approx(0, abs=1e-6)
    assert result.recommended is not None and result.recommended.budget == 0
    assert result.still_rising is False
    assert result.flat_until is not None and result.flat_until.budget == 4000


def _with(values: list[float]) -> Allocation:
    curve = tuple(CurvePoint(1000.0 * k, value, {}) for k, value in enumerate(values))
    return dataclasses.replace(_result(), curve=curve)


@pytest.mark.parametrize(("values", "recommended", "flat", "rising"), [
    ([-10, 5, 8, 8, 8], 2000, 4000, False),      # flat at the top end: its lowest budget, not rising
    ([1, 2, 3, 3 + 1e-12, 2], 2000, 3000, False),  # equal to the tolerance: a tie
    ([1, 2, 3, 4, 5], 4000, None, True),          # strictly rising to the last point
    ([5, 5, 4, 4, 3], 0, 1000, False),            # a tie at the bottom end
    ([1, 6, 2, 6, 0], 1000, None, False),         # equal values apart: the lowest, no flat stretch after it
])
def test_ties_anywhere_go_to_the_lowest_budget(values: list[float], recommended: float, flat: float | None,
                                               rising: bool) -> None:
    result = _with(values)
    assert result.recommended is not None and result.recommended.budget == recommended
    assert (None if result.flat_until is None else result.flat_until.budget) == flat
    assert result.still_rising is rising


@pytest.mark.parametrize(("lang", "note", "rising"), [
    ("en", "Flat from 0 (0.00 × B) to 4,000: every budget between gives the same best value", "Still rising"),
    ("zh", "从 0（0.00 × B）到 4,000 曲线持平：其间每个预算的最优值相同", "仍在上升"),
])
def test_the_view_and_json_say_flat_not_rising(tmp_path: Path, lang: str, note: str, rising: str) -> None:
    path = tmp_path / "never.yaml"
    path.write_text(PLAN, encoding="utf-8")
    args = ["allocate", str(path), "--budget", "2000", "--lock", "Test", "--lang", lang]
    shown = " ".join(invoke(args, env={"COLUMNS": "200"}).stdout.split())
    assert note in shown and rising not in shown
    data = json.loads(invoke([*args, "--format", "json"]).stdout)
    assert data["recommended_budget"] == 0 and data["still_rising"] is False and data["flat_until"] == 4000
