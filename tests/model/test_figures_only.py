"""A figures-only evaluation (simulate's) gives the figures of a full one (run's), sample by sample.

The figures-only path leaves out what only the series read: the worth by join month per source group, each
group's own values by age (the mean user of every group is summed as one), the accrual view. A scenario with
every spec 1.2 addition at once, with ranges, takes each of those shortcuts.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from aigc_roi.model.engine import evaluate, evaluate_batch
from aigc_roi.model.sampling import realize
from aigc_roi.model.tree import leaf_values
from aigc_roi.reader.load import load_text

EVERY_ADDITION = """
name: every addition, ranged
horizon_months: 18
ltv_months: 24
acquisition:
  - {name: A, type: cpa, bid: {by_month: {1: 8..12, 18: 14}}, budget: 50000, saturation_budget: 900000,
     retention: {monthly_churn: 0.25..0.35}, conversion_index: 1.2}
  - {name: B, type: cpa, bid: 9..13, budget: 55000, retention: {monthly_churn: 0.2..0.3}, conversion_index: 0.8}
  - {name: C, type: cpa, bid: 10..14, budget: 60000}
  - {name: D, type: kol, posts: 2, fee: 3000, views: 50000, view_to_user: 0.01, months: [2, 3, 4]}
organic_users: 800
virality: 0.02..0.06
retention: {points: {1: 0.35..0.45, 3: 0.22..0.28, 6: 0.14..0.2, 12: 0.1..0.13}}
monetization:
  plans:
    - {name: Monthly, price: {by_month: {1: 25..35, 10: 30, 18: 39}}, period: month, conversion: 3%..5%, renewal: 0.65..0.75}
    - {name: Yearly, price: 199, period: year, conversion: 1%, renewal: 0.5}
  purchases: [{name: Pack, price: {by_month: {1: 19.9, 12: 24.9}}, rate: 0.01..0.03, unit_cost: 4}]
costs: {serving_per_active_user: 0.6..1.0, fixed: [{name: Tools, monthly: 300..1000}], serving_per_subscriber: 0.5}
referral_reward: 3
gates:
  - {name: test, after_month: 3, channels: [A, B], min_roas: 0.43, then: [C]}
"""


def test_figures_only_matches_the_full_evaluation() -> None:
    realized = realize(load_text(EVERY_ADDITION, "every.yaml").scenario, 64, np.random.default_rng(7))
    full = evaluate(realized).figures
    batch = evaluate_batch(realized)
    assert batch.gate_passed is not None and 0 < batch.gate_passed.mean() < 1, "the gate decides both ways"
    for name, values in full.items():
        for sample, (a, b) in enumerate(zip(values, batch.figures[name], strict=True)):
            assert (math.isnan(a) and math.isnan(b)) or b == pytest.approx(a, rel=1e-12, abs=1e-9), (name, sample)


def test_evaluating_reads_the_draws_and_writes_none_of_them() -> None:
    # The engine reads each row of draws as a read-only view, and a monthly plan's subscribers in force as its
    # payments themselves: a stage that wrote into either would raise, or change the next evaluation's numbers.
    realized = realize(load_text(EVERY_ADDITION, "every.yaml").scenario, 64, np.random.default_rng(7))
    drawn = [np.array(value) for value in leaf_values(realized)]
    first = evaluate_batch(realized).figures
    evaluate(realized)
    again = evaluate_batch(realized).figures
    assert all(np.array_equal(before, after) for before, after in zip(drawn, leaf_values(realized), strict=True))
    for name, values in first.items():
        np.testing.assert_array_equal(again[name], values, err_msg=name)
