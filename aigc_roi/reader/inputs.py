"""Every value a scenario file sets, with its field path: the "inputs" a workbook or a diff lists."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass

from aigc_roi.model.scenario import Distribution, Scenario
from aigc_roi.reader.numbers import ValueProblem, parse_number_text, whole_number
from aigc_roi.reader.yamltree import Node, find_node, join_path, key_segment, one_line


@dataclass(frozen=True)
class InputValue:
    """One scalar of the file (or of a ``--set``), as written."""

    path: str
    """Field path such as ``acquisition[0].bid`` or ``retention.points[3]``."""
    value: float | int | str | bool | None
    """The number for a plain YAML number, else the text as written (``1.5万``, ``300..1000``)."""
    line: int
    column: int
    end_line: int
    end_column: int
    source: str | None = None
    """The set that wrote it (``Override.named``); None when it is in the file."""
    text: str = ""
    """The scalar's text as written (``0.10``, ``30_000``, ``0.00001``), where ``value`` is the number it reads as."""


def input_values(tree: Node, path: str = "", emptied: bool = False) -> Iterator[InputValue]:
    """The scalars of ``tree`` in file order; with ``emptied``, an empty mapping or list a ``--set`` wrote too
    (``gates=[]``), as its text, ``[]``: it holds no scalar, yet it is what replaced the file's values there."""
    if emptied and tree.kind in ("map", "seq") and not tree.value and tree.source is not None:
        yield InputValue(path, None, tree.line, tree.column, tree.end_line, tree.end_column, tree.source, one_line(tree))
    elif tree.kind == "map":
        for key, entry in tree.value.items():
            yield from input_values(entry.value, key_path(path, key), emptied)
    elif tree.kind == "seq":
        for index, item in enumerate(tree.value):
            yield from input_values(item, join_path(path, index), emptied)
    else:
        yield scalar_input(tree, path)


def scalar_input(node: Node, path: str) -> InputValue:
    """A scalar node as an input at ``path``: a plain YAML number (or boolean, or null) as it reads, anything else as
    written."""
    value = node.value if isinstance(node.value, int | float | bool) or node.value is None else node.raw
    return InputValue(path, value, node.line, node.column, node.end_line, node.end_column, node.source, node.raw)


def key_path(path: str, key: str) -> str:
    """The path of a mapping's ``key`` under ``path``."""
    # Retention ages are map keys; the loader names them points[3], not points.3. A by-month value's months are named
    # as --set takes them: bid.by_month.6. Either in ASCII digits, however the file writes the key (key_segment).
    if whole_number(key) is not None and not path.endswith(".by_month"):
        return f"{path}[{key_segment(key)}]"
    return join_path(path, key)


RANGE_KEYS = frozenset({"low", "high", "mode", "mean", "sd", "dist"})
"""Keys of a range written as a mapping (``{low: 300, high: 1000}``); its row is the mapping's own path."""


@dataclass(frozen=True)
class TypedInput:
    """One input of the file as a spreadsheet or an audit page wants it: numbers as numbers."""

    path: str
    written: str
    """The text as written; a range mapping on one line, ``{low: 300, high: 1000}`` (reader/yamltree.py ``one_line``)."""
    value: float | None
    """The number a deterministic run uses (a range's median); None for text (a name, ``all``)."""
    distribution: str | None = None
    """``lognormal``, ``normal``, ``uniform`` or ``triangular`` for a range; None for a plain value."""
    low: float | None = None
    high: float | None = None
    """A range's 90% interval (lognormal, normal) or support (uniform, triangular)."""
    interval: tuple[float, float] | None = None
    """A range's 90% interval, P5 to P95, whatever its kind: ``low`` and ``high`` where they are one."""
    set_by: str | None = None
    """The set that wrote the value in place of the file's, named as messages name it (``Override.named``): the
    option with its text, ``--set acquisition[0].bid=20``, or a library call's item, ``sets[0]``; None when the file
    wrote it."""
    in_file: str | None = None
    """With ``set_by``: what the file wrote in its place, as ``written`` says it; None when the file has nothing there."""
    in_file_at: str | None = None
    """Where ``in_file`` is, when not at this row's path: the path the set wrote, whose whole value in the file it
    replaced by one of another shape (a number by a schedule ``{by_month: ...}``, a schedule by other months), so
    that no value of the file leaves the table unsaid."""


def typed_inputs(tree: Node, scenario: Scenario, file_tree: Node | None = None) -> list[TypedInput]:
    """Every input of ``tree`` in file order, a range as one row with its median, low and high; a value a ``--set``
    wrote says so, with what ``file_tree`` (the file before the options) holds in its place (``_in_file``)."""
    from aigc_roi.model.tree import leaves  # numpy: `validate` imports this module and must stay light

    ranges = {path: value for path, value in leaves(scenario) if isinstance(value, Distribution)}
    written = _written(tree, set(ranges), emptied=True)
    in_file = {} if file_tree is None else _in_file(written, tree, file_tree)
    return [dataclasses.replace(_typed(path, text, item.value, ranges.get(path)), set_by=item.source,
                                in_file=in_file.get(path, (None, None))[0], in_file_at=in_file.get(path, (None, None))[1])
            for path, text, item in written]


