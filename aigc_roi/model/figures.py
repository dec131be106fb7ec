"""What a figure is: its name, unit and better direction, and the NaN -> none rule.

Every layer above asks this module instead of keeping its own lists: the
engine fills ``FIGURE_NAMES`` in order, the presentation formats by
``unit``, ``compare`` marks the best by ``better``, ``check`` bounds them.
Definitions: spec section 4 and docs/formulas.md.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

Unit = Literal["money", "users", "ratio", "percent", "month"]
"""money: the scenario's currency; users: people (expectations, may be fractional);
ratio: a plain multiple (ROAS 1.10); percent: a share shown x100 (ROI, IRR);
month: a whole month number of the horizon, or a count of months."""
Better = Literal["higher", "lower", "neither"]
"""peak_cash_month is "neither": an early or late low point is not better in itself."""


@dataclass(frozen=True)
class Figure:
    name: str
    unit: Unit
    better: Better
    """Which way a figure improves; "neither" for a choice (ad spend), not an outcome."""


FIGURES: tuple[Figure, ...] = (
    Figure("ad_spend", "money", "neither"),
    Figure("paid_users", "users", "higher"),
    Figure("new_users", "users", "higher"),
    Figure("cac", "money", "lower"),
    Figure("blended_cac", "money", "lower"),
    Figure("gross_revenue", "money", "higher"),
    Figure("net_revenue", "money", "higher"),
    Figure("contribution", "money", "higher"),
    Figure("net_cash", "money", "higher"),
    Figure("roas", "ratio", "higher"),
    Figure("roi", "percent", "higher"),
    Figure("blended_roas", "ratio", "higher"),
    Figure("payback_month", "month", "lower"),
    Figure("first_payback_month", "month", "lower"),
    Figure("peak_cash_need", "money", "lower"),
    Figure("peak_cash_month", "month", "neither"),
    Figure("npv", "money", "higher"),
    Figure("irr", "percent", "higher"),
    Figure("ltv", "money", "higher"),
    Figure("ltv_to_cac", "ratio", "higher"),
    Figure("cac_payback_months", "month", "lower"),
)
"""The figures of spec section 4, in the order every output lists them."""

FIGURE_NAMES: tuple[str, ...] = tuple(figure.name for figure in FIGURES)
BY_NAME: dict[str, Figure] = {figure.name: figure for figure in FIGURES}
DERIVED_FIGURES: tuple[Figure, ...] = (
    Figure("payback_probability", "percent", "higher"),
    Figure("subscribers", "users", "higher"),
    Figure("active_users", "users", "higher"),
    Figure("cumulative_cash", "money", "higher"),
)
"""Figures the engine does not compute: payback_probability is the simulated share of samples paying
back within the payback target, which `check` holds to ``targets.min_payback_probability``; the
monthly series a milestone may bound (model/milestones.py) that are no horizon figure."""
_UNITS: dict[str, Unit] = {figure.name: figure.unit for figure in (*FIGURES, *DERIVED_FIGURES)}

MONTH_COLUMNS: tuple[str, ...] = (
    "new_users", "active_users", "subscribers", "gross_revenue", "net_revenue", "ad_spend", "serving_cost",
    "fixed_cost", "net_cash", "cumulative_cash", "recognised_revenue", "deferred_revenue",
)
"""The monthly series every output reports (spec section 5, 1.1), in order; money except ``COUNT_COLUMNS``."""
COUNT_COLUMNS: frozenset[str] = frozenset({"new_users", "active_users", "subscribers"})
"""Month columns that count people (shown whole, never as money)."""

CHANNEL_COLUMNS: tuple[str, ...] = (
    "name", "type", "spend", "users", "cac", "roas", "roi", "gross_revenue", "contribution", "max_unit_cost",
)
"""Each channel's entries in every output (spec section 5, 1.1), in order."""

IRR_DISPLAY_CAP = 10.0
"""Tables show an annual IRR above 1,000% as "> 1,000%": past that the number
says only that the cash flow barely borrows, and its digits mislead."""


def unit_of(name: str) -> Unit:
    return _UNITS[name]


def plain(value: Any) -> float | None:
    """A float, or None for the engine's NaN: a figure that is none (spec: JSON null)."""
    number = float(value)
    return None if math.isnan(number) else number


def figure_value(name: str, value: Any) -> float | int | None:
    """``plain``, with month figures as whole numbers."""
    number = plain(value)
    if number is not None and unit_of(name) == "month":
        return int(number)
    return number


def figures_of(figures: Mapping[str, Any], sample: int = 0) -> dict[str, float | int | None]:
    """One sample's figures (an engine ``Result.figures``) as plain numbers, none as None."""
    return {name: figure_value(name, figures[name][sample]) for name in FIGURE_NAMES}
