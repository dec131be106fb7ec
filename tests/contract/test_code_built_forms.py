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
    Distribution,
    DropLimit,
    FixedCost,
    Monetization,
    Plan,
    RetentionChurn,
    RetentionDays,
    RetentionPoints,
    Scenario,
    Targets,
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
    # A 0-d array is its number in a key and in start's parts, as it is in a value (QA: retention.points[array(1)]
    # was refused as the text 'array(1)', start=(np.array(2025), np.array(1)) as a list).
    "points 0-d array age": (R(BASE, retention=RetentionPoints(((np.array(1), 0.4), (3, 0.25)))),
                             R(BASE, retention=RetentionPoints(((1, 0.4), (3, 0.25)))), NPV),
    "by_month 0-d array month": (channel(bid=ByMonth(((np.array(1), 12.0), (np.int64(6), 30.0)))),
                                 channel(bid=ByMonth(((1, 12.0), (6, 30.0)))), paid_back(moving(12.0, 30.0, 6))),
    "start 0-d arrays": (R(BASE, start=(np.array(2025), np.array(1))), BASE, NPV),
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


BASE_TEXT = """\
name: x
start: 2025-01
retention: {monthly_churn: 0.1}
acquisition:
  - {name: c, type: cpa, bid: 20, budget: 10000}
monetization:
  plans:
    - {name: p, price: 30, period: 1, conversion: 0.05, renewal: 0.5}
"""
"""BASE as its file writes it: what a file, or a set on it, says of a value is what BASE changed in code is told."""


def the_files_words(set_text: str) -> list[tuple[str, str]]:
    """Each refusal of BASE's file with ``set_text`` (``virality=null``) at its field: what the same change made in
    code must be told."""
    with pytest.raises(api.ScenarioInvalid) as refused:
        api.load_source(BASE_TEXT, sets=[set_text])
    return [(error.path, error.message) for error in refused.value.errors]


def refusals(given: Scenario) -> list[tuple[str, str]]:
    with pytest.raises(api.ScenarioInvalid) as refused:
        api.figures(given)
    assert all(error.file == "scenario" and error.line == 0 for error in refused.value.errors)
    return [(error.path, error.message) for error in refused.value.errors]


def test_base_text_is_base() -> None:
    assert api.load_source(BASE_TEXT) == checked(BASE)


selfheld = np.empty((), dtype=object)
selfheld[()] = selfheld
# A real number of each of numpy's kinds, a scalar or a 0-d array: the bid of 20 it is. QA: a long double's tolist
# gives itself, which the writer unwrapped again until a RecursionError.
NUMPY_TWENTIES: dict[str, object] = {
    **{kind.__name__: kind(20) for kind in (np.float16, np.float32, np.float64, np.longdouble, np.int8, np.int16,
                                           np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64)},
    "0-d longdouble": np.array(20, dtype=np.longdouble),
    "0-d float32": np.array(20, dtype=np.float32),
    "0-d object": np.array(20, dtype=object),
    "0-d object of a longdouble": np.array(np.longdouble(20), dtype=object),
}


@pytest.mark.parametrize("bid", NUMPY_TWENTIES.values(), ids=NUMPY_TWENTIES)
def test_each_real_number_of_numpys_is_its_float(bid: object) -> None:
    assert api.figures(channel(bid=bid))["npv"] == pytest.approx(NPV, abs=1e-6)
    # A range's bounds too: a uniform range runs at its median, (20 + 30) / 2 and (10 + 20) / 2.
    assert api.figures(channel(bid=Distribution("uniform", bid, 30.0)))["npv"] == pytest.approx(  # type: ignore[arg-type]
        paid_back([25.0] * 24), abs=1e-6)
    assert api.figures(channel(bid=Distribution("uniform", 10.0, bid)))["npv"] == pytest.approx(  # type: ignore[arg-type]
        paid_back([15.0] * 24), abs=1e-6)


