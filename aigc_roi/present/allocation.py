"""An allocation (whatif/allocate.py): JSON, CSV/markdown rows and a Rich view. Returns objects; the CLI prints them."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from aigc_roi.model.compared import told_apart
from aigc_roi.model.figures import plain
from aigc_roi.model.month_runs import month_runs
from aigc_roi.model.paths import channel_path
from aigc_roi.model.rounding import fixed
from aigc_roi.present.channel_labels import channel_type_label
from aigc_roi.present.clipped_draws import clipped_draw_warnings
from aigc_roi.present.labels import filled, label, sentences, short_label
from aigc_roi.present.layout import Captioned, Fitted, Prose, bar_room, sentence_lines, table_overhead
from aigc_roi.present.month_words import months_named
from aigc_roi.present.numbers import NONE, NumberStyle
from aigc_roi.present.payback_window import past_horizon_warning, window_field, within_note
from aigc_roi.present.presenter import Presenter
from aigc_roi.present.tables import CURRENCY, to_markdown, with_currency
from aigc_roi.present.tables import Table as Rows
from aigc_roi.present.text import markdown_text, visible
from aigc_roi.present.wrap import glued_pieces
from aigc_roi.whatif.allocate import Allocation, AllocationWarning, ChannelAllocation, ChannelFigures, CurvePoint

if TYPE_CHECKING:
    from matplotlib.figure import Figure

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
WARNING_LABELS: dict[str, str] = {
    "best_is_current": "allocate_warning_best_is_current", "on_minimum": "allocate_warning_on_minimum",
    "gets_nothing": "allocate_warning_gets_nothing", "on_maximum": "allocate_warning_on_maximum",
    "locked": "allocate_warning_locked", "current_total_differs": "allocate_warning_current_total_differs",
    "different_months": "allocate_warning_different_months", "gates_planned_as_passed": "allocate_warning_gates_planned_as_passed",
    "gates_held": "allocate_warning_gates_held",
}
"""A warning's code (and ``gets_nothing``: on a minimum of 0) -> its sentence."""
CONSTRAINT_LABELS: dict[str, str] = {
    "max_cash_need": "allocate_constraint_max_cash_need", "min_payback_probability": "allocate_constraint_min_payback_probability",
    "reach": "allocate_constraint_reach",
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
}
"""A label about the best split -> its form for --target-roas, whose split is the fill (each channel to the target's
marginal ROAS), not the split that maximises the objective (docs/allocate.md, limits and target ROAS)."""
CURVE_BAR_WIDTH = 28
MIN_CURVE_BAR = 4
"""Cells of the longest budget-curve bar below which the peak's mark goes on a line of its own."""


def _bound(value: float) -> float | None:
    """A bound for machines: an absent maximum (inf) is null."""
    return None if math.isinf(value) else value


def _figures_json(budget: float, figures: ChannelFigures) -> dict[str, Any]:
    return {"budget": budget, **{name: plain(getattr(figures, name)) for name in (*FIGURES, *VALUE_FIGURES)}}


def _phases_json(result: Allocation, which: str) -> list[dict[str, Any]]:
    return [{"months": list(phase.months), "split": dict(getattr(phase, which))} for phase in result.phases]


def curve_slopes(curve: tuple[CurvePoint, ...]) -> list[float | None]:
    """Change of the best value per extra unit of B between each curve point and the previous one
    (None for the first point and next to an infeasible one): the return of the next yuan of B."""
    slopes: list[float | None] = [None] if curve else []
    for before, after in zip(curve, curve[1:], strict=False):
        feasible = not (math.isnan(before.value) or math.isnan(after.value))
        slopes.append((after.value - before.value) / (after.budget - before.budget) if feasible else None)
    return slopes


def allocation_json(result: Allocation) -> dict[str, Any]:
    """The JSON of docs/formulas.md §8, plus each channel's figures at both splits, the budget curve and the warnings."""
    return {
        "scenario": result.scenario,
        "objective": result.objective,
        "budget": result.budget,
        "samples": result.samples,
        "seed": result.seed,
        "target_payback_months": result.target_payback_months,
        "payback_within_months": result.payback_window.months,
        "budget_kind": "total" if result.total else "monthly",
        "current": {"split": result.current_split, "value": plain(result.current_value),
                    "phases": _phases_json(result, "current"), "spend": result.current_spend},
        "best": {"split": result.best_split, "value": plain(result.best_value),
                 "phases": _phases_json(result, "best"), "spend": result.best_spend,
                 "basis": result.basis, "held_months": list(result.held_months) if result.basis == "held" else []},
        "gain": plain(result.gain),
        "recommended_budget": None if (recommended := result.recommended) is None else recommended.budget,
        "still_rising": result.still_rising,
        "target_roas": result.target_roas,
        "reach": None if result.reach is None else {"key": result.reach.key, "month": result.reach.month, "value": result.reach.value},
        "constraints": {name: {"limit": check.limit, "value": plain(check.value), "met": check.met}
                        for name, check in result.constraints.items()},
        "gates": [{"name": gate.name, "after_month": gate.after_month, "stops": list(gate.stops),
                   "current_pass_share": gate.current, "best_pass_share": gate.best} for gate in result.gates],
        "channels": [
            {
                "name": channel.name,
                "path": channel_path(channel.index),
                "type": channel.type,
                "status": channel.status,
                "minimum": channel.minimum,
                "maximum": _bound(channel.maximum),
                "months": list(channel.months),
                "current": _figures_json(channel.current_budget, channel.current),
                "best": _figures_json(channel.best_budget, channel.best),
            }
            for channel in result.channels
        ],
        "curve": [
            {"budget": point.budget, "multiple": point.budget / result.budget, "value": plain(point.value),
             "marginal_value": slope, "limit_met": point.limit_met, "held_months": list(point.held_months),
             "failed_gates": list(point.failed_gates),
             "split": dict(point.split),
             "phases": [{"months": list(phase.months), "split": dict(split)}
                        for phase, split in zip(result.phases, point.phases, strict=False)]}
            for point, slope in zip(result.curve, curve_slopes(result.curve), strict=True)
        ],
        "warnings": [
            {"code": warning.code, "channel": warning.channel, **({"gate": warning.gate} if warning.gate is not None else {}),
             "message": warning_text(result, warning, NumberStyle())}
            for warning in result.warnings
        ] + [{"code": code, "channel": None, "field": path, "message": f"{path}: {sentence}"}
             for path, code, sentence in clipped_draw_warnings(result.clipped, "en")] + _payback_window_warnings(result),
    }


