"""What `simulate` shows: JSON (docs/formulas.md §10 plus variance shares), CSV and markdown rows and the presenter
(the Rich view is present/simulation_view.py, loaded for the terminal only).

Percentile keys read ``p5``, ``p50``, ``p95`` (``p2.5`` for a fractional
one), in the order asked. JSON (``inputs_independent``), markdown and the
Rich view say that the inputs are drawn independently: the numbers mean
nothing without that.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aigc_roi.model.figures import rules_of
from aigc_roi.model.gate_names import pass_shares_json, shown_shares
from aigc_roi.model.paths import by_name
from aigc_roi.model.rounding import fixed
from aigc_roi.model.scenario import Scenario
from aigc_roi.present.labels import filled, label, sentences, short_label
from aigc_roi.present.numbers import NONE, NumberStyle
from aigc_roi.present.payback_window import within_note
from aigc_roi.present.peak_cash import share_at_horizon, simulation_note
from aigc_roi.present.presenter import Presenter
from aigc_roi.present.tables import Table as Rows
from aigc_roi.present.tables import is_money, to_markdown, with_currency
from aigc_roi.present.text import markdown_heading, markdown_text
from aigc_roi.whatif.rank_neighbour_share import MIN_SAMPLES, share_error
from aigc_roi.whatif.simulate import VARIANCE_TARGETS, FigureSummary, Simulation
from aigc_roi.whatif.variance_shares import Unsplit

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from rich.console import RenderableType

PROBABILITY_LABELS = {
    "payback_within_target": "chance_payback",
    "roi_positive": "chance_roi_positive",
    "npv_positive": "chance_npv_positive",
    "cash_need_within_target": "chance_cash_need",
}


EDGE_DECIMALS = 4
"""The most decimals a histogram's bin edge takes (bins narrower than that are ones of a constant net cash)."""


UNDEFINED_CHANCE = {"roi_positive": "no_ad_spend"}
"""A chance whose figure is defined in no sample (whatif/simulate.py) -> why, as `run` says it."""


UNDEFINED_OVER = {"cac": "undefined_over_cac", "ad_spend": "undefined_without_ad_spend"}
"""The figure whose state leaves another nothing to say (model/figures.py ``Figure.undefined_for``) -> how the share
of those samples reads."""
UNDEFINED_OVER_ROW = {"cac": "no_cac_row", "ad_spend": "no_ad_spend_row"}
"""The same -> the label of a row holding that share alone (``share_fields``)."""


def percentile_key(q: float) -> str:
    """``5.0`` -> ``p5``, ``2.5`` -> ``p2.5``, ``33.333331`` -> ``p33.333331``."""
    # The shortest repr that reads back as q: two requested percentiles never share a key (:g kept 6 digits).
    return f"p{int(q)}" if q.is_integer() else f"p{q!r}"


def ranked_shares(shares: dict[str, float | None]) -> list[tuple[str, float | None]]:
    """Each input and its share, largest share first (None, a variance not split, as 0)."""
    # Ties keep the model's field order (sorted is stable), so the same input gives the same order.
    return sorted(shares.items(), key=lambda item: -(item[1] or 0.0))


def tornado_order(simulation: Simulation) -> list[str]:
    """The inputs by their share of the first target figure whose variance is split, largest first."""
    split = [target for target in VARIANCE_TARGETS if target not in simulation.variance_unsplit]
    return [path for path, _ in ranked_shares(simulation.variance_shares[(split or list(VARIANCE_TARGETS))[0]])]


def distribution_json(simulation: Simulation) -> dict[str, Any]:
    """Each figure's mean, percentiles and defined share, and the chances: what `compare --samples` shows."""
    keys = [percentile_key(q) for q in simulation.percentiles]
    figures = {
        name: {"mean": summary.mean,
               **{key: summary.percentiles[q] for key, q in zip(keys, simulation.percentiles, strict=True)},
               "defined_share": summary.defined_share, **_undefined(name, summary),
               # The IRR's percentiles rank borrowing rates with returns: how many of its draws are such a rate; and
               # why it is none, where every draw without one says the same.
               **({"borrowing_share": simulation.irr_borrowing_share, "none_reason": simulation.irr_none_reason}
                  if name == "irr" else {})}
        for name, summary in simulation.figures.items()
    }
    return {"samples": simulation.samples, "seed": simulation.seed, "payback_target_months": simulation.payback_target_months,
            "payback_within_months": simulation.payback_within_months,
            "figures": figures, "probabilities": dict(simulation.probabilities)}


