"""The break-even table: Rich view, CSV/markdown rows and JSON. Returns objects; the CLI prints them."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from aigc_roi.present.drivers import driver_label, driver_value
from aigc_roi.present.labels import label
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.tables import Table as Rows
from aigc_roi.whatif.breakeven import THRESHOLDS, BreakEven, BreakEvenTable


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


def breakeven_view(table: BreakEvenTable, style: NumberStyle) -> RenderableType:
    """The driver table, then each channel on its own (its maximum unit cost) when there are channels."""
    drivers = drivers_view(table, style)
    channels = channels_alone_view(table, style)
    return drivers if channels is None else Group(drivers, channels)


def channels_alone_view(table: BreakEvenTable, style: NumberStyle) -> Table | None:
    lang = style.lang
    rows = [row for row in table.rows if row.channel is not None]
    if not rows:
        return None
    view = Table(title=label("channels_alone_title", lang), title_justify="left",
                 caption=label("channels_alone_caption", lang), caption_justify="left")
    view.add_column(label("driver", lang))
    for key in ("unit_cost", "max_unit_cost", "gross_revenue", "contribution"):
        view.add_column(label(key, lang).split(" (")[0], justify="right", overflow="fold")
    for row in rows:
        assert row.channel is not None
        ceiling = row.channel.max_unit_cost
        cells = [driver_value(row.driver, row.driver.current, style), driver_value(row.driver, ceiling, style),
                 style.money(row.channel.gross_revenue, 0), style.money(row.channel.contribution, 0)]
        colour = "" if ceiling is None else "green" if ceiling >= row.driver.current else "red"
        cells[1] = f"[{colour}]{cells[1]}[/]" if colour else cells[1]
        view.add_row(Text(driver_label(row.driver, lang)), *cells)
    return view


def drivers_view(table: BreakEvenTable, style: NumberStyle) -> Table:
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
        cells: list[RenderableType] = [driver_label(row.driver, lang), driver_value(row.driver, row.driver.current, style)]
        for threshold in THRESHOLDS:
            value = getattr(row, threshold)
            cells += [driver_value(row.driver, value, style) if value is not None else label("none", lang),
                      headroom_phrase(table, row, threshold, style)]
        view.add_row(*cells)
    return view


def breakeven_rows(table: BreakEvenTable, style: NumberStyle | None = None) -> Rows:
    """Raw numbers without ``style`` (CSV), formatted text with it (markdown)."""
    header = ["path", "label", "current", "roi_zero", "roi_zero_headroom", "payback_target", "payback_target_headroom",
              "max_unit_cost", "channel_gross_revenue", "channel_contribution"]
    rows: list[list[Any]] = []
    for row in table.rows:
        driver = row.driver
        cells: list[Any] = [driver.path, driver_label(driver), driver.current]
        for threshold in THRESHOLDS:
            cells += [getattr(row, threshold), row.headroom(threshold)]
        alone = row.channel
        own: list[Any] = [None, None, None] if alone is None else [alone.max_unit_cost, alone.gross_revenue, alone.contribution]
        if style is not None:
            cells[2:] = [driver_value(driver, cells[2], style), *(
                driver_value(driver, value, style) if i % 2 == 0 else style.percent(value)
                for i, value in enumerate(cells[3:]))]
            own = [driver_value(driver, own[0], style), style.money(own[1]), style.money(own[2])]
        rows.append(cells + own)
    return header, rows


def breakeven_json(table: BreakEvenTable) -> dict[str, Any]:
    """The JSON of spec section 5, with each driver's label and headroom added."""
    return {
        "scenario": table.scenario,
        "target_payback_months": table.target_payback_months,
        "drivers": [
            {
                "path": row.driver.path,
                "label": driver_label(row.driver),
                "current": row.driver.current,
                "roi_zero": row.roi_zero,
                "payback_target": row.payback_target,
                "headroom": {name: row.headroom(name) for name in THRESHOLDS},
                "channel": None if row.channel is None else {
                    "max_unit_cost": row.channel.max_unit_cost,
                    "gross_revenue": row.channel.gross_revenue,
                    "contribution": row.channel.contribution,
                },
            }
            for row in table.rows
        ],
    }
