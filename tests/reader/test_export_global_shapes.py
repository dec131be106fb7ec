"""The consoles outside China: Google Ads, Meta Ads Manager, TikTok Ads Manager and Apple Ads, each export built from
the headers the platform writes, its title lines and totals rows as it writes them, and its money in the currency it
states (a header's bracket, a currency column, a title line), held to the plan's. Every sum below is by hand."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from export_files import refusals, write_export

from aigc_roi.model.actuals import Report
from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.exports import Horizon, read_report

HORIZON = Horizon.of((2025, 3), 12)
MARCH_1, MARCH_2 = datetime.date(2025, 3, 1), datetime.date(2025, 3, 2)


def _read(path: Path, currency: str = "USD") -> Report:
    return read_report([path], HORIZON, currency=currency)


def _errors(path: Path, currency: str = "USD") -> list[str]:
    """The global platforms' exports are read against a plan in dollars."""
    return refusals(path, currency, HORIZON)


def _days(report: Report) -> list[tuple[datetime.date, str, float, float | None]]:
    """(day, campaign, spend, users) of each campaign-day read, the parts of one summed."""
    return [(row.day, row.campaign, round(row.spend, 2), row.users) for row in report.rows]


# --- Google Ads ----------------------------------------------------------------------------------------------------

GOOGLE = "\r\n".join([
    "Campaign report",
    "March 1, 2025 - March 31, 2025",
    "\t".join(["Campaign status", "Campaign", "Campaign ID", "Day", "Currency code", "Cost", "Impr.", "Clicks",
               "Conversions"]),
    "\t".join(["Enabled", "g_search", "111", "2025-03-01", "USD", "1,033.33", "12,345", "321", "40"]),
    "\t".join(["Enabled", "g_search", "111", "2025-03-02", "USD", "0.01", "1", " --", "0"]),
    "\t".join(["Enabled", "g_uac", "222", "2025-03-02", "USD", "5.00", "10", "1", "2"]),
    "\t".join(["Total: Campaigns", "", "", "", "USD", "1,038.34", "12,356", "322", "42"]),
    "\t".join(["Total: Account", "", "", "", "USD", "1,038.34", "12,356", "322", "42"]),
]) + "\r\n"
"""Google Ads' CSV for Excel: UTF-16 with its byte-order mark, tab-separated, its report name and date range above
the header and its totals rows below the campaigns."""


def test_a_google_ads_download_is_read_below_its_title_lines_without_its_totals(tmp_path: Path) -> None:
    report = _read(write_export(tmp_path, "google.csv", GOOGLE, encoding="utf-16"))
    (source,) = report.sources
    assert (source.platform, source.currency, source.columns["spend"], source.columns["users"]) == (
        "google_ads", "USD", "Cost", "Conversions")
    assert _days(report) == [(MARCH_1, "g_search", 1033.33, 40.0), (MARCH_2, "g_search", 0.01, 0.0),
                             (MARCH_2, "g_uac", 5.0, 2.0)]
    assert [row.clicks for row in report.rows] == [321.0, 0.0, 1.0]  # " --": nothing that day
    # The two totals rows restate 1,033.33 + 0.01 + 5.00 = 1,038.34 each: skipped, not counted as days.
    assert [(item.label, item.rows, round(item.spend, 2), item.line) for item in source.skipped_totals] == [
        ("Total: Campaigns", 1, 1038.34, 7), ("Total: Account", 1, 1038.34, 8)]


def test_a_google_ads_export_in_another_currency_than_the_plans_is_refused_at_its_currency_code(tmp_path: Path) -> None:
    path = write_export(tmp_path, "google.csv", GOOGLE, encoding="utf-16")
    assert _errors(path, currency="CNY") == [
        f"{path}:4:5: Currency code: expected CNY (the plan's currency), found 'USD'; actuals converts no currency: "
        "convert the export to CNY, or the plan to USD"]


def test_a_google_ad_group_report_sums_its_ad_groups_into_their_campaign_day(tmp_path: Path) -> None:
    path = write_export(tmp_path, "adgroups.csv", "Day,Campaign,Ad group,Ad group ID,Cost,Conversions (by conv. time)\n"
                                                  "2025-03-01,g_search,Brand,901,12.50,3\n"
                                                  "2025-03-01,g_search,Generic,902,7.25,1\n")
    report = _read(path)
    # 12.50 + 7.25 = 19.75 and 3 + 1 = 4 new users, one campaign-day of two ad groups.
    assert _days(report) == [(MARCH_1, "g_search", 19.75, 4.0)]
    (source,) = report.sources
    assert (source.grain, source.parts, source.conversion_time) == (("Ad group ID",), 1, ("Conversions (by conv. time)",))