def _undefined(name: str, summary: FigureSummary) -> dict[str, float]:
    """``undefined_share`` of a figure that says nothing where another is none or 0 (model/figures.py
    ``Figure.undefined_for``): those samples, which its mean and percentiles leave out; nothing for other figures."""
    return {} if rules_of(name).undefined_for is None else {"undefined_share": summary.undefined_share}


def one_net_cash(simulation: Simulation) -> float | None:
    """The net cash of every sample where all have the same (a plan without ranges, or whose ranges move no cash);
    None where they differ. Binned, one value spread over bins of float noise (-6,333,752.684 .. -6,333,752.634)."""
    values = simulation.sample_figures["net_cash"]
    low = float(values.min())
    return low if low == float(values.max()) else None


def one_value_line(simulation: Simulation, style: NumberStyle) -> str | None:
    """The line that stands for the histogram where every sample has one net cash (``one_net_cash``), in the
    terminal and markdown alike; None where they differ."""
    value = one_net_cash(simulation)
    return None if value is None else label("histogram_one_value", style.lang).format(value=style.money(value),
                                                                                      currency=style.currency)


def simulation_json(simulation: Simulation, scenario: Scenario) -> dict[str, Any]:
    """docs/formulas.md §10's shape, plus the variance shares (ordered by share), the net-cash
    histogram and the cash fan; none as null."""
    keys = [percentile_key(q) for q in simulation.percentiles]
    distribution = distribution_json(simulation)
    labels = scenario.month_labels()
    fan = simulation.cash_fan
    return {
        "scenario": scenario.name,
        "currency": scenario.currency,
        "samples": simulation.samples,
        "seed": simulation.seed,
        "payback_target_months": simulation.payback_target_months,
        "payback_within_months": simulation.payback_within_months,
        "max_cash_need": simulation.max_cash_need,
        "inputs_independent": True,
        "figures": {**distribution["figures"], "peak_cash_need": {
            **distribution["figures"]["peak_cash_need"],
            "at_horizon_share": share_at_horizon(simulation.sample_figures, scenario.horizon_months)}},
        "probabilities": distribution["probabilities"],
        **({"gates": pass_shares_json(simulation.gate_pass_probabilities)}
           if simulation.gate_pass_probabilities else {}),
        "variance_shares": {target: dict(ranked_shares(shares)) for target, shares in simulation.variance_shares.items()},
        "variance_share_samples": simulation.variance_share_samples,
        "variance_share_thresholds": simulation.variance_share_thresholds,
        "net_cash_histogram": {"edges": [float(edge) for edge in simulation.net_cash_histogram.edges],
                               "counts": [int(count) for count in simulation.net_cash_histogram.counts]},
        "cash_fan": {
            "samples": fan.samples,
            "months": [{"month": month + 1, "label": labels[month],
                        **{key: float(fan.percentiles[q][month]) for key, q in zip(keys, simulation.percentiles, strict=True)}}
                       for month in range(len(labels))],
        },
    }


def csv_bins(simulation: Simulation) -> list[tuple[float, float, int]]:
    """Each bin of the net-cash histogram as the CSV holds it: its low and high edge and its count; a net cash every
    sample shares is one bin, low and high that value, holding them all, not JSON's 20 bins around it, 19 of them
    empty (a spread no sample has, to a reader filtering the rows)."""
    value = one_net_cash(simulation)
    if value is not None:
        return [(value, value, simulation.samples)]
    histogram = simulation.net_cash_histogram
    return [(float(low), float(high), int(count))
            for low, high, count in zip(histogram.edges[:-1], histogram.edges[1:], histogram.counts, strict=True)]


