"""`simulate --samples-out`: every sample's drawn inputs and figures as one table (CSV or Parquet).

One row per sample (the first 2,000,000 of a longer, streamed run), numbered from 0 in drawing order: the uncertain inputs
(named by their ``--set`` path, realized values after clipping) and then
every simulated figure (one that is none in a sample is an empty CSV cell or
a Parquet null), and last the plan's currency. Floats keep full precision; a figure counted in whole months
(payback, peak cash month, CAC payback) is a whole number, as JSON and every other CSV write it: ``16`` in CSV, a
nullable Int64 column in Parquet. CSV
is written with the standard library; Parquet needs pandas and pyarrow, which
are not dependencies.
"""

from __future__ import annotations

import csv
import importlib.util
import io
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import numpy as np

from aigc_roi.model.figures import FIGURE_NAMES, unit_of
from aigc_roi.present.tables import CURRENCY
from aigc_roi.whatif.simulate import Simulation

if TYPE_CHECKING:
    import pandas as pd

SAMPLE_FORMATS = ("csv", "parquet")
PARQUET_NEEDS = ("pandas", "pyarrow")
BLOCK_CELLS = 1 << 20
"""CSV cells turned into text at once: about 100 MB of Python strings, whatever the plan's width."""
WHOLE_MONTHS = frozenset(name for name in FIGURE_NAMES if unit_of(name) == "month")
"""The figures counted in whole months: the engine holds them as floats (NaN for none), a reader wants 16, not 16.0."""


def missing_for(suffix: str) -> list[str]:
    """Packages that writing a ``suffix`` file needs and this Python lacks (CSV needs none)."""
    needed = PARQUET_NEEDS if suffix == "parquet" else ()
    return [name for name in needed if importlib.util.find_spec(name) is None]


def samples_frame(simulation: Simulation, currency: str) -> pd.DataFrame:
    import pandas as pd

    frame = pd.DataFrame(_columns(simulation))
    for name in WHOLE_MONTHS & set(frame.columns):
        # Int64, pandas' integers with a null: a month that is none stays one, as in the CSV's empty cell.
        frame[name] = frame[name].astype("Int64")
    frame[CURRENCY] = currency
    frame.index.name = "sample"
    return frame


def samples_chunks(simulation: Simulation, suffix: str, currency: str) -> Iterator[bytes]:
    """The table as a ``suffix`` (csv or parquet) file's bytes, in pieces the CLI writes as they come: a CSV a
    block of ``BLOCK_CELLS`` cells at a time, so that a streamed run's 512 MiB of kept inputs are never held again
    as text (Parquet, written by pyarrow, is one piece). Both end with the ``currency`` column every CSV table of
    amounts has (present/tables.py ``CURRENCY``), on every row: each sample holds its amounts, and a script reading
    the one form must find what it found in the other."""
    if suffix == "parquet":
        buffer = io.BytesIO()
        samples_frame(simulation, currency).to_parquet(buffer, engine="pyarrow")
        yield buffer.getvalue()
        return
    columns = _columns(simulation)
    header = io.StringIO()
    csv.writer(header, lineterminator="\n").writerow(["sample", *columns, CURRENCY])
    yield header.getvalue().encode("utf-8")
    arrays = [np.asarray(values, dtype=np.float64) for values in columns.values()]
    whole = [name in WHOLE_MONTHS for name in columns]
    rows = len(arrays[0]) if arrays else 0
    step = max(1, BLOCK_CELLS // len(arrays)) if arrays else 1
    for start in range(0, rows, step):
        stop = min(rows, start + step)
        cells = [_cells(array[start:stop], months) for array, months in zip(arrays, whole, strict=True)]
        lines = map(",".join, zip(map(str, range(start, stop)), *cells, [currency] * (stop - start), strict=True))
        yield ("\n".join(lines) + "\n").encode("utf-8")


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


def _columns(simulation: Simulation) -> dict[str, Any]:
    """Inputs, then figures, over the samples whose inputs were kept: all of them up to ``STREAM_SAMPLES``, the
    first ``STREAM_SAMPLES`` of a streamed run (whatif/simulate.py)."""
    kept = min((len(draws) for draws in simulation.inputs.values()), default=simulation.samples)
    return {**simulation.inputs, **{name: values[:kept] for name, values in simulation.sample_figures.items()}}
