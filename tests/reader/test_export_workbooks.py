"""A workbook export read whole and cell by cell: a stale <dimension> tag must not hide rows or columns (openpyxl's
read-only sheets trust it unless reset), a merged cell, which holds its value in its first cell only, is refused
with what to do rather than read as an empty date or a day of 0 spend, a workbook of several sheets is located by
the sheet read, and one set to the 1904 date system reads its serials in it."""

from __future__ import annotations

import datetime
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from cli_runner import invoke
from export_files import workbook

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.reader.exports import Horizon, read_report

openpyxl = pytest.importorskip("openpyxl")

HORIZON = Horizon.of((2025, 3), 12)
ROWS = [["日期", "计划名称", "消耗(元)", "激活数"], ["2025-03-01", "抖音A", 1000, 80], ["2025-03-02", "抖音A", 2000, 160]]
PLAN = """\
name: Workbooks
start: 2025-03
horizon_months: 12
acquisition:
  - {name: Douyin CPA, type: cpa, bid: 12, budget: 100000, match: ["抖音*"]}
retention: {monthly_churn: 0.5}
monetization:
  purchases:
    - {name: Pack, price: 10, rate: 1}
"""


def _book(path: Path, rows: list[list[object]], merge: str | None = None, dimension: str | None = None,
          date1904: bool = False, dated: str | None = None) -> Path:
    """``rows`` saved as a workbook, ``merge`` (A2:A3) merged, its sheet's <dimension> rewritten to ``dimension``,
    as a writer that never updated it leaves it, with ``date1904`` its workbook's <workbookPr> set to the 1904
    date system, as Excel for Mac's older versions wrote it (the serials stay the numbers ``rows`` hold), and the
    number of cell ``dated`` (A3) formatted as a date."""
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    if merge:
        book.active.merge_cells(merge)
    if dated:
        book.active[dated].number_format = "yyyy-mm-dd"
    buffer = io.BytesIO()
    book.save(buffer)
    if dimension is None and not date1904:
        path.write_bytes(buffer.getvalue())
        return path
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml" and dimension is not None:
                data, replaced = re.subn(rb'<dimension ref="[^"]*"', f'<dimension ref="{dimension}"'.encode(), data)
                assert replaced == 1
            if item.filename == "xl/workbook.xml" and date1904:
                data, replaced = re.subn(rb"<workbookPr\b[^>]*/>", b'<workbookPr date1904="1"/>', data)
                assert replaced == 1
            target.writestr(item, data)
    return path



def _errors(path: Path) -> list[str]:
    with pytest.raises(ScenarioInvalid) as raised:
        read_report([path], HORIZON)
    return [str(error) for error in raised.value.errors]


@pytest.mark.parametrize("dimension", ["A1:D2", "A1:B3", "A1"], ids=["rows", "columns", "one-cell"])
def test_a_stale_dimension_hides_no_row_and_no_column(tmp_path: Path, dimension: str) -> None:
    """The tag says less than the sheet holds: 1,000 + 2,000 spent and 80 + 160 new users over the two days."""
    report = read_report([_book(tmp_path / "stale.xlsx", ROWS, dimension=dimension)], HORIZON)
    assert [(row.day.day, row.spend, row.users) for row in report.rows] == [(1, 1000.0, 80.0), (2, 2000.0, 160.0)]


def test_a_stale_dimension_hides_no_formula(tmp_path: Path) -> None:
    """Row 3's spend is a formula with no saved value: the second reading (with formulas) must reach it too."""
    rows = [*ROWS[:2], ["2025-03-02", "抖音A", "=1000*2", 160]]
    path = _book(tmp_path / "formula.xlsx", rows, dimension="A1:D2")
    assert _errors(path) == [f"{path}:3:3: 消耗(元): expected a number, found a formula with no saved value (=1000*2); "
                             "open and save the workbook in Excel so it keeps the result"]


MERGED = ("expected a date YYYY-MM-DD, found an empty cell, part of the merged cell A2:A3; "
          "unmerge the cells and fill in every row")


