"""A Meta row's span, Reporting starts to Reporting ends, must be its one day (docs/actuals.md, Meta Ads Manager). A
span that ends before it starts was explained as a row over |days| days summing them (01-31 to 01-01: "over 31
days"), and an empty Reporting ends was read silently as the row's one day, where a report without the column is
refused for its spans being unknown: each is now refused at its cell, every row so damaged, saying which it is."""

from __future__ import annotations

from pathlib import Path

from export_files import refusals, written

from aigc_roi.present.messages_zh import translate

HEADER = "Reporting starts,Reporting ends,Campaign name,Amount spent (CNY)\n"
REVERSED = "(a span that ends before it starts); export the report again, broken down by day"
EMPTY = ("found an empty cell; a row without its last day may sum the report's whole range: export the report broken "
         "down by day")


def test_a_span_that_ends_a_month_before_it_starts_is_said_to_be_reversed(tmp_path: Path) -> None:
    path = written(tmp_path, HEADER + "2025-01-31,2025-01-01,dy_a,100\n")
    assert refusals(path) == [
        f"{path}:2:2: Reporting ends: expected 2025-01-31, the row's own day, found 2025-01-01 {REVERSED}"]


def test_a_span_that_ends_the_day_before_it_starts_is_said_to_be_reversed(tmp_path: Path) -> None:
    path = written(tmp_path, HEADER + "2025-01-08,2025-01-07,dy_a,100\n")
    (error,) = refusals(path)
    assert error == f"{path}:2:2: Reporting ends: expected 2025-01-08, the row's own day, found 2025-01-07 {REVERSED}"
    assert translate(error.split(": ", 2)[2]) == (
        "应为本行自己的日期 2025-01-08，实际为 2025-01-07（结束早于开始的日期范围）；请按天细分后重新导出报表")


def test_an_empty_last_day_is_refused_at_its_cell(tmp_path: Path) -> None:
    # Row 2's span has no end; row 3 is one day, as a report broken down by day writes each.
    path = written(tmp_path, HEADER + "2025-01-09,,dy_b,100\n2025-01-10,2025-01-10,dy_c,100\n")
    (error,) = refusals(path)
    assert error == f"{path}:2:2: Reporting ends: expected 2025-01-09, the row's own day, {EMPTY}"
    assert translate(error.split(": ", 2)[2]) == (
        "应为本行自己的日期 2025-01-09，实际为空单元格；缺少结束日期的一行可能是报表整个日期范围的合计：请按天细分后导出报表")


def test_a_dash_for_the_last_day_is_refused_as_written(tmp_path: Path) -> None:
    path = written(tmp_path, HEADER + "2025-01-09,-,dy_b,100\n")
    assert refusals(path) == [f"{path}:2:2: Reporting ends: expected 2025-01-09, the row's own day, found '-'; "
                              "a row without its last day may sum the report's whole range: export the report broken "
                              "down by day"]


def test_every_damaged_span_is_refused_and_a_span_of_days_once(tmp_path: Path) -> None:
    # Lines 2 and 3 span 5 days each (one refusal, the first: the fix is one for the report); line 4 is reversed and
    # line 5 empty, each its own damaged cell, refused wherever it is.
    path = written(tmp_path, HEADER + "2025-01-01,2025-01-05,dy_a,1\n2025-01-06,2025-01-10,dy_a,1\n"
                                      "2025-01-12,2025-01-11,dy_a,1\n2025-01-13,,dy_a,1\n")
    assert refusals(path) == [
        f"{path}:2:2: Reporting ends: expected 2025-01-01, the row's own day, found 2025-01-05; a row over 5 days sums "
        "them: export the report broken down by day",
        f"{path}:4:2: Reporting ends: expected 2025-01-12, the row's own day, found 2025-01-11 {REVERSED}",
        f"{path}:5:2: Reporting ends: expected 2025-01-13, the row's own day, {EMPTY}"]


def test_the_chinese_ui_s_empty_last_day_is_refused_under_its_header(tmp_path: Path) -> None:
    path = written(tmp_path, "报告开始日期,报告结束日期,广告系列名称,已花费金额 (CNY)\n2025-01-09,,dy_b,100\n")
    assert refusals(path) == [f"{path}:2:2: 报告结束日期: expected 2025-01-09, the row's own day, {EMPTY}"]
