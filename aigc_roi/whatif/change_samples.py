"""Combinations of changes that set numbers, evaluated as samples of one engine call (docs/formulas.md §13).

``compare --explain`` reads the figures of every combination of up to 10
changes, or of every prefix of 200 random orders of more: thousands of runs
of one file (issue 27: 40 changed prices at every cap of docs/limits.md ran
for more than five minutes). Where each change sets numbers of the model and
nothing else (the base and the base with that change, as read, differ in
float values only), no two changes set the same number, and every change
at once is exactly the base with each change's numbers set, a combination is
the base with the numbers of its changes set: one sample each, all of them
one vectorised engine call.

Each change alone and every change at once are read and validated like
files before (ci/changes.py); a combination between them sets each number to
one of its two valid values and is not read again. The batch must give the
figures of the base and of every change at once that their own runs give
(within ``AGREEMENT``), or the combinations are run one by one, as are
changes of anything but numbers. Every combination, the empty one and the
whole one too, then reads the batch's figures, each computed as the others
are: the run of the base beside the batch's base with a fixed cost set once
gave that cost a share of ROI of 2.2e-17, their last bits apart, where it
moves ROI not at all.

Where each change moves items no other change moves (``_items_apart``), the
call holds only the base and each change alone: their amounts add
(``FigureInputs.combined``), so a combination's figures are computed from the
base's amounts plus its changes' differences, not evaluated again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from aigc_roi.model.engine import evaluate_batch
from aigc_roi.model.figure_values import items_add
from aigc_roi.model.figures import figure_value
from aigc_roi.model.sampling import realize
from aigc_roi.model.scenario import Distribution, Scenario
from aigc_roi.model.tree import Key, branches, rebuilt
from aigc_roi.whatif.explain import Figures, Values

AGREEMENT = 1e-9
"""Relative difference allowed between a batch's sample and the run of the same scenario (summation order)."""

Keys = tuple[Key, ...]


def number_changes(base: Scenario, changed: Scenario) -> dict[Keys, float] | None:
    """The numbers ``changed`` sets on ``base`` (both as read), by their place in the tree; None when the two
    differ in anything else (a structure, a name, a range, a whole number such as a period)."""
    found: dict[Keys, float] = {}

    def same_but_numbers(before: Any, after: Any, keys: Keys) -> bool:
        if type(before) is float and type(after) is float:
            if before != after:
                found[keys] = after
            return True
        if isinstance(before, Distribution) or isinstance(after, Distribution):
            return before == after
        # Frozen dataclasses and tuples compare field by field: only the branches that differ are walked.
        if before is after or before == after:
            return True
        children_before, children_after = branches(before), branches(after)
        if children_before is None or children_after is None:
            return type(before) is type(after) and not isinstance(before, np.ndarray) and bool(before == after)
        if type(before) is not type(after) or len(children_before) != len(children_after):
            return False
        return all(key == other and same_but_numbers(value, new, (*keys, key))
                   for (key, value), (other, new) in zip(children_before, children_after, strict=True))

    return found if same_but_numbers(base, changed, ()) else None


def batched_values(base: Scenario, singles: Sequence[Scenario], everything: Scenario, figures: Sequence[str],
                   base_figures: Figures, all_figures: Figures) -> Values | None:
    """The figures of each subset of the changes that turn ``base`` into each of ``singles`` (and all of them into
    ``everything``), from one engine call; None when they are not numbers only (module docstring).
    ``base_figures`` and ``all_figures`` are the runs of ``base`` and ``everything``: the batch is checked
    against them; the empty and the full subset read the batch, as every other does."""
    numbers = [number_changes(base, single) for single in singles]
    if any(found is None for found in numbers):
        return None
    owned = [found for found in numbers if found is not None]
    union = {keys: value for found in owned for keys, value in found.items()}
    if sum(len(found) for found in owned) != len(union) or number_changes(base, everything) != union:
        return None
    # Ranges are read as their medians, as a run reads them; a number set by a change is not a range.
    realized = realize(base)
    full = frozenset(range(len(singles)))
    now = {keys: _number_at(realized, keys) for keys in union}

    apart = _items_apart(realized, owned)

    def values(subsets: Sequence[frozenset[int]]) -> Sequence[Figures]:
        asked = [frozenset(), full, *subsets]
        member = np.zeros((len(asked), len(owned)), dtype=bool)
        for row, subset in enumerate(asked):
            member[row, list(subset)] = True

        def every_combination() -> dict[str, Any]:
            batch = _with_numbers(realized, {keys: np.where(member[:, i], value, now[keys])
                                             for i, found in enumerate(owned) for keys, value in found.items()})
            return evaluate_batch(batch, irr="irr" in figures).figures

        ways = [lambda: _added(realized, owned, now, member, "irr" in figures)] if apart else []
        for way in [*ways, every_combination]:
            columns = {name: np.broadcast_to(column, (len(asked),)).tolist() for name, column in way().items()
                       if name in figures}
            rows = [{name: figure_value(name, column[s]) for name, column in columns.items()} for s in range(len(asked))]
            if _agree(rows[0], base_figures, figures) and _agree(rows[1], all_figures, figures):
                return rows[2:]
        raise _Disagrees

    return values


