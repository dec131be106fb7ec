"""A Scenario built in code is written as the file that writes it (reader/written_tree.py): any sequence where the
dataclass holds a tuple (a list, a range, a numpy array) is the list or mapping the file writes, any real number (a
Decimal, a Fraction, numpy's) the number, and a refusal speaks of what the code gave, not of how a file is typed.

QA: once code-built scenarios were read as their file, ``start=[2025, 1]``, ``RetentionPoints([(1, 0.4), ...])``,
``ByMonth([...])``, ``months=range(1, 4)`` and a ``Decimal`` bid were refused (``expected a month within 1..24,
found range(1, 4)``), where they had given the figures below; a month given twice was told as ``by_month.01:
duplicate month 1: '01' and '1' ...``, the ``01`` written by the library, and ``virality=1.5`` was asked whether
it meant ``1.5%``, which code cannot write.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np
import pytest

from aigc_roi import api
from aigc_roi.model.channels import CpaChannel
from aigc_roi.model.scenario import (
    ByMonth,
    Costs,
    FixedCost,
    Monetization,
    Plan,
    RetentionChurn,
    RetentionDays,
    RetentionPoints,
    Scenario,
)
from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.in_code import checked

R = dataclasses.replace
BASE = Scenario(name="x", retention=RetentionChurn(0.1),
                acquisition=(CpaChannel(name="c", bid=20.0, budget=10000.0),),
                monetization=Monetization(plans=(Plan(name="p", price=30.0, period_months=1, conversion=0.05,
                                                      renewal=0.5),)),
                start=(2025, 1))


def paid_back(bids: list[float], months: int = 24) -> float:
    """BASE's npv (no discount, no serving, no fee) by hand: month m's budget of 10,000 buys 10,000 / bid_m users, 5%
    of whom subscribe at 30 and renew half of them each month to month 24: 30 * 0.05 * sum_{k=0}^{24-m} 0.5^k each,
    less the 10,000 spent in each month."""
    return sum(10_000 / bid * 0.05 * 30 * sum(0.5 ** k for k in range(months - m + 1)) - 10_000
               for m, bid in enumerate(bids, start=1))


def moving(first: float, last: float, at: int) -> list[float]:
    """A by_month value of ``first`` in month 1 and ``last`` in month ``at``, straight between, flat after."""
    return [first + (last - first) * (min(m, at) - 1) / (at - 1) for m in range(1, 25)]


NPV = paid_back([20.0] * 24)  # 750 * (46 + 0.5^23) - 240,000
assert abs(NPV - (750 * (46 + 0.5 ** 23) - 240_000)) < 1e-6


def channel(**changes: Any) -> Scenario:
    return R(BASE, acquisition=(R(BASE.acquisition[0], **changes),))


def plan(**changes: Any) -> Scenario:
    return R(BASE, monetization=R(BASE.monetization, plans=(R(BASE.monetization.plans[0], **changes),)))


# (given in code with another sequence, the same with the tuples the dataclass holds, npv by hand)
SEQUENCES: dict[str, tuple[Scenario, Scenario, float]] = {
    "start list": (R(BASE, start=[2025, 1]), BASE, NPV),
    "start array": (R(BASE, start=np.array([2025, 1])), BASE, NPV),
    "points list": (R(BASE, retention=RetentionPoints([(1, 0.4), (3, 0.25)])),
                    R(BASE, retention=RetentionPoints(((1, 0.4), (3, 0.25)))), NPV),
    "points lists": (R(BASE, retention=RetentionPoints([[1, 0.4], [3, 0.25]])),
                     R(BASE, retention=RetentionPoints(((1, 0.4), (3, 0.25)))), NPV),
    "points array": (R(BASE, retention=RetentionPoints(np.array([[1, 0.4], [3, 0.25]]))),
                     R(BASE, retention=RetentionPoints(((1, 0.4), (3, 0.25)))), NPV),
    "days list": (R(BASE, retention=RetentionDays([(1, 0.4), (7, 0.25)])),
                  R(BASE, retention=RetentionDays(((1, 0.4), (7, 0.25)))), NPV),
    "by_month list": (channel(bid=ByMonth([(1, 12.0), (6, 30.0)])), channel(bid=ByMonth(((1, 12.0), (6, 30.0)))),
                      paid_back(moving(12.0, 30.0, 6))),
    "fixed months range": (R(BASE, costs=Costs(fixed=(FixedCost("f", 100.0, months=range(1, 4)),))),
                           R(BASE, costs=Costs(fixed=(FixedCost("f", 100.0, months=(1, 2, 3)),))), NPV - 300),
    "channel months range": (channel(months=range(1, 4)), channel(months=(1, 2, 3)), paid_back([20.0] * 3)),
    "channel months array": (channel(months=np.arange(1, 4)), channel(months=(1, 2, 3)), paid_back([20.0] * 3)),
    # Conversions by age: 3% in the join month and 2% a month later, at 30 and renewed by half, to month 24.
    "conversion by age list": (plan(conversion=[(0, 0.03), (1, 0.02)]), plan(conversion=((0, 0.03), (1, 0.02))),
                               sum(10_000 / 20 * share * 30 * sum(0.5 ** k for k in range(24 - m - age + 1)) - 10_000 * (age == 0)
                                   for m in range(1, 25) for age, share in ((0, 0.03), (1, 0.02)) if m + age <= 24)),
    "Decimal bid": (channel(bid=Decimal("20")), BASE, NPV),
    "Fraction bid": (channel(bid=Fraction(41, 2)), channel(bid=20.5), paid_back([20.5] * 24)),
    "Decimal by_month": (channel(bid=ByMonth([(Decimal(1), Decimal("12")), (6, Decimal("30"))])),
                         channel(bid=ByMonth(((1, 12.0), (6, 30.0)))), paid_back(moving(12.0, 30.0, 6))),
}


@pytest.mark.parametrize(("given", "held", "npv"), SEQUENCES.values(), ids=SEQUENCES)
def test_a_sequence_or_number_of_another_type_is_read_as_the_file_writes_it(given: Scenario, held: Scenario,
                                                                           npv: float) -> None:
    assert checked(given) == checked(held)
    assert api.figures(given)["npv"] == pytest.approx(npv, abs=1e-6)


def test_the_old_codes_figures_are_the_hand_calculations() -> None:
    """The figures these forms gave before they were read as a file: -205,499.9999 for most, -213,562.2705 with the
    bid by month, -205,799.9999 with the fixed cost in months 1-3."""
    assert round(NPV, 4) == -205_499.9999
    assert round(paid_back(moving(12.0, 30.0, 6)), 4) == -213_562.2705
    assert round(NPV - 300, 4) == -205_799.9999


# (a real number a field refuses, what the reader says of it)
NOT_A_BID: dict[str, tuple[object, str]] = {
    "Decimal NaN": (Decimal("NaN"), "expected a number >= 0, found nan (not a number)"),
    "Decimal sNaN": (Decimal("sNaN"), "expected a number >= 0, found nan (not a number)"),
    "Decimal -1": (Decimal("-1"), "expected a number >= 0, found -1.0"),
    "a bool": (True, "expected a number >= 0, found a boolean (true)"),
    "a complex": (20 + 0j, "expected a number >= 0, found (20+0j)"),
}


@pytest.mark.parametrize(("bid", "message"), NOT_A_BID.values(), ids=NOT_A_BID)
def test_a_number_the_field_refuses_is_refused_whatever_its_type(bid: object, message: str) -> None:
    with pytest.raises(api.ScenarioInvalid) as refused:
        api.figures(channel(bid=bid))
    assert [str(error) for error in refused.value.errors] == [f"scenario: acquisition[0].bid: {message}"]


# (a key given twice in code, the field told of it, the English, the Chinese)
TWICE: dict[str, tuple[Scenario, str, str, str]] = {
    "by_month": (channel(bid=ByMonth(((1, 12.0), (1, 30.0)))), "acquisition[0].bid.by_month",
                 "month 1 given twice", "月份 1 给了两次"),
    "points": (R(BASE, retention=RetentionPoints(((1, 0.4), (1, 0.25)))), "retention.points",
               "age 1 given twice", "月龄 1 给了两次"),
    "days": (R(BASE, retention=RetentionDays([(1, 0.4), (7, 0.25), (1, 0.3)])), "retention.days",
             "day 1 given twice", "天数 1 给了两次"),
    "the only day": (R(BASE, retention=RetentionDays(((1, 0.4), (1, 0.3)))), "retention.days",
                     "day 1 given twice", "天数 1 给了两次"),
    "conversion ages": (plan(conversion=((0, 0.03), (0, 0.02))), "monetization.plans[0].conversion",
                        "age 0 given twice", "月龄 0 给了两次"),
    "thrice": (channel(bid=ByMonth(((2, 12.0), (2, 30.0), (2, 40.0)))), "acquisition[0].bid.by_month",
               "month 2 given twice", "月份 2 给了两次"),
}


@pytest.mark.parametrize(("given", "path", "english", "chinese"), TWICE.values(), ids=TWICE)
def test_a_key_given_twice_in_code_is_told_at_its_field_as_given_twice(given: Scenario, path: str, english: str,
                                                                       chinese: str) -> None:
    with pytest.raises(api.ScenarioInvalid) as refused:
        api.run(given)
    (error,) = refused.value.errors
    assert (error.path, error.message, translate(error.message)) == (path, english, chinese)


SHARES: dict[str, tuple[Callable[[Any], Scenario], str, str]] = {
    "virality": (lambda value: R(BASE, virality=value), "virality", "a number >= 0 and < 1"),
    "churn": (lambda value: R(BASE, retention=RetentionChurn(value)), "retention.monthly_churn", "a number from 0 to 1"),
    "conversion": (lambda value: plan(conversion=value), "monetization.plans[0].conversion", "a number from 0 to 1"),
}


@pytest.mark.parametrize(("change", "path", "expected"), SHARES.values(), ids=SHARES)
def test_a_number_given_in_code_gets_no_hint_of_a_files_percent_sign(change: Callable[[Any], Scenario], path: str,
                                                                    expected: str) -> None:
    """A file's ``virality: 1.5`` may mean 1.5%, which the file writes so; code gives 0.015. A text given in code is
    read in the file's grammar, and may be written "1.5%"."""
    for value, shown in ((1.5, "1.5"), (np.float64(3), "3"), (Decimal("1.5"), "1.5")):
        with pytest.raises(api.ScenarioInvalid) as refused:
            api.figures(change(value))
        assert [str(error) for error in refused.value.errors] == [f"scenario: {path}: expected {expected}, found "
                                                                  f"{float(shown)!r}"]
    with pytest.raises(api.ScenarioInvalid) as refused:
        api.figures(change("1.5"))
    assert str(refused.value).endswith("found 1.5; did you mean 1.5%?")


def test_a_sequence_of_another_shape_is_still_refused() -> None:
    """Not pairs where pairs go, a month given as a set or a text: refused in the reader's words, never a number."""
    for given, message in (
            (R(BASE, start=[2025, 1, 1]), "start: expected a month YYYY-MM, found a list"),
            (R(BASE, retention=RetentionPoints([1, 2])), "retention.points: expected a mapping of age in months to "
                                                         "share active, e.g. {1: 0.4, 3: 0.25}, found a list"),
            (channel(months=np.array(3)), None)):
        if message is None:  # a 0-d array is its one number: month 3, as a file's `months: 3`
            assert checked(given).acquisition[0].months == (3,)
            continue
        with pytest.raises(api.ScenarioInvalid) as refused:
            api.figures(given)
        assert [str(error) for error in refused.value.errors] == [f"scenario: {message}"]
