"""A campaign's name or id holding a line break is refused at its cell, in every export that can hold one
(reader/exports/broken_names.py): a quoted CSV or TSV cell of several lines that takes in no row, a workbook's text
cell (Excel's Alt+Enter). Read before without a word, 'dy_a\\nsummer' matched the channel of glob dy_* and
'Promo\\nsummer' no channel, shown over two lines in the unmatched table."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from export_files import HORIZON, refusals, workbook, write_export, written

from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.exports import read_report

DY_A = "'dy_a\\nsummer'"
"""'dy_a' and 'summer' on two lines, as an error shows the name: its line break written out."""
PROMO = "'Promo\\nsummer'"
ID = "'1790\\n001'"


def _refused(what: str, found: str) -> str:
    return (f"expected a campaign {what} on one line, found {found}; no platform writes a line break in a campaign's "
            f"{what} (Excel's Alt+Enter puts one in a cell): delete it from the cell")


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["LF", "CRLF"])
def test_a_quoted_csv_name_of_two_lines_is_refused_at_its_cell(tmp_path: Path, newline: str) -> None:
    # The name is the second column of the row starting on line 2; Excel writes LF inside a cell whatever the lines end
    # in. Line 4 is read as ever: one error.
    path = written(tmp_path, f'date,campaign,spend{newline}2025-01-05,"dy_a\nsummer",5{newline}2025-01-06,dy_b,6{newline}')
    assert refusals(path) == [f"{path}:2:2: campaign: {_refused('name', DY_A)}"]


def test_a_tab_separated_name_and_excels_unicode_text(tmp_path: Path) -> None:
    text = 'date\tcampaign\tspend\r\n2025-01-05\t"Promo\nsummer"\t5\r\n'
    for name, encoding in (("tsv.csv", "utf-8"), ("unicode.txt", "utf-16")):
        path = write_export(tmp_path, name, text, encoding)
        assert refusals(path) == [f"{path}:2:2: campaign: {_refused('name', PROMO)}"]


def test_the_cell_is_located_on_the_line_it_starts_on(tmp_path: Path) -> None:
    # A note of two lines (2 and 3) before it: the name opens on line 3, column 3; the row ends on line 4.
    path = written(tmp_path, 'date,note,campaign,spend\n2025-01-05,"two\nlines","dy_a\nsummer",5\n')
    assert refusals(path) == [f"{path}:3:3: campaign: {_refused('name', DY_A)}"]


def test_a_campaign_id_of_two_lines_is_refused(tmp_path: Path) -> None:
    path = written(tmp_path, 'stat_time_day,campaign_name,campaign_id,stat_cost,active\n'
                             '2025-01-05,dy_a,"1790\n001",100,5\n')
    assert refusals(path) == [f"{path}:2:3: campaign_id: {_refused('id', ID)}"]


@pytest.mark.parametrize("name", ["dy_a\nsummer", "dy_a\u2028summer", "dy_a\rsummer", "dy_a\x85summer"],
                         ids=["LF", "line-separator", "CR", "NEL"])
def test_a_workbooks_text_cell_with_a_line_break_is_refused(tmp_path: Path, name: str) -> None:
    path = workbook(tmp_path / "book.xlsx", {"报表": [["date", "campaign", "spend"], ["2025-01-05", "dy_b", 6],
                                                    ["2025-01-06", name, 5]]})
    (error,) = refusals(path)
    assert error.startswith(f"{path}:3:2: campaign: expected a campaign name on one line, found 'dy_a\\")


def test_a_long_name_is_shown_around_its_break(tmp_path: Path) -> None:
    # 50 letters, the break, 30 more: 20 before the break and 17 from it are shown, '...' either side.
    name = "a" * 50 + "\n" + "b" * 30
    path = written(tmp_path, f'date,campaign,spend\n2025-01-05,"{name}",5\n')
    shown = "'..." + "a" * 20 + "\\n" + "b" * 16 + "...'"
    assert refusals(path) == [f"{path}:2:2: campaign: {_refused('name', shown)}"]


@pytest.mark.parametrize("name", ["dy_a\tsummer", "dy_a\u00a0summer", "dy_a\u200bsummer", "抖音\u3000拉新"],
                         ids=["tab", "no-break-space", "zero-width-space", "ideographic-space"])
def test_a_name_with_other_unprintable_characters_is_read_as_written(tmp_path: Path, name: str) -> None:
    (row,) = read_report([written(tmp_path, f'date,campaign,spend\n2025-01-05,"{name}",5\n')], HORIZON).rows
    assert (row.campaign, row.spend) == (name, 5.0)


def test_the_command_refuses_it_in_english_and_chinese(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("name: Breaks\nstart: 2025-01\nhorizon_months: 6\nacquisition:\n"
                    "  - {name: A, type: cpa, bid: 10, budget: 1000, match: ['dy_*']}\n"
                    "retention: {monthly_churn: 0.5}\n"
                    "monetization:\n  purchases:\n    - {name: Pack, price: 10, rate: 1}\n", encoding="utf-8")
    export = written(tmp_path, 'date,campaign,spend\n2025-01-05,"dy_a\nsummer",5\n2025-01-06,dy_b,6\n')
    english = invoke(["actuals", str(plan), str(export)])
    assert (english.exit_code, english.stdout) == (2, "")
    assert english.stderr == f"{export}:2:2: campaign: {_refused('name', DY_A)}\n"
    chinese = invoke(["actuals", str(plan), str(export), "--lang", "zh"])
    assert (chinese.exit_code, chinese.stdout) == (2, "")
    assert chinese.stderr == (f"{export}:2:2: campaign: 应为写在一行内的计划名称，实际为 'dy_a\\nsummer'；投放平台的计划名称不含换行"
                              f"（Excel 中按 Alt+Enter 会在单元格里插入换行）：请从单元格中删除它\n")
    assert translate(_refused("id", "'1\\n2'")) == ("应为写在一行内的计划 ID，实际为 '1\\n2'；投放平台的计划 ID 不含换行"
                                                    "（Excel 中按 Alt+Enter 会在单元格里插入换行）：请从单元格中删除它")
