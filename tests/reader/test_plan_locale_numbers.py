"""An amount in a plan written as a locale writes it is told what to write instead, in English and Chinese: India's
lakh grouping (``1,00,000``), dots separating thousands (``1.500.000``), and the sign of every currency the exports
reader knows (currency_signs.py ``SIGNS``, one list for both readers: ``₹100000``, ``R$ 1500``, ``Rp 1.500.000``,
``150000 ₫``). Those were told only what was expected; ``currency: ₹`` is told the code its sign names."""

from __future__ import annotations

import pytest

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.currency_signs import SIGNS
from aigc_roi.reader.load import load_text
from aigc_roi.reader.numbers import slip_hint

PLAN = """name: c
currency: INR
retention: {{monthly_churn: 0.5}}
acquisition:
  - {{name: ads, type: cpa, bid: 10, budget: "{budget}"}}
"""
BUDGET_COLUMN = len('  - {name: ads, type: cpa, bid: 10, budget: "') + 1
CURRENCY = "amounts are in the scenario's currency"
CURRENCY_ZH = "金额的币种由方案的 currency 决定"


def budget_error(budget: str) -> str:
    with pytest.raises(ScenarioInvalid) as raised:
        load_text(PLAN.format(budget=budget), "s.yaml")
    (error,) = raised.value.errors
    return str(error)


def told(budget: str, offset: int, hint: str) -> str:
    return f"s.yaml:5:{BUDGET_COLUMN + offset}: acquisition[0].budget: expected a number >= 0, found '{budget}'; {hint}"


@pytest.mark.parametrize(("budget", "meant"), [
    ("1,00,000", "100_000"), ("1,00,000.50", "100_000.50"), ("12,34,567", "1_234_567"),
    ("1,00,00,000", "10_000_000"),
    ("1,000,000.50", "1_000_000.50"),  # as before: commas in thousands
])
def test_india_grouping_is_told_to_group_in_thousands(budget: str, meant: str) -> None:
    error = budget_error(budget)
    assert error == told(budget, budget.index(","), f"no thousands commas: write {meant}")
    assert translate(error.split(": ", 2)[2]).endswith(f"；不要用千位逗号：请写 {meant}")


@pytest.mark.parametrize(("budget", "meant"), [
    ("1.500.000", "1_500_000"), ("12.345.678", "12_345_678"),  # before a decimal comma: test_plan_decimal_comma.py
])
def test_dots_separating_thousands_are_told_they_are_not_read(budget: str, meant: str) -> None:
    error = budget_error(budget)
    assert error == told(budget, budget.index("."), f"dots separating thousands are not read: write {meant}")
    assert translate(error.split(": ", 2)[2]).endswith(f"；不读取用点号分隔的千位：请写 {meant}")


@pytest.mark.parametrize(("budget", "sign", "meant"), [
    ("₹100000", "₹", "100000"), ("R$ 1500", "R$", "1500"), ("Rp 1.500.000", "Rp", "1_500_000"),
    ("150000 ₫", "₫", "150000"), ("₹1,00,000", "₹", "100_000"), ("Rs.5,00,000", "Rs.", "500_000"),
    ("1.500.000,50 €", "€", "1_500_000.50"), ("150000đ", "đ", "150000"), ("150000 VNĐ", "VNĐ", "150000"),
    ("₹1.500", "₹", "1.500"),  # INR's locales write a decimal point: 1.5, as the plan reads it
])
def test_a_currencys_sign_is_told_to_go_with_its_amount_as_the_plan_writes_it(budget: str, sign: str, meant: str) -> None:
    error = budget_error(budget)
    assert error == told(budget, budget.index(sign), f"write {meant} without '{sign}': {CURRENCY}")
    assert translate(error.split(": ", 2)[2]).endswith(f"；请写 {meant}，去掉 '{sign}'：{CURRENCY_ZH}")


@pytest.mark.parametrize(("budget", "sign", "thousands", "decimal"), [
    ("€1.500", "€", "1_500", "1.5"), ("Rp 12.500", "Rp", "12_500", "12.5"), ("150.000đ", "đ", "150_000", "150"),
    ("R$ 2.000", "R$", "2_000", "2"),
])
def test_one_dot_group_by_a_sign_whose_locale_groups_with_dots_is_told_both_readings(budget: str, sign: str,
                                                                                     thousands: str, decimal: str) -> None:
    error = budget_error(budget)
    assert error == told(budget, budget.index(sign), f"write {thousands} without '{sign}' if its dot separates "
                                                     f"thousands, or {decimal} if it is a decimal point: {CURRENCY}")
    assert translate(error.split(": ", 2)[2]).endswith(
        f"；点号若是千位分隔符请写 {thousands}，若是小数点请写 {decimal}，并去掉 '{sign}'：{CURRENCY_ZH}")


@pytest.mark.parametrize("sign", sorted(SIGNS))
def test_every_sign_the_exports_reader_knows_is_told_to_go_before_or_after_the_amount(sign: str) -> None:
    assert slip_hint(f"{sign}12") == (0, f"write 12 without '{sign}': {CURRENCY}")
    assert slip_hint(f"12 {sign}") == (3, f"write 12 without '{sign}': {CURRENCY}")


@pytest.mark.parametrize("text", ["1,500,50", "1,2,3", "Rp 1,2,3", "₹"])  # 0,125: test_plan_decimal_comma.py
def test_text_no_grouping_makes_a_number_gets_no_such_hint(text: str) -> None:
    assert slip_hint(text) is None


@pytest.mark.parametrize(("written", "meant"), [("₹", "INR"), ("R$", "BRL"), ("Rs.", "INR"), ("đ", "VND"),
                                                ("VNĐ", "VND"), ("kr", "SEK"), ("zł", "PLN")])
def test_a_currency_written_as_its_sign_is_told_its_code(written: str, meant: str) -> None:
    with pytest.raises(ScenarioInvalid) as raised:
        load_text(f"name: c\ncurrency: {written}\nretention: {{monthly_churn: 0.5}}\n", "s.yaml")
    assert [str(error) for error in raised.value.errors] == [
        f"s.yaml:2:11: currency: expected an ISO 4217 currency code such as CNY or USD, found '{written}'; "
        f"did you mean '{meant}'?"]
