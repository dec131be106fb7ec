"""What a finance analyst opens: the xlsx read back with openpyxl, markdown, CSV for Excel, SVG for a deck.

Numbers are the spec's worked example (tests/spec_example.py): ad spend
20000, 1000 paid users, cac 20, roas 0.875, roi -0.2125, ltv 15.75, payback
none; months A = 1000, 500, 250 and net cash -11000, 4500, 2250.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import openpyxl
import pytest
from cli_runner import invoke
from spec_example import WORKED_EXAMPLE

from aigc_roi.present import tables

# 0.1 + 0.2 per user: 1000 users at a 0.3 bid is 300 of ad spend, which float64 reaches as 300.00000000000006.
ARTEFACT = WORKED_EXAMPLE.replace("bid: 20", "bid: 0.30000000000000004")


def _workbook(example: Path, tmp_path: Path, *args: str) -> openpyxl.Workbook:
    path = tmp_path / "run.xlsx"
    result = invoke(["run", str(example), "-f", "xlsx", "-o", str(path), *args])
    assert result.exit_code == 0, result.stderr
    return openpyxl.load_workbook(path)


def test_xlsx_formats_money_percent_and_users(example: Path, tmp_path: Path) -> None:
    sheet = _workbook(example, tmp_path)["figures"]
    cells = {row[2].value: row[1] for row in sheet.iter_rows(min_row=2)}
    # A headline amount in cents, as the figures table shows it (docs/formulas.md §8: 20,000.00).
    assert (cells["ad_spend"].value, cells["ad_spend"].number_format) == (20000, "#,##0.00")
    assert (cells["cac"].value, cells["cac"].number_format) == (20, "#,##0.00")
    # Blended CAC is money per user too: 20,000 ad spend / 1,000 new users = 20.00, with its cents.
    assert (cells["blended_cac"].value, cells["blended_cac"].number_format) == (20, "#,##0.00")
    assert (cells["ltv"].value, cells["ltv"].number_format) == (pytest.approx(15.75), "#,##0.00")
    assert (cells["roi"].value, cells["roi"].number_format) == (pytest.approx(-0.2125), "0.00%")
    assert (cells["paid_users"].value, cells["paid_users"].number_format) == (1000, "#,##0")
    assert (cells["roas"].value, cells["roas"].number_format) == (pytest.approx(0.875), "0.00")
    assert cells["payback_month"].value is None  # none: an empty cell, never 0


def test_xlsx_irr_is_a_percentage(tmp_path: Path) -> None:
    # Pays back: -1500, then +4500 and +2250 (bid 10.5), so IRR exists.
    scenario = tmp_path / "pays.yaml"
    scenario.write_text(WORKED_EXAMPLE.replace("bid: 20", "bid: 10.5"), encoding="utf-8")
    sheet = _workbook(scenario, tmp_path)["figures"]
    irr = next(row[1] for row in sheet.iter_rows(min_row=2) if row[2].value == "irr")
    assert irr.value is not None
    assert irr.number_format == "0.00%"


def test_xlsx_header_is_bold_frozen_and_filtered_with_fitted_widths(example: Path, tmp_path: Path) -> None:
    workbook = _workbook(example, tmp_path)
    assert workbook.sheetnames == ["figures", "channels", "months", "cohorts", "inputs"]
    for sheet in workbook:
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.bold for cell in sheet[1])
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}"
    months = workbook["months"]
    header = [cell.value for cell in months[1]]
    assert header[:3] == ["Month no.", "Month", "New users"]
    # "Cumulative cash" is 15 characters; -11,000 shown is 7: the column fits its longest text.
    cumulative = months.cell(1, header.index("Cumulative cash (CNY)") + 1).column_letter
    assert months.column_dimensions[cumulative].width >= len("Cumulative cash")
    assert [row[header.index("Active users")] for row in months.iter_rows(min_row=2, values_only=True)] == [1000, 500, 250]
    assert months.cell(2, header.index("Net cash (CNY)") + 1).number_format == "#,##0"


def test_xlsx_in_chinese_has_chinese_headers_and_wide_columns(example: Path, tmp_path: Path) -> None:
    workbook = _workbook(example, tmp_path, "--lang", "zh")
    # Sheets named in Chinese too; the channel's type by its Chinese name.
    assert workbook.sheetnames == ["核心指标", "渠道", "月度现金流", "同期群", "输入"]
    channels = workbook["渠道"]
    assert [cell.value for cell in channels[1]][:5] == ["渠道", "路径", "类型", "广告支出 (CNY)", "用户数"]
    assert channels.cell(2, 3).value == "按转化付费"
    figures = workbook["核心指标"]
    assert figures.cell(2, 1).value == "广告支出"
    # 单个新增用户 LTV: 6 CJK characters (2 columns each) + 4 = 16 columns.
    assert figures.column_dimensions["A"].width >= 16


def test_xlsx_inputs_sheet_lists_every_value_with_its_path(example: Path, tmp_path: Path) -> None:
    rows = list(_workbook(example, tmp_path)["inputs"].iter_rows(values_only=True))
    assert rows[0] == ("Field path", "Value", "Low", "High", "Distribution", "As written", "Note")
    values = {row[0]: row[1] for row in rows[1:]}
    assert values["name"] == "Spec worked example"
    assert values["currency"] == "CNY"  # the default, stated though the file omits it
    assert values["start"] is None  # none set: months are M1, M2, M3
    assert values["horizon_months"] == 3
    assert values["acquisition[0].bid"] == 20
    assert values["acquisition[0].months"] == 1
    assert values["retention.monthly_churn"] == 0.5
    assert values["monetization.purchases[0].price"] == 10
    assert values["costs.serving_per_active_user"] == 1
    assert len(rows) - 1 == 4 + 10  # the four facts, then the file's other ten values


INPUTS_AS_WRITTEN = """\
name: Inputs
horizon_months: 3
start: 2025-11
acquisition:
  - {name: C, type: cpa, bid: 300..1200, budget: 25万, months: 1}
