"""Tests see the same environment locally, in CI and under GitHub Actions."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_runner import invoke
from hypothesis import is_hypothesis_test
from scratch import SESSION_FOLDER
from spec_example import WORKED_EXAMPLE
from typer.testing import Result

from aigc_roi.cli.streams import start_invocation


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # A property test runs its body a hundred times or more: all of them are slow, wherever they live.
    for item in items:
        if is_hypothesis_test(getattr(item, "obj", None)):
            item.add_marker(pytest.mark.slow)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    shutil.rmtree(SESSION_FOLDER, ignore_errors=True)


@pytest.fixture(autouse=True)
def _neutral_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    # GITHUB_ACTIONS switches validate/check to annotations and a Chinese
    # locale switches labels to zh; tests that want either set it themselves.
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    # A terminal's size exported by the shell would change every table's layout.
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("LINES", raising=False)
    # Each test starts as a fresh process does: an earlier in-process invocation's -q, language or held refusal
    # (cli/streams.py's context variables) would reach a test that calls the CLI's helpers directly (a progress bar
    # left None by another test's `validate -q`).
    start_invocation([])


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """The spec's worked example written to a file."""
    path = tmp_path / "example.yaml"
    path.write_text(WORKED_EXAMPLE, encoding="utf-8")
    return path


@pytest.fixture
def cli() -> Callable[..., Result]:
    """``cli(["run", path])``: the shared in-process runner (``cli_runner.invoke``)."""
    return invoke
