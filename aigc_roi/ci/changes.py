"""Two versions of a plan as the players of ``whatif.explain``: each changed value is a ``--set`` on the base.

A subset of the changes is the base file read again with those values set
(the reader's own overrides, so every combination is validated like a file).
A list of values is one change, set whole; an item added or removed and a
field left out are no value set on the base and are not split (ci/list_changes.py):
what they move is the ``unexplained`` rest, and the figures' new values are NEW's.
Changes that are only valid together (a channel switched from ``budget`` to
``users``), or whose combinations would break a conversion sum that each and
all of them keep (ci/combined_rules.py), are grouped by the list item they
belong to, else the changes of the conversion rules' fields into one group (a
bid beside them keeps its own); if a combination is still invalid, all changes
form one group.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from aigc_roi.ci.checks import NOT_DRIVERS, changed_inputs, default_value, run_figures
from aigc_roi.ci.combined_rules import keeps_conversion_rules, reads_conversion_rules
from aigc_roi.ci.item_match import in_base, item_paths
from aigc_roi.ci.list_changes import list_changes, yaml_text
from aigc_roi.ci.records import ChangedInput
from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.model.names import listed
from aigc_roi.model.paths import by_name, split_path
from aigc_roi.model.scenario import Scenario
from aigc_roi.reader.inputs import InputValue, input_values, number_in
from aigc_roi.reader.load import LoadedScenario, build, load_path
from aigc_roi.reader.one_currency import currency_errors
from aigc_roi.reader.overrides import Override, apply_overrides
from aigc_roi.whatif.change_samples import batched_values, one_by_one_unless_batched
from aigc_roi.whatif.explain import (
    EXPLAINED,
    NEVER_IS_AFTER_HORIZON,
    WHOLE_FILE,
    ChangedValue,
    FigureChanges,
    NotSplit,
    explain,
)


def figure_changes(base: Path, new: Path, sets: tuple[Override, ...] = ()) -> FigureChanges:
    """Raises ScenarioInvalid when either file (with ``sets``) is invalid, or at ``base``'s ``currency:`` when it is in
    another currency than ``new``, the plan whose figures the split ends at (reader/one_currency.py)."""
    before, after = load_path(base, sets), load_path(new, sets)
    errors = currency_errors((str(new), after), [before])
    if errors:
        raise ScenarioInvalid(errors)
    return split_changes(before, after)


def split_changes(before: LoadedScenario, after: LoadedScenario, figures: Sequence[str] = EXPLAINED) -> FigureChanges:
    """Each input that differs from ``before`` to ``after``: its share of each figure's change."""
    return _split(before, after, figures)[0]


def _split(before: LoadedScenario, after: LoadedScenario,
           figures: Sequence[str]) -> tuple[FigureChanges, list[ChangedInput]]:
    """``split_changes``, with the first changed input of each group (where an annotation points)."""
    lists = list_changes(before.tree, after.tree, NOT_DRIVERS)
    # NEW's paths as BASE writes them: each change is a --set on BASE, whose items may sit elsewhere.
    items = item_paths(before.tree, after.tree)
    defaults, left_out = _defaults(lists.removed, after.scenario)
    changes, overrides = _as_overrides([change for change in changed_inputs(before, after) if not lists.holds(change.now.path)]
                                       + defaults, before, items)
    changes += [change for change, _ in lists.whole]
    overrides += [Override(in_base(change.now.path, items) or change.now.path, text) for change, text in lists.whole]
    # Each side's index kept apart: a removed item's index is BASE's, which NEW may give another item.
    not_split = (tuple(NotSplit(path, by_name(path, after.scenario), True) for path in lists.added)
                 + tuple(NotSplit(None, by_name(item.path, before.scenario), False, base_path=item.path)
                         for item in left_out)
                 + tuple(NotSplit(change.now.path, by_name(change.now.path, after.scenario), False,
                                  (None if change.before is None else str(change.before.value), str(change.now.value)),
                                  in_base(change.now.path, items))
                    for change in lists.naming_added))

    built: dict[tuple[int, ...], Scenario] = {}

    def scenario_with(indices: Iterable[int]) -> Scenario:
        # The reader's own overrides (the base tree is left as read): each combination is validated like a file.
        key = tuple(indices)
        if key not in built:
            built[key] = build(apply_overrides(before.tree, tuple(overrides[i] for i in key)), before.path)
        return built[key]

    groups = _valid_groups([[i] for i in range(len(changes))], changes, overrides, scenario_with, before.scenario)
    if groups is None:
        # The versions differ in form, not only in value (a retention written as points in one and a churn in
        # the other): no --set on the base reaches the new file, so its every change is one, the whole file's.
        figures_before, figures_after = dict(run_figures(before.scenario)), dict(run_figures(after.scenario))
        explanation = explain(1, lambda subsets: [figures_after if subset else figures_before for subset in subsets],
                              before.scenario.horizon_months, figures)
        whole = ChangedValue(WHOLE_FILE, None, None, base_path=WHOLE_FILE)
        # Nothing is left unexplained: the one change is the new file itself (none stays none).
        unexplained = {name: None if figures_after.get(name) is None else 0.0 for name in figures}
        return FigureChanges((whole,), explanation, unexplained), [changes[0]]

    def value(subset: frozenset[int]) -> dict[str, float | int | None]:
        return dict(run_figures(scenario_with([i for group in sorted(subset) for i in groups[group]])))

    # In the order _valid_groups read every change at once: that build is reused, not made again.
    everything = scenario_with([i for group in groups for i in group])
    with_all, actual, at_base = dict(run_figures(everything)), run_figures(after.scenario), dict(run_figures(before.scenario))
    # Combinations of number changes are samples of one engine call (whatif/change_samples.py).
    batched = batched_values(before.scenario, [scenario_with(group) for group in groups], everything, figures,
                             at_base, with_all)
    horizon = before.scenario.horizon_months
    explanation = explain(len(groups), one_by_one_unless_batched(batched, value), horizon, figures)
    unexplained = {name: _difference(name, actual.get(name), with_all.get(name), horizon) for name in figures}
    # The split ends at BASE with every change set; the figures end at NEW, which what is not split moves on. Both
    # are their runs: the split's own ends may be samples of one engine call (whatif/change_samples.py).
    explanation = dataclasses.replace(explanation, attributions=tuple(
        dataclasses.replace(item, base=None if (was := at_base.get(item.figure)) is None else float(was),
                            new=None if (now := actual.get(item.figure)) is None else float(now),
                            never_counted=item.never_counted or (item.figure in NEVER_IS_AFTER_HORIZON
                                                                 and (now is None) != (with_all.get(item.figure) is None)))
        for item in explanation.attributions))
    described = tuple(_described(changes, group, before.scenario, after.scenario, [overrides[i].path for i in group])
                      for group in groups)
    return FigureChanges(described, explanation, unexplained, not_split), [changes[group[0]] for group in groups]


