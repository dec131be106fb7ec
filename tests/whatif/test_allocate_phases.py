"""Allocation over phases (issue 22): the best split of every candidate spending the same money, checked
against a brute-force search over a coarse grid of such splits, evaluated by the engine directly."""

from __future__ import annotations

import dataclasses
import itertools
import textwrap

import numpy as np
import pytest

from aigc_roi.model.engine import evaluate
from aigc_roi.model.sampling import realize
from aigc_roi.model.scenario import CpaChannel, CpmChannel, KolChannel, Scenario
from aigc_roi.reader.load import load_text
from aigc_roi.whatif.allocate import AllocationWarning, Limits, allocate

PLAN = """\
name: Two phases
horizon_months: 6
discount_rate: 0
retention: {monthly_churn: 0.3}
monetization:
  purchases: [{name: item, price: 20, rate: 1}]
acquisition:
  - {name: Search, type: cpa, bid: 10, budget: 50_000, saturation_budget: 40_000}
  - {name: Creators, type: kol, posts: 2, fee: 20_000, views: 500_000, view_to_user: 0.005, views_decay: 0.3, months: 1-2}
  - {name: Feed, type: cpm, cpm: 20, ctr: 0.02, cvr: 0.1, budget: 30_000, saturation_budget: 60_000, months: 3-6}
"""
EARLY, LATE = (1, 2), (3, 4, 5, 6)
GRID = np.linspace(0.0, 1.0, 21)


def _plan() -> Scenario:
    return load_text(textwrap.dedent(PLAN), "plan.yaml").scenario


def _figures(scenario: Scenario, phases: list[tuple[tuple[int, ...], dict[str, np.ndarray]]]) -> dict[str, np.ndarray]:
    """The figures of candidates given per phase as (months, {channel: monthly budget per candidate})."""
    by_name = {channel.name: channel for channel in realize(scenario).acquisition}
    channels = []
    for months, split in phases:
        for name, budgets in split.items():
            channel = dataclasses.replace(by_name[name], months=months)
            if isinstance(channel, KolChannel):
                channels.append(dataclasses.replace(channel, posts=budgets / float(channel.fee)))  # type: ignore[arg-type]
            elif isinstance(channel, CpaChannel):
                channels.append(dataclasses.replace(channel, budget=budgets, users=None))
            else:
                assert isinstance(channel, CpmChannel)
                channels.append(dataclasses.replace(channel, budget=budgets, impressions=None))
    return dict(evaluate(dataclasses.replace(realize(scenario), acquisition=tuple(channels))).figures)


def _npv(scenario: Scenario, phases: list[tuple[tuple[int, ...], dict[str, np.ndarray]]]) -> np.ndarray:
    count = len(next(iter(phases[0][1].values())))
    return np.broadcast_to(_figures(scenario, phases)["npv"], (count,))


def _within_grid_resolution(best: float, values: np.ndarray) -> None:
    """The optimum beats every grid point, by no more than the grid's own step of value near its best point."""
    top = np.unravel_index(np.argmax(values), values.shape)
    neighbours = [values[tuple(min(max(i + d, 0), n - 1) for i, d, n in zip(top, shift, values.shape, strict=True))]
                  for shift in itertools.product((-1, 0, 1), repeat=values.ndim)]
    resolution = float(values[top] - min(neighbours))
    assert best >= values[top] - 1e-9 * abs(values[top])
    assert best - values[top] <= resolution + 1e-9 * abs(values[top])


def test_monthly_budget_matches_brute_force_over_same_money_splits() -> None:
    scenario, budget = _plan(), 100_000.0
    result = allocate(scenario, budget)
    assert [phase.months for phase in result.phases] == [EARLY, LATE]
    early, late = np.meshgrid(GRID, GRID, indexing="ij")
    search_early, search_late = early.ravel() * budget, late.ravel() * budget
    values = _npv(scenario, [(EARLY, {"Search": search_early, "Creators": budget - search_early}),
                             (LATE, {"Search": search_late, "Feed": budget - search_late})]).reshape(early.shape)
    _within_grid_resolution(result.best_value, values)
    for phase in result.phases:
        assert sum(phase.best.values()) == pytest.approx(budget, rel=1e-12)
    at_best = _npv(scenario, [(phase.months, {name: np.array([amount]) for name, amount in phase.best.items()})
                              for phase in result.phases])
    assert result.best_value == pytest.approx(at_best[0], rel=1e-12)
    # Every candidate spends B in each of the 6 months; today's plan spends 90k in months 1-2, 80k in 3-6.
    assert result.best_spend == pytest.approx(6 * budget)
    assert result.current_spend == pytest.approx(2 * 90_000 + 4 * 80_000)
    assert AllocationWarning("different_months") in result.warnings


