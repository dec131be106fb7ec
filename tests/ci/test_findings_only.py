"""`validate` and `check` print findings only unless asked for everything (`--verbose`, `check --format table`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from test_validate_and_check import LOSING, WINNING, write


def test_validate_verbose_names_each_valid_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"a.yaml": WINNING, "b.yaml": "name: B\nretention: {monthly_churn: -1}\n"})
    monkeypatch.chdir(tmp_path)
    quiet = invoke(["validate", "."])
    assert quiet.stdout == "b.yaml:2:28: retention.monthly_churn: expected a number from 0 to 1, found -1\n"
    loud = invoke(["validate", ".", "--verbose"])
    assert loud.stdout == "a.yaml: valid\n" + quiet.stdout
    assert invoke(["validate", ".", "-v", "--lang", "zh"]).stdout.startswith("a.yaml: 有效\n")
    assert loud.stderr == quiet.stderr == "2 files, 1 invalid, 1 error\n"


def test_github_annotations_and_the_table_only_when_verbose(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"lose.yaml": LOSING, "win.yaml": WINNING})
    monkeypatch.chdir(tmp_path)
    plain = invoke(["check", ".", "--format", "github"])
    assert plain.exit_code == 1
    assert [line for line in plain.stdout.splitlines() if not line.startswith("::")] == []
    verbose = invoke(["check", ".", "--format", "github", "--verbose"])
    assert verbose.stdout.startswith(plain.stdout)
    assert "max_payback_months" in verbose.stdout[len(plain.stdout):]  # win.yaml's passing row, in the table


def test_a_missed_target_set_by_an_option_is_located_in_it(tmp_path: Path) -> None:
    write(tmp_path, {"win.yaml": WINNING})
    result = invoke(["check", str(tmp_path), "--set", "targets.min_npv=1e9"])
    assert result.exit_code == 1
    # No line in the file holds the target a --set wrote: the finding is at the option, as its errors are.
    assert result.stdout == (f"{tmp_path / 'win.yaml'}: --set targets.min_npv=1e9:1:1: Spec example: targets.min_npv "
                             "missed: npv is 30,750.00, must be >= 1,000,000,000.00\n")


@pytest.mark.parametrize("args", [["--format", "table"], ["--verbose"]])
def test_the_table_follows_the_located_lines_of_every_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              args: list[str]) -> None:
    # A problem matcher reads the located lines: a missed target's as well as an invalid file's, as text prints them.
    write(tmp_path, {"bad.yaml": "name: B\nretention: {monthly_churn: -1}\n", "lose.yaml": LOSING})
    monkeypatch.chdir(tmp_path)
    text = invoke(["check", "."])
    table = invoke(["check", ".", *args])
    assert table.exit_code == text.exit_code == 2
    assert "lose.yaml:11:12: Spec example: targets.min_roi missed: roi is -21.25%, must be >= 0.00%\n" in text.stdout
    assert table.stdout.startswith(text.stdout)
    assert "max_cac" in table.stdout[len(text.stdout):]  # lose.yaml's met target, in the table after the lines
