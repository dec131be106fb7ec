"""Rich renderables of a run report. Returns objects; the CLI prints them."""

from __future__ import annotations

import math
import re
from itertools import product
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from aigc_roi.model.figures import COUNT_COLUMNS, FIGURES, MONTH_COLUMNS, OPTIONAL_MONTH_COLUMNS
from aigc_roi.present.blocks import table_or_blocks, vertical
from aigc_roi.present.channel_labels import channel_row_names, channel_type_label
from aigc_roi.present.channel_notes import channel_notes, max_bid_text
from aigc_roi.present.console import Title, cell_len
from aigc_roi.present.discount_note import npv_basis
from aigc_roi.present.fit_view import fits_view
from aigc_roi.present.gates import gates_caption, gates_grid
from aigc_roi.present.labels import bracketed, header_label, label, sentences, short_label
from aigc_roi.present.layout import (
    Column,
    Fitted,
    Prose,
    fixed_table,
    folded_words,
    left_out_note,
    prose_lines,
    sentence_lines,
    unbreakable,
)
from aigc_roi.present.numbers import NONZERO_PLACES, NumberStyle, irr_borrowing_note
from aigc_roi.present.peak_cash import figure_shown
from aigc_roi.present.text import visible

if TYPE_CHECKING:
    from aigc_roi.present.run_data import RunReport

_BLOCKS = " ▁▂▃▄▅▆▇█"
PANEL_FRAME = 4
"""A panel's borders and padding, a line and a space each side."""


def figures_panel(report: RunReport, style: NumberStyle) -> Fitted:
    lang = style.lang
    figures = report.figures
    rows = []
    labels = [month["label"] for month in report.months]
    for figure in FIGURES:
        value = figures[figure.name]
        text = Text(figure_shown(figure.name, figures, report.horizon_months, style, labels))
        if figure.coloured_by_sign and value is not None:
            text.stylize("green" if value >= 0 else "red")
        rows.append((label(figure.name, lang), text))
    # Written out: a str title would be read as Rich markup, and the name in it is data.
    title = visible(f"{report.scenario} · {label('figures', lang)}" + bracketed(report.currency, lang))
    basis = npv_basis(report.discount_rate, style, report.discount_range)

    def build(width: int) -> RenderableType:
        # Two columns while every label and value fits whole in them; else each figure on its own line, its value
        # at the right, so a wide value (peak cash still falling) gives way, not the labels: sharing its column,
        # it once split six short labels beside their values (Blended CAC (ad spend / new / users)).
        label_width = max(cell_len(name) for name, _ in rows)
        value_width = max(cell_len(text.plain) for _, text in rows)
        # Rich widens a panel for a title on its border, not its body: laid out as wide as the title takes it, the
        # values end at the border, not a few cells short of it (30.55万     │).
        titled = cell_len(title) + 2 if _on_border(title, width) else 0
        body: RenderableType
        if label_width + 2 + value_width <= width - PANEL_FRAME:
            value_width = max(value_width, titled - 2 - label_width)
            grid = Table.grid(padding=(0, 2))
            grid.add_column(width=label_width, overflow="fold")
            grid.add_column(justify="right", width=value_width)
            for name, text in rows:
                grid.add_row(sentence_lines(name, label_width), _wrapped(text, value_width))
            body, inner = grid, label_width + 2 + value_width
        else:
            inner = max(titled, min(width - PANEL_FRAME, max(cell_len(name) + 2 + cell_len(text.plain) for name, text in rows)))
            least = max(cell_len(word) for _, text in rows for word in _value_words(text.plain))
            body = Group(*(_figure_row(name, text, inner, least) for name, text in rows))
        # In the panel under the figures, as wide as they are: what NPV is discounted at.
        return _titled_panel(Group(body, prose_lines(basis, inner)), title, width)

    return Fitted(build)


def _value_words(value: str) -> list[str]:
    """What of a value stays on one line: a number with its unit (327.00万) whole, words as prose breaks them."""
    return [piece for word in value.split() for piece in ([word] if re.search(r"\d", word) else unbreakable(word))]


