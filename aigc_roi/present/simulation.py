"""What `simulate` shows: JSON (spec section 5 plus variance shares), CSV and markdown rows, a Rich view.

Percentile keys read ``p5``, ``p50``, ``p95`` (``p2.5`` for a fractional
one), in the order asked. The Rich view holds the figure table, the chances,
a terminal histogram of net cash, a fan of cumulative cash by month and a
tornado of variance shares ordered by share, and says that the inputs are
drawn independently: the numbers mean nothing without that.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from aigc_roi.model.scenario import Scenario
from aigc_roi.present.labels import label
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.tables import Table as Rows
from aigc_roi.present.tables import to_markdown
from aigc_roi.whatif.simulate import VARIANCE_TARGETS, Simulation

BAR_WIDTH = 30
"""Characters of the longest histogram or tornado bar."""
FAN_WIDTH = 40
"""Characters across which the cash fan spans its smallest to largest value."""
PROBABILITY_LABELS = {
    "payback_within_target": "chance_payback",
    "roi_positive": "chance_roi_positive",
    "npv_positive": "chance_npv_positive",
    "cash_need_within_target": "chance_cash_need",
}


def percentile_key(q: float) -> str:
    """``5.0`` -> ``p5``, ``2.5`` -> ``p2.5``."""
    return f"p{q:g}"


def _ranked(shares: dict[str, float]) -> list[tuple[str, float]]:
    # Ties keep the model's field order (sorted is stable), so the same input gives the same order.
    return sorted(shares.items(), key=lambda item: -item[1])


def distribution_json(simulation: Simulation) -> dict[str, Any]:
    """Each figure's mean, percentiles and defined share, and the chances: what `compare --samples` shows."""
    keys = [percentile_key(q) for q in simulation.percentiles]
    figures = {
        name: {"mean": summary.mean,
               **{key: summary.percentiles[q] for key, q in zip(keys, simulation.percentiles, strict=True)},
               "defined_share": summary.defined_share}
        for name, summary in simulation.figures.items()
    }
    return {"samples": simulation.samples, "seed": simulation.seed, "payback_target_months": simulation.payback_target_months,
            "figures": figures, "probabilities": dict(simulation.probabilities)}


def simulation_json(simulation: Simulation, scenario: Scenario) -> dict[str, Any]:
    """Spec section 5's shape, plus the variance shares (ordered by share), the net-cash
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
        "max_cash_need": simulation.max_cash_need,
        "inputs_independent": True,
        "figures": distribution["figures"],
        "probabilities": distribution["probabilities"],
        "variance_shares": {target: dict(_ranked(shares)) for target, shares in simulation.variance_shares.items()},
        "net_cash_histogram": {"edges": [float(edge) for edge in simulation.net_cash_histogram.edges],
                               "counts": [int(count) for count in simulation.net_cash_histogram.counts]},
        "cash_fan": {
            "samples": fan.samples,
            "months": [{"month": month + 1, "label": labels[month],
                        **{key: float(fan.percentiles[q][month]) for key, q in zip(keys, simulation.percentiles, strict=True)}}
                       for month in range(len(labels))],
        },
    }


def simulation_rows(simulation: Simulation) -> Rows:
    """Everything as one tidy table, full precision: section, name, statistic, value."""
    rows: list[list[Any]] = []
    for name, summary in simulation.figures.items():
        rows.append(["figures", name, "mean", summary.mean])
        rows += [["figures", name, percentile_key(q), summary.percentiles[q]] for q in simulation.percentiles]
        rows.append(["figures", name, "defined_share", summary.defined_share])
    rows += [["probabilities", name, "probability", value] for name, value in simulation.probabilities.items()]
    for target, shares in simulation.variance_shares.items():
        rows += [["variance_shares", path, target, share] for path, share in _ranked(shares)]
    return ["section", "name", "statistic", "value"], rows


def figure_text(name: str, value: float | None, style: NumberStyle, never: str) -> str:
    return style.figure(name, value, never)


def figure_rows(simulation: Simulation, style: NumberStyle) -> Rows:
    """The figure table as people read it (markdown and the Rich view)."""
    lang = style.lang
    never = label("never", lang)
    header = [label("figure", lang), label("mean", lang), *(percentile_key(q).upper() for q in simulation.percentiles),
              label("defined_share", lang)]
    rows = [[label(name, lang), figure_text(name, summary.mean, style, never),
             *(figure_text(name, summary.percentiles[q], style, never) for q in simulation.percentiles),
             style.percent(summary.defined_share)]
            for name, summary in simulation.figures.items()]
    return header, rows


def probability_rows(simulation: Simulation, style: NumberStyle) -> Rows:
    lang = style.lang
    rows = [[label(PROBABILITY_LABELS[name], lang).format(months=simulation.payback_target_months,
                                                          limit=style.money(simulation.max_cash_need)),
             style.percent(value)]
            for name, value in simulation.probabilities.items()]
    return [label("condition", lang), label("chance", lang)], rows


def share_rows(simulation: Simulation, style: NumberStyle) -> Rows:
    """Each uncertain input's share of the variance of each target figure, largest share of net cash first."""
    lang = style.lang
    first = VARIANCE_TARGETS[0]
    header = [label("input", lang), *(label("variance_share_of", lang).format(figure=label(t, lang).split(" (")[0])
                                      for t in VARIANCE_TARGETS)]
    rows = [[path, *(style.percent(simulation.variance_shares[t][path]) for t in VARIANCE_TARGETS)]
            for path, _ in _ranked(simulation.variance_shares[first])]
    return header, rows


