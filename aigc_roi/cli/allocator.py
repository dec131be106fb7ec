"""Memory for every command that evaluates the engine (``open_command``): the C allocator keeps what numpy frees,
and numpy's arrays fault in as small pages.

The engine allocates and frees a few dozen arrays of a chunk's size (2 MB)
for every chunk: thousands of times in a `simulate` of a million samples.
glibc hands blocks that large back to the kernel when they are freed (each
one ``mmap``-ed on its own, or trimmed off the top of the heap), so every
new chunk faulted its pages in again: at 1,000,000 samples x 120 months that
was a third of the command's CPU time, all of it in the kernel (issue 27,
measured with ``/usr/bin/time``). Raising both thresholds keeps the freed
blocks in the process for the next chunk; the peak memory is the same.

`simulate` evaluates chunks on several threads (whatif/threads.py), and
glibc gives each new thread an arena of its own (heaps of at most 64 MB,
about one chunk's working set), where the chunks faulted their pages in
again: a million samples on two threads took 340,000 page faults against
70,000 on one, a second of kernel time. One arena for the process (90,000
faults) puts every thread's blocks under the rule above; the lock it takes
is brief beside a chunk's work on its arrays.

numpy's arrays fault in as small pages: model/pages.py says why.
"""

from __future__ import annotations

import os
import sys

_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
_M_ARENA_MAX = -8
MMAP_THRESHOLD_BYTES = 32 << 20
"""Blocks up to this size come from the heap and are reused; glibc's largest allowed value on 64-bit systems."""
TRIM_THRESHOLD_BYTES = 1 << 30
"""Free memory at the top of the heap kept before any goes back to the kernel: several chunks' working sets. A
chunk of a plan with source groups, gates and values by month frees some 45 arrays; at 256 MB, 6,000 samples x
120 months of them were trimmed after every chunk and faulted in again (2.7x the engine's time). It never raises
the peak: only memory already used is kept."""


def prepare_memory() -> None:
    """Both of the module docstring's settings, each unless the user chose it."""
    from aigc_roi.model.pages import small_pages

    reuse_freed_memory()
    small_pages()


def reuse_freed_memory() -> None:
    """Raise glibc's mmap and trim thresholds for this process, and give its threads one arena; nothing elsewhere,
    or where the user set any of these."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc: its allocator has its own rules
        return
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    if "MALLOC_MMAP_THRESHOLD_" not in os.environ and "MALLOC_TRIM_THRESHOLD_" not in os.environ:
        # Setting either one by hand turns off glibc's own adjustment of both: set the two together.
        mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES)
        mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES)
    if "MALLOC_ARENA_MAX" not in os.environ:
        mallopt(_M_ARENA_MAX, 1)
