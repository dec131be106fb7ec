"""A single run's shortcuts (issue 27: a run under 2 ms) compute what the paths they stand for compute, to the last
bit: the accrual's lags summed in one reduction, a cohort matrix copied from a view, a narrow stack copied, a shared
curve's view, counted reductions, the discount's powers without its selections, the MIRR of one sample on Python
floats, a chunk's purchases built once per set of items and fee, and, where figures alone are read, a net revenue that
is the gross where every item keeps all of its revenue, fixed costs read through one row, a running sum in place and a
plan's cash by age without its payments, written at once where zeros were added to."""

from __future__ import annotations

import numpy as np
import pytest

from aigc_roi.model.accrual import LAGGED_CELLS, _by_lag, _by_lag_at_once
from aigc_roi.model.cashflow import discount_factors
from aigc_roi.model.mirr import annual_mirr
from aigc_roi.model.monthly_costs import _fixed_costs
from aigc_roi.model.monthly_revenue import _purchase_per_active, _revenue, _revenue_by_age
from aigc_roi.model.params import _Params, every, shared_columns, some
from aigc_roi.model.plan_payments import _plan_payments_by_age, _Recursion, _recursive_schedules
from aigc_roi.model.running import FEW_VALUES, recurrence, running_sum, stacked
from aigc_roi.model.scenario import ByMonth, Costs, FixedCost, Monetization, Order, Plan, Purchase
from aigc_roi.model.sources import lower_toeplitz, toeplitz_product


def _same_bits(got: np.ndarray, expected: np.ndarray) -> None:
    assert got.shape == expected.shape
    np.testing.assert_array_equal(np.ascontiguousarray(got).view(np.uint64), np.ascontiguousarray(expected).view(np.uint64))


def _pass_per_lag(cash: np.ndarray, weights: list[float]) -> np.ndarray:
    """The sum over lags as it was written first: one pass per lag, from zeros."""
    summed = np.zeros_like(cash)
    for lag, weight in enumerate(weights[: cash.shape[1]]):
        summed[:, lag:] += cash[:, : cash.shape[1] - lag] * weight
    return summed


def test_an_annual_payment_is_recognised_a_twelfth_a_month() -> None:
    # 1,200 paid in month 1 and 600 in month 3 of an annual plan: recognised 1,200 / 12 = 100 a month in months 1-12
    # and 600 / 12 = 50 in months 3-14. Owed at the end of month 1: 11/12 of 1,200 = 1,100; of month 3: 9/12 of 1,200
    # and 11/12 of 600, 900 + 550 = 1,450; of month 12: 2/12 of 600 = 100; of month 14: nothing.
    cash = np.zeros((1, 24))
    cash[0, 0], cash[0, 2] = 1_200.0, 600.0
    recognised = _by_lag_at_once(cash, [1.0] * 12) / 12
    np.testing.assert_allclose(recognised[0, [0, 1, 2, 11, 12, 13, 14]], [100, 100, 150, 150, 50, 50, 0], rtol=1e-15)
    owed = _by_lag_at_once(cash, [(11 - lag) / 12 for lag in range(11)])
    np.testing.assert_allclose(owed[0, [0, 2, 11, 13]], [1_100.0, 1_450.0, 100.0, 0.0], rtol=1e-15)


@pytest.mark.parametrize("samples", [1, 3])
@pytest.mark.parametrize("months", [1, 5, 120])
def test_lags_summed_in_one_reduction_are_the_pass_per_lag(samples: int, months: int) -> None:
    rng = np.random.default_rng(3)
    cash = rng.normal(size=(months, samples)) * 10.0 ** rng.integers(-6, 6, size=(months, samples))
    cash[rng.random(cash.shape) < 0.3] = -0.0  # a sum that starts at 0 takes no sign from them, in either form
    for layout in (cash.T, np.ascontiguousarray(cash.T)):  # the engine's transposed series, and a plain (S, H) one
        for weights in ([1.0] * 12, [(11 - lag) / 12 for lag in range(11)], [1.0] * 3):
            assert len(weights) * layout.size <= LAGGED_CELLS
            got = _by_lag(layout, weights)
            _same_bits(got, _pass_per_lag(layout, weights))
            assert got.strides == np.zeros_like(layout).strides


