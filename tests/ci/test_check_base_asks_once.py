"""`check --base REF` asks git where each folder's repository is once a run: the walk that finds where the given
paths lie and the comparison that enters the repositories nested in them share ci/located.py's answers, where the
comparison asked a nested repository's top again."""

from __future__ import annotations

import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from cli_runner import invoke
from test_check_base_outer_repository import AT, own_repository
from test_check_zh import commit_all
from test_validate_and_check import write


def test_a_nested_repository_is_asked_its_top_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """scenarios/shared, a repository of its own the outer one records: a file in it given, and a link to it
    (scenarios/s.yaml -> shared/plan.yaml, one file by two spellings, which the run asks what each named at REF)."""
    own_repository(tmp_path / "scenarios/shared", monkeypatch)
    write(tmp_path, {"scenarios/top.yaml": AT[14]})
    (tmp_path / "scenarios/s.yaml").symlink_to("shared/plan.yaml")
    commit_all(tmp_path, monkeypatch)
    asked: Counter[str] = Counter()
    run = subprocess.run

    def counted(command: list[str], **options: Any) -> Any:
        if "--show-toplevel" in command:
            asked[command[command.index("-C") + 1]] += 1
        return run(command, **options)

    monkeypatch.setattr(subprocess, "run", counted)
    result = invoke(["check", "scenarios/shared/plan.yaml", "scenarios/s.yaml", "scenarios/top.yaml", "--base", "HEAD",
                     "--format", "json"])
    assert result.exit_code in (0, 1), result.stderr
    shared = str((tmp_path / "scenarios/shared").resolve())
    assert asked[shared] == 1
    assert set(asked.values()) == {1}
