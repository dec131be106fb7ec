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

Workers are forked only from a process running no other Python thread
(``can_fork``): a forked child holds only the thread that forked it, and a
lock another thread held then (an import's, a stream's, the warnings
filters') would stay held there for good. The command line runs none at that
point (its progress bar draws from the callbacks, cli/progress.py); a
library caller that does (a notebook's kernel, a thread pool) gets threads,
the same numbers. The child sends its warnings back to be given here, and
ends with ``os._exit``, flushing nothing the parent buffered. macOS (whose
system libraries refuse a forked child) and Windows (no fork) evaluate on
threads.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import mmap
import os
import signal
import sys
import threading
import warnings
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    import numpy as np

Piece = TypeVar("Piece")
Tally = TypeVar("Tally")

PR_SET_PDEATHSIG = 1
"""prctl(2)'s option: the signal a process gets when the thread that forked it ends."""


class WorkerEnded(RuntimeError):
    """A worker ended before sending its counts: killed (the system's out-of-memory killer, a user's ``kill``) or
    exited. ``killed_by`` is the signal's number where one killed it, else None and ``status`` its exit status;
    ``command`` the one whose worker it was, ``simulate``, ``check`` or ``validate`` (ci/parallel.py), which says what
    was left undone."""

    def __init__(self, pid: int, killed_by: int | None, status: int | None, command: str = "simulate") -> None:
        # ``args`` the constructor's, as pickle rebuilds the exception from them (model/errors.py ScenarioInvalid).
        super().__init__(pid, killed_by, status, command)
        self.pid, self.killed_by, self.status, self.command = pid, killed_by, status, command

    def __str__(self) -> str:
        how = f"killed by {_signal_name(self.killed_by)}" if self.killed_by is not None else f"exit status {self.status}"
        undone = "its samples were done" if self.command == "simulate" else "its files were checked"
        return f"worker process {self.pid} ended before {undone} ({how})"


def ended_worker(pid: int, exit_code: int, command: str = "simulate") -> WorkerEnded:
    """A worker's end from its exit code as multiprocessing and ``os.waitstatus_to_exitcode`` give it: minus the
    signal that killed it, else its exit status."""
    return WorkerEnded(pid, -exit_code if exit_code < 0 else None, exit_code if exit_code >= 0 else None, command)


def can_fork() -> bool:
    """Whether workers are forked here and now: on Linux, from a process running no other Python thread (module
    docstring)."""
    return sys.platform.startswith("linux") and hasattr(os, "fork") and threading.active_count() == 1


def shared_empty(shape: tuple[int, ...], dtype: type[np.floating[Any]] | None = None) -> np.ndarray:
    """An array that forked workers write and this process reads: anonymous shared memory, uninitialised (float64
    unless ``dtype`` says). MemoryError where the system has not the memory, as ``np.empty`` raises it."""
    import numpy as np

    kind = np.dtype(np.float64 if dtype is None else dtype)
    count = int(np.prod(shape))
    try:
        # A mapping is never empty; a zero-sized array reads none of it.
        memory = mmap.mmap(-1, max(1, count * kind.itemsize), flags=mmap.MAP_SHARED)
    except OSError as error:
        if error.errno == errno.ENOMEM:
            raise MemoryError(f"cannot map {count * kind.itemsize:,} bytes shared with the workers") from None
        raise
    return np.frombuffer(memory, dtype=kind, count=count).reshape(shape)


def forked_tallies(pieces: Sequence[Piece], work: Callable[[Piece], None], tally: Callable[[], Tally], jobs: int,
                   done: Callable[[int], None]) -> list[Tally]:
    """Run ``work`` on every piece on ``jobs`` forked workers (module docstring), and return each worker's
    ``tally()`` after its last piece, in the workers' order. ``done(index)`` is called in this process as the piece
    of that index is finished, in the order they finish. A worker's exception is raised here, and ``WorkerEnded``
    for a worker that ended without its tally; on any exception (Ctrl-C included) the workers still running are
    stopped."""
    from multiprocessing.connection import Connection, Pipe, wait

    end_with_parent = ending_with_this_process()
    running: dict[Connection, tuple[int, int]] = {}
    tallies: list[Any] = [None] * jobs
    try:
        with signals_held():
            for worker in range(jobs):
                receiving, sending = Pipe(duplex=False)
                with warnings.catch_warnings():
                    # Python 3.12+ warns of a fork beside threads the system runs (a BLAS's): they hold none of
                    # Python's locks, and no thread of Python's runs beside this one (``can_fork``), so the filters
                    # are this one's.
                    warnings.simplefilter("ignore", DeprecationWarning)
                    pid = os.fork()
                if pid == 0:
                    receiving.close()
                    end_with_parent()
                    worker_signals()
                    _work_then_exit(sending, list(enumerate(pieces))[worker::jobs], work, tally)
                sending.close()
                running[receiving] = (worker, pid)
        while running:
            for ready in wait(list(running)):
                assert isinstance(ready, Connection)
                worker, pid = running[ready]
                try:
                    kind, value = ready.recv()
                except EOFError:
                    del running[ready]
                    ready.close()
                    raise _ended(pid) from None
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
                    del running[ready]
                    ready.close()
                    os.waitpid(pid, 0)
        return tallies
    finally:
        for connection, (_, pid) in running.items():
            connection.close()
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)


HELD_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))
"""What a command is told to stop by: held back while it forks its workers (``signals_held``)."""


