"""`check --base REF` over a folder holding a repository of its own: a submodule, a repository added inside the
outer one, an untracked clone.

The outer repository's git lists none of a nested repository's files, so without looking inside it every one of
them would be "unchanged" and pass its targets on the change. The plan is docs/formulas.md §11's worked example
(tests/ci/test_change_targets.py): at price 30 npv is 30,750 and payback comes in month 1; cut to price 20 npv is
13,250, a drop of 17,500 = 56.91% of 30,750, and payback comes in month 2. ``max_npv_drop: 10%`` and
``max_payback_delay: 0`` are missed only if the nested file is compared with its version at REF: the commit the
outer repository records for the nested one there.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from cli_runner import invoke
from test_change_targets import GUARDED
from test_check_base_renames import held_on_change
from test_check_zh import commit_all, git
from test_validate_and_check import example, write

SHARED = "scenarios/shared"
PLAN = f"{SHARED}/plan.yaml"



@pytest.fixture
def outer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The outer repository, its own scenarios/own.yaml committed (and never changed)."""
    write(tmp_path / "outer", {"scenarios/own.yaml": example(name="Own")})
    commit_all(tmp_path / "outer", monkeypatch)
    return tmp_path / "outer"


def repository(folder: Path, price: float) -> Path:
    """``folder`` as a repository of its own, its plan.yaml at ``price`` committed."""
    write(folder, {"plan.yaml": example(price=price, targets=GUARDED)})
    git(folder, "init", "-q")
    git(folder, "add", ".")
    git(folder, "commit", "-q", "-m", "plan")
    return folder


def nested(outer: Path, kind: str) -> None:
    """scenarios/shared, at price 30, committed in the outer repository as a submodule or as a repository added
    inside it (``git add`` of a folder holding a ``.git``)."""
    if kind == "submodule":
        upstream = repository(outer.parent / "upstream", 30)
        git(outer, "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(upstream), SHARED)
    else:
        repository(outer / SHARED, 30)
        git(outer, "add", SHARED)
    git(outer, "commit", "-q", "-m", "shared")


def cut_price(outer: Path, committed: bool) -> str:
    """The nested plan cut to price 20; with ``committed``, in its own repository and the outer one (a pull request
    bumping a submodule). The REF to compare with: the commit before the cut."""
    write(outer, {PLAN: example(price=20, targets=GUARDED)})
    if not committed:
        return "HEAD"
    git(outer / SHARED, "commit", "-q", "-am", "cut the price")
    git(outer, "add", SHARED)
    git(outer, "commit", "-q", "-m", "bump shared")
    return "HEAD~1"


@pytest.mark.parametrize("committed", [True, False])
@pytest.mark.parametrize("kind", ["submodule", "added"])
def test_a_nested_file_is_compared_with_the_commit_ref_records_for_its_repository(
        outer: Path, kind: str, committed: bool) -> None:
    nested(outer, kind)
    ref = cut_price(outer, committed)
    result = invoke(["check", "scenarios", "--base", ref, "--format", "json"])
    assert result.exit_code == 1, result.stderr
    assert held_on_change(result.stdout, PLAN) == {
        "max_npv_drop": (pytest.approx(17_500 / 30_750), False), "max_payback_delay": (1, False)}
    [change] = json.loads(result.stdout)["baseline"]["changes"]  # own.yaml is unchanged
    assert (change["path"], change["status"]) == (str(Path(PLAN)), "modified")
    assert change["figures"]["npv"] == {"before": pytest.approx(30_750), "after": pytest.approx(13_250),
                                        "change": pytest.approx(-17_500)}
    text = invoke(["check", "scenarios", "--base", ref]).stdout
    assert (f"{Path(PLAN)}:8:27: Spec example: targets.max_npv_drop missed: npv drop is 56.91%, must be <= 10.00% "
            f"(new since {ref}); changed here: monetization.purchases[0].price 30 -> 20\n") in text


def test_an_untracked_clone_is_new_since_ref(outer: Path) -> None:
    """The outer repository records nothing of it at REF: no version to hold its targets on the change against."""
    repository(outer / "scenarios/clone", 20)
    result = invoke(["check", "scenarios", "--base", "HEAD", "--format", "json"])
    assert result.exit_code == 0
    assert held_on_change(result.stdout, "scenarios/clone/plan.yaml") == {
        "max_npv_drop": (None, None), "max_payback_delay": (None, None)}
    text = invoke(["check", "scenarios", "--base", "HEAD", "-v"]).stdout
    assert f"{Path('scenarios/clone/plan.yaml')} (Spec example): new since HEAD\n" in text


def test_a_folder_that_became_a_repository_is_compared_with_its_version_in_the_outer_one(outer: Path) -> None:
    write(outer, {PLAN: example(price=30, targets=GUARDED)})
    git(outer, "add", ".")
    git(outer, "commit", "-q", "-m", "shared as a folder")
    repository(outer / SHARED, 20)
    git(outer, "rm", "-r", "-q", "--cached", SHARED)
    git(outer, "add", SHARED)
    result = invoke(["check", "scenarios", "--base", "HEAD", "--format", "json"])
    assert result.exit_code == 1
    assert held_on_change(result.stdout, PLAN)["max_npv_drop"] == (pytest.approx(17_500 / 30_750), False)
    [change] = json.loads(result.stdout)["baseline"]["changes"]
    assert (change["path"], change["status"]) == (str(Path(PLAN)), "modified")


@pytest.mark.parametrize("lang, expected", [
    ("en", "aigc-roi: --base: {shared}, a repository of its own, lacks its commit at HEAD ({commit}); "
           "fetch its history there\n"),
    ("zh", "aigc-roi: --base：{shared} 是独立的 git 仓库，缺少它在 HEAD 时的提交（{commit}）；请在其中获取历史\n"),
])
def test_a_nested_repository_without_the_commit_ref_records_is_refused_in_one_line(
        outer: Path, lang: str, expected: str) -> None:
    """As a shallow submodule checkout in CI would be: its version at REF cannot be read, and is not guessed."""
    nested(outer, "added")
    recorded = subprocess.run(["git", "-C", str(outer), "rev-parse", f"HEAD:{SHARED}"], check=True,
                              capture_output=True, text=True).stdout.strip()
    shutil.rmtree(outer / SHARED / ".git")
    repository(outer / SHARED, 20)  # another history, without the recorded commit
    result = invoke(["check", "scenarios", "--base", "HEAD", "--lang", lang])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == expected.format(shared=Path(SHARED), commit=recorded[:12])
