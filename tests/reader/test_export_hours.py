"""Hour columns as platforms, spreadsheets and people write them (QA round 3, finding 1): the hour column's header
as Google Ads and Meta spell it (``Hour Of Day``, ``hour_of_day``) or with its unit (``小时(时)``); an hour cell as a
platform writes it (``13``, ``13:00``, ``13:00 - 14:00``, ``2025-03-01 13:00:00``) or Excel saves it (``1:00:00 PM``,
``下午1时00分``) is that hour, where ``1 PM`` was read as 01:00 and a date with its time refused; any other text
(``下午1点``, ``1.5``, ``13 PM``) is refused at its cell, where its first digits were read as the hour."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from cli_runner import invoke
from export_files import export_errors
from export_files import write_export as _write

from aigc_roi.reader.exports import Horizon, read_report
from aigc_roi.reader.exports.cells import CellError
from aigc_roi.reader.exports.hours import hour

HORIZON = Horizon.of((2025, 3), 12)


@pytest.mark.parametrize("header", ["Hour Of Day", "hour_of_day", "Hour of the day", "小时（时）", "小时(时)", "小时 (时)"])
def test_an_hour_column_spelled_as_the_platforms_and_people_write_it_tells_the_hours_apart(tmp_path: Path,
                                                                                           header: str) -> None:
    path = _write(tmp_path, "h.csv", f"date,{header},campaign,spend\n2025-03-01,0,dy_a,100\n2025-03-01,1,dy_a,200\n")
    report = read_report([path], HORIZON)
    # Hours 0 and 1 of one campaign-day: 100 + 200 = 300, one row of its two parts.
    assert [(row.day, row.spend) for row in report.rows] == [(datetime.date(2025, 3, 1), 300.0)]
    (source,) = report.sources
    assert (source.grain, source.parts, source.columns["hour"]) == (("hour",), 1, header)


def test_a_bracket_of_no_hour_unit_is_another_column(tmp_path: Path) -> None:
    # 小时(北京时间) is no column this reader knows to be the hour: ignored, its rows one campaign-day twice.
    path = _write(tmp_path, "h.csv", "date,小时(北京时间),campaign,spend\n2025-03-01,0,dy_a,100\n2025-03-01,1,dy_a,200\n")
    assert export_errors([path], HORIZON) == [
        f"{path}:3:3: campaign: expected one row per day and campaign (or sum_duplicates=True), found 2025-03-01 'dy_a' "
        f"again (first at {path}:2:3)"]


@pytest.mark.parametrize(("cell", "expected"), [
    # The platforms: the Tencent Ads API's 0-23, the consoles' HH:MM and their ranges, Meta's range with seconds,
    # and a date with the hour.
    ("13", "13:00"), ("0", "00:00"), ("9", "09:00"), ("13:00", "13:00"), ("13：00", "13:00"),
    ("13:00-14:00", "13:00"), ("13:00 - 14:00", "13:00"), ("23:00-24:00", "23:00"), ("00:00:00 - 00:59:59", "00:00"),
    ("2025-03-01 13:00:00", "13:00"), ("2025/3/1 13:00", "13:00"),
    # Excel re-saving a time: 24-hour with seconds, its English 12-hour formats, its Chinese ones.
    ("13:00:00", "13:00"), ("1 PM", "13:00"), ("1:00 PM", "13:00"), ("1:00:00 PM", "13:00"), ("1:00:00 pm", "13:00"),
    ("12 AM", "00:00"), ("12:00:00 AM", "00:00"), ("12 PM", "12:00"), ("11:00 AM", "11:00"), ("1 AM", "01:00"),
    ("13时", "13:00"), ("13时00分", "13:00"), ("13时00分00秒", "13:00"), ("下午1时00分", "13:00"),
    ("下午1:00", "13:00"), ("上午12时", "00:00"), ("上午9:00:00", "09:00"),
    ('="1:00 PM"', "13:00"), ("13:00-13:59", "13:00"), (datetime.time(13), "13:00"), (13 / 24, "13:00"),
])
def test_an_hour_as_a_platform_or_excel_writes_it(cell: str, expected: str) -> None:
    assert hour(cell) == expected


@pytest.mark.parametrize("cell", ["下午1点", "13点", "1.5", 1.5, 13.5, "13 PM", "0 AM", "13:00 PM", "下午1 PM", "24",
                                  "24:00", "1:60", "13:00 till 14:00", "13:00-25:00", "PM", "1 PM 2", "1:00:00:00"])
def test_an_hour_no_platform_or_spreadsheet_writes_is_refused(cell: object) -> None:
    with pytest.raises(CellError):
        hour(cell)


def test_the_morning_and_afternoon_hours_of_a_day_are_two_parts(tmp_path: Path) -> None:
    path = _write(tmp_path, "h.csv", "date,hour,campaign,spend\n2025-03-01,1 AM,dy_a,100\n2025-03-01,1 PM,dy_a,200\n"
                                     "2025-03-01,12 AM,dy_a,40\n2025-03-01,12 PM,dy_a,5\n")
    # 01:00, 13:00, 00:00 and 12:00: four hours, 100 + 200 + 40 + 5 = 345.
    assert [row.spend for row in read_report([path], HORIZON).rows] == [345.0]


def test_an_hour_no_one_writes_is_refused_at_its_cell_in_both_languages(tmp_path: Path) -> None:
    path = _write(tmp_path, "h.csv", "date,hour,campaign,spend\n2025-03-01,0,dy_a,100\n2025-03-01,下午1点,dy_a,200\n")
    assert export_errors([path], HORIZON) == [
        f"{path}:3:2: hour: expected an hour such as 1, 01:00 or 01:00-02:00, found '下午1点'"]
    result = invoke(["actuals", "scenarios/chat-assistant-cpa.yaml", str(path), "--lang", "zh"])
    assert result.exit_code == 2 and result.stderr.splitlines() == [
        f"{path}:3:2: hour: 应为小时，如 1、01:00 或 01:00-02:00，实际为 '下午1点'"]


@pytest.mark.parametrize("cell", ["13:30", "23:59", "12:30 AM", "下午1:30", "13时30分", "13:00:30", "2025-03-01 13:30",
                                  datetime.time(13, 30), 13.5 / 24, datetime.datetime(2025, 3, 1, 13, 30)])
def test_a_time_with_minutes_is_no_hourly_reports_hour(cell: object) -> None:
    # No platform reports by the half-hour: 13:30 is an event's time (or a half-hour's), not hour 13.
    with pytest.raises(CellError, match="a time with minutes is no hourly report's"):
        hour(cell)


@pytest.mark.parametrize("cell", ["13:00-13:30", "13:00-15:00", "13:00:00 - 13:29:59"])
def test_a_span_of_other_than_an_hour_is_no_hourly_reports_hour(cell: str) -> None:
    with pytest.raises(CellError, match="a span of other than an hour is no hourly report's"):
        hour(cell)


def test_an_hour_with_minutes_is_refused_at_its_cell_as_no_hourly_report_in_both_languages(tmp_path: Path) -> None:
    path = _write(tmp_path, "h.csv", "date,hour,campaign,spend\n2025-03-01,13:00,dy_a,100\n2025-03-01,13:30,dy_a,200\n")
    # Read as the hour 13:30 it was summed with 13:00 into the day, as if the report were hourly.
    assert export_errors([path], HORIZON) == [
        f"{path}:3:2: hour: expected an hour such as 1, 01:00 or 01:00-02:00, found '13:30'; a time with minutes is "
        "no hourly report's (a half-hour's, an event's): export the report by hour"]
    result = invoke(["actuals", "scenarios/chat-assistant-cpa.yaml", str(path), "--lang", "zh"])
    assert result.exit_code == 2 and result.stderr.splitlines() == [
        f"{path}:3:2: hour: 应为小时，如 1、01:00 或 01:00-02:00，实际为 '13:30'；带分钟的时间不是按小时报表的"
        "（而是半小时或某个事件的时间）：请按小时导出报表"]


def test_an_hour_cell_of_another_date_than_its_row_is_refused_at_its_cell_in_both_languages(tmp_path: Path) -> None:
    path = _write(tmp_path, "h.csv", "date,campaign,小时,spend\n2025-03-01,dy_a,0,10\n"
                                     "2025-03-01,dy_a,2025-04-15 13:00:00,10\n")
    # Read by its hour alone, its 10 was counted on 03-01 at 13:00, a day its cell does not say.
    assert export_errors([path], HORIZON) == [
        f"{path}:3:3: 小时: expected an hour of the row's date 2025-03-01, found '2025-04-15 13:00:00'"]
    result = invoke(["actuals", "scenarios/chat-assistant-cpa.yaml", str(path), "--lang", "zh"])
    assert result.exit_code == 2 and result.stderr.splitlines() == [
        f"{path}:3:3: 小时: 应为本行日期 2025-03-01 的小时，实际为 '2025-04-15 13:00:00'"]


def test_an_hour_cell_of_its_rows_date_is_that_hour(tmp_path: Path) -> None:
    path = _write(tmp_path, "h.csv", "date,campaign,小时,spend\n2025/3/1,dy_a,2025-03-01 00:00:00,10\n"
                                     "2025-03-01,dy_a,2025/3/1 13:00,20\n")
    # Hours 0 and 13 of 03-01: 10 + 20 = 30, one row of two parts.
    report = read_report([path], HORIZON)
    assert [(row.day, row.spend) for row in report.rows] == [(datetime.date(2025, 3, 1), 30.0)]
    assert report.sources[0].parts == 1


def test_a_workbooks_hour_cell_of_another_date_than_its_row_is_refused(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    for row in [["date", "campaign", "hour", "spend"], [datetime.date(2025, 3, 1), "dy_a", datetime.time(0), 10],
                [datetime.date(2025, 3, 1), "dy_a", datetime.datetime(2025, 3, 1, 1), 10],
                [datetime.date(2025, 3, 1), "dy_a", datetime.datetime(2025, 3, 2, 2), 10]]:
        book.active.append(row)
    path = tmp_path / "h.xlsx"
    book.save(path)
    # Its time and its date are Excel's: 2025-03-02 02:00:00 is no hour of 2025-03-01, whatever the cell shows.
    assert export_errors([path], HORIZON) == [
        f"{path}:4:3: hour: expected an hour of the row's date 2025-03-01, found '2025-03-02 02:00:00'"]
