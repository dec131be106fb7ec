"""Targets on the change (`targets.max_npv_drop`, `targets.max_payback_delay`), held by `check --base`.

The scenarios are docs/formulas.md §11's worked example (tests/ci/test_validate_and_check.py): 1,000 users
bought in month 1 at 20 each, half leave every month over 3 months (1,000, 500, 250 active), each
active user buys one item a month and costs 1 to serve. With the item at price p, month 1's net cash
is -20,000 + 1,000 (p - 1), month 2's 500 (p - 1) and month 3's 250 (p - 1); npv = net cash (discount 0):
- p = 30: 30,750, payback in month 1 (9,000 already in month 1);
- p = 20: 13,250, payback in month 2 (-1,000, then +9,500);
- p = 10: -4,250, never (the horizon is 3 months, so "never" counts as month 4).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from cli_runner import invoke
from test_validate_and_check import example, write

from aigc_roi.model.change_targets import check_change_targets, not_applicable
from aigc_roi.model.scenario import DropLimit, Targets
from aigc_roi.present.labels import label
from aigc_roi.reader.fields import json_schema
from aigc_roi.reader.load import load_text

GUARDED = "min_roi: 0;max_npv_drop: 10%;max_payback_delay: 0"
"""An absolute target the cheaper price still meets (roi 66.25% at p = 20) and two on the change."""



def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """scenarios/plan.yaml at price 30 with GUARDED targets, committed."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for key in ("GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"):
        monkeypatch.setenv(key, "Test")
    for key in ("GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"):
        monkeypatch.setenv(key, "test@example.com")
    write(tmp_path, {"scenarios/plan.yaml": example(price=30, targets=GUARDED)})
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "plan")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- the rules ---------------------------------------------------------------------


def test_npv_drop_as_a_share_and_as_an_amount() -> None:
    before, after = {"npv": 30_750.0, "payback_month": 1}, {"npv": 13_250.0, "payback_month": 2}
    share = Targets(max_npv_drop=DropLimit(0.5, relative=True))
    [outcome] = check_change_targets(share, before, after, 3, 3)
    # 30,750 - 13,250 = 17,500, which is 56.9% of 30,750: more than half.
    assert (outcome.figure, outcome.actual, outcome.passed) == ("npv_drop_share", pytest.approx(17_500 / 30_750), False)
    amount = Targets(max_npv_drop=DropLimit(17_500, relative=False))
    [outcome] = check_change_targets(amount, before, after, 3, 3)
    assert (outcome.figure, outcome.actual, outcome.passed) == ("npv_drop", 17_500, True)  # on the limit meets it
    # A rise is a negative drop: always within a limit >= 0.
    [outcome] = check_change_targets(share, after, before, 3, 3)
    assert outcome.actual == pytest.approx(-17_500 / 13_250) and outcome.passed


def test_a_fall_from_an_npv_of_0_is_no_share_and_misses() -> None:
    targets = Targets(max_npv_drop=DropLimit(0.1, relative=True))
    [fell] = check_change_targets(targets, {"npv": 0.0}, {"npv": -1.0}, 3, 3)
    assert (fell.actual, fell.passed) == (None, False)
    [rose] = check_change_targets(targets, {"npv": 0.0}, {"npv": 5.0}, 3, 3)
    assert (rose.actual, rose.passed) == (0.0, True)


def test_payback_delay_counts_never_as_the_month_after_the_horizon() -> None:
    targets = Targets(max_payback_delay=2)
    [later] = check_change_targets(targets, {"payback_month": 1}, {"payback_month": 2}, 3, 3)
    assert (later.actual, later.passed) == (1, True)
    [lost] = check_change_targets(targets, {"payback_month": 1}, {"payback_month": None}, 3, 3)
    assert (lost.actual, lost.passed) == (3, False)  # never = month 4, 3 months later
    [still_never] = check_change_targets(targets, {"payback_month": None}, {"payback_month": None}, 3, 3)
    assert (still_never.actual, still_never.passed) == (0, True)


def test_without_a_base_each_is_not_applicable_and_fails_nothing() -> None:
    targets = Targets(max_npv_drop=DropLimit(0.1, relative=True), max_payback_delay=2)
    outcomes = not_applicable(targets)
    assert [(o.name, o.applicable, o.passed, o.actual) for o in outcomes] == [
        ("max_npv_drop", False, True, None), ("max_payback_delay", False, True, None)]
    assert not_applicable(Targets()) == []


