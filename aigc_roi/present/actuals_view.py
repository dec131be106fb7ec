"""`actuals` results as the Rich view: sources, one table per channel, unmatched spend, the re-forecast.

Apart from present/actuals.py, so `actuals --format json` (and csv, markdown, xlsx) loads no Rich."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from aigc_roi.present.actuals import (
    WORDS,
    _furthest,
    _mark,
    _outlook_rows,
    _rank,
    _unmatched_rows,
    flag_line,
    in_currency,
    mark_lines,
    reforecast_caption,
    source_lines,
)
from aigc_roi.present.blocks import table_or_blocks
from aigc_roi.present.console import Title
from aigc_roi.present.labels import bracketed, label, short_label
from aigc_roi.present.layout import Column, Fitted, Prose, fixed_table
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.whatif.actuals import Actuals, ChannelActuals, ChannelMonth
from aigc_roi.whatif.reforecast import Outlook


def actuals_view(actuals: Actuals, style: NumberStyle, outlooks: tuple[Outlook, Outlook] | None = None,
                 written: str = "") -> list[RenderableType]:
    """Sources, then one table per channel, unmatched spend, and the re-forecast's figures when asked."""
    lang = style.lang
    parts: list[RenderableType] = [_sources_view(actuals, style)]
    parts += [_channel_view(actuals, channel, style) for channel in actuals.channels]
    if actuals.unmatched:
        header, rows = _unmatched_rows(actuals, style)
        # A campaign's long Chinese name breaks between its characters where the table fits no other way
        # (present/layout.py Column.names), as an English one wraps at its spaces.
        columns = [Column(header[1], [Text(row[1]) for row in rows], numeric=False, names=[row[1] for row in rows]),
                   Column(header[0], [Text(row[0]) for row in rows], numeric=False),
                   Column(header[2], [Text(row[2]) for row in rows])]
        parts.append(table_or_blocks(columns, in_currency("actuals_unmatched", style), ""))
    if outlooks is not None:
        header, rows = _outlook_rows(outlooks, style)
        columns = [Column(header[0], [Text(row[0]) for row in rows], numeric=False)] + [
            Column(header[i], [Text(row[i]) for row in rows]) for i in (1, 2)]
        parts.append(table_or_blocks(columns, in_currency("actuals_reforecast", style), reforecast_caption(actuals, written, lang)))
    return parts


def _sources_view(actuals: Actuals, style: NumberStyle) -> RenderableType:
    return Group(Title(label("actuals_sources", style.lang), style="bold"),
                 *(Prose(Text(line, style="dim" if detail else "")) for line, detail in source_lines(actuals, style)))


def _channel_view(actuals: Actuals, channel: ChannelActuals, style: NumberStyle) -> RenderableType:
    lang = style.lang
    months = channel.months

    def pair(name: str, month: ChannelMonth, format_: Any) -> tuple[Text, Text]:
        actual = getattr(month.actual, name)
        flagged = name in month.flagged
        return Text(format_(getattr(month.plan, name))), Text(format_(actual) + ("!" if flagged else ""),
                                                             style="red" if flagged else "")

    columns = [Column(label("actuals_month", lang), [Text(month.label + _mark(month)) for month in months],
                      numeric=False)]
    narrow = columns.copy()
    for name, format_ in (("spend", lambda value: style.money(value, 0)), ("users", style.count), ("cac", style.money)):
        cells = [pair(name, month, format_) for month in months]
        # The narrow table names the spend by its short form (zh 支出 for 广告支出), as run's channels table does.
        for headers, word in ((columns, label(WORDS[name], lang)), (narrow, short_label(WORDS[name], lang))):
            headers += [Column(f"{word} {label('actuals_plan', lang)}", [cell[0] for cell in cells]),
                        Column(f"{word} {label('actuals_actual', lang)}", [cell[1] for cell in cells])]
    ranks = [Text(_rank(month, "cac")) for month in months]
    narrow.append(Column(short_label("actuals_percentile", lang), ranks))
    columns.append(Column(label("actuals_percentile", lang), ranks))
    # The rates and early revenue per user the exports have a column for, plan beside actual as spend's are (an
    # actual alone hid a shortfall against the plan), the same in every layout and language.
    rates = [columns[0]]
    for name, format_ in (("ctr", style.percent), ("cvr", style.percent), ("revenue_per_user", style.money)):
        if any(getattr(month.actual, name) is not None for month in months):
            cells = [pair(name, month, format_) for month in months]
            word = short_label(WORDS[name], lang)
            rates += [Column(f"{word} {label('actuals_plan', lang)}", [cell[0] for cell in cells]),
                      Column(f"{word} {label('actuals_actual', lang)}", [cell[1] for cell in cells])]
    captions = mark_lines(channel, lang)
    if any(month.flagged for month in months):
        captions.append(flag_line(actuals, lang))
    if channel.furthest is not None:
        captions.append(_furthest(channel.furthest, style))
    elif channel.matched_rows == 0:
        captions.append(label("actuals_no_rows", lang))
    title = f"{actuals.row_name(channel)} · {label('actuals_title', lang)}" + bracketed(style.currency, lang)
    # Broken by present/wrap.py's rules: Rich broke 2025-04 after its hyphen at 21 columns, and left a mark alone (†).
    extra = rates[1:]
    layouts = [[columns + extra], [narrow + extra]] + ([[columns, rates], [narrow, rates]] if extra else [])
    return Group(_widest_that_fits(layouts, columns + extra, title), *(Prose(Text(caption)) for caption in captions))


def _widest_that_fits(layouts: list[list[list[Column]]], full: list[Column], title: str) -> Fitted:
    """The first layout whose every table fits: one table of every column; the same under short headers (zh 支出 and
    CAC 分位, the percentile right after the 获客成本 columns it ranks, named for them: 分位 alone, beside flagged
    spend and users, read as theirs); where the export has rates or early revenue per
    user, those in a second table under the first, by month, the first under full headers, then short ones; else one
    block per month of every column. Each holds every column, in English and Chinese alike: only the layout changes
    with the width."""

    def build(width: int) -> RenderableType:
        for tables in layouts:
            fitted = [fixed_table(columns, width, title=title if number == 0 else None, title_justify="left")
                      for number, columns in enumerate(tables)]
            if all(table is not None for table in fitted):
                return Group(*(table for table in fitted if table is not None))
        return table_or_blocks(full, title, "").build(width)

    return Fitted(build)


