"""The sensitivity tornado and the two-way grid as Rich views (present/sensitivity.py holds their rows and JSON,
which load no Rich)."""

from __future__ import annotations

from itertools import product

from rich.console import RenderableType
from rich.text import Text

from aigc_roi.present.blocks import vertical
from aigc_roi.present.drivers import driver_label, driver_value, signed, signed_in
from aigc_roi.present.labels import label, sentences, short_label
from aigc_roi.present.layout import Column, Fitted, FittedStyled, column_range, fixed_table, table_overhead
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.sensitivity import grid_cell, grid_notes, grid_title
from aigc_roi.present.sensitivity_gates import flip_notes, marked, row_flips
from aigc_roi.present.text import visible
from aigc_roi.whatif.sensitivity import OUTCOMES, Grid, Sensitivity

BAR_SIDE = (4, 20)
"""Fewest and most characters on each side of a tornado bar's centre axis."""
TEXT_WIDTH = 16
"""Width a driver's name may wrap to before the tornado gives up characters to it."""
LOW_BAR, HIGH_BAR, AXIS = "▒", "█", "│"
BLANK = "\u2800"
"""The −step move and the +step move drawn apart without colour (NO_COLOR, pipes); the axis always shows."""


def tornado_bar(low: float, high: float, scale: float, side: int) -> Text:
    """Two-sided bar around a centre axis: each move's change drawn on the side of its
    sign (left: ROI falls), the −step move ▒ (cyan), the +step move █ (magenta), shorter on top."""
    # Braille blanks, not spaces: a table strips trailing whitespace (no-break spaces too) before
    # it justifies a cell, which would move the axis from row to row.
    cells = [(BLANK, "")] * side + [(AXIS, "dim")] + [(BLANK, "")] * side
    moves = sorted(((low, LOW_BAR, "cyan"), (high, HIGH_BAR, "magenta")), key=lambda move: -abs(move[0]))
    for change, char, colour in moves:
        length = min(side, round(abs(change) / scale * side)) if scale > 0 else 0
        span = range(side - length, side) if change < 0 else range(side + 1, side + 1 + length)
        for i in span:
            cells[i] = (char, colour)
    # As wide as its column: laid from the left, where nothing is stripped, so a stream without braille keeps the
    # spaces that stand in for its blanks (present/stand_ins.py).
    text = Text(justify="left")
    for char, colour in cells:
        text.append(char, style=colour)
    return text


