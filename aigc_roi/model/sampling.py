"""Turn a scenario's uncertain ranges into numbers the engine can use.

``realize`` returns a copy of a scenario in which every ``Distribution`` is
replaced, either by its median (a deterministic run) or by a float64 array
of draws (a Monte Carlo batch). Plain floats are left exactly as written.

Decisions where the spec is silent (docs/formulas.md §9 says only that sampled
rates are clipped to [0, 1]):

- Every realized value is clipped to its field's domain (spec 1.2: a range
  is valid when its median lies in the domain, its draws are clipped to
  it): the rates below to [0, 1], ``virality`` to [0, 0.999] (the spec
  requires k < 1), a ``bid`` or ``cpm`` dividing a ``budget`` to >= 1e-6
  (``MIN_UNIT_COST``: at 0 users = budget / bid is undefined) and every
  other number (money, counts, ``discount_rate``) to >= 0. The same clip is
  applied to medians, so a deterministic run can never see a value a
  sampled run could not.
- Which fields are rates depends on the owner as well as the name: a
  plan's, purchase's or order's ``fee`` is a share, a kol channel's ``fee``
  is money per post (``scenario.is_rate_field``).
- Sampled day-level retention shares (``retention.days``) are clipped to
  [1e-9, 1], not [0, 1]: the power law is fitted to their logarithms.
- Retention points are made non-increasing in age per sample by a running
  minimum over the ages: independently sampled points could otherwise
  describe users coming back, which the format forbids. A drawn point's
  draws lowered so are counted as clipped ones are (``ClipTally``): a
  point uniform on [0.1, 0.25] after a point of 0.2 is 0.2 in a third of
  the samples, which the commands say.
- Each month of a ``by_month`` value is drawn on its own, in month order, and clipped to the
  domain of the field that holds the schedule.
- Each distribution draws ``samples`` values from a stream of its own,
  named by the seed and its ``--set`` path (model/range_streams.py), so a
  seed reproduces a run exactly and a range's draws do not depend on the
  other ranges of the file. Distributions are listed in a fixed
  depth-first traversal of the scenario's dataclass fields (declaration
  order, tuples in order).
- A scenario without any distribution realizes to plain floats even when
  ``samples > 1``: the engine then returns one sample, and callers that
  need ``samples`` rows broadcast it.
- How many of each range's draws fell outside its field's domain is
  counted as they are clipped (``ClipTally``): a range valid by its median
  may still put a sixth of its draws at a bid of 1e-6, and the commands
  that sample say so rather than report the figures those draws make
  without a word (docs/formulas.md §9).
- A conversion index above 1 / the largest plan conversion of its sample is
  lowered to it once the sample is drawn (model/index_ceiling.py; the
  ceiling depends on other ranges, so no field's domain holds it) and
  counted the same way: a sample reads the index it used.
- A plan's conversions by age that sum past 1 in a sample (each drawn on its
  own) are scaled down to sum to 1 once the sample is drawn
  (model/conversion_sums.py) and counted the same way, before the index
  ceiling is found from them.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeAlias

import numpy as np

from aigc_roi.model.channels.base import ChannelType
from aigc_roi.model.conversion_sums import ScaledSchedule, scaled_schedules
from aigc_roi.model.index_ceiling import LoweredIndex, lowered_indices
from aigc_roi.model.limits import MIN_UNIT_COST
from aigc_roi.model.range_streams import paired_ranges, range_streams
from aigc_roi.model.scenario import Z90, ByMonth, Distribution, FloatArray, RetentionPoints, Scenario, is_rate_field
from aigc_roi.model.tree import branches, rebuilt

MAX_VIRALITY = 0.999
"""Upper clip of a realized virality: the model needs k < 1 for finite growth."""

Realized: TypeAlias = float | FloatArray
Drawer: TypeAlias = Callable[[Distribution, float, float], Realized]
"""What replaces one distribution, given its field's domain [low, high]: its median, or its draws, clipped to it."""


