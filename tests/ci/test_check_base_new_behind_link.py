"""`check --base REF` and a scenario file added since REF behind a link to a folder (docs/ci.md).

A path through a link (``s/lf/new.yaml``, ``s/lf -> ../shared``) whose rest names nothing in REF's tree names
nothing there: the file is new since REF, as ``s/sub/n.yaml`` is in a plain folder. QA: it was `modified`, every
figure before `invalid`, its REF side read as the folder the link leads to (`is a folder, not a scenario file`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke
from test_check_zh import commit_all, git
from test_validate_and_check import WINNING, write


def _linked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """s/lf -> ../shared, shared/p.yaml, committed: REF is HEAD."""
    write(tmp_path, {"shared/p.yaml": WINNING})
    (tmp_path / "s").mkdir()
    (tmp_path / "s/lf").symlink_to("../shared")
    commit_all(tmp_path, monkeypatch)


def _changes(given: str) -> list[tuple[str, str]]:
    document = json.loads(invoke(["check", given, "--base", "HEAD", "--format", "json"]).stdout)
    assert document["invalid"] == []
    return [(change["path"], change["status"]) for change in document["baseline"]["changes"]]


def _says(*lines: tuple[str, str]) -> str:
    return "".join(f"{Path(name)} (Spec example): {status} since HEAD\n" for name, status in lines)


@pytest.mark.parametrize("committed", [False, True])
@pytest.mark.parametrize("added", ["new.yaml", "deep/n.yaml"])
@pytest.mark.parametrize("given", ["s", "s/lf", "s/lf/{added}"])
def test_a_file_added_behind_a_link_is_new(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, added: str,
                                           given: str, committed: bool) -> None:
    """Untracked or committed after REF, in the linked folder or a folder new there: new, whichever path is given."""
    _linked(tmp_path, monkeypatch)
    write(tmp_path, {f"shared/{added}": WINNING})
    ref = "HEAD"
    if committed:
        git(tmp_path, "add", "-A")
        git(tmp_path, "commit", "-q", "-m", "added")
        ref = "HEAD~1"
    path, shown = given.format(added=added), Path(f"s/lf/{added}")
    result = invoke(["check", path, "--base", ref])
    assert (result.exit_code, result.stdout) == (0, f"{shown} (Spec example): new since {ref}\n")
    document = json.loads(invoke(["check", path, "--base", ref, "--format", "json"]).stdout)
    assert [(change["path"], change["status"]) for change in document["baseline"]["changes"]] == [(str(shown), "new")]
    assert invoke(["check", path, "--base", ref, "--lang", "zh"]).stdout == f"{shown} (Spec example)：自 {ref} 以来新增\n"


def test_a_file_renamed_behind_a_link_is_renamed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """git mv shared/p.yaml shared/p2.yaml: renamed, as through shared/ itself (QA: p2.yaml `modified`, `is a folder`;
    then p.yaml removed and p2.yaml new, ci/link_moves.py)."""
    _linked(tmp_path, monkeypatch)
    git(tmp_path, "mv", "shared/p.yaml", "shared/p2.yaml")
    result = invoke(["check", "s", "--base", "HEAD"])
    assert (result.exit_code, result.stdout) == (
        0, f"{Path('s/lf/p2.yaml')} (Spec example): renamed (was {Path('s/lf/p.yaml')} at HEAD); no figure changed\n")
    assert _changes("s") == [(str(Path("s/lf/p2.yaml")), "renamed")]


def test_a_file_behind_a_link_dangling_at_ref_is_new(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """s/lf -> ../gone at REF, re-pointed at ../shared since: s/lf/p.yaml named nothing at REF."""
    write(tmp_path, {"shared/p.yaml": WINNING})
    (tmp_path / "s").mkdir()
    (tmp_path / "s/lf").symlink_to("../gone")
    commit_all(tmp_path, monkeypatch)
    (tmp_path / "s/lf").unlink()
    (tmp_path / "s/lf").symlink_to("../shared")
    result = invoke(["check", "s/lf/p.yaml", "--base", "HEAD"])
    assert (result.exit_code, result.stdout) == (0, _says(("s/lf/p.yaml", "new")))
    assert _changes("s") == [(str(Path("s/lf/p.yaml")), "new")]
