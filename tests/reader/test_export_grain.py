"""Rows finer than a campaign-day (QA exports round, findings 1 and 2): an ad-level or hourly report's rows are their
campaign-day's parts, summed; a part given twice, or a campaign-day at two grains, is still refused."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from export_files import export_errors
from export_files import write_export as _write

from aigc_roi.reader.exports import Horizon, read_report

HORIZON = Horizon.of((2025, 3), 12)
AGAIN = "(or sum_duplicates=True), found"

CONSOLE_ADS = ("\ufeff日期,项目ID,项目名称,广告ID,广告名称,消耗(元),展示数,点击数,激活数\n"
               "2025-03-01,1790001,dy_项目A,1800001,广告1,1000.00,10000,200,100\n"
               "2025-03-01,1790001,dy_项目A,1800002,广告2,500.00,5000,100,40\n"
               "2025-03-02,1790001,dy_项目A,1800001,广告1,1000.00,10000,200,100\n")
"""The QA tester's oe_console_adlevel.csv: two ads of one 项目 on 03-01, one on 03-02."""

TENCENT_HOURS = ("date,hour,adgroup_id,adgroup_name,cost,view_count,valid_click_count,activated_count\n"
                 "2025-03-01,0,30001,tx_组1,10000,5000,80,9\n"
                 "2025-03-01,1,30001,tx_组1,20000,5000,80,9\n")
"""The QA tester's tx_api_hourly.csv: hours 0 and 1 of one ad group (cost in 分)."""


def _errors(paths: list[Path], **options: bool) -> list[str]:
    return export_errors(paths, HORIZON, **options)


def _days(paths: list[Path]) -> list[tuple[int, str, str, float, float | None]]:
    return [(row.day.day, row.campaign, row.campaign_id, row.spend, row.users)
            for row in read_report(paths, HORIZON).rows]


# --- Rows finer than a campaign-day are its parts, summed ----------------------------------------------------------


def test_a_consoles_ads_of_one_project_are_summed_into_its_day(tmp_path: Path) -> None:
    path = _write(tmp_path, "ads.csv", CONSOLE_ADS)
    report = read_report([path], HORIZON)
    # 03-01: 1,000 + 500 = 1,500 元, 100 + 40 = 140 activations, 10,000 + 5,000 shows, 200 + 100 clicks.
    assert [(row.day, row.campaign_id, row.spend, row.users, row.impressions, row.clicks) for row in report.rows] == [
        (datetime.date(2025, 3, 1), "1790001", 1500.0, 140.0, 15000.0, 300.0),
        (datetime.date(2025, 3, 2), "1790001", 1000.0, 100.0, 10000.0, 200.0)]
    (source,) = report.sources
    assert (source.rows, source.parts, source.summed, source.grain) == (3, 1, 0, ("广告ID",))


def test_an_api_exports_ads_of_one_campaign_are_summed(tmp_path: Path) -> None:
    path = _write(tmp_path, "api.csv", "stat_time_day,campaign_id,campaign_name,ad_id,ad_name,stat_cost,active\n"
                                       "2025-03-01,1790001,dy_组A,1800001,dy_计划1,100.00,10\n"
                                       "2025-03-01,1790001,dy_组A,1800002,dy_计划2,200.00,10\n")
    assert _days([path]) == [(1, "dy_组A", "1790001", 300.0, 20.0)]


def test_a_units_creatives_are_told_apart_by_the_finest_id(tmp_path: Path) -> None:
    # Two creatives of one unit and one of another, all of campaign 7001 on 03-01: 10 + 20 + 40 = 70.
    path = _write(tmp_path, "ks.csv", "stat_date,campaign_id,campaign_name,unit_id,creative_id,charge\n"
                                      "2025-03-01,7001,ks_a,81,901,10\n2025-03-01,7001,ks_a,81,902,20\n"
                                      "2025-03-01,7001,ks_a,82,903,40\n")
    report = read_report([path], HORIZON)
    assert [(row.campaign_id, row.spend) for row in report.rows] == [("7001", 70.0)]
    assert report.sources[0].grain == ("unit_id", "creative_id")


