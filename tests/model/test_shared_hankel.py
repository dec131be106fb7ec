"""The Hankel matrices of a calendar value the same in every sample, built once and kept (model/by_month.py
``_shared_hankel``): each must be, bit for bit, the matrix every chunk built for itself before."""

from __future__ import annotations

import numpy as np

from aigc_roi.model.by_month import _hankel, _shared_hankel, extend, offset_mean, worth_by_join


def _same_bits(got: np.ndarray, expected: np.ndarray) -> None:
    assert got.shape == expected.shape
    assert got.tobytes() == expected.tobytes()


def _built(series: np.ndarray, rows: int, columns: int) -> np.ndarray:
    return _hankel(extend(series, rows + columns - 1)[:, 0], rows, columns)


# A series shorter and one longer than the matrix reads, with a NaN and zeros of both signs among its values.
SHORT = np.array([[0.5], [-0.0], [np.nan], [2.0], [0.0]])
LONG = np.linspace(-1.0, 1.0, 40)[:, None]


def test_a_kept_hankel_is_the_one_built_from_the_series_carried_on() -> None:
    for series in (SHORT, LONG, SHORT[::2], LONG[3:]):
        for rows, columns in ((1, 1), (3, 7), (7, 3), (12, 12)):
            _same_bits(_shared_hankel(series, rows, columns), _built(series, rows, columns))


def test_a_kept_upper_hankel_is_the_built_ones_upper_triangle() -> None:
    for series in (SHORT, LONG):
        for horizon in (1, 4, 9):
            hankel = _built(series, horizon, horizon)
            _same_bits(_shared_hankel(series, horizon, horizon, upper=True),
                       np.ascontiguousarray(np.triu(hankel[:, ::-1])[:, ::-1]))


def test_a_kept_hankel_is_read_only_and_keyed_by_its_bits() -> None:
    first = _shared_hankel(SHORT, 3, 3)
    assert first is _shared_hankel(SHORT.copy(), 3, 3)
    assert not first.flags.writeable
    # 0.0 and -0.0 compare equal, but a matrix of either keeps its own sign.
    positive = _shared_hankel(np.array([[0.0], [1.0]]), 2, 2)
    negative = _shared_hankel(np.array([[-0.0], [1.0]]), 2, 2)
    assert np.signbit(negative[0, 0]) and not np.signbit(positive[0, 0])


def test_the_mean_and_worth_of_a_shared_series_are_the_products_with_the_built_matrices() -> None:
    rng = np.random.default_rng(5)
    horizon, samples = 24, 9
    series = rng.random((horizon, 1))
    weights = rng.random((horizon, samples))
    for ages in (horizon, 30):
        _same_bits(offset_mean(weights, series, ages), _built(series, ages, horizon) @ weights)
    per_age = rng.random((horizon, samples))
    upper = np.ascontiguousarray(np.triu(_built(series, horizon, horizon)[:, ::-1])[:, ::-1])
    _same_bits(worth_by_join(per_age, series, horizon), upper @ per_age)
