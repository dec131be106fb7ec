"""An allocation (whatif/allocate.py): JSON, CSV/markdown rows and the presenter. Returns objects; the CLI prints
them. The Rich view is present/allocation_view.py, loaded for the terminal only; the words are
allocation_labels.py and allocation_notes.py."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aigc_roi.model.figures import plain
from aigc_roi.model.gate_names import indexed
from aigc_roi.model.paths import channel_path
from aigc_roi.model.rounding import fixed
from aigc_roi.present.allocation_labels import (
    FIGURE_LABELS,
    FIGURES,
    STATUS_LABELS,
    VALUE_FIGURES,
    budget_places,
    budget_text,
    curve_label,
    curve_title,
    objective_value,
    slope_text,
    split_label,
    split_text,
)
from aigc_roi.present.allocation_notes import (
    allocation_title,
    curve_caption,
    lead_texts,
    leads,
    summary_lines,
    warning_text,
)
from aigc_roi.present.channel_labels import channel_type_label
from aigc_roi.present.clipped_draws import clipped_draw_warnings
from aigc_roi.present.labels import label
from aigc_roi.present.month_words import labelled, labelled_runs, month_span, months_named
from aigc_roi.present.numbers import NONE, NumberStyle, signed_change
from aigc_roi.present.payback_window import past_horizon_warning, window_field
from aigc_roi.present.presenter import Presenter
from aigc_roi.present.tables import CURRENCY, to_markdown, with_currency
from aigc_roi.present.tables import Table as Rows
from aigc_roi.present.text import markdown_heading, markdown_text
from aigc_roi.whatif.allocate import Allocation, AllocationWarning, ChannelAllocation, ChannelFigures, CurvePoint

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from rich.console import RenderableType


def _bound(value: float) -> float | None:
    """A bound for machines: an absent maximum (inf) is null."""
    return None if math.isinf(value) else value


def _figures_json(budget: float, figures: ChannelFigures) -> dict[str, Any]:
    return {"budget": budget, **{name: plain(getattr(figures, name)) for name in (*FIGURES, *VALUE_FIGURES)}}


def _months_json(result: Allocation, months: Sequence[int], key: str = "months",
                 labels_key: str = "month_labels") -> dict[str, list[Any]]:
    """``months`` under ``key`` and each one's label under ``labels_key`` (``2025-03``, ``M3`` without a start), as
    run's JSON labels its months and the terminal and markdown name their calendar months."""
    return {key: list(months), labels_key: labelled(months, result.month_labels)}


def _phases_json(result: Allocation, splits: Sequence[Mapping[str, float]]) -> list[dict[str, Any]]:
    return [{**_months_json(result, phase.months), "split": dict(split)}
            for phase, split in zip(result.phases, splits, strict=False)]


def curve_slopes(curve: tuple[CurvePoint, ...]) -> list[float | None]:
    """Change of the best value per extra unit of B between each curve point and the previous one
    (None for the first point and next to an infeasible one): the return of the next unit of money of B."""
    slopes: list[float | None] = [None] if curve else []
    for before, after in zip(curve, curve[1:], strict=False):
        feasible = not (math.isnan(before.value) or math.isnan(after.value))
        slopes.append((after.value - before.value) / (after.budget - before.budget) if feasible else None)
    return slopes


def _gate_json(result: Allocation, warning: AllocationWarning, places: list[dict[str, int]]) -> dict[str, Any]:
    """A gate warning's gate: its real ``name`` and, where another gate shares it, ``gate_index`` (its place in
    ``gates``), as ``gates[]`` carries ``index`` (model/gate_names.py)."""
    if warning.gate is None:
        return {}
    at = places[warning.gate]
    return {"gate": result.gates[warning.gate].name, **({"gate_index": at["index"]} if at else {})}