def simulation_rows(simulation: Simulation, labels: Sequence[str]) -> Rows:
    """Everything as one tidy table, full precision: section, name, statistic, value; last the net-cash histogram
    (each bin, numbered from 1: its low and high edge and its count: ``csv_bins``) and the fan of cumulative cash (each month by its
    label in ``labels``: its number, its percentiles and the samples they are over), after what the table held before
    them, so a script reading those rows by place finds them where they were."""
    rows: list[list[Any]] = []
    for name, summary in simulation.figures.items():
        rows.append(["figures", name, "mean", summary.mean])
        rows += [["figures", name, percentile_key(q), summary.percentiles[q]] for q in simulation.percentiles]
        rows.append(["figures", name, "defined_share", summary.defined_share])
        rows += [["figures", name, key, share] for key, share in _undefined(name, summary).items()]
        if name == "irr":
            rows.append(["figures", name, "borrowing_share", simulation.irr_borrowing_share])
    for name, value in simulation.probabilities.items():
        rows.append(["probabilities", name, "probability", value])
        if name == "payback_within_target":
            # What it counts: payback within the target, or within the horizon where the target lies past it.
            rows += [["probabilities", name, "target_months", simulation.payback_target_months],
                     ["probabilities", name, "within_months", simulation.payback_within_months]]
    rows += [["gates", name, "pass_probability", share] for name, share in shown_shares(simulation.gate_pass_probabilities)]
    for target, shares in simulation.variance_shares.items():
        rows += [["variance_shares", path, target, share] for path, share in ranked_shares(shares)]
    rows += [["variance_share_thresholds", target, "threshold", value]
             for target, value in simulation.variance_share_thresholds.items()]
    for number, (low, high, count) in enumerate(csv_bins(simulation), start=1):
        rows += [["net_cash_histogram", str(number), "low", low],
                 ["net_cash_histogram", str(number), "high", high],
                 ["net_cash_histogram", str(number), "count", count]]
    fan = simulation.cash_fan
    for month, month_label in enumerate(labels):
        rows += [["cash_fan", month_label, "month", month + 1],
                 *(["cash_fan", month_label, percentile_key(q), float(fan.percentiles[q][month])]
                   for q in simulation.percentiles),
                 ["cash_fan", month_label, "samples", fan.samples]]
    return ["section", "name", "statistic", "value"], rows


def figure_text(name: str, value: float | None, style: NumberStyle, never: str, none_reason: str | None = None) -> str:
    """A mean or percentile of draws; an IRR that is none says why where its draws without one all say the same
    (``Simulation.irr_none_reason``), as `run` does, else "none: no single IRR"."""
    return style.figure(name, value, never, {"irr_none_reason": none_reason})


def figure_rows(simulation: Simulation, style: NumberStyle) -> Rows:
    """The figure table as people read it (markdown and the Rich view)."""
    lang = style.lang
    never = label("never", lang)
    header = [label("figure", lang), label("mean", lang), *(percentile_key(q).upper() for q in simulation.percentiles),
              share_header(simulation.figures, lang)]
    rows = [[label(name, lang), *_summary_cells(name, summary, simulation, style, never)]
            for name, summary in simulation.figures.items()]
    return header, rows


def _summary_cells(name: str, summary: FigureSummary, simulation: Simulation, style: NumberStyle,
                   never: str) -> list[str]:
    """A figure's mean, percentiles and share; a figure that says nothing in every draw (a CAC payback without paid
    users, a paid payback without ad spend: ``moot_samples``) reads an em dash throughout, not "never" nor 1."""
    if summary.undefined_share >= 1.0:
        cells = [NONE] * (1 + len(simulation.percentiles))
    else:
        # A mean of months keeps a decimal: a mean payback of 2.4 is no month 2 (its percentiles are whole months).
        mean = (style.month(summary.mean, never, 1) if rules_of(name).unit == "month" and summary.mean is not None
                else figure_text(name, summary.mean, style, never, simulation.irr_none_reason))
        cells = [mean, *(figure_text(name, summary.percentiles[q], style, never, simulation.irr_none_reason)
                         for q in simulation.percentiles)]
    return [*cells, defined_cell(name, summary.defined_share, summary.undefined_share, simulation.samples, style)]


def share_header(names: Iterable[str], lang: str) -> str:
    """The share column's header, naming what its cells hold: defined shares, never shares ("never 30.00%") or both."""
    nevers = {rules_of(name).none == "never" for name in names}
    return label("defined_or_never" if len(nevers) > 1 else "never_row" if True in nevers else "defined_share", lang)


def share_blocks(simulation: Simulation, style: NumberStyle) -> list[list[tuple[str, str]]]:
    """Each figure's share cell as the rows of its card (``share_fields``)."""
    return [share_fields(name, summary.defined_share, summary.undefined_share, simulation.samples, style)
            for name, summary in simulation.figures.items()]


