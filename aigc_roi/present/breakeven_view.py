"""The break-even table's Rich view (present/breakeven.py holds its rows and JSON, which load no Rich)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from aigc_roi.present.blocks import table_or_blocks
from aigc_roi.present.breakeven import (
    CONDITIONS,
    THRESHOLD_AT,
    breakeven_title,
    headroom_digits,
    headroom_header,
    headroom_text,
    no_value_notes,
    no_value_reason,
    shown_headroom,
)
from aigc_roi.present.breakeven_notes import (
    break_even_value,
    jump_notes,
    own_max_text,
    room_marked,
    saturating_notes,
    threshold_text,
)
from aigc_roi.present.drivers import driver_label, driver_value
from aigc_roi.present.labels import label, sentences
from aigc_roi.present.layout import Column, Fitted
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.payback_window import within_note
from aigc_roi.present.text import visible
from aigc_roi.whatif.breakeven import THRESHOLDS, BreakEven, BreakEvenTable

HEADROOMS: dict[tuple[bool, str], str] = {
    (True, "rise"): "can_rise", (True, "fall"): "can_fall", (False, "rise"): "must_rise", (False, "fall"): "must_fall",
}
"""(met now, direction) -> how a headroom reads."""


def headroom_phrase(table: BreakEvenTable, row: BreakEven, threshold: str, style: NumberStyle) -> Text:
    """"can rise 23% before ROI < 0" when the threshold is met now (slack, green),
    "must fall 10% for ROI ≥ 0" when it is not (a requirement, red)."""
    lang, months = style.lang, table.payback_window.months
    value = getattr(row, threshold)
    if value is None:
        if threshold == "roi_zero" and table.roi is None:
            return Text(label("roi_undefined", lang), style="dim")
        met = table.met_now(threshold)
        return Text(label("holds_in_range" if met else "out_of_reach", lang), style="green" if met else "red")
    met = bool(row.met_at_current(threshold))
    headroom = shown_headroom(row, threshold)
    direction = "rise" if value >= row.driver.current else "fall"
    amount = headroom_digits(abs(headroom), plus=False) if headroom is not None else label("to_value", lang).format(
        value=break_even_value(row, threshold, value, style))
    condition = label(CONDITIONS[threshold, met], lang).format(months=months)
    text = label(HEADROOMS[met, direction], lang).format(amount=amount, condition=condition)
    return Text(text, style="green" if met else "red")


def breakeven_view(table: BreakEvenTable, style: NumberStyle) -> RenderableType:
    """The driver table, then each channel on its own (its maximum unit cost) when there are channels."""
    drivers = drivers_view(table, style)
    channels = channels_alone_view(table, style)
    return drivers if channels is None else Group(drivers, channels)


def channels_alone_view(table: BreakEvenTable, style: NumberStyle) -> Fitted | None:
    lang = style.lang
    rows = [row for row in table.rows if row.channel is not None]
    if not rows:
        return None
    ceilings = [None if row.channel is None else row.channel.ceiling for row in rows]
    colours = ["" if ceiling is None else "green" if ceiling >= row.driver.current else "red"
               for row, ceiling in zip(rows, ceilings, strict=True)]
    texts = [own_max_text(row, style) for row in rows]
    columns = [
        Column(label("driver", lang), [Text(visible(driver_label(row.driver, lang))) for row in rows], numeric=False),
        Column(label("unit_cost", lang), [Text(driver_value(row.driver, row.driver.current, style)) for row in rows]),
        # Named apart from the plan-level "ROI = 0 at" of the drivers table: the same channel, two different prices.
        Column(label("channel_own_max_unit_cost", lang),
               [Text(text, style=colour) for text, colour in zip(texts, colours, strict=True)]),
        Column(label("gross_revenue", lang),
               [Text(style.money(row.channel.gross_revenue if row.channel else None, 0)) for row in rows]),
        Column(label("contribution", lang),
               [Text(style.money(row.channel.contribution if row.channel else None, 0)) for row in rows]),
    ]
    title = label("channels_alone_title", lang)
    caption = sentences([label("channels_alone_caption", lang), *saturating_notes(table, lang)], lang)

    return table_or_blocks(columns, title, caption)


def short_headroom(table: BreakEvenTable, row: BreakEven, threshold: str, style: NumberStyle) -> Text:
    """"-86.2%" under "Needed for ROI ≥ 0": the condition is the column's, said once in its header.
    A row on the other side of the threshold than the plan (a cost of 0) keeps the whole phrase."""
    lang = style.lang
    value = getattr(row, threshold)
    met = table.met_now(threshold)
    if value is None:
        reason = no_value_reason(table, threshold)
        return Text(label(reason, lang), style="dim" if reason == "roi_undefined" else "green" if met else "red")
    if row.met_at_current(threshold) != met:
        return headroom_phrase(table, row, threshold, style)
    headroom = shown_headroom(row, threshold)
    move = headroom_text(headroom) if headroom is not None else label("to_value", lang).format(
        value=break_even_value(row, threshold, value, style))
    return Text(room_marked(row, threshold, move, lang), style="green" if met else "red")


def drivers_view(table: BreakEvenTable, style: NumberStyle) -> Fitted:
    lang = style.lang
    window = table.payback_window
    months = window.months
    title = breakeven_title(table.scenario, style)
    caption = label("breakeven_caption", lang).format(
        roi=style.percent(table.roi), payback=style.month(table.payback_month, label("never", lang)))
    if window.past_horizon:
        caption += " " + label("breakeven_payback_window", lang).format(months=months, beyond=within_note(window, lang))
    columns = [Column(label("driver", lang), [Text(visible(driver_label(row.driver, lang))) for row in table.rows], numeric=False),
               Column(label("current", lang), [Text(driver_value(row.driver, row.driver.current, style)) for row in table.rows])]
    for threshold in THRESHOLDS:
        values = [getattr(row, threshold) for row in table.rows]
        headrooms = [short_headroom(table, row, threshold, style) for row in table.rows]
        columns += [
            Column(label(THRESHOLD_AT[threshold], lang).format(months=months),
                   [Text(threshold_text(row, threshold, style) if value is not None else label("none", lang))
                    for row, value in zip(table.rows, values, strict=True)]),
            Column(headroom_header(table, threshold, lang), headrooms, numeric=False),
        ]
    # What a short cell means, said once under the table rather than in every row it appears in.
    return table_or_blocks(columns, title, sentences([caption, *no_value_notes(table, lang), *jump_notes(table, style)],
                                                     lang))
