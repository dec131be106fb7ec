"""The report's budget curve spans its axis at every scale of budget, today's split marked on it.

QA: a plan whose channel spends a few hundred a month, drawn at ``report --allocate`` of a few, had its curve (0 to
2B) squeezed into the chart's left edge: the x axis ran to today's split, far beyond the curve. The axis now spans
the curve, and a marker more than half the curve's span beyond it stands at the axis' end with its budget written
beside it (svg.OFF_SCALE).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.present.chart_format import exact_decimals
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.report import svg

TINY = """\
name: A few hundred a month
horizon_months: 1
discount_rate: 0
acquisition:
  - {name: Ads, type: cpa, bid: 10, budget: 300, saturation_budget: 1000}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: item, price: 30, rate: 1}]
"""


def money(value: float) -> str:
    return f"{value:,.0f}"


def axis(chart: str) -> tuple[float, float]:
    """The x axis' ends: the grid lines' ends."""
    x1, x2 = re.search(r'<line x1="([\d.]+)" x2="([\d.]+)" y1', chart).groups()  # type: ignore[union-attr]
    return float(x1), float(x2)


def line_xs(chart: str) -> list[float]:
    points = re.search(r'<polyline points="([^"]*)"', chart).group(1)  # type: ignore[union-attr]
    return [float(point.split(",")[0]) for point in points.split()]


def square_x(chart: str) -> float:
    """The centre of the open square (today's split): its corner is 5 left of it."""
    return float(re.search(r'<rect x="([\d.]+)" y="[\d.]+" width="10"', chart).group(1)) + 5  # type: ignore[union-attr]


def budget_chart(budget: float, today: float) -> str:
    """A curve at 0, 0.25B, ..., 2B as allocate draws it, the chosen split at B and today's split at ``today``."""
    curve = [(budget * k / 4, 1.0 - (k - 4) ** 2) for k in range(9)]
    return svg.xy_chart([svg.Series("curve", curve, "line"), svg.Series("chosen", [(budget, 1.0)], "diamond"),
                         svg.Series("today", [(today, -3.0)], "square")], money, money, "t", "budget", lang="en",
                        x_axis=lambda ticks: lambda value: f"{value:,.{exact_decimals(ticks)}f}")


@pytest.mark.parametrize(("budget", "today"), [(1, 275), (5, 300), (300, 275), (500_000_000, 275), (100, 20_000)])
def test_the_curve_spans_the_axis_and_today_is_on_it(budget: float, today: float) -> None:
    chart = budget_chart(budget, today)
    left, right = axis(chart)
    xs = line_xs(chart)
    # 0 to 2B on ticks 0 to 2B (2 by 0.5, 10 by 2, 600 by 200, 1,000,000,000 by 200,000,000, 200 by 50): the curve
    # from one end of the axis to the other. Before, the axis ran to today's 275 (or 20,000): the curve from 0 to 2
    # took 2 / 300 of it.
    assert min(xs) == pytest.approx(left, abs=0.1) and max(xs) == pytest.approx(right, abs=0.1)
    assert left <= square_x(chart) <= right


def test_today_beyond_the_curve_is_pinned_to_the_axis_end_with_its_budget() -> None:
    chart = budget_chart(1, 275)
    _, right = axis(chart)
    assert square_x(chart) == pytest.approx(right, abs=0.1)
    assert re.search(r'text-anchor="end">275 →</text>', chart)
    assert "<title>today: 275 → -3</title>" in chart  # the hover keeps where it is


def test_today_within_half_the_curve_beyond_it_widens_the_axis() -> None:
    # Curve 0 to 200, today at 250: within 100 of its end, so on the axis (ticks 0 to 250 by 50), not pinned.
    chart = budget_chart(100, 250)
    left, right = axis(chart)
    assert square_x(chart) == pytest.approx(right, abs=0.1)
    assert max(line_xs(chart)) == pytest.approx(left + (right - left) * 200 / 250, abs=0.1)
    assert "→</text>" not in chart


def test_ticks_half_a_unit_apart_read_apart() -> None:
    # Ticks 0, 0.5, ..., 2: written with one decimal, where whole amounts read 0, 0 (or 1), 1, 2, 2.
    labels = re.findall(r'text-anchor="middle">([^<]*)</text>', budget_chart(1, 1))
    assert labels[:5] == ["0.0", "0.5", "1.0", "1.5", "2.0"]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("budget", ["3", "300", "1亿"])
def test_the_report_draws_the_curve_across_the_axis(tmp_path: Path, lang: str, budget: str) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(TINY, encoding="utf-8")
    result = invoke(["report", str(path), "--allocate", budget, "--samples", "50", "--lang", lang])
    assert result.exit_code == 0, result.stderr
    heading = "Budget curve" if lang == "en" else "预算曲线"
    chart = result.stdout.split(f"<h2>{heading}", 1)[1].split("</svg>", 1)[0]
    left, right = axis(chart)
    xs = line_xs(chart)
    # The curve's budgets 0 to 2B lie on round ticks (0 to 6, 600, 200,000,000): it spans the axis.
    assert min(xs) == pytest.approx(left, abs=0.1) and max(xs) == pytest.approx(right, abs=0.1)
    # Today's 300: pinned at the end beside a curve to 6, on the axis at 300 of 600, near 0 beside 200,000,000.
    expected = {"3": right, "300": (left + right) / 2, "1亿": left + (right - left) * 300 / 2e8}[budget]
    assert square_x(chart) == pytest.approx(expected, abs=0.1)


def whole_money(value: float, places: int) -> str:
    return NumberStyle().money(value, places)


def test_a_budget_between_ticks_reads_apart_from_them() -> None:
    # Curve 0 to 5 (B = 2.5, points 0.625 apart) on ticks 0, 1, ..., 5: whole amounts wrote B as 3, on a tick it is
    # not on, and 0.625, 1.25 both as 1. One decimal tells them apart: 0.6, 1.3 (half away from zero), 2.5.
    write = svg.x_values([2.5 * k / 4 for k in range(9)], [2.5], whole_money, [2.5 * k / 4 for k in range(9)])
    assert [write(x) for x in (0, 0.625, 1.25, 2.5, 5, 30_000)] == ["0.0", "0.6", "1.3", "2.5", "5.0", "30,000.0"]


def test_a_budget_keeps_the_ticks_decimals_and_a_small_one_its_digits() -> None:
    # Ticks 0.000 to 0.020 (B = 0.01): every budget with 3 decimals at least, 300 too.
    write = svg.x_values([0.01 * k / 4 for k in range(9)], [0.01, 300], whole_money)
    assert [write(x) for x in (0.01, 0.0025, 300)] == ["0.010", "0.003", "300.000"]
    # On ticks 0 to 300 a budget of 0.01 lies on 0 to the eye, yet it is no budget of 0: its first two significant
    # digits (value_places).
    write = svg.x_values([3 * k for k in range(101)], [0.01], whole_money)
    assert write(0.01) == "0.010" and write(150) == "150"


def test_a_solver_hair_from_a_tick_takes_no_more_decimals() -> None:
    # 2.0000001 is the tick 2 on a chart from 0 to 4 (within model/compared.py RESOLUTION of it): whole amounts, as the ticks.
    write = svg.x_values([0.0, 4.0], [2.0000001, 1.0], whole_money)
    assert write(2.0000001) == "2" and write(1.0) == "1"


def budget_section(stdout: str, lang: str) -> tuple[str, str]:
    """The budget curve's chart and the table beside it."""
    heading = "Budget curve" if lang == "en" else "预算曲线"
    section = stdout.split(f"<h2>{heading}", 1)[1]
    return section.split("</svg>", 1)[0], section.split('<table class="curve">', 1)[1].split("</table>", 1)[0]


def first_column(table: str) -> list[str]:
    return re.findall(r'<tr[^>]*><td class="n">([^<]*)</td>', table)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("budget", "chosen", "rows", "today"), [
    # B = 2.5 between the ticks 2 and 3 (0 to 5): one decimal, the table's 0.625 as 0.6 and 1.25 as 1.3.
    ("2.5", "2.5", ["0.0", "0.6", "1.3", "1.9", "2.5", "3.1", "3.8", "4.4", "5.0"], "300.0"),
    # Ticks 0.000 to 0.020: three decimals, the curve's 0.0025 as 0.003 (half away from zero).
    ("0.01", "0.010", ["0.000", "0.003", "0.005", "0.008", "0.010", "0.013", "0.015", "0.018", "0.020"], "300.000"),
])
def test_every_budget_of_the_curve_reads_as_the_axis(tmp_path: Path, lang: str, budget: str, chosen: str,
                                                      rows: list[str], today: str) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(TINY, encoding="utf-8")
    result = invoke(["report", str(path), "--allocate", budget, "--samples", "50", "--lang", lang])
    assert result.exit_code == 0, result.stderr
    chart, table = budget_section(result.stdout, lang)
    legend = f"chosen split at B = {chosen}" if lang == "en" else f"所选分配（B = {chosen}）"
    assert f">{legend}</text>" in chart
    colon = ": " if lang == "en" else "："
    assert f"<title>{legend}{colon}{chosen} → " in chart
    # Today's 300, beyond the curve, pinned at the axis' end with the axis' decimals.
    assert f">{today} →</text>" in chart
    assert first_column(table) == rows
    # Whole amounts read B = 0.01, the curve's end (still rising) and the table's rows as 0.
    assert not re.search(r"[=（(]0[)）]|>0 →|<title>[^<]*: 0 →", chart)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_channel_chart_shows_no_budget_of_0(tmp_path: Path, lang: str) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(TINY, encoding="utf-8")
    result = invoke(["report", str(path), "--allocate", "0.01", "--samples", "50", "--lang", lang])
    assert result.exit_code == 0, result.stderr
    # Ticks 0 to 300 by 100: the chosen 0.01 lies at 0 to the eye, written with its first two significant digits.
    chosen = "chosen budget: 0.010 → " if lang == "en" else "所选预算：0.010 → "
    assert f"<title>{chosen}" in result.stdout


def test_chinese_amounts_past_10_thousand_read_as_the_terminal_reads_them() -> None:
    """Chinese writes 24,690 as 2.5万, as it writes the tick 25,000: at --allocate 12345 a curve's highest budget,
    24,690, read as that tick, so every budget of the page took cents (3,086.25, 1.23万). A marker reads apart from a
    tick only more than a tenth of the ticks' step (5,000) from it: 310 is not."""
    zh = NumberStyle("zh", currency="CNY")
    curve = [12_345 * k / 4 for k in range(9)]
    write = svg.x_values(curve, [12_345, 272_500, curve[-1]], zh.money, curve)
    assert [write(budget) for budget in curve] == ["0", "3,086", "6,173", "9,259", "1.2万", "1.5万", "1.9万", "2.2万", "2.5万"]
    assert write(12_345) == "1.2万"
