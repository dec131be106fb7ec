"""A proposal in budget form at every budget, today's spend included (docs/allocate.md, channels given by volume).

A copy at exactly today's budget is the file's channel as written (``at_splits``): that keeps today's split, and the
months a gate's hold or a --min/--max keeps at today's, the file's. A proposal's split is money, so where B is today's
spend and a split leaves a channel written by volume under draws at today's budget, it read that channel as written
while a yuan either side read it in budget form: the summary's best and the budget curve's point at B jumped there by
the change of form alone (QA: koc-seeding at a --budget of today's 25,455.84, P10 NPV 52,020 at B against 73,258 and
73,255 a yuan either side). Such copies are run in budget form at the proposal, as at every other budget."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Sequence

import numpy as np

from aigc_roi.model.scenario import FloatArray
from aigc_roi.whatif.allocate_gates import Choice
from aigc_roi.whatif.allocate_result import CurvePoint
from aigc_roi.whatif.allocate_staged import Judge, Judged


def at_today_in_form(choice: Choice, current: FloatArray, differ: Callable[[Choice], np.ndarray]) -> np.ndarray:
    """The copies ``choice`` leaves at today's budget that its proposal runs in budget form: ``differ(choice)``, the
    copies whose two forms differ (a channel written by volume under draws) and that nothing keeps at today's (not
    held by ``choice``, not bound by --min = --max)."""
    return differ(choice) & (choice.split == current)


def proposed(choice: Choice, judge: Judge, current: FloatArray, differ: Callable[[Choice], np.ndarray],
             failing: Callable[[Judged], tuple[str, ...]]) -> Choice:
    """``choice`` judged with the copies of ``at_today_in_form`` in budget form; ``choice`` itself where there are
    none. ``failing``: the gates a judged split fails that pass today."""
    moved = at_today_in_form(choice, current, differ)
    if not moved.any():
        return choice
    # A NaN is no copy's budget, so the judge runs those copies in budget form.
    judged = judge.reading(np.where(moved, math.nan, current))(choice.split[None])[0]
    return dataclasses.replace(choice, judged=judged, failed_gates=failing(judged))


def marked_at_budget(points: tuple[CurvePoint, ...], budget: float, names: Sequence[str], moved: np.ndarray,
                     as_written: float) -> tuple[CurvePoint, ...]:
    """The curve with its point at ``budget`` (the proposal's, run by ``proposed``) naming the channels of the copies
    ``moved`` run in budget form there (``in_budget_form``) and keeping the value with them as written
    (``as_written``)."""
    at = next((n for n, point in enumerate(points) if point.budget == budget), None)
    if at is None or not moved.any():
        return points
    point = dataclasses.replace(points[at], in_budget_form=tuple(dict.fromkeys(names[int(c)] for c in np.flatnonzero(moved))),
                                as_written=as_written)
    return (*points[:at], point, *points[at + 1:])
