"""Every note beside NPV states the rate NPV used as compare's basis row does (docs/formulas.md §5, §12).

QA: with ``discount_rate: 5%..15%`` compare read ``8.66% (median of 5%..15%)`` while run's views, the report and the
workbooks read ``NPV at 8.66025% a year``: unrounded, and not saying it is a range's median. By hand, on the spec's
worked example: a lognormal 5%..15% has the median sqrt(5% x 15%) = sqrt(0.0075) = 8.660254%, rounded as percentages
are 8.66%; its m = 1.0866025^(1/12) - 1 = exp(0.0830540 / 12) - 1 = 0.0069453, shown 0.695%. A rate written as one
number reads as before, byte for byte: 0.087654321 is 8.76543% (six significant digits, as an input is stated),
m = exp(ln 1.087654321 / 12) - 1 = 0.0070265, shown 0.703%.
"""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
from cli_runner import invoke
from spec_example import WORKED_EXAMPLE

RANGED = {"en": "NPV at 8.66% (median of 5%..15%) a year, m = 0.695% a month compounded; each month's cash at its end.",
          "zh": "净现值按年贴现率 8.66%（5%..15% 的中位数），月贴现率 m = 0.695% 按月复利；每月现金计在月末。"}
SINGLE = {"en": "NPV at 8.76543% a year, m = 0.703% a month compounded; each month's cash at its end.",
          "zh": "净现值按年贴现率 8.76543%，月贴现率 m = 0.703% 按月复利；每月现金计在月末。"}
CASES = [("5%..15%", RANGED), ("0.087654321", SINGLE)]


def _plan(tmp_path: Path, rate: str) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(WORKED_EXAMPLE + f"discount_rate: {rate}\n", encoding="utf-8")
    return path


def _ok(*args: str, env: dict[str, str] | None = None) -> str:
    result = invoke(list(args), env=env)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("rate", "note"), CASES)
def test_run_and_the_report_state_the_rate_as_compare_does(tmp_path: Path, rate: str, note: dict[str, str],
                                                           lang: str) -> None:
    plan = str(_plan(tmp_path, rate))
    panel = _ok("run", plan, "--lang", lang, env={"COLUMNS": "120"}).split("╰", 1)[0]
    # Wrapped to the panel's width (Chinese between any two characters): compared without the breaks.
    assert re.sub(r"\s", "", note[lang]) in re.sub(r"[\s│]", "", panel)
    markdown = _ok("run", plan, "--format", "markdown", "--lang", lang)
    assert f"_{note[lang]}_" in markdown.split("### ", 2)[1]
    html = _ok("report", plan, "--lang", lang).replace("&#x27;", "'")
    assert f'</table></div><p class="meta">{note[lang]}</p>' in html


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("rate", "note"), CASES)
def test_the_workbooks_note_the_rate_as_compare_does(tmp_path: Path, rate: str, note: dict[str, str],
                                                     lang: str) -> None:
    plan = str(_plan(tmp_path, rate))
    run_book, compare_book = tmp_path / "run.xlsx", tmp_path / "compare.xlsx"
    _ok("run", plan, "-f", "xlsx", "-o", str(run_book), "--lang", lang)
    figures = {row[2]: row for row in openpyxl.load_workbook(run_book).worksheets[0].iter_rows(min_row=2, values_only=True)}
    assert figures["npv"][4] == note[lang]
    _ok("compare", plan, plan, "-f", "xlsx", "-o", str(compare_book), "--lang", lang)
    rows = {row[1]: row for row in openpyxl.load_workbook(compare_book).worksheets[0].iter_rows(min_row=2, values_only=True)}
    # Each scenario's note: its name, then the sentence without its closing stop.
    assert rows["npv"][5].count(note[lang].rstrip(".。")) == 2
