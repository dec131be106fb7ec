"""Reading the ad platforms' exports: each platform's shape, encodings, units and every located error."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from export_files import export_errors
from export_files import write_export as _write

from aigc_roi.reader.exports import Horizon, read_report

HORIZON = Horizon.of((2025, 1), 6)
"""2025-01-01 .. 2025-06-30."""


def _errors(paths: list[Path], **options: bool) -> list[str]:
    return export_errors(paths, HORIZON, **options)


def test_horizon_covers_start_to_the_end_of_the_last_month() -> None:
    assert (HORIZON.first, HORIZON.last) == (datetime.date(2025, 1, 1), datetime.date(2025, 6, 30))
    assert Horizon.of((2024, 11), 3).last == datetime.date(2025, 1, 31)


def test_ocean_engine_api_export(tmp_path: Path) -> None:
    path = _write(tmp_path, "ocean.csv", "stat_time_day,campaign_name,campaign_id,stat_cost,show_cnt,click_cnt,active\n"
                                         "2025-01-03,dy_A,111,\"1,234.50\",100000,1000,50\n")
    report = read_report([path], HORIZON)
    (row,) = report.rows
    assert (row.day, row.campaign, row.campaign_id, row.spend, row.impressions, row.clicks, row.users, row.revenue) == (
        datetime.date(2025, 1, 3), "dy_A", "111", 1234.5, 100000.0, 1000.0, 50.0, None)
    (source,) = report.sources
    assert source.platform == "oceanengine_api"
    assert source.columns["spend"] == "stat_cost" and source.units["spend"] == "元"


def test_tencent_api_cost_is_in_fen(tmp_path: Path) -> None:
    path = _write(tmp_path, "tencent.csv", "date,adgroup_name,adgroup_id,cost,view_count,valid_click_count,activated_count,"
                                           "first_day_pay_amount\n2025-02-01,gdt_1,9,1234500,5000,100,10,99000\n")
    (row,) = read_report([path], HORIZON).rows
    # 1,234,500 分 = 12,345 元; 99,000 分 = 990 元 of first-day payments.
    assert (row.spend, row.users, row.revenue) == (12345.0, 10.0, 990.0)


def test_tencent_api_cost_with_a_fraction_is_yuan_read_as_fen(tmp_path: Path) -> None:
    path = _write(tmp_path, "t.csv", "date,adgroup_name,cost,activated_count\n2025-02-01,gdt_1,1234.5,10\n")
    assert _errors([path]) == [
        f"{path}:2:3: cost: expected whole 分 (a Tencent Ads API export reports cost in cents), found '1234.5'; "
        "a cost in 元 comes from the console, whose header is 花费(元)"]


def test_tencent_console_gbk_tabs_thousands_percent_and_totals(tmp_path: Path) -> None:
    text = ("日期\t广告组名称\t花费(元)\t曝光次数\t点击次数\t点击率\t激活次数\n"
            "2025/1/5\t腾讯_春节\t2,000.00\t10,000\t150\t1.50%\t30\n"
            "合计\t\t2,000.00\t10,000\t150\t1.50%\t30\n")
    path = _write(tmp_path, "console.csv", text, "gbk")
    report = read_report([path], HORIZON)
    (row,) = report.rows
    assert (row.day, row.campaign, row.spend, row.impressions, row.clicks, row.users) == (
        datetime.date(2025, 1, 5), "腾讯_春节", 2000.0, 10000.0, 150.0, 30.0)
    (source,) = report.sources
    assert source.platform == "tencent_console" and source.ignored == ("点击率",)


def test_kuaishou_api_with_first_day_payments(tmp_path: Path) -> None:
    path = _write(tmp_path, "ks.csv", "\ufeffstat_date,campaign_name,charge,show,photo_click,activation,event_pay_first_day\n"
                                      "20250310,ks_A,300,2000,40,6,59.4\n")
    (row,) = read_report([path], HORIZON).rows
    assert (row.day, row.spend, row.users, row.revenue) == (datetime.date(2025, 3, 10), 300.0, 6.0, 59.4)


def test_ocean_engine_console_xlsx_first_sheet(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["日期", "计划名称", "计划ID", "消耗", "展示数", "点击数", "激活数", "首日付费金额"])
    sheet.append([datetime.datetime(2025, 4, 2), None, 1234567890123, 800.5, 4000, 80, 16, 160])
    sheet.append(["总计", None, None, 800.5, 4000, 80, 16, 160])
    path = tmp_path / "ocean.xlsx"
    book.save(path)
    report = read_report([path], HORIZON)
    (row,) = report.rows
    # A row with only an id: the id is its campaign key, written without a float's ".0".
    assert (row.day, row.campaign, row.campaign_id, row.spend, row.revenue) == (
        datetime.date(2025, 4, 2), "", "1234567890123", 800.5, 160.0)
    # 日期, 计划名称, 消耗, 展示数 are words 磁力引擎's console writes too: no column says which platform's this is.
    assert report.sources[0].platform == "console"


def test_generic_csv(tmp_path: Path) -> None:
    path = _write(tmp_path, "g.csv", "date,campaign,spend,impressions,clicks,new_users,revenue\n"
                                     "2025-06-30,星图_达人A,50000,,,400,1200\n")
    (row,) = read_report([path], HORIZON).rows
    # An empty cell of a count is not reported (None: a KOL deal counts no impressions), not 0.
    assert (row.spend, row.impressions, row.users, row.revenue) == (50000.0, None, 400.0, 1200.0)


def test_every_error_of_every_file_at_once(tmp_path: Path) -> None:
    bad = _write(tmp_path, "bad.csv", "date,campaign,spend,new_users\n"
                                      "2025-13-01,a,10,1\n"      # no such date
                                      "2024-12-31,a,10,1\n"      # before start
                                      "2025-07-01,a,10,1\n"      # after the horizon
                                      "2025-01-02,a,-5,1\n"      # negative spend
                                      "2025-01-03,a,abc,1\n"     # not a number
                                      "2025-01-04,a,10,1\n"
                                      "2025-01-04,a,20,1\n")     # the same day and campaign again
    empty = _write(tmp_path, "empty.csv", "")
    unknown = _write(tmp_path, "unknown.csv", "day,name,money\n2025-01-01,a,1\n")
    errors = _errors([bad, empty, unknown])
    assert errors[:6] == [
        f"{bad}:2:1: date: expected a date YYYY-MM-DD, found '2025-13-01'",
        f"{bad}:3:1: date: expected a date within 2025-01-01..2025-06-30 (the plan's months 1-6), found 2024-12-31",
        f"{bad}:4:1: date: expected a date within 2025-01-01..2025-06-30 (the plan's months 1-6), found 2025-07-01",
        f"{bad}:5:3: spend: expected an amount >= 0, found '-5'",
        f"{bad}:6:3: spend: expected a number, found 'abc'",
        f"{empty}:1:1: expected a report with a header row, found an empty file",
    ]
    assert errors[6].startswith(f"{unknown}:1:1: header: expected the columns of a known export (巨量引擎 (Ocean Engine) API, ")
    assert errors[6].endswith("generic CSV; docs/actuals.md lists their columns), found day, name, money")
    # At the campaign's cell of both rows.
    assert errors[7] == (f"{bad}:8:2: campaign: expected one row per day and campaign (or sum_duplicates=True), "
                         f"found 2025-01-04 'a' again (first at {bad}:7:2)")
    assert len(errors) == 8


def test_sum_duplicates_adds_the_rows(tmp_path: Path) -> None:
    path = _write(tmp_path, "d.csv", "date,campaign,spend,new_users\n2025-01-04,a,10,1\n2025-01-04,a,20,3\n")
    (row,) = read_report([path], HORIZON, sum_duplicates=True).rows
    assert (row.spend, row.users) == (30.0, 4.0)


def test_header_only_is_no_data(tmp_path: Path) -> None:
    path = _write(tmp_path, "h.csv", "date,campaign,spend\n")
    assert _errors([path]) == [f"{path}:2:1: expected at least one data row under the header, found none"]


def test_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from aigc_roi.reader.exports import tables

    assert tables.MAX_EXPORT_BYTES == 256 * 1024 * 1024
    monkeypatch.setattr(tables, "MAX_EXPORT_BYTES", 1024 * 1024)
    path = _write(tmp_path, "big.csv", "date,campaign,spend\n" + "x" * (1024 * 1024 - 19))
    assert path.stat().st_size == 1024 * 1024 + 1
    assert _errors([path]) == [f"{path}:1:1: file is 1,048,577 bytes; the limit for an export is 1,048,576 (1 MiB)"]


def test_errors_beyond_a_hundred_are_counted(tmp_path: Path) -> None:
    rows = "".join(f"2025-01-01,c{i},x\n" for i in range(105))
    path = _write(tmp_path, "many.csv", "date,campaign,spend\n" + rows)
    errors = _errors([path])
    assert len(errors) == 101 and errors[-1] == f"{path}:101:1: 5 more errors in this file"


def test_docs_list_every_recognised_column() -> None:
    from aigc_roi.reader.exports.platforms import PLATFORMS

    root = Path(__file__).resolve().parents[2]
    docs = (root / "docs" / "actuals.md").read_text(encoding="utf-8")
    for platform in PLATFORMS:
        assert f"`{platform.key}`" in docs
        for header in platform.columns:
            assert f"`{header}`" in docs, (platform.key, header)
    assert "268,435,456" in (root / "docs" / "limits.md").read_text(encoding="utf-8")


def test_docs_print_the_table_of_shapes_once_with_their_evidence() -> None:
    from aigc_roi.reader.exports.platforms import PLATFORMS

    docs = (Path(__file__).resolve().parents[2] / "docs" / "actuals.md").read_text(encoding="utf-8")
    assert docs.count("| shape | date |") == 1
    for platform in PLATFORMS:
        (row,) = [line for line in docs.splitlines() if line.startswith("|") and f"`{platform.key}`" in line]
        # A shape that needs a column of its own says which, in brackets after its key.
        assert all(f"`{header}`" in row for header in platform.evidence), platform.key


def test_an_old_xls_workbook_is_named(tmp_path: Path) -> None:
    path = tmp_path / "report.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    assert _errors([path]) == [
        f"{path}:1:1: expected a CSV or xlsx export, found an Excel 97-2003 .xls workbook (save it as xlsx or CSV)"]


def test_crlf_and_title_lines_keep_line_numbers(tmp_path: Path) -> None:
    path = _write(tmp_path, "t.csv", "巨量引擎 数据报表\r\n\r\nstat_time_day,campaign_name,stat_cost\r\n"
                                     "2025-01-01,a,1\r\n2025-01-02,a,x\r\n")
    assert _errors([path]) == [f"{path}:5:3: stat_cost: expected a number, found 'x'"]


def test_a_missing_file_and_a_folder(tmp_path: Path) -> None:
    missing = tmp_path / "nope.csv"
    assert _errors([missing, tmp_path]) == [f"{missing}:1:1: cannot read file: No such file or directory",
                                            f"{tmp_path}:1:1: is a folder, not an export file"]
