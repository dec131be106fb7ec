"""Running (cumulative) sums along the month axis, fast whatever the memory layout.

The engine keeps its arrays month-major, ``(H, s)``, and hands them to the
figure functions as ``(S, H)`` views; the month axis is then not the one
contiguous in memory. numpy's ``cumsum`` walks such an axis several times
slower than a loop of whole-slice additions (benchmarks/bench_engine.py
measures the engine), so along a non-contiguous axis this adds slice by slice.
Both add in the same order, ``out[t] = out[t-1] + x[t]``: the numbers are
identical.
"""

from __future__ import annotations

import numpy as np

from aigc_roi.model.scenario import FloatArray


def running_sum(values: FloatArray, axis: int = 0) -> FloatArray:
    """``np.cumsum(values, axis)`` as float64, in the same layout as ``values``."""
    out = np.array(values, dtype=np.float64, order="K")
    along = np.moveaxis(out, axis, 0)
    if along.shape[0] < 2 or along.strides[0] == out.itemsize:
        np.cumsum(along, axis=0, out=along)
        return out
    for t in range(1, along.shape[0]):
        along[t] += along[t - 1]
    return out