_handlers_before: dict[int, Any] = {}
"""The handlers ``signals_held`` stood in for, while it holds: what a worker forked within sets again."""


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Ctrl-C, SIGTERM and SIGHUP held back while this thread forks workers, then given at once: one that came during
    a fork was run by Python inside the fork's own after-fork hooks (logging's lock released in the parent), which
    print an exception and swallow it, so `validate` and `check` of 3,000 files went on to the end after a Ctrl-C in
    21 of 25 tries, and now and then hung or failed as an internal error (QA). A worker forked within starts with
    them held too, and lets them go as it sets its own handlers (``worker_signals``).

    Blocking them holds them from this thread only: the kernel gives a signal sent to the process to any thread that
    does not block it (a BLAS's own threads), whose C handler has Python run the handler in the main thread at its
    next chance, inside a fork's hooks again (the Ctrl-C test failed one run in six on a busy machine). So the main
    thread's handlers are stood in for by one that notes each signal, given to the command's own handler after."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    came: list[int] = []
    if threading.current_thread() is threading.main_thread():
        _handlers_before.update({number: signal.signal(number, lambda number, _frame: came.append(number))
                                 for number in HELD_SIGNALS})
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, HELD_SIGNALS)
    try:
        yield
    finally:
        for number, handler in _handlers_before.items():
            signal.signal(number, _settable(handler))
        _handlers_before.clear()
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
        for number in dict.fromkeys(came):
            signal.raise_signal(number)


def _settable(handler: Any) -> Any:
    """A handler ``signal.signal`` returned, as it takes one back: None (one not set from Python) is the default."""
    return signal.SIG_DFL if handler is None else handler


def worker_signals() -> None:
    """A forked worker's signals: SIGTERM and SIGHUP end it as they end any process, not by the command's own way of
    ending (cli/files.py unwinds its outputs and ends by the signal, which a worker raised as its chunk's error, so the
    command ended silently by SIGTERM, or reported exit status 1 with a traceback, for a worker killed from outside);
    Ctrl-C as the command had it; then what ``signals_held`` held is let go."""
    for number in HELD_SIGNALS:
        before = _handlers_before.get(number, signal.getsignal(number))
        kept = number == signal.SIGINT or before is signal.SIG_IGN
        signal.signal(number, _settable(before) if kept else signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, HELD_SIGNALS)


def ending_with_this_process() -> Callable[[], None]:
    """What a worker forked from this process (here, or a `check` pool's, ci/parallel.py) calls first: have the
    kernel kill it when the command ends, even killed (SIGKILL, and SIGTERM outside a command's outputs, leave no
    ``finally``), where it would compute on alone for nobody; a worker whose command ended before it could ask ends
    at once. Found before the fork, from the thread that forks: a worker imports nothing, and the signal comes when
    that thread ends."""
    parent = os.getpid()
    ask = _death_signal()

    def end_with_parent() -> None:
        ask()
        if os.getppid() != parent:
            os._exit(1)

    return end_with_parent


def _death_signal() -> Callable[[], None]:
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):  # not glibc: the worker ends at its next write to the closed pipe
        return lambda: None
    return lambda: prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def _ended(pid: int) -> WorkerEnded:
    """Why a worker's pipe closed without its tally, from its exit status (reaped here)."""
    _, status = os.waitpid(pid, 0)
    return ended_worker(pid, os.waitstatus_to_exitcode(status))


def _signal_name(number: int | None) -> str:
    try:
        return signal.Signals(number).name if number is not None else "a signal"
    except ValueError:
        return f"signal {number}"


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
