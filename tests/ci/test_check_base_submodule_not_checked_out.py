"""`check --base REF` in a clone whose submodule was never checked out (`git clone` without
`--recurse-submodules`): REF's version of a file in it, or reached through a link into it, cannot be read, so the run
stops with exit 2 and one line saying how to bring the commit, `git submodule update --init sub`, as docs/ci.md
says of a nested repository that lacks its commit. QA saw `the submodule sub lacks the commit recorded for it (...);
fetch its history there` at REF (there is no repository there to fetch into) and every miss of the file called
`new since HEAD`, though nothing at HEAD was read.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from cli_runner import invoke
from test_check_base_submodule_at_ref import SUBMODULE, as_copy, outer, recorded
from test_check_zh import git

__all__ = ["outer"]  # the fixture, used by name


@pytest.fixture
def clone(outer: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clone of ``outer`` whose submodule sub is an empty folder; the working directory."""
    root = outer.parent / "clone"
    git(outer.parent, "clone", "-q", str(outer), str(root))
    assert list((root / "sub").iterdir()) == []
    monkeypatch.chdir(root)
    return root


def message(commit: str, lang: str = "en") -> str:
    if lang == "zh":
        return (f"aigc-roi: --base：子模块 sub 未检出，本地没有它在 HEAD 时的提交（{commit}）；"
                "请运行 git submodule update --init sub\n")
    return (f"aigc-roi: --base: the submodule sub is not checked out, so its commit at HEAD ({commit}) is not here; "
            "run git submodule update --init sub\n")


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("given", ["scenarios", "scenarios/s.yaml"])
def test_a_copy_of_a_link_into_a_submodule_not_checked_out_stops_the_run(clone: Path, lang: str, given: str) -> None:
    """The reviewer's clone: scenarios/s.yaml, a link into sub at HEAD, a copy at p = 12 now (missing min_roi: 0)."""
    as_copy(clone, 12)
    result = invoke(["check", given, "--base", "HEAD", "--lang", lang])
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message(recorded(clone), lang))


def test_json_names_the_refusal_and_no_change(clone: Path) -> None:
    as_copy(clone, 12)
    result = invoke(["check", "scenarios", "--base", "HEAD", "--format", "json"])
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert document["error"]["message"] == message(recorded(clone))[len("aigc-roi: "):-1]
    assert "baseline" not in document or not document["baseline"]


def test_the_link_itself_stops_the_run_too(clone: Path) -> None:
    """Left a link (into the empty folder): what it named at HEAD is as unreadable."""
    result = invoke(["check", "scenarios", "--base", "HEAD"])
    assert (result.exit_code, result.stderr) == (2, message(recorded(clone)))


def test_after_the_advice_the_run_compares(clone: Path) -> None:
    """`git submodule update --init sub`, as the message says: the copy at p = 12 is compared with sub/plan.yaml at
    p = 12, its miss also a miss at HEAD."""
    as_copy(clone, 12)
    git(clone, *SUBMODULE, "submodule", "update", "-q", "--init", "sub")
    result = invoke(["check", "scenarios", "--base", "HEAD"])
    assert result.exit_code == 1, result.stderr
    assert "(also missed at HEAD)" in result.stdout
    assert "new since HEAD" not in result.stdout


def test_a_submodule_checked_out_without_the_commit_is_told_to_fetch(clone: Path) -> None:
    """Checked out, but at another commit, the recorded one gone from it: a fetch brings it."""
    git(clone, *SUBMODULE, "submodule", "update", "-q", "--init", "sub")
    commit = recorded(clone)
    sub = clone / "sub"
    write_commit = ["-c", "user.name=t", "-c", "user.email=t@t"]
    git(sub, "checkout", "-q", "--orphan", "other")
    git(sub, *write_commit, "commit", "-q", "-m", "other")
    for branch in ("master", "main"):
        if _has(sub, branch):
            git(sub, "branch", "-q", "-D", branch)
    git(sub, "remote", "remove", "origin")  # its branches held the commit too
    git(sub, "reflog", "expire", "--expire=now", "--all")
    git(sub, "gc", "-q", "--prune=now")
    as_copy(clone, 12)
    result = invoke(["check", "scenarios", "--base", "HEAD"])
    assert (result.exit_code, result.stderr) == (
        2, f"aigc-roi: --base: sub, a repository of its own, lacks its commit at HEAD ({commit}); fetch its history there\n")


def _has(repo: Path, branch: str) -> bool:
    return subprocess.run(["git", "-C", str(repo), "rev-parse", "--verify", "-q", branch], capture_output=True).returncode == 0

