"""The budget curve of an allocation: the best objective at multiples of the budget, as the engine runs each split."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np

from aigc_roi.model.scenario import FloatArray
from aigc_roi.whatif.allocate_gates import Choice
from aigc_roi.whatif.allocate_result import CurvePoint
from aigc_roi.whatif.allocate_search import Space, maximise
from aigc_roi.whatif.allocate_surrogate import Surrogate

CURVE_MULTIPLES: tuple[float, ...] = (0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0)
"""Budgets of the budget curve, as multiples of B; 0 answers "would spending nothing be better"."""
CURVE_FINEST_STEP = 1e-3
"""The same for the points of the budget curve: a split within 0.1% of B of its optimum loses
only a second-order share of the value, invisible on a chart."""


def budget_curve(surrogate: Surrogate, space: Space, best: Choice, targets: FloatArray, names: list[str],
                 phase_of: np.ndarray, phase_count: int, per_channel: Callable[[FloatArray], dict[str, float]],
                 multiples: Sequence[float], choose: Callable[[list[FloatArray], list[FloatArray]], list[Choice]],
                 progress: Callable[[float], None] | None = None) -> tuple[CurvePoint, ...]:
    """The curve's points: at each multiple of ``targets`` the split searched (warm-started from the best split
    scaled), then ``choose``'s pick among it and the alternatives the gates call for, valued as the engine runs it
    with the gates (whatif/allocate_gates.py); ``best`` at 1. ``per_channel``: a split's monthly budget of each
    channel over the months it runs, as the allocation's ``best_split`` gives it."""
    def feasible(multiple: float) -> bool:
        scaled = multiple * targets
        lowest = np.bincount(space.groups, weights=space.weights * space.lower, minlength=space.count)
        highest = np.bincount(space.groups, weights=space.weights * space.upper, minlength=space.count)
        return bool(np.all(lowest <= scaled) and np.all(scaled <= highest))

    searched_multiples = [multiple for multiple in multiples if multiple not in (0.0, 1.0) and feasible(multiple)]
    # Warm-started from the best split scaled, so a finer first step and a coarser end suffice for a chart.
    found = maximise(surrogate, space, [multiple * targets for multiple in searched_multiples], best.split, 1 / 16,
                     CURVE_FINEST_STEP, progress)
    if 0.0 in multiples and feasible(0.0):
        searched_multiples.append(0.0)
        found.append(np.zeros_like(best.split))
    searched = dict(zip(searched_multiples, choose(found, [multiple * targets for multiple in searched_multiples]), strict=True))
    points = []
    for multiple in multiples:
        budget = float(multiple * targets[0])
        choice = best if multiple == 1.0 else searched.get(multiple)
        if choice is None:
            points.append(CurvePoint(budget=budget, value=math.nan, split={}, limit_met=False))
            continue
        split = choice.split
        by_phase = tuple({names[j]: float(split[j]) for j in np.flatnonzero(phase_of == k)} for k in range(phase_count))
        points.append(CurvePoint(budget=budget, value=choice.judged.value, split=per_channel(split), phases=by_phase,
                                 limit_met=choice.judged.met, held_months=choice.held_months if choice.basis == "held" else (),
                                 # Spending nothing stops nothing: a test without spend fails, and there is no one to stop.
                                 failed_gates=choice.failed_gates if multiple > 0 else ()))
    return tuple(points)

