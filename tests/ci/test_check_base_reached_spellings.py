"""`check --base REF` of files in a submodule, or behind links, reached by any spelling: a link into the
submodule, a link from outside the repository into it, a submodule in a submodule, an untracked clone given from
the repository around it or from none. Each file is compared where its real path lies, with what REF records there (a submodule at the
commit the outer REF records), and a link's own change (added, re-pointed) is a change of the path through it.
QA saw each of these read as "no change" (or the submodule's own tag, or `unknown git revision`).

The scenarios are docs/formulas.md §11's worked example (tests/ci/test_check_base_symlinks.py): npv = -20,000 +
1,750 (p - 1) at item price p: p = 10 gives -4,250, p = 12 gives -750, p = 14 gives 2,750.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from cli_runner import invoke
from test_check_base_outer_repository import AT, own_repository
from test_check_zh import commit_all, git
from test_validate_and_check import write

NPV = {10: pytest.approx(-4_250), 12: pytest.approx(-750), 14: pytest.approx(2_750)}


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """repo/scenarios/sub, a repository of its own: plan.yaml at p = 10 (its own branch `base`), then p = 12, which
    repo records at its `base`. repo/shared/q.yaml at p = 10, scenarios/r.yaml -> ../shared/q.yaml and
    scenarios/s.yaml -> sub/plan.yaml, committed. The working directory is repo; tmp_path is in no repository."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    root = tmp_path / "repo"
    own_repository(root / "scenarios/sub", monkeypatch)
    write(root, {"shared/q.yaml": AT[10]})
    (root / "scenarios/r.yaml").symlink_to("../shared/q.yaml")
    (root / "scenarios/s.yaml").symlink_to("sub/plan.yaml")
    commit_all(root, monkeypatch)
    git(root, "branch", "base")
    return root


def changes(*given: str) -> dict[str, tuple[str, Any, Any]]:
    """path: (status, npv before, npv after) of each change `check GIVEN --base base` reports."""
    result = invoke(["check", *given, "--base", "base", "--format", "json"])
    assert result.exit_code in (0, 1), result.stderr
    return {c["path"]: (c["status"], c["figures"]["npv"]["before"], c["figures"]["npv"]["after"])
            for c in json.loads(result.stdout)["baseline"]["changes"]}


def test_a_link_re_pointed_or_added_into_the_submodule_is_a_change(repo: Path) -> None:
    """r.yaml named shared/q.yaml (p = 10) at base and now names sub/plan.yaml (p = 12): -4,250 -> -750; added.yaml
    and other/flink.yaml, links that base had not, are new; s.yaml, as it was, is no change."""
    (repo / "scenarios/r.yaml").unlink()
    (repo / "scenarios/r.yaml").symlink_to("sub/plan.yaml")
    (repo / "scenarios/added.yaml").symlink_to("sub/plan.yaml")
    (repo / "other").mkdir()
    (repo / "other/flink.yaml").symlink_to("../scenarios/sub/plan.yaml")
    # One call each: the three paths and scenarios/sub/plan.yaml are one file, which a run checks once.
    assert changes("scenarios/r.yaml") == {str(Path("scenarios/r.yaml")): ("modified", NPV[10], NPV[12])}
    assert changes("scenarios/added.yaml") == {str(Path("scenarios/added.yaml")): ("new", None, NPV[12])}
    assert changes("other/flink.yaml") == {str(Path("other/flink.yaml")): ("new", None, NPV[12])}
    assert changes("other") == {str(Path("other/flink.yaml")): ("new", None, NPV[12])}


def test_a_link_into_the_submodule_at_ref_is_read_there(repo: Path) -> None:
    """s.yaml -> sub/plan.yaml at base too: unchanged; once the submodule's file is edited (p = 14), compared with
    the p = 12 base records; re-pointed to ../shared/q.yaml (p = 10), compared with that p = 12 too, not read as
    a file base does not hold."""
    assert changes("scenarios/s.yaml") == {}
    write(repo, {"scenarios/sub/plan.yaml": AT[14]})
    assert changes("scenarios/s.yaml") == {str(Path("scenarios/s.yaml")): ("modified", NPV[12], NPV[14])}
    (repo / "scenarios/s.yaml").unlink()
    (repo / "scenarios/s.yaml").symlink_to("../shared/q.yaml")
    assert changes("scenarios/s.yaml") == {str(Path("scenarios/s.yaml")): ("modified", NPV[12], NPV[10])}