def _payback_window_warnings(result: Allocation) -> list[dict[str, Any]]:
    """The warning `allocate` writes on stderr when its chance of payback is counted by a horizon that ends before
    the payback target (present/payback_window.py), as JSON lists the clipped draws'."""
    sentence = (past_horizon_warning(result.payback_window, "en", asked=result.asks_payback_chance)
                if result.counts_payback else None)
    if sentence is None:
        return []
    field = window_field(result.payback_window)
    return [{"code": "payback_past_horizon", "channel": None, "field": field, "message": f"{field}: {sentence}"}]


# --- text pieces ---------------------------------------------------------------


def split_label(result: Allocation, key: str, lang: str) -> str:
    """A label about the best split; under --target-roas, about the filled split (FILLED_LABELS)."""
    if result.target_roas is not None and key in FILLED_LABELS:
        return label(FILLED_LABELS[key], lang)
    return label(key, lang)


def objective_value(result: Allocation, value: float | None, style: NumberStyle) -> str:
    if value is None or math.isnan(value):
        return NONE
    return style.percent(value) if result.objective == "payback_probability" else style.money(value, 0)


def objective_gain(result: Allocation, style: NumberStyle) -> str:
    gain = result.gain
    if result.objective == "payback_probability":
        return f"{fixed(gain, 2, separators=True, plus=True, shift=2)} {label('percentage_points', style.lang)}"
    return _signed(style.money(gain, 0), gain)


def objective_name(result: Allocation, lang: str) -> str:
    window = result.payback_window
    return label(OBJECTIVE_LABELS[result.objective], lang).format(
        months=window.months, beyond=within_note(window, lang), samples=f"{result.samples:,}", seed=result.seed)


def _signed(text: str, value: float) -> str:
    """``text`` with a + for a rise; a change that rounds to 0 gets no sign (the solver's last step can leave 1e-10)."""
    if not any(digit in text for digit in "123456789"):
        return text.lstrip("-")
    return f"+{text}" if value > 0 else text


def warning_text(result: Allocation, warning: AllocationWarning, style: NumberStyle) -> str:
    lang = style.lang
    channel = next((row for row in result.channels if row.name == warning.channel), None)
    gated = _gate_warning_text(result, warning, style)
    if gated is not None:
        return gated
    if warning.code == "current_total_differs":
        if len(result.phases) > 1 or result.total:
            total, budget = told_apart(style.money, result.current_spend, result.best_spend, 0)
            return label("allocate_warning_current_total_differs_total", lang).format(total=total, budget=budget)
        total, budget = told_apart(style.money, sum(result.current_split.values()), result.budget, 0)
        return label("allocate_warning_current_total_differs", lang).format(total=total, budget=budget)
    if warning.code == "different_months" and result.total:
        # B's sentence would be wrong: a total is not spent in every month, a fill splits no amount at all.
        return label("allocate_warning_different_months_total" if result.target_roas is None
                     else "allocate_warning_different_months_target_roas", lang)
    if warning.code == "constraint_not_met" and (name := warning.channel or "") in result.constraints:
        value, limit = _constraint_texts(result, name, style)
        return label("allocate_warning_constraint_not_met", lang).format(
            constraint=label(CONSTRAINT_LABELS[name], lang), value=value, limit=limit)
    if warning.code == "marginal_roas_below_one" and channel is not None:
        return split_label(result, "allocate_warning_marginal_roas_below_one", lang).format(
            channel=channel.name, roas=style.ratio(plain(channel.best.marginal_roas)))
    if channel is None:
        return split_label(result, WARNING_LABELS[warning.code], lang)
    key: str = warning.code
    if key == "on_minimum" and channel.minimum == 0:
        if result.target_roas is not None:
            # Filled to nothing: its first yuan returns less than the target, which may be more than 1.
            return label("allocate_warning_gets_nothing_filled", lang).format(
                channel=channel.name, roas=style.ratio(plain(channel.best.marginal_roas)), target=style.ratio(result.target_roas))
        if channel.best.marginal_roas < 1:
            return label("allocate_warning_gets_nothing_below_one", lang).format(
                channel=channel.name, roas=style.ratio(plain(channel.best.marginal_roas)))
        key = "gets_nothing"
    return split_label(result, WARNING_LABELS[key], lang).format(
        channel=channel.name, amount=style.money(channel.minimum if key == "on_minimum" else channel.maximum, 0),
        budget=budget_name(result))


