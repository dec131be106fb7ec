"""``realize`` slice by slice: the same draws, one slice of samples in memory at a time (docs/formulas.md §9)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from aigc_roi.model.sampling import Realized, _draw, _Drawer, _walk
from aigc_roi.model.scenario import Distribution, FloatArray, Scenario

DRAW_PIECE = 1 << 20
"""Draws made at once while a ``SampleStream`` finds where each distribution's draws start (8 MB)."""


class SampleStream:
    """``realize(scenario, samples, rng)`` slice by slice, in order: the same numbers, one slice in memory at a time.

    ``realize`` draws each distribution's ``samples`` values in one call, one
    distribution after the other, from one generator. The stream keeps one
    generator per distribution, started where ``realize`` starts drawing it,
    and draws each slice from it: numpy's generators give the same values
    drawn in pieces as in one call (no value depends on the size of the
    call). Finding the starts draws every distribution once, ``DRAW_PIECE``
    values at a time, so streaming costs one extra pass of drawing.
    """

    def __init__(self, scenario: Scenario, samples: int, rng: np.random.Generator,
                 progress: Callable[[int, int], None] | None = None) -> None:
        if samples < 1:
            raise ValueError(f"samples must be >= 1, got {samples}")
        self.scenario = scenario
        self.samples = samples
        self.done = 0
        self.starts: list[np.random.Generator] = []
        _walk(scenario, "", _Starts(samples, rng, self.starts, distribution_count(scenario), progress))

    def take(self, count: int) -> Scenario:
        """The next ``count`` samples, realized (``realize``'s samples ``done..done + count - 1``)."""
        if not 1 <= count <= self.samples - self.done:
            raise ValueError(f"need 1 <= count <= {self.samples - self.done}, got {count}")
        realized = _walk(self.scenario, "", _Slice(count, self.starts))
        self.done += count
        assert isinstance(realized, Scenario)
        return realized


def distribution_count(scenario: Scenario) -> int:
    """How many ranges ``realize`` draws for ``scenario``."""
    counter = _Counter(1, None)
    _walk(scenario, "", counter)
    return counter.count


class _Counter(_Drawer):
    """Counts the distributions; each becomes its median."""

    count = 0

    def __call__(self, dist: Distribution) -> Realized:
        self.count += 1
        return float(dist.median())


class _Starts(_Drawer):
    """Keeps a generator at the state ``realize`` draws each distribution from, then draws past it."""

    def __init__(self, samples: int, rng: np.random.Generator, starts: list[np.random.Generator], total: int,
                 progress: Callable[[int, int], None] | None) -> None:
        super().__init__(samples, rng)
        self.starts, self.total, self.progress = starts, total, progress

    def __call__(self, dist: Distribution) -> Realized:
        assert self.rng is not None
        start = np.random.Generator(type(self.rng.bit_generator)())
        start.bit_generator.state = self.rng.bit_generator.state
        self.starts.append(start)
        for first in range(0, self.samples, DRAW_PIECE):
            _draw(dist, min(DRAW_PIECE, self.samples - first), self.rng)
        if self.progress is not None:
            self.progress(len(self.starts), self.total)
        return float(dist.median())


class _Slice(_Drawer):
    """Draws the next ``samples`` values of each distribution from its own generator."""

    def __init__(self, samples: int, starts: list[np.random.Generator]) -> None:
        super().__init__(samples, None)
        self.generators = iter(starts)

    def __call__(self, dist: Distribution) -> FloatArray:
        return _draw(dist, self.samples, next(self.generators))
