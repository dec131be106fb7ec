"""An export's header: which line it is, which shape it is, how its words compare and what its brackets say.

A bracket is a unit only where it names one (元, 分, 万元, a currency): 万元 is read times 10,000, a currency is the
export's (``ReportSource.currency``, for `actuals` to hold against the plan's), and a unit of money no one knows is
refused at its header. Any other bracket is a qualifier: ``激活数(转化时间)`` is not the plain 激活数, which wins
where both are there; alone, it is read and said to count on conversion time. A shape whose headers other exports
share needs a column of its own (a generic sheet's ``cost`` is no Tencent Ads API export in 分), and a console
export is named after a platform only by a column that platform alone writes.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from export_files import HORIZON, refusals, workbook, written

from aigc_roi.model.actuals import Report
from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.exports import Horizon, read_report
from aigc_roi.reader.exports.platforms import PLATFORMS, Platform, columns_of, recognise
from aigc_roi.reader.exports.units import header_key

MONEY_UNITS = "元, 分, 万元 or a currency such as CNY, USD, 美元, $"



def _read(path: Path, currency: str = "CNY") -> Report:
    """``path`` read for a plan in ``currency`` (an export in another is refused: tests/reader/test_export_rows.py)."""
    return read_report([path], HORIZON, currency=currency)



def test_wan_yuan_are_read_times_ten_thousand(tmp_path: Path) -> None:
    report = _read(written(tmp_path, "日期,计划名称,消耗(万元),激活数\n2025-01-03,抖音A,1.5,1000\n"))
    (row,) = report.rows
    assert row.spend == 15_000.0  # 1.5 万元
    (source,) = report.sources
    assert (source.units["spend"], source.currency) == ("万元", "CNY")


@pytest.mark.parametrize(("header", "currency", "unit"), [
    ("date,campaign,spend (USD),new_users", "USD", "USD"),
    ("日期,计划名称,消耗(美元),激活数", "USD", "USD"),
    ("日期,计划名称,消耗（美金）,激活数", "USD", "USD"),
    ("date,campaign,spend ($),new_users", "USD", "USD"),
    ("date,campaign,spend [EUR],new_users", "EUR", "EUR"),
    ("date,campaign,spend（RMB）,new_users", "CNY", "元"),
    ("日期,计划名称,消耗（元）,激活数", "CNY", "元"),
    ("日期,计划名称,消耗（ＵＳＤ）,激活数", "USD", "USD"),                # full-width, as a Chinese IME types it
    # The Chinese platforms' shapes are in 元 without saying so; a generic CSV of plain numbers states nothing.
    ("日期,计划名称,消耗,激活数", "CNY", "元"),
    ("stat_time_day,campaign_name,stat_cost,active", "CNY", "元"),
    ("date,campaign,spend,new_users", None, "currency"),
])
def test_the_exports_currency_is_what_its_header_or_shape_states(tmp_path: Path, header: str, currency: str | None,
                                                                unit: str) -> None:
    report = _read(written(tmp_path, f"{header}\n2025-01-03,dy_a,1000,100\n"), currency or "CNY")
    assert report.rows[0].spend == 1000.0
    assert (report.sources[0].currency, report.sources[0].units["spend"]) == (currency, unit)


def test_the_tencent_api_fen_are_cny(tmp_path: Path) -> None:
    report = _read(written(tmp_path, "date,adgroup_name,cost,view_count\n2025-01-03,gdt_a,123456,1000\n"))
    assert report.rows[0].spend == 1234.56  # 123,456 分
    assert (report.sources[0].currency, report.sources[0].units["spend"]) == ("CNY", "分")


@pytest.mark.parametrize(("header", "column", "found"), [
    ("日期,计划名称,消耗(千元),激活数", 3, "千元"),
    ("日期,计划名称,消耗(欧分),激活数", 3, "欧分"),
    ("date,campaign,spend (pts),new_users", 3, "pts"),
    ("日期,计划名称,消耗,激活数,首日付费金额(千元)", 5, "千元"),
])
def test_a_unit_of_money_no_one_knows_is_refused_at_its_header(tmp_path: Path, header: str, column: int,
                                                               found: str) -> None:
    path = written(tmp_path, f"{header}\n2025-01-03,dy_a,1000,100,1\n")
    name = header.split(",")[column - 1]
    assert refusals(path) == [f"{path}:1:{column}: {name}: expected a unit of money ({MONEY_UNITS}), found {found!r}"]


def test_money_in_two_currencies_is_refused(tmp_path: Path) -> None:
    path = written(tmp_path, "date,campaign,spend (USD),new_users,revenue (CNY)\n2025-01-03,dy_a,1000,100,50\n")
    assert refusals(path) == [f"{path}:1:5: revenue (CNY): expected money in USD as the spend column, found CNY"]


def test_the_plain_header_wins_over_a_qualified_one(tmp_path: Path) -> None:
    report = _read(written(tmp_path, "日期,计划名称,消耗(元),激活数(转化时间),激活数\n2025-01-03,抖音A,1000,50,80\n"))
    assert report.rows[0].users == 80.0
    (source,) = report.sources
    assert source.columns["users"] == "激活数" and source.ignored == ("激活数(转化时间)",)
    assert source.conversion_time == ()


def test_a_count_on_conversion_time_alone_is_read_and_said_so(tmp_path: Path) -> None:
    report = _read(written(tmp_path, "日期,计划名称,消耗(元),激活数（转化时间）\n2025-01-03,抖音A,1000,50\n"))
    assert report.rows[0].users == 50.0
    assert report.sources[0].conversion_time == ("激活数（转化时间）",)


def test_the_reporting_time_count_wins_over_the_conversion_time_one(tmp_path: Path) -> None:
    report = _read(written(tmp_path, "日期,计划名称,消耗,激活数(转化时间),激活数(计费时间)\n2025-01-03,抖音A,1000,50,80\n"))
    assert report.rows[0].users == 80.0
    assert report.sources[0].conversion_time == ()


def test_a_qualifier_no_one_knows_is_another_column(tmp_path: Path) -> None:
    report = _read(written(tmp_path, "日期,计划名称,消耗,展示数(次),激活数(含自然量)\n2025-01-03,抖音A,1000,20000,50\n"))
    (row,) = report.rows
    # 次 is a count's unit; 含自然量 (organic included) is no qualifier this reader knows: new users are not reported.
    assert (row.impressions, row.users) == (20000.0, None)
    assert report.sources[0].ignored == ("激活数(含自然量)",)


@pytest.mark.parametrize(("header", "deduplicated"), [
    ("日期,计划名称,消耗(元),激活数(去重)", ("激活数(去重)",)),
    ("日期,计划名称,消耗(元)(去重),激活数", ("消耗(元)(去重)",)),
    ("日期,计划名称,消耗（去重）,激活数（去重）", ("消耗（去重）", "激活数（去重）")),
])
def test_a_deduplicated_column_alone_is_read_and_said_so(tmp_path: Path, header: str,
                                                         deduplicated: tuple[str, ...]) -> None:
    """激活数(去重) alone gave users '—' and 消耗(元)(去重) alone 'unknown export': a deduplicated (去重) count counts
    each user once over the report's rows, the measure of new users the plain one is; read, and named."""
    report = _read(written(tmp_path, f"{header}\n2025-01-03,抖音A,1000,80\n"))
    assert [(row.spend, row.users) for row in report.rows] == [(1000.0, 80.0)]
    assert (report.sources[0].deduplicated, report.sources[0].units["spend"]) == (deduplicated, "元")