def _gate_warning_text(result: Allocation, warning: AllocationWarning, style: NumberStyle) -> str | None:
    """A warning about the gates (docs/allocate.md, gates); None for the others and for a best split the search found
    without them."""
    lang = style.lang
    names = [label("allocate_gate_name", lang).format(name=name) for name in result.held_for]
    gates = (label("allocate_gate_one", lang).format(name=names[0]) if len(names) == 1
             else label("allocate_gate_many", lang).format(names=", ".join(names)))
    months = months_named(result.held_months, lang)
    if warning.code == "gate_fails":
        gate = next(gate for gate in result.gates if gate.name == warning.gate)
        fields = {"gate": label("allocate_gate_name", lang).format(name=gate.name), "channels": ", ".join(gate.stops),
                  "month": gate.after_month}
        if gate.best > 0:
            return split_label(result, "allocate_warning_gate_fails_share", lang).format(
                share=style.percent(gate.best), today=style.percent(gate.current), **fields)
        return split_label(result, "allocate_warning_gate_fails", lang).format(**fields)
    if warning.code == "gates_held":
        # --target-roas fills each channel to the target rather than searching a split.
        key = "allocate_warning_gates_held" if result.target_roas is None else "allocate_warning_gates_held_filled"
        return label(key, lang).format(months=months, gates=gates)
    if warning.code != "best_is_current" or result.basis == "searched" or result.target_roas is not None:
        return None
    if result.basis == "held":
        return label("allocate_warning_best_is_current_held", lang).format(months=months, gates=gates)
    if result.held_months:
        return label("allocate_warning_best_is_current_held_worse", lang).format(months=months, gates=gates)
    return label("allocate_warning_best_is_current_staged", lang)


def _constraint_texts(result: Allocation, name: str, style: NumberStyle) -> tuple[str, str]:
    """A constraint's value and its limit; where it is not met, with the decimals that tell them apart (a peak cash
    need of 100,400 above a limit of 100,000 is no "10.0万 against a limit of 10.0万")."""
    check = result.constraints[name]
    if check.met:
        return _limit_text(result, name, check.value, style), _limit_text(result, name, check.limit, style)
    return told_apart(lambda value, extra: _limit_text(result, name, value, style, extra), check.value, check.limit, 0)


def _limit_text(result: Allocation, name: str, value: float, style: NumberStyle, extra: int = 0) -> str:
    """A constraint's value or limit; ``extra`` decimals to tell the two apart."""
    if name == "min_payback_probability":
        return style.percent(value, 2 + extra)
    if name == "reach" and result.reach is not None and result.reach.key not in ("gross_revenue", "cumulative_cash"):
        return style.count(value, extra)
    return style.money(value, extra)


def _budget_cell(channel: ChannelAllocation, style: NumberStyle, unit: str = "") -> tuple[str, str, str]:
    """Current, best and change of a channel's monthly budget (in ``unit`` when one is given)."""
    def amount(value: float) -> str:
        return style.in_unit(value, unit) if unit else style.money(value, 0)

    current, best = amount(channel.current_budget), amount(channel.best_budget)
    if channel.status != "movable":
        return current, best, label(STATUS_LABELS[channel.status], style.lang)
    change = channel.best_budget - channel.current_budget
    return current, best, _signed(amount(change), change)


WIDEST_BUDGET = 9
"""Cells of the longest budget the channel view shows as it is ("999,999"); from a million on, English budgets
(and changes) go in a unit stated in the header, or the table no longer fits 80 columns."""


def _budget_unit(result: Allocation, style: NumberStyle) -> str:
    cells = [cell for channel in result.channels for cell in _budget_cell(channel, style)]
    values = [value for channel in result.channels for value in (channel.current_budget, channel.best_budget)]
    return style.compact_unit(values) if any(cell_len(cell) > WIDEST_BUDGET for cell in cells) else ""


def _figure_text(name: str, value: float, style: NumberStyle) -> str:
    number = plain(value)
    return style.ratio(number) if name.endswith(("roas", "to_cac")) else style.money(number)


def _view_figure_text(name: str, value: float, style: NumberStyle) -> str:
    """A figure as the channel view shows it: a saturated channel's marginal CAC runs to billions, which in
    full ("2,706,745,123.45") would push the table past 80 columns; from ten million it reads in M (Chinese
    amounts are in 万 and 亿 already)."""
    number = plain(value)
    if not name.endswith(("roas", "to_cac")) and number is not None and abs(number) >= BIG_CAC and style.lang != "zh":
        return f"{fixed(number, 1, separators=True, shift=-6)}M"
    return _figure_text(name, value, style)


BIG_CAC = 1e7


# --- rows (CSV raw, markdown formatted) ----------------------------------------


