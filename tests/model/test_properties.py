"""Property-based tests (hypothesis) of the engine, the exports and the CLI.

Engine properties build scenarios directly from ``aigc_roi.model.scenario`` and run
``sampling.realize`` + ``engine.evaluate``. CLI properties write files and
run ``aigc-roi run`` in-process through ``CliRunner``.

Generated amounts lie in [0, 1e15] and positive unit costs (bid, cpm) in
[1e-3, 1e15]: the loader refuses any number above 1e15 and a bid or cpm
below 1e-6 with a budget, so nothing beyond that range reaches the engine
(``test_extreme_finite_amounts_do_not_overflow``).
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
from typing import Any

import numpy as np
import pytest
import yaml
from cli_runner import invoke
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rich.console import Console
from scratch import scratch_folder

from aigc_roi.model import scenario as models
from aigc_roi.model.engine import FIGURE_NAMES, MONTH_SERIES, evaluate
from aigc_roi.model.sampling import realize
from aigc_roi.model.scenario import Z90, Distribution
from aigc_roi.present import tables as export
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.run_data import run_report
from aigc_roi.present.run_view import run_view

ENGINE = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CLI = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

MONEY_FIGURES = ("ad_spend", "cac", "blended_cac", "gross_revenue", "net_revenue", "contribution", "net_cash", "npv", "ltv",
                 "peak_cash_need")
RATIO_FIGURES = ("roas", "roi", "blended_roas", "ltv_to_cac", "irr")
UNCHANGED_FIGURES = ("paid_users", "new_users", "payback_month", "first_payback_month", "peak_cash_month",
                     "cac_payback_months")
UNDEFINABLE = {"cac", "blended_cac", "roas", "roi", "blended_roas", "payback_month", "first_payback_month",
               "paid_payback_month", "peak_cash_month", "irr", "mirr", "ltv_to_cac", "cac_payback_months"}
"""Figures that may be none (NaN in the engine); every other figure is always a number, ltv too: one new user's
worth, users or none (docs/formulas.md §12)."""
MONEY_SERIES = ("gross_revenue", "net_revenue", "ad_spend", "serving_cost", "fixed_cost", "contribution",
                "net_cash", "cumulative_cash", "recognised_revenue", "deferred_revenue")

# --- strategies ---------------------------------------------------------------

_MAX = 1e15


def _floats(low: float, high: float) -> st.SearchStrategy[float]:
    # The loader refuses non-zero numbers below 1e-9 in size (a unit mistake that
    # would overflow ratios), so generated values below that are 0 or the bound.
    return st.floats(low, high, allow_nan=False, allow_infinity=False, allow_subnormal=False).map(
        lambda x: x if abs(x) >= 1e-9 or x == 0 else (low if low >= 1e-9 or low == 0 else 0.0))


amounts = st.one_of(st.just(0.0), st.sampled_from([1.0, 9.9, 30.0, 1000.0, _MAX]), _floats(1e-3, 1e6),
                    _floats(1e-3, _MAX))
unit_costs = st.one_of(st.sampled_from([1.0, 12.0, 40.0, _MAX]), _floats(1e-3, 1e4), _floats(1e-3, _MAX))
shares = st.one_of(st.sampled_from([0.0, 1.0, 0.5]), _floats(1e-6, 1.0))


@st.composite
def ranged(draw: Any, base: st.SearchStrategy[float], low_bound: float = 0.0, high_bound: float = _MAX,
           positive: bool = False) -> models.Value:
    """A plain number, or sometimes an uncertain range of the same domain."""
    kind = draw(st.sampled_from(["plain"] * 5 + ["lognormal", "uniform", "triangular", "normal"]))
    if kind == "plain":
        return draw(base)
    a, b = sorted([draw(base), draw(base)])
    if kind == "lognormal":
        a = max(a, 1e-3 if high_bound > 1 else 1e-6)
        b = max(a, b)
        return Distribution("lognormal", a, b)
    if positive and a <= 0:
        return draw(base)
    if kind == "uniform":
        return Distribution("uniform", a, b)
    if kind == "triangular":
        assume(a < b)
        mode = draw(_floats(a, b))
        return Distribution("triangular", a, b, mode)
    if positive:
        return draw(base)
    mean = (a + b) / 2
    # The field's bounds hold for the 90% interval (issue 14); the margin absorbs the
    # rounding of the mean/sd round trip through the file.
    widest = min(b - a, 0.999 * min(mean - low_bound, high_bound - mean) / Z90)
    # sd round-trips through low/high, so keep it clear of the loader's 1e-9 floor.
    sd = draw(st.just(0.0) | _floats(1e-6, widest)) if widest > 1e-6 else 0.0
    return Distribution("normal", mean - Z90 * sd, mean + Z90 * sd)


money = ranged(amounts)
rate = ranged(shares, high_bound=1.0)
unit_cost = ranged(unit_costs, positive=True)


def month_sets(horizon: int) -> st.SearchStrategy[models.Months]:
    month = st.integers(1, horizon)
    return st.one_of(
        st.none(),
        month.map(lambda m: (m,)),
        st.tuples(month, month).map(lambda ab: tuple(range(min(ab), max(ab) + 1))),
        st.lists(month, min_size=1, max_size=6).map(lambda ms: tuple(sorted(set(ms)))),
    )


@st.composite
def channels(draw: Any, horizon: int, budget_only: bool = False, saturation: bool = True) -> models.Channel:
    months = draw(month_sets(horizon))
    name = draw(names)
    kind = "budget" if budget_only else draw(st.sampled_from(["cpa", "cpm", "kol", "flat"]))
    if kind in ("cpa", "budget") and draw(st.booleans()):
        use_budget = budget_only or draw(st.booleans())
        sat = draw(st.none() | money) if use_budget and saturation else None
        if use_budget:
            return models.CpaChannel(name, draw(unit_cost), budget=draw(money), saturation_budget=sat, months=months)
        return models.CpaChannel(name, draw(money), users=draw(money), months=months)
    if kind in ("cpm", "budget"):
        use_budget = budget_only or draw(st.booleans())
        sat = draw(st.none() | money) if use_budget and saturation else None
        if use_budget:
            return models.CpmChannel(name, draw(unit_cost), draw(rate), draw(rate), budget=draw(money),
                                     saturation_budget=sat, months=months)
        return models.CpmChannel(name, draw(money), draw(rate), draw(rate), impressions=draw(money), months=months)
    if kind == "kol":
        return models.KolChannel(name, draw(money), draw(money), draw(money), draw(rate), draw(rate), months=months)
    return models.FlatChannel(name, draw(money), draw(money), months=months)


names = st.text(st.characters(whitelist_categories=("Lu", "Ll", "Nd"), max_codepoint=0x7F) | st.sampled_from(
    list(" -_图片会员")), min_size=1, max_size=12).map(str.strip).filter(bool).filter(
    lambda s: re.search(r"(?i)nan|inf", s) is None)


@st.composite
def retentions(draw: Any, horizon: int) -> models.Retention:
    if draw(st.booleans()):
        return models.RetentionChurn(draw(rate))
    ages = sorted(draw(st.sets(st.integers(1, horizon), min_size=1, max_size=5)))
    values = sorted((draw(shares) for _ in ages), reverse=True)
    return models.RetentionPoints(tuple(zip(ages, values, strict=True)))


@st.composite
def scenarios(draw: Any, max_horizon: int = 120, budget_only: bool = False, saturation: bool = True,
              max_channels: int = 4) -> models.Scenario:
    horizon = draw(st.one_of(st.integers(1, 36), st.integers(1, max_horizon)))
    plans = draw(st.lists(st.builds(models.Plan, names, money, st.integers(1, 120), rate, rate), max_size=2))
    purchases = draw(st.lists(st.builds(models.Purchase, names, money, money), max_size=2))
    fixed = draw(st.lists(st.builds(models.FixedCost, names, money, month_sets(horizon)), max_size=2))
    return models.Scenario(
        name=draw(names),
        retention=draw(retentions(horizon)),
        horizon_months=horizon,
        start=draw(st.none() | st.tuples(st.integers(1990, 2100), st.integers(1, 12))),
        discount_rate=draw(st.one_of(st.just(0.0), ranged(_floats(0.0, 10.0), high_bound=10.0))),
        acquisition=tuple(draw(st.lists(channels(horizon, budget_only, saturation), max_size=max_channels))),
        organic_users=draw(money),
        virality=draw(st.one_of(st.just(0.0), _floats(0.0, 0.95))),
        monetization=models.Monetization(tuple(plans), tuple(purchases), draw(rate)),
        costs=models.Costs(draw(money), tuple(fixed)),
    )


# --- helpers --------------------------------------------------------------------

_NON_FINITE_TEXT = re.compile(r"(?i)\b(nan|-?inf|infinity)\b")


def _figure(result: Any, name: str) -> float:
    return float(result.figures[name][0])


def _all_outputs(scenario: models.Scenario, report: dict[str, Any]) -> dict[str, str]:
    console = Console(record=True, width=160, file=None, color_system=None)
    with console.capture():
        for part in run_view(report, NumberStyle("en", scenario.currency), True):
            console.print(part)
    outputs = {"table": console.export_text(), "markdown": export.run_markdown(report),
               "json": export.to_json(report.to_json())}
    for table, build in export.RUN_TABLES.items():
        outputs[f"csv-{table}"] = export.to_csv(build(report))
    return outputs


def _strict_json(text: str) -> Any:
    def refuse(constant: str) -> Any:
        raise AssertionError(f"non-finite JSON constant {constant}")

    return json.loads(text, parse_constant=refuse)


def _scale_money(scenario: models.Scenario, k: float) -> models.Scenario:
    """Every money amount times k; counts, rates and the discount rate unchanged."""
    money_fields = {"bid", "budget", "saturation_budget", "cpm", "fee", "cost", "price",
                    "serving_per_active_user", "monthly"}

    def walk(obj: Any) -> Any:
        if isinstance(obj, tuple):
            return tuple(walk(item) for item in obj)
        if not dataclasses.is_dataclass(obj) or isinstance(obj, type):
            return obj
        changes = {}
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            if f.name in money_fields and value is not None:
                changes[f.name] = value * k
            elif dataclasses.is_dataclass(value) or isinstance(value, tuple):
                changes[f.name] = walk(value)
        return dataclasses.replace(obj, **changes)

    return walk(scenario)


def _magnitude(result: Any) -> float:
    """Money moved over the horizon: the scale of any rounding error in a money figure."""
    months = result.months
    total = sum(float(np.abs(months[name][0]).sum()) for name in ("gross_revenue", "ad_spend", "serving_cost",
                                                                    "fixed_cost"))
    return total + float(np.abs(result.contribution_by_age[0]).sum()) + float(np.nan_to_num(result.figures["cac"][0]))


# --- engine and exports -----------------------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_valid_scenarios_never_produce_nan_or_inf_in_any_format(scenario: models.Scenario) -> None:
    result = evaluate(realize(scenario))
    for name in MONTH_SERIES:
        assert np.all(np.isfinite(result.months[name])), name
    for name in FIGURE_NAMES:
        value = result.figures[name]
        assert not np.any(np.isinf(value)), name
        if name not in UNDEFINABLE:
            assert np.all(np.isfinite(value)), name
    for array in (result.channel_spend, result.channel_users, result.channel_cac, result.channel_roas,
                  result.channel_roi):
        assert not np.any(np.isinf(array))
    report = run_report(scenario, result)
    outputs = _all_outputs(scenario, report)
    data = _strict_json(outputs["json"])
    # Issue 22: run's figures also say whether the peak cash need is still falling at the horizon.
    assert set(data["figures"]) == {*FIGURE_NAMES, "irr_none_reason", "irr_kind", "peak_cash_at_horizon"}
    for fmt, text in outputs.items():
        assert _NON_FINITE_TEXT.search(text) is None, (fmt, text)


@settings(max_examples=60, deadline=None)
@given(scenarios(max_horizon=36), st.integers(0, 2**32 - 1))
def test_monte_carlo_batches_stay_finite(scenario: models.Scenario, seed: int) -> None:
    result = evaluate(realize(scenario, samples=64, rng=np.random.default_rng(seed)))
    for name in MONTH_SERIES:
        assert np.all(np.isfinite(result.months[name])), name
    for name in FIGURE_NAMES:
        assert not np.any(np.isinf(result.figures[name])), name
        if name not in UNDEFINABLE:
            assert np.all(np.isfinite(result.figures[name])), name


@ENGINE
@given(scenarios())
def test_accounting_invariants(scenario: models.Scenario) -> None:
    result = evaluate(realize(scenario))
    for name in MONTH_SERIES:
        assert np.all(np.isfinite(result.months[name])), name
    for name in FIGURE_NAMES:
        assert not np.any(np.isinf(result.figures[name])), name
        if name not in UNDEFINABLE:
            assert np.all(np.isfinite(result.figures[name])), name
    months = {name: series[0] for name, series in result.months.items()}
    figures = {name: _figure(result, name) for name in FIGURE_NAMES}
    horizon = scenario.horizon_months
    scale = _magnitude(result)
    tol = 1e-9 * scale + 1e-12

    # payback month: a whole month within 1..horizon, or none
    payback = figures["payback_month"]
    assert math.isnan(payback) or (payback == int(payback) and 1 <= payback <= horizon)
    cac_payback = figures["cac_payback_months"]
    assert math.isnan(cac_payback) or (cac_payback == int(cac_payback) and 1 <= cac_payback <= horizon)
    # and it is the month the definition names: from it on, cumulative cash stays >= 0
    if not math.isnan(payback):
        assert np.all(months["cumulative_cash"][int(payback) - 1:] >= -tol)
        if payback > 1:
            assert months["cumulative_cash"][int(payback) - 2] < tol

    # cumulative cash is the running sum of monthly net cash; the figure is their sum
    np.testing.assert_allclose(months["cumulative_cash"], np.cumsum(months["net_cash"]), rtol=0, atol=tol)
    assert figures["net_cash"] == pytest.approx(float(months["net_cash"].sum()), rel=1e-12, abs=tol)
    assert figures["net_cash"] == pytest.approx(float(months["cumulative_cash"][-1]), rel=1e-12, abs=tol)

    # section 3, items 6-8, month by month
    np.testing.assert_allclose(months["contribution"], months["net_revenue"] - months["serving_cost"],
                               rtol=0, atol=tol)
    np.testing.assert_allclose(months["net_cash"],
                               months["contribution"] - months["ad_spend"] - months["fixed_cost"],
                               rtol=0, atol=tol)
    assert np.all(months["net_revenue"] <= months["gross_revenue"] + tol)

    # ratios: none exactly when the denominator is 0
    ad_spend = figures["ad_spend"]
    assert math.isnan(figures["roi"]) == (ad_spend == 0)
    assert math.isnan(figures["roas"]) == (ad_spend == 0)
    assert math.isnan(figures["cac"]) == (figures["paid_users"] == 0)
    if ad_spend != 0:
        # roi and roas are over the paid channels' attributed amounts (spec 1.1), paid meaning
        # spending (1.2); blended over all
        paid = [c for c in range(len(result.channel_types)) if result.channel_spend[0, c] > 0]
        paid_contribution = float(result.channel_contribution[0, paid].sum())
        paid_gross = float(result.channel_gross_revenue[0, paid].sum())
        assert figures["roi"] * ad_spend == pytest.approx(paid_contribution - ad_spend, rel=1e-9, abs=tol)
        assert figures["roas"] * ad_spend == pytest.approx(paid_gross, rel=1e-9, abs=tol)
        assert figures["blended_roas"] == pytest.approx(figures["gross_revenue"] / ad_spend, rel=1e-12)

    # peak cash: the depth of the cumulative low, first reached in peak_cash_month
    low = float(months["cumulative_cash"].min())
    assert figures["peak_cash_need"] == pytest.approx(max(0.0, -low), abs=tol)
    if not math.isnan(figures["peak_cash_month"]):
        assert months["cumulative_cash"][int(figures["peak_cash_month"]) - 1] == low
    # the first payback is never later than the sustained one
    if not math.isnan(payback):
        assert figures["first_payback_month"] <= payback
    # recognised subscription revenue never runs ahead of its cash: deferred revenue >= 0
    assert np.all(months["deferred_revenue"] >= -tol)
    np.testing.assert_allclose(months["recognised_revenue"].sum() + months["deferred_revenue"][-1],
                               months["gross_revenue"].sum(), rtol=1e-9, atol=tol)

    # sources add up to the totals
    assert float(result.channel_spend[0].sum()) == pytest.approx(ad_spend, rel=1e-9, abs=tol)


@settings(max_examples=100, deadline=None)
@given(users=st.integers(1, 10**6), price=st.integers(1, 10**4), horizon=st.integers(1, 120),
       fee_percent=st.integers(0, 100))
def test_roi_is_exactly_zero_when_contribution_equals_ad_spend(users: int, price: int, horizon: int,
                                                               fee_percent: int) -> None:
    # One cohort that never churns pays `price` a month; the placement costs exactly what it earns.
    earned = users * price * horizon
    scenario = models.Scenario(
        name="break-even", horizon_months=horizon, retention=models.RetentionChurn(0.0),
        acquisition=(models.FlatChannel("poster", cost=float(earned), users=float(users), months=(1,)),),
        monetization=models.Monetization(purchases=(models.Purchase("item", float(price), 1.0),)),
    )
    result = evaluate(realize(scenario))
    assert _figure(result, "contribution") == _figure(result, "ad_spend") == earned
    assert _figure(result, "roi") == 0.0
    assert _figure(result, "roas") == 1.0


def _assert_scaled(base: Any, scaled: Any, k: float, rel: float) -> None:
    tol = rel * _magnitude(base)
    for name in MONEY_FIGURES:
        a, b = _figure(base, name), _figure(scaled, name)
        assert math.isnan(a) == math.isnan(b), name
        if not math.isnan(a):
            assert b / k == pytest.approx(a, rel=rel, abs=tol), name
    for name in MONEY_SERIES:
        np.testing.assert_allclose(scaled.months[name][0] / k, base.months[name][0], rtol=rel, atol=tol,
                                   err_msg=name)
    for name in ("new_users", "active_users", "paid_users"):
        np.testing.assert_allclose(scaled.months[name][0], base.months[name][0], rtol=rel, atol=0, err_msg=name)
    for name in UNCHANGED_FIGURES:
        a, b = _figure(base, name), _figure(scaled, name)
        if name == "peak_cash_month" and not math.isnan(a) and not math.isnan(b) and a != b:
            # Two months whose cumulative cash differs by less than the rounding of the sums: scaling decides the
            # tie either way (found: one yuan a month beside fixed costs of 1e14).
            cumulative = base.months["cumulative_cash"][0]
            assert cumulative[int(b) - 1] == pytest.approx(cumulative[int(a) - 1], rel=rel, abs=tol), name
            continue
        assert (math.isnan(a) and math.isnan(b)) or a == pytest.approx(b, rel=rel), name
    ad_spend = _figure(base, "ad_spend")
    for name in RATIO_FIGURES:
        a, b = _figure(base, name), _figure(scaled, name)
        if name == "irr":
            # a root of the same cash-flow shape; found or not found alike
            assert math.isnan(a) == math.isnan(b)
            if not math.isnan(a):
                assert b == pytest.approx(a, rel=1e-6, abs=1e-9)
            continue
        assert math.isnan(a) == math.isnan(b), name
        if not math.isnan(a):
            # cancellation in contribution - ad_spend is bounded by the money moved
            slack = tol / ad_spend if ad_spend else 0.0
            if name == "ltv_to_cac":
                cac = _figure(base, "cac")
                slack = tol / cac if cac else 0.0
            assert b == pytest.approx(a, rel=rel, abs=slack), name


@ENGINE
@given(scenarios(), st.integers(-10, 10))
def test_scaling_money_by_a_power_of_two_scales_money_figures_only(scenario: models.Scenario, exponent: int) -> None:
    k = 2.0**exponent
    realized = realize(scenario)
    _assert_scaled(evaluate(realized), evaluate(_scale_money(realized, k)), k, rel=1e-12)


@ENGINE
@given(scenarios(), _floats(1e-3, 1e3))
def test_scaling_money_by_any_factor_scales_money_figures_only(scenario: models.Scenario, k: float) -> None:
    realized = realize(scenario)
    _assert_scaled(evaluate(realized), evaluate(_scale_money(realized, k)), k, rel=1e-9)


def _double_budgets(scenario: models.Scenario, saturation_too: bool) -> models.Scenario:
    def double(channel: Any) -> Any:
        changes = {"budget": channel.budget * 2}
        if saturation_too and channel.saturation_budget is not None:
            changes["saturation_budget"] = channel.saturation_budget * 2
        return dataclasses.replace(channel, **changes)

    return dataclasses.replace(scenario, acquisition=tuple(double(ch) for ch in scenario.acquisition))


@ENGINE
@given(scenarios(budget_only=True, saturation=False))
def test_doubling_every_budget_doubles_paid_users_without_saturation(scenario: models.Scenario) -> None:
    # Only budget-form cpa/cpm channels and no saturation_budget: users = budget / unit cost is linear.
    realized = realize(scenario)
    base, doubled = evaluate(realized), evaluate(_double_budgets(realized, saturation_too=False))
    assert _figure(doubled, "paid_users") == pytest.approx(2 * _figure(base, "paid_users"), rel=1e-12)
    assert _figure(doubled, "ad_spend") == pytest.approx(2 * _figure(base, "ad_spend"), rel=1e-12)


@ENGINE
@given(scenarios(budget_only=True, saturation=True))
def test_doubling_budget_and_saturation_budget_together_doubles_paid_users(scenario: models.Scenario) -> None:
    # users = budget / cost x h / (b + h): doubling b alone does not double users (the audience
    # saturates); doubling h with it keeps h / (b + h) and so doubles users again.
    realized = realize(scenario)
    base, doubled = evaluate(realized), evaluate(_double_budgets(realized, saturation_too=True))
    assert _figure(doubled, "paid_users") == pytest.approx(2 * _figure(base, "paid_users"), rel=1e-12)


def test_doubling_budget_alone_under_saturation_buys_fewer_than_twice_the_users() -> None:
    channel = models.CpaChannel("cpa", bid=30.0, budget=600_000.0, saturation_budget=2_000_000.0)
    scenario = models.Scenario("sat", models.RetentionChurn(0.5), horizon_months=1, acquisition=(channel,))
    base = _figure(evaluate(scenario), "paid_users")
    doubled = _figure(evaluate(_double_budgets(scenario, saturation_too=False)), "paid_users")
    assert base == pytest.approx(20_000 * 2_000_000 / 2_600_000)
    assert doubled == pytest.approx(40_000 * 2_000_000 / 3_200_000)
    assert doubled < 2 * base


# --- the CLI: valid files in, finite JSON out ------------------------------------


def _number(value: Any) -> Any:
    if isinstance(value, Distribution):
        if value.kind == "normal":
            return {"dist": "normal", "mean": (value.low + value.high) / 2, "sd": (value.high - value.low) / (2 * Z90)}
        doc: dict[str, Any] = {"dist": value.kind, "low": value.low, "high": value.high}
        if value.kind == "triangular":
            doc = {"dist": "triangular", "low": value.low, "mode": value.mode, "high": value.high}
        return doc
    return float(value)


def _months(months: models.Months) -> Any:
    return "all" if months is None else list(months)


def to_document(scenario: models.Scenario) -> dict[str, Any]:
    """The YAML document (as plain data) of a generated scenario."""
    doc: dict[str, Any] = {"version": 1, "name": scenario.name, "currency": scenario.currency,
                           "horizon_months": scenario.horizon_months,
                           "discount_rate": _number(scenario.discount_rate)}
    if scenario.start is not None:
        doc["start"] = f"{scenario.start[0]:04d}-{scenario.start[1]:02d}"
    channels_doc = []
    for ch in scenario.acquisition:
        item: dict[str, Any] = {"name": ch.name, "type": ch.type}
        for f in dataclasses.fields(ch):
            value = getattr(ch, f.name)
            if f.name in ("name", "type") or value is None:
                continue
            item[f.name] = _months(value) if f.name == "months" else _number(value)
        channels_doc.append(item)
    doc["acquisition"] = channels_doc
    doc["organic_users"] = _number(scenario.organic_users)
    doc["virality"] = _number(scenario.virality)
    retention = scenario.retention
    if isinstance(retention, models.RetentionChurn):
        doc["retention"] = {"monthly_churn": _number(retention.monthly_churn)}
    else:
        doc["retention"] = {"points": {age: _number(share) for age, share in retention.points}}
    m = scenario.monetization
    doc["monetization"] = {
        "plans": [{"name": p.name, "price": _number(p.price), "period": p.period_months,
                   "conversion": _number(p.conversion), "renewal": _number(p.renewal)} for p in m.plans],
        "purchases": [{"name": p.name, "price": _number(p.price), "rate": _number(p.rate)} for p in m.purchases],
        "revenue_fee": _number(m.revenue_fee),
    }
    doc["costs"] = {"serving_per_active_user": _number(scenario.costs.serving_per_active_user),
                    "fixed": [{"name": f.name, "monthly": _number(f.monthly), "months": _months(f.months)}
                              for f in scenario.costs.fixed]}
    return doc


_WORKDIR = scratch_folder("properties")


def _invoke_on(content: str | bytes, *args: str) -> Any:
    path = _WORKDIR / "scenario.yaml"
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return invoke(["run", str(path), *args])


def _assert_clean_exit(result: Any) -> None:
    """Exit 0, 1 or 2, never an exception escaping the CLI, never a traceback."""
    escaped = result.exception is not None and not isinstance(result.exception, SystemExit)
    assert not escaped, f"{type(result.exception).__name__}: {result.exception}"
    assert result.exit_code in (0, 1, 2)
    assert "Traceback" not in result.stderr
    if result.exit_code == 2:
        assert result.stdout == ""
        assert result.stderr.strip(), "exit 2 without a message"


@CLI
@given(scenarios(max_horizon=60, max_channels=3))
def test_generated_valid_files_run_with_finite_json_matching_the_engine(scenario: models.Scenario) -> None:
    text = yaml.safe_dump(to_document(scenario), allow_unicode=True, sort_keys=False)
    result = _invoke_on(text, "--format", "json")
    _assert_clean_exit(result)
    assert result.exit_code == 0, result.stderr + "\n" + text
    data = _strict_json(result.stdout)
    expected = evaluate(realize(scenario))
    tol = 1e-9 * _magnitude(expected) + 1e-12
    for name in ("ad_spend", "paid_users", "gross_revenue", "net_cash"):
        assert data["figures"][name] == pytest.approx(_figure(expected, name), rel=1e-9, abs=tol), name
    assert len(data["months"]) == scenario.horizon_months


# --- the CLI: any input at all exits 0, 1 or 2 without a traceback ---------------

_FIELD_WORDS = ["name", "version", "currency", "horizon_months", "start", "discount_rate", "acquisition", "type",
                "bid", "budget", "users", "months", "saturation_budget", "cpm", "ctr", "cvr", "impressions",
                "posts", "fee", "views", "view_to_user", "views_decay", "cost", "organic_users", "virality",
                "retention", "points", "monthly_churn", "monetization", "plans", "price", "period", "conversion",
                "renewal", "purchases", "rate", "revenue_fee", "costs", "serving_per_active_user", "fixed",
                "monthly", "targets", "max_payback_months", "min_roi", "min_ltv_to_cac", "dist", "low", "high",
                "mode", "mean", "sd", "namee", "1", "0", "121", "-1"]
_SCALARS = st.one_of(
    st.sampled_from([None, True, False, 0, 1, -1, 24, 120, 121, 0.5, 1e15, -0.0, 1e308, 2**70,
                     "cpa", "cpm", "kol", "flat", "all", "1-6", "6-1", "0-3", "year", "month", "quarter",
                     "1.5万", "5%", "2亿", "3k", "1e6", ".nan", ".inf", "1..2", "2..1", "-1..1", "0..0",
                     "2025-01", "2025-13", "CNY", "", " ", "~", "1_000", "1e400", "\u00b9", "\u0663"]),
    st.integers(-(10**20), 10**20), _floats(-1e20, 1e20), st.text(max_size=8),
)
_yaml_values = st.recursive(
    _SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.sampled_from(_FIELD_WORDS), children, max_size=5),
    ),
    max_leaves=25,
)


@CLI
@given(st.text(max_size=300))
def test_any_text_exits_cleanly(text: str) -> None:
    _assert_clean_exit(_invoke_on(text, "--format", "json"))


@CLI
@given(st.binary(max_size=300))
def test_any_bytes_exit_cleanly(data: bytes) -> None:
    _assert_clean_exit(_invoke_on(data, "--format", "json"))


@CLI
@given(st.dictionaries(st.sampled_from(_FIELD_WORDS), _yaml_values, max_size=8))
def test_any_yaml_document_exits_cleanly(document: dict[str, Any]) -> None:
    text = yaml.safe_dump(document, allow_unicode=True)
    _assert_clean_exit(_invoke_on(text, "--format", "json"))


def _leaf_paths(doc: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    paths = [prefix]
    if isinstance(doc, dict):
        for key, value in doc.items():
            paths += _leaf_paths(value, (*prefix, key))
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            paths += _leaf_paths(value, (*prefix, i))
    return paths


@CLI
@given(scenarios(max_horizon=36, max_channels=3), st.data())
def test_valid_files_with_one_field_broken_exit_cleanly(scenario: models.Scenario, data: st.DataObject) -> None:
    document = to_document(scenario)
    path = data.draw(st.sampled_from(_leaf_paths(document)[1:]))
    replacement = data.draw(_yaml_values)
    parent = document
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = replacement
    result = _invoke_on(yaml.safe_dump(document, allow_unicode=True), "--format", "json")
    _assert_clean_exit(result)
    if result.exit_code == 0:
        _strict_json(result.stdout)


# --- defects found by the properties above (strict xfail: visible until fixed) ----


def test_superscript_retention_age_is_a_located_error() -> None:
    result = _invoke_on("name: x\nretention: {points: {\u00b2: 0.4}}\n", "--format", "json")
    _assert_clean_exit(result)
    assert result.exit_code == 2
    assert "retention.points" in result.stderr


@pytest.mark.parametrize("fmt", ["json", "table"])
def test_extreme_finite_amounts_do_not_overflow(fmt: str) -> None:
    text = ("name: big\nhorizon_months: 2\n"
            "acquisition: [{name: a, type: flat, cost: 1, users: 1e200}]\n"
            "retention: {monthly_churn: 0}\n"
            "monetization: {purchases: [{name: p, price: 1e200, rate: 1}]}\n")
    result = _invoke_on(text, "--format", fmt)
    _assert_clean_exit(result)
    # The loader bounds every number to 1e15, so these never reach the engine.
    assert result.exit_code == 2
    assert "expected a number no larger than 1,000,000,000,000,000 (1e15), found 1e200" in result.stderr


def test_a_tiny_bid_with_a_budget_is_refused() -> None:
    text = ("name: tiny\nacquisition: [{name: a, type: cpa, bid: 1e-300, budget: 1e15}]\n"
            "retention: {monthly_churn: 0}\n")
    result = _invoke_on(text, "--format", "json")
    _assert_clean_exit(result)
    assert result.exit_code == 2
    assert "acquisition[0].bid: expected 0 or a number of at least 1e-09 in size, found 1e-300" in result.stderr
