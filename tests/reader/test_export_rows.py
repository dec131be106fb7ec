"""Which rows of the exports are read: totals rows, the same campaign-day in two exports, the export's currency."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from export_files import export_errors
from export_files import write_export as _write

from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.exports import Horizon, read_report
from aigc_roi.reader.exports.duplicates import platform_of
from aigc_roi.reader.exports.platforms import PLATFORMS
from aigc_roi.reader.exports.totals import is_totals_label, totals_word

HORIZON = Horizon.of((2025, 3), 12)

WITH_ID = "stat_time_day,campaign_name,campaign_id,stat_cost,active\n2025-03-01,dy_a,1790001,1000,100\n" \
          "2025-03-02,dy_a,1790001,1000,100\n"
"""An Ocean Engine API export with the campaign id (the QA report's DUP1_with_id.csv)."""


def _errors(paths: list[Path], **options: bool) -> list[str]:
    return export_errors(paths, HORIZON, **options)


# --- Totals rows ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["合计", " 总计 ", "汇总：", "小计", "Total", "TOTAL:", "Total: Account", "Total: Campaigns",
                                  "合计(12)", "合计（共 12 条）", "总计: 3 条", "Grand total", "Subtotal", "totals"])
def test_a_totals_label_is_a_totals_word_alone(text: str) -> None:
    assert is_totals_label(text)


@pytest.mark.parametrize(("text", "word"), [("总 计", "总计"), ("合　计", "合计"), ("汇  总：", "汇总"), ("小 计(3)", "小计"),
                                            ("Grand  Total", "grand  total")])
def test_a_chinese_totals_word_spaced_out_in_its_cell_is_one(text: str, word: str) -> None:
    """A console pads a two-character label to fill its cell (总 计): the word, as a glob that names it spells it."""
    assert totals_word(text) == word


@pytest.mark.parametrize("text", ["总计划-抖音拉新", "汇总素材测试_抖音", "合计划", "Totally Fresh Promo", "total_recall_dy",
                                  "Total Fresh", "小计划A", "", "2025-03-01", "dy_total"])
def test_a_campaign_whose_name_starts_with_a_totals_word_is_a_campaign(text: str) -> None:
    assert not is_totals_label(text)


def test_a_spaced_out_totals_row_is_skipped_not_refused(tmp_path: Path) -> None:
    """总 计 in the date cell of a console's last row was refused as no date: it is the sum of the two rows above."""
    console = _write(tmp_path, "oe.csv", "日期,项目名称,项目ID,消耗(元),激活数\n2025-03-01,dy_A,1790001,100,5\n"
                                         "2025-03-02,dy_A,1790001,200,5\n总 计,,,300,10\n")
    report = read_report([console], HORIZON)
    (source,) = report.sources
    assert (source.rows, source.totals, sum(row.spend for row in report.rows)) == (2, 1, 300)


@pytest.mark.parametrize("row", [",,,300,10", "-,--,,300,10", " , ,—,300,10"])
def test_a_totals_row_without_its_label_is_one_error_with_its_fix(tmp_path: Path, row: str) -> None:
    """A console's sum of the rows above with its 合计 left off was two errors (no date, no campaign) and no fix."""
    console = _write(tmp_path, "oe.csv", "日期,项目名称,项目ID,消耗(元),激活数\n2025-03-01,dy_A,1790001,100,5\n"
                                         f"2025-03-02,dy_A,1790001,200,5\n{row}\n")
    (error,) = _errors([console])
    assert error == (f"{console}:4:1: 日期: expected a date YYYY-MM-DD, found an empty cell; a row that names no day and "
                     "no campaign reads as a totals row without its label: label it 合计, or delete it")
    assert translate(error.split(": ", 2)[2]) == ("应为 YYYY-MM-DD 格式的日期，实际为空单元格；既无日期也无计划的一行应是漏写标签的合计行："
                                                 "请标注“合计”，或删除该行")


