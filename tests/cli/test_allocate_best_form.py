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

At today's spend both forms are options, and the best is the better ranked (whatif/allocate_proposed.py ``offered``):
at a price of 60 a user is worth far more than its bid, and 250 users fixed beat 5,000 of money at a drawn bid (QA:
``neg.yaml --budget 10000``, best 139,244 in budget form, gain -62,453, where the file as written reads 201,698); at a
price of 10 (``CHEAP``) users barely pay, and the budget form, fewer users at a high bid, does better.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest
from cli_runner import invoke
from drawn_bid_plans import DRAWS, PLAN, run_on

CHEAP = PLAN.replace("price: 60", "price: 10")





def _allocate(tmp_path: Path, budget: float, *extra: str, fmt: str = "json", plan: str = CHEAP) -> str:
    return run_on(tmp_path, plan, "allocate", "--budget", repr(budget), "--lock", "Feed", "--objective", "p10_npv",
                *DRAWS, *extra, fmt=fmt)


def _p10(tmp_path: Path, plan: str) -> float:
    return json.loads(run_on(tmp_path, plan, "simulate", *DRAWS, "--percentiles", "10"))["figures"]["npv"]["p10"]


def _by_budget(budget: float, plan: str = CHEAP) -> str:
    return plan.replace("users: 250", f"budget: {budget!r}")


def test_the_best_split_at_todays_spend_is_in_budget_form(tmp_path: Path) -> None:
    allocated = json.loads(_allocate(tmp_path, 5000.0))
    written, by_budget = _p10(tmp_path, CHEAP), _p10(tmp_path, _by_budget(5000.0))
    assert by_budget - written > 1.0  # budget form ranks higher on these draws
    at_b = next(point for point in allocated["curve"] if point["multiple"] == 1.0)
    assert allocated["best"]["split"] == pytest.approx({"Search": 5000.0}, rel=1e-12)
    # The best split, the curve's point at B and today's split in budget form: Search written by budget.
    assert allocated["best"]["value"] == pytest.approx(by_budget, rel=1e-12)
    assert at_b["value"] == allocated["best"]["value"]
    assert allocated["current_in_budget_form"] == pytest.approx(by_budget, rel=1e-12)
    # Today's split is the file as written; the gain is the best in budget form less today as written.
    assert allocated["current"]["value"] == pytest.approx(written, rel=1e-12)
    assert allocated["gain"] == pytest.approx(by_budget - written, rel=1e-9)
    assert allocated["best"]["as_written"] == []


