"""What the consoles outside China's exports are told by: a Meta report dated by Reporting starts alone is refused at
that header (its rows may each sum the whole range); Apple's total row labelled Total in its Day cell is listed so; each
time basis names the date column as the export spells it, and Apple's time zone only where a line states it; an
unknown header near no shape names the shapes and where docs/actuals.md lists their columns, and a shape's columns
without its date the fix, by day."""

from __future__ import annotations

from pathlib import Path

from export_files import export_errors, write_export

from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.exports import Horizon, read_report

HORIZON = Horizon.of((2025, 3), 12)


def test_a_meta_report_dated_by_reporting_starts_alone_is_refused_at_that_header(tmp_path: Path) -> None:
    english = write_export(tmp_path, "meta.csv", "Reporting starts,Campaign name,Amount spent (USD),App installs\n"
                                                 "2025-03-01,m_a,10,1\n")
    chinese = write_export(tmp_path, "meta_zh.csv", "广告系列名称,报告开始日期,已花费金额 (USD),移动应用安装量\n"
                                                    "m_a,2025-03-01,10,1\n")
    errors = export_errors([english, chinese], HORIZON)
    assert errors == [
        f"{english}:1:1: Reporting starts: expected Reporting ends beside it, or a Day column, found neither; each row "
        "may sum the report's whole range: export the report broken down by day",
        f"{chinese}:1:2: 报告开始日期: expected 报告结束日期 beside it, or a 单日 column, found neither; each row may sum "
        "the report's whole range: export the report broken down by day"]
    assert translate(errors[1].split(": ", 2)[2]) == (
        "应为与它并列的 报告结束日期 列，或 单日 列，实际两者都没有；每一行都可能是报表整个日期范围的合计：请按天细分后导出报表")


def test_a_meta_report_of_reporting_starts_and_ends_of_one_day_is_read(tmp_path: Path) -> None:
    path = write_export(tmp_path, "meta.csv", "报告开始日期,报告结束日期,广告系列名称,已花费金额 (USD)\n"
                                              "2025-03-01,2025-03-01,m_a,10\n")
    (source,) = read_report([path], HORIZON, currency="USD").sources
    assert source.time_basis == "报告开始日期: the day of the ad's delivery"


def test_an_apple_total_row_written_in_its_day_cell_is_listed_by_that_label(tmp_path: Path) -> None:
    path = write_export(tmp_path, "apple.csv", "Currency,USD\nDay,Campaign Name,Spend,Taps,Installs (Tap-Through)\n"
                                               "03/31/2025,asa_x,1,1,1\n2025-04-01,asa_x,2,2,2\nTotal,,3,3,3\n")
    (source,) = read_report([path], HORIZON, currency="USD").sources
    assert [(item.label, item.rows, item.spend, item.line) for item in source.skipped_totals] == [("Total", 1, 3.0, 5)]
    # No Time Zone line: the basis says the report's time zone, and no line it does not have.
    assert source.time_basis == "Day: the day in the report's time zone"
    assert source.time_zone is None


def test_an_apple_time_zone_line_is_named_by_its_time_basis(tmp_path: Path) -> None:
    path = write_export(tmp_path, "apple.csv", "Currency,USD\nTime Zone,America/Los_Angeles\n\n"
                                               "Date,Campaign Name,Spend,Taps\n03/01/2025,asa_x,1,1\n")
    (source,) = read_report([path], HORIZON, currency="USD").sources
    assert source.time_basis == ("Date: the day in the report's time zone; a line above the header states the time zone "
                                 "America/Los_Angeles")
    assert source.time_zone == "America/Los_Angeles"


def test_a_tiktok_export_not_broken_down_by_day_is_told_to_be(tmp_path: Path) -> None:
    path = write_export(tmp_path, "tiktok.csv", "Campaign name,Cost,Impressions,Conversions\ntt_a,10,100,1\n")
    errors = export_errors([path], HORIZON)
    assert errors == [f"{path}:1:1: header: expected the columns of a known export, found Campaign name, Cost, "
                      "Impressions, Conversions; a TikTok Ads Manager export needs its date column (By Day|按天): export "
                      "the report broken down by day"]
    assert translate(errors[0].split(": ", 2)[2]) == (
        "应为已知报表的列，实际为 Campaign name、Cost、Impressions、Conversions；TikTok 广告管理平台报表需要其日期列 "
        "(By Day|按天)：请按天细分后导出报表")


def test_an_unknown_header_near_no_shape_names_the_shapes_and_where_their_columns_are(tmp_path: Path) -> None:
    """It listed every header of every shape, some 3 KB on one line."""
    path = write_export(tmp_path, "sheet.csv", "day,name,money\n2025-03-01,a,1\n")
    (error,) = export_errors([path], HORIZON)
    assert error == (
        f"{path}:1:1: header: expected the columns of a known export (巨量引擎 (Ocean Engine) API, 巨量引擎 (Ocean Engine) "
        "console, 腾讯广告 (Tencent Ads) API, 腾讯广告 (Tencent Ads) console, 磁力引擎 (Kuaishou) API, 百度营销 (Baidu) console, "
        "Google Ads, Meta Ads Manager, TikTok Ads Manager, Apple Ads (Search Ads), ad console (Chinese headers), generic "
        "CSV; docs/actuals.md lists their columns), found day, name, money")
    assert translate(error.split(": ", 2)[2]) == (
        "应为已知报表（巨量引擎 API、巨量引擎投放后台、腾讯广告 API、腾讯广告投放后台、磁力引擎 API、百度营销投放后台、Google Ads、"
        "Meta 广告管理工具、TikTok 广告管理平台、Apple 广告（搜索广告）、投放后台（中文表头）、通用 CSV；各报表的列见 "
        "docs/actuals.md）的列，实际为 day、name、money")
