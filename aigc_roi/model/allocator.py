"""Keep the engine's freed arrays in the process for the next chunk (glibc's malloc only).

Every chunk of samples allocates and frees the same few dozen arrays of a
few MB. By default glibc serves blocks above 128 KB with a fresh ``mmap``
and returns them on free, and trims the heap's free top soon after, so each
chunk pays the kernel again to map and zero every page it touches: a third
of `simulate`'s CPU time was system time (0.5 s of 1.4 s at 30,000 samples
of a 10-channel, 120-month plan; benchmarks/run.py). With blocks below 32
MiB taken from the heap and up to 256 MiB of freed heap kept, the chunks
reuse their pages; the peak resident memory is unchanged (the same arrays
are alive at the peak), but a process keeps up to 256 MiB it no longer
uses until it exits. Nothing else changes: no number depends on where an
array lives.
"""

from __future__ import annotations

import ctypes
import os
import sys

_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
_MMAP_FROM = 32 << 20
_KEEP_FREED = 256 << 20


def keep_freed_memory() -> bool:
    """Tune glibc's malloc as the module docstring says; whether it was (False elsewhere: musl, macOS, Windows)."""
    if sys.platform != "linux" or not _glibc():
        return False
    # The running program's own symbols: the libc it is linked with, found without a search.
    mallopt = ctypes.CDLL(None).mallopt
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    return bool(mallopt(_M_MMAP_THRESHOLD, _MMAP_FROM)) and bool(mallopt(_M_TRIM_THRESHOLD, _KEEP_FREED))


def _glibc() -> bool:
    try:
        return os.confstr("CS_GNU_LIBC_VERSION") is not None
    except (ValueError, OSError):
        return False
