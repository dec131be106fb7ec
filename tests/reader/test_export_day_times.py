"""The time of day of an export's dates, where it has no hour column (QA round 3, finding 2): a date column is an
hourly report's only where its times vary within a day. A daily report Excel re-saved, its dates at midnight on
some rows and plain on others, or one time on every row of a day, is a daily one; an hourly report Excel re-saved
as General, which writes the midnight of hour 0 as the date alone (``2025/3/1`` above ``2025/3/1 1:00``), is an
hourly one whose plain dates are hour 0, where its campaign-days were refused as given at two grains."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from export_files import export_errors
from export_files import write_export as _write

from aigc_roi.reader.exports import Horizon, read_report

openpyxl = pytest.importorskip("openpyxl")

HORIZON = Horizon.of((2025, 3), 12)
HEADER = ["date", "campaign", "spend"]


def _book(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    for row in [HEADER, *rows]:
        book.active.append(row)
    book.save(path)
    return path


def _read(path: Path) -> tuple[list[tuple[int, str, float]], tuple[str, ...], int]:
    report = read_report([path], HORIZON)
    (source,) = report.sources
    return [(row.day.day, row.campaign, row.spend) for row in report.rows], source.grain, source.parts


@pytest.mark.parametrize("dates", [("2025-03-01 00:00:00", "2025-03-01", "2025/3/2 0:00", "2025-03-02"),
                                   ("2025/3/1 0:00", "2025/3/1 0:00", "2025/3/2 0:00", "2025/3/2 0:00"),
                                   ("2025-03-01 08:00", "2025-03-01 08:00", "2025-03-02 08:00", "2025-03-02 08:00")])
def test_a_daily_csvs_dates_at_one_time_a_day_are_days(tmp_path: Path, dates: tuple[str, ...]) -> None:
    path = _write(tmp_path, "d.csv", "date,campaign,spend\n" + "".join(
        f"{date},{campaign},{spend}\n" for date, campaign, spend in zip(dates, ["dy_a", "dy_b"] * 2, [100, 200, 50, 20],
                                                                          strict=True)))
    # Four campaign-days, each its own row: nothing summed, no grain finer than a day.
    assert _read(path) == ([(1, "dy_a", 100.0), (1, "dy_b", 200.0), (2, "dy_a", 50.0), (2, "dy_b", 20.0)], (), 0)


def test_a_daily_csvs_campaign_day_at_midnight_and_plain_is_one_day_twice(tmp_path: Path) -> None:
    path = _write(tmp_path, "d.csv", "date,campaign,spend\n2025-03-01 00:00:00,dy_a,100\n2025-03-01,dy_a,100\n")
    assert export_errors([path], HORIZON) == [
        f"{path}:3:2: campaign: expected one row per day and campaign (or sum_duplicates=True), found 2025-03-01 'dy_a' "
        f"again (first at {path}:2:2)"]


def test_an_hourly_csv_excel_saved_as_general_keeps_hour_0(tmp_path: Path) -> None:
    path = _write(tmp_path, "h.csv", "date,campaign,spend\n2025/3/1,dy_a,100\n2025/3/1 1:00,dy_a,200\n"
                                     "2025/3/1 2:00,dy_a,50\n2025/3/2,dy_a,7\n2025/3/2 1:00,dy_a,3\n")
    # 03-01: hours 0, 1 and 2, 100 + 200 + 50 = 350; 03-02: hours 0 and 1, 7 + 3 = 10. Three rows summed as parts.
    assert _read(path) == ([(1, "dy_a", 350.0), (2, "dy_a", 10.0)], ("hour",), 3)


def test_hour_0_given_twice_in_an_hourly_csv_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "h.csv", "date,campaign,spend\n2025/3/1,dy_a,100\n2025/3/1 1:00,dy_a,200\n"
                                     "2025/3/1 0:00,dy_a,100\n")
    assert export_errors([path], HORIZON) == [
        f"{path}:4:2: campaign: expected one row per hour and campaign (or sum_duplicates=True), found 2025-03-01 00:00 "
        f"'dy_a' again (first at {path}:2:2)"]


def test_a_daily_workbooks_dates_at_midnight_are_days(tmp_path: Path) -> None:
    path = _book(tmp_path / "d.xlsx", [[datetime.datetime(2025, 3, 1), "dy_a", 100],
                                       [datetime.datetime(2025, 3, 1), "dy_b", 200], ["2025-03-02", "dy_a", 50],
                                       [datetime.datetime(2025, 3, 2), "dy_b", 20]])
    assert _read(path) == ([(1, "dy_a", 100.0), (1, "dy_b", 200.0), (2, "dy_a", 50.0), (2, "dy_b", 20.0)], (), 0)


def test_an_hourly_workbooks_general_serials_keep_hour_0(tmp_path: Path) -> None:
    # A date column left General holds serials: 45717 is 2025-03-01 at midnight, its fraction the time of day.
    path = _book(tmp_path / "h.xlsx", [[45717, "dy_a", 100], [45717 + 1 / 24, "dy_a", 200],
                                       [45717 + 2 / 24, "dy_a", 50]])
    # Hours 0, 1 and 2 of 03-01: 100 + 200 + 50 = 350.
    assert _read(path) == ([(1, "dy_a", 350.0)], ("hour",), 2)


def test_an_hourly_workbooks_dates_of_hour_0_at_midnight_keep_it(tmp_path: Path) -> None:
    path = _book(tmp_path / "h.xlsx", [[datetime.datetime(2025, 3, 1), "dy_a", 100],
                                       [datetime.datetime(2025, 3, 1, 1), "dy_a", 200]])
    assert _read(path) == ([(1, "dy_a", 300.0)], ("hour",), 1)