def test_campaigns_named_like_totals_are_read_and_the_totals_rows_counted(tmp_path: Path) -> None:
    console = _write(tmp_path, "oe.csv", "日期,计划名称,消耗(元),激活数\n"
                                         "总计,,54000,4260\n"
                                         "2025-03-01,总计划-抖音拉新,50000,4000\n"
                                         "2025-03-01,抖音_拉新A,1000,80\n"
                                         "2025-03-01,小计,51000,4080\n"
                                         "2025-03-02,汇总素材测试_抖音,2000,100\n"
                                         "2025-03-02,抖音_拉新A,1000,80\n"
                                         "合计：,--,54000,4260\n")
    generic = _write(tmp_path, "g.csv", "date,campaign,spend,new_users\n"
                                        "2025-03-01,Totally Fresh Promo,5000,100\n"
                                        "2025-03-01,dy_main,1000,50\n"
                                        "2025-03-02,total_recall_dy,3000,60\n"
                                        "2025-03-02,dy_main,1000,50\n"
                                        "Total: Account,,10000,260\n")
    report = read_report([console, generic], HORIZON)
    by_file = {source.file: source for source in report.sources}
    # The console: 50,000 + 1,000 + 2,000 + 1,000 = 54,000 over four campaign-days; 总计, 小计 and 合计： are sums.
    assert (by_file[str(console)].rows, by_file[str(console)].totals) == (4, 3)
    assert sum(row.spend for row in report.rows if row.file == str(console)) == 54_000
    assert sum(row.users or 0 for row in report.rows if row.file == str(console)) == 4_260
    # The generic sheet: 5,000 + 1,000 + 3,000 + 1,000 = 10,000, its one totals row skipped.
    assert (by_file[str(generic)].rows, by_file[str(generic)].totals) == (4, 1)
    assert {row.campaign for row in report.rows if row.file == str(generic)} == {
        "Totally Fresh Promo", "dy_main", "total_recall_dy"}


# --- The same campaign-day in two exports --------------------------------------------------------------------------


def test_the_same_rows_without_the_id_column_are_duplicates(tmp_path: Path) -> None:
    first = _write(tmp_path, "with_id.csv", WITH_ID)
    second = _write(tmp_path, "no_id.csv", "stat_time_day,campaign_name,stat_cost,active\n2025-03-01,dy_a,1000,100\n"
                                           "2025-03-02,dy_a,1000,100\n")
    # At the campaign name's cell (column 2 of both files), as each file spells its header.
    assert _errors([first, second]) == [
        f"{second}:{line}:2: campaign_name: expected one row per day and campaign (or sum_duplicates=True), found "
        f"2025-03-0{line - 1} 'dy_a' again (first at {first}:{line}:2)" for line in (2, 3)]
    # Either order: the row with the id may come second.
    assert _errors([second, first])[0] == (
        f"{first}:2:2: campaign_name: expected one row per day and campaign (or sum_duplicates=True), found "
        f"2025-03-01 'dy_a' again (first at {second}:2:2)")


def test_the_same_id_under_a_new_name_is_a_duplicate(tmp_path: Path) -> None:
    first = _write(tmp_path, "with_id.csv", WITH_ID)
    renamed = _write(tmp_path, "renamed.csv", WITH_ID.replace(",dy_a,", ",dy_a_renamed,"))
    assert _errors([first, renamed]) == [
        f"{renamed}:{line}:3: campaign_id: expected one row per day and campaign (or sum_duplicates=True), found "
        f"2025-03-0{line - 1} id '1790001' again (first at {first}:{line}:3)" for line in (2, 3)]
    # Summed when asked: 1,000 + 1,000 a day, under the first row's name.
    rows = read_report([first, renamed], HORIZON, sum_duplicates=True).rows
    assert [(row.day.day, row.campaign, row.campaign_id, row.spend, row.users) for row in rows] == [
        (1, "dy_a", "1790001", 2000.0, 200.0), (2, "dy_a", "1790001", 2000.0, 200.0)]


def test_a_summed_row_keeps_the_id_the_first_lacked(tmp_path: Path) -> None:
    no_id = _write(tmp_path, "no_id.csv", "stat_time_day,campaign_name,stat_cost\n2025-03-01,dy_a,1000\n")
    first = _write(tmp_path, "with_id.csv", WITH_ID)
    rows = read_report([no_id, first], HORIZON, sum_duplicates=True).rows
    assert [(row.day.day, row.campaign, row.campaign_id, row.spend) for row in rows] == [
        (1, "dy_a", "1790001", 2000.0), (2, "dy_a", "1790001", 1000.0)]