# --- Meta Ads Manager ----------------------------------------------------------------------------------------------

META_BY_DAY = ("Reporting starts,Reporting ends,Campaign name,Ad set name,Day,Amount spent (USD),Impressions,"
               "Link clicks,App installs\n"
               "2025-03-01,2025-03-02,,,,60.00,3000,30,6\n"
               "2025-03-01,2025-03-02,m_install,Broad,2025-03-01,25.50,1000,10,2\n"
               "2025-03-01,2025-03-02,m_install,LAL,2025-03-01,14.50,800,8,1\n"
               "2025-03-01,2025-03-02,m_install,Broad,2025-03-02,20.00,1200,12,3\n")
"""Broken down by day: each row's Day is its date, the span the report's; the account's total first, naming no
campaign."""


def test_a_meta_export_broken_down_by_day_reads_its_day_and_skips_the_accounts_total(tmp_path: Path) -> None:
    report = _read(write_export(tmp_path, "meta.csv", META_BY_DAY))
    # 03-01: two ad sets, 25.50 + 14.50 = 40.00 and 2 + 1 = 3 installs; 03-02: 20.00 and 3.
    assert _days(report) == [(MARCH_1, "m_install", 40.0, 3.0), (MARCH_2, "m_install", 20.0, 3.0)]
    (source,) = report.sources
    assert (source.platform, source.currency, source.columns["date"], source.units["spend"]) == (
        "meta_ads", "USD", "Day", "USD")
    assert [(item.label, item.rows, item.spend, item.line) for item in source.skipped_totals] == [("", 1, 60.0, 2)]


def test_a_meta_export_of_one_day_spans_reads_its_results_where_they_are_installs(tmp_path: Path) -> None:
    path = write_export(tmp_path, "meta.csv",
                        "Reporting starts,Reporting ends,Campaign name,Campaign ID,Amount spent (USD),Results,"
                        "Result indicator\n"
                        "2025-03-01,2025-03-01,m_install,120001,10.00,4,actions:mobile_app_install\n"
                        "2025-03-02,2025-03-02,m_install,120001,12.50,5,actions:mobile_app_install\n"
                        "2025-03-02,2025-03-02,m_idle,120002,0,,\n")
    assert _days(_read(path)) == [(MARCH_1, "m_install", 10.0, 4.0), (MARCH_2, "m_install", 12.5, 5.0),
                                  (MARCH_2, "m_idle", 0.0, 0.0)]


def test_a_meta_export_not_broken_down_by_day_is_refused_and_so_are_results_of_another_goal(tmp_path: Path) -> None:
    path = write_export(tmp_path, "meta.csv",
                        "Reporting starts,Reporting ends,Campaign name,Amount spent (USD),Results,Result indicator\n"
                        "2025-03-01,2025-03-31,m_install,300.00,30,actions:mobile_app_install\n"
                        "2025-03-01,2025-03-31,m_web,100.00,50,actions:link_click\n"
                        "2025-03-01,2025-03-31,m_web2,100.00,50,actions:link_click\n")
    errors = _errors(path)
    # Once each: the span at its first row (03-01 to 03-31 is 31 days), the indicator at its first cell.
    assert errors == [
        f"{path}:2:2: Reporting ends: expected 2025-03-01, the row's own day, found 2025-03-31; a row over 31 days sums "
        "them: export the report broken down by day",
        f"{path}:3:6: Result indicator: expected actions:mobile_app_install, the indicator of new users, found "
        "'actions:link_click'; Results counts what each row's ad set is optimised for: export the App installs "
        "column, which counts new users whatever the goal"]
    assert [translate(error.split(": ", 2)[2]) for error in errors] == [
        "应为本行自己的日期 2025-03-01，实际为 2025-03-31；跨 31 天的一行是这些天的合计：请按天细分后导出报表",
        "应为 actions:mobile_app_install（新增用户的成效指标），实际为 'actions:link_click'；Results 计的是各行广告组"
        "各自的优化目标：请导出 App installs 列，无论目标为何它都计新增用户"]


def test_meta_results_without_their_indicator_are_no_new_users(tmp_path: Path) -> None:
    path = write_export(tmp_path, "meta.csv", "Day,Campaign name,Amount spent (USD),Results\n"
                                              "2025-03-01,m_web,10.00,7\n")
    report = _read(path)
    (source,), (row,) = report.sources, report.rows
    assert "users" not in source.columns and source.ignored == ("Results",)
    assert (row.spend, row.users) == (10.0, None)