def test_a_cohort_matrix_is_the_lower_triangle_of_its_first_column() -> None:
    np.testing.assert_array_equal(lower_toeplitz(np.array([1.0, 2.0, 3.0])), [[1, 0, 0], [2, 1, 0], [3, 2, 1]])
    # X(t) = sum_{s<=t} R(s) N(t-s): N = 10, 20, 30 on R = 1, 0.5, 0.25 is 10, 25, 42.5.
    curve = np.array([1.0, 0.5, 0.25])
    users = np.array([[10.0], [20.0], [30.0]])
    np.testing.assert_array_equal(toeplitz_product(curve, users, lower_toeplitz(curve)), [[10.0], [25.0], [42.5]])


def test_a_narrow_stack_is_a_copy_and_a_wide_one_a_view_of_the_same_values() -> None:
    rng = np.random.default_rng(8)
    narrow, wide = rng.random((24, 2)), rng.random((24, FEW_VALUES))
    assert stacked(narrow, 3).flags.owndata and not stacked(wide, 3).flags.owndata
    for values in (narrow, wide):
        for count in (1, 3):
            np.testing.assert_array_equal(stacked(values, count), np.broadcast_to(values, (count, *values.shape)))
            factors = rng.random((count, values.shape[1]))
            _same_bits(recurrence(stacked(values, count), factors, 12, axis=1),
                       recurrence(np.broadcast_to(values, (count, *values.shape)), factors, 12, axis=1))


def test_a_shared_curve_is_broadcast_tos_view() -> None:
    column = np.arange(5.0)[:, None] ** 2
    for samples in (1, 4):
        view, broadcast = shared_columns(column, samples), np.broadcast_to(column, (5, samples))
        np.testing.assert_array_equal(view, broadcast)
        assert view.strides == broadcast.strides and view.strides[1] == 0
        assert not view.flags.writeable


def test_counted_reductions_are_all_and_any() -> None:
    for values in ([0.0, -0.0], [np.nan, 0.0], [1.0, np.nan], [2.0, -3.0], [], [True, False], [True]):
        array = np.array(values)
        assert every(array) == bool(array.all()) and some(array) == bool(array.any())
        assert every(array[None]) == bool(array.all()) and some(array[None]) == bool(array.any())


def test_discount_factors_of_valid_rates_are_the_selections_powers() -> None:
    # 1 / 1.21^(t/12): 1.21^(-6/12) = 1 / 1.1 at t = 6, 1 / 1.21 at t = 12.
    np.testing.assert_allclose(discount_factors(np.array([0.21]), 12)[[5, 11], 0], [1 / 1.1, 1 / 1.21], rtol=1e-15)
    valid = discount_factors(np.array([0.1, 0.35]), 36)
    mixed = discount_factors(np.array([0.1, -1.5]), 36)
    _same_bits(valid[:, 0], mixed[:, 0])
    assert np.isnan(mixed[:, 1]).all()


@pytest.mark.parametrize("months", [2, 13, 120, 200])
def test_one_samples_mirr_in_money_and_in_logarithms(months: int) -> None:
    # Only the first and last months: the earnings compound over no month and the cost is discounted over none, so
    # the ratio is theirs, 2, at any rate: x = 2^(1/(H-1)) - 1, an annual 2^(12/(H-1)) - 1. At 1,000% a month the
    # factors of 200 months pass e^300 and the sums are taken in logarithms; amounts of 1e-300 sum below 1e-280 and
    # are taken in logarithms at any rate.
    expected = 2.0 ** (12 / (months - 1)) - 1
    for scale, rate in ((1.0, 0.01), (1.0, 10.0), (1e-300, 0.0)):
        flows = np.zeros((months, 1))
        flows[0, 0], flows[-1, 0] = -scale, 2 * scale
        np.testing.assert_allclose(annual_mirr(flows, np.array([rate])), [expected], rtol=1e-12)
    assert np.isnan(annual_mirr(np.ones((months, 1)), np.array([0.01]))).all()  # no cost
    assert np.isnan(annual_mirr(np.array([[-1.0]] + [[1.0]] * (months - 1)), np.array([-1.0]))).all()  # rate of -100%


def test_a_chunks_purchases_are_built_once_per_set_of_items_and_fee() -> None:
    # 0.5 purchases of 10 per active user and month: 5 gross, net 5 x 0.9 = 4.5 after a 10% fee, 5 x 0.7 = 3.5 after
    # 30%; the same items with another fee in the same chunk are built again, not read from the first.
    items, fee = (Purchase("tip", 10.0, 0.5),), np.array([0.1])
    p = _Params(1, 12)
    gross, net = _purchase_per_active(Monetization(purchases=items, revenue_fee=fee), p)
    np.testing.assert_allclose([gross[0, 0], net[0, 0]], [5.0, 4.5], rtol=1e-15)
    assert _purchase_per_active(Monetization(purchases=items, revenue_fee=fee), p)[1] is net
    np.testing.assert_allclose(_purchase_per_active(Monetization(purchases=items, revenue_fee=np.array([0.3])), p)[1],
                               [[3.5]], rtol=1e-15)
    assert not net.flags.writeable


def _monetization(plan_fee: float | None, purchase_fee: float | None, revenue_fee: float, orders: bool) -> Monetization:
    plans = (Plan("Monthly", 30.0, 1, 0.04, 0.7, fee=plan_fee), Plan("Yearly", 199.0, 12, 0.01, 0.5))
    purchases = (Purchase("Pack", 19.9, 0.02, fee=purchase_fee),)
    lines = (Order("Order", 50.0, 10.0),) if orders else ()
    return Monetization(plans, purchases, revenue_fee, lines)


@pytest.mark.parametrize("orders", [False, True], ids=["no orders", "orders"])
@pytest.mark.parametrize("fees", [(None, None, 0.0), (0.3, None, 0.0), (None, 0.15, 0.0), (None, None, 0.3), (0.0, 0.0, 0.3)],
                         ids=["no fee", "a plan's fee", "a purchase's fee", "the revenue fee", "every item's own 0"])
def test_a_net_revenue_shared_with_the_gross_is_the_net_summed_on_its_own(fees: tuple, orders: bool) -> None:
    """Figures alone and the paid channels' revenue take the gross array as the net where every item keeps all of its
    revenue (``net_shared``): the net summed on its own has the same bits, and elsewhere it is summed on its own."""
    rng = np.random.default_rng(11)
    p = _Params(4, 30)
    new_users = rng.uniform(0.0, 1e4, (30, 4))
    active = new_users * rng.uniform(0.1, 0.9, (30, 4))
    active[3, 1] = -0.0  # a sign bit: the shared sum must be the same sum, not the gross copied
    monetization = _monetization(*fees, orders=orders)
    summed = _revenue(monetization, new_users, active, p, net_shared=False)
    shared = _revenue(monetization, new_users, active, p, net_shared=True)
    _same_bits(shared.net, summed.net)
    _same_bits(shared.gross, summed.gross)
    # Orders add to both in place; a fee of 0 on one plan and the revenue fee on the other net the plans apart.
    assert (shared.net is shared.gross) == (fees == (None, None, 0.0) and not orders)
    assert summed.net is not summed.gross


@pytest.mark.parametrize("costs", [
    (),
    (FixedCost("Tools", 300.0),),
    (FixedCost("Tools", "drawn"), FixedCost("Rent", 1_000.0)),
    (FixedCost("Tools", "drawn"), FixedCost("Launch", 5_000.0, (1, 2, 3))),
    (FixedCost("Tools", ByMonth(((1, 300.0), (30, 900.0)))),),
    (FixedCost("Refund", -0.0), FixedCost("Tools", "drawn")),
], ids=["none", "one every month", "drawn and fixed every month", "one in some months", "by month", "a sign bit"])
@pytest.mark.parametrize("horizon", [1, 30])
def test_fixed_costs_read_through_one_row_are_every_months_sums(costs: tuple, horizon: int) -> None:
    """Figures alone read costs that run every month at one amount through one row (``spread`` False): the same sums,
    bit for bit, as every month's own array, which the series keep."""
    rng = np.random.default_rng(5)
    drawn = rng.uniform(300.0, 1_000.0, 4)
    written = Costs(fixed=tuple(FixedCost(cost.name, drawn if isinstance(cost.monthly, str) else cost.monthly, cost.months)
                                for cost in costs))
    spread = _fixed_costs(written, horizon, _Params(4, horizon))
    read = _fixed_costs(written, horizon, _Params(4, horizon), spread=False)
    _same_bits(np.ascontiguousarray(read), spread)
    assert spread.flags.c_contiguous and spread.flags.writeable
    # One month is one row whatever its costs; over 30, costs in some months or by month take every month's array.
    one_row = horizon == 1 or all(cost.months is None and not isinstance(cost.monthly, ByMonth) for cost in costs)
    assert (not read.flags.writeable) == one_row


def test_a_running_sum_of_its_own_array_is_the_running_sum_in_place() -> None:
    rng = np.random.default_rng(8)
    for values in (rng.normal(size=(30, 5)), rng.normal(size=(30, 1)), rng.normal(size=(1, 3)), rng.normal(size=(5, 30)).T):
        copied = running_sum(values)
        own = values.copy(order="K")
        summed = running_sum(own, own=True)
        assert summed is own
        _same_bits(summed, copied)


@pytest.mark.parametrize("samples", [1, 40, 1_000])
def test_a_plans_cash_by_age_alone_is_the_cash_computed_with_its_payments(samples: int) -> None:
    """Figures alone, without serving per subscriber, take a recursive plan's cash by age without its payments: the
    same products (a stack of one kind may take numpy's accumulation where two took a product per step)."""
    rng = np.random.default_rng(4)
    p = _Params(samples, 36)
    plans = [Plan("Monthly", rng.uniform(20.0, 40.0, samples), 1, rng.uniform(0.01, 0.05, samples), rng.uniform(0.5, 0.8, samples)),
             Plan("Quarterly", 79.0, 3, 0.02, -0.0), Plan("Again", 19.0, 1, 0.03, 0.7)]
    recursions = [_Recursion.of(plan, p) for plan in plans]
    with_payments = list(_recursive_schedules(recursions, 36, samples))
    alone = list(_recursive_schedules(recursions, 36, samples, payments=False))
    for (cash, payments), (cash_alone, none) in zip(with_payments, alone, strict=True):
        assert payments is not None and none is None
        _same_bits(np.ascontiguousarray(cash_alone), np.ascontiguousarray(cash))


@pytest.mark.parametrize("first", ["monthly", "quarterly", "scheduled"])
def test_a_users_subscriptions_by_age_written_at_once_are_zeros_added_to(first: str) -> None:
    """The first plan that pays at every age writes its cash plus 0 at once, where an array of zeros was added to:
    the same bits, a -0 renewal's products made 0 alike."""
    rng = np.random.default_rng(9)
    samples, horizon = 6, 24
    p = _Params(samples, horizon)
    monthly = Plan("Monthly", rng.uniform(20.0, 40.0, samples), 1, 0.04, np.where(rng.random(samples) < 0.5, -0.0, 0.7))
    quarterly = Plan("Quarterly", 79.0, 3, 0.02, 0.5)
    scheduled = Plan("Listed", 9.0, 1, 0.03, (0.6, 0.5))
    plans = {"monthly": (monthly, quarterly), "quarterly": (quarterly, monthly), "scheduled": (scheduled, monthly)}[first]
    found = _revenue_by_age(Monetization(plans), np.ones((horizon, samples)), p, payments=False).subscription_by_age
    expected = np.zeros((horizon, samples))
    for plan in plans:
        recursion = _Recursion.of(plan, p)
        if recursion is None:
            expected += _plan_payments_by_age(plan, horizon, p) * plan.price
            continue
        cash, _ = next(iter(_recursive_schedules([recursion], horizon, samples)))
        expected[:: recursion.period] += cash
    _same_bits(found, expected)
    assert not np.signbit(found).any()
