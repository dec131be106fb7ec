"""Budget allocation (issue 13): every expected split and value below is derived by hand.

Most scenarios run one month with churn 1 and one purchase of 100 per user, no other costs:
a user is worth exactly 100, so net cash = 100 x users - spend, and a cpa channel with bid a
and saturation budget h buys b/a x h/(b+h) users for a budget b (docs/formulas.md §4).
"""

from __future__ import annotations

import dataclasses
import math
import textwrap

import numpy as np
import pytest

from aigc_roi.model.engine import evaluate
from aigc_roi.model.sampling import realize
from aigc_roi.model.scenario import CpaChannel, CpmChannel, KolChannel, Scenario
from aigc_roi.reader.load import load_text
from aigc_roi.whatif.allocate import AllocationError, AllocationWarning, allocate

ONE_MONTH = """\
horizon_months: 1
retention: {monthly_churn: 1}
monetization:
  purchases: [{name: item, price: 100, rate: 1}]
"""


def _scenario(channels: str, rest: str = ONE_MONTH) -> Scenario:
    text = "name: Allocation\nacquisition:\n" + textwrap.indent(textwrap.dedent(channels), "  ") + rest
    return load_text(text, "s.yaml").scenario


def test_linear_channels_put_everything_into_the_best_marginal_return() -> None:
    scenario = _scenario(
        """\
        - {name: Cheap, type: cpa, bid: 20, budget: 30_000}
        - {name: Middle, type: cpa, bid: 25, budget: 30_000}
        - {name: Dear, type: cpa, bid: 40, budget: 40_000}
        """
    )
    result = allocate(scenario, 100_000, objective="net_cash")
    assert result.best_split == pytest.approx({"Cheap": 100_000, "Middle": 0, "Dear": 0}, abs=1e-3)
    # 1500 + 1200 + 1000 users today, 5000 at the best split; each worth 100.
    assert result.current_value == pytest.approx(370_000 - 100_000)
    assert result.best_value == pytest.approx(500_000 - 100_000)
    assert result.gain == pytest.approx(130_000)
    cheap, middle, _ = result.channels
    assert (cheap.best.roas, cheap.best.marginal_roas, cheap.best.cac, cheap.best.marginal_cac) == pytest.approx((5, 5, 20, 20))
    # Nothing spent: no average, but the next yuan still returns 100/25.
    assert math.isnan(middle.best.roas)
    assert (middle.best.marginal_roas, middle.best.marginal_cac) == pytest.approx((4, 25))
    # Linear channels: the best of budget b is 100 x b/20 - b = 4b at every point of the curve, 0 included
    # (the curve starts at 0 to show when spending nothing would be best).
    assert [point.budget for point in result.curve] == pytest.approx([25_000 * k for k in range(0, 9)])
    assert [point.value for point in result.curve] == pytest.approx([4 * point.budget for point in result.curve])
    assert AllocationWarning("on_minimum", "Middle") in result.warnings
    assert AllocationWarning("on_maximum", "Cheap") not in result.warnings


def test_two_identical_saturating_channels_split_evenly() -> None:
    scenario = _scenario(
        """\
        - {name: A, type: cpa, bid: 20, budget: 80_000, saturation_budget: 50_000}
        - {name: B, type: cpa, bid: 20, budget: 20_000, saturation_budget: 50_000}
        """
    )
    result = allocate(scenario, 100_000, objective="net_cash")
    assert result.best_split == pytest.approx({"A": 50_000, "B": 50_000}, rel=1e-5)
    # Today 4000 x 50/130 + 1000 x 50/70 users; at the best 2 x 2500 x 50/100 = 2500.
    assert result.current_value == pytest.approx(100 * (4000 * 50 / 130 + 1000 * 50 / 70) - 100_000)
    assert result.best_value == pytest.approx(100 * 2500 - 100_000)
    # Average ROAS 100 x 1250 / 50k = 2.5; the next yuan buys (1/20) x (50/100)^2 users: ROAS 1.25, CAC 80.
    best = result.channels[0].best
    assert (best.roas, best.marginal_roas, best.cac, best.marginal_cac) == pytest.approx((2.5, 1.25, 40, 80), rel=1e-4)


