"""What the channel table's numbers count: notes under the table and the mark on an average max bid.

A channel's ROAS and ROI include the viral users its users bring (docs/formulas.md §6);
with ``saturation_budget`` its max unit cost, or the factor on every month's of one written by month, keeps its own ROI
at 0 on average, while the marginal user there costs far more (docs/allocate.md), so the table marks it as an average.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from aigc_roi.model.names import listed
from aigc_roi.model.rounding import limit_places, rounded_toward
from aigc_roi.present.channel_labels import channel_row_names, max_unit_cost_label
from aigc_roi.present.labels import label
from aigc_roi.present.numbers import NumberStyle

if TYPE_CHECKING:
    from aigc_roi.present.run_data import ChannelRun


def channel_notes(channels: Sequence[ChannelRun], lang: str) -> list[str]:
    """Under the channels, in every output that has the table (terminal and markdown): what a channel's ROI counts,
    what a saturating channel's max bid is (where one is marked), what a factor is (where one is shown), and what Max
    bid is for each kind of channel where some channel's unit cost is not a bid (docs/formulas.md §12): the column is
    Max bid in every output, whatever the kinds."""
    notes = [label("channels_caption", lang)]
    if any(average_max(channel) for channel in channels):
        notes.append(label("saturating_caption", lang))
    if any(channel.max_unit_cost_factor is not None for channel in channels):
        notes.append(label("factor_caption", lang))
    if any(channel.type != "organic" and max_unit_cost_label(channel.type, lang) != label("max_unit_cost", lang)
           for channel in channels):
        notes.append(_unit_cost_words(channels, lang))
    return notes


def average_max(channel: ChannelRun) -> bool:
    """Whether the channel's max bid, or its factor on every month's bid, is an average one: it saturates. Every
    output marks and explains it by this, so a mark never goes without its note nor a note without its mark."""
    return channel.saturating and (channel.max_unit_cost is not None or channel.max_unit_cost_factor is not None)


def max_bid_text(channel: ChannelRun, style: NumberStyle) -> str:
    """The max unit cost, or for one written by month the factor on every month's (``max_factor_text``), rounded
    down (a bid of 16.88 above a maximum of 16.875 loses money), marked as an average where the channel saturates
    (its marginal user costs more)."""
    if channel.max_unit_cost_factor is not None:
        text = max_factor_text(channel.max_unit_cost_factor, style)
    else:
        cost = channel.max_unit_cost
        places = 2 if cost is None else limit_places(cost, 2, up=False)
        # Below half a cent, its first significant digits (limit_places): 0.00 is no bid to set.
        text = style.money(cost if cost is None else style.toward(cost, 2, up=False) if places == 2
                           else rounded_toward(cost, places, up=False), places)
    return f"{text} {label('average_marker', style.lang)}" if average_max(channel) else text


def max_factor_text(factor: float, style: NumberStyle) -> str:
    """A by-month unit cost's ceiling: the factor on every month's unit cost (docs/formulas.md §14), rounded down as
    the max unit cost is."""
    places = limit_places(factor, 2, up=False)
    return f"{style.ratio(rounded_toward(factor, places, up=False), places)}×"


def _unit_cost_words(channels: Sequence[ChannelRun], lang: str) -> str:
    """What Max bid is for each kind of channel: Max fee (小红书KOC), Max bid (B站注册CPA, ...)."""
    by_kind: dict[str, list[str]] = {}
    for name, channel in zip(channel_row_names(channels, lang), channels, strict=True):
        if channel.type != "organic":
            by_kind.setdefault(channel.type, []).append(name)
    separator = label("list_separator", lang)
    words = separator.join(label("max_unit_cost_kind", lang).format(word=max_unit_cost_label(kind, lang),
                                                                    names=listed(names, separator))
                           for kind, names in by_kind.items())
    return label("max_unit_cost_caption", lang).format(words=words)
