"""`check PATH --base REF` where PATH was deleted since REF: its removal is reported, not a file it cannot read.

A workflow passes the files a pull request touches, `git diff --name-only origin/main | xargs aigc-roi check --base
origin/main`, and a pull request that deletes a scenario names it: that is no invalid input (exit 2).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke
from test_check_zh import commit_all, git
from test_validate_and_check import LOSING, WINNING, write


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """At HEAD: scenarios/win.yaml (meets its targets), scenarios/lose.yaml (misses min_roi) and old/a.yaml."""
    write(tmp_path, {"scenarios/win.yaml": WINNING, "scenarios/lose.yaml": LOSING, "old/a.yaml": WINNING})
    commit_all(tmp_path, monkeypatch)
    return tmp_path


@pytest.mark.parametrize("how", ["git rm", "rm"])
def test_a_deleted_file_named_is_removed_since_ref(repo: Path, how: str) -> None:
    if how == "git rm":
        git(repo, "rm", "-q", "scenarios/win.yaml")
    else:
        (repo / "scenarios/win.yaml").unlink()
    result = invoke(["check", "scenarios/win.yaml", "--base", "HEAD"])
    assert result.exit_code == 0, result.stdout
    assert result.stdout == "scenarios/win.yaml (Spec example): removed since HEAD\n"
    assert result.stderr == "0 files, 0 invalid, 0 targets, 0 missed\n"


def test_beside_files_that_exist_the_exit_code_is_theirs(repo: Path) -> None:
    git(repo, "rm", "-q", "scenarios/win.yaml")
    result = invoke(["check", "scenarios/win.yaml", "scenarios/lose.yaml", "--base", "HEAD", "--format", "json"])
    assert result.exit_code == 1  # lose.yaml misses min_roi; the removal itself fails nothing
    document = json.loads(result.stdout)
    assert document["invalid"] == []
    assert [(change["path"], change["status"]) for change in document["baseline"]["changes"]] == [
        (str(Path("scenarios/win.yaml")), "removed")]


def test_a_deleted_folder_named(repo: Path) -> None:
    git(repo, "rm", "-q", "-r", "old")
    result = invoke(["check", "old", "--base", "HEAD"])
    assert (result.exit_code, result.stdout) == (0, "old/a.yaml (Spec example): removed since HEAD\n")


def test_a_path_that_was_never_there_stays_an_error(repo: Path) -> None:
    result = invoke(["check", "scenarios/never.yaml", "--base", "HEAD"])
    assert result.exit_code == 2
    assert result.stdout.startswith("scenarios/never.yaml:1:1: cannot read file: ")
    # Without --base nothing says the file was there: a deleted file is one that cannot be read.
    git(repo, "rm", "-q", "scenarios/win.yaml")
    assert invoke(["check", "scenarios/win.yaml"]).exit_code == 2


@pytest.mark.parametrize("given", ["scenarios", "scenarios/win.yaml"])
def test_a_link_to_a_missing_file_is_a_broken_file_not_a_removed_one(repo: Path, given: str) -> None:
    """`ln -sf gone.yaml scenarios/win.yaml`: the path is still there, a link whose target is not. One error saying
    so (exit 2), the path modified since HEAD as a file edited into one that cannot be read is; not also removed
    (QA: it was both)."""
    (repo / "scenarios/win.yaml").unlink()
    (repo / "scenarios/win.yaml").symlink_to("gone.yaml")
    result = invoke(["check", given, "--base", "HEAD", "--format", "json"])
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert [(error["file"], error["message"]) for error in document["invalid"]] == [
        (str(Path("scenarios/win.yaml")), "cannot read file: a symbolic link to a missing file (gone.yaml)")]
    assert [(change["path"], change["status"]) for change in document["baseline"]["changes"]] == [
        (str(Path("scenarios/win.yaml")), "modified")]
    text = invoke(["check", given, "--base", "HEAD", "--lang", "zh"])
    assert f"{Path('scenarios/win.yaml')}:1:1: 无法读取文件：符号链接指向的文件不存在（gone.yaml）\n" in text.stdout
    assert "删除" not in text.stdout
