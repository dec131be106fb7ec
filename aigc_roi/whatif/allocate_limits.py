"""The limits an allocation keeps on top of its objective (docs/allocate.md, constraints), and their check."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from aigc_roi.model.engine import evaluate
from aigc_roi.model.scenario import FloatArray, Scenario
from aigc_roi.whatif.allocate_result import ConstraintCheck
from aigc_roi.whatif.allocate_splits import at_splits


@dataclass(frozen=True)
class Limits:
    """Constraints on top of the objective (docs/allocate.md, constraints)."""

    max_cash_need: float | None = None
    """The most peak_cash_need at the median values may be; money."""
    min_payback_probability: float | None = None
    """The least share of draws that pay back within the target month."""

    @property
    def chance(self) -> bool:
        return self.min_payback_probability is not None


PENALTY = 1e3
"""Objective units lost per unit of a limit's excess (money for the cash need, the share for a probability,
scaled by the money at stake): far above what any split gains, so a split that breaks a limit never beats one
that keeps it, while the search can still walk a broken start towards the limit."""


def constraint_checks(median: Scenario, drawn: Scenario | None, indices: list[int], split: FloatArray, limits: Limits,
                       target: int) -> dict[str, ConstraintCheck]:
    """Each limit at ``split`` by a direct engine run: the cash need at the median values, the payback share over the draws."""
    checks: dict[str, ConstraintCheck] = {}
    if limits.max_cash_need is not None:
        need = float(np.asarray(evaluate(at_splits(median, indices, split[None])).figures["peak_cash_need"]).reshape(-1)[0])
        # The search compares exact values; a limit kept to rounding counts as kept.
        checks["max_cash_need"] = ConstraintCheck(limits.max_cash_need, need,
                                                  need <= limits.max_cash_need * (1 + 1e-9) + 1e-6)
    if drawn is not None and limits.min_payback_probability is not None:
        payback = np.asarray(evaluate(at_splits(drawn, indices, split[None])).figures["payback_month"]).reshape(-1)
        share = float(np.where(np.isnan(payback), False, payback <= target).mean())
        checks["min_payback_probability"] = ConstraintCheck(limits.min_payback_probability, share,
                                                            share >= limits.min_payback_probability)
    return checks

