"""Two versions of a plan as the players of ``whatif.explain``: each changed value is a ``--set`` on the base.

A subset of the changes is the base file read again with those values set
(the reader's own overrides, so every combination is validated like a file).
A list of values, and a value written in another form in each version, is one
change, set whole; an item added or removed and a field left out are no value
set on the base and are not split (ci/list_changes.py): what they move is the
``unexplained`` rest, and the figures' new values are NEW's. Which changes are
one player is ci/change_groups.py's: where even every change set on the base is
no valid file, what no ``--set`` gives is one player, NEW with the other changes
that a combination lacks set back as the base writes them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from aigc_roi.ci.change_groups import LUMPED, player_groups
from aigc_roi.ci.checks import NOT_DRIVERS, changed_inputs, default_value, run_figures
from aigc_roi.ci.item_match import in_base, item_paths
from aigc_roi.ci.list_changes import list_changes, yaml_at, yaml_text
from aigc_roi.ci.records import ChangedInput
from aigc_roi.model.errors import ScenarioError, ScenarioInvalid
from aigc_roi.model.names import listed
from aigc_roi.model.paths import by_name
from aigc_roi.model.scenario import Scenario
from aigc_roi.reader.input_units import input_unit
from aigc_roi.reader.inputs import InputValue, number_in
from aigc_roi.reader.kinds import ReusedParses
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
    another currency than ``new``, the plan whose figures the split ends at (reader/one_currency.py). A problem
    located in a set names the file it was applied to (``ScenarioError.scenario``), as `check`'s do: the one set
    goes to both files, and the set alone does not say which refused it (``acquisition[1].bid``: no item 1)."""
    return split_changes(*loaded_pair(base, new, sets))


def loaded_pair(base: Path, new: Path, sets: tuple[Override, ...] = ()) -> tuple[LoadedScenario, LoadedScenario]:
    """``base`` and ``new`` read with ``sets``, in one currency; raises ``ScenarioInvalid`` with the errors of both
    (once ``new``'s were left untold where ``base`` refused another set), each naming its file, as ``figure_changes``
    says."""
    loaded: list[LoadedScenario] = []
    refused: list[ScenarioInvalid] = []
    for path in (base, new):
        try:
            loaded.append(_loaded(path, sets))
        except ScenarioInvalid as invalid:
            refused.append(invalid)
    if refused:
        # A file given as both is read alike twice: its problems are told once.
        def both(part: Callable[[ScenarioInvalid], Sequence[ScenarioError]]) -> list[ScenarioError]:
            return list(dict.fromkeys(item for invalid in refused for item in part(invalid)))

        raise ScenarioInvalid(both(lambda invalid: invalid.errors), tuple(both(lambda invalid: invalid.warnings)),
                              tuple(both(lambda invalid: invalid.file_warnings)),
                              tuple(both(lambda invalid: invalid.file_errors)))
    before, after = loaded
    errors = currency_errors((str(new), after), [before])
    if errors:
        raise ScenarioInvalid(errors)
    return before, after


def _loaded(path: Path, sets: tuple[Override, ...]) -> LoadedScenario:
    try:
        return load_path(path, sets)
    except ScenarioInvalid as invalid:
        file = str(path)
        raise ScenarioInvalid([error.applied_to(file) for error in invalid.errors],
                              tuple(warning.applied_to(file) for warning in invalid.warnings),
                              tuple(warning.applied_to(file) for warning in invalid.file_warnings),
                              tuple(error.applied_to(file) for error in invalid.file_errors)) from None


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
    # In NEW's file order, a value set whole (a list, a value in another form) among the others; NEW has no line for
    # a default it takes.
    written: list[tuple[ChangedInput, str | None]] = [
        *((change, None) for change in changed_inputs(before, after) if not lists.holds(change.now.path)), *lists.whole]
    pairs = [*sorted(written, key=lambda pair: (pair[0].now.line, pair[0].now.column)),
             *((change, None) for change in defaults)]
    changes = [change for change, _ in pairs]
    overrides = [_set_on_base(change, items, text) for change, text in pairs]
    # Each side's index kept apart: a removed item's index is BASE's, which NEW may give another item.
    not_split = (tuple(NotSplit(path, by_name(path, after.scenario), True) for path in lists.added)
                 + tuple(NotSplit(None, by_name(item.path, before.scenario), False, base_path=item.path)
                         for item in left_out)
                 + tuple(NotSplit(change.now.path, by_name(change.now.path, after.scenario), False,
                                  (None if change.before is None else str(change.before.value), str(change.now.value)),
                                  in_base(change.now.path, items))
                    for change in lists.naming_added))

    built: dict[tuple[int, ...], Scenario] = {}
    # Each side's trees share every node off the changed paths: their list items are parsed once a side.
    reused_of: dict[str, ReusedParses] = {"after": {}, "before": {}}
    # Each change set back on NEW as BASE writes it, for the lumped player (ci/change_groups.py); None where BASE writes
    # nothing there.
    reverts = [None if (text := yaml_at(before.tree, override.path)) is None else Override(change.now.path, text)
               for change, override in zip(changes, overrides, strict=True)]

    def scenario_with(indices: Iterable[int]) -> Scenario:
        # The reader's own overrides (the base tree is left as read): each combination is validated like a file. No
        # two changes set one place, so their order is none.
        key = tuple(sorted(indices))
        if key not in built:
            if LUMPED in key:
                built[key] = build(apply_overrides(after.tree, tuple(revert for i, revert in enumerate(reverts)
                                                                     if i not in key and revert is not None)), after.path,
                                   reused_of["after"])
            else:
                built[key] = build(apply_overrides(before.tree, tuple(overrides[i] for i in key)), before.path,
                                   reused_of["before"])
        return built[key]

    groups = player_groups(changes, overrides, [revert is not None for revert in reverts], scenario_with,
                           before.scenario)
    if any(LUMPED in group for group in groups):
        not_split = ()  # NEW as written holds it: the lumped player's share

    def value(subset: frozenset[int]) -> dict[str, float | int | None]:
        return dict(run_figures(scenario_with([i for group in sorted(subset) for i in groups[group]])))

    # player_groups read every change at once: that build is reused, not made again.
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
    described = tuple(ChangedValue(WHOLE_FILE, None, None, base_path=WHOLE_FILE) if LUMPED in group
                      else _described(changes, group, before.scenario, after, [overrides[i].path for i in group])
                      for group in groups)
    # The lumped player's annotation points at its first change, or, holding none, at the first change of all.
    firsts = [changes[group[0] if group[0] != LUMPED else 0] for group in groups]
    return FigureChanges(described, explanation, unexplained, not_split), firsts