def channel_rows(result: Allocation, style: NumberStyle | None = None) -> Rows:
    """One row per acquisition channel: budgets at both splits and the four figures at each."""
    header = ["channel", "type", "status", "minimum", "maximum", "current_budget", "best_budget", "change"]
    header += [f"{split}_{name}" for name in (*FIGURES, *VALUE_FIGURES) for split in ("current", "best")]
    header.append("months")
    if style is not None:
        lang = style.lang
        header = [split_label(result, key, lang) for key in ("channel", "type", "allocate_status", "allocate_minimum",
                                                              "allocate_maximum", "current", "allocate_best", "allocate_change")]
        header += [f"{label(FIGURE_LABELS[name], lang)} · {split_label(result, split, lang)}"
                   for name in (*FIGURES, *VALUE_FIGURES) for split in ("current", "allocate_best")]
        header.append(label("allocate_active_months", lang))
    rows: list[list[Any]] = []
    for channel in result.channels:
        if style is None:
            cells: list[Any] = [channel.name, channel.type, channel.status, channel.minimum, _bound(channel.maximum),
                                channel.current_budget, channel.best_budget, channel.best_budget - channel.current_budget]
            cells += [plain(getattr(figures, name)) for name in (*FIGURES, *VALUE_FIGURES)
                      for figures in (channel.current, channel.best)]
            cells.append(month_text(channel.months))
        else:
            current, best, change = _budget_cell(channel, style)
            maximum = NONE if math.isinf(channel.maximum) else style.money(channel.maximum, 0)
            cells = [channel.name, channel_type_label(channel.type, style.lang), label(STATUS_LABELS[channel.status], style.lang),
                     style.money(channel.minimum, 0), maximum, current, best, change]
            cells += [_figure_text(name, getattr(figures, name), style) for name in (*FIGURES, *VALUE_FIGURES)
                      for figures in (channel.current, channel.best)]
            cells.append(month_text(channel.months))
        rows.append(cells)
    return header, rows


def curve_rows(result: Allocation, style: NumberStyle | None = None) -> Rows:
    """One row per budget of the curve: the best value, its slope and the best split (with phases, a column per
    channel and phase, named ``channel [months]``)."""
    many = len(result.phases) > 1
    slots = ([(k, name) for k, phase in enumerate(result.phases) for name in phase.best] if result.phases
             else [(0, name) for name in result.best_split])
    names = [f"{name} [{month_text(result.phases[k].months)}]" if many else name for k, name in slots]
    # Machines always get the column; people only when there are limits to keep.
    limits = style is None or has_limits(result)
    leading = ["budget", "multiple", "value", "marginal_value", *(["limit_met"] if limits else [])]
    # CSV ends with the currency column (AllocationPresenter.rows): no channel's column may read as it.
    header = [*leading, *_distinct(names, [*leading, *([CURRENCY] if style is None else [])])]
    if style is not None:
        slope_key = "allocate_curve_slope_probability" if result.objective == "payback_probability" else "allocate_curve_slope"
        header[:len(leading)] = [curve_label(result, key, style.lang) for key in (
            "allocate_curve_budget", "allocate_multiple", "allocate_curve_value", slope_key,
            *(["allocate_curve_limits"] if limits else []))]
    rows: list[list[Any]] = []
    for point, slope in zip(result.curve, curve_slopes(result.curve), strict=True):
        split = [(point.phases[k] if point.phases else point.split).get(name) for k, name in slots]
        if style is None:
            rows.append([point.budget, point.budget / result.budget, plain(point.value), slope, point.limit_met, *split])
        else:
            kept = ["✓" if point.limit_met else "✗"] if limits and not math.isnan(point.value) else [NONE] if limits else []
            rows.append([style.money(point.budget, 0), f"{fixed(point.budget / result.budget, 2)}×",
                         objective_value(result, point.value, style), _slope_text(result, slope, style), *kept,
                         *(NONE if amount is None else style.money(amount, 0) for amount in split)])
    return header, rows


def has_limits(result: Allocation) -> bool:
    """Whether a limit (--max-cash-need, --min-payback-probability) was asked for; a milestone is none."""
    return any(name != "reach" for name in result.constraints)


def _distinct(names: list[str], leading: list[str]) -> list[str]:
    """Column names a spreadsheet or pandas can tell apart: a channel named as one of the table's own ``leading``
    columns (``value``, ``budget``) reads ``value (channel)``, and a name two channels share gets ``#2``, ``#3``."""
    taken = set(leading)
    distinct = []
    for name in names:
        chosen = f"{name} (channel)" if name in leading else name
        count = 1
        while chosen in taken:
            count += 1
            chosen = f"{name} #{count}"
        taken.add(chosen)
        distinct.append(chosen)
    return distinct


def allocation_rows(result: Allocation, table: str = "channels") -> Rows:
    """The raw rows of ``table`` (channels or curve) for CSV."""
    return curve_rows(result) if table == "curve" else channel_rows(result)


def allocation_markdown(result: Allocation, style: NumberStyle) -> str:
    """Summary lines, the channel table, the budget curve and the warnings, for a pull-request comment."""
    lang = style.lang
    lines = [f"### {markdown_text(_title(result, style))}", "",
             *(f"- {markdown_text(name)}: {markdown_text(value)}" for name, value in _summary(result, style)), ""]
    for lead in lead_texts(result, style):
        lines += [f"**{markdown_text(lead)}**", ""]
    text = "\n".join(lines) + "\n"
    if len(result.phases) > 1:
        header = [split_label(result, key, lang) for key in ("allocate_active_months", "channel", "current", "allocate_best")]
        text += to_markdown((header, [list(row) for row in phase_rows(result, style)]), label("allocate_phases", lang),
                            text_columns=2) + "\n"
    text += to_markdown(channel_rows(result, style), label("allocate_channels_title", lang))
    text += "\n" + to_markdown(curve_rows(result, style), _curve_title(result, lang))
    if note := _curve_caption(result, result.recommended, style):
        text += f"\n{markdown_text(note)}\n"
    warnings = [warning_text(result, warning, style) for warning in result.warnings if not leads(result, warning)]
    if warnings:
        text += f"\n### {label('allocate_warnings', lang)}\n\n" + "".join(f"- {markdown_text(line)}\n" for line in warnings)
    return text


