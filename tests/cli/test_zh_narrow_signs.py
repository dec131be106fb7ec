"""Chinese at narrow widths: a relational sign is never a line of its own, and a quoted example stays whole.

At 16 columns run's figure table has 12 cells for its labels, and 单用户 CAC 回收期（月，≤ ltv_months） left ≤ on a line
of its own above ltv_months）, which then read as no bound of anything: ≤ ltv_months） takes 14 cells, so the sign ends
the line before (（月，≤), as a relation ends a line in print. Where the sign and what it bounds fit, they share a
line. A quoted example with a space in it ('出价降低: 抖音CPA.bid=10' of compare --help) was broken at its space even
where the whole quote fits the line; it is kept whole as a quote without a space is.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_runner import invoke
from rich.text import Text

from aigc_roi.cli.help_frame import wrap_columns
from aigc_roi.present.wrap import cjk_lines

ROOT = Path(__file__).resolve().parents[2]
STARTER = ROOT / "scenarios" / "starter.yaml"
SIGNS = {"<", ">", "≤", "≥", "<=", ">=", "=", "≈", "~", "≠", "→"}


def _cells(text: str) -> list[str]:
    """The text of each line of a view, inside a table's borders."""
    return [line.strip(" │|╭╮╰╯─") for line in text.splitlines()]


@pytest.mark.parametrize("width", [14, 16, 17, 20, 24, 30, 36, 40])
def test_no_line_of_run_is_a_lone_sign(width: int) -> None:
    result = invoke(["--lang", "zh", "run", str(STARTER)], env={"COLUMNS": str(width), "NO_COLOR": "1"})
    assert result.exit_code in (0, 1), result.stderr
    assert [cell for cell in _cells(result.stdout) if cell in SIGNS] == [], result.stdout


def test_a_sign_too_wide_with_its_word_ends_the_line_before() -> None:
    """16 columns: a label column of 16 - 4 = 12 cells; （月，≤ is 7 cells, ltv_months） 12, ≤ ltv_months） 14."""
    result = invoke(["--lang", "zh", "run", str(STARTER)], env={"COLUMNS": "16", "NO_COLOR": "1"})
    cells = _cells(result.stdout)
    at = cells.index("（月，≤")
    assert cells[at + 1] == "ltv_months）"


def test_a_sign_stays_with_what_it_bounds_where_they_fit() -> None:
    """18 columns: 14 cells, ≤ ltv_months） fits them."""
    result = invoke(["--lang", "zh", "run", str(STARTER)], env={"COLUMNS": "18", "NO_COLOR": "1"})
    assert "≤ ltv_months）" in _cells(result.stdout)


@pytest.mark.parametrize(("text", "width", "lines"), [
    # = T's bound: 'T =' is 3 cells, '= total_budget_months' 21 of 14.
    ("上限：T = total_budget_months", 14, ["上限：", "T =", "total_budget_months"]),
    # A number wider than the line with its sign: the sign ends the line before.
    ("回本（月，≤ 1,000,000,000,000）", 14, ["回本", "（月，≤", "1,000,000,000,000）"]),
    ("回本（月，≥ max_payback_months）", 18, ["回本", "（月，≥", "max_payback_months）"]),
])
def test_a_cell_ends_a_line_with_a_sign_rather_than_leave_it_alone(text: str, width: int, lines: list[str]) -> None:
    assert cjk_lines(Text(text), width, cell=True).plain.split("\n") == lines


def test_compare_help_keeps_a_quoted_example_with_a_space_whole() -> None:
    """The runner's help is 80 columns: --variant's text has 80 - 34 - 2 = 44 cells a line, and the quote 26."""
    result = invoke(["--lang", "zh", "compare", "--help"])
    assert result.exit_code == 0
    assert re.search(r"^ +'出价降低: 抖音CPA\.bid=10'（可重复）。$", result.stdout, re.MULTILINE), result.stdout


VARIANT = "对这一个 FILE 增加一列假设，例如 '出价降低: 抖音CPA.bid=10'（可重复）。"
"""compare --variant's help: its quote is 26 cells."""


@pytest.mark.parametrize(("width", "pieces"), [
    (26, ["'出价降低: 抖音CPA.bid=10'"]),
    (30, ["'出价降低: 抖音CPA.bid=10'"]),
    # Below 26 it cannot be whole: broken at its space, not inside a word.
    (25, ["'出价降低:", "抖音CPA.bid=10'"]),
])
def test_help_keeps_a_quote_whole_where_it_fits(width: int, pieces: list[str]) -> None:
    lines = wrap_columns(VARIANT, width)
    at = next(number for number, line in enumerate(lines) if "'" in line)
    assert lines[at][lines[at].index("'"):] == pieces[0] and lines[at + 1:at + len(pieces)] == pieces[1:]