@dataclass(frozen=True)
class Clipped:
    """How many of one range's draws fell outside its field's domain [low, high] and were clipped to its ends."""

    path: str
    """The range's ``--set`` path (model/range_streams.py ``paired_ranges``)."""
    low: float
    high: float
    below: int
    """Draws below ``low``, clipped up to it."""
    above: int
    """Draws above ``high``, clipped down to it."""
    draws: int
    """The range's draws in all."""
    lowered: int = 0
    """A retention point's draws above an earlier age's share in their sample, lowered to it (running minimum)."""
    capped: int = 0
    """A conversion index's samples above 1 / the largest sum of a plan's conversions, lowered to it
    (model/index_ceiling.py): a drawn index's, or a fixed one's beside drawn conversions (then it is no range's)."""
    ceiling: float | None = None
    """That ceiling where it is one number in every sample (no plan's conversion drawn), else None."""
    scaled: int = 0
    """A plan's conversions by age (``path``, no range's) whose draws summed past 1 in that many samples, scaled
    down to sum to 1 (model/conversion_sums.py)."""


class ClipTally:
    """How many of each range's draws fell outside its field's domain, counted as ``realize`` (or each slice of a
    ``SampleStream``) clips them, how many samples of each conversion index were lowered to its ceiling (by
    path: a fixed index is no range) and of each plan's conversions by age scaled down to sum to 1, summed over
    every realization it is given to."""

    def __init__(self, scenario: Scenario) -> None:
        self.paths = [path for path, _ in paired_ranges(scenario, scenario)]
        self.domains = [(0.0, math.inf)] * len(self.paths)
        self.below = [0] * len(self.paths)
        self.above = [0] * len(self.paths)
        self.draws = [0] * len(self.paths)
        self.lowered = [0] * len(self.paths)
        self.capped: dict[str, LoweredIndex] = {}
        self.scaled: dict[str, ScaledSchedule] = {}

    def count(self, index: int, draws: FloatArray, low: float, high: float) -> None:
        """Count range ``index``'s ``draws`` outside [low, high], before they are clipped."""
        self.domains[index] = (low, high)
        self.below[index] += int(np.count_nonzero(draws < low))
        self.above[index] += int(np.count_nonzero(draws > high))
        self.draws[index] += draws.size

    def count_capped(self, indices: tuple[LoweredIndex, ...]) -> None:
        """Add one realization's counts of conversion indices lowered to the ceiling."""
        for index in indices:
            before = self.capped.get(index.path)
            self.capped[index.path] = index if before is None else dataclasses.replace(
                index, lowered=before.lowered + index.lowered, samples=before.samples + index.samples)

    def count_scaled(self, schedules: tuple[ScaledSchedule, ...]) -> None:
        """Add one realization's counts of conversions by age scaled down to sum to 1."""
        for schedule in schedules:
            before = self.scaled.get(schedule.path)
            self.scaled[schedule.path] = schedule if before is None else dataclasses.replace(
                schedule, scaled=before.scaled + schedule.scaled, samples=before.samples + schedule.samples)

    def clipped(self) -> tuple[Clipped, ...]:
        """The ranges with any draw clipped (or lowered), in ``realize``'s order, then the fixed conversion indices
        lowered in some samples, in the channels' order, then the plans' conversions by age scaled in some."""
        ranges = [Clipped(path, low, high, below, above, draws, lowered, *self._capped(path))
                  for path, (low, high), below, above, draws, lowered
                  in zip(self.paths, self.domains, self.below, self.above, self.draws, self.lowered, strict=True)]
        fixed = [Clipped(path, 0.0, math.inf, 0, 0, index.samples, 0, index.lowered, index.ceiling)
                 for path, index in self.capped.items() if path not in self.paths]
        schedules = [Clipped(path, 0.0, 1.0, 0, 0, schedule.samples, scaled=schedule.scaled)
                     for path, schedule in self.scaled.items()]
        return tuple(range_ for range_ in ranges + fixed + schedules
                     if range_.below or range_.above or range_.lowered or range_.capped or range_.scaled)

    def _capped(self, path: str) -> tuple[int, float | None]:
        index = self.capped.get(path)
        return (0, None) if index is None else (index.lowered, index.ceiling)


