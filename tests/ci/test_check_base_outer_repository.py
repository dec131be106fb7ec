"""`check --base REF` of a path inside a repository nested in the one the command runs in (a submodule): REF is
the outer repository's, and the nested files are compared with the commit it records there, as when the folder
holding the submodule is given. QA saw `check scenarios/shared --base base` compare with the submodule's own
`base` branch silently, and a tag of the outer repository refused as an unknown revision.

The scenarios are docs/formulas.md §11's worked example (tests/ci/test_check_base_symlinks.py): npv = -20,000 +
1,750 (p - 1) at item price p: p = 10 gives -4,250, p = 12 gives -750, p = 14 gives 2,750.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke
from test_check_zh import commit_all, git
from test_validate_and_check import example, write

AT = {price: example(price=price, targets="min_roi: 0") for price in (10, 12, 14)}


def own_repository(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``folder`` a repository of its own: plan.yaml at p = 10 (its own branch `base`), then p = 12, committed."""
    write(folder, {"plan.yaml": AT[10]})
    commit_all(folder, monkeypatch)
    git(folder, "branch", "base")
    write(folder, {"plan.yaml": AT[12]})
    git(folder, "commit", "-q", "-am", "p = 12")


@pytest.fixture
def outer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """scenarios/shared, a repository of its own (``own_repository``) at p = 12, which the outer repository records
    (its branch `base`, tag `withsub`); now edited to p = 14, uncommitted."""
    shared = tmp_path / "scenarios/shared"
    own_repository(shared, monkeypatch)
    write(tmp_path, {"scenarios/top.yaml": AT[14]})  # unchanged, and passing min_roi
    commit_all(tmp_path, monkeypatch)  # records scenarios/shared at its p = 12 commit (mode 160000)
    git(tmp_path, "branch", "base")
    git(tmp_path, "tag", "withsub")
    write(shared, {"plan.yaml": AT[14]})
    return tmp_path


def npv_before_after(given: str, ref: str) -> tuple[float, float]:
    result = invoke(["check", given, "--base", ref, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    [change] = json.loads(result.stdout)["baseline"]["changes"]
    assert change["path"] == str(Path("scenarios/shared/plan.yaml")) or change["path"] == "plan.yaml"
    return change["figures"]["npv"]["before"], change["figures"]["npv"]["after"]


@pytest.mark.parametrize("given", ["scenarios", "scenarios/shared", "scenarios/shared/", "scenarios/shared/plan.yaml"])
@pytest.mark.parametrize("ref", ["base", "withsub"])
def test_a_submodule_given_is_compared_at_the_commit_the_outer_repository_records(
        outer: Path, given: str, ref: str) -> None:
    """The outer `base` records p = 12: -750 -> 2,750, not the submodule's own `base` (p = 10, -4,250)."""
    assert npv_before_after(given, ref) == (pytest.approx(-750), pytest.approx(2_750))


def test_in_the_submodule_ref_is_the_submodules(outer: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run in the submodule's own working tree, REF names its revision: its `base` holds p = 10."""
    monkeypatch.chdir(outer / "scenarios/shared")
    assert npv_before_after("plan.yaml", "base") == (pytest.approx(-4_250), pytest.approx(2_750))


def test_an_untracked_repository_inside_is_new_as_in_the_folder_walk(outer: Path) -> None:
    """vendor/, a repository the outer one does not record: its files are new since REF whether vendor/ or the
    folder holding it is given (the refusal as another repository was the old answer)."""
    vendor = outer / "vendor"
    write(vendor, {"x.yaml": AT[10]})
    git(vendor, "init", "-q")
    for given in ("vendor/x.yaml", "vendor", "."):
        result = invoke(["check", given, "--base", "HEAD", "--format", "json"])
        statuses = {c["path"]: c["status"] for c in json.loads(result.stdout)["baseline"]["changes"]}
        assert statuses[str(Path("vendor/x.yaml"))] == "new", given


@pytest.mark.parametrize("given", ["other", "other/link/plan.yaml"])
def test_a_link_into_the_submodule_is_compared_in_it(outer: Path, given: str) -> None:
    """other/link -> ../scenarios/shared: git lists nothing below other/, and the submodule is not below it either;
    the file is still compared with the commit `base` records (p = 12), where `check other` said nothing changed."""
    (outer / "other").mkdir()
    (outer / "other/link").symlink_to("../scenarios/shared")
    git(outer, "add", "other")
    git(outer, "commit", "-q", "-m", "link")
    git(outer, "branch", "-f", "base")
    result = invoke(["check", given, "--base", "base", "--format", "json"])
    [change] = json.loads(result.stdout)["baseline"]["changes"]
    assert change["path"] == str(Path("other/link/plan.yaml"))
    assert (change["figures"]["npv"]["before"], change["figures"]["npv"]["after"]) == (
        pytest.approx(-750), pytest.approx(2_750))