# --- the reader ----------------------------------------------------------------------


def test_the_percent_sign_makes_a_share() -> None:
    share = load_text("name: S\nretention: {monthly_churn: 0.5}\ntargets: {max_npv_drop: 10%}\n", "s.yaml")
    assert share.scenario.targets.max_npv_drop == DropLimit(0.1, relative=True)
    amount = load_text("name: S\nretention: {monthly_churn: 0.5}\ntargets: {max_npv_drop: 5万, max_payback_delay: 2}\n", "s.yaml")
    assert amount.scenario.targets.max_npv_drop == DropLimit(50_000, relative=False)
    assert amount.scenario.targets.max_payback_delay == 2


@pytest.mark.parametrize("lang, expected", [
    ("en", "s.yaml:3:25: targets.max_npv_drop: expected a share >= 0% (10%) or an amount >= 0 (5万), found -3\n"
           "s.yaml:3:48: targets.max_payback_delay: expected a whole number from 0 to 120, found 1.5\n"),
    ("zh", "s.yaml:3:25: targets.max_npv_drop: 应为 ≥ 0% 的比例（10%）或 ≥ 0 的金额（5万），实际为 -3\n"
           "s.yaml:3:48: targets.max_payback_delay: 应为 0 到 120 之间的整数，实际为 1.5\n"),
])
def test_bad_values_are_located(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, expected: str) -> None:
    write(tmp_path, {"s.yaml": "name: S\nretention: {monthly_churn: 0.5}\ntargets: {max_npv_drop: -3, max_payback_delay: 1.5}\n"})
    monkeypatch.chdir(tmp_path)
    result = invoke(["validate", "s.yaml", "--lang", lang])
    assert result.exit_code == 2
    assert result.stdout == expected


def test_the_schema_has_both_with_chinese_descriptions() -> None:
    from aigc_roi.present.schema_zh import translate_schema

    targets = json_schema()["properties"]["targets"]["properties"]
    assert targets["max_payback_delay"]["anyOf"][0] == {"type": "integer", "minimum": 0, "maximum": 120}
    assert {"$ref": "#/$defs/number_text"} in targets["max_npv_drop"]["anyOf"]
    zh = translate_schema(json_schema())["properties"]["targets"]["properties"]
    for name in ("max_npv_drop", "max_payback_delay"):
        assert zh[name]["description"] != targets[name]["description"]
        assert "check --base" in zh[name]["description"]


# --- check ---------------------------------------------------------------------------


def test_without_base_they_read_not_applicable(repo: Path) -> None:
    table = invoke(["check", "scenarios", "--format", "table"])
    assert table.exit_code == 0
    assert "n/a (needs --base)" in table.stdout
    assert table.stderr == "1 file, 0 invalid, 3 targets, 0 missed, 2 not applicable\n"
    # Findings only: no miss, but each target that could not be held is said, on its line (lines 12 and 13).
    found = invoke(["check", "scenarios"]).stdout.splitlines()
    assert found == [f"{Path('scenarios/plan.yaml')}:{line}:{column}: Spec example: targets.{name} not applicable: "
                     "it bounds the change from a base revision (check --base REF)"
                     for line, column, name in ((12, 17, "max_npv_drop"), (13, 22, "max_payback_delay"))]
    data = json.loads(invoke(["check", "scenarios", "--format", "json"]).stdout)
    drop = next(t for t in data["scenarios"][0]["targets"] if t["name"] == "max_npv_drop")
    assert drop == {"name": "max_npv_drop", "figure": "npv_drop_share", "actual": None, "limit": 0.1,
                    "passed": None, "applicable": False, "not_applicable_reason": "n/a (needs --base)",
                    "file": str(Path("scenarios/plan.yaml")), "option": None, "line": 12, "column": 17,
                    "message": "Spec example: targets.max_npv_drop not applicable: it bounds the change from a base "
                               "revision (check --base REF)", "new_since_base": None, "changed_here": None}
    github = invoke(["check", "scenarios", "--format", "github"]).stdout
    assert "::notice file=scenarios/plan.yaml,line=12,col=17,title=aigc-roi check%3A max_npv_drop::" in github


