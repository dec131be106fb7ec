"""A payback target past the horizon: every chance of payback says it counts payback by the horizon (QA stats, 2).

The plan: a uniform bid B ~ U[0, 20] for 1000 users bought in month 1 who stay and pay 1 a month, over a horizon of
6 months, no payback target (so the default, 12). Cash by month t is 1000 t - 1000 B: payback by month 12 iff B <= 12
(chance 12 / 20 = 60%), but the plan has no month past 6, so what any command can count is payback by month 6,
B <= 6, chance 6 / 20 = 30%. Each command must label it so; it warns once, where the target is written (or the
horizon, for the default target), only where the file writes the target or a chance of payback to reach
(min_payback_probability), or allocate's command line asks for one: the default target cut short is said by the label
alone. Sampled chances get four standard errors of tolerance.
"""

from __future__ import annotations

import csv
import io
import json
import math
import textwrap
from pathlib import Path

import pytest
from cli_runner import invoke
from spec_example import WORKED_EXAMPLE

from aigc_roi.model.scenario import Scenario, Targets
from aigc_roi.model.targets import check_targets

SIX_MONTHS = """\
name: Six months
horizon_months: 6
acquisition:
  - {name: Ads, type: cpa, bid: {dist: uniform, low: 0, high: 20}, users: 1000, months: 1}
retention: {monthly_churn: 0}
monetization:
  purchases: [{name: Credits, price: 1, rate: 1}]
"""
HORIZON_AT = (2, 17)
"""Where ``6`` of ``horizon_months: 6`` is written in SIX_MONTHS."""
WITH_CHANCE = SIX_MONTHS + "targets:\n  min_payback_probability: 0.5\n"
"""SIX_MONTHS holding the chance of payback by the default target to 50%: the warning is kept."""
BY_MONTH_6 = 6 / 20

DEFAULT_WARNING = ("horizon_months: the payback target of 12 months (the default) is past the 6-month horizon: payback "
                   "is counted by month 6, so a chance of payback is the chance by month 6, a lower bound of the chance "
                   "by month 12; set horizon_months to at least 12 to judge the target")
DEFAULT_WARNING_ZH = ("horizon_months: 回本目标 12 个月（默认值）超出了 6 个月的模拟期：回本只能统计到第 6 个月，"
                      "因此回本概率是第 6 个月前回本的概率，只是第 12 个月前回本概率的下限；"
                      "要按目标判断，请把 horizon_months 设为至少 12")


def write(tmp_path: Path, text: str = SIX_MONTHS) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def near(found: float, p: float, samples: int) -> bool:
    return abs(found - p) <= 4 * math.sqrt(p * (1 - p) / samples)


def test_the_window_is_the_target_or_the_horizon_where_the_target_lies_past_it() -> None:
    from aigc_roi.model.targets import PaybackWindow, payback_window

    assert payback_window(Scenario(name="a", retention=None, horizon_months=6)) == PaybackWindow(12, 6, default=True)  # type: ignore[arg-type]
    written = Scenario(name="a", retention=None, horizon_months=24, targets=Targets(max_payback_months=9))  # type: ignore[arg-type]
    assert payback_window(written) == PaybackWindow(9, 9)
    assert not payback_window(written).past_horizon and PaybackWindow(12, 6).past_horizon


