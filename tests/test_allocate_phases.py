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
from aigc_roi.whatif.allocate import AllocationWarning, allocate

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


def _npv(scenario: Scenario, phases: list[tuple[tuple[int, ...], dict[str, np.ndarray]]]) -> np.ndarray:
    """npv of candidates given per phase as (months, {channel: monthly budget per candidate})."""
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
    count = len(next(iter(phases[0][1].values())))
    npv = evaluate(dataclasses.replace(realize(scenario), acquisition=tuple(channels))).figures["npv"]
    return np.broadcast_to(npv, (count,))


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
