"""The report's budget curve shows where a gate fails, as ``allocate``'s curve does (founder test: under a gate that
failed from 60万 a month the curve fell to 50万 and jumped up at 60万, and the page said nothing of the gate: an investor
read "spend 60万 a month, lose less"). Each failing point is crossed out on the chart, marked in its table row, and the
caption names the gate and why the curve jumps. Its axes write their ticks with the fewest decimals that tell them
apart (2万, not 2.0万; docs/report.md).

The plan, by hand: two months, a user pays 100 in the month he is bought and leaves, no costs, no discounting. Test
buys in month 1 at a bid of 20 with h = 50,000: b buys b / 20 x h / (b + h) users at a CAC of 20 (b + h) / h; Scale
buys in month 2 and runs only if Test's CAC is at most 30 (gate proof), that is b <= h / 2 = 25,000. Test alone runs
in month 1, so it spends the curve's budget there: under --allocate 16000 the curve's budgets 0, 4,000, ..., 32,000
fail the gate at 28,000 and 32,000 alone. At 28,000 Scale stops, and the value is Test's: 1,400 x 50,000 / 78,000
users, 89,743.59, less 28,000: 61,744. Today's split (10,000 on Test) passes, so the gate is the curve's to fail.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from cli_runner import invoke
from gate_plans import ONE_GATE
from gate_plans import ONE_GATE_CAPTION as CAPTION
from gate_plans import ONE_GATE_FAILING as FAILING
from gate_plans import ONE_GATE_MARK as MARK

from aigc_roi.present.chart_format import amount_axis, number_axis, percent_axis
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.report import svg

PLAN = ONE_GATE.format(test_budget="10_000")
BUDGETS = {"en": ["0", "4,000", "8,000", "12,000", "16,000", "20,000", "24,000", "28,000", "32,000"],
           "zh": ["0", "4,000", "8,000", "1.2万", "1.6万", "2.0万", "2.4万", "2.8万", "3.2万"]}
VALUE = {"en": "61,744", "zh": "6.2万"}


def section(tmp_path: Path, lang: str) -> str:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    result = invoke(["report", str(path), "--allocate", "16000", "--samples", "50", "--lang", lang])
    assert result.exit_code == 0, result.stderr
    heading = "Budget curve" if lang == "en" else "预算曲线"
    return html.unescape(result.stdout.split(f"<h2>{heading}", 1)[1].split("<h2>", 1)[0])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_points_failing_the_gate_are_marked_in_the_table_chart_and_caption(tmp_path: Path, lang: str) -> None:
    page = section(tmp_path, lang)
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", page.split("<tbody>", 1)[1])
    marked = [re.sub(r"<[^>]+>", " ", row).split()[0] for row in rows if MARK[lang] in row]
    assert [re.sub(r"<[^>]+>", " ", row).split()[0] for row in rows] == BUDGETS[lang]
    assert marked == FAILING[lang]
    # On the chart: a cross at each, its hover naming the gate, budget and value.
    chart = page.split("</svg>", 1)[0]
    crosses = re.findall(r'<g><path d="M[^"]*"[^>]*/><title>([^<]*)</title></g>', chart)
    colon = ": " if lang == "en" else "："
    assert crosses[:1] == [f"{MARK[lang][2:]}{colon}{FAILING[lang][0]} → {VALUE[lang]}"] and len(crosses) == 2
    assert MARK[lang][2:] in chart.split("</title>", 1)[1]  # the legend names it too
    caption = page.split("<figcaption>", 1)[1].split("</figcaption>", 1)[0]
    assert CAPTION[lang] in caption


@pytest.mark.parametrize(("lang", "ticks"), [("en", ["0", "10,000", "20,000", "30,000", "40,000"]),
                                             ("zh", ["0", "1万", "2万", "3万", "4万"])])
def test_the_budget_curve_axes_take_the_decimals_they_need(tmp_path: Path, lang: str, ticks: list[str]) -> None:
    chart = section(tmp_path, lang).split("</svg>", 1)[0]
    # Values 0 to 65,561 on ticks 0 to 80,000 by 20,000 (5 ticks from 0 cover 65,561 by 13,112: step 20,000);
    # budgets 0 to 32,000 on ticks 0 to 40,000 by 10,000. Before, Chinese read 2.0万 and 1.0万.
    values = re.findall(r'text-anchor="end">([^<]*)</text>', chart)
    budgets = re.findall(r'text-anchor="middle">([^<]*)</text>', chart)[:-1]  # the last is the axis' title
    assert values == ([f"{v:,}" for v in range(0, 80_001, 20_000)] if lang == "en"
                      else ["0", "2万", "4万", "6万", "8万"])
    assert budgets == ticks


def y_labels(chart: str) -> list[str]:
    return re.findall(r'text-anchor="end">([^<]*)</text>', chart)


@pytest.mark.parametrize(("lang", "low", "high", "labels"), [
    # The founder's cash chart: -800万 to 0 by 200万, once -800.0万.
    ("zh", -7.6e6, 0.0, ["-800万", "-600万", "-400万", "-200万", "0"]),
    ("en", -7.6e6, 0.0, ["-8,000,000", "-6,000,000", "-4,000,000", "-2,000,000", "0"]),
    # Ticks 5,000 apart take the one decimal of 万 that tells them apart, all of them.
    ("zh", 0.0, 24_000.0, ["0", "0.5万", "1.0万", "1.5万", "2.0万", "2.5万"]),
    # Past 1亿 the axis reads in 亿, with no decimal where none is needed (once 2.00亿).
    ("zh", 0.0, 3.9e8, ["0", "1亿", "2亿", "3亿", "4亿"]),
])
def test_money_axes_take_the_fewest_decimals(lang: str, low: float, high: float, labels: list[str]) -> None:
    style = NumberStyle(lang, "CNY")
    cash = svg.cash_chart(["1", "2"], [low, high], None, lambda v: style.money(v, 0), "t", ["a", "b", "c"], lang=lang,
                          axis=amount_axis(style))
    assert y_labels(cash) == labels
    curve = svg.xy_chart([svg.Series("c", [(0.0, low), (1.0, high)], "line")], str, lambda v: style.money(v, 0), "t",
                         "x", lang=lang, y_axis=amount_axis(style))
    assert y_labels(curve) == labels


def test_shares_and_counts_take_the_fewest_decimals() -> None:
    shares = svg.xy_chart([svg.Series("c", [(0.0, 0.0), (1.0, 0.79)], "line")], str, str, "t", "x", lang="en",
                          y_axis=percent_axis)
    assert y_labels(shares) == ["0%", "20%", "40%", "60%", "80%"]
    counts = svg.xy_chart([svg.Series("c", [(0.0, 0.0), (1.0, 1.8)], "line")], str, str, "t", "x", lang="en",
                          y_axis=number_axis)
    assert y_labels(counts) == ["0", "0.5", "1.0", "1.5", "2.0"]
