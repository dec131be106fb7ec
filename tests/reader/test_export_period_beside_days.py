"""A period column beside a column of days under another name (review of 4007b31d): ``统计日期,周,...`` with
``2025-03-03`` and the week number ``10`` was refused at ``周`` ('export the report broken down by day'), though its
rows are days and re-exporting by day gives the same refusal; the hint to rename ``统计日期`` was dropped. A period
column is refused only where no other column's cells are dates of single days and none is a day of the month;
otherwise the header is told to rename the column of days (or join ``Year,Month,Day of month``), and, renamed, the
period column is ignored as any unknown column is."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from export_files import HORIZON, refusals, written

from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.exports import read_report

GOOGLE_DAYS = "(Day|Tag|Jour|Día|Dia)"
CONSOLE_DAYS = "(日期|时间)"


def _rename(found: str, shape: str, days: str, column: str) -> str:
    return (f"header: expected the columns of a known export, found {found}; {shape} export reads its days from a "
            f"column named {days}, and none is: '{column}' holds dates, so name it one of them")


@pytest.mark.parametrize(("text", "told"), [
    ("统计日期,周,计划名称,消耗,激活数\n2025-03-03,10,dy_a,100,3\n",
     _rename("统计日期, 周, 计划名称, 消耗, 激活数", "an ad console (Chinese headers)", CONSOLE_DAYS, "统计日期")),
    ("Datum,Kampagne,Kosten,Impr.,Klicks,Conversions,Monat\n2025-03-03,g_a,100,1,1,1,März\n",
     _rename("Datum, Kampagne, Kosten, Impr., Klicks, Conversions, Monat", "a Google Ads", GOOGLE_DAYS, "Datum")),
    ("Time,Campaign,Cost,Impr.,Clicks,Conversions,Week\n2025-03-03,g_a,100,1,1,1,10\n",
     _rename("Time, Campaign, Cost, Impr., Clicks, Conversions, Week", "a Google Ads", GOOGLE_DAYS, "Time")),
    # (A period column of dates beside Time is refused at the period column: test_export_period_starts.py.)
])
def test_a_column_of_days_beside_a_period_column_is_told_to_be_renamed(tmp_path: Path, text: str, told: str) -> None:
    path = written(tmp_path, text)
    assert refusals(path) == [f"{path}:1:1: {told}"]


@pytest.mark.parametrize(("header", "row", "parts"), [
    ("Year,Month,Day of month,Campaign,Cost,Impr.,Clicks,Conversions", "2025,3,3,g_a,100,1,1,1",
     "'Year', 'Month', 'Day of month'"),
    ("Jahr,Monat,Tag des Monats,Kampagne,Kosten,Impr.,Klicks,Conversions", "2025,3,3,g_a,100,1,1,1",
     "'Jahr', 'Monat', 'Tag des Monats'"),
])
def test_a_day_written_in_parts_is_told_to_be_joined(tmp_path: Path, header: str, row: str, parts: str) -> None:
    """Its rows are days, no year's sums: never refused at its year or month column."""
    path = written(tmp_path, f"{header}\n{row}\n")
    (told,) = refusals(path)
    assert told.startswith(f"{path}:1:1: header: expected the columns of a known export, found ")
    assert told.endswith(f"and none is: {parts} write each day in parts, so join them into one column of dates named "
                         "one of them")


def test_the_hints_read_in_chinese() -> None:
    renamed = _rename("统计日期, 周", "an ad console (Chinese headers)", CONSOLE_DAYS, "统计日期").removeprefix("header: ")
    assert translate(renamed) == ("应为已知报表的列，实际为统计日期、周；投放后台（中文表头）报表从名为 (日期|时间) 的列读取日期，"
                                  "但没有这样的列：'统计日期' 列是日期，请把它改名为其中之一")
    joined = ("expected the columns of a known export, found Year, Month; a Google Ads export reads its days from a "
              "column named (Day|Tag|Jour|Día|Dia), and none is: 'Year', 'Month', 'Day of month' write each day in "
              "parts, so join them into one column of dates named one of them")
    assert translate(joined).endswith("没有这样的列：'Year'、'Month'、'Day of month' 列分开写出每一天，"
                                      "请把它们合并为一列日期，并命名为其中之一")


@pytest.mark.parametrize("text", [
    "日期,周,计划名称,消耗,激活数\n2025-03-03,10,dy_a,100,3\n2025-03-10,11,dy_a,40,1\n",
    "Tag,Kampagne,Kosten,Impr.,Klicks,Conversions,Monat\n2025-03-03,g_a,100,1,1,3,März\n2025-03-10,g_a,40,1,1,1,März\n",
    "Day,Campaign,Cost,Impr.,Clicks,Conversions,Week\n2025-03-03,g_a,100,1,1,3,10\n2025-03-10,g_a,40,1,1,1,11\n",
])
def test_renamed_the_period_column_is_ignored(tmp_path: Path, text: str) -> None:
    """Each row is read by its day, its week number or month name aside: 100 on March 3, 40 on March 10."""
    rows = read_report([written(tmp_path, text)], HORIZON).rows
    assert [(row.day, row.spend) for row in rows] == [(datetime.date(2025, 3, 3), 100.0),
                                                      (datetime.date(2025, 3, 10), 40.0)]
