"""`check` and `validate` over many files on every core: files read (and run) in worker processes, chunk by chunk.

A worker pool costs a fork per core and a pickle of each result, which a
handful of files never earns back: below ``POOL_FROM`` files, or on one
core, everything runs in this process, as a pre-commit hook on a few files
does. The order of the results is the order of the files, whatever worker
finishes first; the progress counts each chunk's files as it comes back.

A file's scenario and figures come back; its YAML tree (every node with its
position, four fifths of a result's pickle) only where this process reads it,
the files `check --base` compares: each target's position is found in the
worker (``Checked.locations``). Sending every tree back cost 1,000 files
0.9 s of CPU in pickles, a third of the pool's time (issue 27).
"""

from __future__ import annotations

import contextlib
import dataclasses
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import wait as wait_for_ends
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TYPE_CHECKING

from aigc_roi.ci import checks
from aigc_roi.ci.checks import FILES, check_files, iter_validated, validate_files
from aigc_roi.ci.records import Checked, Validated
from aigc_roi.reader.load import NO_TREE
from aigc_roi.reader.overrides import Override
from aigc_roi.whatif.forked import WorkerEnded, ended_worker, ending_with_this_process, signals_held, worker_signals
from aigc_roi.whatif.threads import cores

if sys.platform != "win32":
    from multiprocessing.context import ForkContext as _Context
    from multiprocessing.context import ForkProcess as _Process
else:  # no fork
    from multiprocessing.context import SpawnContext as _Context
    from multiprocessing.context import SpawnProcess as _Process

if TYPE_CHECKING:
    from aigc_roi.whatif.simulate import StageCallback

CHUNKS_PER_WORKER = 4
"""Chunks per worker: small enough that a worker with slow files does not leave the others idle at the end."""
PROGRESS_EVERY_SECONDS = 0.25
"""The files done are reported at least this often while the chunks run, not only as one comes back: a progress bar
that waits to be shown for a run that lasts (cli/progress.py) then appears while the first chunks are still running."""


def validate_and_check(files: Sequence[Path], sets: tuple[Override, ...], samples: int, seed: int,
                       workers: int | None = None, trees: frozenset[Path] = frozenset(),
                       progress: StageCallback | None = None) -> tuple[list[Validated], list[Checked]]:
    """``validate_files`` then ``check_files`` over ``files``, on ``pool_size`` processes when there are enough files
    to pay for them; from a worker, only the files in ``trees`` keep their YAML tree
    (module docstring). ``progress`` hears ``FILES`` (files done, ``files``) and, in this process, each simulated
    file's stages (``check_files``)."""
    workers = pool_size(len(files), workers)
    if workers < 2:
        return _chunk(list(files), sets, samples, seed, progress=progress)
    # Loaded before the fork, so that no worker imports the engine again.
    import aigc_roi.model.engine  # noqa: F401

    chunks = _chunks(files, workers)
    results: list[Validated] = []
    checked: list[Checked] = []
    with _workers(workers, "check") as pool:
        with signals_held():  # the first submit forks the workers
            futures = {pool.submit(_chunk, chunk, sets, samples, seed, trees): len(chunk) for chunk in chunks}
        _wait_counting(futures, progress)
    for future in futures:
        chunk_results, chunk_checked = future.result()
        results += chunk_results
        checked += chunk_checked
    return results, checked


def validated(files: Sequence[Path], workers: int | None = None) -> Iterator[Validated]:
    """`validate`'s ``iter_validated`` over ``files`` on ``pool_size`` processes: each file's errors and warnings, in
    the files' order, a chunk's as it is done and those before it are given. No scenario comes back, only what
    `validate` says of a file, so memory stays flat over any number of files."""
    workers = pool_size(len(files), workers)
    if workers < 2:
        yield from iter_validated(files)
        return
    with _workers(workers, "validate") as pool:
        with signals_held():  # the first submit forks the workers
            futures = deque(pool.submit(_validated, chunk) for chunk in _chunks(files, workers))
        while futures:
            # Let go of each batch once given, not at the end: memory holds only the batches done ahead of it.
            yield from futures.popleft().result()


def _validated(files: list[Path]) -> list[Validated]:
    return list(iter_validated(files))


