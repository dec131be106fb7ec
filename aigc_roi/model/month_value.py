"""A value's own value in one month, as a file can write it: where a re-forecast hands a field back to the plan.

A ``{by_month: {...}}`` value is, in month t, its given point at t, the first
or last given point outside them, or the blend (1 - w) x a + w x b of the two
given points around t (docs/formulas.md §14). Written as one value at t, that
blend must be what the plan says in t: in a deterministic run (each range at
its median) and in its draws. A number beside a number is a number; a range
beside a number is that range moved and scaled, which a uniform, triangular or
normal range stays and a lognormal one stays only when the number is 0. Two
ranges blend into a sum of two draws (each point draws from a stream of its
own: model/range_streams.py), which only two normal ranges write as one, the
normal of that mean and sd; nor does a lognormal range shifted by a number.
Either side's draws are clipped to the field's domain before the plan blends
them and after the written value is drawn, so the two differ in the samples
a clip touches (docs/actuals.md).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from aigc_roi.model.by_month import _given_months, _weights
from aigc_roi.model.scenario import ByMonth, Distribution, Moving, Value


@dataclass(frozen=True)
class GivenPoint:
    """The point a by_month value gives at ``month``, as its file writes it (a range stays that range)."""

    month: int


MonthValue = float | Distribution | GivenPoint
"""What a month's value is written as: a number, a range in its explicit form, or a given point copied."""


class NoOneRange(ValueError):
    """``month``, between the given points ``first`` and ``second``, whose blend no single value writes (two ranges,
    a lognormal range moved off 0)."""

    def __init__(self, month: int, first: tuple[int, Value], second: tuple[int, Value]) -> None:
        super().__init__(month, first, second)
        self.month, self.first, self.second = month, first, second


def median_in(value: Moving, month: int) -> float:
    """The value a deterministic run uses in ``month``: each range at its median, linear between given months."""
    if not isinstance(value, ByMonth):
        return _median(value)
    points = value.points
    before, after, share = _around(value, month)
    low, high = _median(points[before][1]), _median(points[after][1])
    return low if share == 0.0 else (1.0 - share) * low + share * high


def month_value(value: ByMonth, month: int) -> MonthValue:
    """``value`` in ``month`` as one value (NoOneRange where no single value is that month's)."""
    points = value.points
    before, after, share = _around(value, month)
    if share == 0.0:
        return GivenPoint(points[before][0])
    blended = _blend(points[before][1], points[after][1], share)
    if blended is None:
        raise NoOneRange(month, points[before], points[after])
    return blended


def _blend(first: Value, second: Value, share: float) -> float | Distribution | None:
    """(1 - share) x first + share x second as one value; None where no single value writes it."""
    if isinstance(first, Distribution):
        if isinstance(second, Distribution):
            return _normal_sum(first, second, share) if first.kind == second.kind == "normal" else None
        return _moved(first, 1.0 - share, share * float(second))
    if isinstance(second, Distribution):
        return _moved(second, share, (1.0 - share) * float(first))
    return (1.0 - share) * float(first) + share * float(second)


def _around(value: ByMonth, month: int) -> tuple[int, int, float]:
    """(index before, index after, share of the one after) of ``month``, as the engine interpolates the value
    (model/by_month.py ``_weights``); share 0 where one point is the month's."""
    weights = _weights(_given_months(value), month)[month - 1]
    given = np.flatnonzero(weights)
    before, after = int(given[0]), int(given[-1])
    return before, after, float(weights[after]) if after != before else 0.0


def _moved(dist: Distribution, scale: float, shift: float) -> Distribution | None:
    """shift + scale x a draw of ``dist`` (scale > 0) as a range of its kind; None for a lognormal moved off 0."""
    if dist.kind == "lognormal" and shift != 0.0:
        return None
    mode = None if dist.mode is None else shift + scale * dist.mode
    return Distribution(dist.kind, shift + scale * dist.low, shift + scale * dist.high, mode)


def _normal_sum(first: Distribution, second: Distribution, share: float) -> Distribution:
    """(1 - share) X + share Y of independent normals X and Y: the normal of the blended mean and of sd
    sqrt((1 - share)^2 sd_X^2 + share^2 sd_Y^2), as its 90% interval mean -+ Z90 sd (a normal's low and high),
    whose half-width combines as the sd does."""
    mean = (1.0 - share) * (first.low + first.high) / 2 + share * (second.low + second.high) / 2
    spread = math.hypot((1.0 - share) * (first.high - first.low), share * (second.high - second.low)) / 2
    return Distribution("normal", mean - spread, mean + spread)


def _median(value: Value) -> float:
    return value.median() if isinstance(value, Distribution) else float(value)
