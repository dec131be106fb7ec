"""百度营销's console reports (搜索推广 and 信息流): campaign (推广计划), unit (推广单元), keyword and creative reports,
each built from the headers Baidu writes, with the title lines above the header and a totals row below the table as
its downloads have them. Every sum below is by hand."""

from __future__ import annotations

import datetime
from pathlib import Path

from export_files import refusals, write_export

from aigc_roi.model.actuals import HOUR, Report
from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.exports import Horizon, read_report

HORIZON = Horizon.of((2025, 3), 12)
MARCH_1, MARCH_2 = datetime.date(2025, 3, 1), datetime.date(2025, 3, 2)


def _read(path: Path) -> Report:
    return read_report([path], HORIZON)



def _days(report: Report) -> list[tuple[datetime.date, str, str, float, float | None]]:
    """(day, campaign, campaign id, spend, users) of each campaign-day read, the parts of one summed."""
    return [(row.day, row.campaign, row.campaign_id, round(row.spend, 2), row.users) for row in report.rows]


SEARCH_TITLES = ("数据生成时间：2025-03-03 09:12\n数据生成条件：\n1. 时间范围：20250301-20250302\n2. 时间单位：分日\n"
                 "3. 推广设备：移动设备，计算机\n4. 投放网络：全部\n5. 投放物料：全部\n\n")
"""The lines above a 搜索推广 report's header: when and how it was generated, then a blank line."""

SEARCH = (SEARCH_TITLES + "日期,推广计划,账户,展现,点击,消费,点击率,平均点击价格,网页转化,商桥转化,电话转化\n"
          '2025-03-01,bd_品牌词,acct,1200,60,"1,234.56",5.00%,20.58,3,1,0\n'
          "2025-03-01,bd_通用词,acct,800,20,345.44,2.50%,17.27,1,0,0\n"
          "2025-03-02,bd_品牌词,acct,1000,50,1000.00,5.00%,20.00,2,0,1\n"
          '合计,--,--,3000,130,"2,580.00",4.33%,19.85,6,1,1\n')
"""A 搜索推广 campaign report by day, in GBK as the console downloads it; its last row the sum of the others."""


def test_a_search_campaign_report_is_read_below_its_title_lines_without_its_total(tmp_path: Path) -> None:
    report = _read(write_export(tmp_path, "baidu.csv", SEARCH, encoding="gbk"))
    (source,) = report.sources
    assert (source.platform, source.currency, source.columns["spend"], source.units["spend"]) == (
        "baidu_console", "CNY", "消费", "元")
    assert _days(report) == [(MARCH_1, "bd_品牌词", "", 1234.56, None), (MARCH_1, "bd_通用词", "", 345.44, None),
                             (MARCH_2, "bd_品牌词", "", 1000.0, None)]
    assert [(row.line, row.impressions, row.clicks) for row in report.rows] == [(10, 1200, 60), (11, 800, 20),
                                                                                (12, 1000, 50)]
    # 1,234.56 + 345.44 + 1,000.00 = 2,580.00: the 合计 row restates the day rows, skipped rather than read as a day.
    assert [(item.label, item.rows, round(item.spend, 2), item.line) for item in source.skipped_totals] == [
        ("合计", 1, 2580.0, 13)]
    # Web, 商桥 and phone conversions are leads, no new users of an app.
    assert source.ignored == ("账户", "点击率", "平均点击价格", "网页转化", "商桥转化", "电话转化")


FEED = ("日期,推广计划,推广计划ID,展现,点击,消费,点击率,平均点击价格,千次展现消费,激活人数,激活当日付费金额\n"
        '2025-03-01,bd_app_安卓,30001,20000,400,"2,000.00",2.00%,5.00,100.00,80,240.00\n'
        "2025-03-02,bd_app_安卓,30001,18000,300,1500.50,1.67%,5.00,83.36,50,-\n"
        "2025-03-02,bd_app_iOS,30002,5000,100,600.00,2.00%,6.00,120.00,20,30.00\n"
        ',总计,,43000,800,"4,100.50",1.86%,5.13,95.36,150,270.00\n')
"""A 信息流 app campaign's report: its activations and their first day's payments, and a total naming no day."""


