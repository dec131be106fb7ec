"""The fitted curves of a file (docs/formulas.md §4.3 and §4.9): each fit drawn through its observed points.

Day-level retention is the power law D(d) through the observed days; observed renewal is the sBG
survival S(k) through the observed shares. The curves come from the model's own fits (the ``"fits"``
list of the run and ``model/curves.sbg_fit``), the formulas from the reference.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from aigc_roi.model.curves import sbg_fit
from aigc_roi.present.chart_format import percent_axis
from aigc_roi.present.fit_data import fit_summary, fit_title, fit_warnings
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.report import svg
from aigc_roi.present.report.formulas import formula
from aigc_roi.present.report.words import word
from aigc_roi.present.text import html_text

CURVE_STEPS = 60
"""Points of a drawn retention curve: smooth at the chart's width, small on the page."""


def fitted_section(fits: Sequence[dict[str, Any]], style: NumberStyle) -> str:
    """One chart per fit, observed points as open circles on the fitted line; empty when the file fits nothing."""
    if not fits:
        return ""
    lang = style.lang
    charts = []
    for fit in fits:
        title = fit_title(fit, lang)
        if fit["model"] == "power_law":
            line, x_title, x_text = power_law_points(fit), word("fit_day", lang), (lambda day: f"D{day:g}")
            quoted = formula("s4-3", "D(d) =")
            observed = [(point["day"], point["observed"]) for point in fit["points"]]
        else:
            line, x_title, x_text = survival_points(fit), word("fit_renewal", lang), (lambda k: f"{k:g}")
            quoted = formula("s4-9", "S(k) =")
            observed = [(point["renewal"], point["observed"]) for point in fit["points"]]
        chart = svg.xy_chart([svg.Series(word("fit_line", lang), line, "line"),
                              svg.Series(word("fit_observed", lang), observed, "open")],
                             x_text, lambda share: style.percent(share), title, x_title, lang=lang,
                             y_axis=percent_axis)
        # Each warning is a sentence of its own here (the terminal prints it after "warning: "), so it starts with
        # a capital.
        warnings = [note[:1].upper() + note[1:] for note in fit_warnings(fit, lang)]
        sentences = word("sentence_gap", lang).join(f"{sentence}{word('full_stop', lang)}"
                                                    for sentence in (fit_summary(fit, lang), *warnings))
        charts.append(f"<figure>{chart}<figcaption>{html_text(title)}{html_text(word('colon', lang))}"
                      f"<code>{html_text(quoted)}</code>{html_text(word('semicolon', lang))}"
                      f"{html_text(sentences)}</figcaption></figure>")
    return f'<h2>{html_text(word("fits", lang))}</h2>' + "".join(charts)


def power_law_points(fit: dict[str, Any]) -> list[tuple[float, float]]:
    """D(d) = exp(u) x d^(-b) from day 1 to the last observed day (docs/formulas.md §4.3)."""
    u, b = fit["parameters"]["u"], fit["parameters"]["b"]
    last = max(point["day"] for point in fit["points"])
    days = [1 + (last - 1) * i / CURVE_STEPS for i in range(CURVE_STEPS + 1)]
    return [(day, math.exp(u) * day ** -b) for day in days]


def survival_points(fit: dict[str, Any]) -> list[tuple[float, float]]:
    """S(0) = 1, then S(k) = S(k-1) r_k with the fit's renewal rates, one renewal past the last observed."""
    observed = tuple(point["observed"] for point in fit["points"])
    rates = sbg_fit(observed).renewal_rates(len(observed) + 1)
    survival = [1.0]
    for rate in rates:
        survival.append(survival[-1] * float(rate))
    return list(enumerate(survival))
