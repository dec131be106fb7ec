"""The sentences of an allocation: its title, the summary lines, the warnings (and which of them lead, under the
summary), "spend less" and the budget curve's caption. No Rich: JSON carries the warnings too."""

from __future__ import annotations

import math
from collections.abc import Callable

from aigc_roi.model.channels import ChannelType, channel_type
from aigc_roi.model.compared import against_limit, kept_nonzero, told_apart
from aigc_roi.model.figures import plain
from aigc_roi.model.names import listed
from aigc_roi.model.rounding import fixed
from aigc_roi.present.allocation_forms import VOLUME_LABELS, best_is_current_text, form_texts
from aigc_roi.present.allocation_labels import (
    OBJECTIVE_LABELS,
    REACHING_LABELS,
    budget_name,
    budget_places,
    budget_text,
    curve_label,
    objective_gain,
    objective_name,
    objective_value,
    priced_label,
    shown,
    split_label,
)
from aigc_roi.present.labels import bracketed, filled, label, sentences, short_label
from aigc_roi.present.money_words import priced
from aigc_roi.present.month_words import months_named
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.whatif.allocate import Allocation, AllocationWarning, CurvePoint
from aigc_roi.whatif.allocate_rows import SPEND_TOLERANCE

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


def allocation_title(result: Allocation, style: NumberStyle) -> str:
    template = label("allocate_title", style.lang)
    budget = budget_text(result, style)(result.budget)
    if result.target_roas is None and result.reach is None and not result.total:
        return template.format(scenario=result.scenario, budget=budget, currency=style.currency)
    # The template is cut before it is filled: a scenario's name may hold " · B = " too.
    head = template.split(" · B = ")[0].split(" · 每月预算 B = ")[0].format(scenario=result.scenario)
    if result.reach is not None:
        tail = label("allocate_reach_title", style.lang).format(
            milestone=f"{result.reach.key}@{result.reach.month}", value=_reach_text(result, style),
            budget=budget)
    elif result.target_roas is not None:
        tail = label("allocate_target_roas_title", style.lang).format(roas=style.ratio(result.target_roas),
                                                                      budget=budget)
    else:
        tail = label("allocate_total_title", style.lang).format(budget=budget)
    return f"{head} · {tail}" + bracketed(style.currency, style.lang)


def summary_lines(result: Allocation, style: NumberStyle) -> list[tuple[str, str]]:
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


def warning_text(result: Allocation, warning: AllocationWarning, style: NumberStyle) -> str:
    text = _warning_text(result, warning, style)
    if not warning.months:
        return text
    # A channel a failed gate stops, whose later budgets the phase table still shows: the sentence holds before.
    return sentences([text, label("allocate_warning_in_months_only", style.lang).format(
        months=months_named(warning.months, style.lang, labels=result.month_labels))], style.lang)


