"""Whether every combination of a split's groups of changes keeps the conversion rules (docs/formulas.md §13, §15).

The split reads the base with any subset of its groups set. Each group alone and all of them together are read
as files, so validated; a combination between them is not (whatif/change_samples.py). A rule on one or two
numbers is kept by every combination where those files keep it, but not a rule on a sum of many: a plan's
conversions by age sum to at most 1, and a channel's conversion index times that sum stays at most 1. Ages 0 and
1 raised and age 2
lowered may each be valid alone and all together, yet the first two together pass 1: the engine would then scale
the plan's shares down, or lower the index, without a word, and the split would credit a plan no file holds.

Each sum is the base's plus each group's own change, so its largest over every combination is the base's plus
every group's rise, and an index's likewise; their product bounds every combination's (exactly, where no group
moves both). A grouping whose bound passes 1 is not split so finely.
"""

from __future__ import annotations

from collections.abc import Sequence

from aigc_roi.model.scenario import Distribution, Scenario, Value

TOLERANCE = 1e-12
"""The reader's (reader/load.py): a sum of 1 to the last bit is on the edge, not past it."""


def keeps_conversion_rules(base: Scenario, groups: Sequence[Scenario]) -> bool:
    """Whether no combination of ``groups`` (the base with one group's changes set, each) breaks a conversion rule;
    False where a group adds or removes a plan or a channel (no sum to compare)."""
    conversions, indices = _conversions(base), _indices(base)
    highest_conversions, highest_indices = list(conversions), list(indices)
    for group in groups:
        moved_conversions, moved_indices = _conversions(group), _indices(group)
        if len(moved_conversions) != len(conversions) or len(moved_indices) != len(indices):
            return False
        for p, (was, now) in enumerate(zip(conversions, moved_conversions, strict=True)):
            highest_conversions[p] += max(0.0, now - was)
        for j, (was, now) in enumerate(zip(indices, moved_indices, strict=True)):
            highest_indices[j] += max(0.0, now - was)
    # An index of 1 (organic users, and every channel that writes none) binds the sum itself.
    index = max([1.0, *highest_indices])
    return all(index * total <= 1 + TOLERANCE for total in highest_conversions)


def _conversions(scenario: Scenario) -> list[float]:
    """Each plan's conversion, summed over ages, at the medians the reader's rule reads."""
    return [sum(_median(share) for _, share in plan.conversion) if isinstance(plan.conversion, tuple)
            else _median(plan.conversion) for plan in scenario.monetization.plans]


def _indices(scenario: Scenario) -> list[float]:
    return [_median(channel.conversion_index) for channel in scenario.acquisition]


def _median(value: Value) -> float:
    return value.median() if isinstance(value, Distribution) else float(value)
