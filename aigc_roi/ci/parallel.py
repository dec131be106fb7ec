"""`check` over many files on every core: files read and run in worker processes, chunk by chunk.

A worker pool costs a fork per core and a pickle of each result, which a
handful of files never earns back: below ``POOL_FROM`` files, or on one
core, everything runs in this process, as a pre-commit hook on a few files
does. The order of the results is the order of the files, whatever worker
finishes first.

A file's scenario and figures come back; its YAML tree (every node with its
position, four fifths of a result's pickle) only where this process reads it,
the files `check --base` compares: each target's position is found in the
worker (``Checked.locations``). Sending every tree back cost 1,000 files
0.9 s of CPU in pickles, a third of the pool's time (issue 27).
"""

from __future__ import annotations

import dataclasses
import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from aigc_roi.ci.checks import check_files, validate_files
from aigc_roi.ci.records import Checked, Validated
from aigc_roi.reader.load import NO_TREE
from aigc_roi.reader.overrides import Override
from aigc_roi.whatif.threads import cores

POOL_FROM = 64
"""Files from which a pool pays: about 20 ms each (read and run), against ~0.1 s to start the workers."""
CHUNKS_PER_WORKER = 4
"""Chunks per worker: small enough that a worker with slow files does not leave the others idle at the end."""


def validate_and_check(files: Sequence[Path], sets: tuple[Override, ...], samples: int, seed: int,
                       workers: int | None = None, trees: frozenset[Path] = frozenset()) -> tuple[list[Validated], list[Checked]]:
    """``validate_files`` then ``check_files`` over ``files``, on ``workers`` processes (default: the cores) when
    there are enough files to pay for them; from a worker, only the files in ``trees`` keep their YAML tree
    (module docstring)."""
    workers = cores() if workers is None else workers
    if workers < 2 or len(files) < POOL_FROM:
        return _chunk(list(files), sets, samples, seed)
    # Loaded before the fork, so that no worker imports the engine again.
    import aigc_roi.model.engine  # noqa: F401

    size = max(1, -(-len(files) // (workers * CHUNKS_PER_WORKER)))
    chunks = [list(files[start:start + size]) for start in range(0, len(files), size)]
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    results: list[Validated] = []
    checked: list[Checked] = []
    with ProcessPoolExecutor(max_workers=min(workers, len(chunks)), mp_context=context) as pool:
        for chunk_results, chunk_checked in pool.map(_chunk, chunks, [sets] * len(chunks), [samples] * len(chunks),
                                                     [seed] * len(chunks), [trees] * len(chunks)):
            results += chunk_results
            checked += chunk_checked
    return results, checked


def _chunk(files: list[Path], sets: tuple[Override, ...], samples: int, seed: int,
           trees: frozenset[Path] | None = None) -> tuple[list[Validated], list[Checked]]:
    """The files' results; with ``trees`` (in a worker), a file outside it without its YAML tree."""
    results = validate_files(files, sets)
    checked = check_files(results, samples, seed)
    if trees is None:
        return results, checked
    # One lighter copy per file, shared by its two records as the loaded file was: pickled once.
    lighter = {id(result.loaded): dataclasses.replace(result.loaded, tree=NO_TREE) for result in results
               if result.loaded is not None and Path(result.path) not in trees}
    return ([dataclasses.replace(result, loaded=lighter.get(id(result.loaded), result.loaded)) for result in results],
            [dataclasses.replace(item, loaded=lighter.get(id(item.loaded), item.loaded)) for item in checked])