def _warning_text(result: Allocation, warning: AllocationWarning, style: NumberStyle) -> str:
    lang = style.lang
    channel = next((row for row in result.channels if row.name == warning.channel), None)
    gated = _gate_warning_text(result, warning, style)
    if gated is not None:
        return gated
    if warning.code == "current_total_differs":
        return _current_differs_text(result, warning, style)
    if warning.code == "best_is_current" and (in_form := best_is_current_text(result, style)) is not None:
        return in_form
    if warning.code == "different_months" and result.total:
        # B's sentence would be wrong: a total is not spent in every month, a fill splits no amount at all.
        return label("allocate_warning_different_months_total" if result.target_roas is None
                     else "allocate_warning_different_months_target_roas", lang)
    if warning.code == "constraint_not_met" and (name := warning.channel or "") in result.constraints:
        value, limit = _constraint_texts(result, name, style)
        return label("allocate_warning_constraint_not_met", lang).format(
            constraint=label(CONSTRAINT_LABELS[name], lang), value=value, limit=limit)
    if warning.code == "marginal_roas_below_one" and channel is not None:
        return priced_label(result, "allocate_warning_marginal_roas_below_one", style).format(
            channel=channel.name, roas=_below_one(channel.best.marginal_roas, style))
    if warning.code in VOLUME_LABELS and channel is not None:
        kind = channel_type(channel.type)
        volume, cost = (_field_words(kind, name, lang) for name in (kind.volumes[-1], kind.unit_cost))
        text = label(VOLUME_LABELS[warning.code], lang).format(channel=channel.name, volume=volume, cost=cost)
        return sentences([text, *form_texts(result, warning, style)], lang)
    if channel is None:
        return priced_label(result, WARNING_LABELS[warning.code], style)
    key: str = warning.code
    if key == "locked" and channel.by_month:
        return priced_label(result, "allocate_warning_locked_by_month", style).format(
            channel=channel.name, amount=budget_text(result, style)(channel.maximum), budget=budget_name(result),
            months=months_named(channel.months, lang, labels=result.month_labels))
    if key == "on_minimum" and channel.minimum == 0:
        if result.target_roas is not None:
            # Filled to nothing: its first unit of money returns less than the target, which may be more than 1.
            return priced(label("allocate_warning_gets_nothing_filled", lang), style.currency, lang).format(
                channel=channel.name, roas=style.ratio(plain(channel.best.marginal_roas)), target=style.ratio(result.target_roas))
        if channel.best.marginal_roas < 1:
            return priced_label(result, "allocate_warning_gets_nothing_below_one", style).format(
                channel=channel.name, roas=style.ratio(plain(channel.best.marginal_roas)))
        key = "gets_nothing"
    return priced_label(result, WARNING_LABELS[key], style).format(
        channel=channel.name, amount=budget_text(result, style)(channel.minimum if key == "on_minimum" else channel.maximum),
        budget=budget_name(result))


def _field_words(kind: type[ChannelType], name: str, lang: str) -> str:
    """A channel field as a sentence names it (``posts per month``, 每月发帖数): its label, else its name."""
    info = kind.field_info(name)
    return (info.labels.get(lang) if info is not None else None) or name


def _current_differs_text(result: Allocation, warning: AllocationWarning, style: NumberStyle) -> str:
    """Today's split against the money asked for, as the search compares them: under ``--total`` over the horizon,
    under B each phase's monthly spend, naming the phases whose spend is not B (the horizon's total may be B's)."""
    lang = style.lang
    if result.total:
        # T as the title writes it: the one --total gives, or under --target-roas what the filled split spends.
        total, budget = _spend_and_budget(result, result.current_spend, style)
        key = ("allocate_warning_current_total_differs_total" if result.target_roas is None
               else "allocate_warning_current_total_differs_filled")
        return label(key, lang).format(total=total, budget=budget)
    spends = [(result.phases[k].months, _spend_and_budget(result, sum(result.phases[k].current.values()), style))
              for k in warning.phases]
    # B with as many decimals as the closest phase needs to read apart from it.
    budget = max((texts[1] for _, texts in spends), key=len, default=budget_text(result, style)(result.budget))
    if len(result.phases) == 1:
        return label("allocate_warning_current_total_differs", lang).format(total=spends[0][1][0], budget=budget)
    phases = label("list_separator", lang).join(
        label("allocate_phase_spend", lang).format(amount=texts[0], months=months_named(months, lang, labels=result.month_labels))
        for months, texts in spends)
    return label("allocate_warning_current_differs_phases", lang).format(phases=phases, budget=budget)


def _below_one(roas: float, style: NumberStyle) -> str:
    """A marginal ROAS said to be below 1, with as many decimals as read it below 1: 0.9999998, not 1.00."""
    return told_apart(style.ratio, plain(roas), 1.0, 2)[0]