# numpy's values that are no real number: refused as a file's non-number, never a number. QA: a long complex raised
# a RecursionError, a datetime64 or timedelta64 of nanoseconds ran as that many (its tolist is an int), and a
# timedelta64 of days in a range raised a TypeError.
NUMPY_NOT_NUMBERS: dict[str, object] = {
    "clongdouble": np.clongdouble(20),
    "0-d clongdouble": np.array(20, dtype=np.clongdouble),
    "complex64": np.complex64(20),
    "datetime64 ns": np.datetime64(20, "ns"),
    "0-d datetime64 ns": np.array(np.datetime64(20, "ns")),
    "timedelta64 ns": np.timedelta64(20, "ns"),
    "timedelta64 days": np.timedelta64(20, "D"),
    "0-d timedelta64": np.array(np.timedelta64(20, "D")),
    "bytes_": np.bytes_(b"20"),
    "bool_": np.bool_(True),
    "0-d object holding itself": selfheld,
}


@pytest.mark.parametrize("bid", NUMPY_NOT_NUMBERS.values(), ids=NUMPY_NOT_NUMBERS)
def test_a_numpy_value_that_is_no_real_number_is_refused(bid: object) -> None:
    ((path, message),) = refusals(channel(bid=bid))
    assert path == "acquisition[0].bid"
    assert message.startswith("expected a number >= 0, found ")
    ((path, message),) = refusals(channel(bid=Distribution("uniform", bid, 30.0)))
    assert path == "acquisition[0].bid.low"
    assert message.startswith("expected a number, found ")


@pytest.mark.parametrize(("bid", "keys"), [
    (Distribution("uniform", 10.0, 30.0, 25.0), "dist, high, low"),
    (Distribution("lognormal", 10.0, 30.0, 25.0), "dist, high, low"),
    (Distribution("normal", 10.0, 30.0, 25.0), "dist, mean, sd"),
    (Distribution("normal", 0.0, 30.0, 25.0), "dist, mean, sd"),  # one no mean and sd of a 90% interval above 0 write
    (Distribution("uniform", np.float32(10), 30.0, np.longdouble(25)), "dist, high, low"),
], ids=["uniform", "lognormal", "normal", "normal from 0", "numpy's"])
def test_a_mode_on_a_range_that_has_none_is_refused_as_the_files(bid: Distribution, keys: str) -> None:
    """QA: the mode was dropped, the range run without it; a file's ``mode:`` there is an unknown key."""
    assert refusals(channel(bid=bid)) == [("acquisition[0].bid.mode", f"unknown key 'mode'; expected one of {keys}")]
    assert the_files_words("acquisition[0].bid={dist: uniform, low: 10, high: 30, mode: 25}") == [
        ("acquisition[0].bid.mode", "unknown key 'mode'; expected one of dist, high, low")]


def test_a_triangular_range_without_its_mode_misses_it_as_a_files() -> None:
    assert refusals(channel(bid=Distribution("triangular", 10.0, 30.0))) == the_files_words(
        "acquisition[0].bid={dist: triangular, low: 10, high: 30}") == [
        ("acquisition[0].bid.mode", "missing required key 'mode'")]


# (None given in code to a field whose type takes none, the set of the file's null there, its words)
NONE_REFUSED: dict[str, tuple[Scenario, str, str]] = {
    "virality": (R(BASE, virality=None), "virality", "expected a number >= 0 and < 1, found null"),
    "discount_rate": (R(BASE, discount_rate=None), "discount_rate", "expected a number >= 0, found null"),
    "organic_users": (R(BASE, organic_users=None), "organic_users", "expected a number >= 0, found null"),
    "horizon_months": (R(BASE, horizon_months=None), "horizon_months",
                       "expected a whole number from 1 to 120, found null"),
    "currency": (R(BASE, currency=None), "currency",
                 "expected an ISO 4217 currency code such as CNY or USD, found null"),
    "renewal": (plan(renewal=None), "monetization.plans[0].renewal", "expected a number from 0 to 1, found null"),
    "bid": (channel(bid=None), "acquisition[0].bid", "expected a number >= 0, found null"),
    "range low": (channel(bid=Distribution("uniform", None, 30.0)), "acquisition[0].bid.low",  # type: ignore[arg-type]
                  "expected a number, found null"),
}


