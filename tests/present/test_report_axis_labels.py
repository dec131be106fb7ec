"""The report's x-y and cash charts keep their axis labels on the chart and apart at wide budgets (QA: under
``report --allocate 5000万`` the budget curve's "-200,000,000" lost its minus sign off the chart's left edge, a loss
read as a gain; under 10亿 "2,000,000,000" ran off its right edge).

Widths are svg.py's estimate at the charts' 11-unit font: a digit, a comma or a minus 6.5 units.
"""

from __future__ import annotations

import re

from aigc_roi.present.report import svg


def money(value: float) -> str:
    return f"{value:,.0f}"


def axis_labels(chart: str) -> dict[float, list[tuple[float, float, str]]]:
    """Each row of axis labels (right-aligned values, centred budgets) by its y: each label's estimated left and
    right edge and its text."""
    rows: dict[float, list[tuple[float, float, str]]] = {}
    for x, y, anchor, text in re.findall(r'<text x="([-\d.]+)" y="([\d.]+)" text-anchor="(end|middle)">([^<]*)</text>',
                                         chart):
        width = svg.text_width(text)
        right = float(x) if anchor == "end" else float(x) + width / 2
        rows.setdefault(float(y), []).append((right - width, right, text))
    return rows


def on_the_chart_and_apart(chart: str) -> bool:
    rows = axis_labels(chart).values()
    inside = all(0 <= left and right <= svg.WIDTH for row in rows for left, right, _ in row)
    return inside and all(one[1] <= other[0] for row in rows for one, other in zip(row, row[1:], strict=False))


def curve(points: list[tuple[float, float]]) -> str:
    return svg.xy_chart([svg.Series("curve", points, "line")], money, money, "t", "budget", lang="en")


def test_a_loss_of_200_million_keeps_its_minus_sign_on_the_chart() -> None:
    chart = curve([(0.0, 0.0), (1e8, -2e8)])
    # Values -200,000,000 to 0 by 50,000,000: "-200,000,000" is 12 characters, 78 units, right-aligned 6 left of
    # the axis and 4 from the edge: the axis at 88, the label from 4 to 82. At 78 it began at -6, its "-" cut off.
    assert (4.0, 82.0, "-200,000,000") in [label for row in axis_labels(chart).values() for label in row]
    assert on_the_chart_and_apart(chart)


def test_the_last_budget_label_stays_inside_the_right_edge() -> None:
    chart = curve([(0.0, 0.0), (2e9, 1e6)])
    # Budgets 0 to 2,000,000,000 by 500,000,000: the last label, 13 characters, 84.5 units, is centred on the axis'
    # end, 42.25 + 2 from the edge: it runs from 633.5 to 718 (its centre written to 0.1). A 36-unit margin ended
    # it at 726.25.
    [(left, right)] = [label[:2] for row in axis_labels(chart).values() for label in row if label[2] == "2,000,000,000"]
    assert abs(left - 633.5) <= 0.05 and abs(right - 718) <= 0.05
    assert on_the_chart_and_apart(chart)


def test_budget_labels_too_wide_for_their_ticks_skip_every_other_tick() -> None:
    chart = curve([(0.0, 0.0), (2.2e14, 1e6)])
    # Budgets 0 to 250,000,000,000,000 by 50,000,000,000,000: 6 ticks, the widest label 19 characters, 123.5 units.
    # Margins 78 and 63.75 leave 578.25 units, 115.65 a tick: a label and its 8-unit gap take 2 ticks.
    rows = axis_labels(chart)
    budgets = rows[sorted(rows)[-2]]  # under them, the lowest row, is the axis' title
    assert [text for _, _, text in budgets] == ["0", "100,000,000,000,000", "200,000,000,000,000"]
    assert on_the_chart_and_apart(chart)


def test_the_cash_chart_keeps_a_loss_of_200_million_on_the_chart() -> None:
    chart = svg.cash_chart(["2025-01", "2025-02", "2025-03"], [0.0, -1e8, -2e8], None, money, "t", ["a", "b", "c"],
                           lang="en")
    assert (4.0, 82.0, "-200,000,000") in [label for row in axis_labels(chart).values() for label in row]
    assert on_the_chart_and_apart(chart)
