"""Inside a one-line ``{ }`` only thousands groups are read back into the value a comma split (reader/comma_split.py):
every piece after the first three digits (``1,000``, ``1,000,000``, ``1,234,567.89``). A piece of one, two or four
digits (``{low: 1,5}``, ``{1: 10,2}``, ``{1: 10,2025}``) may be a decimal comma or a key meant: it stays the key YAML
read, and an unknown one is told what the comma split. A value read back where a text is written (a name, a match
pattern, a gate's name) is refused, to be quoted, not read as the text ``1,000`` (docs/formulas.md §12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.reader.load import load_text

PLAN = ("name: H\nhorizon_months: 12\nacquisition:\n"
        "  - {{name: {name}, type: cpa, bid: {bid}, budget: 30_000{more}}}\n"
        "retention: {{monthly_churn: 0.5}}\n{gates}")
SPLIT = "YAML split {0} at its comma, which separates the items of a flow mapping; "


def errors(name: str = "C", bid: str = "12", more: str = "", gates: str = "") -> list[tuple[str, str]]:
    with pytest.raises(ScenarioInvalid) as raised:
        load_text(PLAN.format(name=name, bid=bid, more=more, gates=gates), "s.yaml")
    return [(error.path, error.message) for error in raised.value.errors]


@pytest.mark.parametrize(("bid", "path"), [("{low: 1,5}", "acquisition[0].bid"),
                                           ("{by_month: {1: {low: 1,5}}}", "acquisition[0].bid.by_month.1")])
def test_a_decimal_comma_in_a_range_is_told_at_the_key_it_made(bid: str, path: str) -> None:
    # 1,5: one digit after the comma, no thousands group: the range lacks its high, and the key 5 says why.
    assert errors(bid=bid) == [
        (f"{path}.high", "missing required key 'high'"),
        (f"{path}.5", "unknown key '5'; " + SPLIT.format("1,5") + "a decimal comma is not read: write 1.5")]


@pytest.mark.parametrize(("month", "told"), [("2", "expected a number >= 0, found nothing"),
                                             ("2025", "expected a month within 1..12, found 2025")])
def test_a_piece_that_is_no_thousands_group_stays_a_month(month: str, told: str) -> None:
    # {1: 10,2}: month 1 is 10, month 2 has no value (no 10.2 is read, nor a 万 grouping of 10,2025).
    assert errors(bid=f"{{by_month: {{1: 10,{month}}}}}") == [(f"acquisition[0].bid.by_month.{month}", told)]


def test_thousands_groups_are_still_joined() -> None:
    assert errors(bid="{low: 1,234,567.89, high: 2_000_000}") == [
        ("acquisition[0].bid.low", "expected a number, found '1,234,567.89'; " + SPLIT.format("1,234,567.89")
         + "no thousands commas: write 1_234_567.89")]


def test_a_name_with_a_decimal_comma_is_a_key_told_the_split() -> None:
    assert errors(name="2024,25") == [
        ("acquisition[0].25", "unknown key '25'; " + SPLIT.format("2024,25") + "a decimal comma is not read: write 2024.25")]


QUOTE = "expected a quoted text, found '{0}'; " + SPLIT + "to keep its commas in a text, quote it: write \"{0}\""


@pytest.mark.parametrize("name", ["1,000", "1,000,000", "-1,000.5"])
def test_thousands_groups_in_a_name_are_refused_to_be_quoted(name: str) -> None:
    assert errors(name=name) == [("acquisition[0].name", QUOTE.format(name))]


def test_a_gate_name_of_thousands_groups_is_refused() -> None:
    gates = "gates: [{name: 1,000, after_month: 3, channels: [C], min_roas: 1}]\n"
    assert errors(gates=gates) == [("gates[0].name", QUOTE.format("1,000"))]


def test_a_quoted_name_with_commas_is_read() -> None:
    text = PLAN.format(name='"1,000"', bid="12", more="", gates="")
    assert load_text(text, "s.yaml").scenario.acquisition[0].name == "1,000"


def test_in_chinese(tmp_path: Path) -> None:
    decimal = tmp_path / "d.yaml"
    decimal.write_text(PLAN.format(name="C", bid="{low: 1,5}", more="", gates=""), encoding="utf-8")
    named = tmp_path / "n.yaml"
    named.write_text(PLAN.format(name="1,000", bid="12", more="", gates=""), encoding="utf-8")
    told = invoke(["validate", "--lang", "zh", str(decimal), str(named)])
    assert told.exit_code == 2
    assert ("acquisition[0].bid.5: 未知字段 '5'；YAML 在 1,5 的逗号处把它拆开了：流式映射（{ }）中逗号分隔各项；"
            "不读取小数逗号：请写 1.5") in told.stdout
    assert ("acquisition[0].name: 应为带引号的文本，实际为 '1,000'；YAML 在 1,000 的逗号处把它拆开了：流式映射（{ }）中"
            "逗号分隔各项；要在文本中保留逗号，请加引号：写 \"1,000\"") in told.stdout
