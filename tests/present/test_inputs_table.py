"""`run --table inputs` (CSV) and the xlsx `inputs` sheet are one table: the same rows in the same order, each
value in the same column (README, "--format xlsx").

A finance reviewer found the CSV writing a text value (name, currency, start, a plan's period) in `written` with
an empty `value`, the sheet writing it in `Value` with `As written` empty, the two ordering the rows differently
and the sheet writing `version: 1` as 1.0."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
from cli_runner import invoke

PLAN = """\
version: 1
name: Inputs
horizon_months: 3
start: 2025-11
acquisition:
  - {name: C, type: cpa, bid: 300..1200, budget: 25万, months: 1}
retention: {monthly_churn: 1.5%}
monetization:
  plans: [{name: M, price: 30, period: month, conversion: 5%}]
"""
ROWS = [
    # The plan's facts first, as the run reads them: currency the default CNY, which the file leaves out.
    ["name", "Inputs", None, None, None, "Inputs"],
    ["currency", "CNY", None, None, None, None],
    ["start", "2025-11", None, None, None, "2025-11"],
    ["horizon_months", 3, None, None, None, "3"],
    # Then the file's other values in its order: a text value is its own value; a lognormal range is used at its
    # median sqrt(300 x 1200) = 600.
    ["version", 1, None, None, None, "1"],
    ["acquisition[0].name", "C", None, None, None, "C"],
    ["acquisition[0].type", "cpa", None, None, None, "cpa"],
    ["acquisition[0].bid", 600, 300, 1200, "lognormal", "300..1200"],
    ["acquisition[0].budget", 250_000, None, None, None, "25万"],
    ["acquisition[0].months", 1, None, None, None, "1"],
    ["retention.monthly_churn", 0.015, None, None, None, "1.5%"],
    ["monetization.plans[0].name", "M", None, None, None, "M"],
    ["monetization.plans[0].price", 30, None, None, None, "30"],
    ["monetization.plans[0].period", "month", None, None, None, "month"],
    ["monetization.plans[0].conversion", 0.05, None, None, None, "5%"],
]


def _cell(value: object) -> str:
    """A value as CSV writes it."""
    return "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def test_the_csv_and_the_sheet_hold_the_same_rows(tmp_path: Path) -> None:
    path, book = tmp_path / "plan.yaml", tmp_path / "plan.xlsx"
    path.write_text(PLAN, encoding="utf-8")
    result = invoke(["run", str(path), "-f", "csv", "--table", "inputs"])
    assert result.exit_code == 0, result.stderr
    table = list(csv.reader(io.StringIO(result.stdout)))
    assert table[0] == ["path", "value", "low", "high", "distribution", "written"]
    assert table[1:] == [[_cell(value) for value in row] for row in ROWS]
    assert invoke(["run", str(path), "-o", str(book)]).exit_code == 0
    sheet = list(openpyxl.load_workbook(book)["inputs"].iter_rows(values_only=True))
    assert sheet[0][:6] == ("Field path", "Value", "Low", "High", "Distribution", "As written")
    assert [list(row[:6]) for row in sheet[1:]] == ROWS
    # A whole number the file writes is a whole number in the sheet, not 1.0.
    assert type(sheet[5][1]) is int


def test_the_chinese_sheet_names_the_distribution_as_the_report_does(tmp_path: Path) -> None:
    """Under --lang zh the sheet's 分布 column read "lognormal" where the report writes 对数正态; CSV keeps the word
    the file's ``dist:`` takes, as it keeps every key (and its header)."""
    path, book = tmp_path / "plan.yaml", tmp_path / "plan.xlsx"
    path.write_text(PLAN.replace("monthly_churn: 1.5%", "monthly_churn: {dist: uniform, low: 1%, high: 2%}"),
                    encoding="utf-8")
    assert invoke(["run", str(path), "-o", str(book), "--lang", "zh"]).exit_code == 0
    sheet = list(openpyxl.load_workbook(book)["输入"].iter_rows(values_only=True))
    column = sheet[0].index("分布")
    assert {row[0]: row[column] for row in sheet[1:] if row[column]} == {
        "acquisition[0].bid": "对数正态", "retention.monthly_churn": "均匀"}
    report = invoke(["report", str(path), "--lang", "zh", "--samples", "200"]).stdout
    assert "对数正态：90% 区间 300..1,200" in report
    table = list(csv.DictReader(io.StringIO(invoke(["run", str(path), "-f", "csv", "--table", "inputs", "--lang", "zh"])
                                            .stdout)))
    assert {row["path"]: row["distribution"] for row in table if row["distribution"]} == {
        "acquisition[0].bid": "lognormal", "retention.monthly_churn": "uniform"}
