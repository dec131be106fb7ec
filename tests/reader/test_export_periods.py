"""A report broken down by week or month (QA finding): ``Week,Campaign,Cost,...`` with ``2026-01-26`` for the week to
February 1 was told ``'Week' holds dates, so name it one of them``; renamed ``Day`` as told, the week's 7,000 was read
as spent on January 26, all in January, and a ``Month`` report's month on its 1st. A column of weeks, months,
quarters or years, in each language the shapes' headers are spelt in, is now refused at its header cell, the report
to be exported by day; one beside a day column is ignored, its rows read by their days."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from export_files import HORIZON, refusals, written

from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.exports import read_report
from aigc_roi.reader.exports.near_shapes import unknown_header

GOOGLE = "Campaign,Cost,Impr.,Clicks,Conversions"
OCEAN = "项目名称,项目ID,消耗(元),展示数,点击数,激活数"


def _refused(period: str) -> str:
    return (f"expected a column of days, found a column of {period}s; a row of a {period} sums its days: export the "
            "report broken down by day")


@pytest.mark.parametrize(("header", "period"), [
    ("Week", "week"), ("Week (Mon - Sun)", "week"), ("Week (Sun - Sat)", "week"), ("Month", "month"),
    ("Quarter", "quarter"), ("Year", "year"), ("By Week", "week"), ("By Month", "month"),
    ("Woche", "week"), ("Monat", "month"), ("Quartal", "quarter"), ("Jahr", "year"),  # German
    ("Semaine", "week"), ("Mois", "month"), ("Trimestre", "quarter"), ("Année", "year"),  # French
    ("Semana", "week"), ("Mes", "month"), ("Año", "year"),  # Spanish
    ("Mês", "month"), ("Ano", "year"),  # Portuguese
    ("週", "week"), ("四半期", "quarter"),  # Japanese
    ("주", "week"), ("월", "month"), ("분기", "quarter"), ("연도", "year"),  # Korean
])
def test_a_column_of_periods_is_refused_at_its_header_cell(tmp_path: Path, header: str, period: str) -> None:
    path = written(tmp_path, f"{header},{GOOGLE}\n2025-01-27,g_a,7000,1,1,1\n")
    assert refusals(path) == [f"{path}:1:1: {header}: {_refused(period)}"]


@pytest.mark.parametrize(("header", "period"), [("周", "week"), ("按周", "week"), ("月", "month"), ("按月", "month"),
                                                ("月份", "month"), ("季度", "quarter"), ("年", "year")])
def test_a_chinese_consoles_column_of_periods_is_refused_where_it_stands(tmp_path: Path, header: str,
                                                                        period: str) -> None:
    """In the third column, the cell located is the third."""
    path = written(tmp_path, f"项目名称,项目ID,{header},消耗(元),展示数,点击数,激活数\ndy_a,1790001,2025-01-27,7000,1,1,1\n")
    assert refusals(path) == [f"{path}:1:3: {header}: {_refused(period)}"]


def test_a_column_of_weeks_is_refused_in_chinese() -> None:
    assert translate(_refused("week")) == "应为按天的日期列，实际为按周的列；一行是一周各天的合计：请按天细分后导出报表"
    assert translate(_refused("month")) == "应为按天的日期列，实际为按月的列；一行是一个月各天的合计：请按天细分后导出报表"


def test_a_header_of_no_export_is_also_told_so(tmp_path: Path) -> None:
    """A column of weeks in a header no shape would read but for its date: the week's cell, then the whole header."""
    path = written(tmp_path, "Week,Foo,Bar\n2025-01-27,1,2\n")
    week, header = refusals(path)
    assert week == f"{path}:1:1: Week: {_refused('week')}"
    assert header.startswith(f"{path}:1:1: header: expected the columns of a known export (")


def test_a_column_of_weeks_is_never_offered_as_the_days(tmp_path: Path) -> None:
    """Its cells are dates, each a week's Monday: no name would make its rows days."""
    told = unknown_header(["Week", "Campaign", "Cost", "Impr.", "Clicks"], [["2025-01-27", "g_a", "7000", "1", "1"]])
    assert "holds dates" not in told and told.endswith("export the report broken down by day")


@pytest.mark.parametrize("day", ["Day", "Date", "日期"])
def test_a_day_column_beside_a_week_column_reads_the_days(tmp_path: Path, day: str) -> None:
    """Broken down by day and week, the rows are days: January 30's 300 in January, February 1's 700 in February,
    though both are of the week of January 27."""
    shape = {"Day": GOOGLE, "Date": "Campaign Name,Spend,Impressions,Taps,Installs (Tap-Through)", "日期": OCEAN}[day]
    campaign = "g_a,300,1,1,1" if day != "日期" else "dy_a,1790001,300,1,1,1"
    later = campaign.replace("300", "700")
    path = written(tmp_path, f"{day},Week,{shape}\n2025-01-30,2025-01-27,{campaign}\n2025-02-01,2025-01-27,{later}\n")
    rows = read_report([path], HORIZON).rows
    assert [(row.day, row.spend) for row in rows] == [(datetime.date(2025, 1, 30), 300.0),
                                                      (datetime.date(2025, 2, 1), 700.0)]