# --- Rich view -----------------------------------------------------------------


def _title(result: Allocation, style: NumberStyle) -> str:
    template = label("allocate_title", style.lang)
    if result.target_roas is None and result.reach is None and not result.total:
        return template.format(scenario=result.scenario, budget=style.money(result.budget, 0), currency=style.currency)
    # The template is cut before it is filled: a scenario's name may hold " · B = " too.
    head = template.split(" · B = ")[0].split(" · 每月预算 B = ")[0].format(scenario=result.scenario)
    if result.reach is not None:
        tail = label("allocate_reach_title", style.lang).format(
            milestone=f"{result.reach.key}@{result.reach.month}", value=_limit_text(result, "reach", result.reach.value, style),
            budget=style.money(result.budget, 0))
    elif result.target_roas is not None:
        tail = label("allocate_target_roas_title", style.lang).format(roas=style.ratio(result.target_roas),
                                                                      budget=style.money(result.budget, 0))
    else:
        tail = label("allocate_total_title", style.lang).format(budget=style.money(result.budget, 0))
    return f"{head} · {tail} ({style.currency})"


def _asked(result: Allocation, style: NumberStyle) -> str:
    return f"{budget_name(result)} = {style.money(result.budget, 0)}"


def budget_name(result: Allocation) -> str:
    """What the notes call the money split: T, a total over the horizon, or B, a monthly budget."""
    return "T" if result.total else "B"


def spend_less_text(result: Allocation, style: NumberStyle) -> str | None:
    """"Spend less" when the best value of the budget curve lies at a lower budget than asked (docs/allocate.md)."""
    recommended = result.recommended
    if recommended is None or recommended.budget >= result.budget * (1 - 1e-9):
        return None
    if not all(check.met for name, check in result.constraints.items() if name != "reach"):
        # B keeps no limit and a lower budget does: that, not the value, is why to spend less.
        return label("allocate_spend_less_limits", style.lang).format(
            asked=_asked(result, style), objective=short_label(OBJECTIVE_LABELS[result.objective], style.lang),
            budget=style.money(recommended.budget, 0), value=objective_value(result, recommended.value, style))
    loss = recommended.value - result.best_value
    if not loss > 0:
        return None
    points = f"{fixed(loss, 2, separators=True, shift=2)} {label('percentage_points', style.lang)}"
    loss_text = points if result.objective == "payback_probability" else style.money(loss, 0)
    key = "allocate_spend_nothing" if recommended.budget == 0 else "allocate_spend_less"
    values = {"objective": short_label(OBJECTIVE_LABELS[result.objective], style.lang),
              "budget": style.money(recommended.budget, 0), "value": objective_value(result, recommended.value, style),
              "asked": _asked(result, style), "loss": loss_text}
    if result.target_roas is None:
        return label(key, style.lang).format(**values)
    # The loss is the filled split's, which need not be the curve's best at T.
    values["asked"] = label("allocate_asked_filled", style.lang).format(asked=values["asked"])
    return filled(key, style.lang, **values)


def phase_rows(result: Allocation, style: NumberStyle) -> list[tuple[str, str, str, str]]:
    """(months, channel, current, best) monthly budgets, one row per channel of each phase."""
    rows = []
    for phase in result.phases:
        months = months_named(phase.months, style.lang, capital=True)
        for n, name in enumerate(phase.best):
            rows.append((months if n == 0 else "", name, style.money(phase.current[name], 0), style.money(phase.best[name], 0)))
    return rows


def month_text(months: tuple[int, ...]) -> str:
    """Months as the tables write ranges, ``1..3, 7``: a ``1-3`` there would read as a negative number."""
    return month_runs(months, "..")


def phases_view(result: Allocation, style: NumberStyle) -> Table:
    lang = style.lang
    view = Table(title=label("allocate_phases", lang), title_justify="left")
    view.add_column(label("allocate_active_months", lang), no_wrap=True)
    view.add_column(label("channel", lang))
    view.add_column(label("current", lang), justify="right", no_wrap=True)
    view.add_column(split_label(result, "allocate_best", lang), justify="right", no_wrap=True)
    for months, name, current, best in phase_rows(result, style):
        view.add_row(months, visible(name), current, Text(best, style="bold"))
    return view


def _summary(result: Allocation, style: NumberStyle) -> list[tuple[str, str]]:
    """(label, value) lines: the objective, its value at the current and the best split, each limit, the gain."""
    lang = style.lang
    limits = [(label(CONSTRAINT_LABELS[name], lang)[:1].upper() + label(CONSTRAINT_LABELS[name], lang)[1:],
               f"{value} ({'≤' if name == 'max_cash_need' else '≥'} {limit} {'✓' if check.met else '✗'})")
              for name, check in result.constraints.items() for value, limit in [_constraint_texts(result, name, style)]]
    return [
        (label("allocate_objective", lang), objective_name(result, lang)),
        (label("allocate_current_split", lang), objective_value(result, result.current_value, style)),
        (split_label(result, "allocate_best_split", lang), objective_value(result, result.best_value, style)),
        *limits,
        (label("allocate_gain", lang), objective_gain(result, style)),
    ]


def curve_label(result: Allocation, key: str, lang: str) -> str:
    """A curve header; with a horizon total the budgets are totals, multiples of T."""
    if result.total and key in TOTAL_LABELS:
        return label(TOTAL_LABELS[key], lang)
    return label(key, lang)


