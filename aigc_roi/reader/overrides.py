"""``--set PATH=VALUE``: what-if edits applied to the located YAML tree.

Overrides act on the tree before validation, so a value takes exactly the
file's syntax (``5%``, ``1.5万``, ``"300..1000"``, ``{low: 1, high: 2}``) and
is checked by the same rules; its errors name the option, not the file.
"""

from __future__ import annotations

from dataclasses import dataclass

from aigc_roi.model.errors import ScenarioError, ScenarioInvalid
from aigc_roi.model.paths import list_index, split_path
from aigc_roi.reader.yamltree import Entry, Node, parse


@dataclass(frozen=True)
class Override:
    """One ``--set``: a field path and the YAML text of its new value."""

    path: str
    value: str

    @property
    def option(self) -> str:
        return f"--set {self.path}={self.value}"


def parse_override(text: str) -> Override:
    """``"acquisition[0].bid=25"`` -> Override; ScenarioInvalid when malformed."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        # A command line that is not UTF-8 reaches Python as lone surrogates (PEP 383).
        byte = ord(text[error.start]) & 0xFF
        raise ScenarioInvalid([ScenarioError(f"--set {text.encode('utf-8', 'backslashreplace').decode()}", 1, 1, "",
                                             f"expected UTF-8 text, found byte 0x{byte:02x}")]) from None
    path, equals, value = text.partition("=")
    path = path.strip()
    if not equals or not path or split_path(path) is None:
        raise ScenarioInvalid([ScenarioError(f"--set {text}", 1, 1, "",
                                             "expected PATH=VALUE such as acquisition[0].bid=25")])
    return Override(path, value.strip())


def _set_source(node: Node, source: str) -> None:
    node.source = source
    if node.kind == "map":
        for entry in node.value.values():
            _set_source(entry.key, source)
            _set_source(entry.value, source)
    elif node.kind == "seq":
        for child in node.value:
            _set_source(child, source)


def _fail(override: Override, message: str) -> ScenarioInvalid:
    return ScenarioInvalid([ScenarioError(override.option, 1, 1, override.path, message)])


def _child(parent: Node, segment: str, override: Override, create: bool, following: str = "") -> Node:
    """The node under ``parent`` at one path segment, made when ``create`` (a mapping; ``following``
    is the next segment, which says whether a list was meant)."""
    if parent.kind == "seq":
        inner = segment.strip("[]")
        index = list_index(inner)
        if index is not None:
            if len(inner) > 1 and inner.startswith("0"):
                # As in the file, where 01 is no number: [000...0] is a slip, not item 0.
                raise _fail(override, f"expected an item index without leading zeros, found {inner}")
            if index >= len(parent.value):
                raise _fail(override, f"no item {inner}: the list has {len(parent.value)} items")
            return parent.value[index]
        named = [item for item in parent.value
                 if item.kind == "map" and (name := item.value.get("name")) is not None and name.value.raw == inner]
        if len(named) > 1:
            raise _fail(override, f"{len(named)} items are named '{inner}'; give the item's index instead")
        if named:
            return named[0]
        raise _fail(override, f"no item named '{inner}'")
    if parent.kind != "map" and segment == "by_month":
        whole = override.path[: override.path.rindex(".by_month")]
        raise _fail(override, "cannot set one month of a value written once; replace it whole, "
                              f"such as {whole}={{by_month: {{1: 12, 6: 30}}}}")
    if parent.kind != "map":
        raise _fail(override, f"cannot set '{segment}' inside a value that is not a mapping")
    key = segment.strip("[]")
    entry = parent.value.get(key)
    if entry is None:
        if not create:
            raise _fail(override, f"no key '{key}' here")
        if following.startswith("["):
            # A new mapping would be reported as "expected a list": say which list is missing instead.
            raise _fail(override, f"no list '{key}' here to hold item {following}; add it to the file first")
        entry = Entry(Node("scalar", 1, 1, key, raw=key, source=override.option),
                      Node("map", 1, 1, {}, source=override.option))
        parent.value[key] = entry
    return entry.value


def apply_overrides(tree: Node, overrides: tuple[Override, ...]) -> Node:
    """The tree with each override's value put at its path (later ones win)."""
    for override in overrides:
        value, errors = parse(override.value, override.option)
        if errors:
            raise ScenarioInvalid([ScenarioError(e.file, e.line, e.column, override.path, e.message) for e in errors])
        if value is None:
            value = Node("scalar", 1, 1, None, raw="")
        _set_source(value, override.option)
        segments = split_path(override.path) or []
        parent = tree
        for position, segment in enumerate(segments[:-1]):
            parent = _child(parent, segment, override, create=True, following=segments[position + 1])
        last = segments[-1]
        if parent.kind == "seq":
            target = _child(parent, last, override, create=False)
            parent.value[parent.value.index(target)] = value
        elif parent.kind == "map":
            key = last.strip("[]")
            existing = parent.value.get(key)
            key_node = existing.key if existing else Node("scalar", 1, 1, key, raw=key, source=override.option)
            parent.value[key] = Entry(key_node, value)
        else:
            raise _fail(override, f"cannot set '{last}' inside a value that is not a mapping")
    return tree
