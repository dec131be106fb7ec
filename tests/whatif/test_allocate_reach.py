"""`allocate --reach KEY@MONTH=VALUE` (issue 22): the least monthly budget whose best split reaches a milestone.

The plan, worked by hand: channel A buys at a bid of 10, B at 20, no saturation, so a budget b a month in
A buys b / 10 users a month and A is always the cheaper way to users. 10% of new users subscribe to a
monthly plan and always renew, so the subscribers in force in month m are 0.1 x users a month x m.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.model.scenario import Milestone
from aigc_roi.reader.load import load_text
from aigc_roi.whatif.allocate import AllocationError, allocate

PLAN = """\
name: Reach
horizon_months: 12
acquisition:
  - {name: A, type: cpa, bid: 10, budget: 1000}
  - {name: B, type: cpa, bid: 20, budget: 1000}
retention: {monthly_churn: 0.5}
monetization:
  plans: [{name: Monthly, price: 30, period: month, conversion: 0.1, renewal: 1}]
"""


def _plan() -> object:
    return load_text(PLAN, "reach.yaml").scenario


def test_new_users_in_month_6_need_a_budget_of_12000_all_in_the_cheaper_channel() -> None:
    # 1,200 new users in month 6 at 10 each: 12,000 a month, all of it in A (B's users cost twice as much).
    result = allocate(_plan(), 0, reach=Milestone(6, "new_users", 1200))  # type: ignore[arg-type]
    assert result.budget == pytest.approx(12_000, rel=2e-4)
    assert result.best_split["A"] == pytest.approx(result.budget) and result.best_split["B"] == 0
    check = result.constraints["reach"]
    assert check.limit == 1200 and check.met and check.value == pytest.approx(1200, rel=2e-4)


@pytest.mark.parametrize("milestone", [Milestone(6, "new_users", 1200), Milestone(6, "subscribers", 0)])
def test_the_split_shown_is_the_reaching_one_by_its_basis(milestone: Milestone) -> None:
    # At 12,000 and at a budget of 0 alike (a milestone reached without spending), the split shown is the one that
    # takes the milestone furthest, not the objective's search: the basis named it "searched".
    assert allocate(_plan(), 0, reach=milestone).basis == "reaching"  # type: ignore[arg-type]


def test_sixty_subscribers_by_month_6_need_1000_a_month() -> None:
    # 1,000 a month in A: 100 users, 10 subscribers a month who stay: 60 in force in month 6.
    result = allocate(_plan(), 0, reach=Milestone(6, "subscribers", 60))  # type: ignore[arg-type]
    assert result.budget == pytest.approx(1_000, rel=2e-4)
    assert result.constraints["reach"].value == pytest.approx(60, rel=2e-4)


def test_a_milestone_the_bounds_cannot_reach_is_refused() -> None:
    # At most 500 a month in each: 50 + 25 = 75 new users a month, far from 1,000.
    with pytest.raises(AllocationError, match="^no budget reaches new_users@6 = 1,000: the furthest split reaches 75 at B = 1,000$"):
        allocate(_plan(), 0, maximums={"A": 500, "B": 500}, reach=Milestone(6, "new_users", 1000))  # type: ignore[arg-type]


@pytest.mark.parametrize("milestone", [Milestone(12, "cumulative_cash", -1000), Milestone(6, "subscribers", 0)])
def test_a_milestone_reached_without_spending_needs_a_budget_of_0(milestone: Milestone) -> None:
    # Without fixed costs, a budget of 0 buys no one and leaves cumulative cash 0 >= -1,000, and 0 subscribers
    # >= 0: the least budget is 0, where the search once halved 60 times from 2,000 and gave up.
    result = allocate(_plan(), 0, reach=milestone)  # type: ignore[arg-type]
    assert result.budget == 0
    assert result.constraints["reach"].met


def test_no_budget_past_the_number_limit_is_an_answer() -> None:
    # 1e14 subscribers by month 6 need 1e14 / 6 / 0.1 users a month at 10: 1.67e15 a month, past the 1e15 that
    # --budget accepts (docs/limits.md). At 1e15 all in A: 1e14 users a month, 0.6e14 subscribers by month 6.
    with pytest.raises(AllocationError, match=r"^no budget reaches subscribers@6 = 100,000,000,000,000: the furthest "
                                              r"split reaches 60,000,000,000,000(\.\d\d)? at B = 1,000,000,000,000,000$"):
        allocate(_plan(), 0, reach=Milestone(6, "subscribers", 1e14))  # type: ignore[arg-type]


def _file(tmp_path: Path) -> str:
    path = tmp_path / "reach.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return str(path)


def test_json_gives_the_milestone_and_its_check(tmp_path: Path) -> None:
    result = invoke(["allocate", _file(tmp_path), "--reach", "subscribers@6=60", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["reach"] == {"key": "subscribers", "month": 6, "value": 60}
    assert data["constraints"]["reach"]["limit"] == 60 and data["constraints"]["reach"]["met"] is True
    assert data["budget"] == pytest.approx(1_000, rel=2e-4)


@pytest.mark.parametrize(("reach", "message"), [
    ("subscribers@13=60", "--reach: expected a month from 1 to 12 (the horizon), found '13'"),
    ("users@6=1", "--reach: expected KEY@MONTH=VALUE with KEY one of subscribers, gross_revenue, new_users, active_users, "
                  "cumulative_cash, such as 'subscribers@6=1000', found 'users@6=1'"),
    ("subscribers@6=many", "--reach: expected"),
])
def test_a_bad_reach_is_one_located_line_and_exit_2(tmp_path: Path, reach: str, message: str) -> None:
    result = invoke(["allocate", _file(tmp_path), "--reach", reach])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("aigc-roi: " + message) and len(result.stderr.strip().splitlines()) == 1


def test_a_budget_of_0_is_shown_without_a_curve(tmp_path: Path) -> None:
    # Every multiple of a budget of 0 is 0: the budget curve would be one point, and its slopes 0 / 0.
    result = invoke(["allocate", _file(tmp_path), "--reach", "cumulative_cash@12=-1000"])
    assert result.exit_code == 0, result.stderr
    assert "least budget reaching cumulative_cash@12 ≥ -1,000: B = 0 a month" in result.stdout
    data = json.loads(invoke(["allocate", _file(tmp_path), "--reach", "cumulative_cash@12=-1000", "--format", "json"]).stdout)
    assert data["budget"] == 0 and data["curve"] == []


def test_reach_is_one_more_way_to_give_the_budget(tmp_path: Path) -> None:
    result = invoke(["allocate", _file(tmp_path), "--reach", "subscribers@6=60", "--budget", "1000"])
    assert result.exit_code == 2
    assert "give exactly one of --budget, --total, --target-roas and --reach (given: --budget, --reach)" in result.stderr


def test_the_title_says_what_budget_was_found_in_chinese_too(tmp_path: Path) -> None:
    result = invoke(["allocate", _file(tmp_path), "--reach", "subscribers@6=60", "--lang", "zh"])
    assert result.exit_code == 0, result.stderr
    assert "达到 subscribers@6 ≥ 60 的最低月预算 B = 1,000" in result.stdout


def test_reach_with_a_limit_is_refused(tmp_path: Path) -> None:
    result = invoke(["allocate", _file(tmp_path), "--reach", "subscribers@6=60", "--max-cash-need", "10000"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("aigc-roi: --reach finds the least budget for a milestone alone")


def test_reach_errors_in_chinese(tmp_path: Path) -> None:
    month = invoke(["allocate", _file(tmp_path), "--reach", "subscribers@13=60", "--lang", "zh"])
    assert month.exit_code == 2 and month.stderr.strip() == "aigc-roi: --reach：应为 1 到 12 之间的月份（周期内），实际为 '13'"
    # At most 10 a month in each channel: 1 + 0.5 users a month, 0.15 subscribers a month, 0.9 by month 6.
    far = invoke(["allocate", _file(tmp_path), "--reach", "subscribers@6=60", "--max", "A=10", "--max", "B=10", "--lang", "zh"])
    assert far.exit_code == 2 and far.stderr.strip() == "aigc-roi: 没有预算能达到 subscribers@6 = 60：最佳分配在 B = 20 时只达到 0.90"


@pytest.mark.parametrize(("minimum", "least"), [(None, 0.0), (100.0, 100.0)])
def test_cash_that_spending_only_lowers_is_reached_at_the_least_budget(minimum: float | None, least: float) -> None:
    # b a month all in A buys b / 10 users, 0.01 b subscribers a month who pay 30 and stay: cash in month m is
    # 0.3 b m - b, so cumulative cash by month 3 is b (0.3 + 0.6 + 0.9 - 3) = -1.2 b, falling as b rises (in B it
    # falls faster, -2.1 b). -1,000 is reached up to b = 833 only, below the current 2,000 a month, where the
    # search once started and doubled to 1e15, finding nothing.
    minimums = {} if minimum is None else {"A": minimum}
    result = allocate(_plan(), 0, minimums=minimums, reach=Milestone(3, "cumulative_cash", -1000))  # type: ignore[arg-type]
    assert result.budget == least
    assert result.constraints["reach"].met and result.constraints["reach"].value == pytest.approx(-1.2 * least)


SATURATING = PLAN.replace("{name: A, type: cpa, bid: 10, budget: 1000}",
                          "{name: A, type: cpa, bid: 10, budget: 1_000_000, saturation_budget: 1_000_000}").replace(
    "  - {name: B, type: cpa, bid: 20, budget: 1000}\n", "")


def test_cash_that_rises_then_falls_is_found_below_the_current_budget() -> None:
    # A alone, h = 1,000,000: b a month buys u = b h / (10 (b + h)) users; cumulative cash by month 6 is
    # 3 u (1 + ... + 6) - 6 b = 6.3 b h / (b + h) - 6 b, which rises from 0 to about 3,659 at b = 24,695, then
    # falls (-2,850,000 at today's 1,000,000). It is 2,000 where 6 b^2 - 298,000 b + 2e9 = 0: b = 8,000 or 41,667;
    # the least is 8,000.
    scenario = load_text(SATURATING, "hump.yaml").scenario
    result = allocate(scenario, 0, reach=Milestone(6, "cumulative_cash", 2000))
    assert result.budget == pytest.approx(8_000, rel=2e-4)
    assert result.constraints["reach"].met


def test_the_furthest_value_of_an_unreached_milestone_is_the_best_tried_not_the_last() -> None:
    # The same hump never reaches 5,000. Of the budgets tried, 1,000,000 x 2^-k, the best is 31,250:
    # 6.3 x 31,250 / 1.03125 - 187,500 = 3,409.09 (15,625 gives 3,173.08, 62,500 gives -4,411.76); the last, 1e15,
    # would read -6e15.
    scenario = load_text(SATURATING, "hump.yaml").scenario
    with pytest.raises(AllocationError, match=r"^no budget reaches cumulative_cash@6 = 5,000: the furthest split reaches "
                                              r"3,409(\.09)? at B = 31,250$"):
        allocate(scenario, 0, reach=Milestone(6, "cumulative_cash", 5000))


@pytest.mark.parametrize("value", ["0", "-1", "-2000"])
def test_a_cash_milestone_the_budget_of_0_reaches_is_answered_from_the_command_line(tmp_path: Path, value: str) -> None:
    # Without fixed costs or organic users, spending nothing leaves cash at 0 in every month: 0 >= 0, -1 and
    # -2,000 (today's 2,000 a month, all in A at best, leaves -2,400).
    result = invoke(["allocate", _file(tmp_path), "--reach", f"cumulative_cash@3={value}", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["budget"] == 0
