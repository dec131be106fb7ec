"""`allocate` on a gated plan (issue 22, docs/formulas.md §18): the figures are the staged plan's, each gate
decided per sample as the engine does; the search itself plans as if every gate passed (said in a warning), and a
split failing a gate that passes today is searched again with the test months held at today's split
(docs/allocate.md, gates).

The plan is §18's worked example: KOL (1,000 users a month, months 1-2, 10,000 a month) is tested for a
ROAS of 2 and reaches 1.35, so Feed (cpm 40, ctr 1%, cvr 5%: 250 users a month for 20,000) stops after
month 2. New users 1,250, 1,500, 300, 60; active users 1,250, 2,125, 1,362.5, 741.25 (churn 0.5); each
active user pays 10 and costs 1 to serve a month.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import Any

import pytest
from cli_runner import invoke
from spec_example import GATED_EXAMPLE as PLAN

from aigc_roi.present.allocation_notes import warning_text
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.reader.load import load_text
from aigc_roi.whatif.allocate import AllocationWarning, allocate


def test_the_figures_are_the_staged_plans_not_the_plan_with_every_gate_passed() -> None:
    scenario = load_text(PLAN, "gated.yaml").scenario
    result = allocate(scenario, 20_000, "net_cash", locks=["KOL"], curve=())
    # Staged: 9 x (1,250 + 2,125 + 1,362.5 + 741.25) - 60,000 = -10,691.25. With every gate passed it would be
    # 9 x (1,250 + 2,125 + 1,612.5 + 1,166.25) - 100,000 = -44,616.25.
    assert result.current_value == pytest.approx(-10_691.25)
    assert result.best_value == pytest.approx(-10_691.25)
    feed = next(channel for channel in result.channels if channel.name == "Feed")
    # Feed bought 250 users in each of months 1-2 only: 40,000 for 500 users.
    assert feed.best.cac == pytest.approx(80.0)
    assert "gates_planned_as_passed" in [warning.code for warning in result.warnings]


def test_a_plan_without_gates_says_nothing_of_them() -> None:
    scenario = load_text(PLAN.split("gates:")[0], "plain.yaml").scenario
    result = allocate(scenario, 20_000, "net_cash", locks=["KOL"], curve=())
    assert result.best_value == pytest.approx(-44_616.25)
    assert "gates_planned_as_passed" not in [warning.code for warning in result.warnings]


# The QA plans (docs/allocate.md, gates): a kol test in months 1-2 whose CAC must stay at most 6, a CPA campaign all
# along and feed ads after the test. Today the test buys 2 posts of 10,000 for a CAC of 4.71 and passes. Planned as
# if every gate passed, the search puts 69,617 a month into the test of GATE1 (46,520 of GATE2): its CAC, 9.12 (6.92),
# fails the gate, and the feed ads it stops take the split's money after month 2 with them.
QA_PLAN = """\
version: 1
name: gate gives way
currency: CNY
horizon_months: 24
discount_rate: 0.1
acquisition:
  - {name: KOL test, type: kol, posts: 2, fee: 10000, views: 500000, view_to_user: 0.005, views_decay: 0.3, months: 1-2}
  - {name: CPA A, type: cpa, bid: BID, budget: 80000, saturation_budget: SATURATION}
  - {name: Feed, type: cpm, cpm: 20, ctr: 0.02, cvr: 0.1, budget: 20000, saturation_budget: 200000, months: 3-24}
organic_users: 200
virality: 0.05
retention: {points: {1: 0.5, 3: 0.3, 12: 0.15}}
monetization:
  plans:
    - {name: Monthly, price: 69, period: month, conversion: "0.04..0.1", renewal: 0.8}
  revenue_fee: 0.07
costs:
  serving_per_active_user: 0.3
gates:
  - {name: test, after_month: 2, channels: [KOL test], max_cac: 6, then: [Feed]}
