"""The sensitivity tornado and the two-way grid: Rich views, CSV/markdown rows and JSON."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text

from aigc_roi.present.drivers import driver_label, driver_value, signed
from aigc_roi.present.labels import label
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.tables import Table as Rows
from aigc_roi.whatif.drivers import Driver
from aigc_roi.whatif.sensitivity import OUTCOMES, Grid, Outcome, Sensitivity

BAR_WIDTH = 12
"""Characters on each side of a tornado bar's axis."""


def _bar(low: float, high: float, scale: float) -> Text:
    """Two-sided bar around the base: each move's change drawn on the side of
    its sign, the −step move cyan, the +step move magenta, shorter on top."""
    cells = [(" ", "")] * (2 * BAR_WIDTH)
    moves = sorted(((low, "cyan"), (high, "magenta")), key=lambda move: -abs(move[0]))
    for change, colour in moves:
        length = min(BAR_WIDTH, round(abs(change) / scale * BAR_WIDTH)) if scale > 0 else 0
        span = range(BAR_WIDTH - length, BAR_WIDTH) if change < 0 else range(BAR_WIDTH, BAR_WIDTH + length)
        for i in span:
            cells[i] = ("█", colour)
    text = Text()
    for i, (char, colour) in enumerate(cells):
        text.append("│" if i == BAR_WIDTH and char == " " else char, style=colour)
    return text


def sensitivity_view(analysis: Sensitivity, style: NumberStyle) -> Table:
    lang = style.lang
    base = analysis.base
    # Bars show Δ ROI; without ad spend ROI is undefined everywhere, so Δ net cash.
    measure = "roi" if any(row.low.outcome.change(base, "roi") is not None for row in analysis.rows) else "net_cash"
    changes = [[row.low.outcome.change(base, measure) or 0.0, row.high.outcome.change(base, measure) or 0.0]
               for row in analysis.rows]
    scale = max((abs(change) for pair in changes for change in pair), default=0.0)
    step = f"{analysis.step * 100:g}%"
    never = label("never", lang)
    view = Table(title=label("sensitivity_title", lang).format(scenario=analysis.scenario, step=step),
                 title_justify="left", caption_justify="left", caption=label("sensitivity_caption", lang).format(
                     roi=style.percent(base.roi), net_cash=style.money(base.net_cash),
                     payback=style.month(base.payback_month, never), measure=label(measure, lang).split(" (")[0],
                     step=step))
    view.add_column(label("driver", lang))
    for heading in (f"−{step}", f"+{step}"):
        view.add_column(heading, justify="right")
    view.add_column(f"Δ {label(measure, lang).split(' (')[0]}", justify="center")
    for name in OUTCOMES:
        view.add_column(f"{'' if name == 'payback_month' else 'Δ '}{label(name, lang).split(' (')[0]} −/+",
                        justify="right")
    for row, (low, high) in zip(analysis.rows, changes, strict=True):
        cells = [driver_label(row.driver, lang), driver_value(row.driver, row.low.value, style),
                 driver_value(row.driver, row.high.value, style)]
        bar = _bar(low, high, scale)
        outcome_cells = [
            f"{style.month(row.low.outcome.payback_month, never)} / {style.month(row.high.outcome.payback_month, never)}"
            if name == "payback_month" else
            f"{signed(name, row.low.outcome.change(base, name), style)} / "
            f"{signed(name, row.high.outcome.change(base, name), style)}"
            for name in OUTCOMES
        ]
        view.add_row(*cells, bar, *outcome_cells)
    return view


def sensitivity_rows(analysis: Sensitivity, style: NumberStyle | None = None) -> Rows:
    header = ["path", "label", "current"] + [f"{side}_{key}" for side in ("low", "high")
                                             for key in ("value", *OUTCOMES)]
    rows: list[list[Any]] = []
    for row in analysis.rows:
        cells: list[Any] = [row.driver.path, driver_label(row.driver), row.driver.current]
        for move in (row.low, row.high):
            cells += [move.value, *(getattr(move.outcome, name) for name in OUTCOMES)]
        if style is not None:
            cells = cells[:2] + [driver_value(row.driver, cells[2], style)] + [
                _format_move_cell(row.driver, i % 4, value, style) for i, value in enumerate(cells[3:])]
        rows.append(cells)
    return header, rows


def _format_move_cell(driver: Driver, position: int, value: float | None, style: NumberStyle) -> str:
    if position == 0:
        return driver_value(driver, value, style)
    return style.figure(OUTCOMES[position - 1], value, label("never", style.lang))


def grid_view(grid: Grid, style: NumberStyle) -> Table:
    lang = style.lang
    rows_name, columns_name = driver_label(grid.row_driver, lang), driver_label(grid.column_driver, lang)
    view = Table(title=f"ROI · {rows_name} × {columns_name} · {grid.scenario}", title_justify="left",
                 caption=label("grid_caption", lang).format(roi=style.percent(grid.base_roi)), caption_justify="left")
    view.add_column(f"{rows_name} \\ {columns_name}")
    for value in grid.column_values:
        view.add_column(driver_value(grid.column_driver, value, style), justify="right")
    for row_value, roi_row in zip(grid.row_values, grid.roi, strict=True):
        cells = [Text(driver_value(grid.row_driver, row_value, style),
                      style="bold" if row_value == grid.row_driver.current else "")]
        for column_value, roi in zip(grid.column_values, roi_row, strict=True):
            colour = "" if roi is None else ("green" if roi >= 0 else "red")
            base = row_value == grid.row_driver.current and column_value == grid.column_driver.current
            cells.append(Text(style.percent(roi), style=f"{colour} bold underline" if base else colour))
        view.add_row(*cells)
    return view


def grid_rows(grid: Grid, style: NumberStyle | None = None) -> Rows:
    header = [f"{grid.row_driver.path} \\ {grid.column_driver.path}", *(
        driver_value(grid.column_driver, v, style) if style else str(v) for v in grid.column_values)]
    rows = [[driver_value(grid.row_driver, value, style) if style else value,
             *((style.percent(roi) if style else roi) for roi in roi_row)]
            for value, roi_row in zip(grid.row_values, grid.roi, strict=True)]
    return header, rows


def _outcome_json(outcome: Outcome) -> dict[str, float | None]:
    return {name: getattr(outcome, name) for name in OUTCOMES}


def sensitivity_json(analysis: Sensitivity) -> dict[str, Any]:
    """``{"scenario", "step", "base", "drivers": [{"path", "label", "low", "high"}]}``."""
    return {
        "scenario": analysis.scenario,
        "step": analysis.step,
        "base": _outcome_json(analysis.base),
        "drivers": [
            {
                "path": row.driver.path,
                "label": driver_label(row.driver),
                "current": row.driver.current,
                **{side: {"value": move.value, **_outcome_json(move.outcome)}
                   for side, move in (("low", row.low), ("high", row.high))},
            }
            for row in analysis.rows
        ],
    }


def grid_json(table: Grid) -> dict[str, Any]:
    """``{"scenario", "step", "rows": {"path", "values"}, "columns": {...}, "roi": [[...]], "base_roi"}``."""
    return {
        "scenario": table.scenario,
        "step": table.step,
        "rows": {"path": table.row_driver.path, "label": driver_label(table.row_driver), "values": list(table.row_values)},
        "columns": {"path": table.column_driver.path, "label": driver_label(table.column_driver),
                    "values": list(table.column_values)},
        "roi": [list(row) for row in table.roi],
        "base_roi": table.base_roi,
    }
