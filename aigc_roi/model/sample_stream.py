"""``realize`` slice by slice, or its ranges drawn side by side: the same draws (docs/formulas.md §9).

Every range draws from a stream of its own (model/range_streams.py), and
numpy's generators give the same values drawn in pieces as in one call. A
stream therefore draws one slice of samples at a time, each range reading
its own stream in turn (``SampleStream``); ``realize_side_by_side`` draws
every range at once on threads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np

from aigc_roi.model.range_streams import range_streams
from aigc_roi.model.sampling import ClipTally, _draw, distributions, realized_from
from aigc_roi.model.scenario import Distribution, FloatArray, Scenario

Draw = tuple[Distribution, int, np.random.Generator]
"""One range's next draws: (the range, how many, its stream)."""
MapDraws = Callable[[Callable[[Draw], FloatArray], Iterable[Draw]], Iterable[FloatArray]]
"""``map``, or a map over threads that keeps the order (each range has its own stream)."""


class SampleStream:
    """``realize(scenario, samples, rng)`` slice by slice, in order: the same numbers, one slice in memory at a time;
    ``tally`` counts the draws clipped over every slice taken."""

    def __init__(self, scenario: Scenario, samples: int, rng: np.random.Generator) -> None:
        if samples < 1:
            raise ValueError(f"samples must be >= 1, got {samples}")
        self.scenario = scenario
        self.samples = samples
        self.done = 0
        self.ranges = range_streams(scenario, rng)
        self.tally = ClipTally(scenario)

    def take(self, count: int) -> Scenario:
        """The next ``count`` samples, realized (``realize``'s samples ``done..done + count - 1``)."""
        if not 1 <= count <= self.samples - self.done:
            raise ValueError(f"need 1 <= count <= {self.samples - self.done}, got {count}")
        realized = realized_from(self.scenario, (_draw(dist, count, stream) for dist, stream in self.ranges), self.tally)
        self.done += count
        return realized


def realize_side_by_side(scenario: Scenario, samples: int, rng: np.random.Generator, map_draws: MapDraws,
                         progress: Callable[[int, int], None] | None = None, tally: ClipTally | None = None) -> Scenario:
    """``realize(scenario, samples, rng, tally)``, the ranges drawn by ``map_draws`` (a map over threads that keeps the
    order); ``progress`` hears (ranges drawn, ranges) as each one's draws come back."""
    ranges = range_streams(scenario, rng)
    drawn = []
    for done, draws in enumerate(map_draws(_draw_next, [(dist, samples, stream) for dist, stream in ranges]), start=1):
        drawn.append(draws)
        if progress is not None:
            progress(done, len(ranges))
    return realized_from(scenario, iter(drawn), tally)


def distribution_count(scenario: Scenario) -> int:
    """How many ranges ``realize`` draws for ``scenario``."""
    return len(distributions(scenario))


def _draw_next(draw: Draw) -> FloatArray:
    dist, count, stream = draw
    return _draw(dist, count, stream)
