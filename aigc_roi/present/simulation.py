"""What `simulate` shows: JSON (docs/formulas.md §10 plus variance shares), CSV and markdown rows, a Rich view.

Percentile keys read ``p5``, ``p50``, ``p95`` (``p2.5`` for a fractional
one), in the order asked. The Rich view holds the figure table, the chances,
a terminal histogram of net cash, a fan of cumulative cash by month and a
tornado of variance shares ordered by share, and says that the inputs are
drawn independently: the numbers mean nothing without that.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from aigc_roi.model.figures import rules_of
from aigc_roi.model.paths import by_name
from aigc_roi.model.scenario import Scenario
from aigc_roi.present.labels import label, short_label
from aigc_roi.present.layout import Column, Fitted, column_range, fixed_table, table_or_blocks, table_overhead
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.peak_cash import share_at_horizon, simulation_note
from aigc_roi.present.presenter import Presenter
from aigc_roi.present.tables import Table as Rows
from aigc_roi.present.tables import to_markdown
from aigc_roi.present.text import markdown_text
from aigc_roi.whatif.simulate import VARIANCE_TARGETS, Simulation

if TYPE_CHECKING:
    from matplotlib.figure import Figure

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
        "max_cash_need": simulation.max_cash_need,
        "inputs_independent": True,
        "figures": {**distribution["figures"], "peak_cash_need": {
            **distribution["figures"]["peak_cash_need"],
            "at_horizon_share": share_at_horizon(simulation.sample_figures, scenario.horizon_months)}},
        "probabilities": distribution["probabilities"],
        **({"gates": [{"name": name, "pass_probability": share} for name, share in simulation.gate_pass_probabilities]}
           if simulation.gate_pass_probabilities else {}),
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
    rows += [["gates", name, "pass_probability", share] for name, share in simulation.gate_pass_probabilities]
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
    # A payback month's percentiles read "never" where most draws never pay back while its mean counts only the
    # draws that do: the share that never pays back stands beside them, so "P50 never, mean 20" reads right.
    rows = [[label(name, lang), figure_text(name, summary.mean, style, never),
             *(figure_text(name, summary.percentiles[q], style, never) for q in simulation.percentiles),
             label("never_share", lang).format(never=never, share=style.percent(1.0 - summary.defined_share))
             if rules_of(name).none == "never" else style.percent(summary.defined_share)]
            for name, summary in simulation.figures.items()]
    return header, rows


def probability_rows(simulation: Simulation, style: NumberStyle) -> Rows:
    lang = style.lang
    rows = [[label(PROBABILITY_LABELS[name], lang).format(months=simulation.payback_target_months,
                                                          limit=style.money(simulation.max_cash_need)),
             style.percent(value)]
            for name, value in simulation.probabilities.items()]
    rows += [[label("gate_pass_probability", lang).format(gate=name), style.percent(share)]
             for name, share in simulation.gate_pass_probabilities]
    return [label("condition", lang), label("chance", lang)], rows


def share_rows(simulation: Simulation, scenario: Scenario, style: NumberStyle) -> Rows:
    """Each uncertain input (by name: model/paths.py by_name) and its share of the variance of each target
    figure, largest share of net cash first."""
    lang = style.lang
    first = VARIANCE_TARGETS[0]
    header = [label("input", lang), *(label("variance_share_of", lang).format(figure=short_label(t, lang))
                                      for t in VARIANCE_TARGETS)]
    rows = [[by_name(path, scenario), *(style.percent(simulation.variance_shares[t][path]) for t in VARIANCE_TARGETS)]
            for path, _ in _ranked(simulation.variance_shares[first])]
    return header, rows


def simulation_markdown(simulation: Simulation, scenario: Scenario, style: NumberStyle) -> str:
    lang = style.lang
    parts = [f"## {markdown_text(title(simulation, scenario, lang))}\n",
             to_markdown(figure_rows(simulation, style), label("figures", lang))]
    note = simulation_note(share_at_horizon(simulation.sample_figures, scenario.horizon_months), scenario.horizon_months, style)
    if note is not None:
        parts.append(note + "\n")
    parts.append(to_markdown(probability_rows(simulation, style), label("chances", lang)))
    if simulation.inputs:
        parts.append(to_markdown(share_rows(simulation, scenario, style), label("variance_shares", lang)))
    parts.append(independence_note(simulation, lang) + "\n")
    return "\n".join(parts)


def title(simulation: Simulation, scenario: Scenario, lang: str) -> str:
    return label("simulate_title", lang).format(scenario=scenario.name, samples=f"{simulation.samples:,}",
                                                seed=simulation.seed, currency=scenario.currency)


def independence_note(simulation: Simulation, lang: str) -> str:
    note = label("independence_note" if simulation.inputs else "no_ranges", lang)
    # A staged plan's figures mix the samples whose tests passed with those that stopped: say so.
    return note + ("\n" + label("gates_note", lang) if simulation.gate_pass_probabilities else "")


# --- the Rich view ---------------------------------------------------------------


def _rich(rows: Rows, heading: str) -> Fitted:
    """The rows as a table whose numbers are never split (at 80 columns "2,526,225.87" once folded after the
    point), or, narrower than that table, one block per row."""
    header, cells = rows
    # The first column holds a figure's or a chance's label, which may break as Chinese prose does.
    columns = [Column(name, [Text(str(row[i])) for row in cells], numeric=i > 0, prose=i == 0,
                      grows_first=i == 0) for i, name in enumerate(header)]
    return table_or_blocks(columns, heading, "")


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


def _fan_line(values: Sequence[float], low: float, high: float, width: int = FAN_WIDTH) -> Text:
    """P-low to P-high as a dotted span, the middle percentile as ●, zero as │, on a shared scale of ``width`` cells."""
    cells = [" "] * width
    span = high - low

    def at(value: float) -> int:
        return 0 if span <= 0 else min(width - 1, max(0, round((value - low) / span * (width - 1))))

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


def fan_view(simulation: Simulation, scenario: Scenario, style: NumberStyle) -> Fitted:
    lang = style.lang
    fan = simulation.cash_fan
    keys = list(simulation.percentiles)
    series = [fan.percentiles[q] for q in keys]
    low = min(float(values.min()) for values in series)
    high = max(float(values.max()) for values in series)
    caption = label("fan_caption", lang)
    if fan.samples < simulation.samples:
        caption += " " + label("fan_subset", lang).format(samples=f"{fan.samples:,}")
    labels = scenario.month_labels()
    rows = [[style.money(float(values[month]), 0) for values in series] for month in range(len(labels))]
    widths = [max(cell_len(text) for text in [label("month", lang), *labels])]
    widths += [max(cell_len(text) for text in [percentile_key(q).upper(), *(row[i] for row in rows)]) for i, q in enumerate(keys)]

    def build(width: int) -> Table:
        # The amounts keep their whole width (at 80 columns "-11.7万" once split over two lines); the fan takes the rest.
        fan_width = max(8, min(FAN_WIDTH, width - sum(widths) - table_overhead(len(widths) + 1)))
        table = Table(title=label("fan_title", lang).format(currency=style.currency), title_justify="left",
                      caption=caption, caption_justify="left")
        table.add_column(label("month", lang), no_wrap=True, width=widths[0])
        for q, wide in zip(keys, widths[1:], strict=True):
            table.add_column(percentile_key(q).upper(), justify="right", width=wide)
        table.add_column(f"{style.money(low, 0)} .. {style.money(high, 0)}", width=fan_width)
        for month, month_label in enumerate(labels):
            values = sorted(float(values[month]) for values in series)
            table.add_row(month_label, *rows[month], _fan_line(values, low, high, fan_width))
        return table

    return Fitted(build)


def tornado_view(simulation: Simulation, scenario: Scenario, style: NumberStyle) -> Fitted:
    """Inputs (by name: model/paths.py by_name) ordered by their share of net cash's variance; a bar per target figure."""
    lang = style.lang
    ranked = [path for path, _ in _ranked(simulation.variance_shares[VARIANCE_TARGETS[0]])]
    names = Column(label("input", lang), [Text(by_name(path, scenario)) for path in ranked], numeric=False, grows_first=True)
    headers = [label("variance_share_of", lang).format(figure=short_label(target, lang)) for target in VARIANCE_TARGETS]
    percents = [[style.percent(simulation.variance_shares[target][path]) for path in ranked] for target in VARIANCE_TARGETS]
    widest = max(cell_len(text) for column in percents for text in column)
    title, caption = label("variance_shares", lang), label("variance_caption", lang)

    def columns(bar_width: int) -> list[Column]:
        bars = [Column(header, [Text("█" * round(simulation.variance_shares[target][path] * bar_width), style="magenta")
                                .append(f" {column[row]}", style="") for row, path in enumerate(ranked)],
                       right_aligned=False)
                for header, target, column in zip(headers, VARIANCE_TARGETS, percents, strict=True)]
        return [names, *bars]

    def build(width: int) -> RenderableType:
        # The input names keep their width (at 80 columns two bars of 30 once squeezed them out); the bars give way,
        # then a long name wraps between its words, then each input becomes a block.
        room = width - column_range(names)[1] - table_overhead(len(VARIANCE_TARGETS) + 1)
        bar_width = max(4, min(BAR_WIDTH, room // len(VARIANCE_TARGETS) - 1 - widest))
        for tried in dict.fromkeys((bar_width, 4)):
            table = fixed_table(columns(tried), width, title=title, title_justify="left", caption=caption,
                                caption_justify="left")
            if table is not None:
                return table
        return table_or_blocks(columns(4), title, caption).build(width)

    return Fitted(build)


def simulation_view(simulation: Simulation, scenario: Scenario, style: NumberStyle) -> list[RenderableType]:
    lang = style.lang
    views: list[RenderableType] = [_rich(figure_rows(simulation, style), title(simulation, scenario, lang))]
    note = simulation_note(share_at_horizon(simulation.sample_figures, scenario.horizon_months), scenario.horizon_months, style)
    if note is not None:
        views.append(Text(note, style="yellow"))
    views += [
        _rich(probability_rows(simulation, style), label("chances", lang)),
        histogram_view(simulation, style),
        fan_view(simulation, scenario, style),
    ]
    if simulation.inputs:
        views.append(tornado_view(simulation, scenario, style))
    views.append(Text(independence_note(simulation, lang), style="italic"))
    return [Group(*views)]


@dataclass(frozen=True)
class SimulationPresenter(Presenter[Simulation]):
    """``simulate`` in every format, and its ``--plot``: the fan of cumulative cash and the net-cash histogram."""

    style: NumberStyle
    scenario: Scenario

    def data(self, result: Simulation) -> dict[str, Any]:
        return simulation_json(result, self.scenario)

    def rows(self, result: Simulation) -> Rows:
        return simulation_rows(result)

    def markdown(self, result: Simulation) -> str:
        return simulation_markdown(result, self.scenario, self.style)

    def view(self, result: Simulation) -> list[RenderableType]:
        return simulation_view(result, self.scenario, self.style)

    def figure(self, result: Simulation, style: NumberStyle) -> Figure:
        from aigc_roi.present.chart import simulation_figure

        return simulation_figure(result, self.scenario, style)

    def figure_name(self, result: Simulation) -> str:
        return self.scenario.name
