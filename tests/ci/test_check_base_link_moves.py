"""`check --base REF` and one file read by another path now than at REF, a link to a folder on a way (docs/ci.md,
ci/link_moves.py).

- Renamed behind a link, at any depth of links: `renamed (was ...)`, as through the real folder (QA: `removed` and
  `new since REF`, or `new` alone).
- A link re-pointed, the file it led to reached by a link added: renamed, as a plain folder renamed is; still checked
  by a path it had at REF too: no removal (QA: `removed` under the link's name).
- A link to a folder re-pointed at a missing path, its files all still checked by other paths: the link is one error,
  `a symbolic link to a missing path`, exit 2, as without --base (QA: `No scenario changed`, exit 0).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke
from test_check_zh import commit_all, git
from test_validate_and_check import WINNING, write


def _repoint(link: Path, target: str) -> None:
    link.unlink()
    link.symlink_to(target)


# (the links, the path given, the folder the run names the files by)
LINKS = [
    ({"plans": "real/plans"}, "plans", "plans"),
    ({"s/plans": "../real/plans"}, "s", "s/plans"),
    ({"s/plans": "../real/plans"}, "s/plans", "s/plans"),
    ({"s/deep/lf": "../../real/plans"}, "s", "s/deep/lf"),
    # A link to a link: s/hop -> ../mid, mid -> real/plans.
    ({"mid": "real/plans", "s/hop": "../mid"}, "s", "s/hop"),
    ({"mid": "real/plans", "s/hop": "../mid"}, "s/hop", "s/hop"),
]


@pytest.mark.parametrize(("links", "given", "shown"), LINKS)
@pytest.mark.parametrize("edited", [False, True])
def test_a_file_renamed_behind_a_link_is_renamed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 links: dict[str, str], given: str, shown: str, edited: bool) -> None:
    write(tmp_path, {"real/plans/a.yaml": WINNING, "real/plans/b.yaml": WINNING})
    for link, target in links.items():
        (tmp_path / link).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / link).symlink_to(target)
    commit_all(tmp_path, monkeypatch)
    git(tmp_path, "mv", "real/plans/a.yaml", "real/plans/c.yaml")
    if edited:
        # A comment: git still pairs the two, and no figure moves.
        with (tmp_path / "real/plans/c.yaml").open("a", encoding="utf-8") as file:
            file.write("# moved\n")
    new, old = Path(shown, "c.yaml"), Path(shown, "a.yaml")
    result = invoke(["check", given, "--base", "HEAD"])
    assert (result.exit_code, result.stdout) == (
        0, f"{new} (Spec example): renamed (was {old} at HEAD); no figure changed\n")
    assert invoke(["check", given, "--base", "HEAD", "--lang", "zh"]).stdout.startswith(f"{new} (Spec example)：")
    document = json.loads(invoke(["check", given, "--base", "HEAD", "--format", "json"]).stdout)
    assert [(change["path"], change["status"], change["old_path"]) for change in document["baseline"]["changes"]] == [
        (str(new), "renamed", str(old))]
    # The same rename read through the real folder says the same.
    direct = invoke(["check", "real/plans", "--base", "HEAD"]).stdout
    assert direct == (f"{Path('real/plans/c.yaml')} (Spec example): renamed (was {Path('real/plans/a.yaml')} at "
                      "HEAD); no figure changed\n")


@pytest.fixture
def repointed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """At HEAD: x/p.yaml, y/q.yaml, s/a -> ../x."""
    write(tmp_path, {"x/p.yaml": WINNING, "y/q.yaml": WINNING})
    (tmp_path / "s").mkdir()
    (tmp_path / "s/a").symlink_to("../x")
    return tmp_path


def test_a_link_re_pointed_and_one_added_to_the_old_folder_is_a_rename(repointed: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """s/a -> ../y now, s/b -> ../x added: x/p.yaml, read as s/a/p.yaml at REF, is s/b/p.yaml now, as `git mv s/a
    s/b` of a plain folder reads; y/q.yaml is new to s."""
    commit_all(repointed, monkeypatch)
    _repoint(repointed / "s/a", "../y")
    (repointed / "s/b").symlink_to("../x")
    result = invoke(["check", "s", "--base", "HEAD"])
    assert (result.exit_code, result.stdout.splitlines()) == (0, [
        f"{Path('s/a/q.yaml')} (Spec example): new since HEAD",
        f"{Path('s/b/p.yaml')} (Spec example): renamed (was {Path('s/a/p.yaml')} at HEAD); no figure changed"])
    assert invoke(["check", "s", "--base", "HEAD", "--lang", "zh"]).stdout.splitlines()[1] == (
        f"{Path('s/b/p.yaml')} (Spec example)：已重命名（HEAD 时为 {Path('s/a/p.yaml')}）；数字均未变化")


@pytest.mark.parametrize("given", [["s"], ["s", "x"], ["s/a", "s/b"]])
def test_a_file_still_checked_by_a_path_it_had_is_not_removed(repointed: Path, monkeypatch: pytest.MonkeyPatch,
                                                              given: list[str]) -> None:
    """s/a and s/b -> ../x at REF, s/a -> ../y now: x/p.yaml is still there and read as s/b/p.yaml; only y/q.yaml,
    new to s/a, is a change."""
    (repointed / "s/b").symlink_to("../x")
    commit_all(repointed, monkeypatch)
    _repoint(repointed / "s/a", "../y")
    result = invoke(["check", *given, "--base", "HEAD"])
    assert (result.exit_code, result.stdout) == (0, f"{Path('s/a/q.yaml')} (Spec example): new since HEAD\n")
    document = json.loads(invoke(["check", *given, "--base", "HEAD", "--format", "json"]).stdout)
    assert [(change["path"], change["status"]) for change in document["baseline"]["changes"]] == [
        (str(Path("s/a/q.yaml")), "new")]


MISSING = f"{Path('s/a')}:1:1: cannot read file: a symbolic link to a missing path (../gone)"
MISSING_ZH = f"{Path('s/a')}:1:1: 无法读取文件：符号链接指向的路径不存在（../gone）"


@pytest.mark.parametrize("given", [["s", "x"], ["x", "s"], ["s/a", "x"], ["x", "s/a"]])
def test_a_link_re_pointed_at_nothing_its_files_still_checked_is_an_error(
        repointed: Path, monkeypatch: pytest.MonkeyPatch, given: list[str]) -> None:
    """s/a -> ../gone now, x/ still there and given: no removal stands for s/a, which is the link to a missing path
    it is without --base, reported once."""
    commit_all(repointed, monkeypatch)
    _repoint(repointed / "s/a", "../gone")
    result = invoke(["check", *given, "--base", "HEAD"])
    assert (result.exit_code, result.stdout.splitlines()) == (2, [MISSING, "No scenario changed since HEAD."])
    zh = invoke(["check", *given, "--base", "HEAD", "--lang", "zh"])
    assert (zh.exit_code, zh.stdout.splitlines()) == (2, [MISSING_ZH, "自 HEAD 以来没有方案改动。"])
    document = json.loads(invoke(["check", *given, "--base", "HEAD", "--format", "json"]).stdout)
    assert document["baseline"]["changes"] == []
    assert [(error["file"], error["message"]) for error in document["invalid"]] == [
        (str(Path("s/a")), "cannot read file: a symbolic link to a missing path (../gone)")]


@pytest.mark.parametrize("given", ["s", "s/a"])
def test_a_link_re_pointed_at_nothing_alone_still_removes_its_files(repointed: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   given: str) -> None:
    """x/ not checked: the run no longer reads x/p.yaml, which s/a led to at REF; removed, as with the link removed."""
    commit_all(repointed, monkeypatch)
    _repoint(repointed / "s/a", "../gone")
    result = invoke(["check", given, "--base", "HEAD"])
    assert (result.exit_code, result.stdout) == (0, f"{Path('s/a/p.yaml')} (Spec example): removed since HEAD\n")


def test_a_file_copied_behind_a_link_is_copied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """diff.renames=copies: real/plans/d.yaml copied from a.yaml (edited in the same change, so git reads it as a
    copy) is `copied (from plans/a.yaml ...)` through plans -> real/plans, as through real/plans."""
    write(tmp_path, {"real/plans/a.yaml": WINNING})
    (tmp_path / "plans").symlink_to("real/plans")
    commit_all(tmp_path, monkeypatch)
    git(tmp_path, "config", "diff.renames", "copies")
    write(tmp_path, {"real/plans/d.yaml": WINNING, "real/plans/a.yaml": WINNING + "# edited\n"})
    git(tmp_path, "add", "-A")
    result = invoke(["check", "plans", "--base", "HEAD"])
    assert (result.exit_code, result.stdout.splitlines()) == (0, [
        f"{Path('plans/a.yaml')} (Spec example): modified; no figure changed",
        f"{Path('plans/d.yaml')} (Spec example): copied (from {Path('plans/a.yaml')} at HEAD); no figure changed"])
