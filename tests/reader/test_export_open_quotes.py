"""A quote left open in a CSV export is refused at the quote (reader/exports/open_quotes.py): never closed, it was
refused where the file ended, for cells the last row lacked (`5:3: spend: expected 3 cells as the header has, found
2`); closed by a stray quote rows below, it folded the rows between into one campaign's name without a word (four
data lines read as two rows, spend 15 of 26). A cell of several lines that takes in no row is its text."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from export_files import HORIZON, refusals, written

from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.exports import read_report

LEFT_OPEN = "a quote left open takes the lines below it into its cell"


def _open_to_the_end(last: int) -> str:
    return f"expected the quote opened here to close, found it open to the end of the file (line {last}); {LEFT_OPEN}"


def _folding(closed: int, taken: int, day: str) -> str:
    return (f"expected the quote opened here to close before the next row, found it closing on line {closed}, its cell "
            f"taking in line {taken}, a row of {day}; {LEFT_OPEN}")


def test_a_quote_never_closed_is_refused_where_it_opens(tmp_path: Path) -> None:
    # '2025-01-05,' is 11 characters: the quote is column 12 of line 2; the file's last line is 5.
    path = written(tmp_path, 'date,campaign,spend\n2025-01-05,"dy_a,5\n2025-01-06,dy_b,6\n2025-01-07,dy_c,7\n'
                             '2025-01-08,dy_d,8\n')
    (error,) = refusals(path)
    assert error == f"{path}:2:12: campaign: {_open_to_the_end(5)}"
    assert translate(error.split(": ", 2)[2]) == (
        "此处打开的引号应当闭合，实际直到文件末尾（第 5 行）都未闭合；未闭合的引号会把下面的行都并入它的单元格")


def test_a_quote_left_open_on_the_last_line_is_refused_where_it_opens(tmp_path: Path) -> None:
    # A row of one line, its quote open to the end of the file: the rows above are read as ever.
    path = written(tmp_path, 'date,campaign,spend\n2025-01-05,dy_a,5\n2025-01-08,"dy_d,8\n')
    assert refusals(path) == [f"{path}:3:12: campaign: {_open_to_the_end(3)}"]


def test_rows_a_stray_quote_closes_are_refused_not_folded(tmp_path: Path) -> None:
    # Lines 2-4 were one row of campaign 'dy_a,5,1\n2025-01-06,dy_b,6,1\n2025-01-07,dy_c' and spend 7: line 3 is a row
    # of its own, dated 2025-01-06, and the stray quote on line 4 closes the cell.
    text = ('date,campaign,spend,new_users\n2025-01-05,"dy_a,5,1\n2025-01-06,dy_b,6,1\n2025-01-07,dy_c",7,1\n'
            '2025-01-08,dy_d,8,1\n')
    for newline in ("\n", "\r\n"):
        path = written(tmp_path, text.replace("\n", newline))
        (error,) = refusals(path)
        assert error == f"{path}:2:12: campaign: {_folding(4, 3, '2025-01-06')}"
    assert translate(error.split(": ", 2)[2]) == (
        "此处打开的引号应在下一行数据之前闭合，实际到第 4 行才闭合，把第 3 行（日期为 2025-01-06 的一行数据）并入了它的单元格；"
        "未闭合的引号会把下面的行都并入它的单元格")


def test_a_fold_over_rows_dated_yyyymmdd_is_refused(tmp_path: Path) -> None:
    # 巨量引擎's days as eight digits (docs/actuals.md): digits alone, but a date as written. '20250105,' is 9
    # characters, so the quote is column 10; line 3 is a row of its own dated 20250106 (QA: spend 20 of 40 read).
    path = written(tmp_path, 'date,campaign,spend\n20250105,"dy_a,10\n20250106,dy_b,10\n20250107,dy_c",10\n'
                             '20250108,dy_d,10\n')
    assert refusals(path) == [f"{path}:2:10: campaign: {_folding(4, 3, '20250106')}"]


def test_a_stray_quote_in_the_date_cell_of_the_next_row_is_a_fold(tmp_path: Path) -> None:
    # Read together: ['2025-01-05', 'dy_a\n2025-01-06', '5'], a row of spend 5 named over two lines.
    path = written(tmp_path, 'date,campaign,spend\n2025-01-05,"dy_a\n2025-01-06",5\n')
    assert refusals(path) == [f"{path}:2:12: campaign: {_folding(3, 3, '2025-01-06')}"]


def test_a_fold_is_found_in_the_date_column_where_it_is(tmp_path: Path) -> None:
    # The date is the second column: line 3 read alone is dy_b, 2025-01-06, 6. The quote is line 2's first character.
    path = written(tmp_path, 'campaign,date,spend\n"dy_a,2025-01-05,5\ndy_b,2025-01-06,6\ndy_c",2025-01-07,7\n')
    assert refusals(path) == [f"{path}:2:1: campaign: {_folding(4, 3, '2025-01-06')}"]


def test_a_tab_separated_fold_is_refused(tmp_path: Path) -> None:
    path = written(tmp_path, 'date\tcampaign\tspend\n2025-01-05\t"dy_a\t5\n2025-01-06\tdy_b\t6\n2025-01-07\tdy_c"\t7\n')
    assert refusals(path) == [f"{path}:2:12: campaign: {_folding(4, 3, '2025-01-06')}"]


@pytest.mark.parametrize("text", [
    # An ad's text over two lines, in a column no shape reads.
    'date,campaign,ad_text,spend\n2025-01-05,dy_a,"Buy now\nLimited offer",5\n',
    # Its second line a number where the date column is: a number is no date written as one.
    'campaign,date,ad_text,spend\ndy_a,2025-01-05,"Buy\n5",5\n',
    # Eight digits below that are no calendar date (month 13): an order number, not a row.
    'campaign,date,ad_text,spend\ndy_a,2025-01-05,"Order\n20251399",5\n',
    # Quotes doubled inside it.
    'date,campaign,ad_text,spend\n2025-01-05,dy_a,"say ""hi""\nthere, 2025-01-06",5\n',
], ids=["two-lines", "a-number-below", "eight-digits-no-date", "doubled-quotes"])
def test_a_cell_of_several_lines_that_takes_in_no_row_is_its_text(tmp_path: Path, text: str) -> None:
    (row,) = read_report([written(tmp_path, text)], HORIZON).rows
    assert (row.campaign, row.spend) == ("dy_a", 5.0)


def test_the_command_refuses_the_fold_in_english_and_chinese(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("name: Quotes\nstart: 2025-01\nhorizon_months: 6\nacquisition:\n"
                    "  - {name: A, type: cpa, bid: 10, budget: 1000, match: ['dy_*']}\n"
                    "retention: {monthly_churn: 0.5}\n"
                    "monetization:\n  purchases:\n    - {name: Pack, price: 10, rate: 1}\n", encoding="utf-8")
    export = written(tmp_path, 'date,campaign,spend\n2025-01-05,"dy_a,5\n2025-01-06,dy_b,6\n2025-01-07,dy_c",7\n')
    english = invoke(["actuals", str(plan), str(export)])
    assert english.exit_code == 2 and english.stdout == ""
    assert english.stderr == f"{export}:2:12: campaign: {_folding(4, 3, '2025-01-06')}\n"
    chinese = invoke(["actuals", str(plan), str(export), "--lang", "zh"])
    assert chinese.stderr.startswith(f"{export}:2:12: campaign: 此处打开的引号应在下一行数据之前闭合，实际到第 4 行才闭合")
