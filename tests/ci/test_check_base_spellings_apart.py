"""`check --base REF` of two paths that reach one file now: each path is judged as its own where it named another file
at REF (a link re-pointed or added since), and the two are one, reported once under the first, where they named the
same file then too. QA saw `check a.yaml b.yaml --base REF`, b.yaml -> a.yaml re-pointed since REF, report
`No scenario changed` (b.yaml checked once as a.yaml), and `check b.yaml a.yaml` report b.yaml's change alone.

The scenarios are docs/formulas.md §11's worked example (tests/ci/test_check_base_symlinks.py): npv = -20,000 +
1,750 (p - 1) at item price p: p = 10 gives -4,250, p = 12 gives -750, p = 14 gives 2,750.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cli_runner import invoke
from test_check_base_outer_repository import AT
from test_check_zh import commit_all
from test_validate_and_check import write

NPV = {10: pytest.approx(-4_250), 12: pytest.approx(-750), 14: pytest.approx(2_750)}


def run(*given: str) -> tuple[list[str], dict[str, tuple[str, Any, Any]]]:
    """(the paths checked, path: (status, npv before, npv after) of each change) of `check GIVEN --base HEAD`."""
    result = invoke(["check", *given, "--base", "HEAD", "--format", "json"])
    assert result.exit_code in (0, 1), result.stderr
    document = json.loads(result.stdout)
    return ([scenario["path"] for scenario in document["scenarios"]],
            {c["path"]: (c["status"], c["figures"]["npv"]["before"], c["figures"]["npv"]["after"])
             for c in document["baseline"]["changes"]})


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """a.yaml at p = 10, c.yaml at p = 12 and b.yaml -> c.yaml, committed (HEAD)."""
    write(tmp_path, {"a.yaml": AT[10], "c.yaml": AT[12], "d/keep.yaml": AT[10]})
    (tmp_path / "b.yaml").symlink_to("c.yaml")
    commit_all(tmp_path, monkeypatch)
    return tmp_path


def repoint(link: Path, target: str) -> None:
    link.unlink()
    link.symlink_to(target)


@pytest.mark.parametrize("given", [("a.yaml", "b.yaml"), ("b.yaml", "a.yaml")])
def test_a_link_re_pointed_at_a_file_given_too_is_its_own_change(repo: Path, given: tuple[str, str]) -> None:
    """b.yaml named c.yaml (p = 12) at HEAD and now names a.yaml (p = 10): -750 -> -4,250, whichever comes first;
    a.yaml, as it was, is no change, and both are checked."""
    repoint(repo / "b.yaml", "a.yaml")
    assert run(*given) == (list(given), {"b.yaml": ("modified", NPV[12], NPV[10])})


def test_both_changes_are_reported_when_the_file_is_edited_too(repo: Path) -> None:
    """a.yaml edited to p = 14: its own change from p = 10, and b.yaml's from the c.yaml (p = 12) it named."""
    repoint(repo / "b.yaml", "a.yaml")
    write(repo, {"a.yaml": AT[14]})
    expected = {"a.yaml": ("modified", NPV[10], NPV[14]), "b.yaml": ("modified", NPV[12], NPV[14])}
    assert run("b.yaml", "a.yaml") == (["b.yaml", "a.yaml"], expected)


def test_a_link_added_since_ref_is_new(repo: Path) -> None:
    (repo / "n.yaml").symlink_to("a.yaml")
    assert run("a.yaml", "n.yaml") == (["a.yaml", "n.yaml"], {"n.yaml": ("new", None, NPV[10])})


def test_a_folder_walk_keeps_each_path_that_named_another_file(repo: Path) -> None:
    """b.yaml re-pointed at a.yaml: found in the folder beside a.yaml, each is checked under its own name."""
    repoint(repo / "b.yaml", "a.yaml")
    checked, changes = run(".")
    assert checked == ["a.yaml", "b.yaml", "c.yaml", str(Path("d/keep.yaml"))]
    assert changes == {"b.yaml": ("modified", NPV[12], NPV[10])}


def test_two_paths_with_one_history_are_one_under_the_first(repo: Path) -> None:
    """b.yaml -> c.yaml at HEAD and now, c.yaml edited to p = 14: one file with one history, however spelled, checked
    and reported once, under the first name given."""
    write(repo, {"c.yaml": AT[14]})
    change = ("modified", NPV[12], NPV[14])
    assert run("c.yaml", "b.yaml") == (["c.yaml"], {"c.yaml": change})
    assert run("b.yaml", "c.yaml") == (["b.yaml"], {"b.yaml": change})
    assert run("./c.yaml", "d/../c.yaml", "b.yaml") == (["c.yaml"], {"c.yaml": change})


def test_two_links_out_to_one_outside_file_are_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """repo/x.yaml and repo/y.yaml both -> the one outside file at HEAD and now: one file, always a change (git holds
    no version of it), reported once; re-pointed y.yaml to a file of the repository is then its own change."""
    write(tmp_path, {"outside/o.yaml": AT[12], "repo/a.yaml": AT[10]})
    (tmp_path / "repo/x.yaml").symlink_to(tmp_path / "outside/o.yaml")
    (tmp_path / "repo/y.yaml").symlink_to("../outside/o.yaml")
    commit_all(tmp_path / "repo", monkeypatch)
    assert run("x.yaml", "y.yaml") == (["x.yaml"], {"x.yaml": ("modified", None, NPV[12])})
    repoint(tmp_path / "repo/x.yaml", "a.yaml")
    repoint(tmp_path / "repo/y.yaml", "a.yaml")
    assert run("a.yaml", "x.yaml", "y.yaml") == (["a.yaml", "x.yaml"], {
        "x.yaml": ("modified", None, NPV[10])})
