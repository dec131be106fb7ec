"""The annual MIRR of a monthly cash-flow series (docs/formulas.md §5): the spreadsheet MIRR of F(1..H), the discount
rate both the finance and the reinvestment rate.

Pure numpy over month-major ``(H, S)`` series, as model/cashflow.py; NaN means none.
"""

from __future__ import annotations

import math

import numpy as np

from aigc_roi.model.params import some
from aigc_roi.model.scenario import FloatArray

_LARGEST = float(np.finfo(np.float64).max)
"""An annual MIRR past float64's largest number is reported as that number, as model/cashflow.py's IRR is."""
_LINEAR_MIRR_GROWTH = 300.0
"""Largest H x ln(1 + m) for which MIRR sums its compounded amounts in money: e^300 x 1e15 is far below float64's top."""
_SMALLEST_SUM = 1e-280
"""A compounded sum below this may have lost terms to underflow: it is summed in logarithms instead."""


def annual_mirr(net_cash: FloatArray, monthly_rate: FloatArray) -> FloatArray:
    """Annual MIRR per sample of ``(H, S)`` net cash: the spreadsheet MIRR of F(1..H), m both rates.

    x = (sum_{F>0} F(t) (1+m)^(H-t) / sum_{F<0} -F(t) (1+m)^-(t-1))^(1/(H-1)) - 1, annual
    (1+x)^12 - 1 = expm1(12/(H-1) x ln(ratio)); NaN unless H >= 2 and some month is
    negative and some positive (docs/formulas.md §5).
    """
    horizon = net_cash.shape[0]
    if net_cash.shape[1] == 1:
        return _lone_mirr(net_cash, monthly_rate)
    out = np.full(net_cash.shape[1], np.nan)
    defined = (net_cash > 0).any(axis=0) & (net_cash < 0).any(axis=0) & (horizon >= 2) & (monthly_rate > -1.0)
    if not some(defined):
        return out
    flows = net_cash[:, defined]
    rate = monthly_rate if np.size(monthly_rate) == 1 else np.broadcast_to(monthly_rate, defined.shape)[defined]
    growth = np.log1p(np.asarray(rate, dtype=np.float64).reshape(-1))
    log_ratio = np.full(flows.shape[1], np.nan)
    if horizon * float(np.abs(growth).max()) < _LINEAR_MIRR_GROWTH:
        future, present = _compounded(flows, growth)
        usable = (future > _SMALLEST_SUM) & (present > _SMALLEST_SUM) & np.isfinite(future) & np.isfinite(present)
        log_ratio[usable] = np.log(future[usable]) - np.log(present[usable])
    rest = np.isnan(log_ratio)
    if some(rest):
        log_ratio[rest] = _log_compounded(flows[:, rest], growth if growth.size == 1 else growth[rest])
    with np.errstate(over="ignore"):
        out[defined] = np.minimum(np.expm1(12.0 / (horizon - 1) * log_ratio), _LARGEST)
    return out


def _lone_mirr(net_cash: FloatArray, monthly_rate: FloatArray) -> FloatArray:
    """``annual_mirr`` of one sample ``(H, 1)``: the same sums and logarithms, whether it has a MIRR and which sums
    are usable read on Python floats, without the score of numpy calls that choose among many samples."""
    horizon = net_cash.shape[0]
    flows = net_cash[:, 0].tolist()
    rate = np.asarray(monthly_rate, dtype=np.float64).reshape(-1)
    if not (horizon >= 2 and float(rate[0]) > -1.0 and any(flow > 0 for flow in flows) and any(flow < 0 for flow in flows)):
        return np.full(1, np.nan)
    growth = np.log1p(rate)
    log_ratio = None
    if horizon * abs(float(growth[0])) < _LINEAR_MIRR_GROWTH:
        future, present = _compounded(net_cash, growth)
        earned, spent = float(future[0]), float(present[0])
        if earned > _SMALLEST_SUM and spent > _SMALLEST_SUM and math.isfinite(earned) and math.isfinite(spent):
            log_ratio = np.log(future) - np.log(present)
    if log_ratio is None:
        log_ratio = _log_compounded(net_cash, growth)
    with np.errstate(over="ignore"):
        return np.minimum(np.expm1(12.0 / (horizon - 1) * log_ratio), _LARGEST)


def _compounded(flows: FloatArray, growth: FloatArray) -> tuple[FloatArray, FloatArray]:
    """The earnings compounded to month H and the costs discounted to month 1, summed in money (two passes) where no
    factor can overflow (``_LINEAR_MIRR_GROWTH``): the same terms ``_log_compounded`` adds up.

    The costs are summed negative and the sum negated, which is exact, in the earnings' array: its layout, which
    decides the order of the sums, is the one their product takes."""
    horizon = flows.shape[0]
    months = np.arange(1.0, horizon + 1.0)[:, None]
    scratch = np.maximum(flows, 0.0) * np.exp((horizon - months) * growth)
    future = np.add.reduce(scratch, axis=0)
    np.minimum(flows, 0.0, out=scratch)
    scratch *= np.exp(-(months - 1.0) * growth)
    return future, -np.add.reduce(scratch, axis=0)


def _log_compounded(flows: FloatArray, growth: FloatArray) -> FloatArray:
    """ln of the ratio of ``_compounded``'s sums, summed in logarithms: (1 + m)^(H - t) over a long horizon at a high
    rate must not overflow."""
    horizon = flows.shape[0]
    months = np.arange(1.0, horizon + 1.0)[:, None]
    with np.errstate(divide="ignore"):
        log_future = _log_sum_exp(np.log(np.maximum(flows, 0.0)) + (horizon - months) * growth)
        log_present = _log_sum_exp(np.log(np.maximum(-flows, 0.0)) - (months - 1.0) * growth)
    return log_future - log_present


def _log_sum_exp(terms: FloatArray) -> FloatArray:
    """ln sum_t e^terms over the months (axis 0); terms of -inf are absent amounts."""
    top = terms.max(axis=0)
    return top + np.log(np.exp(terms - top).sum(axis=0))
