"""Monotonicity a finance user relies on when reading what-ifs, checked on generated scenarios.

Scenarios are built as model dataclasses directly (small, valid by
construction); each property compares two values of one driver in one
batched engine call.
"""

from __future__ import annotations

import dataclasses

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from aigc_roi.model.engine import evaluate
from aigc_roi.model.scenario import (
    Channel,
    Costs,
    CpaChannel,
    CpmChannel,
    FixedCost,
    FlatChannel,
    KolChannel,
    Monetization,
    Plan,
    Purchase,
    Retention,
    RetentionChurn,
    RetentionPoints,
    Scenario,
    Value,
)
from aigc_roi.whatif.drivers import list_drivers, with_value

RELATIVE_SLACK = 1e-9
money = st.floats(0.5, 500.0)


def amount(low: float, high: float) -> st.SearchStrategy[float]:
    """Floats as the loader admits them: it refuses non-zero numbers below 1e-9
    in size (they would overflow ratios such as cac)."""
    return st.floats(low, high).map(lambda x: x if x >= 1e-9 else 0.0)


share = amount(0.0, 1.0)
months = st.one_of(st.none(), st.integers(1, 6).map(lambda m: tuple(range(1, m + 1))))

cpa = st.builds(CpaChannel, name=st.just("CPA"), bid=money, months=months,
                budget=st.one_of(st.none(), st.floats(1_000, 100_000))).map(
    lambda c: c if c.budget is not None else dataclasses.replace(c, users=1000.0))
cpa_saturated = st.builds(CpaChannel, name=st.just("Saturated CPA"), bid=money, budget=st.floats(1_000, 100_000),
                          saturation_budget=st.floats(1_000, 1_000_000), months=months)
other_channels = st.one_of(
    st.builds(CpmChannel, name=st.just("Feed"), cpm=money, ctr=share, cvr=share, budget=st.floats(1_000, 50_000)),
    st.builds(KolChannel, name=st.just("KOL"), posts=amount(0, 5), fee=amount(0, 20_000),
              views=amount(0, 100_000), view_to_user=share, views_decay=share),
    st.builds(FlatChannel, name=st.just("Flat"), cost=amount(0, 50_000), users=amount(0, 5_000)),
)


@st.composite
def retention_curves(draw: st.DrawFn) -> Retention:
    if draw(st.booleans()):
        return RetentionChurn(draw(share))
    shares = sorted(draw(st.lists(share, min_size=1, max_size=4)), reverse=True)
    return RetentionPoints(tuple((age, value) for age, value in zip((1, 3, 6, 12), shares, strict=False)))


@st.composite
def scenarios(draw: st.DrawFn, first_channel: st.SearchStrategy[Channel] = cpa) -> Scenario:
    channels = (draw(first_channel), *draw(st.lists(other_channels, max_size=2)))
    plans = draw(st.lists(st.builds(Plan, name=st.just("Plan"), price=money, period_months=st.sampled_from([1, 3, 12]),
                                    conversion=share, renewal=share), max_size=2))
    purchases = draw(st.lists(st.builds(Purchase, name=st.just("Item"), price=money, rate=share), max_size=2))
    return Scenario(
        name="generated",
        retention=draw(retention_curves()),
        horizon_months=draw(st.integers(1, 24)),
        acquisition=channels,
        organic_users=draw(amount(0, 1_000)),
        virality=draw(amount(0, 0.5)),
        monetization=Monetization(tuple(plans), tuple(purchases), draw(amount(0, 0.5))),
        costs=Costs(draw(amount(0, 3)), (FixedCost("Tools", draw(amount(0, 10_000))),)),
    )


def number(value: Value) -> float:
    """Generated scenarios hold plain floats."""
    assert isinstance(value, float)
    return value


def at(scenario: Scenario, path: str, values: tuple[float, float]) -> dict[str, np.ndarray]:
    """Figures with the field at ``path`` set to each of two values, in one engine call."""
    return evaluate(with_value(scenario, path, np.array(values))).figures


def no_lower(higher: float, lower: float) -> bool:
    return higher >= lower - RELATIVE_SLACK * max(1.0, abs(lower))


def users_worth_something(scenario: Scenario, serving_share: float) -> Scenario:
    """Serving capped at a share of the net purchase revenue per active user, so every
    user's contribution c(a) is >= 0 at every age."""
    monetization = scenario.monetization
    per_active = sum(number(p.price) * number(p.rate) for p in monetization.purchases)
    serving = serving_share * per_active * (1 - number(monetization.revenue_fee))
    return dataclasses.replace(scenario, costs=dataclasses.replace(scenario.costs, serving_per_active_user=serving))


@settings(max_examples=150, deadline=None)
@given(scenarios(st.one_of(cpa, cpa_saturated)), share, money, st.floats(1.0, 10.0))
def test_raising_a_bid_never_raises_roi(scenario: Scenario, serving_share: float, bid: float, factor: float) -> None:
    # Holds while users are worth something; the converse case is the next test.
    roi = at(users_worth_something(scenario, serving_share), "acquisition[0].bid", (bid, bid * factor))["roi"]
    assert no_lower(roi[0], roi[1])


def test_with_loss_making_users_a_dearer_bid_raises_roi() -> None:
    """roi = contribution / ad_spend - 1: when users cost more to serve than they pay,
    contribution < 0 and a larger ad spend dilutes the loss, so roi rises toward -1.
    A consequence of docs/formulas.md §5's definition, pinned here so nobody "fixes" it."""
    scenario = Scenario(name="loss", retention=RetentionChurn(0.5), horizon_months=1,
                        acquisition=(CpaChannel(name="CPA", bid=1.0, users=1000.0),),
                        costs=Costs(serving_per_active_user=1.0))
    roi = at(scenario, "acquisition[0].bid", (1.0, 2.0))["roi"]
    assert list(roi) == [-2.0, -1.5]  # (-1000 - 1000) / 1000, (-1000 - 2000) / 2000


@settings(max_examples=150, deadline=None)
@given(scenarios(), st.data())
def test_raising_a_price_never_lowers_net_revenue(scenario: Scenario, data: st.DataObject) -> None:
    prices = [d for d in list_drivers(scenario) if d.field == "price"]
    if not prices:
        return
    driver = data.draw(st.sampled_from(prices))
    price = data.draw(money)
    revenue = at(scenario, driver.path, (price, price * data.draw(st.floats(1.0, 10.0))))["net_revenue"]
    assert no_lower(revenue[1], revenue[0])


@settings(max_examples=150, deadline=None)
@given(scenarios(), amount(0.0, 1.0))
def test_raising_retention_never_lowers_active_users(scenario: Scenario, lift: float) -> None:
    retention = scenario.retention
    if isinstance(retention, RetentionChurn):
        better: Retention = RetentionChurn(number(retention.monthly_churn) * (1 - lift))
    else:
        # Moving every point a share `lift` of the way to 1 keeps the curve non-increasing.
        better = RetentionPoints(tuple((age, number(v) + lift * (1 - number(v))) for age, v in retention.points))
    active = evaluate(scenario).months["active_users"][0]
    raised = evaluate(dataclasses.replace(scenario, retention=better)).months["active_users"][0]
    assert all(no_lower(r, a) for r, a in zip(raised, active, strict=True))
