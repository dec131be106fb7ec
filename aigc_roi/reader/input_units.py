"""What a value of a scenario file is measured in, read off the kind the reader reads it with (reader/fields.py), so
a field's unit is declared in one place: an amount of the plan's currency (a bid, a price, a budget), a share (a
churn, a conversion), a count (users, posts, orders), a month (the horizon, a gate's test month) or another number
(a multiplier, purchases per user, the discount rate). compare's explain sheet states it beside an input's values,
which are in the input's unit, not the figure's."""

from __future__ import annotations

from typing import Any, Literal

from aigc_roi.model.paths import split_path
from aigc_roi.reader.amount_warning import AMOUNT, COUNT
from aigc_roi.reader.fields import (
    SCENARIO,
    Conversion,
    KeyedShares,
    ListOf,
    Obj,
    Observed,
    Renewal,
    RetentionPointsKind,
    Tagged,
)
from aigc_roi.reader.kinds import BY_MONTH_KEY, RANGE_KEYS, ByMonthOr, Number, Period, PlanMonth
from aigc_roi.reader.yamltree import Node, child_node

InputUnit = Literal["money", "share", "count", "month", "ratio"]

_SHARES = (RetentionPointsKind, KeyedShares, Observed)
"""Kinds whose every value, at an age, a day or a renewal, is a share."""


def input_unit(tree: Node, path: str) -> InputUnit | None:
    """The unit of the value that ``tree`` (a scenario file's) writes or would write at ``path`` (``acquisition[0].bid``,
    ``costs.serving_per_active_user.by_month.6``, ``retention.points[3]``, a range's ``....low``); None for text (a
    name, months, a currency code) and for a path the file's fields hold no number at. A channel's field is its type's:
    the type is read from the channel's ``type:``."""
    kind: Any = SCENARIO
    node: Node | None = tree
    for segment in split_path(path) or [""]:
        if isinstance(kind, Tagged):
            kind = _variant(kind, node)
        kind, node = _inner(kind, segment), _child(node, segment)
        if kind is None:
            return None
    return _unit(kind)


def _variant(kind: Tagged, node: Node | None) -> Obj | None:
    entry = node.value.get("type") if node is not None and node.kind == "map" else None
    return None if entry is None or entry.value.kind != "scalar" else kind.variants.get(entry.value.raw.strip())


def _inner(kind: Any, segment: str) -> Any:
    """The kind of ``segment`` (``bid``, ``[0]``, ``by_month``, ``6``, ``low``) within ``kind``; None where it has none."""
    indexed = segment.startswith("[")
    if isinstance(kind, Obj):
        return None if indexed else kind.fields.get(segment)
    if isinstance(kind, ListOf):
        return kind.item if indexed else None
    if isinstance(kind, ByMonthOr):
        # by_month's months are each a value of the field's own kind, as a range's bounds are.
        return kind if segment == BY_MONTH_KEY else _inner(kind.value, segment) if segment in RANGE_KEYS else kind.value
    if isinstance(kind, Number):
        return kind if segment in RANGE_KEYS - {"dist"} else None
    if isinstance(kind, Conversion):
        return kind.by_age.share if indexed else kind.share
    if isinstance(kind, Renewal):
        return kind.observed.fields.get(segment) if segment == "observed" else kind.rate
    if isinstance(kind, _SHARES):
        return kind.share
    return None


def _child(node: Node | None, segment: str) -> Node | None:
    """The node at ``segment`` under ``node``, as far as the file writes one (a channel's ``type:`` is all it is for)."""
    return None if node is None else child_node(node, segment.strip("[]"))


def _unit(kind: Any) -> InputUnit | None:
    """The unit of a value of ``kind``; a value written whole (a by-month schedule, a list of shares) in the unit of
    each of its values."""
    if isinstance(kind, ByMonthOr):
        kind = kind.value
    elif isinstance(kind, (Conversion, *_SHARES)):
        kind = kind.share
    elif isinstance(kind, Renewal):
        kind = kind.rate
    if isinstance(kind, PlanMonth | Period):
        return "month"
    if not isinstance(kind, Number):
        return None
    if kind.unit == AMOUNT:
        return "money"
    if kind.unit == COUNT:
        return "count"
    if kind.integer:
        return "month"  # the horizon, ltv_months, a target's payback months: every whole number a plan writes
    return "share" if kind.share else "ratio"