def test_ads_named_but_without_their_id_are_told_apart_by_name(tmp_path: Path) -> None:
    path = _write(tmp_path, "names.csv", "日期,项目名称,广告名称,消耗(元)\n2025-03-01,dy_项目A,广告1,300\n"
                                         "2025-03-01,dy_项目A,广告2,200\n")
    assert _days([path]) == [(1, "dy_项目A", "", 500.0, None)]


def test_an_ads_id_beside_the_campaigns_name_alone_names_no_campaign(tmp_path: Path) -> None:
    # No campaign_id column: the campaign is campaign_name's, and ad_id tells its ads apart (it was read as the
    # campaign's id, each ad a campaign of its own).
    path = _write(tmp_path, "api.csv", "stat_time_day,campaign_name,ad_id,stat_cost\n2025-03-01,dy_a,1800001,100\n"
                                       "2025-03-01,dy_a,1800002,250\n")
    report = read_report([path], HORIZON)
    assert _days([path]) == [(1, "dy_a", "", 350.0, None)]
    assert ("campaign_id" in report.sources[0].columns, report.sources[0].grain) == (False, ("ad_id",))


def test_one_reports_ads_split_over_two_exports_are_parts_of_one_day(tmp_path: Path) -> None:
    lines = CONSOLE_ADS.splitlines(keepends=True)
    first = _write(tmp_path, "a.csv", "".join(lines[:2]))
    second = _write(tmp_path, "b.csv", lines[0] + lines[2])
    assert _days([first, second]) == [(1, "dy_项目A", "1790001", 1500.0, 140.0)]


def test_a_tencent_hourly_reports_hours_are_summed_into_its_day(tmp_path: Path) -> None:
    report = read_report([_write(tmp_path, "hours.csv", TENCENT_HOURS)], HORIZON)
    # 10,000 + 20,000 分 = 300 元; 9 + 9 activations.
    assert [(row.campaign_id, row.spend, row.users, row.impressions) for row in report.rows] == [
        ("30001", 300.0, 18.0, 10000.0)]
    assert (report.sources[0].grain, report.sources[0].parts, report.sources[0].columns["hour"]) == (
        ("hour",), 1, "hour")


def test_a_consoles_times_of_day_are_hours_summed_into_their_day(tmp_path: Path) -> None:
    path = _write(tmp_path, "hours.csv", "\ufeff时间,项目ID,项目名称,消耗(元),激活数\n"
                                         "2025-03-01 00:00,1790001,dy_项目A,100.00,10\n"
                                         "2025-03-01 01:00,1790001,dy_项目A,200.00,20\n"
                                         "2025-03-02 00:00,1790001,dy_项目A,300.00,30\n")
    assert _days([path]) == [(1, "dy_项目A", "1790001", 300.0, 30.0), (2, "dy_项目A", "1790001", 300.0, 30.0)]


@pytest.mark.parametrize("cell", ["1", "01:00", "01:00-02:00", "1时"])
def test_an_hour_written_any_way_is_the_same_hour(tmp_path: Path, cell: str) -> None:
    first = _write(tmp_path, "a.csv", TENCENT_HOURS)
    second = _write(tmp_path, "b.csv", TENCENT_HOURS.splitlines()[0] + f"\n2025-03-01,{cell},30001,tx_组1,20000,5000,80,9\n")
    assert _errors([first, second]) == [
        f"{second}:2:3: adgroup_id: expected one row per hour and campaign {AGAIN} 2025-03-01 01:00 id '30001' again "
        f"(first at {first}:3:3)"]


# --- A part given twice, or one campaign-day at two grains, is refused ----------------------------------------------


def test_the_same_ad_twice_on_one_day_is_refused_naming_the_grain(tmp_path: Path) -> None:
    path = _write(tmp_path, "ads.csv", CONSOLE_ADS + "2025-03-01,1790001,dy_项目A,1800002,广告2,500.00,5000,100,40\n")
    assert _errors([path]) == [
        f"{path}:5:2: 项目ID: expected one row per day, campaign and 广告ID {AGAIN} 2025-03-01 id '1790001' "
        f"广告ID '1800002' again (first at {path}:3:2)"]
    # Summed when asked, as a campaign-day given twice: 1,500 + 500.
    assert [row.spend for row in read_report([path], HORIZON, sum_duplicates=True).rows] == [2000.0, 1000.0]


