"""A scenario's inputs as a table of numbers: what a spreadsheet formula or a pivot can use.

One table, ``run --table inputs`` (CSV) and the xlsx ``inputs`` sheet alike: the plan's facts first (``FACTS``), as
the run reads them, a default filled in where the file leaves one out; then every other value of the file in its
order. Each row holds the value a deterministic run uses: a number as a number (a range's median, with its
distribution and its low and high; a whole number the file writes whole stays whole), a text (a name, a word such as
``month``, a span of months ``1-3``) as that text; and beside it the text as written (``25万``, ``1.5%``,
``300..1000``) for the audit trail, empty for a default the file does not write. A value a ``--set`` wrote says so
there, beside what the file wrote (``14 (--set; file: 12)``), so a what-if never passes for the file's own plan; where
the set wrote another shape (a schedule for a number), the file's whole value it replaced, named by its path where that
is above the row (``12 (--set; file at acquisition[2].bid: 18)``). The CSV writes that mark in English, as it writes
the ``dist:`` word: the workbook's sheet and the report in the reader's language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from aigc_roi.present.labels import label

INPUT_COLUMNS = ("path", "value", "low", "high", "distribution", "written")
FACTS = ("name", "currency", "start", "horizon_months")
"""The plan's facts: the table's first rows, whether or not the file writes them."""


@dataclass(frozen=True)
class ScenarioFacts:
    """What the inputs table states first (defaults filled in)."""

    name: str
    currency: str
    start: str
    """``YYYY-MM``, or empty when the file sets none (months are then M1, M2, ...)."""
    horizon_months: int


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
    @property
    def in_file_at(self) -> str | None: ...


DISTRIBUTION_LABELS = {"lognormal": "distribution_lognormal", "normal": "distribution_normal",
                       "uniform": "distribution_uniform", "triangular": "distribution_triangular"}
"""Each range's distribution (model/scenario.py DistributionKind) -> its label."""


def distribution_label(kind: str, lang: str) -> str:
    """A range's distribution as a reader reads it (对数正态 under --lang zh), in the workbook's inputs sheet and the
    report alike; CSV and JSON keep the word the file's ``dist:`` takes, as they keep every key."""
    return label(DISTRIBUTION_LABELS[kind], lang)


def written_text(row: InputRow, lang: str) -> str:
    """The text as written, and for a value a ``--set`` wrote, that it did and what the file wrote instead."""
    if row.set_by is None:
        return row.written
    if row.in_file is None:
        return label("set_not_in_file", lang).format(written=row.written)
    if row.in_file_at is not None:
        # The set replaced the file's value at a path above this row by one of another shape (a schedule for a
        # number): that whole value, named by its path, as no row of the file's is left to show it.
        return label("set_over_file_at", lang).format(written=row.written, path=row.in_file_at, file=row.in_file)
    return label("set_over_file", lang).format(written=row.written, file=row.in_file)


def inputs_rows(facts: ScenarioFacts, inputs: Sequence[InputRow], lang: str) -> list[list[Any]]:
    """One row per input, in ``INPUT_COLUMNS`` order: ``FACTS`` first, then the file's other values in its order; a
    text input's value is the text itself, not the ``--set`` note its written text carries."""
    written = {row.path: written_text(row, lang) for row in inputs if row.path in FACTS}
    stated = [[path, getattr(facts, path) or None, None, None, None, written.get(path)] for path in FACTS]
    return stated + [[row.path, row.written if row.value is None else row.value, row.low, row.high, row.distribution,
                      written_text(row, lang)] for row in inputs if row.path not in FACTS]
