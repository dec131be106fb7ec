"""The budget curve shows the objective's true value at each point's split, never the search's penalised score, and
marks the budgets whose split breaks a limit (docs/allocate.md, the figures shown).

The plan, worked by hand: two months, users who never churn and buy an item of 15 every month. Cheap buys a user for
20, Dear for 40, so every yuan goes to Cheap, and a budget b a month buys b / 20 users a month: month 1's cash is
15 b / 20 - b = -0.25 b, month 2's 15 x 2 b / 20 - b = 0.5 b. Net cash over the horizon is 0.25 b, the peak cash
need 0.25 b (the end of month 1), and the plan pays back in month 2 whatever b.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.reader.load import load_text
from aigc_roi.whatif.allocate import Limits, allocate

PLAN = """\
name: Limits
horizon_months: 2
acquisition:
  - {name: Cheap, type: cpa, bid: 20, budget: 50000}
  - {name: Dear, type: cpa, bid: 40, budget: 50000}
retention: {monthly_churn: 0}
monetization:
  purchases: [{name: item, price: 15, rate: 1}]
"""
BUDGETS = [25_000 * k for k in range(9)]  # 0, 0.25B, ..., 2B with B = 100,000
KEPT = [budget <= 80_000 for budget in BUDGETS]  # a cash need of 0.25 b is at most 20,000 up to b = 80,000


def test_a_budget_over_the_cash_limit_shows_its_net_cash_and_that_it_breaks_the_limit() -> None:
    scenario = load_text(PLAN, "limits.yaml").scenario
    result = allocate(scenario, 100_000, "net_cash", limits=Limits(max_cash_need=20_000))
    # 0.25 b at every budget; the search's score at 100,000 was 25,000 - 1,000 x (25,000 - 20,000) = -4,975,000.
    assert [point.value for point in result.curve] == pytest.approx([0.25 * budget for budget in BUDGETS])
    assert [point.limit_met for point in result.curve] == KEPT
    assert result.curve[4].value == pytest.approx(result.best_value)
    # The best budget that keeps the limit: 75,000 (18,750), not 200,000 (50,000), which breaks it.
    assert result.recommended is not None and result.recommended.budget == 75_000


def test_a_probability_with_a_limit_is_a_probability_at_every_budget() -> None:
    # Every budget pays back in month 2 (the target is 12, past the horizon): 100% at each point, kept or not;
    # the search's score at 100,000 was 1 - 1,000 x 5,000 / 200,000 = -24.
    scenario = load_text(PLAN, "limits.yaml").scenario
    result = allocate(scenario, 100_000, "payback_probability", samples=10, limits=Limits(max_cash_need=20_000))
    assert [point.value for point in result.curve] == [1.0] * 9
    assert [point.limit_met for point in result.curve] == KEPT


def test_no_budget_keeping_the_limits_recommends_none() -> None:
    # A cash need of at most 1: only a budget of 0 keeps it, and with a minimum of 10 in Cheap no budget does.
    scenario = load_text(PLAN, "limits.yaml").scenario
    result = allocate(scenario, 100_000, "net_cash", minimums={"Cheap": 10}, limits=Limits(max_cash_need=1))
    assert not any(point.limit_met for point in result.curve)
    assert result.recommended is None


def _file(tmp_path: Path) -> str:
    path = tmp_path / "limits.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return str(path)


def test_json_csv_and_the_view_give_the_values_and_mark_the_budgets_over_the_limit(tmp_path: Path) -> None:
    options = ["allocate", _file(tmp_path), "--budget", "100000", "--objective", "net_cash", "--max-cash-need", "20000"]
    data = json.loads(invoke([*options, "--format", "json"]).stdout)
    assert [point["value"] for point in data["curve"]] == pytest.approx([0.25 * budget for budget in BUDGETS])
    assert [point["limit_met"] for point in data["curve"]] == KEPT
    assert data["recommended_budget"] == 75_000
    rows = list(csv.DictReader(io.StringIO(invoke([*options, "--format", "csv", "--table", "curve"]).stdout)))
    assert [float(row["value"]) for row in rows] == pytest.approx([0.25 * budget for budget in BUDGETS])
    assert [row["limit_met"] for row in rows] == [str(int(kept)) for kept in KEPT]
    for lang, mark, advice in (
        ("en", "limits not kept", "» Spend less: no split of B = 100,000 keeps the limits; of the budget curve's budgets "
                                  "that keep them, the best net cash is at 75,000 (18,750)."),
        ("zh", "未满足约束", "» 少花钱：所给预算 B = 10.0万 下没有分配能满足约束；"
                             "预算曲线上满足约束的预算中，净现金流最高处在 7.5万（1.9万）。"),
    ):
        shown = invoke([*options, "--lang", lang], env={"COLUMNS": "200", "NO_COLOR": "1"}).stdout
        marked = [line for line in shown.splitlines() if mark in line]
        assert len(marked) == 5  # 100,000 .. 200,000
        assert advice in shown
        assert "-4,975,000" not in shown and "-497.5万" not in shown


@pytest.mark.parametrize(("lang", "mark", "peak", "rising"), [
    ("en", "★ highest shown", "★ peak", "Still rising at 200,000 (2.00 × B)"),
    ("zh", "★ 所示最高", "★ 峰值", "到 20.0万（2.00 × B）仍在上升"),
])
def test_a_best_value_at_the_curves_end_is_no_peak(tmp_path: Path, lang: str, mark: str, peak: str, rising: str) -> None:
    """QA zh3 F4: net cash 0.25 b rises at every budget, so the curve's last point, 2B = 200,000 (50,000), is the
    highest only because the curve stops there; it was marked "★ peak" above a note that it is still rising."""
    options = ["allocate", _file(tmp_path), "--budget", "100000", "--objective", "net_cash", "--lang", lang]
    shown = invoke(options, env={"COLUMNS": "200", "NO_COLOR": "1"}).stdout
    assert [line for line in shown.splitlines() if mark in line] == [next(line for line in shown.splitlines()
                                                                           if "200,000" in line or "20.0万" in line)]
    assert peak not in shown and rising in shown
    data = json.loads(invoke([*options, "--format", "json"]).stdout)
    assert data["recommended_budget"] == 200_000 and data["still_rising"] is True
    assert rising in invoke([*options, "--format", "markdown"]).stdout
    # Under the cash limit the best kept budget, 75,000, has a next budget (100,000) that breaks it: a peak.
    limited = [*options, "--max-cash-need", "20000"]
    assert peak in invoke(limited, env={"COLUMNS": "200", "NO_COLOR": "1"}).stdout
    assert json.loads(invoke([*limited, "--format", "json"]).stdout)["still_rising"] is False