def simulation_markdown(simulation: Simulation, scenario: Scenario, style: NumberStyle) -> str:
    lang = style.lang
    parts = [f"## {title(simulation, scenario, lang)}\n",
             to_markdown(figure_rows(simulation, style), label("figures", lang)),
             to_markdown(probability_rows(simulation, style), label("chances", lang))]
    if simulation.inputs:
        parts.append(to_markdown(share_rows(simulation, style), label("variance_shares", lang)))
    parts.append(independence_note(simulation, lang) + "\n")
    return "\n".join(parts)


def title(simulation: Simulation, scenario: Scenario, lang: str) -> str:
    return label("simulate_title", lang).format(scenario=scenario.name, samples=f"{simulation.samples:,}",
                                                seed=simulation.seed, currency=scenario.currency)


def independence_note(simulation: Simulation, lang: str) -> str:
    if not simulation.inputs:
        return label("no_ranges", lang)
    return label("independence_note", lang)


# --- the Rich view ---------------------------------------------------------------


def _rich(rows: Rows, heading: str, text_columns: int = 1) -> Table:
    header, cells = rows
    table = Table(title=heading, title_justify="left")
    for i, name in enumerate(header):
        table.add_column(name, justify="left" if i < text_columns else "right", overflow="fold")
    for row in cells:
        table.add_row(*row)
    return table


def histogram_view(simulation: Simulation, style: NumberStyle) -> Table:
    """One row per bin: its net-cash span, a bar scaled to the fullest bin, and its share of samples."""
    lang = style.lang
    histogram = simulation.net_cash_histogram
    fullest = max(int(histogram.counts.max()), 1)
    table = Table(title=label("histogram_title", lang).format(currency=style.currency), title_justify="left",
                  show_header=False, box=None, padding=(0, 1))
    table.add_column(justify="right", no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    for low, high, count in zip(histogram.edges[:-1], histogram.edges[1:], histogram.counts, strict=True):
        length = round(int(count) / fullest * BAR_WIDTH)
        colour = "green" if low >= 0 else "red" if high <= 0 else "yellow"
        table.add_row(f"{style.money(float(low), 0)} .. {style.money(float(high), 0)}",
                      Text("█" * length or ("▏" if count else ""), style=colour),
                      style.percent(int(count) / simulation.samples))
    return table


def _fan_line(values: Sequence[float], low: float, high: float) -> Text:
    """P-low to P-high as a dotted span, the middle percentile as ●, zero as │, on a shared scale."""
    cells = [" "] * FAN_WIDTH
    span = high - low

    def at(value: float) -> int:
        return 0 if span <= 0 else min(FAN_WIDTH - 1, max(0, round((value - low) / span * (FAN_WIDTH - 1))))

    if low <= 0 <= high:
        cells[at(0.0)] = "│"
    for i in range(at(values[0]), at(values[-1]) + 1):
        cells[i] = "─"
    text = Text()
    middle = at(values[len(values) // 2])
    for i, char in enumerate(cells):
        if i == middle:
            text.append("●", style="bold")
        else:
            text.append(char, style="cyan" if char == "─" else "dim")
    return text


def fan_view(simulation: Simulation, scenario: Scenario, style: NumberStyle) -> Table:
    lang = style.lang
    fan = simulation.cash_fan
    keys = list(simulation.percentiles)
    series = [fan.percentiles[q] for q in keys]
    low = min(float(values.min()) for values in series)
    high = max(float(values.max()) for values in series)
    caption = label("fan_caption", lang)
    if fan.samples < simulation.samples:
        caption += " " + label("fan_subset", lang).format(samples=f"{fan.samples:,}")
    table = Table(title=label("fan_title", lang).format(currency=style.currency), title_justify="left",
                  caption=caption, caption_justify="left")
    table.add_column(label("month", lang), no_wrap=True)
    for q in keys:
        table.add_column(percentile_key(q).upper(), justify="right", overflow="fold")
    table.add_column(f"{style.money(low, 0)} .. {style.money(high, 0)}", no_wrap=True)
    for month, month_label in enumerate(scenario.month_labels()):
        values = [float(values[month]) for values in series]
        table.add_row(month_label, *(style.money(value, 0) for value in values), _fan_line(sorted(values), low, high))
    return table


def tornado_view(simulation: Simulation, style: NumberStyle) -> Table:
    """Inputs ordered by their share of net cash's variance; a bar per target figure."""
    lang = style.lang
    table = Table(title=label("variance_shares", lang), title_justify="left",
                  caption=label("variance_caption", lang), caption_justify="left")
    table.add_column(label("input", lang))
    for target in VARIANCE_TARGETS:
        table.add_column(label("variance_share_of", lang).format(figure=label(target, lang).split(" (")[0]), no_wrap=True)
    for path, _ in _ranked(simulation.variance_shares[VARIANCE_TARGETS[0]]):
        cells: list[RenderableType] = [path]
        for target in VARIANCE_TARGETS:
            share = simulation.variance_shares[target][path]
            cells.append(Text("█" * round(share * BAR_WIDTH), style="magenta").append(f" {style.percent(share)}", style=""))
        table.add_row(*cells)
    return table


def simulation_view(simulation: Simulation, scenario: Scenario, style: NumberStyle) -> list[RenderableType]:
    lang = style.lang
    views: list[RenderableType] = [
        _rich(figure_rows(simulation, style), title(simulation, scenario, lang)),
        _rich(probability_rows(simulation, style), label("chances", lang)),
        histogram_view(simulation, style),
        fan_view(simulation, scenario, style),
    ]
    if simulation.inputs:
        views.append(tornado_view(simulation, style))
    views.append(Text(independence_note(simulation, lang), style="italic"))
    return [Group(*views)]
