"""Digits grouped by four, as Chinese counts in 万 and 亿: ``budget: 50,0000`` is 50万 (a Chinese founder's file).

It was told `a decimal comma is not read: write 50.0000`, and following the hint gave a budget of 50 yuan, ten
thousand times too small, with no further word. A comma before four digits after one to four is now told it groups by
four (write 500_000); in a currency whose locales write a decimal comma both readings are given (reader/numbers.py
``_MYRIAD_GROUPED``). Expected numbers by hand: 50,0000 is 50 x 10,000 = 500,000; 1,0000,0000 is 10^8.
"""

from __future__ import annotations

import pytest
from cli_runner import invoke

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.load import load_text

PLAN = """name: 万
currency: {currency}
retention: {{monthly_churn: 0.5}}
acquisition:
  - name: A
    type: cpa
    bid: 10
    budget: {budget}
"""


def refusal(budget: str, currency: str = "CNY") -> str:
    with pytest.raises(ScenarioInvalid) as raised:
        load_text(PLAN.format(budget=budget, currency=currency), "p.yaml")
    (error,) = raised.value.errors
    return error.message.split("; ", 1)[1]


@pytest.mark.parametrize(("budget", "meant"), [("50,0000", "500_000"), ("1,0000,0000", "100_000_000"),
                                               ("-2,0000", "-20_000"), ("５０,００００", "500_000")])
def test_digits_grouped_by_four_are_told_the_number_they_group(budget: str, meant: str) -> None:
    hint = refusal(f'"{budget}"' if budget.startswith("-") else budget)
    assert hint == f"commas grouping digits by four (万) are not read: write {meant}"
    assert translate(hint) == f"不读取按四位（万）分组的逗号：请写 {meant}"


def test_a_range_of_them_too() -> None:
    assert refusal("50,0000..60,0000") == "commas grouping digits by four (万) are not read: write 500_000..600_000"


def test_in_a_decimal_comma_currency_both_readings() -> None:
    assert refusal("50,0000", "EUR") == ("in EUR a comma before four digits may be a decimal comma: write 500_000 if "
                                         "it groups digits by four (万), or 50.0000 if it is a decimal comma")


def test_an_amount_option_is_told_so_too(tmp_path) -> None:
    plan = tmp_path / "p.yaml"
    plan.write_text(PLAN.format(budget="30_000", currency="CNY"), encoding="utf-8")
    result = invoke(["allocate", str(plan), "--budget", "20,0000"])
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("commas grouping digits by four (万) are not read: write 200_000")


def test_a_thousands_comma_is_still_one() -> None:
    assert refusal("20,000") == "no thousands commas: write 20_000"


def test_split_by_a_flow_mapping_it_is_told_so_with_the_number() -> None:
    text = PLAN.format(budget="0", currency="CNY").replace(
        "  - name: A\n    type: cpa\n    bid: 10\n    budget: 0\n", "  - {name: A, type: cpa, bid: 10, budget: 50,0000}\n")
    with pytest.raises(ScenarioInvalid) as raised:
        load_text(text, "p.yaml")
    (error,) = raised.value.errors
    assert error.message.endswith("YAML split 50,0000 at its comma, which separates the items of a flow mapping; "
                                  "commas grouping digits by four (万) are not read: write 500_000")