def test_the_plain_column_wins_over_the_deduplicated_one(tmp_path: Path) -> None:
    report = _read(written(tmp_path, "日期,计划名称,消耗,消耗(元)(去重),激活数(去重),激活数\n2025-01-03,抖音A,1000,900,70,80\n"))
    assert [(row.spend, row.users) for row in report.rows] == [(1000.0, 80.0)]
    (source,) = report.sources
    assert (source.deduplicated, source.ignored) == ((), ("消耗(元)(去重)", "激活数(去重)"))


def test_a_deduplicated_count_on_conversion_time_is_both(tmp_path: Path) -> None:
    report = _read(written(tmp_path, "日期,计划名称,消耗,激活数(去重)(转化时间)\n2025-01-03,抖音A,1000,80\n"))
    (source,) = report.sources
    assert (report.rows[0].users, source.deduplicated, source.conversion_time) == (
        80.0, ("激活数(去重)(转化时间)",), ("激活数(去重)(转化时间)",))


def test_a_deduplicated_money_column_of_an_unknown_unit_is_refused(tmp_path: Path) -> None:
    path = written(tmp_path, "日期,计划名称,消耗(千元)(去重),激活数\n2025-01-03,抖音A,1,80\n")
    assert refusals(path) == [f"{path}:1:3: 消耗(千元)(去重): expected a unit of money ({MONEY_UNITS}), found '千元'"]