def _in_file(written: list[tuple[str, str, InputValue]], tree: Node, file_tree: Node) -> dict[str, tuple[str | None, str | None]]:
    """For each row a set wrote, what the file wrote in its place (``TypedInput.in_file`` and ``in_file_at``), so that
    no value of the file leaves the table unsaid. A row names the file's value at the nearest path at or above it the
    file writes (its ``place``): at its own path as written (``14 (--set; file: 12)``), none where the set adds a key
    (``(--set; not in the file)``), or, where the set wrote another shape there (a schedule for a number, a number for
    a schedule, other months, ``[]`` for a list), the file's whole value at that place, on one line. Where a file's
    row the set dropped lies under no row's place (a channel set without a key the file's writes), each row of the
    set names the file's whole value at the set's path instead."""
    file_rows = {path: text for path, text, _ in _written(file_tree, _range_mappings(file_tree))}
    shown = {path for path, _, _ in written}
    roots = list(_set_roots(tree))
    by_root: dict[str, list[str]] = {}
    for path, _, item in written:
        if item.source is not None:
            at = max((at for at, source in roots if source == item.source and _within(path, at)), key=len, default=path)
            by_root.setdefault(at, []).append(path)
    found: dict[str, tuple[str | None, str | None]] = {}
    for root, paths in by_root.items():
        places = {path: _place(path, root, file_tree) for path in paths}
        dropped = [at for at in file_rows if _within(at, root) and at not in shown]
        if not all(any(place is not None and _within(gone, place) for place in places.values()) for gone in dropped):
            places = dict.fromkeys(paths, root)
        for path, place in places.items():
            node = None if place is None else find_node(file_tree, place)
            if place is None or node is None or all(at in shown for at in file_rows if _within(at, place)):
                found[path] = (file_rows.get(path), None)
            else:
                found[path] = (one_line(node), None if place == path else place)
    return found


def _place(path: str, root: str, file_tree: Node) -> str | None:
    """The deepest of ``path`` and the paths above it, down to ``root``, that the file writes; None where it writes
    none."""
    above = [path[:at] for at, mark in enumerate(path) if mark in ".["]
    return next((at for at in reversed([*above, path]) if _within(at, root) and find_node(file_tree, at) is not None),
                None)


def _set_roots(tree: Node, path: str = "", above: str | None = None) -> Iterator[tuple[str, str]]:
    """Each path a set wrote (the top of the value it put there, a later set inside it its own) and that set."""
    if tree.source is not None and tree.source != above:
        yield path, tree.source
    if tree.kind == "map":
        for key, entry in tree.value.items():
            yield from _set_roots(entry.value, key_path(path, key), tree.source)
    elif tree.kind == "seq":
        for index, item in enumerate(tree.value):
            yield from _set_roots(item, join_path(path, index), tree.source)


def _within(path: str, root: str) -> bool:
    """Whether ``path`` is ``root`` or a path under it."""
    return path == root or path.startswith((root + ".", root + "["))


def _written(tree: Node, ranges: set[str], emptied: bool = False) -> list[tuple[str, str, InputValue]]:
    """Each input's path, its text as written and its value (of a range mapping, a ``--set`` one if any), in file
    order; a range mapping at a path of ``ranges`` is one row, its text on one line as ``compare --explain`` writes it
    (``one_line``: ``{low: 300, high: 1000}``)."""
    rows: dict[str, tuple[str, InputValue]] = {}
    for item in input_values(tree, emptied=emptied):
        parent, _, key = item.path.rpartition(".")
        if key in RANGE_KEYS and parent in ranges:
            if parent not in rows or item.source is not None:
                mapping = find_node(tree, parent)
                rows[parent] = ("" if mapping is None else one_line(mapping), item)
            continue
        rows[item.path] = (item.text, item)
    return [(path, text, item) for path, (text, item) in rows.items()]


def _range_mappings(tree: Node) -> set[str]:
    """The paths of ``tree`` whose mapping reads as a range (only range keys, a low and a high)."""
    keys: dict[str, set[str]] = {}
    for item in input_values(tree):
        parent, _, key = item.path.rpartition(".")
        keys.setdefault(parent, set()).add(key)
    return {path for path, held in keys.items() if held <= RANGE_KEYS and {"low", "high"} <= held}


def _typed(path: str, text: str, value: object, distribution: Distribution | None) -> TypedInput:
    if distribution is not None:
        return TypedInput(path, text, distribution.median(), distribution.kind, distribution.low, distribution.high,
                          distribution.interval())
    # A whole number written whole stays one: `version: 1` is no 1.0.
    return TypedInput(path, text, value if type(value) is int else number_in(value))


def number_in(written: object) -> float | None:
    """The number a value as written is (``25000``, ``1.5万``, ``5%``); None for text that is none (a name, a range
    ``300..1000``), a boolean or nothing."""
    if isinstance(written, bool) or written is None:
        return None
    if isinstance(written, int | float):
        return float(written)
    try:
        return parse_number_text(str(written))
    except ValueProblem:
        return None
