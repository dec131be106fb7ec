"""Where two versions of a plan differ in their lists and in what one writes and the other leaves out
(docs/formulas.md §13).

A list of values (a channel's ``months: [1, 2, 3]``, a gate's ``then: [Feed]``)
is one value, set whole: an element cannot be set on a base list that lacks
it. So is a value written in another form in each version (a number in one
and a schedule, a range or conversions by age in the other; a churn in one
and points in the other): its parts cannot be set one by one on the other
form, and each version's text of it is the whole value, written as it is.
An item of a list of mappings (a channel, a plan, a purchase, a gate)
that one version has and the other lacks is no value that a ``--set`` on the
base can give, nor is a field the new version leaves out: neither is split,
and what they move is the split's ``unexplained``. Items are matched by name
(ci/item_match.py), so removing the first of two is that item removed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from aigc_roi.ci.item_match import matched
from aigc_roi.ci.records import ChangedInput
from aigc_roi.model.paths import split_path
from aigc_roi.reader.inputs import RANGE_KEYS, InputValue, key_path, scalar_input
from aigc_roi.reader.yamltree import Entry, Node, item_name, join_path, key_segment, one_line, written_key


@dataclass
class ListChanges:
    whole: list[tuple[ChangedInput, str]] = field(default_factory=list)
    """Each value set whole, a list of values that differs or a value written in another form (``_reshaped``), as one
    change (its value and its base value as written, ``[1, 2]``, ``{by_month: {1: 12, 6: 30}}``) with the YAML text a
    ``--set`` gives it."""
    added: list[str] = field(default_factory=list)
    """The path of each item of a list of mappings that NEW has and BASE lacks (``monetization.purchases[1]``)."""
    removed: list[InputValue] = field(default_factory=list)
    """Each item BASE has and NEW lacks, and each field BASE writes and NEW leaves out: its path and what BASE
    writes there (``value`` None for an item or a mapping)."""

    naming_added: list[ChangedInput] = field(default_factory=list)
    """Each gate's list (``then``, ``channels``) that differs and names a channel NEW adds: not split with it."""
    added_channels: set[str] = field(default_factory=set)
    elements: dict[str, set[str]] = field(default_factory=dict)
    """Each whole list's elements as written in NEW, by its path."""

    def holds(self, path: str) -> bool:
        """Whether the changed value at ``path`` is a value set whole, or inside one (a list's element, a mapping's
        key) or inside an added item."""
        wholes = [change.now.path for change, _ in self.whole] + [change.now.path for change in self.naming_added]
        return (any(path == whole or path.startswith((whole + "[", whole + ".")) for whole in wholes)
                or any(path.startswith(item + ".") for item in self.added))


def list_changes(before: Node, after: Node, skipped: tuple[str, ...]) -> ListChanges:
    """What differs in lists and left-out fields from ``before`` to ``after`` (top-level keys in ``skipped``
    change no figure and are passed over)."""
    found = ListChanges()
    if before.kind == after.kind == "map":
        kept = {key: entry for key, entry in before.value.items() if key not in skipped}
        _mapping(kept, {key: entry for key, entry in after.value.items() if key not in skipped}, "", "", found)
    # A gate's list that names a channel NEW adds is no list a --set can give BASE, which lacks that channel.
    naming = [(change, text) for change, text in found.whole if change.now.path.startswith("gates[")
              and found.elements[change.now.path] & found.added_channels]
    found.whole = [pair for pair in found.whole if pair not in naming]
    found.naming_added = [change for change, _ in naming]
    return found


def _walk(before: Node | None, after: Node, path: str, base_path: str, found: ListChanges) -> None:
    """``path`` is where NEW writes ``after``, ``base_path`` where BASE writes ``before`` (items matched by name)."""
    if after.source is not None:
        return  # a --set, applied to both versions alike
    if "values" in (_kind(before), _kind(after)) or (before is not None and path and _reshaped(before, after)):
        if _unquoted(before) != _unquoted(after):
            found.whole.append((ChangedInput(_as_input(after, path),
                                             None if before is None else _as_input(before, base_path)), _yaml(after)))
            found.elements[path] = {item.raw.strip() for item in after.value} if after.kind == "seq" else set()
    elif after.kind == "seq" and (before is None or before.kind == "seq"):
        old = [] if before is None else before.value
        pairs = matched(old, after.value)
        kept = set(pairs)
        for i, (item, j) in enumerate(zip(after.value, pairs, strict=True)):
            if j is None:
                found.added.append(join_path(path, i))
                if path == "acquisition" and (name := item_name(item)) is not None:
                    found.added_channels.add(name)
            else:
                _walk(old[j], item, join_path(path, i), join_path(base_path, j), found)
        found.removed += [InputValue(join_path(base_path, j), None, item.line, item.column, 0, 0)
                          for j, item in enumerate(old) if j not in kept]
    elif after.kind == "map":
        _mapping({} if before is None or before.kind != "map" else before.value, after.value, path, base_path, found)


