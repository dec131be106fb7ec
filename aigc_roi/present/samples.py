"""`simulate --samples-out`: every sample's drawn inputs and figures as one table (CSV or Parquet).

One row per sample, numbered from 0 in drawing order: the uncertain inputs
(named by their ``--set`` path, realized values after clipping) and then
every simulated figure; a figure that is none in a sample is an empty CSV
cell or a Parquet null. Floats keep full precision. pandas is imported only
here, and Parquet also needs pyarrow, which is not a dependency.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

from aigc_roi.whatif.simulate import Simulation

if TYPE_CHECKING:
    import pandas as pd

SAMPLE_FORMATS = ("csv", "parquet")
PARQUET_NEEDS = ("pandas", "pyarrow")


def missing_for(suffix: str) -> list[str]:
    """Packages that writing a ``suffix`` file needs and this Python lacks."""
    needed = PARQUET_NEEDS if suffix == "parquet" else ("pandas",)
    return [name for name in needed if importlib.util.find_spec(name) is None]


def samples_frame(simulation: Simulation) -> pd.DataFrame:
    import pandas as pd

    columns = {**simulation.inputs, **simulation.sample_figures}
    frame = pd.DataFrame(columns)
    frame.index.name = "sample"
    return frame


def write_samples(path: Path, simulation: Simulation, suffix: str) -> None:
    """Write the table to ``path`` (a temporary file: ``suffix`` names the format)."""
    frame = samples_frame(simulation)
    if suffix == "parquet":
        frame.to_parquet(path, engine="pyarrow")
    else:
        frame.to_csv(path, na_rep="", lineterminator="\n")
