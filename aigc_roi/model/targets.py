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

from aigc_roi.model.scenario import DEFAULT_TARGET_PAYBACK_MONTHS, Scenario, Targets

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
    judged_months: int | None = None
    """For a target on payback within months past the horizon (``max_payback_months``, and
    ``min_payback_probability`` over it): the horizon, the last month it was judged at (``PaybackWindow``); None
    otherwise."""

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


def check_targets(targets: Targets, figures: Figures, horizon: int | None = None) -> list[TargetOutcome]:
    """Every target on a horizon figure that is set, in declaration order; empty when none is set
    (milestones: model/milestones.py). With the ``horizon``, a payback target past it says so (``judged_months``)."""
    window = None if horizon is None else window_of(targets, horizon)
    outcomes = []
    for name, figure in TARGET_FIGURES.items():
        limit = getattr(targets, name)
        if limit is None:
            continue
        actual = figures.get(figure)
        passed = within(actual, limit, bound_of(name))
        judged = window.months if window is not None and window.past_horizon and name in PAYBACK_TARGETS else None
        outcomes.append(TargetOutcome(name, figure, actual, limit, passed, judged_months=judged))
    return outcomes


PAYBACK_TARGETS = frozenset({"max_payback_months", "min_payback_probability"})
"""Targets on payback within ``max_payback_months``: judged at the horizon where that lies past it."""


@dataclass(frozen=True)
class PaybackWindow:
    """The months within which a payback counts as on target: the target asked for, and the months a run sees.

    ``payback_month`` is none past the horizon, so "payback within 12 months" of a 6-month plan can only be
    judged at month 6: a payback in months 7-12 reads as none, a miss. The chance of payback counted there is
    the chance by month 6, a lower bound of the chance by month 12 (docs/formulas.md §12).
    """

    target: int
    """``targets.max_payback_months``, else ``DEFAULT_TARGET_PAYBACK_MONTHS`` (or a caller's own target)."""
    months: int
    """The months payback is counted within: the target, or the horizon where the target lies past it."""
    default: bool = False
    """Whether ``target`` is the default, the file setting none."""
    chance_target: bool = False
    """Whether the file sets ``min_payback_probability``: a chance of payback by ``target`` that it holds to."""

    @property
    def past_horizon(self) -> bool:
        return self.months < self.target


def payback_window(scenario: Scenario, target: int | None = None) -> PaybackWindow:
    """``scenario``'s payback window: ``target`` months, else its ``max_payback_months``, else the default 12."""
    return window_of(scenario.targets, int(scenario.horizon_months), target)


def window_of(targets: Targets, horizon: int, target: int | None = None) -> PaybackWindow:
    default = target is None and targets.max_payback_months is None
    chosen = int(target if target is not None else targets.max_payback_months or DEFAULT_TARGET_PAYBACK_MONTHS)
    return PaybackWindow(chosen, min(chosen, horizon), default, targets.min_payback_probability is not None)
