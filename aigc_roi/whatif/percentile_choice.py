"""The percentiles a simulation reports, chosen by one rule for `simulate --percentiles` (cli/simulate.py) and the
library's ``percentiles`` (whatif/simulate.py, api.simulate): each a number from 0 to 100, at least one, reported in
increasing order with repeats dropped; two given apart that are one float are refused, for a float keys each
percentile's column (present/simulation.py ``percentile_key``) and theirs would be one."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NoReturn

from aigc_roi.model.arguments import items, number_within, shown
from aigc_roi.whatif.errors import ArgumentError

PERCENTILE = "a number from 0 to 100"


def distinct_percentiles(given: Sequence[tuple[object, float]], alike: Callable[[int, int], NoReturn]) -> tuple[float, ...]:
    """The floats of ``given``, each a percentile as given (a Decimal the CLI read, a number a call gave) and its float,
    in increasing order, each once; ``alike(first, second)`` for the indexes of two that are one float yet differ."""
    first: dict[float, int] = {}
    for index, (exact, value) in enumerate(given):
        seen = first.setdefault(value + 0.0, index)  # + 0.0: -0 is the 0th, keyed p0
        if given[seen][0] != exact:
            alike(seen, index)
    return tuple(sorted(first))


def percentiles_argument(percentiles: object) -> tuple[float, ...]:
    """The library's ``percentiles`` held as ``--percentiles`` holds them: an ArgumentError naming the list or the item,
    ``percentiles[1]``, for no list of numbers from 0 to 100, none at all, or two one float."""
    given = items("percentiles", percentiles, "a list of numbers from 0 to 100",
                  lambda name, held: (held, number_within(name, held, PERCENTILE, 0.0, 100.0, ArgumentError)), ArgumentError)
    if not given:
        raise ArgumentError("percentiles", f"expected at least one {PERCENTILE[2:]}, found none")

    def alike(first: int, second: int) -> NoReturn:
        raise ArgumentError(f"percentiles[{second}]", f"{shown(given[second][0])} and percentiles[{first}], "
                                                      f"{shown(given[first][0])}, differ beyond a float's precision, so "
                                                      f"both are {given[first][1]!r}; give one of them")

    return distinct_percentiles(given, alike)