def test_cost_alone_does_not_make_a_tencent_api_export(tmp_path: Path) -> None:
    """The tester's generic sheet: its cost of 50,000 was read as 分, 500 元."""
    path = written(tmp_path, "date,campaign_name,cost,impressions,clicks\n2025-01-01,gdt_x,50000,100000,1000\n")
    assert refusals(path) == [
        f"{path}:1:1: header: expected the columns of a known export, found date, campaign_name, cost, impressions, "
        "clicks; a 腾讯广告 (Tencent Ads) API export needs its own column, one of (adgroup_name|adgroup_id|view_count|"
        "valid_click_count|activated_count)"]


def test_a_column_of_its_own_makes_a_tencent_api_export(tmp_path: Path) -> None:
    report = _read(written(tmp_path, "date,campaign_name,cost,view_count\n2025-01-01,gdt_x,50000,100000\n"))
    assert (report.sources[0].platform, report.rows[0].spend) == ("tencent_api", 500.0)  # 50,000 分


@pytest.mark.parametrize(("header", "platform"), [
    ("日期,计划名称,花费", "console"),
    ("日期,计划名称,消耗,展示数,点击数,激活数", "console"),
    ("日期,项目名称,消耗,展示数", "oceanengine_console"),
    ("日期,广告组名称,花费,曝光次数", "tencent_console"),
])
def test_a_console_is_named_after_a_platform_only_by_a_column_it_alone_writes(tmp_path: Path, header: str,
                                                                              platform: str) -> None:
    row = ",".join(["2025-01-03", "抖音A", "100"] + ["10"] * (header.count(",") - 2))
    source = _read(written(tmp_path, f"{header}\n{row}\n")).sources[0]
    assert source.platform == platform
    if platform == "console":
        assert "Tencent" not in source.time_basis and "platform's console" in source.time_basis


TITLED = "日期,计划名称,消耗,展示数,激活数\n2025-01-03,抖音A,100,1000,10\n2025-01-04,抖音A,x,1000,10\n"


@pytest.mark.parametrize(("above", "line"), [
    ("巨量引擎 计划报表,,,,\n,,,,\n", 4),                                     # Excel's padding of a title line
    ("报表名称,计划报表\n时间范围,2025-01-01 至 2025-01-31\n", 4),              # key-value title lines
    ('Campaign report\n"January 1, 2025 - January 31, 2025"\n', 4),          # Google Ads: a date range quoted whole
    ("", 2),
])
def test_the_header_is_found_below_title_lines_and_errors_point_at_the_data(tmp_path: Path, above: str, line: int) -> None:
    path = written(tmp_path, above + TITLED)
    assert refusals(path) == [f"{path}:{line + 1}:3: 消耗: expected a number, found 'x'"]
    path.write_text(above + TITLED.rsplit("2025-01-04", 1)[0], encoding="utf-8")
    assert [(row.line, row.spend) for row in _read(path).rows] == [(line, 100.0)]


def test_an_unknown_header_is_located_at_its_own_line(tmp_path: Path) -> None:
    # Google Ads' title lines above a header of no known shape (a budget where Google writes its Cost).
    path = written(tmp_path, 'Campaign report\n"March 1, 2025 - March 31, 2025"\nDay,Campaign,Currency code,Budget\n'
                            "2025-03-01,dy_search,USD,12.34\n")
    assert refusals(path) == [
        f"{path}:3:1: header: expected the columns of a known export, found Day, Campaign, Currency code, Budget; a "
        "Google Ads export needs its spend column (Cost|Kosten|Coût|Coste|Costo|Custo)"]