def test_a_merged_date_is_refused_with_what_to_do(tmp_path: Path) -> None:
    """Two campaigns of 2025-03-01 under one merged date cell: its second row reads an empty date."""
    rows = [ROWS[0], ["2025-03-01", "抖音A", 1000, 80], [None, "抖音B", 500, 40], ["2025-03-02", "抖音A", 2000, 160]]
    path = _book(tmp_path / "merged.xlsx", rows, merge="A2:A3")
    assert _errors(path) == [f"{path}:3:1: 日期: {MERGED}"]


def test_a_merged_amount_is_refused_not_read_as_0(tmp_path: Path) -> None:
    """A spend merged over two days is no day's spend: the second would read 0 spent, its 40 users free."""
    rows = [ROWS[0], ["2025-03-01", "抖音A", 1000, 80], ["2025-03-02", "抖音A", None, 40]]
    path = _book(tmp_path / "merged.xlsx", rows, merge="C2:C3")
    assert _errors(path) == [f"{path}:3:3: 消耗(元): expected a number, found an empty cell, part of the merged cell "
                             "C2:C3; unmerge the cells and fill in every row"]


def test_a_merged_cell_in_a_column_not_read_is_no_matter(tmp_path: Path) -> None:
    rows = [[*ROWS[0], "备注"], [*ROWS[1], "春节"], [*ROWS[2], None]]
    path = _book(tmp_path / "notes.xlsx", rows, merge="E2:E3")
    assert sum(row.spend for row in read_report([path], HORIZON).rows) == 3000.0


