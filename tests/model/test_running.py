"""running_sum: numpy's cumsum, exactly, whatever the layout of its input; recurrence: x(t) = f x(t - lag) + inflow(t)."""

from __future__ import annotations

import numpy as np
import pytest

from aigc_roi.model.running import FEW_VALUES, recurrence, running_sum


@pytest.mark.parametrize(("shape", "axis", "transposed"), [
    ((24, 50), 0, False),   # month-major, the engine's layout: the loop of row additions
    ((24, 50), 0, True),    # a (S, H) view of a month-major array
    ((24, 50), 1, False),   # along the contiguous axis: numpy's own cumsum
    ((6, 2, 9), -1, False),
    ((9, 2, 6), 0, True),
    ((1, 5), 0, False),
    ((0, 5), 0, False),
])
def test_running_sum_is_cumsum_to_the_last_bit(shape: tuple[int, ...], axis: int, transposed: bool) -> None:
    values = np.random.default_rng(7).normal(size=shape) * 1e6
    values = values.T if transposed else values
    got = running_sum(values, axis)
    np.testing.assert_array_equal(got, np.cumsum(values, axis=axis))
    assert got.flags.f_contiguous == values.flags.f_contiguous  # the layout the caller's views expect


def test_running_sum_leaves_its_input_alone() -> None:
    values = np.array([[1.0, 2.0], [3.0, 4.0]])
    running_sum(values)
    np.testing.assert_array_equal(values, [[1.0, 2.0], [3.0, 4.0]])


def test_running_sum_of_hand_values() -> None:
    np.testing.assert_array_equal(running_sum(np.array([[1.0], [2.0], [-4.0]])), [[1.0], [3.0], [-1.0]])


def test_a_recurrence_adds_the_lagged_value_times_its_factor() -> None:
    # x(t) = 0.5 x(t - 1) + 1 from x(0) = 1: 1, 1.5, 1.75, 1.875; with a lag of 2: 1, 1, 1.5, 1.5.
    inflow = np.ones((4, 1))
    np.testing.assert_array_equal(recurrence(inflow, np.array([0.5]))[:, 0], [1.0, 1.5, 1.75, 1.875])
    np.testing.assert_array_equal(recurrence(inflow, np.array([0.5]), lag=2)[:, 0], [1.0, 1.0, 1.5, 1.5])


@pytest.mark.parametrize("lag", [1, 3])
def test_a_recurrence_is_the_same_on_python_floats_and_on_arrays(lag: int) -> None:
    # A few values a month run on Python floats, many as vector operations: the same roundings either way.
    rng = np.random.default_rng(4)
    inflow, factor = rng.random((120, FEW_VALUES + 4)) * 1e4, rng.random(FEW_VALUES + 4)
    wide = recurrence(inflow, factor, lag)
    for column in range(0, FEW_VALUES + 4, 7):
        for width in (1, 3):
            narrow = recurrence(inflow[:, column:column + width], factor[column:column + width], lag)
            np.testing.assert_array_equal(narrow, wide[:, column:column + width])
    # Months on another axis: plans x months x samples, as a plan's payers recur.
    stacked = recurrence(np.moveaxis(inflow[:, None, :], 0, 1), factor[None, :], lag, axis=1)
    np.testing.assert_array_equal(stacked[0], wide)
