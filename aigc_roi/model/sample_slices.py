"""``take_samples`` of one realized scenario chunk after chunk, its fields walked once (issue 27).

``engine.take_samples`` walks every field of the scenario for every chunk,
about 2 ms on a 10-channel plan: at 120 months a million samples are 460
chunks. ``SampleSlices`` finds once the branches that hold sample arrays and
rebuilds only those, as ``take_samples`` does (``tree.rebuilt``), for each
slice.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import numpy as np

from aigc_roi.model.engine import take_samples
from aigc_roi.model.params import _sample_count
from aigc_roi.model.scenario import Scenario
from aigc_roi.model.tree import branches

_Slice = Callable[[int, int], Any]
"""(start, stop) -> the branch with samples start..stop-1 of each of its sample arrays."""


class SampleSlices:
    """``take_samples(realized, start, stop)`` for any slice, the same scenario each time."""

    def __init__(self, realized: Scenario) -> None:
        self.realized = realized
        self.samples = _sample_count(realized)
        self._slice = None if self.samples == 1 else _slicer(realized, self.samples)

    def take(self, start: int, stop: int) -> Scenario:
        """Samples ``start..stop-1`` of every sample array (``engine.take_samples``'s rules and errors)."""
        if self._slice is None or not 0 <= start < stop <= self.samples:
            return take_samples(self.realized, start, stop)
        taken = self._slice(start, stop)
        assert isinstance(taken, Scenario)
        return taken


def _slicer(obj: Any, samples: int) -> _Slice | None:
    """How to slice ``obj``; None when it holds no sample array (it is then kept as it is)."""
    if isinstance(obj, np.ndarray):
        if obj.ndim == 1 and obj.shape[0] == samples:
            return lambda start, stop: obj[start:stop]
        return None
    children = branches(obj)
    if children is None:
        return None
    live = [(key, sliced) for key, child in children if (sliced := _slicer(child, samples)) is not None]
    if not live:
        return None
    if isinstance(obj, tuple):
        by_index = dict(live)
        return lambda start, stop: tuple(by_index[i](start, stop) if i in by_index else item for i, item in enumerate(obj))
    return lambda start, stop: dataclasses.replace(obj, **{str(key): sliced(start, stop) for key, sliced in live})
