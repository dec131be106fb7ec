"""Tables of the what-if commands: Rich renderables for the terminal and
(header, rows) tables for CSV (raw numbers) and markdown (formatted text).

Returns objects; the CLI prints them. Best-per-row rules of ``compare``:
higher is better for every figure except ``cac``, ``payback_month`` and
``cac_payback_months`` (lower is better; "never" is worst). ``ad_spend`` is
a choice, not an outcome, so it has no best. A row is marked only when its
values differ.
"""

from __future__ import annotations

import math
from typing import Any

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from aigc_roi.present.labels import label
from aigc_roi.present.numbers import MONTH_FIGURES, PERCENT_FIGURES, NumberStyle
from aigc_roi.present.report import FIGURE_NAMES
from aigc_roi.present.tables import Table as Rows
from aigc_roi.whatif.breakeven import THRESHOLDS, BreakEven, BreakEvenTable
from aigc_roi.whatif.drivers import Driver
from aigc_roi.whatif.sensitivity import OUTCOMES, Grid, Sensitivity

LOWER_IS_BETTER = frozenset({"cac", "payback_month", "cac_payback_months"})
UNRANKED = frozenset({"ad_spend"})
BAR_WIDTH = 12
"""Characters on each side of a tornado bar's axis."""
BEST_MARK = " ★"


def driver_value(driver: Driver, value: float | None, style: NumberStyle) -> str:
    return style.percent(value) if driver.is_rate else style.money(value)


def signed(name: str, change: float | None, style: NumberStyle) -> str:
    """A change in figure ``name``: percentage points for ROI/IRR, else the figure's own unit."""
    if change is None:
        return style.figure(name, None)
    sign = "+" if change > 0 else ""
    if name in PERCENT_FIGURES:
        return f"{sign}{change * 100:,.2f} pp"
    if name in MONTH_FIGURES:
        return f"{sign}{change:.0f}"
    return sign + style.figure(name, change)


# --- breakeven ---------------------------------------------------------------


def headroom_phrase(table: BreakEvenTable, row: BreakEven, threshold: str, style: NumberStyle) -> Text:
    """"can rise 23% before ROI < 0" when the threshold is met now (slack, green),
    "must fall 10% for ROI ≥ 0" when it is not (a requirement, red)."""
    lang, months = style.lang, table.target_payback_months
    value = getattr(row, threshold)
    if value is None:
        if threshold == "roi_zero" and table.roi is None:
            return Text(label("roi_undefined", lang), style="dim")
        met = table.met_now(threshold)
        return Text(label("holds_in_range" if met else "out_of_reach", lang), style="green" if met else "red")
    met = bool(row.met_at_current(threshold))
    headroom = row.headroom(threshold)
    direction = "rise" if value >= row.driver.current else "fall"
    amount = f"{abs(headroom) * 100:,.1f}%" if headroom is not None else label("to_value", lang).format(
        value=driver_value(row.driver, value, style))
    side = "limit" if met else "goal"
    condition = label(f"{threshold}_{side}", lang).format(months=months)
    text = label(f"{'can' if met else 'must'}_{direction}", lang).format(amount=amount, condition=condition)
    return Text(text, style="green" if met else "red")


def breakeven_view(table: BreakEvenTable, style: NumberStyle) -> Table:
    lang = style.lang
    months = table.target_payback_months
    view = Table(title=f"{label('breakeven_title', lang)} · {table.scenario} ({style.currency})",
                 title_justify="left", caption=label("breakeven_caption", lang).format(
                     roi=style.percent(table.roi), payback=style.month(table.payback_month, label("never", lang))),
                 caption_justify="left")
    view.add_column(label("driver", lang))
    view.add_column(label("current", lang), justify="right")
    for threshold in THRESHOLDS:
        view.add_column(label(f"{threshold}_at", lang).format(months=months), justify="right")
        view.add_column(label("headroom", lang))
    for row in table.rows:
        cells: list[RenderableType] = [row.driver.label_in(lang), driver_value(row.driver, row.driver.current, style)]
        for threshold in THRESHOLDS:
            value = getattr(row, threshold)
            cells += [driver_value(row.driver, value, style) if value is not None else label("none", lang),
                      headroom_phrase(table, row, threshold, style)]
        view.add_row(*cells)
    return view


