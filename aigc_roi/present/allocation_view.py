"""An allocation as the terminal shows it (Rich): the summary, the phases, the channels, the budget curve as bars
and the warnings, each sized to the terminal's width."""

from __future__ import annotations

import math

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from aigc_roi.model.figures import plain
from aigc_roi.model.rounding import fixed
from aigc_roi.present.allocation import budget_cells, curve_slopes, figure_text, phase_rows
from aigc_roi.present.allocation_labels import (
    FIGURE_LABELS,
    budget_name,
    budget_text,
    curve_label,
    curve_point_marks,
    curve_title,
    objective_value,
    peak_key,
    priced_label,
    slope_text,
    split_label,
)
from aigc_roi.present.allocation_notes import allocation_title, curve_caption, lead_texts, leads, summary_lines, warning_text
from aigc_roi.present.blocks import fields_block, vertical
from aigc_roi.present.channel_labels import channel_type_label
from aigc_roi.present.console import Title, cell_len
from aigc_roi.present.labels import ZH_TERM_WORDS, label, sentences
from aigc_roi.present.layout import (
    Captioned,
    Column,
    Fitted,
    Prose,
    bar_room,
    fixed_table,
    folded_words,
    left_out_note,
    sentence_lines,
    table_overhead,
    unbreakable,
)
from aigc_roi.present.month_words import months_named
from aigc_roi.present.numbers import NumberStyle, shown_nonzero
from aigc_roi.present.text import visible
from aigc_roi.present.wrap import glued_pieces, parted_pieces
from aigc_roi.whatif.allocate import Allocation, CurvePoint

CURVE_BAR_WIDTH = 28
MIN_CURVE_BAR = 4
"""Cells of the longest budget-curve bar below which the peak's mark goes on a line of its own."""
WIDEST_BUDGET = 9
"""Cells of the longest budget the channel view shows as it is ("999,999"); from a million on, English budgets
(and changes) go in a unit stated in the header, or the table no longer fits 80 columns."""
BIG_CAC = 1e7
VIEW_COLUMNS = ("allocate_budget", "allocate_marginal_roas", "allocate_roas", "allocate_ltv_to_cac", "allocate_cac",
                "allocate_ltv", "allocate_change", "allocate_marginal_cac")
"""The channel view's number columns, most important first: a narrow terminal loses them from the end. The
active months are under the channel's name."""
TABLE_LEAST = 5
"""The columns of VIEW_COLUMNS a table keeps: the budget and the figures its caption explains. Where they do not fit,
a block per channel gives every figure; at 44 columns a table of the budget alone once kept the caption about ROAS
and CAC with none of them shown."""
VIEW_ORDER = ("allocate_budget", "allocate_change", "allocate_roas", "allocate_marginal_roas",
              "allocate_cac", "allocate_marginal_cac", "allocate_ltv", "allocate_ltv_to_cac")
"""The order in which the kept columns are shown."""
FIGURE_OF = {key: name for name, key in FIGURE_LABELS.items()}


def allocation_view(result: Allocation, style: NumberStyle) -> list[RenderableType]:
    views: list[RenderableType] = [summary_view(result, style)]
    views += [Prose(Text(f"» {visible(text)}", style="bold yellow")) for text in lead_texts(result, style)]
    if len(result.phases) > 1:
        views.append(phases_view(result, style))
    views.append(channels_view(result, style))
    if result.curve:
        views.append(curve_view(result, style))
    if any(not leads(result, warning) for warning in result.warnings):
        views.append(warnings_view(result, style))
    return views


def summary_view(result: Allocation, style: NumberStyle) -> Group:
    """The objective at the current and the best split and the gain, each label's value beside it, or under it where
    the terminal leaves the label too little room (at 21 columns Rich cut them, "当前分 …")."""
    summary = summary_lines(result, style)
    fields = [(name, [Text(value, style=("green" if result.gain > 0 else "dim") if row == len(summary) - 1 else "")])
              for row, (name, value) in enumerate(summary)]
    title = allocation_title(result, style)
    # Broken by the rules every view's Chinese is (present/wrap.py): Rich parted "T" from "= 500.0万".
    return Group(Fitted(lambda width: Title(title, folded_words(visible(title), width), style="bold")),
                 Fitted(lambda width: fields_block(fields, width)))


