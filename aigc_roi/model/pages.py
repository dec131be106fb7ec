"""numpy's arrays fault in as small pages, for every command that evaluates the engine (cli/allocator.py).

numpy asks the kernel for transparent huge pages on every array of 4 MB or
more (``madvise``). Where the kernel then compacts memory to find a free
2 MB page at the fault (``defrag`` set to ``madvise``, the default of most
distributions), each of a million-sample `simulate`'s arrays of draws and
figures stalled on it: 0.75-0.79 s of kernel time of its 4.3 s at 24
months, 0.31-0.33 s with small pages, and no change in user time or
elsewhere (issue 27, the 10-channel plan of ``benchmarks/run.py``).
"""

from __future__ import annotations

import os


def small_pages() -> None:
    """Turn numpy's huge-page advice off, unless ``NUMPY_MADVISE_HUGEPAGE`` says what the user wants."""
    if "NUMPY_MADVISE_HUGEPAGE" in os.environ:
        return
    try:
        from numpy._core import multiarray
    except ImportError:  # numpy 1.x
        from numpy.core import multiarray  # type: ignore[no-redef]
    multiarray._set_madvise_hugepage(False)  # type: ignore[attr-defined]
