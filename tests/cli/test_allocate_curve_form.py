"""The budget curve's point at B runs its channels in budget form, as its other points do, where B is today's spend
(docs/allocate.md, channels given by volume; QA finding: ``allocate koc-seeding.yaml --objective p10_npv --samples 1000
--seed 11`` at a --budget of today's 25,455.84 read P10 NPV 52,020 at 1.00 x B, the file as written, where 0.75 x B
read 84,286 and a budget a fraction of a yuan below today's 73,258, both in budget form: the curve jumped at today's
spend by the change of form alone, and its "per extra 1 CNY of B" mixed that change into the next yuan's return).

The plan, by hand: Search is a cpa written by 250 users a month at a bid of "10..40", whose median is sqrt(10 x 40) =
20, so today it spends 250 x 20 = 5,000 a month; Feed is locked. Search alone is moved, so the split of any B is Search
at B: the curve's point at k x 5,000 is the file with Search written as ``budget: k x 5000`` at the same drawn bid,
which the file can say, and ``simulate`` of it on the same seed and samples is the independent value. Today's split
(B = 5,000) is the file as written, ``simulate`` of the unchanged file.

At B = 5,000 both are options, and the point reads the better (whatif/allocate_proposed.py ``offered``): at a price of
60 a user is worth far more than its bid, so 250 users fixed beat 5,000 of money at a drawn bid on the P10 (QA: the
point read the budget form, 139,244, where the file as written reads 201,698); at a price of 10 users barely pay, and a
fixed budget, fewer users at a high bid, does better.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from drawn_bid_plans import DRAWS, PLAN, run_on

ALLOCATE = ("allocate", "--budget", "5000", "--lock", "Feed", "--objective", "p10_npv", *DRAWS)




CHEAP = PLAN.replace("price: 60", "price: 10")
"""The same plan where budget form ranks higher at today's spend."""


def _p10(tmp_path: Path, plan: str) -> float:
    return json.loads(run_on(tmp_path, plan, "simulate", *DRAWS, "--percentiles", "10"))["figures"]["npv"]["p10"]


def _by_budget(budget: float, plan: str = PLAN) -> str:
    return plan.replace("users: 250", f"budget: {budget:g}")


def test_the_point_at_todays_budget_is_in_budget_form_as_its_neighbours(tmp_path: Path) -> None:
    allocated = json.loads(run_on(tmp_path, CHEAP, *ALLOCATE))
    points = {point["multiple"]: point for point in allocated["curve"]}
    written = _p10(tmp_path, CHEAP)
    # Today's split is the file as written: simulate's. The best split, a proposal, is in budget form as 1 x B is
    # (tests/cli/test_allocate_best_form.py).
    assert allocated["current"]["value"] == pytest.approx(written, rel=1e-12)
    assert allocated["best"]["value"] == points[1.0]["value"]
    # The curve's points, 1 x B among them, are Search written by budget.
    for multiple in (0.75, 1.0, 1.25):
        assert points[multiple]["value"] == pytest.approx(_p10(tmp_path, _by_budget(multiple * 5000, CHEAP)), rel=1e-12)
    # The forms differ on these draws, budget form the higher: the point says so, with the value as written.
    assert points[1.0]["value"] - written > 1.0
    assert points[1.0]["in_budget_form"] == ["Search"]
    assert points[1.0]["value_as_written"] == pytest.approx(written, rel=1e-12)
    assert points[0.75]["in_budget_form"] == [] and points[0.75]["value_as_written"] is None
    assert points[1.0]["as_written"] == [] and points[1.0]["value_in_budget_form"] is None


def test_the_point_at_todays_budget_reads_todays_plan_where_it_ranks_higher(tmp_path: Path) -> None:
    allocated = json.loads(run_on(tmp_path, PLAN, *ALLOCATE))
    points = {point["multiple"]: point for point in allocated["curve"]}
    written, by_budget = _p10(tmp_path, PLAN), _p10(tmp_path, _by_budget(5000))
    assert written - by_budget > 1.0  # the file as written ranks higher on these draws
    # The point at B is today's plan as written, the summary's best; its neighbours Search written by budget.
    assert points[1.0]["value"] == pytest.approx(written, rel=1e-12)
    assert allocated["best"]["value"] == points[1.0]["value"]
    for multiple in (0.75, 1.25):
        assert points[multiple]["value"] == pytest.approx(_p10(tmp_path, _by_budget(multiple * 5000)), rel=1e-12)
    assert points[1.0]["in_budget_form"] == [] and points[1.0]["value_as_written"] is None
    assert points[1.0]["as_written"] == ["Search"]
    assert points[1.0]["value_in_budget_form"] == pytest.approx(by_budget, rel=1e-12)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_point_read_as_written_is_explained(tmp_path: Path, lang: str) -> None:
    written, by_budget = _p10(tmp_path, PLAN), _p10(tmp_path, _by_budget(5000))
    shown = " ".join(run_on(tmp_path, PLAN, *ALLOCATE, "--lang", lang, fmt="text").split())
    if lang == "en":
        assert (f"At B = 5,000, today's spend, today's plan as the file writes it is an option no other budget has: "
                f"with Search as written the split there reads P10 NPV {written:,.0f}, and {by_budget:,.0f} in budget "
                "form") in shown
    else:
        joined = shown.replace(" ", "")
        assert "B=5,000即当前支出，此时按文件所写的当前方案是其他预算都没有的选项" in joined


def test_no_change_where_b_is_not_todays_spend(tmp_path: Path) -> None:
    # At 6,000 the split moves Search: its point was in budget form already, and says nothing more.
    allocated = json.loads(run_on(tmp_path, PLAN, *ALLOCATE[:2], "6000", *ALLOCATE[3:]))
    point = next(point for point in allocated["curve"] if point["multiple"] == 1.0)
    assert point["value"] == pytest.approx(_p10(tmp_path, _by_budget(6000)), rel=1e-12)
    assert point["value"] == pytest.approx(allocated["best"]["value"], rel=1e-12)
    assert point["in_budget_form"] == [] and point["value_as_written"] is None


# The sentence on the point at B reads the same two figures as the one on today's split here, and is said once:
# tests/cli/test_allocate_best_form.py.
