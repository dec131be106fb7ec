"""Note lines below an export's table: a console's footnote after a blank line is skipped and listed, never read as a
row; a row of the table that lacks cells is refused as before (docs/actuals.md, "Note lines")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.model.actuals import SkippedNote
from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.reader.exports import Horizon, read_report

HORIZON = Horizon.of((2025, 1), 6)
TABLE = ("日期,项目ID,项目名称,消耗(元),展示数,点击数,激活数\n"
         "2025-01-01,1790001,dy_项目A,100.00,1000,20,10\n"
         "2025-01-02,1790001,dy_项目A,100.00,1000,20,10\n")
"""The QA tester's oe_footer_note.csv above its note: two days of 100 spent."""
NOTE = "注：当日数据存在波动，次日稳定"
SOURCE = "数据来源：巨量引擎"
PLAN = """\
name: Notes
start: 2025-01
horizon_months: 6
acquisition:
  - {name: Douyin CPA, type: cpa, bid: 20, budget: 100_000, match: ["dy_*"]}
retention: {monthly_churn: 0.5}
monetization:
  purchases:
    - {name: Pack, price: 10, rate: 1}
"""


def _write(tmp_path: Path, text: str, name: str = "export.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def _errors(path: Path) -> list[str]:
    with pytest.raises(ScenarioInvalid) as raised:
        read_report([path], HORIZON)
    return [str(error) for error in raised.value.errors]


@pytest.mark.parametrize(("below", "notes"), [
    (f",,,,,,\n{NOTE},,,,,,\n", ((5, NOTE),)),                        # oe_footer_note.csv: Excel's padding kept
    (f"\n{SOURCE}\n", ((5, SOURCE),)),                                # oe_footer_note2.csv: the line alone
    (f"\n{NOTE},,,,,,\n{SOURCE}\n", ((5, NOTE), (6, SOURCE))),          # a footnote of two lines
    (f"\n\n{NOTE}\n\n{SOURCE}\n\n", ((6, NOTE), (8, SOURCE))),        # blank lines between and after
])
def test_a_note_below_the_table_is_skipped_and_listed(tmp_path: Path, below: str, notes: tuple[tuple[int, str], ...]) -> None:
    """oe_footer_note.csv gave two errors for its note (a date, a campaign), oe_footer_note2.csv 'expected 7 cells as
    the header has, found 1'."""
    report = read_report([_write(tmp_path, TABLE + below)], HORIZON)
    assert [(row.line, row.spend) for row in report.rows] == [(2, 100.0), (3, 100.0)]
    assert report.sources[0].skipped_notes == tuple(SkippedNote(line, text) for line, text in notes)


def test_a_workbooks_note_below_the_table_is_skipped(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    for row in (["日期", "计划名称", "消耗", "激活数"], ["2025-01-03", "dy_A", 100, 10], [], [NOTE]):
        book.active.append(row)
    path = tmp_path / "export.xlsx"
    book.save(path)
    report = read_report([path], HORIZON)
    assert [(row.line, row.spend) for row in report.rows] == [(2, 100.0)]
    assert report.sources[0].skipped_notes == (SkippedNote(4, NOTE),)


CUT = "expected 7 cells as the header has, found 1; the row ends before its campaign name or id column"


@pytest.mark.parametrize(("below", "errors"), [
    # Right under the table, with no blank line: a row cut short, as before.
    (f"{SOURCE}\n", [f"4:2: 项目ID: {CUT}"]),
    # A line of one cell after a blank line, with rows of the table below it: in the table, so read as a row.
    (f"\n{SOURCE}\n2025-01-03,1790001,dy_项目A,100.00,1000,20,10\n", [f"5:2: 项目ID: {CUT}"]),
    # A row of two cells after a blank line fills more than its first: a row of the table, cut short.
    ("\n2025-01-03,1790001\n", ["5:4: 消耗(元): expected 7 cells as the header has, found 2; the row ends before its "
                               "spend column"]),
    # A date or a number alone is no note's words: a row cut short after its first cell.
    ("\n2025-01-03\n", [f"5:2: 项目ID: {CUT}"]),
    ("\n2025年1月3日\n", [f"5:2: 项目ID: {CUT}"]),
    ("\n200.00\n", [f"5:2: 项目ID: {CUT}"]),
])
def test_a_row_of_the_table_missing_cells_is_still_refused(tmp_path: Path, below: str, errors: list[str]) -> None:
    path = _write(tmp_path, TABLE + below)
    assert _errors(path) == [f"{path}:{error}" for error in errors]


def test_notes_alone_under_a_header_are_no_rows(tmp_path: Path) -> None:
    path = _write(tmp_path, f"{TABLE.splitlines()[0]}\n\n{NOTE}\n")
    assert _errors(path) == [f"{path}:2:1: expected at least one data row under the header, found none"]


def test_the_notes_skipped_are_said_in_each_language(tmp_path: Path) -> None:
    plan = _write(tmp_path, PLAN, "plan.yaml")
    export = _write(tmp_path, f"{TABLE},,,,,,\n{NOTE},,,,,,\n")
    english = invoke(["actuals", str(plan), str(export), "-f", "json"])
    assert english.exit_code == 0, english.stderr
    assert english.stderr.splitlines() == [
        "2 rows from 1 export through 2025-01-02", f"skipped as notes below the table: {export}:5",
        "every campaign matched a channel"]
    assert json.loads(english.stdout)["sources"][0]["skipped_notes"] == [{"line": 5, "text": NOTE}]
    chinese = invoke(["actuals", str(plan), str(export), "-f", "markdown", "--lang", "zh"])
    assert chinese.stderr.splitlines() == [
        "1 个报表共 2 行，截至 2025-01-02", f"作为表格下方的注释行跳过：{export}:5", "每个广告计划都已匹配到渠道"]
    assert f"- 作为表格下方的注释行跳过：第 5 行 '{NOTE}'" in chinese.stdout
    markdown = invoke(["actuals", str(plan), str(export), "-f", "markdown"]).stdout
    assert f"- skipped as notes below the table: line 5 '{NOTE}'" in markdown


def test_a_note_of_several_lines_is_shown_on_one(tmp_path: Path) -> None:
    plan = _write(tmp_path, PLAN, "plan.yaml")
    export = _write(tmp_path, f'{TABLE}\n"注：1. 数据有延迟\n2. 次日稳定"\n')
    markdown = invoke(["actuals", str(plan), str(export), "-f", "markdown"])
    assert "- skipped as notes below the table: line 6 '注：1. 数据有延迟 2. 次日稳定'" in markdown.stdout, markdown.stderr
    data = json.loads(invoke(["actuals", str(plan), str(export), "-f", "json"]).stdout)
    assert data["sources"][0]["skipped_notes"] == [{"line": 6, "text": "注：1. 数据有延迟\n2. 次日稳定"}]
