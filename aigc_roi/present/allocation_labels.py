"""The labels an allocation's tables, notes and chart use (objective, status, the forms for a horizon total, for
--target-roas and for --reach) and the objective's numbers as text. No Rich: the rows, the JSON and the Rich view share
them."""

from __future__ import annotations

import math
from collections.abc import Callable

from aigc_roi.model.compared import apart_places, kept_nonzero
from aigc_roi.model.rounding import fixed
from aigc_roi.present.labels import label, short_label
from aigc_roi.present.money_words import priced
from aigc_roi.present.numbers import NONE, NumberStyle, signed_change
from aigc_roi.present.payback_window import within_note
from aigc_roi.whatif.allocate import Allocation, CurvePoint

FIGURES = ("roas", "marginal_roas", "cac", "marginal_cac")
"""ChannelFigures fields, in the order the tables show them."""
VALUE_FIGURES = ("ltv", "ltv_to_cac")
"""What a channel's users are worth: JSON and CSV add them after FIGURES."""
FIGURE_LABELS: dict[str, str] = {
    "roas": "allocate_roas", "marginal_roas": "allocate_marginal_roas", "cac": "allocate_cac", "marginal_cac": "allocate_marginal_cac",
    "ltv": "allocate_ltv", "ltv_to_cac": "allocate_ltv_to_cac",
}
"""A ChannelFigures field -> its label."""
OBJECTIVE_LABELS: dict[str, str] = {
    "npv": "allocate_objective_npv", "net_cash": "allocate_objective_net_cash", "p10_npv": "allocate_objective_p10_npv",
    "payback_probability": "allocate_objective_payback_probability",
}
STATUS_LABELS: dict[str, str] = {
    "movable": "allocate_status_movable", "locked": "allocate_status_locked", "fixed": "allocate_status_fixed",
}
TOTAL_LABELS: dict[str, str] = {
    "allocate_curve_budget": "allocate_curve_budget_total", "allocate_multiple": "allocate_multiple_total",
    "allocate_curve_title": "allocate_curve_title_total", "allocate_curve_slope": "allocate_curve_slope_total",
    "allocate_curve_slope_probability": "allocate_curve_slope_probability_total",
}
"""A curve label -> its form for a horizon total (budgets that are multiples of T)."""
FILLED_LABELS: dict[str, str] = {
    "allocate_best_split": "allocate_best_split_filled", "allocate_best": "allocate_best_filled",
    "allocate_channels_caption": "allocate_channels_caption_filled",
    "allocate_warning_best_is_current": "allocate_warning_best_is_current_filled",
    "allocate_warning_on_minimum": "allocate_warning_on_minimum_filled",
    "allocate_warning_on_maximum": "allocate_warning_on_maximum_filled",
    "allocate_warning_marginal_roas_below_one": "allocate_warning_marginal_roas_below_one_filled",
    "allocate_warning_gate_fails": "allocate_warning_gate_fails_filled",
    "allocate_warning_gate_fails_share": "allocate_warning_gate_fails_share_filled",
    "allocate_warning_spends_less": "allocate_warning_spends_less_filled",
    "allocate_warning_spends_all": "allocate_warning_spends_all_filled",
}
"""A label about the best split -> its form for --target-roas, whose split is the fill (each channel to the target's
marginal ROAS), not the split that maximises the objective (docs/allocate.md, limits and target ROAS)."""
REACHING_LABELS: dict[str, str] = {
    "allocate_best_split": "allocate_best_split_reaching", "allocate_best": "allocate_best_reaching",
    "allocate_channels_caption": "allocate_channels_caption_reaching",
    "allocate_warning_best_is_current": "allocate_warning_best_is_current_reaching",
    "allocate_warning_on_minimum": "allocate_warning_on_minimum_reaching",
    "allocate_warning_on_maximum": "allocate_warning_on_maximum_reaching",
    "allocate_warning_marginal_roas_below_one": "allocate_warning_marginal_roas_below_one_reaching",
    "allocate_warning_gate_fails": "allocate_warning_gate_fails_reaching",
    "allocate_warning_gate_fails_share": "allocate_warning_gate_fails_share_reaching",
    "allocate_warning_spends_less": "allocate_warning_spends_less_reaching",
    "allocate_warning_spends_all": "allocate_warning_spends_all_reaching",
    "allocate_warning_gets_nothing": "allocate_warning_gets_nothing_reaching",
    "allocate_warning_gets_nothing_below_one": "allocate_warning_gets_nothing_below_one_reaching",
    "allocate_spend_less": "allocate_spend_less_reaching",
    "allocate_spend_nothing": "allocate_spend_nothing_reaching",
}
"""A label about the best split -> its form for --reach, whose split takes the milestone furthest at the least budget
reaching it, not the split that maximises the objective (docs/allocate.md, reach)."""
SHOWN_FORMS: dict[str, dict[str, str]] = {"filled": FILLED_LABELS, "reaching": REACHING_LABELS}


def shown(result: Allocation) -> str | None:
    """What the split shown is where it is not the objective's best at the budget: ``filled`` or ``reaching``."""
    return "filled" if result.target_roas is not None else "reaching" if result.reach is not None else None


def split_label(result: Allocation, key: str, lang: str) -> str:
    """A label about the best split; under --target-roas about the filled split, under --reach about the reaching
    split (SHOWN_FORMS)."""
    kind = shown(result)
    return label(key if kind is None else SHOWN_FORMS[kind].get(key, key), lang)


