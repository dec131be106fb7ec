"""The break-even search for drivers without a closed form (docs/formulas.md §10).

Each threshold is a level that is >= 0 exactly where it is met and NaN where
it is undefined: roi itself for ``roi_zero``; for ``payback_target`` the
lowest cumulative cash of the months from the target (or the horizon, if
sooner) to the horizon, since payback_month is the first month from which
cumulative cash stays >= 0 (docs/formulas.md §5).

The search runs in steps (whatif/lockstep.py), each one engine call shared
with whatever else runs beside it. Every driver's ``GRID_POINTS`` candidates
up to ``Driver.search_high`` are one step; a driver with a threshold not crossed there is
searched again on ``WIDENING_POINTS`` values from ``search_high`` to its
upper bound (so a driver at 0 today, whose first bracket is sized from
unrelated amounts, still finds a crossing far beyond it); the boundary
nearest the current value is kept. In a plan with gates each grid also gets
the values either side of every gate's flip between two of its points
(whatif/gate_flips.py): the figures jump there, and a threshold missed just
before a jump may be met at both points around it. Going either way from the
current value, the threshold's side changes first at a crossing or at such a
jump; of the two, a crossing is kept (the nearer where both are), a jump only
where neither is a crossing, and then said to be one (whatif/breakeven_jumps.py).
All brackets of all drivers and both
thresholds are then narrowed together, one engine call per step, and a
driver leaves the batch as soon as both its brackets have converged. A step
evaluates three points of each bracket: the Illinois form of regula falsi's
estimate of the crossing (where the line through the bracket's ends crosses
0, an end kept twice in a row counting half) and a point either side of it,
as far as the estimate moved in the previous step, so where the estimate
converges the bracket closes in as fast; the first of the points on the
other side of the threshold from the bracket's left end ends the new
bracket. After two steps that did not halve a bracket its next points are
its quarters, so no bracket narrows more slowly than bisection, and smooth
levels converge in a few steps (7 at every cap of docs/limits.md) instead of
the 30 or so halvings from a grid bracket to 1e-9. Points stay half a
tolerance inside the bracket. The steps read figures within about 1e-12 of
the amounts (drivers.moved_alone), so a last step moves each crossing found
toward its good side and checks it by ``evaluate``'s own figures
(``CONFIRMING_MOVES``).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from aigc_roi.model.channels import channel_type
from aigc_roi.model.limits import MIN_MAGNITUDE, MIN_UNIT_COST
from aigc_roi.model.scenario import FloatArray
from aigc_roi.whatif.breakeven_jumps import Crossing, FlipWithin, GateJump, described
from aigc_roi.whatif.drivers import Driver, Figures
from aigc_roi.whatif.gate_flips import Split, split_at_gate_flips
from aigc_roi.whatif.lockstep import Answer, Steps

GRID_POINTS = 64
GRID_DECADES = 8
"""The grid is the lower bound, log-spaced points over 8 decades below ``search_high``, and the current value."""
WIDENING_POINTS = 48
"""Log-spaced values from ``search_high`` to the upper bound: 1e15 is at most
about 24 decades above any search_high, so two or more points per decade."""
RELATIVE_TOLERANCE = 1e-9
"""A bracket has converged when this narrow relative to its ends: far inside
the 1e-6 asked for, so even where roi moves 10x faster than the driver, re-running
the scenario at a solved value gives |roi| < 1e-6."""
ABSOLUTE_TOLERANCE = 1e-12
"""...or this narrow in absolute terms: a bracket at 0 never narrows relative to
its ends, and no money, count or share below 1e-12 changes a displayed figure."""
MAX_STEPS = 200
SLOW_STEPS = 2
"""Steps about an estimate that may pass without halving a bracket before its quarters are taken instead."""
Level = Callable[[Figures, Figures], FloatArray]
"""(figures, monthly series) -> the threshold's level: met where >= 0, undefined where NaN."""
Solved = dict[str, Crossing]
"""Per threshold, its break-even."""


def levels(target: int) -> dict[str, Level]:
    """The levels of ``roi_zero`` and ``payback_target`` for a payback target of ``target`` months."""

    def payback(_: Figures, months: Figures) -> FloatArray:
        cumulative = months["cumulative_cash"]
        return np.asarray(cumulative[..., min(target, cumulative.shape[-1]) - 1:].min(axis=-1))

    return {"roi_zero": lambda figures, _: figures["roi"], "payback_target": payback}


