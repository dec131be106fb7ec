"""Where a gate flips between two points of a break-even search's grid (docs/formulas.md §10).

A plan with gates buys its ``then`` channels only where each gate's test meets its thresholds, so its figures
jump where a driver moves a test across one. Two neighbouring grid points either side of such a jump can both
meet a threshold that is missed just before the jump: a bid that still passes the creators' test but no longer
pays for the feed ads the test unlocks. So wherever the gates passed differ between two neighbours, the grid
gets the two values either side of the first flip from the left, a converged width apart, with their levels;
and again between the right one and the neighbour, until the gates passed match. Each step places
``SPLIT_POINTS`` evenly between the ends of every open pair (all drivers' pairs in one engine call), so a pair
closes 8x a step: about 10 steps from a grid's 1.35x apart to 1e-9. The gates passed at every value come back
with the grid: a break-even between two values whose gates differ is a jump, not a crossing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from aigc_roi.model.scenario import FloatArray
from aigc_roi.whatif.drivers import GATES_PASSED, Driver
from aigc_roi.whatif.lockstep import Answer, Steps

Split = tuple[FloatArray, "dict[str, FloatArray]", "FloatArray | None"]
"""A grid (D, K), its levels by name (D, K) and the gates passed at each of its values (D, K, G); None without gates."""
Added = tuple[float, "dict[str, float]", FloatArray]
"""A value added beside a flip, its levels and the gates it passes."""
SPLIT_POINTS = 7
"""Values a step places inside a pair (``points_inside``): a pair closes 8x a step. Also the max bid's search's."""
MAX_FLIP_STEPS = 200
"""A bound no search reaches (a pair closes 8x a step; each gate flips a pair's passes at most once per side)."""


def split_at_gate_flips(drivers: Sequence[Driver], grid: FloatArray, answer: Answer,
                        read_levels: Callable[[Answer], dict[str, FloatArray]],
                        converged: Callable[[FloatArray], FloatArray]) -> Steps[Split]:
    """``grid`` (D, K) and the levels ``read_levels`` reads off its ``answer``, with the values either side of
    every flip of the gates between neighbours (module docstring) added in order; a row shorter than the longest
    repeats its last value, levels and gates (a pair of equal points flips nothing). ``converged``: how narrow a
    pair around given values must be."""
    levels = read_levels(answer)
    passed = answer[1].get(GATES_PASSED)
    if passed is None or passed.shape[-1] == 0:
        return grid, levels, None
    driver_of, left = np.nonzero(np.any(passed[:, :-1] != passed[:, 1:], axis=-1))
    if driver_of.size == 0:
        return grid, levels, passed
    names = list(levels)
    lo, hi = grid[driver_of, left], grid[driver_of, left + 1]
    end, passed_end = hi.copy(), passed[driver_of, left + 1]
    passed_lo, passed_hi = passed[driver_of, left], passed_end.copy()
    at_lo = {name: levels[name][driver_of, left] for name in names}
    at_hi = {name: levels[name][driver_of, left + 1] for name in names}
    at_end = {name: values.copy() for name, values in at_hi.items()}
    added: list[list[Added]] = [[] for _ in drivers]
    steps = 0
    while driver_of.size:
        closed = hi - lo <= converged(np.maximum(np.abs(lo), np.abs(hi)))
        for k in np.flatnonzero(closed):
            added[driver_of[k]] += [(float(lo[k]), {name: float(at_lo[name][k]) for name in names}, passed_lo[k]),
                                    (float(hi[k]), {name: float(at_hi[name][k]) for name in names}, passed_hi[k])]
        # A closed pair whose right value's gates still differ from its neighbour's holds another flip after it.
        again = closed & np.any(passed_hi != passed_end, axis=-1)
        lo, passed_lo = np.where(again, hi, lo), np.where(again[:, None], passed_hi, passed_lo)
        hi, passed_hi = np.where(again, end, hi), np.where(again[:, None], passed_end, passed_hi)
        for name in names:
            at_lo[name], at_hi[name] = np.where(again, at_hi[name], at_lo[name]), np.where(again, at_end[name], at_hi[name])
        keep = ~closed | again
        if not keep.any():
            break
        steps += 1
        if steps > MAX_FLIP_STEPS:
            raise RuntimeError("gate flips not located: a pair did not narrow")
        driver_of, lo, hi, end = driver_of[keep], lo[keep], hi[keep], end[keep]
        passed_lo, passed_hi, passed_end = passed_lo[keep], passed_hi[keep], passed_end[keep]
        for values in (at_lo, at_hi, at_end):
            for name in names:
                values[name] = values[name][keep]
        points = points_inside(lo, hi)
        asked = yield [drivers[d] for d in driver_of], points
        found, passes = read_levels(asked), asked[1][GATES_PASSED]
        differs = np.any(passes != passed_lo[:, None, :], axis=-1)
        first = np.where(differs.any(axis=1), differs.argmax(axis=1), SPLIT_POINTS)
        rows = np.arange(driver_of.size)
        # The last point that passes as ``lo`` does, and the first that does not (``hi`` where none of them).
        before, moved = np.maximum(first - 1, 0), first > 0
        lo = np.where(moved, points[rows, before], lo)
        for name in names:
            at_lo[name] = np.where(moved, found[name][rows, before], at_lo[name])
        flipped = first < SPLIT_POINTS
        at = np.minimum(first, SPLIT_POINTS - 1)
        hi = np.where(flipped, points[rows, at], hi)
        passed_hi = np.where(flipped[:, None], passes[rows, at], passed_hi)
        for name in names:
            at_hi[name] = np.where(flipped, found[name][rows, at], at_hi[name])
    return _merged(grid, levels, passed, added)


def points_inside(low: FloatArray, high: FloatArray) -> FloatArray:
    """``(..., SPLIT_POINTS)`` values evenly spaced strictly inside each pair ``(low, high)``."""
    return low[..., None] + (high - low)[..., None] * np.arange(1, SPLIT_POINTS + 1) / (SPLIT_POINTS + 1)


def _merged(grid: FloatArray, levels: dict[str, FloatArray], passed: FloatArray, added: list[list[Added]]) -> Split:
    """Each row of ``grid`` with its ``added`` values, in order, padded to the longest with its last value."""
    width = grid.shape[1] + max(len(row) for row in added)
    merged = np.empty((grid.shape[0], width))
    merged_levels = {name: np.empty((grid.shape[0], width)) for name in levels}
    merged_passed = np.empty((grid.shape[0], width, passed.shape[-1]))
    for d, extra in enumerate(added):
        values = np.concatenate([grid[d], [value for value, _, _ in extra]])
        order = np.argsort(values, kind="stable")
        count = values.size
        merged[d, :count], merged[d, count:] = values[order], values[order][-1]
        for name, level in levels.items():
            row = np.concatenate([level[d], [at[name] for _, at, _ in extra]])[order]
            merged_levels[name][d, :count], merged_levels[name][d, count:] = row, row[-1]
        gates = np.concatenate([passed[d], np.reshape([gates for _, _, gates in extra], (-1, passed.shape[-1]))])[order]
        merged_passed[d, :count], merged_passed[d, count:] = gates, gates[-1]
    return merged, merged_levels, merged_passed
