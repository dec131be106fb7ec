"""`sensitivity` marks a move that makes a gate decide otherwise than now, and says which gate and what its channels
do (docs/formulas.md §10): before, a lower price that failed the test read as more net cash with no word why.

The plan (tests/whatif/test_sensitivity_gate_flips.py, by hand): T's test ROAS is 0.5 p / b, 1.0 now against
min_roas 0.9; a price of 16 (-20%) gives 0.8 and a bid of 12 (+20%) 0.8333, and the gate fails (T and U buy nothing
after month 1); nothing else moves the test. In a grid of the price (16, 20, 24) by the bid (8, 10, 12) the cells
(16, 10), (16, 12) and (20, 12) fail it.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.report.page import _tornado
from aigc_roi.reader.load import load_text
from aigc_roi.whatif.sensitivity import sensitivity

PLAN = """
name: a one-month test that unlocks a dear channel
horizon_months: 3
acquisition:
  - {name: T, type: cpa, bid: 10, users: 100, months: 1}
  - {name: U, type: cpa, bid: 40, users: 100, months: 2-3}
gates:
  - {name: test, after_month: 1, channels: [T], min_roas: 0.9, then: [U]}
retention: {monthly_churn: 0.5}
monetization:
  purchases:
    - {name: item, price: 20, rate: 0.5}
"""
NOTES = {
    "en": ["T bid +20%: gate 'test' fails (T, U stop after month 1).",
           "item price −20%: gate 'test' fails (T, U stop after month 1)."],
    "zh": ["T 出价 +20%：闸门“test”不通过（T、U 在第 1 月之后停止投放）。",
           "item 价格 −20%：闸门“test”不通过（T、U 在第 1 月之后停止投放）。"],
}


@pytest.fixture
def path(tmp_path: Path) -> str:
    file = tmp_path / "plan.yaml"
    file.write_text(textwrap.dedent(PLAN), encoding="utf-8")
    return str(file)


def _out(*args: str) -> str:
    result = invoke([*args, "-q"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _joined(text: str, lang: str) -> str:
    """The caption's lines as one text: a wrap adds a line break (and, in English, takes a space)."""
    lines = [line.rstrip() for line in text.splitlines()]
    return ("" if lang == "zh" else " ").join(lines)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_table_marks_the_rows_that_flip_and_says_what_the_gate_does(path: str, lang: str) -> None:
    text = _out("sensitivity", path, "--lang", lang)
    drivers = [line.split("│")[1] for line in text.splitlines() if line.startswith("│")]
    marked = {cell.strip() for cell in drivers if "†" in cell}
    driver = {"en": ("T bid †", "item price †"), "zh": ("T 出价 †", "item 价格 †")}[lang]
    assert marked == set(driver)
    joined = _joined(text, lang)
    for note in NOTES[lang]:
        assert note in joined
    # One sentence per marked row, each said once.
    assert joined.count("(T, U stop" if lang == "en" else "（T、U 在第") == 2


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_markdown_marks_the_rows_and_notes_them_under_the_table(path: str, lang: str) -> None:
    text = _out("sensitivity", path, "--lang", lang, "-f", "markdown")
    rows = [line for line in text.splitlines() if line.startswith("| acquisition") or line.startswith("| monetization")]
    assert sorted(line.split(" | ")[1] for line in rows if "†" in line) == sorted(
        {"en": ["T bid †", "item price †"], "zh": ["T 出价 †", "item 价格 †"]}[lang])
    for note in NOTES[lang]:
        assert f"_{note}_" in text


def test_the_grid_marks_the_cells_that_flip_with_a_legend(path: str) -> None:
    text = _out("sensitivity", path, "--grid", "item.price,T.bid", "--grid-steps", "3", "-f", "markdown")
    cells = [line.split(" | ")[1:] for line in text.splitlines() if re.match(r"\| \d", line)]
    assert [(i, j) for i, row in enumerate(cells) for j, cell in enumerate(row) if "†" in cell] == [
        (0, 1), (0, 2), (1, 2)]
    assert "_†: there a gate decides otherwise than now: gate 'test' fails (T, U stop after month 1)._" in text
    table = _joined(_out("sensitivity", path, "--grid", "item.price,T.bid", "--grid-steps", "3", "--lang", "zh"), "zh")
    assert "†：该处闸门判定与当前不同：闸门“test”不通过（T、U 在第 1 月之后停止投放）。" in table


def test_the_reports_tornado_marks_the_bars_and_says_why(path: str) -> None:
    analysis = sensitivity(load_text(textwrap.dedent(PLAN), "plan.yaml").scenario)
    html = _tornado(analysis, NumberStyle("en", "CNY"))
    assert "T bid †" in html and "item price †" in html and "U bid †" not in html
    caption = html.split("<figcaption>")[1].split("</figcaption>")[0]
    assert "T bid +20%: gate &#x27;test&#x27; fails (T, U stop after month 1)." in caption