def _mapping(before: dict[str, Entry], after: dict[str, Entry], path: str, base_path: str, found: ListChanges) -> None:
    # A key is matched by what it names: month 6 is one key whether a version writes it 6, ６ or 6.0.
    old, new = _by_name(before), _by_name(after)
    for key, entry in after.items():
        match = old.get(key_segment(key))
        _walk(match.value if match is not None else None, entry.value, key_path(path, key), key_path(base_path, key),
              found)
    for key, entry in before.items():
        node, child = entry.value, key_path(base_path, key)
        if key_segment(key) in new or node.source is not None or _kind(node) == "empty":
            continue
        if _kind(node) == "items":
            found.removed += [InputValue(join_path(child, i), None, item.line, item.column, 0, 0)
                              for i, item in enumerate(node.value)]
        else:
            found.removed.append(_as_input(node, child))


def _by_name(entries: dict[str, Entry]) -> dict[str, Entry]:
    """A mapping's entries by the key each names, as its path writes it (``key_segment``)."""
    return {key_segment(key): entry for key, entry in entries.items()}


def _reshaped(before: Node, after: Node) -> bool:
    """Whether a value is written in another form in each version, so that only the whole of it can be set: one number
    in one and a mapping in the other (``20``, ``{by_month: {1: 12, 6: 30}}``, ``{low: 15, high: 25}``, conversions
    by age ``{0: 3%, 1: 1%}``), or a mapping whose keys NEW replaces (a churn with points, a month with another, a
    channel's ``budget`` with ``users``): its new keys set on BASE beside the old ones would be no version's value;
    or a range written as a mapping with other keys (``{low: 10, high: 15}``, ``{dist: triangular, low: 10, mode: 12,
    high: 15}``): one value whichever keys either adds or drops, as ``10..15`` is. Not a mapping that holds a list of
    items (``costs``, ``monetization``), whose items are matched one by one."""
    if _holds_items(before) or _holds_items(after) or _is_empty(before) or _is_empty(after):
        return False
    if before.kind != "map" or after.kind != "map":
        return (before.kind == "map") != (after.kind == "map")
    if _is_range(before) and _is_range(after):
        return before.value.keys() != after.value.keys()
    old, new = _by_name(before.value).keys(), _by_name(after.value).keys()
    return bool(old - new) and bool(new - old)


def _is_range(node: Node) -> bool:
    """A mapping of a range's keys alone (reader/inputs.py ``RANGE_KEYS``)."""
    return node.kind == "map" and node.value.keys() <= RANGE_KEYS


def _holds_items(node: Node) -> bool:
    """Whether ``node`` is or holds a list of mappings."""
    if node.kind == "map":
        return any(_holds_items(entry.value) for entry in node.value.values())
    return _kind(node) == "items"


def _is_empty(node: Node) -> bool:
    """A key written with nothing after it (``costs:``), or ``[]``: no value to set whole."""
    return (node.kind == "scalar" and node.value is None) or _kind(node) == "empty"


def _kind(node: Node | None) -> str | None:
    """``values`` for a list of values, ``items`` for a list of mappings, ``empty`` for ``[]``; None for no list."""
    if node is None or node.kind != "seq":
        return None
    if not node.value:
        return "empty"
    return "values" if all(item.kind == "scalar" for item in node.value) else "items"


def _unquoted(node: Node | None) -> str | None:
    """A value whole, each scalar without its quotes, as two versions are compared: ``{low: 10, high: '15'}`` and a
    block mapping of the same values are one value; None for nothing."""
    if node is None:
        return None
    if node.kind == "map":
        return "{" + ", ".join(f"{key_segment(entry.key.raw)}: {_unquoted(entry.value)}" for entry in node.value.values()) + "}"
    if node.kind == "seq":
        return "[" + ", ".join(_unquoted(item) or "" for item in node.value) + "]"
    return node.raw


def _as_input(node: Node, path: str) -> InputValue:
    """A node as an input: a scalar's own value, a list's or a mapping's text as written (``one_line``)."""
    if node.kind == "scalar":
        return scalar_input(node, path)
    text = one_line(node)
    return InputValue(path, text, node.line, node.column, node.line, node.column, text=text)


def _yaml(node: Node) -> str:
    """A value, a list of values or a mapping as the YAML text of a ``--set``."""
    if node.kind == "map":
        return "{" + ", ".join(f"{entry.key.raw}: {_yaml(entry.value)}" for entry in node.value.values()) + "}"
    if node.kind == "seq":
        return "[" + ", ".join(_yaml(item) for item in node.value) + "]"
    return yaml_text(_as_input(node, "").value)


def yaml_at(tree: Node, path: str) -> str | None:
    """The YAML text of what ``tree`` writes at ``path`` (``acquisition[0].bid``, ``retention.points[3]``,
    ``bid.by_month.6``), as a ``--set`` gives it; None where it writes nothing."""
    segments = split_path(path)
    node: Node | None = None if segments is None else tree
    for segment in segments or []:
        if node is None:
            return None
        key = segment.strip("[]")
        if node.kind == "seq":
            node = node.value[int(key)] if key.isdigit() and int(key) < len(node.value) else None
        elif node.kind == "map":
            node = entry.value if (entry := node.value.get(written_key(node, key))) is not None else None
        else:
            node = None
    return None if node is None else _yaml(node)


def yaml_text(value: object) -> str:
    """A value as the YAML text of a ``--set``: numbers as written, text quoted as JSON (valid YAML)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    import json  # explaining a change only: validating a file imports no json (tests/contract/test_startup.py)

    return json.dumps(value, ensure_ascii=False)
