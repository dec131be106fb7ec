"""What moved each figure since a base version (``report NEW --base BASE``; docs/formulas.md §13).

The split is ``compare --explain``'s: each changed input's Shapley share of the change of roi, npv,
payback month and peak cash need. The page shows it as ``compare --explain`` does (the table,
largest share first) and draws each figure's split as a waterfall from the base value to the new.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aigc_roi.model.figures import unit_of
from aigc_roi.model.rounding import fixed
from aigc_roi.present.drivers import signed
from aigc_roi.present.explain import explain_notes, shown_figure
from aigc_roi.present.labels import label, sentences
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.report import svg
from aigc_roi.present.report.formulas import formula
from aigc_roi.present.report.tables import html_table
from aigc_roi.present.report.words import word
from aigc_roi.present.text import html_text

if TYPE_CHECKING:
    from aigc_roi.whatif.explain import FigureChanges


def moved_steps(changes: FigureChanges, figure: str, style: NumberStyle) -> list[svg.Step] | None:
    """Base, each input's share (largest first), what the split cannot express (when any), new, the shares as the
    table shows them (adding up); None when the figure is not split or is none at either end."""
    attribution = next(item for item in changes.explanation.attributions if item.figure == figure)
    if attribution.shares is None or attribution.base is None or attribution.new is None:
        return None
    rows = shown_figure(changes, attribution, style).rows
    if any(row.share is None for row in rows):
        return None
    lang = style.lang
    return ([svg.Step(label("explain_base", lang), attribution.base, total=True)]
            + [svg.Step(row.name, row.share) for row in rows if row.share is not None]
            + [svg.Step(label("explain_new", lang), attribution.new, total=True)])


def moved_section(changes: FigureChanges, base: str, style: NumberStyle) -> str:
    lang = style.lang
    title = word("moved", lang).format(base=base)
    if not changes.changes and not changes.not_split:
        return f"<h2>{html_text(title)}</h2><p>{html_text(word('nothing_moved', lang))}</p>"
    # Here, not at the top: a page without --base does not load compare --explain's presenter.
    from aigc_roi.present.explain import explain_rows

    header, rows = explain_rows(changes, style)
    head = "".join(f'<th{" class=n" if i == len(header) - 1 else ""}>{html_text(text)}</th>' for i, text in enumerate(header))
    body = "".join("<tr>" + "".join(f'<td{" class=n" if i == len(row) - 1 else ""}>{html_text(str(cell or "—"))}</td>'
                                    for i, cell in enumerate(row)) + "</tr>" for row in rows)
    exact = sentences(explain_notes(changes, style), lang)
    legend = [word("bridge_total", lang), word("bridge_rise", lang), word("bridge_fall", lang)]
    charts = []
    for attribution in changes.explanation.attributions:
        steps = moved_steps(changes, attribution.figure, style)
        if steps is None:
            continue
        name = attribution.figure

        def moved(value: float, figure: str = name) -> str:
            return _amount(figure, value, style)

        def value(amount: float, figure: str = name) -> str:
            return style.figure(figure, amount)

        caption = label(name, lang)
        charts.append(f"<figure>{svg.waterfall(steps, moved, caption, legend, value, lang=lang)}"
                      f"<figcaption>{html_text(caption)}</figcaption></figure>")
    return (f"<h2>{html_text(title)}</h2><p>{html_text(exact)} <code>{html_text(formula('s13', 'phi_i ='))}</code></p>"
            + html_table(f"<tr>{head}</tr>", body) + "".join(charts))


def _amount(figure: str, value: float, style: NumberStyle) -> str:
    """A bar's value: the change in the figure's unit (months to one decimal: shares of a month are fractions)."""
    if unit_of(figure) == "month":
        return fixed(value, 1, plus=True)
    return signed(figure, value, style)
