"""``--reach KEY@MONTH=VALUE``: the least monthly budget whose best split reaches a milestone (docs/allocate.md, reach).

A milestone of docs/formulas.md §19 (subscribers, gross revenue, new or active users in a month, or the
cumulative cash at its end) is read at the median values. At a budget B the split that reaches furthest
is the one that maximises the milestone's value (the search of whatif/allocate_search.py, scoring the
milestone instead of the objective). The least budget the bounds allow is tried first: a milestone it reaches
needs no more. More budget buys more users in every channel, so users, subscribers and revenue rise with B:
their least B is bracketed by doubling or halving from the current budget, then bisected to
``REACH_TOLERANCE`` x B. Cumulative cash falls as spend outgrows what the users bring by then, and may rise
first, so for it every budget of a halving and doubling grid around the current one is searched (in
lockstep) and the least grid budget reaching it is bisected against the one below.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import NoReturn

import numpy as np

from aigc_roi.model.arguments import amount, one_of, refuse_type, whole_number
from aigc_roi.model.engine import evaluate
from aigc_roi.model.limits import MAX_MAGNITUDE
from aigc_roi.model.scenario import MILESTONE_KEYS, FloatArray, Milestone, Scenario
from aigc_roi.whatif.allocate_result import AllocationArgumentError, AllocationError, ConstraintCheck
from aigc_roi.whatif.allocate_search import Space, maximise
from aigc_roi.whatif.allocate_splits import at_splits
from aigc_roi.whatif.allocate_surrogate import Surrogate
from aigc_roi.whatif.errors import amount_text, amount_texts

REACH_TOLERANCE = 1e-4
"""The least budget is found to within this share of itself."""
REACH_FINEST_STEP = 1e-6
"""The furthest split at a budget is found to within this share of it."""
FALLS_WITH_SPEND = frozenset({"cumulative_cash"})
"""Milestones more budget can lower (spend counts against cash); the others only rise with the users bought."""
MOST_DOUBLINGS = 60
"""Halvings below the current budget at most: past 2^-60 of it the bracket's lower end is the least budget allowed."""


def checked_reach(reach: object, horizon_months: int) -> Milestone:
    """``reach`` held to the rules a file's milestone is read by (reader/load.py, reader/fields.py) and `--reach` is:
    a key of ``MILESTONE_KEYS``, a month within the horizon, a value of the size of a number, >= 0 but for cumulative
    cash (a loss no deeper than it); an AllocationError naming the field (``reach.month``) otherwise, where a key no
    series has was a KeyError, a month of 6.5 a TypeError, and a value of nan was searched for up to 1e15."""
    if not isinstance(reach, Milestone):
        refuse_type("reach", "a Milestone(month, key, value) or None", reach, AllocationArgumentError)
    key = one_of("reach.key", reach.key, MILESTONE_KEYS, AllocationArgumentError)
    month = whole_number("reach.month", reach.month, 1, horizon_months, AllocationArgumentError,
                         f"a month within 1..{horizon_months}")
    return Milestone(month, key, amount("reach.value", reach.value, AllocationArgumentError, signed=key == "cumulative_cash"))


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

    def furthest(budgets: list[float]) -> list[tuple[float, float, FloatArray]]:
        """(budget, the milestone's value, the split) reaching furthest at each budget, searched in lockstep."""
        splits = maximise(surrogate, space, [np.full(space.count, budget) for budget in budgets], start, 0.25, REACH_FINEST_STEP)
        values = surrogate.values(np.array(splits))
        return [(budget, float(value), split) for budget, value, split in zip(budgets, values, splits, strict=True)]

    def reached(value: float) -> bool:
        return value >= milestone.value - 1e-9 * abs(milestone.value)

    # The least budget the bounds allow first: a count of 0, or cumulative cash that spending only lowers, is
    # reached there and nowhere it is searched from above.
    least = furthest([lowest])[0]
    if reached(least[1]):
        return lowest, least[2], least[1]
    tried = [least]
    if milestone.key in FALLS_WITH_SPEND:
        # Cash may rise, then fall as spend outgrows what the users bring: the budgets reaching it can lie below the
        # current one and above it alike, so every budget of the halving and doubling grid is searched.
        above_least = [scale * 2.0 ** k for k in range(-MOST_DOUBLINGS, math.ceil(math.log2(highest / scale)) + 1)]
        grid = furthest([budget for budget in above_least if lowest < budget < highest] + [highest])
        tried += grid
        first = next((n for n, (_, value, _) in enumerate(grid) if reached(value)), None)
        if first is None:
            _unreached(milestone, tried)
        below, above = ([least] + grid)[first], grid[first]
    else:
        # Users, subscribers and revenue rise with the budget: one bracket, by halving or doubling from the current one.
        budget = min(max(scale, lowest), highest)
        above = below = least
        found = furthest([budget])[0]
        tried.append(found)
        if reached(found[1]):
            above = found
            while budget / 2.0 > lowest and budget > scale * 2.0 ** -MOST_DOUBLINGS:
                budget /= 2.0
                found = furthest([budget])[0]
                if not reached(found[1]):
                    below = found
                    break
                above = found
        else:
            below = found
            while True:
                if budget >= highest:
                    _unreached(milestone, tried)
                # Within log2(1e15) doublings of any start of at least 1: the loop ends at ``highest``.
                budget = min(budget * 2.0, highest)
                found = furthest([budget])[0]
                tried.append(found)
                if reached(found[1]):
                    above = found
                    break
                below = found
    low, high = below[0], above[0]
    steps = max(1, math.ceil(math.log2(max((high - low) / (REACH_TOLERANCE * high), 1.0))))
    for step in range(steps):
        middle = (low + high) / 2
        _, value, split = furthest([middle])[0]
        if reached(value):
            high, above = middle, (middle, value, split)
        else:
            low = middle
        if progress is not None:
            progress((step + 1) / steps)
    return above[0], above[2], above[1]


