"""A whole number in range refused for its form (QA F11): "found 3" beside "expected ... a whole number" would
contradict itself, so the message says why: a quoted "3" is text, 3.0 or 1e0 is not written whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.reader.load import load_text

HEAD = "version: 1\nname: W\nhorizon_months: 12\n"
CHANNEL = "acquisition:\n  - {name: A, type: cpa, bid: 20, budget: 20000, months: MONTHS}\n"
CHURN = "retention: {monthly_churn: 0.3}\n"


def _errors(text: str) -> list[str]:
    with pytest.raises(ScenarioInvalid) as caught:
        load_text(text, "s.yaml")
    return [error.message for error in caught.value.errors]


def test_a_quoted_period_is_text() -> None:
    plan = 'monetization:\n  plans: [{name: P, price: 30, period: "3", conversion: 2%}]\n'
    assert _errors(HEAD + CHURN + plan) == [
        "expected month, quarter, year or a whole number of months from 1 to 120, found 3 "
        "(text in quotes: write 3 without them)"]


@pytest.mark.parametrize(("months", "found"), [("1.0", "1.0"), ("[1e0, 2]", "1e0"), ('["2", 3]', "2")])
def test_a_month_not_written_whole(months: str, found: str) -> None:
    number = found.replace(".0", "").replace("e0", "")
    hint = f"text in quotes: write {number} without them" if months.startswith('["') else f"not written whole: write {number}"
    assert _errors(HEAD + CHURN + CHANNEL.replace("MONTHS", months)) == [
        f"expected a month within 1..12, found {found} ({hint})"]


@pytest.mark.parametrize(("retention", "message"), [
    ("{points: {1: 0.5, 3.0: 0.2}}", "expected an age in months within 1..12, found 3.0 (not written whole: write 3)"),
    ("{days: {1.0: 0.5, 7: 0.3}}", "expected a day within 1..3653, found 1.0 (not written whole: write 1)"),
])
def test_a_key_not_written_whole(retention: str, message: str) -> None:
    assert _errors(HEAD + f"retention: {retention}\n") == [message]


@pytest.mark.parametrize("text", ["months: 1.5", "months: 13.0"])
def test_no_hint_where_the_number_is_no_month(text: str) -> None:
    channel = CHANNEL.replace("months: MONTHS", text)
    assert _errors(HEAD + CHURN + channel)[0].endswith(f"found {text.split(': ')[1]}")


def test_the_hint_is_translated(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(HEAD + CHURN + CHANNEL.replace("MONTHS", "1.0"), encoding="utf-8")
    result = invoke(["validate", str(path), "--lang", "zh"])
    assert "实际为 1.0（不是按整数书写的：请写成 1）" in result.stdout + result.stderr
