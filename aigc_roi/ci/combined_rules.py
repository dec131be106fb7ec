"""Whether every combination of a split's groups of changes keeps the conversion rules (docs/formulas.md §13, §15).

The split reads the base with any subset of its groups set. Each group alone and all of them together are read
as files, so validated; a combination between them is not (whatif/change_samples.py). A rule on one or two
numbers is kept by every combination where those files keep it, but not a rule on a sum of many: a plan's
conversions by age sum to at most 1, and a channel's conversion index times that sum stays at most 1. Ages 0 and
1 raised and age 2
lowered may each be valid alone and all together, yet the first two together pass 1: the engine would then scale
the plan's shares down, or lower the index, without a word, and the split would credit a plan no file holds.

Each sum is the base's plus the changes of the groups a combination holds. A group that moves sums or indices
only raises a product at most by its rise, so every such group's rise counts; a group that moves both (an index
lowered with a conversion raised, valid together and not apart) is counted with and without its change, every
combination of the few such groups tried. Where a grouping's bound passes 1 it is not split so finely; the split
then keeps together the changes of the rules' own fields (``reads_conversion_rules``), every other change apart.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from aigc_roi.model.paths import split_path
from aigc_roi.model.scenario import Distribution, Scenario, Value

TOLERANCE = 1e-12
"""The reader's (reader/load.py): a sum of 1 to the last bit is on the edge, not past it."""


MOST_GROUPS_MOVING_BOTH = 8
"""Groups moving both a conversion and an index tried in every combination (2^8 = 256); past that each counts its
rises alone, a bound above every combination's."""


def keeps_conversion_rules(base: Scenario, groups: Sequence[Scenario]) -> bool:
    """Whether no combination of ``groups`` (the base with one group's changes set, each) breaks a conversion rule;
    False where a group adds or removes a plan or a channel (no sum to compare)."""
    conversions, indices = _conversions(base), _indices(base)
    moves: list[tuple[list[float], list[float]]] = []
    for group in groups:
        moved_conversions, moved_indices = _conversions(group), _indices(group)
        if len(moved_conversions) != len(conversions) or len(moved_indices) != len(indices):
            return False
        moves.append(([now - was for was, now in zip(conversions, moved_conversions, strict=True)],
                      [now - was for was, now in zip(indices, moved_indices, strict=True)]))
    both = [k for k, (conversion_changes, index_changes) in enumerate(moves) if any(conversion_changes) and any(index_changes)]
    if len(both) > MOST_GROUPS_MOVING_BOTH:
        both = []
    # A field is moved by one group only: a one-sided group's rises and a group moving both add to distinct fields.
    highest_conversions, highest_indices = list(conversions), list(indices)
    for conversion_changes, index_changes in (move for k, move in enumerate(moves) if k not in both):
        highest_conversions = [total + max(0.0, change) for total, change in zip(highest_conversions, conversion_changes, strict=True)]
        highest_indices = [index + max(0.0, change) for index, change in zip(highest_indices, index_changes, strict=True)]
    for chosen in itertools.product((False, True), repeat=len(both)):
        totals, found = list(highest_conversions), list(highest_indices)
        for taken, k in zip(chosen, both, strict=True):
            if taken:
                conversion_changes, index_changes = moves[k]
                totals = [total + change for total, change in zip(totals, conversion_changes, strict=True)]
                found = [index + change for index, change in zip(found, index_changes, strict=True)]
        # An index of 1 (organic users, and every channel that writes none) binds the sum itself.
        index = max([1.0, *found])
        if not all(index * total <= 1 + TOLERANCE for total in totals):
            return False
    return True


def reads_conversion_rules(path: str) -> bool:
    """Whether a change at ``path`` (``acquisition[A].conversion_index``, ``monetization.plans[0].conversion[1]``, or
    a part above one, a whole channel or plan) may move a number the conversion rules read."""
    segments = split_path(path) or []
    # A path shorter than a rule's (a whole channel) or longer (a range's bound, an age) is compared on their common part.
    return any(all((part == "[]" and segment.startswith("[")) or part == segment
                   for part, segment in zip(rule, segments, strict=False))
               for rule in (("acquisition", "[]", "conversion_index"), ("monetization", "plans", "[]", "conversion")))


def _conversions(scenario: Scenario) -> list[float]:
    """Each plan's conversion, summed over ages, at the medians the reader's rule reads."""
    return [sum(_median(share) for _, share in plan.conversion) if isinstance(plan.conversion, tuple)
            else _median(plan.conversion) for plan in scenario.monetization.plans]


def _indices(scenario: Scenario) -> list[float]:
    return [_median(channel.conversion_index) for channel in scenario.acquisition]


def _median(value: Value) -> float:
    return value.median() if isinstance(value, Distribution) else float(value)
