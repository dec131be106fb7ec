"""The maximum unit cost of a channel some gate tests, with the gates decided at each unit cost (whatif/max_bid.py).

Between two unit costs at which every gate decides alike, the channel's attributed contribution is proportional to
the users it buys, so its own roi is K / unit cost - 1 there, K the closed form max(0, unit cost x (1 + roi)) at
either (whatif/max_bid.py says why gates that decide alike at two unit costs decide alike between them). The
search walks from the current unit cost toward the crossing: up while the channel's own roi is >= 0 now, down
while it is < 0. Each step evaluates the closed form of the last unit cost reached (the first step is the closed
form of the run itself):

- every gate decides there as at the last: it is the maximum;
- a gate decides otherwise but roi keeps its side: the walk goes on from there, the closed form of its gates;
- roi changes side: the pair of the last unit cost and this one holds the crossing, and is split in
  ``gate_flips.SPLIT_POINTS + 1`` a step (the part that holds the crossing nearest the current value kept) until every gate
  decides alike at its two ends, where the closed form at either is the crossing, or it has narrowed to the
  break-even search's tolerance (breakeven_search.allowed_width) about a gate's flip, where roi jumps across 0 and
  the end with roi >= 0 is the maximum.

A unit cost is evaluated within its driver's domain (from ``search_floor``, 1e-6 for a unit cost, to 1e15); a
closed form beyond it is the maximum where the gates there decide as at the last step. Every channel's step is a
sample of one engine call, so a step of every test channel costs one call of a few samples each.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from aigc_roi.model.paths import channel_path
from aigc_roi.model.sampling import realize
from aigc_roi.model.scenario import FloatArray, Scenario
from aigc_roi.whatif.breakeven_search import allowed_width, search_floor
from aigc_roi.whatif.drivers import Driver, drivers_of, evaluate_realized
from aigc_roi.whatif.gate_flips import points_inside

MAX_STEPS = 1_000
"""A bound no search reaches: a walk passes each gate's flip once, a pair narrows 8x a step."""


@dataclass(frozen=True)
class _Point:
    """A unit cost (in its driver's terms), the channel's own roi there and every gate's decision ``(G,)``."""

    value: float
    roi: float
    passed: FloatArray

    @property
    def good(self) -> bool:
        return self.roi >= 0

    @property
    def closed_form(self) -> float:
        return max(0.0, self.value * (1.0 + self.roi))


def with_gates_decided(scenario: Scenario, channels: Sequence[int], roi_now: FloatArray,
                       decided_now: FloatArray) -> Iterator[tuple[int, float, bool]]:
    """(channel, its maximum, whether that is a factor on every month's unit cost) for each of ``channels``, test
    channels whose own roi is ``roi_now`` (defined) where the gates decide ``decided_now`` ``(G,)``."""
    realized = realize(scenario)
    by_path = {driver.path: driver for driver in drivers_of(realized)}
    drivers = [by_path[f"{channel_path(c)}.{realized.acquisition[c].unit_cost}"] for c in channels]
    walks = [_Walk(driver, _Point(driver.current, float(roi), decided_now)) for driver, roi in zip(drivers, roi_now, strict=True)]
    for _ in range(MAX_STEPS):
        open_walks = [w for w, walk in enumerate(walks) if walk.found is None]
        if not open_walks:
            break
        asked = [walks[w].points() for w in open_walks]
        rois, passes = _evaluated(realized, [channels[w] for w in open_walks], [drivers[w] for w in open_walks], asked)
        for row, w in enumerate(open_walks):
            walks[w].take([_Point(float(value), float(roi), passed)
                           for value, roi, passed in zip(asked[row], rois[row], passes[row], strict=True)])
    else:
        raise RuntimeError("maximum unit cost not located: a search did not settle")
    for c, walk in zip(channels, walks, strict=True):
        assert walk.found is not None
        yield c, walk.found, walk.driver.is_factor


class _Walk:
    """One channel's search (module docstring): a walk from ``last`` toward its closed form, then a pair narrowed."""

    def __init__(self, driver: Driver, now: _Point) -> None:
        self.driver = driver
        self.up = now.good
        """Which way the crossing lies: above the current unit cost while roi >= 0 there, else below."""
        self.last = now
        self.pair: tuple[_Point, _Point] | None = None
        """(lower, higher) unit costs, roi on either side of 0, once the walk has passed the crossing."""
        self.found: float | None = None

    def points(self) -> FloatArray:
        """The unit costs this step evaluates."""
        if self.pair is None:
            return np.array([min(max(self.last.closed_form, search_floor(self.driver)), self.driver.upper_bound)])
        low, high = self.pair[0].value, self.pair[1].value
        return points_inside(np.array(low), np.array(high))

    def take(self, points: list[_Point]) -> None:
        """This step's evaluated ``points``."""
        if self.pair is None:
            self._walked(points[0])
        else:
            self._narrowed(points)

    def _walked(self, reached: _Point) -> None:
        if np.array_equal(reached.passed, self.last.passed):
            self.found = self.last.closed_form
        elif reached.good == self.last.good:
            self.last = reached
        else:
            self._settle((self.last, reached) if self.up else (reached, self.last))

    def _narrowed(self, inside: list[_Point]) -> None:
        assert self.pair is not None
        points = [self.pair[0], *inside, self.pair[1]]
        sides = [k for k in range(len(points) - 1) if points[k].good != points[k + 1].good]
        # The crossing nearest the current value: the lowest above it, the highest below it.
        k = sides[0] if self.up else sides[-1]
        self._settle((points[k], points[k + 1]))

    def _settle(self, pair: tuple[_Point, _Point]) -> None:
        """Take ``pair`` (lower, higher; roi on either side of 0), or the maximum where it settles it."""
        low, high = pair
        good = low if low.good else high
        if np.array_equal(low.passed, high.passed):
            self.found = good.closed_form
        elif high.value - low.value <= float(allowed_width(np.array(max(abs(low.value), abs(high.value))))):
            self.found = good.value
        else:
            self.pair = pair


def _evaluated(realized: Scenario, channels: Sequence[int], drivers: Sequence[Driver],
               values: Sequence[FloatArray]) -> tuple[list[FloatArray], list[FloatArray]]:
    """Per test channel, its own roi ``(K,)`` and every gate's decision ``(K, G)`` at its own ``values``, the other
    test channels current: one engine call, a sample per value."""
    starts = np.cumsum([0, *(len(row) for row in values)])
    assignments = []
    for i, driver in enumerate(drivers):
        column = np.full(int(starts[-1]), driver.current)
        column[starts[i]:starts[i + 1]] = values[i]
        assignments.append((driver, column))
    run = evaluate_realized(realized, assignments)
    assert run.gate_passed is not None, "only a plan with gates has test channels"
    blocks = [slice(int(starts[i]), int(starts[i + 1])) for i in range(len(drivers))]
    return ([run.channel_roi[block, c] for block, c in zip(blocks, channels, strict=True)],
            [run.gate_passed[block] for block in blocks])