def test_a_change_much_worse_fails_though_absolute_targets_pass(repo: Path) -> None:
    write(repo, {"scenarios/plan.yaml": example(price=20, targets=GUARDED)})
    result = invoke(["check", "scenarios", "--base", "HEAD", "--format", "json"])
    assert result.exit_code == 1
    targets = {t["name"]: t for t in json.loads(result.stdout)["scenarios"][0]["targets"]}
    assert targets["min_roi"]["passed"] is True  # roi (35,000 - 1,750 - 20,000) / 20,000 = 66.25%
    assert targets["max_npv_drop"]["actual"] == pytest.approx(17_500 / 30_750)
    assert targets["max_payback_delay"]["actual"] == 1
    assert not targets["max_npv_drop"]["passed"] and not targets["max_payback_delay"]["passed"]
    # The annotations sit on the line that moved npv and payback: the price (line 8), the only change.
    price_line = example(price=20).splitlines()[7]
    column = price_line.index("20") + 1
    github = invoke(["check", "scenarios", "--base", "HEAD", "--format", "github"]).stdout.splitlines()
    drop = next(line for line in github if "max_npv_drop::" in line)
    assert drop.startswith(f"::error file=scenarios/plan.yaml,line=8,endLine=8,col={column},")
    assert drop.endswith("::Spec example: targets.max_npv_drop missed: npv drop is 56.91%25, must be <= 10.00%25"
                         " (new since HEAD); changed here: monetization.purchases[0].price 30 -> 20")
    text = invoke(["check", "scenarios", "--base", "HEAD"]).stdout
    assert (f"{Path('scenarios/plan.yaml')}:8:{column}: Spec example: targets.max_payback_delay missed: "
            "payback delay (months) is 1, must be <= 0 (new since HEAD); changed here: "
            "monetization.purchases[0].price 30 -> 20\n") in text
    table = invoke(["check", "scenarios", "--base", "HEAD", "--format", "table", "--lang", "zh"]).stdout
    assert "max_npv_drop 净现值降幅上限" in table and "56.91%" in table


def test_an_amount_limit_in_money(repo: Path) -> None:
    write(repo, {"scenarios/plan.yaml": example(price=20, targets="max_npv_drop: 1.75万")})
    result = invoke(["check", "scenarios", "--base", "HEAD", "--format", "markdown"])
    assert result.exit_code == 0  # 17,500 on the limit of 17,500
    assert "| scenarios/plan.yaml | max_npv_drop | 17,500.00 | <= 17,500.00 | pass |" in result.stdout


def test_unchanged_holds_and_new_is_not_applicable(repo: Path) -> None:
    write(repo, {"scenarios/fresh.yaml": example(price=30, targets=GUARDED, name="Fresh")})
    result = invoke(["check", "scenarios", "--base", "HEAD", "--format", "markdown"])
    assert result.exit_code == 0
    # plan.yaml did not change: nothing dropped, nothing delayed. fresh.yaml has no version at HEAD.
    assert "| scenarios/plan.yaml | max_npv_drop | 0.00% | <= 10.00% | pass |" in result.stdout
    assert "| scenarios/plan.yaml | max_payback_delay | 0 | <= 0 | pass |" in result.stdout
    assert "| scenarios/fresh.yaml | max_npv_drop | — | <= 10.00% | n/a (no valid version at HEAD) |" in result.stdout


def test_the_markdown_says_what_moved_each_figure_in_chinese(repo: Path) -> None:
    write(repo, {"scenarios/plan.yaml": example(price=20, targets=GUARDED)})
    out = invoke(["check", "scenarios", "--base", "HEAD", "--format", "markdown", "--lang", "zh"]).stdout
    # The price alone changed: it carries npv's whole fall, 30,750 -> 13,250 (1.75万), roi's 153.75% -> 66.25%,
    # payback's month (1 -> 2) and the peak cash need's rise from 0 to 1,000 (month 1: -20,000 + 19,000).
    assert "### 各指标变化的来源：scenarios/plan.yaml (Spec example)" in out
    assert f"| {label('npv', 'zh')} | monetization.purchases[Item].price | 30 | 20 | -1.75万 |" in out
    assert "| monetization.purchases[Item].price | 30 | 20 | -87.50 百分点 |" in out
    assert f"| {label('payback_month', 'zh')} | monetization.purchases[Item].price | 30 | 20 | +1.0 |" in out
    assert f"| {label('peak_cash_need', 'zh')} | monetization.purchases[Item].price | 30 | 20 | +1,000.00 |" in out
    assert "Shapley 分摊：遍历所有改动顺序（精确），各项之和等于总变化。" in out