def allocation_json(result: Allocation, currency: str) -> dict[str, Any]:
    """The JSON of docs/formulas.md §8, plus each channel's figures at both splits, the budget curve and the warnings
    (in English, their money in the plan's ``currency``)."""
    places = indexed([gate.name for gate in result.gates])
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
                    "phases": _phases_json(result, [phase.current for phase in result.phases]), "spend": result.current_spent,
                    "spend_mean_over_draws": plain(result.current_spent_mean)},
        "best": {"split": result.best_split, "value": plain(result.best_value),
                 "phases": _phases_json(result, [phase.best for phase in result.phases]), "spend": result.best_spend,
                 # What run spends (gates at the medians) above; under a risk objective the draws' mean, each deciding
                 # the gates, beside it, never in its place (null for the other objectives).
                 "spend_mean_over_draws": plain(result.best_spend_mean),
                 "basis": result.basis,
                 # The channels written by volume under draws it leaves at today's money and reads as the file writes
                 # them, that form ranking higher (docs/allocate.md, channels given by volume).
                 "as_written": list(result.kept_as_written),
                 **_months_json(result, result.held_months if result.basis == "held" else (), "held_months",
                                "held_month_labels")},
        "gain": plain(result.gain),
        # Today's budgets with the channels the best split moves in budget form (docs/allocate.md, channels given by
        # volume): null where no channel written by volume under draws is moved.
        "current_in_budget_form": None if result.current_in_budget_form is None else plain(result.current_in_budget_form),
        "recommended_budget": None if (recommended := result.recommended) is None else recommended.budget,
        "still_rising": result.still_rising,
        # Ties go to the lowest budget; the curve stays at that value up to here (null: it falls at the next point).
        "flat_until": None if (flat := result.flat_until) is None else flat.budget,
        "target_roas": result.target_roas,
        "reach": None if result.reach is None else {"key": result.reach.key, "month": result.reach.month, "value": result.reach.value},
        "constraints": {name: {"limit": check.limit, "value": plain(check.value), "met": check.met}
                        for name, check in result.constraints.items()},
        "gates": [{"name": gate.name, **at, "after_month": gate.after_month, "stops": list(gate.stops),
                   "current_pass_share": gate.current, "best_pass_share": gate.best}
                  for gate, at in zip(result.gates, places, strict=True)],
        "channels": [
            {
                "name": channel.name,
                "path": channel_path(channel.index),
                "type": channel.type,
                "status": channel.status,
                "minimum": channel.minimum,
                "maximum": _bound(channel.maximum),
                **_months_json(result, channel.months),
                "current": _figures_json(channel.current_budget, channel.current),
                "best": _figures_json(channel.best_budget, channel.best),
            }
            for channel in result.channels
        ],
        "curve": [
            {"budget": point.budget, "multiple": point.budget / result.budget, "value": plain(point.value),
             "marginal_value": slope, "limit_met": point.limit_met,
             **_months_json(result, point.held_months, "held_months", "held_month_labels"),
             "failed_gates": list(point.failed_gates),
             # At B, where B is today's spend: the channels run in budget form there, as at the other budgets, and the
             # value with them as the file writes them (docs/allocate.md, channels given by volume).
             "in_budget_form": list(point.in_budget_form),
             "value_as_written": plain(point.as_written) if point.in_budget_form else None,
             # Or the channels it reads as written there, today's plan as the file writes it ranking higher, and the
             # value with them in budget form, the other points' form.
             "as_written": list(point.kept_as_written),
             "value_in_budget_form": plain(point.in_form_value) if point.kept_as_written else None,
             "split": dict(point.split),
             "phases": _phases_json(result, point.phases)}
            for point, slope in zip(result.curve, curve_slopes(result.curve), strict=True)
        ],
        "warnings": [
            {"code": warning.code, "channel": warning.channel, **_gate_json(result, warning, places),
             **({"phases": [{**_months_json(result, result.phases[k].months), "spend": sum(result.phases[k].current.values())}
                            for k in warning.phases]} if warning.phases else {}),
             # The months a channel's minimum or maximum holds in, where a failed gate stops it after them.
             **(_months_json(result, warning.months) if warning.months else {}),
             "message": warning_text(result, warning, NumberStyle("en", currency))}
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


def channel_rows(result: Allocation, style: NumberStyle | None = None) -> Rows:
    """One row per acquisition channel: budgets at both splits and the four figures at each."""
    header = ["channel", "type", "status", "minimum", "maximum", "current_budget", "best_budget", "change"]
    header += [f"{split}_{name}" for name in (*FIGURES, *VALUE_FIGURES) for split in ("current", "best")]
    header += ["months", "months_label"]
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
            cells += [month_span(channel.months), labelled_runs(channel.months, result.month_labels)]
        else:
            current, best, change = budget_cells(result, channel, style)
            money = budget_text(result, style)
            maximum = NONE if math.isinf(channel.maximum) else money(channel.maximum)
            cells = [channel.name, channel_type_label(channel.type, style.lang), label(STATUS_LABELS[channel.status], style.lang),
                     money(channel.minimum), maximum, current, best, change]
            cells += [figure_text(name, getattr(figures, name), style) for name in (*FIGURES, *VALUE_FIGURES)
                      for figures in (channel.current, channel.best)]
            cells.append(month_span(channel.months, style.lang, result.month_labels))
        rows.append(cells)
    return header, rows


def curve_rows(result: Allocation, style: NumberStyle | None = None,
               budget: Callable[[float], str] | None = None) -> Rows:
    """One row per budget of the curve: the best value, its slope and the best split (with phases, a column per
    channel and phase, named ``channel [months]``). ``budget`` writes the budgets and splits for people (as the
    other tables do, ``budget_text``, when not given); the report's, as its chart beside the table does
    (report/svg.py ``x_values``)."""
    many = len(result.phases) > 1
    slots = ([(k, name) for k, phase in enumerate(result.phases) for name in phase.best] if result.phases
             else [(0, name) for name in result.best_split])
    lang = None if style is None else style.lang
    names = [f"{name} [{month_span(result.phases[k].months, lang, result.month_labels)}]" if many else name
             for k, name in slots]
    # Machines always get the column; people only when there are limits to keep.
    limits = style is None or has_limits(result)
    leading = ["budget", "multiple", "value", "marginal_value", *(["limit_met"] if limits else [])]
    # CSV ends with the currency column (AllocationPresenter.rows): no channel's column may read as it.
    header = [*leading, *_distinct(names, [*leading, *([CURRENCY] if style is None else [])])]
    if style is not None:
        slope_key = "allocate_curve_slope_probability" if result.objective == "payback_probability" else "allocate_curve_slope"
        header[:len(leading)] = [curve_label(result, key, style) for key in (
            "allocate_curve_budget", "allocate_multiple", "allocate_curve_value", slope_key,
            *(["allocate_curve_limits"] if limits else []))]
    rows: list[list[Any]] = []
    for point, slope in zip(result.curve, curve_slopes(result.curve), strict=True):
        split = [(point.phases[k] if point.phases else point.split).get(name) for k, name in slots]
        if style is None:
            rows.append([point.budget, point.budget / result.budget, plain(point.value), slope, point.limit_met, *split])
        else:
            money = budget or budget_text(result, style)
            found = budget or split_text(result, style)
            kept = ["✓" if point.limit_met else "✗"] if limits and not math.isnan(point.value) else [NONE] if limits else []
            rows.append([money(point.budget), f"{fixed(point.budget / result.budget, 2)}×",
                         objective_value(result, point.value, style), slope_text(result, slope, style), *kept,
                         *(NONE if amount is None else found(amount) for amount in split)])
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
    lines = [markdown_heading(3, allocation_title(result, style)), "",
             *(f"- {markdown_text(name)}: {markdown_text(value)}" for name, value in summary_lines(result, style)), ""]
    for lead in lead_texts(result, style):
        lines += [f"**{markdown_text(lead)}**", ""]
    text = "\n".join(lines) + "\n"
    if len(result.phases) > 1:
        header = [split_label(result, key, lang) for key in ("allocate_active_months", "channel", "current", "allocate_best")]
        text += to_markdown((header, [list(row) for row in phase_rows(result, style)]), label("allocate_phases", lang),
                            text_columns=2) + "\n"
    text += to_markdown(channel_rows(result, style), label("allocate_channels_title", lang))
    text += "\n" + to_markdown(curve_rows(result, style), curve_title(result, style))
    if note := curve_caption(result, result.recommended, style):
        text += f"\n{markdown_text(note)}\n"
    warnings = [warning_text(result, warning, style) for warning in result.warnings if not leads(result, warning)]
    if warnings:
        text += f"\n### {label('allocate_warnings', lang)}\n\n" + "".join(f"- {markdown_text(line)}\n" for line in warnings)
    return text


def phase_rows(result: Allocation, style: NumberStyle, joiner: str | None = None) -> list[tuple[str, str, str, str]]:
    """(months, channel, current, best) monthly budgets, one row per channel of each phase; ``joiner`` between a
    phase's months and their calendar months (present/month_words.py ``with_calendar``)."""
    rows = []
    money, found = budget_text(result, style), split_text(result, style)
    for phase in result.phases:
        months = months_named(phase.months, style.lang, capital=True, labels=result.month_labels, joiner=joiner)
        for n, name in enumerate(phase.best):
            rows.append((months if n == 0 else "", name, money(phase.current[name]), found(phase.best[name])))
    return rows


def budget_cells(result: Allocation, channel: ChannelAllocation, style: NumberStyle,
                 unit: str = "") -> tuple[str, str, str]:
    """Current, best and change of a channel's monthly budget (in ``unit`` when one is given), at the decimals of the
    allocation's budgets (``budget_places``); a change that reads 0 at them is none (a solver's 1e-12)."""
    places = budget_places(result, style)

    def amount(value: float, written: Callable[[float], str]) -> str:
        return style.in_unit(value, unit) if unit else written(value)

    current = amount(channel.current_budget, budget_text(result, style))
    best = amount(channel.best_budget, split_text(result, style))
    if channel.status != "movable":
        return current, best, label(STATUS_LABELS[channel.status], style.lang)
    change = channel.best_budget - channel.current_budget
    return current, best, signed_change(amount(change, lambda value: style.money(value, places)), change)


def figure_text(name: str, value: float, style: NumberStyle) -> str:
    number = plain(value)
    return style.ratio(number) if name.endswith(("roas", "to_cac")) else style.money(number)


@dataclass(frozen=True)
class AllocationPresenter(Presenter[Allocation]):
    """``allocate`` in every format (CSV: the ``table`` asked, channels or curve), and its ``--plot``: the budget curve."""

    style: NumberStyle
    table: str = "channels"

    def data(self, result: Allocation) -> dict[str, Any]:
        return {**allocation_json(result, self.style.currency), "currency": self.style.currency}

    def rows(self, result: Allocation) -> Rows:
        """The CSV, ``currency`` on every row: a channel's budgets, a point of the curve's budget and split."""
        return with_currency(allocation_rows(result, self.table), self.style.currency)

    def markdown(self, result: Allocation) -> str:
        return allocation_markdown(result, self.style)

    def view(self, result: Allocation) -> list[RenderableType]:
        from aigc_roi.present.allocation_view import allocation_view  # Rich loads only for the terminal's view

        return allocation_view(result, self.style)

    def figure(self, result: Allocation, style: NumberStyle) -> Figure:
        from aigc_roi.present.allocation_chart import budget_curve_figure

        return budget_curve_figure(result, style)

    def figure_name(self, result: Allocation) -> str:
        return result.scenario
