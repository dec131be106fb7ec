"""Each uncertain range's own stream of random numbers, named by the range's path (docs/formulas.md §9).

A range draws from a generator of its own, seeded by the seed and the
range's ``--set`` path (``acquisition[0].bid``, ``retention.points[3]``):
numpy's ``SeedSequence`` of the seed with the path's bytes added to its
spawn key, which numpy keeps for naming independent child streams. So a
range's draws depend on the seed, its path, its kind and the sample count,
and on nothing else in the file: adding, removing or fixing another range
leaves them as they were, and two files compared on one seed share the
draws of every range they have in common (common random numbers). Drawn
side by side on threads, or slice by slice, each range reads its own stream
in order: the same numbers.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np

from aigc_roi.model.scenario import ByMonth, Distribution, RetentionPoints
from aigc_roi.model.tree import branches, child_path

RANGE_STREAM = 0x72616E67
"""The first word of every range's spawn key ("rang"): no child numpy's ``spawn`` makes of the seed (whose keys are
0, 1, 2, ...) shares a range's stream."""


def paired_ranges(original: Any, realized: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """(``--set`` path, the value ``realized`` holds in its place) of every ``Distribution`` in ``original``, in the
    order ``sampling.realize`` draws them; ``realized`` is ``original`` realized (or ``original`` itself).

    Paths index lists by position (``acquisition[0].bid``), retention points,
    retention days and conversions by age by their key (``retention.points[3]``,
    ``retention.days[7]``, ``monetization.plans[0].conversion[1]``), a month of
    a by-month value by its month (``bid.by_month.6``), as ``--set`` takes them.
    """
    if isinstance(original, Distribution):
        yield path, realized
    elif isinstance(original, ByMonth):
        for (month, value), (_, drawn) in zip(original.points, realized.points, strict=True):
            yield from paired_ranges(value, drawn, f"{path}.by_month.{month}")
    elif isinstance(original, RetentionPoints):
        for (age, value), (_, drawn) in zip(original.points, realized.points, strict=True):
            if isinstance(value, Distribution):
                yield f"{path}.points[{age}]", drawn
    else:
        for (key, item), (_, drawn) in zip(branches(original) or (), branches(realized) or (), strict=True):
            if isinstance(original, tuple) and _is_keyed_pair(item):
                # (day or age, value) of retention days or conversion by age: --set names the key.
                yield from paired_ranges(item[1], drawn[1], f"{path}[{item[0]}]")
            else:
                yield from paired_ranges(item, drawn, child_path(path, key))


def _is_keyed_pair(item: Any) -> bool:
    return isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], int)


def range_streams(scenario: Any, rng: np.random.Generator) -> list[tuple[Distribution, np.random.Generator]]:
    """Each range of ``scenario`` in ``realize``'s order, with its own generator, seeded by ``rng``'s seed sequence and
    the range's path (module docstring). ``rng`` names the seed: its own state is neither read nor moved."""
    seeds = rng.bit_generator.seed_seq
    if not isinstance(seeds, np.random.SeedSequence):
        raise TypeError("the generator needs a SeedSequence (numpy.random.default_rng(seed) has one)")
    kind = type(rng.bit_generator)
    return [(dist, np.random.Generator(kind(np.random.SeedSequence(
                seeds.entropy, spawn_key=(*seeds.spawn_key, RANGE_STREAM, *path.encode("utf-8"))))))
            for path, dist in paired_ranges(scenario, scenario)]
