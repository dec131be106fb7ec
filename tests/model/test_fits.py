"""Curves fitted from data (docs/formulas.md §4.9): the power law of day retention and the sBG model of renewals."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy.special import betaln

from aigc_roi.model import fits
from aigc_roi.model.fits import fit_power_law, fit_sbg, monthly_retention

# --- day-level retention -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day_one_share", "b", "days"),
    [(0.45, 0.5, [1, 7, 30]), (0.62, 0.31, [1, 3, 7, 14, 30, 90]), (0.2, 0.05, [2, 60]), (0.9, 1.7, [1, 1.5, 28])],
)
def test_points_on_a_power_law_are_recovered_exactly(day_one_share: float, b: float, days: list[float]) -> None:
    shares = [day_one_share * day**-b for day in days]
    fit = fit_power_law(days, shares)
    assert fit.u == pytest.approx(math.log(day_one_share), abs=1e-12)
    assert fit.b == pytest.approx(b, abs=1e-12)
    np.testing.assert_allclose(fit.fitted, shares, rtol=1e-12)
    assert fit.largest_gap < 1e-12
    assert fit.poor is False


def test_two_points_give_the_line_through_them() -> None:
    fit = fit_power_law([1, 30], [0.45, 0.12])
    assert fit.u == pytest.approx(math.log(0.45), abs=1e-14)
    assert fit.b == pytest.approx(math.log(0.45 / 0.12) / math.log(30), abs=1e-14)


def test_d1_d7_d30_fit_is_the_least_squares_line_in_log_log_space() -> None:
    days, shares = [1, 7, 30], [0.45, 0.22, 0.12]
    slope, intercept = np.polyfit(np.log(days), np.log(shares), 1)
    fit = fit_power_law(days, shares)
    assert fit.b == pytest.approx(-slope, abs=1e-12)
    assert fit.u == pytest.approx(intercept, abs=1e-12)
    expected = np.exp(intercept) * np.array(days, dtype=float) ** slope
    np.testing.assert_allclose(fit.fitted, expected, rtol=1e-12)
    assert fit.largest_gap == pytest.approx(np.abs(expected - shares).max(), abs=1e-15)


def test_a_fit_missing_a_point_by_more_than_five_points_is_poor() -> None:
    # A D2 cliff a power law cannot follow: the line through ln d = 0, ln 2, ln 30 misses D2 badly.
    days, shares = [1, 2, 30], [0.9, 0.2, 0.19]
    slope, intercept = np.polyfit(np.log(days), np.log(shares), 1)
    gap = np.abs(np.exp(intercept) * np.array(days, dtype=float) ** slope - shares).max()
    assert gap > 0.05
    fit = fit_power_law(days, shares)
    assert fit.largest_gap == pytest.approx(gap, abs=1e-12)
    assert fit.poor is True


def _least_squares_fit(days: list[float], shares: list[float]) -> np.ndarray:
    slope, intercept = np.polyfit(np.log(days), np.log(shares), 1)
    return np.exp(intercept) * np.array(days, dtype=float) ** slope


def test_a_plateau_the_line_misses_by_a_fifth_of_its_share_is_loose_and_its_tail_understated() -> None:
    # D30, D60, D90 all 5%: no point is 5 points off (the largest gap is D1's 3.3 points), but D14 is fitted 21.7% above
    # its 6% and D90 19% below its 5%: the curve keeps falling where the data has levelled off.
    days, shares = [1, 7, 14, 30, 60, 90], [0.20, 0.08, 0.06, 0.05, 0.05, 0.05]
    expected = _least_squares_fit(days, shares)
    relative = (expected - shares) / np.array(shares)
    assert np.abs(expected - shares).max() < 0.05
    assert np.abs(relative).max() == pytest.approx(0.2171, abs=1e-4) and relative[-1] == pytest.approx(-0.1852, abs=1e-4)
    fit = fit_power_law(days, shares)
    assert fit.poor is False
    assert fit.largest_relative_gap == pytest.approx(np.abs(relative).max(), abs=1e-12)
    assert fit.tail_gap == pytest.approx(relative[-1], abs=1e-12)
    assert fit.loose is True and fit.tail_understated is True


def test_a_loyal_plateau_within_15_percent_still_has_its_tail_understated() -> None:
    # D30..D90 level at 35%: every point within 8.4% of its share, but D90 fitted 5.8% below it.
    days, shares = [1, 7, 30, 60, 90], [0.60, 0.45, 0.35, 0.35, 0.35]
    expected = _least_squares_fit(days, shares)
    relative = (expected - shares) / np.array(shares)
    assert np.abs(relative).max() == pytest.approx(0.0835, abs=1e-4) and relative[-1] == pytest.approx(-0.0577, abs=1e-4)
    fit = fit_power_law(days, shares)
    assert (fit.poor, fit.loose, fit.tail_understated) == (False, False, True)


def test_a_fit_above_its_last_day_and_near_every_point_has_no_warning() -> None:
    # D1 40%, D7 20%, D30 10%: fitted 41.15%, 18.72%, 10.39%: 6.4% below D7 at most, above D30.
    days, shares = [1, 7, 30], [0.40, 0.20, 0.10]
    relative = (_least_squares_fit(days, shares) - shares) / np.array(shares)
    assert np.abs(relative).max() == pytest.approx(0.0641, abs=1e-4) and relative[-1] > 0
    fit = fit_power_law(days, shares)
    assert (fit.poor, fit.loose, fit.tail_understated) == (False, False, False)
    assert fit.tail_gap == pytest.approx(relative[-1], abs=1e-12)


def test_the_tail_is_judged_at_the_last_day_whatever_the_order_given() -> None:
    fit = fit_power_law([90, 1, 30, 7, 60], [0.35, 0.60, 0.35, 0.45, 0.35])
    assert fit.tail_gap == pytest.approx(fit.fitted[0] / 0.35 - 1, abs=1e-12)
    assert fit.tail_understated is True


def test_sampled_shares_are_fitted_row_by_row() -> None:
    days = [1, 7, 30]
    shares = np.array([[0.45, 0.22, 0.12], [0.5, 0.2, 0.1], [0.3, 0.29, 0.05]])
    fit = fit_power_law(days, shares)
    assert isinstance(fit.u, np.ndarray) and fit.u.shape == (3,)
    for row, sample in enumerate(shares):
        single = fit_power_law(days, sample)
        assert fit.u[row] == pytest.approx(single.u, abs=1e-12)
        assert fit.b[row] == pytest.approx(single.b, abs=1e-12)  # type: ignore[index]
        np.testing.assert_allclose(fit.fitted[row], single.fitted, rtol=1e-12)
        assert bool(fit.poor[row]) == single.poor  # type: ignore[index]
        assert fit.largest_relative_gap[row] == pytest.approx(single.largest_relative_gap, abs=1e-12)  # type: ignore[index]
        assert fit.tail_gap[row] == pytest.approx(single.tail_gap, abs=1e-12)  # type: ignore[index]
        assert (bool(fit.loose[row]), bool(fit.tail_understated[row])) == (single.loose, single.tail_understated)  # type: ignore[index]


def test_monthly_retention_reads_the_day_curve_at_whole_months() -> None:
    fit = fit_power_law([1, 30], [0.45, 0.45 * 30**-0.5])
    retention = monthly_retention(fit, 4)
    expected = [1.0] + [0.45 * (30.4375 * age) ** -0.5 for age in (1, 2, 3)]
    np.testing.assert_allclose(retention, expected, rtol=1e-12)
    assert retention[1] == pytest.approx(0.081566, abs=1e-6)  # 0.45 / sqrt(30.4375)


def test_a_line_that_would_rise_is_held_flat_at_the_mean_of_the_log_shares() -> None:
    # D1 50%, D7 90%: the least-squares line rises (b = -ln 1.8 / ln 7); the best line that does not rise is flat,
    # ln share = (ln 0.5 + ln 0.9) / 2, so every month keeps sqrt(0.45) of the cohort (not 100%, climbing back).
    fit = fit_power_law([1, 7], [0.5, 0.9])
    assert fit.b == 0.0 and math.copysign(1.0, fit.b) == 1.0
    assert fit.u == pytest.approx(math.log(0.45) / 2, abs=1e-15)
    np.testing.assert_allclose(monthly_retention(fit, 3), [1.0, math.sqrt(0.45), math.sqrt(0.45)], rtol=1e-14)


def test_sampled_draws_whose_line_would_rise_are_held_flat_and_the_others_are_untouched() -> None:
    # D30, D60, D90 drawn as 30%..40% each: in a draw where D90 > D30 the line rises (issue found in simulate:
    # half the samples, one with R(23) = 3.3 x R(1)).
    days = [30, 60, 90]
    shares = np.array([[0.31, 0.35, 0.39], [0.39, 0.35, 0.31]])
    fit = fit_power_law(days, shares)
    falling = fit_power_law(days, shares[1])
    assert fit.b[0] == 0.0 and fit.u[0] == pytest.approx(np.log(shares[0]).mean(), abs=1e-15)  # type: ignore[index]
    assert fit.b[1] == falling.b and fit.u[1] == falling.u  # type: ignore[index]
    retention = monthly_retention(fit, 24)
    assert np.all(np.diff(retention, axis=1) <= 0)
    np.testing.assert_allclose(retention[0, 1:], np.exp(np.log(shares[0]).mean()), rtol=1e-14)


def test_a_level_line_has_b_of_plus_zero() -> None:
    # {1: 100%, 30: 100%} printed b = -0 (0 negated).
    assert math.copysign(1.0, fit_power_law([1, 30], [1.0, 1.0]).b) == 1.0


def test_monthly_retention_of_sampled_fits_has_a_sample_axis() -> None:
    fit = fit_power_law([1, 30], np.array([[0.45, 0.45 * 30**-0.5], [0.6, 0.6 * 30**-1.0]]))
    retention = monthly_retention(fit, 3)
    assert retention.shape == (2, 3)
    np.testing.assert_allclose(retention[:, 0], 1.0)
    np.testing.assert_allclose(retention[1, 2], 0.6 / (30.4375 * 2), rtol=1e-12)
    assert monthly_retention(fit_power_law([1, 30], [0.45, 0.12]), 1).tolist() == [1.0]


@pytest.mark.parametrize(
    ("days", "shares", "message"),
    [
        ([1], [0.4], "at least two points"),
        ([0, 7], [0.4, 0.2], "day 0 is not a day >= 1"),
        ([0.5, 7], [0.4, 0.2], "day 0.5 is not a day >= 1"),
        ([7, 7], [0.4, 0.2], "distinct"),
        ([1, 30], [0.4, 0.0], "day 30 is 0"),
        ([1, 30], [1.2, 0.1], "day 1 is 1.2"),
        ([1, 30], [0.4, math.nan], "day 30 is nan"),
        ([1, 7, 30], [0.4, 0.2], "3 days but shares"),
    ],
)
def test_day_points_that_cannot_be_fitted_are_refused(days: list[float], shares: list[float], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        fit_power_law(days, shares)


@settings(max_examples=60, deadline=None)
@given(
    points=st.lists(st.tuples(st.integers(1, 365), st.floats(1e-4, 1.0)), min_size=2, max_size=6, unique_by=lambda point: point[0]),
    horizon=st.integers(1, 120),
)
def test_monthly_retention_is_a_share_starting_at_one(points: list[tuple[int, float]], horizon: int) -> None:
    days, shares = zip(*points, strict=True)
    retention = monthly_retention(fit_power_law(days, shares), horizon)
    assert retention.shape == (horizon,)
    assert retention[0] == 1.0
    assert ((retention >= 0) & (retention <= 1)).all()


# --- subscription survival -----------------------------------------------------------------------


def survival_from_beta_functions(alpha: float, beta: float, periods: int) -> list[float]:
    """S(k) = B(alpha, beta + k) / B(alpha, beta), k = 1..periods, by the beta function itself."""
    return [math.exp(betaln(alpha, beta + k) - betaln(alpha, beta)) for k in range(1, periods + 1)]


SBG_PAIRS = [(0.704, 1.182), (0.668, 3.806), (0.5, 0.5), (1.0, 1.0), (2.0, 10.0), (0.3, 3.0), (5.0, 2.0)]


@pytest.mark.parametrize(("alpha", "beta"), SBG_PAIRS)
def test_sbg_parameters_are_recovered_from_their_own_survival(alpha: float, beta: float) -> None:
    fit = fit_sbg(survival_from_beta_functions(alpha, beta, 8))
    assert fit.alpha == pytest.approx(alpha, abs=1e-3)
    assert fit.beta == pytest.approx(beta, abs=1e-3)
    assert fit.largest_gap < 1e-6


@pytest.mark.parametrize(("alpha", "beta"), SBG_PAIRS)
def test_the_optimiser_recovers_the_parameters_from_the_neutral_start(alpha: float, beta: float, monkeypatch: pytest.MonkeyPatch) -> None:
    # The usual start already solves the first two periods exactly; from alpha = beta = 1 the likelihood alone must get there.
    monkeypatch.setattr(fits, "_sbg_start", lambda observed: (1.0, 1.0))
    fit = fit_sbg(survival_from_beta_functions(alpha, beta, 8))
    assert fit.alpha == pytest.approx(alpha, abs=1e-3)
    assert fit.beta == pytest.approx(beta, abs=1e-3)


# Fader and Hardie (2007), "How to project customer retention", Table 1: customers still active of 1,000
# at years 0..7; fitted on years 1-7 the paper reports regular alpha 0.704, beta 1.182 and
# high end alpha 0.668, beta 3.806.
REGULAR = [631, 468, 382, 326, 289, 262, 241]
HIGH_END = [869, 743, 653, 593, 551, 517, 491]


@pytest.mark.parametrize(("customers", "alpha", "beta"), [(REGULAR, 0.704, 1.182), (HIGH_END, 0.668, 3.806)])
def test_the_published_example_of_fader_and_hardie(customers: list[int], alpha: float, beta: float) -> None:
    fit = fit_sbg([count / 1000 for count in customers])
    assert round(fit.alpha, 3) == alpha
    assert round(fit.beta, 3) == beta
    assert fit.poor is False


def test_renewal_rates_rise_with_tenure_and_multiply_to_the_survival() -> None:
    fit = fit_sbg([count / 1000 for count in REGULAR])
    rates = fit.renewal_rates(12)
    assert (np.diff(rates) > 0).all()
    assert rates[0] == pytest.approx(fit.beta / (fit.alpha + fit.beta), rel=1e-15)
    assert rates[0] == pytest.approx(1.182 / (0.704 + 1.182), abs=1e-3)  # 0.627 with the published estimates
    np.testing.assert_allclose(np.cumprod(rates[:7]), fit.fitted, rtol=1e-12)
    assert fit.renewal_rates(0).shape == (0,)


def test_constant_renewal_is_fitted_as_a_near_geometric_curve() -> None:
    # Renewal rates that do not rise push alpha and beta to infinity; the search box stops at a curve within 1e-3 of 0.5^k.
    fit = fit_sbg([0.5, 0.25, 0.125, 0.0625])
    np.testing.assert_allclose(fit.fitted, [0.5, 0.25, 0.125, 0.0625], atol=1e-3)
    np.testing.assert_allclose(fit.renewal_rates(4), 0.5, atol=1e-3)


def test_survival_the_model_cannot_follow_is_poor() -> None:
    # Half leave at the first renewal and all the rest at the second: rates 0.5 then 0, the reverse of sBG's rising rates.
    fit = fit_sbg([0.5, 0.0])
    assert fit.largest_gap > 0.05
    assert fit.poor is True


@pytest.mark.parametrize(
    ("observed", "message"),
    [
        ([0.6], "at least two shares"),
        ([], "at least two shares"),
        ([0.6, 1.2], "share 2 is 1.2"),
        ([60, 45], "share 1 is 60"),
        ([0.6, -0.1], "share 2 is -0.1"),
        ([0.6, math.nan], "share 2 is nan"),
        ([0.6, 0.45, 0.5], r"share 3 \(0.5\) is above share 2 \(0.45\)"),
        ([1.0, 1.0, 1.0], "no churn at all"),
    ],
)
def test_survival_that_cannot_be_fitted_is_refused(observed: list[float], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        fit_sbg(observed)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0.0, 1.0), min_size=2, max_size=10).map(lambda shares: sorted(shares, reverse=True)))
def test_fitted_survival_is_a_non_increasing_share(observed: list[float]) -> None:
    assume(any(share < 1.0 for share in observed))
    fit = fit_sbg(observed)
    fitted = np.array(fit.fitted)
    assert ((fitted >= 0) & (fitted <= 1)).all()
    assert (np.diff(fitted) <= 0).all()
    assert fit.largest_gap == pytest.approx(np.abs(fitted - observed).max(), abs=1e-15)
