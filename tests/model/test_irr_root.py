"""The IRR is a root of the NPV to 1e-12, checked in 60-digit decimal arithmetic, not by the program's own sums.

Newton's method stops as soon as a step certifies the root (docs/formulas.md §5: a step d inside the
bracket leaves the root within H^2 d^2 / 8 of where it lands), without the pass that would confirm it;
whatever the horizon, the number of months before the change, or how many samples share the search,
the NPV must still change sign within a relative 1e-12 of the reported monthly rate.
"""

from __future__ import annotations

import math
from decimal import Decimal, localcontext

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from aigc_roi.model.cashflow import annual_irr

TOLERANCE = 1e-12


def npv(flows: list[float], log_rate: Decimal) -> Decimal:
    """sum_t F(t) e^(-u t), t = 1..H, in 60 digits."""
    with localcontext() as context:
        context.prec = 60
        factor = (-log_rate).exp()
        return sum((Decimal(flow) * factor ** month for month, flow in enumerate(flows, start=1)), Decimal(0))


@st.composite
def single_change_plans(draw: st.DrawFn) -> list[list[float]]:
    """One to six plans of one horizon (2..120 months), each spending for some months and then earning, with
    amounts over four orders of magnitude and months of exactly 0 among the earnings.

    Each earns at least half what it spends, so the annual IRR stays above -99.98%: read back from the annual
    figure, 1 + r then keeps its precision (the IRR's reach toward -100% has tests of its own)."""
    horizon = draw(st.integers(2, 120))
    plans = []
    for _ in range(draw(st.integers(1, 6))):
        spending = draw(st.integers(1, horizon - 1))
        cost = [-draw(st.floats(1.0, 1e4)) for _ in range(spending)]
        earnings = [draw(st.sampled_from([0.0, draw(st.floats(1.0, 1e4))])) for _ in range(horizon - spending)]
        earnings[-1] = draw(st.floats(1.0, 1e4))
        scale = max(1.0, 0.5 * -sum(cost) / sum(earnings))
        plans.append(cost + [scale * earning for earning in earnings])
    return plans


@settings(max_examples=80, deadline=None)
@given(single_change_plans())
def test_the_irr_is_a_root_of_the_npv(plans: list[list[float]]) -> None:
    together = annual_irr(np.array(plans).T)
    alone = [annual_irr(np.array([plan]).T)[0] for plan in plans]
    np.testing.assert_array_equal(together, alone)
    for plan, annual in zip(plans, together, strict=True):
        log_rate = math.log1p(annual) / 12.0
        step = TOLERANCE * max(1.0, abs(log_rate))
        below, above = npv(plan, Decimal(log_rate - step)), npv(plan, Decimal(log_rate + step))
        assert below == 0 or above == 0 or (below > 0) != (above > 0), (plan, annual)


def test_amounts_further_apart_than_float64s_range_give_their_irr_alone_and_in_a_batch() -> None:
    # Scaled by the largest amount, the smallest underflows to 0, and the sums of amounts lose it: such samples are
    # solved in logarithms. -1e-200 x + 1e200 x^120 = 0 over 120 months: x^119 = 1e-400, 1 + r = 10^(400/119), an
    # annual 10^(4800/119) - 1 = 2.17e40 (1.8e308 before: the lost month left only earnings, a root at infinity).
    # -1e-273 x + 1e-294 x^2 + 1e265 x^3 = 0 has x^2 = ~1e-538 (the middle term is ~1e-832): 1 + r = ~1e269 a month,
    # an annual rate past float64's largest number, reported as that number. Borrowing first mirrors it: 1 + r =
    # ~1e-269, -100% to float64's precision. A batch used to lose both (NaN) where each alone was found.
    flows = [[-1e-200] + [0.0] * 118 + [1e200], [-1e-273, 1e-294, 1e265] + [0.0] * 117,
             [1e265, 1e-294, -1e-273] + [0.0] * 117, [-11_000.0, 4_500.0, 2_250.0] + [0.0] * 117]
    expected = [10 ** (4800 / 119) - 1, float(np.finfo(np.float64).max), -1.0,
                (1 / (-1 + math.sqrt(1 + 44 / 9))) ** 12 - 1]
    together = annual_irr(np.array(flows).T)
    np.testing.assert_allclose(together, expected, rtol=1e-12)
    np.testing.assert_array_equal(together, [annual_irr(np.array([plan]).T)[0] for plan in flows])
