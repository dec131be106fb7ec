"""What `simulate` shows in the terminal, as Rich views (present/simulation.py holds its rows, markdown and JSON,
which load no Rich).

The figure table, the chances, a terminal histogram of net cash, a fan of
cumulative cash by month and a tornado of variance shares ordered by share,
and a note that the inputs are drawn independently: the numbers mean nothing
without that.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from aigc_roi.model.paths import by_name
from aigc_roi.model.scenario import Scenario
from aigc_roi.present.blocks import table_or_blocks
from aigc_roi.present.console import Title, cell_len
from aigc_roi.present.labels import filled, label, sentences, short_label
from aigc_roi.present.layout import (
    Column,
    Fitted,
    Prose,
    bar_room,
    column_range,
    fixed_table,
    folded_words,
    prose_lines,
    table_overhead,
    table_title,
)
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.peak_cash import share_at_horizon, simulation_note
from aigc_roi.present.simulation import (
    borrowing_note,
    fan_line,
    fan_subset,
    figure_rows,
    histogram_bins,
    independence_note,
    one_value_line,
    percentile_key,
    probability_rows,
    share_blocks,
    share_notes,
    share_text,
    title,
    tornado_order,
)
from aigc_roi.present.tables import Table as Rows
from aigc_roi.whatif.simulate import VARIANCE_TARGETS, Simulation

BAR_WIDTH = 30
"""Characters of the longest histogram or tornado bar."""
MIN_BAR = 4
"""Characters of the longest histogram bar below which each bin puts its span above its bar."""
FAN_WIDTH = 40
"""Characters across which the cash fan spans its smallest to largest value."""
MIN_FAN = 8
"""Characters of the narrowest fan drawn: narrower, its percentiles fall on one or two cells and say nothing."""


def _rich(rows: Rows, heading: str, last: Sequence[Sequence[tuple[str, str]]] | None = None) -> Fitted:
    """The rows as a table whose numbers are never split (at 80 columns "2,526,225.87" once folded after the
    point), or, narrower than that table, one block per row (``last``: the last column's fields there)."""
    header, cells = rows
    blocks = None if last is None else [[(name, Text(cell)) for name, cell in fields] for fields in last]
    # The first column holds a figure's or a chance's label, which may break as Chinese prose does.
    columns = [Column(name, [Text(str(row[i])) for row in cells], numeric=i > 0, prose=i == 0,
                      grows_first=i == 0, blocks=blocks if i == len(header) - 1 else None)
               for i, name in enumerate(header)]
    return table_or_blocks(columns, heading, "")


def histogram_view(simulation: Simulation, style: NumberStyle) -> RenderableType:
    """One row per bin: its net-cash span, a bar scaled to the fullest bin, and its share of samples; the bars
    give way to the width, then each bin puts its span above its bar (a span and a share are never cut). A net cash
    every sample shares is that one value, in a line."""
    lang = style.lang
    one_value = one_value_line(simulation, style)
    if one_value is not None:
        return Prose(Text(one_value))
    histogram = simulation.net_cash_histogram
    fullest = max(int(histogram.counts.max()), 1)
    bins = [(span, int(count), "green" if low >= 0 else "red" if high <= 0 else "yellow", share)
            for (span, share), low, high, count in zip(histogram_bins(simulation, style), histogram.edges[:-1],
                                                       histogram.edges[1:], histogram.counts, strict=True)]
    spans = max(cell_len(span) for span, _, _, _ in bins)
    shares = max(cell_len(share) for _, _, _, share in bins)
    title = label("histogram_title", lang).format(currency=style.currency)

    def bar(count: int, width: int, colour: str) -> Text:
        return Text("█" * round(count / fullest * width) or ("▏" if count else ""), style=colour)

    def build(width: int) -> RenderableType:
        bar_width = min(BAR_WIDTH, width - spans - shares - 6)  # each column with a space either side
        if bar_width < MIN_BAR:
            bar_width = max(1, width - shares - 1)
            lines = [line for span, count, colour, share in bins
                     for line in (Text(span), Text.assemble(bar(count, bar_width, colour), " ", share))]
            return Group(Title(title, folded_words(title, width)), *lines)
        table = Table(title=table_title(title, spans + bar_width + shares + 6), title_justify="left", show_header=False,
                      box=None, padding=(0, 1))
        table.add_column(justify="right", no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_column(justify="right", no_wrap=True)
        for span, count, colour, share in bins:
            table.add_row(span, bar(count, bar_width, colour), share)
        return table

    return Fitted(build)


def _fan_line(values: Sequence[float], line: float | None, low: float, high: float, width: int = FAN_WIDTH) -> Text:
    """P-low to P-high as a dotted span, ``line`` (the median: simulation.py ``fan_line``) as ●, zero as │, on a
    shared scale of ``width`` cells."""
    cells = [" "] * width
    span = high - low

    def at(value: float) -> int:
        return 0 if span <= 0 else min(width - 1, max(0, round((value - low) / span * (width - 1))))

    if low <= 0 <= high:
        cells[at(0.0)] = "│"
    for i in range(at(values[0]), at(values[-1]) + 1):
        cells[i] = "─"
    text = Text()
    middle = None if line is None else at(line)
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
    median = fan_line(keys)
    series = [fan.percentiles[q] for q in keys]
    low = min(float(values.min()) for values in series)
    high = max(float(values.max()) for values in series)
    subset = fan_subset(simulation, lang)
    # One percentile draws a ● and no band (─) from the lowest to the highest: the caption says none.
    legend = (label("fan_caption_no_line", lang) if median is None
              else label("fan_caption" if len(set(keys)) > 1 else "fan_caption_no_band", lang).format(line=median))
    caption = " ".join(filter(None, [legend, subset]))
    labels = scenario.month_labels()
    # An amount other than 0 that would read 0 reads a bound, >-1 or <1, as in run's months table and chart
    # (docs/formulas.md §8): a 0 there said the cash fan crossed no line it crossed.
    rows = [[style.whole(float(values[month]), most_places=0) for values in series] for month in range(len(labels))]
    widths = [max(cell_len(text) for text in [label("month", lang), *labels])]
    widths += [max(cell_len(text) for text in [percentile_key(q).upper(), *(row[i] for row in rows)]) for i, q in enumerate(keys)]
    scale = f"{style.whole(low, most_places=0)} .. {style.whole(high, most_places=0)}"
    least = max(MIN_FAN, *(cell_len(word) for word in scale.split()))
    title = label("fan_title", lang).format(currency=style.currency)
    # Without the fan, the months and amounts as a table, or a block per month where even they do not fit.
    amounts = table_or_blocks([Column(label("month", lang), [Text(month) for month in labels], numeric=False),
                               *(Column(percentile_key(q).upper(), [Text(row[i]) for row in rows])
                                 for i, q in enumerate(keys))], title, subset)

    def build(width: int) -> RenderableType:
        # The amounts keep their whole width (at 80 columns "-11.7万" once split over two lines); the fan takes the
        # rest, and gives way first: a fan squeezed below its scale's words wrapped a row onto the next month's line
        # and cut the months and amounts ("2025…").
        fan_width = bar_room(width, widths, FAN_WIDTH)
        if fan_width < least:
            return amounts.build(width)
        table = Table(title=title, title_justify="left", caption=caption, caption_justify="left")
        table.add_column(label("month", lang), no_wrap=True, width=widths[0])
        for q, wide in zip(keys, widths[1:], strict=True):
            table.add_column(percentile_key(q).upper(), justify="right", width=wide)
        # Its words in lines of the column's width here: Rich measured "-87.7万 .." with the space after it, one cell
        # too many, and cut it ("-87.7万 .…").
        table.add_column(prose_lines(scale, fan_width), width=fan_width)
        for month, month_label in enumerate(labels):
            values = sorted(float(values[month]) for values in series)
            line = None if median is None else float(fan.percentiles[median][month])
            table.add_row(month_label, *rows[month], _fan_line(values, line, low, high, fan_width))
        return table

    return Fitted(build)


def tornado_view(simulation: Simulation, scenario: Scenario, style: NumberStyle) -> Fitted:
    """Inputs (by name: model/paths.py by_name) ordered by their share of net cash's variance (of ROI's where net
    cash's is not split); a bar per target figure."""
    lang = style.lang
    ranked = tornado_order(simulation)
    names = Column(label("input", lang), [Text(by_name(path, scenario)) for path in ranked], numeric=False, grows_first=True)
    headers = [filled("variance_share_of", lang, figure=short_label(target, lang)) for target in VARIANCE_TARGETS]
    percents = [[share_text(simulation, target, path, style) for path in ranked] for target in VARIANCE_TARGETS]
    widest = max(cell_len(text) for column in percents for text in column)
    title, caption = label("variance_shares", lang), sentences(share_notes(simulation, lang), lang)

    def columns(bar_width: int) -> list[Column]:
        bars = [Column(header, [Text("█" * round((simulation.variance_shares[target][path] or 0.0) * bar_width),
                                     style="magenta")
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
    views: list[RenderableType] = [_rich(figure_rows(simulation, style), title(simulation, scenario, lang),
                                         share_blocks(simulation, style))]
    note = simulation_note(share_at_horizon(simulation.sample_figures, scenario.horizon_months), scenario.horizon_months, style)
    if note is not None:
        views.append(Prose(Text(note, style="yellow")))
    borrowing = borrowing_note(simulation, style)
    if borrowing is not None:
        views.append(Prose(Text(borrowing, style="yellow")))
    views += [
        _rich(probability_rows(simulation, style), label("chances", lang)),
        histogram_view(simulation, style),
        fan_view(simulation, scenario, style),
    ]
    if simulation.inputs:
        views.append(tornado_view(simulation, scenario, style))
    views.append(Prose(Text(independence_note(simulation, lang), style="italic")))
    return [Group(*views)]
