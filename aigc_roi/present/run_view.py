"""Rich renderables of a run report. Returns objects; the CLI prints them."""

from __future__ import annotations

import math
from typing import Any

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from aigc_roi.model.figures import FIGURE_NAMES
from aigc_roi.present.fit_view import fits_view
from aigc_roi.present.labels import label
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.run_data import MONTH_COLUMNS

_BLOCKS = " ▁▂▃▄▅▆▇█"


def figures_panel(report: dict[str, Any], style: NumberStyle) -> Panel:
    lang = style.lang
    figures = report["figures"]
    grid = Table.grid(padding=(0, 2))
    grid.add_column()
    grid.add_column(justify="right")
    never = f"{label('never', lang)} (≤ {report['horizon_months']})"
    for name in FIGURE_NAMES:
        value = figures[name]
        text = Text(style.figure(name, value, never))
        if name in ("roi", "net_cash", "npv") and value is not None:
            text.stylize("green" if value >= 0 else "red")
        grid.add_row(label(name, lang), text)
    title = f"{report['scenario']} · {label('figures', lang)} ({report['currency']})"
    return Panel(grid, title=title, expand=False)


def channels_table(report: dict[str, Any], style: NumberStyle) -> Table:
    lang = style.lang
    table = Table(title=label("channels", lang), title_justify="left")
    for key in ("channel", "type"):
        table.add_column(label(key, lang))
    for key in ("spend", "users", "cac", "roas", "roi"):
        table.add_column(label(key, lang).split(" (")[0], justify="right", overflow="fold")
    for channel in report["channels"]:
        name = label("organic", lang) if channel["type"] == "organic" else channel["name"]
        table.add_row(
            name, channel["type"], style.money(channel["spend"], 0), style.count(channel["users"]),
            style.money(channel["cac"]), style.ratio(channel["roas"]), style.percent(channel["roi"]),
        )
    return table


def months_table(report: dict[str, Any], style: NumberStyle) -> Table:
    lang = style.lang
    table = Table(title=f"{label('months', lang)} ({report['currency']})", title_justify="left")
    table.add_column(label("month", lang), no_wrap=True)
    for name in MONTH_COLUMNS:
        # fold, never ellipsis: a cut-off number would be a wrong number.
        table.add_column(label(f"{name}_short", lang), justify="right", overflow="fold")
    for month in report["months"]:
        cells = [style.count(month[name]) if name.endswith("users") else style.money(month[name], 0)
                 for name in MONTH_COLUMNS]
        cumulative = month["cumulative_cash"]
        cells[-1] = f"[{'green' if cumulative >= 0 else 'red'}]{cells[-1]}[/]"
        table.add_row(month["label"], *cells)
    return table


def cash_chart(report: dict[str, Any], style: NumberStyle, height: int = 8) -> RenderableType:
    """Cumulative net cash as columns, one per month, payback month marked."""
    per_month = max(1, min(4, 72 // len(report["months"])))
    values = [month["cumulative_cash"] for month in report["months"] for _ in range(per_month)]
    top = max(max(values), 0.0)
    bottom = min(min(values), 0.0)
    span = (top - bottom) or 1.0
    rows_above = max(1, round(height * top / span)) if top > 0 else 0
    rows_below = height - rows_above if bottom < 0 else 0
    scale = span / max(rows_above + rows_below, 1)
    lines = []
    for row in range(rows_above, 0, -1):
        lines.append(Text("".join(_cell(v, (row - 1) * scale, scale) for v in values), style="green"))
    lines.append(Text("─" * len(values), style="dim"))
    for row in range(1, rows_below + 1):
        lines.append(Text("".join(_cell(-v, (row - 1) * scale, scale, hanging=True) for v in values), style="red"))
    payback = report["figures"]["payback_month"]
    if payback is not None:
        marker = f"▲ {label('payback_marker', style.lang)} {report['months'][payback - 1]['label']}"
        lines.append(Text(" " * ((payback - 1) * per_month) + marker))
    subtitle = f"{style.money(bottom, 0)} .. {style.money(top, 0)}"
    return Panel(Group(*lines), title=label("chart_title", style.lang), subtitle=subtitle, expand=False)


def _cell(value: float, floor: float, scale: float, hanging: bool = False) -> str:
    """One character of a column: full, partial or empty for this row."""
    fill = (value - floor) / scale
    if fill <= 0 or math.isnan(fill):
        return " "
    if fill >= 1 or hanging:
        return "█"
    return _BLOCKS[max(1, round(fill * 8))]


def run_view(report: dict[str, Any], style: NumberStyle, show_months: bool) -> list[RenderableType]:
    parts: list[RenderableType] = [figures_panel(report, style)]
    if report["channels"]:
        parts.append(channels_table(report, style))
    parts += fits_view(report["fits"], style.lang)
    if show_months:
        parts.append(months_table(report, style))
    parts.append(cash_chart(report, style))
    return parts
