"""``api.curves(scenario)`` holds the fits and the observed days its JSON has (``curves -f json``, ``run -f json``'s
``fits``), computed below the presentation (whatif/fits.py).

QA: the library had no way to get them: they were built in presentation code, from the scenario, apart from the curves."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi import api

# Exact curves, so that each fit is known by hand: day-level shares on the power law 0.4 * d^-0.5 (0.4, 0.2, 0.1 at
# days 1, 4, 16: u = ln 0.4, b = 0.5), a channel's own at 0.5 * d^-1 (0.5, 0.25 at days 1, 2), and renewal survival
# on the sBG of alpha 1, beta 2, whose survival after k renewals is B(1, 2 + k) / B(1, 2) = 2 / (2 + k).
PLAN = """\
name: Exact fits
horizon_months: 24
acquisition:
  - {name: Feed, type: cpa, bid: 12, budget: 30000, retention: {days: {1: 0.5, 2: 0.25}}}
  - {name: Search, type: cpa, bid: 9, budget: 10000}
retention: {days: {1: 0.4, 4: 0.2, 16: 0.1}}
monetization:
  plans:
    - {name: Flat, price: 200, period: year, conversion: 0.01, renewal: 0.5}
    - {name: Pro, price: 30, period: month, conversion: 0.05, renewal: {observed: [0.6666666667, 0.5, 0.4, 0.3333333333]}}
"""


@pytest.fixture(name="curves")
def curves_of_plan() -> api.Curves:
    return api.curves(api.load_source(PLAN, "exact.yaml"))


def test_each_fit_is_its_curve_through_the_written_points(curves: api.Curves) -> None:
    retention, own, renewal = curves.fits
    assert (retention.curve, retention.field, retention.model) == ("retention", "retention.days", "power_law")
    assert dict(retention.parameters) == pytest.approx({"u": math.log(0.4), "b": 0.5})
    assert [(point.day, point.observed) for point in retention.points] == [(1, 0.4), (4, 0.2), (16, 0.1)]
    assert [point.fitted for point in retention.points] == pytest.approx([0.4, 0.2, 0.1])
    assert retention.largest_gap == pytest.approx(0, abs=1e-12) and not retention.poor and not retention.loose
    assert (own.curve, own.channel, own.field) == ("channel_retention", "Feed", "acquisition[0].retention.days")
    assert dict(own.parameters) == pytest.approx({"u": math.log(0.5), "b": 1.0})
    assert (renewal.curve, renewal.plan, renewal.field, renewal.model) == (
        "renewal", "Pro", "monetization.plans[1].renewal.observed", "sbg")
    assert dict(renewal.parameters) == pytest.approx({"alpha": 1.0, "beta": 2.0}, rel=1e-3)
    assert [point.renewal for point in renewal.points] == [1, 2, 3, 4]
    assert [point.fitted for point in renewal.points] == pytest.approx([2 / 3, 1 / 2, 2 / 5, 1 / 3], abs=1e-4)
    assert renewal.loose is None and renewal.tail_understated is None


def test_the_observed_days_stand_at_their_age_in_months(curves: api.Curves) -> None:
    # A month is 365.25 / 12 = 30.4375 days.
    assert [(day.day, day.age, day.observed) for day in curves.observed_days] == [
        (1, 1 / 30.4375, 0.4), (4, 4 / 30.4375, 0.2), (16, 16 / 30.4375, 0.1)]
    feed, = curves.channel_retention
    assert [(day.day, day.age, day.observed) for day in feed.observed_days] == [(1, 1 / 30.4375, 0.5), (2, 2 / 30.4375, 0.25)]
    assert [day.fitted for day in feed.observed_days] == pytest.approx([0.5, 0.25])


def test_a_scenario_without_day_level_retention_or_observed_renewals_has_no_fits() -> None:
    plain = api.curves(api.load_source(PLAN.replace("{days: {1: 0.5, 2: 0.25}}", "{monthly_churn: 0.3}")
                                       .replace("{days: {1: 0.4, 4: 0.2, 16: 0.1}}", "{monthly_churn: 0.2}")
                                       .replace("{observed: [0.6666666667, 0.5, 0.4, 0.3333333333]}", "0.7")))
    assert (plain.fits, plain.observed_days, plain.channel_retention[0].observed_days) == ((), (), ())


def test_the_json_of_curves_and_run_is_the_apis(tmp_path: Path, curves: api.Curves) -> None:
    path = tmp_path / "exact.yaml"
    path.write_text(PLAN, encoding="utf-8")
    shown = json.loads(invoke(["curves", str(path), "-f", "json"]).stdout)
    run_fits = json.loads(invoke(["run", str(path), "-f", "json"]).stdout)["fits"]
    assert shown["fits"] == run_fits
    assert [(fit["curve"], fit["field"], fit["parameters"]) for fit in run_fits] == [
        (fit.curve, fit.field, dict(fit.parameters)) for fit in curves.fits]
    assert [(day["day"], day["observed"], day["fitted"]) for day in shown["observed_days"]] == [
        (day.day, day.observed, day.fitted) for day in curves.observed_days]
    assert [len(own["observed_days"]) for own in shown["channel_retention"]] == [2]