def share_fields(name: str, defined_share: float, undefined_share: float, samples: int, style: NumberStyle,
                 split: bool = False) -> list[tuple[str, str]]:
    """``defined_cell``'s shares as rows, each named by what it holds, where a row has a label of its own (a card, a
    compared figure's markdown rows): "Defined in 100.00%"; a payback's "Never 11.64%", the word left to the label;
    for one computed over another figure that is none in some samples (``split``: in some compared scenario), that
    share of all samples ("No CAC 25.00%") and the never share of the rest ("Never 47.50% of the rest")."""
    lang = style.lang
    defined, undefined = round(defined_share * samples), round(undefined_share * samples)
    rules = rules_of(name)
    if rules.none != "never":
        return [(label("defined_share", lang), style.share(defined, samples))]
    rest = samples - undefined
    never = label("never_row", lang)
    if not (undefined or split):
        return [(never, style.share(rest - defined, rest))]
    of_rest = (NONE if not rest else style.share(rest - defined, rest) if not undefined
               else label("of_the_rest", lang).format(share=style.share(rest - defined, rest)))
    return [(label(UNDEFINED_OVER_ROW[rules.undefined_for or ""], lang), style.share(undefined, samples)), (never, of_rest)]


def defined_cell(name: str, defined_share: float, undefined_share: float, samples: int, style: NumberStyle,
                 worded: bool = False) -> str:
    """A figure's "Defined in" cell, on the base its percentiles are over (docs/simulate.md): the share of samples
    where it is defined (``worded``: "defined in 22.41%", beside a compared cell); for a payback counted in months,
    whose percentiles rank "never" last, the share that never pays back ("never 30.00%"), beside its median's
    "never" and its mean over the samples that pay back; for one computed over another figure that is none in some
    samples (a CAC payback without a CAC), that share of all samples, and the never share of the rest, the samples
    its percentiles are over; where that other figure is none in every sample, that share alone, the share the
    card's row states ("no ad spend in 100.00% of all"), not a bare dash that does not say why."""
    lang = style.lang
    defined, undefined = round(defined_share * samples), round(undefined_share * samples)
    rules = rules_of(name)
    if rules.none != "never":
        share = style.share(defined, samples)
        return label("defined_in_share", lang).format(share=share) if worded else share
    if undefined >= samples:
        return label(UNDEFINED_OVER[rules.undefined_for or ""], lang).format(share=style.share(undefined, samples))
    rest = samples - undefined
    never = label("never_share", lang).format(never=label("never", lang), share=style.share(rest - defined, rest))
    if not undefined:
        return never
    return label("never_of_rest", lang).format(
        undefined=label(UNDEFINED_OVER[rules.undefined_for or ""], lang).format(share=style.share(undefined, samples)), never=never)


def probability_rows(simulation: Simulation, style: NumberStyle) -> Rows:
    lang = style.lang
    window = simulation.payback_window
    rows = [[label(PROBABILITY_LABELS[name], lang).format(months=window.months, beyond=within_note(window, lang),
                                                          limit=style.money(simulation.max_cash_need)),
             chance_cell(name, value, simulation.samples, style)]
            for name, value in simulation.probabilities.items()]
    rows += [[label("gate_pass_probability", lang).format(gate=name), style.chance(share, simulation.samples)]
             for name, share in shown_shares(simulation.gate_pass_probabilities)]
    return [label("condition", lang), label("chance", lang)], rows


def chance_cell(name: str, value: float | None, samples: int, style: NumberStyle) -> str:
    """A chance as its row shows it: one whose figure is defined in no sample reads an em dash and why."""
    if value is None:
        why = UNDEFINED_CHANCE.get(name)
        return NONE if why is None else label("chance_undefined", style.lang).format(none=NONE, why=label(why, style.lang))
    return style.chance(value, samples)


def share_rows(simulation: Simulation, scenario: Scenario, style: NumberStyle) -> Rows:
    """Each uncertain input (by name: model/paths.py by_name) and its share of the variance of each target
    figure, largest share of net cash first."""
    lang = style.lang
    header = [label("input", lang), *(filled("variance_share_of", lang, figure=short_label(t, lang))
                                      for t in VARIANCE_TARGETS)]
    rows = [[by_name(path, scenario), *(share_text(simulation, t, path, style) for t in VARIANCE_TARGETS)]
            for path in tornado_order(simulation)]
    return header, rows


def share_text(simulation: Simulation, target: str, path: str, style: NumberStyle) -> str:
    """A variance share as a table shows it: one the significance rule zeroed reads "< threshold" (an input whose
    effect is too small to tell at this many samples is not an input without one)."""
    share = simulation.variance_shares[target][path]
    if share == 0.0 and target in simulation.variance_share_thresholds:
        return f"< {style.percent(simulation.variance_share_thresholds[target])}"
    return style.percent(share)


