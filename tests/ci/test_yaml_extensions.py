"""A folder's scenario files by their extension as Windows and macOS users save them: ``Plan.YAML`` and ``plan.Yml``
were skipped, so `validate scenarios/` passed with them unchecked (or refused a folder of nothing but them).

The same rule picks the files `check --base` compares with their old versions; a file given by name is read, and
compared, whatever its extension.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke
from test_check_zh import commit_all, git
from test_validate_and_check import BROKEN, LOSING, WINNING, write

from aigc_roi.ci.discovery import found_below


def test_a_folder_holds_yaml_files_in_any_case_and_width(tmp_path: Path) -> None:
    write(tmp_path, {"Plan.YAML": LOSING, "plan.Yml": LOSING, "计划.YAML": LOSING, "全角.ｙａｍｌ": LOSING,
                     "sub/a.yaml": LOSING, ".hidden/X.YAML": BROKEN, ".Dot.YAML": BROKEN, "notes.txt": BROKEN,
                     "plan.YAML.bak": BROKEN, "plan.yaml~": BROKEN})
    result = invoke(["validate", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.stdout
    assert sorted(Path(f["path"]).relative_to(tmp_path).as_posix() for f in json.loads(result.stdout)["files"]) == [
        "Plan.YAML", "plan.Yml", "sub/a.yaml", "全角.ｙａｍｌ", "计划.YAML"]


def test_a_folder_of_upper_case_yaml_files_is_not_empty(tmp_path: Path) -> None:
    write(tmp_path, {"PLAN.YML": BROKEN})
    result = invoke(["check", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == "1 file, 1 invalid, 0 targets, 0 missed\n"


def test_a_file_given_by_name_is_read_whatever_its_extension(tmp_path: Path) -> None:
    write(tmp_path, {"plan.txt": BROKEN})
    assert invoke(["validate", str(tmp_path / "plan.txt")]).stderr == "1 file, 1 invalid, 2 errors\n"


@pytest.mark.parametrize(("relative", "found"), [("a/B.YAML", True), ("a/.git/x.yaml", False), (".github/x.yml", False),
                                                 ("a/x.json", False)])
def test_found_below_skips_hidden_folders_on_the_way(relative: str, found: bool) -> None:
    assert found_below(relative) is found


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write(tmp_path, {"s/Plan.YAML": LOSING, "s/Gone.Yml": WINNING, "s/.github/hidden.yaml": WINNING,
                     "s/a.yaml": WINNING, "plan.txt": LOSING})
    commit_all(tmp_path, monkeypatch)
    return tmp_path


def test_base_compares_the_files_the_run_reads(repo: Path) -> None:
    write(repo, {"s/Plan.YAML": WINNING, "plan.txt": WINNING, "s/.github/hidden.yaml": LOSING})
    git(repo, "rm", "-q", "s/Gone.Yml")
    result = invoke(["check", "s", "plan.txt", "--base", "HEAD", "--format", "json"])
    assert [(change["path"], change["status"]) for change in json.loads(result.stdout)["baseline"]["changes"]] == [
        ("plan.txt", "modified"), (str(Path("s/Gone.Yml")), "removed"), (str(Path("s/Plan.YAML")), "modified")]


def test_base_does_not_report_a_hidden_file_removed(repo: Path) -> None:
    git(repo, "rm", "-q", "s/.github/hidden.yaml")
    result = invoke(["check", "s", "--base", "HEAD", "--format", "json"])
    assert json.loads(result.stdout)["baseline"]["changes"] == []
