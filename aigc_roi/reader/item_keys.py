"""The keys an item of the file's lists may hold, as the field table reads them: what narrows a name several items
share to those that have the field a ``--set`` writes after it (model/paths.py ``meant_by_name``), so that
``Pro.price`` is the plan named Pro where a cpa channel, which has no price, is named Pro too."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from aigc_roi.reader.fields import SCENARIO, ListOf, Obj, Tagged
from aigc_roi.reader.yamltree import Node


def item_keys(list_path: Sequence[str], item: Node) -> frozenset[str] | None:
    """The keys the field table allows in ``item``, an item of the list at ``list_path`` (its segments,
    ``["monetization", "plans"]``, an item of a list on the way as ``[0]``): a channel's those of its ``type``, of every
    type where its type is none the format knows (the loader says so apart). None where the path is no list of the
    table: nothing then narrows the name."""
    kind: Any = SCENARIO
    for segment in list_path:
        kind = kind.item if isinstance(kind, ListOf) and segment.startswith("[") else \
            kind.fields.get(segment) if isinstance(kind, Obj) and not segment.startswith("[") else None
    kind = kind.item if isinstance(kind, ListOf) else None
    if isinstance(kind, Tagged):
        shapes = kind.variants
        written = item.value.get("type") if item.kind == "map" else None
        typed = shapes.get(written.value.raw.strip()) if written is not None and written.value.kind == "scalar" else None
        return frozenset(typed.fields) if typed is not None else frozenset().union(*(shape.fields for shape in shapes.values()))
    return frozenset(kind.fields) if isinstance(kind, Obj) else None


def kind_within(kind: Any, segment: str, node: Node) -> Any:
    """The format's kind of ``node``, the value at ``segment`` under a value of ``kind`` (``SCENARIO`` at the top): a
    channel's by its ``type``; None off the table (a key it has not, a part of a value, a channel of no known type)."""
    if isinstance(kind, ListOf) and segment.startswith("["):
        kind = kind.item
    elif isinstance(kind, Obj) and not segment.startswith("["):
        kind = kind.fields.get(segment)
    else:
        return None
    if isinstance(kind, Tagged):
        written = node.value.get("type") if node.kind == "map" else None
        typed = written.value.raw.strip() if written is not None and written.value.kind == "scalar" else ""
        return kind.variants.get(typed)
    return kind
