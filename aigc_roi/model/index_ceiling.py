"""A channel's conversion index held to 1 / the largest sum of a plan's conversions (docs/formulas.md §15).

k x (a plan's conversions summed over ages) <= 1: no more than all of a cohort subscribes. The reader refuses a
file whose median index breaks it, but a sampled index, or a fixed one beside sampled conversions, may still break
it in some samples. The engine holds every index to the ceiling (``sources.conversion_indices``; a what-if's
drivers end there, whatif/drivers.py, so it lowers none of theirs); ``lowered_indices`` does the same as the draws
are realized, so that what reports a sample's inputs (``simulate --samples-out``, the variance shares) reads the
index the sample used, and the samples lowered are counted and announced as clipped draws are (model/sampling.py
``ClipTally``).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from aigc_roi.model.paths import channel_path
from aigc_roi.model.scenario import Distribution, FloatArray, Plan, Scenario, Value


def index_ceiling(plans: tuple[Plan, ...], p: Callable[[Value], FloatArray]) -> FloatArray:
    """1 / the largest sum of a plan's conversions over ages in each sample (inf where no plan converts anyone);
    ``p`` reads a realized value as an array (the engine's ``(s,)`` rows, or the value as it is)."""
    totals = [sum((p(share) for _, share in plan.conversion), np.zeros_like(p(0.0))) if isinstance(plan.conversion, tuple)
              else p(plan.conversion) for plan in plans]
    # A sampled schedule summing past 1 is scaled down to 1 by the plan (model/revenue.py, model/conversion_sums.py).
    largest = np.minimum(functools.reduce(np.maximum, totals), 1.0) if totals else np.zeros_like(p(0.0))
    return np.divide(1.0, largest, out=np.full(largest.shape, np.inf), where=largest > 0)


@dataclass(frozen=True)
class LoweredIndex:
    """How many samples of one channel's conversion index were above the ceiling and lowered to it."""

    path: str
    """``acquisition[i].conversion_index``."""
    lowered: int
    samples: int
    ceiling: float | None
    """The ceiling where it is one number in every sample (no plan's conversion drawn), else None."""


def lowered_indices(realized: Scenario) -> tuple[Scenario, tuple[LoweredIndex, ...]]:
    """``realized`` (a sampled realization) with every channel's index lowered to the ceiling in the samples where
    it is above it, and the count for every index that could be (one drawn, or a fixed one above 1 beside drawn
    conversions). An index and conversions all fixed are the reader's to refuse: nothing of them is drawn."""
    indices = [_realized(channel.conversion_index) for channel in realized.acquisition]
    # An index of at most 1 is never above a ceiling of at least 1 (conversions are shares): most plans stop here.
    candidates = [position for position, index in enumerate(indices) if isinstance(index, np.ndarray) or index > 1.0]
    if not candidates:
        return realized, ()
    ceiling = index_ceiling(realized.monetization.plans, lambda value: np.asarray(value, dtype=np.float64))
    constant = None if ceiling.ndim else float(ceiling)
    counts = []
    kept = list(realized.acquisition)
    for position in candidates:
        index = indices[position]
        # Which indices are counted depends on what is drawn, never on the draws: the slices of a stream count alike.
        if constant is not None and not isinstance(index, np.ndarray):
            continue
        above = np.greater(index, ceiling)
        counts.append(LoweredIndex(f"{channel_path(position)}.conversion_index", int(np.count_nonzero(above)),
                                   above.size, constant))
        if counts[-1].lowered:
            kept[position] = dataclasses.replace(kept[position], conversion_index=np.minimum(index, ceiling))
    if not any(count.lowered for count in counts):
        return realized, tuple(counts)
    return dataclasses.replace(realized, acquisition=tuple(kept)), tuple(counts)


def _realized(index: Value) -> float | FloatArray:
    if isinstance(index, Distribution):
        raise TypeError("a Distribution is still present; call sampling.realize() first")
    return index
