"""`check --base REF` and scenario files at REF gone now that a given path reached through folder links (docs/ci.md).

- One file reached through two links (``s/lf -> ../shared``, ``s/up -> ..``) is removed once, under the name the
  walk of the folder gives it when it is there: folders in the order the walk meets them, each real folder once
  (QA: both ``s/lf/p.yaml`` and ``s/up/shared/p.yaml`` were removed).
- A link to a folder re-pointed at a missing path is removed with the files it led to at REF whether the folder,
  the link or a file through it is given (QA: the link or file given said `cannot read file`, exit 2).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke
from test_check_zh import commit_all, git
from test_validate_and_check import WINNING, write


def _removed(*names: str) -> str:
    return "".join(f"{Path(name)} (Spec example): removed since HEAD\n" for name in names)


def _changes(given: str) -> list[tuple[str, str]]:
    document = json.loads(invoke(["check", given, "--base", "HEAD", "--format", "json"]).stdout)
    assert document["invalid"] == []
    return [(change["path"], change["status"]) for change in document["baseline"]["changes"]]


def test_a_file_deleted_behind_two_links_is_removed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The walk of s lists lf and up at once, claiming shared/ and the top; up/shared is then shared/ again, walked
    already: p.yaml is s/lf/p.yaml, and so is its removal."""
    write(tmp_path, {"s/a.yaml": WINNING, "shared/p.yaml": WINNING})
    (tmp_path / "s/lf").symlink_to("../shared")
    (tmp_path / "s/up").symlink_to("..")
    commit_all(tmp_path, monkeypatch)
    git(tmp_path, "rm", "-q", "-r", "shared")
    result = invoke(["check", "s", "--base", "HEAD"])
    assert (result.exit_code, result.stdout) == (0, _removed("s/lf/p.yaml"))
    assert _changes("s") == [(str(Path("s/lf/p.yaml")), "removed")]
    assert invoke(["check", "s", "--base", "HEAD", "--lang", "zh"]).stdout == (
        f"{Path('s/lf/p.yaml')} (Spec example)：自 HEAD 以来删除\n")


def test_the_name_kept_is_the_walks_not_the_first_sorted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """s/a/b -> ../../shared sorts before s/z -> ../shared, but the walk lists s/a and s/z together, claiming
    shared/ for s/z before it walks s/a: p.yaml is read as s/z/p.yaml, and removed under that name."""
    write(tmp_path, {"s/k.yaml": WINNING, "shared/p.yaml": WINNING})
    (tmp_path / "s/a").mkdir()
    (tmp_path / "s/a/b").symlink_to("../../shared")
    (tmp_path / "s/z").symlink_to("../shared")
    commit_all(tmp_path, monkeypatch)
    checked = json.loads(invoke(["check", "s", "--format", "json"]).stdout)
    assert [scenario["path"] for scenario in checked["scenarios"]] == [str(Path("s/k.yaml")), str(Path("s/z/p.yaml"))]
    git(tmp_path, "rm", "-q", "-r", "shared")
    result = invoke(["check", "s", "--base", "HEAD"])
    assert (result.exit_code, result.stdout) == (0, _removed("s/z/p.yaml"))


@pytest.mark.parametrize(("given", "names"), [
    ("s", ("s/lf/p.yaml", "s/lf/q.yaml")),
    ("s/lf", ("s/lf/p.yaml", "s/lf/q.yaml")),
    ("s/lf/p.yaml", ("s/lf/p.yaml",)),
])
def test_a_link_re_pointed_at_a_missing_path_removes_its_files_however_named(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str, names: tuple[str, ...]) -> None:
    """shared/ is still there; s/lf no longer leads to it, so what s/lf held at HEAD is gone from s."""
    write(tmp_path, {"s/a.yaml": WINNING, "shared/p.yaml": WINNING, "shared/q.yaml": WINNING})
    (tmp_path / "s/lf").symlink_to("../shared")
    commit_all(tmp_path, monkeypatch)
    (tmp_path / "s/lf").unlink()
    (tmp_path / "s/lf").symlink_to("../gone")
    result = invoke(["check", given, "--base", "HEAD"])
    assert (result.exit_code, result.stdout) == (0, _removed(*names))
    assert _changes(given) == [(str(Path(name)), "removed") for name in names]
    zh = invoke(["check", given, "--base", "HEAD", "--lang", "zh"])
    assert (zh.exit_code, zh.stdout.splitlines()[0]) == (0, f"{Path(names[0])} (Spec example)：自 HEAD 以来删除")