def test_a_workbooks_title_rows_of_two_cells_are_passed_over(tmp_path: Path) -> None:
    path = workbook(tmp_path / "export.xlsx", {"报表": [["报表名称", "计划报表"], ["时间范围", "2025-01-01 至 2025-01-31"],
                                   ["日期", "计划名称", "消耗", "激活数"], ["2025-01-03", "抖音A", 100, 10]]})
    assert [(row.line, row.day, row.spend) for row in _read(path).rows] == [(4, datetime.date(2025, 1, 3), 100.0)]


def test_a_notes_sheet_before_the_report_is_passed_over(tmp_path: Path) -> None:
    path = workbook(tmp_path / "export.xlsx", {"说明": [["本报表由巨量引擎导出"]],
                            "数据": [["日期", "计划名称", "消耗", "激活数"], ["2025-01-03", "抖音A", 100, 10]]})
    assert [(row.line, row.spend, row.users) for row in _read(path).rows] == [(2, 100.0, 10.0)]


def test_a_workbook_without_a_table_says_what_it_found(tmp_path: Path) -> None:
    path = workbook(tmp_path / "export.xlsx", {"说明": [["本报表由巨量引擎导出"]], "备注": []})
    assert refusals(path) == [f"{path}:1:1: expected a report with a header row, found no row of two or more filled "
                             "cells (sheets: 说明, 备注)"]


def test_a_column_without_dedup_wins_over_a_deduplicated_one(tmp_path: Path) -> None:
    report = _read(written(tmp_path, "日期,计划名称,消耗,激活数(去重),激活数(转化时间)\n2025-01-03,抖音A,1000,70,80\n"))
    (source,) = report.sources
    assert (report.rows[0].users, source.deduplicated, source.ignored) == (80.0, (), ("激活数(去重)",))


GENERIC_ROW = "2025-01-03,KOL A,KOL-01,500,1000,20,40,120\n"
"""A generic sheet's row under every column: a campaign and its id, 500 spent, 1,000 impressions, 20 clicks, 40 new
users, 120 revenue."""


@pytest.mark.parametrize("header", [
    "Date,Campaign,Campaign ID,Spend,Impressions,Clicks,New Users,Revenue",      # the QA tester's generic_caps.csv
    "DATE,CAMPAIGN,CAMPAIGN_ID,SPEND,IMPRESSIONS,CLICKS,NEW_USERS,REVENUE",
    "date,campaign,campaign-id,spend,impressions,clicks,new-users,revenue",
    "date,campaign,campaignid,spend,impressions,clicks,newusers,revenue",
    "date,campaign,Campaign_Id,spend,impressions,clicks, New  Users ,revenue",
    # As a Chinese IME types it: full-width letters, a full-width space, a full-width underscore and hyphen.
    "ｄａｔｅ,Ｃａｍｐａｉｇｎ,Ｃａｍｐａｉｇｎ\u3000ＩＤ,ＳＰＥＮＤ,impressions,clicks,ｎｅｗ＿ｕｓｅｒｓ,ｒｅｖｅｎｕｅ",
    "date,campaign,campaign\u3000id,spend,impressions,clicks,new－users,revenue",
])
def test_header_words_compare_alike_whatever_separates_them(tmp_path: Path, header: str) -> None:
    """generic_caps.csv's Campaign ID and New Users were ignored ("newusers" is not "new_users"): its users were lost
    without a word."""
    report = _read(written(tmp_path, f"{header}\n{GENERIC_ROW}"))
    (source,), (row,) = report.sources, report.rows
    assert source.platform == "generic" and source.ignored == ()
    assert set(source.columns) == {"date", "campaign", "campaign_id", "spend", "impressions", "clicks", "users",
                                   "revenue"}
    assert (row.campaign, row.campaign_id, row.spend, row.impressions, row.clicks, row.users, row.revenue) == (
        "KOL A", "KOL-01", 500.0, 1000.0, 20.0, 40.0, 120.0)


