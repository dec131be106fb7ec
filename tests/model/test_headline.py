"""Spec 1.1 figures computed from a cash flow, each checked against a hand calculation."""

from __future__ import annotations

import math

import numpy as np
import pytest

from aigc_roi.model.accrual import accrual_series
from aigc_roi.model.cashflow import first_payback_month, peak_cash, sign_changes
from aigc_roi.model.cohorts import cohort_contribution
from aigc_roi.model.engine import evaluate
from aigc_roi.model.paid import max_unit_cost
from aigc_roi.model.scenario import Distribution
from aigc_roi.reader.load import load_text


def rows(*values: list[float]) -> np.ndarray:
    return np.array(values, dtype=np.float64)


def test_first_payback_is_the_first_crossing_and_peak_need_the_lowest_point() -> None:
    # Cumulative -10, 5, -5, 5: first above 0 in month 2; the lowest point is month 1 at -10.
    net = rows([-10, 15, -10, 10])
    assert first_payback_month(np.cumsum(net, axis=1).T)[0] == 2
    need, month = peak_cash(np.cumsum(net, axis=1).T)
    assert (need[0], month[0]) == (10, 1)


def test_peak_month_is_the_first_month_at_the_low() -> None:
    # Cumulative -10, -20, -20, 5: the low of -20 is first reached in month 2.
    net = rows([-10, -10, 0, 25])
    need, month = peak_cash(np.cumsum(net, axis=1).T)
    assert (need[0], month[0]) == (20, 2)


def test_no_cash_need_means_no_peak_month_and_payback_in_month_one() -> None:
    net = rows([5, -5, 0])
    need, month = peak_cash(np.cumsum(net, axis=1).T)
    assert need[0] == 0 and math.isnan(month[0])
    assert first_payback_month(np.cumsum(net, axis=1).T)[0] == 1


def test_never_paid_back_has_no_first_payback() -> None:
    net = rows([-5, 1, 1])
    assert math.isnan(first_payback_month(np.cumsum(net, axis=1).T)[0])


@pytest.mark.parametrize(
    ("flows", "single"),
    [
        ([-5, 0, 3, 4], True),  # a zero month between does not count
        ([-5, 3, -1], False),  # two changes: up to two IRRs
        ([1, 2, 3], False),  # no change: no IRR
        ([-1, 0, -2], False),
        ([0, -100, 50, 0, 60], True),
        ([4, -3, -3], True),  # borrowing first is one change too
    ],
)
def test_irr_needs_exactly_one_sign_change(flows: list[float], single: bool) -> None:
    assert bool(sign_changes(rows(flows).T)[0] == 1) is single


def test_a_lone_samples_sign_changes_are_those_it_has_in_a_batch() -> None:
    # A run counts its months one by one, a batch with reductions over the months: the same counts, zeros and
    # NaN months (neither sign) included.
    rng = np.random.default_rng(8)
    flows = rng.choice([-2.0, -0.5, 0.0, 0.0, 1.0, 3.0, np.nan], size=(9, 400))
    flows[:, :40] = np.abs(flows[:, :40])  # no change
    batch = sign_changes(flows)
    assert set(batch.tolist()) == {0, 1, 2}
    alone = [int(sign_changes(flows[:, [column]])[0]) for column in range(flows.shape[1])]
    assert alone == batch.tolist()


def _paid_figures(text: str) -> dict[str, float]:
    figures = evaluate(load_text(text, "paid.yaml").scenario).figures
    return {name: float(figures[name][0]) for name in ("ad_spend", "roi", "roas")}


def test_paid_totals_worked_example() -> None:
    # docs/formulas.md §11: 1000 users bought in month 1 at 10, churn 0.5, a purchase of 10 a month, serving 1:
    # c(a) = 9, 4.5, 2.25 -> 15,750 of contribution on 17,500 of revenue for 10,000 of spend.
    figures = _paid_figures("""
name: one cohort
horizon_months: 3
acquisition: [{name: A, type: cpa, bid: 10, users: 1000, months: [1]}]
retention: {monthly_churn: 0.5}
monetization: {purchases: [{name: item, price: 10, rate: 1}]}
costs: {serving_per_active_user: 1}
""")
    assert figures["ad_spend"] == pytest.approx(10_000)
    assert figures["roi"] == pytest.approx((15_750 - 10_000) / 10_000)
    assert figures["roas"] == pytest.approx(17_500 / 10_000)


