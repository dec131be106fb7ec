"""A plan's sampled conversions by age scaled down to sum to 1 where a sample's draws sum past it (docs/formulas.md §9).

Each user subscribes at most once, so a plan's conversions by age sum to at most 1. The reader holds the medians to
it; each age's share is drawn on its own, so a sample may still sum past 1 (``{0: 30%..90%, 1: 20%..40%}`` does in
about one sample in six). The engine scales every such schedule down (model/revenue.py ``conversion_by_age``);
``scaled_schedules`` does the same as the draws are realized, so that what reports a sample's inputs (``simulate
--samples-out``, the variance shares) reads the shares the sample used, and the samples scaled are counted and
announced as clipped draws are (model/sampling.py ``ClipTally``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from aigc_roi.model.paths import plan_path
from aigc_roi.model.scenario import Distribution, Scenario


@dataclass(frozen=True)
class ScaledSchedule:
    """How many samples of one plan's conversions by age summed past 1 and were scaled down to sum to 1."""

    path: str
    """``monetization.plans[i].conversion``."""
    scaled: int
    samples: int


def scaled_schedules(realized: Scenario) -> tuple[Scenario, tuple[ScaledSchedule, ...]]:
    """``realized`` (a sampled realization) with every plan's conversions by age divided by their sum in the samples
    where it passes 1, and the count for every schedule with a drawn share (whether or not any sample passed)."""
    plans = list(realized.monetization.plans)
    counts = []
    for position, plan in enumerate(plans):
        if not isinstance(plan.conversion, tuple):
            continue
        shares = [share for _, share in plan.conversion]
        if any(isinstance(share, Distribution) for share in shares):
            raise TypeError("a Distribution is still present; call sampling.realize() first")
        # Which schedules are counted depends on what is drawn, never on the draws: the slices of a stream count alike.
        if not any(isinstance(share, np.ndarray) for share in shares):
            continue
        total = np.sum(np.broadcast_arrays(*(np.asarray(share, dtype=np.float64) for share in shares)), axis=0)
        above = total > 1.0
        counts.append(ScaledSchedule(f"{plan_path(position)}.conversion", int(np.count_nonzero(above)), above.size))
        if counts[-1].scaled:
            divisor = np.where(above, total, 1.0)
            plans[position] = dataclasses.replace(plan, conversion=tuple((age, share / divisor) for age, share in plan.conversion))
    if not any(count.scaled for count in counts):
        return realized, tuple(counts)
    return dataclasses.replace(realized, monetization=dataclasses.replace(realized.monetization, plans=tuple(plans))), tuple(counts)