def phases_view(result: Allocation, style: NumberStyle) -> Fitted:
    """A row per channel of each phase: its current and best monthly budget; where the table does not fit, a block per
    row, named by its months and channel (at 40 columns Rich once cut the budgets, "250,0…", and left the channels no
    room at all)."""
    lang = style.lang
    title, current, best = label("allocate_phases", lang), label("current", lang), split_label(result, "allocate_best", lang)
    # The calendar months on a line of their own: a phase's months and its channel's name both keep their room.
    rows = phase_rows(result, style, joiner="\n")
    columns = [Column(label("allocate_active_months", lang), [Text(months) for months, _, _, _ in rows], numeric=False),
               Column(label("channel", lang), [Text(visible(name)) for _, name, _, _ in rows], numeric=False),
               Column(current, [Text(amount) for _, _, amount, _ in rows]),
               Column(best, [Text(amount, style="bold") for _, _, _, amount in rows])]
    phases = [months_named(phase.months, lang, capital=True, labels=result.month_labels)
              for phase in result.phases for _ in phase.best]
    records = [(f"{months} · {name}", [(current, [Text(now)]), (best, [Text(then, style="bold")])])
               for months, (_, name, now, then) in zip(phases, rows, strict=True)]

    def build(width: int) -> RenderableType:
        return fixed_table(columns, width, title=title, title_justify="left") or vertical(title, records, None, width)

    return Fitted(build)


def _budget_unit(result: Allocation, style: NumberStyle) -> str:
    cells = [cell for channel in result.channels for cell in budget_cells(result, channel, style)]
    values = [value for channel in result.channels for value in (channel.current_budget, channel.best_budget)]
    unit = style.compact_unit(values) if any(cell_len(cell) > WIDEST_BUDGET for cell in cells) else ""
    # A budget other than 0 that would read 0 in the unit (0.01 beside 30,000, in k 0.0) keeps its decimals.
    return "" if unit and any(value and not shown_nonzero(style.in_unit(value, unit)) for value in values) else unit


def _view_figure_text(name: str, value: float, style: NumberStyle) -> str:
    """A figure as the channel view shows it: a saturated channel's marginal CAC runs to billions, which in
    full ("2,706,745,123.45") would push the table past 80 columns; from ten million it reads in M (Chinese
    amounts are in 万 and 亿 already)."""
    number = plain(value)
    if not name.endswith(("roas", "to_cac")) and number is not None and abs(number) >= BIG_CAC and style.lang != "zh":
        return f"{fixed(number, 1, separators=True, shift=-6)}M"
    return figure_text(name, value, style)


def _view_cells(result: Allocation, style: NumberStyle, unit: str) -> dict[str, list[tuple[str, str]]]:
    """Label key -> per channel its (current row, best row) texts."""
    columns: dict[str, list[tuple[str, str]]] = {key: [] for key in VIEW_ORDER}
    for channel in result.channels:
        current, best, change = budget_cells(result, channel, style, unit)
        columns["allocate_budget"].append((current, best))
        columns["allocate_change"].append(("", change) if channel.status == "movable" else (change, ""))
        for key, name in FIGURE_OF.items():
            texts = [_view_figure_text(name, getattr(figures, name), style) for figures in (channel.current, channel.best)]
            columns[key].append((texts[0], texts[1]) if channel.status == "movable" else (texts[0], ""))
    return columns


