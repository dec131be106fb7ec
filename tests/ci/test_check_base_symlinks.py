"""`check --base REF` reads a file's version at REF as the working tree's is read: a symbolic link stored at REF is
followed to the file it names there, and a version too large is refused unread.

The scenarios are docs/formulas.md §11's worked example (tests/ci/test_validate_and_check.py) with ``min_roi: 0``:
spend 20,000, net cash -20,000 + 1,000 (p - 1) + 500 (p - 1) + 250 (p - 1) at item price p, so roi = npv / 20,000:
p = 10 gives npv -4,250 (roi -21.25%), p = 12 npv -750 (roi -3.75%). Both miss ``min_roi: 0``.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from cli_runner import invoke
from test_check_zh import commit_all
from test_validate_and_check import example, write

from aigc_roi.model.limits import MAX_FILE_BYTES

AT_10 = example(price=10, targets="min_roi: 0")
AT_12 = example(price=12, targets="min_roi: 0")


def checked(path: str) -> tuple[int, dict[str, Any]]:
    result = invoke(["check", path, "--base", "HEAD", "--format", "json"])
    return result.exit_code, json.loads(result.stdout)


def min_roi_is_new(document: dict[str, Any]) -> bool:
    [scenario] = document["scenarios"]
    [target] = [target for target in scenario["targets"] if target["name"] == "min_roi"]
    assert target["passed"] is False
    return bool(target["new_since_base"])


def npv_before_after(document: dict[str, Any]) -> tuple[float, float]:
    [change] = document["baseline"]["changes"]
    assert change["before_errors"] == []
    return change["figures"]["npv"]["before"], change["figures"]["npv"]["after"]


def test_a_link_at_ref_replaced_by_a_copy_is_compared_with_the_file_it_named(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA F6: the link's text ('real.yaml') was parsed as the scenario, so the miss REF had too was called new."""
    write(tmp_path, {"real.yaml": AT_10})
    (tmp_path / "s.yaml").symlink_to("real.yaml")
    commit_all(tmp_path, monkeypatch)
    (tmp_path / "s.yaml").unlink()
    write(tmp_path, {"s.yaml": AT_12})
    code, document = checked("s.yaml")
    assert code == 1
    assert min_roi_is_new(document) is False
    assert npv_before_after(document) == (pytest.approx(-4_250), pytest.approx(-750))


def test_the_same_bytes_behind_a_link_at_ref_change_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"real.yaml": AT_10})
    (tmp_path / "s.yaml").symlink_to("real.yaml")
    commit_all(tmp_path, monkeypatch)
    (tmp_path / "s.yaml").unlink()
    write(tmp_path, {"s.yaml": AT_10})
    code, document = checked("s.yaml")
    assert (code, min_roi_is_new(document)) == (1, False)
    assert npv_before_after(document) == (pytest.approx(-4_250), pytest.approx(-4_250))


def test_a_link_is_read_relative_to_its_folder_through_linked_folders(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """scenarios/s.yaml -> ../linked/a.yaml, where linked -> shared is itself a link at REF; now it names b.yaml."""
    write(tmp_path, {"shared/a.yaml": AT_10, "shared/b.yaml": AT_12})
    (tmp_path / "linked").symlink_to("shared")
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "scenarios/s.yaml").symlink_to("../linked/a.yaml")
    commit_all(tmp_path, monkeypatch)
    (tmp_path / "scenarios/s.yaml").unlink()
    (tmp_path / "scenarios/s.yaml").symlink_to("../shared/b.yaml")
    code, document = checked("scenarios")
    assert (code, min_roi_is_new(document)) == (1, False)
    assert npv_before_after(document) == (pytest.approx(-4_250), pytest.approx(-750))


