"""allocate's numbers held as its options hold them: a nan cash cap changed the split, a chance of -0.5 was 'met'."""

from __future__ import annotations

import math

import pytest

from aigc_roi.reader.load import load_text
from aigc_roi.whatif.allocate import AllocationError, Limits, allocate

PLAN = load_text("""\
name: Allocation arguments
horizon_months: 1
acquisition:
  - {name: A, type: cpa, bid: 20, budget: 10_000}
  - {name: B, type: cpa, bid: 25, budget: 10_000}
retention: {monthly_churn: 1}
monetization:
  purchases: [{name: item, price: 100, rate: 1}]
""", "s.yaml").scenario

LARGEST = "a number no larger than 1,000,000,000,000,000 (1e15)"


@pytest.mark.parametrize(("cap", "expected", "found"), [
    (math.nan, "an amount >= 0", "nan"),
    (-1, "an amount >= 0", "-1"),
    (-math.inf, "an amount >= 0", "-inf"),
    (math.inf, LARGEST, "inf"),
    (1e16, LARGEST, "1e+16"),
    (1e-12, "0 or a number of at least 1e-09 in size", "1e-12"),
    (True, "an amount >= 0", "True (bool)"),
])
def test_a_cash_cap_is_an_amount_as_the_option_reads_one(cap: object, expected: str, found: str) -> None:
    with pytest.raises(AllocationError) as raised:
        allocate(PLAN, 20_000, limits=Limits(max_cash_need=cap), curve=())  # type: ignore[arg-type]
    assert str(raised.value) == f"max_cash_need: expected {expected}, found {found}"


@pytest.mark.parametrize(("chance", "found"), [(-0.5, "-0.5"), (2, "2"), (1.0000001, "1.0000001"), (math.nan, "nan"),
                                               (False, "False (bool)")])
def test_a_least_payback_probability_is_a_share(chance: object, found: str) -> None:
    with pytest.raises(AllocationError) as raised:
        allocate(PLAN, 20_000, limits=Limits(min_payback_probability=chance), samples=10, curve=())  # type: ignore[arg-type]
    assert str(raised.value) == f"min_payback_probability: expected a share in [0, 1], found {found}"


@pytest.mark.parametrize(("arguments", "message"), [
    ({"samples": 1.5}, "samples: expected a whole number from 1 to 1,000,000, found 1.5 (float)"),
    ({"samples": 1_000_001}, "samples: expected a whole number from 1 to 1,000,000, found 1000001"),
    ({"seed": -1}, "seed: expected a whole number from 0 to 2^128 - 1, found -1"),
    ({"budget": math.nan}, "budget: expected a positive amount, found nan"),
    ({"budget": 0}, "budget: expected a positive amount, found 0"),
    ({"budget": 1e30}, f"budget: expected {LARGEST}, found 1e+30"),
])
def test_counts_seeds_and_budgets_as_the_options_read_them(arguments: dict[str, object], message: str) -> None:
    with pytest.raises(AllocationError) as raised:
        allocate(PLAN, **{"budget": 20_000, "curve": (), **arguments})  # type: ignore[arg-type]
    assert str(raised.value) == message


def test_the_ends_of_each_range_are_limits_kept() -> None:
    # A user is worth 100 against a bid of 20 or 25, paid in the month bought: 20,000 to A is 1,000 users and
    # 100,000 in month 1, so cash is never short (a cap of 0 kept) and every draw pays back (a chance of 1).
    result = allocate(PLAN, 20_000, limits=Limits(max_cash_need=0, min_payback_probability=1), samples=10, curve=())
    assert result.best_split == pytest.approx({"A": 20_000, "B": 0}, abs=1e-3)
    assert [(check.limit, check.value, check.met) for check in result.constraints.values()] == [(0, 0, True), (1, 1, True)]