def test_simulate_labels_the_chance_by_the_horizon_and_leaves_the_default_target_to_the_label(tmp_path: Path) -> None:
    path = write(tmp_path)
    result = invoke(["simulate", str(path), "--samples", "4000"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert "Payback within 6 months (the horizon; target 12)" in result.stdout
    assert "Payback within 12 months" not in result.stdout
    data = json.loads(invoke(["simulate", str(path), "--samples", "4000", "--format", "json", "-q"]).stdout)
    assert (data["payback_target_months"], data["payback_within_months"]) == (12, 6)
    assert near(data["probabilities"]["payback_within_target"], BY_MONTH_6, 4000)
    rows = list(csv.reader(io.StringIO(invoke(["simulate", str(path), "--samples", "400", "-f", "csv", "-q"]).stdout)))
    assert ["probabilities", "payback_within_target", "target_months", "12", ""] in rows
    assert ["probabilities", "payback_within_target", "within_months", "6", ""] in rows


def test_simulate_warns_where_the_horizon_is_when_the_file_holds_the_chance_to_a_share(tmp_path: Path) -> None:
    path = write(tmp_path, WITH_CHANCE)
    result = invoke(["simulate", str(path), "--samples", "400"])
    assert result.stderr == f"{path}:{HORIZON_AT[0]}:{HORIZON_AT[1]}: {DEFAULT_WARNING}\n"
    assert "Payback within 6 months (the horizon; target 12)" in result.stdout


def test_simulate_says_it_in_chinese(tmp_path: Path) -> None:
    assert invoke(["simulate", str(write(tmp_path)), "--samples", "400", "--lang", "zh"]).stderr == ""
    path = write(tmp_path, WITH_CHANCE)
    result = invoke(["simulate", str(path), "--samples", "400", "--lang", "zh"])
    assert result.stderr == f"{path}:{HORIZON_AT[0]}:{HORIZON_AT[1]}: {DEFAULT_WARNING_ZH}\n"
    assert "6 个月内回本（即模拟期；目标 12 个月）" in result.stdout


def test_the_spec_worked_example_runs_without_a_word_on_a_target_it_never_set(tmp_path: Path) -> None:
    # horizon_months: 3 and no targets: the default 12 is counted by month 3, which the labels say; stderr stays empty.
    path = write(tmp_path, WORKED_EXAMPLE)
    for args in (["simulate", str(path), "--samples", "200"], ["breakeven", str(path)],
                 ["allocate", str(path), "--budget", "20000", "--objective", "payback_probability", "--samples", "200"]):
        result = invoke(args)
        assert (result.exit_code, result.stderr) == (0, ""), args
    assert "Payback within 3 months (the horizon; target 12)" in invoke(["simulate", str(path), "--samples", "200"]).stdout


def test_a_written_target_is_where_the_warning_points(tmp_path: Path) -> None:
    path = write(tmp_path, SIX_MONTHS + "targets:\n  max_payback_months: 9\n")
    result = invoke(["simulate", str(path), "--samples", "400", "-f", "markdown"])
    assert result.stderr == (f"{path}:9:23: targets.max_payback_months: the payback target of 9 months is past the "
                             "6-month horizon: payback is counted by month 6, so a chance of payback is the chance by "
                             "month 6, a lower bound of the chance by month 9; set horizon_months to at least 9 to "
                             "judge the target\n")
    assert "Payback within 6 months (the horizon; target 9)" in result.stdout


def test_a_target_within_the_horizon_reads_as_before_and_warns_nothing(tmp_path: Path) -> None:
    path = write(tmp_path, SIX_MONTHS.replace("horizon_months: 6", "horizon_months: 12"))
    result = invoke(["simulate", str(path), "--samples", "400"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert "Payback within 12 months " in result.stdout and "(the horizon" not in result.stdout


def test_check_warns_at_the_target_and_says_the_chance_is_by_the_horizon(tmp_path: Path) -> None:
    # By month 6 the chance is 30%, below 50%: missed, as a target that cannot be shown to hold is (§12), but said.
    path = write(tmp_path, SIX_MONTHS + "targets:\n  min_payback_probability: 0.5\n")
    result = invoke(["check", str(path), "--samples", "4000"])
    assert result.exit_code == 1
    # The miss is the finding, on stdout; why it was judged by the horizon a diagnostic, on stderr (-q drops it).
    missed, = result.stdout.splitlines()
    warning, _ = result.stderr.splitlines()
    assert warning == (f"{path}:9:28: targets.min_payback_probability: the payback target of 12 months "
                       "(the default) is past the 6-month horizon: payback is counted by month 6, so a chance of "
                       "payback is the chance by month 6, a lower bound of the chance by month 12; set horizon_months "
                       "to at least 12 to judge the target")
    assert missed.startswith(f"{path}:9:28: Six months: targets.min_payback_probability missed: payback_probability is ")
    assert missed.endswith("% (by month 6, the horizon), must be >= 50.00%")
    github = invoke(["check", str(path), "--samples", "400", "--format", "github"]).stdout
    assert f"::warning file={path},line=9,col=28,title=aigc-roi check%3A min_payback_probability::" in github
    [target] = json.loads(invoke(["check", str(path), "--samples", "4000", "--format", "json"]).stdout)["scenarios"][0]["targets"]
    assert target["judged_through_month"] == 6 and near(target["actual"], BY_MONTH_6, 4000)


def test_check_of_a_payback_month_past_the_horizon_warns_too() -> None:
    # The run's payback at the median bid 10 comes in month 10, past the horizon of 6: never, a miss, judged by 6.
    outcome, = check_targets(Targets(max_payback_months=9), {"payback_month": None}, horizon=6)
    assert (outcome.passed, outcome.judged_months) == (False, 6)
    within, = check_targets(Targets(max_payback_months=6), {"payback_month": 5}, horizon=6)
    assert (within.passed, within.judged_months) == (True, None)


def test_check_in_chinese_names_the_payback_month_target(tmp_path: Path) -> None:
    path = write(tmp_path, SIX_MONTHS + "targets:\n  max_payback_months: 9\n")
    result = invoke(["check", str(path), "--lang", "zh"])
    lines = result.stderr.splitlines()[:1] + result.stdout.splitlines()
    assert lines[0] == (f"{path}:9:23: targets.max_payback_months: 回本目标 9 个月超出了 6 个月的模拟期："
                        "回本只能判断到第 6 个月，此后才回本的方案记为未回本，即未达成；要按目标判断，请把 horizon_months "
                        "设为至少 9")
    assert lines[1].endswith("回本月份 未回本（截至第 6 个月，即模拟期末），应 <= 9")


def test_compare_on_risk_marks_the_chance_counted_by_the_horizon(tmp_path: Path) -> None:
    path = write(tmp_path)
    longer = tmp_path / "longer.yaml"
    longer.write_text(SIX_MONTHS.replace("horizon_months: 6", "horizon_months: 12"), encoding="utf-8")
    result = invoke(["compare", str(path), str(longer), "--samples", "400", "--format", "markdown"])
    # The one note says the two horizons differ; the chance's own horizon is marked in the table.
    assert result.stderr.startswith("aigc-roi: the compared scenarios are on different bases: horizon 6, 12 months")
    assert result.stderr.count("\n") == 1
    [row] = [line for line in result.stdout.splitlines() if line.startswith("| Chance: payback on target |")]
    assert row.split(" | ")[2].endswith("% (by month 6, the horizon)") and "horizon" not in row.split(" | ")[3]
    rows = list(csv.reader(io.StringIO(invoke(["compare", str(path), str(longer), "--samples", "400", "-f", "csv",
                                               "-q"]).stdout)))
    assert ["payback_within_target", "within_months", "6", "12", "", ""] in rows


def test_allocate_names_the_months_of_its_objective(tmp_path: Path) -> None:
    path = write(tmp_path, SIX_MONTHS.replace("users: 1000, months: 1", "budget: 10000, months: 1"))
    args = ["allocate", str(path), "--budget", "10000", "--objective", "payback_probability", "--samples", "400"]
    result = invoke(args)
    assert (result.exit_code, result.stderr) == (0, "")
    assert "Chance of payback within 6 months (the horizon; target 12)" in result.stdout
    data = json.loads(invoke([*args, "--format", "json", "-q"]).stdout)
    assert (data["target_payback_months"], data["payback_within_months"]) == (12, 6)
    assert not [item for item in data["warnings"] if item["code"] == "payback_past_horizon"]


def test_allocate_held_to_a_chance_of_payback_lists_the_warning(tmp_path: Path) -> None:
    path = write(tmp_path, SIX_MONTHS.replace("users: 1000, months: 1", "budget: 10000, months: 1"))
    args = ["allocate", str(path), "--budget", "10000", "--min-payback-probability", "0.2", "--samples", "400"]
    result = invoke(args)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"{path}:{HORIZON_AT[0]}:{HORIZON_AT[1]}: {DEFAULT_WARNING}\n"
    data = json.loads(invoke([*args, "--format", "json", "-q"]).stdout)
    [warning] = [item for item in data["warnings"] if item["code"] == "payback_past_horizon"]
    assert (warning["field"], warning["message"]) == ("horizon_months", DEFAULT_WARNING)


def test_allocate_on_net_cash_counts_no_payback_and_warns_nothing(tmp_path: Path) -> None:
    path = write(tmp_path, SIX_MONTHS.replace("users: 1000, months: 1", "budget: 10000, months: 1"))
    assert invoke(["allocate", str(path), "--budget", "10000"]).stderr == ""


def test_breakeven_heads_its_payback_column_with_the_months_it_judges(tmp_path: Path) -> None:
    path = write(tmp_path)
    result = invoke(["breakeven", str(path)], env={"COLUMNS": "200"})
    assert (result.exit_code, result.stderr) == (0, "")
    assert "Payback ≤ 6 mo at" in result.stdout and "Payback ≤ 12 mo" not in result.stdout
    written = write(tmp_path, SIX_MONTHS + "targets:\n  max_payback_months: 12\n")
    assert invoke(["breakeven", str(written)]).stderr == (
        f"{written}:9:23: targets.max_payback_months: the payback target of 12 months is past the 6-month horizon: "
        "payback is judged by month 6, so a plan that pays back after it reads as never, a miss; set horizon_months "
        "to at least 12 to judge the target\n")
    # At the median bid 10 (the deterministic run) payback by month 6 needs a bid of 6: 1000 x 6 = 6 months of 1000.
    data = json.loads(invoke(["breakeven", str(path), "--format", "json", "-q"]).stdout)
    assert (data["target_payback_months"], data["payback_within_months"]) == (12, 6)
    assert data["drivers"][0]["payback_target"] == pytest.approx(6, rel=1e-8)


def test_report_states_the_chance_by_the_horizon(tmp_path: Path) -> None:
    path = write(tmp_path)
    result = invoke(["report", str(path), "--samples", "400"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert "Chance of payback within 6 months (the horizon; target 12): " in result.stdout


def test_actuals_reforecast_names_the_months_of_its_chance_of_payback(tmp_path: Path) -> None:
    plan = write(tmp_path, SIX_MONTHS + "start: 2025-01\n")
    export = tmp_path / "export.csv"
    export.write_text("date,campaign,spend,new_users\n2025-01-01,ads_a,5000,500\n2025-01-31,ads_b,5000,500\n",
                      encoding="utf-8")
    args = ["actuals", str(plan), str(export), "--map", "Ads=ads_*", "--samples", "400"]
    result = invoke([*args, "--reforecast", str(tmp_path / "re.yaml"), "--format", "markdown"])
    assert result.exit_code == 0, result.stderr
    assert "payback target" not in result.stderr
    assert "| P(payback ≤ 6 months) (the horizon; target 12) |" in result.stdout
    data = json.loads(invoke([*args, "--reforecast", str(tmp_path / "re2.yaml"), "--format", "json", "-q"]).stdout)
    assert {(side["payback_target_months"], side["payback_within_months"]) for side in data["reforecast"].values()} \
        == {(12, 6)}