def test_two_campaigns_of_one_name_and_different_ids_are_two(tmp_path: Path) -> None:
    path = _write(tmp_path, "two.csv", "stat_time_day,campaign_name,campaign_id,stat_cost\n"
                                       "2025-03-01,拉新,1,100\n2025-03-01,拉新,2,200\n")
    assert sum(row.spend for row in read_report([path], HORIZON).rows) == 300


def test_the_same_name_on_two_platforms_is_two_campaigns(tmp_path: Path) -> None:
    tencent = _write(tmp_path, "tencent.csv", "date,campaign_name,cost,view_count\n2025-03-01,拉新_01,100000,1000\n")
    ocean = _write(tmp_path, "ocean.csv", "stat_time_day,campaign_name,stat_cost,active\n2025-03-01,拉新_01,500,50\n")
    rows = read_report([tencent, ocean], HORIZON).rows
    # 100,000 分 = 1,000 元 on Tencent, 500 元 on Ocean Engine: both read.
    assert sorted(row.spend for row in rows) == [500.0, 1000.0]


def test_one_platforms_api_and_console_exports_share_their_campaigns(tmp_path: Path) -> None:
    api = _write(tmp_path, "api.csv", "stat_time_day,campaign_name,stat_cost\n2025-03-01,抖音A,100\n")
    console = _write(tmp_path, "console.csv", "日期,项目名称,计划名称,消耗(元)\n2025/3/1,拉新,抖音A,100\n")
    assert _errors([api, console]) == [
        f"{console}:2:3: 计划名称: expected one row per day and campaign (or sum_duplicates=True), found 2025-03-01 '抖音A' "
        f"again (first at {api}:2:2)"]


def test_a_generic_sheet_names_no_platform_so_it_meets_every_export(tmp_path: Path) -> None:
    ocean = _write(tmp_path, "ocean.csv", "stat_time_day,campaign_name,stat_cost\n2025-03-01,拉新_01,500\n")
    sheet = _write(tmp_path, "sheet.csv", "date,campaign,spend\n2025-03-01,拉新_01,500\n")
    assert _errors([ocean, sheet]) == [
        f"{sheet}:2:2: campaign: expected one row per day and campaign (or sum_duplicates=True), found 2025-03-01 '拉新_01' "
        f"again (first at {ocean}:2:2); an export that names no platform (a generic CSV, a console's) meets every "
        "export's campaigns"]


def test_every_shape_key_names_its_platform() -> None:
    assert {platform.key: platform_of(platform.key) for platform in PLATFORMS} == {
        "oceanengine_api": "oceanengine", "oceanengine_console": "oceanengine", "tencent_api": "tencent",
        "tencent_console": "tencent", "kuaishou_api": "kuaishou", "baidu_console": "baidu",
        "google_ads": "google", "meta_ads": "meta",
        "tiktok_ads": "tiktok", "apple_ads": "apple", "console": "generic", "generic": "generic"}


# --- The export's currency against the plan's ----------------------------------------------------------------------


def test_an_export_in_yuan_is_refused_for_a_plan_in_dollars(tmp_path: Path) -> None:
    console = _write(tmp_path, "oe.csv", "日期,计划名称,消耗(元),激活数\n2025-03-01,抖音A,1000,50\n")
    tencent = _write(tmp_path, "t.csv", "date,adgroup_name,cost\n2025-03-01,gdt_1,100000\n")
    assert _errors([console, tencent], currency="USD") == [
        f"{console}:1:3: 消耗(元): expected money in USD (the plan's currency), found 元 (CNY); actuals converts no "
        "currency: convert the export to USD, or the plan to CNY",
        f"{tencent}:1:3: cost: expected money in USD (the plan's currency), found 分 (CNY); actuals converts no "
        "currency: convert the export to USD, or the plan to CNY"]


def test_a_generic_sheet_is_in_the_plans_currency_and_yuan_in_a_plan_in_yuan(tmp_path: Path) -> None:
    generic = _write(tmp_path, "g.csv", "date,campaign,spend\n2025-03-01,dy_a,1000\n")
    console = _write(tmp_path, "oe.csv", "日期,计划名称,消耗(元)\n2025-03-02,抖音A,1000\n")
    assert [row.spend for row in read_report([generic], HORIZON, currency="USD").rows] == [1000.0]
    assert [row.day for row in read_report([generic, console], HORIZON).rows] == [
        datetime.date(2025, 3, 1), datetime.date(2025, 3, 2)]
