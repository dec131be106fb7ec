"""Where two versions of a plan differ in their lists and in what one writes and the other leaves out
(docs/formulas.md §13).

A list of values (a channel's ``months: [1, 2, 3]``, a gate's ``then: [Feed]``)
is one value, set whole: an element cannot be set on a base list that lacks
it. An item of a list of mappings (a channel, a plan, a purchase, a gate)
that one version has and the other lacks is no value that a ``--set`` on the
base can give, nor is a field the new version leaves out: neither is split,
and what they move is the split's ``unexplained``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from aigc_roi.ci.records import ChangedInput
from aigc_roi.reader.inputs import InputValue, key_path
from aigc_roi.reader.yamltree import Entry, Node, join_path


@dataclass
class ListChanges:
    whole: list[tuple[ChangedInput, str]] = field(default_factory=list)
    """Each list of values that differs, as one change (its value the list as written, ``[1, 2]``) with the YAML
    text a ``--set`` gives it."""
    added: list[str] = field(default_factory=list)
    """The path of each item of a list of mappings that NEW has and BASE lacks (``monetization.purchases[1]``)."""
    removed: list[InputValue] = field(default_factory=list)
    """Each item BASE has and NEW lacks, and each field BASE writes and NEW leaves out: its path and what BASE
    writes there (``value`` None for an item or a mapping)."""

    def holds(self, path: str) -> bool:
        """Whether the changed value at ``path`` is one of a whole list's elements or inside an added item."""
        return (any(path == change.now.path or path.startswith(change.now.path + "[") for change, _ in self.whole)
                or any(path.startswith(item + ".") for item in self.added))


def list_changes(before: Node, after: Node, skipped: tuple[str, ...]) -> ListChanges:
    """What differs in lists and left-out fields from ``before`` to ``after`` (top-level keys in ``skipped``
    change no figure and are passed over)."""
    found = ListChanges()
    if before.kind == after.kind == "map":
        kept = {key: entry for key, entry in before.value.items() if key not in skipped}
        _mapping(kept, {key: entry for key, entry in after.value.items() if key not in skipped}, "", found)
    return found


def _walk(before: Node | None, after: Node, path: str, found: ListChanges) -> None:
    if after.source is not None:
        return  # a --set, applied to both versions alike
    if "values" in (_kind(before), _kind(after)):
        if _written(before) != _written(after):
            found.whole.append((ChangedInput(_as_input(after, path), None if before is None else _as_input(before, path)),
                                _yaml(after)))
    elif after.kind == "seq" and (before is None or before.kind == "seq"):
        old = [] if before is None else before.value
        for i, item in enumerate(after.value):
            if i < len(old):
                _walk(old[i], item, join_path(path, i), found)
            else:
                found.added.append(join_path(path, i))
        found.removed += [InputValue(join_path(path, i), None, item.line, item.column, 0, 0)
                          for i, item in enumerate(old[len(after.value):], start=len(after.value))]
    elif after.kind == "map":
        _mapping({} if before is None or before.kind != "map" else before.value, after.value, path, found)
    # Anything else (a mapping in one version, a number in the other) differs in form: changes.py's fallback.


def _mapping(before: dict[str, Entry], after: dict[str, Entry], path: str, found: ListChanges) -> None:
    for key, entry in after.items():
        _walk(before[key].value if key in before else None, entry.value, key_path(path, key), found)
    for key, entry in before.items():
        node, child = entry.value, key_path(path, key)
        if key in after or node.source is not None or _kind(node) == "empty":
            continue
        if _kind(node) == "items":
            found.removed += [InputValue(join_path(child, i), None, item.line, item.column, 0, 0)
                              for i, item in enumerate(node.value)]
        else:
            found.removed.append(_as_input(node, child))


def _kind(node: Node | None) -> str | None:
    """``values`` for a list of values, ``items`` for a list of mappings, ``empty`` for ``[]``; None for no list."""
    if node is None or node.kind != "seq":
        return None
    if not node.value:
        return "empty"
    return "values" if all(item.kind == "scalar" for item in node.value) else "items"


def _written(node: Node | None) -> str | None:
    """A value or a list of values as written: ``1-3``, ``[1, 2]``; None for nothing or a mapping."""
    if node is None or node.kind == "map":
        return None
    if node.kind == "seq":
        return "[" + ", ".join(item.raw for item in node.value) + "]"
    return node.raw


def _as_input(node: Node, path: str) -> InputValue:
    """A node as an input: a scalar's own value, a list's as written, None for a mapping."""
    if node.kind == "scalar":
        value = node.value if isinstance(node.value, int | float | bool) or node.value is None else node.raw
        return InputValue(path, value, node.line, node.column, node.end_line, node.end_column, text=node.raw)
    return InputValue(path, _written(node), node.line, node.column, node.line, node.column)


def _yaml(node: Node) -> str:
    """A value or a list of values as the YAML text of a ``--set``."""
    if node.kind == "seq":
        return "[" + ", ".join(_yaml(item) for item in node.value) + "]"
    return yaml_text(_as_input(node, "").value)


def yaml_text(value: object) -> str:
    """A value as the YAML text of a ``--set``: numbers as written, text quoted as JSON (valid YAML)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return json.dumps(value, ensure_ascii=False)