def test_paid_totals_credit_viral_users_to_the_buyer() -> None:
    # 100 bought in month 1 at 10 earn 100 x (10 + 4) = 1,400 (churn 0.6); with k = 0.5 they bring
    # 50 viral users in month 2, who earn 50 x 10 = 500 within the horizon: 1,900 for 1,000 of spend.
    figures = _paid_figures("""
name: viral credit
horizon_months: 2
acquisition: [{name: A, type: cpa, bid: 10, users: 100, months: [1]}]
virality: 0.5
retention: {monthly_churn: 0.6}
monetization: {purchases: [{name: item, price: 10, rate: 1}]}
""")
    assert figures["roi"] == pytest.approx((1_900 - 1_000) / 1_000)
    assert figures["roas"] == pytest.approx(1_900 / 1_000)


def test_max_unit_cost() -> None:
    # A bid of 30 losing 52%: 30 x 0.48 = 14.40; losing more than all of it: 0; no spend: none.
    out = max_unit_cost(np.array([30.0, 30.0, 30.0]), np.array([-0.52, -1.5, np.nan]))
    assert out[0] == pytest.approx(14.4)
    assert out[1] == 0
    assert math.isnan(out[2])


def test_annual_plan_recognised_monthly_and_deferred_runs_down() -> None:
    # One annual payment of 120 in month 1: 10 recognised in each of months 1..12;
    # deferred 120 - 10 t, 0 at the end of month 12. A purchase of 7 in month 3 is recognised when paid.
    plan_cash = np.zeros((1, 12))
    plan_cash[0, 0] = 120.0
    gross = plan_cash.copy()
    gross[0, 2] += 7.0
    recognised, deferred = accrual_series(gross, {12: plan_cash})
    expected = np.full(12, 10.0)
    expected[2] += 7.0
    np.testing.assert_allclose(recognised[0], expected)
    np.testing.assert_allclose(deferred[0], 120.0 - 10.0 * np.arange(1, 13), atol=1e-12)


def test_a_payment_used_up_leaves_exactly_nothing_deferred() -> None:
    # An annual 8,970 (borrow.yaml): 747.5 a month, exactly; the running sums' difference left 747.499999999998
    # and a deferred -1.6e-12 at month 12 (a negative balance in a spreadsheet).
    cash = rows([8970.0] + [0.0] * 11)
    recognised, deferred = accrual_series(cash, {12: cash})
    assert recognised[0].tolist() == [747.5] * 12
    assert deferred[0].tolist() == [8970.0 - 747.5 * month for month in range(1, 13)]
    assert deferred[0, -1] == 0.0


def test_payment_past_the_horizon_is_recognised_only_within_it() -> None:
    # A quarterly 30 paid in month 3 of a 4-month horizon: 10 in months 3 and 4, 10 still deferred.
    cash = rows([0, 0, 30, 0])
    recognised, deferred = accrual_series(cash, {3: cash})
    np.testing.assert_allclose(recognised[0], [0, 0, 10, 10])
    np.testing.assert_allclose(deferred[0], [0, 0, 20, 10])


def test_without_plans_recognised_is_the_cash() -> None:
    recognised, deferred = accrual_series(rows([5, 6]), {})
    np.testing.assert_allclose(recognised[0], [5, 6])
    np.testing.assert_allclose(deferred[0], [0, 0])


def test_cohort_table() -> None:
    # Cohorts of 100 and 60 users, c(a) = 9, 4.5: cohort 1 makes 900 then 450, cohort 2 makes 540 in month 2.
    table = cohort_contribution(np.array([100.0, 60.0]), np.array([9.0, 4.5]))
    assert table[0].tolist() == [900.0, 450.0]
    assert math.isnan(table[1, 0]) and table[1, 1] == 540.0


@pytest.mark.parametrize(
    ("low", "mode", "high", "median"),
    [
        (0.0, 1.0, 1.0, math.sqrt(0.5)),
        (0.0, 0.0, 1.0, 1.0 - math.sqrt(0.5)),
        (10.0, 20.0, 40.0, 40.0 - math.sqrt(300.0)),
        (10.0, 25.0, 40.0, 25.0),
    ],
)
def test_triangular_median_is_the_closed_form(low: float, mode: float, high: float, median: float) -> None:
    value = Distribution("triangular", low, high, mode).median()
    assert value == pytest.approx(median, rel=1e-12)
    # And it halves the distribution: the triangular CDF there is 1/2.
    if value <= mode:
        cdf = (value - low) ** 2 / ((high - low) * (mode - low))
    else:
        cdf = 1 - (high - value) ** 2 / ((high - low) * (high - mode))
    assert cdf == pytest.approx(0.5, rel=1e-12)
