"""Curves fitted from the field's own numbers (docs/formulas.md §4.9 and §4.3).

Pure: numpy and the standard library; scipy is imported inside ``fit_sbg``
only, so loading the package (and ``--help``) stays fast.

Day-level retention (``retention.days``)
    ``fit_power_law`` draws the ordinary least-squares line of ln(share) on
    ln(day): D(d) = exp(u) x d^(-b). The closed form is used, over the last
    axis, so a sampled batch of shares ``(S, P)`` is fitted at once and gives
    ``u`` and ``b`` of shape ``(S,)``. ``monthly_retention`` turns it into
    R(0) = 1, R(a) = min(1, D(30.4375 a)) (30.4375 = 365.25 / 12 days per
    month), computed as exp(min(0, ln D)) so that no exponent overflows.

Subscription survival (``renewal: {observed: [...]}``)
    ``fit_sbg`` fits the shifted-beta-geometric model of Fader and Hardie,
    "How to project customer retention", Journal of Interactive Marketing
    21(1), 2007, by maximum likelihood. The observed values are shares of the
    first subscribers, not counts, so the log-likelihood is per first
    subscriber: churners between renewal k-1 and k weigh s_{k-1} - s_k
    (s_0 = 1), survivors after the last observation weigh s_K. Scaling
    counts to shares does not move the maximum, so the paper's estimates are
    reproduced from its shares.

Decisions where the spec is silent:

- Optimiser: scipy's L-BFGS-B over (ln alpha, ln beta) with the analytic
  gradient. The logs keep alpha and beta positive without constraints on
  the model; L-BFGS-B is chosen over Nelder-Mead because it takes the exact
  gradient (tight convergence in a few dozen evaluations, where the
  likelihood is flat along a ridge) and it accepts bounds.
- Bounds: alpha and beta lie in [1e-6, 1e6]. Survival whose renewal rates
  do not rise (constant or falling with tenure) has its likelihood maximum
  at alpha, beta -> infinity: a homogeneous geometric churn. The bound stops
  there, at a curve indistinguishable from the geometric one, instead of
  drifting without end. Shares with falling renewal rates (accelerating
  churn) end there too, and shares such as [50%, 50%] (half leave at once,
  the rest never) at the lower bound: the fit says so (``at_bound``), as the
  sBG model cannot describe them and the curve is only the nearest it has.
- Start: the alpha and beta that reproduce the first two observations
  exactly (r_1 = s_1 = beta / (alpha + beta), r_2 = s_2 / s_1 =
  (beta + 1) / (alpha + beta + 1)) when they describe rising renewal rates
  strictly inside (0, 1); otherwise alpha = beta = 1 (churn probability
  uniform over customers). Clipped into the bounds.
- Tolerances: ftol 1e-15 and gtol 1e-10 on the per-subscriber
  log-likelihood, so parameters are found to well below the 3 decimals
  that are published or shown.
- Survival S(k) = B(alpha, beta + k) / B(alpha, beta) is computed by the
  recursion S(k) = S(k-1) (beta + k - 1) / (alpha + beta + k - 1), summed in
  logs; a churn probability S(k-1) - S(k) is S(k-1) alpha / (alpha + beta +
  k - 1), so no difference of nearly equal numbers is taken.
- A fit is ``poor`` when the largest absolute gap between an observed and a
  fitted share exceeds 0.05 (5 percentage points), the threshold of the
  issue; the gap is in share units, not relative.
- A day fit is also judged relative to each share, where 5 points say
  nothing about a tail of 5% (docs/formulas.md §4.9): ``loose`` when the
  fitted share at some observed day is off by more than 15% of that day's
  share, and ``tail_understated`` when it lies below the last observed day's
  share by more than 5% of it. The curve keeps falling past the last day,
  so a fit already below the data there reads every later month, and the
  LTV, lower than the data shows.
- Refused (``ValueError`` with a message a user can act on): fewer than two
  points; shares outside [0, 1] (retention shares of exactly 0 as well: a
  power law never reaches 0 and ln 0 is undefined); days below 1 or not
  distinct; increasing survival; survival with no churn at all (every share
  1.0), whose maximum-likelihood fit does not exist.
- The fit objects are frozen; the power-law arrays are read-only, and its
  equality is identity (arrays have no single truth value).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

FloatArray = NDArray[np.float64]

DAYS_PER_MONTH = 30.4375
"""Mean Gregorian month, 365.25 / 12 days (docs/formulas.md §4.3)."""

POOR_FIT_GAP = 0.05
"""A fit whose largest gap between an observed and a fitted share exceeds this (5 points) is poor."""

LOOSE_FIT_SHARE = 0.15
"""A day fit whose fitted share at an observed day is off by more than this fraction of that day's share is loose:
beyond the sampling noise of a 10% share measured on 400 users (sqrt(0.9 / 40) = 15% of it)."""

TAIL_BELOW_SHARE = 0.05
"""A day fit below the last observed day's share by more than this fraction of it understates the tail: beyond the
sampling noise of a 10% share measured on 10,000 users (3% of it), and the curve only falls from there."""

SBG_BOUNDS = (1e-6, 1e6)
"""Search box of alpha and beta (see the module docstring)."""


def _read_only(values: FloatArray) -> FloatArray:
    values.setflags(write=False)
    return values


@dataclass(frozen=True, eq=False)
class PowerLawFit:
    """Day-level retention D(d) = exp(u) x d^(-b), fitted by least squares in log-log space."""

    u: float | FloatArray
    """ln of the fitted day-1 share; shape (S,) when the shares were sampled."""
    b: float | FloatArray
    """Decay exponent, >= 0 (positive when retention falls, 0 where the least-squares line would rise); shape as
    ``u``."""
    days: FloatArray
    """The observed days, shape (P,)."""
    shares: FloatArray
    """The observed shares (fractions of the cohort), shape (P,) or (S, P)."""
    fitted: FloatArray
    """The fitted share D(d) at each observed day, shape as ``shares``."""
    largest_gap: float | FloatArray
    """Largest |observed - fitted| over the points, in share units; shape as ``u``."""
    poor: bool | NDArray[np.bool_]
    """Whether ``largest_gap`` exceeds ``POOR_FIT_GAP``; shape as ``u``."""
    largest_relative_gap: float | FloatArray
    """Largest |observed - fitted| / observed over the points; shape as ``u``."""
    loose: bool | NDArray[np.bool_]
    """Whether ``largest_relative_gap`` exceeds ``LOOSE_FIT_SHARE``; shape as ``u``."""
    tail_gap: float | FloatArray
    """(fitted - observed) / observed at the last observed day: negative where the fit lies below it."""
    tail_understated: bool | NDArray[np.bool_]
    """Whether ``tail_gap`` is below ``-TAIL_BELOW_SHARE``; shape as ``u``."""


def fit_power_law(days: Sequence[float] | ArrayLike, shares: Sequence[float] | ArrayLike) -> PowerLawFit:
    """The OLS line of ln(share) on ln(day) over the given points, its slope held at 0 or below (b >= 0); shares may
    be (P,) or sampled (S, P)."""
    day_values = np.asarray(days, dtype=np.float64)
    share_values = np.asarray(shares, dtype=np.float64)
    _check_day_points(day_values, share_values)

    log_days = np.log(day_values)
    centred_days = log_days - log_days.mean()
    log_shares = np.log(share_values)
    mean_log_share = log_shares.mean(axis=-1)
    slope = (log_shares * centred_days).sum(axis=-1) / (centred_days**2).sum()
    # The least-squares line with b >= 0: a sampled draw whose line would rise (half the samples of D30..D90 each
    # 30%..40%) has active users climbing back month after month; its best line that does not rise is flat, at
    # the mean of the log shares (a file's medians that rise are refused by the reader).
    b = np.maximum(-slope, 0.0)
    u = mean_log_share + b * log_days.mean()

    fitted = np.exp(np.expand_dims(u, -1) - np.expand_dims(b, -1) * log_days)
    last = int(np.argmax(day_values))
    tail_gap = fitted[..., last] / share_values[..., last] - 1
    # One (S, P) array for both gaps, worked in place: a sampled daily export is thousands of days per sample.
    gaps = np.abs(fitted - share_values)
    largest_gap = gaps.max(axis=-1)
    largest_relative_gap = np.divide(gaps, share_values, out=gaps).max(axis=-1)
    if share_values.ndim == 1:
        return PowerLawFit(
            u=float(u),
            b=float(b),
            days=_read_only(day_values),
            shares=_read_only(share_values),
            fitted=_read_only(fitted),
            largest_gap=float(largest_gap),
            poor=bool(largest_gap > POOR_FIT_GAP),
            largest_relative_gap=float(largest_relative_gap),
            loose=bool(largest_relative_gap > LOOSE_FIT_SHARE),
            tail_gap=float(tail_gap),
            tail_understated=bool(tail_gap < -TAIL_BELOW_SHARE),
        )
    return PowerLawFit(
        u=_read_only(np.asarray(u)),
        b=_read_only(np.asarray(b)),
        days=_read_only(day_values),
        shares=_read_only(share_values),
        fitted=_read_only(fitted),
        largest_gap=_read_only(largest_gap),
        poor=largest_gap > POOR_FIT_GAP,
        largest_relative_gap=_read_only(largest_relative_gap),
        loose=largest_relative_gap > LOOSE_FIT_SHARE,
        tail_gap=_read_only(np.asarray(tail_gap)),
        tail_understated=tail_gap < -TAIL_BELOW_SHARE,
    )


def _check_day_points(days: FloatArray, shares: FloatArray) -> None:
    if days.ndim != 1:
        raise ValueError(f"retention days must be a flat list of days, got an array of shape {days.shape}")
    if shares.ndim not in (1, 2) or shares.shape[-1] != days.size:
        raise ValueError(f"retention days: {days.size} days but shares of shape {shares.shape}")
    if days.size < 2:
        raise ValueError("retention days need at least two points (for example D1 and D30) to fit a curve")
    bad_days = ~np.isfinite(days) | (days < 1)
    if bad_days.any():
        raise ValueError(f"retention day {days[bad_days][0]:g} is not a day >= 1; D1 (the day after joining) is the earliest point")
    if np.unique(days).size != days.size:
        raise ValueError("retention days must be distinct; give each day once")
    bad_shares = ~np.isfinite(shares) | (shares <= 0) | (shares > 1)
    if bad_shares.any():
        day = np.broadcast_to(days, shares.shape)[bad_shares][0]
        share = shares[bad_shares][0]
        raise ValueError(
            f"retention share on day {day:g} is {share:g}; it must lie in (0, 1]: a power law never reaches 0, "
            "so give the smallest share your analytics show (for example 0.1%)"
        )


def monthly_retention(fit: PowerLawFit, horizon: int) -> FloatArray:
    """R(a) for ages a = 0..horizon-1: R(0) = 1, R(a) = min(1, D(30.4375 a)); shape (H,) or (S, H)."""
    if horizon < 1:
        raise ValueError(f"horizon must be at least 1 month, got {horizon}")
    u = np.asarray(fit.u, dtype=np.float64)[..., np.newaxis]
    b = np.asarray(fit.b, dtype=np.float64)[..., np.newaxis]
    ages = np.arange(1, horizon, dtype=np.float64)
    log_share = np.minimum(0.0, u - b * np.log(DAYS_PER_MONTH * ages))
    retention = np.ones(u.shape[:-1] + (horizon,))
    retention[..., 1:] = np.exp(log_share)
    return retention


@dataclass(frozen=True)
class SbgFit:
    """Shifted-beta-geometric subscription survival, fitted by maximum likelihood (Fader and Hardie 2007)."""

    alpha: float
    """First shape parameter of the beta distribution of churn probabilities."""
    beta: float
    """Second shape parameter; the churn probability of a new subscriber averages alpha / (alpha + beta)."""
    observed: tuple[float, ...]
    """s_1..s_K: share of the first subscribers still subscribed after k renewal opportunities."""
    fitted: tuple[float, ...]
    """S(1)..S(K): the fitted survival at each observed k."""
    largest_gap: float
    """Largest |observed - fitted| over k = 1..K, in share units."""
    poor: bool
    """Whether ``largest_gap`` exceeds ``POOR_FIT_GAP``."""
    log_likelihood: float
    """The maximised log-likelihood per first subscriber."""
    at_bound: bool = False
    """Whether alpha or beta ran to the search bound (``SBG_BOUNDS``): the data has no sBG maximum."""

    def renewal_rates(self, n: int) -> FloatArray:
        """r_k = (beta + k - 1) / (alpha + beta + k - 1) for k = 1..n: the share of those still subscribed who renew at k."""
        if n < 0:
            raise ValueError(f"the number of renewal rates must be >= 0, got {n}")
        k = np.arange(1, n + 1, dtype=np.float64)
        return (self.beta + k - 1) / (self.alpha + self.beta + k - 1)


def _sbg_log_survival(alpha: float, beta: float, periods: int) -> FloatArray:
    """ln S(0..periods) by the recursion S(k) = S(k-1) (beta + k - 1) / (alpha + beta + k - 1)."""
    k = np.arange(1, periods + 1, dtype=np.float64)
    steps = np.log(beta + k - 1) - np.log(alpha + beta + k - 1)
    return np.concatenate(([0.0], np.cumsum(steps)))


def _sbg_negative_log_likelihood(log_params: FloatArray, churned: FloatArray, survivors: float) -> tuple[float, FloatArray]:
    """-LL per first subscriber and its gradient in (ln alpha, ln beta)."""
    alpha, beta = np.exp(log_params)
    periods = churned.size
    k = np.arange(1, periods + 1, dtype=np.float64)
    pool = alpha + beta + k - 1
    log_survival = _sbg_log_survival(alpha, beta, periods)
    log_churn = log_survival[:-1] + math.log(alpha) - np.log(pool)
    log_likelihood = float(churned @ log_churn + survivors * log_survival[-1])

    # d ln S(k)/d alpha = -sum_{j<=k} 1/pool_j; d ln S(k)/d beta = sum_{j<=k} 1/(beta+j-1) - 1/pool_j.
    survival_d_alpha = np.concatenate(([0.0], -np.cumsum(1 / pool)))
    survival_d_beta = np.concatenate(([0.0], np.cumsum(1 / (beta + k - 1) - 1 / pool)))
    churn_d_alpha = survival_d_alpha[:-1] + 1 / alpha - 1 / pool
    churn_d_beta = survival_d_beta[:-1] - 1 / pool
    d_alpha = churned @ churn_d_alpha + survivors * survival_d_alpha[-1]
    d_beta = churned @ churn_d_beta + survivors * survival_d_beta[-1]
    return -log_likelihood, -np.array([alpha * d_alpha, beta * d_beta])


def _sbg_start(observed: FloatArray) -> tuple[float, float]:
    """alpha, beta matching the first two renewal rates when they rise inside (0, 1); else (1, 1)."""
    first = observed[0]
    second = observed[1] / observed[0] if observed[0] > 0 else 0.0
    if 0 < first < second < 1:
        beta = first * (1 - second) / (second - first)
        alpha = beta * (1 - first) / first
    else:
        alpha = beta = 1.0
    low, high = SBG_BOUNDS
    return min(max(alpha, low), high), min(max(beta, low), high)


def _check_observed(observed: FloatArray) -> None:
    if observed.ndim != 1 or observed.size < 2:
        raise ValueError(
            "renewal observed needs at least two shares (still subscribed after the 1st, 2nd, ... renewal) to fit a survival curve"
        )
    outside = ~np.isfinite(observed) | (observed < 0) | (observed > 1)
    if outside.any():
        position = int(np.flatnonzero(outside)[0])
        raise ValueError(
            f"renewal observed share {position + 1} is {observed[position]:g}; a share of first subscribers lies in [0, 1] "
            "(write 60% or 0.6, not 60)"
        )
    rising = np.flatnonzero(np.diff(observed) > 0)
    if rising.size:
        position = int(rising[0]) + 1
        raise ValueError(
            f"renewal observed share {position + 1} ({observed[position]:g}) is above share {position} ({observed[position - 1]:g}); "
            "survival of the same first subscribers cannot increase: count only the original cohort"
        )
    if (observed == 1).all():
        raise ValueError(
            "renewal observed shows no churn at all (every share is 100%), so the survival fit is undefined; "
            "write renewal: 1 instead, or add periods in which some subscribers left"
        )


def fit_sbg(observed: Sequence[float] | ArrayLike) -> SbgFit:
    """The shifted-beta-geometric model fitted by maximum likelihood to survival shares s_1..s_K."""
    from scipy.optimize import minimize

    shares = np.asarray(observed, dtype=np.float64)
    _check_observed(shares)
    churned = -np.diff(np.concatenate(([1.0], shares)))
    survivors = float(shares[-1])
    log_bounds = (math.log(SBG_BOUNDS[0]), math.log(SBG_BOUNDS[1]))
    result = minimize(
        _sbg_negative_log_likelihood,
        np.log(_sbg_start(shares)),
        args=(churned, survivors),
        jac=True,
        method="L-BFGS-B",
        bounds=[log_bounds, log_bounds],
        options={"ftol": 1e-15, "gtol": 1e-10, "maxiter": 1000},
    )
    alpha, beta = (float(value) for value in np.exp(result.x))
    fitted = np.exp(_sbg_log_survival(alpha, beta, shares.size)[1:])
    largest_gap = float(np.abs(fitted - shares).max())
    return SbgFit(
        alpha=alpha,
        beta=beta,
        observed=tuple(float(value) for value in shares),
        fitted=tuple(float(value) for value in fitted),
        largest_gap=largest_gap,
        poor=largest_gap > POOR_FIT_GAP,
        log_likelihood=-float(result.fun),
        at_bound=_runs_to_bound(alpha, beta, -float(result.fun), churned, survivors),
    )


def _runs_to_bound(alpha: float, beta: float, log_likelihood: float, churned: FloatArray, survivors: float) -> bool:
    """Whether the likelihood has no maximum inside ``SBG_BOUNDS``: alpha or beta on a bound, or a
    likelihood at least as high where the ridge of the same mean churn (alpha / beta fixed) meets the
    upper bound. The optimiser stops anywhere along that flat ridge, short of the bound it heads for."""
    low, high = SBG_BOUNDS
    if min(alpha, beta) <= low * 1.001 or max(alpha, beta) >= high / 1.001:
        return True
    scale = high / max(alpha, beta)
    at_ridge_end, _ = _sbg_negative_log_likelihood(np.log([alpha * scale, beta * scale]), churned, survivors)
    return -at_ridge_end >= log_likelihood - 1e-12 * max(1.0, abs(log_likelihood))