retention: {monthly_churn: 1.5%}
"""


def test_xlsx_inputs_are_numbers_a_formula_can_use(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(INPUTS_AS_WRITTEN, encoding="utf-8")
    rows = {row[0]: row[1:] for row in _workbook(path, tmp_path)["inputs"].iter_rows(min_row=2, values_only=True)}
    assert rows["acquisition[0].budget"] == (250_000, None, None, None, "25万", None)
    assert rows["retention.monthly_churn"] == (pytest.approx(0.015), None, None, None, "1.5%", None)
    # A lognormal range is used at its median sqrt(300 x 1200) = 600.
    assert rows["acquisition[0].bid"] == (pytest.approx(600), 300, 1200, "lognormal", "300..1200", None)


def test_csv_inputs_table_carries_the_same_numbers(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(INPUTS_AS_WRITTEN, encoding="utf-8")
    result = invoke(["run", str(path), "--format", "csv", "--table", "inputs"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "path,value,low,high,distribution,written"
    assert "acquisition[0].budget,250000,,,,25万" in lines
    assert "acquisition[0].bid,600,300,1200,lognormal,300..1200" in lines


def test_xlsx_months_are_dates_and_money_headers_name_the_currency(tmp_path: Path) -> None:
    import datetime

    path = tmp_path / "s.yaml"
    path.write_text(INPUTS_AS_WRITTEN, encoding="utf-8")
    months = _workbook(path, tmp_path)["months"]
    # start 2025-11: months 1..3 are November, December and the next January, as the first day of each.
    assert [months.cell(row, 2).value for row in (2, 3, 4)] == [datetime.datetime(2025, 11, 1), datetime.datetime(2025, 12, 1),
                                                                datetime.datetime(2026, 1, 1)]
    assert months.cell(2, 2).number_format == "yyyy-mm"
    headers = [cell.value for cell in months[1]]
    assert "Ad spend (CNY)" in headers and "New users" in headers


def test_xlsx_says_why_a_figure_is_none(example: Path, tmp_path: Path) -> None:
    sheet = _workbook(example, tmp_path)["figures"]
    rows = {row[2]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    # The worked example never pays back within its 3 months (cumulative -11,000, -6,500, -4,250).
    assert rows["payback_month"][1] is None and rows["payback_month"][4] == "never within 3 months"
    assert rows["ad_spend"][3] == "CNY" and rows["ad_spend"][4] is None
    assert rows["roi"][3] == "%"


def test_xlsx_to_stdout(example: Path) -> None:
    result = invoke(["run", str(example), "-f", "xlsx", "-o", "-"])
    assert result.exit_code == 0, result.stderr
    workbook = openpyxl.load_workbook(io.BytesIO(result.stdout_bytes))
    assert workbook["figures"].cell(2, 2).value == 20000


@pytest.mark.parametrize(("module", "args", "extra"), [
    ("openpyxl", ["-f", "xlsx", "-o", "out.xlsx"], "xlsx"),
    ("matplotlib", ["--plot", "out.svg"], "plot"),
])
def test_a_missing_extra_names_what_to_install(example: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                              module: str, args: list[str], extra: str) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setitem(sys.modules, module, None)  # import now raises ImportError, as when not installed
    result = invoke(["run", str(example), *args])
    assert result.exit_code == 2
    feature = args[0] if module == "matplotlib" else "--format xlsx"
    assert result.stderr == f"aigc-roi: {feature} needs the {module} package: pip install 'aigc-roi[{extra}]'\n"
    assert list(tmp_path.glob("out.*")) == []


def test_markdown_reads_as_the_table_view(example: Path) -> None:
    out = invoke(["run", str(example), "-f", "markdown"]).stdout
    assert "| ROI (paid, after variable, before fixed) | -21.25% |" in out
    assert "| Paid users | 1,000 |" in out
    assert "| Payback month (plan cash) | never (≤ 3) |" in out
    assert "| CPA | cpa | 20,000 | 1,000 | 20.00 | 0.88 | -21.25% |" in out
    assert "| M1 | 1,000 | 1,000 |" in out


def test_markdown_without_months(example: Path) -> None:
    out = invoke(["run", str(example), "-f", "markdown", "--no-months"]).stdout
    assert "### Months" not in out
    assert "### Figures" in out


def test_markdown_in_chinese(example: Path) -> None:
    out = invoke(["run", str(example), "-f", "markdown", "--lang", "zh"]).stdout
    assert "| 广告支出 | 2.00万 |"  # 20000 = 2万, headline figures keep 2 decimals in out
    assert "| 回本月份（全盘现金） | 未回本 (≤ 3) |" in out


def test_csv_bom_for_excel(example: Path) -> None:
    result = invoke(["run", str(example), "-f", "csv", "--bom"])
    assert result.stdout_bytes.startswith(b"\xef\xbb\xbfmonth,label,")
    assert not invoke(["run", str(example), "-f", "csv"]).stdout_bytes.startswith(b"\xef\xbb\xbf")


def test_csv_has_no_float_artefacts() -> None:
    assert tables.to_csv((["x", "y"], [[0.1 + 0.2, 20000.0], [None, 1 / 3]])) == "x,y\n0.3,20000\n,0.333333333333333\n"


def test_csv_of_a_run_has_no_float_artefacts(tmp_path: Path) -> None:
    scenario = tmp_path / "cheap.yaml"
    scenario.write_text(ARTEFACT, encoding="utf-8")
    rows = invoke(["run", str(scenario), "-f", "csv", "--table", "channels"]).stdout.splitlines()
    assert rows[1].startswith("CPA,acquisition[0],cpa,300,1000,0.3,")


def test_a_csv_header_is_written_as_its_cells() -> None:
    # Its numbers at 15 digits, and a text that reads as a formula kept text (a channel named "=1+1").
    assert tables.to_csv(([0.1 + 0.2, 24.0, "=1+1"], [[0.1 + 0.2, 24.0, "=1+1"]])) == "0.3,24,'=1+1\n0.3,24,'=1+1\n"


def test_the_grid_csv_columns_read_as_the_rows_of_the_swapped_grid(tmp_path: Path) -> None:
    scenario = tmp_path / "cheap.yaml"
    scenario.write_text(ARTEFACT, encoding="utf-8")
    bid, price = "acquisition[0].bid", "monetization.purchases[0].price"

    def grid(rows: str, columns: str) -> list[list[str]]:
        result = invoke(["sensitivity", str(scenario), "--grid", f"{rows},{columns}", "--grid-steps", "2", "-f", "csv"])
        assert result.exit_code == 0, result.stderr
        return [line.split(",") for line in result.stdout.splitlines()]

    # The bid 0.3 (as float64 reaches it) moved 20% either way: 0.24 and 0.36, and the price 10: 8 and 12.
    # The column values before the currency column, last.
    assert grid(price, bid)[0][1:-1] == [row[0] for row in grid(bid, price)[1:]] == ["0.24", "0.36"]
    assert grid(bid, price)[0][1:-1] == [row[0] for row in grid(price, bid)[1:]] == ["8", "12"]


@pytest.mark.parametrize(("args", "option", "formats"), [
    (["-f", "json", "--table", "channels"], "--table channels", "--format csv"),
    (["-f", "markdown", "--bom"], "--bom", "--format csv"),
    (["-f", "csv", "--no-months"], "--months/--no-months", "--format table, markdown"),
    (["-f", "json", "--months"], "--months/--no-months", "--format table, markdown"),
])
def test_options_that_do_nothing_are_refused(example: Path, args: list[str], option: str, formats: str) -> None:
    result = invoke(["run", str(example), *args])
    assert result.exit_code == 2
    chosen = args[1]
    assert result.stderr == f"aigc-roi: {option} applies to {formats} only; it does nothing with --format {chosen}\n"
    assert result.stdout == ""


def test_svg_has_real_text_and_is_reproducible(example: Path, tmp_path: Path) -> None:
    images = []
    for name in ("a.svg", "b.svg"):
        result = invoke(["run", str(example), "-f", "json", "--plot", str(tmp_path / name), "--lang", "en"])
        assert result.exit_code == 0, result.stderr
        images.append((tmp_path / name).read_bytes())
    assert images[0] == images[1]
    text = images[0].decode("utf-8")
    # The plan's name heads the figure, its panel titled by what it draws (present/chart_format.py).
    assert ">Spec worked example</text>" in text and ">Cumulative net cash</text>" in text
    assert "<dc:date>" not in text


def test_compare_xlsx_puts_the_scenarios_side_by_side(example: Path, tmp_path: Path) -> None:
    cheaper = tmp_path / "cheaper.yaml"
    cheaper.write_text(WORKED_EXAMPLE.replace("bid: 20", "bid: 10").replace("Spec worked example", "Cheaper"), encoding="utf-8")
    target = tmp_path / "compare.xlsx"
    result = invoke(["compare", str(example), str(cheaper), "--explain", "-f", "xlsx", "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    workbook = openpyxl.load_workbook(target)
    rows = {row[1]: row for row in workbook["compare"].iter_rows(min_row=2, values_only=True)}
    assert workbook["compare"].cell(1, 4).value == "Spec worked example" and workbook["compare"].cell(1, 5).value == "Cheaper"
    # Ad spend 1,000 users x 20 against x 10; roi (15,750 - 20,000) / 20,000 against (15,750 - 10,000) / 10,000.
    assert rows["ad_spend"][3:5] == (20_000, 10_000)
    assert rows["roi"][3:5] == (pytest.approx(-0.2125), pytest.approx(0.575))
    assert workbook["compare"].cell(2 + list(rows).index("roi"), 4).number_format == "0.00%"
    explained = list(workbook["explain"].iter_rows(min_row=2, values_only=True))
    # One change, the bid: it carries the whole roi change, 0.575 - (-0.2125) = 0.7875.
    assert ("ROI (paid, after variable, before fixed)", "%", "acquisition[0].bid", "acquisition[0].bid", "CNY", 20, 10,
            pytest.approx(0.7875), None) in explained


def test_compare_xlsx_needs_an_output_file(example: Path) -> None:
    result = invoke(["compare", str(example), str(example), "-f", "xlsx"])
    assert result.exit_code == 2
    assert result.stderr == "aigc-roi: --format xlsx needs -o FILE.xlsx, or -o - to write the workbook into a pipe\n"


def test_compare_xlsx_refuses_bom_naming_the_format_asked_for(example: Path, tmp_path: Path) -> None:
    result = invoke(["compare", str(example), str(example), "-f", "xlsx", "-o", str(tmp_path / "c.xlsx"), "--bom"])
    assert result.exit_code == 2
    assert result.stderr == "aigc-roi: --bom applies to --format csv only; it does nothing with --format xlsx\n"
