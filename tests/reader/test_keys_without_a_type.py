"""A channel without ``type`` (QA F3): its keys are still checked against every channel type's, so the slip that
lost the type (``tipe:``) is named, and a YAML merge key (``<<:``), which may be hiding the type, is the error."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.ci.rules import rule_of
from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.reader.load import load_text

HEAD = "version: 1\nname: T\nretention: {monthly_churn: 0.3}\nacquisition:\n  - name: A\n"


def _errors(channel: str) -> list[str]:
    with pytest.raises(ScenarioInvalid) as caught:
        load_text(HEAD + channel, "s.yaml")
    return [str(error) for error in caught.value.errors]


def test_a_misspelt_type_is_named_with_the_key_it_resembles() -> None:
    # The type it misses is that slip: told once, at the slip.
    assert _errors("    tipe: cpa\n    bid: 20\n    budget: 20000\n") == [
        "s.yaml:6:5: acquisition[0].tipe: unknown key 'tipe'; did you mean 'type'?",
    ]


def test_a_merge_key_is_the_error_not_the_type_it_holds() -> None:
    assert _errors("    <<: {type: cpa, bid: 20}\n    budget: 20000\n") == [
        "s.yaml:6:5: acquisition[0].<<: YAML merge keys ('<<') are not supported; write each key out here",
    ]


def test_a_merge_key_beside_a_type_says_the_same() -> None:
    assert _errors("    type: cpa\n    <<: {bid: 20}\n    budget: 20000\n") == [
        "s.yaml:7:5: acquisition[0].<<: YAML merge keys ('<<') are not supported; write each key out here",
    ]


def test_a_merge_key_is_an_unknown_key_to_ci_and_is_translated(tmp_path: Path) -> None:
    with pytest.raises(ScenarioInvalid) as caught:
        load_text(HEAD + "    <<: {type: cpa, bid: 20}\n    budget: 20000\n", "s.yaml")
    assert rule_of(caught.value.errors[0]) == "unknown-key"
    path = tmp_path / "m.yaml"
    path.write_text(HEAD + "    <<: {type: cpa, bid: 20}\n    budget: 20000\n", encoding="utf-8")
    zh = invoke(["validate", str(path), "--lang", "zh"])
    assert "acquisition[0].<<: 不支持 YAML 合并键（'<<'）；请在此处逐个写出各字段" in zh.stdout + zh.stderr
