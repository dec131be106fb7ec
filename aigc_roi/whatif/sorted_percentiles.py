"""numpy's percentiles of values that are already sorted, read off by position (simulate's summaries, issue 27).

``np.percentile`` partitions its input around the positions it reads even
when the input is sorted: at a million samples 4 to 8 ms a call, a third
of summarising a figure. ``sorted_percentiles`` finds the same positions
and interpolates with the same float64 operations in the same order as
numpy's ``_quantile`` (``_get_indexes``, ``_get_gamma``, ``_lerp``,
``_inverted_cdf`` in numpy/lib/_function_base_impl.py), so every percentile
is numpy's, bit for bit (tests/whatif/test_sorted_percentiles.py holds it to
the installed numpy). Two cases it leaves to ``np.percentile``: NaN, and
reading a zero where both -0.0 and 0.0 are (they compare equal, so a sort and
numpy's partition may place them differently).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from aigc_roi.model.scenario import FloatArray

Method = Literal["linear", "inverted_cdf"]


def sorted_percentiles(ranked: FloatArray, percentiles: Sequence[float], method: Method) -> FloatArray | None:
    """``np.percentile(ranked, percentiles, axis=-1, method=method)`` moved to the last axis (shape ``ranked.shape[:-1]
    + (len(percentiles),)``) for ``ranked`` float64, sorted along its last axis and not empty there, and percentiles
    in [0, 100]; None where ``np.percentile`` must decide (module docstring)."""
    count = ranked.shape[-1]
    if np.isnan(ranked[..., -1]).any():
        return None
    fractions = np.true_divide(list(percentiles), 100)
    if method == "linear":
        below, above, weights = _linear_neighbours(count, fractions)
        found = _lerp(ranked[..., below], ranked[..., above], weights)
        read = np.concatenate((below, above))
    else:
        read = _inverted_cdf_positions(count, fractions)
        found = ranked[..., read]
    return None if _reads_a_zero_among_both_signs(ranked, read) else found


def _linear_neighbours(count: int, fractions: FloatArray) -> tuple[NDArray[np.intp], NDArray[np.intp], FloatArray]:
    """The positions below and above each virtual index (both the last at or past it) and the weight of the upper."""
    virtual = (count - 1) * fractions
    below = np.floor(virtual)
    above = below + 1
    past_last = virtual >= count - 1
    below[past_last] = -1
    above[past_last] = -1
    below_at, above_at = below.astype(np.intp), above.astype(np.intp)
    return below_at, above_at, virtual - below_at


def _lerp(below: FloatArray, above: FloatArray, weights: FloatArray) -> FloatArray:
    # numpy's: from the nearer end (below for weights under a half, above from there), for accuracy.
    step = above - below
    found = np.add(below, step * weights)
    np.subtract(above, step * (1 - weights), out=found, where=weights >= 0.5)
    return found


def _inverted_cdf_positions(count: int, fractions: FloatArray) -> NDArray[np.intp]:
    """The smallest position whose share of the samples up to it reaches each fraction."""
    index = count * fractions - 1
    below = np.floor(index)
    positions = np.where(index - below == 0, below, below + 1).astype(np.intp)
    return np.maximum(positions, 0)


def _reads_a_zero_among_both_signs(ranked: FloatArray, read: NDArray[np.intp]) -> bool:
    if not np.any(ranked[..., read] == 0.0):
        return False
    negative = np.signbit(ranked[ranked == 0.0])
    return bool(negative.any() and not negative.all())