def _defaults(removed: Sequence[InputValue], after: Scenario) -> tuple[list[ChangedInput], list[InputValue]]:
    """A top-level field BASE writes and NEW leaves out as a change to the default NEW takes (``discount_rate`` 0.1
    -> 0.0; none where BASE wrote that default); everything else left out is not split."""
    changes, left_out = [], []
    for item in removed:
        default = default_value(after, item.path) if item.value is not None else None
        if default is None:
            left_out.append(item)
        elif default != item.value:
            # NEW has no line for it: the change is pinned where NEW starts.
            changes.append(ChangedInput(InputValue(item.path, default, 1, 1, 1, 1, text=str(default)), item))
    return changes, left_out


def _as_overrides(changes: Sequence[ChangedInput], before: LoadedScenario,
                  items: dict[str, str | None]) -> tuple[list[ChangedInput], list[Override]]:
    """Each change as a ``--set`` on the base, at the base's path (``items``: ``item_paths``). A value whose form
    changed from one number to a mapping (a schedule ``{by_month: {...}}``, a range ``{low: .., high: ..}``) is one
    change of the whole field: a month or a bound cannot be set inside a number written once."""
    written_once = {item.path: item for item in input_values(before.tree)}
    kept: list[ChangedInput] = []
    overrides: list[Override] = []
    inside: dict[str, list[tuple[list[str], ChangedInput]]] = {}
    for change in changes:
        at = in_base(change.now.path, items) or change.now.path
        field = _number_above(at, written_once)
        segments = None if field is None else split_path(at[len(field) + 1:])
        if field is None or segments is None or any(segment.startswith("[") for segment in segments):
            kept.append(change)
            overrides.append(Override(at, yaml_text(change.now.value)))
            continue
        if field not in inside:
            inside[field] = []
            # Shown where NEW writes the field: the part below it is the same in both versions.
            shown = change.now.path[:len(change.now.path) - len(at) + len(field)]
            kept.append(ChangedInput(dataclasses.replace(change.now, path=shown), written_once[field]))
            overrides.append(Override(field, ""))  # its text once every part is known, below
        inside[field].append((segments, change))
    for i, change in enumerate(kept):
        if overrides[i].path in inside:
            text = _flow(inside[overrides[i].path])
            kept[i] = ChangedInput(dataclasses.replace(change.now, value=text), change.before)
            overrides[i] = Override(overrides[i].path, text)
    return kept, overrides


def _number_above(path: str, written_once: Mapping[str, InputValue]) -> str | None:
    """The field above ``path`` that the base writes as one value (``bid`` of ``bid.by_month.6``); None if none."""
    parts = path.split(".")
    return next((".".join(parts[:n]) for n in range(1, len(parts)) if ".".join(parts[:n]) in written_once), None)