def channels_view(result: Allocation, style: NumberStyle) -> Fitted:
    """Per channel a row at the current and one at the best split: active months, monthly budget, change,
    average and marginal ROAS and CAC, contribution per user and contribution / CAC. Two short rows rather than "now → best" cells; a
    narrow terminal drops the least important columns first (VIEW_COLUMNS), numbers are never split."""
    lang = style.lang
    unit = _budget_unit(result, style)
    cells = _view_cells(result, style, unit)
    split_width = max(cell_len(split_label(result, key, lang)) for key in ("allocate_split", "current", "allocate_best"))
    # Its months with their calendar months where the plan sets a start, on a line of their own as the phases above
    # have them: beside the months, 月（2025-01..2025-03） was one word wider than the column.
    kinds = [f"{channel_type_label(channel.type, lang)} · "
             f"{months_named(channel.months, lang, labels=result.month_labels, joiner=chr(10))}"
             for channel in result.channels]
    # A name breaks only between its words (小红书KOC is one), its kind's line between its words too, a month range
    # kept with its 第 and 月 (按展示付 / 费 · 第 / 3-12 月 at 80 columns): the column is never narrower than the longest.
    kind_width = max(8, *(cell_len(word) for kind in kinds for word in [*kind.split(), *glued_pieces(kind)]))
    whole_width = max(kind_width, *(cell_len(word) for channel in result.channels for word in visible(channel.name).split()))
    # Where the table fits no other way, a name breaks between its Chinese characters, its Latin words whole: kept
    # whole, a name of 12 Chinese characters cost the table a column at 80 columns, and a longer one turned it into
    # blocks, where an English one as long wrapped at its spaces.
    parted_width = max(kind_width, *(cell_len(piece) for channel in result.channels
                                     for piece in parted_pieces(visible(channel.name))))

    def named(key: str, text: str) -> str:
        return text + (f" ({unit})" if unit and key in ("allocate_budget", "allocate_change") else "")

    def header(key: str) -> str:
        # Two lines at its first space, or a Chinese term between its words (平均 / 获客成本): no space inside it.
        text = label(key, lang)
        term = next((words for words in ZH_TERM_WORDS if "".join(words) == text), None) if lang == "zh" else None
        return named(key, "\n".join(term) if term is not None else text.replace(" ", "\n", 1))

    def width_of(key: str) -> int:
        # A header's lines whole, as its no_wrap column keeps them: counted by its words, "Budget (k)" took 7 cells of
        # its 10 and pushed the table's last column past the terminal, cut.
        return max(cell_len(text) for text in [*(t for pair in cells[key] for t in pair), *header(key).split("\n")])

    def caption(shown: list[str]) -> str:
        roas = "" if result.target_roas is None else style.ratio(result.target_roas)
        text = priced_label(result, "allocate_channels_caption", style).format(budget=budget_name(result), roas=roas)
        if "allocate_ltv" in shown or "allocate_ltv_to_cac" in shown:
            text = sentences([text, label("allocate_figures_note_ltv", lang)], lang)
        return sentences([text, left_out_note([label(key, lang) for key in VIEW_ORDER if key not in shown], lang)],
                         lang)

    def blocks(width: int) -> RenderableType:
        """A block per channel, every figure at the current and the best split, where even the budget alone leaves
        the channels' names too little room (at 40 columns the table was cut at its right edge)."""
        splits = (split_label(result, "allocate_split", lang),
                  [Text(label("current", lang)), Text(split_label(result, "allocate_best", lang), style="bold")])
        records = [(channel.name, [(f"{channel_type_label(channel.type, lang)} · "
                                    f"{months_named(channel.months, lang, labels=result.month_labels)}", []), splits,
                                   *((named(key, label(key, lang)), [Text(text) for text in cells[key][n]])
                                     for key in VIEW_ORDER)])
                   for n, channel in enumerate(result.channels)]
        return vertical(label("allocate_channels_title", lang), records, caption(list(VIEW_ORDER)), width)

    def kept_at(width: int, name_width: int) -> tuple[list[str], int]:
        """The columns kept beside names ``name_width`` wide, and the room they leave the names."""
        kept = list(VIEW_COLUMNS)
        while len(kept) > TABLE_LEAST and sum(map(width_of, kept)) + name_width + split_width + table_overhead(len(kept) + 2) > width:
            kept.pop()
        return kept, width - sum(map(width_of, kept)) - split_width - table_overhead(len(kept) + 2)

    def build(width: int) -> RenderableType:
        # A name kept whole where that costs no column (as compare's gate: a broken name takes a line, a column
        # left out loses figures), else broken between its Chinese characters.
        kept, room = kept_at(width, whole_width)
        name_width = whole_width
        parted = kept_at(width, parted_width)
        if room < whole_width or len(parted[0]) > len(kept):
            (kept, room), name_width = parted, parted_width
        # The kinds break only where the room left by the other columns needs it: a wide terminal keeps each on a line.
        if room < name_width:
            return blocks(width)
        column = max(name_width, min(room, max(cell_len(line) for kind in kinds for line in kind.splitlines())))
        view = Table(title=label("allocate_channels_title", lang), title_justify="left")
        view.add_column(label("channel", lang), min_width=column, overflow="fold")
        view.add_column(label("allocate_split", lang), min_width=split_width)
        shown = [key for key in VIEW_ORDER if key in kept]
        for key in shown:
            # A Text: DataConsole would write the line break of a str out visibly, as \x0a.
            view.add_column(Text(header(key)), justify="right", no_wrap=True, min_width=width_of(key))
        for n, channel in enumerate(result.channels):
            first = [cells[key][n][0] for key in shown]
            second = [cells[key][n][1] for key in shown]
            kind = sentence_lines(kinds[n], column)
            kind.stylize("dim")
            if channel.status != "movable":
                view.add_row(sentence_lines(visible(channel.name), column), label("current", lang), *first)
                view.add_row(kind, end_section=True)
                continue
            moved = channel.best_budget - channel.current_budget
            change = cells["allocate_change"][n][1]
            styled = [Text(text, style="bold") if key == "allocate_budget" else
                      Text(text, style="" if change.lstrip("+-") in ("0", "0.0") else "green" if moved > 0 else "red")
                      if key == "allocate_change" else text for key, text in zip(shown, second, strict=True)]
            view.add_row(sentence_lines(visible(channel.name), column), label("current", lang), *first)
            view.add_row(kind, Text(split_label(result, "allocate_best", lang), style="bold"), *styled, end_section=True)
        return Captioned(view, caption(shown))

    return Fitted(build)