def test_a_merged_cell_in_chinese(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    rows = [ROWS[0], ["2025-03-01", "抖音A", 1000, 80], [None, "抖音B", 500, 40]]
    path = _book(tmp_path / "merged.xlsx", rows, merge="A2:A3")
    result = invoke(["actuals", str(plan), str(path), "--lang", "zh"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{path}:3:1: 日期: 应为 YYYY-MM-DD 格式的日期，实际为空单元格（属于合并单元格 A2:A3）；请取消合并，并在每一行填入值"]


NOTES = [["本报表由巨量引擎导出"], ["导出时间：2025-03-03"]]
"""A notes sheet: no row of two filled cells, so not the report."""
WRONG = [ROWS[0], ROWS[1], ["2025-03-02", "抖音A", "abc", 160]]


@pytest.mark.parametrize("sheets", [{"说明": NOTES, "报表": WRONG}, {"报表": WRONG, "说明": NOTES}],
                         ids=["second-sheet", "first-of-two"])
def test_an_error_in_a_workbook_of_several_sheets_names_the_sheet(tmp_path: Path, sheets: dict[str, list[list[object]]]) -> None:
    """Row 3 of the sheet 报表 holds the bad spend: the location says which sheet, wherever it stands."""
    path = workbook(tmp_path / "two.xlsx", sheets)
    assert _errors(path) == [f"{path}[报表]:3:3: 消耗(元): expected a number, found 'abc'"]


def test_a_workbook_of_one_sheet_is_located_by_its_file_alone(tmp_path: Path) -> None:
    path = workbook(tmp_path / "one.xlsx", {"报表": WRONG})
    assert _errors(path) == [f"{path}:3:3: 消耗(元): expected a number, found 'abc'"]


def test_a_warning_located_in_a_workbook_of_several_sheets_names_the_sheet(tmp_path: Path) -> None:
    """Row 3's 激活数 is N/A: the ‡ line, in English and Chinese, and JSON's not_reported name sheet 报表."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    path = workbook(tmp_path / "two.xlsx", {"说明": NOTES, "报表": [*ROWS[:2], ["2025-03-02", "抖音A", 2000, "N/A"]]})
    english = invoke(["actuals", str(plan), str(path), "-f", "markdown"])
    assert english.exit_code == 0, english.stderr
    assert f"2025-03 new users (first at {path}[报表]:3:4, column '激活数')" in english.stdout
    chinese = invoke(["actuals", str(plan), str(path), "-f", "markdown", "--lang", "zh"]).stdout
    assert f"2025-03 新增用户（首次在 {path}[报表]:3:4，'激活数' 列）" in chinese
    data = json.loads(invoke(["actuals", str(plan), str(path), "-f", "json"]).stdout)
    assert data["channels"][0]["months"][0]["not_reported"] == [
        {"metric": "users", "file": f"{path}[报表]", "line": 3, "column": 4, "header": "激活数"}]


def test_a_workbook_in_the_1904_date_system_reads_its_serials_in_it(tmp_path: Path) -> None:
    """1904 system: serial 0 is 1904-01-01, and 2025-03-01 is 121 years of 365 days, 31 leap days 1904..2024 and
    31 + 28 days on, 44,255 (in the 1900 system, 45,717: 1,462 more, four years and a day). Row 2 holds it as a
    plain number, as an unformatted date column does; row 3 holds 44,256 formatted as a date: 2025-03-02."""
    rows = [ROWS[0], [44255, "抖音A", 1000, 80], [44256, "抖音A", 2000, 160]]
    path = _book(tmp_path / "mac.xlsx", rows, date1904=True, dated="A3")
    book = openpyxl.load_workbook(path)
    assert book.epoch == datetime.datetime(1904, 1, 1)  # the file is what Excel for Mac writes
    report = read_report([path], HORIZON)
    assert [row.day for row in report.rows] == [datetime.date(2025, 3, 1), datetime.date(2025, 3, 2)]


def test_a_workbook_in_the_1900_date_system_keeps_reading_its_serials_so(tmp_path: Path) -> None:
    """The same serials in the 1900 system: 44,255 is 1,462 days before 2025-03-01, 2021-02-28, outside the plan."""
    path = _book(tmp_path / "windows.xlsx", [ROWS[0], [44255, "抖音A", 1000, 80]])
    assert _errors(path) == [f"{path}:2:1: 日期: expected a date within 2025-03-01..2026-02-28 (the plan's months 1-12), "
                             "found 2021-02-28"]


def _formatted(path: Path, rows: list[list[object]], formats: dict[str, str], sheets: int = 1) -> Path:
    """``rows`` saved as a workbook's last sheet (after ``sheets`` - 1 empty ones), each cell of ``formats`` (C2)
    given its number format."""
    book = openpyxl.Workbook()
    for _ in range(sheets - 1):
        book.create_sheet("报表")
    sheet = book.worksheets[-1]
    for row in rows:
        sheet.append(row)
    for cell, number_format in formats.items():
        sheet[cell].number_format = number_format
    book.save(path)
    return path


@pytest.mark.parametrize(("cell", "number_format", "value", "shown"), [
    ("C2", "0.00%", 0.025, "'2.5%'"), ("D3", "0%", 1, "'100%'"), ("C3", "#,##0.0%", 12.5, "'1250%'"),
])
def test_an_amount_or_count_formatted_as_a_percentage_is_refused_at_its_cell(
        tmp_path: Path, cell: str, number_format: str, value: float, shown: str) -> None:
    """Excel shows 0.025 formatted 0.00% as 2.50%: it was read as 0.025 of spend, where a CSV's 2.5% is refused."""
    rows = [list(row) for row in ROWS]
    rows[int(cell[1]) - 1]["ABCD".index(cell[0])] = value
    path = _formatted(tmp_path / "p.xlsx", rows, {cell: number_format})
    header = ROWS[0]["ABCD".index(cell[0])]
    with pytest.raises(ScenarioInvalid) as raised:
        read_report([path], HORIZON)
    assert [str(error) for error in raised.value.errors] == [
        f"{path}:{cell[1]}:{'ABCD'.index(cell[0]) + 1}: {header}: expected a number, found {shown}; a percentage is no "
        "amount or count"]


def test_a_percentage_in_a_workbook_of_sheets_is_located_at_its_sheet(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    rows = [list(row) for row in ROWS]
    rows[1][2] = 0.025
    path = _formatted(tmp_path / "p.xlsx", rows, {"C2": "0.00%"}, sheets=2)
    result = invoke(["actuals", str(plan), str(path), "--lang", "zh"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [f"{path}[报表]:2:3: 消耗(元): 应为数字，实际为 '2.5%'；百分比不是金额或数量"]


@pytest.mark.parametrize("number_format", ['0.00"%"', "0.00\\%", "[Red]0.00", "General", "#,##0.00"])
def test_a_format_that_writes_a_percent_sign_as_text_scales_nothing(tmp_path: Path, number_format: str) -> None:
    path = _formatted(tmp_path / "p.xlsx", ROWS, {"C2": number_format})
    assert [row.spend for row in read_report([path], HORIZON).rows] == [1000, 2000]
