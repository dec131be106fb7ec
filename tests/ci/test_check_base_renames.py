"""`check --base REF` follows a file git sees as renamed (or copied) since REF, and refuses paths of two repositories.

The plan is docs/formulas.md §11's worked example (tests/ci/test_change_targets.py) with the item at price 30,
renamed and cut to price 20 in the same change: npv 30,750 -> 13,250, a drop of 17,500 = 56.91% of 30,750, and
payback month 1 -> 2. Its targets on the change (``max_npv_drop: 10%``, ``max_payback_delay: 0``) are missed only
if the renamed file is compared with its old version; as a new file they would be not applicable and pass.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from cli_runner import invoke
from test_change_targets import GUARDED
from test_check_zh import commit_all, git
from test_validate_and_check import example, write

CUT = example(price=20, targets=GUARDED)
"""The plan after the change: the item at price 20."""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """scenarios/plan.yaml at price 30 with the targets on the change, and scenarios/other.yaml, committed."""
    write(tmp_path, {"scenarios/plan.yaml": example(price=30, targets=GUARDED),
                     "scenarios/other.yaml": example(name="Other")})
    commit_all(tmp_path, monkeypatch)
    return tmp_path


def renamed(repo: Path, old: str, new: str) -> None:
    """``git mv old new``, then the price cut in the new file."""
    (repo / new).parent.mkdir(parents=True, exist_ok=True)
    git(repo, "mv", old, new)
    write(repo, {new: CUT})


def held_on_change(result_stdout: str, path: str) -> dict[str, tuple[float | int | None, bool | None]]:
    scenario = next(item for item in json.loads(result_stdout)["scenarios"] if item["path"] == str(Path(path)))
    return {t["name"]: (t["actual"], t["passed"]) for t in scenario["targets"] if t["name"].startswith("max_")}


@pytest.mark.parametrize("renames", ["true", "false"])
def test_a_renamed_plan_is_held_to_its_version_at_ref(repo: Path, renames: str) -> None:
    git(repo, "config", "diff.renames", renames)  # a setting does not switch the guardrail off
    renamed(repo, "scenarios/plan.yaml", "scenarios/plan-q3.yaml")
    result = invoke(["check", "scenarios", "--base", "HEAD", "--format", "json"])
    assert result.exit_code == 1, result.stderr
    assert held_on_change(result.stdout, "scenarios/plan-q3.yaml") == {
        "max_npv_drop": (pytest.approx(17_500 / 30_750), False), "max_payback_delay": (1, False)}
    [change] = json.loads(result.stdout)["baseline"]["changes"]
    assert (change["path"], change["status"], change["old_path"]) == (
        str(Path("scenarios/plan-q3.yaml")), "renamed", str(Path("scenarios/plan.yaml")))
    assert (change["figures"]["npv"]["before"], change["figures"]["npv"]["after"]) == (
        pytest.approx(30_750), pytest.approx(13_250))


def test_a_rename_committed_on_the_branch_is_followed(repo: Path) -> None:
    """A pull request's own commits, as CI checks them against the base branch."""
    renamed(repo, "scenarios/plan.yaml", "scenarios/plan-q3.yaml")
    git(repo, "commit", "-q", "-am", "rename and cut the price")
    result = invoke(["check", "scenarios", "--base", "HEAD~1", "--format", "markdown"])
    assert result.exit_code == 1
    assert "| scenarios/plan-q3.yaml | max_npv_drop | 56.91% | <= 10.00% | fail (new) |" in result.stdout
    # The ~ escaped, as markdown's strikethrough mark is in every text (present/text.py): shown as HEAD~1.
    assert "### scenarios/plan-q3.yaml (Spec example): renamed (was scenarios/plan.yaml at HEAD\\~1)" in result.stdout


