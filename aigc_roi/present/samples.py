"""`simulate --samples-out`: every sample's drawn inputs and figures as one table (CSV or Parquet).

One row per sample (the first 2,000,000 of a longer, streamed run), numbered from 0 in drawing order: the uncertain inputs
(named by their ``--set`` path, realized values after clipping) and then
every simulated figure; a figure that is none in a sample is an empty CSV
cell or a Parquet null. Floats keep full precision. CSV is written with the
standard library; Parquet needs pandas and pyarrow, which are not dependencies.
"""

from __future__ import annotations

import csv
import importlib.util
import io
from typing import TYPE_CHECKING, Any

from aigc_roi.whatif.simulate import Simulation

if TYPE_CHECKING:
    import pandas as pd

SAMPLE_FORMATS = ("csv", "parquet")
PARQUET_NEEDS = ("pandas", "pyarrow")


def missing_for(suffix: str) -> list[str]:
    """Packages that writing a ``suffix`` file needs and this Python lacks (CSV needs none)."""
    needed = PARQUET_NEEDS if suffix == "parquet" else ()
    return [name for name in needed if importlib.util.find_spec(name) is None]


def samples_frame(simulation: Simulation) -> pd.DataFrame:
    import pandas as pd

    frame = pd.DataFrame(_columns(simulation))
    frame.index.name = "sample"
    return frame


def samples_bytes(simulation: Simulation, suffix: str) -> bytes:
    """The table as a ``suffix`` (csv or parquet) file's bytes; the CLI writes them."""
    if suffix == "parquet":
        buffer = io.BytesIO()
        samples_frame(simulation).to_parquet(buffer, engine="pyarrow")
        return buffer.getvalue()
    columns = _columns(simulation)
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(["sample", *columns])
    # repr of a float is its shortest exact form: full precision; NaN (none) is an empty cell.
    for sample, row in enumerate(zip(*columns.values(), strict=True)):
        writer.writerow([sample, *("" if value != value else repr(float(value)) for value in row)])
    return text.getvalue().encode("utf-8")


def _columns(simulation: Simulation) -> dict[str, Any]:
    """Inputs, then figures, over the samples whose inputs were kept: all of them up to ``STREAM_SAMPLES``, the
    first ``STREAM_SAMPLES`` of a streamed run (whatif/simulate.py)."""
    kept = min((len(draws) for draws in simulation.inputs.values()), default=simulation.samples)
    return {**simulation.inputs, **{name: values[:kept] for name, values in simulation.sample_figures.items()}}