def test_a_generic_sheet_named_by_its_campaign_id_alone_is_read(tmp_path: Path) -> None:
    """generic_idonly.csv was refused as an unknown export."""
    report = _read(written(tmp_path, "Date,Campaign ID,Spend,New Users\n2025-01-03,KOL-01,100,5\n"))
    (source,), (row,) = report.sources, report.rows
    assert source.platform == "generic"
    assert (row.campaign, row.campaign_id, row.spend, row.users) == ("", "KOL-01", 100.0, 5.0)
    assert source.columns["campaign_id"] == "Campaign ID"  # as the file spells it


@pytest.mark.parametrize("platform", PLATFORMS, ids=lambda platform: platform.key)
def test_every_known_header_reads_however_its_words_are_separated(platform: Platform) -> None:
    """Each shape's headers written in title case with spaces for underscores (Stat Time Day, 计划 ID) are still its
    own: the table's headers and the file's are compared alike."""
    spelt = [known.replace("_", " ").title().replace("Id", " ID") for known in platform.columns]
    found = columns_of(spelt, platform, "CNY")
    assert set(found) == {column.field for column in platform.columns.values()}
    if not platform.fallback:
        assert recognise(spelt) is platform


@pytest.mark.parametrize("platform", PLATFORMS, ids=lambda platform: platform.key)
def test_no_two_headers_of_a_shape_read_alike(platform: Platform) -> None:
    """A shape's headers compared with case, width and separators aside stay apart, so no cell can be two columns;
    and each header its evidence names is one of its columns."""
    keys = [header_key(known) for known in platform.columns]
    assert len(set(keys)) == len(keys)
    assert {header_key(header) for header in platform.evidence} <= set(keys)


def test_a_brackets_words_compare_as_a_headers(tmp_path: Path) -> None:
    report = _read(written(tmp_path, "Date,Campaign,Spend,New Users (Conversion_Time)\n2025-01-03,KOL A,100,5\n"))
    (source,), (row,) = report.sources, report.rows
    assert (row.users, source.conversion_time) == (5.0, ("New Users (Conversion_Time)",))


@pytest.mark.parametrize(("header", "column", "twin", "first"), [
    ("date,campaign,Spend,spend,new_users", 4, "spend", "'Spend' (column 3)"),
    ("date,Campaign ID,campaign_id,spend,new_users", 3, "campaign_id", "'Campaign ID' (column 2)"),
])
def test_two_columns_whose_headers_read_as_one_are_refused_at_the_second(tmp_path: Path, header: str, column: int,
                                                                         twin: str, first: str) -> None:
    """Which of two columns read as one holds the field no reader can tell (Spend 100 beside spend 1,000): the export
    is refused at the second, not read from the first with the other listed as ignored under the same name."""
    path = tmp_path / "twins.csv"
    path.write_text(header + "\n2025-03-01,dy_a,100,1000,10\n", encoding="utf-8")
    with pytest.raises(ScenarioInvalid) as raised:
        read_report([path], Horizon.of((2025, 3), 12))
    (error,) = raised.value.errors
    assert str(error) == (f"{path}:1:{column}: {twin}: expected one column of {twin}, found a second beside {first}: "
                          "header words compare alike whatever their case, width and separators")
    assert translate(error.message) == (f"字段 {twin} 应只有一列，发现了第二列，与第 {first.split(' (column ')[1][:-1]} 列 "
                                        f"{first.split(' (column ')[0]} 读作同一列：表头不分大小写、全半角和分隔符")


def test_a_header_written_twice_is_refused_as_written_again(tmp_path: Path) -> None:
    """激活数 twice, as written: no word on how headers compare, and the Chinese names the field as one."""
    path = tmp_path / "twice.csv"
    path.write_text("日期,计划名称,消耗(元),激活数,激活数\n2025-03-01,dy_a,100,10,10\n", encoding="utf-8")
    with pytest.raises(ScenarioInvalid) as raised:
        read_report([path], Horizon.of((2025, 3), 12))
    (error,) = raised.value.errors
    assert str(error) == f"{path}:1:5: 激活数: expected one column of users, found '激活数' again (column 4)"
    assert translate(error.message) == "字段 users 应只有一列，表头 '激活数' 与第 4 列重复"
