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

The values need not be sorted whole: ``select`` puts the values of the
positions ``read_positions`` names where a sort would (the rest only on the
right side of them), each by numpy's one-position partition of a part, in
less than half a sort's time (a million float64: 5 ms against 11 ms);
``ranked_percentiles`` does it where that reads what a sort would.
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
    + (len(percentiles),)``) for ``ranked`` float64, sorted along its last axis (or ``select``-ed at the
    ``read_positions``) and not empty there, and percentiles in [0, 100]; None where ``np.percentile`` must decide
    (module docstring)."""
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


def read_positions(count: int, percentiles: Sequence[float], method: Method) -> list[int]:
    """The positions ``sorted_percentiles`` reads of ``count`` values (``count`` > 0), and the last, whose NaN it
    looks for: where ``select`` must put the values a sort would."""
    fractions = np.true_divide(list(percentiles), 100)
    if method == "linear":
        below, above, _ = _linear_neighbours(count, fractions)
        read = np.concatenate((below, above))
    else:
        read = _inverted_cdf_positions(count, fractions)
    return sorted({int(position) % count for position in read.tolist()} | {count - 1})


def ranked_percentiles(values: FloatArray, percentiles: Sequence[float], method: Method) -> FloatArray | None:
    """``sorted_percentiles`` of ``values`` (float64, this caller's own, not empty along the last axis), which it
    reorders: sorted where zeros of both signs are, else ``select``-ed at the ``read_positions``.

    numpy's vectorised sort and selection order values by min and max, which give either of two equal values: of
    -0.0 and 0.0 either may come out twice. So a sort (what this stands for) and a selection may read different
    zeros where both are, and the old sort is kept there; elsewhere equal values have equal bits."""
    if _zeros_of_both_signs(values):
        values.sort()
    else:
        select(values, read_positions(values.shape[-1], percentiles, method))
    return sorted_percentiles(values, percentiles, method)


def _zeros_of_both_signs(values: FloatArray) -> bool:
    zeros = values == 0.0
    if not zeros.any():
        return False
    negative = np.signbit(values[zeros])
    return bool(negative.any() and not negative.all())


def select(values: FloatArray, positions: list[int]) -> None:
    """Reorder ``values`` in place along its last axis so that each of ``positions`` (increasing, each once) holds
    the value a sort would put there (NaN after every number, as in a sort; a zero of either sign where both are,
    ``ranked_percentiles``), every value before it being no greater and every value after it no less.

    numpy partitions around one position with a vectorised selection, around several one after another without
    it (a million float64 around 7 positions: 19 ms, more than a sort's 11); so each part is partitioned around
    the middle one of its positions and the parts on either side of it in turn (5 ms)."""
    parts = [(0, values.shape[-1], positions)]
    while parts:
        low, high, inside = parts.pop()
        if not inside:
            continue
        middle = len(inside) // 2
        position = inside[middle]
        values[..., low:high].partition(position - low, axis=-1)
        parts += [(low, position, inside[:middle]), (position + 1, high, inside[middle + 1:])]


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
