"""Thousands grouped by a space, a no-break space or an apostrophe (``budget: 1 500``, ``"1'500"``, ``"1 500,00 €"``),
as French, German and Swiss hands write them, were told only ``expected a number >= 0``; and in a flow mapping a
decimal comma (``bid: 2,5``) was split by YAML into ``bid: 2`` and a key ``5`` told the keys the channel takes, now
read back whole (reader/comma_split.py). Each is told the number to write, in English and Chinese (docs/formulas.md §12)."""

from __future__ import annotations

import pytest

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.load import load_text

BLOCK = """name: c
currency: EUR
retention: {{monthly_churn: 0.5}}
acquisition:
  - name: ads
    type: cpa
    bid: 2
    budget: {budget}
"""
FLOW = """name: c
currency: {currency}
retention: {{monthly_churn: 0.5}}
acquisition:
  - {{name: J, type: cpa, {fields}}}
"""


def only_error(text: str) -> str:
    with pytest.raises(ScenarioInvalid) as raised:
        load_text(text, "s.yaml")
    (error,) = raised.value.errors
    return str(error)


@pytest.mark.parametrize(("budget", "column", "found", "hint"), [
    ("1 500", 14, "'1 500'", "spaces separating thousands are not read: write 1_500"),
    ("12 345 678", 15, "'12 345 678'", "spaces separating thousands are not read: write 12_345_678"),
    ("\"1'500\"", 15, "\"1'500\"", "apostrophes separating thousands are not read: write 1_500"),
    ("\"1\u2019500.25\"", 15, "'1\u2019500.25'", "apostrophes separating thousands are not read: write 1_500.25"),
    # Shown escaped, as a message shows any invisible character.
    ("\"1\u00a0500,50\"", 15, "'1\\xa0500,50'",
     "spaces separating thousands and a decimal comma are not read: write 1_500.50"),
    ("\"1 500k\"", 15, "'1 500k'", "spaces separating thousands are not read: write 1_500k"),
    # At the sign, as any amount beside one (the column of the sign).
    ("\"1 500,00 €\"", 23, "'1 500,00 €'", "write 1_500.00 without '€': amounts are in the scenario's currency"),
    ("\"€1 500\"", 14, "'€1 500'", "write 1_500 without '€': amounts are in the scenario's currency"),
])
def test_a_space_or_an_apostrophe_grouping_thousands_is_told_the_number(budget: str, column: int, found: str,
                                                                        hint: str) -> None:
    assert only_error(BLOCK.format(budget=budget)) == (
        f"s.yaml:8:{column}: acquisition[0].budget: expected a number >= 0, found {found}; {hint}")


EITHER = "may separate them too: write {} if it does, or {} if it is a decimal {}"


@pytest.mark.parametrize(("currency", "budget", "found", "hint"), [
    # A comma before three digits after groups of spaces may group thousands too, in any currency (1 500,000 is
    # 1,500,000 as a comma groups them, 1 500.000 as the locales that group by spaces write it): both readings, the
    # decimal one as a lone group's is written (no dot before three digits left: 1_500, 1_500.1250).
    ("EUR", "1 500,000", "'1 500,000'", "spaces separating thousands are not read, and a comma before three digits "
     + EITHER.format("1_500_000", "1_500", "comma")),
    ("CNY", "1 500,000", "'1 500,000'", "spaces separating thousands are not read, and a comma before three digits "
     + EITHER.format("1_500_000", "1_500", "comma")),
    ("EUR", "1 500 000,000", "'1 500 000,000'", "spaces separating thousands are not read, and a comma before three "
     "digits " + EITHER.format("1_500_000_000", "1_500_000", "comma")),
    ("EUR", "\"1'500,125\"", "\"1'500,125\"", "apostrophes separating thousands are not read, and a comma before "
     "three digits " + EITHER.format("1_500_125", "1_500.1250", "comma")),
    ("EUR", "\"-1 500,000k\"", "'-1 500,000k'", "spaces separating thousands are not read, and a comma before three "
     "digits " + EITHER.format("-1_500_000k", "-1_500k", "comma")),
    # A dot there only where the plan's currency may group thousands by dots, as one group alone (1.500).
    ("EUR", "1 500.000", "'1 500.000'", "spaces separating thousands are not read, and in EUR a dot before three "
     "digits " + EITHER.format("1_500_000", "1_500", "point")),
    ("CNY", "1 500.000", "'1 500.000'", "spaces separating thousands are not read: write 1_500.000"),
    # Not three digits after the comma: a decimal comma alone.
    ("EUR", "1 500,0000", "'1 500,0000'", "spaces separating thousands and a decimal comma are not read: write "
     "1_500.0000"),
])
def test_a_comma_group_after_space_groups_is_told_both_readings(currency: str, budget: str, found: str,
                                                                 hint: str) -> None:
    text = BLOCK.format(budget=budget).replace("EUR", currency)
    assert only_error(text).endswith(f"expected a number >= 0, found {found}; {hint}")


