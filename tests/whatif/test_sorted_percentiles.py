"""simulate's percentiles read off sorted values are np.percentile's, bit for bit (figures and the cash fan)."""

from __future__ import annotations

import numpy as np
import pytest

from aigc_roi.model.figures import plain
from aigc_roi.whatif.simulate import fan_percentiles, summarize
from aigc_roi.whatif.sorted_percentiles import ranked_percentiles, read_positions, select, sorted_percentiles

RNG = np.random.default_rng(27)
SIZES = (1, 2, 3, 4, 5, 7, 10, 19, 20, 21, 99, 100, 101, 1000, 1001, 4096, 10_007)
PERCENTILES = ((5, 50, 95), (0, 100), (0.0, 2.5, 12.5, 33.3, 50.0, 66.7, 97.5, 100.0), tuple(range(0, 101)), (99.9999, 0.0001))


def kinds(size: int) -> dict[str, np.ndarray]:
    normal = RNG.normal(0.0, 1e4, size)
    return {
        "distinct": normal,
        "ties": np.round(normal / 1e4, 1),
        "whole months": RNG.integers(1, 25, size).astype(float),
        "constant": np.full(size, 7.25),
        "none in some": np.where(RNG.random(size) < 0.3, np.nan, normal),
        "never mostly": np.where(RNG.random(size) < 0.9, np.nan, RNG.integers(1, 25, size).astype(float)),
        "infinite": np.where(RNG.random(size) < 0.1, RNG.choice([-np.inf, np.inf], size), normal),
        "zeros of both signs": np.where(RNG.random(size) < 0.6, RNG.choice([0.0, -0.0], size), normal),
        "only negative zeros and ones": RNG.choice([-0.0, 1.0], size),
        "extremes": RNG.choice([5e-324, -5e-324, 1.7e308, -1.7e308, 1.0], size),
    }


def bits(found: object) -> list[bytes | None]:
    return [None if value is None else np.float64(value).tobytes() for value in np.asarray(found, dtype=object)]


def numpys_summary(values: np.ndarray, percentiles: tuple[float, ...], never_is_latest: bool) -> list[bytes | None]:
    """np.percentile over a sorted copy, as summarize asked it before it read sorted values by position."""
    if never_is_latest:
        ranked = np.where(np.isnan(values), np.inf, values)
        ranked.sort()
        found = np.percentile(ranked, list(percentiles), method="inverted_cdf", overwrite_input=True)
        return bits([None if np.isinf(value) else plain(value) for value in found])
    defined = values[~np.isnan(values)]
    defined.sort()
    return bits([plain(value) for value in np.percentile(defined, list(percentiles), overwrite_input=True)])


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("never_is_latest", [False, True], ids=["linear", "never ranks last"])
def test_every_figure_percentile_is_numpys_bit_for_bit(size: int, never_is_latest: bool) -> None:
    for kind, values in kinds(size).items():
        if not never_is_latest and np.isnan(values).all():
            continue
        for percentiles in PERCENTILES:
            # inf - inf or 1.7e308 - -1.7e308 between two neighbours: NaN or inf in numpy's interpolation and ours alike.
            with np.errstate(invalid="ignore", over="ignore"):
                expected = numpys_summary(values, percentiles, never_is_latest)
                found = summarize(values, percentiles, never_is_latest).percentiles
            assert bits([found[float(q)] for q in percentiles]) == expected, (kind, percentiles)


@pytest.mark.parametrize("samples", [1, 2, 3, 1000, 4001])
def test_the_cash_fan_is_numpys_percentiles_down_the_columns(samples: int) -> None:
    walks = np.cumsum(RNG.normal(-50.0, 1000.0, (samples, 24)), axis=1)
    walks[:, 0] = 0.0  # a month in which every sample holds exactly zero
    walks[RNG.random(samples) < 0.2, 5] = -0.0
    for rows in (walks, np.where(RNG.random(walks.shape) < 0.01, np.nan, walks)):
        for percentiles in PERCENTILES:
            assert bits(fan_percentiles(rows, percentiles).ravel()) == bits(np.percentile(rows, percentiles, axis=0).ravel())


def test_a_zero_read_where_both_signs_are_is_left_to_numpy() -> None:
    ranked = np.array([-1.0, -0.0, 0.0, -0.0, 2.0])
    assert sorted_percentiles(ranked, (50,), "linear") is None
    assert sorted_percentiles(np.sort(np.abs(ranked)), (50,), "linear") is not None
    assert sorted_percentiles(ranked, (0, 100), "inverted_cdf") is not None  # no zero read


@pytest.mark.parametrize("size", SIZES)
def test_selected_values_sit_where_a_sort_puts_them(size: int) -> None:
    """``select`` stands for a sort at the positions read: each holds the sorted value's bits (NaN last), the values
    before it no greater, those after no less; where no zeros of both signs are (which ``ranked_percentiles`` sorts),
    the values themselves, bit for bit."""
    for kind, values in kinds(size).items():
        zeros = np.signbit(values[values == 0.0])
        if zeros.any() and not zeros.all():
            continue
        for percentiles in PERCENTILES:
            for method in ("linear", "inverted_cdf"):
                positions = read_positions(size, percentiles, method)
                assert positions[-1] == size - 1
                selected = values.copy()
                select(selected, positions)
                ordered = np.sort(values)
                assert selected[positions].tobytes() == ordered[positions].tobytes(), (kind, method)
                for position in positions:
                    pivot = selected[position]
                    if not np.isnan(pivot):
                        assert not (selected[:position] > pivot).any() and not (selected[position + 1:] < pivot).any()
                assert np.sort(selected.view(np.uint64)).tobytes() == np.sort(values.view(np.uint64)).tobytes()


def test_selection_runs_along_the_last_axis_of_each_row() -> None:
    rows = RNG.normal(size=(5, 301))
    rows[2, 7] = np.nan
    positions = read_positions(301, (5, 50, 95), "linear")
    selected = rows.copy()
    select(selected, positions)
    assert selected[:, positions].tobytes() == np.sort(rows, axis=-1)[:, positions].tobytes()


def test_zeros_of_both_signs_are_sorted_not_selected() -> None:
    """numpy's sort and selection order values by min and max, which give either of two equal values: where -0.0
    and 0.0 both are, either may come out twice (this array's sort gives four 0.0). There ``ranked_percentiles``
    sorts, as simulate's summaries did, and reads what the sort gives."""
    values = np.array([3.0, -0.0, 0.0, -0.0, 2.0, -1.0, 0.0] * 3 + [-0.0] * 40 + list(RNG.normal(size=200)))
    for percentiles in PERCENTILES:
        ranked = values.copy()
        found = ranked_percentiles(ranked, percentiles, "linear")
        assert ranked.tobytes() == np.sort(values).tobytes()
        expected = sorted_percentiles(np.sort(values), percentiles, "linear")
        assert (found is None and expected is None) or bits(found) == bits(expected)
