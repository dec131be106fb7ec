"""A range written with a decimal comma (``bid: "1,5..2,5"``) or a locale's groups at an end was told only ``expected
a range 'low..high' of numbers``, where one number so written is told the reading with a point (reader/numbers.py
``slip_hint``): a range is told it too, each end written as the grammar reads it (``range_slip_hint``), at the first
such mark, in English and Chinese. A range's mapping tells each value as one number."""

from __future__ import annotations

import pytest

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.load import load_text

PLAN = """name: c
currency: {currency}
retention: {{monthly_churn: 0.5}}
acquisition:
  - {{name: ads, type: cpa, budget: 900, bid: {bid}}}
"""
BID_COLUMN = len("  - {name: ads, type: cpa, budget: 900, bid: ") + 1


def bid_error(bid: str, currency: str = "CNY", path: str = "acquisition[0].bid") -> tuple[int, str]:
    with pytest.raises(ScenarioInvalid) as raised:
        load_text(PLAN.format(bid=bid, currency=currency), "s.yaml")
    (error,) = raised.value.errors
    assert (error.line, error.path) == (5, path)
    return error.column, error.message


def expected(found: str, hint: str) -> str:
    return f"expected a range 'low..high' of numbers, found '{found}'; {hint}"


@pytest.mark.parametrize("currency", ["CNY", "EUR"])
@pytest.mark.parametrize(("bid", "found", "mark", "hint"), [
    ('"1,5..2,5"', "1,5..2,5", 2, "a decimal comma is not read: write 1.5..2.5"),
    ('" 1,5 .. 2,5"', " 1,5 .. 2,5", 3, "a decimal comma is not read: write 1.5..2.5"),
    ('"1..2,5"', "1..2,5", 5, "a decimal comma is not read: write 1..2.5"),            # at the end that has it
    ('"1.234,5..2.000,25"', "1.234,5..2.000,25", 6, "a decimal comma is not read: write 1_234.5..2_000.25"),
    ('"1..2.000.000"', "1..2.000.000", 5, "dots separating thousands are not read: write 1..2_000_000"),
    ('"1,000,000..2m"', "1,000,000..2m", 2, "no thousands commas: write 1_000_000..2m"),
])
def test_a_range_with_a_decimal_comma_or_groups_is_told_its_reading(
        currency: str, bid: str, found: str, mark: int, hint: str) -> None:
    assert bid_error(bid, currency) == (BID_COLUMN + mark, expected(found, hint))


def test_a_comma_before_three_digits_in_a_range_is_told_both_readings_in_a_decimal_comma_currency() -> None:
    column, message = bid_error('"1,500..2,500"', "EUR")
    assert (column, message) == (BID_COLUMN + 2, expected(
        "1,500..2,500", "in EUR a comma before three digits may be a decimal comma: write 1_500..2_500 if it separates "
                        "thousands, or 1.5..2.5 if it is a decimal comma"))
    assert bid_error('"1,500..2,500"', "USD") == (BID_COLUMN + 2, expected(
        "1,500..2,500", "no thousands commas: write 1_500..2_500"))


@pytest.mark.parametrize(("bid", "thousands", "decimal"), [
    ("1,500k..2,500k", "1_500k..2_500k", "1.5k..2.5k"), ("1,500k..2m", "1_500k..2m", "1.5k..2m"),
    ("1..2,500万", "1..2_500万", "1..2.5万"),
])
def test_a_suffixed_comma_group_in_a_range_is_told_both_readings(bid: str, thousands: str, decimal: str) -> None:
    assert bid_error(f'"{bid}"', "EUR") == (BID_COLUMN + 1 + bid.index(","), expected(
        bid, f"in EUR a comma before three digits may be a decimal comma: write {thousands} if it separates "
             f"thousands, or {decimal} if it is a decimal comma"))


def test_an_unquoted_range_in_a_block_is_told_alike() -> None:
    text = PLAN.format(bid="BID", currency="EUR").replace("  - {name: ads, type: cpa, budget: 900, bid: BID}",
                                                            "  - name: ads\n    type: cpa\n    budget: 900\n    bid: 1,5..2,5")
    with pytest.raises(ScenarioInvalid) as raised:
        load_text(text, "s.yaml")
    assert [str(error) for error in raised.value.errors] == [
        "s.yaml:8:11: acquisition[0].bid: " + expected("1,5..2,5", "a decimal comma is not read: write 1.5..2.5")]


def test_a_range_that_is_no_number_however_written_gets_no_hint() -> None:
    assert bid_error('"1,5..abc"') == (BID_COLUMN, "expected a range 'low..high' of numbers, found '1,5..abc'")


def test_a_ranges_mapping_tells_each_value() -> None:
    at_comma = BID_COLUMN + len('{low: "1')
    assert bid_error('{low: "1,5", high: 3}', path="acquisition[0].bid.low") == (
        at_comma, "expected a number, found '1,5'; a decimal comma is not read: write 1.5")


def test_the_hint_is_told_in_chinese() -> None:
    assert translate(expected("1,5..2,5", "a decimal comma is not read: write 1.5..2.5")) == (
        "应为数字区间 'low..high'，实际为 '1,5..2,5'；不读取小数逗号：请写 1.5..2.5")