def _figure_row(name: str, value: Text, inner: int, least: int) -> Table:
    """A figure in ``inner`` cells: its label whole beside its value, the value wrapped in no fewer cells than
    ``least`` (the widest number), else the label on a line of its own above the value. Squeezed beside it, a label
    once read Contr / ibuti / on; a value squeezed to its words read 未 / 回 / 本."""
    value_room = inner - 2 - cell_len(name)
    grid = Table.grid(padding=(0, 2))
    if value_room >= min(cell_len(value.plain), least):
        grid.add_column(width=cell_len(name))
        grid.add_column(justify="right", width=value_room)
        grid.add_row(sentence_lines(name, cell_len(name)), _wrapped(value, value_room))
    else:
        # fold, never ellipsis: a word wider than the whole panel wraps rather than losing its end.
        grid.add_column(width=inner, overflow="fold")
        grid.add_row(sentence_lines(name, inner))
        grid.add_row(_wrapped(value, inner))
    return grid


def _wrapped(value: Text, width: int) -> Text:
    """A value in lines of at most ``width`` cells, right-aligned, in its style (a number always fits); wrapped, in
    lines as even as their number allows (``≥ 6,333,752.18, still`` / ``falling at month 18``, not ``... at month`` /
    ``18``)."""
    if cell_len(value.plain) <= width:
        lines = value.copy()
    else:
        count = len(prose_lines(value.plain, width).plain.splitlines())
        while width > 1 and len(prose_lines(value.plain, width - 1).plain.splitlines()) == count:
            width -= 1
        lines = prose_lines(value.plain, width)
        lines.style = value.style
    lines.justify = "right"
    return lines


def _on_border(text: str, width: int) -> bool:
    """Whether ``text`` fits whole on the border of a panel ``width`` cells wide, a space each side of it."""
    return cell_len(text) + PANEL_FRAME + 2 <= width


def _titled_panel(body: RenderableType, title: str, width: int, caption: tuple[str, list[str]] = ("", []),
                  body_width: int = 0) -> RenderableType:
    """A panel, its title on its border where it fits whole, else above it: Rich cuts a title too long for the border
    at any character (``My AI app, star``). ``caption``: a subtitle for the border, which ``_on_border`` must have
    passed, and lines to put under the panel. A panel with a subtitle is as wide as its body (``body_width`` cells),
    title and subtitle need: Rich widens a panel for its title only and cut a range ``-9,804,063 .. 1,695,``."""
    subtitle, below = caption
    shown_title = _on_border(title, width)
    panel_width = max([body_width + PANEL_FRAME, *(cell_len(text) + PANEL_FRAME + 2 for text, shown
                                                   in ((title, shown_title), (subtitle, bool(subtitle))) if shown)])
    panel = Panel(body, title=Text(title) if shown_title else None, subtitle=Text(subtitle) if subtitle else None,
                  width=min(panel_width, width) if subtitle else None, expand=bool(subtitle))
    above = [] if shown_title else [Title(title, folded_words(title, width))]
    under = [Text("\n".join(below))] if below else []
    return Group(*above, panel, *under) if above or under else panel


def _range_caption(bottom: float, top: float, style: NumberStyle, width: int) -> tuple[str, list[str]]:
    """``bottom .. top`` for a panel ``width`` cells wide: the subtitle on its border where it fits whole, else lines
    under it, each amount whole; in full where either fits, else in the first compact unit that does (``-9,804.1k``,
    ``-9.8M``; 万, 亿), else nothing. A caption never shows a cut number. An end other than 0 that would read 0 reads
    a bound at its places, as the months table's cells do (docs/formulas.md §8): a lowest cumulative cash of -0.45
    reads ``>-1``, not 0, which says the bars below the line are not there; ``<0.1M``, ``>-0.01亿``."""
    units = ("万", "亿") if style.lang == "zh" else ("k", "M")
    forms = [(style.whole(bottom, most_places=0), style.whole(top, most_places=0))]
    forms += [(style.in_unit(bottom, unit, nonzero_places=0) + unit, style.in_unit(top, unit, nonzero_places=0) + unit)
              for unit in units]
    for low, high in forms:
        if _on_border(f"{low} .. {high}", width):
            return f"{low} .. {high}", []
        for lines in ([f"{low} .. {high}"], [f"{low} ..", high], [low, "..", high]):
            if max(cell_len(line) for line in lines) <= width:
                return "", lines
    return "", []