def test_total_budget_matches_brute_force_over_phases_and_channels() -> None:
    scenario, total = _plan(), 600_000.0
    result = allocate(scenario, total, total=True)
    shares = np.linspace(0.0, 1.0, 11)
    early_money, early_search, late_search = (axis.ravel() for axis in np.meshgrid(shares, shares, shares, indexing="ij"))
    early_monthly = early_money * total / len(EARLY)
    late_monthly = (1 - early_money) * total / len(LATE)
    values = _npv(scenario, [
        (EARLY, {"Search": early_monthly * early_search, "Creators": early_monthly * (1 - early_search)}),
        (LATE, {"Search": late_monthly * late_search, "Feed": late_monthly * (1 - late_search)}),
    ]).reshape(11, 11, 11)
    _within_grid_resolution(result.best_value, values)
    spent = sum(len(phase.months) * sum(phase.best.values()) for phase in result.phases)
    assert spent == pytest.approx(total, rel=1e-12)
    assert result.best_spend == pytest.approx(total, rel=1e-12)


def test_cash_need_cap_matches_brute_force_among_splits_that_keep_it() -> None:
    """With a team costing 120k a month the plan needs cash first; the cap binds (the uncapped best needs ~86k)."""
    plan = PLAN.replace("acquisition:", "costs: {fixed: [{name: team, monthly: 120_000}]}\nacquisition:")
    scenario, total, cap = load_text(textwrap.dedent(plan), "plan.yaml").scenario, 600_000.0, 70_000.0
    uncapped = allocate(scenario, total, total=True, curve=())
    result = allocate(scenario, total, total=True, limits=Limits(max_cash_need=cap), curve=())
    shares = np.linspace(0.0, 1.0, 21)
    early_money, early_search, late_search = (axis.ravel() for axis in np.meshgrid(shares, shares, shares, indexing="ij"))
    early_monthly, late_monthly = early_money * total / len(EARLY), (1 - early_money) * total / len(LATE)
    figures = _figures(scenario, [
        (EARLY, {"Search": early_monthly * early_search, "Creators": early_monthly * (1 - early_search)}),
        (LATE, {"Search": late_monthly * late_search, "Feed": late_monthly * (1 - late_search)}),
    ])
    need = np.broadcast_to(figures["peak_cash_need"], early_money.shape)
    npv = np.broadcast_to(figures["npv"], early_money.shape)
    assert uncapped.best_value > npv[need <= cap].max()
    check = result.constraints["max_cash_need"]
    assert (check.limit, check.met) == (cap, True) and check.value <= cap * (1 + 1e-9)
    assert result.best_value >= npv[need <= cap].max()
    assert result.best_value <= uncapped.best_value


