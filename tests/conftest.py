"""Tests see the same environment locally, in CI and under GitHub Actions."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _neutral_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    # GITHUB_ACTIONS switches validate/check to annotations and a Chinese
    # locale switches labels to zh; tests that want either set it themselves.
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
