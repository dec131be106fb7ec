"""The worker pool of `check` and `validate` (ci/parallel.py) ends with the command, as `simulate`'s forked workers do
(tests/whatif/test_forked.py): a Ctrl-C or a ``kill`` sent to the command alone (a CI cancel, ``docker stop``) ends
it at once, its workers with it, and a worker outlives no command, even a killed one.

The command runs as its console script does, on 64 files (a pool's least), with two workers whatever the machine's
cores; each worker's chunk marks that it started, then sleeps a minute: the command is signalled mid-chunk.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from processes import running
from test_validate_and_check import LOSING, write

from aigc_roi.ci import parallel
from aigc_roi.ci.checks import POOL_FROM
from aigc_roi.whatif.forked import WorkerEnded, can_fork

pytestmark = pytest.mark.skipif(not can_fork(), reason="the workers end with their command on Linux")

COMMAND = """
import os, sys, time
from pathlib import Path
from aigc_roi.ci import parallel

marks = Path(sys.argv[1])

def slow_chunk(files, *args):
    (marks / f"started-{os.getpid()}").touch()
    time.sleep(60)

parallel.cores = lambda: 2
# A forked worker finds it there: `check`'s chunks, or `validate`'s.
setattr(parallel, "_chunk" if sys.argv[3] == "check" else "_validated", slow_chunk)
sys.argv = ["aigc-roi", sys.argv[3], sys.argv[2], "--jobs", "2"]
from aigc_roi.cli import main
main()
"""


COMMANDS = ["check", "validate"]


def started(tmp_path: Path, name: str) -> tuple[subprocess.Popen[bytes], Path, list[int]]:
    """The command ``name``, its marks' folder and its two workers' pids, once both are inside a chunk."""
    scenarios = write(tmp_path / "scenarios", {f"s{i:02}.yaml": LOSING for i in range(POOL_FROM)})
    marks = tmp_path / "marks"
    marks.mkdir()
    command = subprocess.Popen([sys.executable, "-c", COMMAND, str(marks), str(scenarios), name],
                               env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while len(list(marks.iterdir())) < 2 and command.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    return command, marks, [int(mark.name.split("-")[1]) for mark in marks.iterdir()]


def end(command: subprocess.Popen[bytes], workers: list[int]) -> None:
    """Whatever the test found: nothing it started runs on."""
    if command.poll() is None:
        command.kill()
    command.wait()
    for pid in filter(running, workers):
        os.kill(pid, signal.SIGKILL)
    if command.stderr is not None:
        command.stderr.close()


@pytest.mark.parametrize("name", COMMANDS)
@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, -signal.SIGTERM)],
                         ids=["SIGINT", "SIGTERM"])
def test_a_signal_to_the_command_alone_ends_it_and_its_workers_at_once(tmp_path: Path, signum: int, code: int,
                                                                       name: str) -> None:
    command, _, workers = started(tmp_path, name)
    try:
        assert len(workers) == 2 and all(map(running, workers)), workers
        command.send_signal(signum)
        # The chunks still had a minute to sleep: the command used to wait for them.
        _, stderr = command.communicate(timeout=10)
        # 130 as Ctrl-C ends any command; SIGTERM ends it by SIGTERM once its files are cleaned up (cli/files.py),
        # as `simulate` ends.
        assert (command.returncode, stderr) == (code, b"")
        # Reaped before the command ended, not left to whoever adopts them.
        assert not any(map(running, workers))
    finally:
        end(command, workers)


@pytest.mark.parametrize("name", COMMANDS)
def test_the_workers_of_a_killed_command_end_with_it(tmp_path: Path, name: str) -> None:
    command, _, workers = started(tmp_path, name)
    try:
        assert len(workers) == 2 and all(map(running, workers)), workers
        command.kill()  # SIGKILL: no finally of the command's runs
        command.wait()
        deadline = time.monotonic() + 10
        while any(map(running, workers)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(map(running, workers))
    finally:
        end(command, workers)


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
@pytest.mark.parametrize(("name", "hint"), [("check", "fewer --samples or --jobs 1"), ("validate", "--jobs 1")])
def test_a_worker_killed_from_outside_is_said_as_such_not_as_an_internal_error(tmp_path: Path, name: str,
                                                                              hint: str, signum: int) -> None:
    """The system's out-of-memory killer ends one worker: the pool breaks, and the command said "internal error
    (BrokenProcessPool: ...); please report it with the input", blaming the input for what the system did. `validate`
    draws no samples: fewer of them is no way out there. A SIGTERM (a user's ``kill``) ended a worker by the command's
    own way of ending, which it raised as its chunk's error: the command ended silently by SIGTERM, or said "exit
    status 1" after a traceback."""
    command, _, workers = started(tmp_path, name)
    try:
        assert len(workers) == 2 and all(map(running, workers)), workers
        os.kill(workers[0], signum)
        _, stderr = command.communicate(timeout=10)
        # The pool ends the other worker with SIGTERM as it breaks: the one named is still the one killed.
        assert (command.returncode, stderr.decode()) == (
            2, f"aigc-roi: {name}'s worker process {workers[0]} ended before its files were checked (killed by "
               f"{signal.Signals(signum).name}); run it again, with {hint}\n")
        assert not any(map(running, workers))
    finally:
        end(command, workers)


def test_the_worker_named_is_the_one_killed_not_one_the_pool_stopped_as_it_broke() -> None:
    """The pool ends the other workers with SIGTERM as it breaks, so a SIGTERM says nothing of who sent it: once both
    had ended, the message named the first worker in the pool's order, killed or not (QA: `validate` of 2,000 files,
    the second worker killed with ``kill -TERM``, named the first in 5 of 14 runs). Here the second is killed, and the
    break read only once the pool has stopped the first."""
    with pytest.raises(WorkerEnded) as ended:
        with parallel._workers(2, "validate") as pool:
            futures = [pool.submit(time.sleep, 60) for _ in range(2)]
            first, second = list(pool._processes)
            try:
                os.kill(second, signal.SIGTERM)
                deadline = time.monotonic() + 10
                while any(map(running, (first, second))) and time.monotonic() < deadline:
                    time.sleep(0.05)
                assert not any(map(running, (first, second)))
                futures[0].result()
            finally:
                for pid in filter(running, (first, second)):
                    os.kill(pid, signal.SIGKILL)
    assert (ended.value.pid, ended.value.killed_by, ended.value.command) == (second, signal.SIGTERM, "validate")