@pytest.mark.parametrize("locked", [True, False])
def test_todays_plan_as_written_stays_where_it_ranks_higher(tmp_path: Path, locked: bool) -> None:
    # Search alone moved at 5,000 (Feed locked), or both at 10,000, today's spend either way: 250 users fixed beat
    # Search in budget form, so the best is the file as written, simulate's, and the gain nothing.
    budget, lock = (5000.0, ("--lock", "Feed")) if locked else (10000.0, ())
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    result = invoke(["allocate", str(path), "--budget", repr(budget), *lock, "--objective", "p10_npv", *DRAWS, "-f",
                     "json"], env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    allocated = json.loads(result.stdout)
    written = _p10(tmp_path, PLAN)
    assert written - _p10(tmp_path, _by_budget(5000.0, PLAN)) > 1.0  # Search as written ranks higher
    assert allocated["best"]["value"] == pytest.approx(written, rel=1e-12)
    assert allocated["gain"] == 0.0
    assert allocated["current_in_budget_form"] is None and allocated["best"]["as_written"] == ["Search"]
    at_b = next(point for point in allocated["curve"] if point["multiple"] == 1.0)
    assert at_b["value"] == allocated["best"]["value"]
    messages = " ".join(warning["message"] for warning in allocated["warnings"])
    assert "change of form" not in messages


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_todays_plan_kept_as_written_says_why_not_gates(tmp_path: Path, lang: str) -> None:
    # A plan without gates: today's split was kept for its form, not for any gate.
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    result = invoke(["allocate", str(path), "--budget", "10000", "--objective", "p10_npv", *DRAWS, "--lang", lang],
                    env={"COLUMNS": "80", "NO_COLOR": "1"})
    shown = " ".join(result.stdout.split())
    if lang == "en":
        assert "gates" not in shown
        assert ("Today's split stays the best found, as the file writes it: every split searched runs Search in budget "
                "form, today's split so run included, and none does as well.") in shown
    else:
        joined = shown.replace(" ", "")
        assert "闸门" not in joined
        assert "当前分配（按文件所写）仍是找到的最优分配：搜索出的每个分配都按预算形式计算Search" in joined


def test_the_best_split_has_no_jump_at_todays_spend(tmp_path: Path) -> None:
    best = {budget: json.loads(_allocate(tmp_path, budget))["best"]["value"] for budget in (4999.0, 5000.0, 5001.0)}
    # Budget form ranks higher at today's spend here: the best is a proposal there too.
    # A yuan either side: Search written by that budget.
    for budget in (4999.0, 5001.0):
        assert best[budget] == pytest.approx(_p10(tmp_path, _by_budget(budget)), rel=1e-12)
    # The value at B lies within the objective's change over one yuan of each neighbour.
    step = abs(best[5001.0] - best[4999.0])
    assert abs(best[5000.0] - best[4999.0]) <= step and abs(best[5001.0] - best[5000.0]) <= step


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_best_is_current_says_the_gain_is_the_change_of_form(tmp_path: Path, lang: str) -> None:
    written, by_budget = _p10(tmp_path, CHEAP), _p10(tmp_path, _by_budget(5000.0))
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


def test_the_total_at_todays_total_marks_its_curve_point() -> None:
    # --total T, T today's 12 months x 25,455.84: the search's split sits a float's rounding off today's money, which is
    # today's; its point at T runs the kol in budget form as the summary does, and says so with the value as written.
    total = 12 * 30 * math.sqrt(600 * 1200)
    result = invoke(["allocate", "scenarios/koc-seeding.yaml", "--total", repr(total), "--objective", "p10_npv",
                     "--samples", "1000", "--seed", "11", "-f", "json"], env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    allocated = json.loads(result.stdout)
    at_t = next(point for point in allocated["curve"] if point["multiple"] == 1.0)
    assert at_t["value"] == allocated["best"]["value"] == allocated["current_in_budget_form"]
    assert at_t["in_budget_form"] == ["Xiaohongshu KOC posts"]
    assert at_t["value_as_written"] == pytest.approx(allocated["current"]["value"], rel=1e-12)


GATED_KOC = """
gates:
  - {name: test, after_month: 2, channels: [Xiaohongshu KOC posts], max_cac: 7.3, then: [Feed]}
"""


def test_spends_less_counts_the_budget_form_spend(tmp_path: Path) -> None:
    # koc-seeding with a locked Feed (5,000 a month, 18 months) and a gate on the kol's CAC: at today's spend the
    # kol in budget form ranks higher, so every channel's budget gives out 12 x 25,455.84 + 18 x 5,000, the budgets
    # of the split, not the posts as written at the drawn fee.
    plan = Path("scenarios/koc-seeding.yaml").read_text(encoding="utf-8").replace(
        "    months: 1-12                     # a year of seeding, six months to collect\n",
        "    months: 1-12\n  - {name: Feed, type: cpa, bid: 20, budget: 5000, saturation_budget: 4000}\n") + GATED_KOC
    path = tmp_path / "plan.yaml"
    path.write_text(plan, encoding="utf-8")
    today = 30 * math.sqrt(600 * 1200)
    result = invoke(["allocate", str(path), "--budget", repr(today), "--lock", "Feed", "--objective", "p10_npv",
                     "--samples", "1000", "--seed", "11", "-f", "json"], env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    allocated = json.loads(result.stdout)
    spends_less = next(warning["message"] for warning in allocated["warnings"] if warning["code"] == "spends_less")
    # At the medians the gate passes: run spends all of it; the draws failing the gate are their mean's, apart.
    assert f"spends {12 * today + 18 * 5000:,.0f} over the horizon, all that every channel's budget gives out" in spends_less
    assert allocated["best"]["spend"] == pytest.approx(12 * today + 18 * 5000, rel=1e-9)
    assert allocated["best"]["spend_mean_over_draws"] < allocated["best"]["spend"]
    assert "draws it spends" in spends_less
    assert allocated["current_in_budget_form"] == allocated["best"]["value"] and allocated["best"]["as_written"] == []
