"""Milestones: dated targets that `check` holds one by one (docs/formulas.md §19).

The plan is the subscribers worked example of docs/formulas.md: subscribers in force 100, 100, 100,
50; cumulative cash -18,200, -18,900, -19,350, -18,075.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.model.milestones import check_milestones
from aigc_roi.model.scenario import Milestone

PLAN = """\
name: Quarterly plan
horizon_months: 4
acquisition:
  - {name: CPA, type: cpa, bid: 20, users: 1000, months: 1}
retention: {monthly_churn: 0.5}
monetization:
  plans:
    - {name: Quarterly, price: 30, period: 3, conversion: 0.1, renewal: 0.5}
costs:
  serving_per_active_user: 1
  serving_per_subscriber: 2
targets:
  milestones:
    - {month: 3, subscribers: 100}
    - {month: 4, subscribers: 60}
    - {month: 4, cumulative_cash: -20000}
"""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def test_check_holds_each_milestone_in_its_month(plan: Path) -> None:
    result = invoke(["check", str(plan), "--format", "json"])
    assert result.exit_code == 1
    targets = json.loads(result.stdout)["scenarios"][0]["targets"]
    assert [(t["name"], t["figure"], t["actual"], t["limit"], t["passed"]) for t in targets] == [
        ("milestone subscribers@3", "subscribers", pytest.approx(100), 100, True),
        ("milestone subscribers@4", "subscribers", pytest.approx(50), 60, False),
        ("milestone cumulative_cash@4", "cumulative_cash", pytest.approx(-18075), -20000, True),
    ]


def test_a_met_milestone_passes(plan: Path) -> None:
    plan.write_text(PLAN.replace("{month: 4, subscribers: 60}", "{month: 4, subscribers: 50}"), encoding="utf-8")
    assert invoke(["check", str(plan)]).exit_code == 0


def test_text_markdown_and_annotation_name_the_milestone(plan: Path) -> None:
    text = invoke(["check", str(plan)]).stdout
    assert "milestone subscribers@4" in text and ">= 60" in text
    markdown = invoke(["check", str(plan), "--format", "markdown"]).stdout
    assert "| milestone subscribers@4 | 50 | >= 60 | fail |" in markdown
    annotations = invoke(["check", str(plan), "--format", "github"]).stdout
    # The missed milestone is the second item of targets.milestones: line 15, column 7.
    assert (f"::error file={plan},line=15,col=7,title=aigc-roi check%3A milestone subscribers@4::"
            "Quarterly plan: milestone subscribers@4 missed: subscribers in month 4 is 50, must be >= 60") in annotations
    chinese = invoke(["check", str(plan), "--format", "github", "--lang", "zh"]).stdout
    # The title keeps the id; the message names the milestone as the Chinese table does.
    assert "title=aigc-roi check%3A milestone subscribers@4::" in chinese
    assert "subscribers@4 里程碑 未达成：第 4 个月在订用户 50，应 >= 60" in chinese


@pytest.mark.parametrize(("key", "series", "actual"), [
    ("gross_revenue", [3000.0, 0.0, 0.0, 1500.0], 1500.0),
    ("new_users", [1000.0, 0.0, 0.0, 0.0], 0.0),
    ("active_users", [1000.0, 500.0, 250.0, 125.0], 125.0),
])
def test_every_key_reads_its_month(key: str, series: list[float], actual: float) -> None:
    (outcome,) = check_milestones([Milestone(4, key, 125.0)], {key: series})
    assert (outcome.actual, outcome.passed, outcome.field_path) == (actual, actual >= 125.0, "targets.milestones[0]")


def test_milestone_errors_are_located(plan: Path) -> None:
    plan.write_text(PLAN.replace("{month: 3, subscribers: 100}", "{month: 5, subscribers: 100, new_users: 1}"),
                    encoding="utf-8")
    result = invoke(["validate", str(plan)])
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [
        f"{plan}:14:7: targets.milestones[0]: expected exactly one of subscribers, gross_revenue, new_users, "
        "active_users or cumulative_cash, found subscribers and new_users",
        f"{plan}:14:15: targets.milestones[0].month: expected a month within 1..4, found 5",
    ]
