"""A month, an age, a day or a period's months written 3.0, 3e0 or "3" is the whole number 3, as horizon_months and
after_month already read it (and as a JSON Schema integer is): one rule for every whole number of the format
(docs/formulas.md, "A whole number in another form"). A number that is not whole is still refused."""

from __future__ import annotations

import pytest

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.model.scenario import ByMonth, RetentionDays, RetentionPoints
from aigc_roi.reader.load import load_text

HEAD = "version: 1\nname: W\nhorizon_months: 12\n"
CHURN = "retention: {monthly_churn: 0.3}\n"


def _channel(months: str) -> str:
    return f"acquisition:\n  - {{name: A, type: cpa, bid: 20, budget: 20000, months: {months}}}\n"


def _errors(text: str) -> list[str]:
    with pytest.raises(ScenarioInvalid) as caught:
        load_text(text, "s.yaml")
    return [error.message for error in caught.value.errors]


@pytest.mark.parametrize(("months", "read"), [
    ("[1.0, 2, 3e0]", (1, 2, 3)), ('["2", 5]', (2, 5)), ("4.0", (4,)), ('"4"', (4,)), ("[+6, 06.00]", (6,)),
])
def test_a_month_in_any_whole_form(months: str, read: tuple[int, ...]) -> None:
    scenario = load_text(HEAD + CHURN + _channel(months), "s.yaml").scenario
    assert scenario.acquisition[0].months == read


@pytest.mark.parametrize("period", ['"3"', "3.0", "3e0", "quarter"])
def test_a_period_in_any_whole_form(period: str) -> None:
    plan = f"monetization:\n  plans: [{{name: P, price: 30, period: {period}, conversion: 2%}}]\n"
    assert load_text(HEAD + CHURN + plan, "s.yaml").scenario.monetization.plans[0].period_months == 3


def test_keys_in_any_whole_form() -> None:
    points = load_text(HEAD + "retention: {points: {1: 0.5, 3.0: 0.2}}\n", "s.yaml").scenario.retention
    assert isinstance(points, RetentionPoints)
    assert [age for age, _ in points.points] == [1, 3]
    days = load_text(HEAD + "retention: {days: {1.0: 0.5, '7': 0.3, 3e1: 0.2}}\n", "s.yaml").scenario.retention
    assert isinstance(days, RetentionDays)
    assert [day for day, _ in days.days] == [1, 7, 30]
    price = load_text(HEAD + CHURN + "monetization:\n  plans: [{name: P, price: {by_month: {1e0: 20, 6.0: 26}}, period: month, "
                      "conversion: 2%}]\n", "s.yaml").scenario.monetization.plans[0].price
    assert isinstance(price, ByMonth)
    assert [month for month, _ in price.points] == [1, 6]


def test_two_forms_of_one_age_are_a_duplicate() -> None:
    assert _errors(HEAD + "retention: {points: {1: 0.5, 1.0: 0.2}}\n") == [
        "duplicate age 1: '1.0' and '1' (line 4) name the same month"]


@pytest.mark.parametrize(("months", "found"), [("1.5", "1.5"), ("13.0", "13.0"), ('"1k"', "1k"), ("[2, 0.0]", "0.0")])
def test_what_is_no_month_is_still_refused(months: str, found: str) -> None:
    assert _errors(HEAD + CHURN + _channel(months))[0].endswith(f"found {found}")


def test_a_key_that_is_not_whole_is_refused() -> None:
    assert _errors(HEAD + "retention: {points: {1: 0.5, 2.5: 0.2}}\n") == [
        "expected an age in months within 1..12, found 2.5"]


@pytest.mark.parametrize("key", ["1.10e1", "'3 '", "1e400", "2.50"])
def test_a_key_the_schema_refuses_is_refused(key: str) -> None:
    """The reader takes a key exactly where the exported schema's pattern does (reader/kinds.py WHOLE_KEY_PATTERN), and
    a whole number it reads stays within the format's magnitude."""
    errors = _errors(HEAD + f"retention: {{points: {{1: 0.5, {key}: 0.2}}}}\n")
    assert len(errors) == 1 and errors[0].startswith("expected an age in months within 1..12, found ")


def test_the_schema_pattern_is_the_readers() -> None:
    import re

    from aigc_roi.reader.kinds import WHOLE_KEY_PATTERN, whole_number

    for text in ["3", "03", "+3", "3.", "3.00", "3e0", "3E+0", "30e-1", "1.10e1", "3 ", "3\n", "1,0", "1e400"]:
        readable = whole_number(text) is not None
        assert readable == (re.fullmatch(WHOLE_KEY_PATTERN, text) is not None and text != "1e400"), text
