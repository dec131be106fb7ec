"""The limits an allocation keeps on top of its objective (docs/allocate.md, constraints); whatif/allocate_staged.py
checks them."""

from __future__ import annotations

from dataclasses import dataclass

from aigc_roi.model.arguments import amount, share
from aigc_roi.whatif.allocate_result import AllocationArgumentError


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

    def checked(self) -> Limits:
        """These limits as `allocate --max-cash-need` and `--min-payback-probability` hold them: an amount >= 0 within
        the size of a number, a share in [0, 1]; AllocationError otherwise (a nan cap is no cap the search can
        keep, and a chance of -0.5 is no limit)."""
        cash = self.max_cash_need
        chance = self.min_payback_probability
        return Limits(None if cash is None else amount("max_cash_need", cash, AllocationArgumentError),
                      None if chance is None else share("min_payback_probability", chance, AllocationArgumentError))


PENALTY = 1e3
"""Objective units lost per unit of a limit's excess (money for the cash need, the share for a probability,
scaled by the money at stake): far above what any split gains, so a split that breaks a limit never beats one
that keeps it, while the search can still walk a broken start towards the limit."""
