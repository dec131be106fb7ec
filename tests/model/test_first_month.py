"""What one user a channel buys pays in its join month (docs/formulas.md §16), worked by hand: its source group's
conversion index times the join month's prices and rates, for a run and for draws of a ranged index alike."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from aigc_roi import api
from aigc_roi.model.first_month import first_month_gross
from aigc_roi.model.sampling import realize

# A: index uniform on 1..3 (median 2); B: the top-level users. A monthly plan at 30 then 60 (conversion 0.1), an annual plan
# at 300 converting 0.05 at age 0 and 0.05 at age 1, a purchase at 10 whose rate goes 0.5, 0.75, 1.
PLAN = """\
name: first month
horizon_months: 3
acquisition:
  - {name: A, type: cpa, bid: 20, users: 100, conversion_index: {dist: uniform, low: 1, high: 3}}
  - {name: B, type: cpa, bid: 20, users: 100, retention: {monthly_churn: 0.9}}
retention: {monthly_churn: 0.5}
monetization:
  plans:
    - {name: M, price: {by_month: {1: 30, 2: 60}}, period: month, conversion: 0.1}
    - {name: Y, price: 300, period: year, conversion: {0: 0.05, 1: 0.05}}
  purchases: [{name: p, price: 10, rate: {by_month: {1: 0.5, 3: 1.0}}}]
"""

# One user of index 1 at age 0 (R(0) = 1 on every curve): 0.1 x price(t) + 0.05 x 300 + 10 x rate(t).
INDEX_ONE = np.array([3.0 + 15.0 + 5.0, 6.0 + 15.0 + 7.5, 6.0 + 15.0 + 10.0])


@pytest.fixture
def scenario(tmp_path: Path) -> api.Scenario:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return api.load(path)


def test_a_run_reads_each_channels_index_and_each_join_months_values(scenario: api.Scenario) -> None:
    gross = first_month_gross(realize(scenario))
    assert gross.shape == (1, 2, 3)
    np.testing.assert_allclose(gross[0], [2.0 * INDEX_ONE, INDEX_ONE])


def test_draws_of_a_ranged_index_each_read_their_own(scenario: api.Scenario) -> None:
    drawn = realize(scenario, 5, np.random.default_rng(1))
    index = np.asarray(drawn.acquisition[0].conversion_index)
    gross = first_month_gross(drawn)
    assert gross.shape == (5, 2, 3)
    np.testing.assert_allclose(gross[:, 0], index[:, None] * INDEX_ONE)
    np.testing.assert_allclose(gross[:, 1], np.broadcast_to(INDEX_ONE, (5, 3)))