def allowed_width(values: FloatArray) -> FloatArray:
    """How narrow a bracket around ``values`` must be to have converged."""
    return np.maximum(RELATIVE_TOLERANCE * np.abs(values), ABSOLUTE_TOLERANCE)


def toward_good_side(value: float, good_below: bool, widths: float) -> float:
    """``value`` moved ``widths`` converged widths (``allowed_width``) toward the side of a break-even where its
    threshold is met (away from it where ``widths`` is negative), on to a size a file may hold: a crossing
    between 0 and ``MIN_MAGNITUDE`` is reported as the first
    value on its side that ``--set`` and a file accept."""
    step = widths * float(allowed_width(np.array(value))) * (-1.0 if good_below else 1.0)
    moved = value + step
    if 0.0 < abs(moved) < MIN_MAGNITUDE:
        return math.copysign(MIN_MAGNITUDE, moved) if (step > 0) == (moved > 0) else 0.0
    return moved


def search_floor(driver: Driver) -> float:
    """Where a search starts: the driver's lower bound, ``MIN_UNIT_COST`` for a channel's unit cost and
    ``MIN_MAGNITUDE`` for its volume. At 0 either switches the channel off, a plan without it (with no spend at
    all where it was the only one, which "pays back" in month 1 by definition): no break-even of a price or a
    volume."""
    if driver.channel_type is None:
        return driver.lower_bound
    kind = channel_type(driver.channel_type)
    if driver.field == kind.unit_cost:
        return max(driver.lower_bound, MIN_UNIT_COST)
    if driver.field in kind.volumes:
        return max(driver.lower_bound, MIN_MAGNITUDE)
    return driver.lower_bound


def level_values(answer: Answer, thresholds: dict[str, Level]) -> dict[str, FloatArray]:
    """Each threshold's level at every candidate of an ``Ask`` (whatif/lockstep.py), (D, K), from its answer."""
    figures, months = answer
    return {name: level(figures, months) for name, level in thresholds.items()}


def search(drivers: list[Driver], thresholds: dict[str, Level]) -> Steps[list[Solved]]:
    """Per driver, the thresholds found by the search of the module docstring, in steps (whatif/lockstep.py)."""
    if not drivers:
        return []
    grid = np.sort(np.stack([_grid(driver) for driver in drivers]), axis=1)
    grid, found, passed = yield from _split_at_gate_flips(drivers, grid, (yield drivers, grid), thresholds)
    currents = np.array([driver.current for driver in drivers])
    brackets = {name: _nearest_brackets(grid, values, currents, _jumps(grid, passed)) for name, values in found.items()}
    brackets = yield from _widen(drivers, grid, found, passed, brackets, thresholds)
    narrowed = yield from _narrow(drivers, brackets, thresholds)
    confirmed = yield from _confirmed(drivers, narrowed, thresholds)
    # A jump's bracket is one converged width already: its ends are the values either side of the flip; so are
    # the ends of a flip between the current value and a break-even. Both are described in one step.
    pairs = {(int(d), name, False): (float(bracket[0][d]), float(bracket[1][d]))
             for name, bracket in brackets.items() for d in np.flatnonzero(bracket[5])}
    pairs.update({(int(d), name, True): (float(bracket[6][d]), float(bracket[7][d]))
                  for name, bracket in brackets.items() for d in np.flatnonzero(~np.isnan(bracket[6]))})
    described_pairs = yield from described(drivers, pairs)
    return [{name: Crossing(*confirmed[name][d], described_pairs.get((d, name, False)),
                            _flip_within(drivers[d], pairs, described_pairs, (d, name, True)))
             for name in thresholds} for d in range(len(drivers))]


def _flip_within(driver: Driver, pairs: dict[tuple[int, str, bool], tuple[float, float]],
                 described_pairs: dict[tuple[int, str, bool], GateJump], key: tuple[int, str, bool]) -> FlipWithin | None:
    """The first flip of the gates met going from the current value to a break-even, as the last value the gates
    still decide as they do now (the flip's end on the current value's side)."""
    if key not in described_pairs:
        return None
    low, high = pairs[key]
    return FlipWithin(low if driver.current <= low else high, described_pairs[key])


def _jumps(grid: FloatArray, passed: FloatArray | None) -> np.ndarray:
    """(D, K - 1): whether the gates passed differ between neighbouring values of ``grid``."""
    if passed is None:
        return np.zeros((grid.shape[0], grid.shape[1] - 1), dtype=bool)
    return np.asarray(np.any(passed[:, :-1] != passed[:, 1:], axis=-1))