def test_errors_of_the_version_at_ref_name_its_old_path(repo: Path) -> None:
    write(repo, {"scenarios/plan.yaml": example(price=30, targets=GUARDED).replace("price: 30", "price: -1")})
    git(repo, "commit", "-q", "-am", "break it")
    renamed(repo, "scenarios/plan.yaml", "scenarios/plan-q3.yaml")
    result = invoke(["check", "scenarios", "--base", "HEAD"])
    assert result.exit_code == 0  # plan-q3.yaml is valid; its targets on the change have no valid version to hold
    broken = example(price=-1, targets=GUARDED).splitlines()[7]  # line 8: "    - {name: Item, price: -1, rate: 1}"
    # Located in words: REF:FILE:LINE:COL would read to a problem matcher as a line of the working tree.
    assert (f"{Path('scenarios/plan.yaml')} at HEAD, line 8, column {broken.index('-1') + 1}: "
            "monetization.purchases[0].price: expected a number >= 0, found -1\n") in result.stdout, result.stdout
    assert "HEAD:" not in result.stdout


@pytest.mark.parametrize("given", ["plans/q3.yaml", "plans"])
def test_a_file_moved_in_from_elsewhere_is_followed(repo: Path, given: str) -> None:
    renamed(repo, "scenarios/plan.yaml", "plans/q3.yaml")
    result = invoke(["check", given, "--base", "HEAD", "--format", "json"])
    assert result.exit_code == 1
    assert held_on_change(result.stdout, "plans/q3.yaml")["max_npv_drop"][1] is False
    [change] = json.loads(result.stdout)["baseline"]["changes"]
    assert change["old_path"] == str(Path("scenarios/plan.yaml"))  # outside the given path: from the working folder


@pytest.mark.parametrize("lang, title", [
    ("en", "scenarios/plan-q3.yaml (Spec example): renamed (was scenarios/plan.yaml at HEAD)"),
    ("zh", "scenarios/plan-q3.yaml (Spec example)：已重命名（HEAD 时为 scenarios/plan.yaml）"),
])
def test_every_format_names_the_rename(repo: Path, lang: str, title: str) -> None:
    renamed(repo, "scenarios/plan.yaml", "scenarios/plan-q3.yaml")
    for format_ in ("text", "table", "github", "markdown"):
        result = invoke(["check", "scenarios", "--base", "HEAD", "--format", format_, "--lang", lang])
        assert result.exit_code == 1, (format_, result.stderr)
        # A table's title wraps at the table's width: its words, in order.
        assert title in " ".join(result.stdout.split()), (format_, result.stdout)
        assert "scenarios/plan.yaml (Spec example)" not in result.stdout, format_  # no "removed" line for it


def test_a_file_moved_out_of_the_given_paths_is_removed_from_them(repo: Path) -> None:
    (repo / "archive").mkdir()
    git(repo, "mv", "scenarios/plan.yaml", "archive/plan.yaml")
    result = invoke(["check", "scenarios", "--base", "HEAD"])
    assert result.exit_code == 0
    assert "scenarios/plan.yaml (Spec example): removed since HEAD" in result.stdout


def test_both_names_of_a_renamed_file_given(repo: Path) -> None:
    """`git diff --name-only HEAD | xargs check --base HEAD` names the old path too: it is the rename's, reported
    once under the new name (held to its old version, so both targets on the change missed), not a file that
    cannot be read."""
    renamed(repo, "scenarios/plan.yaml", "scenarios/plan-q3.yaml")
    result = invoke(["check", "scenarios/plan.yaml", "scenarios/plan-q3.yaml", "--base", "HEAD", "--format", "json"])
    assert result.exit_code == 1, result.stderr
    data = json.loads(result.stdout)
    assert [s["path"] for s in data["scenarios"]] == [str(Path("scenarios/plan-q3.yaml"))]
    assert [(c["path"], c["status"], c["old_path"]) for c in data["baseline"]["changes"]] == [
        (str(Path("scenarios/plan-q3.yaml")), "renamed", str(Path("scenarios/plan.yaml")))]
    assert held_on_change(result.stdout, "scenarios/plan-q3.yaml") == {
        "max_npv_drop": (pytest.approx(17_500 / 30_750), False), "max_payback_delay": (1, False)}