def _chunks(files: Sequence[Path], workers: int) -> list[list[Path]]:
    """``files`` cut into ``CHUNKS_PER_WORKER`` chunks a worker, in order."""
    size = max(1, -(-len(files) // (workers * CHUNKS_PER_WORKER)))
    return [list(files[start:start + size]) for start in range(0, len(files), size)]


class _Worker(_Process):
    """A worker process that knows whether the pool stopped it: the pool ends every worker with SIGTERM as it breaks
    (``_ended_from_outside``), as a user's ``kill`` does, and a SIGTERM says nothing of who sent it."""

    stopped_by_pool = False
    """Set before the pool's signal is sent, where the worker had not ended already."""

    def terminate(self) -> None:
        self._stopping()
        super().terminate()

    def kill(self) -> None:
        self._stopping()
        super().kill()

    def _stopping(self) -> None:
        # Its sentinel is ready once it has ended: one ended already ended by itself, whatever signal comes now.
        if not wait_for_ends([self.sentinel], timeout=0):
            self.stopped_by_pool = True


class _WorkerContext(_Context):
    """The system's way to start a process, fork where it forks, its processes ``_Worker``."""

    Process = _Worker


@contextlib.contextmanager
def _workers(count: int, command: str) -> Iterator[ProcessPoolExecutor]:
    """A pool of ``count`` worker processes for ``command``, forked where the system forks. A worker killed from
    outside ends the command as ``WorkerEnded``; any failure, Ctrl-C, or a caller that stops reading first kills
    the workers in the middle of their chunks (``_stop``)."""
    context: BaseContext = _WorkerContext()
    forks = context.get_start_method() == "fork"
    with ProcessPoolExecutor(max_workers=count, mp_context=context, initializer=_start_worker,
                             initargs=(ending_with_this_process() if forks else None,)) as pool:
        try:
            yield pool
        except BrokenProcessPool as broken:
            ended = _ended_from_outside(pool, command)
            _stop(pool)
            raise (broken if ended is None else ended) from broken
        except BaseException:
            _stop(pool)
            raise


def pool_size(files: int, workers: int | None = None) -> int:
    """Worker processes for ``files`` files: ``workers`` (default: one per core) held to the cores the process may use,
    as `simulate --jobs` is: a process past them only waits its turn, and costs a fork and its memory (`-j 40` on 2
    cores forked 40). At most one per file: the files are cut into at least as many chunks as that. 1, this process,
    below ``POOL_FROM`` files. Which process checks a file changes none of its results, nor their order."""
    held = min(cores(), cores() if workers is None else workers, files)
    return held if files >= checks.POOL_FROM else 1


def _start_worker(end_with_parent: Callable[[], None] | None) -> None:
    """A worker ends with the command, even a killed one (whatif/forked.py ``ending_with_this_process``): alone under
    PID 1 it would check its chunks on for nobody. Its Ctrl-C ends it, as it ends this process: the pool would catch
    the KeyboardInterrupt as the chunk's result and go on to the next, and `check` over 70 files of 1,000,000 samples
    went on for a minute after it. Where this process ignores Ctrl-C (a shell's background job), so do its workers.
    SIGTERM and SIGHUP end it as any process (``worker_signals``), then the signals held while it was forked reach
    it."""
    if end_with_parent is not None:
        end_with_parent()
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
    worker_signals()


def _ended_from_outside(pool: ProcessPoolExecutor, command: str) -> WorkerEnded | None:
    """The worker whose end broke the pool (the system's out-of-memory killer, a user's ``kill``), said as simulate's
    is: not an internal error; None where none ended but those the pool stopped (a result it could not read). The pool
    ends the others with SIGTERM as it breaks: the one named is one it did not stop (``_Worker``), where after a
    SIGTERM the first in the pool's order was named, killed or not (QA)."""
    processes: list[BaseProcess] = list(pool._processes.values())
    workers = [worker for worker in processes if isinstance(worker, _Worker)]
    # Each worker the pool stops is marked so before its signal: once all have ended, the marks are whole.
    deadline = time.monotonic() + 5
    running = {worker.sentinel for worker in workers}
    while running and time.monotonic() < deadline:
        running.difference_update(wait_for_ends(list(running), timeout=max(0.0, deadline - time.monotonic())))
    first = next((worker for worker in workers if worker.sentinel not in running and not worker.stopped_by_pool),
                 None)
    if first is None:
        return None
    # The pool's own thread reaps it too: while it does, this one reads no exit code (one waitpid of the two fails).
    while first.exitcode is None and time.monotonic() < deadline:
        time.sleep(0.01)
    return None if first.pid is None or first.exitcode in (None, 0) \
        else ended_worker(first.pid, first.exitcode, command)


def _stop(pool: ProcessPoolExecutor) -> None:
    """A chunk failed, or the command was interrupted (Ctrl-C, or SIGTERM unwinding, cli/files.py): the workers are
    killed in the middle of their chunks, as `simulate`'s are (whatif/forked.py), and the chunks not yet started are
    dropped. ``shutdown`` alone waits for the running chunks: a ``kill`` of the command took 30 s to end it."""
    # The pool has no public way to end its workers before Python 3.14's ``kill_workers``, which reads the same map.
    for worker in list(pool._processes.values()):
        worker.kill()
    pool.shutdown(cancel_futures=True)


def _wait_counting(futures: dict[Future[tuple[list[Validated], list[Checked]]], int],
                   progress: StageCallback | None) -> None:
    """Until every chunk (future -> its files) is back, ``progress`` hearing ``FILES`` (files done, files) as each
    comes back and every ``PROGRESS_EVERY_SECONDS``; a chunk's failure is raised as it comes back."""
    # Called once the workers are forked: the bar's first report may start its drawing thread, which a fork copies
    # mid-write.
    total = sum(futures.values())
    done = 0
    pending = set(futures)
    while True:
        if progress is not None:
            progress(FILES, done, total)
        if not pending:
            return
        finished, pending = wait(pending, timeout=PROGRESS_EVERY_SECONDS, return_when=FIRST_COMPLETED)
        for future in finished:
            future.result()
            done += futures[future]


def _chunk(files: list[Path], sets: tuple[Override, ...], samples: int, seed: int,
           trees: frozenset[Path] | None = None, progress: StageCallback | None = None) -> tuple[list[Validated], list[Checked]]:
    """The files' results; with ``trees`` (in a worker), a file outside it without its YAML tree."""
    results = validate_files(files, sets)
    checked = check_files(results, samples, seed, progress)
    if trees is None:
        return results, checked
    # One lighter copy per file, shared by its two records as the loaded file was: pickled once.
    lighter = {id(result.loaded): dataclasses.replace(result.loaded, tree=NO_TREE) for result in results
               if result.loaded is not None and Path(result.path) not in trees}
    return ([dataclasses.replace(result, loaded=lighter.get(id(result.loaded), result.loaded)) for result in results],
            [dataclasses.replace(item, loaded=lighter.get(id(item.loaded), item.loaded)) for item in checked])