def test_a_feed_campaign_report_reads_its_activations_and_their_first_days_payments(tmp_path: Path) -> None:
    report = _read(write_export(tmp_path, "feed.csv", FEED))
    assert _days(report) == [(MARCH_1, "bd_app_安卓", "30001", 2000.0, 80.0), (MARCH_2, "bd_app_安卓", "30001", 1500.5, 50.0),
                             (MARCH_2, "bd_app_iOS", "30002", 600.0, 20.0)]
    assert [row.revenue for row in report.rows] == [240.0, 0.0, 30.0]  # "-": no payment that day
    (source,) = report.sources
    assert (source.columns["users"], source.columns["revenue"], source.units["revenue"]) == ("激活人数", "激活当日付费金额", "元")
    # 2,000.00 + 1,500.50 + 600.00 = 4,100.50, the 总计 row naming no day.
    assert [(item.label, item.rows, round(item.spend, 2)) for item in source.skipped_totals] == [("总计", 1, 4100.5)]


def test_a_unit_report_sums_its_units_into_their_campaign_day(tmp_path: Path) -> None:
    path = write_export(tmp_path, "units.csv", "日期,账户,推广计划ID,推广计划,推广单元ID,推广单元,展现,点击,消费\n"
                                               "2025-03-01,acct,30001,bd_app_安卓,40001,人群A,1000,20,120.50\n"
                                               "2025-03-01,acct,30001,bd_app_安卓,40002,人群B,500,10,79.50\n"
                                               "2025-03-02,acct,30001,bd_app_安卓,40001,人群A,800,16,100.00\n")
    report = _read(path)
    # 03-01: 120.50 + 79.50 = 200.00 and 20 + 10 = 30 clicks over two units; 03-02 one unit's 100.00.
    assert _days(report) == [(MARCH_1, "bd_app_安卓", "30001", 200.0, None), (MARCH_2, "bd_app_安卓", "30001", 100.0, None)]
    assert [row.clicks for row in report.rows] == [30.0, 16.0]
    (source,) = report.sources
    assert (source.grain, source.parts) == (("推广单元ID",), 1)


CREATIVES = "\n".join("\t".join(row) for row in [
    ["日期", "账户ID", "账户", "推广计划ID", "推广计划", "推广单元ID", "推广单元", "创意ID", "创意标题", "创意描述1",
     "创意描述2", "显示URL", "推广方式", "消费", "平均点击价格", "点击量", "展现量", "点击率", "千次展现消费", "平均排名"],
    ["2025-03-01", "9001", "acct", "30001", "bd_search", "40001", "品牌", "50001", "标题一", "描述", "描述",
     "www.example.com", "搜索推广", "10.25", "2.05", "5", "100", "5.00%", "102.50", "1.5"],
    ["2025-03-01", "9001", "acct", "30001", "bd_search", "40001", "品牌", "50002", "标题二", "描述", "描述",
     "www.example.com", "搜索推广", "4.75", "2.38", "2", "80", "2.50%", "59.38", "2.0"],
    ["2025-03-01", "9001", "acct", "30001", "bd_search", "40002", "通用", "50003", "标题一", "描述", "描述",
     "www.example.com", "搜索推广", "5.00", "5.00", "1", "50", "2.00%", "100.00", "3.1"],
]) + "\n"
"""A 搜索推广 creative report, tab-separated: two units of one campaign, the first with two creatives, and a creative
of each unit titled alike."""


def test_a_creative_report_sums_its_creatives_by_unit_and_creative_id(tmp_path: Path) -> None:
    report = _read(write_export(tmp_path, "creatives.csv", CREATIVES))
    # 10.25 + 4.75 + 5.00 = 20.00, 5 + 2 + 1 = 8 clicks and 100 + 80 + 50 = 230 impressions: one campaign-day.
    assert _days(report) == [(MARCH_1, "bd_search", "30001", 20.0, None)]
    assert [(row.clicks, row.impressions) for row in report.rows] == [(8.0, 230.0)]
    (source,) = report.sources
    assert (source.grain, source.parts) == (("推广单元ID", "创意ID"), 2)


def test_an_hourly_creative_report_without_ids_tells_its_creatives_apart_by_unit_and_title(tmp_path: Path) -> None:
    header = "日期,小时,账户,推广计划,推广单元,创意标题,创意描述1,创意描述2,显示URL,展现,点击,消费,点击率,平均点击价格,网页转化,商桥转化\n"
    text = '"描述一","描述二","www.example.com"'
    path = write_export(tmp_path, "hourly.csv", SEARCH_TITLES + header
                        + f'"2025-03-01",0,"acct","bd_品牌","品牌-核心","{{品牌}}官网",{text},1,0,0.00,0.00%,0.00,0,0\n'
                          f'"2025-03-01",0,"acct","bd_品牌","品牌-核心","{{品牌}}下载",{text},10,2,3.50,20.00%,1.75,0,0\n'
                          f'"2025-03-01",1,"acct","bd_品牌","品牌-核心","{{品牌}}官网",{text},5,1,2.25,20.00%,2.25,0,0\n',
                        encoding="gbk")
    report = _read(path)
    # 0.00 + 3.50 (hour 0, two creatives) + 2.25 (hour 1) = 5.75.
    assert _days(report) == [(MARCH_1, "bd_品牌", "", 5.75, None)]
    (source,) = report.sources
    assert (source.grain, source.parts) == (("推广单元", "创意标题", HOUR), 2)


