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


def input_values(tree: Node, path: str = "") -> Iterator[InputValue]:
    """The scalars of ``tree`` in file order."""
    if tree.kind == "map":
        for key, entry in tree.value.items():
            yield from input_values(entry.value, key_path(path, key))
    elif tree.kind == "seq":
        for index, item in enumerate(tree.value):
            yield from input_values(item, join_path(path, index))
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
    """With ``set_by``: what the file wrote at this path, as ``written`` says it; None when the file has nothing there."""


def typed_inputs(tree: Node, scenario: Scenario, file_tree: Node | None = None) -> list[TypedInput]:
    """Every input of ``tree`` in file order, a range as one row with its median, low and high; a value a ``--set``
    wrote says so, with what ``file_tree`` (the file before the options) holds at its path."""
    from aigc_roi.model.tree import leaves  # numpy: `validate` imports this module and must stay light

    ranges = {path: value for path, value in leaves(scenario) if isinstance(value, Distribution)}
    in_file = {} if file_tree is None else {path: text for path, text, _ in _written(file_tree, _range_mappings(file_tree))}
    return [dataclasses.replace(_typed(path, text, item.value, ranges.get(path)), set_by=item.source,
                                in_file=None if item.source is None else in_file.get(path))
            for path, text, item in _written(tree, set(ranges))]


def _written(tree: Node, ranges: set[str]) -> list[tuple[str, str, InputValue]]:
    """Each input's path, its text as written and its value (of a range mapping, a ``--set`` one if any), in file
    order; a range mapping at a path of ``ranges`` is one row, its text on one line as ``compare --explain`` writes it
    (``one_line``: ``{low: 300, high: 1000}``)."""
    rows: dict[str, tuple[str, InputValue]] = {}
    for item in input_values(tree):
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
