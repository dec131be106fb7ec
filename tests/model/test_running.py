"""running_sum: numpy's cumsum, exactly, whatever the layout of its input."""

from __future__ import annotations

import numpy as np
import pytest

from aigc_roi.model.running import running_sum


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
