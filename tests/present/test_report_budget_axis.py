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
                        x_tick=lambda value, places: f"{value:,.{places}f}")


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
