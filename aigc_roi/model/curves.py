"""The fitted curves of a realized scenario: day-level retention and renewal schedules.

Pure numpy on top of ``fits`` (docs/formulas.md §4.3, §4.9 and §5):
the engine takes R(a) and the renewal rates from here, and every view that
shows a run shows the same fits (``scenario_fits``).

Decisions where the spec is silent:

- Observed survival is data, not a guess: its shares are plain numbers (the
  loader accepts no ranges there), so one maximum-likelihood fit serves
  every sample. Fits are cached by the observed shares: break-even and
  sensitivity evaluate the same scenario many times.
- Day-level shares may be ranges; a sampled batch is fitted per sample
  (the closed form runs over the sample axis; a draw whose line would rise
  is held flat, ``fits.fit_power_law``), and the fit shown beside a run is
  the one of the medians.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from aigc_roi.model.fits import PowerLawFit, SbgFit, fit_power_law, fit_sbg, monthly_retention
from aigc_roi.model.scenario import Distribution, FloatArray, Plan, Renewal, RenewalObserved, RetentionDays, Scenario, Value


def _column(value: Value, samples: int) -> FloatArray:
    """A realized value as an ``(S,)`` array."""
    if isinstance(value, Distribution):
        raise TypeError("a Distribution is still present; call sampling.realize() first")
    return np.broadcast_to(np.asarray(value, dtype=np.float64).reshape(-1), (samples,))


def day_fit(retention: RetentionDays) -> PowerLawFit:
    """The power law through a realized ``retention.days``; ``(S, P)`` shares when any share is sampled."""
    days = [day for day, _ in retention.days]
    values = [np.asarray(_column(share, 1) if not isinstance(share, np.ndarray) else share, dtype=np.float64)
              for _, share in retention.days]
    if all(value.size == 1 for value in values):
        return fit_power_law(days, [float(value.reshape(-1)[0]) for value in values])
    samples = max(value.size for value in values)
    return fit_power_law(days, np.stack([_column(value, samples) for value in values], axis=-1))


def days_retention(retention: RetentionDays, horizon: int, samples: int) -> FloatArray:
    """R(a), a = 0..H-1, as ``(S, H)``: R(0) = 1, R(a) = min(1, D(30.4375 a))."""
    return np.broadcast_to(monthly_retention(day_fit(retention), horizon), (samples, horizon))


@lru_cache(maxsize=256)
def sbg_fit(observed: tuple[float, ...]) -> SbgFit:
    """The sBG fit of observed survival shares (cached: the fit is deterministic)."""
    return fit_sbg(observed)


def renewal_rates(renewal: Renewal, count: int, samples: int) -> FloatArray:
    """r_1..r_count as ``(S, count)``: one rate for all, a list whose last entry repeats, or the sBG rates."""
    if isinstance(renewal, RenewalObserved):
        rates = sbg_fit(tuple(float(share) for share in renewal.observed)).renewal_rates(count)
        return np.broadcast_to(rates, (samples, count))
    if isinstance(renewal, tuple):
        listed = [_column(rate, samples) for rate in renewal]
        columns = [listed[min(j, len(listed) - 1)] for j in range(count)]
        return np.stack(columns, axis=1) if columns else np.zeros((samples, 0))
    return np.broadcast_to(_column(renewal, samples)[:, None], (samples, count))


def renewal_survival(renewal: Renewal, count: int, samples: int) -> FloatArray:
    """Share of first subscribers still subscribed after k renewals, k = 0..count, as ``(S, count + 1)``."""
    rates = renewal_rates(renewal, count, samples)
    return np.concatenate([np.ones((samples, 1)), np.cumprod(rates, axis=1)], axis=1)


@dataclass(frozen=True)
class PlanFit:
    """The sBG fit of one plan's observed survival."""

    index: int
    """Position of the plan in ``monetization.plans``."""
    plan: str
    fit: SbgFit


@dataclass(frozen=True)
class ChannelFit:
    """The day-level fit of one channel's own retention (docs/formulas.md §15)."""

    index: int
    """Position of the channel in ``acquisition``."""
    channel: str
    fit: PowerLawFit


@dataclass(frozen=True)
class ScenarioFits:
    """Every fitted curve of a realized scenario (medians for ranges)."""

    retention: PowerLawFit | None
    """The day-level fit when retention is given as ``days``."""
    renewals: tuple[PlanFit, ...]
    """One per plan whose renewal is ``{observed: [...]}``, in file order."""
    channels: tuple[ChannelFit, ...] = ()
    """One per channel whose own retention is ``days``, in file order."""


def scenario_fits(scenario: Scenario) -> ScenarioFits:
    """The fits of a scenario realized at its medians (``sampling.realize(scenario)``)."""
    retention = day_fit(scenario.retention) if isinstance(scenario.retention, RetentionDays) else None
    renewals = tuple(
        PlanFit(i, plan.name, sbg_fit(tuple(float(share) for share in plan.renewal.observed)))
        for i, plan in enumerate(scenario.monetization.plans)
        if isinstance(plan.renewal, RenewalObserved)
    )
    channels = tuple(ChannelFit(i, channel.name, day_fit(channel.retention))
                     for i, channel in enumerate(scenario.acquisition) if isinstance(channel.retention, RetentionDays))
    return ScenarioFits(retention, renewals, channels)


def plan_renewal_count(plan: Plan, horizon: int) -> int:
    """How many renewals fit in the horizon after a join-month subscription: floor((H - 1) / P)."""
    return max(0, (horizon - 1) // int(plan.period_months))