CONFIRMING_MOVES = (0.5, 4.0)
"""How far, in converged widths (``allowed_width``), a break-even moves toward its good side before the engine
confirms it, in turn: the search reads figures within about 1e-12 of the amounts (drivers.moved_alone), so the
last value it found on the good side may lie a hair beyond the boundary by the engine's own figures."""


def _confirmed(drivers: list[Driver], narrowed: dict[str, list[tuple[float | None, bool]]],
               thresholds: dict[str, Level]) -> Steps[dict[str, list[tuple[float | None, bool]]]]:
    """``narrowed`` with each break-even moved toward its good side by the first of ``CONFIRMING_MOVES`` at which
    ``evaluate``'s own figures meet the threshold, one step per move for the ones not yet confirmed; where no move
    is, the search's value stays (it met the threshold by the figures the search read)."""
    names = list(thresholds)
    answers = {name: list(values) for name, values in narrowed.items()}
    waiting = {(d, t) for t, name in enumerate(names) for d in range(len(drivers)) if narrowed[name][d][0] is not None}
    for move in CONFIRMING_MOVES:
        rows = sorted({d for d, _ in waiting})
        if not rows:
            break
        values = np.array([[drivers[d].current] * len(names) for d in rows])
        for row, d in enumerate(rows):
            for t, name in enumerate(names):
                value, good_below = narrowed[name][d]
                if (d, t) in waiting and value is not None:
                    values[row, t] = min(max(toward_good_side(value, good_below, move), search_floor(drivers[d])),
                                         drivers[d].upper_bound)
        levels = level_values((yield [drivers[d] for d in rows], values, True), thresholds)
        for row, d in enumerate(rows):
            for t, name in enumerate(names):
                if (d, t) in waiting and levels[name][row, t] >= 0:
                    answers[name][d] = (float(values[row, t]), narrowed[name][d][1])
                    waiting.discard((d, t))
    return answers


def _split_at_gate_flips(drivers: list[Driver], grid: FloatArray, answer: Answer,
                         thresholds: dict[str, Level]) -> Steps[Split]:
    """``grid``, its levels and gates passed, with the values either side of each flip of the gates
    (whatif/gate_flips.py)."""
    return (yield from split_at_gate_flips(drivers, grid, answer, lambda found: level_values(found, thresholds),
                                           allowed_width))


def _grid(driver: Driver) -> FloatArray:
    high, low = driver.search_high, search_floor(driver)
    spaced = np.geomspace(max(high * 10.0**-GRID_DECADES, low), high, GRID_POINTS - 2)
    return np.concatenate([[low], spaced, [min(max(driver.current, low), high)]])


Bracket = tuple[FloatArray, FloatArray, FloatArray, FloatArray, np.ndarray, np.ndarray, FloatArray, FloatArray]
"""(left, right, level at left, level at right, found, a gate's jump rather than a crossing, and the values either
side of the first flip of the gates between the current value and the bracket, or without a bracket the flip nearest
the current value, NaN where none) per driver."""


def _widen(drivers: list[Driver], grid: FloatArray, found: dict[str, FloatArray], passed: FloatArray | None,
           brackets: dict[str, Bracket], thresholds: dict[str, Level]) -> Steps[dict[str, Bracket]]:
    """Brackets for the drivers with a threshold not crossed up to ``search_high``,
    from a second grid running on to the driver's upper bound."""
    # A threshold undefined all over the first grid (roi without any ad spend) stays
    # undefined further out: only thresholds seen defined are worth widening.
    unresolved = np.any([~brackets[name][4] & ~np.isnan(values).all(axis=1) for name, values in found.items()], axis=0)
    missing = np.flatnonzero(unresolved & np.array([d.search_high < d.upper_bound for d in drivers], dtype=bool))
    if missing.size == 0:
        return brackets
    chosen = [drivers[d] for d in missing]
    # The last value of the first grid starts the second, so a flip between them counts too.
    wide = np.stack([np.geomspace(d.search_high, d.upper_bound, WIDENING_POINTS) for d in chosen])
    wide, wide_found, wide_passed = yield from _split_at_gate_flips(chosen, wide, (yield chosen, wide), thresholds)
    wide_grid = np.concatenate([grid[missing], wide], axis=1)
    jumps = _jumps(wide_grid, None if passed is None or wide_passed is None
                   else np.concatenate([passed[missing], wide_passed], axis=1))
    currents = np.array([d.current for d in chosen])
    widened = dict(brackets)
    for name, values in found.items():
        found_wide = _nearest_brackets(wide_grid, np.concatenate([values[missing], wide_found[name]], axis=1), currents,
                                       jumps)
        parts = [np.array(part, copy=True) for part in brackets[name]]
        # Only where the first grid found nothing: its brackets lie nearer the current value.
        redo = ~parts[4][missing]
        for part, new in zip(parts, found_wide, strict=True):
            part[missing[redo]] = new[redo]
        widened[name] = (parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6], parts[7])
    return widened


