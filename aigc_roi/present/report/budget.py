"""The budget curve of ``report --allocate B``: the best objective at each monthly budget, the chosen split marked.

Built only from allocate's public result (``Allocation`` and its curve points), so the page and
``allocate`` show the same curve; the bend comes from saturation (docs/formulas.md §4.1), quoted.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from aigc_roi.present.chart_format import amount_axis, percent_axis
from aigc_roi.present.labels import bracketed, label, short_label
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.report import svg
from aigc_roi.present.report.formulas import formula
from aigc_roi.present.report.tables import html_table
from aigc_roi.present.report.words import word
from aigc_roi.present.text import html_text

if TYPE_CHECKING:
    from aigc_roi.whatif.allocate import Allocation


def budget_section(result: Allocation, style: NumberStyle) -> str:
    """Heading, chart, the curve's points as a table and the saturation formula."""
    # Here, not at the top: a page without --allocate does not load allocate's presenter.
    from aigc_roi.present.allocation import curve_rows, has_limits
    from aigc_roi.present.allocation_labels import OBJECTIVE_LABELS, curve_point_marks, objective_name, objective_value
    from aigc_roi.present.allocation_notes import curve_gate_notes, spend_less_text

    lang = style.lang
    objective = short_label(OBJECTIVE_LABELS[result.objective], lang)
    title = label("allocate_curve_title", lang).format(objective=objective)
    feasible = [point for point in result.curve if not math.isnan(point.value)]
    if not feasible:
        return f"<h2>{html_text(title)}</h2><p>{html_text(word('curve_infeasible', lang))}</p>"

    def value_text(value: float) -> str:
        return objective_value(result, value, style)

    curve = [(point.budget, point.value) for point in feasible]
    peak = result.recommended
    peaks = [] if peak is None or peak.budget == result.budget else [(peak.budget, peak.value)]
    # One way for every budget on and beside the chart, the table's rows and splits too.
    budget = svg.x_values([x for x, _ in curve], [result.budget, result.current_budget, *(x for x, _ in peaks)],
                          style.money, [point.budget for point in result.curve])
    series = [svg.Series(word("curve_line", lang).format(objective=objective), curve, "line"),
              svg.Series(word("curve_chosen", lang).format(budget=budget(result.budget)),
                         [(result.budget, result.best_value)], "diamond"),
              svg.Series(word("curve_today", lang), [(result.current_budget, result.current_value)], "square"),
              # At the curve's end the best is no peak: the curve is still rising there.
              *(svg.Series(word("curve_edge" if result.still_rising else "curve_peak", lang).format(budget=budget(x)),
                           [(x, y)], "triangle") for x, y in peaks),
              # Each failed gate's points crossed out, as the terminal's curve marks them: their value is a plan
              # that stops the gate's channels, not one that spends the budget.
              *(svg.Series(label("allocate_curve_gate_fails", lang).format(gate=gate.label),
                           [(point.budget, point.value) for point in feasible if gate.label in point.failed_gates],
                           "cross")
                for gate in result.gates if any(gate.label in point.failed_gates for point in feasible))]
    chart = svg.xy_chart(series, budget, value_text, title,
                         label("allocate_curve_budget", lang) + bracketed(style.currency, lang), lang=lang,
                         x_axis=amount_axis(style),
                         y_axis=percent_axis if result.objective == "payback_probability" else amount_axis(style))
    header, rows = curve_rows(result, style, budget)
    # The terminal's marks (a gate failing, limits not kept, months held) in a column of words after the value and
    # its slope (and the limits' column), before the split's: where any point has one, and in view beside the value.
    marks = [" ".join(mark for mark, _ in curve_point_marks(result, point, lang)) for point in result.curve]
    at = 5 if has_limits(result) else 4
    words = {at} if any(marks) else set()
    if words:
        header = [*header[:at], "", *header[at:]]
        rows = [[*row[:at], mark, *row[at:]] for row, mark in zip(rows, marks, strict=True)]

    def cell(tag: str, k: int, text: object) -> str:
        css = ' class="mark"' if k in words else ' class="n"'
        return f"<{tag}{css}>{html_text(str(text))}</{tag}>"

    head = "".join(cell("th", k, text) for k, text in enumerate(header))
    body = "".join(
        f'<tr{" class=chosen" if point.budget == result.budget else ""}>'
        + "".join(cell("td", k, text) for k, text in enumerate(row)) + "</tr>"
        for point, row in zip(result.curve, rows, strict=True))
    note = word("curve_note", lang).format(objective=objective_name(result, lang))
    # Where a gate fails the curve jumps for a reason saturation does not give: said after the bend's formula.
    gated = "".join(f" {html_text(text)}" for text in curve_gate_notes(result, style, budget))
    advice = spend_less_text(result, style)
    return (f"<h2>{html_text(title)}</h2>" + ("" if advice is None else f'<p class="lead">{html_text(advice)}</p>')
            + f"<figure>{chart}<figcaption>{html_text(note)} "
            f"<code>{html_text(formula('s4-1', 'users ='))}</code>{gated}</figcaption></figure>"
            + html_table(f"<tr>{head}</tr>", body, css_class="curve"))