def _defaults(removed: Sequence[InputValue], after: Scenario) -> tuple[list[ChangedInput], list[InputValue]]:
    """A top-level field BASE writes and NEW leaves out as a change to the default NEW takes (``discount_rate`` 0.1
    -> 0.0; none where BASE wrote that default); everything else left out is not split."""
    changes, left_out = [], []
    for item in removed:
        default = default_value(after, item.path) if item.value is not None else None
        if default is None:
            left_out.append(item)
        elif default != item.value:
            # NEW has no line for it: marked removed, so nothing points at a line of NEW for it (InputValue's line
            # and column, 0, are no place in the file).
            changes.append(ChangedInput(InputValue(item.path, default, 0, 0, 0, 0, text=str(default)), item,
                                        removed=True))
    return changes, left_out


def _set_on_base(change: ChangedInput, items: dict[str, str | None], text: str | None) -> Override:
    """A change as a ``--set`` on the base, at the base's path (``items``: ``item_paths``), its value the YAML
    ``text`` of a value set whole, else its own."""
    return Override(in_base(change.now.path, items) or change.now.path,
                    yaml_text(change.now.value) if text is None else text)


def most_adverse(before: LoadedScenario, after: LoadedScenario, missed: Mapping[str, tuple[str, str]],
                 explained: Sequence[str] = ()) -> tuple[dict[str, ChangedInput | None], FigureChanges | None]:
    """For each newly missed target (name -> (figure, "max" or "min")), the changed input whose share moved
    its figure furthest the wrong way, or None where no share moved it the wrong way (a share of 0 moved it no
    way); a target whose figure is not split (none somewhere) is left out.

    Also returns the split itself over the missed targets' figures and ``explained`` (None when there is
    neither), so `check --base --format markdown` shows what moved each figure from the same evaluations.
    """
    figures = sorted({figure for figure, _ in missed.values()} | set(explained))
    if not figures:
        return {}, None
    split, firsts = _split(before, after, [name for name in EXPLAINED if name in figures]
                           + [name for name in figures if name not in EXPLAINED])
    shares = {attribution.figure: attribution.shares for attribution in split.explanation.attributions}
    blamed: dict[str, ChangedInput | None] = {}
    for target, (figure, bound) in missed.items():
        figure_shares = shares.get(figure)
        if not figure_shares:
            continue
        # A max_ target is missed by moves up, a min_ target by moves down: a change that moved its figure the
        # right way, or not at all, did not miss it (a tightened limit did, which is no changed input).
        sign = 1 if bound == "max" else -1
        wrong_way = [i for i, share in enumerate(figure_shares) if sign * share > 0]
        blamed[target] = firsts[max(wrong_way, key=lambda i: sign * figure_shares[i])] if wrong_way else None
    return blamed, split


def _described(changes: Sequence[ChangedInput], group: list[int], base: Scenario, new: LoadedScenario,
               base_paths: Sequence[str]) -> ChangedValue:
    """One group of changes as ``explain`` names it: its paths (where NEW writes them, and where BASE is set:
    ``base_paths``), its values in the base and now, as written and as numbers, and their unit where they share one."""
    was, now = _values(changes, group, base), _values(changes, group)
    units = {input_unit(new.tree, changes[i].now.path) for i in group}
    return ChangedValue(listed(changes[i].now.path for i in group), _joined(was), _joined(now),
                        listed(by_name(changes[i].now.path, new.scenario) for i in group),
                        _number([value for value, _ in was]), _number([value for value, _ in now]),
                        base_path=listed(base_paths), unit=units.pop() if len(units) == 1 else None)


def _values(changes: Sequence[ChangedInput], group: list[int],
            base: Scenario | None = None) -> list[tuple[object, str | None]]:
    """The group's values and their texts as the new version writes them (``0.30``, ``1_000``, ``25万``), or with
    ``base`` as the base does: a top-level field the base leaves out by the value it takes there (``currency`` CNY,
    ``discount_rate`` 0.0); None for anything else it leaves out (a channel it does not have)."""
    values: list[tuple[object, str | None]] = []
    for i in group:
        item = changes[i].now if base is None else changes[i].before
        if item is not None:
            values.append((item.value, item.text or str(item.value)))
        else:
            value = None if base is None else default_value(base, changes[i].now.path)
            values.append((value, None if value is None else str(value)))
    return values


def _joined(values: Sequence[tuple[object, str | None]]) -> str | None:
    """The values' texts as one, a value left out as —; None when all are left out."""
    if all(text is None for _, text in values):
        return None
    return ", ".join("—" if text is None else text for _, text in values)


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