def test_a_meta_export_in_dollars_is_refused_for_a_plan_in_yuan_at_its_spend_header(tmp_path: Path) -> None:
    path = write_export(tmp_path, "meta.csv", META_BY_DAY)
    assert _errors(path, currency="CNY") == [
        f"{path}:1:6: Amount spent (USD): expected money in CNY (the plan's currency), found USD; actuals converts no "
        "currency: convert the export to CNY, or the plan to USD"]


def test_a_meta_export_in_chinese_is_read(tmp_path: Path) -> None:
    path = write_export(tmp_path, "meta_zh.csv",
                        "单日,广告系列名称,广告系列编号,广告组名称,货币,已花费金额 (USD),展示次数,链接点击量,移动应用安装量\n"
                        '2025-03-01,m_春季,1201,泛人群,USD,"1,000.25",50000,400,80\n'
                        "2025-03-01,m_春季,1201,再营销,USD,99.75,5000,100,20\n")
    report = _read(path)
    # 1,000.25 + 99.75 = 1,100.00 and 80 + 20 = 100 installs; 400 + 100 = 500 link clicks.
    assert _days(report) == [(MARCH_1, "m_春季", 1100.0, 100.0)]
    assert (report.rows[0].clicks, report.rows[0].campaign_id, report.sources[0].platform) == (500.0, "1201", "meta_ads")


# --- TikTok Ads Manager --------------------------------------------------------------------------------------------


def test_a_tiktok_ad_group_report_reads_its_destination_clicks(tmp_path: Path) -> None:
    path = write_export(tmp_path, "tiktok.csv",
                        "By Day,Campaign name,Campaign ID,Ad group name,Ad group ID,Currency,Cost,Impressions,"
                        "Clicks (all),Clicks (destination),Conversions\n"
                        "2025-03-01,tt_install,1790001,AG1,1800001,USD,8.00,5000,90,70,3\n"
                        "2025-03-01,tt_install,1790001,AG2,1800002,USD,2.00,1000,20,10,1\n"
                        "2025-03-02,tt_install,1790001,AG1,1800001,USD,4.40,2000,30,25,2\n")
    report = _read(path)
    # 03-01: 8.00 + 2.00 = 10.00, 3 + 1 = 4, destination clicks 70 + 10 = 80 (not all clicks, 110).
    assert _days(report) == [(MARCH_1, "tt_install", 10.0, 4.0), (MARCH_2, "tt_install", 4.4, 2.0)]
    assert [row.clicks for row in report.rows] == [80.0, 25.0]
    (source,) = report.sources
    assert (source.platform, source.currency, source.columns["clicks"]) == ("tiktok_ads", "USD", "Clicks (destination)")
    assert "Clicks (all)" in source.ignored


def test_a_tiktok_export_in_chinese_is_read(tmp_path: Path) -> None:
    path = write_export(tmp_path, "tiktok_zh.csv", "按天,推广系列名称,推广系列ID,货币,消耗,展示量,点击量（目标页面）,转化量\n"
                                                   "2025-03-01,tt_春季,1790001,USD,12.34,1000,50,5\n")
    report = _read(path)
    assert _days(report) == [(MARCH_1, "tt_春季", 12.34, 5.0)]
    assert (report.rows[0].clicks, report.sources[0].platform) == (50.0, "tiktok_ads")


# --- Apple Ads -----------------------------------------------------------------------------------------------------

APPLE = ("Start Date: Mar 1, 2025\n"
         "End Date: Mar 2, 2025\n"
         "Currency: USD\n"
         "Time Zone: UTC\n"
         "Day,Campaign Name,Campaign ID,Ad Group Name,Ad Group ID,Spend,Impressions,Taps,Installs (Tap-Through),"
         "Installs (View-Through)\n"
         "2025-03-01,asa_brand,501,Exact,601,40.00,1000,100,20,3\n"
         "2025-03-01,asa_brand,501,Broad,602,10.00,500,20,5,1\n"
         "2025-03-02,asa_generic,502,Search Match,603,25.00,900,30,6,0\n"
         ",,,,,75.00,2400,150,31,4\n")
"""Apple's lines above the header state the account's currency; its last row, naming no campaign, is the total."""


def test_an_apple_ads_export_reads_its_currency_from_its_title_line(tmp_path: Path) -> None:
    report = _read(write_export(tmp_path, "apple.csv", APPLE))
    # 03-01 asa_brand: 40 + 10 = 50.00, 20 + 5 = 25 tap-through installs (view-through ignored); 03-02: 25.00 and 6.
    assert _days(report) == [(MARCH_1, "asa_brand", 50.0, 25.0), (MARCH_2, "asa_generic", 25.0, 6.0)]
    assert [row.clicks for row in report.rows] == [120.0, 30.0]
    (source,) = report.sources
    assert (source.platform, source.currency, source.columns["users"]) == ("apple_ads", "USD", "Installs (Tap-Through)")
    assert [(item.label, item.rows, item.spend, item.line) for item in source.skipped_totals] == [("", 1, 75.0, 9)]


