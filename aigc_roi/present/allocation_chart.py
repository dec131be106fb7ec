"""The budget curve of an allocation as a matplotlib Figure (`allocate --plot`).

As chart.py: pure, matplotlib imported inside the function, an Agg canvas with no pyplot state.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from aigc_roi.present.allocation_labels import (
    OBJECTIVE_LABELS,
    budget_name,
    curve_label,
    objective_name,
    objective_value,
    peak_key,
    split_label,
)
from aigc_roi.present.chart import plain_text_with_cjk, title_name
from aigc_roi.present.labels import bracketed, label, short_label
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.whatif.allocate import Allocation

if TYPE_CHECKING:
    from matplotlib.figure import Figure

_LINE = "#1f3b73"
_GAIN = "#2e7d32"
_NOW = "#c62828"
_BROKEN = "#ef6c00"
_FILLED = "#6a1b9a"


def budget_curve_figure(result: Allocation, style: NumberStyle) -> Figure:
    """The best objective against the monthly budget B (or the total T), the peak (among budgets keeping the limits),
    the budgets that break a limit, the current split's value and, under --target-roas, the filled split's marked.

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
    axes.annotate(budget_name(result), xy=(result.budget, 1), xycoords=("data", "axes fraction"), xytext=(3, -12),
                  textcoords="offset points", color="0.4")
    # A total is money over the horizon: today's is what the moved channels spend over it.
    today = result.current_spend if result.total else result.current_budget
    axes.scatter([today], [result.current_value], color=_NOW, zorder=3, label=label("allocate_current_split", lang))
    if result.target_roas is not None:
        # The fill need not be the curve's best at T (docs/allocate.md, limits and target ROAS).
        axes.scatter([result.budget], [result.best_value], color=_FILLED, marker="D", zorder=3,
                     label=split_label(result, "allocate_best_split", lang))
    peak = result.recommended
    if peak is not None:
        axes.annotate(f"{label(peak_key(result), lang)} {objective_value(result, peak.value, style)}",
                      xy=(peak.budget, peak.value), xytext=(6, -16), textcoords="offset points", color=_GAIN,
                      bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none", "alpha": 0.8})
    if result.objective == "payback_probability":
        axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: style.percent(value)))
    else:
        axes.axhline(0, color="0.35", linewidth=0.8)
        axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: style.money(value, 0)))
    axes.xaxis.set_major_formatter(FuncFormatter(lambda value, _: style.money(value, 0)))
    # Two lines: a scenario name and the curve's title do not fit one line of a 9-inch figure.
    objective = short_label(OBJECTIVE_LABELS[result.objective], lang)
    title = curve_label(result, "allocate_curve_title", lang).format(objective=objective)
    axes.set_title(f"{title_name(result.scenario)}\n{title}")
    axes.set_xlabel(curve_label(result, "allocate_curve_budget", lang) + bracketed(style.currency, lang))
    axes.set_ylabel(objective_name(result, lang))
    axes.grid(alpha=0.3)
    axes.legend(loc="best", frameon=False)

    plain_text_with_cjk(figure, result.scenario)
    return figure