def test_a_keyword_report_sums_its_keywords(tmp_path: Path) -> None:
    path = write_export(tmp_path, "keywords.csv", "日期,账户,推广计划,推广单元,关键词,关键词ID,展现,点击,消费\n"
                                                  "2025-03-01,acct,bd_通用词,通用,记账软件,70001,300,9,27.00\n"
                                                  "2025-03-01,acct,bd_通用词,通用,记账app,70002,200,4,13.00\n")
    # 27.00 + 13.00 = 40.00 over two keywords of one unit.
    assert _days(_read(path)) == [(MARCH_1, "bd_通用词", "", 40.0, None)]


TARGETS = ("日期,推广计划,推广单元,目标转化,消费,目标转化量\n"
           "2025-03-01,bd_app,单元A,APP激活,100.00,10\n"
           "2025-03-01,bd_app,单元B,app激活,50.00,4\n"
           "2025-03-02,bd_app,单元A,,0.00,-\n")
"""A 信息流 unit report whose target conversions are activations: each unit's 目标转化 says so, in any case."""


def test_target_conversions_are_new_users_where_their_target_is_an_activation(tmp_path: Path) -> None:
    report = _read(write_export(tmp_path, "targets.csv", TARGETS))
    # 03-01: 10 + 4 = 14 activations for 100.00 + 50.00; 03-02 a unit of no target and no spend.
    assert _days(report) == [(MARCH_1, "bd_app", "", 150.0, 14.0), (MARCH_2, "bd_app", "", 0.0, 0.0)]


def test_target_conversions_of_another_goal_are_refused_once_at_their_target(tmp_path: Path) -> None:
    path = write_export(tmp_path, "forms.csv", TARGETS + "2025-03-02,bd_app,单元C,表单提交成功,80.00,6\n"
                                                         "2025-03-03,bd_app,单元C,表单提交成功,70.00,5\n")
    errors = refusals(path, horizon=HORIZON)
    assert errors == [f"{path}:5:4: 目标转化: expected APP激活, the indicator of new users, found '表单提交成功'; 目标转化量 counts "
                      "what each row's unit is optimised for: export the 激活人数 column, which counts new users whatever "
                      "the goal"]
    assert translate(errors[0].split(": ", 2)[2]) == (
        "应为 APP激活（新增用户的成效指标），实际为 '表单提交成功'；目标转化量 计的是各行推广单元各自的优化目标：请导出 激活人数 列，"
        "无论目标为何它都计新增用户")


def test_target_conversions_without_their_target_column_are_no_new_users(tmp_path: Path) -> None:
    report = _read(write_export(tmp_path, "plain.csv", "日期,推广计划,消费,目标转化量\n2025-03-01,bd_app,100.00,10\n"))
    assert _days(report) == [(MARCH_1, "bd_app", "", 100.0, None)]
    (source,) = report.sources
    assert "users" not in source.columns and source.ignored == ("目标转化量",)


def test_activations_counted_on_the_day_of_conversion_are_read_and_said_so(tmp_path: Path) -> None:
    path = write_export(tmp_path, "ct.csv", "日期,推广计划,消费,激活人数（转化时间）,目标转化量,目标转化\n"
                                            "2025-03-01,bd_app,100.00,9,10,APP激活\n")
    report = _read(path)
    assert _days(report) == [(MARCH_1, "bd_app", "", 100.0, 9.0)]
    (source,) = report.sources
    assert source.conversion_time == ("激活人数（转化时间）",)


def test_a_baidu_export_in_yuan_is_refused_for_a_plan_in_dollars_at_its_spend_header(tmp_path: Path) -> None:
    path = write_export(tmp_path, "feed.csv", FEED)
    assert refusals(path, "USD", HORIZON) == [
        f"{path}:1:6: 消费: expected money in USD (the plan's currency), found 元 (CNY); actuals converts no currency: "
        "convert the export to USD, or the plan to CNY"]
