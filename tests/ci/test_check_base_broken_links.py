"""`check --base REF` and a link whose target is missing now: a change only where its path names something else than
at REF (docs/ci.md).

- A link broken at REF and left as it was is no change (QA: it was `modified; neither version computes`): git lists
  nothing, and its path leads to the same missing file then and now. Its error now is still reported, once, exit 2,
  as for any file that cannot be read.
- A link at REF that leads nowhere is said of at REF in the working tree's words, `a symbolic link to a missing file
  (gone.yaml)`, not `No such file or directory` beside a path that was there.
- A link to a folder (``s/lf -> ../shared``) is no scenario: the scenario files it led to at REF that it no longer
  reaches are removed since REF, whether the folder ``s`` or the link ``s/lf`` is given, the link's target deleted,
  a file deleted behind it or the link removed; its own missing target is no error then. Without --base, such a link
  given by name is a link to a missing path, its target's kind unknown.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke
from test_check_zh import commit_all, git
from test_validate_and_check import WINNING, write


@pytest.fixture
def untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """At HEAD: s/a.yaml and s/d.yaml -> nowhere.yaml, broken already; nothing changed since."""
    write(tmp_path, {"s/a.yaml": WINNING})
    (tmp_path / "s/d.yaml").symlink_to("nowhere.yaml")
    commit_all(tmp_path, monkeypatch)
    return tmp_path


@pytest.mark.parametrize("given", ["s", "s/d.yaml"])
def test_a_link_broken_at_ref_and_untouched_is_no_change(untouched: Path, given: str) -> None:
    assert invoke(["check", given, "--base", "HEAD"]).stdout == (
        f"{Path('s/d.yaml')}:1:1: cannot read file: a symbolic link to a missing file (nowhere.yaml)\n"
        "No scenario changed since HEAD.\n")
    zh = invoke(["check", given, "--base", "HEAD", "--lang", "zh"])
    assert zh.exit_code == 2
    assert zh.stdout == (f"{Path('s/d.yaml')}:1:1: 无法读取文件：符号链接指向的文件不存在（nowhere.yaml）\n"
                         "自 HEAD 以来没有方案改动。\n")
    result = invoke(["check", given, "--base", "HEAD", "--format", "json"])
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert document["baseline"]["changes"] == []
    assert [(error["file"], error["message"]) for error in document["invalid"]] == [
        (str(Path("s/d.yaml")), "cannot read file: a symbolic link to a missing file (nowhere.yaml)")]


def test_a_broken_link_re_pointed_is_said_of_at_ref_as_in_the_working_tree(untouched: Path) -> None:
    """Re-pointed at another missing file: git lists it, and neither version computes, each side saying which
    missing file its link named."""
    (untouched / "s/d.yaml").unlink()
    (untouched / "s/d.yaml").symlink_to("other.yaml")
    result = invoke(["check", "s", "--base", "HEAD"])
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [
        f"{Path('s/d.yaml')}:1:1: cannot read file: a symbolic link to a missing file (other.yaml)",
        f"{Path('s/d.yaml')}: modified; neither version computes",
        f"{Path('s/d.yaml')} at HEAD, line 1, column 1: cannot read file: a symbolic link to a missing file "
        "(nowhere.yaml)"]
    zh = invoke(["check", "s", "--base", "HEAD", "--lang", "zh"]).stdout
    assert zh.splitlines()[-1] == f"{Path('s/d.yaml')}（HEAD 时）第 1 行第 1 列：无法读取文件：符号链接指向的文件不存在（nowhere.yaml）"


@pytest.fixture
def linked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """At HEAD: s/a.yaml, and s/lf -> ../shared, a folder holding p.yaml and q.yaml."""
    write(tmp_path, {"s/a.yaml": WINNING, "shared/p.yaml": WINNING, "shared/q.yaml": WINNING})
    (tmp_path / "s/lf").symlink_to("../shared")
    commit_all(tmp_path, monkeypatch)
    return tmp_path


REMOVED_BOTH = (f"{Path('s/lf/p.yaml')} (Spec example): removed since HEAD\n"
                f"{Path('s/lf/q.yaml')} (Spec example): removed since HEAD\n")


@pytest.mark.parametrize("given", ["s", "s/lf"])
@pytest.mark.parametrize("how", ["target deleted", "link removed"])
def test_the_files_a_link_to_a_folder_led_to_are_removed(linked: Path, given: str, how: str) -> None:
    """QA: with shared/ deleted, `check s` said nothing, `check s/lf` a missing *file*, s/lf modified (`is a
    folder`) and s/lf/p.yaml removed, exit 2. A folder deleted given by name is its files removed, exit 0."""
    if how == "target deleted":
        git(linked, "rm", "-q", "-r", "shared")
    else:
        git(linked, "rm", "-q", "s/lf")
    result = invoke(["check", given, "--base", "HEAD"])
    assert (result.exit_code, result.stdout) == (0, REMOVED_BOTH)
    document = json.loads(invoke(["check", given, "--base", "HEAD", "--format", "json"]).stdout)
    assert document["invalid"] == []
    assert [(change["path"], change["status"]) for change in document["baseline"]["changes"]] == [
        (str(Path("s/lf/p.yaml")), "removed"), (str(Path("s/lf/q.yaml")), "removed")]
    zh = invoke(["check", given, "--base", "HEAD", "--lang", "zh"])
    assert zh.stdout == (f"{Path('s/lf/p.yaml')} (Spec example)：自 HEAD 以来删除\n"
                         f"{Path('s/lf/q.yaml')} (Spec example)：自 HEAD 以来删除\n")


def test_a_file_deleted_behind_a_link_to_a_folder_is_removed_from_the_folder_given(linked: Path) -> None:
    """git lists shared/p.yaml, outside s: s/lf/p.yaml is what `check s` read at HEAD."""
    git(linked, "rm", "-q", "shared/p.yaml")
    result = invoke(["check", "s", "--base", "HEAD"])
    assert (result.exit_code, result.stdout) == (0, f"{Path('s/lf/p.yaml')} (Spec example): removed since HEAD\n")


def test_a_link_to_a_missing_folder_given_alone_is_a_link_to_a_missing_path(linked: Path) -> None:
    """Without --base nothing says what the target was: neither a file nor a folder."""
    git(linked, "rm", "-q", "-r", "shared")
    result = invoke(["check", "s/lf"])
    assert (result.exit_code, result.stdout) == (
        2, f"{Path('s/lf')}:1:1: cannot read file: a symbolic link to a missing path (../shared)\n")
    assert invoke(["check", "s/lf", "--lang", "zh"]).stdout == (
        f"{Path('s/lf')}:1:1: 无法读取文件：符号链接指向的路径不存在（../shared）\n")


@pytest.mark.parametrize(("target", "words"), [
    ("gone.yaml", "a symbolic link to a missing file (gone.yaml)"),
    ("../Plan.YML", "a symbolic link to a missing file (../Plan.YML)"),
    ("../shared/", "a symbolic link to a missing folder (../shared/)"),
    ("../shared", "a symbolic link to a missing path (../shared)"),
])
def test_a_link_to_nothing_names_its_target_by_the_kind_its_text_tells(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str, words: str) -> None:
    monkeypatch.chdir(tmp_path)
    Path("link").symlink_to(target)
    assert invoke(["validate", "link"]).stdout == f"link:1:1: cannot read file: {words}\n"


def test_a_link_up_reports_a_file_once_under_the_name_the_walk_gave_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """s/up -> .. : `check s` read x.yaml at HEAD as s/up/x.yaml (s itself walked once, as s), so with x.yaml and
    s/a.yaml deleted each is removed once, not s/a.yaml also as s/up/s/a.yaml."""
    write(tmp_path, {"s/a.yaml": WINNING, "s/b.yaml": WINNING, "x.yaml": WINNING})
    (tmp_path / "s/up").symlink_to("..")
    commit_all(tmp_path, monkeypatch)
    git(tmp_path, "rm", "-q", "s/a.yaml", "x.yaml")
    result = invoke(["check", "s", "--base", "HEAD"])
    assert (result.exit_code, result.stdout) == (0, f"{Path('s/a.yaml')} (Spec example): removed since HEAD\n"
                                                    f"{Path('s/up/x.yaml')} (Spec example): removed since HEAD\n")
