"""A first-order variance share from the outcome in one input's rank order: each sample against its neighbours.

Var(E[Y | X]) / Var(Y) = 1 - E[Var(Y | X)] / Var(Y), and samples next to each other in X's order have almost
the same X, so how Y scatters among them estimates Var(Y | X). Gamboa, Gremaud, Klein & Lagnoux (2022) compare
each sample with the next one; here each sample inside the order is compared with the mean of its k = 3
neighbours on either side, as Gasser, Sroka & Jennen-Steinmetz (1986) compare it with the mean of one:

    e_i = y_i - (sum of y_j over 0 < |j - i| <= k) / 2k,  i = k+1 .. n-k,
    S = 1 - [sum e_i^2 / (n - 2k)] / [(1 + 1/2k) sum (y - mean)^2 / (n - 1)].

A straight run of E[Y | X] through a window cancels, the samples at either end of X's range are averaged into
their neighbours' windows but never judged against a one-sided one, and the mean of 2k neighbours scatters
less than one: against the paper's form this holds the share of a steep or skewed Y = f(X) near 1 where a few
samples far out in X's tail hold most of Var(Y), with 0.6 of its variance where the input has no effect
(docs/formulas.md §10 has the numbers and the derivations).

An input the outcome does not depend on orders the outcome's values at random (ties in X keep the samples'
order, itself random: the samples are independent draws). Over such orders E[e_i^2] is exactly
(1 + 1/2k) sum (y - mean)^2 / (n - 1), so S has mean 0; its variance is (37 + 344 (K - 1/n)) / 63n with
K = sum (y - mean)^4 / (sum (y - mean)^2)^2: 37/63n from the products of neighbours (each lag's sum has
variance n, asymptotically normal: Wald & Wolfowitz 1943), 344/63 (K - 1/n) / n from which samples land among
the ends (nothing for a normal Y, K = 3/n; up to 5.5/n where one sample holds the variance). A share at most
``SIGNIFICANCE_Z`` of those standard deviations is reported as 0.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from aigc_roi.model.scenario import FloatArray

NEIGHBOURS = 3
"""k: the neighbours on either side each sample is compared with (``NULL_VARIANCE`` and ``ENDS_VARIANCE`` are
derived for 3)."""
MIN_SAMPLES = 100
"""Fewer defined samples than this leave a figure's shares unestimated: a share's standard deviation would pass 10
percentage points, and the normal approximation of the threshold fails (an outcome with a heavy tail passed an
input it ignores in 6-7% of 100-sample draws)."""
SIGNIFICANCE_Z = 2.3263478740408408
"""One-sided 1% point of the standard normal: a share above this many standard deviations of no effect is kept."""
NULL_VARIANCE = 37.0 / 63.0
"""n times the variance of the share of an input a normal outcome does not depend on (module docstring)."""
ENDS_VARIANCE = 344.0 / 63.0
"""What a heavy tail adds to it, per unit of K - 1/n: a large sample landing among the k at either end."""


def share_error(samples: int) -> float:
    """About the largest standard deviation of a share of a normal outcome from ``samples`` samples, 1 / sqrt(n)
    (0.97 / sqrt(n) measured at shares of 0.2 to 0.33, 0.77 / sqrt(n) at 0, none at 1)."""
    return 1.0 / math.sqrt(samples)


@dataclass(frozen=True)
class Outcome:
    """One figure over the samples, prepared once for every input's order."""

    centred: FloatArray
    """The figure less its mean over its defined samples; NaN where it is none."""
    square_sum: float
    """Sum of the squares of ``centred`` over its defined samples."""
    kurtosis: float
    """K = sum of the fourth powers of ``centred`` over ``square_sum`` squared, 1/n to 1."""
    defined: int
    """Samples where the figure is defined."""
    partly_none: bool
    varies: bool
    """Whether the figure takes two values or more (a constant's centred values are rounding, not variance)."""


def prepared(values: FloatArray) -> Outcome:
    """``values`` centred, for ``share``; a new array (the caller's is left as it is)."""
    defined_mask = ~np.isnan(values)
    defined = int(np.count_nonzero(defined_mask))
    partly_none = defined < values.size
    kept = values[defined_mask] if partly_none else values
    mean = float(np.mean(kept)) if defined else 0.0
    centred = values - mean
    # numpy's own pairwise sums, not a BLAS dot: the same bits on every CPU, and no BLAS threads.
    squares = np.square(centred[defined_mask] if partly_none else centred)
    square_sum = float(np.sum(squares))
    varies = defined >= 2 and bool(np.min(kept) < np.max(kept)) and square_sum > 0.0
    # Each square as a part of the whole first: the fourth powers of a large outcome would overflow.
    kurtosis = float(np.sum(np.square(squares / square_sum))) if varies else 1.0
    return Outcome(centred, square_sum, kurtosis, defined, partly_none, varies)


def threshold(outcome: Outcome) -> float:
    """The least share ``share`` reports for ``outcome``: ``SIGNIFICANCE_Z`` standard deviations of no effect."""
    count = outcome.defined
    null_variance = (NULL_VARIANCE + ENDS_VARIANCE * max(0.0, outcome.kurtosis - 1.0 / count)) / count
    return SIGNIFICANCE_Z * math.sqrt(null_variance)


def share(outcome: Outcome, order: NDArray[np.intp]) -> float:
    """``estimate``, or 0 where it does not pass the 1% level of no effect (``threshold``)."""
    found = estimate(outcome, order)
    return found if found > threshold(outcome) else 0.0


def estimate(outcome: Outcome, order: NDArray[np.intp]) -> float:
    """The share of ``outcome``'s variance that its order by one input (``order``, the sample indices that sort
    the input) explains; ``outcome`` must vary over more than 2k defined samples."""
    by_input = outcome.centred[order]
    if outcome.partly_none:
        by_input = by_input[~np.isnan(by_input)]
    count, k = by_input.size, NEIGHBOURS
    running = np.empty(count + 1)
    running[0] = 0.0
    np.cumsum(by_input, out=running[1:])
    # Each window's sum (the 2k + 1 samples around an inner one, itself included) as a difference of running
    # sums: one pass, not 2k. Its rounding is that of the largest running sum, a part in 1e16 of the few
    # largest samples, which is what the residuals are measured against.
    windows = np.subtract(running[2 * k + 1:], running[: count - 2 * k])
    # 2k e_i = (2k + 1) y_i - window_i, in place in by_input (this call's own gathered copy).
    inner = np.multiply(by_input[k: count - k], 2 * k + 1, out=by_input[k: count - k])
    residuals = np.subtract(inner, windows, out=windows)
    noise = float(np.sum(np.square(residuals, out=residuals))) / (4 * k * k) / (count - 2 * k)
    return 1.0 - noise / ((1.0 + 1.0 / (2 * k)) * outcome.square_sum / (count - 1))
