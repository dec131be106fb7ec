"""Figures of a monthly cash-flow series: discounting, payback and IRR.

Pure numpy. Series are month-major, ``(H, S)``, as inside the engine that
calls them: a running test over the months is then one vector operation per
month over contiguous samples. ``NaN`` means "none": never paid back, no
sign change for an IRR.

IRR: the monthly IRR ``r`` solves ``sum_t F(t) / (1 + r)^t = 0`` for
``t = 1..H``. It is searched on a log-spaced grid of monthly rates in
``[-0.99, 10]`` (widening from ``r = 0``, see ``_nearest_sign_changes``)
and refined by Newton's method inside the grid interval; when several roots exist (several sign changes), the one
closest to a monthly rate of 0 is reported. Two roots closer than one grid
step, or roots outside the grid, are not found (NaN). The annual figure is
``(1 + r)^12 - 1``.
"""

from __future__ import annotations

import numpy as np

from aigc_roi.model.running import running_sum
from aigc_roi.model.scenario import FloatArray

# IRR search: log-spaced monthly rates in [-0.99, 10]; the step in log(1+r)
# is about 0.014, fine enough to separate the roots of real cash flows.
_IRR_GRID = np.linspace(np.log(0.01), np.log(11.0), 512)
_IRR_MAX_ITERATIONS = 80
_IRR_BLOCK_ROWS = 4096
_IRR_GRID_RATES = np.expm1(_IRR_GRID)
# Grid intervals by their distance to a monthly rate of 0 (0 if they contain it).
_IRR_INTERVAL_DISTANCE = np.where(
    (_IRR_GRID_RATES[:-1] <= 0) & (_IRR_GRID_RATES[1:] >= 0),
    0.0,
    np.minimum(np.abs(_IRR_GRID_RATES[:-1]), np.abs(_IRR_GRID_RATES[1:])),
)
_IRR_BRACKET_ORDER = np.argsort(_IRR_INTERVAL_DISTANCE, kind="stable")
_IRR_ZERO = int(_IRR_BRACKET_ORDER[0])
"""The grid interval that contains r = 0."""
_IRR_NEAR = 1e-7
"""A Newton step in log(1 + r) this small is in the quadratic regime (see ``_polish``)."""
_IRR_WINDOWS = (16, 64)
"""Grid points either side of r = 0 searched before the whole grid (monthly rates
of about -20%..+25%, then -59%..+140%): most cash flows have their root there."""
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
    earned = running_sum(contribution_by_age)
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
    best, found, low_value, high_value = _nearest_sign_changes(flows_by_month)
    root = _polish(flows_by_month, _IRR_GRID[best], _IRR_GRID[best + 1], low_value, high_value)
    out[candidates[found]] = np.expm1(12.0 * root[found])
    return out


def _nearest_sign_changes(flows_by_month: FloatArray) -> tuple[np.ndarray, np.ndarray, FloatArray, FloatArray]:
    """Per sample, the grid interval with a sign change of the NPV nearest r = 0:
    (its index, whether there is one, the NPV at its left and at its right end).

    The grid is visited in widening windows around r = 0 (``_IRR_WINDOWS``): a
    change found in a window is the nearest overall when it is strictly nearer
    than every interval outside it, so only the samples without one pay for
    the wider windows and, last, the whole grid.
    """
    horizon, count = flows_by_month.shape
    powers = np.exp(-np.outer(np.arange(1, horizon + 1, dtype=np.float64), _IRR_GRID))
    best = np.zeros(count, dtype=np.intp)
    found = np.zeros(count, dtype=bool)
    low_value = np.zeros(count)
    high_value = np.zeros(count)
    pending = np.arange(count)
    last_point = _IRR_GRID.size - 1
    for half_width in (*_IRR_WINDOWS, _IRR_GRID.size):
        first, last = max(0, _IRR_ZERO - half_width + 1), min(last_point, _IRR_ZERO + half_width)
        inside = (_IRR_BRACKET_ORDER >= first) & (_IRR_BRACKET_ORDER < last)
        order = _IRR_BRACKET_ORDER[inside]
        outside = [abs(_IRR_GRID_RATES[first])] if first > 0 else []
        outside += [abs(_IRR_GRID_RATES[last])] if last < last_point else []
        nearest_outside = min(outside, default=np.inf)
        settled = np.zeros(pending.size, dtype=bool)
        for start in range(0, pending.size, _IRR_BLOCK_ROWS):
            rows = pending[start:start + _IRR_BLOCK_ROWS]
            values = flows_by_month[:, rows].T @ powers[:, first:last + 1]
            signs = np.sign(values)
            changes = (signs[:, :-1] != signs[:, 1:])[:, order - first]
            pick = changes.argmax(axis=1)
            picked = np.arange(rows.size), pick
            chosen = order[pick]
            has_change = changes[picked]
            done = (has_change & (_IRR_INTERVAL_DISTANCE[chosen] < nearest_outside)) | (nearest_outside == np.inf)
            settled[start:start + rows.size] = done
            best[rows[done]] = chosen[done]
            found[rows[done]] = has_change[done]
            low_value[rows[done]] = values[np.arange(rows.size), chosen - first][done]
            high_value[rows[done]] = values[np.arange(rows.size), chosen - first + 1][done]
        pending = pending[~settled]
        if pending.size == 0:
            break
    return best, found, low_value, high_value


