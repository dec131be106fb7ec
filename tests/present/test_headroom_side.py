"""A headroom as shown keeps its threshold when applied to the current value (docs/formulas.md §10): a move a goal
needs is rounded away from 0, the room before a limit toward 0, at the tenth of a percent shown.

By hand, current 10: a price whose ROI = 0 at 16.4217 (not met) needs +64.217%, shown +64.3% (10 x 1.642 = 16.42
falls short); a cost whose break-even is 17.7917 at a current 40 (not met) must fall 55.52%, shown -55.6% (40 x
0.445 = 17.80 is still above it); a cost met now with its limit at 11.236 has room +12.36%, shown +12.3% (+12.4%
would be 11.24, past the limit), and at 11.2345 room +12.345%, shown +12.3%; a price met now with its limit at 8.764
may fall 12.36%, shown -12.3%. A break-even of 16.5000000001 whose digit 16.5 a run met the threshold at (held) reads
+65.0% (10 x 1.65 = 16.5); one whose 16.5 a run did not meet, +65.1%. A headroom that would read -100.0% or 0.0%
and is neither is shown to the 2nd significant digit of its distance from that end."""

from __future__ import annotations

import pytest

from aigc_roi.present.breakeven import headroom_text, room_cell, shown_headroom
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.whatif.breakeven import BreakEven
from aigc_roi.whatif.breakeven_jumps import GateJump, Side
from aigc_roi.whatif.drivers import Driver


def _row(current: float, roi_zero: float, cost: bool, jump: bool = False, held: tuple[float, ...] = ()) -> BreakEven:
    driver = Driver(path="x", item=None, field="price", current=current, upper_bound=1e15, search_high=100 * current)
    side = Side(roi=0.0, payback_month=None, gates_passed=(True,))
    return BreakEven(driver, roi_zero, None, good_below=frozenset({"roi_zero"}) if cost else frozenset(),
                     jumps={"roi_zero": GateJump(side, side)} if jump else {}, held={"roi_zero": frozenset(held)})


@pytest.mark.parametrize(("current", "break_even", "cost", "shown"), [
    (10, 16.4217, False, "+64.3%"),
    (40, 17.7917, True, "-55.6%"),
    (10, 11.236, True, "+12.3%"),
    (10, 11.2345, True, "+12.3%"),
    (10, 8.764, False, "-12.3%"),
])
def test_a_headroom_is_rounded_toward_its_safe_side(current: float, break_even: float, cost: bool, shown: str) -> None:
    assert headroom_text(shown_headroom(_row(current, break_even, cost), "roi_zero")) == shown


@pytest.mark.parametrize(("held", "shown"), [((16.5,), "+65.0%"), ((), "+65.1%"), ((16.51,), "+65.1%")])
def test_a_headroom_reads_the_move_onto_a_digit_a_run_met(held: tuple[float, ...], shown: str) -> None:
    assert headroom_text(shown_headroom(_row(10, 16.5000000001, False, held=held), "roi_zero")) == shown


def test_no_break_even_no_headroom() -> None:
    assert shown_headroom(_row(10, 16.4217, False), "payback_target") is None


@pytest.mark.parametrize(("current", "break_even", "cost", "shown"), [
    # Near -100%: a cost of 10 whose break-even is 0.00387 must fall 99.9613%, away from 0 at the place of the 2nd
    # significant digit of 0.000387: -99.962% (10 x 0.00038 = 0.0038 is below 0.00387); -100.0% would be a cost of 0.
    (10, 0.00387, True, "-99.962%"),
    (10, 0.004, True, "-99.96%"),       # 10 x 0.0004 = 0.004: the digits past the last nonzero one are not shown
    (10, 0.0, True, "-100.0%"),         # a break-even of 0 is -100% exactly
    (10, 0.00387, False, "-99.9%"),     # the room before a limit, toward 0, never reads -100.0%
    # Near 0: the room before a limit, toward 0, at the place of its 2nd significant digit (0.0% would say the
    # current value is the break-even): 16 to 16 + 2^-12 is +2^-16 = +0.00152587890625%, shown +0.0015%; to
    # 16 + 3 x 2^-11, +0.0091552734375%, shown +0.0091%; to 16 - 2^-12, -0.0015%. Binary fractions: no float noise.
    (16, 16 + 2 ** -12, True, "+0.0015%"),
    (16, 16 + 3 * 2 ** -11, True, "+0.0091%"),
    (16, 16 - 2 ** -12, False, "-0.0015%"),
    (10, 10.00001, False, "+0.1%"),     # a goal's move, away from 0, never reads 0.0%
])
def test_a_headroom_never_reads_an_end_it_is_not_at(current: float, break_even: float, cost: bool, shown: str) -> None:
    assert headroom_text(shown_headroom(_row(current, break_even, cost), "roi_zero")) == shown


def test_the_room_cell_reads_the_same_digits() -> None:
    row = _row(10, 0.00387, True)
    assert room_cell(row, "roi_zero", NumberStyle("en")) == "-99.962%"
