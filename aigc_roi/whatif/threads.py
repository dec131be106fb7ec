"""Independent pieces of numpy work on several cores of one process (`simulate`, issue 27).

numpy lets go of Python's lock inside its loops over arrays, so threads
over independent pieces of samples (the engine's chunks, one figure's
summary, one input's variance share) run side by side wherever the work is
in those loops. No value depends on which thread computed it or when: the
results come back in the order of the pieces. One piece at a time keeps
the rest of the process free of threads.

The part that stays with Python's lock (a chunk's Python steps, about a
tenth of its time at the engine's chunk size) is why a piece is a whole
engine chunk, not a slice of one; it is also why two threads give about
1.3-1.5x, not 2x (each numpy call hands the lock back and forth), and why
``DEFAULT_MAX_JOBS`` stops where it does. Where the system forks (Linux),
`simulate`'s chunks go to processes instead (whatif/forked.py): they share
no lock, and two give nearly 2x; threads keep the draws, the summaries, the
variance shares, a streamed simulation's chunks and every system that
cannot fork.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

DEFAULT_MAX_JOBS = 4
"""Threads used by default, at most: past four, the Python part of each chunk (held to one core) takes most of
what another core gives, while every thread keeps a chunk's working set (75 to 110 MB) in memory."""


def cores() -> int:
    """Cores this process may run on (a container or taskset may allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def default_jobs() -> int:
    """Threads for a command that was not told how many: one per core, at most ``DEFAULT_MAX_JOBS``."""
    return min(cores(), DEFAULT_MAX_JOBS)


def ordered_map(work: Callable[[Item], Result], items: Iterable[Item], jobs: int) -> Generator[Result, None, None]:
    """``map(work, items)`` on ``jobs`` threads: the results in the items' order.

    Items are taken from ``items`` in this thread, in order (a stream of draws stays one stream), and no more
    than ``jobs + 1`` of them before the caller has read the oldest one's result: memory holds a few pieces, not
    all. A piece's exception is raised where its result would have been read; the pieces not started are dropped.
    """
    if jobs < 2:
        yield from map(work, items)
        return
    pool = ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="aigc-roi")
    pending: deque[Future[Result]] = deque()
    try:
        for item in items:
            pending.append(pool.submit(work, item))
            if len(pending) > jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
