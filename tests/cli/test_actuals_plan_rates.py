"""`actuals` shows the plan's CTR, CVR and early revenue per user beside the actual in every format, as it does spend,
users and CAC.

A finance reviewer found them only in JSON: the table's `Early rev./user` column showed the actual 8.00 with neither
the plan's 11.00 nor "actual" in its header, and the CSV had `actual_ctr`, `actual_cvr` and `actual_revenue_per_user`
alone, so a 27% shortfall against the plan read nowhere but JSON."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest
from cli_runner import invoke
from rich.cells import cell_len

# 10,000 at a CPM of 20 buys 500,000 impressions, 2% of them clicks (10,000), 10% of those users (1,000). One user
# pays in the month he joins the plan's first payment (30 x 10% in January, 60 x 10% from February) and the purchase
# (10 x 0.5): 8 in January, 11 in February.
PLAN = """\
name: Rates
start: 2025-01
horizon_months: 3
acquisition:
  - {name: Feed, type: cpm, cpm: 20, ctr: 2%, cvr: 10%, budget: 10000, match: ["f*"]}
retention: {monthly_churn: 0.5}
monetization:
  plans: [{name: M, period: month, price: {by_month: {1: 30, 2: 60}}, conversion: 0.1}]
  purchases: [{name: P, price: 10, rate: 0.5}]
"""
# February in full: 400,000 impressions, 6,000 clicks (1.50%), 500 users (8.33%), 4,000 of early revenue (8.00 each).
EXPORT = ("date,campaign,spend,impressions,clicks,new_users,revenue\n"
          "2025-02-01,f1,5000,200000,3000,250,2000\n"
          "2025-02-28,f1,5000,200000,3000,250,2000\n")
PLAN_VALUES = ("2.00%", "10.00%", "11.00")
ACTUAL_VALUES = ("1.50%", "8.33%", "8.00")
WORDS = {"en": ("CTR", "CVR", "Early rev./user"), "zh": ("点击率", "转化率", "新客早期收入")}
SIDES = {"en": ("plan", "actual"), "zh": ("方案", "实际")}


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    Path("plan.yaml").write_text(PLAN, encoding="utf-8")
    Path("export.csv").write_text(EXPORT, encoding="utf-8")
    return tmp_path


def test_the_csv_has_each_rates_plan_beside_its_actual(folder: Path) -> None:
    result = invoke(["actuals", "plan.yaml", "export.csv", "-f", "csv"])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    header = list(rows[0])
    at = header.index("plan_ctr")
    assert header[at:at + 6] == ["plan_ctr", "actual_ctr", "plan_cvr", "actual_cvr", "plan_revenue_per_user",
                                 "actual_revenue_per_user"]
    february = next(row for row in rows if row["label"] == "2025-02")
    assert float(february["plan_ctr"]) == pytest.approx(0.02)
    assert float(february["actual_ctr"]) == pytest.approx(6000 / 400000)
    assert float(february["plan_cvr"]) == pytest.approx(0.1)
    assert float(february["actual_cvr"]) == pytest.approx(500 / 6000)
    assert float(february["plan_revenue_per_user"]) == pytest.approx(11)
    assert float(february["actual_revenue_per_user"]) == pytest.approx(8)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_markdown_has_each_rates_plan_beside_its_actual(folder: Path, lang: str) -> None:
    result = invoke(["actuals", "plan.yaml", "export.csv", "-f", "markdown", "--lang", lang])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    header = next(line for line in lines if line.startswith("|"))
    cells = [cell.strip() for cell in header.strip("|").split("|")]
    february = next([cell.strip() for cell in line.strip("|").split("|")] for line in lines if "| 2025-02 |" in line)
    plan, actual = SIDES[lang]
    for word, planned, measured in zip(WORDS[lang], PLAN_VALUES, ACTUAL_VALUES, strict=True):
        # zh's markdown names early revenue in full (单个新客早期收入), which ends in the short form.
        column = next(i for i, cell in enumerate(cells) if cell.endswith(f"{word} {plan}"))
        assert cells[column + 1].endswith(f"{word} {actual}")
        assert february[column:column + 2] == [planned, measured]


@pytest.mark.parametrize("width", [80, 160])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_table_has_each_rates_plan_beside_its_actual(folder: Path, lang: str, width: int) -> None:
    result = invoke(["actuals", "plan.yaml", "export.csv", "--lang", lang], env={"COLUMNS": str(width), "LINES": "25"})
    assert result.exit_code == 0, result.stderr
    assert max(cell_len(line) for line in result.stdout.splitlines()) <= width
    feed = result.stdout[result.stdout.index("Feed"):]
    for text in (*PLAN_VALUES, *ACTUAL_VALUES, *SIDES[lang]):
        assert text in feed, (text, feed)
    # Each plan's value comes before its actual, in a row or (a block per month) down the column.
    february = feed[feed.index("2025-02"):]
    for planned, measured in zip(PLAN_VALUES, ACTUAL_VALUES, strict=True):
        assert february.index(planned) < february.index(measured), february


@pytest.mark.parametrize(("lang", "headers"), [
    ("en", ["CTR plan", "CTR actual", "CVR plan", "CVR actual", "Early rev./user plan (CNY)",
            "Early rev./user actual (CNY)"]),
    ("zh", ["点击率 方案", "点击率 实际", "转化率 方案", "转化率 实际", "单个新客早期收入 方案 (CNY)",
            "单个新客早期收入 实际 (CNY)"]),
])
def test_the_workbook_has_each_rates_plan_beside_its_actual(folder: Path, lang: str, headers: list[str]) -> None:
    result = invoke(["actuals", "plan.yaml", "export.csv", "-f", "xlsx", "-o", "actuals.xlsx", "--lang", lang])
    assert result.exit_code == 0, result.stderr
    sheet = openpyxl.load_workbook(folder / "actuals.xlsx").worksheets[0]
    header = [cell.value for cell in sheet[1]]
    at = header.index(headers[0])
    assert header[at:at + 6] == headers
    february = next(row for row in sheet.iter_rows(min_row=2) if row[2].value == 2)  # the plan's second month
    values = [cell.value for cell in february[at:at + 6]]
    assert values == pytest.approx([0.02, 6000 / 400000, 0.1, 500 / 6000, 11, 8])
    assert [cell.number_format for cell in february[at:at + 6]] == ["0.00%"] * 4 + ["#,##0.00"] * 2
