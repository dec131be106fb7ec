"""The cash bridge: a waterfall from gross revenue to net cash over the horizon (docs/formulas.md §4.6-§4.8).

Finance reads a plan's money as a bridge from what users pay to what is left: each deduction is
a bar from where the last one ended, each subtotal of the reference (net revenue, contribution,
net cash) a bar from 0, so the bars add up to the figures the page shows.
"""

from __future__ import annotations

from aigc_roi.present.labels import label
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.report import svg
from aigc_roi.present.report.formulas import formula
from aigc_roi.present.report.words import word
from aigc_roi.present.run_data import RunReport
from aigc_roi.present.text import html_text

OPTIONAL_COSTS = ("delivery_cost", "referral_cost")
"""Deductions shown only when some month has one, as the terminal's months table does (docs/formulas.md §17)."""


def bridge_steps(report: RunReport, lang: str) -> list[svg.Step]:
    """The bridge's bars from the run's figures and month totals: gross revenue, store and payment fees, net
    revenue, serving, delivery and referral (when any), contribution, acquisition spend, fixed costs, net cash."""
    figures = report.figures

    def total(column: str) -> float:
        return sum(row[column] or 0.0 for row in report.months)

    steps = [svg.Step(label("gross_revenue", lang), figures["gross_revenue"], total=True),
             svg.Step(word("store_fees", lang), figures["net_revenue"] - figures["gross_revenue"]),
             svg.Step(label("net_revenue", lang), figures["net_revenue"], total=True),
             svg.Step(label("serving_cost", lang), -total("serving_cost"))]
    steps += [svg.Step(label(column, lang), -total(column)) for column in OPTIONAL_COSTS if total(column)]
    steps += [svg.Step(label("contribution", lang), figures["contribution"], total=True),
              svg.Step(label("ad_spend", lang), -figures["ad_spend"]),
              svg.Step(word("fixed_costs", lang), -total("fixed_cost")),
              svg.Step(label("net_cash", lang), figures["net_cash"], total=True)]
    return steps


def bridge_section(report: RunReport, style: NumberStyle) -> str:
    lang = style.lang
    title = word("bridge", lang).format(months=report.horizon_months, currency=style.currency)
    legend = [word("bridge_total", lang), word("bridge_rise", lang), word("bridge_fall", lang)]
    chart = svg.waterfall(bridge_steps(report, lang), lambda value: style.money(value, 0), title, legend, lang=lang)
    quoted = "<br>".join(f"<code>{html_text(formula(anchor, start))}</code>"
                       for anchor, start in (("s4-6", "net(t)"), ("s4-8", "C(t)"), ("s4-8", "F(t)")))
    return f"<h2>{html_text(title)}</h2><figure>{chart}<figcaption>{html_text(word('bridge_note', lang))}<br>{quoted}</figcaption></figure>"