ITEM_LISTS = (("monetization", "plans"), ("monetization", "purchases"), ("monetization", "orders"), ("costs", "fixed"))
"""Where the items are whose amounts add (model/figure_values.py ``FigureInputs``)."""


def _items_apart(realized: Scenario, changes: Sequence[dict[Keys, float]]) -> bool:
    """Whether every change sets numbers of items no other change sets, where items add (``items_add``)."""
    if not items_add(realized):
        return False
    owners: dict[Keys, int] = {}
    for change, found in enumerate(changes):
        for keys in found:
            if len(keys) < 4 or keys[:2] not in ITEM_LISTS:
                return False
            if owners.setdefault(keys[:3], change) != change:
                return False
    return True


def _added(realized: Scenario, changes: Sequence[dict[Keys, float]], now: Mapping[Keys, float], member: np.ndarray,
           irr: bool) -> dict[str, Any]:
    """The figures of each row of ``member`` from one engine call of the base and each change alone: changes to
    distinct items add their amounts (``FigureInputs.combined``), so a combination is the base plus theirs."""
    alone = np.eye(len(changes) + 1, dtype=bool)[:, 1:]
    batch = _with_numbers(realized, {keys: np.where(alone[:, i], value, now[keys])
                                     for i, found in enumerate(changes) for keys, value in found.items()})
    inputs = evaluate_batch(batch, irr=False, inputs=True).inputs
    assert inputs is not None, "a figures-only evaluation keeps its inputs"
    return inputs.combined(member).figures(irr)


class _Disagrees(Exception):
    """The batch's base or every-change sample differs from its own run: the combinations are run one by one."""


def one_by_one_unless_batched(batched: Values | None, value: Callable[[frozenset[int]], Figures]) -> Values:
    """``batched`` where it holds, else ``value`` of each subset in turn."""

    def values(subsets: Sequence[frozenset[int]]) -> Sequence[Figures]:
        if batched is not None:
            try:
                return batched(subsets)
            except (_Disagrees, TypeError, ValueError):
                # The engine refuses an array where a field takes one number (TypeError, ValueError): each
                # combination is then read and run as a file, which is always right, only slower.
                pass
        return [value(subset) for subset in subsets]

    return values


def _agree(found: Figures, expected: Figures, figures: Sequence[str]) -> bool:
    """Both none or both within ``AGREEMENT`` of each other, for every figure."""
    for name in figures:
        a, b = found.get(name), expected.get(name)
        if a is None or b is None:
            if a is not b:
                return False
        elif abs(float(a) - float(b)) > AGREEMENT * max(1.0, abs(float(b))):
            return False
    return True


def _number_at(tree: Any, keys: Keys) -> float:
    for key in keys:
        tree = dict(branches(tree) or ())[key]
    return float(tree)


def _with_numbers(tree: Any, numbers: Mapping[Keys, Any]) -> Any:
    """``tree`` with the value at each place in ``numbers`` replaced."""
    if () in numbers:
        return numbers[()]
    below: dict[Key, dict[Keys, Any]] = {}
    for keys, value in numbers.items():
        below.setdefault(keys[0], {})[keys[1:]] = value
    return rebuilt(tree, [(key, _with_numbers(child, below[key]) if key in below else child)
                          for key, child in branches(tree) or ()])
