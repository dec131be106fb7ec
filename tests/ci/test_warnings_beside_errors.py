"""An invalid file's warnings are shown beside its errors: a file with ``bid: "3,00"`` and ``budget: 1.500`` in EUR
was told the first alone, and the dot group only once that was fixed. Every format shows both, each where it puts
a warning; the exit code and the summary count the errors alone (docs/ci.md)."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi import api

PLAN = """name: x
currency: EUR
retention: {monthly_churn: 0.5}
acquisition:
  - name: A
    type: cpa
    bid: "3,00"
    budget: 1.500
"""
ERROR = "plan.yaml:7:12: acquisition[0].bid: expected a number >= 0, found '3,00'; a decimal comma is not read: write 3.00"
WARNING = ("plan.yaml:8:13: acquisition[0].budget: 1.500 reads as 1.5, but in EUR a dot before three digits may "
           "separate thousands: write 1_500 for thousands, or 1.5 for a decimal point")


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["validate", "check"])
def test_text_shows_the_warning_beside_the_error(plan: Path, command: str) -> None:
    result = invoke([command, "plan.yaml", "-f", "text"])
    assert result.exit_code == 2
    assert result.stdout == ERROR + "\n"
    assert WARNING in result.stderr.splitlines()
    assert "1 invalid" in result.stderr


def test_validate_json_lists_the_warning_and_counts_the_error(plan: Path) -> None:
    result = invoke(["validate", "plan.yaml", "-f", "json"])
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    (file,) = document["files"]
    assert (file["valid"], len(file["errors"]), document["summary"]["errors"]) == (False, 1, 1)
    assert [(w["line"], w["column"], w["rule"]) for w in file["warnings"]] == [(8, 13, "dot-may-group-thousands")]


def test_check_json_lists_the_warning(plan: Path) -> None:
    result = invoke(["check", "plan.yaml", "-f", "json"])
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert [(w["file"], w["line"], w["rule"]) for w in document["warnings"]] == [("plan.yaml", 8, "dot-may-group-thousands")]
    assert len(document["invalid"]) == 1


def test_github_annotates_both_in_the_files_group(plan: Path) -> None:
    result = invoke(["validate", "plan.yaml", "-f", "github"])
    assert result.exit_code == 2
    lines = result.stdout.splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == ["::group::plan.yaml", "::error", "::warning", "::endgroup::"]
    assert "title=aigc-roi%3A dot-may-group-thousands::acquisition[0].budget: 1.500 reads as 1.5" in lines[2]


def test_the_library_keeps_them(plan: Path) -> None:
    (validated,) = api.validate("plan.yaml")
    assert [error.line for error in validated.errors] == [7]
    assert [warning.line for warning in validated.warnings] == [8]
    with pytest.raises(api.ScenarioInvalid) as raised:
        api.load("plan.yaml")
    copied = pickle.loads(pickle.dumps(raised.value))
    assert [warning.line for warning in copied.warnings] == [8]
