"""Every value a scenario file sets, with its field path: the "inputs" a workbook or a diff lists."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

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
