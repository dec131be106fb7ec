"""A figure past float64's largest number, 1.7976931348623157e308 (an IRR past it is reported as it, docs/formulas.md
§10), written where a spreadsheet reads it back: CSV's 15 digits round it up to 1.79769313486232e308, which is no
double (read back as inf); Excel holds no number above 9.99999999999999E+307, and openpyxl's cell read back as inf.

The plan (QA huge4): one user paid 1 in month 1, then buys a yearly plan of 1e15 in month 2 and an item of just
under 1 in month 3: F = (1 - 1e-14) - 1, 1e15, ~1; the IRR's monthly 1 + r is ~1e15 / 1e-14 = 1e29, past float64
once compounded over 12 months (1e348), so the IRR is the largest double. Its MIRR, ~1.05e174, is written as before.
"""

from __future__ import annotations

import csv
import io
import math
import sys
from pathlib import Path

import openpyxl
import pytest
from cli_runner import invoke

from aigc_roi.present.tables import to_csv

HUGE = """\
version: 1
name: huge irr
currency: CNY
horizon_months: 3
discount_rate: 0.10
acquisition:
  - {name: tiny, type: cpa, bid: 1, users: 1, months: 1}
retention:
  points: {1: 1.0, 3: 1.0}
monetization:
  plans:
    - {name: p, price: 1e15, period: year, conversion: {1: "100%"}, renewal: 0}
  purchases:
    - {name: x, price: 0.99999999999999, rate: 1}
"""

LARGEST = sys.float_info.max
EXCEL_LARGEST = 9.99999999999999e307


@pytest.mark.parametrize(("value", "written"), [
    (LARGEST, "1.79769313486231e+308"),  # 1.7976931348623157: its first 15 digits, cut, not rounded up
    (-LARGEST, "-1.79769313486231e+308"),
    (1.7976931348623e308, "1.7976931348623e+308"),  # 15 digits that read back: as before
    (0.1, "0.1"),
])
def test_a_csv_number_reads_back_finite(value: float, written: str) -> None:
    cell = to_csv((["value"], [[value]])).splitlines()[1]
    assert cell == written
    assert math.isfinite(float(cell))


def _plan(tmp_path: Path) -> Path:
    path = tmp_path / "huge.yaml"
    path.write_text(HUGE, encoding="utf-8")
    return path


def test_the_largest_irr_reads_back_from_csv(tmp_path: Path) -> None:
    result = invoke(["run", str(_plan(tmp_path)), "-f", "csv", "--table", "figures"])
    assert result.exit_code == 0, result.stderr
    figures = {row["figure"]: row["value"] for row in csv.DictReader(io.StringIO(result.stdout))}
    assert figures["irr"] == "1.79769313486231e+308"
    assert math.isfinite(float(figures["mirr"])) and float(figures["mirr"]) > 1e173


@pytest.mark.parametrize(("lang", "note"), [
    ("en", "Above 9.99999999999999E+307, the largest number Excel holds: the cell is capped at it"),
    ("zh", "超过 Excel 能存储的最大数 9.99999999999999E+307：单元格按该数写入"),
])
def test_the_workbook_caps_the_largest_irr_at_excels_largest_and_says_so(tmp_path: Path, lang: str, note: str) -> None:
    target = tmp_path / "huge.xlsx"
    result = invoke(["run", str(_plan(tmp_path)), "-f", "xlsx", "-o", str(target), "--lang", lang])
    assert result.exit_code == 0, result.stderr
    rows = {row[2]: row for row in openpyxl.load_workbook(target).worksheets[0].iter_rows(values_only=True)}
    assert rows["irr"][1] == EXCEL_LARGEST
    assert note in rows["irr"][4]
    assert rows["mirr"][1] > 1e173 and rows["mirr"][4] is None  # a number Excel holds: as it is, no note


def test_compare_workbook_caps_it_too(tmp_path: Path) -> None:
    plan, target = _plan(tmp_path), tmp_path / "compare.xlsx"
    result = invoke(["compare", str(plan), str(plan), "-f", "xlsx", "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    rows = {row[1]: row for row in openpyxl.load_workbook(target).worksheets[0].iter_rows(values_only=True)}
    assert rows["irr"][3:5] == (EXCEL_LARGEST, EXCEL_LARGEST)
    assert "9.99999999999999E+307" in rows["irr"][5]
