"""A scenario's `targets` held against its figures: pure, no engine, no output.

A target on a figure that is none (payback never reached, a ratio over a
zero denominator) is missed: a guardrail that cannot be shown to hold does
not hold.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from aigc_roi.model.scenario import Targets

PAYBACK_PROBABILITY = "payback_probability"
"""Not an engine figure: the simulated share of samples paying back within the payback target,
which `check` adds to the figures only when ``min_payback_probability`` is set."""

Figures = Mapping[str, float | int | None]
Bound = Literal["max", "min"]

TARGET_FIGURES: dict[str, str] = {
    "max_payback_months": "payback_month",
    "min_roi": "roi",
    "min_ltv_to_cac": "ltv_to_cac",
    "min_roas": "roas",
    "max_cac": "cac",
    "min_npv": "npv",
    "min_payback_probability": PAYBACK_PROBABILITY,
    "max_cash_need": "peak_cash_need",
}
"""Each target key and the section-4 figure it bounds."""

# Figures are float64 sums; a scenario tuned to sit exactly on its limit
# (e.g. at the break-even bid `breakeven` prints) must not fail on the last bit.
_REL_TOL = 1e-9
_ABS_TOL = 1e-9


@dataclass(frozen=True)
class TargetOutcome:
    """One target checked against one figure."""

    name: str
    """The target key, e.g. ``min_roi``."""
    figure: str
    """The figure it bounds, e.g. ``roi``."""
    actual: float | int | None
    """The figure's value; None when undefined (which misses the target)."""
    limit: float | int
    """The target's value, in the figure's unit."""
    passed: bool
    month: int | None = None
    """The month a milestone bounds; None for a target over the horizon."""
    field_path: str = ""
    """Where the target is written, e.g. ``targets.milestones[0]``; empty: ``targets.<name>``."""
    applicable: bool = True
    """False for a target on the change (model/change_targets.py) with nothing to compare with: shown as not
    applicable, and neither met nor missed (``passed`` is True so it fails nothing, ``actual`` is None)."""
    currency_change: tuple[str, str] | None = None
    """Why a money target on the change is not applicable though there is a base: the file's currency there and
    now, which differ (an amount in one is not comparable with an amount in the other)."""

    @property
    def bound(self) -> Bound:
        return bound_of(self.name)


def bound_of(target: str) -> Bound:
    """``max`` for an upper limit (``max_cac``), ``min`` for a lower one."""
    return "max" if target.startswith("max_") else "min"


def within(actual: float | int | None, limit: float | int, bound: Bound) -> bool:
    if actual is None:
        return False
    if math.isclose(actual, limit, rel_tol=_REL_TOL, abs_tol=_ABS_TOL):
        return True
    return actual <= limit if bound == "max" else actual >= limit


def check_targets(targets: Targets, figures: Figures) -> list[TargetOutcome]:
    """Every target on a horizon figure that is set, in declaration order; empty when none is set
    (milestones: model/milestones.py)."""
    outcomes = []
    for name, figure in TARGET_FIGURES.items():
        limit = getattr(targets, name)
        if limit is None:
            continue
        actual = figures.get(figure)
        passed = within(actual, limit, bound_of(name))
        outcomes.append(TargetOutcome(name, figure, actual, limit, passed))
    return outcomes
