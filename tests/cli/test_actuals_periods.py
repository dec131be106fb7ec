"""`actuals` on a Google Ads report broken down by week (``Week,Campaign,Cost,...``) told the user to rename ``Week``
to ``Day``, after which the week of January 27 to February 2 was read as spent on January 27, all in January. It now
exits 2 at the ``Week`` cell, telling the user to export the report by day, in English and Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "scenarios" / "chat-assistant-cpa.yaml"


@pytest.mark.parametrize(("lang", "refusal"), [
    ("en", "gweek.csv:1:1: Week (Mon - Sun): expected a column of days, found a column of weeks; a row of a week sums "
           "its days: export the report broken down by day"),
    ("zh", "gweek.csv:1:1: Week (Mon - Sun): 应为按天的日期列，实际为按周的列；一行是一周各天的合计：请按天细分后导出报表"),
])
def test_a_report_by_week_exits_2_at_its_week_column(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str,
                                                     refusal: str) -> None:
    (tmp_path / "gweek.csv").write_text("Week (Mon - Sun),Campaign,Cost,Impr.,Clicks,Conversions\n"
                                        "2025-03-24,g_a,7000,1,1,1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke(["actuals", str(PLAN), "gweek.csv", "--lang", lang])
    assert result.exit_code == 2 and result.stdout == "" and result.stderr.splitlines() == [refusal], result.stderr


_RENAME = {"en": "{found}; {shape} export reads its days from a column named {days}, and none is: '{column}' holds "
                 "dates, so name it one of them",
           "zh": "{found}；{shape}报表从名为 {days} 的列读取日期，但没有这样的列：'{column}' 列是日期，请把它改名为其中之一"}
_FOUND = {"en": "expected the columns of a known export, found ", "zh": "应为已知报表的列，实际为"}
_SHAPES = {("en", "console"): "an ad console (Chinese headers)", ("zh", "console"): "投放后台（中文表头）",
           ("en", "google"): "a Google Ads", ("zh", "google"): "Google Ads"}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("text", "shape", "days", "column"), [
    ("统计日期,周,计划名称,消耗,激活数\n2025-03-03,10,dy_a,100,3\n", "console", "(日期|时间)", "统计日期"),
    ("Datum,Kampagne,Kosten,Impr.,Klicks,Conversions,Monat\n2025-03-03,g_a,100,1,1,1,März\n", "google",
     "(Day|Tag|Jour|Día|Dia)", "Datum"),
    ("Time,Campaign,Cost,Impr.,Clicks,Conversions,Week\n2025-03-03,g_a,100,1,1,1,10\n", "google",
     "(Day|Tag|Jour|Día|Dia)", "Time"),
])
def test_days_under_another_name_beside_a_period_column_are_told_to_be_renamed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, text: str, shape: str, days: str,
        column: str) -> None:
    """The rows are days (the period column holds week numbers or month names): never refused at the period column,
    which re-exporting by day would not change; the column of days is told to be renamed (review of 4007b31d)."""
    (tmp_path / "rep.csv").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke(["actuals", str(PLAN), "rep.csv", "--lang", lang])
    cells = text.split("\n")[0].split(",")
    found = _FOUND[lang] + ("、" if lang == "zh" else ", ").join(cells)
    if lang == "zh" and cells[0].isascii():
        found = _FOUND[lang] + " " + "、".join(cells)
    told = _RENAME[lang].format(found=found, shape=_SHAPES[lang, shape], days=days, column=column)
    assert result.exit_code == 2 and result.stderr.splitlines() == [f"rep.csv:1:1: header: {told}"], result.stderr


@pytest.mark.parametrize(("lang", "told"), [
    ("en", "a Google Ads export reads its days from a column named (Day|Tag|Jour|Día|Dia), and none is: 'Year', "
           "'Month', 'Day of month' write each day in parts, so join them into one column of dates named one of them"),
    ("zh", "Google Ads报表从名为 (Day|Tag|Jour|Día|Dia) 的列读取日期，但没有这样的列：'Year'、'Month'、'Day of month' "
           "列分开写出每一天，请把它们合并为一列日期，并命名为其中之一"),
])
def test_a_day_in_year_month_and_day_columns_is_told_to_be_joined(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  lang: str, told: str) -> None:
    """Each row is a day (2025, 3, 3 is March 3): never refused at Year as a year's sum."""
    (tmp_path / "ymd.csv").write_text("Year,Month,Day of month,Campaign,Cost,Impr.,Clicks,Conversions\n"
                                      "2025,3,3,g_a,100,1,1,1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke(["actuals", str(PLAN), "ymd.csv", "--lang", lang])
    (line,) = result.stderr.splitlines()
    assert result.exit_code == 2 and line.startswith("ymd.csv:1:1: header: ") and line.endswith(told), result.stderr


_PA = {"w6.csv": ("Week,Campaign,Campaign start date,Cost,Impr.,Clicks,Conversions\n"
                  "2025-04-07,bili_a,2025-03-15,700,1000,50,30\n2025-04-07,bili_b,2025-03-20,400,800,40,20\n", "1:1: Week"),
       "w3.csv": ("周,计划名称,创建日期,消耗,激活数\n2025-03-03,bili_a,2025-02-20,700,3\n2025-03-10,bili_a,2025-02-20,400,1\n",
                  "1:1: 周"),
       "m2.csv": ("Month,Campaign,Start date,Cost,Impr.,Clicks,Conversions\n2025-03,bili_a,2025-03-01,700,1,1,3\n"
                  "2025-04,bili_a,2025-03-01,400,1,1,1\n", "1:1: Month"),
       "w5.csv": ("Week,Campaign,Cost,Impr.,Clicks,Conversions,Day of month\n2025-03-03,bili_a,700,1,1,3,3\n"
                  "2025-03-10,bili_a,400,1,1,1,10\n", "1:1: Week"),
       "ym.csv": ("Year,Month,Campaign,Cost,Impr.,Clicks,Conversions\n2025,3,bili_a,700,1,1,3\n2025,4,bili_a,400,1,1,1\n",
                  "1:2: Month")}
_REFUSED = {("en", "week"): "expected a column of days, found a column of weeks; a row of a week sums its days: export "
                            "the report broken down by day",
            ("en", "month"): "expected a column of days, found a column of months; a row of a month sums its days: "
                             "export the report broken down by day",
            ("zh", "week"): "应为按天的日期列，实际为按周的列；一行是一周各天的合计：请按天细分后导出报表",
            ("zh", "month"): "应为按天的日期列，实际为按月的列；一行是一个月各天的合计：请按天细分后导出报表"}
_MAP = ["--map", "Bilibili CPA (registered user)=bili_*"]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", sorted(_PA))
def test_a_period_column_of_dates_is_refused_beside_any_other_dates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                    lang: str, name: str) -> None:
    """A week's or month's start beside a campaign's start or created date (or a day of the month), and Year,Month of
    numbers: the rows are weeks or months, refused at that column, never told to rename the other date (review of
    9aaf901d)."""
    text, where = _PA[name]
    (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke(["actuals", str(PLAN), name, *_MAP, "--lang", lang])
    period = "month" if "Month" in where else "week"
    assert result.exit_code == 2 and result.stderr.splitlines() == [f"{name}:{where}: {_REFUSED[lang, period]}"], \
        result.stderr


@pytest.mark.parametrize(("lang", "told"), [
    ("en", "w6r.csv:2:1: Week: found the week of 2025-04-07 beside 'Day' 2025-03-15, no day of that week; a row of a "
           "week sums its days: export the report broken down by day"),
    ("zh", "w6r.csv:2:1: Week: 本行的周是 2025-04-07 起的一周，而 'Day' 为 2025-03-15，不在其中；一行是一周各天的合计："
           "请按天细分后导出报表"),
])
def test_a_start_date_renamed_day_beside_a_week_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str,
                                                           told: str) -> None:
    """It exited 0, 'ignored: Week', the April week's 1,100 booked on March 15 and 20."""
    (tmp_path / "w6r.csv").write_text("Week,Campaign,Day,Cost,Impr.,Clicks,Conversions\n"
                                      "2025-04-07,bili_a,2025-03-15,700,1000,50,30\n"
                                      "2025-04-07,bili_b,2025-03-20,400,800,40,20\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke(["actuals", str(PLAN), "w6r.csv", *_MAP, "--lang", lang])
    assert result.exit_code == 2 and result.stderr.splitlines() == [told], result.stderr
