"""A break-even that is a gate's jump, not a crossing (docs/formulas.md §10).

Where a driver moves a gate's test across its threshold, the gate's ``then`` channels start or stop, and roi and
cumulative cash jump: the threshold's side can change there without the figure ever meeting it (roi from -23% to
+40%). The search reports such a value only where no real crossing bounds the current value's side first, and
then says it is a jump: the figures and the gates' decisions either side of it, from one engine call.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, TypeVar

import numpy as np

from aigc_roi.model.figures import plain
from aigc_roi.whatif.drivers import GATES_PASSED, Driver
from aigc_roi.whatif.lockstep import Steps

Key = TypeVar("Key", bound=tuple[Any, ...])
"""A pair's key: the index of its driver first."""


@dataclass(frozen=True)
class Side:
    """The plan just below or just above a jump."""

    roi: float | None
    payback_month: float | None
    """None: never."""
    gates_passed: tuple[bool, ...]
    """Per gate, in file order, whether it passes."""


@dataclass(frozen=True)
class GateJump:
    """A break-even at which gates flip: the figure jumps across the threshold there and never meets it."""

    below: Side
    above: Side

    @property
    def flipped(self) -> tuple[int, ...]:
        """The gates (indices in file order) that decide differently either side."""
        return tuple(g for g, (low, high) in enumerate(zip(self.below.gates_passed, self.above.gates_passed, strict=True))
                     if low != high)


@dataclass(frozen=True)
class FlipWithin:
    """A flip of the gates between the current value and a break-even that keeps the figure on its side: within
    the room the break-even gives, the gates' ``then`` channels start or stop. Without a break-even, the room is the
    whole domain: the flip is the one nearest the current value."""

    value: float
    """The last value, from the current one, at which the gates still decide as now."""
    sides: GateJump
    """The plan just below and just above the flip."""


class Crossing(NamedTuple):
    """One threshold's break-even of one driver."""

    value: float | None
    """The value on the threshold's good side; None where no value in the domain crosses it."""
    good_below: bool
    """Whether the threshold is met below the value (a cost), not above it (a price)."""
    jump: GateJump | None = None
    """Where the value is a gate's jump rather than a crossing, what happens either side of it."""
    flip: FlipWithin | None = None
    """The first flip of the gates between the current value and ``value``, where one lies there; where ``value`` is
    None, the flip nearest the current value anywhere in the domain."""


def described(drivers: Sequence[Driver], pairs: Mapping[Key, tuple[float, float]]) -> Steps[dict[Key, GateJump]]:
    """Per key of ``pairs`` (its driver's index first), the jump between its two values (below, above the flip): the
    figures a run gives at each, in one step (whatif/lockstep.py)."""
    if not pairs:
        return {}
    keys = list(pairs)
    figures, series = yield [drivers[key[0]] for key in keys], np.array([pairs[key] for key in keys]), True
    passed = series[GATES_PASSED]

    def side(row: int, at: int) -> Side:
        return Side(plain(figures["roi"][row, at]), plain(figures["payback_month"][row, at]),
                    tuple(bool(gate) for gate in passed[row, at]))

    return {key: GateJump(side(row, 0), side(row, 1)) for row, key in enumerate(keys)}
