"""An amount in a plan written with a decimal comma (``5,50``, ``0,125``, ``1.234,56``, ``2,5%``), as the locales of
Europe, Latin America, Indonesia and Vietnam write one, is told it is a decimal comma and the reading with a point, as
the actuals reader tells such a cell; it was told only what was expected, and ``1.234,56`` only of its dots. A comma
before three digits (``1,500``) is told both readings where the plan's currency, or the sign beside the amount, is
one written with a decimal comma; elsewhere it is a thousands comma, as before."""

from __future__ import annotations

import pytest

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.load import load_text
from aigc_roi.reader.numbers import slip_hint

PLAN = """name: c
currency: {currency}
retention: {{monthly_churn: 0.5}}
acquisition:
  - {{name: ads, type: cpa, bid: 10, budget: "{budget}"}}
"""
BUDGET_COLUMN = len('  - {name: ads, type: cpa, bid: 10, budget: "') + 1


def budget_error(budget: str, currency: str = "CNY") -> str:
    with pytest.raises(ScenarioInvalid) as raised:
        load_text(PLAN.format(budget=budget, currency=currency), "s.yaml")
    (error,) = raised.value.errors
    return str(error)


def told(budget: str, offset: int, hint: str) -> str:
    return f"s.yaml:5:{BUDGET_COLUMN + offset}: acquisition[0].budget: expected a number >= 0, found '{budget}'; {hint}"


@pytest.mark.parametrize("currency", ["CNY", "EUR"])
@pytest.mark.parametrize(("budget", "meant"), [
    ("5,50", "5.50"), ("0,125", "0.125"), ("1234,5", "1234.5"), ("-5,5", "-5.5"), ("2,5%", "2.5%"),
    ("1.234,56", "1_234.56"), ("1.500.000,50", "1_500_000.50"), ("1.500,50", "1_500.50"),
])
def test_a_decimal_comma_is_told_so_with_the_reading_with_a_point(budget: str, meant: str, currency: str) -> None:
    error = budget_error(budget, currency)
    assert error == told(budget, budget.index(","), f"a decimal comma is not read: write {meant}")
    assert translate(error.split(": ", 2)[2]).endswith(f"；不读取小数逗号：请写 {meant}")


@pytest.mark.parametrize(("budget", "currency", "thousands", "decimal"), [
    ("1,500", "EUR", "1_500", "1.5"), ("150,000", "VND", "150_000", "150"), ("2,125", "BRL", "2_125", "2.1250"),
    # A suffix scales both readings alike: 1,500k is 1,500 thousand or 1.5 thousand.
    ("1,500k", "EUR", "1_500k", "1.5k"), ("1,500万", "EUR", "1_500万", "1.5万"), ("1,500 万", "EUR", "1_500万", "1.5万"),
    ("2,125M", "BRL", "2_125M", "2.1250M"),
])
def test_a_comma_before_three_digits_in_a_decimal_comma_currency_is_told_both_readings(
        budget: str, currency: str, thousands: str, decimal: str) -> None:
    error = budget_error(budget, currency)
    assert error == told(budget, budget.index(","), f"in {currency} a comma before three digits may be a decimal comma: "
                                                    f"write {thousands} if it separates thousands, or {decimal} if it is "
                                                    f"a decimal comma")
    assert translate(error.split(": ", 2)[2]).endswith(
        f"；以 {currency} 计时，逗号后跟三位数字可能是小数逗号：若是千位分隔符，请写 {thousands}；若是小数逗号，请写 {decimal}")


@pytest.mark.parametrize("currency", ["CNY", "USD", "INR"])
@pytest.mark.parametrize(("budget", "meant"), [("1,500", "1_500"), ("1,500k", "1_500k")])
def test_a_comma_before_three_digits_elsewhere_is_a_thousands_comma(currency: str, budget: str, meant: str) -> None:
    assert budget_error(budget, currency) == told(budget, 1, f"no thousands commas: write {meant}")


@pytest.mark.parametrize(("text", "at", "hint"), [
    ("€5,50", 0, "write 5.50 without '€': amounts are in the scenario's currency"),
    ("5,50 €", 5, "write 5.50 without '€': amounts are in the scenario's currency"),
    ("€1,500", 0, "write 1_500 without '€' if its comma separates thousands, or 1.5 if it is a decimal comma: amounts "
                  "are in the scenario's currency"),
    ("₹1,500", 0, "write 1_500 without '₹': amounts are in the scenario's currency"),  # INR writes a decimal point
])
def test_a_decimal_comma_beside_a_currencys_sign(text: str, at: int, hint: str) -> None:
    assert slip_hint(text) == (at, hint)


def test_the_sign_and_comma_hint_in_chinese() -> None:
    assert translate("expected a number >= 0, found '€1,500'; write 1_500 without '€' if its comma separates "
                     "thousands, or 1.5 if it is a decimal comma: amounts are in the scenario's currency").endswith(
        "；逗号若是千位分隔符请写 1_500，若是小数逗号请写 1.5，并去掉 '€'：金额的币种由方案的 currency 决定")


@pytest.mark.parametrize("text", ["1,500,50", "1,2,3", ",5", "5,"])
def test_no_decimal_comma_hint_where_no_number_is_written(text: str) -> None:
    assert slip_hint(text) is None or "decimal comma" not in slip_hint(text)[1]