def test_a_range_of_comma_groups_after_spaces_is_told_both_readings() -> None:
    assert only_error(BLOCK.format(budget='"1 500,000..2 000,000"')).endswith(
        "found '1 500,000..2 000,000'; spaces separating thousands are not read, and a comma before three digits "
        + EITHER.format("1_500_000..2_000_000", "1_500..2_000", "comma"))


def test_a_range_grouped_by_spaces_is_told_each_end() -> None:
    assert only_error(BLOCK.format(budget='"1 500..2 000"')).endswith(
        "found '1 500..2 000'; spaces separating thousands are not read: write 1_500..2_000")


@pytest.mark.parametrize(("english", "chinese"), [
    ("spaces separating thousands are not read: write 1_500", "不读取用空格分隔的千位：请写 1_500"),
    ("apostrophes separating thousands are not read: write 1_500", "不读取用撇号分隔的千位：请写 1_500"),
    ("spaces separating thousands and a decimal comma are not read: write 1_500.50",
     "不读取用空格分隔的千位和小数逗号：请写 1_500.50"),
    ("spaces separating thousands are not read, and a comma before three digits "
     + EITHER.format("1_500_000", "1_500", "comma"),
     "不读取用空格分隔的千位，且逗号后跟三位数字也可能是千位分隔符：若是千位分隔符，请写 1_500_000；若是小数逗号，请写 1_500"),
    ("apostrophes separating thousands are not read, and in EUR a dot before three digits "
     + EITHER.format("1_500_000", "1_500", "point"),
     "不读取用撇号分隔的千位，且以 EUR 计时，点号后跟三位数字也可能是千位分隔符：若是千位分隔符，请写 1_500_000；"
     "若是小数点，请写 1_500"),
])
def test_the_grouping_hints_in_chinese(english: str, chinese: str) -> None:
    assert translate(f"expected a number >= 0, found '1 500'; {english}").endswith(f"；{chinese}")


@pytest.mark.parametrize(("currency", "fields", "column", "key", "hint"), [
    ("CNY", "bid: 2, budget: 1,500", 43, "budget", "YAML split 1,500 at its comma, which separates the items of a flow "
     "mapping; no thousands commas: write 1_500"),
    ("EUR", "bid: 2, budget: 1,500", 43, "budget", "YAML split 1,500 at its comma, which separates the items of a flow "
     "mapping; in EUR a comma before three digits may be a decimal comma: write 1_500 if it separates thousands, "
     "or 1.5 if it is a decimal comma"),
])
def test_a_number_a_flow_mappings_comma_split_is_told_whole(currency: str, fields: str, column: int, key: str,
                                                            hint: str) -> None:
    # Told once, at the value's comma, as the value read back whole: no key of the digits after it.
    written = fields.split(f"{key}: ")[1].split(", budget")[0]
    assert only_error(FLOW.format(currency=currency, fields=fields)) == (
        f"s.yaml:5:{column}: acquisition[0].{key}: expected a number >= 0, found '{written}'; {hint}")


def test_a_decimal_comma_in_a_flow_mapping_is_told_at_the_key_it_made() -> None:
    # ``2,5``: one digit after the comma is no thousands group, so YAML's key 5 is kept and told what the comma split.
    assert only_error(FLOW.format(currency="EUR", fields="bid: 2,5, budget: 1500")) == (
        "s.yaml:5:33: acquisition[0].5: unknown key '5'; YAML split 2,5 at its comma, which separates the items of a "
        "flow mapping; a decimal comma is not read: write 2.5")


@pytest.mark.parametrize("fields", ["bid: 2, 5, budget: 1500", "bid: 2, budget: 1500, 5: 1"])
def test_a_key_no_number_was_split_into_is_told_the_keys(fields: str) -> None:
    # A space after the comma, a key with a value: no number written whole is behind the key.
    assert "unknown key '5'; expected one of bid, budget" in only_error(FLOW.format(currency="EUR", fields=fields))


def test_the_split_in_chinese() -> None:
    assert translate("expected a number >= 0, found '2,5'; YAML split 2,5 at its comma, which separates the items of "
                     "a flow mapping; a decimal comma is not read: write 2.5") == (
        "应为 ≥ 0 的数字，实际为 '2,5'；YAML 在 2,5 的逗号处把它拆开了：流式映射（{ }）中逗号分隔各项；不读取小数逗号：请写 2.5")
