"""`simulate`'s chunks on forked worker processes, where the system forks (Linux; issue 27).

Threads share one Python lock, which every numpy call hands back and forth:
two threads made 1.3-1.5x of one, and only with chunks too large for a
core's cache (whatif/threads.py). Processes share no lock, so each evaluates
chunks small enough to stay in its core's cache, where two of them run side
by side at nearly twice one's pace (a million samples x 120 months: two
processes on half the samples each took 5% longer than one alone, against
15-20% with the larger chunks, which share the memory's bandwidth).

A worker is forked after the draws, so it reads them where they are (copied
only if written, and they are not); it writes each chunk's figures into
arrays this process made in shared memory (``shared_empty``) and sends back
its counts once, at the end. Worker ``w`` of ``jobs`` takes pieces ``w``,
``w + jobs``, ...: the chunks are the same whatever the count, so are the
numbers, to the last bit.

A forked child holds only the thread that forked it. What it runs is the
engine's numpy and this module's pipe: no lock another thread of the parent
may hold (a progress bar's, a stream's) is taken there, its warnings are
sent back to be given here, and it ends with ``os._exit``, flushing nothing
the parent buffered. macOS (whose system libraries refuse a forked child)
and Windows (no fork) evaluate on threads.
"""

from __future__ import annotations

import mmap
import os
import signal
import sys
import warnings
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import numpy as np

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

Piece = TypeVar("Piece")
Tally = TypeVar("Tally")


def can_fork() -> bool:
    """Whether this system's workers are forked processes (module docstring)."""
    return sys.platform.startswith("linux") and hasattr(os, "fork")


def shared_empty(shape: tuple[int, ...], dtype: type[np.floating[Any]] = np.float64) -> np.ndarray:
    """An array that forked workers write and this process reads: anonymous shared memory, uninitialised."""
    count = int(np.prod(shape))
    # A mapping is never empty; a zero-sized array reads none of it.
    memory = mmap.mmap(-1, max(1, count * np.dtype(dtype).itemsize), flags=mmap.MAP_SHARED)
    return np.frombuffer(memory, dtype=dtype, count=count).reshape(shape)


def forked_tallies(pieces: Sequence[Piece], work: Callable[[Piece], None], tally: Callable[[], Tally], jobs: int,
                   done: Callable[[int], None]) -> list[Tally]:
    """Run ``work`` on every piece on ``jobs`` forked workers (module docstring), and return each worker's
    ``tally()`` after its last piece, in the workers' order. ``done(index)`` is called in this process as the piece
    of that index is finished, in the order they finish. A worker's exception is raised here; on any exception
    (Ctrl-C included) the workers still running are stopped."""
    from multiprocessing.connection import Connection, Pipe, wait

    parent = os.getpid()
    workers: dict[Connection, tuple[int, int]] = {}
    tallies: list[Any] = [None] * jobs
    finished = False
    try:
        for worker in range(jobs):
            receiving, sending = Pipe(duplex=False)
            with warnings.catch_warnings():
                # Python 3.12+ warns of a fork beside threads; the child takes none of their locks (module docstring).
                warnings.simplefilter("ignore", DeprecationWarning)
                pid = os.fork()
            if pid == 0:
                receiving.close()
                _end_with(parent)
                _work_then_exit(sending, list(enumerate(pieces))[worker::jobs], work, tally)
            sending.close()
            workers[receiving] = (worker, pid)
        waiting = dict(workers)
        while waiting:
            for ready in wait(list(waiting)):
                assert isinstance(ready, Connection)
                worker, pid = waiting[ready]
                try:
                    kind, value = ready.recv()
                except EOFError:
                    raise RuntimeError(f"simulate's worker process {pid} ended without its figures") from None
                if kind == "done":
                    done(value)
                elif kind == "warning":
                    message, category, filename, line = value
                    warnings.warn_explicit(message, category, filename, line)
                elif kind == "error":
                    assert isinstance(value, BaseException)
                    raise value
                else:
                    tallies[worker] = value
                    del waiting[ready]
        finished = True
        return tallies
    finally:
        for connection, (_, pid) in workers.items():
            connection.close()
            if not finished:
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)


PR_SET_PDEATHSIG = 1
"""prctl(2)'s option: the signal a process gets when the thread that forked it ends."""


def _end_with(parent: int) -> None:
    """Have the kernel kill this worker when the command ends, even killed (SIGKILL, SIGTERM leave no ``finally``),
    where it would evaluate its chunks on alone; and end now if the command ended before it could ask."""
    import ctypes

    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not glibc: the worker ends at its next write to the closed pipe
        pass
    if os.getppid() != parent:
        os._exit(1)


def _work_then_exit(sending: Connection, pieces: list[tuple[int, Any]], work: Callable[[Any], None],
                    tally: Callable[[], Any]) -> NoReturn:
    """A worker's whole life: its pieces, its warnings and tally sent, then ``os._exit`` (module docstring)."""
    status = 1
    try:
        with warnings.catch_warnings(record=True) as heard:
            for index, piece in pieces:
                work(piece)
                sending.send(("done", index))
            counted = tally()
        for warning in heard:
            sending.send(("warning", (str(warning.message), warning.category, warning.filename, warning.lineno)))
        sending.send(("result", counted))
        status = 0
    except BaseException as error:  # noqa: BLE001 - every exception goes back to be raised in the parent
        try:
            sending.send(("error", error))
        except BaseException:  # noqa: BLE001 - one that pickle cannot carry is carried as its words
            sending.send(("error", RuntimeError(f"{type(error).__name__}: {error}")))
    finally:
        os._exit(status)
