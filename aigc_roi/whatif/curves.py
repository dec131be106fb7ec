"""`curves`: the retention and renewal curves a run uses, for checking them against what was observed.

Retention is R(a), a = 0..H-1, the top-level curve and each channel's own
(docs/formulas.md §3); renewal survival is the share of a plan's first
subscribers still subscribed after k renewals, k = 0..floor((H-1)/P). Beside
them what they are checked against: every fitted curve (whatif/fits.py) and,
with day-level retention, the observed days placed at age day / 30.4375 months.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from aigc_roi.model.curves import plan_renewal_count, renewal_rates, renewal_survival
from aigc_roi.model.figures import plain
from aigc_roi.model.fits import DAYS_PER_MONTH
from aigc_roi.model.paths import channel_path
from aigc_roi.model.sampling import realize
from aigc_roi.model.scenario import RenewalObserved, Scenario
from aigc_roi.whatif.fits import Fit, fits_of

if TYPE_CHECKING:
    from aigc_roi.model.engine import Result


@dataclass(frozen=True)
class RetentionPoint:
    age: int
    """Months since joining."""
    share: float | None
    """Share of the joiners still active at that age."""


@dataclass(frozen=True)
class ObservedDay:
    """A day-level retention point as written, placed at its age in months (``day`` / 30.4375) beside the fitted
    share."""

    day: int
    age: float
    observed: float
    fitted: float


@dataclass(frozen=True)
class OwnRetention:
    """A channel's own retention: the curve the users it buys follow."""

    channel: str
    field: str
    """Where it is written: ``acquisition[i].retention``."""
    retention: tuple[RetentionPoint, ...]
    observed_days: tuple[ObservedDay, ...] = ()
    """Its observed days, where it is given as ``days``."""


@dataclass(frozen=True)
class RenewalPoint:
    renewal: int
    """k: renewals so far (0 = the first payment)."""
    age: int
    """Months since joining at which the k-th renewal is paid."""
    rate: float | None
    """The k-th renewal's rate; None for k = 0."""
    survival: float | None
    """Share of the first subscribers still subscribed."""
    observed: float | None
    """The rate written as observed for that renewal, if any."""


@dataclass(frozen=True)
class RenewalCurve:
    plan: str
    period_months: int
    points: tuple[RenewalPoint, ...]


@dataclass(frozen=True)
class Curves:
    scenario: str
    horizon_months: int
    retention: tuple[RetentionPoint, ...]
    channel_retention: tuple[OwnRetention, ...]
    renewals: tuple[RenewalCurve, ...]
    observed_days: tuple[ObservedDay, ...] = ()
    """The observed days of the top-level retention, where it is given as ``days``."""
    fits: tuple[Fit, ...] = ()
    """Every fitted curve (whatif/fits.py): curves' and run's JSON ``"fits"``."""


def _observed_days(fits: tuple[Fit, ...], field: str) -> tuple[ObservedDay, ...]:
    """The observed days of the day fit of the retention at ``field`` (``retention``, ``acquisition[0].retention``),
    each at its age in months; none when that retention is not given as days."""
    fit = next((fit for fit in fits if fit.field == f"{field}.days"), None)
    return () if fit is None else tuple(ObservedDay(point.day, point.day / DAYS_PER_MONTH, point.observed, point.fitted)
                                        for point in fit.points if point.day is not None)


def curves(scenario: Scenario, result: Result) -> Curves:
    """The curves of ``scenario``'s deterministic run ``result``."""
    realized = realize(scenario)
    horizon = realized.horizon_months
    renewals = []
    for plan in realized.monetization.plans:
        count = plan_renewal_count(plan, horizon)
        rates = renewal_rates(plan.renewal, count, 1)[0]
        survival = renewal_survival(plan.renewal, count, 1)[0]
        observed = plan.renewal.observed if isinstance(plan.renewal, RenewalObserved) else ()
        renewals.append(RenewalCurve(plan.name, plan.period_months, tuple(
            RenewalPoint(k, k * plan.period_months, plain(rates[k - 1]) if k else None, plain(survival[k]),
                         float(observed[k - 1]) if 0 < k <= len(observed) else None)
            for k in range(count + 1))))
    fits = fits_of(scenario)
    own_curves = tuple(
        OwnRetention(channel.name, f"{channel_path(c)}.retention", tuple(
            RetentionPoint(age, plain(share))
            for age, share in enumerate(result.group_series["retention"][result.source_groups[c], 0])),
            _observed_days(fits, f"{channel_path(c)}.retention"))
        for c, channel in enumerate(realized.acquisition) if channel.retention is not None and result.source_groups
    )
    return Curves(scenario.name, horizon, tuple(RetentionPoint(age, plain(share)) for age, share in enumerate(result.retention[0])),
                  own_curves, tuple(renewals), _observed_days(fits, "retention"), fits)