def test_an_ad_level_report_exported_twice_is_refused(tmp_path: Path) -> None:
    """Saved again without its byte-order mark: other bytes (the same bytes are refused whole: given_once.py), the same
    rows, each refused."""
    first = _write(tmp_path, "a.csv", CONSOLE_ADS)
    again = _write(tmp_path, "b.csv", CONSOLE_ADS.removeprefix("\ufeff"))
    assert _errors([first, again]) == [
        f"{again}:{line}:2: 项目ID: expected one row per day, campaign and 广告ID {AGAIN} 2025-03-0{day} id '1790001' "
        f"广告ID '{ad}' again (first at {first}:{line}:2)"
        for line, day, ad in ((2, 1, "1800001"), (3, 1, "1800002"), (4, 2, "1800001"))]


def test_the_same_hour_twice_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "hours.csv", TENCENT_HOURS + "2025-03-01,0,30001,tx_组1,10000,5000,80,9\n")
    assert _errors([path]) == [
        f"{path}:4:3: adgroup_id: expected one row per hour and campaign {AGAIN} 2025-03-01 00:00 id '30001' again "
        f"(first at {path}:2:3)"]


def test_an_hour_of_an_ad_twice_names_both(tmp_path: Path) -> None:
    path = _write(tmp_path, "t.csv", "date,hour,adgroup_id,ad_id,cost\n2025-03-01,0,30001,51,100\n"
                                     "2025-03-01,0,30001,52,100\n2025-03-01,1,30001,51,100\n"
                                     "2025-03-01,0,30001,51,100\n")
    assert _errors([path]) == [
        f"{path}:5:3: adgroup_id: expected one row per hour, campaign and ad_id {AGAIN} 2025-03-01 00:00 id '30001' "
        f"ad_id '51' again (first at {path}:2:3)"]


def test_a_campaign_day_and_its_ads_in_two_exports_are_refused(tmp_path: Path) -> None:
    day = _write(tmp_path, "day.csv", "日期,项目ID,项目名称,消耗(元)\n2025-03-01,1790001,dy_项目A,1500\n")
    ads = _write(tmp_path, "ads.csv", CONSOLE_ADS)
    assert _errors([day, ads]) == [
        f"{ads}:{line}:2: 项目ID: expected one row per day, campaign and 广告ID {AGAIN} 2025-03-01 id '1790001' again "
        f"(first at {day}:2:2, one row per day and campaign)" for line in (2, 3)]
    assert _errors([ads, day]) == [
        f"{day}:2:2: 项目ID: expected one row per day and campaign {AGAIN} 2025-03-01 id '1790001' again "
        f"(first at {ads}:2:2, one row per day, campaign and 广告ID)"]


def test_a_row_without_its_ad_among_the_ads_rows_is_the_whole_day_again(tmp_path: Path) -> None:
    path = _write(tmp_path, "ads.csv", CONSOLE_ADS + "2025-03-02,1790001,dy_项目A,-,-,1000.00,10000,200,100\n")
    assert _errors([path]) == [
        f"{path}:5:2: 项目ID: expected one row per day and campaign {AGAIN} 2025-03-02 id '1790001' again "
        f"(first at {path}:4:2, one row per day, campaign and 广告ID)"]


def test_dates_all_at_midnight_are_days(tmp_path: Path) -> None:
    path = _write(tmp_path, "days.csv", "日期,项目ID,项目名称,消耗(元)\n2025-03-01 00:00:00,1790001,dy_项目A,100\n"
                                        "2025-03-01 00:00:00,1790001,dy_项目A,100\n")
    assert _errors([path]) == [
        f"{path}:3:2: 项目ID: expected one row per day and campaign {AGAIN} 2025-03-01 id '1790001' again "
        f"(first at {path}:2:2)"]


@pytest.mark.parametrize("header", ["日期,广告组ID,广告组名称,广告ID,广告名称,花费(元),曝光次数,点击次数,激活次数",
                                    "日期,广告组id,广告组名称,广告id,广告名称,花费(元),曝光次数,点击次数,激活次数"])
