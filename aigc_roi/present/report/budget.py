"""The budget curve of ``report --allocate B``: the best objective at each monthly budget, the chosen split marked.

Built only from allocate's public result (``Allocation`` and its curve points), so the page and
``allocate`` show the same curve; the bend comes from saturation (docs/formulas.md §4.1), quoted.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

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
    from aigc_roi.present.allocation import curve_rows
    from aigc_roi.present.allocation_labels import OBJECTIVE_LABELS, objective_name, objective_value
    from aigc_roi.present.allocation_notes import spend_less_text

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
                           [(x, y)], "triangle") for x, y in peaks)]
    chart = svg.xy_chart(series, budget, value_text, title,
                         label("allocate_curve_budget", lang) + bracketed(style.currency, lang), lang=lang,
                         x_tick=style.money)
    header, rows = curve_rows(result, style, budget)
    head = "".join(f'<th class="n">{html_text(text)}</th>' for text in header)
    body = "".join(
        f'<tr{" class=chosen" if point.budget == result.budget else ""}>'
        + "".join(f'<td class="n">{html_text(str(cell))}</td>' for cell in row) + "</tr>"
        for point, row in zip(result.curve, rows, strict=True))
    note = word("curve_note", lang).format(objective=objective_name(result, lang))
    advice = spend_less_text(result, style)
    return (f"<h2>{html_text(title)}</h2>" + ("" if advice is None else f'<p class="lead">{html_text(advice)}</p>')
            + f"<figure>{chart}<figcaption>{html_text(note)} "
            f"<code>{html_text(formula('s4-1', 'users ='))}</code></figcaption></figure>"
            + html_table(f"<tr>{head}</tr>", body, css_class="curve"))

