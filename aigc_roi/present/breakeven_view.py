"""The break-even table's Rich view (present/breakeven.py holds its rows and JSON, which load no Rich)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text

from aigc_roi.present.blocks import table_or_blocks
from aigc_roi.present.breakeven import (
    THRESHOLD_AT,
    breakeven_title,
    headroom_header,
    no_value_notes,
    no_value_reason,
    room_cell,
)
from aigc_roi.present.breakeven_notes import (
    jump_notes,
    own_max_text,
    room_marked,
    saturating_notes,
    threshold_text,
    wrong_side_notes,
)
from aigc_roi.present.drivers import driver_label, driver_value
from aigc_roi.present.labels import label, sentences
from aigc_roi.present.layout import Column, Fitted
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.payback_window import within_note
from aigc_roi.present.text import visible
from aigc_roi.whatif.breakeven import THRESHOLDS, BreakEven, BreakEvenTable

if TYPE_CHECKING:
    from collections.abc import Sequence


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
        Column(label("driver", lang), [Text(visible(driver_label(row.driver, lang))) for row in rows], numeric=False,
               names=item_names(rows)),
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


def item_names(rows: Sequence[BreakEven]) -> list[str | None]:
    """Each row's channel, plan or purchase name as its label shows it: a long Chinese one breaks between its characters
    where the table fits no other way (present/layout.py ``Column.names``), as an English one wraps at its spaces."""
    return [None if row.driver.item_label is None else visible(row.driver.item_label) for row in rows]


def short_headroom(table: BreakEvenTable, row: BreakEven, threshold: str, style: NumberStyle) -> Text:
    """"-86.2%" under "Needed for ROI ≥ 0": the condition is the column's, said once in its header. The cell's text is
    markdown's and the report's (``room_cell``) but for a missing break-even, whose reason it names."""
    lang = style.lang
    met = table.met_now(threshold)
    if getattr(row, threshold) is None:
        reason = no_value_reason(table, row, threshold)
        # Met at the current value alone, or missed there alone: neither room nor a move needed, so neither colour.
        dim = reason in ("roi_undefined", "only_at_current_short", "all_but_current_short")
        # "always holds flip": the threshold holds at every value, but a gate flips at one (``BreakEven.flips``).
        return Text(room_marked(row, threshold, label(reason, lang), lang), style="dim" if dim else "green" if met else "red")
    text = room_cell(row, threshold, style)
    # A break-even on the other side of the current value than the plan (a free channel's cost of 0): neither room
    # nor a move needed, so neither colour.
    return Text(text, style="dim" if threshold in row.wrong_side else "green" if met else "red")


def drivers_view(table: BreakEvenTable, style: NumberStyle) -> Fitted:
    lang = style.lang
    window = table.payback_window
    months = window.months
    title = breakeven_title(table.scenario, style)
    caption = label("breakeven_caption", lang).format(
        roi=style.percent(table.roi), payback=style.month(table.payback_month, label("never", lang)))
    if window.past_horizon:
        caption += " " + label("breakeven_payback_window", lang).format(months=months, beyond=within_note(window, lang))
    columns = [Column(label("driver", lang), [Text(visible(driver_label(row.driver, lang))) for row in table.rows], numeric=False,
                      names=item_names(table.rows)),
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
    notes = [caption, *no_value_notes(table, lang), *wrong_side_notes(table, style), *jump_notes(table, style)]
    return table_or_blocks(columns, title, sentences(notes, lang))