@pytest.mark.parametrize(("titles", "line", "column"), [
    ("Start Date: Mar 1, 2025\nCurrency: USD\n", 2, 1),
    ("Time Granularity,DAILY\nTime Zone,UTC\nCurrency,USD\n", 3, 2),    # a custom report's key and value cells
])
def test_an_apple_ads_export_in_another_currency_is_refused_at_its_title_line(tmp_path: Path, titles: str, line: int,
                                                                             column: int) -> None:
    path = write_export(tmp_path, "apple.csv", titles + "Day,Campaign Name,Spend,Taps\n2025-03-01,asa_brand,40.00,100\n")
    errors = _errors(path, currency="CNY")
    assert errors == [f"{path}:{line}:{column}: Currency: expected money in CNY (the plan's currency), found USD; "
                      "actuals converts no currency: convert the export to CNY, or the plan to USD"]
    assert translate(errors[0].split(": ", 2)[2]) == (
        "应为以 CNY 计的金额（方案的币种），实际为 USD；actuals 不做币种换算：请把报表换算为 CNY，或把方案换算为 USD")


def test_a_title_line_that_names_no_currency_is_refused_at_its_cell(tmp_path: Path) -> None:
    path = write_export(tmp_path, "apple.csv", "Currency: dollars\nDay,Campaign Name,Spend,Taps\n2025-03-01,asa,1,2\n")
    assert _errors(path) == [f"{path}:1:1: Currency: expected a currency code such as CNY or USD, found 'dollars'"]


# --- Every platform: a malformed cell is located, in English and Chinese --------------------------------------------


@pytest.mark.parametrize(("text", "line", "column", "header"), [
    ("Campaign report\nMarch 2025\nDay,Campaign,Cost\n2025-03-01,g_search,12\n2025-03-02,g_search,abc\n", 5, 3, "Cost"),
    ("Day,Campaign name,Amount spent (USD),App installs\n2025-03-01,m_a,1.5,2x\n", 2, 4, "App installs"),
    ("By Day,Campaign name,Cost,Conversions\n2025-03-32,tt_a,1,1\n", 2, 1, "By Day"),
    ("Currency: USD\nDay,Campaign Name,Spend,Taps\n2025-03-01,asa,-5,1\n", 3, 3, "Spend"),
])
def test_a_malformed_cell_is_located_in_either_language(tmp_path: Path, text: str, line: int, column: int,
                                                        header: str) -> None:
    path = write_export(tmp_path, "export.csv", text)
    (error,) = _errors(path)
    assert error.startswith(f"{path}:{line}:{column}: {header}: expected ")
    chinese = translate(error.split(": ", 2)[2])
    assert chinese.startswith("应为") and "expected" not in chinese and "found" not in chinese


# --- What the new shapes leave to the others -----------------------------------------------------------------------


def test_a_sheet_of_the_tencent_apis_words_is_still_no_export_of_the_new_shapes(tmp_path: Path) -> None:
    # date and cost are every spreadsheet's words (docs/actuals.md): no new shape takes them.
    path = write_export(tmp_path, "sheet.csv", "date,campaign_name,cost\n2025-03-01,a,100\n")
    (error,) = _errors(path)
    assert f"{path}:1:1: header: expected the columns of a known export" in error


def test_a_sheet_of_apples_words_without_one_of_its_own_is_a_generic_csv(tmp_path: Path) -> None:
    path = write_export(tmp_path, "sheet.csv", "Date,Campaign Name,Campaign ID,Spend\n2025-03-01,a,KOL-01,100\n")
    assert _read(path, currency="CNY").sources[0].platform == "generic"


def test_a_workbooks_title_row_states_its_currency_as_a_csvs_line_does(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    for row in (["Currency", "USD"], ["Day", "Campaign Name", "Spend", "Taps"], ["2025-03-01", "asa_brand", 40, 100]):
        book.active.append(row)
    path = tmp_path / "apple.xlsx"
    book.save(path)
    assert _read(path).sources[0].currency == "USD"
    assert _errors(path, currency="CNY") == [
        f"{path}:1:2: Currency: expected money in CNY (the plan's currency), found USD; actuals converts no currency: "
        "convert the export to CNY, or the plan to USD"]
