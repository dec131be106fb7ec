"""allocate's best split is a proposal, money per channel, and reads in budget form at every B, B = today's spend
included, as the budget curve's point there does (docs/allocate.md, channels given by volume; QA finding:
``allocate koc-seeding.yaml --budget 25455.844122715713 --objective p10_npv --samples 1000 --seed 11``, today's spend,
read the best split 52,020, the file as written, "Gain 0" and "B = 25,456 loses 32,266", under a curve row
``1.00 | 73,258`` and between 73,255 and 73,260 one yuan either side of B: the summary jumped at B by the change of
form alone).

The plan, by hand: Search is a cpa written by 250 users a month at a bid of "10..40", whose median is
sqrt(10 x 40) = 20, so today it spends 250 x 20 = 5,000 a month; Feed is locked. Search alone is moved, so the best
split of any B is Search at B: the file with Search written as ``budget: B`` at the same drawn bid, which the file can
say, and ``simulate`` of it on the same seed and samples is the independent value. Today's split is ``simulate`` of
the unchanged file. koc-seeding's kol spends 30 posts x sqrt(600 x 1,200) = 25,455.84 a month today.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = """version: 1
name: Users at a drawn bid
horizon_months: 6
acquisition:
  - {name: Search, type: cpa, users: 250, bid: "10..40"}
  - {name: Feed, type: cpa, bid: 20, budget: 5000, saturation_budget: 4000}
retention: {monthly_churn: 0.3}
monetization:
  purchases: [{name: Item, price: 60, rate: 1}]
targets: {max_payback_months: 3}
"""

DRAWS = ("--samples", "400", "--seed", "7")


def _run(tmp_path: Path, plan: str, *args: str, fmt: str = "json") -> str:
    path = tmp_path / "plan.yaml"
    path.write_text(plan, encoding="utf-8")
    result = invoke([args[0], str(path), *args[1:], *(["-f", "json"] if fmt == "json" else [])],
                    env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _allocate(tmp_path: Path, budget: float, *extra: str, fmt: str = "json") -> str:
    return _run(tmp_path, PLAN, "allocate", "--budget", repr(budget), "--lock", "Feed", "--objective", "p10_npv",
                *DRAWS, *extra, fmt=fmt)


def _p10(tmp_path: Path, plan: str) -> float:
    return json.loads(_run(tmp_path, plan, "simulate", *DRAWS, "--percentiles", "10"))["figures"]["npv"]["p10"]


def _by_budget(budget: float) -> str:
    return PLAN.replace("users: 250", f"budget: {budget!r}")


def test_the_best_split_at_todays_spend_is_in_budget_form(tmp_path: Path) -> None:
    allocated = json.loads(_allocate(tmp_path, 5000.0))
    written, by_budget = _p10(tmp_path, PLAN), _p10(tmp_path, _by_budget(5000.0))
    assert abs(by_budget - written) > 1.0  # the two forms differ on these draws
    at_b = next(point for point in allocated["curve"] if point["multiple"] == 1.0)
    assert allocated["best"]["split"] == pytest.approx({"Search": 5000.0}, rel=1e-12)
    # The best split, the curve's point at B and today's split in budget form: Search written by budget.
    assert allocated["best"]["value"] == pytest.approx(by_budget, rel=1e-12)
    assert at_b["value"] == allocated["best"]["value"]
    assert allocated["current_in_budget_form"] == pytest.approx(by_budget, rel=1e-12)
    # Today's split is the file as written; the gain is the best in budget form less today as written.
    assert allocated["current"]["value"] == pytest.approx(written, rel=1e-12)
    assert allocated["gain"] == pytest.approx(by_budget - written, rel=1e-9)


def test_the_best_split_has_no_jump_at_todays_spend(tmp_path: Path) -> None:
    best = {budget: json.loads(_allocate(tmp_path, budget))["best"]["value"] for budget in (4999.0, 5000.0, 5001.0)}
    # A yuan either side: Search written by that budget.
    for budget in (4999.0, 5001.0):
        assert best[budget] == pytest.approx(_p10(tmp_path, _by_budget(budget)), rel=1e-12)
    # The value at B lies within the objective's change over one yuan of each neighbour.
    step = abs(best[5001.0] - best[4999.0])
    assert abs(best[5000.0] - best[4999.0]) <= step and abs(best[5001.0] - best[5000.0]) <= step


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_best_is_current_says_the_gain_is_the_change_of_form(tmp_path: Path, lang: str) -> None:
    written, by_budget = _p10(tmp_path, PLAN), _p10(tmp_path, _by_budget(5000.0))
    shown = " ".join(_allocate(tmp_path, 5000.0, "--lang", lang, fmt="text").split())
    if lang == "en":
        assert "The best split is the current one" not in shown
        assert ("The best split gives each channel today's money: no transfer of money improves the objective, and "
                "the whole gain is the change of form of Search, run in budget form.") in shown
        assert (f"Today's split in budget form reads P10 NPV {by_budget:,.0f} (today as written {written:,.0f}): the "
                f"whole gain, {by_budget - written:,.0f}, is that change of form.") in shown
        # Said once: the curve's point at B reads the same two figures.
        assert "The budget curve runs Search in budget form" not in shown
    else:
        joined = shown.replace(" ", "")
        assert "最优分配就是当前分配" not in joined
        assert "最优分配给各渠道的资金与当前分配相同：任何资金转移都不能改善目标；收益全部来自Search按预算形式计算这一形式变化。" in joined
        assert "全部来自这一形式变化。" in joined


def _koc(budget: float, *extra: str) -> str:
    result = invoke(["allocate", "scenarios/koc-seeding.yaml", "--budget", repr(budget), "--objective", "p10_npv",
                     "--samples", "1000", "--seed", "11", *extra], env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_spend_less_measures_the_loss_from_the_curve_at_todays_spend(lang: str) -> None:
    today = 30 * math.sqrt(600 * 1200)
    allocated = json.loads(_koc(today, "-f", "json"))
    values = {point["multiple"]: point["value"] for point in allocated["curve"]}
    assert allocated["best"]["split"] == pytest.approx({"Xiaohongshu KOC posts": today}, rel=1e-12)
    assert allocated["best"]["value"] == values[1.0]
    peak = max(values.values())
    shown = " ".join(_koc(today, "--lang", lang).split())
    if lang == "en":
        loss = re.search(r"B = 25,456 loses ([\d,]+) against it", shown)
        assert loss is not None and int(loss.group(1).replace(",", "")) == round(peak - values[1.0])
    else:
        # zh writes 1.1万: the loss as the curve's difference, in 万 to one decimal.
        assert f"比它低 {(peak - values[1.0]) / 1e4:.1f}万" in shown
