"""Which item of a list in one version of a plan is which item in the other (docs/formulas.md §13).

Items are matched by name where the name is unique on both sides, so removing the first of two channels reads as
that channel removed, not as the first renamed into the second and the second removed; reordered items keep their
own values. Items without a name, or whose name repeats on either side, fall back to their order among such items.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from aigc_roi.reader.inputs import key_path
from aigc_roi.reader.yamltree import Node, item_name, join_path


def matched(before: Sequence[Node], after: Sequence[Node]) -> list[int | None]:
    """For each item of ``after``, the index of the same item in ``before``; None for one ``before`` lacks."""
    names_before, names_after = [item_name(item) for item in before], [item_name(item) for item in after]
    counts_before, counts_after = Counter(names_before), Counter(names_after)

    def unique(name: str | None) -> bool:
        return name is not None and counts_before[name] <= 1 and counts_after[name] <= 1

    by_name = {name: i for i, name in enumerate(names_before) if unique(name)}
    by_order = iter([i for i, name in enumerate(names_before) if not unique(name)])
    return [by_name.get(name) if unique(name) else next(by_order, None) for name in names_after]


def item_paths(before: Node | None, after: Node, path: str = "", base_path: str = "") -> dict[str, str | None]:
    """Each item of a list of mappings in ``after`` by its path there: its path in ``before`` (None when added)."""
    found: dict[str, str | None] = {}
    if after.kind == "map":
        old = before.value if before is not None and before.kind == "map" else {}
        for key, entry in after.value.items():
            found |= item_paths(old[key].value if key in old else None, entry.value, key_path(path, key),
                                key_path(base_path, key))
    elif after.kind == "seq" and any(item.kind != "scalar" for item in after.value):
        old_items = before.value if before is not None and before.kind == "seq" else []
        for i, (item, j) in enumerate(zip(after.value, matched(old_items, after.value), strict=True)):
            found[join_path(path, i)] = None if j is None else join_path(base_path, j)
            if j is not None:
                found |= item_paths(old_items[j], item, join_path(path, i), join_path(base_path, j))
    return found


def in_base(path: str, items: dict[str, str | None]) -> str | None:
    """``path`` of the new version as the base writes it (``items`` from ``item_paths``); None inside an added item."""
    for end in reversed([match.end() for match in re.finditer(r"\]", path)]):
        if path[:end] in items:
            base = items[path[:end]]
            return None if base is None else base + path[end:]
    return path
