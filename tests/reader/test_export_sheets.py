"""Which sheets of a workbook export are read (reader/exports/sheets.py): every visible sheet of a report's table,
together only where their columns are the same (two accounts' reports), never a hidden one; each sheet not read
said in the summary, none dropped silently."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke
from export_files import workbook

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.reader.exports import Horizon, read_report

openpyxl = pytest.importorskip("openpyxl")

HORIZON = Horizon.of((2025, 3), 12)
HEADER = ["日期", "项目名称", "项目ID", "消耗(元)", "激活数"]
PLAN = """\
name: Sheets
start: 2025-03
horizon_months: 12
acquisition:
  - {name: 抖音, type: cpa, bid: 12, budget: 100000, match: ["dy_*"]}
retention: {monthly_churn: 0.5}
monetization:
  purchases:
    - {name: Pack, price: 10, rate: 1}
"""



ACCOUNT_A = [HEADER, ["2025-03-01", "dy_A", "1790001", 100, 10]]
ACCOUNT_B = [HEADER, ["2025-03-01", "dy_B", "1790002", 200, 20], ["2025-03-02", "dy_B", "1790002", 50, 4]]
STALE = [HEADER, ["2025-03-01", "dy_A", "1790001", 999, 99]]


def _errors(path: Path) -> list[str]:
    with pytest.raises(ScenarioInvalid) as raised:
        read_report([path], HORIZON)
    return [str(error) for error in raised.value.errors]


def test_two_accounts_sheets_of_the_same_columns_are_both_read(tmp_path: Path) -> None:
    """账户A spent 100 (10 users), 账户B 200 + 50 (20 + 4): 350 and 34 in all, each sheet its own source."""
    path = workbook(tmp_path / "multi.xlsx", {"账户A": ACCOUNT_A, "账户B": ACCOUNT_B})
    report = read_report([path], HORIZON)
    assert [(source.file, source.rows) for source in report.sources] == [(f"{path}[账户A]", 1), (f"{path}[账户B]", 2)]
    assert sum(row.spend for row in report.rows) == 350
    assert sum(row.users or 0 for row in report.rows) == 34
    assert [row.file for row in report.rows] == [f"{path}[账户A]", f"{path}[账户B]", f"{path}[账户B]"]


@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
def test_a_hidden_sheet_is_not_read_but_said(tmp_path: Path, state: str) -> None:
    """The hidden stale copy's 999 is not the report: the visible 报表's 100 is, and the hidden sheet is listed."""
    path = workbook(tmp_path / "hidden.xlsx", {"旧数据": STALE, "报表": ACCOUNT_A}, {"旧数据": state})
    report = read_report([path], HORIZON)
    assert [row.spend for row in report.rows] == [100]
    assert [source.file for source in report.sources] == [f"{path}[报表]"]
    assert [(sheet.place, sheet.hidden) for sheet in report.sources[0].skipped_sheets] == [(f"{path}[旧数据]", True)]


def test_a_notes_sheet_is_listed_as_not_read(tmp_path: Path) -> None:
    path = workbook(tmp_path / "notes.xlsx", {"说明": [["本报表由巨量引擎导出"]], "报表": ACCOUNT_A})
    skipped = read_report([path], HORIZON).sources[0].skipped_sheets
    assert [(sheet.sheet, sheet.hidden) for sheet in skipped] == [("说明", False)]


def test_sheets_of_other_columns_are_refused_at_each_that_differs(tmp_path: Path) -> None:
    """By ad beside by campaign would count the same spend twice: refused at the first column each differs in."""
    by_ad = [[*HEADER, "创意ID"], ["2025-03-01", "dy_A", "1790001", 100, 10, "9"]]
    renamed = [[*HEADER[:3], "花费(元)", "激活数"], ["2025-03-01", "dy_A", "1790001", 100, 10]]
    short = [HEADER[:4], ["2025-03-01", "dy_A", "1790001", 100]]
    path = workbook(tmp_path / "levels.xlsx", {"按计划": ACCOUNT_A, "按创意": by_ad, "改名": renamed, "少一列": short})
    expected = "expected the columns of sheet '按计划' (sheets are read together only where their columns are the same)"
    hint = "hide the sheets not to read, or save each report as its own file"
    assert _errors(path) == [
        f"{path}[按创意]:1:6: 创意ID: {expected}, found column 6 '创意ID', where '按计划' has none; {hint}",
        f"{path}[改名]:1:4: 花费(元): {expected}, found column 4 '花费(元)', where '按计划' has '消耗(元)'; {hint}",
        f"{path}[少一列]:1:5: header: {expected}, found no header in column 5, where '按计划' has '激活数'; {hint}",
    ]


def test_a_report_only_on_a_hidden_sheet_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = workbook(tmp_path / "only.xlsx", {"旧数据": STALE, "说明": [["本报表由巨量引擎导出"]]}, {"旧数据": "hidden"})
    assert _errors(path) == [f"{path}:1:1: expected a report table on a visible sheet, found one only on hidden sheets "
                             "(旧数据); unhide the sheet to read: hidden sheets are not read"]


def test_an_error_on_one_account_s_sheet_names_it_and_the_other_s_too(tmp_path: Path) -> None:
    bad_a = [HEADER, ["2025-03-01", "dy_A", "1790001", "abc", 10]]
    bad_b = [HEADER, ["2025-03-01", "dy_B", "1790002", -1, 20]]
    path = workbook(tmp_path / "bad.xlsx", {"账户A": bad_a, "账户B": bad_b})
    assert _errors(path) == [f"{path}[账户A]:2:4: 消耗(元): expected a number, found 'abc'",
                             f"{path}[账户B]:2:4: 消耗(元): expected an amount >= 0, found '-1'"]


def _plan(tmp_path: Path) -> Path:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    return plan


def test_the_summary_says_the_sheets_read_and_the_hidden_ones_in_english_and_chinese(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    path = workbook(tmp_path / "book.xlsx", {"旧数据": STALE, "账户A": ACCOUNT_A, "账户B": ACCOUNT_B},
                 {"旧数据": "hidden"})
    english = invoke(["actuals", str(plan), str(path), "-f", "markdown"])
    assert english.exit_code == 0, english.stderr
    assert f"hidden sheets not read: {path}[旧数据]" in english.stderr.splitlines()
    assert f"- {path}[账户A]: oceanengine_console, 1 row; columns" in english.stdout
    assert f"- {path}[账户B]: oceanengine_console, 2 rows; columns" in english.stdout
    assert "- sheets not read: 旧数据 (hidden)" in english.stdout.splitlines()
    chinese = invoke(["actuals", str(plan), str(path), "-f", "markdown", "--lang", "zh"])
    assert f"未读取隐藏的工作表：{path}[旧数据]" in chinese.stderr.splitlines()
    assert "- 未读取的工作表：旧数据（隐藏）" in chinese.stdout.splitlines()
    data = json.loads(invoke(["actuals", str(plan), str(path), "-f", "json"]).stdout)
    assert [source["skipped_sheets"] for source in data["sources"]] == [[{"sheet": "旧数据", "hidden": True}], []]
    assert {"code": "hidden_sheet", "file": f"{path}[旧数据]",
            "message": f"hidden sheets not read: {path}[旧数据]"} in data["warnings"]


def test_the_refusals_in_chinese(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    renamed = [[*HEADER[:3], "花费(元)", "激活数"], ["2025-03-01", "dy_A", "1790001", 100, 10]]
    by_ad = [[*HEADER, "创意ID"], ["2025-03-01", "dy_A", "1790001", 100, 10, "9"]]
    path = workbook(tmp_path / "levels.xlsx", {"按计划": ACCOUNT_A, "改名": renamed, "按创意": by_ad})
    result = invoke(["actuals", str(plan), str(path), "--lang", "zh"])
    assert result.exit_code == 2 and result.stdout == ""
    expected = "应为与工作表 '按计划' 相同的列（各工作表只有列完全相同时才一起读取）"
    hint = "请隐藏不需读取的工作表，或把每个报表另存为单独的文件"
    assert result.stderr.splitlines() == [
        f"{path}[改名]:1:4: 花费(元): {expected}，实际为第 4 列 '花费(元)'（'按计划' 的这一列为 '消耗(元)'）；{hint}",
        f"{path}[按创意]:1:6: 创意ID: {expected}，实际为第 6 列 '创意ID'（'按计划' 没有这一列）；{hint}"]
    only = workbook(tmp_path / "only.xlsx", {"旧数据": STALE, "说明": [["导出说明"]]}, {"旧数据": "hidden"})
    result = invoke(["actuals", str(plan), str(only), "--lang", "zh"])
    assert result.stderr.splitlines() == [
        f"{only}:1:1: 应为可见工作表上的报表，实际为隐藏的工作表（旧数据）上的报表；请取消隐藏要读取的工作表：隐藏的工作表不会被读取"]
