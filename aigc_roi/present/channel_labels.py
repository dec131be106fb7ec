"""The words of a channel type, by language: its class declares them (model/channels/), this reads them.

A type that lacks a label it needs fails here, by name, rather than
showing a key where a word should be.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from aigc_roi.model.channels import channel_type
from aigc_roi.model.names import as_read
from aigc_roi.model.paths import row_names
from aigc_roi.present.labels import label

if TYPE_CHECKING:
    from aigc_roi.present.run_data import ChannelRun

ORGANIC_TYPE = "organic"
"""The type of the organic row (model/engine.py ``ORGANIC_TYPE``), which no channel class declares."""


def channel_row_names(channels: Sequence[ChannelRun], lang: str = "en", *, path_column: bool = False) -> list[str]:
    """The name of each row of a run's channel table, in every format: a channel's own, and the organic users' row
    labelled ``Organic`` (自然流量), or ``Organic users`` (自然流量用户) where a channel's name reads as that label
    (``organic``, ``Ｏｒｇａｎｉｃ``: any case, width or spacing), so that the two rows never read alike. A 1.1 file may
    name a channel so: it is told apart, not refused. Two channels of one name are told apart by their paths,
    ``x (acquisition[1])`` (model/paths.py ``row_names``), but in a table with a path column (``path_column``: CSV,
    xlsx), where the name is the channel's as written."""
    organic = label("organic", lang)
    if any(channel.type != ORGANIC_TYPE and as_read(channel.name) == as_read(organic) for channel in channels):
        organic = label("organic_users_row", lang)
    names = [channel.name for channel in channels]
    shown = names if path_column else row_names(names, [channel.path for channel in channels])
    return [organic if channel.type == ORGANIC_TYPE else name for channel, name in zip(channels, shown, strict=True)]


def _word(labels: Mapping[str, str], lang: str, what: str) -> str:
    found = labels.get(lang) or labels.get("en")
    if not found:
        raise LookupError(f"no label for {what}")
    return found


def channel_field_label(kind: str, field: str, lang: str = "en") -> str:
    """A channel field as a what-if driver: ``bid``, ``budget per month`` (出价, 每月预算)."""
    info = channel_type(kind).field_info(field)
    return _word(info.labels if info is not None else {}, lang, f"the field {field!r} of channel type {kind!r}")


def channel_type_label(kind: str, lang: str = "en") -> str:
    """A channel's type as its table's type column shows it: ``cpa`` / 按转化付费, ``organic`` / 自然."""
    if kind == ORGANIC_TYPE:
        return label("organic_type", lang)
    labels = channel_type(kind).type_labels
    return labels.get(lang) or labels.get("en") or kind


def max_unit_cost_label(kind: str, lang: str = "en") -> str:
    """The channel table's word for a type's maximum unit cost: Max bid, Max CPM (最高出价, 最高 CPM)."""
    return _word(channel_type(kind).max_unit_cost_labels, lang, f"the maximum unit cost of channel type {kind!r}")


def max_unit_cost_per_label(kind: str, lang: str = "en") -> str:
    """What a type's max bid is, for a cell beside it: ``Max fee (per post)``, ``Max CPM (per 1,000 impressions)``
    (最高单条费用（每条）)."""
    per = _word(channel_type(kind).unit_cost_per_labels, lang, f"what one unit cost of channel type {kind!r} buys")
    return label("max_unit_cost_per", lang).format(word=max_unit_cost_label(kind, lang), per=per)
