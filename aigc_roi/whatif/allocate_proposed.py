"""A proposal in budget form at every budget, today's spend included (docs/allocate.md, channels given by volume).

A copy at exactly today's budget is the file's channel as written (``at_splits``): that keeps today's split, and the
months a gate's hold or a --min/--max keeps at today's, the file's. A proposal's split is money, so where B is today's
spend and a split leaves a channel written by volume under draws at today's budget, it read that channel as written
while a yuan either side read it in budget form (QA: koc-seeding at a --budget of today's 25,455.84, P10 NPV 52,020 at
B against 73,258 and 73,255 a yuan either side). Yet at exactly today's budget, today's plan as written is an option
too, one no other budget has: run in budget form it can do worse (QA: a cpa channel of 250 users at a drawn bid, P10
NPV 201,698 as written, 139,244 in budget form). So the split at such a budget is the better ranked of the two
(``offered``): the proposal in budget form where it ranks higher, the split as written where it does not."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Sequence

import numpy as np

from aigc_roi.model.scenario import FloatArray
from aigc_roi.whatif.allocate_gates import Choice, ranked
from aigc_roi.whatif.allocate_result import CurvePoint
from aigc_roi.whatif.allocate_staged import Judge, Judged

SAME_MONEY = 1e-9
"""A copy's budget within this share of today's is today's (``offered``): a float's rounding, no money moved."""


def at_today_in_form(choice: Choice, current: FloatArray, differ: Callable[[Choice], np.ndarray]) -> np.ndarray:
    """The copies ``choice`` leaves at today's budget that its proposal runs in budget form: ``differ(choice)``, the
    copies whose two forms differ (a channel written by volume under draws) and that nothing keeps at today's (not
    held by ``choice``, not bound by --min = --max)."""
    return differ(choice) & (choice.split == current)


def run_in_form(choice: Choice, current: FloatArray, differ: Callable[[Choice], np.ndarray]) -> np.ndarray:
    """The copies at today's budget that ``choice``, as ``offered`` gives it, runs in budget form: none where the
    split as written ranked higher."""
    moved = at_today_in_form(choice, current, differ)
    return moved if choice.in_budget_form else np.zeros_like(moved)


def proposed(choice: Choice, judge: Judge, current: FloatArray, differ: Callable[[Choice], np.ndarray],
             failing: Callable[[Judged], tuple[str, ...]]) -> Choice:
    """``choice`` judged with the copies of ``at_today_in_form`` in budget form; ``choice`` itself where there are
    none. ``failing``: the gates a judged split fails (allocate_gates.py ``Holding.failed``)."""
    moved = at_today_in_form(choice, current, differ)
    if not moved.any():
        return choice
    # A NaN is no copy's budget, so the judge runs those copies in budget form.
    judged = judge.reading(np.where(moved, math.nan, current))(choice.split[None])[0]
    return dataclasses.replace(choice, judged=judged, failed_gates=failing(judged), in_budget_form=True)


def offered(choice: Choice, judge: Judge, current: FloatArray, differ: Callable[[Choice], np.ndarray],
            failing: Callable[[Judged], tuple[str, ...]]) -> tuple[Choice, Choice]:
    """The split to report at a budget, and the same split in the other form: the proposal (``proposed``) where it ranks higher than
    ``choice`` as written (``ranked``: keeping the limits, then the objective, gates decided), ``choice`` where it
    does not. Both are ``choice`` itself where no copy has two forms at today's budget."""
    # A search's split can leave a copy a float's rounding off today's budget (--total at today's total): that is
    # today's money, so its form as written is an option too.
    near = differ(choice) & (choice.split != current) & np.isclose(choice.split, current, rtol=SAME_MONEY, atol=0.0)
    if near.any():
        split = np.where(near, current, choice.split)
        judged = judge(split[None])[0]
        choice = dataclasses.replace(choice, split=split, judged=judged, failed_gates=failing(judged))
    offer = proposed(choice, judge, current, differ, failing)
    return (offer, choice) if ranked(offer) > ranked(choice) else (choice, offer)


def marked_at_budget(points: tuple[CurvePoint, ...], budget: float, names: Sequence[str], shown: Choice,
                     other: Choice, current: FloatArray, differ: Callable[[Choice], np.ndarray]) -> tuple[CurvePoint, ...]:
    """The curve with its point at ``budget`` (``shown``, as ``offered`` gives it; ``other``, the same split in the
    other form) naming the copies at today's budget whose two forms differ: run in budget form there
    (``in_budget_form``, the value with them as written in ``as_written``), or read as written, today's plan as the
    file writes it ranking higher (``kept_as_written``, the value in budget form in ``in_form_value``)."""
    at = next((n for n, point in enumerate(points) if point.budget == budget), None)
    moved = at_today_in_form(shown, current, differ)
    if at is None or not moved.any() or other is shown:
        return points
    channels = tuple(dict.fromkeys(names[int(c)] for c in np.flatnonzero(moved)))
    point = (dataclasses.replace(points[at], in_budget_form=channels, as_written=other.judged.value)
             if shown.in_budget_form else
             dataclasses.replace(points[at], kept_as_written=channels, in_form_value=other.judged.value))
    return (*points[:at], point, *points[at + 1:])
