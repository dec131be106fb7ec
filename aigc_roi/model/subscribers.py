"""Subscribers in force (docs/formulas.md §4.10).

A plan payment made in month u for a period of P months covers months
u..u+P-1, so the subscribers in force in month t are the payments of the
last P months: subscribers(t) = sum_{i=0}^{P-1} payments(t - i). The same
window over one new user's payments by age gives the subscriptions that
user holds at each age, which is what ``serving_per_subscriber`` charges to
the user's source.
"""

from __future__ import annotations

import numpy as np

from aigc_roi.model.scenario import FloatArray


def in_force(payments: FloatArray, period: int) -> FloatArray:
    """``(H, s)`` payments whose period covers each month, from ``(H, s)`` payments by month (or by age).

    Summed shift by shift rather than as a difference of running sums: every
    term is non-negative, so nothing cancels (the engine's rule for sums).
    A monthly plan's window is its payments: those themselves, read only, not a copy.
    """
    if period == 1:
        return payments
    horizon = payments.shape[0]
    covered = np.array(payments, dtype=np.float64)
    for shift in range(1, min(period, horizon)):
        covered[shift:] += payments[: horizon - shift]
    return covered
