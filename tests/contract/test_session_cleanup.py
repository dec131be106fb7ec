"""A test session leaves nothing in the temporary folder but pytest's own (tests/scratch.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_a_session_removes_its_scratch_folders(tmp_path: Path) -> None:
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    # Two tests that write through module-level scratch folders, one of them a hypothesis property.
    chosen = ["tests/model/test_properties.py::test_superscript_retention_age_is_a_located_error",
              "tests/contract/test_fuzz.py::test_mutated_scenarios_never_reach_the_last_resort_handler"]
    env = {**os.environ, "TMPDIR": str(temporary)}
    done = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--hypothesis-seed=0",
                           *chosen], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 passed" in done.stdout, done.stdout
    # pytest keeps its own basetemp (the last three sessions'); nothing else may stay.
    assert [entry.name for entry in temporary.iterdir() if not entry.name.startswith("pytest-of-")] == []