def _curve_title(result: Allocation, lang: str) -> str:
    return curve_label(result, "allocate_curve_title", lang).format(objective=short_label(OBJECTIVE_LABELS[result.objective], lang))


def _slope_text(result: Allocation, slope: float | None, style: NumberStyle) -> str:
    if slope is None:
        return NONE
    if result.objective == "payback_probability":
        # A probability per yuan is unreadably small: per 10% of B instead.
        return f"{fixed(slope * result.budget * 0.1, 2, separators=True, plus=True, shift=2)} {label('percentage_points', style.lang)}"
    return fixed(slope, 2, separators=True, plus=True)


def summary_view(result: Allocation, style: NumberStyle) -> Group:
    grid = Table.grid(padding=(0, 2))
    grid.add_column()
    grid.add_column(justify="right")
    summary = _summary(result, style)
    for row, (name, value) in enumerate(summary):
        gain = row == len(summary) - 1
        grid.add_row(name, Text(value, style=("green" if result.gain > 0 else "dim") if gain else ""))
    return Group(Text(visible(_title(result, style)), style="bold"), grid)
    return grid


VIEW_COLUMNS = ("allocate_budget", "allocate_marginal_roas", "allocate_roas", "allocate_ltv_to_cac", "allocate_cac",
                "allocate_ltv", "allocate_change", "allocate_marginal_cac")
"""The channel view's number columns, most important first: a narrow terminal loses them from the end. The
active months are under the channel's name."""
VIEW_ORDER = ("allocate_budget", "allocate_change", "allocate_roas", "allocate_marginal_roas",
              "allocate_cac", "allocate_marginal_cac", "allocate_ltv", "allocate_ltv_to_cac")
"""The order in which the kept columns are shown."""
FIGURE_OF = {key: name for name, key in FIGURE_LABELS.items()}


def _view_cells(result: Allocation, style: NumberStyle, unit: str) -> dict[str, list[tuple[str, str]]]:
    """Label key -> per channel its (current row, best row) texts."""
    columns: dict[str, list[tuple[str, str]]] = {key: [] for key in VIEW_ORDER}
    for channel in result.channels:
        current, best, change = _budget_cell(channel, style, unit)
        columns["allocate_budget"].append((current, best))
        columns["allocate_change"].append(("", change) if channel.status == "movable" else (change, ""))
        for key, name in FIGURE_OF.items():
            texts = [_view_figure_text(name, getattr(figures, name), style) for figures in (channel.current, channel.best)]
            columns[key].append((texts[0], texts[1]) if channel.status == "movable" else (texts[0], ""))
    return columns


def channels_view(result: Allocation, style: NumberStyle) -> Fitted:
    """Per channel a row at the current and one at the best split: active months, monthly budget, change,
    average and marginal ROAS and CAC, LTV and LTV/CAC. Two short rows rather than "now → best" cells; a
    narrow terminal drops the least important columns first (VIEW_COLUMNS), numbers are never split."""
    lang = style.lang
    unit = _budget_unit(result, style)
    cells = _view_cells(result, style, unit)
    split_width = max(cell_len(split_label(result, key, lang)) for key in ("allocate_split", "current", "allocate_best"))
    kinds = [f"{channel_type_label(channel.type, lang)} · {months_named(channel.months, lang)}" for channel in result.channels]
    # A name breaks only between its words (小红书KOC is one), its kind's line between its words too, a month range
    # kept with its 第 and 月 (按展示付 / 费 · 第 / 3..12 月 at 80 columns): the column is never narrower than the longest.
    name_width = max(8, *(cell_len(word) for channel in result.channels for word in visible(channel.name).split()),
                     *(cell_len(word) for kind in kinds for word in [*kind.split(), *glued_pieces(kind)]))

    def header(key: str) -> str:
        text = label(key, lang).replace(" ", "\n", 1)
        return text + (f" ({unit})" if unit and key in ("allocate_budget", "allocate_change") else "")

    def width_of(key: str) -> int:
        return max(cell_len(text) for text in [*(t for pair in cells[key] for t in pair), *header(key).split()])

    def build(width: int) -> Captioned:
        kept = list(VIEW_COLUMNS)
        while len(kept) > 1 and sum(map(width_of, kept)) + name_width + split_width + table_overhead(len(kept) + 2) > width:
            kept.pop()
        # The kinds break only where the room left by the other columns needs it: a wide terminal keeps each on a line.
        room = width - sum(map(width_of, kept)) - split_width - table_overhead(len(kept) + 2)
        column = max(name_width, min(room, max(cell_len(kind) for kind in kinds)))
        roas = "" if result.target_roas is None else style.ratio(result.target_roas)
        caption = split_label(result, "allocate_channels_caption", lang).format(budget=budget_name(result), roas=roas)
        if "allocate_ltv" in kept or "allocate_ltv_to_cac" in kept:
            caption += " " + label("allocate_figures_note_ltv", lang)
        view = Table(title=label("allocate_channels_title", lang), title_justify="left")
        view.add_column(label("channel", lang), min_width=column, overflow="fold")
        view.add_column(label("allocate_split", lang), min_width=split_width)
        shown = [key for key in VIEW_ORDER if key in kept]
        for key in shown:
            # A Text: DataConsole would write the line break of a str out visibly, as \x0a.
            view.add_column(Text(header(key)), justify="right", no_wrap=True, min_width=width_of(key))
        for n, channel in enumerate(result.channels):
            first = [cells[key][n][0] for key in shown]
            second = [cells[key][n][1] for key in shown]
            kind = sentence_lines(kinds[n], column)
            kind.stylize("dim")
            if channel.status != "movable":
                view.add_row(Text(visible(channel.name)), label("current", lang), *first)
                view.add_row(kind, end_section=True)
                continue
            moved = channel.best_budget - channel.current_budget
            change = cells["allocate_change"][n][1]
            styled = [Text(text, style="bold") if key == "allocate_budget" else
                      Text(text, style="" if change.lstrip("+-") in ("0", "0.0") else "green" if moved > 0 else "red")
                      if key == "allocate_change" else text for key, text in zip(shown, second, strict=True)]
            view.add_row(Text(visible(channel.name)), label("current", lang), *first)
            view.add_row(kind, Text(split_label(result, "allocate_best", lang), style="bold"), *styled, end_section=True)
        return Captioned(view, caption)

    return Fitted(build)


