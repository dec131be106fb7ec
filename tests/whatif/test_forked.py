"""`simulate`'s chunks on forked workers (whatif/forked.py): what a worker computes, raises or warns reaches the
parent, and no worker outlives the call."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from processes import running
from test_simulate_stream import EVERY_KIND, scenario

from aigc_roi.whatif import simulate as simulate_module
from aigc_roi.whatif.forked import WorkerEnded, can_fork, forked_tallies, shared_empty
from aigc_roi.whatif.simulate import simulate

pytestmark = pytest.mark.skipif(not can_fork(), reason="workers fork on Linux alone")


def assert_no_worker_left() -> None:
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


def test_workers_write_shared_memory_and_send_their_tallies() -> None:
    squares = shared_empty((7,))
    taken: list[int] = []

    def work(piece: int) -> None:
        squares[piece] = piece * piece
        taken.append(piece)  # in the worker's own memory: its tally

    done: list[int] = []
    tallies = forked_tallies(list(range(7)), work, lambda: list(taken), 3, done.append)
    np.testing.assert_array_equal(squares, [0, 1, 4, 9, 16, 25, 36])
    # Worker w of 3 takes pieces w, w + 3, ...
    assert tallies == [[0, 3, 6], [1, 4], [2, 5]]
    assert sorted(done) == list(range(7))
    assert taken == []
    assert_no_worker_left()


def test_a_workers_exception_is_raised_here_and_every_worker_ends() -> None:
    def work(piece: int) -> None:
        if piece == 4:
            raise ValueError(f"piece {piece} cannot be done")

    with pytest.raises(ValueError, match="^piece 4 cannot be done$"):
        forked_tallies(list(range(8)), work, lambda: None, 2, lambda index: None)
    assert_no_worker_left()


def test_a_worker_that_ends_without_its_tally_is_an_error() -> None:
    def work(piece: int) -> None:
        if piece == 1:
            os._exit(0)

    with pytest.raises(WorkerEnded, match=r"^worker process \d+ ended before its samples were done \(exit status 0\)$"):
        forked_tallies([0, 1, 2], work, lambda: None, 2, lambda index: None)
    assert_no_worker_left()


def test_a_killed_worker_is_said_killed_by_its_signal() -> None:
    def work(piece: int) -> None:
        if piece == 1:
            os.kill(os.getpid(), signal.SIGKILL)

    with pytest.raises(WorkerEnded) as ended:
        forked_tallies([0, 1, 2], work, lambda: None, 2, lambda index: None)
    assert (ended.value.killed_by, ended.value.status) == (signal.SIGKILL, None)
    assert str(ended.value).endswith("(killed by SIGKILL)")
    assert_no_worker_left()


def test_beside_another_python_thread_the_chunks_go_to_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    """A lock that thread held at a fork would stay held in the child for good (an import's: a worker hung)."""
    from test_threads import assert_same_simulation

    def no_fork() -> int:
        raise AssertionError("forked beside another thread")

    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert not can_fork()
        monkeypatch.setattr(simulate_module, "cores", lambda: 2)
        monkeypatch.setattr(os, "fork", no_fork)
        two = simulate(scenario(EVERY_KIND), samples=1000, seed=3, chunk_size=300, jobs=2)
    finally:
        release.set()
        other.join()
    assert_same_simulation(two, simulate(scenario(EVERY_KIND), samples=1000, seed=3, chunk_size=300))


def test_an_engine_error_in_a_chunk_reaches_the_caller(monkeypatch: pytest.MonkeyPatch) -> None:
    real = simulate_module.evaluate_batch

    def failing(part: Any, **options: Any) -> Any:
        if os.getpid() != parent:
            raise ZeroDivisionError("in a worker")
        return real(part, **options)

    parent = os.getpid()
    monkeypatch.setattr(simulate_module, "cores", lambda: 2)
    monkeypatch.setattr(simulate_module, "evaluate_batch", failing)
    with pytest.raises(ZeroDivisionError, match="in a worker"):
        simulate(scenario(EVERY_KIND), samples=1000, seed=3, chunk_size=300, jobs=2)
    assert_no_worker_left()


def test_a_workers_warning_is_given_here(monkeypatch: pytest.MonkeyPatch) -> None:
    real = simulate_module.evaluate_batch

    def warning(part: Any, **options: Any) -> Any:
        warnings.warn(f"from process {os.getpid()}", UserWarning, stacklevel=1)
        return real(part, **options)

    parent = os.getpid()
    monkeypatch.setattr(simulate_module, "cores", lambda: 2)
    monkeypatch.setattr(simulate_module, "evaluate_batch", warning)
    with pytest.warns(UserWarning) as heard:
        simulate(scenario(EVERY_KIND), samples=1000, seed=3, chunk_size=300, jobs=2)
    senders = {str(warning.message) for warning in heard}
    assert senders and f"from process {parent}" not in senders


def test_one_job_or_one_chunk_forks_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork() -> int:
        raise AssertionError("forked")

    monkeypatch.setattr(os, "fork", no_fork)
    monkeypatch.setattr(simulate_module, "cores", lambda: 2)
    simulate(scenario(EVERY_KIND), samples=1000, seed=3, chunk_size=300, jobs=1)
    simulate(scenario(EVERY_KIND), samples=1000, seed=3, chunk_size=1000, jobs=2)


WORKER_OF_A_KILLED_COMMAND = """
import os, sys, time
from aigc_roi.whatif.forked import forked_tallies

def work(piece):
    with open(os.path.join(sys.argv[1], str(os.getpid())), "w"):
        pass
    time.sleep(60)

forked_tallies([0, 1], work, lambda: None, 2, lambda index: None)
"""


def test_the_workers_of_a_killed_command_end_with_it(tmp_path: Path) -> None:
    command = subprocess.Popen([sys.executable, "-c", WORKER_OF_A_KILLED_COMMAND, str(tmp_path)],
                               env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    deadline = time.monotonic() + 30
    while len(list(tmp_path.iterdir())) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = [int(path.name) for path in tmp_path.iterdir()]
    assert len(workers) == 2 and all(running(pid) for pid in workers)
    command.kill()  # SIGKILL: no finally of the command's runs
    command.wait()
    deadline = time.monotonic() + 10
    try:
        while any(running(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(running(pid) for pid in workers)
    finally:
        for pid in filter(running, workers):
            os.kill(pid, signal.SIGKILL)
