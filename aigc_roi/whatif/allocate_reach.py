"""``--reach KEY@MONTH=VALUE``: the least monthly budget whose best split reaches a milestone (docs/allocate.md, reach).

A milestone of docs/formulas.md §19 (subscribers, gross revenue, new or active users in a month, or the
cumulative cash at its end) is read at the median values. At a budget B the split that reaches furthest
is the one that maximises the milestone's value (the search of whatif/allocate_search.py, scoring the
milestone instead of the objective); the least B whose furthest split reaches it is found by doubling or
halving from the current budget, then bisection to ``REACH_TOLERANCE`` x B. More budget buys more users in
every channel, so users, subscribers and revenue rise with B and the bisection is exact to its tolerance;
cumulative cash may fall as spend rises, and for it the answer is the least budget of the first bracket
found (documented there).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from aigc_roi.model.engine import evaluate
from aigc_roi.model.limits import MAX_MAGNITUDE
from aigc_roi.model.scenario import FloatArray, Milestone, Scenario
from aigc_roi.whatif.allocate_result import AllocationError, ConstraintCheck
from aigc_roi.whatif.allocate_search import Space, maximise
from aigc_roi.whatif.allocate_splits import at_splits
from aigc_roi.whatif.allocate_surrogate import Surrogate
from aigc_roi.whatif.errors import amount_text

REACH_TOLERANCE = 1e-4
"""The least budget is found to within this share of itself."""
REACH_FINEST_STEP = 1e-6
"""The furthest split at a budget is found to within this share of it."""
MOST_DOUBLINGS = 60
"""Halvings below the current budget at most: past 2^-60 of it the bracket's lower end is the least budget allowed."""


def least_budget(surrogate: Surrogate, space: Space, start: FloatArray, milestone: Milestone,
                 progress: Callable[[float], None] | None = None) -> tuple[float, FloatArray, float]:
    """The least monthly budget B whose furthest split reaches ``milestone``, that split, and the
    milestone's value there. Raises ``AllocationError`` when no budget the bounds allow reaches it."""
    lowest = float(np.bincount(space.groups, weights=space.weights * space.lower, minlength=space.count).max())
    # A budget past the number limits is one no option or file could be given (docs/limits.md).
    highest = min(MAX_MAGNITUDE,
                  float(np.bincount(space.groups, weights=space.weights * space.upper, minlength=space.count).min()))
    if lowest > highest:
        raise AllocationError("the minimums of one phase add up to more than the maximums of another: no budget fits every phase")
    current = float(space.totals(start).max())
    scale = current if current > 0 else max(lowest, 1.0)

    def furthest(budget: float) -> tuple[float, FloatArray]:
        split = maximise(surrogate, space, [np.full(space.count, budget)], start, 0.25, REACH_FINEST_STEP)[0]
        return float(surrogate.values(split[None])[0]), split

    def reached(value: float) -> bool:
        return value >= milestone.value - 1e-9 * abs(milestone.value)

    budget = min(max(scale, lowest), highest)
    value, split = furthest(budget)
    if reached(value):
        # Reached already: the least budget the bounds allow may reach it too (a milestone on cumulative cash
        # that spending less only raises, or a count of 0). Otherwise it is the bracket's lower end, and halving
        # from the current budget narrows the bracket toward it.
        above = (budget, value, split)
        if budget <= lowest:
            return budget, split, value
        least_value, least_split = furthest(lowest)
        if reached(least_value):
            return lowest, least_split, least_value
        below = (lowest, least_value, least_split)
        while budget / 2.0 > lowest and budget > scale * 2.0 ** -MOST_DOUBLINGS:
            budget /= 2.0
            value, split = furthest(budget)
            if not reached(value):
                below = (budget, value, split)
                break
            above = (budget, value, split)
    else:
        below = (budget, value, split)
        while True:
            if budget >= highest:
                raise AllocationError(f"no budget reaches {milestone.key}@{milestone.month} = "
                                      f"{amount_text(milestone.value)}: the furthest split reaches {amount_text(value)} at "
                                      f"B = {amount_text(budget)}")
            # Within log2(1e15) doublings of any start of at least 1: the loop ends at ``highest``.
            budget = min(budget * 2.0, highest)
            value, split = furthest(budget)
            if reached(value):
                above = (budget, value, split)
                break
            below = (budget, value, split)
    low, high = below[0], above[0]
    steps = max(1, math.ceil(math.log2(max((high - low) / (REACH_TOLERANCE * high), 1.0))))
    for step in range(steps):
        middle = (low + high) / 2
        value, split = furthest(middle)
        if reached(value):
            high, above = middle, (middle, value, split)
        else:
            low = middle
        if progress is not None:
            progress((step + 1) / steps)
    return above[0], above[2], above[1]


def reach_check(median: Scenario, movable: list[int], split: FloatArray, milestone: Milestone) -> ConstraintCheck:
    """The milestone at ``split`` by a direct engine run of the median scenario (docs/formulas.md §19)."""
    series = evaluate(at_splits(median, movable, split[None])).months[milestone.key]
    value = float(np.asarray(series).reshape(-1, median.horizon_months)[0, milestone.month - 1])
    # The search compares exact values; a milestone reached to rounding counts as reached.
    return ConstraintCheck(milestone.value, value, value >= milestone.value - 1e-9 * abs(milestone.value))
