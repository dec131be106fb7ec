"""`check --base REF` of a scenario file reached through a symbolic link that leads out of the repository.

git stores the link, never the file it leads to, so nothing says that file is as it was at REF: it is a change,
whose version at REF is what the link's path named there. QA saw an edited outside file called unchanged ("also
missed at HEAD", "No scenario changed since HEAD."), and the file given by name refused with the outside folder's name.

The scenarios are docs/formulas.md §11's worked example (tests/ci/test_check_base_symlinks.py): roi = npv / 20,000,
npv = -20,000 + 1,750 (p - 1) at item price p: p = 10 gives -4,250, p = 12 gives -750; both miss ``min_roi: 0``.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from cli_runner import invoke
from test_check_base_symlinks import AT_10, AT_12
from test_check_zh import commit_all, git
from test_validate_and_check import write

OUTSIDE = "cannot read file: a symbolic link to a file outside the repository"


def checked(path: str, lang: str = "en") -> tuple[int, dict[str, Any]]:
    result = invoke(["check", path, "--base", "HEAD", "--format", "json", "--lang", lang])
    assert result.exit_code in (0, 1), result.stderr
    return result.exit_code, json.loads(result.stdout)


def the_change(document: dict[str, Any]) -> tuple[str, str, bool, list[str]]:
    """(path, status, whether min_roi's miss is new since REF, why the version at REF is not read)."""
    [scenario] = document["scenarios"]
    [target] = [target for target in scenario["targets"] if target["name"] == "min_roi"]
    [change] = document["baseline"]["changes"]
    assert change["path"] == scenario["path"]
    return change["path"], change["status"], target["new_since_base"], [e["message"] for e in change["before_errors"]]


@pytest.fixture
def linked_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """repo/scenarios/olink.yaml -> <abs>/outside/o.yaml and repo/scenarios/ext -> <abs>/outside, committed; then
    o.yaml edited. In the repository nothing changed, so git lists nothing."""
    write(tmp_path, {"outside/o.yaml": AT_10, "repo/scenarios/in.yaml": AT_10})
    (tmp_path / "repo/scenarios/olink.yaml").symlink_to(tmp_path / "outside/o.yaml")
    (tmp_path / "repo/scenarios/ext").symlink_to(tmp_path / "outside")
    commit_all(tmp_path / "repo", monkeypatch)
    write(tmp_path, {"outside/o.yaml": AT_12})
    return tmp_path


@pytest.mark.parametrize(("given", "path"), [
    ("scenarios/olink.yaml", "scenarios/olink.yaml"),  # a linked file, by name
    ("scenarios/ext", "scenarios/ext/o.yaml"),  # a linked folder
    ("scenarios/ext/o.yaml", "scenarios/ext/o.yaml"),  # a file through a linked folder, by name
])
def test_a_file_behind_a_link_out_of_the_repository_is_a_change_with_no_version_at_ref(
        linked_out: Path, given: str, path: str) -> None:
    code, document = checked(given)
    assert code == 1
    # HEAD stored the link, whose target is outside its tree: no version there, so the miss is new, never "also".
    assert the_change(document) == (str(Path(path)), "modified", True, [OUTSIDE])
    [change] = document["baseline"]["changes"]
    assert change["figures"]["npv"]["after"] == pytest.approx(-750)


def test_a_folder_walk_reports_the_outside_file_and_leaves_the_unchanged_one(linked_out: Path) -> None:
    """scenarios/ holds in.yaml (unchanged, a miss HEAD had too) and the outside file, found once (olink.yaml and
    ext/o.yaml are one file): only the latter is a change."""
    result = invoke(["check", "scenarios", "--base", "HEAD", "--format", "json"])
    document = json.loads(result.stdout)
    news = {s["path"]: [t["new_since_base"] for t in s["targets"]] for s in document["scenarios"]}
    assert news == {str(Path("scenarios/ext/o.yaml")): [True], str(Path("scenarios/in.yaml")): [False]}
    assert [c["path"] for c in document["baseline"]["changes"]] == [str(Path("scenarios/ext/o.yaml"))]
    text = invoke(["check", "scenarios", "--base", "HEAD"]).stdout
    assert "No scenario changed since HEAD." not in text
    assert "(new since HEAD)" in text


def test_in_chinese(linked_out: Path) -> None:
    result = invoke(["check", "scenarios/olink.yaml", "--base", "HEAD", "--lang", "zh"])
    assert result.exit_code == 1
    assert "scenarios/olink.yaml（HEAD 时）第 1 行第 1 列：无法读取文件：符号链接指向仓库之外的文件" in result.stdout, result.stdout
    assert "自 HEAD 以来新增" in result.stdout


def test_a_link_added_since_ref_is_new(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"outside/o.yaml": AT_12, "repo/scenarios/in.yaml": AT_10})
    commit_all(tmp_path / "repo", monkeypatch)
    (tmp_path / "repo/scenarios/olink.yaml").symlink_to(tmp_path / "outside/o.yaml")
    git(tmp_path / "repo", "add", ".")
    _, document = checked("scenarios/olink.yaml")
    assert the_change(document) == ("scenarios/olink.yaml", "new", True, [])


def test_a_link_re_pointed_out_of_the_repository_is_compared_with_the_file_it_named_at_ref(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """At HEAD s.yaml -> real.yaml (p = 10) in the repository; now it leads out, to p = 12: npv -4,250 -> -750."""
    write(tmp_path, {"outside/o.yaml": AT_12, "repo/real.yaml": AT_10})
    (tmp_path / "repo/s.yaml").symlink_to("real.yaml")
    commit_all(tmp_path / "repo", monkeypatch)
    (tmp_path / "repo/s.yaml").unlink()
    (tmp_path / "repo/s.yaml").symlink_to(tmp_path / "outside/o.yaml")
    _, document = checked("s.yaml")
    assert the_change(document) == ("s.yaml", "modified", False, [])
    [change] = document["baseline"]["changes"]
    assert (change["figures"]["npv"]["before"], change["figures"]["npv"]["after"]) == (
        pytest.approx(-4_250), pytest.approx(-750))


def test_a_link_into_another_repository_is_not_compared_with_that_repository(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The outside folder is a repository of its own whose HEAD holds o.yaml as it is now: its HEAD is not this
    repository's, so the file is still a change with no version at this HEAD."""
    write(tmp_path, {"other/o.yaml": AT_12, "repo/scenarios/in.yaml": AT_10})
    (tmp_path / "repo/scenarios/olink.yaml").symlink_to(tmp_path / "other/o.yaml")
    (tmp_path / "repo/scenarios/ext").symlink_to(tmp_path / "other")
    commit_all(tmp_path / "other", monkeypatch)
    commit_all(tmp_path / "repo", monkeypatch)
    for given, path in (("scenarios/olink.yaml", "scenarios/olink.yaml"), ("scenarios/ext", "scenarios/ext/o.yaml")):
        _, document = checked(given)
        assert the_change(document) == (str(Path(path)), "modified", True, [OUTSIDE])


def test_a_path_in_no_repository_is_named_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Outside any repository, the folder named is the one given, not where a link in it leads."""
    write(tmp_path, {"real/x.yaml": AT_10})
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain/x.yaml").symlink_to(tmp_path / "real/x.yaml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert subprocess.run(["git", "rev-parse"], capture_output=True, check=False).returncode != 0
    result = invoke(["check", "plain/x.yaml", "--base", "HEAD"])
    assert (result.exit_code, result.stderr) == (2, "aigc-roi: --base: plain is not inside a git repository\n")