def test_chance_constraint_holds_back_the_cheaper_but_wider_channel() -> None:
    """Month 1 only, a user pays 60 in each of months 1 and 2, target payback in month 1: 60 x users >= B.
    Sure buys at 50, Wide at a bid uniform on [10, 70] (median 40), so npv at the median puts all of
    B = 100k into Wide, which pays back in month 1 only when bid <= 60 (users 100k/bid >= 1666.7):
    P = 50/60. With w in Wide, payback needs bid <= 1/(1/50 - 333.33/w); P >= 0.9 needs that bound
    >= 64, i.e. w <= 333.33 / (1/50 - 1/64) = 76,190."""
    plan = """\
    name: Chance
    horizon_months: 2
    retention: {monthly_churn: 0}
    targets: {max_payback_months: 1}
    monetization:
      purchases: [{name: item, price: 60, rate: 1}]
    acquisition:
      - {name: Sure, type: cpa, bid: 50, budget: 50_000, months: 1}
      - {name: Wide, type: cpa, bid: {dist: uniform, low: 10, high: 70}, budget: 50_000, months: 1}
    """
    scenario = load_text(textwrap.dedent(plan), "plan.yaml").scenario
    free = allocate(scenario, 100_000, curve=())
    assert free.best_split == pytest.approx({"Sure": 0, "Wide": 100_000}, abs=1)
    held = allocate(scenario, 100_000, limits=Limits(min_payback_probability=0.9), samples=20_000, curve=())
    assert held.best_split["Wide"] == pytest.approx((100_000 / 300) / (1 / 50 - 1 / 64), abs=2_000)
    check = held.constraints["min_payback_probability"]
    assert check.met and check.value >= 0.9
    assert AllocationWarning("constraint_not_met", "min_payback_probability") not in held.warnings


def test_target_roas_fills_each_channel_to_it() -> None:
    """One month, a user worth 100, cpa bid 20 with h = 50k: marginal ROAS 100/20 x (h/(b+h))^2 = X at
    b = h (sqrt(5/X) - 1): 50k for X = 1.25; the other channel, bid 40, reaches 1.25 at
    b = 50k (sqrt(2.5/1.25) - 1) = 20,711."""
    plan = """\
    name: Target
    horizon_months: 1
    retention: {monthly_churn: 1}
    monetization:
      purchases: [{name: item, price: 100, rate: 1}]
    acquisition:
      - {name: A, type: cpa, bid: 20, budget: 10_000, saturation_budget: 50_000}
      - {name: B, type: cpa, bid: 40, budget: 10_000, saturation_budget: 50_000}
    """
    scenario = load_text(textwrap.dedent(plan), "plan.yaml").scenario
    result = allocate(scenario, 0, target_roas=1.25, curve=())
    assert result.best_split == pytest.approx({"A": 50_000, "B": 50_000 * (2 ** 0.5 - 1)}, rel=1e-4)
    assert [row.best.marginal_roas for row in result.channels] == pytest.approx([1.25, 1.25], rel=1e-4)
    assert result.total and result.budget == pytest.approx(50_000 * 2 ** 0.5, rel=1e-4)


def test_warns_when_the_next_yuan_returns_less_than_itself() -> None:
    """Two cpa channels, bid 20, h = 50k, a user paying 100 once: split evenly, each channel's marginal
    ROAS is 100/20 x (h/(b+h))^2: 5 x (50/75)^2 = 2.22 at B = 50k, 5 x (50/150)^2 = 0.56 at B = 200k."""
    plan = """\
    name: Saturating
    horizon_months: 1
    retention: {monthly_churn: 1}
    monetization:
      purchases: [{name: item, price: 100, rate: 1}]
    acquisition:
      - {name: A, type: cpa, bid: 20, budget: 10_000, saturation_budget: 50_000}
      - {name: B, type: cpa, bid: 20, budget: 10_000, saturation_budget: 50_000}
    """
    scenario = load_text(textwrap.dedent(plan), "plan.yaml").scenario
    small = allocate(scenario, 50_000, curve=())
    assert [row.best.marginal_roas for row in small.channels] == pytest.approx([5 * (50 / 75) ** 2] * 2, rel=1e-4)
    assert not [warning for warning in small.warnings if warning.code == "marginal_roas_below_one"]
    large = allocate(scenario, 200_000, curve=())
    assert [row.best.marginal_roas for row in large.channels] == pytest.approx([5 * (50 / 150) ** 2] * 2, rel=1e-4)
    assert {AllocationWarning("marginal_roas_below_one", "A"), AllocationWarning("marginal_roas_below_one", "B")} <= set(large.warnings)
    # One phase: no warning about different months; a user worth 100 bought at 20 x 150/50 = 60: LTV/CAC 5/3.
    assert AllocationWarning("different_months") not in large.warnings
    assert large.channels[0].best.ltv_to_cac == pytest.approx(100 / 60, rel=1e-6)