def _spend_and_budget(result: Allocation, spend: float, style: NumberStyle) -> tuple[str, str]:
    """Today's ``spend`` and B (or T), each at the budgets' decimals (``budget_places``) or with as many more as tell
    them apart (``told_apart``)."""
    def show(value: float, places: int) -> str:
        return kept_nonzero(style.money, places)(value)

    return told_apart(show, spend, result.budget, budget_places(result, style))


def _spends_text(result: Allocation, style: NumberStyle, names_of: str) -> str:
    """What run of the split spends (gates decided at the medians), against what every channel's budget gives out;
    under a risk objective whose draws spend less on average (a gate failing in some), that mean and each such gate's
    pass share, labelled as the draws' (docs/allocate.md, gates)."""
    lang = style.lang
    show = lambda value, places: kept_nonzero(style.money, places)(value)  # noqa: E731
    spent, allotted = told_apart(show, result.best_spend, result.best_allotted, budget_places(result, style))
    less = result.best_spend < result.best_allotted * (1 - SPEND_TOLERANCE)
    text = split_label(result, "allocate_warning_spends_less" if less else "allocate_warning_spends_all", lang).format(
        spent=spent, allotted=allotted)
    if not result.best_spend_mean < result.best_spend * (1 - SPEND_TOLERANCE):
        return text
    _, mean = told_apart(show, result.best_spend, result.best_spend_mean, budget_places(result, style))
    passes = names_of.join(label("allocate_gate_passes_share", lang).format(
        name=label("allocate_gate_name", lang).format(name=gate.label), share=style.percent(gate.best))
        for gate in result.gates if gate.best < 1.0)
    return sentences([text, label("allocate_warning_spends_mean", lang).format(
        samples=f"{result.samples:,}", mean=mean, passes=passes)], lang)


def _gate_warning_text(result: Allocation, warning: AllocationWarning, style: NumberStyle) -> str | None:
    """A warning about the gates (docs/allocate.md, gates); None for the others and for a best split the search found
    without them."""
    lang = style.lang
    names = [label("allocate_gate_name", lang).format(name=name) for name in result.held_for]
    comma = label("list_separator", lang)
    gates = (label("allocate_gate_one", lang).format(name=names[0]) if len(names) == 1
             else label("allocate_gate_many", lang).format(names=comma.join(names)))
    months = months_named(result.held_months, lang, labels=result.month_labels)
    if warning.code == "spends_less":
        return _spends_text(result, style, names_of=comma)
    if warning.code == "gate_fails":
        # The gate the warning is about, by its place: two gates may share a name (model/gate_names.py).
        assert warning.gate is not None, "a gate_fails warning names its gate"
        gate = result.gates[warning.gate]
        fields = {"gate": label("allocate_gate_name", lang).format(name=gate.label), "channels": listed(gate.stops, comma),
                  "month": gate.after_month}
        if gate.best > 0:
            return split_label(result, "allocate_warning_gate_fails_share", lang).format(
                share=style.percent(gate.best), today=style.percent(gate.current), **fields)
        return split_label(result, "allocate_warning_gate_fails", lang).format(**fields)
    if warning.code == "gates_held":
        # --target-roas fills each channel to the target rather than searching a split.
        key = "allocate_warning_gates_held" if result.target_roas is None else "allocate_warning_gates_held_filled"
        return label(key, lang).format(months=months, gates=gates)
    if warning.code != "best_is_current" or result.basis in ("searched", "reaching") or result.target_roas is not None:
        return None
    if result.basis == "held":
        return label("allocate_warning_best_is_current_held", lang).format(months=months, gates=gates)
    if result.held_months:
        return label("allocate_warning_best_is_current_held_worse", lang).format(months=months, gates=gates)
    if result.kept_as_written:
        # Today's plan as the file writes it beat every split searched, each a proposal run in budget form: that, not
        # the gates (a plan may have none), is what kept it (whatif/allocate_proposed.py).
        key = "allocate_warning_best_is_current_as_written_gated" if result.gates else "allocate_warning_best_is_current_as_written"
        return label(key, lang).format(channels=listed(list(result.kept_as_written), comma))
    if not result.gates:
        return None
    return label("allocate_warning_best_is_current_staged", lang)