def test_closed_form_optimum_of_two_saturating_cpa_channels() -> None:
    """users_i = b_i/a_i x h_i/(b_i+h_i), so d users_i / d b_i = h_i^2 / (a_i (b_i+h_i)^2).

    Equal marginal users: sqrt(a_i) (b_i+h_i) / h_i = mu for both channels, so
    b_i = h_i (mu / sqrt(a_i) - 1) and, from b_1 + b_2 = B,
    mu = (B + h_1 + h_2) / (h_1/sqrt(a_1) + h_2/sqrt(a_2)). With a = 16, 25, h = 400k, 500k and
    B = 600k: mu = 1.5m / 200k = 7.5, b_1 = 400k x 0.875 = 350k, b_2 = 500k x 0.5 = 250k. A user
    is worth the same from either channel (same months), so the npv-best split maximises users.
    """
    rest = """\
horizon_months: 12
discount_rate: 0.1
retention: {monthly_churn: 0.2}
monetization:
  purchases: [{name: item, price: 30, rate: 1}]
costs: {serving_per_active_user: 2}
"""
    scenario = _scenario(
        """\
        - {name: A, type: cpa, bid: 16, budget: 100_000, saturation_budget: 400_000}
        - {name: B, type: cpa, bid: 25, budget: 500_000, saturation_budget: 500_000}
        """,
        rest,
    )
    result = allocate(scenario, 600_000)
    assert result.best_split == pytest.approx({"A": 350_000, "B": 250_000}, rel=1e-4)
    # At the optimum the next yuan buys h_i^2 / (a_i (b_i+h_i)^2) = 1/56.25 users in either channel.
    assert [row.best.marginal_cac for row in result.channels] == pytest.approx([56.25, 56.25], rel=1e-4)


def _budget_channels(scenario: Scenario, splits: np.ndarray) -> list:
    """The channels of ``scenario`` bought with the monthly budgets of the columns of ``splits``."""
    channels = []
    for channel, budgets in zip(scenario.acquisition, splits.T, strict=True):
        if isinstance(channel, KolChannel):
            channels.append(dataclasses.replace(channel, posts=budgets / float(channel.fee)))  # type: ignore[arg-type]
        elif isinstance(channel, CpaChannel):
            channels.append(dataclasses.replace(channel, budget=budgets, users=None))
        else:
            assert isinstance(channel, CpmChannel)
            channels.append(dataclasses.replace(channel, budget=budgets, impressions=None))
    return channels


def _evaluate_splits(scenario: Scenario, splits: np.ndarray) -> np.ndarray:
    """npv of each row of ``splits`` (one monthly budget per channel), built independently of allocate."""
    count = splits.shape[0]
    channels = _budget_channels(scenario, splits)
    figures = evaluate(dataclasses.replace(realize(scenario), acquisition=tuple(channels))).figures
    return np.broadcast_to(figures["npv"], (count,))


MIXED = """\
- {name: Search, type: cpa, bid: 18, budget: 150_000, saturation_budget: 120_000}
- {name: Feed, type: cpm, cpm: 30, ctr: 0.02, cvr: 0.1, budget: 200_000, saturation_budget: 300_000, months: 4-12}
- {name: Creators, type: kol, posts: 3, fee: 30_000, views: 600_000, view_to_user: 0.004, views_decay: 0.2, months: 1-3}
- {name: Cheap store, type: cpa, bid: 12, users: 2000}
"""
MIXED_REST = """\
horizon_months: 12
discount_rate: 0.1
virality: 0.05
retention: {monthly_churn: 0.25}
monetization:
  purchases: [{name: item, price: 20, rate: 1}]
costs: {serving_per_active_user: 1, fixed: [{name: team, monthly: 50_000}]}
"""


def _evaluate_phase_splits(scenario: Scenario, phases: list[tuple[tuple[int, ...], dict[str, np.ndarray]]]) -> np.ndarray:
    """npv of candidate splits given per phase (months, {channel: monthly budget per candidate}): each channel
    becomes one copy per phase, active in its months, bought with that budget; built independently of allocate."""
    channels = []
    for months, split in phases:
        one_phase = dataclasses.replace(scenario, acquisition=tuple(
            dataclasses.replace(channel, months=months) for channel in scenario.acquisition if channel.name in split))
        budgets = np.array([split[channel.name] for channel in one_phase.acquisition]).T
        channels += _budget_channels(one_phase, budgets)
    count = len(next(iter(phases[0][1].values())))
    figures = evaluate(dataclasses.replace(realize(scenario), acquisition=tuple(channels))).figures
    return np.broadcast_to(figures["npv"], (count,))