def _nearest_brackets(grid: FloatArray, level: FloatArray, current: FloatArray, jumps: np.ndarray) -> Bracket:
    """Per driver, the neighbouring grid points where the threshold flips (defined at both) nearest the current
    value below it and above it: the first change of side either way. Of those two a crossing is kept, the nearer
    where both are; a gate's jump (``jumps``, whatif/gate_flips.py) only where neither is a crossing, though it
    lies nearer: there the figure never meets the threshold. Each is placed where the line through its ends
    crosses 0 (the middle where that is no number). Between the current value and the bracket kept the gates may
    still flip where the figure stays on its side: the first such pair from the current value comes back too, as
    the room up to the break-even is no room with the gates deciding as now; without any crossing, the flip nearest
    the current value either way, as "always holds" is no room with the gates deciding as now either
    (docs/formulas.md §10)."""
    good, defined = level >= 0, ~np.isnan(level)
    flips = (good[:, :-1] != good[:, 1:]) & defined[:, :-1] & defined[:, 1:]
    left, right = grid[:, :-1], grid[:, 1:]
    with np.errstate(divide="ignore", invalid="ignore"):
        line = left - level[:, :-1] * (right - left) / (level[:, 1:] - level[:, :-1])
    estimate = np.where(np.isfinite(line), np.clip(line, left, right), 0.5 * (left + right))
    distance = np.abs(estimate - current[:, None])
    below = flips & (right <= current[:, None])
    rows = np.arange(grid.shape[0])
    # (D, 2): the first flip below the current value and the first above it, whether each exists and is a jump.
    sides = np.stack([np.where(below, distance, np.inf).argmin(axis=1),
                      np.where(flips & ~below, distance, np.inf).argmin(axis=1)], axis=1)
    exists = np.stack([below.any(axis=1), (flips & ~below).any(axis=1)], axis=1)
    rank = np.where(exists, jumps[rows[:, None], sides].astype(float), 2.0)
    nearer = np.where(exists, distance[rows[:, None], sides], np.inf).argmin(axis=1)
    side = np.where(rank[:, 0] == rank[:, 1], nearer, rank.argmin(axis=1))
    chosen, found = sides[rows, side], exists[rows, side]
    pair = np.arange(grid.shape[1] - 1)
    kept_below = (side == 0)[:, None]
    between = jumps & np.where(kept_below, (pair > chosen[:, None]) & (right <= current[:, None]),
                               (pair < chosen[:, None]) & (left >= current[:, None]))
    # The flip nearest the current value: the highest pair below it, the lowest above it.
    first = np.where(kept_below[:, 0], np.where(between, pair, -1).max(axis=1),
                     np.where(between, pair, grid.shape[1]).min(axis=1))
    # Where the threshold has no crossing at all (it always holds, or never does), the room is the whole domain: a
    # flip anywhere in it, the one nearest the current value, comes back too (docs/formulas.md §10).
    reach = np.where(jumps, np.minimum(np.abs(left - current[:, None]), np.abs(right - current[:, None])), np.inf)
    anywhere = ~found & jumps.any(axis=1)
    flipped = found & between.any(axis=1)
    first = np.where(flipped, first, np.where(anywhere, reach.argmin(axis=1), 0))
    flipped |= anywhere
    return (left[rows, chosen], right[rows, chosen], level[rows, chosen], level[rows, chosen + 1], found,
            found & jumps[rows, chosen], np.where(flipped, left[rows, first], np.nan),
            np.where(flipped, right[rows, first], np.nan))