def breakeven_rows(table: BreakEvenTable, style: NumberStyle | None = None) -> Rows:
    """Raw numbers without ``style`` (CSV), formatted text with it (markdown)."""
    header = ["path", "label", "current", "roi_zero", "roi_zero_headroom", "payback_target", "payback_target_headroom"]
    rows: list[list[Any]] = []
    for row in table.rows:
        driver = row.driver
        cells: list[Any] = [driver.path, driver.label, driver.current]
        for threshold in THRESHOLDS:
            cells += [getattr(row, threshold), row.headroom(threshold)]
        if style is not None:
            cells[2:] = [driver_value(driver, cells[2], style), *(
                driver_value(driver, value, style) if i % 2 == 0 else style.percent(value)
                for i, value in enumerate(cells[3:]))]
        rows.append(cells)
    return header, rows


# --- sensitivity ---------------------------------------------------------------


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
        cells = [row.driver.label_in(lang), driver_value(row.driver, row.low.value, style),
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
        cells: list[Any] = [row.driver.path, row.driver.label, row.driver.current]
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
    rows_name, columns_name = grid.row_driver.label_in(lang), grid.column_driver.label_in(lang)
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


# --- compare -------------------------------------------------------------------


def best_columns(name: str, values: list[float | None]) -> set[int]:
    """Indices of the best values of figure ``name`` (module docstring for the rules)."""
    if name in UNRANKED or len(values) < 2:
        return set()
    lower = name in LOWER_IS_BETTER
    # Undefined is worst: payback "never", roi without spend, ...
    keyed = [(-math.inf if v is None else (-v if lower else v)) for v in values]
    best = max(keyed)
    if best == -math.inf or all(k == best for k in keyed):
        return set()
    return {i for i, k in enumerate(keyed) if k == best}


def _delta(value: float | None, first: float | None) -> float | None:
    return None if value is None or first is None else value - first


def compare_view(scenarios: list[dict[str, Any]], style: NumberStyle) -> Table:
    lang = style.lang
    view = Table(title=f"{label('compare_title', lang)} ({style.currency})", title_justify="left",
                 caption=label("compare_caption", lang), caption_justify="left")
    view.add_column(label("figure", lang))
    for i, scenario in enumerate(scenarios):
        view.add_column(scenario["name"], justify="right")
        if i:
            view.add_column(f"Δ {label('vs_first', lang)}", justify="right", style="dim")
    never = label("never", lang)
    for name in FIGURE_NAMES:
        values = [scenario["figures"][name] for scenario in scenarios]
        best = best_columns(name, values)
        cells: list[RenderableType] = [label(name, lang)]
        for i, value in enumerate(values):
            text = style.figure(name, value, never)
            cells.append(Text(text + BEST_MARK, style="bold green") if i in best else Text(text))
            if i:
                cells.append(signed(name, _delta(value, values[0]), style))
        view.add_row(*cells)
    return view


def compare_rows(scenarios: list[dict[str, Any]], style: NumberStyle | None = None) -> Rows:
    names = [scenario["name"] for scenario in scenarios]
    header = ["figure", *names, *(f"Δ {name}" for name in names[1:]), "best"]
    rows: list[list[Any]] = []
    for name in FIGURE_NAMES:
        values = [scenario["figures"][name] for scenario in scenarios]
        deltas = [_delta(value, values[0]) for value in values[1:]]
        best = "; ".join(names[i] for i in sorted(best_columns(name, values)))
        if style is None:
            rows.append([name, *values, *deltas, best])
        else:
            never = label("never", style.lang)
            rows.append([name, *(style.figure(name, value, never) for value in values),
                         *(signed(name, delta, style) for delta in deltas), best])
    return header, rows
