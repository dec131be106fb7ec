"""Which digits just past a break-even a plan may be set to and still meet its threshold (docs/formulas.md §10).

A break-even is shown rounded toward the side where its threshold holds (model/rounding.py ``rounded_toward``), but
the search reports a crossing at 15.75 as 15.7499999960625, on its good side within its tolerance, and 15.74 is no
break-even anyone computed. So the digit just past it (``beyond``), at each place the value may be shown at, is run
and shown only where the run meets the threshold as ``check`` judges it: ROI within the 1e-9 every target allows
(model/targets.py ``within``), payback exactly (cumulative cash >= 0). Reading a digit as the crossing because it lies
within 1e-8 of it is not enough: 1e-8 of a payback break-even of 1,139,947.6588 is 0.0114, and at 1,139,947.66 the
plan never pays back; 1e-8 of a budget of 65,284.1106 moves ROI by -1.2e-9, outside the 1e-9. Every digit of every
driver is a sample of one engine call, as the search's own checks are (``drivers.moved_alone``, ``exact``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from aigc_roi.model.rounding import beyond, limit_places
from aigc_roi.model.scenario import Scenario
from aigc_roi.model.targets import within
from aigc_roi.whatif.breakeven_search import Level
from aigc_roi.whatif.drivers import ROW_SERIES, Driver, moved_alone

PLACES: dict[str, tuple[int, ...]] = {"money": (2, -2, -6), "count": (0, -3, -6), "rate": (4,), "small_count": (2,)}
"""The decimal places a driver's value is shown at (present/drivers.py ``bound_value``): money in cents, and in
Chinese from 1万 to 0.01万 (100) and from 1亿 to 0.01亿; counts whole, in 万 to 0.1万 and in 亿 to 0.01亿; a rate at
0.01% (4 places), posts and orders to 0.01. A factor on every month's value is shown to 0.01 too. A place missing
here costs no safety: a digit not checked is never shown past its break-even."""
FACTOR_PLACES = (2,)

Limit = tuple[float, bool]
"""A break-even and whether its threshold is met above it (a price: rounded up), not below (a cost)."""


def places(driver: Driver) -> tuple[int, ...]:
    return FACTOR_PLACES if driver.is_factor else PLACES[driver.unit]


def _shown_places(driver: Driver, value: float, up: bool) -> set[int]:
    """``places``, and the place of a limit's last significant digit where it would read 0 at them (model/rounding.py
    ``limit_places``): a break-even bid of 0.0039999999 is checked at 0.0040."""
    usual = places(driver)
    return {*usual, limit_places(value, usual[0], up)}


def held_digits(realized: Scenario, limits: Sequence[tuple[Driver, Mapping[str, Limit]]],
                thresholds: Mapping[str, Level]) -> list[dict[str, frozenset[float]]]:
    """Per driver, per threshold of its ``limits`` (none at a gate's jump, where the gate decides otherwise a hair
    past it), the digits just past the break-even that a run at them shows to meet the threshold."""
    asked = [{name: sorted({digit for place in _shown_places(driver, value, up)
                            if (digit := beyond(value, place, up)) is not None})
              for name, (value, up) in own.items()} for driver, own in limits]
    rows = [(d, name, digits) for d, own in enumerate(asked) for name, digits in own.items() if digits]
    held: list[dict[str, frozenset[float]]] = [{} for _ in limits]
    if not rows:
        return held
    answers = moved_alone(realized, [(limits[d][0], np.array(digits)) for d, _, digits in rows], ROW_SERIES,
                          [True] * len(rows))
    for (d, name, digits), (figures, months) in zip(rows, answers, strict=True):
        level = thresholds[name](figures, months)
        held[d][name] = frozenset(digit for digit, at in zip(digits, level, strict=True) if _met(name, float(at)))
    return held


def _met(threshold: str, level: float) -> bool:
    """Whether a run meets ``threshold`` at ``level``: roi as ``check`` judges ``min_roi: 0`` (1e-9 either way is the
    limit itself), the payback level (the lowest cumulative cash from the target on) exactly, as payback is."""
    return within(level, 0.0, "min") if threshold == "roi_zero" else level >= 0
