"""Recognised and deferred revenue (docs/formulas.md §4.6): the accrual view
of the subscription cash, reported per month; no figure depends on it.

A plan payment of ``p`` for a period of ``P`` months is recognised as
``p / P`` in each of the ``P`` months from the payment month (the part past
the horizon is not shown). Purchases and orders are recognised when paid.
Deferred revenue at the end of month t is the cumulative subscription cash
minus the cumulative recognised subscription revenue: what the business
still owes its subscribers in service, summed payment by payment (the part
of each not yet recognised), so a payment used up leaves exactly 0.

Pure numpy, series ``(S, H)``. Amounts are gross (before fees), as the spec
states them on the payments.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from aigc_roi.model.scenario import FloatArray


def recognised_subscriptions(cash_by_period: Mapping[int, FloatArray]) -> FloatArray:
    """Recognised subscription revenue per month; ``cash_by_period`` maps a
    period P (months) to the (S, H) subscription cash of the plans with that period."""
    if not cash_by_period:
        raise ValueError("no subscription cash given")
    total: FloatArray | None = None
    for period, cash in cash_by_period.items():
        if period < 1:
            raise ValueError(f"a plan period must be >= 1 month, got {period}")
        # Month t recognises 1/P of each payment made in months t-P+1..t, summed payment by payment: a difference
        # of running sums left residues of either sign (747.499999999998 beside 747.5, a deferred -1.6e-12 at the
        # end of an annual plan) where a payment is exactly used up.
        recognised = _by_lag(cash, [1.0] * period)
        recognised /= period
        total = recognised if total is None else total + recognised
    assert total is not None
    return total


def deferred_subscriptions(cash_by_period: Mapping[int, FloatArray]) -> FloatArray:
    """Deferred subscription revenue at the end of each month: of each payment made in months t-P+2..t, the
    (P-1-k)/P still owed k months after it, so a payment used up leaves exactly 0."""
    total: FloatArray | None = None
    for period, cash in cash_by_period.items():
        owed = _by_lag(cash, [(period - 1 - lag) / period for lag in range(period - 1)])
        total = owed if total is None else total + owed
    assert total is not None
    return total


LAGGED_CELLS = 1 << 14
"""Up to this many products of a payment and a lag's weight, ``_by_lag`` forms them in one array and adds them up in
one reduction: a run's dozen passes of two numpy calls each cost more than their arithmetic. Beyond it a pass per lag,
which keeps a chunk's products in the caches."""


def _by_lag(cash: FloatArray, weights: list[float]) -> FloatArray:
    """Per month, the sum over lags k of ``weights[k]`` times the cash paid k months before, added payment by
    payment (the recognised and the deferred part of each payment alike), lag after lag from 0."""
    weights = weights[: cash.shape[1]]
    if len(weights) > 2 and len(weights) * cash.size <= LAGGED_CELLS:
        return _by_lag_at_once(cash, weights)
    summed = np.zeros_like(cash, dtype=np.float64)
    for lag, weight in enumerate(weights):
        summed[:, lag:] += cash[:, : cash.shape[1] - lag] * weight
    return summed


def _by_lag_at_once(cash: FloatArray, weights: list[float]) -> FloatArray:
    """``_by_lag`` of ``(S, H)`` cash from the ``(K, H, S)`` products of every lag, summed along K one after another
    from 0 (the reduction runs over the outermost axis), as the pass per lag adds them."""
    samples, months = cash.shape
    lags = len(weights)
    padded = np.zeros((lags - 1 + months, samples))
    padded[lags - 1:] = cash.T
    step = padded.strides[0]
    # Lag k of month t is the cash of month t - k, 0 before the first: adding 0 to a sum that starts at 0 (which is
    # never -0) changes no bit of it. A view made by ndarray itself: as_strided's Python costs more than the products.
    shifted = np.ndarray((lags, months, samples), buffer=padded, offset=(lags - 1) * step,
                         strides=(-step, step, padded.strides[1]))
    products = np.multiply(shifted, np.array(weights)[:, None, None], out=np.empty((lags, months, samples)))
    summed = np.empty_like(cash, dtype=np.float64)
    summed[...] = np.add.reduce(products, axis=0, initial=0.0).T
    return summed


def accrual_series(gross_revenue: FloatArray, cash_by_period: Mapping[int, FloatArray]) -> tuple[FloatArray, FloatArray]:
    """(recognised_revenue, deferred_revenue), (S, H) each.

    ``gross_revenue`` is the cash-basis gross revenue of every item; the
    subscription part of it is replaced by its recognised amount."""
    if not cash_by_period:
        return np.array(gross_revenue, dtype=np.float64), np.zeros_like(gross_revenue)
    cash = sum(cash_by_period.values())
    recognised = recognised_subscriptions(cash_by_period)
    return gross_revenue - cash + recognised, deferred_subscriptions(cash_by_period)
