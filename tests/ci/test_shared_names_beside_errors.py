"""Two channels, or two gates, of one name are warned of beside the file's other errors: the warning was computed
from the read scenario alone, so ``months: 6个月`` (refused) hid it until that was fixed (docs/ci.md: an invalid
file's warnings, of what could be read of it, are shown beside its errors)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = """name: x
retention: {monthly_churn: 0.5}
organic_users: ORGANIC
acquisition:
  - name: A
    type: cpa
    bid: 5
    budget: 100
  - name: A
    type: cpa
    bid: 6
    budget: 100
  - name: B
    type: cpa
    bid: 1
    budget: 1
gates:
  - name: G
    after_month: 1
    channels: [B]
    min_roas: 0.5
  - name: G
    after_month: 1
    channels: [B]
    min_roas: 0.5
"""


def _written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, organic: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.yaml").write_text(PLAN.replace("ORGANIC", organic), encoding="utf-8")


# Lines 9 (the second channel A, name at column 11) and 22 (the second gate G, name at column 11), counted by hand.
SHARED = [(9, 11, "shared-name"), (22, 11, "shared-name")]


@pytest.mark.parametrize("organic", ["-5", "6个月"])
def test_validate_json_lists_both_shared_names_beside_the_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 organic: str) -> None:
    _written(tmp_path, monkeypatch, organic)
    result = invoke(["validate", "plan.yaml", "-f", "json"])
    assert result.exit_code == 2
    (file,) = json.loads(result.stdout)["files"]
    assert [error["line"] for error in file["errors"]] == [3]
    assert [(w["line"], w["column"], w["rule"]) for w in file["warnings"]] == SHARED


def test_check_json_and_text_keep_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _written(tmp_path, monkeypatch, "-5")
    result = invoke(["check", "plan.yaml", "-f", "json"])
    assert result.exit_code == 2
    assert [(w["line"], w["rule"]) for w in json.loads(result.stdout)["warnings"]] == [(9, "shared-name"),
                                                                                        (22, "shared-name")]
    text = invoke(["validate", "plan.yaml"]).stderr.splitlines()
    assert "plan.yaml:9:11: acquisition[1].name: 'A' is also acquisition[0]'s name (line 5); a gate, --set, actuals " \
           "--map or allocate --lock naming 'A' cannot tell them apart" in text
    assert any(line.startswith("plan.yaml:22:11: gates[1].name: 'G' is also gates[0]'s name (line 18)") for line in text)


def test_a_valid_file_is_warned_of_each_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _written(tmp_path, monkeypatch, "5")
    (file,) = json.loads(invoke(["validate", "plan.yaml", "-f", "json"]).stdout)["files"]
    assert [(w["line"], w["column"], w["rule"]) for w in file["warnings"]] == SHARED