def test_reported_optimum_beats_a_thousand_random_feasible_splits() -> None:
    """Creators run in months 1-3 and Feed in 4-12: two phases, B spent in each month of both."""
    scenario = _scenario(MIXED, MIXED_REST)
    budget = 500_000.0
    maximum = 60_000.0
    result = allocate(scenario, budget, maximums={"Cheap store": maximum})
    # Today's kol budget is posts x fee, a users-given cpa channel's is users x bid.
    assert [phase.months for phase in result.phases] == [(1, 2, 3), tuple(range(4, 13))]
    assert result.phases[0].current == pytest.approx({"Search": 150_000, "Creators": 90_000, "Cheap store": 24_000})
    assert result.phases[1].current == pytest.approx({"Search": 150_000, "Feed": 200_000, "Cheap store": 24_000})
    # Every movable channel, each at its budget a month over the months it runs (the phases' own are above).
    assert result.current_split == pytest.approx({"Search": 150_000, "Creators": 90_000, "Cheap store": 24_000, "Feed": 200_000})
    rng = np.random.default_rng(7)
    draws = []
    for names in (["Search", "Creators", "Cheap store"], ["Search", "Feed", "Cheap store"]):
        shares = rng.dirichlet(np.ones(3), size=5000) * budget
        draws.append(dict(zip(names, shares[shares[:, 2] <= maximum][:1000].T, strict=True)))
    assert all(len(split["Search"]) == 1000 for split in draws)
    random_values = _evaluate_phase_splits(scenario, [((1, 2, 3), draws[0]), (tuple(range(4, 13)), draws[1])])
    best = [(phase.months, {name: np.array([amount]) for name, amount in phase.best.items()}) for phase in result.phases]
    assert result.best_value == pytest.approx(_evaluate_phase_splits(scenario, best)[0], rel=1e-12)
    assert result.best_value >= random_values.max()
    assert result.best_value >= result.current_value
    for phase in result.phases:
        assert sum(phase.best.values()) == pytest.approx(budget, rel=1e-12)
        assert phase.best["Cheap store"] <= maximum * (1 + 1e-12)
    # B is spent in every one of the 12 months.
    assert result.best_spend == pytest.approx(12 * budget)
    assert AllocationWarning("different_months") in result.warnings
    # The curve's value at B is computed by the search's own arithmetic: it must agree with the engine.
    at_budget = next(point for point in result.curve if point.budget == budget)
    assert at_budget.value == pytest.approx(result.best_value, rel=1e-9)


def test_locks_and_bounds_hold() -> None:
    channels = """\
    - {name: A, type: cpa, bid: 20, budget: 10_000, saturation_budget: 50_000}
    - {name: B, type: cpa, bid: 20, budget: 10_000, saturation_budget: 50_000}
    - {name: Locked, type: cpa, bid: 20, users: 2000, saturation_budget: 50_000}
    - {name: Poster, type: flat, cost: 5_000, users: 100}
    """
    # saturation_budget with users is not allowed in a file: drop it from the locked channel.
    scenario = _scenario(channels.replace("users: 2000, saturation_budget: 50_000", "users: 2000"))
    at_least = allocate(scenario, 100_000, objective="net_cash", locks=["Locked"], minimums={"A": 70_000})
    assert at_least.best_split == pytest.approx({"A": 70_000, "B": 30_000}, rel=1e-9)
    rows = {row.name: row for row in at_least.channels}
    assert (rows["Locked"].status, rows["Locked"].best_budget) == ("locked", 40_000)
    assert (rows["Poster"].status, rows["Poster"].best_budget) == ("fixed", 5_000)
    assert AllocationWarning("on_minimum", "A") in at_least.warnings
    assert AllocationWarning("locked", "Locked") in at_least.warnings
    # One phase, its monthly spend today not B.
    assert AllocationWarning("current_total_differs", phases=(0,)) in at_least.warnings
    # Locked and flat channels are outside B: 70k and 30k buy 70k/20 x 50/120 + 30k/20 x 50/80 users.
    users = 3500 * 50 / 120 + 1500 * 50 / 80 + 2000 + 100
    assert at_least.best_value == pytest.approx(100 * users - 100_000 - 40_000 - 5_000)

    at_most = allocate(scenario, 100_000, objective="net_cash", locks=["Locked"], maximums={"A": 20_000})
    assert at_most.best_split == pytest.approx({"A": 20_000, "B": 80_000}, rel=1e-9)
    assert AllocationWarning("on_maximum", "A") in at_most.warnings


def test_best_equal_to_current_is_warned() -> None:
    scenario = _scenario(
        """\
        - {name: A, type: cpa, bid: 20, budget: 50_000, saturation_budget: 50_000}
        - {name: B, type: cpa, bid: 20, budget: 50_000, saturation_budget: 50_000}
        """
    )
    result = allocate(scenario, 100_000, objective="npv")
    assert result.best_value == pytest.approx(result.current_value)
    assert AllocationWarning("best_is_current") in result.warnings


