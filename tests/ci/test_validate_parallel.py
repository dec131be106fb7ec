"""`validate` over many files in worker processes says what one process says, file by file in the files' order, in
every format (ci/parallel.py ``validated``)."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from cli_runner import invoke
from test_ci_warnings import PLAN
from test_validate_and_check import BROKEN, LOSING, write

from aigc_roi.ci import checks, parallel

TEXTS = [LOSING, BROKEN, PLAN, "name: [unclosed\n", LOSING, BROKEN]
"""Valid, invalid (two errors), valid with a warning (a gate that stops nothing), not YAML at all, and again."""


@pytest.fixture
def pooled(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A pool from 2 files on 2 cores whatever the machine; the sizes of the pools started."""
    started: list[int] = []

    class Recorded(ProcessPoolExecutor):
        def __init__(self, max_workers: int, **kwargs: object) -> None:
            started.append(max_workers)
            super().__init__(max_workers, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(checks, "POOL_FROM", 2)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", Recorded)
    return started


@pytest.mark.parametrize("format_", ["text", "json", "github"])
def test_workers_say_what_one_process_says(tmp_path: Path, pooled: list[int], format_: str) -> None:
    write(tmp_path, {f"s{i}.yaml": text for i, text in enumerate(TEXTS)})
    args = ["validate", str(tmp_path), str(tmp_path / "missing.yaml"), "--format", format_]
    alone = invoke([*args, "--jobs", "1"])
    assert pooled == []
    on_workers = invoke([*args, "--jobs", "2"])
    assert pooled == [2]
    assert (on_workers.exit_code, on_workers.stdout, on_workers.stderr) == (alone.exit_code, alone.stdout, alone.stderr)
    assert on_workers.exit_code == 2
    # s1 and s5 (two errors each), s3 (one) and the missing file (one).
    assert on_workers.stderr.endswith("7 files, 4 invalid, 6 errors\n")


def test_findings_come_in_the_files_order(tmp_path: Path, pooled: list[int]) -> None:
    """Chunks finish in any order; their findings are given in the order of the files (s0 ... s5, then missing)."""
    write(tmp_path, {f"s{i}.yaml": text for i, text in enumerate(TEXTS)})
    done = invoke(["validate", str(tmp_path), str(tmp_path / "missing.yaml"), "--jobs", "2"])
    assert pooled == [2]
    files = [line.split(":")[0] for line in done.stdout.splitlines()]
    named = [Path(name).name for name in dict.fromkeys(files)]
    assert named == ["s1.yaml", "s3.yaml", "s5.yaml", "missing.yaml"]
    # BROKEN's two errors: the churn above 1 (line 2) before the unknown key (line 3).
    assert [line.split(":")[1] for line in done.stdout.splitlines() if line.startswith(str(tmp_path / "s1.yaml"))] == ["2", "3"]
    # The warning of s2, on stderr beside its file.
    assert f"{tmp_path / 's2.yaml'}:" in done.stderr


def test_validate_jobs_past_the_cores_starts_one_worker_a_core(tmp_path: Path, thread_pools: list[int]) -> None:
    """The pool `validate -j 40` starts on 2 cores (on threads: conftest.py ``thread_pools``)."""
    write(tmp_path, {f"s{i:02}.yaml": BROKEN if i % 7 == 0 else LOSING for i in range(checks.POOL_FROM)})
    started = thread_pools
    on_workers = invoke(["validate", "-j", "40", str(tmp_path)])
    assert started == [2]
    alone = invoke(["validate", "-j", "1", str(tmp_path)])
    assert started == [2]
    assert on_workers.exit_code == alone.exit_code == 2
    assert on_workers.stdout == alone.stdout
    # Files s00, s07, ..., s63: ten invalid of 64.
    assert on_workers.stdout.count("s00.yaml") == 2 and len({line.split(":")[0] for line in on_workers.stdout.splitlines()}) == 10


def test_below_the_pool_size_every_file_is_read_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {f"s{i}.yaml": LOSING for i in range(3)})

    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pool was started for three files")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", no_pool)
    done = invoke(["validate", str(tmp_path), "-j", "2"])
    assert (done.exit_code, done.stdout) == (0, "")
