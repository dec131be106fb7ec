"""`actuals` (QA round 2): a cell not reported blanks its own channel-month alone and is named (finding 6); an
export that falls well short of --through or --from is named (5)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from actuals_plans import two_channel_plan
from cli_runner import invoke

from aigc_roi import api

PLAN = two_channel_plan("Reported test")

DAYS = [datetime.date(2025, 3, 1) + datetime.timedelta(days=n) for n in range(61)]
"""2025-03-01 .. 2025-04-30: 31 + 30 days."""
ONE_UNREPORTED = "日期,计划名称,消耗(元),激活数\n" + "".join(
    f"{day},抖音A,{0 if day.day == 30 and day.month == 4 else 1200},{'N/A' if day.day == 30 and day.month == 4 else 100}\n"
    for day in DAYS)
"""1,200 spent and 100 users a day, but 04-30 (line 62): nothing spent, its 激活数 N/A (the QA report's NR2)."""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def test_a_cell_not_reported_blanks_its_own_month_alone(tmp_path: Path, plan: Path) -> None:
    export = tmp_path / "nr.csv"
    export.write_text(ONE_UNREPORTED, encoding="utf-8")
    march, april = api.actuals(api.load(plan), [export]).channels[0].months
    # March as reported: 31 x 100 = 3,100 users for 31 x 1,200 = 37,200, a CAC of 12.
    assert (march.actual.users, march.actual.cac, march.not_reported) == (3_100, 12, ())
    # April: 29 x 1,200 = 34,800 spent; its users, and the CAC from them, none, the row named.
    assert (april.actual.spend, april.actual.users, april.actual.cac) == (34_800, None, None)
    assert [(row.metric, row.line, row.column, row.header) for row in april.not_reported] == [("users", 62, 4, "激活数")]


def test_an_export_without_the_column_blanks_the_months_it_covers(tmp_path: Path, plan: Path) -> None:
    march = tmp_path / "march.csv"
    march.write_text("日期,计划名称,消耗(元)\n2025-03-01,抖音A,1000\n2025-03-31,抖音A,1000\n", encoding="utf-8")
    april = tmp_path / "april.csv"
    april.write_text("stat_time_day,campaign_name,stat_cost,active\n2025-04-01,dy_b,900,75\n2025-04-30,dy_b,900,75\n",
                     encoding="utf-8")
    months = api.actuals(api.load(plan), [march, april]).channels[0].months
    # March's export has no 激活数: none, and no row to name; April's has: 75 + 75 = 150 for 1,800, a CAC of 12.
    assert [(month.actual.spend, month.actual.users, month.actual.cac, month.not_reported) for month in months] == [
        (2_000, None, None, ()), (1_800, 150, 12, ())]


def test_the_output_marks_and_names_the_row_not_reported(tmp_path: Path, plan: Path) -> None:
    export = tmp_path / "nr.csv"
    export.write_text(ONE_UNREPORTED, encoding="utf-8")
    table = invoke(["actuals", str(plan), str(export)], env={"COLUMNS": "200"}).stdout
    assert "2025-04‡" in table
    assert (f"‡ not reported in a row's cell (such as N/A), so none in that month: 2025-04 new users (first at {export}:62:4, "
            "column '激活数')") in table
    zh = invoke(["actuals", str(plan), str(export), "--lang", "zh", "-f", "markdown"]).stdout
    assert f"- Douyin CPA: ‡ 某行的单元格未报告数值（如 N/A），该月此项为空：2025-04 新增用户（首次在 {export}:62:4，'激活数' 列）" in zh
    data = json.loads(invoke(["actuals", str(plan), str(export), "-f", "json"]).stdout)
    assert [month["not_reported"] for month in data["channels"][0]["months"]] == [
        [], [{"metric": "users", "file": str(export), "line": 62, "column": 4, "header": "激活数"}]]
    rows = invoke(["actuals", str(plan), str(export), "-f", "csv"]).stdout.splitlines()
    assert rows[0].endswith(",not_reported,covered,currency") and rows[1].endswith(",,1,CNY")
    assert rows[2].endswith(",users,1,CNY")


def test_the_reforecast_names_the_row_that_left_its_users_unreported(tmp_path: Path, plan: Path) -> None:
    export = tmp_path / "nr.csv"
    export.write_text(ONE_UNREPORTED, encoding="utf-8")
    out = tmp_path / "rf.yaml"
    result = invoke(["actuals", str(plan), str(export), "--reforecast", str(out)])
    assert result.exit_code == 2 and not out.exists()
    assert result.stderr == (f"aigc-roi: Douyin CPA 2025-04: the exports report no new users (activations) at {export}:62:4 in "
                             "column '激活数', so the re-forecast cannot set that month's users\n")
    zh = invoke(["actuals", str(plan), str(export), "--reforecast", str(out), "--lang", "zh"])
    assert zh.stderr == (f"aigc-roi: Douyin CPA 2025-04：报表在 {export}:62:4（'激活数' 列）未报告新增用户（激活）数，"
                         "重新预测无法设置该月的用户数\n")


def _daily(header: str, first: datetime.date, last: datetime.date, row: str) -> str:
    days = (last - first).days + 1
    return header + "".join(f"{first + datetime.timedelta(days=n)},{row}\n" for n in range(days))


def test_an_export_that_ends_long_before_through_is_named(tmp_path: Path, plan: Path) -> None:
    """The QA report's TH_dy_0301_0430.csv and TH_gdt_0301_0331.csv with --through 2025-04-30: Tencent was exported
    for March only, and its April read as a month of no spend."""
    douyin = tmp_path / "dy.csv"
    douyin.write_text(_daily("stat_time_day,campaign_name,stat_cost,active\n", DAYS[0], DAYS[-1], "dy_a,1000,80"),
                      encoding="utf-8")
    tencent = tmp_path / "gdt.csv"
    tencent.write_text(_daily("date,adgroup_name,cost,activated_count\n", DAYS[0], datetime.date(2025, 3, 31),
                              "gdt_a,200000,130"), encoding="utf-8")
    args = ["actuals", str(plan), str(douyin), str(tencent), "--through", "2025-04-30", "-f", "json"]
    result = invoke(args)
    assert result.exit_code == 0
    # 04-30 - 03-31 = 30 days.
    lines = [f"{tencent}: rows end 2025-03-31, 30 days before --through 2025-04-30",
             "  read as spending nothing after 2025-03-31, as paused campaigns would",
             "  if it was exported only through 2025-03-31, leave out --through"]
    assert result.stderr.splitlines()[:3] == lines
    message = "; ".join(line.strip() for line in lines)
    assert json.loads(result.stdout)["warnings"] == [
        {"code": "export_ends_early", "file": str(tencent), "row_day": "2025-03-31", "stated": "2025-04-30", "days": 30,
         "message": message}]
    zh = invoke([*args, "--lang", "zh"])
    assert zh.stderr.splitlines()[:3] == [f"{tencent}：数据行止于 2025-03-31，比 --through 2025-04-30 早 30 天",
                                          "  其广告计划在 2025-03-31 之后按广告支出为零计（如同已暂停）",
                                          "  如果该报表只导出到 2025-03-31，请去掉 --through"]
    # Seven days short is a campaign's pause, not worth a word: 04-30 - 04-23 = 7.
    tencent.write_text(_daily("date,adgroup_name,cost,activated_count\n", DAYS[0], datetime.date(2025, 4, 23),
                              "gdt_a,200000,130"), encoding="utf-8")
    assert json.loads(invoke(args).stdout)["warnings"] == []


def test_an_export_that_starts_long_after_from_is_named(tmp_path: Path, plan: Path) -> None:
    late = tmp_path / "late.csv"
    late.write_text(_daily("stat_time_day,campaign_name,stat_cost\n", datetime.date(2025, 3, 10),
                           datetime.date(2025, 3, 31), "dy_a,1000"), encoding="utf-8")
    result = invoke(["actuals", str(plan), str(late), "--from", "2025-03-01", "-f", "json"])
    # 03-10 - 03-01 = 9 days.
    assert json.loads(result.stdout)["warnings"][0]["message"] == (
        f"{late}: rows start 2025-03-10, 9 days after --from 2025-03-01; read as spending nothing before 2025-03-10, "
        "as campaigns yet to start would; if it was exported only from 2025-03-10, leave out --from")


@pytest.mark.parametrize(("lang", "named"), [("zh", "新增用户"), ("en", "new users")])
def test_the_workbook_names_the_metric_not_reported_as_the_terminal_does(tmp_path: Path, plan: Path, lang: str,
                                                                          named: str) -> None:
    """QA zh3 F9: the xlsx's 未报告 column is for people, as its headers are: 新增用户 (new users), not the CSV's key `users`."""
    import openpyxl

    export = tmp_path / "nr.csv"
    export.write_text(ONE_UNREPORTED, encoding="utf-8")
    target = tmp_path / "a.xlsx"
    result = invoke(["actuals", str(plan), str(export), "-f", "xlsx", "-o", str(target), "--lang", lang])
    assert result.exit_code == 0, result.stderr
    sheet = openpyxl.load_workbook(target).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    column = header.index("未报告" if lang == "zh" else "Not reported")
    assert [row[column] for row in sheet.iter_rows(min_row=2, values_only=True)] == [None, named, None, None]