def _constraint_texts(result: Allocation, name: str, style: NumberStyle) -> tuple[str, str]:
    """A constraint's value and its limit (model/compared.py ``against_limit``): the limit as given, with the decimals
    that read it exactly (a milestone of 0.1 subscribers read ``≥ 0``), the value on the side of it its verdict says
    (a peak cash need of 100,400 above a limit of 100,000 is no "10.0万 against a limit of 10.0万")."""
    check = result.constraints[name]
    def show(value: float | None, extra: int) -> str:
        assert value is not None, "a constraint's value and limit are numbers"
        return _limit_text(result, name, value, style, extra)

    return against_limit(show, check.value, check.limit, 0, name != "max_cash_need", check.met)


def _reach_text(result: Allocation, style: NumberStyle) -> str:
    """The milestone's value as given, as its row under the title writes it (``_constraint_texts``)."""
    assert result.reach is not None, "a title of the least budget reaching a milestone"
    if "reach" in result.constraints:
        return _constraint_texts(result, "reach", style)[1]
    return _limit_text(result, "reach", result.reach.value, style)


def _limit_text(result: Allocation, name: str, value: float, style: NumberStyle, extra: int = 0) -> str:
    """A constraint's value or limit; ``extra`` decimals to tell the two apart."""
    if name == "min_payback_probability":
        return style.percent(value, 2 + extra)
    if name == "reach" and result.reach is not None and result.reach.key not in ("gross_revenue", "cumulative_cash"):
        return style.count(value, extra)
    return style.money(value, extra)


def leads(result: Allocation, warning: AllocationWarning) -> bool:
    """Whether a warning is shown under the summary, before any table: a gate that fails at the best split, or fails
    there in more draws than today, stops channels whose budgets the tables still show. One that fails in some draws
    as often as today is a staged plan's nature, and stays with the other warnings."""
    gate = None if warning.gate is None else result.gates[warning.gate]
    if warning.code == "spends_less":
        # Said right after the gate that stops the money.
        return True
    return warning.code == "gate_fails" and gate is not None and (gate.best == 0 or gate.best < gate.current)


def lead_texts(result: Allocation, style: NumberStyle) -> list[str]:
    """The lines shown under the summary: a gate failing at the best split, then "spend less"."""
    texts = [warning_text(result, warning, style) for warning in result.warnings if leads(result, warning)]
    spend_less = spend_less_text(result, style)
    return texts + ([] if spend_less is None else [spend_less])


def _asked(result: Allocation, style: NumberStyle) -> str:
    return f"{budget_name(result)} = {budget_text(result, style)(result.budget)}"


def spend_less_text(result: Allocation, style: NumberStyle) -> str | None:
    """"Spend less" when the best value of the budget curve lies at a lower budget than asked (docs/allocate.md)."""
    recommended = result.recommended
    if recommended is None or recommended.budget >= result.budget * (1 - 1e-9):
        return None
    if not all(check.met for name, check in result.constraints.items() if name != "reach"):
        # B keeps no limit and a lower budget does: that, not the value, is why to spend less.
        return label("allocate_spend_less_limits", style.lang).format(
            asked=_asked(result, style), objective=short_label(OBJECTIVE_LABELS[result.objective], style.lang),
            budget=budget_text(result, style)(recommended.budget), value=objective_value(result, recommended.value, style))
    loss = recommended.value - result.best_value
    if not loss > 0:
        return None
    points = f"{fixed(loss, 2, separators=True, shift=2)} {label('percentage_points', style.lang)}"
    loss_text = points if result.objective == "payback_probability" else style.money(loss, 0)
    key = "allocate_spend_nothing" if recommended.budget == 0 else "allocate_spend_less"
    values = {"objective": short_label(OBJECTIVE_LABELS[result.objective], style.lang),
              "budget": budget_text(result, style)(recommended.budget), "value": objective_value(result, recommended.value, style),
              "asked": _asked(result, style), "loss": loss_text}
    # The loss is the split shown's: the fill or the reaching split need not be the curve's best at the budget.
    if shown(result) == "filled":
        values["asked"] = label("allocate_asked_filled", style.lang).format(asked=values["asked"])
    elif shown(result) == "reaching":
        key = REACHING_LABELS[key]
    return filled(key, style.lang, **values)


