"""At most 100 errors of a scenario file are listed, then one line counting the rest (QA hostile F2: a file of
200,000 aliases printed 200,003 lines); summaries count every error found."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke

SCENARIO = """name: Base
horizon_months: 12
acquisition:
  - {name: A, type: cpa, bid: 20, budget: 20000}
retention: {monthly_churn: 0.3}
monetization:
  purchases:
    - {name: P, price: 10, rate: 0.5}
"""
"""A valid scenario of 8 lines: the unknown keys appended from line 9 on are its only errors."""


def _write(tmp_path: Path, unknown_keys: int) -> Path:
    path = tmp_path / "s.yaml"
    path.write_text(SCENARIO + "".join(f"k{i}: 1\n" for i in range(unknown_keys)), encoding="utf-8")
    return path


def test_a_hundred_errors_are_listed_without_a_count_line(tmp_path: Path) -> None:
    path = _write(tmp_path, 100)
    result = invoke(["validate", str(path)])
    lines = result.stdout.splitlines()
    assert len(lines) == 100 and lines[-1].startswith(f"{path}:108:1: k99: unknown key 'k99'")
    assert result.stderr == "1 file, 1 invalid, 100 errors\n"


def test_validate_text_lists_100_errors_then_counts_the_rest_at_the_file(tmp_path: Path) -> None:
    # 150 unknown keys k0..k149 on lines 9..158: k99 (line 108) is the 100th listed, 50 are left.
    path = _write(tmp_path, 150)
    result = invoke(["validate", str(path)])
    assert result.exit_code == 2
    lines = result.stdout.splitlines()
    assert len(lines) == 101
    assert lines[99].startswith(f"{path}:108:1: k99: unknown key 'k99'")
    assert lines[100] == f"{path}:108:1: 50 more errors in this file"
    assert result.stderr == "1 file, 1 invalid, 150 errors\n"


def test_validate_json_lists_101_entries_and_counts_all(tmp_path: Path) -> None:
    result = invoke(["validate", str(_write(tmp_path, 150)), "--format", "json"])
    data = json.loads(result.stdout)
    assert data["summary"] == {"files": 1, "invalid": 1, "errors": 150, "unreadable_folders": 0}
    errors = data["files"][0]["errors"]
    assert len(errors) == 101
    assert errors[-1] == {"line": 108, "column": 1, "end_line": None, "end_column": None, "path": "",
                          "rule": "more-errors", "message": "50 more errors in this file"}


def test_validate_github_annotates_100_errors_and_the_count(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path, 150)
    monkeypatch.chdir(tmp_path)
    lines = invoke(["validate", "s.yaml", "--format", "github"]).stdout.splitlines()
    assert lines[0] == "::group::s.yaml" and lines[-1] == "::endgroup::"
    assert len(lines) == 2 + 101
    assert lines[-2] == "::error file=s.yaml,line=108,col=1,title=aigc-roi%3A more-errors::50 more errors in this file"


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "github"])
def test_check_lists_100_errors_then_the_count_in_every_format(tmp_path: Path, fmt: str) -> None:
    result = invoke(["check", str(_write(tmp_path, 150)), "--format", fmt])
    assert result.exit_code == 2
    output = result.stdout + result.stderr
    assert output.count("50 more errors in this file") == 1
    assert output.count("unknown key 'k") == 100
    assert "k100" not in output


def test_the_count_line_in_chinese(tmp_path: Path) -> None:
    result = invoke(["validate", str(_write(tmp_path, 150)), "--lang", "zh"])
    assert result.stdout.splitlines()[-1] == f"{tmp_path / 's.yaml'}:108:1: 此文件还有 50 个错误"
    assert result.stderr == "1 个文件，1 个无效，150 个错误\n"


def test_run_lists_100_errors_then_the_count(tmp_path: Path) -> None:
    path = _write(tmp_path, 150)
    result = invoke(["run", str(path)])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"{path}:108:1: 50 more errors in this file"
    assert result.stderr.count("unknown key 'k") == 100


def test_one_error_left_is_counted_in_the_singular(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # 101 unknown keys: k99 (line 108) is the 100th listed, one is left (QA fin3 F8: "1 more errors").
    path = _write(tmp_path, 101)
    assert invoke(["validate", str(path)]).stdout.splitlines()[-1] == f"{path}:108:1: 1 more error in this file"
    zh = invoke(["validate", str(path), "--lang", "zh"]).stdout.splitlines()[-1]
    assert zh == f"{path}:108:1: 此文件还有 1 个错误"
    monkeypatch.chdir(tmp_path)
    github = invoke(["validate", "s.yaml", "--format", "github"]).stdout.splitlines()[-2]
    assert github == "::error file=s.yaml,line=108,col=1,title=aigc-roi%3A more-errors::1 more error in this file"
