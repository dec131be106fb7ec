"""``--target-roas``: each channel filled until its marginal ROAS falls to a target."""

from __future__ import annotations

import numpy as np

from aigc_roi.model.engine import evaluate
from aigc_roi.model.scenario import FloatArray
from aigc_roi.whatif.allocate_phases import Expansion
from aigc_roi.whatif.allocate_result import AllocationError
from aigc_roi.whatif.allocate_rows import MARGINAL_STEP
from aigc_roi.whatif.allocate_splits import at_splits


def target_roas_split(layout: Expansion, lower: FloatArray, upper: FloatArray, current: FloatArray, target_roas: float,
                       names_of: list[str]) -> FloatArray:
    """Per (phase, channel), the monthly budget at which the channel's marginal ROAS there falls to ``target_roas``
    (bisection, all at once), within its bounds: 0 when its first yuan already returns less.

    A channel's attributed revenue depends on its own users only (docs/formulas.md §6),
    so one engine run at every channel's budget and one a step above give each channel's marginal ROAS.
    """
    indices = list(layout.indices)

    def marginal_roas(budgets: FloatArray) -> FloatArray:
        step = np.maximum(MARGINAL_STEP * budgets, 1e-3)
        result = evaluate(at_splits(layout.scenario, indices, np.array([budgets, budgets + step])))
        gross = result.channel_gross_revenue[:, indices]
        spend = result.channel_spend[:, indices]
        extra = spend[1] - spend[0]
        return np.where(extra > 0, (gross[1] - gross[0]) / np.where(extra > 0, extra, 1.0), 0.0)

    low = np.zeros_like(current)
    high = np.maximum(current, 1.0)
    for _ in range(60):
        still_above = marginal_roas(np.minimum(high, upper)) >= target_roas
        if not np.any(still_above & (high < upper)):
            break
        high = np.where(still_above & (high < upper), high * 2.0, high)
    else:
        unbounded = sorted({names_of[j] for j in np.flatnonzero(marginal_roas(high) >= target_roas)})
        raise AllocationError(f"the marginal ROAS of {', '.join(unbounded)} never falls to {target_roas:g} "
                              "(no diminishing returns): give it a --max")
    high = np.minimum(high, upper)
    for _ in range(80):
        middle = (low + high) / 2
        above = marginal_roas(middle) >= target_roas
        low, high = np.where(above, middle, low), np.where(above, high, middle)
    return np.clip(low, lower, upper)
