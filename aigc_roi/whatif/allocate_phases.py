"""Phases of an allocation: the months in which the same set of movable channels runs.

The budget B is spent in every month in which a movable channel runs (docs/allocate.md, what B
covers), so the months split into phases by which movable channels run then, and each phase
has its own split of B among its channels. To move a channel's budget phase by phase, the
scenario is *expanded*: each movable channel becomes one copy per phase in which it runs,
active in that phase's months only. A channel's users and spend in a month depend on its budget
in that month alone (docs/formulas.md §4.1), so the expanded scenario is the
original one whenever the copies of a channel get the same budget.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from aigc_roi.model.scenario import Scenario


@dataclass(frozen=True)
class Phase:
    """Months in which the same movable channels run."""

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
    """The phases of the movable channels ``movable`` (positions in ``scenario.acquisition``), by first month. A
    month of ``ends`` (the gates' ``after_month``) ends a phase too: a gate's test months can then be held as they
    are (whatif/allocate_gates.py)."""
    every_month = tuple(range(1, scenario.horizon_months + 1))
    runs = [set(scenario.acquisition[i].months or every_month) for i in movable]
    by_set: dict[tuple[int, tuple[int, ...]], list[int]] = {}
    for month in every_month:
        running = tuple(column for column, months in enumerate(runs) if month in months)
        if running:
            by_set.setdefault((sum(end < month for end in ends), running), []).append(month)
    return tuple(Phase(tuple(months), columns) for (_, columns), months in sorted(by_set.items(), key=lambda item: item[1][0]))


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