def curve_view(result: Allocation, style: NumberStyle) -> Fitted:
    """The best value for budgets 0.25B..2B as a bar per budget, the slope of the next yuan and the peak marked."""
    lang = style.lang
    peak = result.recommended
    slope_key = "allocate_curve_slope_probability" if result.objective == "payback_probability" else "allocate_curve_slope"
    values = [point.value for point in result.curve if not math.isnan(point.value)]
    # One axis from the worst value (or 0) up: the best value draws the longest bar, a loss a shorter one than any
    # gain, and a loss is drawn in its own shade, so the bars read right without colour too (NO_COLOR, a printout).
    floor = min([0.0, *values])
    scale = (max([0.0, *values]) - floor) or 1.0
    numbers = {"allocate_curve_budget": [style.money(point.budget, 0) for point in result.curve],
               "allocate_multiple": ["0.00"],
               "allocate_curve_value": [objective_value(result, point.value, style) for point in result.curve],
               slope_key: [_slope_text(result, slope, style) for slope in curve_slopes(result.curve)]}
    peak_mark = f" ★ {label(peak_key(result), lang)}"

    def marks(point: CurvePoint) -> list[tuple[str, str]]:
        found = [(peak_mark, "bold")] if point is peak else []
        if not point.limit_met:
            found.append((f" ✗ {label('allocate_curve_limit_not_met', lang)}", "yellow"))
        found += [(f" ✗ {label('allocate_curve_gate_fails', lang).format(gate=gate)}", "yellow") for gate in point.failed_gates]
        if point.held_months:
            found.append((f" {label('allocate_curve_held', lang).format(months=months_named(point.held_months, lang))}", "dim"))
        return found

    def length(point: CurvePoint, longest: int) -> int:
        return max(1, round(longest * (point.value - floor) / scale))

    widest = max([cell_len(label("allocate_curve_infeasible", lang)),
                  *(length(point, CURVE_BAR_WIDTH) + sum(cell_len(mark) for mark, _ in marks(point))
                    for point in result.curve if not math.isnan(point.value))])

    def bar_cell(point: CurvePoint, room: int) -> Text:
        """The point's bar, scaled so the longest with the peak's mark fills ``room``, and its marks: each on the
        bar's line while it fits, else on a line of its own, so a bar is never folded below its row."""
        if math.isnan(point.value):
            return Text(label("allocate_curve_infeasible", lang), style="dim")
        longest = min(CURVE_BAR_WIDTH, room - cell_len(peak_mark))
        line = length(point, longest if longest >= MIN_CURVE_BAR else room)
        bar = Text(("█" if point.value >= 0 else "▒") * line, style="green" if point.value >= 0 else "red")
        for mark, mark_style in marks(point):
            if line + cell_len(mark) > room:
                bar.append("\n")
                mark, line = mark.lstrip(), 0
            bar.append(mark, style=mark_style)
            line += cell_len(mark)
        return bar

    def build(width: int) -> Table:
        # Numbers keep their whole width (an 80-column terminal once read "1,000,0…"): when the headers on one
        # line leave the bars too little room, each header wraps down to its longest word; the bars then take what
        # is left (at 60 columns a bar of fixed length once folded onto a second line).
        natural = [max(cell_len(text) for text in [*cells, curve_label(result, key, lang)]) for key, cells in numbers.items()]
        if sum(natural) + CURVE_BAR_WIDTH + cell_len(peak_mark) + table_overhead(len(numbers) + 1) > width:
            natural = [max(cell_len(text) for text in [*cells, *curve_label(result, key, lang).split()])
                       for key, cells in numbers.items()]
        room = bar_room(width, natural, widest, least=MIN_CURVE_BAR)
        view = Table(title=_curve_title(result, lang), title_justify="left", caption=_curve_caption(result, peak, style),
                     caption_justify="left")
        for (key, _), wide in zip(numbers.items(), natural, strict=True):
            view.add_column(curve_label(result, key, lang), justify="right", width=wide)
        view.add_column("", width=room, overflow="fold")
        for point, slope in zip(result.curve, curve_slopes(result.curve), strict=True):
            at_budget = math.isclose(point.budget, result.budget)
            bar = bar_cell(point, room)
            slope_text = Text(_slope_text(result, slope, style), style="" if not slope else "green" if slope > 0 else "red")
            view.add_row(style.money(point.budget, 0), fixed(point.budget / result.budget, 2), objective_value(result, point.value, style),
                         slope_text, bar, style="bold" if at_budget else None)
        return view

    return Fitted(build)


