"""``{bid: 2, budget: 1.500,00}`` in a EUR plan: YAML splits ``1.500,00`` at its comma, and the key ``00`` (no
thousands group, so not joined back) is told the number written whole (reader/comma_split.py). The ``1.500`` before
the comma was warned of as a dot group too, the same text told twice, the second time of the half YAML read. A value
whose text a split-number error explains draws no warning; every other value still does (docs/formulas.md §12)."""

from __future__ import annotations

import pytest

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.load import load_text

FLOW = """name: c
currency: EUR
retention: {{monthly_churn: 0.5}}
acquisition:
  - {{name: J, type: cpa, {fields}}}
  - {{name: K, type: cpa, bid: 2, budget: 2.500}}
"""
SPLIT = ("unknown key '00'; YAML split 1.500,00 at its comma, which separates the items of a flow mapping; a decimal "
         "comma is not read: write 1_500.00")
OTHER = ("s.yaml:6:42: acquisition[1].budget: 2.500 reads as 2.5, but in EUR a dot before three digits may separate "
         "thousands: write 2_500 for thousands, or 2.5 for a decimal point")


def refused(fields: str) -> ScenarioInvalid:
    with pytest.raises(ScenarioInvalid) as raised:
        load_text(FLOW.format(fields=fields), "s.yaml")
    return raised.value


@pytest.mark.parametrize("fields", ["bid: 2, budget: 1.500,00", "budget: 1.500,00, bid: 2"])
def test_the_split_number_is_told_once(fields: str) -> None:
    invalid = refused(fields)
    (error,) = invalid.errors
    assert error.message == SPLIT
    # The other channel's 2.500 is no split: still warned of.
    assert list(map(str, invalid.warnings)) == [OTHER]


def test_a_range_bound_split_is_not_warned_and_the_other_bound_is() -> None:
    invalid = refused("bid: 2, budget: {low: 1.500,00, high: 2.000}")
    assert [error.message for error in invalid.errors] == [SPLIT]
    assert [(warning.path, warning.message.split(" reads")[0]) for warning in invalid.warnings] == [
        ("acquisition[0].budget.high", "2.000"), ("acquisition[1].budget", "2.500")]


def test_a_dot_group_without_a_split_is_still_warned_beside_another_error() -> None:
    invalid = refused("bid: 2, budget: 1.500, 5: 1")
    assert "unknown key '5'; expected one of" in invalid.errors[0].message
    assert [warning.path for warning in invalid.warnings] == ["acquisition[0].budget", "acquisition[1].budget"]


@pytest.mark.parametrize(("written", "gap"), [("1 500,000", "spaces"), ("1'500,000", "apostrophes")])
@pytest.mark.parametrize("currency", ["EUR", "USD"])
def test_a_number_grouped_by_spaces_split_at_its_comma_is_one_error_of_both_readings(written: str, gap: str,
                                                                                      currency: str) -> None:
    """``{budget: 1 500,000}``: YAML reads ``1 500`` and a key ``000``, read back whole. The value was refused on its own, told to
    write 1_500, which is neither reading of the text (1,500,000 grouped, or 1,500.000 with a decimal comma): the
    split's error tells the whole text, and the half is not told again."""
    text = FLOW.format(fields=f"bid: 2, budget: {written}").replace("EUR", currency).replace("2.500", "2_500")
    with pytest.raises(ScenarioInvalid) as raised:
        load_text(text, "s.yaml")
    (error,) = raised.value.errors
    assert (error.line, error.path) == (5, "acquisition[0].budget")
    assert error.message == (f"expected a number >= 0, found {written!r}; YAML split {written} at its comma, which "
                             f"separates the items of a flow mapping; {gap} separating thousands are not read, and a "
                             "comma before three digits may separate them too: write 1_500_000 if it does, or 1_500 if "
                             "it is a decimal comma")
    assert translate(error.message).startswith(f"应为 ≥ 0 的数字，实际为 {written!r}；YAML 在 {written} 的逗号处把它拆开了")
