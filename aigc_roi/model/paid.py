"""What the paid channels earn: the returns credited to the users they buy, and each channel's maximum unit cost.

Pure numpy over a leading sample axis: series are ``(S, H)``, figures
``(S,)``. NaN means "none", as in the engine that calls these. The paid
versus blended figures built on them are defined in docs/formulas.md §5
and §6.
"""

from __future__ import annotations

import numpy as np

from aigc_roi.model.running import running_sum
from aigc_roi.model.scenario import FloatArray


def paid_totals(paid_users: FloatArray, per_user_by_age: FloatArray, virality: FloatArray) -> FloatArray:
    """Revenue or contribution attributed to the paid channels over the horizon.

    ``paid_users`` (S, H) users the channels buy per month; ``per_user_by_age``
    (S, ..., H) a value of one new user at each age (gross revenue, contribution;
    any leading axes after the sample axis are kept); ``virality`` (S,).

    A user bought in month s earns the cumulative per-user value through age
    H - s, plus k times what a user joining in s + 1 earns (its viral users,
    credited to its source; docs/formulas.md §6): credit(s) = worth(H - s) + k credit(s + 1).
    """
    return paid_totals_by_worth(paid_users, running_sum(per_user_by_age, axis=-1)[..., ::-1], virality)


def paid_totals_by_worth(paid_users: FloatArray, worth: FloatArray, virality: FloatArray) -> FloatArray:
    """``paid_totals`` from the worth of one user by join month, (S, ..., H): what a user joining
    in month s earns over the rest of the horizon (the form values by month need)."""
    credit = np.array(worth, dtype=np.float64)
    k = virality.reshape((-1,) + (1,) * (credit.ndim - 2))
    horizon = credit.shape[-1]
    for s in range(horizon - 2, -1, -1):
        credit[..., s] += k * credit[..., s + 1]
    users = paid_users.reshape(paid_users.shape[:1] + (1,) * (credit.ndim - 2) + paid_users.shape[1:])
    return (users * credit).sum(axis=-1)


def max_unit_cost(unit_cost: FloatArray, roi: FloatArray) -> FloatArray:
    """The unit cost at which a channel's own roi is 0: max(0, unit cost x (1 + roi)).

    Exact because a channel's attributed contribution is proportional to the
    users it buys, and those to 1 / unit cost (or its spend to the unit cost);
    NaN where roi is NaN (no spend)."""
    with np.errstate(invalid="ignore"):
        return np.where(np.isnan(roi), np.nan, np.maximum(0.0, unit_cost * (1.0 + roi)))
