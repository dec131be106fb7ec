"""The fitted curves of a scenario as values (``api.curves(scenario).fits``; run's and curves' JSON ``"fits"``,
present/fit_data.py): each fit's parameters, each observed point beside its fitted value, the largest gap and whether
the fit is poor (a gap above 5 points); a day fit also whether it is loose (off by more than 15% of a day's share)
and whether it understates the tail (below the last day's share by more than 5% of it). Ranges count at their
median, as in the deterministic run the fit is shown beside (model/curves.py ``scenario_fits``, docs/formulas.md
§4.3, §4.9)."""

from __future__ import annotations

from dataclasses import dataclass

from aigc_roi.model.curves import scenario_fits
from aigc_roi.model.fits import LOOSE_FIT_SHARE, POOR_FIT_GAP, TAIL_BELOW_SHARE, PowerLawFit
from aigc_roi.model.paths import channel_path, plan_path
from aigc_roi.model.sampling import realize
from aigc_roi.model.scenario import Scenario


@dataclass(frozen=True)
class FitPoint:
    """An observed point and the fit's value there: a retention day's share (``day``) or the share still subscribed
    after a renewal (``renewal``, k = 1, 2, ...); the other is None."""

    observed: float
    fitted: float
    day: int | None = None
    renewal: int | None = None


@dataclass(frozen=True)
class Fit:
    """One fitted curve: ``curve`` ``retention`` (the top-level ``retention.days``), ``channel_retention`` (a
    channel's own, ``channel`` its name) or ``renewal`` (a plan's ``renewal.observed``, ``plan`` its name), written
    at ``field``; ``model`` ``power_law`` (parameters ``u``, ``b``) or ``sbg`` (``alpha``, ``beta``). ``poor`` is
    ``largest_gap > poor_above`` (shares); ``at_bound`` says an sBG fit ran to the optimiser's bound (the data has
    no sBG maximum; model/fits.py). A day fit's ``loose`` is ``largest_relative_gap > loose_above`` and
    ``tail_understated`` is ``tail_gap < -tail_understated_above`` (fractions of the observed share, ``tail_gap`` at
    the last observed day); they are None for a renewal fit."""

    curve: str
    field: str
    model: str
    parameters: tuple[tuple[str, float], ...]
    """(name, value) in the model's order: ``(("u", -0.79), ("b", 0.38))``."""
    points: tuple[FitPoint, ...]
    largest_gap: float
    poor_above: float
    poor: bool
    at_bound: bool
    channel: str | None = None
    plan: str | None = None
    largest_relative_gap: float | None = None
    loose_above: float | None = None
    loose: bool | None = None
    tail_gap: float | None = None
    tail_understated_above: float | None = None
    tail_understated: bool | None = None


def fits_of(scenario: Scenario) -> tuple[Fit, ...]:
    """Every fitted curve of ``scenario`` (valid) at its medians: the top-level day-level retention, each channel's
    own, then each plan's observed renewal survival, in file order; none without such fields."""
    fits = scenario_fits(realize(scenario))
    day_fits: list[tuple[str, str | None, str, PowerLawFit]] = []
    if fits.retention is not None:
        day_fits.append(("retention", None, "retention.days", fits.retention))
    day_fits += [("channel_retention", fit.channel, f"{channel_path(fit.index)}.retention.days", fit.fit)
                 for fit in fits.channels]
    found = [Fit(curve, field, "power_law", (("u", float(fit.u)), ("b", float(fit.b))),
                 tuple(FitPoint(float(share), float(fitted), day=int(day))
                       for day, share, fitted in zip(fit.days, fit.shares, fit.fitted, strict=True)),
                 float(fit.largest_gap), POOR_FIT_GAP, bool(fit.poor), False, channel=channel,
                 largest_relative_gap=float(fit.largest_relative_gap), loose_above=LOOSE_FIT_SHARE, loose=bool(fit.loose),
                 tail_gap=float(fit.tail_gap), tail_understated_above=TAIL_BELOW_SHARE,
                 tail_understated=bool(fit.tail_understated))
             for curve, channel, field, fit in day_fits]
    found += [Fit("renewal", f"{plan_path(plan_fit.index)}.renewal.observed", "sbg",
                  (("alpha", float(plan_fit.fit.alpha)), ("beta", float(plan_fit.fit.beta))),
                  tuple(FitPoint(float(share), float(fitted), renewal=k)
                        for k, (share, fitted) in enumerate(zip(plan_fit.fit.observed, plan_fit.fit.fitted, strict=True),
                                                            start=1)),
                  float(plan_fit.fit.largest_gap), POOR_FIT_GAP, bool(plan_fit.fit.poor), bool(plan_fit.fit.at_bound),
                  plan=plan_fit.plan)
              for plan_fit in fits.renewals]
    return tuple(found)
