"""The channels chart: each channel's CAC and LTV per user as bars on one scale, its maximum bid written under them.

A maximum bid is in its channel's own unit (docs/formulas.md §4.1: per user for cpa, per 1,000 impressions for cpm,
per post for kol, per month for flat), so drawn beside costs per user it once put a fee of 46,231 per post on the
axis of a CAC of 15, and every other bar shrank to a pixel. It is written instead, with its unit and, for a unit
cost set by month, its factor (§14).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from aigc_roi.model.channels import channel_type
from aigc_roi.present.channel_labels import ORGANIC_TYPE, channel_field_label, channel_row_names, max_unit_cost_label
from aigc_roi.present.channel_notes import max_bid_text
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.report import svg
from aigc_roi.present.report.words import word
from aigc_roi.present.text import html_text

if TYPE_CHECKING:
    from aigc_roi.present.run_data import ChannelRun

SERIES = (("cac", "solid"), ("ltv", "hatch"))
"""The bars: amounts per user, one scale."""


def channels_section(channels: Sequence[ChannelRun], style: NumberStyle, currency: str) -> str:
    lang = style.lang
    named = [(name, channel) for name, channel in zip(channel_row_names(channels, lang), channels, strict=True)
             if channel.type != ORGANIC_TYPE]
    channels = [channel for _, channel in named]
    if not channels:
        return f'<h2>{html_text(word("channels", lang))}</h2><p>{html_text(word("no_channels", lang))}</p>'
    # Bars and bids are amounts: the currency closes the title, as every other money section's.
    title = word("channels_amounts", lang).format(currency=currency)
    heading = f"<h2>{html_text(title)}</h2>"
    rows = [(name, [getattr(channel, key) for key, _ in SERIES]) for name, channel in named]
    legend = [(word(key, lang).format(currency=currency), mark) for key, mark in SERIES]
    notes = [max_bid_note(channel, style, currency) for channel in channels]
    chart = svg.bar_groups(rows, legend, style.money, title, notes, lang=lang)
    return heading + f'<figure>{chart}<figcaption>{html_text(word("channels_note", lang))}</figcaption></figure>'


def max_bid_note(channel: ChannelRun, style: NumberStyle, currency: str) -> str:
    """``Max fee at ROI = 0 (fee per post, CNY): 46,231.39``; a unit cost set by month: ``Max bid at ROI = 0 (factor
    on every month's bid): 0.50×``; either marked ``avg`` as the run's table marks it, the factor last for the mark to
    follow it there too."""
    lang = style.lang
    name = max_unit_cost_label(channel.type, lang)
    field = channel_field_label(channel.type, channel_type(channel.type).unit_cost, lang)
    key = "max_unit_cost" if channel.max_unit_cost_factor is None else "max_factor"
    return word(key, lang).format(word=name, field=field, currency=currency, value=max_bid_text(channel, style))
