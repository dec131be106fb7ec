"""Each channel's maximum unit cost: the unit cost at which its own roi is 0.

Pure numpy over a leading sample axis. NaN means "none", as in the engine
that calls it. The paid figures are defined in docs/formulas.md §5 and §6;
what the paid channels earn is model/paid_contribution.py's.
"""

from __future__ import annotations

import numpy as np

from aigc_roi.model.scenario import FloatArray


def max_unit_cost(unit_cost: FloatArray, roi: FloatArray) -> FloatArray:
    """The unit cost at which a channel's own roi is 0: max(0, unit cost x (1 + roi)).

    Exact because a channel's attributed contribution is proportional to the
    users it buys, and those to 1 / unit cost (or its spend to the unit cost),
    with every gate's decision held: for a channel a gate tests, whatif/max_bid.py
    decides them at the unit cost. NaN where roi is NaN (no spend)."""
    with np.errstate(invalid="ignore"):
        return np.where(np.isnan(roi), np.nan, np.maximum(0.0, unit_cost * (1.0 + roi)))
