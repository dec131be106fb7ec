"""The numpy pieces the channel types' users-and-spend formulas share (docs/formulas.md §4.1).

Imported by a formula when it runs, never by a channel type's module: reading
a scenario (``validate``) must not load numpy.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from aigc_roi.model.params import _zero_fill_ratio
from aigc_roi.model.scenario import FloatArray, Value


def divide_or_zero(numerator: FloatArray, denominator: FloatArray) -> FloatArray:
    """numerator / denominator, 0 where the denominator is 0 or NaN: buying at an undefined price buys nothing.

    A budget with a unit cost of 0 would otherwise buy infinitely many users;
    it is still spent (the loader refuses it in files, clipped samples can reach it).
    """
    return _zero_fill_ratio(numerator, denominator)


def saturation(budget: FloatArray, saturation_budget: Value | None, p: Callable[[Value], FloatArray]) -> FloatArray:
    """h / (b + h): the share of unsaturated users a budget b still buys."""
    if saturation_budget is None:
        return np.ones(budget.shape)  # ones_like without its Python: only the shape is read
    h = p(saturation_budget)
    return divide_or_zero(h, budget + h)


def post_equivalents(posts: FloatArray, decay: FloatArray) -> FloatArray:
    """sum_{i<floor(posts)} q^i + frac(posts) q^floor(posts), q = 1 - decay.

    Closed form via expm1/log1p, accurate for tiny decay; decay 0 and 1 are
    the limits n + f and min(n, 1) + f [n == 0].
    """
    whole = np.floor(posts)
    fraction = posts - whole
    interior = (decay > 0) & (decay < 1)
    safe = np.where(interior, decay, 0.5)
    log_q = np.log1p(-safe)
    geometric = np.where(interior, -np.expm1(whole * log_q) / safe, np.where(decay <= 0, whole, np.minimum(whole, 1)))
    next_share = np.where(interior, np.exp(whole * log_q), np.where(decay <= 0, 1.0, (whole == 0).astype(np.float64)))
    return geometric + fraction * next_share
