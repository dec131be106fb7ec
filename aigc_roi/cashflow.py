"""Figures of a monthly cash-flow series: discounting, payback and IRR.

Pure numpy. Series are month-major, ``(H, S)``, as inside the engine that
calls them: a running test over the months is then one vector operation per
month over contiguous samples. ``NaN`` means "none": never paid back, no
sign change for an IRR.

IRR: the monthly IRR ``r`` solves ``sum_t F(t) / (1 + r)^t = 0`` for
``t = 1..H``. It is searched on a log-spaced grid of monthly rates in
``[-0.99, 10]``; when several roots exist (several sign changes), the one
closest to a monthly rate of 0 is reported. Two roots closer than one grid
step, or roots outside the grid, are not found (NaN). The annual figure is
``(1 + r)^12 - 1``.
"""

from __future__ import annotations

import numpy as np

from aigc_roi.models import FloatArray

# IRR search: log-spaced monthly rates in [-0.99, 10]; the step in log(1+r)
# is about 0.014, fine enough to separate the roots of real cash flows.
_IRR_GRID = np.linspace(np.log(0.01), np.log(11.0), 512)
_IRR_MAX_ITERATIONS = 80
_IRR_BLOCK_ROWS = 1024
_IRR_GRID_RATES = np.expm1(_IRR_GRID)
# Grid intervals by their distance to a monthly rate of 0 (0 if they contain it).
_IRR_BRACKET_ORDER = np.argsort(
    np.where(
        (_IRR_GRID_RATES[:-1] <= 0) & (_IRR_GRID_RATES[1:] >= 0),
        0.0,
        np.minimum(np.abs(_IRR_GRID_RATES[:-1]), np.abs(_IRR_GRID_RATES[1:])),
    ),
    kind="stable",
)
# Relative slack for "cumulative cash >= 0" style tests (float rounding).
_TOLERANCE = 1e-9


def discount_factors(annual_rate: FloatArray, horizon: int) -> FloatArray:
    """(H, S) factors 1 / (1 + m)^t for t = 1..H; NaN for a rate <= -1."""
    months = np.arange(1, horizon + 1, dtype=np.float64)[:, None]
    valid = annual_rate > -1.0
    base = np.where(valid, 1.0 + annual_rate, 1.0)
    return np.where(valid, base ** (-months / 12.0), np.nan)


def first_month(mask: np.ndarray) -> FloatArray:
    """1-based index of the first True along axis 0 (months), NaN where none."""
    # A min-reduction over months runs over contiguous samples; argmax along axis 0 would not.
    months = np.arange(1.0, mask.shape[0] + 1.0)[:, None]
    first = np.where(mask, months, np.inf).min(axis=0)
    return np.where(np.isinf(first), np.nan, first)


def payback_month(net_cash: FloatArray, cumulative: FloatArray) -> FloatArray:
    """First month from which cumulative cash stays >= 0 (within the tolerance); NaN if none."""
    horizon = net_cash.shape[0]
    slack = _TOLERANCE * np.abs(net_cash).sum(axis=0)
    months = np.arange(1.0, horizon + 1.0)[:, None]
    # The month after the last one still short of zero (0 when none is short).
    last_short = np.where(cumulative < -slack, months, 0.0).max(axis=0)
    return np.where(last_short >= horizon, np.nan, last_short + 1.0)


def cac_payback_months(contribution_by_age: FloatArray, cac: FloatArray) -> FloatArray:
    earned = np.cumsum(contribution_by_age, axis=0)
    target = cac
    slack = _TOLERANCE * np.maximum(np.abs(contribution_by_age).sum(axis=0), np.abs(target))
    with np.errstate(invalid="ignore"):
        reached = earned >= np.where(np.isnan(target), np.inf, target) - slack
    return np.where(np.isnan(cac), np.nan, first_month(reached))


def annual_irr(net_cash: FloatArray) -> FloatArray:
    """Annual IRR per sample of ``(H, S)`` monthly net cash; see the module docstring for the root choice."""
    horizon, samples = net_cash.shape
    out = np.full(samples, np.nan)
    candidates = np.flatnonzero((net_cash > 0).any(axis=0) & (net_cash < 0).any(axis=0))
    if candidates.size == 0:
        return out
    # Roots do not depend on scale; unit scale keeps 100^120 grid terms finite.
    flows_by_month = net_cash[:, candidates]
    flows_by_month = flows_by_month / np.abs(flows_by_month).max(axis=0)
    flows = flows_by_month.T

    # NPV on the grid, u = log(1 + r): sum_t F(t) exp(-t u), a matrix product,
    # in row blocks so the (rows, grid) temporaries stay small.
    powers = np.exp(-np.outer(np.arange(1, horizon + 1, dtype=np.float64), _IRR_GRID))
    best = np.zeros(candidates.size, dtype=np.intp)
    found = np.zeros(candidates.size, dtype=bool)
    low_sign = np.zeros(candidates.size)
    for start in range(0, candidates.size, _IRR_BLOCK_ROWS):
        block = slice(start, start + _IRR_BLOCK_ROWS)
        signs = np.sign(flows[block] @ powers)
        # Sign changes, visited from the interval nearest r = 0 outwards.
        changes = (signs[:, :-1] != signs[:, 1:])[:, _IRR_BRACKET_ORDER]
        first = changes.argmax(axis=1)
        best[block] = _IRR_BRACKET_ORDER[first]
        found[block] = changes[np.arange(first.size), first]
        low_sign[block] = signs[np.arange(first.size), best[block]]

    grid = _IRR_GRID
    low, high = grid[best], grid[best + 1]
    for _ in range(_IRR_MAX_ITERATIONS):
        middle = 0.5 * (low + high)
        middle_sign = np.sign(_npv_at(flows_by_month, middle))
        keep_low = middle_sign == low_sign
        low = np.where(keep_low, middle, low)
        high = np.where(keep_low, high, middle)
        if np.all(high - low <= 4 * np.finfo(np.float64).eps * np.maximum(1.0, np.abs(low))):
            break
    root = 0.5 * (low + high)
    out[candidates[found]] = np.expm1(12.0 * root[found])
    return out


def _npv_at(flows_by_month: FloatArray, log_rate: FloatArray) -> FloatArray:
    """sum_t F(t) x^t with x = exp(-u), by Horner's rule (H cheap vector ops)."""
    x = np.exp(-log_rate)
    total = np.zeros_like(log_rate)
    for month in range(flows_by_month.shape[0] - 1, -1, -1):
        total = (total + flows_by_month[month]) * x
    return total