def undetected(simulation: Simulation) -> bool:
    """Whether some share reads "< threshold" (``share_text``)."""
    return any(simulation.variance_shares[target][path] == 0.0 for target in simulation.variance_share_thresholds
               for path in simulation.variance_shares[target])


def share_notes(simulation: Simulation, lang: str) -> list[str]:
    """What the shares are, what is left of each variance, and which variances are not split and why."""
    notes = [label("variance_caption", lang)]
    several = len(simulation.inputs) > 1
    if len(simulation.variance_unsplit) < len(VARIANCE_TARGETS):
        # With one input its share is the whole by definition: there is no rest to explain.
        notes.append(label("variance_rest" if several else "variance_one_input", lang))
    if undetected(simulation):
        notes.append(label("variance_undetected", lang).format(samples=f"{simulation.variance_share_samples:,}"))
    # Both figures not split for one reason (a few samples; nothing uncertain that moves them) are said once.
    reasons: dict[Unsplit, list[str]] = {}
    for target, why in simulation.variance_unsplit.items():
        reasons.setdefault(why, []).append(short_label(target, lang))
    for why, figures in reasons.items():
        key = "shares_undefined" if why.samples == 0 else "shares_constant" if why.constant else "shares_too_few"
        notes.append(filled(key, lang, figures=label("list_separator", lang).join(figures),
                                  samples=f"{why.samples:,}", minimum=f"{MIN_SAMPLES:,}"))
    if several and simulation.variance_share_samples < simulation.samples:
        notes.append(shares_subset(simulation, lang))
    return notes


def simulation_markdown(simulation: Simulation, scenario: Scenario, style: NumberStyle) -> str:
    lang = style.lang
    parts = [markdown_heading(2, title(simulation, scenario, lang)) + "\n",
             to_markdown(figure_rows(simulation, style), label("figures", lang))]
    note = simulation_note(share_at_horizon(simulation.sample_figures, scenario.horizon_months), scenario.horizon_months, style)
    if note is not None:
        parts.append(note + "\n")
    borrowing = borrowing_note(simulation, style)
    if borrowing is not None:
        parts.append(borrowing + "\n")
    parts.append(to_markdown(probability_rows(simulation, style), label("chances", lang)))
    one_value = one_value_line(simulation, style)
    parts.append(to_markdown(histogram_rows(simulation, style), label("histogram_title", lang).format(currency=style.currency))
                 if one_value is None else markdown_text(one_value) + "\n")
    subset = fan_subset(simulation, lang)
    parts.append(to_markdown(fan_rows(simulation, scenario, style), label("fan_title", lang).format(currency=style.currency))
                 + (f"\n{subset}\n" if subset else ""))
    if simulation.inputs:
        parts.append(to_markdown(share_rows(simulation, scenario, style), label("variance_shares", lang)))
        parts.append(sentences(share_notes(simulation, lang), lang) + "\n")
    parts.append(independence_note(simulation, lang) + "\n")
    return "\n".join(parts)


def edge_decimals(edges: Sequence[float], style: NumberStyle) -> list[int]:
    """Each bin edge's fewest decimals (up to 4) at which its last shown digit is at most a tenth of a bin's width, so
    that equal bins read equal to within a tenth: in 万 with one decimal, bins 1,050 wide read -4.2万 .. -4.1万 beside
    -4.1万 .. -3.9万, as if one were twice the other; with two, -4.10万 .. -3.99万. Each edge by its own unit: the three
    decimals an edge in 亿 needs gave one in 万 beside it a tenth of a yuan (-9,741.059万)."""
    width = abs(edges[-1] - edges[0]) / max(len(edges) - 1, 1)
    return [next((places for places in range(EDGE_DECIMALS + 1) if style.last_place(edge, places) <= width / 10),
                 EDGE_DECIMALS) for edge in edges]


def histogram_bins(simulation: Simulation, style: NumberStyle) -> list[tuple[str, str]]:
    """Each bin of the net-cash histogram as read: its span (``edge_decimals``) and its share of the samples."""
    histogram = simulation.net_cash_histogram
    edges = [float(edge) for edge in histogram.edges]
    shown = [style.money(edge, places) for edge, places in zip(edges, edge_decimals(edges, style), strict=True)]
    return [(f"{low} .. {high}", style.percent(int(count) / simulation.samples))
            for low, high, count in zip(shown[:-1], shown[1:], histogram.counts, strict=True)]


