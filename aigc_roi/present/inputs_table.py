"""A scenario's inputs as a table of numbers: what a spreadsheet formula or a pivot can use.

Each row is one value of the file by field path: the number a deterministic
run uses (a range's median), a range's distribution and its low and high,
and the text as written (``25万``, ``1.5%``, ``300..1000``) for the audit trail.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

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


def inputs_rows(inputs: Sequence[InputRow]) -> list[list[Any]]:
    """One row per input, in ``INPUT_COLUMNS`` order: a text input (a name) has no value."""
    return [[row.path, row.value, row.low, row.high, row.distribution, row.written] for row in inputs]
