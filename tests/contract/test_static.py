"""Lint and type checks run with the tests, so CI enforces them too."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

# ruff and mypy take most of a minute on a busy machine: the everyday loop (-m "not slow") skips them, CI runs them.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_finds_nothing() -> None:
    result = run("ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing() -> None:
    result = run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr
