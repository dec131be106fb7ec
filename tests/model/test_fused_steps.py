"""The engine's fused steps (issue 27) compute the same numbers, to the last bit, as the plain numpy expressions they
stand for: products added a block of rows at a time, a channel's months times the gates' decisions rather than times
their share array, the other source groups' sums taken where group 0's are added, a plan's payments by age."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from aigc_roi.model.acquisition import _Acquired
from aigc_roi.model.channel_months import ChannelMonths
from aigc_roi.model.gates import GateRun, run_gates
from aigc_roi.model.params import _Params
from aigc_roi.model.plan_payments import _plan_payments_by_age
from aigc_roi.model.running import BLOCK_CELLS, add_product, sum_product
from aigc_roi.model.scenario import Gate, Plan
from aigc_roi.model.source_mix import _OtherGroups


def _same_bits(got: np.ndarray, expected: np.ndarray) -> None:
    assert got.shape == expected.shape
    np.testing.assert_array_equal(got.view(np.uint64), np.ascontiguousarray(expected).view(np.uint64))


def test_a_product_added_by_hand() -> None:
    out = np.array([[1.0], [2.0]])
    add_product(out, np.array([[3.0], [4.0]]), np.array([[0.5]]))
    np.testing.assert_array_equal(out, [[2.5], [4.0]])
    add_product(out, np.array([[1.0], [1.0]]), np.array([[2.0]]), -1)
    np.testing.assert_array_equal(out, [[0.5], [2.0]])
    np.testing.assert_array_equal(sum_product(np.array([[1.0]]), np.array([[2.0], [3.0]]), np.array([4.0]),
                                              scale=np.array([[0.5], [2.0]])), [[4.5], [26.0]])


@pytest.mark.parametrize("samples", [1, 3, BLOCK_CELLS // 7 + 5])  # one block of rows; several, the last one short
@pytest.mark.parametrize("right_rows", [1, 24])
def test_products_added_block_by_block_are_numpys_own(samples: int, right_rows: int) -> None:
    rng = np.random.default_rng(5)
    base, left = rng.normal(size=(24, samples)) * 1e3, rng.normal(size=(24, samples)) * 1e-3
    right = rng.normal(size=(right_rows, samples)) * 7
    for sign in (1, -1):
        out = base.copy()
        add_product(out, left, right, sign)
        _same_bits(out, base + left * right if sign > 0 else base - left * right)
    row = rng.normal(size=(1, samples))
    _same_bits(sum_product(row, left, right), row + left * right)
    _same_bits(sum_product(row, left, right[0], scale=base), base * (row + left * right[0]))


def _gated(samples: int) -> GateRun:
    """Four gates over channels 0..5 of a 12-month plan, decided per sample: three of them stop channels 3 and 5 alike,
    one from an earlier month than the gates before it."""
    rng = np.random.default_rng(11)
    roas = iter(rng.random((4, samples)))

    def planned(channel: int, months: int) -> tuple[np.ndarray, np.ndarray]:
        return np.full((months, samples), float(channel + 1)), np.full((months, samples), 2.0)

    def attributed_gross(bought: object, months: int) -> np.ndarray:
        # The test's ROAS where its channel bought every month (spend 2 a month), drawn in [0, 1): some samples pass.
        return next(roas) * 2.0 * months

    gates = [Gate(name="a", after_month=3, channels=("c0",), then=("c1", "c3", "c5"), min_roas=0.5),
             Gate(name="b", after_month=6, channels=("c1",), then=("c3", "c4", "c5"), min_roas=0.5),
             Gate(name="c", after_month=2, channels=("c2",), then=("c3", "c5"), min_roas=0.5),
             Gate(name="d", after_month=12, channels=("c4",), then=(), min_roas=0.5)]
    return run_gates(gates, ["c0", "c1", "c2", "c3", "c4", "c5"], planned, 12, samples, attributed_gross)


def test_the_gates_decisions_multiply_out_to_their_share() -> None:
    run = _gated(40)
    assert 0 < run.passed.sum() < run.passed.size
    # Channel 3 is stopped by gates a, b and c, from months 3, 6 and 2 on: by hand, 1 up to month 2, then c's
    # decision, then a's as well from month 3, then b's too from month 6.
    expected = np.ones((12, 40))
    expected[2:] *= run.passed[2]
    expected[3:] *= run.passed[0]
    expected[6:] *= run.passed[1]
    np.testing.assert_array_equal(run.still_buying[3], expected)
    assert [first for first, _ in run.stops[3]] == [3, 6, 2]
    assert run.stops[5] is run.stops[3]
    for channel, stops in run.stops.items():
        _same_bits(_one_channel(np.ones((12, 40))).summed([0], {0: stops}), run.still_buying[channel])


def _one_channel(months: np.ndarray) -> ChannelMonths:
    """The months of one channel whose values move by month."""
    rows = np.zeros((1, months.shape[1]))
    return ChannelMonths(_Acquired(np.ones((months.shape[0], 1)), rows, rows, (months[None], months[None]), (0,)),
                         np.ones((1, months.shape[0])))


def test_a_sum_after_the_gates_is_the_sum_before_them_times_their_share() -> None:
    samples = 40
    run = _gated(samples)
    rng = np.random.default_rng(3)
    # Six channels: 0, 2, 4 and 5 constant (4 in months 1-5 only), 1 and 3 with months of their own; a -0 and a
    # negative among the values, where a matrix product of one channel and its row times its mask part.
    masks = np.ones((6, 12))
    masks[4, 5:] = 0.0
    units = rng.random((6, samples)) * 1e3
    units[0, 0], units[2, 1] = -0.0, -3.0
    moving = rng.random((2, 12, samples)) * 1e3
    months = ChannelMonths(_Acquired(masks.T, units, units * 2.0, (moving, moving * 3.0), (1, 3)), masks)
    for channels in ([0], [2], [4], [5], [1], [3], [3, 5], [5, 3], [0, 1], [0, 2, 4], [1, 3], [0, 1, 2, 3, 4, 5]):
        for spend in (False, True):
            # Each share's channels summed as before the gates, times that share, the shares in the order they come.
            parts: dict[int, np.ndarray] = {}
            for channel in channels:
                parts.setdefault(id(run.stops[channel]), months.summed([c for c in channels if run.stops[c] is run.stops[channel]],
                                                                       spend=spend) * run.still_buying[channel])
            expected = list(parts.values())
            total = expected[0]
            for part in expected[1:]:
                total = total + part
            _same_bits(months.summed(channels, run.stops, spend=spend), total)
    # One channel alone, before the gates: its row times its mask, as a matrix product of one term makes it.
    for channel in (0, 2, 4, 5):
        _same_bits(months.summed([channel]), masks[[channel]].T @ units[[channel]])


@pytest.mark.parametrize("same_index", [True, False])
@pytest.mark.parametrize("others", [1, 3])
def test_the_other_groups_sums_are_the_plain_ones(same_index: bool, others: int) -> None:
    rng = np.random.default_rng(others)
    users = [rng.random((24, 9)) * 1e3 for _ in range(others + 1)]
    active = [rng.random((24, 9)) * 1e3 for _ in range(others + 1)]
    indices = [np.ones(9)] + [np.full(9, 1.2) if same_index else rng.random(9) + 0.5 for _ in range(others)]
    n0, a0 = users[0].copy(), active[0].copy()
    # The sums as the engine wrote them before: Python's sum over the groups, each index times its group's own.
    if same_index:
        summed_active = sum(active[2:], active[1])
        indexed_users, indexed_active = indices[1] * sum(users[2:], users[1]), indices[1] * summed_active
    else:
        summed_active = sum(active[2:], active[1])
        indexed_users = sum((k * n for n, k in zip(users[2:], indices[2:], strict=True)), indices[1] * users[1])
        indexed_active = sum((k * a for a, k in zip(active[2:], indices[2:], strict=True)), indices[1] * active[1])
    groups = _OtherGroups.of(users, [a.copy() for a in active], indices)
    everyone, plans_convert, purchasers = groups.with_group_0(n0, a0)
    _same_bits(everyone, active[0] + summed_active)
    _same_bits(plans_convert, users[0] + indexed_users)
    _same_bits(purchasers, active[0] + indexed_active)
    np.testing.assert_array_equal(n0, users[0])  # group 0's users are the caller's, read again
    # The paid channels' own: the same sums, written over group 0's users and active users.
    n0, a0 = users[0].copy(), active[0].copy()
    _, plans_convert, purchasers = groups.with_group_0(n0, a0, users_read=False)
    assert plans_convert is n0 and purchasers is a0
    _same_bits(plans_convert, users[0] + indexed_users)


def test_payments_by_age_keep_a_zero_unsigned() -> None:
    # Every age of a monthly plan pays: its payments are the renewals' products themselves, but for a -0 conversion,
    # which the zeros they were added to make 0 (0 + -0 = 0).
    plan = Plan(name="m", price=10.0, period_months=1, conversion=-0.0, renewal=0.5)
    payments = _plan_payments_by_age(plan, 4, _Params(2, 4))
    np.testing.assert_array_equal(payments, np.zeros((4, 2)))
    assert not np.signbit(payments).any()
    plan = Plan(name="m", price=10.0, period_months=1, conversion=0.5, renewal=0.5)
    np.testing.assert_array_equal(_plan_payments_by_age(plan, 4, _Params(1, 4))[:, 0], [0.5, 0.25, 0.125, 0.0625])
    plan = Plan(name="q", price=10.0, period_months=3, conversion=0.5, renewal=0.5)
    np.testing.assert_array_equal(_plan_payments_by_age(plan, 7, _Params(1, 7))[:, 0], [0.5, 0, 0, 0.25, 0, 0, 0.125])


def test_a_drawn_saturation_beside_a_budget_and_bid_written_by_month() -> None:
    """A cpa channel's budget and bid by month are one column, (H, 1), and a drawn saturation_budget has every sample's:
    users scaled in place in the ratio's column raised numpy's broadcast error, an internal error of simulate and of
    actuals --reforecast. Users b / bid x h / (b + h): month 1, budget 1,000, bid 10, h 500 and 1,500 -> 100 x 1/3 and
    100 x 3/5; month 2 (budget 2,000, bid 12) -> 2,000 / 12 x 1/5 and x 3/7."""
    from aigc_roi import api
    from aigc_roi.model.engine import evaluate

    plan = api.load_source("name: S\nhorizon_months: 2\nretention: {monthly_churn: 0.5}\nacquisition:\n"
                           "  - {name: A, type: cpa, bid: {by_month: {1: 10, 2: 12}}, budget: {by_month: {1: 1000, 2: 2000}},"
                           " saturation_budget: 500}\n")
    drawn = dataclasses.replace(plan, acquisition=(
        dataclasses.replace(plan.acquisition[0], saturation_budget=np.array([500.0, 1500.0])),))
    users = evaluate(drawn).channel_monthly_users[:, 0, :]
    np.testing.assert_allclose(users, [[100 / 3, 2000 / 12 / 5], [100 * 3 / 5, 2000 / 12 * 3 / 7]], rtol=1e-12)
