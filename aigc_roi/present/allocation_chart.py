"""The budget curve of an allocation as a matplotlib Figure (`allocate --plot`).

As chart.py: pure, matplotlib imported inside the function, an Agg canvas with no pyplot state.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from aigc_roi.present.allocation_labels import (
    OBJECTIVE_LABELS,
    budget_name,
    curve_label,
    objective_name,
    objective_value,
    peak_key,
    shown,
    split_label,
)
from aigc_roi.present.chart import finish
from aigc_roi.present.chart_format import money_ticks
from aigc_roi.present.labels import bracketed, label, short_label
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.whatif.allocate import Allocation
from aigc_roi.whatif.allocate_result import CurvePoint

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.text import Annotation

_LINE = "#1f3b73"
_GAIN = "#2e7d32"
_NOW = "#c62828"
_BROKEN = "#ef6c00"
_FILLED = "#6a1b9a"


def budget_curve_figure(result: Allocation, style: NumberStyle) -> Figure:
    """The best objective against the monthly budget B (or the total T), the peak (among budgets keeping the limits),
    the budgets that break a limit, the current split's value and, under --target-roas or --reach, the filled or the
    reaching split's marked.

    With ``style.lang == "zh"`` the caller should first make sure ``cjk_font()`` finds a font.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    lang = style.lang
    points = [point for point in result.curve if not math.isnan(point.value)]
    figure = Figure(figsize=(9, 5), dpi=150, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    axes.plot([point.budget for point in points], [point.value for point in points], color=_LINE, linewidth=2, marker="o",
              markersize=4, label=label("allocate_curve_value", lang))
    broken = [point for point in points if not point.limit_met]
    if broken:
        axes.scatter([point.budget for point in broken], [point.value for point in broken], color=_BROKEN, marker="x", zorder=4,
                     label=label("allocate_curve_limit_not_met", lang))
    axes.axvline(result.budget, color="0.5", linestyle=":", linewidth=1)
    peak = result.recommended
    # At B the peak's label names B too (``_peak_label``): two labels there stood on each other.
    marker = None if peak is not None and peak.budget == result.budget else axes.annotate(
        budget_name(result), xy=(result.budget, 1), xycoords=("data", "axes fraction"), xytext=(3, -12),
        textcoords="offset points", color="0.4")
    # A total is money over the horizon: today's is what the moved channels spend over it.
    today = result.current_spend if result.total else result.current_budget
    axes.scatter([today], [result.current_value], color=_NOW, zorder=3, label=label("allocate_current_split", lang))
    if shown(result) is not None:
        # The fill, or the reaching split, need not be the curve's best at the budget (docs/allocate.md).
        axes.scatter([result.budget], [result.best_value], color=_FILLED, marker="D", zorder=3,
                     label=split_label(result, "allocate_best_split", lang))
    peak_label = None if peak is None else _peak_label(figure, axes, result, points, style)
    if result.objective == "payback_probability":
        axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: style.percent(value)))
        axes.set_ylabel(objective_name(result, lang))
    else:
        axes.axhline(0, color="0.35", linewidth=0.8)
        axes.yaxis.set_major_formatter(money_ticks(style))
        axes.set_ylabel(objective_name(result, lang) + bracketed(style.currency, lang))
    axes.xaxis.set_major_formatter(money_ticks(style))
    objective = short_label(OBJECTIVE_LABELS[result.objective], lang)
    axes.set_title(curve_label(result, "allocate_curve_title", style).format(objective=objective))
    axes.set_xlabel(curve_label(result, "allocate_curve_budget", style) + bracketed(style.currency, lang))
    axes.grid(alpha=0.3)
    axes.legend(loc="best", frameon=False)

    finish(figure, result.scenario)
    if peak_label is not None:
        _under_the_frame(figure, axes, peak_label)
    if marker is not None and peak_label is not None:
        _clear_of(figure, marker, peak_label)
    return figure


def _under_the_frame(figure: Figure, axes: Axes, peak_label: Annotation) -> None:
    """The axis raised until the peak's label ends ``LABEL_GAP`` under its top frame: the label stands a fixed height
    in points above the curve, which the axis's margin, a share of its values, does not leave where the axes are short
    (a title of three lines) or the peak is the curve's highest point. The label's anchor keeps its value, so the top
    is solved for where the share of the axis under it leaves the label's height free above it."""
    figure.draw_without_rendering()  # places the texts, in the fonts finish() chose
    frame = axes.get_window_extent()
    top = peak_label.get_window_extent().y1 + LABEL_GAP * figure.dpi / 72
    anchor = peak_label.xyann[1]
    above = top - axes.transData.transform((0, anchor))[1]
    if frame.y1 < top and above < frame.height:
        low = axes.get_ylim()[0]
        axes.set_ylim(low, low + (anchor - low) * frame.height / (frame.height - above))


LABEL_GAP = 4
"""Points kept between B's label and the peak's: closer, the two read as one."""


def _clear_of(figure: Figure, marker: Annotation, peak_label: Annotation) -> None:
    """B's label at the foot of its line where at its head it would come within ``LABEL_GAP`` of the peak's label: a
    budget next to B's (0.75 B, 1.25 B) has its label reach toward the middle of the axis, where B's line is, and up
    to the top, where B's label is. The foot of B's line is clear of it: the peak's label stands above the curve's
    highest point."""
    figure.draw_without_rendering()  # places the texts, in the fonts finish() chose
    gap = LABEL_GAP * figure.dpi / 72
    if marker.get_window_extent().padded(gap).overlaps(peak_label.get_window_extent()):
        marker.xy = (marker.xy[0], 0)
        marker.xyann = (3, 4)


PEAK_OFFSET = 22
"""Points between the peak and its label: far enough for the arrow to show which point it names."""


def _peak_label(figure: Figure, axes: Axes, result: Allocation, points: Sequence[CurvePoint],
                style: NumberStyle) -> Annotation:
    """The peak's value above it and above every point within the label's reach (a budget that breaks a limit may
    stand higher), with a line down to it and no box: an opaque box beside the peak hid the curve where it fell away.
    Toward the middle of the axis (of every point drawn) so that it stays inside it; a margin above the curve leaves
    it room. A peak at B
    says so (``peak 736,061 at B``), in place of B's own label."""
    from matplotlib.transforms import offset_copy

    peak = result.recommended
    assert peak is not None
    # The axis's, not the curve's: the current split may stand far past 2 B, where the curve's middle is the axis's left.
    low, high = axes.get_xlim()
    span = high - low
    right = peak.budget > (low + high) / 2
    # The label reaches about a third of the axis to one side of the peak.
    top = max([peak.value, *(point.value for point in points
                             if 0 <= (peak.budget - point.budget if right else point.budget - peak.budget) <= span / 3)])
    axes.set_ymargin(0.15)
    text = f"{label(peak_key(result), style.lang)} {objective_value(result, peak.value, style)}"
    if peak.budget == result.budget:
        text = label("allocate_peak_at_budget", style.lang).format(peak=text, budget=budget_name(result))
    return axes.annotate(text, xy=(peak.budget, peak.value), xytext=(peak.budget, top), color=_GAIN,
                         textcoords=offset_copy(axes.transData, fig=figure, y=PEAK_OFFSET, units="points"),
                         ha="right" if right else "left", va="bottom",
                         arrowprops={"arrowstyle": "-", "color": _GAIN, "linewidth": 0.8, "shrinkA": 0, "shrinkB": 3})