def _money_column(header: str, values: list[float | None], style: NumberStyle, compact: bool,
                  colours: list[str] | None = None, count: bool = False, bounded: bool = False) -> Column:
    """Amounts as they read in full, or all in one compact unit named in the header; one other than 0 that would
    read 0 there reads its first significant digits (NumberStyle.in_unit's ``nonzero_places``, ``whole``): 300 of ad spend
    beside 1.2亿 once read 0.00 (亿), as a true 0 does. The unit stays the one the largest amount takes, as the
    channel table's: a smaller one would widen every cell of the column. ``bounded`` (the months and cohort tables):
    such a value reads a bound at the column's own places instead, ``<0.1`` (``>-0.1``), ``<1`` in full: a month's
    and a cohort's amounts decay toward 0 without end (word of mouth), and their digits widened the columns until
    the tables dropped columns at most widths, the cohort table all of it at 80."""
    most_places = 0 if bounded else NONZERO_PLACES
    unit = style.compact_unit(values) if compact else ""
    if unit:
        texts = [style.in_unit(value, unit, nonzero_places=most_places) for value in values]
        header = f"{header} ({unit})"
    else:
        texts = [style.whole(value, count, most_places) for value in values]
    return Column(header, [Text(text, style=(colours[i] if colours else "")) for i, text in enumerate(texts)])


def channels_table(report: RunReport, style: NumberStyle) -> Fitted:
    lang = style.lang
    channels = report.channels
    names = channel_row_names(channels, lang)
    # Max bid whatever the kinds, as every output heads it; each kind's word is said under the table (channel_notes),
    # so that a cell holds its number alone (a word in it once shredded narrow columns).
    caption = sentences(channel_notes(channels, lang), lang)

    def columns(compact: bool, drop: frozenset[str], narrow: bool = False) -> dict[str, Column]:
        built = {
            "channel": Column(label("channel", lang), [Text(visible(name)) for name in names], numeric=False,
                              folds=True),
            "type": Column(label("type", lang), [Text(channel_type_label(channel.type, lang)) for channel in channels],
                           numeric=False),
            "spend": _money_column((short_label if narrow else label)("spend", lang), [c.spend for c in channels], style,
                                   compact),
            "users": _money_column(label("users", lang), [c.users for c in channels], style, compact, count=True),
            "cac": Column(short_label("cac", lang), [Text(style.money(c.cac)) for c in channels]),
            "roas": Column(short_label("roas", lang), [Text(style.ratio(c.roas)) for c in channels]),
            "roi": Column(short_label("roi", lang), [Text(style.percent(c.roi)) for c in channels]),
            "max_bid": Column(label("max_unit_cost", lang), [Text(max_bid_text(c, style)) for c in channels]),
            "ltv": Column(short_label("channel_ltv", lang), [Text(style.money(c.ltv)) for c in channels]),
            "ltv_to_cac": Column(short_label("channel_ltv_to_cac", lang), [Text(style.ratio(c.ltv_to_cac)) for c in channels]),
        }
        return {key: column for key, column in built.items() if key not in drop}

    every = columns(False, frozenset())

    def build(width: int) -> RenderableType:
        # Least needed first: a channel's ltv (its ltv_to_cac and cac say it), the type, then (after the spend's
        # header shrinks to its short form, zh 支出 for 广告支出) roas and ltv_to_cac.
        # A channel's name folds inside only where no layout keeps its words whole (present/layout.py ``fixed_table``):
        # kept whole, a name of 40 letters without a space turned the table into blocks.
        layouts: tuple[tuple[bool, frozenset[str], bool], ...] = (
                   (False, frozenset(), False), (True, frozenset(), False),
                   (True, frozenset({"ltv"}), False), (True, frozenset({"ltv", "type"}), False),
                   (True, frozenset({"ltv", "type"}), True),
                   (True, frozenset({"ltv", "type", "roas"}), True),
                   (True, frozenset({"ltv", "type", "roas", "ltv_to_cac"}), True))
        for fold, (compact, drop, narrow) in product((False, True), layouts):
            # Each column dropped is named under the table, as the months table's costs are: a ROAS column missing
            # unsaid reads as a plan without one.
            left_out = [column.header for key, column in every.items() if key in drop]
            table = fixed_table(list(columns(compact, drop, narrow).values()), width, fold=fold, title=label("channels", lang),
                                title_justify="left",
                                caption=sentences([caption, left_out_note(left_out, lang)], lang),
                                caption_justify="left")
            if table is not None:
                return table
        full = list(columns(False, frozenset({"channel"})).values())
        records = [(name, [(column.header, [column.cells[i]]) for column in full]) for i, name in enumerate(names)]
        return vertical(label("channels", lang), records, caption, width)

    return Fitted(build)


