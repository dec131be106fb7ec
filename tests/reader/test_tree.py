"""model/tree.py: every sample array of a scenario found, named and replaced."""

from __future__ import annotations

import numpy as np

from aigc_roi.model.scenario import CpaChannel, Distribution, Plan
from aigc_roi.model.tree import leaves, map_arrays


def test_leaves_name_every_array_and_range_in_field_order() -> None:
    channel = CpaChannel("Douyin", bid=np.array([10.0, 12.0]), budget=Distribution("uniform", 1.0, 2.0))
    plan = Plan("Monthly", 30.0, 1, ((0, np.array([0.01, 0.02])), (1, 0.005)))
    found = list(leaves((channel, plan), "x"))
    assert [path for path, _ in found] == ["x[0].bid", "x[0].budget", "x[1].conversion[0][1]"]


def test_map_arrays_replaces_arrays_only() -> None:
    plan = Plan("Monthly", np.array([1.0, 2.0]), 1, 0.04, (np.array([0.5, 0.6]), 0.8))
    doubled = map_arrays(plan, lambda array: array * 2)
    np.testing.assert_array_equal(doubled.price, [2.0, 4.0])
    np.testing.assert_array_equal(doubled.renewal[0], [1.0, 1.2])
    assert doubled.renewal[1] == 0.8 and doubled.conversion == 0.04 and doubled.name == "Monthly"
    np.testing.assert_array_equal(plan.price, [1.0, 2.0])  # the original is left alone
