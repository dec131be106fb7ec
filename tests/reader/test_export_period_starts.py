"""A period column of dates beside another column of dates (review of 9aaf901d): ``Week,Campaign,Campaign start
date,...`` with ``2025-04-07`` and ``2025-03-15`` was told "'Campaign start date' holds dates, so name it one of
them"; renamed ``Day``, it exited 0 with ``ignored: Week`` and the April week's spend booked in March. A period column
whose cells name their year (a week's or month's start) says the rows are periods: it is refused at that column
whatever other column holds dates (a start, created or export date), and a ``Day`` column whose day is no day of its
row's period is refused at that row's period cell. ``Year,Month`` of numbers, no day column, is refused at Month."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from export_files import HORIZON, refusals, written

from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.exports import read_report


def _refused(period: str) -> str:
    return (f"expected a column of days, found a column of {period}s; a row of a {period} sums its days: export the "
            "report broken down by day")


@pytest.mark.parametrize(("text", "column", "header", "period"), [
    ("Week,Campaign,Campaign start date,Cost,Impr.,Clicks,Conversions\n2025-04-07,g_a,2025-03-15,700,1,1,3\n"
     "2025-04-07,g_b,2025-03-20,400,1,1,1\n", 1, "Week", "week"),
    ("周,计划名称,创建日期,消耗,激活数\n2025-03-03,dy_a,2025-02-20,700,3\n2025-03-10,dy_a,2025-02-20,400,1\n",
     1, "周", "week"),
    ("Month,Campaign,Start date,Cost,Impr.,Clicks,Conversions\n2025-03,g_a,2025-03-01,700,1,1,3\n"
     "2025-04,g_a,2025-03-01,400,1,1,1\n", 1, "Month", "month"),
    ("月份,计划名称,开始日期,消耗,激活数\n2025年3月,dy_a,2025-03-01,700,3\n", 1, "月份", "month"),
    # A day of the month beside a column of week starts: the rows are still weeks.
    ("Week,Campaign,Cost,Impr.,Clicks,Conversions,Day of month\n2025-03-03,g_a,700,1,1,3,3\n", 1, "Week", "week"),
    # The dates beside may even fall in the week (a campaign started that week): still the week's sum.
    ("Week,Campaign,Cost,Impr.,Clicks,Conversions,Time\n2025-03-03,g_a,100,1,1,1,2025-03-05\n", 1, "Week", "week"),
    # Year and Month of numbers, no day: a row of a month, refused at Month, never at Year.
    ("Year,Month,Campaign,Cost,Impr.,Clicks,Conversions\n2025,3,g_a,700,1,1,3\n2025,4,g_a,400,1,1,1\n",
     2, "Month", "month"),
    ("年,月,计划名称,消耗,激活数\n2025,3,dy_a,700,3\n", 2, "月", "month"),
])
def test_a_period_column_of_dates_is_refused_whatever_date_stands_beside(tmp_path: Path, text: str, column: int,
                                                                         header: str, period: str) -> None:
    path = written(tmp_path, text)
    assert refusals(path)[0] == f"{path}:1:{column}: {header}: {_refused(period)}"


@pytest.mark.parametrize(("text", "told"), [
    # A start date renamed Day: the week of April 7 holds no March 15.
    ("Week,Campaign,Day,Cost,Impr.,Clicks,Conversions\n2025-04-07,g_a,2025-03-15,700,1,1,3\n",
     "2:1: Week: found the week of 2025-04-07 beside 'Day' 2025-03-15, no day of that week"),
    ("周,计划名称,日期,消耗,激活数\n2025-03-10,dy_a,2025-03-01,700,3\n",
     "2:1: 周: found the week of 2025-03-10 beside '日期' 2025-03-01, no day of that week"),
    # The week of Monday March 24 ends on Sunday March 30: March 31 is of the next.
    ("Day,Week,Campaign,Cost,Impr.,Clicks,Conversions\n2025-03-30,2025-03-24,g_a,1,1,1,1\n"
     "2025-03-31,2025-03-24,g_a,1,1,1,1\n",
     "3:2: Week: found the week of 2025-03-24 beside 'Day' 2025-03-31, no day of that week"),
    ("Month,Campaign,Day,Cost,Impr.,Clicks,Conversions\n2025-04-01,g_a,2025-03-01,700,1,1,3\n",
     "2:1: Month: found the month of 2025-04-01 beside 'Day' 2025-03-01, no day of that month"),
])
def test_a_day_column_whose_day_is_no_day_of_its_period_is_refused(tmp_path: Path, text: str, told: str) -> None:
    path = written(tmp_path, text)
    period = told.split(": found the ")[1].split(" ")[0]
    assert refusals(path) == [f"{path}:{told}; a row of a {period} sums its days: export the report broken down by day"]


def test_a_day_beside_its_own_week_and_month_is_read(tmp_path: Path) -> None:
    """Google's Day, Week and Month segments together: each day of its week (March 30 of the week from March 24, a
    Monday; March 31 of the next) and month is read by its day."""
    path = written(tmp_path, "Day,Week,Month,Campaign,Cost,Impr.,Clicks,Conversions\n"
                             "2025-03-30,2025-03-24,2025-03-01,g_a,300,1,1,1\n"
                             "2025-03-31,2025-03-31,2025-03-01,g_a,700,1,1,1\n")
    rows = read_report([path], HORIZON).rows
    assert [(row.day, row.spend) for row in rows] == [(datetime.date(2025, 3, 30), 300.0),
                                                      (datetime.date(2025, 3, 31), 700.0)]


def test_a_day_beside_its_week_named_by_its_last_day_is_read(tmp_path: Path) -> None:
    """A week named by its last day (a Mon-Sun week ending on Sunday March 2 holds Saturday March 1; the week ending
    Sunday March 9 holds Monday March 3) beside Day is read by its day, as before be426dc6 (review: refused)."""
    path = written(tmp_path, "Day,Week,Campaign,Cost,Impr.,Clicks,Conversions\n"
                             "2025-03-01,2025-03-02,g_a,300,1,1,1\n"
                             "2025-03-03,2025-03-09,g_a,700,1,1,1\n")
    rows = read_report([path], HORIZON).rows
    assert [(row.day, row.spend) for row in rows] == [(datetime.date(2025, 3, 1), 300.0),
                                                      (datetime.date(2025, 3, 3), 700.0)]


def test_a_column_of_week_numbers_beside_days_is_still_read_as_days(tmp_path: Path) -> None:
    """Labels, no dates: 统计日期 is told to be renamed, and renamed the week numbers are ignored (9aaf901d)."""
    (told,) = refusals(written(tmp_path, "统计日期,周,计划名称,消耗,激活数\n2025-03-03,10,dy_a,100,3\n"))
    assert told.endswith("'统计日期' holds dates, so name it one of them")


def test_the_day_outside_its_period_reads_in_chinese() -> None:
    assert translate("found the week of 2025-04-07 beside 'Day' 2025-03-15, no day of that week; a row of a week sums "
                     "its days: export the report broken down by day") == (
        "本行的周是 2025-04-07 起的一周，而 'Day' 为 2025-03-15，不在其中；一行是一周各天的合计：请按天细分后导出报表")