def _polish(flows_by_month: FloatArray, low: FloatArray, high: FloatArray, low_value: FloatArray,
            high_value: FloatArray) -> FloatArray:
    """The root u = log(1 + r) inside each bracket, to rounding.

    Starting where the chord through the bracket's ends crosses zero (the
    NPV is smooth, so this is already within the square of the grid step),
    Newton's method on the NPV as a function of u, kept inside the bracket:
    a step that would leave it is replaced by a halving, so it converges
    like bisection at worst. Convergence is quadratic near a simple root, so
    one more step after a step below ``_IRR_NEAR`` lands on the root to
    rounding; asking consecutive steps to shrink to a few ulps instead would
    only chase the rounding noise of the NPV.
    """
    low_sign = np.sign(low_value)
    with np.errstate(divide="ignore", invalid="ignore"):
        chord = low - low_value * (high - low) / (high_value - low_value)
    guess = np.where(np.isfinite(chord), np.clip(chord, low, high), 0.5 * (low + high))
    near = np.zeros(guess.shape, dtype=bool)
    done = np.zeros(guess.shape, dtype=bool)
    active = np.arange(guess.size)
    flows = flows_by_month
    for _ in range(_IRR_MAX_ITERATIONS):
        at = guess[active]
        value, slope = _npv_and_slope(flows, at)
        value_sign = np.sign(value)
        same_side = value_sign == low_sign[active]
        low[active] = np.where(same_side, at, low[active])
        high[active] = np.where(same_side, high[active], at)
        below, above = low[active], high[active]
        with np.errstate(divide="ignore", invalid="ignore"):
            newton = at - value / slope
        scale = np.maximum(1.0, np.abs(at))
        # Near the root the guess is a bracket end and rounding may put a tiny step just outside.
        accept = np.isfinite(newton) & (((newton >= below) & (newton <= above)) | (np.abs(newton - at) <= _IRR_NEAR * scale))
        step = np.where(value_sign == 0, at, np.where(accept, np.clip(newton, below, above), 0.5 * (below + above)))
        settled = done[active] | near[active] | (above - below <= 4 * np.finfo(np.float64).eps * scale)
        done[active] = settled
        near[active] = np.abs(step - at) <= _IRR_NEAR * scale
        guess[active] = np.where(settled, at, step)
        if settled.all():
            break
        if settled.mean() > 0.5:
            # Most samples are done: evaluate only the rest from now on.
            active = active[~settled]
            flows = flows_by_month[:, active]
    return guess


def _npv_and_slope(flows_by_month: FloatArray, log_rate: FloatArray) -> tuple[FloatArray, FloatArray]:
    """NPV(u) = sum_t F(t) x^t with x = exp(-u), and dNPV/du, by Horner's rule (H cheap vector ops)."""
    x = np.exp(-log_rate)
    # inner(x) = sum_t F(t) x^(t-1); NPV = x inner(x); dNPV/dx = inner + x inner'(x).
    inner = np.zeros_like(log_rate)
    inner_slope = np.zeros_like(log_rate)
    for month in range(flows_by_month.shape[0] - 1, -1, -1):
        inner_slope *= x
        inner_slope += inner
        inner *= x
        inner += flows_by_month[month]
    inner_slope *= x
    inner_slope += inner
    return x * inner, -x * inner_slope
