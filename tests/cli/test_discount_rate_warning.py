"""A discount rate above 100% a year (reader/discount_warning.py, docs/formulas.md §12): valid, as the spec bounds it
only below, and computed as written, but every command that reads the file says on stderr, located at the value, in
English and Chinese, what rate it read (-q drops it); validate's and check's machine formats carry it as their other
warnings, rule ``discount-rate-high``. Exit codes stay those of a valid file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.present.messages_zh import translate

PLAN = """\
name: Rate
horizon_months: 12
discount_rate: 10
acquisition:
  - {name: Ads, type: cpa, bid: 10, budget: 1000}
retention: {monthly_churn: 0.3}
monetization:
  plans: [{name: Pro, price: 30, period: month, conversion: 0.05}]
"""
AT = (3, len("discount_rate: ") + 1)
END = (3, AT[1] + len("10") - 1)
"""The last character of the value, as an error on it is spanned."""
EN = "10 is 1,000% a year; did you mean 10%?"
ZH = "10 即每年 1,000%；是否想写 10%？"


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


@pytest.mark.parametrize("command", [
    ["run"], ["run", "--format", "json"], ["validate"], ["validate", "--format", "json"], ["check"], ["breakeven"],
])
def test_every_command_succeeds_and_warns_once_at_the_value(plan: Path, command: list[str]) -> None:
    result = invoke([*command[:1], str(plan), *command[1:]])
    assert result.exit_code == 0, result.stderr
    located = f"{plan}:{AT[0]}:{AT[1]}: discount_rate: {EN}"
    assert result.stderr.splitlines().count(located) == 1, result.stderr
    assert located not in result.stdout


def test_the_rate_is_the_one_written(plan: Path) -> None:
    # The warning changes no figure: NPV is discounted at 1,000% a year, m = 11^(1/12) - 1 = 22.119% a month.
    assert "NPV at 1,000% a year, m = 22.119% a month" in invoke(["run", str(plan)]).stdout


def test_in_chinese_and_dropped_by_quiet(plan: Path) -> None:
    assert f"{plan}:{AT[0]}:{AT[1]}: discount_rate: {ZH}" in invoke(["run", str(plan), "--lang", "zh"]).stderr.splitlines()
    quiet = invoke(["run", str(plan), "-q"])
    assert (quiet.exit_code, quiet.stderr) == (0, "")


def test_a_rate_set_on_the_command_line_is_warned_of_in_its_option(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN.replace("discount_rate: 10\n", ""), encoding="utf-8")
    result = invoke(["run", str(path), "--set", "discount_rate=12"])
    assert result.exit_code == 0
    assert "--set discount_rate=12:1:1: discount_rate: 12 is 1,200% a year; did you mean 12%?" in result.stderr


def test_validate_and_check_json_list_it_with_its_rule(plan: Path) -> None:
    expected = {"line": AT[0], "column": AT[1], "end_line": END[0], "end_column": END[1], "path": "discount_rate",
                "rule": "discount-rate-high", "message": EN}
    [file] = json.loads(invoke(["validate", str(plan), "--format", "json"]).stdout)["files"]
    assert file["warnings"] == [expected]
    checked = invoke(["check", str(plan), "--format", "json"])
    assert checked.exit_code == 0
    assert json.loads(checked.stdout)["warnings"] == [{"file": str(plan), "option": None, **expected}]


@pytest.mark.parametrize("command", ["validate", "check"])
def test_github_annotates_it(plan: Path, command: str) -> None:
    result = invoke([command, str(plan), "--format", "github"])
    assert result.exit_code == 0
    # A '%' in an annotation is written %25, as GitHub reads it back.
    assert (f"::warning file={plan},line={AT[0]},endLine={END[0]},col={AT[1]},endColumn={END[1]},"
            "title=aigc-roi%3A discount-rate-high::"
            "discount_rate: 10 is 1,000%25 a year; did you mean 10%25?") in result.stdout.splitlines()


@pytest.mark.parametrize(("message", "chinese"), [
    ("1.5 is 150% a year, above any cost of capital a finance team discounts at",
     "1.5 即每年 150%，高于任何财务团队折现所用的资本成本"),
    ("150% a year is above any cost of capital a finance team discounts at", "每年 150% 高于任何财务团队折现所用的资本成本"),
    ("5..20 is 500%..2,000% a year; did you mean 5%..20%?",
     "5..20 即每年 500%..2,000%；是否想写 5%..20%？"),
    ("1.5..3 is 150%..300% a year, above any cost of capital a finance team discounts at",
     "1.5..3 即每年 150%..300%，高于任何财务团队折现所用的资本成本"),
    ("150%..600% a year is above any cost of capital a finance team discounts at",
     "每年 150%..600% 高于任何财务团队折现所用的资本成本"),
])
def test_every_form_of_it_is_said_in_chinese(message: str, chinese: str) -> None:
    assert translate(message) == chinese


# The QA file's slip: a triangle of rates whose high is written without its sign. The warning is at that number
# (column 16 + len("{dist: triangular, low: 0.05, mode: 0.1, high: ")), not about the median 3.568 it drags up.
TRIANGLE = "{dist: triangular, low: 0.05, mode: 0.1, high: 12}"
HIGH_AT = (3, 16 + len("{dist: triangular, low: 0.05, mode: 0.1, high: "))
HIGH_EN = "12 is 1,200% a year; did you mean 12%?"


@pytest.fixture
def triangle(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN.replace("discount_rate: 10", f"discount_rate: {TRIANGLE}"), encoding="utf-8")
    return path


def test_a_range_is_warned_of_at_its_number_over_1_in_english_and_chinese(triangle: Path) -> None:
    at = f"{triangle}:{HIGH_AT[0]}:{HIGH_AT[1]}: discount_rate.high: "
    result = invoke(["validate", str(triangle)])
    assert result.exit_code == 0
    assert [line for line in result.stderr.splitlines() if "discount_rate" in line] == [at + HIGH_EN]
    chinese = invoke(["run", str(triangle), "--lang", "zh"]).stderr.splitlines()
    assert at + "12 即每年 1,200%；是否想写 12%？" in chinese
    assert invoke(["run", str(triangle), "-q"]).stderr == ""


def test_a_range_number_s_warning_is_in_validate_and_check_json_and_github(triangle: Path) -> None:
    expected = {"line": HIGH_AT[0], "column": HIGH_AT[1], "end_line": HIGH_AT[0], "end_column": HIGH_AT[1] + 1,
                "path": "discount_rate.high", "rule": "discount-rate-high", "message": HIGH_EN}
    [file] = json.loads(invoke(["validate", str(triangle), "--format", "json"]).stdout)["files"]
    assert file["warnings"] == [expected]
    assert json.loads(invoke(["check", str(triangle), "--format", "json"]).stdout)["warnings"] == [
        {"file": str(triangle), "option": None, **expected}]
    for command in ("validate", "check"):
        assert (f"::warning file={triangle},line={HIGH_AT[0]},endLine={HIGH_AT[0]},col={HIGH_AT[1]},"
                f"endColumn={HIGH_AT[1] + 1},title=aigc-roi%3A discount-rate-high::"
                "discount_rate.high: 12 is 1,200%25 a year; did you mean 12%25?"
                in invoke([command, str(triangle), "--format", "github"]).stdout.splitlines())


def test_a_range_with_both_ends_over_1_is_warned_of_at_the_range(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN.replace("discount_rate: 10", "discount_rate: 5..20"), encoding="utf-8")
    located = f"{path}:{AT[0]}:{AT[1]}: discount_rate: "
    assert located + "5..20 is 500%..2,000% a year; did you mean 5%..20%?" in invoke(
        ["validate", str(path)]).stderr.splitlines()
    assert located + "5..20 即每年 500%..2,000%；是否想写 5%..20%？" in invoke(
        ["validate", str(path), "--lang", "zh"]).stderr.splitlines()


@pytest.mark.parametrize(("written", "span", "said"), [
    # The whole range: both its ends are over 1, 16 + len("5..20") - 1 = 20.
    ("5..20", (16, 20), "5..20 is 500%..2,000% a year; did you mean 5%..20%?"),
    # The high end alone: "12" starts at 16 + len("0.05..") = 22.
    ("0.05..12", (22, 23), "12 is 1,200% a year; did you mean 12%?"),
    ("'0.05..150%'", (23, 26), "150% a year is above any cost of capital a finance team discounts at"),
])
def test_every_warning_is_spanned_as_an_error_on_its_number_is(tmp_path: Path, written: str, span: tuple[int, int],
                                                                said: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN.replace("discount_rate: 10", f"discount_rate: {written}"), encoding="utf-8")
    [warning] = json.loads(invoke(["validate", str(path), "--format", "json"]).stdout)["files"][0]["warnings"]
    assert (warning["column"], warning["end_line"], warning["end_column"], warning["message"]) == (span[0], 3, span[1], said)


def test_a_rate_set_on_the_command_line_has_no_span_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN.replace("discount_rate: 10\n", ""), encoding="utf-8")
    [warning] = json.loads(invoke(["check", str(path), "--set", "discount_rate=12", "--format", "json"]).stdout)["warnings"]
    assert (warning["option"], warning["end_line"], warning["end_column"]) == ("--set discount_rate=12", None, None)


@pytest.mark.parametrize(("written", "percent"), [
    # Just over 1: 1.0000001 x 100 = 100.00001, 1.00001 x 100 = 100.001; the percent tells it from the 100% it is over.
    ("1.0000001", "100.00001"), ("1.00001", "100.001"), ("1.5", "150"), ("1.23456", "123.5"),
])
def test_a_rate_just_over_1_reads_above_100_percent(tmp_path: Path, written: str, percent: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN.replace("discount_rate: 10", f"discount_rate: {written}"), encoding="utf-8")
    said = f"{written} is {percent}% a year, above any cost of capital a finance team discounts at"
    assert f"{path}:3:16: discount_rate: {said}" in invoke(["validate", str(path)]).stderr.splitlines()
