"""Rule ids: every kind of problem in the bad-input corpus has a named rule, stable across wording."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aigc_roi.ci.checks import validate_files
from aigc_roi.ci.rules import OTHER, rule_of, warning_rule_of
from aigc_roi.model.errors import ScenarioError, ScenarioInvalid
from aigc_roi.reader.load import load_text
from aigc_roi.reader.overrides import parse_override

CORPUS = Path(__file__).parents[1] / "contract" / "bad_inputs"


def _errors(text: str) -> list[ScenarioError]:
    try:
        load_text(text, "s.yaml")
    except ScenarioInvalid as invalid:
        return invalid.errors
    raise AssertionError("expected the text to be refused")


def test_every_error_of_the_corpus_has_a_named_rule() -> None:
    files = sorted(path for path in CORPUS.iterdir() if path.suffix in (".yaml", ".yml"))
    unnamed = [str(error) for result in validate_files(files) for error in result.errors if rule_of(error) == OTHER]
    assert unnamed == []


@pytest.mark.parametrize(("text", "rule"), [
    ("name: x\nretention: {monthly_churn: 0.5}\ncostz: 1\n", "unknown-key"),
    ("name: x\n", "missing-key"),
    ("name: x\nname: y\nretention: {monthly_churn: 0.5}\n", "duplicate-key"),
    ("name: x\nretention: {monthly_churn: 2}\n", "invalid-value"),
    ("name: [\n", "yaml-syntax"),
    ("name: x\nretention: {monthly_churn: 0.5, points: {1: 0.5}}\n", "conflicting-keys"),
    ("name: x\nretention: {monthly_churn: 0.5}\norganic_users: 9..3\n", "bad-range"),
])
def test_rule_of_each_kind(text: str, rule: str) -> None:
    assert rule_of(_errors(text)[0]) == rule


def test_a_field_word_in_chinese_is_a_bad_override() -> None:
    """A --set whose field is a Chinese word (reader/overrides.py) finds no place in the file, as a misspelt one."""
    error = ScenarioError("--set M.价格=29", 1, 1, "", "'M.价格' writes a field in Chinese, and a path takes its key: "
                          "did you mean 'M.price'?")
    assert rule_of(error) == "bad-override"


# Names and values as users write them, and as rules' patterns once broke on: a newline (a pattern's '.' stops at it),
# spaces (a pattern's \S+), quotes, a percent sign, Chinese, another frame's words.
HOSTILE = ["a b", "x\ny", "x\ny%0A", "it's \"q\"", "5% a year", "渠道 一", "50%", "'", "is named twice",
           "3 reads as 3: a % on an amount divides it by 100"]
BASE = "name: x\ncurrency: {currency}\nretention: {{monthly_churn: 0.5}}\n"


def _channel(name: str, extra: str = "") -> str:
    return f"  - {{name: {name}, type: cpa, bid: 5, budget: 100{extra}}}\n"


def _warnings(text: str, currency: str = "CNY") -> list[str]:
    try:
        loaded = load_text(BASE.format(currency=currency) + text, "s.yaml")
    except ScenarioInvalid as invalid:
        raise AssertionError(f"expected a valid file, found {invalid}") from None
    return [warning_rule_of(warning) for warning in loaded.warnings]


def _plan(name: str) -> str:
    return f"    - {{name: {name}, price: 9, period: month, conversion: 0.05}}\n"


def _gate(name: str, channels: str, then: str = "") -> str:
    return f"  - {{name: {name}, after_month: 1, channels: [{channels}], min_roas: 0.5{then}}}\n"


NAMED_WARNINGS = {
    "shared-name": lambda h: "acquisition:\n" + _channel(h) + _channel(h),
    "shared-name/plans": lambda h: "monetization:\n  plans:\n" + _plan(h) + _plan(h),
    "shared-name/gates": lambda h: "acquisition:\n" + _channel("B") + "gates:\n" + _gate(h, "B") + _gate(h, "B"),
    "gate-unobserved": lambda h: "acquisition:\n" + _channel(h, ", months: 3-4") + _channel("B")
                                 + "gates:\n" + _gate("G", f"{h}, B"),
    "gate-stops-nothing": lambda h: "acquisition:\n" + _channel(h, ", months: 1") + _channel("B")
                                    + "gates:\n" + _gate("G", "B", f", then: [{h}]"),
}


@pytest.mark.parametrize("hostile", HOSTILE)
@pytest.mark.parametrize("frame", list(NAMED_WARNINGS))
def test_a_warning_naming_any_name_keeps_its_rule(frame: str, hostile: str) -> None:
    assert _warnings(NAMED_WARNINGS[frame](json.dumps(hostile))) == [frame.split("/")[0]]


@pytest.mark.parametrize(("field", "value", "rule", "currency"), [
    ("fee", "3..6 万", "range-low-without-unit", "CNY"),
    ("fee", " 3 .. 6万 ", "range-low-without-unit", "CNY"),
    ("fee", "3..6万", "range-low-without-unit", "CNY"),
    ("bid", "5 %", "percent-on-amount", "CNY"),
    ("budget", "1.500", "dot-may-group-thousands", "EUR"),
])
def test_a_warning_of_any_written_value_keeps_its_rule(field: str, value: str, rule: str, currency: str) -> None:
    channel = "{name: K, type: kol, posts: 1, views: 1000, view_to_user: 0.01, fee: 100}" if field == "fee" else \
        "{name: C, type: cpa, bid: 5, budget: 100}"
    channel = channel.replace(f"{field}: 100" if field != "bid" else "bid: 5", f"{field}: {json.dumps(value)}")
    assert _warnings(f"acquisition:\n  - {channel}\n", currency) == [rule]


@pytest.mark.parametrize(("text", "rule"), [
    ("targets: {min_roi: 15}\n", "target-ratio-high"),
    ("targets: {min_roi: \" 1_500 \"}\n", "target-ratio-high"),
    ("discount_rate: 2\n", "discount-rate-high"),
    ("discount_rate: \"1..2\"\n", "discount-rate-high"),
])
def test_a_warning_of_a_written_ratio_keeps_its_rule(text: str, rule: str) -> None:
    assert _warnings(text) == [rule]


NAMED_ERRORS = {
    "unknown-key": lambda h: f"{h}: 1\n",
    "duplicate-key": lambda h: f"acquisition:\n  - {{name: A, type: cpa, bid: 5, budget: 100, {h}: 1, {h}: 2}}\n",
    "invalid-value": lambda h: f"start: {h}\n",
    "duplicate-name": lambda h: "acquisition:\n" + _channel(h) + "gates:\n" + _gate("G", f"{h}, {h}"),
    "shared-name": lambda h: "acquisition:\n" + _channel(h) + _channel(h) + _channel("B") + "gates:\n"
                             + _gate("G", h, ", then: [B]"),
}


@pytest.mark.parametrize("hostile", HOSTILE)
@pytest.mark.parametrize("frame", list(NAMED_ERRORS))
def test_an_error_naming_any_name_or_value_keeps_its_rule(frame: str, hostile: str) -> None:
    errors = _errors(BASE.format(currency="CNY") + NAMED_ERRORS[frame](json.dumps(hostile)))
    assert [rule_of(error) for error in errors if rule_of(error) != "unknown-key" or frame == "unknown-key"] == [frame]


@pytest.mark.parametrize("hostile", HOSTILE)
@pytest.mark.parametrize("setting", ["{h}.price=29", "monetization.plans[{h}].price=29", "acquisition.{h}=1"])
def test_a_set_naming_any_name_keeps_its_rule(setting: str, hostile: str) -> None:
    text = BASE.format(currency="CNY") + "monetization:\n  plans:\n" + _plan("Monthly plan")
    try:
        load_text(text, "s.yaml", (parse_override(setting.format(h=hostile)),))
    except ScenarioInvalid as invalid:
        assert {rule_of(error) for error in invalid.errors} <= {"bad-override", "unknown-key"}
        return
    raise AssertionError("expected the --set to be refused")
