"""Money says its currency and NPV its discount rate, in every output a person or a script reads.

A finance reader found no money figure of the report naming its currency (only the inputs table's currency row
did), no CSV naming it, and NPV shown without its rate or conventions. Hand-derived figures: the spec's worked
example (docs/formulas.md §11; ad spend 20,000, cash -11,000, 4,500, 2,250, peak cash need 11,000 in month 1) in USD
at a discount rate of 10% a year: m = 1.1^(1/12) - 1 = exp(ln 1.1 / 12) - 1 = 0.0079741, shown 0.797%, not
10% / 12 = 0.833%.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import openpyxl
import pytest
from cli_runner import invoke
from spec_example import WORKED_EXAMPLE

PLAN = WORKED_EXAMPLE + "currency: USD\ndiscount_rate: 0.1\n"
BASIS = {"en": "NPV at 10% a year, m = 0.797% a month compounded; each month's cash at its end.",
         "zh": "净现值按年贴现率 10%，月贴现率 m = 0.797% 按月复利；每月现金计在月末。"}


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def _csv(path: Path, table: str) -> list[list[str]]:
    result = invoke(["run", str(path), "--format", "csv", "--table", table])
    assert result.exit_code == 0, result.stderr
    return list(csv.reader(io.StringIO(result.stdout)))


def test_every_csv_table_of_amounts_names_the_currency_in_a_last_column(plan: Path) -> None:
    figures = _csv(plan, "figures")
    # The columns stay where they were: figure, value, note; the currency last, on the money figures' rows only.
    assert figures[0] == ["figure", "value", "note", "currency"]
    by_name = {row[0]: row for row in figures[1:]}
    assert by_name["ad_spend"] == ["ad_spend", "20000", "", "USD"] and by_name["npv"][3] == "USD"
    assert by_name["roi"][3] == by_name["paid_users"][3] == by_name["peak_cash_month"][3] == ""
    assert by_name["irr"][2:] == ["investment", ""]  # the note column as it was: a rate has no currency
    for table in ("channels", "months", "cohorts"):
        rows = _csv(plan, table)
        assert rows[0][-1] == "currency" and {row[-1] for row in rows[1:]} == {"USD"}, table
    months = _csv(plan, "months")
    assert months[0][:3] == ["month", "label", "new_users"]
    assert [row[months[0].index("net_cash")] for row in months[1:]] == ["-11000", "4500", "2250"]


def test_fits_and_inputs_tables_keep_their_columns(plan: Path) -> None:
    # No amounts in fits; the inputs table states the currency in its own currency row.
    assert _csv(plan, "inputs")[0] == ["path", "value", "low", "high", "distribution", "written"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_terminal_and_markdown_state_the_discount_rate_beside_npv(plan: Path, lang: str) -> None:
    table = invoke(["run", str(plan), "--lang", lang], env={"COLUMNS": "120"}).stdout
    panel = table.split("╰", 1)[0]  # in the figures panel, under NPV
    # Wrapped to the panel's width (Chinese between any two characters): compared without the breaks.
    assert re.sub(r"\s", "", BASIS[lang]) in re.sub(r"[\s│]", "", panel)
    markdown = invoke(["run", str(plan), "--format", "markdown", "--lang", lang]).stdout
    assert f"_{BASIS[lang]}_" in markdown.split("### ", 2)[1]  # under the figures table


def test_an_undiscounted_plan_says_npv_is_net_cash(example: Path) -> None:
    assert "NPV at 0% a year: undiscounted, equal to net cash." in invoke(["run", str(example), "--format", "markdown"]).stdout


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_workbook_notes_the_rate_at_npv_and_marks_the_input_annual(plan: Path, tmp_path: Path, lang: str) -> None:
    book = tmp_path / "run.xlsx"
    assert invoke(["run", str(plan), "-f", "xlsx", "-o", str(book), "--lang", lang]).exit_code == 0
    workbook = openpyxl.load_workbook(book)
    figures = {row[2]: row for row in workbook.worksheets[0].iter_rows(min_row=2, values_only=True)}
    assert figures["npv"][3] == "USD" and figures["npv"][4] == BASIS[lang]
    inputs = {row[0]: row for row in workbook.worksheets[-1].iter_rows(min_row=2, values_only=True)}
    assert inputs["discount_rate"][1] == pytest.approx(0.1)
    assert inputs["discount_rate"][6] == ("an annual rate: NPV and LTV discount each month's cash at m = (1 + rate)^(1/12) - 1"
                                          if lang == "en" else "年利率：净现值和 LTV 按月贴现率 m = (1 + 年利率)^(1/12) - 1 贴现每月现金")


def _page(path: Path, lang: str) -> str:
    result = invoke(["report", str(path), "--samples", "50", "--lang", lang])
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_report_names_the_currency_of_its_amounts_and_the_rate_of_npv(plan: Path, lang: str) -> None:
    html = _page(plan, lang)
    headings = re.findall(r"<h2>([^<]*)</h2>", html)
    if lang == "en":
        expected = ["Headline figures (amounts in USD)", "From revenue to net cash over the 3-month horizon (USD)",
                    "Cumulative cash by month (USD)", "Contribution by cohort and month (USD)",
                    "Break-even: the value of each input at which ROI = 0 (amounts in USD)"]
        verdict, annual = "Peak cash need 11,000.00 USD, in month 1.", "0.1 a year"
        legend = ("CAC (USD per user bought)", "LTV per user (USD)")
    else:
        expected = ["核心指标（金额单位：USD）", "3 个月内从收入到净现金流（USD）", "逐月累计现金流（USD）",
                    "各月新增用户的逐月贡献（USD）", "盈亏平衡：各输入使 ROI = 0 的取值（金额单位：USD）"]
        verdict, annual = "最大资金需求 1.10万 USD，出现在第 1 个月。", "年利率 0.1"
        legend = ("获客成本（USD/买来的用户）", "单用户 LTV（USD）")
    assert all(heading in headings for heading in expected), headings
    assert verdict in html and all(text in html for text in legend)
    # Under the headline figures, the rate NPV is discounted at; the inputs table marks the rate annual.
    assert f'</table></div><p class="meta">{BASIS[lang]}</p>' in html.replace("&#x27;", "'")
    assert re.search(rf'<td class="path">discount_rate</td><td>0.1</td><td class="n">{annual}</td>', html)
    # The definitions say what m is, quoted from docs/formulas.md §5.
    assert '<li id="def-m">' in html and "<code>m = (1 + discount_rate)^(1/12) - 1</code>" in html


GATED = PLAN.replace("name: CPA,", "name: Test,") + "gates:\n  - {name: Works, after_month: 1, channels: [Test], max_cac: 25}\n"
GATE_HEADERS = {"en": ["Gate", "Test until month (T)", "Min ROAS", "Test ROAS (months 1..T)", "Max CAC (USD)",
                       "Test CAC (months 1..T, USD)", "Result"],
                "zh": ["闸门", "测试截止月（T）", "ROAS 下限", "测试期 ROAS（第 1..T 月）", "获客成本上限 (USD)",
                       "测试期获客成本（第 1..T 月，USD）", "结果"]}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_gates_sheet_heads_its_amounts_with_the_currency(tmp_path: Path, lang: str) -> None:
    # A finance reader found Max CAC and Test CAC the one sheet's amounts without a currency; the months sheet's
    # amounts read `Ad spend (USD)`. The §11 plan's test month: 20,000 spent for 1,000 users, a CAC of 20.
    path, book = tmp_path / "gated.yaml", tmp_path / "gated.xlsx"
    path.write_text(GATED, encoding="utf-8")
    assert invoke(["run", str(path), "-o", str(book), "--lang", lang]).exit_code == 0
    sheet = openpyxl.load_workbook(book)["gates" if lang == "en" else "闸门"]
    assert [cell.value for cell in sheet[1]] == GATE_HEADERS[lang]
    assert [cell.value for cell in sheet[2]][4:6] == [25, 20]
