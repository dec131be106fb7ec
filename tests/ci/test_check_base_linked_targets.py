"""`check --base REF` compares a file reached through a symbolic link by the path the run reaches it by: what that
path names at REF (REF's links followed) against what it names now (the working tree's links followed). An edited
target and a re-pointed link are changes; git lists neither under that path (QA fin3 F1).

The scenarios are docs/formulas.md §11's worked example (tests/ci/test_validate_and_check.py) with
``max_npv_drop: 100``: spend 20,000 and 1,000 + 500 + 250 = 1,750 user-months each netting p - 1 at item price p,
so npv = 1,750 (p - 1) - 20,000: p = 12 gives -750, p = 10 gives -4,250, a drop of 3,500 > 100.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cli_runner import invoke
from test_check_zh import commit_all
from test_validate_and_check import example, write

AT_12 = example(price=12, targets="max_npv_drop: 100")
AT_10 = example(price=10, targets="max_npv_drop: 100")


def checked(*paths: str) -> tuple[int, dict[str, Any]]:
    result = invoke(["check", *paths, "--base", "HEAD", "--format", "json"])
    return result.exit_code, json.loads(result.stdout)


def npv_dropped(code: int, document: dict[str, Any], path: str) -> None:
    """``path`` is the one file checked, modified, its npv -750 -> -4,250 and max_npv_drop missed on it."""
    assert [scenario["path"] for scenario in document["scenarios"]] == [str(Path(path))]
    [change] = document["baseline"]["changes"]
    assert (change["path"], change["status"]) == (str(Path(path)), "modified")
    npv = change["figures"]["npv"]
    assert (npv["before"], npv["after"]) == (pytest.approx(-750), pytest.approx(-4_250))
    [target] = [t for t in document["scenarios"][0]["targets"] if t["name"] == "max_npv_drop"]
    assert (target["passed"], target["actual"]) == (False, pytest.approx(3_500))
    assert code == 1


def linked_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """sc/shared -> ../shared at HEAD, shared/plan.yaml at price 12; other/plan.yaml at price 10."""
    write(tmp_path, {"shared/plan.yaml": AT_12, "other/plan.yaml": AT_10, "sc/own.yaml": AT_12})
    (tmp_path / "sc/shared").symlink_to("../shared")
    commit_all(tmp_path, monkeypatch)


@pytest.mark.parametrize("given", ["sc", "sc/shared", "sc/shared/plan.yaml"])
def test_a_target_edited_behind_a_linked_folder_is_a_change_of_the_linked_path(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str) -> None:
    linked_folder(tmp_path, monkeypatch)
    write(tmp_path, {"shared/plan.yaml": AT_10})
    code, document = checked(given)
    if given == "sc":  # sc/own.yaml is checked too, unchanged
        document["scenarios"] = [s for s in document["scenarios"] if s["path"] != str(Path("sc/own.yaml"))]
    npv_dropped(code, document, "sc/shared/plan.yaml" if given != "sc/shared/plan.yaml" else given)


@pytest.mark.parametrize("given", ["sc/shared", "sc/shared/plan.yaml"])
def test_a_linked_folder_re_pointed_is_a_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str) -> None:
    linked_folder(tmp_path, monkeypatch)
    (tmp_path / "sc/shared").unlink()
    (tmp_path / "sc/shared").symlink_to("../other")
    npv_dropped(*checked(given), "sc/shared/plan.yaml")


def test_a_target_edited_behind_a_linked_file_is_a_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"shared/plan.yaml": AT_12})
    (tmp_path / "sc").mkdir()
    (tmp_path / "sc/link.yaml").symlink_to("../shared/plan.yaml")
    commit_all(tmp_path, monkeypatch)
    write(tmp_path, {"shared/plan.yaml": AT_10})
    npv_dropped(*checked("sc"), "sc/link.yaml")


def test_one_file_reached_by_two_paths_is_checked_once_and_its_change_found(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """sc/a.yaml -> real.yaml: one file, checked under the first name met (sorted: a.yaml), as docs/ci.md promises."""
    write(tmp_path, {"sc/real.yaml": AT_12})
    (tmp_path / "sc/a.yaml").symlink_to("real.yaml")
    commit_all(tmp_path, monkeypatch)
    write(tmp_path, {"sc/real.yaml": AT_10})
    npv_dropped(*checked("sc"), "sc/a.yaml")


def test_a_link_re_pointed_to_the_same_bytes_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"shared/plan.yaml": AT_12, "copy/plan.yaml": AT_12})
    (tmp_path / "sc").mkdir()
    (tmp_path / "sc/shared").symlink_to("../shared")
    (tmp_path / "sc/link.yaml").symlink_to("../shared/plan.yaml")
    commit_all(tmp_path, monkeypatch)
    for link in ("sc/shared", "sc/link.yaml"):
        (tmp_path / link).unlink()
    (tmp_path / "sc/shared").symlink_to("../copy")
    (tmp_path / "sc/link.yaml").symlink_to("../copy/plan.yaml")
    code, document = checked("sc")
    assert (code, document["baseline"]["changes"]) == (0, [])


def test_a_link_added_since_ref_is_new(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"shared/plan.yaml": AT_12, "sc/own.yaml": AT_12})
    commit_all(tmp_path, monkeypatch)
    (tmp_path / "sc/shared").symlink_to("../shared")
    code, document = checked("sc")
    assert [(c["path"], c["status"]) for c in document["baseline"]["changes"]] == [
        (str(Path("sc/shared/plan.yaml")), "new")]
    assert code == 0
