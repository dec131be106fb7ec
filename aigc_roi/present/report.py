"""Engine results as plain data: the JSON shape of spec section 5.

Pure: numbers stay full float64; ``None`` stands for an undefined figure
(the engine's NaN). Renderers and exporters all start from these dicts.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from aigc_roi.model.engine import FIGURE_NAMES, Result
from aigc_roi.model.scenario import Scenario

FORMAT_VERSION = 1
MONTH_COLUMNS = (
    "new_users", "active_users", "gross_revenue", "net_revenue", "ad_spend", "serving_cost",
    "fixed_cost", "net_cash", "cumulative_cash",
)
WHOLE_MONTH_FIGURES = frozenset({"payback_month", "cac_payback_months"})


def plain(value: Any) -> float | int | None:
    """A float, or None for the engine's NaN (undefined)."""
    number = float(value)
    if math.isnan(number):
        return None
    return number


def figures_of(result: Result, sample: int = 0) -> dict[str, float | int | None]:
    figures: dict[str, float | int | None] = {}
    for name in FIGURE_NAMES:
        value = plain(result.figures[name][sample])
        figures[name] = int(value) if value is not None and name in WHOLE_MONTH_FIGURES else value
    return figures


def run_report(scenario: Scenario, result: Result, sample: int = 0) -> dict[str, Any]:
    """``{"format_version", "scenario", "currency", "figures", "channels", "months"}``."""
    channels = [
        {
            "name": name,
            "type": kind,
            "spend": plain(result.channel_spend[sample, c]),
            "users": plain(result.channel_users[sample, c]),
            "cac": plain(result.channel_cac[sample, c]),
            "roas": plain(result.channel_roas[sample, c]),
            "roi": plain(result.channel_roi[sample, c]),
        }
        for c, (name, kind) in enumerate(zip(result.channel_names, result.channel_types, strict=True))
    ]
    series = {name: np.asarray(result.months[name][sample]) for name in MONTH_COLUMNS}
    months = [
        {"month": t + 1, "label": label, **{name: plain(series[name][t]) for name in MONTH_COLUMNS}}
        for t, label in enumerate(scenario.month_labels())
    ]
    return {
        "format_version": FORMAT_VERSION,
        "scenario": scenario.name,
        "currency": scenario.currency,
        "horizon_months": scenario.horizon_months,
        "figures": figures_of(result, sample),
        "channels": channels,
        "months": months,
    }