def test_a_path_through_a_link_from_outside_is_the_path_inside(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """out/lnk -> repo/scenarios: the same changes as scenarios/ itself, named as given, from repo and from outside
    any repository (where REF is still repo's, not refused as unknown)."""
    (repo / "scenarios/r.yaml").unlink()
    (repo / "scenarios/r.yaml").symlink_to("sub/plan.yaml")
    (repo.parent / "out").mkdir()
    (repo.parent / "out/lnk").symlink_to(repo / "scenarios")
    (repo.parent / "outside").mkdir()
    (repo.parent / "outside/o.yaml").write_text(AT[14], encoding="utf-8")
    (repo / "scenarios/olink.yaml").symlink_to(repo.parent / "outside/o.yaml")
    git(repo, "add", "scenarios/olink.yaml")
    git(repo, "commit", "-q", "-m", "a link out")
    git(repo, "branch", "-f", "base")
    # olink.yaml leads out of repo: a change whatever the outside file holds, with no version at base.
    out = {os.path.join("..", "out", "lnk", "r.yaml"): ("modified", NPV[10], NPV[12]),
           os.path.join("..", "out", "lnk", "olink.yaml"): ("modified", None, NPV[14])}
    assert changes("../out/lnk") == out
    monkeypatch.chdir(repo.parent)
    assert changes("out/lnk/r.yaml") == {str(Path("out/lnk/r.yaml")): ("modified", NPV[10], NPV[12])}
    assert changes("out/lnk/olink.yaml") == {str(Path("out/lnk/olink.yaml")): ("modified", None, NPV[14])}


@pytest.mark.parametrize(("where", "given"), [
    (".", "../out/lnk/sub"), ("..", "out/lnk/sub"), ("..", "repo/scenarios/sub"), (".", "scenarios/sub")])
def test_a_submodule_by_any_spelling_is_compared_at_the_commit_repo_records(
        repo: Path, monkeypatch: pytest.MonkeyPatch, where: str, given: str) -> None:
    """sub's plan.yaml edited to p = 14: repo's base records p = 12 (-750), not sub's own branch base (p = 10)."""
    (repo.parent / "out").mkdir()
    (repo.parent / "out/lnk").symlink_to(repo / "scenarios")
    write(repo, {"scenarios/sub/plan.yaml": AT[14]})
    monkeypatch.chdir(repo / where)
    assert changes(given) == {str(Path(given) / "plan.yaml"): ("modified", NPV[12], NPV[14])}


def test_a_submodule_in_a_submodule_through_a_link(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """mid/inner, a repository recorded by mid, itself recorded by the outer one; other/ilink -> ../mid/inner.
    inner's own branch base holds p = 10, the outer base (through mid) p = 12; now p = 14."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    inner = tmp_path / "mid/inner"
    write(inner, {"plan.yaml": AT[10]})
    commit_all(inner, monkeypatch)
    git(inner, "branch", "base")
    write(inner, {"plan.yaml": AT[12]})
    git(inner, "commit", "-q", "-am", "p = 12")
    commit_all(tmp_path / "mid", monkeypatch)
    (tmp_path / "other").mkdir()
    (tmp_path / "other/ilink").symlink_to("../mid/inner")
    commit_all(tmp_path, monkeypatch)
    git(tmp_path, "branch", "base")
    write(inner, {"plan.yaml": AT[14]})
    for given in ("other/ilink", "mid/inner"):
        assert changes(given) == {str(Path(given) / "plan.yaml"): ("modified", NPV[12], NPV[14])}, given


def test_an_untracked_clone_is_the_outer_repositorys_only_from_within_it(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """scenarios/clone, an untracked repository with a `base` of its own (p = 10, now 12). Run in repo, whose walk of
    scenarios/ finds the clone, its file is new since repo's base, given alone or beside a file of repo. Run from no
    repository, the clone is its own: REF is its `base`, so its file is modified, -4,250 -> -750 (a home folder kept
    in git, with every project below it untracked, would otherwise read REF for each of them)."""
    clone = repo / "scenarios/clone"
    write(clone, {"c.yaml": AT[10]})
    commit_all(clone, monkeypatch)
    git(clone, "branch", "base")
    write(clone, {"c.yaml": AT[12]})
    monkeypatch.chdir(repo)
    new = {str(Path("scenarios/clone/c.yaml")): ("new", None, NPV[12])}
    assert changes("scenarios/clone") == new
    assert changes("scenarios/clone", "scenarios/s.yaml") == new
    monkeypatch.chdir(repo.parent)
    assert changes("repo/scenarios/clone") == {str(Path("repo/scenarios/clone/c.yaml")): ("modified", NPV[10], NPV[12])}


def test_a_link_out_of_the_submodule_into_the_outer_repository(repo: Path) -> None:
    """sub/up.yaml -> ../../shared/q.yaml, committed in sub and recorded by repo's base: the file is shared/q.yaml
    at base too, so no change; q.yaml edited to p = 14, a change from p = 10 (not a file base did not hold)."""
    sub = repo / "scenarios/sub"
    (sub / "up.yaml").symlink_to("../../shared/q.yaml")
    git(sub, "add", "up.yaml")
    git(sub, "commit", "-q", "-m", "up")
    git(repo, "add", "scenarios/sub")
    git(repo, "commit", "-q", "-m", "records up")
    git(repo, "branch", "-f", "base")
    assert changes("scenarios/sub/up.yaml") == {}
    write(repo, {"shared/q.yaml": AT[14]})
    assert changes("scenarios/sub/up.yaml") == {str(Path("scenarios/sub/up.yaml")): ("modified", NPV[10], NPV[14])}


@pytest.mark.parametrize(("lang", "said"), [("en", "--base: unknown git revision 'own' in the repository {top}"),
                                            ("zh", "--base：仓库 {top} 中没有 git 版本 'own'")])
def test_a_revision_missing_from_the_outer_repository_names_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               lang: str, said: str) -> None:
    """proj, a repository the outer one records (git add of a clone), given from no repository: REF is read in the
    outer one (docs/ci.md), so a branch only proj has is unknown there, and the refusal says where it looked, as
    proj's own name would mislead (QA)."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    outer = tmp_path / "home"
    proj = outer / "proj"
    write(proj, {"scenarios/plan.yaml": AT[10]})
    commit_all(proj, monkeypatch)
    git(proj, "branch", "own")
    write(outer, {"notes.txt": "kept\n"})
    commit_all(outer, monkeypatch)
    monkeypatch.chdir(tmp_path)
    result = invoke(["check", "home/proj/scenarios", "--base", "own", "--lang", lang])
    assert (result.exit_code, result.stderr) == (2, f"aigc-roi: {said.format(top=os.path.realpath(outer))}\n")
