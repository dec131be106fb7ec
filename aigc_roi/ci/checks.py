"""`validate` and `check` as library calls: read every file, run each valid scenario, hold it to its targets.

No output here: the results are records (``ci.records``) for the presenters.
``validate_files`` imports no engine, so validating hundreds of files costs
no more than reading them; ``check_files`` loads the engine when it runs.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from aigc_roi.ci.item_match import in_base, item_paths
from aigc_roi.ci.list_changes import list_changes
from aigc_roi.ci.records import (
    ChangedInput,
    Checked,
    Comparison,
    IrrNotes,
    Validated,
    comparable,
    range_locations,
    target_locations,
)
from aigc_roi.model.change_targets import CHANGE_TARGETS, MOVED_FIGURE, check_change_targets, not_applicable
from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.model.figures import FIGURE_NAMES
from aigc_roi.model.milestones import check_milestones
from aigc_roi.model.paths import split_path
from aigc_roi.model.scenario import MILESTONE_KEYS, Scenario
from aigc_roi.model.targets import PAYBACK_PROBABILITY, Figures, TargetOutcome, check_targets
from aigc_roi.reader.inputs import input_values
from aigc_roi.reader.load import LoadedScenario, load_path
from aigc_roi.reader.overrides import Override

if TYPE_CHECKING:
    from aigc_roi.ci.baseline import Change
    from aigc_roi.model.sampling import Clipped
    from aigc_roi.whatif.explain import FigureChanges
    from aigc_roi.whatif.simulate import StageCallback


POOL_FROM = 64
"""Files from which a pool of worker processes pays (ci/parallel.py): `check` takes about 20 ms a file (read and run),
`validate` under 1 ms, and two workers start in about 0.05 s; below it a hook on a few files runs in one process, and
`validate` loads none of the pool's modules."""


def validate_files(files: Sequence[Path], sets: tuple[Override, ...] = ()) -> list[Validated]:
    """Each file read and checked, its scenario kept for `check`."""
    return list(iter_validated(files, sets, keep=True))


def iter_validated(files: Iterable[Path], sets: tuple[Override, ...] = (), keep: bool = False) -> Iterator[Validated]:
    """Each file read and checked, one at a time; a valid file's scenario only with ``keep`` (else ``loaded`` is
    None and ``errors`` empty), so reading thousands of files holds one at a time."""
    for file in files:
        try:
            loaded = load_path(file, sets)
        except ScenarioInvalid as invalid:
            # The file's own errors first (where a --set was refused before reading it: ScenarioInvalid.file_errors).
            errors = (*invalid.file_errors, *invalid.errors)
            yield Validated(str(file), None, tuple(error.applied_to(str(file)) for error in errors),
                            tuple(warning.applied_to(str(file)) for warning in invalid.file_warnings), folder=os.path.isdir(file))
            continue
        yield Validated(str(file), loaded if keep else None,
                        warnings=tuple(warning.applied_to(str(file)) for warning in loaded.warnings))


def run_figures(scenario: Scenario) -> Figures:
    """The figures of a deterministic run (every range at its median), as `run` shows them."""
    return _run(scenario)[0]


MonthSeries = dict[str, list[float]]
"""Monthly series of a deterministic run by name, month 1 first: what milestones read."""


def _run(scenario: Scenario) -> tuple[Figures, MonthSeries, IrrNotes]:
    """The figures of a deterministic run, the series its milestones bound, and what run's JSON says beside them of
    its IRR: why it is none, or how it reads (docs/formulas.md §5)."""
    # Imported here, not at the top: `validate` shares this module and must stay light.
    from aigc_roi.model.engine import evaluate
    from aigc_roi.model.figures import figures_of
    from aigc_roi.model.sampling import realize

    result = evaluate(realize(scenario))
    keys = {milestone.key for milestone in scenario.targets.milestones}
    months = {key: [float(value) for value in result.months[key][0]] for key in MILESTONE_KEYS if key in keys}
    return figures_of(result.figures), months, result.irr_notes()


def held_targets(scenario: Scenario, figures: Figures, months: MonthSeries) -> list[TargetOutcome]:
    """The scenario's targets over the horizon, then its milestones, each held."""
    return (check_targets(scenario.targets, figures, scenario.horizon_months)
            + check_milestones(scenario.targets.milestones, months))


CHECK_SAMPLES = 10_000
CHECK_SEED = 0
"""Simulation of ``targets.min_payback_probability`` unless `check --samples/--seed` say otherwise (docs/formulas.md §10)."""

