"""`simulate --samples-out`: every sample's drawn inputs and figures as one table (CSV or Parquet).

One row per sample, however many (a streamed run's too), numbered from 0 in drawing order: the uncertain inputs
(named by their ``--set`` path, realized values after clipping) and the fixed values a sample may change, as used
(model/sample_columns.py), and then
every simulated figure (one that is none in a sample is an empty CSV cell or
a Parquet null), and last the plan's currency. Floats keep full precision; a figure counted in whole months
(payback, peak cash month, CAC payback) is a whole number, as JSON and every other CSV write it: ``16`` in CSV, a
nullable Int64 column in Parquet. CSV
is written with the standard library; Parquet needs pandas and pyarrow, which
are not dependencies.

The rows are written as the simulation hands them on, chunk by chunk (whatif/simulate.py ``SampleSink``), a block of
``BLOCK_CELLS`` cells at a time: a CSV's block of text, a Parquet row group. Memory holds one block, whatever the
samples, and the blocks fall on the same rows whatever the chunks (or ``--jobs``), so the bytes do not depend on them.
"""

from __future__ import annotations

import csv
import importlib.util
import io
from collections.abc import Mapping
from typing import IO, TYPE_CHECKING

import numpy as np

from aigc_roi.model.figures import FIGURE_NAMES, unit_of
from aigc_roi.model.scenario import FloatArray
from aigc_roi.present.tables import CURRENCY

if TYPE_CHECKING:
    import pyarrow.parquet as pq

SAMPLE_FORMATS = ("csv", "parquet")
PARQUET_NEEDS = ("pandas", "pyarrow")
BLOCK_CELLS = 1 << 20
"""Cells written at once, a CSV's as text (about 100 MB of Python strings) or a Parquet row group, whatever the plan's
width."""
WHOLE_MONTHS = frozenset(name for name in FIGURE_NAMES if unit_of(name) == "month")
"""The figures counted in whole months: the engine holds them as floats (NaN for none), a reader wants 16, not 16.0."""


def missing_for(suffix: str) -> list[str]:
    """Packages that writing a ``suffix`` file needs and this Python lacks (CSV needs none)."""
    needed = PARQUET_NEEDS if suffix == "parquet" else ()
    return [name for name in needed if importlib.util.find_spec(name) is None]


class SamplesWriter:
    """The table written to ``file`` as a ``suffix`` (csv or parquet) file, as a ``SampleSink`` hands it the samples in
    order; ``close`` writes the last block. Both forms end with the ``currency`` column every CSV table of amounts has
    (present/tables.py ``CURRENCY``), on every row: each sample holds its amounts, and a script reading the one form
    must find what it found in the other."""

    def __init__(self, file: IO[bytes], suffix: str, currency: str) -> None:
        self.file, self.suffix, self.currency = file, suffix, currency
        self.names: list[str] = []
        self.whole: list[bool] = []
        """Each column's a figure counted in whole months (``WHOLE_MONTHS``)."""
        self.rows = 0
        """Rows of the block not yet written, from sample ``first`` on."""
        self.first = 0
        self.pending: list[list[FloatArray]] = []
        self.parquet: pq.ParquetWriter | None = None

    def __call__(self, first: int, inputs: Mapping[str, FloatArray], figures: Mapping[str, FloatArray]) -> None:
        columns = [*inputs.values(), *figures.values()]
        if not self.names:
            self.names = [*inputs, *figures]
            self.whole = [name in WHOLE_MONTHS for name in self.names]
            if self.suffix == "csv":
                header = io.StringIO()
                csv.writer(header, lineterminator="\n").writerow(["sample", *self.names, CURRENCY])
                self.file.write(header.getvalue().encode("utf-8"))
        block = max(1, BLOCK_CELLS // len(columns))
        count, done = len(columns[0]), 0
        while done < count:
            taken = min(count - done, block - self.rows)
            self.pending.append([values[done:done + taken] for values in columns])
            self.rows += taken
            done += taken
            if self.rows == block:
                self._write()

    def close(self) -> None:
        if self.rows:
            self._write()
        if self.parquet is not None:
            self.parquet.close()

    def _write(self) -> None:
        columns = [np.concatenate(parts) for parts in zip(*self.pending, strict=True)]
        stop = self.first + self.rows
        if self.suffix == "parquet":
            self._row_group(columns, stop)
        else:
            cells = [_cells(values, months) for values, months in zip(columns, self.whole, strict=True)]
            lines = map(",".join, zip(map(str, range(self.first, stop)), *cells, [self.currency] * self.rows, strict=True))
            self.file.write(("\n".join(lines) + "\n").encode("utf-8"))
        self.pending, self.rows, self.first = [], 0, stop

    def _row_group(self, columns: list[FloatArray], stop: int) -> None:
        import pandas as pd
        import pyarrow as pa
        import pyarrow.parquet as pq

        frame = pd.DataFrame(dict(zip(self.names, columns, strict=True)), index=pd.RangeIndex(self.first, stop, name="sample"))
        for name, months in zip(self.names, self.whole, strict=True):
            if months:
                # Int64, pandas' integers with a null: a month that is none stays one, as in the CSV's empty cell.
                frame[name] = frame[name].astype("Int64")
        frame[CURRENCY] = self.currency
        # The sample numbers as a column pandas reads back as the index, as the CSV's first column.
        table = pa.Table.from_pandas(frame, preserve_index=True)
        if self.parquet is None:
            self.parquet = pq.ParquetWriter(self.file, table.schema)
        self.parquet.write_table(table)


def _cells(values: np.ndarray, whole: bool) -> list[str]:
    """Each value's CSV cell: repr of a float is its shortest exact form (full precision), a ``whole`` month's the
    integer it holds; NaN (none) is empty."""
    none = np.isnan(values)
    if whole:
        cells = list(map(str, np.where(none, 0.0, values).astype(np.int64).tolist()))
    else:
        cells = list(map(float.__repr__, values.tolist()))
    for i in np.flatnonzero(none).tolist():
        cells[i] = ""
    return cells