def _unreached(milestone: Milestone, tried: list[tuple[float, float, FloatArray]]) -> NoReturn:
    """No budget reaches it: one line with the furthest any budget tried went (the best, not the last)."""
    budget, value, _ = max(tried, key=lambda found: (found[1], -found[0]))
    wanted, reached = amount_texts(milestone.value, value)
    raise AllocationError(f"no budget reaches {milestone.key}@{milestone.month} = {wanted}: the furthest "
                          f"split reaches {reached} at B = {amount_text(budget)}")


def gates_reach_blocks(milestone: Milestone, budget: float, failing: list[str]) -> None:
    """The least budget was searched as if every gate passed (docs/allocate.md, gates): where the gates, decided at its
    split, leave the milestone unreached because a gate fails there (``failing``), no budget is answered, as where
    none reaches it."""
    if failing:
        # "No budget reaches" was read as a fact: a split that holds the test months as --budget does may reach it.
        # Every gate failing there is named, the sentence agreeing with how many.
        gates = ("the gate {} fails" if len(failing) == 1 else "the gates {} fail").format(
            ", ".join(repr(name) for name in failing))
        raise AllocationError(f"the search found no budget reaching {milestone.key}@{milestone.month} = "
                              f"{amount_text(milestone.value)} with the gates: planned as if every gate passed, "
                              f"B = {amount_text(budget)} would, but there {gates} "
                              "(a split holding the test months, as --budget's, is not searched)")


def reach_check(median: Scenario, movable: list[int], split: FloatArray, milestone: Milestone,
                today: FloatArray | None = None) -> ConstraintCheck:
    """The milestone at ``split`` by a direct engine run of the median scenario (docs/formulas.md §19), a channel at
    today's budget (``today``) as the file writes it (``at_splits``)."""
    series = evaluate(at_splits(median, movable, split[None], today)).months[milestone.key]
    value = float(np.asarray(series).reshape(-1, median.horizon_months)[0, milestone.month - 1])
    # The search compares exact values; a milestone reached to rounding counts as reached.
    return ConstraintCheck(milestone.value, value, value >= milestone.value - 1e-9 * abs(milestone.value))
