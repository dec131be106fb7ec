"""`actuals --format xlsx`, read back with openpyxl: numbers a formula can use, each in its Excel format, under the
headers the markdown has, with sheets and headers in the ``--lang`` language as run's workbook has them."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import openpyxl
import pytest
from cli_runner import invoke
from test_actuals import EXPORT, PLAN
from test_actuals_reforecast import EXPORT as REFORECAST_EXPORT
from test_actuals_reforecast import needs_by_month

HEADERS = {
    "en": ["Channel", "Path", "Month", "Label", "Partial", "Spend plan (CNY)", "Spend actual (CNY)", "New users plan",
           "New users actual", "CAC plan (CNY)", "CAC actual (CNY)"],
    "zh": ["渠道", "路径", "月份", "标签", "不完整", "广告支出 方案 (CNY)", "广告支出 实际 (CNY)", "新增用户 方案", "新增用户 实际",
           "获客成本 方案 (CNY)", "获客成本 实际 (CNY)"],
}
SHEETS = {"en": ["actuals", "unmatched"], "zh": ["方案与实际", "未匹配广告支出"]}


def _workbook(tmp_path: Path, export: str, *args: str) -> openpyxl.Workbook:
    plan, csv = tmp_path / "plan.yaml", tmp_path / "export.csv"
    plan.write_text(PLAN, encoding="utf-8")
    csv.write_text(export, encoding="utf-8")
    target = tmp_path / "actuals.xlsx"
    result = invoke(["actuals", str(plan), str(csv), "-f", "xlsx", "-o", str(target), *args])
    assert result.exit_code == 0, result.stderr
    return openpyxl.load_workbook(target)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_actuals_xlsx_holds_numbers_a_formula_can_use(tmp_path: Path, lang: str) -> None:
    workbook = _workbook(tmp_path, EXPORT, "--lang", lang)
    assert workbook.sheetnames == SHEETS[lang]
    sheet = workbook.worksheets[0]
    assert [cell.value for cell in sheet[1]][:11] == HEADERS[lang]
    # January, Douyin: plan 100,000 / 20 = 5,000 users; actual 40,000 + 60,000 spent for 1,600 + 2,400 users: CAC 25.
    first = next(sheet.iter_rows(min_row=2, values_only=True))
    # The label a real date, the month's first day, in the format of run's months sheet: a pivot by quarter works.
    assert first[:11] == ("Douyin CPA", "acquisition[0]", 1, datetime.datetime(2025, 1, 1), False, 100_000, 100_000,
                          5_000, 4_000, 20, 25)
    assert [sheet.cell(2, column).number_format for column in (3, 4, 7, 9, 11)] == ["0", "yyyy-mm", "#,##0",
                                                                                   "#,##0", "#,##0.00"]
    # No channel matches feed_1 (Feed has no match list) nor brand_x.
    unmatched = workbook.worksheets[1]
    assert [cell.value for cell in unmatched[1]] == (["File", "Campaign", "Spend (CNY)"] if lang == "en"
                                                     else ["文件", "广告计划", "广告支出 (CNY)"])
    assert set(unmatched.iter_rows(min_row=2, values_only=True)) == {(str(tmp_path / "export.csv"), "feed_1", 40_000),
                                                                    (str(tmp_path / "export.csv"), "brand_x", 5_000)}


@pytest.mark.parametrize(("lang", "header"), [("en", "Early rev./user actual (CNY)"),
                                             ("zh", "单个新客早期收入 实际 (CNY)")])
def test_the_early_revenue_column_says_it_is_per_user(tmp_path: Path, lang: str, header: str) -> None:
    """QA zh3 F2: zh read "新客早期收入" (the new users' early revenue) over a per-user value, ~4,000 times too small."""
    sheet = _workbook(tmp_path, EXPORT, "--lang", lang).worksheets[0]
    column = [cell.value for cell in sheet[1]].index(header)
    assert sheet.cell(2, column + 1).value == 5.0  # January, Douyin: 20,000 of early revenue / 4,000 new users


@needs_by_month
@pytest.mark.parametrize(("lang", "sheet", "header"), [("en", "reforecast", ["Figure", "plan", "re-forecast", "Note"]),
                                                       ("zh", "重新预测", ["指标", "方案", "重新预测", "说明"])])
def test_the_reforecast_sheet_formats_each_figure(tmp_path: Path, lang: str, sheet: str, header: list[str]) -> None:
    workbook = _workbook(tmp_path, REFORECAST_EXPORT, "--map", "Feed=feed_*", "--reforecast", str(tmp_path / "re.yaml"),
                         "--lang", lang)
    rows = list(workbook[sheet].iter_rows())
    assert [cell.value for cell in rows[0]] == header
    npv, payback, peak, chance = rows[1:]
    assert [row[1].number_format for row in (npv, peak, chance)] == ["#,##0.00", "#,##0.00", "0.00%"]
    assert [row[2].number_format for row in (npv, peak, chance)] == ["#,##0.00", "#,##0.00", "0.00%"]
    # Six months of a 0.5 churn never earn back the ad spend, plan or re-forecast: empty cells, and a note why.
    assert (payback[1].value, payback[2].value) == (None, None)
    assert payback[3].value == ("plan: never; re-forecast: never" if lang == "en" else "方案：未回本；重新预测：未回本")
    assert npv[3].value is None
    # January bought 4,000 users instead of 5,000 for the same 100,000: 1,000 users fewer, each worth
    # 10 x (1 + 0.5 + ... + 0.5^5) = 19.6875 over the six months (no discounting, no serving).
    assert npv[2].value - npv[1].value == pytest.approx(-19_687.5)
    plan = json.loads(invoke(["run", str(tmp_path / "plan.yaml"), "-f", "json"]).stdout)["figures"]
    assert (npv[1].value, payback[1].value, peak[1].value) == (pytest.approx(plan["npv"]), plan["payback_month"],
                                                               pytest.approx(plan["peak_cash_need"]))
    assert all(0 <= row.value <= 1 for row in chance[1:3])


@pytest.mark.parametrize(("lang", "args", "own", "note"), [
    ("en", (), "days this channel's exports cover: 2025-01-01 to 2025-02-14, their first to last row (or --from/--through)",
     "days covered: 2025-01-01 to 2025-02-14, first to last row (or --from/--through)"),
    ("en", ("--through", "2025-02-20"), "days this channel's exports cover: 2025-01-01 (first row) to 2025-02-20 (--through)",
     "days covered: 2025-01-01 (first row) to 2025-02-20 (--through)"),
    ("zh", ("--from", "2025-01-01", "--through", "2025-02-20"), "此渠道报表覆盖日期：2025-01-01（--from）至 2025-02-20（--through）",
     "覆盖日期：2025-01-01（--from）至 2025-02-20（--through）"),
])
def test_each_row_of_the_actuals_sheet_says_the_days_covered(tmp_path: Path, lang: str, args: tuple[str, ...],
                                                            own: str, note: str) -> None:
    """The terminal's and markdown's coverage line, in a note column as the workbooks carry notes: the export's rows
    run from 2025-01-01 to 2025-02-14, unless --from/--through state the days it was run for. A channel's rows say the
    days of its own exports (tests/whatif/test_actuals_channel_days.py); Feed, which no row matched, every export's."""
    sheet = _workbook(tmp_path, EXPORT, "--lang", lang, *args).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][-1] == ("Note" if lang == "en" else "说明")
    assert [row[-1] for row in rows[1:]] == [own, own, note, note]  # Douyin CPA and Feed, 2025-01 and 2025-02