def curve_caption(result: Allocation, peak: CurvePoint | None, style: NumberStyle) -> str:
    return sentences([_peak_caption(result, peak, style), shown_note(result, style) or ""], style.lang)


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
    # Equal values up to a higher budget: the least money for the best value, more buys nothing (no peak to bracket).
    flat = result.flat_until
    key = ("allocate_curve_flat" if flat is not None else "allocate_curve_rising" if at + 1 == len(feasible) else
           "allocate_curve_peak_limits" if not feasible[at + 1].limit_met else "allocate_curve_peak")
    # "2.00 × T" where the budgets are horizon totals, as the curve's column says.
    multiple = f"{fixed(peak.budget / result.budget, 2)} {curve_label(result, 'allocate_multiple', style)}"
    budget = budget_text(result, style)
    return priced(label(key, lang), style.currency, lang).format(
        budget=budget(peak.budget), multiple=multiple, low=budget(low),
        high=budget(flat.budget if flat is not None else high))


SHOWN_NOTES = {"filled": "allocate_curve_fill_note", "reaching": "allocate_curve_reach_note"}
"""The curve's note where its point at the budget reads otherwise than the split shown, by what that split is."""


def shown_note(result: Allocation, style: NumberStyle) -> str | None:
    """Under --target-roas or --reach, where the curve's point at the budget (its best split) reads otherwise than the
    split the summary shows (the fill, the reaching split): both values, and why they differ."""
    kind = shown(result)
    at_budget = next((point for point in result.curve if point.budget == result.budget), None)
    if kind is None or at_budget is None or math.isnan(at_budget.value):
        return None
    def show(value: float, places: int, numbers: NumberStyle = style) -> str:
        return numbers.percent(value, 2 + places) if result.objective == "payback_probability" else numbers.money(value, places)

    # Told apart where the figures differ as the English tables round them: a zh 1.1万 may be 11,167 or 11,258.
    if show(at_budget.value, 0, NumberStyle()) == show(result.best_value, 0, NumberStyle()):
        return None
    best_text, shown_text = told_apart(show, at_budget.value, result.best_value, 0)
    return priced(label(SHOWN_NOTES[kind], style.lang), style.currency, style.lang).format(
        best=best_text, objective=short_label(OBJECTIVE_LABELS[result.objective], style.lang), **{kind: shown_text})


def curve_gate_notes(result: Allocation, style: NumberStyle, budget: Callable[[float], str]) -> list[str]:
    """Per gate that fails at some budget of the curve, the sentence naming those budgets (``budget`` writes them) and
    why the curve jumps there: the gate stops its channels, so the value is a plan's that spends less than the budget
    (docs/allocate.md, gates), and whether today's split fails it too. Without it a curve falling to 50万 and rising at
    60万 read "spend 60万, lose less"."""
    lang = style.lang
    comma = label("list_separator", lang)
    notes = []
    for gate in result.gates:
        failing = [point.budget for point in result.curve if gate.label in point.failed_gates]
        if failing:
            note = label("allocate_curve_gate_note", lang).format(
                budgets=comma.join(budget(value) for value in failing),
                gate=label("allocate_gate_name", lang).format(name=gate.label),
                channels=listed(gate.stops, comma), month=gate.after_month)
            # Today failing it too, the jump is no change the split makes: the reader is told so.
            notes.append(sentences([note, label("allocate_curve_gate_note_today", lang)], lang) if gate.current == 0
                         else note)
    return notes
