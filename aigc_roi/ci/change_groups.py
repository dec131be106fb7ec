"""Which changes of a split are one player (docs/formulas.md §13).

Each change is a ``--set`` on BASE. Changes that are only valid together, or whose combinations would break a
conversion sum that each and all of them keep (ci/combined_rules.py), are grouped by the list item they belong to,
else the changes of the conversion rules' fields into one group (a bid beside them keeps its own). Where a change is
still not valid alone, the changes that are, and are valid without it, are set apart one by one, and the rest is one
group: one change cannot take the others with it.

Where even every change set on BASE is no valid file, what NEW writes that no ``--set`` gives (a field it leaves out,
an item it adds) breaks it: then that, with the changes not set apart, is one player, ``LUMPED``, read as NEW with the
changes set apart that a combination lacks set back as BASE writes them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from aigc_roi.ci.combined_rules import keeps_conversion_rules, reads_conversion_rules
from aigc_roi.ci.records import ChangedInput
from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.model.scenario import Scenario
from aigc_roi.reader.overrides import Override

LUMPED = -1
"""In a group, the player that is NEW with the changes outside the combination set back: what no ``--set`` on BASE
gives alone."""

Applied = Callable[[Sequence[int]], Scenario]
"""The scenario of a combination of changes (their indices, ``LUMPED`` among them or not); ScenarioInvalid when it is
no valid file."""


def player_groups(changes: Sequence[ChangedInput], overrides: Sequence[Override], revertible: Sequence[bool],
                  applied: Applied, base: Scenario) -> list[list[int]]:
    """The changes' indices, grouped into players (the module's docstring): ``revertible[i]`` whether change i can
    be set back on NEW (BASE writes a value there)."""

    def loads(indices: Sequence[int]) -> bool:
        try:
            applied(indices)
        except ScenarioInvalid:
            return False
        return True

    every = list(range(len(changes)))
    finer = _finer([[i] for i in every], changes, overrides)
    candidates = [candidate for n, candidate in enumerate(finer) if candidate not in finer[:n]]
    if loads(every):
        for candidate in candidates:
            # Each group alone and all of them read; one group's only combinations are the base and every change.
            if all(loads(group) for group in candidate) and (len(candidate) == 1 or _keeps_rules(candidate, applied, base)):
                return candidate
        rest, movable = [], [True] * len(changes)
    else:
        rest, movable = [LUMPED], list(revertible)
    for candidate in candidates:
        groups = _apart(candidate, every, movable, rest, loads)
        if len(groups) == 1 or _keeps_rules(groups, applied, base):
            return groups
    return [[*every, *rest]]


def _apart(units: list[list[int]], every: list[int], movable: Sequence[bool], rest: list[int],
           loads: Callable[[Sequence[int]], bool]) -> list[list[int]]:
    """``units`` set apart one by one, in order, where each is valid on BASE alone and with those set apart before it,
    and what is left, with ``rest`` (``LUMPED``, or nothing where it is BASE with its changes set), is valid without
    them; that last, one group."""
    apart: list[list[int]] = []
    left = set(every)
    for unit in units:
        others = sorted(left - set(unit))
        if all(movable[i] for i in unit) and loads(unit) and loads([i for group in [*apart, unit] for i in group]) \
                and loads([*others, *rest]):
            apart.append(unit)
            left -= set(unit)
    return [*apart, [*sorted(left), *rest]] if left or rest else apart


def _keeps_rules(groups: list[list[int]], applied: Applied, base: Scenario) -> bool:
    """Whether no combination of ``groups``, each read, breaks a conversion rule (ci/combined_rules.py)."""
    return keeps_conversion_rules(base, [applied(group) for group in groups])


def _finer(groups: list[list[int]], changes: Sequence[ChangedInput], overrides: Sequence[Override]) -> list[list[list[int]]]:
    """The groupings tried first, finest first: ``groups``, by list item, and either with the conversion rules'
    fields together."""
    by_item = _by_item(groups, changes)
    return [groups, by_item, _rules_together(groups, overrides), _rules_together(by_item, overrides)]


def _by_item(groups: list[list[int]], changes: Sequence[ChangedInput]) -> list[list[int]]:
    """The changes grouped by the list item they belong to (``acquisition[0]``), or by their own path."""
    by_item: dict[str, list[int]] = {}
    for group in groups:
        for i in group:
            path = changes[i].now.path
            by_item.setdefault(path.split("].")[0] if "]." in path else path, []).append(i)
    return list(by_item.values())


def _rules_together(groups: list[list[int]], overrides: Sequence[Override]) -> list[list[int]]:
    """``groups`` with every group that sets a field of the conversion rules (at its path on the base) merged into
    the first of them: an index lowered and a conversion raised may be valid together and neither apart, while a
    bid beside them keeps its own share."""
    reading = [group for group in groups if any(reads_conversion_rules(overrides[i].path) for i in group)]
    if len(reading) < 2:
        return groups
    merged = [i for group in reading for i in group]
    return [merged if group is reading[0] else group for group in groups if group is reading[0] or group not in reading]
