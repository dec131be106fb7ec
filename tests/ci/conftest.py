"""What every test of the CI layer shares."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from aigc_roi.ci import parallel


@pytest.fixture(autouse=True)
def outside_github(monkeypatch: pytest.MonkeyPatch) -> None:
    """Text output unless a test asks otherwise, also when the suite itself runs in GitHub Actions."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_WORKFLOW", raising=False)


@pytest.fixture
def thread_pools(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The worker pool of `check` and `validate` on 2 cores whatever the machine, on threads in place of processes
    (so no test forks 40 of them): the sizes of the pools started."""
    started: list[int] = []

    def pool(max_workers: int, **_: object) -> ThreadPoolExecutor:
        started.append(max_workers)
        return ThreadPoolExecutor(max_workers)

    monkeypatch.setattr(parallel, "cores", lambda: 2)
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", pool)
    return started
