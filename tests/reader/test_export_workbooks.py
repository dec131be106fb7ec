"""A workbook export read whole and cell by cell: a stale <dimension> tag must not hide rows or columns (openpyxl's
read-only sheets trust it unless reset), and a merged cell, which holds its value in its first cell only, is refused
with what to do rather than read as an empty date or a day of 0 spend."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from cli_runner import invoke

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


def _book(path: Path, rows: list[list[object]], merge: str | None = None, dimension: str | None = None) -> Path:
    """``rows`` saved as a workbook, ``merge`` (A2:A3) merged, and its sheet's <dimension> rewritten to ``dimension``,
    as a writer that never updated it leaves it."""
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    if merge:
        book.active.merge_cells(merge)
    buffer = io.BytesIO()
    book.save(buffer)
    if dimension is None:
        path.write_bytes(buffer.getvalue())
        return path
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data, replaced = re.subn(rb'<dimension ref="[^"]*"', f'<dimension ref="{dimension}"'.encode(), data)
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
        f"{path}:3:1: 日期: 应为 YYYY-MM-DD 格式的日期，实际为 空单元格（属于合并单元格 A2:A3）；请取消合并，并在每一行填入值"]
