"""stable_order is exactly numpy's stable argsort, including where the packed index hides a difference."""

from __future__ import annotations

import numpy as np
import pytest

from aigc_roi.whatif.sort_order import stable_order

RNG = np.random.default_rng(27)


@pytest.mark.parametrize("values", [
    RNG.uniform(8.0, 12.0, 100_000),
    np.clip(RNG.uniform(-0.5, 1.0, 20_000), 0.0, None),  # a quarter tied at the clip
    RNG.normal(0.0, 1.0, 20_000),  # negative and positive
    np.round(RNG.normal(0.0, 1.0, 20_000), 2),  # many ties on both sides of zero
    np.array([0.0, -0.0, 0.0, -1.0, -0.0, 3.0, -np.inf, np.inf, 1e308, -5e-324, 5e-324]),
    np.full(1000, 5.0),
    np.array([2.0]),
    np.array([]),
    np.exp(RNG.uniform(-700.0, 700.0, 20_000)),  # positive normal floats of every size: sorted as floats
    np.append(RNG.uniform(1.0, 2.0, 5000), [5e-324, 0.0, 2.2e-308]),  # subnormal, zero: sorted as words
    np.append(RNG.uniform(1.0, 2.0, 5000), np.inf),
], ids=["uniform", "clipped", "normal", "rounded", "signs-zeros-extremes", "constant", "one", "none", "every-exponent",
        "subnormal", "infinite"])
def test_the_order_is_the_stable_argsort(values: np.ndarray) -> None:
    np.testing.assert_array_equal(stable_order(values), np.argsort(values, kind="stable"))


def test_values_that_differ_only_below_the_index_bits_are_put_in_value_order() -> None:
    # 4,096 values need 12 index bits: values within 2^12 ulps of each other share their packed prefix, so the
    # sort alone would order them by index; here they are in falling order, the index order is wrong everywhere.
    values = 10.0 + np.arange(4096, 0, -1) * np.spacing(10.0)
    order = stable_order(values)
    np.testing.assert_array_equal(order, np.arange(4095, -1, -1))


def test_a_run_of_near_ties_among_exact_ties_keeps_the_ties_in_index_order() -> None:
    values = np.array([1.0 + 3 * np.spacing(1.0), 1.0, 1.0 + np.spacing(1.0), 1.0, 1.0 + 3 * np.spacing(1.0), 2.0])
    assert stable_order(values).tolist() == [1, 3, 2, 0, 4, 5]


def test_nan_sorts_last_as_numpy_sorts_it() -> None:
    values = np.array([3.0, np.nan, 1.0, np.nan, 2.0])
    assert stable_order(values).tolist() == [2, 4, 0, 1, 3]