def fill_note(result: Allocation, style: NumberStyle) -> str | None:
    """Under --target-roas, where the curve's point at T (the best split of T) reads otherwise than the filled split
    the summary shows: both values, and why they differ."""
    at_budget = next((point for point in result.curve if point.budget == result.budget), None)
    if result.target_roas is None or at_budget is None or math.isnan(at_budget.value):
        return None
    def show(value: float, places: int, shown: NumberStyle = style) -> str:
        return shown.percent(value, 2 + places) if result.objective == "payback_probability" else shown.money(value, places)

    # Told apart where the figures differ as the English tables round them: a zh 1.1万 may be 11,167 or 11,258.
    if show(at_budget.value, 0, NumberStyle()) == show(result.best_value, 0, NumberStyle()):
        return None
    best_text, filled_text = told_apart(show, at_budget.value, result.best_value, 0)
    return label("allocate_curve_fill_note", style.lang).format(
        best=best_text, filled=filled_text, objective=short_label(OBJECTIVE_LABELS[result.objective], style.lang))


def peak_key(result: Allocation) -> str:
    """The label of the curve's best point: no "peak" where the curve is still rising at its end."""
    return "allocate_peak_edge" if result.still_rising else "allocate_peak"


def _curve_caption(result: Allocation, peak: CurvePoint | None, style: NumberStyle) -> str:
    return sentences([_peak_caption(result, peak, style), fill_note(result, style) or ""], style.lang)


def _peak_caption(result: Allocation, peak: CurvePoint | None, style: NumberStyle) -> str:
    lang = style.lang
    if peak is None:
        fits = any(not math.isnan(point.value) for point in result.curve)
        return label("allocate_curve_no_limit_met" if fits else "allocate_curve_none", lang)
    feasible = sorted((point for point in result.curve if not math.isnan(point.value)), key=lambda point: point.budget)
    at = feasible.index(peak)  # the last one exactly when result.still_rising
    # Sampled points of a concave curve: its top lies between the peak's neighbours.
    low = feasible[at - 1].budget if at > 0 else 0.0
    high = feasible[at + 1].budget if at + 1 < len(feasible) else peak.budget
    key = ("allocate_curve_rising" if at + 1 == len(feasible) else
           "allocate_curve_peak_limits" if not feasible[at + 1].limit_met else "allocate_curve_peak")
    # "2.00 × T" where the budgets are horizon totals, as the curve's column says.
    multiple = f"{fixed(peak.budget / result.budget, 2)} {curve_label(result, 'allocate_multiple', lang)}"
    return label(key, lang).format(budget=style.money(peak.budget, 0), multiple=multiple,
                                   low=style.money(low, 0), high=style.money(high, 0))


def warnings_view(result: Allocation, style: NumberStyle) -> Prose:
    text = Text()
    for warning in result.warnings:
        if not leads(result, warning):
            text.append(f"! {visible(warning_text(result, warning, style))}\n", style="yellow")
    return Prose(text)


def leads(result: Allocation, warning: AllocationWarning) -> bool:
    """Whether a warning is shown under the summary, before any table: a gate that fails at the best split, or fails
    there in more draws than today, stops channels whose budgets the tables still show. One that fails in some draws
    as often as today is a staged plan's nature, and stays with the other warnings."""
    gate = next((gate for gate in result.gates if gate.name == warning.gate), None)
    return warning.code == "gate_fails" and gate is not None and (gate.best == 0 or gate.best < gate.current)


def lead_texts(result: Allocation, style: NumberStyle) -> list[str]:
    """The lines shown under the summary: a gate failing at the best split, then "spend less"."""
    texts = [warning_text(result, warning, style) for warning in result.warnings if leads(result, warning)]
    spend_less = spend_less_text(result, style)
    return texts + ([] if spend_less is None else [spend_less])


def allocation_view(result: Allocation, style: NumberStyle) -> list[RenderableType]:
    views: list[RenderableType] = [summary_view(result, style)]
    views += [Prose(Text(f"» {visible(text)}", style="bold yellow")) for text in lead_texts(result, style)]
    if len(result.phases) > 1:
        views.append(phases_view(result, style))
    views.append(channels_view(result, style))
    if result.curve:
        views.append(curve_view(result, style))
    if any(not leads(result, warning) for warning in result.warnings):
        views.append(warnings_view(result, style))
    return views


@dataclass(frozen=True)
class AllocationPresenter(Presenter[Allocation]):
    """``allocate`` in every format (CSV: the ``table`` asked, channels or curve), and its ``--plot``: the budget curve."""

    style: NumberStyle
    table: str = "channels"

    def data(self, result: Allocation) -> dict[str, Any]:
        return {**allocation_json(result), "currency": self.style.currency}

    def rows(self, result: Allocation) -> Rows:
        """The CSV, ``currency`` on every row: a channel's budgets, a point of the curve's budget and split."""
        return with_currency(allocation_rows(result, self.table), self.style.currency)

    def markdown(self, result: Allocation) -> str:
        return allocation_markdown(result, self.style)

    def view(self, result: Allocation) -> list[RenderableType]:
        return allocation_view(result, self.style)

    def figure(self, result: Allocation, style: NumberStyle) -> Figure:
        from aigc_roi.present.allocation_chart import budget_curve_figure

        return budget_curve_figure(result, style)

    def figure_name(self, result: Allocation) -> str:
        return result.scenario
