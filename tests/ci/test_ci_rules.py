"""Rule ids: every kind of problem in the bad-input corpus has a named rule, stable across wording."""

from __future__ import annotations

from pathlib import Path

import pytest

from aigc_roi.ci.checks import validate_files
from aigc_roi.ci.rules import OTHER, rule_of
from aigc_roi.model.errors import ScenarioError, ScenarioInvalid
from aigc_roi.reader.load import load_text

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