def test_p10_moves_budget_away_from_the_channel_with_wide_returns() -> None:
    """Both channels buy 0.1 x 50k/(b+50k) users per yuan on average (ctr 1%), one with ctr uniform
    on [0.2%, 1.8%]. Their medians agree, so npv splits evenly. The 10th percentile of that ctr
    is 0.36%, 0.36 x the sure one: p10 npv is 100 x (f(b_sure) + 0.36 f(b_wide)) - B with
    f'(b) = 0.1 (h/(b+h))^2, so (B - a + h) = 0.6 (a + h) at the best: a = 75k for the sure channel."""
    scenario = _scenario(
        """\
        - {name: Sure, type: cpm, cpm: 10, ctr: 0.01, cvr: 0.1, budget: 50_000, saturation_budget: 50_000}
        - {name: Wide, type: cpm, cpm: 10, ctr: {dist: uniform, low: 0.002, high: 0.018}, cvr: 0.1, budget: 50_000,
           saturation_budget: 50_000}
        """
    )
    assert allocate(scenario, 100_000, objective="npv").best_split == pytest.approx({"Sure": 50_000, "Wide": 50_000}, rel=1e-5)
    cautious = allocate(scenario, 100_000, objective="p10_npv", samples=2_000, seed=1)
    assert cautious.best_split["Sure"] == pytest.approx(75_000, abs=1_500)
    assert cautious.best_value > cautious.current_value
    at_budget = next(point for point in cautious.curve if point.budget == 100_000)
    assert at_budget.value == pytest.approx(cautious.best_value, rel=1e-9)


def test_payback_probability_prefers_the_sure_channel() -> None:
    """Both channels run in month 1 only; a user pays 60 in each of months 1 and 2 (churn 0), and
    the target is payback in month 1: 60 x users >= B. Sure buys at 50, Wide at a bid uniform on
    [20, 80]. At 50/50 the target is met when 1000 + 50k/bid >= 1666.7, i.e. bid <= 75: a
    probability of 55/60. It is met in every draw (bid <= 80) when b_wide/80 + b_sure/50 >= B/60,
    i.e. b_wide <= 0.8 b_sure, b_wide <= 44,444: the best probability is 1."""
    rest = """\
horizon_months: 2
retention: {monthly_churn: 0}
monetization:
  purchases: [{name: item, price: 60, rate: 1}]
targets: {max_payback_months: 1}
"""
    scenario = _scenario(
        """\
        - {name: Sure, type: cpa, bid: 50, budget: 50_000, months: 1}
        - {name: Wide, type: cpa, bid: {dist: uniform, low: 20, high: 80}, budget: 50_000, months: 1}
        """,
        rest,
    )
    result = allocate(scenario, 100_000, objective="payback_probability", samples=2_000, seed=3)
    assert result.target_payback_months == 1
    assert result.current_value == pytest.approx(55 / 60, abs=0.02)
    assert result.best_value == 1.0
    assert result.best_split["Wide"] <= 100_000 * 4 / 9
    # Without the budget curve (no curve searches at all) the optimum is the same.
    alone = allocate(scenario, 100_000, objective="payback_probability", samples=2_000, seed=3, curve=())
    assert (alone.best_value, alone.curve) == (1.0, ())


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"locks": ["Nope"]}, "no channel named"),
        ({"locks": ["Poster"]}, "flat channel"),
        ({"minimums": {"A": 60_000, "B": 60_000}}, "minimums add up"),
        ({"maximums": {"A": 10_000, "B": 10_000}}, "maximums add up"),
        ({"minimums": {"A": 5}, "maximums": {"A": 4}}, "exceeds its maximum"),
        ({"locks": ["A", "B"]}, "no cpa, cpm or kol channel"),
        ({"objective": "roi"}, "objective: expected one of npv, net_cash, p10_npv, payback_probability, found .roi."),
    ],
)
def test_requests_that_cannot_be_set_up(kwargs: dict[str, object], message: str) -> None:
    scenario = _scenario(
        """\
        - {name: A, type: cpa, bid: 20, budget: 10_000}
        - {name: B, type: cpa, bid: 20, budget: 10_000}
        - {name: Poster, type: flat, cost: 5_000, users: 100}
        """
    )
    with pytest.raises(AllocationError, match=message):
        allocate(scenario, 100_000, **kwargs)  # type: ignore[arg-type]
