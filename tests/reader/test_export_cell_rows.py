"""An export's rows and cells in place: a CSV row of the wrong width, nothing reported in a count, a percentage, a
currency sign, a workbook's formula without its saved value and dates Excel writes as serials; each wrong reading
the QA round found (docs/actuals.md) is a located one-line error in English and Chinese, or read as the user meant.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from cli_runner import invoke
from export_files import HORIZON, refusals, written

from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.exports import read_report

PLAN = """\
name: Exports
start: 2025-01
horizon_months: 6
acquisition:
  - name: Douyin CPA
    type: cpa
    bid: 20
    budget: 100_000
    match: ["dy_*", "抖音*", "gdt_*"]
retention: {monthly_churn: 0.5}
monetization:
  purchases:
    - {name: Pack, price: 10, rate: 1}
"""
COMMA = "a comma inside an unquoted cell (such as 1,234.56) splits it in two: quote the cell"




def test_an_unquoted_thousands_comma_is_a_row_too_wide(tmp_path: Path) -> None:
    """Read as spend 1 and impressions 234.56, the tester's row added 101 where 1,334.56 was spent."""
    path = written(tmp_path, "date,campaign,spend,impressions\n2025-01-01,dy_a,1,234.56,5000\n2025-01-02,dy_a,100,5000\n")
    assert refusals(path) == [f"{path}:2:5: expected 4 cells as the header has, found 5; {COMMA}"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_a_row_without_its_empty_trailing_cells_reads_them_empty(tmp_path: Path, encoding: str) -> None:
    """Excel and WPS leave a row's empty cells at its end out of some rows of a CSV (and of a tab-separated UTF-16
    "Unicode Text"): fewer cells cannot come from an unquoted comma, so those are read as empty."""
    text = ("日期,计划名称,消耗(元),激活数,首日付费金额(元)\n2025-01-01,抖音A,1000,80,\n2025-01-02,抖音A,2000,90\n"
            "2025-01-03,抖音A,3000\n")
    path = tmp_path / "short.csv"
    path.write_bytes((text.replace(",", "\t") if encoding == "utf-16" else text).encode(encoding))
    assert [(row.line, row.spend) for row in read_report([path], HORIZON).rows] == [(2, 1000.0), (3, 2000.0), (4, 3000.0)]


@pytest.mark.parametrize(("text", "error"), [
    ("date,campaign,spend,new_users\n2025-01-01,dy_a\n", "2:3: spend: expected 4 cells as the header has, found 2; "
                                                         "the row ends before its spend column"),
    ("campaign,spend,date\ndy_a,100\n", "2:3: date: expected 3 cells as the header has, found 2; "
                                        "the row ends before its date column"),
    ("date,spend,campaign_id,campaign\n2025-01-01,100\n", "2:3: campaign_id: expected 4 cells as the header has, "
                                                          "found 2; the row ends before its campaign name or id column"),
])
def test_a_row_that_ends_before_a_column_it_needs_is_refused(tmp_path: Path, text: str, error: str) -> None:
    path = written(tmp_path, text)
    assert refusals(path) == [f"{path}:{error}"]


def test_a_row_that_ends_before_its_id_has_its_name(tmp_path: Path) -> None:
    path = written(tmp_path, "stat_time_day,campaign_name,stat_cost,campaign_id\n2025-01-01,dy_a,100,7\n"
                            "2025-01-02,dy_a,200\n")
    assert [(row.campaign, row.campaign_id, row.spend) for row in read_report([path], HORIZON).rows] == [
        ("dy_a", "7", 100.0), ("dy_a", "", 200.0)]


def test_a_tab_separated_row_too_wide_has_no_comma_hint(tmp_path: Path) -> None:
    path = written(tmp_path, "date\tcampaign\tspend\n2025-01-01\tdy_a\t1\t2\n")
    assert refusals(path) == [f"{path}:2:4: expected 3 cells as the header has, found 4"]


@pytest.mark.parametrize("text", [
    "date,campaign,spend,\n2025-01-01,dy_a,100,\n",            # a trailing comma on every line
    "date,campaign,spend,,\n2025-01-01,dy_a,100\n",            # a header with empty cells at its end
    "date,campaign,spend\n2025-01-01,dy_a,100,,,\n",           # a row padded past the header by Excel
    "报表,,\ndate,campaign,spend\n2025-01-01,dy_a,100\n",        # a title padded to the table's width
])
def test_empty_cells_at_the_end_are_padding(tmp_path: Path, text: str) -> None:
    assert [row.spend for row in read_report([written(tmp_path, text)], HORIZON).rows] == [100.0]


def test_a_dash_or_an_empty_cell_is_0_and_n_a_not_reported(tmp_path: Path) -> None:
    """A dash or an empty cell in a column of numbers is nothing that day, 0 (a console's zero-spend day); N/A, null
    and / are not reported (None, as a missing column); a column of no number at all (every cell dashes) reports
    nothing either. Spend is 0 in each case."""
    path = written(tmp_path, "\ufeffstat_date,campaign_name,charge,show,photo_click,activation,event_pay_first_day\n"
                            "2025-01-01 00:00:00,ks_a,1000.10,1000,10,N/A,--\n"
                            "2025-01-02 00:00:00,ks_a,--,－,,null,—\n"
                            "2025-01-03 00:00:00,ks_a,/,-,--,/,\n")
    rows = read_report([path], HORIZON).rows
    assert [(row.spend, row.impressions, row.clicks, row.users, row.revenue) for row in rows] == [
        (1000.1, 1000.0, 10.0, None, None), (0.0, 0.0, 0.0, None, None), (0.0, 0.0, 0.0, None, None)]


def test_a_dash_on_a_day_of_no_spend_keeps_the_months_users(tmp_path: Path) -> None:
    """巨量引擎's console writes - for 激活数 on a day of no spend: March's 1,200 spent for 100 users is a CAC of 12,
    not users and CAC unknown."""
    plan = written(tmp_path, PLAN, "plan.yaml")
    export = written(tmp_path, "日期,计划名称,消耗(元),激活数\n2025-01-01,抖音A,1200,100\n2025-01-31,抖音A,0,-\n")
    result = invoke(["actuals", str(plan), str(export), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    (month,) = json.loads(result.stdout)["channels"][0]["months"]
    assert (month["actual"]["spend"], month["actual"]["users"], month["actual"]["cac"]) == (1200.0, 100.0, 12.0)


def test_a_column_left_empty_throughout_reports_nothing(tmp_path: Path) -> None:
    """A KOL deal's sheet with no impressions or clicks: not 0 of each, which a cpm re-forecast could not use."""
    path = written(tmp_path, "date,campaign,spend,impressions,clicks,new_users,revenue\n"
                            "2025-01-01,星图_达人A,50000,,,400,1200\n2025-01-02,星图_达人A,0,,,-,\n")
    rows = read_report([path], HORIZON).rows
    assert [(row.impressions, row.clicks, row.users, row.revenue) for row in rows] == [
        (None, None, 400.0, 1200.0), (None, None, 0.0, 0.0)]


def test_new_users_not_reported_are_no_zero_flagged_at_p0(tmp_path: Path) -> None:
    plan = written(tmp_path, PLAN, "plan.yaml")
    # January whole, on its planned 100,000: only the users could be flagged.
    export = written(tmp_path, "date,campaign,spend,new_users\n2025-01-01,dy_a,50000,N/A\n2025-01-31,dy_a,50000,N/A\n")
    result = invoke(["actuals", str(plan), str(export), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    (month,) = json.loads(result.stdout)["channels"][0]["months"]
    assert (month["actual"]["spend"], month["actual"]["users"], month["actual"]["cac"]) == (100_000.0, None, None)
    assert month["percentile"]["users"] is None and month["flagged"] == []


def test_a_percentage_in_spend_is_refused(tmp_path: Path) -> None:
    path = written(tmp_path, "date,campaign,spend\n2025-01-01,dy_a,3.2%\n")
    assert refusals(path) == [f"{path}:2:3: spend: expected a number, found '3.2%'; a percentage is no amount or count"]


def test_currency_signs_set_or_must_match_the_exports_currency(tmp_path: Path) -> None:
    path = written(tmp_path, 'date,campaign,spend,new_users\n2025-01-03,dy_a,"$1,234.50",1\n2025-01-04,dy_a,US$5,1\n')
    report = read_report([path], HORIZON, currency="USD")
    assert [row.spend for row in report.rows] == [1234.5, 5.0]
    assert (report.sources[0].currency, report.sources[0].units["spend"]) == ("USD", "USD")
    path.write_text(path.read_text(encoding="utf-8") + '2025-01-05,dy_a,"1,234.50元",1\n', encoding="utf-8")
    assert refusals(path, "USD") == [f"{path}:4:3: spend: expected an amount in USD (the plan's currency), found "
                                    "'1,234.50元'; actuals converts no currency: convert the export to USD, or the plan "
                                    "to CNY"]


@pytest.mark.parametrize(("text", "place", "header", "cell"), [
    ("date,campaign,spend,new_users\n2025-01-01,dy_a,1000,80\n2025-01-02,dy_a,$200,10\n2025-01-03,dy_a,300,20\n",
     "3:3", "spend", "$200"),
    ("date,campaign,spend,new_users,revenue\n2025-01-01,dy_a,1000,80,$50\n", "2:5", "revenue", "$50"),
    # A sheet of dollar amounts is one problem, told once at its first cell, not once a row.
    ("date,campaign,spend\n" + "".join(f"2025-01-{day:02},dy_a,${day}00\n" for day in range(1, 31)), "2:3", "spend",
     "$100"),
])
def test_a_sign_of_another_currency_than_the_plans_is_refused_at_its_cell(tmp_path: Path, text: str, place: str,
                                                                          header: str, cell: str) -> None:
    """An export that states no currency is in the plan's: the cell whose sign says otherwise is the one to fix, not
    the spend column's header (the revenue's $50 was blamed on spend at 1:3)."""
    path = written(tmp_path, text)
    assert refusals(path) == [f"{path}:{place}: {header}: expected an amount in CNY (the plan's currency), found "
                             f"'{cell}'; actuals converts no currency: convert the export to CNY, or the plan to USD"]


def test_a_yen_sign_is_the_plans_yen(tmp_path: Path) -> None:
    """¥ is CNY's sign and JPY's: an export that states none is in the plan's currency, so a JPY plan reads ¥500."""
    path = written(tmp_path, "date,campaign,spend\n2025-01-01,dy_a,¥500\n")
    report = read_report([path], HORIZON, currency="JPY")
    assert ([row.spend for row in report.rows], report.sources[0].currency) == ([500.0], "JPY")


def test_a_dollar_amount_in_a_yuan_column_is_refused(tmp_path: Path) -> None:
    path = written(tmp_path, "日期,计划名称,消耗(元),激活数\n2025-01-03,抖音A,$5,1\n2025-01-04,抖音A,¥5,1\n2025-01-05,抖音A,5元,1\n")
    assert refusals(path) == [f"{path}:2:3: 消耗(元): expected an amount in CNY, found '$5'"]


def test_a_formula_without_its_saved_value_is_refused_not_read_as_0(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["date", "campaign", "spend", "new_users"], ["2025-01-01", "dy_a", "=100*2", 3],
                ["2025-01-02", "dy_a", 300, None]):
        sheet.append(row)
    path = tmp_path / "formula.xlsx"
    book.save(path)
    assert refusals(path) == [f"{path}:2:3: spend: expected a number, found a formula with no saved value (=100*2); "
                             "open and save the workbook in Excel so it keeps the result"]


def test_excel_date_serials_are_dates(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    for row in (["date", "campaign", "spend"], [45659, "dy_a", 100]):
        book.active.append(row)
    path = tmp_path / "serial.xlsx"
    book.save(path)
    # 45717 is 2025-03-01 (tests/reader/test_export_cells.py); 59 days earlier (31 + 28) is 2025-01-01: 45658.
    csv = written(tmp_path, "date,campaign,spend\n45658,dy_a,100\n")
    assert [row.day for row in read_report([csv, path], HORIZON).rows] == [datetime.date(2025, 1, 1),
                                                                           datetime.date(2025, 1, 2)]


def test_an_impossible_date_says_so(tmp_path: Path) -> None:
    path = written(tmp_path, "date,campaign,spend\n2025-02-30,dy_a,100\n")
    assert refusals(path) == [
        f"{path}:2:1: date: expected a date YYYY-MM-DD, found '2025-02-30' (no such day: 2025-02 has 28 days)"]


def test_the_summary_states_each_unit_once_with_its_factor(tmp_path: Path) -> None:
    plan = written(tmp_path, PLAN, "plan.yaml")
    console = written(tmp_path, "日期,计划名称,消耗(元),激活数\n2025-01-03,抖音A,1000,50\n", "console.csv")
    wan = written(tmp_path, "日期,计划名称,消耗(万元),激活数\n2025-01-04,抖音B,0.1,5\n", "wan.csv")
    tencent = written(tmp_path, "date,adgroup_name,cost,view_count\n2025-01-05,gdt_a,100000,100\n", "tencent.csv")
    generic = written(tmp_path, "date,campaign,spend,new_users\n2025-01-06,dy_a,1000,50\n", "generic.csv")
    result = invoke(["actuals", str(plan), str(console), str(wan), str(tencent), str(generic), "-f", "markdown"])
    assert result.exit_code == 0, result.stderr
    assert "spend=消耗(元), users=激活数" in result.stdout
    assert "spend=消耗(万元) (×10,000), users=激活数" in result.stdout
    assert "spend=cost (分, ÷100), impressions=view_count" in result.stdout
    assert "spend=spend (CNY), users=new_users" in result.stdout


def test_conversion_time_is_said_in_each_language(tmp_path: Path) -> None:
    plan = written(tmp_path, PLAN, "plan.yaml")
    export = written(tmp_path, "日期,计划名称,消耗,激活数(转化时间)\n2025-01-03,抖音A,1000,50\n")
    english = invoke(["actuals", str(plan), str(export), "-f", "markdown"]).stdout
    assert ("- conversion time: 激活数(转化时间) count each conversion on the day it happened, not the day of delivery"
            in english)
    assert "- 按转化时间：激活数(转化时间) 按转化发生的日期计数，而非投放日期" in invoke(
        ["actuals", str(plan), str(export), "-f", "markdown", "--lang", "zh"]).stdout


@pytest.mark.parametrize("span", ["2025-01-03 至 2025-01-04", "2025/1/3~2025/1/4", "2025-01-03 - 2025-01-04",
                                  "2025-01-03 to 2025-01-04", "2025年1月3日－2025年1月4日"])
def test_a_summary_row_over_a_range_of_days_says_what_to_do(tmp_path: Path, span: str) -> None:
    """A console's per-campaign 汇总 row dated by its range: no date, and the fix is to delete it or export by day."""
    export = written(tmp_path, f"日期,计划名称,消耗,激活数\n2025-01-03,抖音A,100,5\n{span},抖音A,100,5\n")
    (error,) = refusals(export)
    assert error == (f"{export}:3:1: 日期: expected a date YYYY-MM-DD, found {span!r}; a row over a range of days sums "
                     "them: delete such summary rows, or export the report broken down by day")
    assert translate(error.split(": ", 2)[2]) == (f"应为 YYYY-MM-DD 格式的日期，实际为 {span!r}；跨多天的一行是这些天的合计："
                                                 "请删除这类汇总行，或按天细分（分日）后导出报表")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_header_wrapped_in_its_cell_is_summarised_on_one_line(tmp_path: Path, lang: str) -> None:
    """A console's header wrapped in its cell ("消耗\\n(元)") split the summary's lines, each of which is one."""
    plan = written(tmp_path, PLAN, "plan.yaml")
    export = written(tmp_path, '日期,计划名称,"消耗\n(元)","激活数\r\n(转化时间)"\n2025-01-03,抖音A,1000,50\n')
    result = invoke(["actuals", str(plan), str(export), "-f", "markdown", "--lang", lang])
    assert result.exit_code == 0, result.stderr
    assert "消耗 (元)" in result.stdout and "激活数 (转化时间)" in result.stdout
    assert not any(line.startswith(("(元)", "(转化时间)")) for line in result.stdout.splitlines())


def test_a_deduplicated_column_is_said_in_each_language(tmp_path: Path) -> None:
    plan = written(tmp_path, PLAN, "plan.yaml")
    export = written(tmp_path, "日期,计划名称,消耗,激活数(去重)\n2025-01-03,抖音A,1000,50\n")
    english = invoke(["actuals", str(plan), str(export), "-f", "markdown"]).stdout
    assert "- deduplicated (去重): 激活数(去重) read for the column without (去重), which the export lacks" in english
    assert "- 去重口径：报表中没有不带 (去重) 的同类列，改用 激活数(去重)" in invoke(
        ["actuals", str(plan), str(export), "-f", "markdown", "--lang", "zh"]).stdout
    data = json.loads(invoke(["actuals", str(plan), str(export), "-f", "json"]).stdout)
    assert data["sources"][0]["deduplicated"] == ["激活数(去重)"]


def test_each_refusal_is_one_chinese_line(tmp_path: Path) -> None:
    plan = written(tmp_path, PLAN, "plan.yaml")
    files = [
        written(tmp_path, "date,campaign,spend,impressions\n2025-01-01,dy_a,1,234.56,5000\n", "wide.csv"),
        written(tmp_path, "date,campaign,spend\n2025-01-01,dy_a,3.2%\n2025-02-30,dy_a,$5\n", "cells.csv"),
        written(tmp_path, "日期,计划名称,消耗(千元)\n2025-01-01,抖音A,1\n", "unit.csv"),
        written(tmp_path, "日期,计划名称,消耗(元)\n2025-01-01,抖音A,$5\n", "sign.csv"),
        written(tmp_path, "date,campaign,spend (USD),revenue (CNY)\n2025-01-01,dy_a,1,1\n", "two.csv"),
    ]
    result = invoke(["actuals", str(plan), *map(str, files), "--lang", "zh"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{files[0]}:2:5: 应为 4 个单元格（与表头一致），实际为 5；"
        "未加引号的单元格中的逗号（如 1,234.56）会把它一分为二：请给该单元格加引号",
        f"{files[1]}:2:3: spend: 应为数字，实际为 '3.2%'；百分比不是金额或数量",
        f"{files[1]}:3:1: date: 应为 YYYY-MM-DD 格式的日期，实际为 '2025-02-30'（没有这一天：2025-02 只有 28 天）",
        # A $ amount in a generic sheet, whose money is the plan's CNY: refused at the cell.
        f"{files[1]}:3:3: spend: 应为以 CNY 计的金额（方案的币种），实际为 '$5'；actuals 不做币种换算：请把报表换算为 CNY，"
        "或把方案换算为 USD",
        f"{files[2]}:1:3: 消耗(千元): 应为货币单位（元、分、万元，或 CNY、USD、美元、$ 等币种），实际为 '千元'",
        f"{files[3]}:2:3: 消耗(元): 应为以 CNY 计的金额，实际为 '$5'",
        f"{files[4]}:1:4: revenue (CNY): 应为与广告支出列相同的币种 USD，实际为 CNY",
    ]


def test_a_formula_and_a_workbook_without_a_table_in_chinese(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    plan = written(tmp_path, PLAN, "plan.yaml")
    book = openpyxl.Workbook()
    for row in (["date", "campaign", "spend"], ["2025-01-01", "dy_a", "=SUM(1,2)"]):
        book.active.append(row)
    formula = tmp_path / "formula.xlsx"
    book.save(formula)
    notes = openpyxl.Workbook()
    notes.active.title = "说明"
    notes.active.append(["本报表由巨量引擎导出"])
    empty = tmp_path / "notes.xlsx"
    notes.save(empty)
    result = invoke(["actuals", str(plan), str(formula), str(empty), "--lang", "zh"])
    assert result.stderr.splitlines() == [
        f"{formula}:2:3: spend: 应为数字，实际为没有保存结果的公式（=SUM(1,2)）；请在 Excel 中打开并保存工作簿，以保存公式的结果",
        f"{empty}:1:1: 应为带表头的报表，实际为任何一行都不足两个非空单元格（工作表：说明）",
    ]


def test_a_row_that_ends_too_soon_in_chinese(tmp_path: Path) -> None:
    plan = written(tmp_path, PLAN, "plan.yaml")
    spend = written(tmp_path, "date,campaign,spend,new_users\n2025-01-01,dy_a\n", "spend.csv")
    campaign = written(tmp_path, "date,spend,campaign\n2025-01-01,100\n", "campaign.csv")
    result = invoke(["actuals", str(plan), str(spend), str(campaign), "--lang", "zh"])
    assert result.stderr.splitlines() == [
        f"{spend}:2:3: spend: 应为 4 个单元格（与表头一致），实际为 2；该行在广告支出列之前就结束了",
        f"{campaign}:2:3: campaign: 应为 3 个单元格（与表头一致），实际为 2；该行在计划名称或 ID 列之前就结束了"]
