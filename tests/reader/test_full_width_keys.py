"""A month, an age or a day written in full-width digits (what a Chinese IME types, ３０) reads as its value does:
QA found ``bid: １２`` and ``horizon_months: "１２"`` read, but ``retention.points: {１: 0.5}`` refused with ``expected an
age in months within 1..6, found １`` and ``bid: {by_month: {２: 3}}`` with ``expected a month within 1..6, found ２``.
One rule now reads every whole number of a key or a month (reader/kinds.py ``whole_number``), and the schema's keys
take the same digits."""

from __future__ import annotations

import pytest
from jsonschema import Draft202012Validator

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.model.scenario import ByMonth, RetentionDays, RetentionPoints
from aigc_roi.reader.fields import json_schema
from aigc_roi.reader.load import load_text

PLAN = """\
name: Keys
horizon_months: 6
acquisition:
  - {name: A, type: cpa, bid: 20, budget: 10000}
retention:
  monthly_churn: 0.3
monetization:
  plans: [{name: S, price: 10, period: month, conversion: 0.1}]
"""


def _load(old: str, new: str) -> object:
    assert old in PLAN
    return load_text(PLAN.replace(old, new, 1), "s.yaml").scenario


def _errors(old: str, new: str) -> list[str]:
    with pytest.raises(ScenarioInvalid) as caught:
        _load(old, new)
    return [str(error) for error in caught.value.errors]


def test_retention_ages() -> None:
    scenario = _load("monthly_churn: 0.3", "points: {１: 0.5, ３: 0.3}")
    assert scenario.retention == RetentionPoints(((1, 0.5), (3, 0.3)))  # type: ignore[attr-defined]


def test_by_month_keys_quoted_or_not() -> None:
    scenario = _load("bid: 20", 'bid: {by_month: {２: 3, "６": 5}}')
    assert scenario.acquisition[0].bid == ByMonth(((2, 3.0), (6, 5.0)))  # type: ignore[attr-defined]


def test_days_and_conversion_ages() -> None:
    scenario = _load("monthly_churn: 0.3", "days: {１: 40%, ３０: 10%}")
    assert scenario.retention == RetentionDays(((1, 0.4), (30, 0.1)))  # type: ignore[attr-defined]
    # A mapping of ages, not a range: {０: ...} was read as a range's unknown keys.
    scenario = _load("conversion: 0.1", "conversion: {０: 3%, １: 1%}")
    assert scenario.monetization.plans[0].conversion == ((0, 0.03), (1, 0.01))  # type: ignore[attr-defined]
    # Any form of a whole number, as every other key of ages: 1.0 was a range's unknown key.
    scenario = _load("conversion: 0.1", "conversion: {0: 3%, 1.0: 1%}")
    assert scenario.monetization.plans[0].conversion == ((0, 0.03), (1, 0.01))  # type: ignore[attr-defined]


def test_months_and_a_period() -> None:
    assert _load("budget: 10000}", "budget: 10000, months: [１, ３]}").acquisition[0].months == (1, 3)  # type: ignore[attr-defined]
    assert _load("budget: 10000}", "budget: 10000, months: ３}").acquisition[0].months == (3,)  # type: ignore[attr-defined]
    assert _load("period: month", "period: １２").monetization.plans[0].period_months == 12  # type: ignore[attr-defined]


CHANNEL = "  - {name: A, type: cpa, bid: 20, budget: 10000}"


def test_two_spellings_of_one_month_are_a_duplicate() -> None:
    line = CHANNEL.replace("bid: 20", "bid: {by_month: {２: 3, 2: 5}}")
    assert _errors(CHANNEL, line) == [f"s.yaml:4:{line.index(' 2:') + 2}: acquisition[0].bid.by_month.2: duplicate "
                                      "month 2: '2' and '２' (line 4) name the same month"]


def test_a_month_past_the_horizon_is_refused_as_an_ascii_one_is() -> None:
    """Its path names the month in ASCII digits, as --set takes it; found, the key as written."""
    line = CHANNEL.replace("bid: 20", "bid: {by_month: {７: 3}}")
    assert _errors(CHANNEL, line) == [
        f"s.yaml:4:{line.index('７') + 1}: acquisition[0].bid.by_month.7: expected a month within 1..6, found ７"]


def test_a_months_value_is_found_at_its_full_width_key() -> None:
    """The rule over a month's bid and the budget points at that month's value, not at the whole schedule."""
    line = CHANNEL.replace("bid: 20", "bid: {by_month: {１: 0, ３: 5}}")
    assert _errors(CHANNEL, line)[0].startswith(
        f"s.yaml:4:{line.index('0,') + 1}: acquisition[0].bid.by_month.1: expected bid >= 1e-06 when a budget is given")


def test_day_zero_is_told_to_be_left_out_in_full_width_too() -> None:
    assert _errors("monthly_churn: 0.3", "days: {０: 100%, 1: 40%, 30: 10%}") == [
        "s.yaml:6:10: retention.days[0]: expected a day within 1..3653, found ０; D0 is 100% by definition "
        "(the day of joining): leave it out"]


def test_the_schema_takes_the_keys_the_loader_reads() -> None:
    validator = Draft202012Validator(json_schema())
    document = {"name": "Keys", "retention": {"points": {"１": 0.5}},
                "acquisition": [{"name": "A", "type": "cpa", "bid": {"by_month": {"２": 3}}, "budget": 100}]}
    assert list(validator.iter_errors(document)) == []


def _set(path_and_value: str) -> object:
    from aigc_roi.reader.overrides import parse_override

    return load_text(PLAN, "s.yaml", (parse_override(path_and_value),)).scenario


def test_a_list_index_in_full_width_digits_names_the_item_as_an_ascii_one_does() -> None:
    """``--set 'acquisition[０].bid=30'`` (an IME in full-width mode) was refused ``no item named '０'``; a month's key
    ``６`` read as 6 all along."""
    assert _set("acquisition[０].bid=30").acquisition[0].bid == 30  # type: ignore[attr-defined]


def test_a_full_width_index_is_held_to_the_rules_of_an_ascii_one() -> None:
    for written, refusal in (("acquisition[００].bid=30", "expected an item index without leading zeros, found ００"),
                             ("acquisition[１].bid=30", "no item １: the list has 1 item")):
        with pytest.raises(ScenarioInvalid) as caught:
            _set(written)
        assert [error.message for error in caught.value.errors] == [refusal]