def _narrow(drivers: list[Driver], brackets: dict[str, Bracket],
            thresholds: dict[str, Level]) -> Steps[dict[str, list[tuple[float | None, bool]]]]:
    """Narrow every bracket at once (module docstring); axis 1 of the (D, thresholds) arrays
    is the threshold. Per threshold and driver: (break-even or None, good side below)."""
    names = list(brackets)
    left, right, at_left, at_right, found = (np.stack([brackets[name][i] for name in names], axis=1) for i in range(5))
    good_left = at_left >= 0
    # Nothing to narrow where no flip was found: a zero-width bracket counts as converged.
    right = np.where(found, right, left)
    halved_at = right - left
    slow_steps = np.zeros(left.shape, dtype=np.int8)
    kept_last = np.zeros(left.shape, dtype=np.int8)  # the end a step kept: +1 left, -1 right, 0 neither
    estimate = np.full(left.shape, np.nan)
    currents = np.array([driver.current for driver in drivers])
    for _ in range(MAX_STEPS):
        allowed = allowed_width(np.maximum(np.abs(left), np.abs(right)))
        # Converged drivers leave the batch: each step costs only what is still open.
        open_rows = np.flatnonzero(np.any(right - left > allowed, axis=1))
        if open_rows.size == 0:
            break
        lo, hi, f_lo, f_hi = left[open_rows], right[open_rows], at_left[open_rows], at_right[open_rows]
        width, tolerance = hi - lo, allowed[open_rows]
        with np.errstate(divide="ignore", invalid="ignore"):
            falsi = lo - f_lo * (hi - lo) / (f_hi - f_lo)
        usable = np.isfinite(falsi) & (slow_steps[open_rows] < SLOW_STEPS)
        centre = np.where(usable, falsi, 0.5 * (lo + hi))
        # Points either side of the estimate, as far as it moved last step: where the estimate converges
        # they close in on the crossing as fast as it does.
        moved = np.abs(centre - estimate[open_rows])
        spread = np.where(usable & np.isfinite(moved), np.clip(moved, 0.25 * tolerance, 0.25 * width), 0.25 * width)
        guard = np.minimum(0.5 * tolerance, 0.125 * width)
        points = np.clip(centre[..., None] + spread[..., None] * np.array([-1.0, 0.0, 1.0]),
                         (lo + guard)[..., None], (hi - guard)[..., None])
        # K = 3 candidates per threshold: candidates 3t..3t+2 belong to threshold t. A threshold with no flip
        # has nothing to narrow (its bracket is one point, and stays it whatever its levels): its candidates
        # are the driver's current value, the scenario as it is, one sample for all (drivers.py).
        asked = np.where(found[open_rows][..., None], points, currents[open_rows][:, None, None])
        values = level_values((yield [drivers[d] for d in open_rows], asked.reshape(open_rows.size, -1)), thresholds)
        at_points = np.stack([values[name][:, 3 * t:3 * t + 3] for t, name in enumerate(names)], axis=1)
        # Along lo, the three points, hi: the first point whose side differs from lo's ends the new bracket.
        # An undefined level counts as not met (roi >= NaN is False).
        xs = np.concatenate([lo[..., None], points, hi[..., None]], axis=-1)
        fs = np.concatenate([f_lo[..., None], at_points, f_hi[..., None]], axis=-1)
        sides = np.concatenate([good_left[open_rows][..., None], at_points >= 0, ~good_left[open_rows][..., None]], axis=-1)
        differs = sides != good_left[open_rows][..., None]
        differs[..., 0] = False
        end = np.argmax(differs, axis=-1)[..., None]
        kept_left, kept_right = end[..., 0] == 1, end[..., 0] == xs.shape[-1] - 1
        # Illinois: an end kept a second time in a row counts half, so the next estimate moves towards it.
        left[open_rows] = np.take_along_axis(xs, end - 1, axis=-1)[..., 0]
        right[open_rows] = np.take_along_axis(xs, end, axis=-1)[..., 0]
        at_left[open_rows] = np.take_along_axis(fs, end - 1, axis=-1)[..., 0] * np.where(
            kept_left & (kept_last[open_rows] == 1), 0.5, 1.0)
        at_right[open_rows] = np.take_along_axis(fs, end, axis=-1)[..., 0] * np.where(
            kept_right & (kept_last[open_rows] == -1), 0.5, 1.0)
        kept_last[open_rows] = np.where(kept_left, 1, np.where(kept_right, -1, 0))
        estimate[open_rows] = np.where(usable, centre, np.nan)
        new_width = right[open_rows] - left[open_rows]
        halved = new_width <= 0.5 * halved_at[open_rows]
        halved_at[open_rows] = np.where(halved, new_width, halved_at[open_rows])
        slow_steps[open_rows] = np.where(halved, 0, slow_steps[open_rows] + 1)
    answer = np.where(good_left, left, right)
    return {
        name: [(float(answer[d, t]) if found[d, t] else None, bool(good_left[d, t])) for d in range(len(drivers))]
        for t, name in enumerate(names)
    }