ACCRUAL_COLUMNS = ("recognised_revenue", "deferred_revenue")
CASH_COLUMNS = tuple(name for name in MONTH_COLUMNS if name not in ACCRUAL_COLUMNS)
"""The months table shows the cash flow; the accrual view is one line under it (every column fits 80 characters), where
a plan payment covers more than one month (``RunReport.defers_revenue``)."""

COST_COLUMNS = ("ad_spend", "serving_cost", "delivery_cost", "referral_cost", "fixed_cost")
"""What net cash subtracts from net revenue (docs/formulas.md §4.8): a row adds up while every one some month has is
shown, so they are the last columns a narrow table gives up, and the table says which it left out."""

SUMMARY_COLUMNS = ("new_users", "net_revenue", "ad_spend", "net_cash", "cumulative_cash")


def month_layouts(costs: frozenset[str]) -> list[tuple[bool, tuple[str, ...]]]:
    """(compact, columns) of the months table, widest first, for a run whose ``costs`` (of ``COST_COLUMNS``) some month
    has: every column (delivery and referral only where some month has them: a column of zeros is noise); compact
    units; without the costs no month has; without Subs.; without Active and Gross rev. too, the row still adding up;
    then the summaries, which leave costs out."""
    every = tuple(name for name in CASH_COLUMNS if name not in OPTIONAL_MONTH_COLUMNS or name in costs)
    # A cost column of zeros changes no sum: it goes before a column that says something.
    lean = tuple(name for name in every if name not in COST_COLUMNS or name in costs)
    no_subscribers = tuple(name for name in lean if name != "subscribers")
    layouts = [(False, every), (True, every), (True, lean), (True, no_subscribers),
               (True, tuple(name for name in no_subscribers if name not in ("active_users", "gross_revenue"))),
               (True, tuple(name for name in SUMMARY_COLUMNS if name not in COST_COLUMNS or name in costs)),
               (True, ("net_cash", "cumulative_cash"))]
    return list(dict.fromkeys(layouts))


def left_out_costs(names: tuple[str, ...], costs: frozenset[str]) -> list[str]:
    """The cost columns some month has that a layout of ``names`` leaves out: its rows do not add up without them."""
    return [name for name in COST_COLUMNS if name in costs and name not in names]


def months_table(report: RunReport, style: NumberStyle) -> Fitted:
    lang = style.lang
    months = report.months
    colours = ["green" if month["cumulative_cash"] >= 0 else "red" for month in months]
    title = label("months", lang) + bracketed(report.currency, lang)
    accrual = ""
    if report.defers_revenue:
        accrual = label("accrual_line", lang).format(
            recognised=style.money(sum(month["recognised_revenue"] for month in months), 0),
            deferred=style.money(months[-1]["deferred_revenue"], 0), last=months[-1]["label"])
    costs = frozenset(name for name in COST_COLUMNS if any(month[name] for month in months))

    def build(width: int) -> RenderableType:
        for compact, names in month_layouts(costs):
            columns = [Column(header_label("month", lang), [Text(month["label"]) for month in months], numeric=False)]
            columns += [_money_column(header_label(name, lang), [month[name] for month in months], style, compact,
                                      colours if name == "cumulative_cash" else None, count=name in COUNT_COLUMNS,
                                      bounded=True)
                        for name in names]
            note = left_out_note([short_label(name, lang) for name in left_out_costs(names, costs)], lang,
                                 "months_left_out")
            # A str: the table breaks it at its own width, the accrual view's line breaks kept.
            caption = "\n".join(part for part in (accrual, note) if part)
            table = fixed_table(columns, width, title=title, title_justify="left", caption=caption, caption_justify="left")
            if table is not None:
                return table
        return Title(title)  # narrower than any table of two amounts: the title alone, nothing cut

    return Fitted(build)


def months_hint(report: RunReport, lang: str) -> Text:
    return Text(label("months_hint", lang).format(months=len(report.months)), style="dim")


def cohorts_table(report: RunReport, style: NumberStyle) -> Fitted:
    """Per cohort (a row), its new users and its contribution in each month from its own on; amounts in one
    compact unit when the full ones do not fit, and a pointer to CSV/xlsx when even those do not."""
    lang = style.lang
    months = report.months
    cohorts = report.cohorts or ()
    title = label("cohorts", lang) + bracketed(report.currency, lang)

    def build(width: int) -> RenderableType:
        for compact in (False, True):
            columns = [Column(label("cohort", lang), [Text(cohort.label) for cohort in cohorts], numeric=False),
                       _money_column(short_label("new_users", lang), [c.new_users for c in cohorts], style, compact,
                                     count=True, bounded=True)]
            for t, month in enumerate(months):
                values = [cohort.contribution[t - cohort.month + 1] if t + 1 >= cohort.month else None
                          for cohort in cohorts]
                column = _money_column(month["label"], values, style, compact, bounded=True)
                # Before its own month a cohort does not exist yet: an empty cell, not a none.
                columns.append(Column(column.header, [Text("") if value is None else cell
                                                      for value, cell in zip(values, column.cells, strict=True)]))
            table = fixed_table(columns, width, title=title, title_justify="left")
            if table is not None:
                return table
        return Text(label("cohorts_too_wide", lang).format(title=title))

    return Fitted(build)