def realize(scenario: Scenario, samples: int = 1, rng: np.random.Generator | None = None,
            tally: ClipTally | None = None) -> Scenario:
    """A copy of ``scenario`` with every ``Distribution`` replaced.

    With ``rng`` None each distribution becomes its median as a python
    float (``samples`` is ignored); with a generator it becomes a float64
    array of shape ``(samples,)``, drawn from the range's own stream of
    ``rng``'s seed (model/range_streams.py; ``rng``'s own state is not
    used), and ``tally`` (made for ``scenario``) counts the draws clipped.
    See the module docstring for clipping and ordering.
    """
    if rng is None:
        return _realized(scenario, _median)
    if samples < 1:
        raise ValueError(f"samples must be >= 1, got {samples}")
    return realized_from(scenario, iter([_draw(dist, samples, stream) for dist, stream in range_streams(scenario, rng)]),
                         tally)


def realized_from(scenario: Scenario, draws: Iterator[FloatArray], tally: ClipTally | None = None) -> Scenario:
    """``scenario`` with its distributions replaced by ``draws``, one array each, in ``distributions``' order, each
    clipped in place to its field's domain (it is always a new array: no second array of ``samples`` per range) and
    counted by ``tally``; a plan's conversions by age summing past 1 in a sample scaled down to 1 and a conversion
    index above 1 / the largest plan conversion of its sample lowered to it, each counted too
    (model/conversion_sums.py, model/index_ceiling.py)."""
    realized, scaled = scaled_schedules(_realized(scenario, _ClippedDraws(enumerate(draws), tally)))
    realized, capped = lowered_indices(realized)
    if tally is not None:
        tally.count_scaled(scaled)
        tally.count_capped(capped)
    return realized


class _ClippedDraws:
    """The drawer of ``realized_from``: each range's draws in turn, clipped to its field's domain and counted."""

    def __init__(self, ranges: Iterator[tuple[int, FloatArray]], tally: ClipTally | None) -> None:
        self.ranges, self.tally, self.index = ranges, tally, -1

    def __call__(self, dist: Distribution, low: float, high: float) -> FloatArray:
        self.index, values = next(self.ranges)
        if self.tally is not None:
            self.tally.count(self.index, values, low, high)
        return np.clip(values, low, high, out=values)

    def lowered(self, count: int) -> None:
        """The last range's draws lowered to an earlier retention point's (``_realize_points``)."""
        if self.tally is not None:
            self.tally.lowered[self.index] += count


def distributions(scenario: Scenario) -> list[Distribution]:
    """The ranges ``realize`` draws for ``scenario``, in its order."""
    return [dist for _, dist in paired_ranges(scenario, scenario)]


def _realized(scenario: Scenario, draw: Drawer) -> Scenario:
    realized = _walk(scenario, "", draw)
    assert isinstance(realized, Scenario)
    return realized


def _median(dist: Distribution, low: float, high: float) -> Realized:
    return float(min(max(dist.median(), low), high))


def _draw(dist: Distribution, samples: int, rng: np.random.Generator) -> FloatArray:
    low, high = float(dist.low), float(dist.high)
    if dist.kind == "lognormal":
        if low <= 0 or high <= 0:
            raise ValueError(f"a lognormal range needs low > 0 and high > 0, got [{low}, {high}]")
        if low == high:
            # exp(log(a)) need not round back to a, yet a zero-width range must equal its median exactly.
            return np.full(samples, low, dtype=np.float64)
        mu = (math.log(low) + math.log(high)) / 2
        sigma = (math.log(high) - math.log(low)) / (2 * Z90)
        return rng.lognormal(mu, sigma, samples)
    if dist.kind == "normal":
        return rng.normal((low + high) / 2, (high - low) / (2 * Z90), samples)
    if dist.kind == "uniform":
        return rng.uniform(low, high, samples)
    if dist.kind == "triangular":
        if dist.mode is None:
            raise ValueError("a triangular range needs a mode")
        if low == high:
            # numpy's triangular rejects a zero-width support; it is a constant.
            return np.full(samples, low, dtype=np.float64)
        return rng.triangular(low, float(dist.mode), high, samples)
    raise ValueError(f"unknown distribution kind {dist.kind!r}")


