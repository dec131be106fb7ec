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
