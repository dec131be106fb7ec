"""`check --base REF` with two given paths reaching one file deleted since REF (s/a/b -> ../../shared,
s/z -> ../shared, shared deleted): the file is removed once, exit 0, as either path alone says (QA: the second path
said `cannot read file: a symbolic link to a missing path`, exit 2). A link to a missing file stays an error."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from test_check_zh import commit_all, git
from test_validate_and_check import WINNING, write


def _two_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"shared/p.yaml": WINNING})
    (tmp_path / "s/a").mkdir(parents=True)
    (tmp_path / "s/a/b").symlink_to("../../shared")
    (tmp_path / "s/z").symlink_to("../shared")
    commit_all(tmp_path, monkeypatch)
    git(tmp_path, "rm", "-q", "-r", "shared")


@pytest.mark.parametrize(("given", "first"), [(["s/z", "s/a/b"], "s/z"), (["s/a/b", "s/z"], "s/a/b"),
                                              (["s/z/p.yaml", "s/a/b/p.yaml"], "s/z")])
def test_one_file_deleted_reached_by_two_paths_is_removed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               given: list[str], first: str) -> None:
    _two_links(tmp_path, monkeypatch)
    result = invoke(["check", *given, "--base", "HEAD"])
    assert (result.exit_code, result.stdout) == (0, f"{Path(first, 'p.yaml')} (Spec example): removed since HEAD\n")


def test_a_link_to_a_missing_file_stays_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """l.yaml -> gone.yaml, gone.yaml deleted: gone.yaml is removed, l.yaml still there, broken: exit 2."""
    write(tmp_path, {"gone.yaml": WINNING})
    (tmp_path / "l.yaml").symlink_to("gone.yaml")
    commit_all(tmp_path, monkeypatch)
    git(tmp_path, "rm", "-q", "gone.yaml")
    result = invoke(["check", "gone.yaml", "l.yaml", "--base", "HEAD"])
    assert result.exit_code == 2 and "gone.yaml (Spec example): removed since HEAD" in result.stdout
