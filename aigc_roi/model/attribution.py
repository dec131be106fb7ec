"""What one user a source buys earns it, through the viral chain (docs/formulas.md §6)."""

from __future__ import annotations

import numpy as np

from aigc_roi.model.acquisition import _viral_chain
from aigc_roi.model.scenario import FloatArray


def _credit_by_join(gross_worth: FloatArray, contribution_worth: FloatArray, virality: FloatArray) -> FloatArray:
    """``(H, 2, S)`` gross and contribution earned per user a source buys in month s (by join month).

    A user joining in month s is worth ``worth(s)`` over the rest of the
    horizon. Its viral users (k x as many, one month later) are worth what a
    user of s + 1 earns, and so on: credit(s) = worth(s) + k credit(s+1) is
    what one user bought in month s earns for its source. Indexed by j = H-s
    this is the forward chain; it is the adjoint of the chain that builds N,
    so the sources sum to the totals.
    """
    per_user = np.stack([gross_worth, contribution_worth], axis=1)
    return _viral_chain(per_user[::-1], virality)[::-1]


def _credited(activity: FloatArray, credit: FloatArray) -> FloatArray:
    """``(C', 2, S)`` sum over months of ``activity`` ``(S, C', H)`` (or ``(1, C', H)``, the same in every
    sample) times ``credit`` ``(H, 2, S)``: what one user of each source's monthly purchase earns it."""
    horizon, _, samples = credit.shape
    if activity.shape[0] == 1:
        return (activity[0] @ credit.reshape(horizon, 2 * samples)).reshape(-1, 2, samples)
    return np.einsum("sct,tks->cks", activity, credit)