def _flow(parts: Sequence[tuple[list[str], ChangedInput]]) -> str:
    """The YAML flow mapping of a field's parts (key segments, value): ``{by_month: {1: 12, 6: 30}}``."""
    tree: dict[str, Any] = {}
    for segments, change in parts:
        node = tree
        for key in segments[:-1]:
            node = node.setdefault(key, {})
        node[segments[-1]] = yaml_text(change.now.value)

    def text(node: dict[str, Any]) -> str:
        return "{" + ", ".join(f"{key}: {text(value) if isinstance(value, dict) else value}" for key, value in node.items()) + "}"

    return text(tree)


def most_adverse(before: LoadedScenario, after: LoadedScenario, missed: Mapping[str, tuple[str, str]],
                 explained: Sequence[str] = ()) -> tuple[dict[str, ChangedInput], FigureChanges | None]:
    """For each newly missed target (name -> (figure, "max" or "min")), the changed input whose share moved
    its figure furthest the wrong way; a target whose figure is not split (none somewhere) gets none.

    Also returns the split itself over the missed targets' figures and ``explained`` (None when there is
    neither), so `check --base --format markdown` shows what moved each figure from the same evaluations.
    """
    figures = sorted({figure for figure, _ in missed.values()} | set(explained))
    if not figures:
        return {}, None
    split, firsts = _split(before, after, [name for name in EXPLAINED if name in figures]
                           + [name for name in figures if name not in EXPLAINED])
    shares = {attribution.figure: attribution.shares for attribution in split.explanation.attributions}
    blamed = {}
    for target, (figure, bound) in missed.items():
        figure_shares = shares.get(figure)
        if not figure_shares:
            continue
        # A max_ target is missed by moves up, a min_ target by moves down.
        worst = max(range(len(figure_shares)), key=lambda i: figure_shares[i] if bound == "max" else -figure_shares[i])
        blamed[target] = firsts[worst]
    return blamed, split


def _valid_groups(groups: list[list[int]], changes: Sequence[ChangedInput], overrides: Sequence[Override],
                  applied: Callable[[Sequence[int]], Scenario], base: Scenario) -> list[list[int]] | None:
    """Singles when each change loads on its own and all together and no combination breaks a conversion rule
    (ci/combined_rules.py); else by list item; else either of those with the changes of the conversion rules' fields
    as one group; else one group; None when even every change together does not load (the versions differ in form,
    not only in value)."""
    by_item = _by_item(groups, changes)
    candidates = [groups, by_item, _rules_together(groups, overrides), _rules_together(by_item, overrides),
                  [[i for group in groups for i in group]] if groups else []]
    for n, candidate in enumerate(candidates):
        if candidate in candidates[:n]:
            continue
        try:
            alone = [applied(indices) for indices in candidate]
            applied([i for group in candidate for i in group])
        except ScenarioInvalid:
            continue
        # One group's only combinations are the base and every change, both read.
        if len(candidate) > 1 and not keeps_conversion_rules(base, alone):
            continue
        return candidate
    return None


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


def _described(changes: Sequence[ChangedInput], group: list[int], base: Scenario, new: Scenario,
               base_paths: Sequence[str]) -> ChangedValue:
    """One group of changes as ``explain`` names it: its paths (where NEW writes them, and where BASE is set:
    ``base_paths``), its values in the base and now, as written and as numbers."""
    was, now = _values(changes, group, base), _values(changes, group)
    return ChangedValue(listed(changes[i].now.path for i in group), _joined(was), _joined(now),
                        listed(by_name(changes[i].now.path, new) for i in group), _number(was), _number(now),
                        base_path=listed(base_paths))


def _values(changes: Sequence[ChangedInput], group: list[int], base: Scenario | None = None) -> list[object]:
    """The group's values as the new version writes them, or with ``base`` as the base does: a top-level field the
    base leaves out by the value it takes there (``currency`` CNY, ``discount_rate`` 0.0); None for anything else it
    leaves out (a channel it does not have)."""
    values: list[object] = []
    for i in group:
        item = changes[i].now if base is None else changes[i].before
        if item is not None:
            values.append(item.value)
        else:
            values.append(None if base is None else default_value(base, changes[i].now.path))
    return values


def _joined(values: Sequence[object]) -> str | None:
    """The values as one text, a value left out as —; None when all are left out."""
    if all(value is None for value in values):
        return None
    return ", ".join("—" if value is None else str(value) for value in values)


def _number(values: Sequence[object]) -> float | None:
    """The one value as a number (``number_in``); None for several."""
    return number_in(values[0]) if len(values) == 1 else None


def _difference(name: str, actual: float | int | None, explained: float | int | None, horizon: int) -> float | None:
    """None where either is none (a payback of never counts as month ``horizon + 1``, as in the split): a none cannot
    be split, and 0 would claim everything was explained."""
    if name in NEVER_IS_AFTER_HORIZON:
        actual, explained = (horizon + 1 if value is None else value for value in (actual, explained))
    if actual is None or explained is None:
        return None
    return float(actual) - float(explained)
