"""Milestones: dated targets on monthly series (docs/formulas.md §19).

``{month: 6, subscribers: 1000}`` holds when the run's ``subscribers`` in
month 6 is at least 1,000; ``cumulative_cash`` is read at the end of its
month. Held with the tolerance of every target (model/targets.py), pure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from aigc_roi.model.scenario import Milestone
from aigc_roi.model.targets import TargetOutcome, within


def check_milestones(milestones: Sequence[Milestone], months: Mapping[str, Sequence[float]]) -> list[TargetOutcome]:
    """One outcome per milestone, in file order; ``months`` maps a series name to its values, month 1 first."""
    outcomes = []
    for index, milestone in enumerate(milestones):
        actual = float(months[milestone.key][milestone.month - 1])
        outcomes.append(TargetOutcome(milestone.name, milestone.key, actual, milestone.value,
                                      within(actual, milestone.value, "min"), milestone.month,
                                      f"targets.milestones[{index}]"))
    return outcomes
