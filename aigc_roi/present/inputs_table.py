"""A scenario's inputs as a table of numbers: what a spreadsheet formula or a pivot can use.

Each row is one value of the file by field path: the number a deterministic
run uses (a range's median), a range's distribution and its low and high,
and the text as written (``25万``, ``1.5%``, ``300..1000``) for the audit trail; a value a ``--set``
wrote says so there, beside what the file wrote (``14 (--set; file: 12)``), so a what-if never passes for
the file's own plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from aigc_roi.present.labels import label

INPUT_COLUMNS = ("path", "value", "low", "high", "distribution", "written")


class InputRow(Protocol):
    """One input as written (reader/inputs.py ``TypedInput``)."""

    @property
    def path(self) -> str: ...
    @property
    def written(self) -> str: ...
    @property
    def value(self) -> float | None: ...
    @property
    def distribution(self) -> str | None: ...
    @property
    def low(self) -> float | None: ...
    @property
    def high(self) -> float | None: ...
    @property
    def interval(self) -> tuple[float, float] | None: ...
    @property
    def set_by(self) -> str | None: ...
    @property
    def in_file(self) -> str | None: ...


def written_text(row: InputRow, lang: str) -> str:
    """The text as written, and for a value a ``--set`` wrote, that it did and what the file wrote instead."""
    if row.set_by is None:
        return row.written
    if row.in_file is None:
        return label("set_not_in_file", lang).format(written=row.written)
    return label("set_over_file", lang).format(written=row.written, file=row.in_file)


def inputs_rows(inputs: Sequence[InputRow], lang: str) -> list[list[Any]]:
    """One row per input, in ``INPUT_COLUMNS`` order: a text input (a name) has no value."""
    return [[row.path, row.value, row.low, row.high, row.distribution, written_text(row, lang)] for row in inputs]