def priced_label(result: Allocation, key: str, style: NumberStyle) -> str:
    """``split_label`` with the unit of money it speaks of (``{money}``, the next 1 USD) in the plan's currency."""
    return priced(split_label(result, key, style.lang), style.currency, style.lang)


def curve_label(result: Allocation, key: str, style: NumberStyle) -> str:
    """A curve header; with a horizon total the budgets are totals, multiples of T. The slope's is per 1 of the
    plan's currency."""
    if result.total and key in TOTAL_LABELS:
        key = TOTAL_LABELS[key]
    return priced(label(key, style.lang), style.currency, style.lang)


def curve_title(result: Allocation, style: NumberStyle) -> str:
    objective = short_label(OBJECTIVE_LABELS[result.objective], style.lang)
    return curve_label(result, "allocate_curve_title", style).format(objective=objective)


def budget_name(result: Allocation) -> str:
    """What the notes call the money split: T, a total over the horizon, or B, a monthly budget."""
    return "T" if result.total else "B"


def budget_places(result: Allocation, style: NumberStyle) -> int:
    """The decimals of every budget the terminal and markdown write (B or T, the channels' budgets, bounds and
    changes, the curve's budgets and splits): whole amounts, more until no two of the curve's budgets more than
    model/compared.py RESOLUTION of its span apart read alike, as the report's budget curve writes them (report/svg.py
    ``x_values``). With whole amounts B = 2.5 read 3 and its curve's 0.625 and 1.25 both 1; B = 0.01 read 0, as did
    every budget of its curve. A curve from 0 to 2B with B of 4 or more reads whole, as it always did."""
    budgets = [result.budget, *(point.budget for point in result.curve)]
    return apart_places(budgets, max(budgets) - min(0.0, *budgets), 0, style.money)


def budget_text(result: Allocation, style: NumberStyle) -> Callable[[float], str]:
    """A budget at ``budget_places``; one other than 0 that would read 0 with its first significant digits, as the
    report's do (model/compared.py ``kept_nonzero``). Not for a change: a solver's 1e-12 is no change to show."""
    return kept_nonzero(style.money, budget_places(result, style))


def split_text(result: Allocation, style: NumberStyle) -> Callable[[float], str]:
    """A channel's budget in a split the search found, at ``budget_places`` alone: the search finds a split to about
    1e-6 of B, so what reads 0 there is none (a channel `--reach` left 0.036 of 33,251 reads 0, as it did), where a
    budget given (B, a bound, today's) that would read 0 keeps its first significant digits (``budget_text``), and
    so does a budget the search put on a bound (a minimum of 0.004 reads 0.0040 in the split too)."""
    places = budget_places(result, style)
    given = kept_nonzero(style.money, places)
    bounds = {bound for channel in result.channels for bound in (channel.minimum, channel.maximum)}
    return lambda value: given(value) if value in bounds else style.money(value, places)


def peak_key(result: Allocation) -> str:
    """The label of the curve's best point: no "peak" where the curve is still rising at its end."""
    return "allocate_peak_edge" if result.still_rising else "allocate_peak"


def objective_value(result: Allocation, value: float | None, style: NumberStyle) -> str:
    if value is None or math.isnan(value):
        return NONE
    return style.percent(value) if result.objective == "payback_probability" else style.money(value, 0)


def objective_gain(result: Allocation, style: NumberStyle) -> str:
    gain = result.gain
    if result.objective == "payback_probability":
        return f"{fixed(gain, 2, separators=True, plus=True, shift=2)} {label('percentage_points', style.lang)}"
    return signed_change(style.money(gain, 0), gain)


def objective_name(result: Allocation, lang: str) -> str:
    window = result.payback_window
    return label(OBJECTIVE_LABELS[result.objective], lang).format(
        months=window.months, beyond=within_note(window, lang), samples=f"{result.samples:,}", seed=result.seed)


def slope_text(result: Allocation, slope: float | None, style: NumberStyle) -> str:
    if slope is None:
        return NONE
    if result.objective == "payback_probability":
        # A probability per unit of money is unreadably small: per 10% of B instead.
        return f"{fixed(slope * result.budget * 0.1, 2, separators=True, plus=True, shift=2)} {label('percentage_points', style.lang)}"
    return fixed(slope, 2, separators=True, plus=True)


def curve_point_marks(result: Allocation, point: CurvePoint, lang: str) -> list[tuple[str, str]]:
    """What a point of the budget curve is marked with beside its value, and the mark's kind (``failed`` or ``held``):
    limits not kept, each gate that fails there, the months held at today's split. The terminal's curve and the
    report's share them: a failed gate stops its channels, so the point's value is a plan that spends less than its
    budget, and a reader must see that where the value is."""
    from aigc_roi.present.month_words import months_named

    found = [] if point.limit_met else [(f"✗ {label('allocate_curve_limit_not_met', lang)}", "failed")]
    found += [(f"✗ {label('allocate_curve_gate_fails', lang).format(gate=gate)}", "failed") for gate in point.failed_gates]
    if point.held_months:
        held = months_named(point.held_months, lang, labels=result.month_labels)
        found.append((label("allocate_curve_held", lang).format(months=held), "held"))
    return found
