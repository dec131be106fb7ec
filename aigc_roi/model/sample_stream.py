"""``realize`` slice by slice, or its distributions drawn side by side: the same draws (docs/formulas.md §9).

Each distribution gets a generator of its own, at the state from which
``realize``'s one generator would draw it; the generator passes over each
distribution's numbers without computing its draws (``sampling._skip``).
A stream then draws one slice of samples at a time, in order
(``SampleStream``); ``realize_side_by_side`` draws every distribution at
once on threads, each as soon as its start is known.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import numpy as np

from aigc_roi.model.sampling import Realized, _draw, _Drawer, _skip, _walk
from aigc_roi.model.scenario import Distribution, FloatArray, Scenario

DRAW_PIECE = 1 << 20
"""Numbers taken at once while passing over a distribution's draws (8 MB)."""

Draw = tuple[Distribution, int, np.random.Generator]
"""One distribution's next draws: (the range, how many, its generator)."""
MapDraws = Callable[[Callable[[Draw], FloatArray], Iterable[Draw]], Iterable[FloatArray]]
"""``map``, or a map over threads that keeps the order (each distribution has its own generator)."""


class SampleStream:
    """``realize(scenario, samples, rng)`` slice by slice, in order: the same numbers, one slice in memory at a time.

    ``realize`` draws each distribution's ``samples`` values in one call, one
    distribution after the other, from one generator. The stream keeps one
    generator per distribution, started where ``realize`` starts drawing it
    (``_positioned``), and draws each slice from it: numpy's generators give
    the same values drawn in pieces as in one call (no value depends on the
    size of the call).
    """

    def __init__(self, scenario: Scenario, samples: int, rng: np.random.Generator,
                 progress: Callable[[int, int], None] | None = None) -> None:
        if samples < 1:
            raise ValueError(f"samples must be >= 1, got {samples}")
        self.scenario = scenario
        self.samples = samples
        self.done = 0
        self.distributions = distributions(scenario)
        self.starts = [start for _, _, start in _positioned(self.distributions, samples, rng, progress)]

    def take(self, count: int) -> Scenario:
        """The next ``count`` samples, realized (``realize``'s samples ``done..done + count - 1``)."""
        if not 1 <= count <= self.samples - self.done:
            raise ValueError(f"need 1 <= count <= {self.samples - self.done}, got {count}")
        realized = _walk(self.scenario, "", _Drawn(count, (_draw(dist, count, start)
                                                             for dist, start in zip(self.distributions, self.starts, strict=True))))
        self.done += count
        assert isinstance(realized, Scenario)
        return realized


def realize_side_by_side(scenario: Scenario, samples: int, rng: np.random.Generator, map_draws: MapDraws,
                         progress: Callable[[int, int], None] | None = None) -> Scenario:
    """``realize(scenario, samples, rng)``, every distribution drawn from a generator of its own by ``map_draws``
    (a map over threads that keeps the order), each as soon as the previous one's numbers are passed over."""
    ranges = distributions(scenario)
    drawn = iter(list(map_draws(_draw_next, _positioned(ranges, samples, rng, progress))))
    realized = _walk(scenario, "", _Drawn(samples, drawn))
    assert isinstance(realized, Scenario)
    return realized


def distributions(scenario: Scenario) -> list[Distribution]:
    """The ranges ``realize`` draws for ``scenario``, in its order."""
    found = _Found(1, None)
    _walk(scenario, "", found)
    return found.distributions


def distribution_count(scenario: Scenario) -> int:
    """How many ranges ``realize`` draws for ``scenario``."""
    return len(distributions(scenario))


def _positioned(ranges: list[Distribution], samples: int, rng: np.random.Generator,
                progress: Callable[[int, int], None] | None) -> Iterator[Draw]:
    """Each range with a generator at the state ``realize`` draws it from; ``rng`` moves past its draws
    (``sampling._skip``, half the cost of drawing them) only when the next one is asked for."""
    scratch = np.empty(min(samples, DRAW_PIECE))
    for done, dist in enumerate(ranges, start=1):
        start = np.random.Generator(type(rng.bit_generator)())
        start.bit_generator.state = rng.bit_generator.state
        yield dist, samples, start
        _skip(dist, samples, rng, scratch)
        if progress is not None:
            progress(done, len(ranges))


def _draw_next(draw: Draw) -> FloatArray:
    dist, count, generator = draw
    return _draw(dist, count, generator)


class _Found(_Drawer):
    """Lists the distributions; each becomes its median."""

    def __init__(self, samples: int, rng: np.random.Generator | None) -> None:
        super().__init__(samples, rng)
        self.distributions: list[Distribution] = []

    def __call__(self, dist: Distribution) -> Realized:
        self.distributions.append(dist)
        return float(dist.median())


class _Drawn(_Drawer):
    """Hands out draws, one distribution after the other in ``realize``'s order."""

    def __init__(self, samples: int, draws: Iterator[FloatArray]) -> None:
        super().__init__(samples, None)
        self.draws = draws

    def __call__(self, dist: Distribution) -> FloatArray:
        return next(self.draws)