@pytest.mark.parametrize(("given", "path", "message"), NONE_REFUSED.values(), ids=NONE_REFUSED)
def test_none_where_the_type_takes_none_is_refused_as_the_files_null(given: Scenario, path: str, message: str) -> None:
    """QA: ``virality=None`` ran as 0 (npv -205,500 and a quarter less than the file's), ``renewal=None`` as no
    renewals: a field left None was its key left out, its default, where a file's ``null`` is refused."""
    assert refusals(given) == [(path, message)]
    if not path.endswith(".low"):  # the file's bid is one number, no range whose low a set could write
        assert the_files_words(f"{path}=null") == [(path, message)]


def test_none_where_the_type_takes_none_is_the_key_left_out() -> None:
    """A fee, ltv_months, a target typed ``X | None``: None is the key left out, as before; and None where a file's
    null reads as an empty list is that empty list, as the file's."""
    given = R(plan(fee=None), ltv_months=None, targets=R(BASE.targets, min_roi=None))
    assert checked(given) == checked(BASE)
    assert api.figures(given)["npv"] == pytest.approx(NPV, abs=1e-6)
    assert checked(R(BASE, acquisition=None)) == api.load_source(BASE_TEXT, sets=["acquisition=null"])


@pytest.mark.parametrize(("limit", "written"), [
    (-0.1, "-10%"), (-0.07, "-7%"), (np.longdouble(-0.25), "-25%"), (np.array(-1.5), "-150%"), (-1e20, "-1e+22%")])
def test_a_relative_drop_limit_is_quoted_as_its_file_writes_it(limit: float, written: str) -> None:
    """QA: ``DropLimit(-0.1, True)`` was quoted ``found -1E+1%``, Decimal's text of 10, where the file's -10% says
    ``found -10%``."""
    ((path, message),) = refusals(R(BASE, targets=Targets(max_npv_drop=DropLimit(limit, True))))
    assert (path, message) == the_files_words(f"targets.max_npv_drop={written}")[0]
    assert message.endswith(f"found {written}")


def test_a_relative_drop_limit_no_file_writes_is_shown_as_the_float_it_is() -> None:
    assert refusals(R(BASE, targets=Targets(max_npv_drop=DropLimit(float("nan"), True)))) == [
        ("targets.max_npv_drop", "expected a share >= 0% (10%) or an amount >= 0 (5万), found nan% (not a number)")]


@pytest.mark.parametrize("limit", [DropLimit(0.1, None), DropLimit(0.1, "no"), DropLimit(0.1, 1),  # type: ignore[arg-type]
                                   DropLimit("10%", False), DropLimit("10%", True), DropLimit(True, False)])  # type: ignore[arg-type]
def test_a_drop_limit_is_a_number_and_a_bool_or_refused_at_its_field(limit: DropLimit) -> None:
    """QA: DropLimit(0.1, None) and DropLimit(0.1, "no") ran as an amount of 0.1, DropLimit("10%", False) as a share of
    10%: ``relative`` was read by its truthiness and the limit's text by its own percent sign."""
    assert refusals(R(BASE, targets=Targets(max_npv_drop=limit))) == [
        ("targets.max_npv_drop", f"expected a share >= 0% (10%) or an amount >= 0 (5万), found {limit!r}")]


@pytest.mark.parametrize(("limit", "held"), [(DropLimit(np.float64(0.1), np.bool_(True)), DropLimit(0.1, True)),
                                             (DropLimit(np.array(5000), np.bool_(False)), DropLimit(5000.0, False))])
def test_a_drop_limit_of_numpys_number_and_bool_is_theirs(limit: DropLimit, held: DropLimit) -> None:
    assert checked(R(BASE, targets=Targets(max_npv_drop=limit))) == checked(R(BASE, targets=Targets(max_npv_drop=held)))