def fan_line(percentiles: Sequence[float]) -> float | None:
    """The percentile the cash fan draws as its line: the median (P50) where it is among ``percentiles``, the one
    percentile where there is only one, else none; the band spans the lowest to the highest. The middle of 10,90 is
    no middle: its line sat on the band's edge, and one of 10,30,90 would pass P30 off as the centre."""
    median = [q for q in percentiles if q == 50]
    if median:
        return median[0]
    return percentiles[0] if len(percentiles) == 1 else None


def histogram_rows(simulation: Simulation, style: NumberStyle) -> Rows:
    """The histogram as markdown's table: a bin's span and its share of the samples."""
    return [label("net_cash", style.lang), label("histogram_share", style.lang)], [list(row) for row in
                                                                                  histogram_bins(simulation, style)]


def fan_rows(simulation: Simulation, scenario: Scenario, style: NumberStyle) -> Rows:
    """The fan of cumulative cash as markdown's table: each month's percentiles, in whole units."""
    fan = simulation.cash_fan
    header = [label("month", style.lang), *(percentile_key(q).upper() for q in simulation.percentiles)]
    return header, [[month_label, *(style.money(float(fan.percentiles[q][month]), 0) for q in simulation.percentiles)]
                    for month, month_label in enumerate(scenario.month_labels())]


def fan_subset(simulation: Simulation, lang: str) -> str:
    """Says the fan is over the first samples only (whatif/simulate.py's budget of sample-months); empty when it is
    over all."""
    fan = simulation.cash_fan
    return label("fan_subset", lang).format(samples=f"{fan.samples:,}") if fan.samples < simulation.samples else ""


def borrowing_note(simulation: Simulation, style: NumberStyle) -> str | None:
    """The line under the figures when some draws' IRR is a borrowing rate (docs/formulas.md §10); None when none is."""
    share = simulation.irr_borrowing_share
    if share <= 0:
        return None
    if share >= 1:
        return label("irr_borrowing_every_draw", style.lang)
    return label("irr_borrowing_share", style.lang).format(share=style.chance(share, simulation.samples))


def shares_subset(simulation: Simulation, lang: str) -> str:
    """Says the variance shares are over the first samples only (whatif/simulate.py ``SHARE_SAMPLES``)."""
    return label("shares_subset", lang).format(samples=f"{simulation.variance_share_samples:,}",
                                               error=fixed(share_error(simulation.variance_share_samples), 2, shift=2))


def title(simulation: Simulation, scenario: Scenario, lang: str) -> str:
    return label("simulate_title", lang).format(scenario=scenario.name, samples=f"{simulation.samples:,}",
                                                seed=simulation.seed, currency=scenario.currency)


def independence_note(simulation: Simulation, lang: str) -> str:
    note = label("independence_note" if simulation.inputs else "no_ranges", lang)
    # A staged plan's figures mix the samples whose tests passed with those that stopped: say so.
    return note + ("\n" + label("gates_note", lang) if simulation.gate_pass_probabilities else "")


@dataclass(frozen=True)
class SimulationPresenter(Presenter[Simulation]):
    """``simulate`` in every format, and its ``--plot``: the fan of cumulative cash and the net-cash histogram."""

    style: NumberStyle
    scenario: Scenario

    def data(self, result: Simulation) -> dict[str, Any]:
        return simulation_json(result, self.scenario)

    def rows(self, result: Simulation) -> Rows:
        """The CSV, its ``currency`` on a money figure's mean and percentiles, a histogram bin's edges and the fan's
        percentiles: not on a figure's shares of the draws, a chance, a gate's pass share, a variance share, a bin's
        count, a month's number or the samples the fan is over."""
        table = simulation_rows(result, self.scenario.month_labels())
        amounts = {"mean", *(percentile_key(q) for q in result.percentiles)}
        return with_currency(table, self.scenario.currency,
                             [(section == "figures" and is_money(name) and statistic in amounts)
                              or (section == "net_cash_histogram" and statistic != "count")
                              or (section == "cash_fan" and statistic in amounts)
                              for section, name, statistic, _ in table[1]])

    def markdown(self, result: Simulation) -> str:
        return simulation_markdown(result, self.scenario, self.style)

    def view(self, result: Simulation) -> list[RenderableType]:
        from aigc_roi.present.simulation_view import simulation_view  # Rich loads only for the terminal's view

        return simulation_view(result, self.scenario, self.style)

    def figure(self, result: Simulation, style: NumberStyle) -> Figure:
        from aigc_roi.present.chart import simulation_figure

        return simulation_figure(result, self.scenario, style)

    def figure_name(self, result: Simulation) -> str:
        return self.scenario.name