def test_a_tencent_consoles_ads_of_one_ad_group_are_summed_whatever_the_case_of_its_ids(tmp_path: Path,
                                                                                         header: str) -> None:
    """The finer level is found by the header's words as every other column is (case aside): 广告ID and 广告id alike."""
    path = _write(tmp_path, "tx.csv", header + "\n"
                  "2025-03-01,30001,tx_组1,40001,广告1,100.00,5000,80,9\n"
                  "2025-03-01,30001,tx_组1,40002,广告2,50.00,2500,40,3\n")
    report = read_report([path], HORIZON)
    # 100 + 50 = 150 元 and 9 + 3 = 12 activations on 03-01, one campaign-day of the ad group.
    assert [(row.day.day, row.campaign_id, row.spend, row.users) for row in report.rows] == [(1, "30001", 150.0, 12.0)]


# --- Tencent Ads 3.0's creatives (QA round 3, finding 3) -----------------------------------------------------------


@pytest.mark.parametrize(("text", "grain"), [
    ("日期,广告ID,广告名称,创意ID,创意名称,花费(元),曝光次数\n2025-03-01,40001,tx_广告1,70001,创意1,100.00,5000\n"
     "2025-03-01,40001,tx_广告1,70002,创意2,50.00,2500\n", "创意ID"),
    ("日期,广告名称,创意名称,花费(元),曝光次数\n2025-03-01,tx_广告1,创意1,100.00,5000\n"
     "2025-03-01,tx_广告1,创意2,50.00,2500\n", "创意名称"),
    ("date,adgroup_id,adgroup_name,dynamic_creative_id,dynamic_creative_name,cost,view_count\n"
     "2025-03-01,40001,tx_广告1,70001,创意1,10000,5000\n2025-03-01,40001,tx_广告1,70002,创意2,5000,2500\n",
     "dynamic_creative_id"),
])
def test_a_tencent_3_reports_creatives_of_one_ad_are_summed(tmp_path: Path, text: str, grain: str) -> None:
    report = read_report([_write(tmp_path, "tx.csv", text)], HORIZON)
    # Two creatives of one ad on 03-01: 100 + 50 = 150 元 (the API's 10,000 + 5,000 分), 5,000 + 2,500 exposures.
    assert [(row.day.day, row.spend, row.impressions) for row in report.rows] == [(1, 150.0, 7500.0)]
    assert (report.sources[0].grain, report.sources[0].parts) == ((grain,), 1)


def test_a_tencent_3_creative_given_twice_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "tx.csv", "日期,广告ID,广告名称,创意ID,花费(元),曝光次数\n"
                                      "2025-03-01,40001,tx_广告1,70001,100.00,5000\n"
                                      "2025-03-01,40001,tx_广告1,70001,100.00,5000\n")
    assert _errors([path]) == [
        f"{path}:3:2: 广告ID: expected one row per day, campaign and 创意ID {AGAIN} 2025-03-01 id '40001' 创意ID "
        f"'70001' again (first at {path}:2:2)"]


def test_an_ocean_engine_consoles_creatives_of_one_project_are_summed(tmp_path: Path) -> None:
    """巨量引擎's report by creative (创意ID, 创意名称) under its 项目, as Tencent's 3.0 creatives under an ad."""
    path = _write(tmp_path, "oe.csv", "日期,项目ID,项目名称,创意ID,创意名称,消耗(元),展示数,激活数\n"
                                      "2025-03-01,1790001,dy_项目A,7100001,创意1,100.00,5000,10\n"
                                      "2025-03-01,1790001,dy_项目A,7100002,创意2,50.00,2500,5\n")
    report = read_report([path], HORIZON)
    # Two creatives of one project on 03-01: 100 + 50 = 150 元, 5,000 + 2,500 shows, 10 + 5 activations.
    assert [(row.day.day, row.campaign_id, row.spend, row.impressions, row.users) for row in report.rows] == [
        (1, "1790001", 150.0, 7500.0, 15.0)]
    (source,) = report.sources
    assert (source.platform, source.grain, source.parts) == ("oceanengine_console", ("创意ID",), 1)