def test_a_move_git_does_not_see_yet_is_a_removed_file_and_a_new_one(repo: Path) -> None:
    (repo / "scenarios" / "plan.yaml").rename(repo / "scenarios" / "plan-q3.yaml")  # mv without git add
    write(repo, {"scenarios/plan-q3.yaml": CUT})
    data = json.loads(invoke(["check", "scenarios", "--base", "HEAD", "--format", "json"]).stdout)
    assert [(c["path"], c["status"], c["old_path"]) for c in data["baseline"]["changes"]] == [
        (str(Path("scenarios/plan-q3.yaml")), "new", None), (str(Path("scenarios/plan.yaml")), "removed", None)]


@pytest.mark.parametrize("lang, title", [
    ("en", "scenarios/plan-b.yaml (Spec example): copied (from scenarios/plan.yaml at HEAD)"),
    ("zh", "scenarios/plan-b.yaml (Spec example)：已复制（复制自 HEAD 时的 scenarios/plan.yaml）"),
])
def test_a_copy_is_compared_with_its_source_where_git_reports_copies(repo: Path, lang: str, title: str) -> None:
    # git looks for the source of a copy among the files the change modifies: plan.yaml's price goes up to 31.
    write(repo, {"scenarios/plan.yaml": example(price=31, targets=GUARDED), "scenarios/plan-b.yaml": CUT})
    git(repo, "add", ".")
    as_new = invoke(["check", "scenarios", "--base", "HEAD", "--format", "json"])
    assert held_on_change(as_new.stdout, "scenarios/plan-b.yaml") == {
        "max_npv_drop": (None, None), "max_payback_delay": (None, None)}  # not applicable: a new file
    git(repo, "config", "diff.renames", "copies")
    result = invoke(["check", "scenarios", "--base", "HEAD", "--format", "json"])
    assert result.exit_code == 1
    assert held_on_change(result.stdout, "scenarios/plan-b.yaml")["max_npv_drop"] == (
        pytest.approx(17_500 / 30_750), False)
    changes = {c["path"]: (c["status"], c["old_path"]) for c in json.loads(result.stdout)["baseline"]["changes"]}
    assert changes[str(Path("scenarios/plan-b.yaml"))] == ("copied", str(Path("scenarios/plan.yaml")))
    markdown = invoke(["check", "scenarios", "--base", "HEAD", "--format", "markdown", "--lang", lang]).stdout
    assert f"### {title}\n" in markdown


# --- paths of two repositories ----------------------------------------------------------------


@pytest.mark.parametrize("lang, expected", [
    ("en", "aigc-roi: --base: {theirs} is outside the git repository {top} that holds {ours}; "
           "check each repository on its own\n"),
    ("zh", "aigc-roi: --base：{theirs} 不在 {ours} 所在的 git 仓库 {top} 中；请分别检查每个仓库\n"),
])
def test_paths_of_two_repositories_are_refused_in_one_line(repo: Path, tmp_path_factory: pytest.TempPathFactory,
                                                           lang: str, expected: str) -> None:
    """Another repository beside this one. One inside it is compared as part of it:
    tests/ci/test_check_base_outer_repository.py."""
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    write(elsewhere, {"x.yaml": example(name="X")})
    subprocess.run(["git", "init", "-q", str(elsewhere)], check=True, capture_output=True)
    theirs = str(elsewhere / "x.yaml")
    result = invoke(["check", "scenarios/plan.yaml", theirs, "--base", "HEAD", "--lang", lang])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == expected.format(theirs=theirs, top=repo.resolve(), ours=Path("scenarios/plan.yaml"))
