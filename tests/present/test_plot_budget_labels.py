"""`allocate --plot`: B's label and the peak's never stand on each other (QA: at a peak at or next to B, "B" was drawn
over "peak ...").

The plan is tests/cli/test_allocate_reach_curve.py's, worked by hand there: one month, A and B cpa at a bid of 1 with
h = 1,000, B's users bringing 17.5 where A's bring 5. The best NPV of a monthly budget b is
22,500 - 5e6 (1 + s)^2 / (b + 2,000) - b, s = sqrt 3.5, highest at b = sqrt(5e6) (1 + s) - 2,000 = 4,419.3.

- B = 4,400: the curve's points 3,300, 4,400 and 5,500 give 11,424.8, 11,661.21 and 11,505.5: the peak is B's own.
- B = 5,900: 0.75 B = 4,425 gives 11,661.26 and B 11,383.8: the peak is next to B, and its label reaches toward the
  middle of the axis, where B's line is.
"""

from __future__ import annotations

import dataclasses
import math
from itertools import combinations
from pathlib import Path

import pytest

pytest.importorskip("matplotlib")

from cli_runner import invoke
from matplotlib.figure import Figure

from aigc_roi import api
from aigc_roi.present.allocation_chart import budget_curve_figure
from aigc_roi.present.numbers import NumberStyle

PLAN = """\
name: Labels
horizon_months: 1
discount_rate: 0
retention: {monthly_churn: 1}
monetization:
  purchases: [{name: item, price: 10, rate: 1}]
costs: {serving_per_active_user: 5}
acquisition:
  - {name: A, type: cpa, bid: 1, budget: 1_500, saturation_budget: 1_000}
  - {name: B, type: cpa, bid: 1, budget: 1_500, saturation_budget: 1_000, conversion_index: 2.25}
"""
STYLES = [NumberStyle("en", "CNY"), NumberStyle("zh", "CNY")]
GAP = 4
"""Points between two labels, at least (docs/allocate.md: closer, they read as one)."""


def best_npv(budget: float) -> float:
    return 22_500 - 5e6 * (1 + math.sqrt(3.5)) ** 2 / (budget + 2_000) - budget


def _plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def _crowded(figure: Figure) -> list[tuple[str, str]]:
    """The pairs of the axes' labels closer than GAP points."""
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    gap = GAP * figure.dpi / 72
    return [(one.get_text(), other.get_text()) for one, other in combinations(figure.axes[0].texts, 2)
            if one.get_window_extent(renderer).padded(gap).overlaps(other.get_window_extent(renderer))]


@pytest.mark.parametrize("style", STYLES)
def test_a_peak_at_b_names_b_in_its_one_label(tmp_path: Path, style: NumberStyle) -> None:
    result = api.allocate(api.load(_plan(tmp_path)), 4_400)
    assert result.recommended is not None and result.recommended.budget == 4_400
    figure = budget_curve_figure(result, style)
    peak = style.money(best_npv(4_400), 0)
    words = f"peak {peak} at B" if style.lang == "en" else f"峰值 {peak}（B 处）"
    assert [text.get_text() for text in figure.axes[0].texts] == [words]
    assert _crowded(figure) == []


# In Chinese the peak's label, 峰值 1.17亿, is short of B's line: B keeps its place at the head of it.
@pytest.mark.parametrize(("style", "height"), [(STYLES[0], 0), (STYLES[1], 1)])
def test_b_steps_to_the_foot_of_its_line_where_the_peak_s_label_reaches_it(tmp_path: Path, style: NumberStyle,
                                                                          height: int) -> None:
    result = api.allocate(api.load(_plan(tmp_path)), 5_900)
    assert result.recommended is not None and result.recommended.budget == 0.75 * 5_900
    # Every value 10,000 times as large: the peak's label, 116,612,600 wide, reaches past B's line.
    large = dataclasses.replace(result, curve=tuple(dataclasses.replace(point, value=point.value * 1e4) for point in result.curve),
                                current_value=result.current_value * 1e4, best_value=result.best_value * 1e4)
    figure = budget_curve_figure(large, style)
    assert _crowded(figure) == []
    marker = next(text for text in figure.axes[0].texts if text.get_text() == "B")
    assert marker.xy == (5_900, height)


def test_the_saved_plot_names_b_once_with_the_peak(tmp_path: Path) -> None:
    image = tmp_path / "curve.svg"
    result = invoke(["allocate", str(_plan(tmp_path)), "--budget", "4400", "--plot", str(image)])
    assert result.exit_code == 0, result.stderr
    texts = image.read_text(encoding="utf-8")
    assert "peak 11,661 at B" in texts and ">B<" not in texts


def _outside(figure: Figure) -> list[str]:
    """The axes' labels that cross its frame, as rendered."""
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    frame = figure.axes[0].get_window_extent(renderer)
    boxes = [(text.get_text(), text.get_window_extent(renderer)) for text in figure.axes[0].texts]
    return [words for words, box in boxes
            if box.x0 < frame.x0 or box.x1 > frame.x1 or box.y0 < frame.y0 or box.y1 > frame.y1]


# A name of three lines over the chart leaves short axes, where the peak's label, a fixed 22 points over the highest
# point, stood higher than the axis's margin (15% of its values) reached: across the top frame. B = 3,000: the curve's
# 4,500 (1.5 B) is its highest, 11,660.3, a peak apart from B; B = 4,400: the peak at B, in its one label.
@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize(("budget", "peak"), [(3_000, 4_500), (4_400, 4_400)])
def test_the_peak_s_label_stays_inside_the_axes_under_a_long_title(tmp_path: Path, style: NumberStyle, budget: int,
                                                                   peak: int) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN.replace("name: Labels", "name: " + " ".join(["A plan named at length to wrap its title"] * 6)),
                    encoding="utf-8")
    result = api.allocate(api.load(path), budget)
    assert result.recommended is not None and result.recommended.budget == peak
    figure = budget_curve_figure(result, style)
    assert any(style.money(best_npv(peak), 0) in text.get_text() for text in figure.axes[0].texts)
    assert _outside(figure) == []
    assert _crowded(figure) == []


# Today's split spends 3,000 a month, far past a curve from 0 to 2 B = 200: the curve's middle, 100, is the axis's
# left, and a label reaching back from the highest point shown (200, still rising) toward it crossed the left frame
# onto the ticks. At b = 200 the split is all B's, whose first user earns 17.5 against A's 5 and still 17.5 (1,000 /
# 1,200)^2 = 12.15 at 200: 1,000 x 200 / 1,200 users x 17.5 - 200 = 2,716.67.
@pytest.mark.parametrize("style", STYLES)
def test_the_label_reads_toward_the_middle_of_the_axis_not_of_the_curve(tmp_path: Path, style: NumberStyle) -> None:
    result = api.allocate(api.load(_plan(tmp_path)), 100)
    assert result.recommended is not None and result.recommended.budget == 200 and result.current_spend == 3_000
    figure = budget_curve_figure(result, style)
    assert any(style.money(1_000 * 200 / 1_200 * 17.5 - 200, 0) in text.get_text() for text in figure.axes[0].texts)
    assert _outside(figure) == []
