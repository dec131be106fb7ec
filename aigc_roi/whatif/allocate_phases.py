"""Phases of an allocation: runs of consecutive months in which the same set of movable channels runs.

The budget B is spent in every month in which a movable channel runs (docs/allocate.md, what B
covers), so the months split into phases by which movable channels run then, and each phase
has its own split of B among its channels. Months apart are phases apart even when the same
channels run in both: a channel's price, or the value of a user it buys, can differ between them, and one split
forced on both would spend badly in one of them. To move a channel's budget phase by phase, the
scenario is *expanded*: each movable channel becomes one copy per phase in which it runs,
active in that phase's months only. A channel's users and spend in a month depend on its budget
in that month alone (docs/formulas.md §4.1), so the expanded scenario is the
original one whenever the copies of a channel get the same budget.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from aigc_roi.model.scenario import FloatArray, Scenario


@dataclass(frozen=True)
class Phase:
    """A run of consecutive months in which the same movable channels run."""

    months: tuple[int, ...]
    """1-based, ascending."""
    columns: tuple[int, ...]
    """The movable channels running then, as positions in the list of movable channels."""


@dataclass(frozen=True)
class Expansion:
    """A scenario with each movable channel split into one copy per phase in which it runs."""

    scenario: Scenario
    slots: tuple[tuple[int, int], ...]
    """(phase, movable column) of each copy, in the order of ``indices``."""
    indices: tuple[int, ...]
    """Position of each copy in the expanded scenario's acquisition."""
    kept: dict[int, int]
    """Original position -> expanded position of every channel that is not movable."""


def find_phases(scenario: Scenario, movable: Sequence[int], ends: Sequence[int] = ()) -> tuple[Phase, ...]:
    """The phases of the movable channels ``movable`` (positions in ``scenario.acquisition``), in month order: each
    a run of consecutive months with the same channels running, ended by a month when other channels (or none) run
    and by a month of ``ends`` (the gates' ``after_month``), so that a gate's test months can be held as they are
    (whatif/allocate_gates.py)."""
    every_month = tuple(range(1, scenario.horizon_months + 1))
    runs = [set(scenario.acquisition[i].months or every_month) for i in movable]
    phases: list[tuple[list[int], tuple[int, ...]]] = []
    for month in every_month:
        running = tuple(column for column, months in enumerate(runs) if month in months)
        if not running:
            continue
        last = phases[-1] if phases else None
        if last is not None and last[1] == running and last[0][-1] == month - 1 and last[0][-1] not in ends:
            last[0].append(month)
        else:
            phases.append(([month], running))
    return tuple(Phase(tuple(months), columns) for months, columns in phases)


def expand(scenario: Scenario, movable: Sequence[int], phases: Sequence[Phase]) -> Expansion:
    """``scenario`` with the movable channels replaced by their per-phase copies, appended after the others."""
    kept = [i for i in range(len(scenario.acquisition)) if i not in movable]
    slots = tuple((k, column) for k, phase in enumerate(phases) for column in phase.columns)
    copies = tuple(dataclasses.replace(scenario.acquisition[movable[column]], months=phases[k].months) for k, column in slots)
    acquisition = tuple(scenario.acquisition[i] for i in kept) + copies
    return Expansion(
        scenario=dataclasses.replace(scenario, acquisition=acquisition),
        slots=slots,
        indices=tuple(range(len(kept), len(acquisition))),
        kept={i: position for position, i in enumerate(kept)},
    )


def channel_budgets(split: FloatArray, columns: np.ndarray, months_of: FloatArray, count: int) -> FloatArray:
    """Each of the ``count`` movable channels' monthly budget at ``split`` (one budget per copy, of movable column
    ``columns`` and phase months ``months_of``), averaged over the months it runs: its phases' budgets weighted by
    their months, so that it times those months is the channel's spend (docs/allocate.md, phases)."""
    return np.bincount(columns, weights=split * months_of, minlength=count) / np.bincount(columns, weights=months_of, minlength=count)