def cash_chart(report: RunReport, style: NumberStyle, height: int = 8) -> Fitted:
    return Fitted(lambda width: _cash_chart(report, style, height, width))


def _cash_chart(report: RunReport, style: NumberStyle, height: int, width: int) -> RenderableType:
    """Cumulative net cash as columns, one per month, payback month marked."""
    # Up to 4 characters a month within the panel's borders and padding; a horizon longer
    # than the width shows every n-th month, so the chart is never cut at the right.
    room = max(1, min(width, 80) - 4)
    months = report.months
    every = -(-len(months) // room)
    per_month = max(1, min(4, room // len(months)))
    values = [month["cumulative_cash"] for month in months[every - 1::every] for _ in range(per_month)]
    every_value = [month["cumulative_cash"] for month in months]
    top = max(max(every_value), 0.0)
    bottom = min(min(every_value), 0.0)
    span = (top - bottom) or 1.0
    rows_above = max(1, round(height * top / span)) if top > 0 else 0
    rows_below = height - rows_above if bottom < 0 else 0
    # A span of a few subnormal numbers divided among the rows underflows to 0: one row then holds all of it.
    scale = span / max(rows_above + rows_below, 1) or span
    lines = []
    for row in range(rows_above, 0, -1):
        lines.append(Text("".join(_cell(v, (row - 1) * scale, scale) for v in values), style="green"))
    lines.append(Text("─" * len(values), style="dim"))
    for row in range(1, rows_below + 1):
        lines.append(Text("".join(_cell(-v, (row - 1) * scale, scale, hanging=True) for v in values), style="red"))
    payback = report.figures["payback_month"]
    if payback is not None:
        marker = f"▲ {label('payback_marker', style.lang)} {report.months[payback - 1]['label']}"
        lines.append(Text(" " * ((payback - 1) // every * per_month) + marker))
    return _titled_panel(Group(*lines), label("chart_title", style.lang), width, _range_caption(bottom, top, style, width),
                         max(cell_len(line.plain) for line in lines))


def _cell(value: float, floor: float, scale: float, hanging: bool = False) -> str:
    """One character of a column: full, partial or empty for this row."""
    fill = (value - floor) / scale
    if fill <= 0 or math.isnan(fill):
        return " "
    if fill >= 1 or hanging:
        return "█"
    return _BLOCKS[max(1, round(fill * 8))]


def gates_table(report: RunReport, style: NumberStyle) -> Fitted:
    header, rows = gates_grid(report, style)
    # The first column is each row's gate: a long Chinese name breaks between its characters before the rows turn
    # to blocks (present/layout.py Column.names); the metric is a label, which breaks between its terms (测试期 /
    # 获客成本) as a figure's label does: kept whole, it alone turned the table into blocks at 60 columns.
    columns = [Column(name, [Text(row[i]) for row in rows], numeric=i >= 3, prose=i == 2,
                      names=[row[0] for row in rows] if i == 0 else ()) for i, name in enumerate(header)]
    return table_or_blocks(columns, label("gates", style.lang), gates_caption(report, style.lang))


def run_view(report: RunReport, style: NumberStyle, show_months: bool) -> list[RenderableType]:
    parts: list[RenderableType] = [figures_panel(report, style)]
    borrowing = irr_borrowing_note([report.figures], style.lang)
    if borrowing is not None:
        parts.append(Prose(Text(borrowing)))
    if report.channels:
        parts.append(channels_table(report, style))
    if report.gates is not None:
        parts.append(gates_table(report, style))
    parts.append(cash_chart(report, style))
    parts += fits_view(report.fits, style.lang)
    # The months come last, after the chart: the headline figures stay on a laptop's screen.
    parts.append(months_table(report, style) if show_months else months_hint(report, style.lang))
    if report.cohorts is not None:
        parts.append(cohorts_table(report, style))
    return parts