def curve_view(result: Allocation, style: NumberStyle) -> Fitted:
    """The best value for budgets 0.25B..2B as a bar per budget, the slope (what the next unit of money adds) and the peak marked."""
    lang = style.lang
    peak = result.recommended
    slope_key = "allocate_curve_slope_probability" if result.objective == "payback_probability" else "allocate_curve_slope"
    values = [point.value for point in result.curve if not math.isnan(point.value)]
    # One axis from the worst value (or 0) up: the best value draws the longest bar, a loss a shorter one than any
    # gain, and a loss is drawn in its own shade, so the bars read right without colour too (NO_COLOR, a printout).
    floor = min([0.0, *values])
    scale = (max([0.0, *values]) - floor) or 1.0
    budget = budget_text(result, style)
    numbers = {"allocate_curve_budget": [budget(point.budget) for point in result.curve],
               "allocate_multiple": ["0.00"],
               "allocate_curve_value": [objective_value(result, point.value, style) for point in result.curve],
               slope_key: [slope_text(result, slope, style) for slope in curve_slopes(result.curve)]}
    peak_mark = f" ★ {label(peak_key(result), lang)}"

    def marks(point: CurvePoint) -> list[tuple[str, str]]:
        found = [(peak_mark, "bold")] if point is peak else []
        return found + [(f" {mark}", "yellow" if kind == "failed" else "dim")
                        for mark, kind in curve_point_marks(result, point, lang)]

    def length(point: CurvePoint, longest: int) -> int:
        return max(1, round(longest * (point.value - floor) / scale))

    widest = max([cell_len(label("allocate_curve_infeasible", lang)),
                  *(length(point, CURVE_BAR_WIDTH) + sum(cell_len(mark) for mark, _ in marks(point))
                    for point in result.curve if not math.isnan(point.value))])

    def bar_cell(point: CurvePoint, room: int) -> Text:
        """The point's bar, scaled so the longest with the peak's mark fills ``room``, and its marks: each on the
        bar's line while it fits, else on a line of its own, so a bar is never folded below its row."""
        if math.isnan(point.value):
            return Text(label("allocate_curve_infeasible", lang), style="dim")
        longest = min(CURVE_BAR_WIDTH, room - cell_len(peak_mark))
        line = length(point, longest if longest >= MIN_CURVE_BAR else room)
        bar = Text(("█" if point.value >= 0 else "▒") * line, style="green" if point.value >= 0 else "red")
        for mark, mark_style in marks(point):
            if line + cell_len(mark) > room:
                bar.append("\n")
                mark, line = mark.lstrip(), 0
            bar.append(mark, style=mark_style)
            line += cell_len(mark)
        return bar

    # A mark wraps between its words beside a short bar, never inside one ("hig" / "hes" / "t").
    least = max(MIN_CURVE_BAR, *(cell_len(word) for point in result.curve for mark, _ in marks(point)
                                 for word in unbreakable(mark)))

    def blocks(width: int) -> RenderableType:
        """A block per budget, its marks under its numbers, where the numbers leave no room for a bar (at 40 columns
        they were cut, "150,0…")."""
        headers = [curve_label(result, key, style) for key in numbers]
        records = [(f"{headers[0]} {budget(point.budget)}",
                    [(headers[1], [Text(fixed(point.budget / result.budget, 2))]),
                     (headers[2], [Text(objective_value(result, point.value, style))]),
                     (headers[3], [Text(slope_text(result, slope, style))]),
                     *(((label("allocate_curve_infeasible", lang), []),) if math.isnan(point.value) else ()),
                     *((mark.strip(), []) for mark, _ in marks(point))])
                   for point, slope in zip(result.curve, curve_slopes(result.curve), strict=True)]
        return vertical(curve_title(result, style), records, curve_caption(result, peak, style), width)

    def build(width: int) -> RenderableType:
        # Numbers keep their whole width (an 80-column terminal once read "1,000,0…"): when the headers on one
        # line leave the bars too little room, each header wraps down to its longest word; the bars then take what
        # is left (at 60 columns a bar of fixed length once folded onto a second line), else each budget is a block.
        natural = [max(cell_len(text) for text in [*cells, curve_label(result, key, style)]) for key, cells in numbers.items()]
        if sum(natural) + CURVE_BAR_WIDTH + cell_len(peak_mark) + table_overhead(len(numbers) + 1) > width:
            natural = [max(cell_len(text) for text in [*cells, *curve_label(result, key, style).split()])
                       for key, cells in numbers.items()]
        if sum(natural) + least + table_overhead(len(numbers) + 1) > width:
            return blocks(width)
        room = bar_room(width, natural, widest, least=least)
        view = Table(title=curve_title(result, style), title_justify="left", caption=curve_caption(result, peak, style),
                     caption_justify="left")
        for (key, _), wide in zip(numbers.items(), natural, strict=True):
            view.add_column(curve_label(result, key, style), justify="right", width=wide)
        view.add_column("", width=room, overflow="fold")
        for point, slope in zip(result.curve, curve_slopes(result.curve), strict=True):
            at_budget = math.isclose(point.budget, result.budget)
            bar = bar_cell(point, room)
            slope_cell = Text(slope_text(result, slope, style), style="" if not slope else "green" if slope > 0 else "red")
            view.add_row(budget(point.budget), fixed(point.budget / result.budget, 2), objective_value(result, point.value, style),
                         slope_cell, bar, style="bold" if at_budget else None)
        return view

    return Fitted(build)


def warnings_view(result: Allocation, style: NumberStyle) -> Prose:
    text = Text()
    for warning in result.warnings:
        if not leads(result, warning):
            text.append(f"! {visible(warning_text(result, warning, style))}\n", style="yellow")
    return Prose(text)
