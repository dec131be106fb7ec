"""A peak cash need that falls in the horizon's last month is the low point so far, not a peak.

``peak_cash_need`` is max(0, -min_t cumulative cash) (docs/formulas.md §5). When that minimum
is reached in the last month the cash is still falling at the horizon: more money will be needed
after it, so the figure is a lower bound. Every format says so: the text formats write
``≥ 2,900,000, still falling at month 24``, the machine formats add ``peak_cash_at_horizon``
(model/figures.py ``with_horizon_flag``, which ``api.figures`` adds too).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from aigc_roi.model.figures import unit_of
from aigc_roi.present.labels import label
from aigc_roi.present.numbers import (
    HEADLINE_PLACES,
    NONE,
    NumberStyle,
    headline_money,
    never_text,
    nonzero_text,
    says_nothing,
)


def peak_cash_text(figures: Mapping[str, Any], style: NumberStyle, compact_text: str | None = None) -> str:
    """``peak_cash_need`` as people read it: a lower bound when ``figures`` flag it at the horizon.
    ``compact_text``: the amount as the caller already wrote it (in a unit)."""
    if not figures.get("peak_cash_at_horizon"):
        return compact_text if compact_text is not None else figure_text("peak_cash_need", figures, style, NONE)
    # A lower bound is no place for another bound ("≥ <0.01"): an amount that would read 0.00 reads its first
    # significant digits, ≥ 0.0040 (nonzero_text, as a driver's current value does).
    need = figures.get("peak_cash_need")
    amount = compact_text if compact_text is not None else NONE if need is None else nonzero_text(
        need, HEADLINE_PLACES, lambda places: style.money(need, places))
    return label("peak_cash_still_falling", style.lang).format(amount=amount, month=int(figures["peak_cash_month"]))


def figure_shown(name: str, figures: Mapping[str, Any], horizon: int, style: NumberStyle,
                 months: Sequence[str] | None = None) -> str:
    """A figure of ``figures`` as a figures list shows it (``NumberStyle.figure``; a payback that never happens as
    "never" within ``horizon``, a month by its calendar label of ``months``), the peak cash need a lower bound where
    flagged: run's table and markdown, compare and the report alike."""
    if name == "peak_cash_need":
        return peak_cash_text(figures, style)
    return figure_text(name, figures, style, never_text(name, horizon, style.lang), months)


def figure_text(name: str, figures: Mapping[str, Any], style: NumberStyle, never: str,
                months: Sequence[str] | None = None) -> str:
    """``NumberStyle.figure``, but a money figure other than 0 that would read 0.00 reads a bound (``headline_money``):
    in the figures tables (run's, markdown's, compare's, the report's) only, as CSV, JSON and the workbook keep the
    number and a target's value beside its limit takes more decimals instead (docs/formulas.md §8)."""
    value = figures.get(name)
    if value is not None and unit_of(name) == "money" and not says_nothing(name, figures):
        return headline_money(value, style)
    return style.figure(name, value, never, figures, months=months)


def share_at_horizon(sample_figures: Mapping[str, Any], horizon: int) -> float:
    """Share of draws whose lowest cumulative cash is in the last month (a simulation's ``sample_figures``)."""
    import numpy as np  # lazy: tables import this module, and --help must not load numpy

    need = np.asarray(sample_figures["peak_cash_need"], dtype=np.float64)
    month = np.asarray(sample_figures["peak_cash_month"], dtype=np.float64)
    return float(np.mean((need > 0) & (month >= horizon))) if need.size else 0.0


def simulation_note(share: float, horizon: int, style: NumberStyle) -> str | None:
    """The simulate line that says how often the peak cash need is only the low so far; None when never."""
    if share <= 0:
        return None
    return label("peak_cash_share_still_falling", style.lang).format(share=style.percent(share), month=horizon)