MIN_DAY_SHARE = 1e-9
"""Lower clip of a sampled day-level retention share (its logarithm is fitted)."""


def _domain(name: str, owner: type | None = None) -> tuple[float, float]:
    """[low, high] of the field ``name`` of a dataclass of type ``owner`` (a budget's unit cost: ``_walk``)."""
    if name == "days":
        return MIN_DAY_SHARE, 1.0
    if is_rate_field(owner, name):
        return 0.0, 1.0
    if name == "virality":
        return 0.0, MAX_VIRALITY
    return 0.0, math.inf


_PLAIN = (int, float, str, type(None))


def _walk(obj: Any, name: str, draw: Drawer, owner: type | None = None, least: float | None = None) -> Any:
    """Realize ``obj``, the value of the field ``name`` of a dataclass of type ``owner``, depth first; ``least``
    raises the domain's lower end (a unit cost that a budget is divided by)."""
    if isinstance(obj, Distribution):
        low, high = _domain(name, owner)
        return draw(obj, low if least is None else max(low, least), high)
    if isinstance(obj, RetentionPoints):
        return _realize_points(obj, draw)
    if isinstance(obj, ByMonth):
        # Each month's value is the field's own: clipped to the domain of the field holding the schedule.
        points = tuple((month, _walk(value, name, draw, owner, least)) for month, value in obj.points)
        return ByMonth(points) if any(new is not old for (_, new), (_, old) in zip(points, obj.points, strict=True)) else obj
    children = branches(obj)
    if children is None:
        return obj
    if isinstance(obj, tuple):  # a tuple's items are the value of the field holding it
        return rebuilt(obj, [(index, item if isinstance(item, _PLAIN) else _walk(item, name, draw, owner))
                             for index, item in children])
    realized = []
    for key, old in children:
        # A plain number or name is realized already: most of a scenario's nodes (a month list is one a month).
        # A bid or cpm a budget is divided by, written once or by month, is at least MIN_UNIT_COST in every draw.
        least = MIN_UNIT_COST if _divides_budget(obj, str(key)) else None
        realized.append((key, old if isinstance(old, _PLAIN) else _walk(old, str(key), draw, type(obj), least)))
    return rebuilt(obj, realized)


def _divides_budget(channel: Any, name: str) -> bool:
    """Whether ``name`` is a channel's unit cost (``bid``, ``cpm``) that its ``budget`` is divided by."""
    return isinstance(channel, ChannelType) and name == channel.unit_cost and channel.buys_with_budget


def _realize_points(retention: RetentionPoints, draw: Drawer) -> RetentionPoints:
    points: list[tuple[int, Realized]] = []
    running: Realized | None = None
    for age, value in retention.points:
        drawn = isinstance(value, Distribution)
        realized: Realized = draw(value, *_domain("points")) if isinstance(value, Distribution) else value
        if running is not None:
            if drawn and isinstance(draw, _ClippedDraws):
                draw.lowered(int(np.count_nonzero(np.greater(realized, running))))
            if isinstance(realized, np.ndarray) or isinstance(running, np.ndarray):
                # Fresh draws take their running minimum in place.
                realized = np.minimum(running, realized, out=realized if drawn and isinstance(realized, np.ndarray) else None)
            else:
                realized = min(float(running), float(realized))
        running = realized
        points.append((age, realized))
    return dataclasses.replace(retention, points=tuple(points))
