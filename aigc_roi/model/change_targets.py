"""Targets on the change itself: how much worse a revision of a plan may make it (docs/formulas.md §10).

``max_npv_drop`` bounds how far npv falls from the base revision's, as an
amount or as a share of the base's npv; ``max_payback_delay`` bounds how many
months later payback_month comes. They compare two versions of one file, so
only ``check --base REF`` can hold them; without a base version (no --base,
a file new since REF, or invalid there) each is not applicable, which fails
nothing and is shown as such, never as met; so is ``max_npv_drop`` when the
file's currency changed since REF, as npv there and now are amounts in two
currencies. Pure: figures in, outcomes out.
"""

from __future__ import annotations

from aigc_roi.model.scenario import Targets
from aigc_roi.model.targets import Bound, Figures, TargetOutcome, within

NPV_DROP = "npv_drop"
"""Outcome figure of an absolute ``max_npv_drop``: npv at the base minus npv now, in money."""
NPV_DROP_SHARE = "npv_drop_share"
"""Outcome figure of a relative ``max_npv_drop`` (written ``10%``): that drop over |npv at the base|."""
PAYBACK_DELAY = "payback_delay"
"""Outcome figure of ``max_payback_delay``: payback_month now minus at the base, in months."""
CHANGE_TARGETS = ("max_npv_drop", "max_payback_delay")
MOVED_FIGURE: dict[str, tuple[str, Bound]] = {"max_npv_drop": ("npv", "min"), "max_payback_delay": ("payback_month", "max")}
"""The figure whose move each change target bounds, and the bound a move the wrong way breaks (what blame splits)."""


def change_target_names(targets: Targets) -> list[str]:
    return [name for name in CHANGE_TARGETS if getattr(targets, name) is not None]


def not_applicable(targets: Targets) -> list[TargetOutcome]:
    """Each change target the file sets, with no base version to hold it against."""
    return [TargetOutcome(name, _figure(targets, name), None, _limit(targets, name), True, applicable=False)
            for name in change_target_names(targets)]


def check_change_targets(targets: Targets, before: Figures, after: Figures, before_horizon: int, after_horizon: int,
                         currency_change: tuple[str, str] | None = None) -> list[TargetOutcome]:
    """Each change target of ``targets`` (the new version's) held to the move from ``before`` to ``after``.

    ``currency_change``: the file's currency at the base and now, when they differ; npv's drop is then not applicable.
    """
    outcomes = []
    for name in change_target_names(targets):
        figure, limit = _figure(targets, name), _limit(targets, name)
        if name == "max_npv_drop" and currency_change is not None:
            outcomes.append(TargetOutcome(name, figure, None, limit, True, applicable=False,
                                          currency_change=currency_change))
            continue
        if name == "max_payback_delay":
            actual: float | None = (_payback_or_after(after, after_horizon) - _payback_or_after(before, before_horizon))
        else:
            actual = _npv_drop(before.get("npv"), after.get("npv"), relative=figure == NPV_DROP_SHARE)
        outcomes.append(TargetOutcome(name, figure, actual, limit, within(actual, limit, "max")))
    return outcomes


def _figure(targets: Targets, name: str) -> str:
    if name == "max_payback_delay":
        return PAYBACK_DELAY
    drop = targets.max_npv_drop
    return NPV_DROP_SHARE if drop is not None and drop.relative else NPV_DROP


def _limit(targets: Targets, name: str) -> float:
    if name == "max_payback_delay":
        return float(targets.max_payback_delay or 0)
    return targets.max_npv_drop.limit if targets.max_npv_drop is not None else 0.0


def _payback_or_after(figures: Figures, horizon: int) -> float:
    """A payback never reached counts as the month after the horizon, as the change split counts it (§13)."""
    month = figures.get("payback_month")
    return float(horizon + 1) if month is None else float(month)


def _npv_drop(before: float | int | None, after: float | int | None, relative: bool) -> float | None:
    """npv at the base minus npv now (a rise is a negative drop); as a share of |npv at the base| when relative.

    A share of a base npv of 0 is none when npv fell (so missed, as every none is) and 0 when it did not.
    """
    if before is None or after is None:
        return None
    drop = float(before) - float(after)
    if not relative:
        return drop
    if before == 0:
        return 0.0 if drop <= 0 else None
    return drop / abs(float(before))
