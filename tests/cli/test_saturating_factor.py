"""A saturating channel whose bid is written by month has a factor on every month's bid for its max (docs/formulas.md
§14), an average as a max bid is (§6): every output marks it "avg" as it marks a max bid, the note on "avg" goes with
the mark only, and `run` says what "×" is wherever a factor is shown.

Before, `run` showed "1.26×" without "avg" while its caption still said "avg: with saturation_budget the max bid is
an average", and nothing in `run` said "×" was a factor on every month's bid.

The plan, by hand (as tests/cli/test_run_saturating_columns.py's, A's bid written by month): one month, churn 0.5,
each user pays 20 once and costs 1 to serve, so earns 19. A (bid 10, budget 500, saturation_budget 1,000) buys
500 / 10 x 1,000 / 1,500 = 33.33 users, 633.33 of contribution for 500 of spend: roi 0.2667, factor 1.2667, shown
rounded down 1.26×. Without saturation_budget it buys 50 users, 950 for 500: roi 0.9, factor 1.90×. B (bid 5, budget
500) buys 100 users, 1,900 for 500: roi 2.8, max bid 5 x 3.8 = 19.00, no mark.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from cli_runner import invoke

PLAN = """version: 1
name: One saturating by month
horizon_months: 1
organic_users: 10
acquisition:
  - {{name: A, type: cpa, bid: {{by_month: {{1: 10}}}}, budget: 500{saturation}}}
  - {{name: B, type: cpa, bid: 5, budget: 500}}
retention: {{monthly_churn: 0.5}}
monetization:
  purchases: [{{name: Item, price: 20, rate: 1}}]
costs: {{serving_per_active_user: 1}}
"""
WORDS = {
    "en": {"avg": "avg", "saturating": "avg: with saturation_budget the max bid is an average; the marginal user costs "
                                      "far more.",
           "factor": "×: a factor on every month's unit cost, where that is written by month."},
    "zh": {"avg": "均值", "saturating": "均值：设置了 saturation_budget 的渠道，最高出价是平均值；边际用户的成本远高于此。",
           "factor": "×：单价按月设置时，为各月单价统一乘的倍数。"},
}


def _plan(tmp_path: Path, saturating: bool = True) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN.format(saturation=", saturation_budget: 1000" if saturating else ""), encoding="utf-8")
    return path


def _flat(text: str) -> str:
    """``text`` without line breaks or spaces: a caption wraps at the table's width."""
    return "".join(text.split())


def _row(text: str, name: str) -> str:
    """The last row of channel ``name``: breakeven's, in the table of each channel on its own users."""
    return [line for line in text.splitlines() if line.startswith(("│ " + name + " ", "| " + name + " |"))][-1]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_a_saturating_factor_is_marked_avg_and_both_marks_are_explained(tmp_path: Path, lang: str, fmt: str) -> None:
    result = invoke(["run", str(_plan(tmp_path)), "-f", fmt, "--lang", lang], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.stderr
    words = WORDS[lang]
    assert f"1.26× {words['avg']}" in _row(result.stdout, "A")
    assert "19.00" in _row(result.stdout, "B") and words["avg"] not in _row(result.stdout, "B")
    assert _flat(words["saturating"]) in _flat(result.stdout)
    assert _flat(words["factor"]) in _flat(result.stdout)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_factor_without_saturation_is_explained_and_not_marked(tmp_path: Path, lang: str) -> None:
    result = invoke(["run", str(_plan(tmp_path, saturating=False)), "--lang", lang], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.stderr
    words = WORDS[lang]
    assert "1.90×" in _row(result.stdout, "A") and words["avg"] not in _row(result.stdout, "A")
    assert _flat(words["factor"]) in _flat(result.stdout)
    # No mark, no note on it.
    assert _flat(words["saturating"]) not in _flat(result.stdout)


def test_a_constant_bid_shows_no_factor_note(tmp_path: Path) -> None:
    path = tmp_path / "constant.yaml"
    path.write_text(PLAN.format(saturation="").replace("{by_month: {1: 10}}", "10"), encoding="utf-8")
    result = invoke(["run", str(path)], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.stderr
    assert "19.00" in _row(result.stdout, "A") and "×" not in result.stdout


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_breakeven_marks_the_factor_as_its_own_max(tmp_path: Path, lang: str) -> None:
    result = invoke(["breakeven", str(_plan(tmp_path)), "--lang", lang], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.stderr
    words = WORDS[lang]
    assert f"1.26× {words['avg']}" in _row(result.stdout, "A")
    assert _flat(words["saturating"]) in _flat(result.stdout)


def test_the_workbook_notes_the_saturating_factor(tmp_path: Path) -> None:
    target = tmp_path / "run.xlsx"
    result = invoke(["run", str(_plan(tmp_path)), "-f", "xlsx", "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    rows = list(openpyxl.load_workbook(target, read_only=True).worksheets[1].iter_rows(values_only=True))
    assert [row[-1] for row in rows[1:]] == [
        "With saturation_budget the max bid is an average; the marginal user costs far more.", None, None]


@pytest.mark.parametrize(("lang", "note"), [("en", "Max bid at ROI = 0 (factor on every month&#x27;s bid): 1.26× avg"),
                                            ("zh", "ROI = 0 时的最高出价（每月出价的倍数）：1.26× 均值")])
def test_the_report_marks_the_saturating_factor(tmp_path: Path, lang: str, note: str) -> None:
    result = invoke(["report", str(_plan(tmp_path)), "--lang", lang, "--samples", "200"])
    assert result.exit_code == 0, result.stderr
    assert note in result.stdout
