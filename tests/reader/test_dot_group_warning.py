"""``budget: 1.500`` in a plan in EUR is read as YAML reads it, 1.5, where the locales of a currency written with a
decimal comma write 1.500 for fifteen hundred: a thousand times off, silently. A number of an amount of money or a
count written as one dot before three digits, after one to three, is warned of at the number in a plan in such a
currency (currency_signs.py ``DECIMAL_COMMA``), with both readings; the file stays valid (docs/formulas.md §12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.ci.rules import warning_rule_of
from aigc_roi.model.errors import ScenarioError
from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.load import load_text
from aigc_roi.reader.overrides import parse_override

HEAD = "name: P\nhorizon_months: 12\ncurrency: {currency}\nretention: {{monthly_churn: 0.5}}\n"


def warnings(body: str, currency: str = "EUR", *sets: str) -> list[tuple[int, int, str, str]]:
    text = HEAD.format(currency=currency) + body
    return [(warning.line, warning.column, warning.path, warning.message)
            for warning in load_text(text, "s.yaml", tuple(parse_override(item) for item in sets)).warnings]


def told(written: str, read: str, currency: str, thousands: str, decimal: str) -> str:
    return (f"{written} reads as {read}, but in {currency} a dot before three digits may separate thousands: "
            f"write {thousands} for thousands, or {decimal} for a decimal point")


# Money and counts, each written with one dot group: what YAML reads, and both readings worked by hand.
@pytest.mark.parametrize(("body", "path", "written", "read", "thousands", "decimal"), [
    ("acquisition:\n  - {name: A, type: cpa, bid: 20, budget: 1.500}\n", "acquisition[0].budget",
     "1.500", "1.5", "1_500", "1.5"),
    ("acquisition:\n  - {name: A, type: cpa, bid: 2.125, budget: 900}\n", "acquisition[0].bid",
     "2.125", "2.125", "2_125", "2.1250"),  # a price to the tenth of a cent: four decimals are no group
    ("acquisition:\n  - {name: A, type: cpa, bid: '12.500', budget: 900}\n", "acquisition[0].bid",
     "12.500", "12.5", "12_500", "12.5"),  # quoted, read by the plan's grammar alike
    ("acquisition:\n  - {name: A, type: kol, posts: 2, fee: 900, views: 150.000, view_to_user: 1%}\n",
     "acquisition[0].views", "150.000", "150", "150_000", "150"),
    ("organic_users: 1.000\n", "organic_users", "1.000", "1", "1_000", "1"),
    ("targets:\n  min_npv: -1.500\n", "targets.min_npv", "-1.500", "-1.5", "-1_500", "-1.5"),
])
def test_one_dot_group_on_an_amount_or_a_count_is_warned_with_both_readings(
        body: str, path: str, written: str, read: str, thousands: str, decimal: str) -> None:
    line = HEAD.count("\n") + body[:body.index(written)].count("\n") + 1
    column = len(body[:body.index(written)].rpartition("\n")[2]) + 1 - (1 if body[body.index(written) - 1] == "'" else 0)
    assert warnings(body) == [(line, column, path, told(written, read, "EUR", thousands, decimal))]


def test_a_range_is_warned_once_with_each_end_read() -> None:
    body = "acquisition:\n  - {name: A, type: cpa, bid: 20, budget: 1.500..3000}\n"
    assert [message for *_, message in warnings(body)] == [told("1.500..3000", "1.5..3000", "EUR", "1_500..3000",
                                                                "1.5..3000")]


def test_a_ranges_mapping_and_a_schedule_are_warned_at_their_number() -> None:
    body = ("acquisition:\n  - {name: A, type: cpa, bid: {low: 2.500, high: 4}, budget: {by_month: {1: 900, 3: 2.000}}}\n")
    assert [(path, message) for *_, path, message in warnings(body)] == [
        ("acquisition[0].bid.low", told("2.500", "2.5", "EUR", "2_500", "2.5")),
        ("acquisition[0].budget.by_month.3", told("2.000", "2", "EUR", "2_000", "2"))]


@pytest.mark.parametrize("currency", ["BRL", "IDR", "VND", "TRY", "PLN"])
def test_every_decimal_comma_currency_warns(currency: str) -> None:
    body = "acquisition:\n  - {name: A, type: cpa, bid: 20, budget: 1.500}\n"
    assert [message for *_, message in warnings(body, currency)] == [told("1.500", "1.5", currency, "1_500", "1.5")]


@pytest.mark.parametrize(("currency", "body"), [
    ("CNY", "acquisition:\n  - {name: A, type: cpa, bid: 20, budget: 1.500}\n"),  # a decimal point's currency
    ("USD", "acquisition:\n  - {name: A, type: cpa, bid: 20, budget: 1.500}\n"),
    ("INR", "acquisition:\n  - {name: A, type: cpa, bid: 20, budget: 1.500}\n"),
    ("EUR", "acquisition:\n  - {name: A, type: cpa, bid: 20, budget: 1.5000}\n"),  # four decimals
    ("EUR", "acquisition:\n  - {name: A, type: cpa, bid: 0.125, budget: 900}\n"),  # no group starts with 0
    ("EUR", "acquisition:\n  - {name: A, type: cpa, bid: 20, budget: 1234.500}\n"),  # four digits before the dot
    ("EUR", "acquisition:\n  - {name: A, type: cpa, bid: 20, budget: 1.50}\n"),
    ("EUR", "acquisition:\n  - {name: A, type: cpa, bid: 20, budget: 900, conversion_index: 1.500}\n"),  # a multiplier
    ("EUR", "monetization:\n  plans: [{name: M, price: 9, period: month, conversion: 0.030, renewal: 0.500}]\n"),  # shares
])
def test_no_warning_where_the_dot_is_a_decimal_point(currency: str, body: str) -> None:
    assert warnings(body, currency) == []


def test_a_set_value_is_warned_at_the_option() -> None:
    body = "acquisition:\n  - {name: A, type: cpa, bid: 20, budget: 900}\n"
    assert warnings(body, "EUR", "A.budget=3.000") == [
        (1, 1, "acquisition[0].budget", told("3.000", "3", "EUR", "3_000", "3"))]


def test_the_warning_in_chinese_and_its_rule() -> None:
    message = told("1.500", "1.5", "EUR", "1_500", "1.5")
    assert translate(message) == ("1.500 读作 1.5，但以 EUR 计时，点号后跟三位数字可能是千位分隔符：若是千位，请写成 1_500；"
                                  "若是小数点，请写成 1.5")
    assert warning_rule_of(ScenarioError("s.yaml", 1, 1, "acquisition[0].budget", message)) == "dot-may-group-thousands"


@pytest.mark.parametrize(("lang", "told_in"), [
    ("en", "1.500 reads as 1.5, but in EUR a dot before three digits may separate thousands: write 1_500 for "
           "thousands, or 1.5 for a decimal point"),
    ("zh", "1.500 读作 1.5，但以 EUR 计时，点号后跟三位数字可能是千位分隔符：若是千位，请写成 1_500；若是小数点，请写成 1.5"),
])
def test_validate_warns_and_the_file_stays_valid(tmp_path: Path, lang: str, told_in: str) -> None:
    path = tmp_path / "plan.yaml"
    channel = "  - {name: A, type: cpa, bid: 20, budget: "
    path.write_text(f"name: P\ncurrency: EUR\nretention: {{monthly_churn: 0.5}}\nacquisition:\n{channel}1.500}}\n",
                    encoding="utf-8")
    result = invoke(["--lang", lang, "validate", str(path)])
    assert result.exit_code == 0
    assert f"{path}:5:{len(channel) + 1}: acquisition[0].budget: {told_in}" in result.stderr.splitlines()
    assert "dot-may-group-thousands" in invoke(["validate", str(path), "--format", "json"]).stdout


# A suffix multiplies either reading of the digits before it: 1.500k is 1.5k = 1,500 or 1,500k = 1,500,000.
@pytest.mark.parametrize(("body", "path", "written", "read", "thousands", "decimal"), [
    ("acquisition:\n  - {name: A, type: cpa, bid: 20, budget: 900, saturation_budget: 1.500k}\n",
     "acquisition[0].saturation_budget", "1.500k", "1500", "1_500k", "1.5k"),
    ("acquisition:\n  - {name: A, type: kol, posts: 2, fee: 900, views: 1.500万, view_to_user: 1%}\n",
     "acquisition[0].views", "1.500万", "15000", "1_500万", "1.5万"),
    ("acquisition:\n  - {name: A, type: cpa, bid: 20, budget: 12.500 M}\n",
     "acquisition[0].budget", "12.500 M", "12500000", "12_500M", "12.5M"),
    ("acquisition:\n  - {name: A, type: cpa, bid: 20, budget: 1.500k..2m}\n",
     "acquisition[0].budget", "1.500k..2m", "1500..2000000", "1_500k..2m", "1.5k..2m"),
])
def test_one_dot_group_before_a_suffix_is_warned_with_both_readings(
        body: str, path: str, written: str, read: str, thousands: str, decimal: str) -> None:
    assert [(where, message) for *_, where, message in warnings(body)] == [
        (path, told(written, read, "EUR", thousands, decimal))]


@pytest.mark.parametrize("written", ["1.500k", "1.5k", "1.5000k", "1_500k"])
def test_a_suffixed_amount_in_a_decimal_point_currency_or_without_a_group_is_not_warned(written: str) -> None:
    body = f"acquisition:\n  - {{name: A, type: cpa, bid: 20, budget: {written}}}\n"
    assert warnings(body, "USD" if written == "1.500k" else "EUR") == []


def test_a_suffixed_reading_is_told_in_chinese() -> None:
    (*_, message), = warnings("acquisition:\n  - {name: A, type: cpa, bid: 20, budget: 12.500 M}\n")
    assert translate(message) == ("12.500 M 读作 12500000，但以 EUR 计时，点号后跟三位数字可能是千位分隔符：若是千位，请写成 "
                                  "12_500M；若是小数点，请写成 12.5M")