def sensitivity_view(analysis: Sensitivity, style: NumberStyle) -> Fitted:
    """Drivers in rows, largest effect first; narrower layouts in present/layout.py's order."""
    lang = style.lang
    base = analysis.base
    # Bars show Δ ROI; without ad spend ROI is undefined everywhere, so Δ net cash.
    measure = "roi" if any(row.low.outcome.change(base, "roi") is not None for row in analysis.rows) else "net_cash"
    changes = [[row.low.outcome.change(base, measure) or 0.0, row.high.outcome.change(base, measure) or 0.0]
               for row in analysis.rows]
    scale = max((abs(change) for pair in changes for change in pair), default=0.0)
    step = style.step(analysis.step)
    never = label("never", lang)
    measure_name = short_label(measure, lang)
    title = label("sensitivity_title", lang).format(scenario=analysis.scenario, step=step, currency=style.currency)
    caption = label("sensitivity_caption", lang).format(
        roi=style.percent(base.roi), net_cash=style.money(base.net_cash), payback=style.month(base.payback_month, never),
        measure=measure_name, step=step, low=LOW_BAR, high=HIGH_BAR, axis=AXIS)
    # A move that flips a gate holds the gated channels starting or stopping: its row is marked and said under it.
    caption = "\n".join([caption, *flip_notes(analysis, style)])
    drivers = [Text(marked(visible(driver_label(row.driver, lang)), row_flips(analysis, row))) for row in analysis.rows]

    def outcome_column(name: str, compact: bool) -> Column:
        """The −step and the +step outcome of one figure, one above the other."""
        heading = short_label(name, lang)
        if name == "payback_month":
            return Column(f"{heading} −/+", [Text(f"{style.month(row.low.outcome.payback_month, never)}\n"
                                                  f"{style.month(row.high.outcome.payback_month, never)}")
                                             for row in analysis.rows])
        moves = [[row.low.outcome.change(base, name), row.high.outcome.change(base, name)] for row in analysis.rows]
        unit = style.compact_unit(change for pair in moves for change in pair) if compact and name == "net_cash" else ""
        texts = ["\n".join(signed_in(change, unit, style) if unit else signed(name, change, style) for change in pair)
                 for pair in moves]
        return Column(f"Δ {heading}{f' ({unit})' if unit else ''} −/+", [Text(text) for text in texts])

    def columns(compact: bool, drop: frozenset[str], side: int) -> list[Column]:
        built = [Column(label("driver", lang), drivers, numeric=False, folds=True)]
        if "values" not in drop:
            built += [Column(f"−{step}", [Text(driver_value(row.driver, row.low.value, style)) for row in analysis.rows]),
                      Column(f"+{step}", [Text(driver_value(row.driver, row.high.value, style)) for row in analysis.rows])]
        built.append(Column(f"Δ {measure_name}", [tornado_bar(low, high, scale, side) for low, high in changes]))
        return built + [outcome_column(name, compact) for name in OUTCOMES if name not in drop]

    def build(width: int) -> RenderableType:
        # A driver's name folds inside only where no layout keeps its words whole (present/layout.py ``fixed_table``):
        # kept whole, a channel named in one word of 40 letters turned the table into blocks.
        layouts: tuple[tuple[bool, frozenset[str]], ...] = (
                   (False, frozenset()), (True, frozenset()), (True, frozenset({"values"})),
                   (True, frozenset({"values", "payback_month"})))
        for fold, (compact, drop) in product((False, True), layouts):
            narrowest = columns(compact, drop, BAR_SIDE[0])
            ranges = [column_range(column) for column in narrowest]
            bar = next(i for i, column in enumerate(narrowest) if column.header == f"Δ {measure_name}")
            # The tornado takes what the other columns leave at their natural width (a driver's name
            # wrapped to TEXT_WIDTH, a name's word wider than that folded as the table folds it), within BAR_SIDE a
            # side.
            others = sum(natural if column.numeric else max(min(low, column_range(column, 2, fold)[0]), min(natural, TEXT_WIDTH))
                         for i, (column, (low, natural)) in enumerate(zip(narrowest, ranges, strict=True)) if i != bar)
            spare = width - table_overhead(len(narrowest)) - others - ranges[bar][1]
            side = max(BAR_SIDE[0], min(BAR_SIDE[1], BAR_SIDE[0] + spare // 2))
            table = fixed_table(columns(compact, drop, side), width, fold=fold, title=title, title_justify="left",
                                caption=caption, caption_justify="left")
            if table is not None:
                return table
        # Room for a label of about 20 characters beside the bar.
        side = max(1, min(BAR_SIDE[1], (width - 26) // 2))
        full = columns(False, frozenset(), side)[1:]
        records = [(driver.plain, [(column.header, [column.cells[i]]) for column in full])
                   for i, driver in enumerate(drivers)]
        return vertical(title, records, caption, width)

    return Fitted(build)


CURRENT_MARK = "◆ "
"""The current plan's cell where no style shows (a pipe, a file, NO_COLOR), as the report marks a chosen row."""


def grid_view(grid: Grid, style: NumberStyle) -> FittedStyled:
    lang = style.lang
    rows_name, columns_name = driver_label(grid.row_driver, lang), driver_label(grid.column_driver, lang)
    title = grid_title(grid, style, grid.scenario)
    row_heads = [Text(driver_value(grid.row_driver, row_value, style), style="bold" if row_value == grid.row_driver.current else "")
                 for row_value in grid.row_values]

    def columns(styled: bool) -> list[Column]:
        built = [Column(f"{rows_name} \\ {columns_name}", row_heads, numeric=False, folds=True)]
        for j, column_value in enumerate(grid.column_values):
            cells = []
            for i, (row_value, roi_row) in enumerate(zip(grid.row_values, grid.roi, strict=True)):
                roi = roi_row[j]
                colour = "" if roi is None else ("green" if roi >= 0 else "red")
                base = row_value == grid.row_driver.current and column_value == grid.column_driver.current
                text = grid_cell(grid, i, j, style)
                cells.append(Text(text, style=f"{colour} bold underline") if base and styled
                             else Text(CURRENT_MARK + text) if base else Text(text, style=colour))
            built.append(Column(driver_value(grid.column_driver, column_value, style), cells))
        return built

    def build(width: int, styled: bool) -> RenderableType:
        # Colours and an underline said of a grid printed without them would point at nothing.
        caption = sentences([label("grid_caption" if styled else "grid_caption_plain", lang).format(
            roi=style.percent(grid.base_roi), mark=CURRENT_MARK.strip()), *grid_notes(grid, lang)], lang)
        laid = columns(styled)
        fitted = fixed_table(laid, width, fold=True, title=title, title_justify="left", caption=caption,
                             caption_justify="left")
        if fitted is not None:
            return fitted
        records = [(f"{rows_name} {head.plain}", [(f"{columns_name} {column.header}", [column.cells[i]])
                                                  for column in laid[1:]])
                   for i, head in enumerate(row_heads)]
        return vertical(title, records, caption, width)

    return FittedStyled(build)
