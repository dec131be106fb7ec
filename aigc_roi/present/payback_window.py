"""What a chance of payback says it counts when the payback target lies past the horizon.

A plan has no month past its horizon, so "payback within 12 months" of a 6-month plan is counted by month 6
(model/targets.py ``PaybackWindow``): every label of such a chance names the months it counts ("within 6 months (the
horizon; target 12)"). Where the user asked for the target (``targets.max_payback_months``) or for a chance of
payback by it (``min_payback_probability``), every command that reports one also warns, once, where the target (or
the horizon, for the default target) is written: the label alone may go unread beside a figure someone holds to. The
default target cut short by a plan that sets none is said by the label alone: most plans shorter than a year would
warn on every run of something nobody chose.
"""

from __future__ import annotations

from aigc_roi.model.targets import PaybackWindow
from aigc_roi.present.labels import label


def within_note(window: PaybackWindow, lang: str) -> str:
    """`` (the horizon; target 12)`` after "within 6 months" where the target lies past the horizon; else ``""``."""
    return label("payback_window_horizon", lang).format(target=window.target) if window.past_horizon else ""


def by_horizon_note(months: int | None, lang: str) -> str:
    """`` (by month 6, the horizon)`` after a chance or a verdict judged at the horizon ``months``; ``""`` for None."""
    return "" if months is None else label("payback_by_horizon", lang).format(months=months)


def window_field(window: PaybackWindow) -> str:
    """Where the warning points: the payback target as written, else the horizon that cuts the default one short."""
    return "horizon_months" if window.default else "targets.max_payback_months"


def warned(window: PaybackWindow, asked: bool = False) -> bool:
    """Whether a target past the horizon is warned of (module docstring): the file writes the target or a chance of
    payback by it, or the command line ``asked`` for one (`allocate --min-payback-probability`)."""
    return window.past_horizon and (not window.default or window.chance_target or asked)


def past_horizon_warning(window: PaybackWindow, lang: str, chance: bool = True, asked: bool = False) -> str | None:
    """The sentence that says payback is judged by the horizon: a ``chance`` of payback is the chance by the horizon,
    a lower bound of the chance by the target, and a payback month past it reads as never; None when the target
    lies within the horizon, or is the default and nothing asks for it (``warned``)."""
    if not warned(window, asked):
        return None
    default = label("payback_target_default", lang) if window.default else ""
    return label("payback_past_horizon" if chance else "payback_month_past_horizon", lang).format(
        target=window.target, horizon=window.months, default=default)