FILES = "files"
"""The stage of `check`'s progress that counts the files checked (``check_files``)."""


def check_files(results: Sequence[Validated], samples: int = CHECK_SAMPLES, seed: int = CHECK_SEED,
                progress: StageCallback | None = None) -> list[Checked]:
    """Each valid scenario held to its targets; simulated only when it sets ``min_payback_probability``.
    ``progress`` hears ``FILES`` (files done, ``results``) before the first and after each, and a simulated
    file's stages in between."""
    checked = []
    if progress is not None:
        progress(FILES, 0, len(results))
    for done, result in enumerate(results, start=1):
        if result.loaded is not None:
            scenario = result.loaded.scenario
            figures, months, irr_notes = _run(scenario)
            held: Figures = figures
            clipped: tuple[Clipped, ...] = ()
            simulated = 0
            if scenario.targets.min_payback_probability is not None:
                from aigc_roi.whatif.simulate import payback_chance  # the engine, for the files that need it

                # The share paying back within targets.max_payback_months (default 12), and the ranges clipped on
                # the way. Kept out of ``figures``: those are the run's, which --base compares before and after.
                chance, clipped = payback_chance(scenario, samples, seed, progress)
                held, simulated = {**figures, PAYBACK_PROBABILITY: chance}, samples
            # Targets on the change need a base version: not applicable until `check --base` holds them.
            outcomes = held_targets(scenario, held, months) + not_applicable(scenario.targets)
            # The targets on the change too: `check --base` holds them after the tree may have gone (ci/parallel.py).
            located = target_locations(result.loaded, outcomes, CHANGE_TARGETS)
            ranges = range_locations(result.loaded, (range_.path for range_ in clipped))
            checked.append(Checked(result.path, result.loaded, figures, outcomes, located, clipped, irr_notes, ranges,
                                   simulated))
        if progress is not None:
            progress(FILES, done, len(results))
    return checked


def compare_with_base(changes: Sequence[Change], checked: Sequence[Checked], results: Sequence[Validated],
                      explain: bool = False) -> list[Comparison]:
    """One comparison per changed file that this run looked at (or that was removed).

    With ``explain`` each modified file also gets the split of its figures' change among the changed
    inputs (ci/changes.py), which `check --base --format markdown` shows.
    """
    now = {Path(item.path): item for item in checked}
    looked_at = {Path(result.path) for result in results}
    comparisons = []
    for change in changes:
        if change.status != "removed" and Path(change.path) not in looked_at:
            continue
        after = now.get(Path(change.path))
        source = after.loaded if after is not None else change.before
        name, currency = (source.scenario.name, source.scenario.currency) if source is not None else ("", "CNY")
        before: Figures | None = None
        before_irr_notes: IrrNotes = {}
        missed: frozenset[str] = frozenset()
        if change.before is not None:
            before, months, before_irr_notes = _run(change.before.scenario)
            missed = frozenset(o.name for o in held_targets(change.before.scenario, before, months) if not o.passed)
        changed = changed_inputs(change.before, after.loaded) if change.before is not None and after is not None else ()
        currency_change = _currency_change(change.before, after.loaded if after is not None else None)
        on_change: tuple[TargetOutcome, ...] = ()
        if change.before is not None and before is not None and after is not None:
            on_change = tuple(check_change_targets(after.loaded.scenario.targets, before, after.figures,
                                                   change.before.scenario.horizon_months,
                                                   after.loaded.scenario.horizon_months, currency_change))
        blamed: dict[str, ChangedInput | None] = {}
        split: FigureChanges | None = None
        if change.before is not None and after is not None and (changed or _leaves_out(change.before, after.loaded)):
            from aigc_roi.ci.changes import most_adverse  # it builds on this module
            from aigc_roi.whatif.explain import EXPLAINED

            # Across a currency change an amount's move is no amount at all: money figures are not split.
            splittable = frozenset(name for name in EXPLAINABLE if comparable(name, currency_change))
            new_misses = {o.name: (o.figure, o.bound) for o in after.outcomes
                          if not o.passed and o.name not in missed and o.figure in splittable and o.month is None}
            new_misses |= {o.name: MOVED_FIGURE[o.name] for o in on_change if not o.passed}
            explained = [name for name in EXPLAINED if name in splittable] if explain else []
            blamed, split = most_adverse(change.before, after.loaded, new_misses, explained)
            # `currency:` moves no figure, yet may be the first change of a player that does (one set with it, or the
            # lumped one: ci/change_groups.py): its line is not where to look.
            blamed = {name: driver for name, driver in blamed.items() if driver is None or driver.moves_figures}
        comparisons.append(Comparison(change.path, change.status, name, currency, before,
                                      after.figures if after is not None else None, change.before_errors,
                                      changed, missed, blamed, on_change, split if explain else None,
                                      (before_irr_notes, after.irr_notes if after is not None else {}),
                                      change.was, currency_change))
    return comparisons


