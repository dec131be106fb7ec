"""A --set refused before the file is read with it (a Chinese field word, a name no item has, an index past the list,
a value YAML refuses) keeps the file's warnings, as one whose key the reading refuses (``pric``) did: ``check warn.yaml
--set 'Monthly plan.价格=29' -f json`` gave ``"warnings": []`` (docs/ci.md: an invalid file's warnings are shown
beside its errors)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = """name: x
currency: EUR
retention: {monthly_churn: 0.5}
acquisition:
  - name: A
    type: cpa
    bid: 3
    budget: 1.500
monetization:
  plans:
    - {name: Monthly plan, price: 9, period: month, conversion: 0.05}
"""
# budget: 1.500 in EUR, line 8 column 13 (four spaces, "budget: " is 8 more).
WARNED = [("plan.yaml", 8, 13, "dot-may-group-thousands")]


@pytest.mark.parametrize(("setting", "rule"), [
    ("Monthly plan.价格=29", "bad-override"),
    ("Nope.price=29", "bad-override"),
    ("acquisition[9].bid=3", "bad-override"),
    ("Monthly plan.price=[", "yaml-syntax"),
    ("Monthly plan.pric=29", "unknown-key"),
])
def test_check_json_keeps_the_files_warnings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, setting: str,
                                            rule: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    result = invoke(["check", "plan.yaml", "--set", setting, "-f", "json"])
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert [error["rule"] for error in document["invalid"]] == [rule]
    assert [(w["file"], w["line"], w["column"], w["rule"]) for w in document["warnings"]] == WARNED


def test_text_shows_the_warning_line_after_the_refusal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    result = invoke(["run", "plan.yaml", "--set", "Monthly plan.价格=29"])
    assert result.exit_code == 2
    assert any(line.startswith("plan.yaml:8:13: acquisition[0].budget: 1.500 reads as 1.5") for line in
               result.stderr.splitlines())
