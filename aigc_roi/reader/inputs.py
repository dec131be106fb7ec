"""Every value a scenario file sets, with its field path: the "inputs" a workbook or a diff lists."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from aigc_roi.model.scenario import Distribution, Scenario
from aigc_roi.reader.numbers import ValueProblem, parse_number_text
from aigc_roi.reader.yamltree import Node, join_path


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
    """The ``--set`` option that wrote it; None when it is in the file."""


def input_values(tree: Node, path: str = "") -> Iterator[InputValue]:
    """The scalars of ``tree`` in file order."""
    if tree.kind == "map":
        for key, entry in tree.value.items():
            # Retention ages are map keys; the loader names them points[3], not points.3. A by-month value's
            # months are named as --set takes them: bid.by_month.6.
            by_month = path.endswith(".by_month")
            child = f"{path}[{key}]" if key.isdigit() and not by_month else join_path(path, key)
            yield from input_values(entry.value, child)
    elif tree.kind == "seq":
        for index, item in enumerate(tree.value):
            yield from input_values(item, join_path(path, index))
    else:
        value = tree.value if isinstance(tree.value, int | float | bool) or tree.value is None else tree.raw
        yield InputValue(path, value, tree.line, tree.column, tree.end_line, tree.end_column, tree.source)


_RANGE_KEYS = frozenset({"low", "high", "mode", "mean", "sd", "dist"})
"""Keys of a range written as a mapping (``{low: 300, high: 1000}``); its row is the mapping's own path."""


@dataclass(frozen=True)
class TypedInput:
    """One input of the file as a spreadsheet or an audit page wants it: numbers as numbers."""

    path: str
    written: str
    """The text as written; a range mapping joined as ``{low: 300, high: 1000}``."""
    value: float | None
    """The number a deterministic run uses (a range's median); None for text (a name, ``all``)."""
    distribution: str | None = None
    """``lognormal``, ``normal``, ``uniform`` or ``triangular`` for a range; None for a plain value."""
    low: float | None = None
    high: float | None = None
    """A range's 90% interval (lognormal, normal) or support (uniform, triangular)."""


def typed_inputs(tree: Node, scenario: Scenario) -> list[TypedInput]:
    """Every input of ``tree`` in file order, a range as one row with its median, low and high."""
    from aigc_roi.model.tree import leaves  # numpy: `validate` imports this module and must stay light

    ranges = {path: value for path, value in leaves(scenario) if isinstance(value, Distribution)}
    rows: list[TypedInput] = []
    pending: dict[str, list[str]] = {}
    for item in input_values(tree):
        parent, _, key = item.path.rpartition(".")
        if key in _RANGE_KEYS and parent in ranges:
            if parent not in pending:
                pending[parent] = []
                rows.append(TypedInput(parent, "", None))  # filled below, so the row keeps its place
            pending[parent].append(f"{key}: {item.value}")
            continue
        rows.append(_typed(item.path, item.value, ranges.get(item.path)))
    return [_typed(row.path, "{" + ", ".join(pending[row.path]) + "}", ranges[row.path]) if row.path in pending else row
            for row in rows]


def _typed(path: str, written: object, distribution: Distribution | None) -> TypedInput:
    text = "" if written is None else str(written)
    if distribution is not None:
        return TypedInput(path, text, distribution.median(), distribution.kind, distribution.low, distribution.high)
    return TypedInput(path, text, number_in(written))


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
