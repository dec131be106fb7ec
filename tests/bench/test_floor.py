"""The engine against the benchmark floor, and the engine's chunking helpers.

The floor (``benchmarks/floor.py``) is an independent, minimal computation of
monthly net cash in cumulative form; the engine must give the same numbers.
Chunked evaluation must give the same numbers as one pass.
"""

from __future__ import annotations

import dataclasses
import importlib.util
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from aigc_roi.model import engine
from aigc_roi.model.engine import FIGURE_NAMES, MONTH_SERIES, evaluate, evaluate_figures, take_samples
from aigc_roi.model.sampling import realize
from aigc_roi.model.scenario import (
    ByMonth,
    Costs,
    CpaChannel,
    Distribution,
    FixedCost,
    Monetization,
    Plan,
    Purchase,
    RetentionPoints,
    Scenario,
)

FLOOR_PATH = Path(__file__).resolve().parents[2] / "benchmarks" / "floor.py"


def load_floor() -> ModuleType:
    spec = importlib.util.spec_from_file_location("engine_floor", FLOOR_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sampled_scenario(horizon: int) -> Scenario:
    """Sampled retention, bids, budgets, conversion and costs; plans of 1 and 12 months."""
    return Scenario(
        name="floor",
        horizon_months=horizon,
        retention=RetentionPoints(points=(
            (1, Distribution("uniform", 0.2, 0.5)),
            (3, Distribution("uniform", 0.1, 0.3)),
            (7, 0.1),
            (13, Distribution("triangular", 0.0, 0.08, 0.05)),
        )),
        acquisition=(
            CpaChannel(name="a", bid=Distribution("lognormal", 8.0, 20.0), budget=Distribution("uniform", 5e4, 2e5),
                       saturation_budget=1e6, months=(1, 2, 3, 7)),
            CpaChannel(name="b", bid=12.0, budget=3e4),
            # A bid that rises by month, its last month uncertain: the engine's by-month path against the floor's own.
            CpaChannel(name="c", bid=ByMonth(((2, 12.0), (5, Distribution("uniform", 20.0, 30.0)))), budget=2e4,
                       months=(1, 3, 4, 5, 6)),
        ),
        organic_users=Distribution("uniform", 100.0, 900.0),
        virality=Distribution("uniform", 0.0, 0.3),
        monetization=Monetization(
            plans=(
                Plan(name="month", price=29.0, period_months=1, conversion=Distribution("uniform", 0.01, 0.05), renewal=0.75),
                Plan(name="year", price=299.0, period_months=12, conversion=0.02, renewal=Distribution("uniform", 0.3, 0.7)),
            ),
            purchases=(Purchase(name="tip", price=6.0, rate=Distribution("uniform", 0.0, 0.01)),),
            revenue_fee=0.07,
        ),
        costs=Costs(serving_per_active_user=Distribution("uniform", 0.2, 0.8),
                    fixed=(FixedCost(name="tools", monthly=Distribution("uniform", 300.0, 1000.0), months=(2, 3, 4)),)),
    )


@pytest.mark.parametrize("horizon", [1, 5, 14, 40])
def test_engine_net_cash_equals_the_floor(horizon: int) -> None:
    samples = 64
    realized = realize(sampled_scenario(horizon), samples, np.random.default_rng(horizon))
    expected = load_floor().monthly_net_cash(realized, samples)
    got = evaluate(realized).months["net_cash"]
    scale = np.abs(expected).max(axis=1, keepdims=True)
    assert got.shape == expected.shape == (samples, horizon)
    relative_error = np.abs(got - expected) / scale
    assert relative_error.max() <= 1e-9


def test_chunked_evaluation_equals_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    realized = realize(sampled_scenario(30), 50, np.random.default_rng(1))
    whole = evaluate(realized)
    monkeypatch.setattr(engine, "CHUNK_CELLS", 7 * 30)  # 7 samples a chunk, the last one short
    chunked = evaluate(realized)
    figures_only = evaluate_figures(realized)
    for name in MONTH_SERIES:
        np.testing.assert_allclose(chunked.months[name], whole.months[name], rtol=1e-13, atol=0, err_msg=name)
    for name in FIGURE_NAMES:
        np.testing.assert_allclose(chunked.figures[name], whole.figures[name], rtol=1e-13, atol=0, err_msg=name)
        np.testing.assert_allclose(figures_only[name], whole.figures[name], rtol=1e-13, atol=0, err_msg=name)
    np.testing.assert_allclose(chunked.channel_contribution, whole.channel_contribution, rtol=1e-13)
    np.testing.assert_allclose(chunked.retention, whole.retention, rtol=1e-13)


def test_irr_is_left_out_only_when_not_asked() -> None:
    realized = realize(sampled_scenario(24), 20, np.random.default_rng(2))
    with_irr, without = evaluate(realized), evaluate(realized, irr=False)
    assert tuple(with_irr.figures) == FIGURE_NAMES
    assert tuple(without.figures) == tuple(name for name in FIGURE_NAMES if name != "irr")
    for name in without.figures:
        np.testing.assert_array_equal(without.figures[name], with_irr.figures[name])
    assert "irr" not in evaluate_figures(realized, irr=False)


def test_take_samples_slices_every_sample_array_and_keeps_the_rest() -> None:
    realized = realize(sampled_scenario(12), 10, np.random.default_rng(3))
    part = take_samples(realized, 3, 7)
    bid = realized.acquisition[0].bid
    assert isinstance(bid, np.ndarray)
    np.testing.assert_array_equal(part.acquisition[0].bid, bid[3:7])
    assert part.acquisition[1].bid == 12.0
    assert part.monetization.plans[0].price == 29.0
    assert [age for age, _ in part.retention.points] == [1, 3, 7, 13]  # type: ignore[union-attr]
    np.testing.assert_array_equal(part.retention.points[0][1], realized.retention.points[0][1][3:7])  # type: ignore[union-attr]
    whole = evaluate(realized).figures
    for name, values in evaluate(part).figures.items():
        np.testing.assert_allclose(values, whole[name][3:7], rtol=1e-13, atol=0, err_msg=name)


def test_take_samples_of_a_scenario_without_samples_is_the_scenario() -> None:
    realized = realize(sampled_scenario(12))
    assert take_samples(realized, 0, 1) is realized
    assert take_samples(realized, 500, 1000) is realized


@pytest.mark.parametrize("bounds", [(-1, 3), (3, 3), (5, 11)])
def test_take_samples_refuses_a_range_outside_the_samples(bounds: tuple[int, int]) -> None:
    realized = realize(sampled_scenario(12), 10, np.random.default_rng(4))
    with pytest.raises(ValueError, match="start < stop"):
        take_samples(realized, *bounds)


def test_a_length_one_array_holds_for_every_sample() -> None:
    realized = realize(sampled_scenario(12), 10, np.random.default_rng(5))
    widened = dataclasses.replace(realized, organic_users=np.array([500.0]))
    part = take_samples(widened, 2, 4)
    np.testing.assert_array_equal(part.organic_users, [500.0])


def test_chunked_series_are_read_in_order_and_joined_once(monkeypatch: pytest.MonkeyPatch) -> None:
    realized = realize(sampled_scenario(12), 20, np.random.default_rng(3))
    monkeypatch.setattr(engine, "CHUNK_CELLS", 6 * 12)
    result = evaluate(realized)
    assert tuple(result.months) == MONTH_SERIES and len(result.months) == len(MONTH_SERIES)
    first = result.months["net_cash"]
    assert first.shape == (20, 12) and result.months["net_cash"] is first
    np.testing.assert_allclose(result.months["cumulative_cash"], np.cumsum(first, axis=1), rtol=1e-12)
