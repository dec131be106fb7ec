"""Cohort sums as matrix products where every sample shares the users or one user's amounts
(aigc_roi/model/cohort_products.py): the figures of the engine's own sums, to about 1e-15."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
from blas_orders import blas_sums_columns_alike, reordered_sum_bound

from aigc_roi.model import chunk
from aigc_roi.model.cohort_products import CohortProducts
from aigc_roi.model.engine import evaluate, evaluate_batch
from aigc_roi.model.sampling import realize
from aigc_roi.model.scenario import Scenario
from aigc_roi.model.sources import toeplitz_product
from aigc_roi.reader.load import load_text

PLAN = """
name: every amount a cohort sum reads
horizon_months: 18
ltv_months: 30
discount_rate: 0.1
acquisition:
  - {{name: A, type: cpa, bid: {bid}, budget: {budget}, saturation_budget: 900000}}
  - {{name: B, type: kol, posts: 2, fee: 3000, views: 50000, view_to_user: 0.01, views_decay: 0.2, months: [2, 3, 4]}}
  - {{name: C, type: flat, cost: 0, users: 300, months: 1-6}}
organic_users: 800
virality: 0.04
referral_reward: 3
retention: {{points: {{1: {first}, 3: 0.25, 6: 0.17, 9: 0.15, 12: 0.11}}}}
monetization:
  revenue_fee: 0.05
  plans:
    - {{name: Monthly, price: {price}, period: month, conversion: 4%, renewal: {renewal}, fee: 0.3}}
    - {{name: Yearly, price: 199, period: year, conversion: 1%, renewal: 0.5}}
    - {{name: Listed, price: 49, period: quarter, conversion: 2%, renewal: [0.6, 0.7]}}
    - {{name: Aged, price: 9, period: month, conversion: {{0: 1%, 2: 0.5%}}, renewal: 0.8}}
  purchases: [{{name: Pack, price: 19.9, rate: 0.02, unit_cost: 4}}]
  orders: [{{name: Team, price: 5000, count: 2, months: 3-18, fee: 0.01, unit_cost: 100}}]
costs: {{serving_per_active_user: 0.8, serving_per_subscriber: 0.5, fixed: [{{name: Tools, monthly: 600}}]}}
"""
CHANNELS_RANGED = PLAN.format(bid="8..14", budget="40000..60000", first=0.4, price=30, renewal=0.7)
ITEMS_RANGED = PLAN.format(bid=10, budget=50000, first="0.35..0.45", price="25..35", renewal="0.6..0.8")


def _drawn(text: str) -> Scenario:
    return realize(load_text(text, "plan.yaml").scenario, 24, np.random.default_rng(11))


@pytest.mark.parametrize(("text", "users_shared"), [(CHANNELS_RANGED, False), (ITEMS_RANGED, True)],
                         ids=["user-shared", "users-shared"])
def test_products_give_the_figures_of_the_engines_own_sums(text: str, users_shared: bool,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    drawn = _drawn(text)
    taken: list[CohortProducts | None] = []
    real = CohortProducts.of

    def spied(*args: object) -> CohortProducts | None:
        taken.append(real(*args))  # type: ignore[arg-type]
        return taken[-1]

    monkeypatch.setattr(chunk.CohortProducts, "of", spied)
    products = evaluate_batch(drawn).figures
    assert taken and taken[0] is not None and taken[0].users == users_shared
    # The engine's own sums: a run of the same samples (recursions, passes over the ages).
    run = evaluate(drawn).figures
    for name, values in run.items():
        for sample, (a, b) in enumerate(zip(values, products[name], strict=True)):
            assert (math.isnan(a) and math.isnan(b)) or b == pytest.approx(a, rel=1e-12, abs=1e-6), (name, sample)


@pytest.mark.parametrize("text", [CHANNELS_RANGED, ITEMS_RANGED], ids=["user-shared", "users-shared"])
def test_as_evaluate_is_a_runs_figures_to_the_last_bit(text: str) -> None:
    drawn = _drawn(text)
    run = evaluate(drawn).figures
    exact = evaluate_batch(drawn, as_evaluate=True).figures
    for name, values in run.items():
        assert np.array_equal(values, exact[name], equal_nan=True), name


def test_a_lone_column_is_summed_as_a_column_among_others() -> None:
    # BLAS sums a matrix-vector product in another order than a matrix's columns: a run (one sample) would differ
    # in its last bits from the same sample in a batch wherever the BLAS sums a matrix's columns alike.
    rng = np.random.default_rng(5)
    first, column = rng.random(120), rng.random((120, 1)) * 1e4
    alone = toeplitz_product(first, column)
    for count in (2, 3, 64, 2184):
        among = toeplitz_product(first, np.repeat(column, count, axis=1))[:, :1]
        if blas_sums_columns_alike():
            assert np.array_equal(among, alone), count
        else:
            np.testing.assert_allclose(among, alone, rtol=reordered_sum_bound(120), atol=0, err_msg=str(count))


def test_a_lone_column_is_the_cohort_sum_it_stands_for() -> None:
    # Held twice for the sake of its order, a lone column is still X(t) = sum_{s<=t} first(s) column(t - s).
    first, column = np.array([1.0, 0.5, 0.25]), np.array([[4.0], [2.0], [8.0]])
    np.testing.assert_array_equal(toeplitz_product(first, column), [[4.0], [2.0 + 2.0], [8.0 + 1.0 + 1.0]])


MANY_POINTS = """
name: a curve of many points, a group of its own
horizon_months: 24
acquisition:
  - {name: A, type: cpa, bid: 10, budget: 50000}
  - {name: B, type: cpa, bid: 12, budget: 30000, retention: {points: {1: 0.5, 2: 0.4, 3: 0.35, 4: 0.3, 5: 0.28, 6: 0.26,
     7: 0.24, 8: 0.22, 9: 0.2, 12: 0.18}}}
retention: {points: {1: 0.45, 2: 0.38, 3: 0.33, 4: 0.3, 5: 0.27, 6: 0.25, 7: 0.23, 8: 0.21, 9: 0.2, 10: 0.19, 12: 0.17}}
monetization:
  plans: [{name: Monthly, price: 30, period: month, conversion: 4%, renewal: 0.7}]
costs: {serving_per_active_user: 0.8}
"""


def test_a_sample_summed_as_a_matrix_product_does_not_depend_on_the_samples_beside_it() -> None:
    # Curves summed as matrix products (a curve of 8 ages or more, a source group's own), computed as a run computes
    # them: the same sample in batches of 2 and of 3 (a lone sample's sums over the months are numpy's pairwise
    # ones, docs/simulate.md).
    scenario = realize(load_text(MANY_POINTS, "plan.yaml").scenario)
    two = evaluate_batch(dataclasses.replace(scenario, discount_rate=np.zeros(2)), as_evaluate=True).figures
    three = evaluate_batch(dataclasses.replace(scenario, discount_rate=np.zeros(3)), as_evaluate=True).figures
    for name, values in two.items():
        assert np.array_equal(values[:1], three[name][:1], equal_nan=True), name
