"""`check --base REF` and a folder given that holds no scenario file now but held some at REF (docs/ci.md): its files
are removed since REF, exit 0, as a folder deleted is (QA: `s: no *.yaml or *.yml files in this folder`, exit 2, the
deletion unsaid). Without --base, or where the folder held none at REF either, it is still refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from test_check_zh import commit_all, git
from test_validate_and_check import WINNING, write


def test_a_folder_whose_only_subfolder_was_deleted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"s/sub/p.yaml": WINNING, "t/x.txt": "not a scenario\n"})
    commit_all(tmp_path, monkeypatch)
    git(tmp_path, "rm", "-q", "-r", "s/sub")
    (tmp_path / "s").mkdir(exist_ok=True)
    result = invoke(["check", "s", "--base", "HEAD"])
    assert (result.exit_code, result.stdout) == (0, f"{Path('s/sub/p.yaml')} (Spec example): removed since HEAD\n")
    assert invoke(["check", "s", "--base", "HEAD", "--lang", "zh"]).stdout == (
        f"{Path('s/sub/p.yaml')} (Spec example)：自 HEAD 以来删除\n")
    # Without --base, an empty folder is still the mistyped path it almost always is.
    refused = invoke(["check", "s"])
    assert refused.exit_code == 2 and "s: no *.yaml or *.yml files in this folder" in refused.output
    # A folder that held no scenario file at REF either is refused with --base too.
    never = invoke(["check", "t", "--base", "HEAD"])
    assert never.exit_code == 2 and "t: no *.yaml or *.yml files in this folder" in never.output


def test_a_folder_holding_only_links_to_a_deleted_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """s/z -> ../shared; shared deleted: s holds a broken link only, and its one file at REF is removed."""
    write(tmp_path, {"shared/p.yaml": WINNING})
    (tmp_path / "s").mkdir()
    (tmp_path / "s/z").symlink_to("../shared")
    commit_all(tmp_path, monkeypatch)
    git(tmp_path, "rm", "-q", "-r", "shared")
    result = invoke(["check", "s", "--base", "HEAD"])
    assert (result.exit_code, result.stdout) == (0, f"{Path('s/z/p.yaml')} (Spec example): removed since HEAD\n")