def broken_link_at_head(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    """s.yaml stored at HEAD as a link that leads to no file of the tree; a scenario file now."""
    inside = tmp_path / "repo"
    inside.mkdir()
    write(tmp_path, {"outside.yaml": AT_10})
    if kind == "loop":
        (inside / "t.yaml").symlink_to("s.yaml")
    (inside / "s.yaml").symlink_to({"dangling": "gone.yaml", "loop": "t.yaml", "escape": "../outside.yaml"}[kind])
    commit_all(inside, monkeypatch)
    (inside / "s.yaml").unlink()
    write(inside, {"s.yaml": AT_12})


@pytest.mark.parametrize(("kind", "reason"), [
    # In the working tree's words for a link to nothing (reader/opening.py), not `No such file or directory` (QA).
    ("dangling", "cannot read file: a symbolic link to a missing file (gone.yaml)"),
    ("loop", f"cannot read file: {os.strerror(errno.ELOOP)}"),
    ("escape", "cannot read file: a symbolic link to a file outside the repository"),
])
def test_a_link_at_ref_that_leads_nowhere_in_the_tree_is_unreadable_there(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, reason: str) -> None:
    """As the working tree says of such a link; a link out of the repository has no version at REF to read."""
    broken_link_at_head(tmp_path, monkeypatch, kind)
    code, document = checked("s.yaml")
    assert (code, min_roi_is_new(document)) == (1, True)  # no valid version at REF: as a file new there
    [change] = document["baseline"]["changes"]
    assert [(error["file"], error["line"], error["column"], error["message"]) for error in change["before_errors"]] == [
        ("HEAD:s.yaml", 1, 1, reason)]


def test_a_link_out_of_the_repository_in_chinese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken_link_at_head(tmp_path, monkeypatch, "escape")
    result = invoke(["check", "s.yaml", "--base", "HEAD", "--lang", "zh"])
    assert "无法读取文件：符号链接指向仓库之外的文件" in result.stdout, result.stdout


@pytest.fixture
def largest_output(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The length of each output of a program the command runs (git), recorded."""
    lengths: list[int] = []
    run = subprocess.run

    def recorded(*args: Any, **kwargs: Any) -> Any:
        done = run(*args, **kwargs)
        lengths.append(len(done.stdout or b""))
        return done

    monkeypatch.setattr(subprocess, "run", recorded)
    return lengths


@pytest.mark.parametrize("linked", [False, True])
def test_a_version_at_ref_over_the_limit_is_refused_unread(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, largest_output: list[int], linked: bool) -> None:
    """QA F6: a 200 MB file at REF was read whole (427 MB of memory) before its size was checked."""
    size = 2 * MAX_FILE_BYTES
    write(tmp_path, {"big.yaml": "#" * (size - 1) + "\n"})
    if linked:
        (tmp_path / "s.yaml").symlink_to("big.yaml")
    commit_all(tmp_path, monkeypatch)
    name = "s.yaml" if linked else "big.yaml"
    (tmp_path / name).unlink()
    write(tmp_path, {name: AT_12})
    code, document = checked(name)
    assert code == 1
    [change] = document["baseline"]["changes"]
    assert [error["message"] for error in change["before_errors"]] == [
        "file is 2,097,152 bytes; the limit is 1,048,576 (1 MiB)"]
    assert max(largest_output) < MAX_FILE_BYTES


def test_names_holding_a_newline_are_read_each_as_its_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """git is asked for every file at once, one name a line; a name with a line break in it is sent NUL-ended, and
    a broken link's answer (which repeats the name) does not shift the answers of the files after it."""
    write(tmp_path, {"scenarios/b.yaml": AT_10})
    (tmp_path / "scenarios/a\nlink.yaml").symlink_to("gone.yaml")
    commit_all(tmp_path, monkeypatch)
    (tmp_path / "scenarios/a\nlink.yaml").unlink()
    write(tmp_path, {"scenarios/a\nlink.yaml": AT_12, "scenarios/b.yaml": AT_12})
    result = invoke(["check", "scenarios", "--base", "HEAD", "--format", "json"])
    changes = {change["path"]: change for change in json.loads(result.stdout)["baseline"]["changes"]}
    assert [error["message"] for error in changes[str(Path("scenarios/a\nlink.yaml"))]["before_errors"]] == [
        "cannot read file: a symbolic link to a missing file (gone.yaml)"]
    after = changes[str(Path("scenarios/b.yaml"))]
    assert (after["before_errors"], after["figures"]["npv"]["before"]) == ([], pytest.approx(-4_250))
