"""Active users of retention points drawn per sample: the running-sum form against sums worked by hand and age by age."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aigc_roi.model.active_users import _piecewise_active
from aigc_roi.model.engine import evaluate
from aigc_roi.model.scenario import CpaChannel, RetentionPoints, Scenario


def test_two_samples_worked_by_hand() -> None:
    # Points {1: 0.5, 3: 0.2} and {1: 0.6, 3: 0.3}: R = 1, 0.5, 0.35, 0.2, 0.2 and 1, 0.6, 0.45, 0.3, 0.3.
    # 100 users join in month 1 and 50 in month 2: A(t) = 100 R(t) + 50 R(t - 1).
    new_users = np.array([[100.0, 100.0], [50.0, 50.0], [0.0, 0.0], [0.0, 0.0], [0.0, 0.0]])
    shares = [np.ones(1), np.array([0.5, 0.6]), np.array([0.2, 0.3])]
    active = _piecewise_active(new_users, [0, 1, 3], shares)
    np.testing.assert_allclose(active[:, 0], [100.0, 100.0, 60.0, 37.5, 30.0], rtol=1e-14)
    np.testing.assert_allclose(active[:, 1], [100.0, 110.0, 75.0, 52.5, 45.0], rtol=1e-14)


def test_a_last_share_of_zero_leaves_a_residue_of_rounding_never_below_zero() -> None:
    # {1: 0.7, 2: 0.1, 4: 0.0}: R = 1, 0.7, 0.1, 0.05, 0, 0, ...; one cohort of 3 users. From age 4 no one is
    # active: the running sums leave at most 1e-15 of the users per month summed (docs/formulas.md §4.3).
    months = 120
    new_users = np.zeros((months, 3))
    new_users[0] = 3.0
    shares = [np.ones(1), np.full(3, 0.7), np.full(3, 0.1), np.zeros(3)]
    active = _piecewise_active(new_users, [0, 1, 2, 4], shares)
    np.testing.assert_allclose(active[:4], np.array([[3.0], [2.1], [0.3], [0.15]]).repeat(3, axis=1), rtol=1e-14)
    assert (active[4:] >= 0.0).all()
    assert (active[4:] <= 1e-15 * 3.0 * np.arange(5, months + 1)[:, None]).all()


def sum_age_by_age(new_users: np.ndarray, curve: np.ndarray) -> np.ndarray:
    """A(t) = sum_{a <= t} N(t - a) R(a), each sample on its own, in plain Python floats."""
    horizon, samples = new_users.shape
    return np.array([[sum(float(new_users[t - a, j]) * float(curve[a, j]) for a in range(t + 1)) for j in range(samples)]
                     for t in range(horizon)])


@pytest.mark.parametrize("horizon", [24, 120])
def test_the_engine_sums_drawn_points_as_the_cohorts_do(horizon: int) -> None:
    rng = np.random.default_rng(7)
    samples = 4
    knots = (1, 3, 6, 12, 24)
    shares = np.sort(rng.uniform(0.02, 0.6, (len(knots), samples)), axis=0)[::-1]
    retention = RetentionPoints(points=tuple((age, np.ascontiguousarray(row)) for age, row in zip(knots, shares, strict=True)))
    bid = rng.uniform(5.0, 15.0, samples)
    scenario = Scenario(name="drawn points", horizon_months=horizon, retention=retention,
                        acquisition=(CpaChannel(name="CPA", bid=bid, budget=10_000.0),), organic_users=300.0)
    result = evaluate(scenario)
    # R by hand: linear between (0, 1) and the points, flat after the last.
    ages = np.arange(horizon)
    curve = np.stack([np.interp(ages, (0, *knots), (1.0, *shares[:, j])) for j in range(samples)], axis=1)
    new_users = result.months["new_users"].T
    expected = sum_age_by_age(new_users, curve)
    np.testing.assert_allclose(result.months["active_users"].T, expected, rtol=1e-12)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 130), st.integers(1, 6), st.lists(st.integers(1, 150), min_size=1, max_size=6, unique=True),
       st.integers(0, 2**32 - 1))
def test_running_sums_match_the_sum_age_by_age_for_any_points(horizon: int, samples: int, ages: list[int],
                                                              seed: int) -> None:
    # Knots past the horizon, a knot at age 1, one knot or six; shares falling from 1 toward 0 in each sample.
    rng = np.random.default_rng(seed)
    knots = sorted(ages)
    shares = np.sort(rng.uniform(0.0, 1.0, (len(knots), samples)), axis=0)[::-1]
    new_users = rng.uniform(0.0, 1e5, (horizon, samples)) * (rng.uniform(size=(horizon, 1)) < 0.8)
    curve = np.stack([np.interp(np.arange(horizon), (0, *knots), (1.0, *shares[:, j])) for j in range(samples)], axis=1)
    active = _piecewise_active(new_users, [0, *knots], [np.ones(1), *shares])
    expected = sum_age_by_age(new_users, curve)
    joined = np.cumsum(new_users, axis=0)
    assert (active >= 0.0).all()
    assert (np.abs(active - expected) <= 1e-15 * np.arange(1, horizon + 1)[:, None] * joined + 1e-300).all()
