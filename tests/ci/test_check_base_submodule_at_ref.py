"""`check --base REF` of a path that REF stored as a link into a submodule: its version at REF is the submodule's
file at the commit REF records for it, whether the path is a link now or not, and wherever the submodule is now
(moved, or removed with its repository kept in .git/modules). QA saw `cannot read file: No such file or directory`
at REF, so a miss REF had too was called new. Where no repository here holds that commit, the run stops saying so.

The scenarios are docs/formulas.md §11's worked example (tests/ci/test_check_base_symlinks.py): npv = -20,000 +
1,750 (p - 1) at item price p: p = 12 gives -750, p = 14 gives 2,750.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from cli_runner import invoke
from test_check_base_outer_repository import AT
from test_check_zh import commit_all, git
from test_validate_and_check import write

NPV = {12: pytest.approx(-750), 14: pytest.approx(2_750)}
SUBMODULE = ["-c", "protocol.file.allow=always"]


@pytest.fixture
def outer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """outer/sub, a submodule whose plan.yaml is at p = 12, and outer/scenarios/s.yaml -> ../sub/plan.yaml,
    committed (HEAD). The working directory is outer."""
    write(tmp_path / "upstream", {"plan.yaml": AT[12]})
    commit_all(tmp_path / "upstream", monkeypatch)
    root = tmp_path / "outer"
    write(root, {"scenarios/own.yaml": AT[14]})
    commit_all(root, monkeypatch)
    git(root, *SUBMODULE, "submodule", "add", "-q", str(tmp_path / "upstream"), "sub")
    (root / "scenarios/s.yaml").symlink_to("../sub/plan.yaml")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "sub")
    return root


def recorded(root: Path) -> str:
    """The commit HEAD records for sub, as git shows it: the 12 hex digits the message gives."""
    done = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD:sub"], check=True, capture_output=True)
    return done.stdout.decode().strip()[:12]


def the_change(lang: str = "en") -> dict[str, Any]:
    result = invoke(["check", "scenarios", "--base", "HEAD", "--format", "json", "--lang", lang])
    assert result.exit_code in (0, 1), result.stderr
    [change] = json.loads(result.stdout)["baseline"]["changes"]
    assert change["path"] == str(Path("scenarios/s.yaml"))
    return change


def as_copy(root: Path, price: int) -> None:
    """scenarios/s.yaml, the link, replaced by a file of its own at ``price``."""
    (root / "scenarios/s.yaml").unlink()
    write(root, {"scenarios/s.yaml": AT[price]})


def npv(change: dict[str, Any]) -> tuple[Any, Any]:
    assert change["before_errors"] == []
    return change["figures"]["npv"]["before"], change["figures"]["npv"]["after"]


def test_a_link_into_a_submodule_replaced_by_a_copy_is_compared_with_the_submodules_file(outer: Path) -> None:
    as_copy(outer, 14)
    assert npv(the_change()) == (NPV[12], NPV[14])


def test_a_moved_submodule_is_read_at_its_recorded_commit(outer: Path) -> None:
    """git mv sub sub2, the link re-pointed along: the same p = 12 at HEAD and now."""
    git(outer, *SUBMODULE, "mv", "sub", "sub2")
    (outer / "scenarios/s.yaml").unlink()
    (outer / "scenarios/s.yaml").symlink_to("../sub2/plan.yaml")
    assert npv(the_change()) == (NPV[12], NPV[12])


def test_a_removed_submodule_is_read_from_the_repository_git_keeps_for_it(outer: Path) -> None:
    """git rm sub keeps its repository in .git/modules/sub, which holds the commit HEAD records."""
    git(outer, *SUBMODULE, "rm", "-q", "sub")
    assert not (outer / "sub").exists()
    as_copy(outer, 14)
    assert npv(the_change()) == (NPV[12], NPV[14])


def test_a_submodule_whose_commit_is_nowhere_stops_the_run(outer: Path) -> None:
    """Removed with its repository deleted too: REF's version cannot be read, so nothing is compared (QA: read as
    unreadable at REF, every miss of the file was `new since HEAD`); exit 2 with one line, as docs/ci.md says."""
    commit = recorded(outer)
    git(outer, *SUBMODULE, "rm", "-q", "sub")
    shutil.rmtree(outer / ".git/modules/sub")
    as_copy(outer, 12)
    result = invoke(["check", "scenarios", "--base", "HEAD"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"aigc-roi: --base: no repository here holds the commit HEAD records for the submodule sub ({commit})\n"
    zh = invoke(["check", "scenarios", "--base", "HEAD", "--lang", "zh"])
    assert zh.stderr == f"aigc-roi: --base：本地没有仓库含有 HEAD 为子模块 sub 记录的提交（{commit}）\n"


@pytest.mark.parametrize("given", ["scenarios", "scenarios/s.yaml"])
def test_a_link_whose_submodule_target_is_deleted_now_is_one_broken_file(outer: Path, given: str) -> None:
    """sub/plan.yaml deleted in the submodule's working tree: scenarios/s.yaml, the link unchanged, is still a path of
    the working tree, one that cannot be read: one error naming the missing target (exit 2), and compared as a file
    edited into one that cannot be read is, modified with p = 12's npv before and nothing after; not also `removed
    since HEAD` (QA: both were said), whether the folder or the file is given."""
    (outer / "sub/plan.yaml").unlink()
    result = invoke(["check", given, "--base", "HEAD", "--format", "json"])
    assert result.exit_code == 2, result.stderr
    document = json.loads(result.stdout)
    [change] = document["baseline"]["changes"]
    assert (change["path"], change["status"]) == (str(Path("scenarios/s.yaml")), "modified")
    assert (change["figures"]["npv"]["before"], change["figures"]["npv"]["after"]) == (NPV[12], None)
    assert [(error["file"], error["message"]) for error in document["invalid"]] == [
        (str(Path("scenarios/s.yaml")), "cannot read file: a symbolic link to a missing file (../sub/plan.yaml)")]
    text = invoke(["check", given, "--base", "HEAD"])
    assert text.exit_code == 2
    assert "removed since" not in text.stdout
    assert ", 1 invalid, " in text.stderr