def _leaves_out(before: LoadedScenario, after: LoadedScenario) -> bool:
    """Whether ``after`` lacks an item or a field ``before`` writes (other than a top-level default it takes anyway):
    a change ``changed_inputs``, which lists what ``after`` writes, never sees."""
    return any(item.value is None or default_value(after.scenario, item.path) != item.value
               for item in list_changes(before.tree, after.tree, NOT_DRIVERS).removed)


def _currency_change(before: LoadedScenario | None, after: LoadedScenario | None) -> tuple[str, str] | None:
    """The currency at the base and now when both versions exist and their currencies differ; else None."""
    if before is None or after is None or before.scenario.currency == after.scenario.currency:
        return None
    return before.scenario.currency, after.scenario.currency


def hold_change_targets(checked: Sequence[Checked], comparisons: Sequence[Comparison]) -> list[Checked]:
    """``check --base``: each file's targets on the change held against the base revision.

    A changed file gets its comparison's outcomes; a file unchanged since the base moved nothing, so
    its drop and delay are 0; a file new there (or invalid there) has nothing to compare with and keeps
    its not-applicable outcomes.
    """
    compared = {comparison.path: comparison for comparison in comparisons}
    held = []
    for item in checked:
        comparison = compared.get(item.path)
        targets, horizon = item.loaded.scenario.targets, item.loaded.scenario.horizon_months
        if comparison is None:
            on_change = check_change_targets(targets, item.figures, item.figures, horizon, horizon)
        elif comparison.before is not None and comparison.after is not None:
            on_change = list(comparison.change_outcomes)
        else:
            on_change = not_applicable(targets)
        kept = [outcome for outcome in item.outcomes if outcome.name not in CHANGE_TARGETS]
        held.append(dataclasses.replace(item, outcomes=kept + on_change))
    return held


EXPLAINABLE = frozenset(FIGURE_NAMES)
"""Targets whose figure a change can be split over: the run's figures, not the simulated payback probability
(nor a milestone, which bounds one month of a series, not the figure)."""
NOT_DRIVERS = ("name", "targets", "version")
"""Fields that change no figure: a missed target is never blamed on them."""


def changed_inputs(before: LoadedScenario, after: LoadedScenario) -> tuple[ChangedInput, ...]:
    """Values of ``after``'s file that differ from (or are absent in) ``before``, in file order; a value ``before``
    leaves out and ``after`` writes as the default it took (``currency: CNY``) is no change. List items are compared
    with the item of the same name (ci/item_match.py), not the one at the same place."""
    old = {item.path: item for item in input_values(before.tree)}
    items = item_paths(before.tree, after.tree)
    changed = []
    for item in input_values(after.tree):
        if item.source is not None or item.path.split(".")[0].split("[")[0] in NOT_DRIVERS:
            continue
        at = in_base(item.path, items)
        previous = None if at is None else old.get(at)
        if previous is None and item.value == default_value(before.scenario, item.path):
            continue
        if previous is None or previous.value != item.value:
            changed.append(ChangedInput(item, previous))
    return tuple(changed)


def default_value(scenario: Scenario, path: str) -> str | int | float | None:
    """The value a top-level field its file does not write takes in ``scenario`` (``currency`` CNY); None for a deeper
    path or a value that is not one number or name."""
    value = getattr(scenario, path, None) if split_path(path) == [path] else None
    return value if isinstance(value, str | int | float) else None


def missed_at_base(checked: Sequence[Checked], comparisons: Sequence[Comparison]) -> dict[str, frozenset[str]]:
    """For ``check --base``: per checked file, the targets it already missed at the base revision.

    A file unchanged since the base misses there exactly what it misses now; a
    new file (or one invalid at the base) missed nothing there, so each of its
    misses is new.
    """
    compared = {comparison.path: comparison for comparison in comparisons}
    at_base = {}
    for item in checked:
        comparison = compared.get(item.path)
        if comparison is None:
            at_base[item.path] = frozenset(outcome.name for outcome in item.outcomes if not outcome.passed)
        else:
            at_base[item.path] = comparison.missed_at_base
    return at_base
