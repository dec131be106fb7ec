"""Field paths as people read them: a list's item by its name, ``acquisition[抖音激活CPA].bid`` for
``acquisition[2].bid``. ``--set`` takes both forms; JSON and CSV keep the index, which a rename does not move."""

from __future__ import annotations

from typing import Any

from aigc_roi.model.paths import list_index, split_path
from aigc_roi.model.scenario import Scenario


def by_name(path: str, scenario: Scenario) -> str:
    """``path`` with each list index replaced by its item's name where that name is the list's only one of
    its kind and can be written between brackets; any other path as given."""
    segments = split_path(path)
    if segments is None:
        return path
    shown = ""
    node: Any = scenario
    for segment in segments:
        index = list_index(segment) if segment.startswith("[") else None
        if index is not None and isinstance(node, tuple) and index < len(node):
            name = getattr(node[index], "name", None)
            names = [getattr(item, "name", None) for item in node]
            readable = isinstance(name, str) and names.count(name) == 1 and not set(name) & set("[]") and name.strip() == name
            shown += f"[{name}]" if readable else segment
            node = node[index]
            continue
        shown += segment if segment.startswith("[") or not shown else f".{segment}"
        node = None if segment.startswith("[") else getattr(node, segment, None)
    return shown