"""
GATE1 = QA_PLAN.replace("BID", "20").replace("SATURATION", "100000")
GATE2 = QA_PLAN.replace("BID", "12").replace("SATURATION", "300000")
CHANNELS = {
    "KOL test": "{{name: KOL test, type: kol, posts: {posts}, fee: 10000, views: 500000, view_to_user: 0.005, "
                "views_decay: 0.3, months: {months}}}",
    "CPA A": "{{name: CPA A, type: cpa, bid: BID, budget: {budget}, saturation_budget: SATURATION, months: {months}}}",
    "Feed": "{{name: Feed, type: cpm, cpm: 20, ctr: 0.02, cvr: 0.1, budget: {budget}, saturation_budget: 200000, "
            "months: {months}}}",
}


def _run_npv(tmp_path: Path, plan: str, phases: list[dict[str, object]]) -> float:
    """NPV by `run --format json` of ``plan`` with each phase's split written out as channels of its months (a channel
    running in two phases is two channels of one name, as a gate reads them), the gate as it is."""
    bid, saturation = ("20", "100000") if plan == GATE1 else ("12", "300000")
    lines = [CHANNELS[name].format(posts=budget / 10_000, budget=budget,  # type: ignore[operator]
                                   months=f"{phase['months'][0]}-{phase['months'][-1]}")  # type: ignore[index]
             .replace("BID", bid).replace("SATURATION", saturation)
             for phase in phases for name, budget in phase["split"].items()]  # type: ignore[attr-defined]
    head, tail = plan.split("acquisition:\n")
    text = head + "acquisition:\n" + "".join(f"  - {line}\n" for line in lines) + tail[tail.index("organic_users"):]
    path = tmp_path / "split.yaml"
    path.write_text(text, encoding="utf-8")
    result = invoke(["run", str(path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return float(json.loads(result.stdout)["figures"]["npv"])


def _allocate(tmp_path: Path, plan: str, *options: str) -> dict[str, Any]:
    path = tmp_path / "plan.yaml"
    path.write_text(plan, encoding="utf-8")
    result = invoke(["allocate", str(path), *options, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_a_split_that_would_fail_a_passing_gate_is_searched_again_with_the_test_months_held(tmp_path: Path) -> None:
    data = _allocate(tmp_path, GATE2, "--budget", "100000")
    # Today 506,708; moving money only in months 3-24 (CPA A 80,000 -> 50,000, Feed 20,000 -> 50,000) gives 662,879
    # by run with the gate still passed. The split shown was "the current one: no transfer improves".
    qa = _run_npv(tmp_path, GATE2, [{"months": [1, 2], "split": {"KOL test": 20_000, "CPA A": 80_000}},
                                    {"months": list(range(3, 25)), "split": {"CPA A": 50_000, "Feed": 50_000}}])
    assert qa == pytest.approx(662_879, abs=1)
    best = data["best"]
    assert best["value"] >= qa
    assert best["phases"][0] == {"months": [1, 2], "month_labels": ["M1", "M2"],
                                 "split": {"KOL test": 20_000, "CPA A": 80_000}}
    # The plan sets no start: its months are labelled as run labels them.
    assert best["basis"] == "held" and best["held_months"] == [1, 2] and best["held_month_labels"] == ["M1", "M2"]
    assert best["value"] == pytest.approx(_run_npv(tmp_path, GATE2, best["phases"]), rel=1e-9)
    assert data["gates"] == [{"name": "test", "after_month": 2, "stops": ["KOL test", "Feed"],
                              "current_pass_share": 1.0, "best_pass_share": 1.0}]
    codes = [warning["code"] for warning in data["warnings"]]
    assert "gates_held" in codes and "best_is_current" not in codes


def test_every_point_of_the_curve_is_what_run_gives_for_its_split(tmp_path: Path) -> None:
    # The curve once mixed bases: 1.0B was today's split run with the gate (506,708) between gate-blind optima (668,663
    # at 0.75B, 687,591 at 1.25B) that fail the gate, and recommended 1.25B.
    data = _allocate(tmp_path, GATE2, "--budget", "100000")
    for point in data["curve"]:
        assert point["value"] == pytest.approx(_run_npv(tmp_path, GATE2, point["phases"]), rel=1e-9, abs=1e-6)
    assert data["curve"][4]["value"] == data["best"]["value"]
    peak = max(data["curve"], key=lambda point: point["value"])
    assert data["recommended_budget"] == peak["budget"]


def test_a_best_split_that_fails_a_gate_says_so_first_and_shows_the_staged_figures(tmp_path: Path) -> None:
    # GATE1 at 125,000 a month: with the test held, the feed ads run and lose (their next yuan returns 0.86); the
    # split that fails the gate stops them after month 2 and does better, so it is the best. Its figures are the
    # staged run's, in which the feed ads buy nothing after month 2.
    data = _allocate(tmp_path, GATE1, "--budget", "125000")
    path = tmp_path / "plan.yaml"
    for lang, line in (("en", "» At the best split the gate 'test' fails: KOL test, Feed buy nothing after month 2"),
                       ("zh", "» 最优分配下闸门“test”不通过：第 2 月之后 KOL test、Feed 不再投放")):
        shown = invoke(["allocate", str(path), "--budget", "125000", "--lang", lang],
                       env={"COLUMNS": "250", "NO_COLOR": "1"}).stdout
        assert line in shown
        assert shown.index(line) < shown.index("Months 1-2" if lang == "en" else "第 1-2 月")
    assert data["best"]["value"] == pytest.approx(_run_npv(tmp_path, GATE1, data["best"]["phases"]), rel=1e-9)
    assert data["gates"][0]["best_pass_share"] == 0.0
    assert data["warnings"][0]["code"] == "gate_fails" and data["warnings"][0]["gate"] == "test"


def test_the_held_search_finds_a_split_that_passes_the_gate(tmp_path: Path) -> None:
    # GATE1 at 100,000 reported the split that fails the gate (182,056 by run: feed ads get 95,518 a month and buy
    # nothing). With the test held, the gate passes and the same months 3-24 earn far more.
    data = _allocate(tmp_path, GATE1, "--budget", "100000")
    assert data["best"]["value"] > 182_056 + 50_000
    assert data["best"]["phases"][0]["split"] == {"KOL test": 20_000, "CPA A": 80_000}
    assert data["best"]["value"] == pytest.approx(_run_npv(tmp_path, GATE1, data["best"]["phases"]), rel=1e-9)
    assert data["gates"][0]["best_pass_share"] == 1.0


def test_best_is_current_says_what_was_held(tmp_path: Path) -> None:
    # Feed alone after month 2 gets all of B = 100,000 there, today as at any split; the test months held at today's,
    # no transfer is left to make. "No transfer of money improves the objective" was false: one in the test months
    # does, and fails the gate.
    plan = GATE2.replace("budget: 20000, saturation_budget: 200000", "budget: 100000, saturation_budget: 200000").replace(
        "saturation_budget: 300000}", "saturation_budget: 300000, months: 1-2}")
    data = _allocate(tmp_path, plan, "--budget", "100000")
    messages = {warning["code"]: warning["message"] for warning in data["warnings"]}
    assert messages["best_is_current"] == (
        "The best split is the current one: the split searched as if every gate passed fails the gate 'test' that "
        "today's split passes, and with today's split kept in months 1-2 no transfer of money in the other months "
        "improves the objective.")
    path = tmp_path / "plan.yaml"
    shown = invoke(["allocate", str(path), "--budget", "100000", "--lang", "zh"], env={"COLUMNS": "250"}).stdout
    assert "第 1-2 月保持当前分配时，其余月份的任何资金转移都不能改善目标" in shown


def test_a_gate_ends_a_phase() -> None:
    # A test channel that runs on after its test (months 1-4, tested by month 2): months 1-2 and 3-4 are phases of
    # their own, so the test months can be held without holding the months after them.
    scenario = load_text(PLAN, "gated.yaml").scenario
    result = allocate(scenario, 20_000, "net_cash", locks=["KOL"], curve=())
    assert [phase.months for phase in result.phases] == [(1, 2), (3, 4)]


@pytest.mark.parametrize(("held", "en", "zh"), [
    ((1, 2), "Today's split stays the best found: the split searched as if every gate passed fails the gate 'test' that "
             "today's split passes, and searched again with today's split kept in months 1-2 it still does worse once the "
             "gates decide.", "保持第 1-2 月不变重新搜索后，按闸门实际判定的结果仍不如当前分配。"),
    # One month held is "month 1", never "months 1".
    ((1,), "Today's split stays the best found: the split searched as if every gate passed fails the gate 'test' that "
           "today's split passes, and searched again with today's split kept in month 1 it still does worse once the "
           "gates decide.", "保持第 1 月不变重新搜索后，按闸门实际判定的结果仍不如当前分配。"),
    ((), "Today's split stays the best found: the split searched as if every gate passed does worse once the gates decide.",
     "当前分配仍是找到的最优分配：按闸门全部通过搜索出的分配，按闸门实际判定后不如当前分配。"),
])
def test_today_kept_over_every_split_searched_says_why(held: tuple[int, ...], en: str, zh: str) -> None:
    result = allocate(load_text(GATE2, "gate2.yaml").scenario, 100_000, curve=())
    kept = dataclasses.replace(result, basis="current", held_months=held, held_for=("test",) if held else ())
    warning = AllocationWarning("best_is_current")
    assert warning_text(kept, warning, NumberStyle("en")) == en
    assert zh in warning_text(kept, warning, NumberStyle("zh"))


GATED_TEMPLATE = Path(__file__).resolve().parents[2] / "scenarios" / "creators-first-gated.yaml"


@pytest.mark.parametrize(("lang", "refusal"), [
    ("en", r"aigc-roi: the search found no budget reaching subscribers@12 = 8,000 with the gates: planned as if every "
           r"gate passed, B = [\d,.]+ would, but there the gate 'creators prove the product' fails \(a split holding "
           r"the test months, as --budget's, is not searched\)\n"),
    ("zh", r"aigc-roi: 计入闸门后，搜索未找到能达到 subscribers@12 = 8,000 的预算：按每道闸门都通过来规划，B = [\d.]+万 可以达到，"
           r"但届时闸门 'creators prove the product' 未通过（未搜索像 --budget 那样保持测试月份的分配）\n"),
])
def test_a_reach_that_only_a_failed_gate_would_allow_is_refused(lang: str, refusal: str) -> None:
    # 8,000 subscribers by month 12 takes a creators' test so large that its CAC fails the gate, which stops every
    # channel after month 2: the split answered as if the gate passed reached 930. It was shown as "least budget
    # reaching subscribers@12" with exit 0; no budget reaches it with the gates.
    result = invoke(["allocate", str(GATED_TEMPLATE), "--reach", "subscribers@12=8000", "--lang", lang])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert re.fullmatch(refusal, result.stderr), result.stderr


def test_a_reach_the_gates_allow_is_still_answered() -> None:
    result = invoke(["allocate", str(GATED_TEMPLATE), "--reach", "subscribers@12=3000", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    reach = json.loads(result.stdout)["constraints"]["reach"]
    assert reach["met"] and reach["value"] >= 3000 - 1e-6
