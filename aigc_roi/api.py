"""The library surface: what the CLI calls, for scripts and notebooks too. In the repository's folder (the test
tests/contract/test_api_surface.py runs this example):

    >>> from aigc_roi import api
    >>> scenario = api.load("scenarios/chat-assistant-cpa.yaml", sets=["acquisition[0].bid=25"])
    >>> figures = api.figures(scenario)
    >>> figures["ad_spend"]  # 90,000 a month in months 1-3 and 250,000 in months 1-12
    3270000.0
    >>> figures["roi"] > 0
    True
    >>> roi_zero = {row.driver.path: row.roi_zero for row in api.break_even(scenario).rows}
    >>> douyin = roi_zero["acquisition[1].bid"]  # the Douyin bid at which the plan's ROI falls to 0
    >>> at_zero = api.load("scenarios/chat-assistant-cpa.yaml", sets=["acquisition[0].bid=25", f"acquisition[1].bid={douyin}"])
    >>> abs(api.figures(at_zero)["roi"]) < 1e-6
    True
    >>> roi_zero["acquisition[0].bid"] is None  # no Bilibili bid alone brings it to 0
    True

Errors are exceptions carrying values, each ``api.<name>``: ``ScenarioInvalid``
(every located ``ScenarioError`` of a file; of a ``Scenario`` built or changed in
code, which every function taking one holds to the rules a file is read by, each
located by the argument and the field's path: ``scenario: virality: expected a
number >= 0 and < 1, found 1.5``), ``WhatIfError`` for a what-if a
scenario cannot answer (among them ``ArgumentError``, which names the argument
as the call gave it, ``AllocationError``, ``UnknownDriver``, ``AmbiguousDriver``
and ``ValuesRefused``, whose ``errors`` are located) and ``CiError`` for a check
that cannot start (``NoScenarioFiles``, ``BaselineError``). Every argument is held to what its
function takes before any work: one of another type or outside its bounds
raises an ``ArgumentError`` (a ``ValueError`` too; allocate's an
``AllocationError`` as well) naming it, what it expected and what it found
(``percentiles[0]: expected a number from 0 to 100, found '50' (str)``), and
anything but a ``Scenario`` where one goes, a ``LoadedScenario`` among them
(pass its ``.scenario``), raises a ``TypeError`` saying what the function
takes, as anything but a ``LoadedScenario`` does where that goes. The types
the functions take and return are ``api.<name>`` too (``api.Simulation``,
``api.LoadedScenario``), and ``typing.get_type_hints`` reads every function's.
Nothing here prints or exits: what a scenario may hold but cannot have meant (the CLI's warnings) is told through
Python's ``warnings`` as an ``api.ScenarioWarning`` (a ``UserWarning``), once per scenario as it reads (a copy of one
told is not told again), once shown and under the filters then in force (reader/told_warnings.py): a scenario built or
changed in code when a function takes it, a file's by ``load``, ``load_source`` and ``explain_change`` at each read
(``load_plan`` returns its warnings in ``.warnings`` and warns of none).
"""

from __future__ import annotations

import dataclasses
import datetime
import importlib
import math
import os
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

# The annotations below name the types of numpy's and PyYAML's modules as this module's own (api.Simulation), which it
# imports when first asked for: typing.get_type_hints, evaluating them here, would find no name imported only for the
# type checker.
from aigc_roi import api
from aigc_roi.ci.errors import BaselineError, CiError, NoScenarioFiles
from aigc_roi.model import arguments
from aigc_roi.model.errors import ScenarioError, ScenarioInvalid, ScenarioWarning
from aigc_roi.model.limits import ALLOCATE_SAMPLES, MAX_SAMPLES, MAX_SEED
from aigc_roi.model.scenario import Milestone, Scenario
from aigc_roi.model.spelled_paths import spelled_path
from aigc_roi.whatif.errors import ArgumentError, ValuesRefused, WhatIfError

if TYPE_CHECKING:
    from aigc_roi.ci.plan_report import PlanFacts as PlanFacts
    from aigc_roi.ci.records import Checked as Checked
    from aigc_roi.ci.records import CheckRun as CheckRun
    from aigc_roi.ci.records import Validated as Validated
    from aigc_roi.model.engine import Result as Result
    from aigc_roi.reader.inputs import TypedInput as TypedInput
    from aigc_roi.reader.load import LoadedScenario as LoadedScenario
    from aigc_roi.reader.overrides import Override
    from aigc_roi.whatif.actuals import Actuals as Actuals
    from aigc_roi.whatif.allocate import Allocation as Allocation
    from aigc_roi.whatif.allocate import Objective as Objective
    from aigc_roi.whatif.allocate_result import AllocationError as AllocationError
    from aigc_roi.whatif.breakeven import BreakEvenTable as BreakEvenTable
    from aigc_roi.whatif.compare import Comparison as Comparison
    from aigc_roi.whatif.curves import Curves as Curves
    from aigc_roi.whatif.drivers import AmbiguousDriver as AmbiguousDriver
    from aigc_roi.whatif.drivers import UnknownDriver as UnknownDriver
    from aigc_roi.whatif.explain import FigureChanges as FigureChanges
    from aigc_roi.whatif.reforecast import Outlook as Outlook
    from aigc_roi.whatif.sensitivity import Grid as Grid
    from aigc_roi.whatif.sensitivity import Sensitivity as Sensitivity
    from aigc_roi.whatif.simulate import ProgressCallback as ProgressCallback
    from aigc_roi.whatif.simulate import SampleSink as SampleSink
    from aigc_roi.whatif.simulate import Simulation as Simulation
    from aigc_roi.whatif.simulate import StageCallback as StageCallback

_IMPORTED_WHEN_ASKED = {name: module for module, names in (
    ("aigc_roi.ci.plan_report", ("PlanFacts",)), ("aigc_roi.ci.records", ("Checked", "CheckRun", "Validated")),
    ("aigc_roi.model.engine", ("Result",)), ("aigc_roi.reader.inputs", ("TypedInput",)),
    ("aigc_roi.reader.load", ("LoadedScenario",)), ("aigc_roi.whatif.actuals", ("Actuals",)),
    ("aigc_roi.whatif.allocate", ("Allocation",)), ("aigc_roi.whatif.allocate_result", ("AllocationError", "Objective")),
    ("aigc_roi.whatif.breakeven", ("BreakEvenTable",)), ("aigc_roi.whatif.compare", ("Comparison",)),
    ("aigc_roi.whatif.curves", ("Curves",)), ("aigc_roi.whatif.drivers", ("AmbiguousDriver", "UnknownDriver")),
    ("aigc_roi.whatif.explain", ("FigureChanges",)), ("aigc_roi.whatif.reforecast", ("Outlook",)),
    ("aigc_roi.whatif.sensitivity", ("Grid", "Sensitivity")),
    ("aigc_roi.whatif.simulate", ("ProgressCallback", "SampleSink", "Simulation", "StageCallback")),
) for name in names}
"""The api's names from modules that load numpy or PyYAML (its errors, and the types its functions take and return),
imported when first asked for (PEP 562): ``import aigc_roi.api``, and with it the CLI's ``--help``, loads neither
(tests/contract/test_startup.py)."""

if not TYPE_CHECKING:  # mypy reads the imports above: with a __getattr__ in sight, any misspelt api.name would pass
    def __getattr__(name: str) -> object:
        if name not in _IMPORTED_WHEN_ASKED:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(_IMPORTED_WHEN_ASKED[name]), name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*globals(), *_IMPORTED_WHEN_ASKED})

__all__ = [
    "ScenarioError", "ScenarioInvalid", "ScenarioWarning", "Scenario", "LoadedScenario", "Milestone", "WhatIfError", "ArgumentError",
    "ValuesRefused", "AllocationError", "UnknownDriver", "AmbiguousDriver", "CiError", "NoScenarioFiles", "BaselineError",
    "load", "load_source", "load_plan", "run", "figures", "compare", "break_even", "sensitivity", "sensitivity_grid",
    "simulate", "allocate", "explain_change", "curves", "validate", "check", "check_run", "schema", "plan_facts", "inputs",
    "actuals", "reforecast",
]


# Every argument is held to what its function takes before any work (model/arguments.py): another fails deep inside,
# as an AttributeError or a TypeError that names nothing the call wrote, or goes on with nonsense.

def _scenario(scenario: object, called: str, argument: str = "", where: str = "scenario") -> Scenario:
    """``scenario``, if it is a Scenario (another, a LoadedScenario (``load_plan``'s) among them, failed deep inside as
    an empty AssertionError or an AttributeError), held to the reader's rules as ``_checked`` holds it, located by
    ``where``."""
    if isinstance(scenario, Scenario):
        return _checked(scenario, where)
    from aigc_roi.reader.load import LoadedScenario

    raise TypeError(f"api.{called} takes a Scenario (from api.load(path, sets)){f' in {argument}' if argument else ''}, "
                    f"not a {type(scenario).__name__}" + (": pass its .scenario" if isinstance(scenario, LoadedScenario)
                                                          else _read_first(scenario, "load")))


def _plan(plan: object, called: str) -> LoadedScenario:
    """``plan``, if it is a LoadedScenario: a Scenario, which ``load`` returns, would fail deep inside on a field only
    a LoadedScenario has. Its scenario held to the rules of a file, as ``_checked``'s, and to be the one its tree
    writes: each function taking a plan reads the file's values from the tree (its inputs as written, the text a
    re-forecast rewrites), which for a scenario ``dataclasses.replace`` changed would be told beside figures of
    another."""
    from aigc_roi.reader.load import LoadedScenario, writes_its_scenario

    if not isinstance(plan, LoadedScenario):
        raise TypeError(f"api.{called} takes a LoadedScenario (from api.load_plan(path, sets)), not a {type(plan).__name__}"
                        + _read_first(plan, "load_plan"))
    _checked(plan.scenario, "plan.scenario")
    if not writes_its_scenario(plan):
        raise ArgumentError("plan.scenario", f"the LoadedScenario's tree no longer writes its scenario (changed in code), "
                                             f"and api.{called} reads the file's values from that tree: load the changed "
                                             "file, or pass the change as sets (api.load_plan(path, sets=[...]))")
    return plan


def _checked(scenario: Scenario, where: str = "scenario") -> Scenario:
    """``scenario`` held to every rule a file is read by, as its file would be read (reader/in_code.py): raises
    ``ScenarioInvalid`` located by ``where``, the argument, and the field's path (``scenario: virality: ...``), and
    warns of what its file would be warned of (``_tell``). One that ``load`` read, or that was checked before, is not
    read again: the CLI's never are."""
    from aigc_roi.reader.in_code import checked_warned

    checked, warnings = checked_warned(scenario, where)
    _tell(checked, warnings)
    return checked


def _tell(scenario: Scenario, warnings: Iterable[ScenarioError], read: bool = False) -> None:
    """Each of ``warnings`` (of ``scenario``) not told of it before as a ``ScenarioWarning`` (Python's ``warnings``:
    shown on stderr unless the caller filters them, an error under ``-W error``), at the caller's line: the CLI prints
    the same located text for the same value, and a scenario whose warnings the library dropped ran silently (a gate
    that always fails, ``roi`` None). Told once shown, under the filters then in force (reader/told_warnings.py); a
    file's ``read`` now each time."""
    from aigc_roi.reader.told_warnings import tell

    tell(scenario, warnings, _warn, read)


def _warn(warning: ScenarioError) -> None:
    """``warning`` as a ``ScenarioWarning`` at the line of the caller's code that gave the scenario."""
    import sys
    import warnings as python_warnings

    # The first frame outside this package.
    level, frame = 2, sys._getframe(1)  # stacklevel 2 is the frame that called _warn
    while frame is not None and frame.f_globals.get("__name__", "").partition(".")[0] == "aigc_roi":
        level, frame = level + 1, frame.f_back  # type: ignore[assignment]
    python_warnings.warn(ScenarioWarning(warning), stacklevel=level)


def _read_first(given: object, loader: str) -> str:
    """What to do with a file's path given where what is read from it goes."""
    return f": read the file with api.{loader}(path) first" if isinstance(given, str | os.PathLike) else ""


def _files(given: object) -> list[Path]:
    """The files and folders of `validate` and `check`: none at all is refused as a folder without a scenario file is,
    where it passed, checking nothing (`check` without a path exits 2)."""
    files = arguments.paths("paths", given, ArgumentError)
    if not files:
        raise NoScenarioFiles("paths: expected at least one file or folder, found none")
    return files


def _overrides(sets: object, set_option: object) -> tuple[Override, ...]:
    from aigc_roi.reader.overrides import parse_overrides

    option = None if set_option is None else arguments.text("set_option", set_option, ArgumentError, "a text or None")
    return parse_overrides(arguments.texts("sets", sets, ArgumentError, "a text PATH=VALUE", ordered=True), option)


def _draws(samples: object, seed: object) -> tuple[int, int]:
    """``samples`` and ``seed`` as `compare`, `check` and `report` hold theirs (``MAX_SAMPLES``, as the CLI's options)."""
    return arguments.samples_and_seed(samples, seed, 1, MAX_SAMPLES, ArgumentError)


def _columns(scenarios: object) -> tuple[tuple[str | None, str, Scenario], ...]:
    """compare's columns, each a (label or None, source, Scenario) triple; at least one."""
    triple = "a (label or None, source, Scenario) triple"

    def column(name: str, item: object) -> tuple[str | None, str, Scenario]:
        if not (isinstance(item, tuple | list) and len(item) == 3):
            arguments.refuse_type(name, triple, item, ArgumentError)
        label, source, scenario = item
        return (None if label is None else arguments.text(f"{name}[0]", label, ArgumentError, "a text or None"),
                arguments.text(f"{name}[1]", source, ArgumentError), _scenario(scenario, "compare", f"{name}[2]", name))

    columns = arguments.items("scenarios", scenarios, f"a list of {triple[2:]}s", column, ArgumentError)
    if not columns:
        raise ArgumentError("scenarios", f"expected at least one {triple[2:]}, found none")
    return columns


def load(path: str | Path, sets: str | Sequence[str] = (), *, set_option: str | None = None) -> Scenario:
    """The scenario in ``path`` with ``--set``-style overrides (``"acquisition[0].bid=25"``, one str or a list of
    them) applied. Raises ``ScenarioInvalid`` with every located problem of the file and the ``sets``: one in a set
    is located at its place in ``sets`` (``sets[1]:1:1: acquisition[9].bid: no item 9: ...``), or, given the
    command-line ``set_option`` the sets came from (the CLI passes ``"--set"``), at that option and its text
    (``--set acquisition[9].bid=3:1:1: ...``)."""
    plan = load_plan(path, sets, set_option=set_option)
    return _told_loaded(plan)


def load_plan(path: str | Path, sets: str | Sequence[str] = (), *, set_option: str | None = None) -> api.LoadedScenario:
    """The scenario in ``path`` read as ``load`` reads it (``.scenario``), kept with where it came from: the file's
    ``.path``, its ``.text`` as read, its ``.tree`` (where each field is written) and, when ``sets`` changed it,
    ``.file_tree``, the tree as the file wrote it. What ``inputs``, ``plan_facts`` and ``reforecast`` take."""
    from aigc_roi.reader.load import load_path

    return load_path(arguments.path("path", path, ArgumentError), _overrides(sets, set_option))


def load_source(text: str, filename: str | Path = "<text>", sets: str | Sequence[str] = (), *,
                set_option: str | None = None) -> Scenario:
    """A scenario from YAML text, as ``load`` reads a file, its messages naming ``filename`` (a path as ``load``
    takes one). A lone surrogate in ``text`` (a file read with ``errors="surrogateescape"``) is a ``ScenarioInvalid``
    at its line and column, as a byte that is not UTF-8."""
    from aigc_roi.reader.load import load_text

    source, name = arguments.text("text", text, ArgumentError), arguments.path("filename", filename, ArgumentError)
    return _told_loaded(load_text(source, name, _overrides(sets, set_option)))


def _told_loaded(loaded: api.LoadedScenario) -> Scenario:
    """``loaded``'s scenario, its file's warnings told, and kept with it: a call given it later tells those not shown
    yet (raised under ``"error"``, hidden by filters since changed)."""
    from aigc_roi.reader.valid_scenarios import remember

    _tell(loaded.scenario, loaded.warnings, read=True)
    return remember(loaded.scenario, loaded.warnings)


def run(scenario: Scenario) -> api.Result:
    """The deterministic run (every range at its median): every monthly series, figure and channel."""
    from aigc_roi.model.engine import evaluate
    from aigc_roi.model.read_only import read_only
    from aigc_roi.model.sampling import realize

    return read_only(evaluate(realize(_scenario(scenario, "run"))))


def figures(scenario: Scenario, with_irr_none_reason: bool = False) -> dict[str, float | int | str | bool | None]:
    """The section-4 figures of the deterministic run; None where a figure is none. With
    ``with_irr_none_reason``, also ``"irr_none_reason"``: why irr is None, and ``"irr_kind"``: how it reads where it
    is not, a return (``"investment"``) or a borrowing rate (``"borrowing"``; docs/formulas.md §5). Last, as `run`'s
    JSON has it, ``"peak_cash_at_horizon"``: True where the peak cash need is reached in the horizon's last month,
    cash still falling there, so the need is a lower bound (docs/formulas.md §5)."""
    from aigc_roi.model.engine import evaluate
    from aigc_roi.model.figures import figures_of, with_horizon_flag
    from aigc_roi.model.sampling import realize

    scenario = _scenario(scenario, "figures")
    with_notes = arguments.flag("with_irr_none_reason", with_irr_none_reason, ArgumentError)
    result = evaluate(realize(scenario))
    notes = result.irr_notes() if with_notes else {}
    return with_horizon_flag({**figures_of(result.figures), **notes}, scenario.horizon_months)


def compare(scenarios: Sequence[tuple[str | None, str, Scenario]], samples: int | None = None, seed: int = 0,
            jobs: int = 1, stage_progress: api.StageCallback | None = None, reserved: str | Collection[str] = ()) -> api.Comparison:
    """The figures of ``scenarios`` side by side, each given as (label or None for its own name, source, scenario);
    with ``samples``, each one's simulated distributions and chances too, on ``jobs`` workers as ``simulate``, and
    ``stage_progress(stage, done, total)`` hears the scenarios simulated (stage ``whatif.compare.SCENARIOS``) and
    each simulation's stages. A column whose name reads as one of ``reserved`` (the CLI's: every fixed header of
    compare's tables, ``present.compare.fixed_headers()``) is headed with its source, as two of one name are.
    ``explain_change`` adds what moved them. Raises ``WhatIfError`` for scenarios in different currencies, and
    ``ArgumentError`` for no scenario, ``samples`` not None or a whole number from 1 to 1,000,000 (as compare's
    ``--samples``), ``seed`` and ``jobs`` as ``simulate``'s, with or without ``samples``."""
    from aigc_roi.model.read_only import read_only
    from aigc_roi.whatif.compare import compare as side_by_side

    columns = _columns(scenarios)
    if samples is None:
        seed = arguments.whole_number("seed", seed, 0, MAX_SEED, ArgumentError)
    else:
        samples, seed = _draws(samples, seed)
    jobs = arguments.whole_number("jobs", jobs, 1, None, ArgumentError)
    arguments.callback("stage_progress", stage_progress, ArgumentError)
    return read_only(side_by_side(columns, samples, seed, jobs, stage_progress,
                                  arguments.texts("reserved", reserved, ArgumentError)))


def break_even(scenario: Scenario) -> api.BreakEvenTable:
    """Every driver's ROI = 0 value and payback-target boundary (docs/formulas.md §5)."""
    from aigc_roi.model.read_only import read_only
    from aigc_roi.whatif.breakeven import break_even as solve

    return read_only(solve(_scenario(scenario, "break_even")))


def sensitivity(scenario: Scenario, step: float = 0.2) -> api.Sensitivity:
    """Every driver moved by -step and +step (relative): change in ROI, net cash and payback. Raises
    ``ArgumentError`` (a ``WhatIfError``) for a ``step`` outside (0, 1], as ``--step``."""
    from aigc_roi.model.read_only import read_only
    from aigc_roi.whatif.sensitivity import sensitivity as analyse

    return read_only(analyse(_scenario(scenario, "sensitivity"), step))


def sensitivity_grid(scenario: Scenario, row_path: str, column_path: str, step: float = 0.2, steps: int = 5) -> api.Grid:
    """ROI over a grid of two drivers (paths as ``break_even`` lists them), each at ``steps`` values from -step to
    +step. Raises ``UnknownDriver`` for a path that is not a driver, ``AmbiguousDriver`` for one that reads as two
    (both ``WhatIfError``s), and ``ArgumentError`` for a path that is no text, a ``step`` outside (0, 1] or
    ``steps`` not a whole number (an int) from 2 to 41, as ``--step`` and ``--grid-steps``."""
    from aigc_roi.model.read_only import read_only
    from aigc_roi.reader.overrides import path_reader
    from aigc_roi.reader.written_tree import scenario_tree
    from aigc_roi.whatif.sensitivity import grid

    checked = _scenario(scenario, "sensitivity_grid")
    # A driver's path is read as --set reads it, so that the two take the same paths as the same values.
    return read_only(grid(checked, row_path, column_path, step, steps, path_reader(scenario_tree(checked), "--grid")))


def simulate(scenario: Scenario, samples: int = 10_000, seed: int = 0, percentiles: Sequence[float] = (5, 50, 95),
             progress: api.ProgressCallback | None = None, stage_progress: api.StageCallback | None = None,
             jobs: int = 1, samples_sink: api.SampleSink | None = None) -> api.Simulation:
    """Monte Carlo over the ranges (docs/simulate.md): figure distributions, chances of meeting the
    targets, net-cash histogram, cumulative-cash fan, variance shares and every sample. ``jobs`` workers, at most one per
    core, share the work (the same numbers at any count; the CLI uses one per core, up to 4): on Linux, from a process
    running no other Python thread, processes forked from this one, else threads (docs/simulate.md, ``--jobs``). ``samples_sink(first,
    inputs, figures)`` hears every sample's inputs as used and figures, chunk by chunk in order, however many samples
    (a streamed run keeps the inputs of its first 2,000,000 alone; ``--samples-out`` writes them). Raises
    ``ArgumentError`` (a ``ValueError``) for ``samples`` not a whole number from 1 to 10,000,000, a ``seed`` not one
    >= 0 or ``jobs`` not one >= 1 (each an int: a bool or a float such as 1e4 is no count), ``percentiles`` not a list
    of numbers from 0 to 100 (``percentiles[0]``: a text such as "50" or a bool is none), an empty one or one of two
    numbers that differ only beyond a float's precision (two Decimals), as ``--percentiles`` refuses them, or a
    callback not a function. The percentiles are reported as ``--percentiles``' are: in increasing order, each once
    (``[95, 5, 5]`` gives ``.percentiles == (5.0, 95.0)``)."""
    from aigc_roi.model.read_only import read_only
    from aigc_roi.whatif.simulate import simulate as run_simulation

    scenario = _scenario(scenario, "simulate")
    for name, given in (("progress", progress), ("stage_progress", stage_progress), ("samples_sink", samples_sink)):
        arguments.callback(name, given, ArgumentError)
    return read_only(run_simulation(scenario, samples, seed, percentiles, progress=progress, stage_progress=stage_progress,
                                    jobs=jobs, samples_sink=samples_sink))


def allocate(scenario: Scenario, budget: float, objective: str = "npv", locks: str | Sequence[str] = (),
             minimums: Mapping[str, float] | None = None, maximums: Mapping[str, float] | None = None,
             samples: int | None = None, seed: int | None = None, *, total: bool = False, max_cash_need: float | None = None,
             min_payback_probability: float | None = None, target_roas: float | None = None,
             progress: api.ProgressCallback | None = None, reach: Milestone | None = None) -> api.Allocation:
    """The split of ``budget`` across the channels of a type whose spend can move (docs/formulas.md §4.1) but those
    ``locks`` names (one str or a list; a channel as ``--set`` reads a path's channel part, by its name,
    ``acquisition[NAME]`` or ``acquisition[1]``, which tells apart two of a name, refused alone; so in ``minimums``
    and ``maximums``: docs/formulas.md §12) that maximises
    ``objective`` (npv, net_cash, p10_npv, payback_probability), phase by phase, with the budget curve
    (docs/allocate.md). ``samples`` (default 10,000) draws of the ranges, from ``seed`` (default 0), serve the risk
    objectives and ``min_payback_probability`` alone, and are refused without them, as the CLI's ``--samples`` and
    ``--seed``: they would change nothing. ``budget`` is spent in every month in which a movable channel runs, or with ``total`` over
    the horizon; ``max_cash_need`` and ``min_payback_probability`` are limits the split
    keeps; ``target_roas`` fills each channel until its marginal ROAS falls to it (``budget`` then unused);
    ``progress(done, total)`` hears how far the search has come; ``reach``: instead of ``budget``, the least monthly
    budget whose best split reaches this milestone.
    Raises ``AllocationError`` (a ``WhatIfError``) for a request that cannot be set up, and for an argument outside
    what the CLI's options take (an ``ArgumentError`` too, naming it): ``budget`` a positive amount up to 1e15,
    ``max_cash_need`` an amount >= 0 up to 1e15 (never nan or inf), ``min_payback_probability`` a share in [0, 1],
    ``samples`` a whole number from 1 to 1,000,000, ``seed`` one >= 0, either given without a risk objective or
    ``min_payback_probability``, ``objective`` one of those above, each of ``locks`` a channel's name, each of
    ``minimums`` and ``maximums`` an amount >= 0 (``minimums['Feed ads']``) and no channel named twice in one of them
    (its name and its path) with different amounts, an item that names no channel, or one refused in ``--set``'s
    words, or one whose spend is never moved, or a bound of a locked channel (each named as given: ``locks[0]``,
    ``maximums['Feed ads']``), ``target_roas`` a positive number, and
    ``reach`` a ``Milestone`` as a file's milestone is read (the same in ``targets.milestones``, in the reader's
    words): its ``key`` a series of ``MILESTONE_KEYS``, its ``month`` a whole number within the horizon, its ``value``
    a number (>= 0 but for ``cumulative_cash``), each in the file's grammar (``6.0``, ``"1000"``, a 0-d array), but in
    percent (``"10%"``, as ``--reach`` refuses it; its other warnings told at ``reach.value``); and two of
    ``total``, ``target_roas`` and ``reach``, each of which says what the budget is, as the CLI takes one of its
    options."""
    from aigc_roi.model.read_only import read_only
    from aigc_roi.reader.overrides import channel_reader
    from aigc_roi.reader.written_tree import scenario_tree
    from aigc_roi.whatif.allocate import Limits
    from aigc_roi.whatif.allocate import allocate as solve
    from aigc_roi.whatif.allocate_result import OBJECTIVES, RISK_OBJECTIVES, AllocationArgumentError

    checked = _scenario(scenario, "allocate")
    chosen = arguments.one_of("objective", objective, OBJECTIVES, AllocationArgumentError)
    # Only a risk objective or the chance limit draws samples: elsewhere samples and seed change nothing, and the CLI
    # refuses its --samples and --seed so.
    simulated = chosen in RISK_OBJECTIVES or min_payback_probability is not None
    for name, given in (("samples", samples), ("seed", seed)):
        if given is not None and not simulated:
            raise AllocationArgumentError(name, "applies only with objective p10_npv / objective payback_probability / "
                                                "min_payback_probability; without it, it does nothing")
    return read_only(solve(checked, budget, cast("Objective", chosen), locks, minimums, maximums,
                           ALLOCATE_SAMPLES if samples is None else samples, 0 if seed is None else seed, total=total,
                           limits=Limits(max_cash_need, min_payback_probability), target_roas=target_roas,
                           progress=progress, reach=_reach(reach, checked),
                           read=channel_reader(scenario_tree(checked), "locks")))


def _reach(reach: object, scenario: Scenario) -> Milestone | None:
    """``reach`` read as a file's milestone in ``scenario`` is (reader/in_code.py ``milestone_as_read``): its month
    ``6.0``, as ``targets.milestones`` and ``--reach subscribers@6.0=1000`` take it, was refused. Its key, no value
    of the file's grammar but the name of a key, is one of ``MILESTONE_KEYS`` as written; another type than a
    Milestone is left to allocate's own check, which refuses it. A value in percent (``'10%'``, 0.1 subscribers) is
    refused, as ``--reach subscribers@6=10%`` is (cli/allocate.py ``parse_amount``): the file warns of it at the
    number and keeps its meaning, but an argument, like an option, is the search's one goal, and no one means a
    tenth of a subscriber; the milestone's other warnings (a dot that may group thousands) are told at
    ``reach.value``, as the CLI tells them at ``--reach``."""
    from aigc_roi.ci.rules import warning_rule_of
    from aigc_roi.model.scenario import MILESTONE_KEYS
    from aigc_roi.reader.in_code import MILESTONE_AT, milestone_as_read
    from aigc_roi.whatif.allocate_result import AllocationArgumentError

    if not isinstance(reach, Milestone):
        return cast("Milestone | None", reach)
    key = arguments.one_of("reach.key", reach.key, MILESTONE_KEYS, AllocationArgumentError)
    try:
        milestone, warnings = milestone_as_read(scenario, dataclasses.replace(reach, key=key))
    except ScenarioInvalid as invalid:
        error = invalid.errors[0]
        field = {f"{MILESTONE_AT}.month": "reach.month", f"{MILESTONE_AT}.{key}": "reach.value"}.get(error.path, "reach")
        raise AllocationArgumentError(field, error.message) from None
    if any(warning_rule_of(warning) == "percent-on-amount" for warning in warnings):
        # cli/allocate.py parse_amount's words; a cumulative cash may be below 0.
        expected = "an amount" if key == "cumulative_cash" else arguments.amount_fault(math.nan, False)
        raise AllocationArgumentError("reach.value", f"expected {expected}, found {arguments.shown(reach.value)}; "
                                                     "a percentage is no amount or count")
    # Told of the scenario holding the milestone, once as any scenario's warnings are.
    holding = dataclasses.replace(scenario, targets=dataclasses.replace(scenario.targets, milestones=(milestone,)))
    _tell(holding, [dataclasses.replace(warning, file="reach.value" if warning.path == f"{MILESTONE_AT}.{key}" else "reach",
                                        path="") for warning in warnings])
    return milestone


def explain_change(base: str | Path, new: str | Path, sets: str | Sequence[str] = (), *,
                   set_option: str | None = None) -> api.FigureChanges:
    """What moved roi, npv, payback month and peak cash need from ``base`` to ``new`` (both read with ``sets``, as
    ``load``'s, problems in them named as ``set_option`` says): each changed input's Shapley share of each figure's
    change (docs/formulas.md §13). Raises ``ScenarioInvalid`` for either file invalid (a set one of them refuses
    located in the set, with ``.scenario`` that file, as ``check_run``'s; the errors of both where both are), and at
    ``base``'s ``currency:`` for a ``base`` in another currency than ``new``'s: amounts in two currencies do not
    subtract. Warns of each file's warnings as ``load`` does, each naming its file (``base.yaml:24:16:
    discount_rate: ...``, ``base.yaml: sets[0]:1:1: ...``)."""
    from aigc_roi.ci.changes import loaded_pair, split_changes
    from aigc_roi.model.read_only import read_only

    files = spelled_path(arguments.path("base", base, ArgumentError)), spelled_path(arguments.path("new", new, ArgumentError))
    before, after = loaded_pair(*files, _overrides(sets, set_option))
    # A file given as both is read alike twice: its warnings are told once.
    for path, loaded in dict(zip(map(str, files), (before, after), strict=True)).items():
        _tell(loaded.scenario, [warning.applied_to(path) for warning in loaded.warnings], read=True)
    return read_only(split_changes(before, after))


def validate(paths: str | Path | Sequence[str | Path]) -> list[api.Validated]:
    """Every scenario file given or below a given folder (``paths``: one str or Path, or a list of them), read; each
    with its errors. Raises ``NoScenarioFiles`` for a folder that holds none, or for no path at all (an empty list)."""
    from aigc_roi.ci.checks import validate_files
    from aigc_roi.ci.discovery import scenario_files

    return validate_files(scenario_files(_files(paths)))


def check(paths: str | Path | Sequence[str | Path], samples: int = 10_000,
          seed: int = 0) -> tuple[list[api.Validated], list[api.Checked]]:
    """``validate``, then every valid scenario held to its targets (``min_payback_probability``
    simulated with ``samples`` and ``seed``). Raises ``ArgumentError`` for ``samples`` not a whole number from 1 to
    1,000,000 or a ``seed`` not one >= 0, as `check`'s ``--samples`` and ``--seed``, whether a file simulates or not."""
    from aigc_roi.ci.checks import check_files
    from aigc_roi.model.read_only import read_only

    samples, seed = _draws(samples, seed)
    results = validate(paths)
    return results, read_only(check_files(results, samples, seed))


def check_run(paths: str | Path | Sequence[str | Path], sets: str | Sequence[str] = (), samples: int = 10_000,
              seed: int = 0, base: str | None = None, jobs: int | None = None, explain: bool = False,
              progress: api.StageCallback | None = None, *, set_option: str | None = None) -> api.CheckRun:
    """`check` in full: the files found in ``paths`` (as ``validate``'s) read with ``sets`` (as ``load``'s, problems in
    them named as ``set_option`` says) applied,
    every valid one held to its targets, and with ``base`` (a git revision) the figures of every file changed since,
    before and after, and the targets on the change held against it; ``explain`` splits what moved each figure.
    ``jobs`` worker processes over many files, at most one per core (None: one per core; 1: this process). ``progress(stage, done, total)``
    hears the files checked (stage ``ci.checks.FILES``) and, in this process, each simulated file's stages as
    ``simulate``'s. Raises ``NoScenarioFiles`` (as ``validate``), ``ScenarioInvalid`` for a set that is no
    ``PATH=VALUE`` at all (no file could take it), ``BaselineError`` for a base git cannot show, and ``ArgumentError``
    for ``samples`` and ``seed`` as ``check``'s, or ``jobs`` not None or a whole number >= 1 (as ``check -j``). A set
    a file refuses (a value its field does not take, an item its list does not have: each file's fields and lists are
    its own, and another file may take the set) is that file's error, in its result's ``errors``, located in the set
    (``sets[0]:1:1``) with ``.scenario`` the file, as `check` reports it; the other files are still checked."""
    from aigc_roi.ci.baseline import changes_since, named_at_ref, removed_since, removed_through, removes_within
    from aigc_roi.ci.checks import compare_with_base, hold_change_targets, missed_at_base
    from aigc_roi.ci.discovery import scenario_files
    from aigc_roi.ci.located import Locator
    from aigc_roi.ci.parallel import validate_and_check
    from aigc_roi.ci.records import CheckRun
    from aigc_roi.model.read_only import read_only

    given = _files(paths)
    overrides = _overrides(sets, set_option)
    samples, seed = _draws(samples, seed)
    if base is not None:
        arguments.text("base", base, ArgumentError, "a git revision (a text) or None")
    if jobs is not None:
        jobs = arguments.whole_number("jobs", jobs, 1, None, ArgumentError)
    explain = arguments.flag("explain", explain, ArgumentError)
    arguments.callback("progress", progress, ArgumentError)
    # With a base, two spellings of one file that named different files at it (a link re-pointed since) are each
    # checked and compared by their own path.
    locator = Locator()
    empty: list[Path] = []
    at_ref = named_at_ref(base, given, locator) if base is not None else None
    files = scenario_files(given, at_ref, empty if base is not None else None)
    # Links that led to a folder at REF and lead nowhere now, no removal standing for them: read, as without --base.
    dangling: list[Path] = []
    changes = changes_since(base, given, overrides, files, locator, dangling) if base is not None else []
    files += [link for link in dangling if link not in files]
    for folder in empty:
        if not removes_within(folder, changes) and not any(folder in link.parents for link in dangling):
            raise NoScenarioFiles(f"{folder}: no *.yaml or *.yml files in this folder")
    gone = removed_since(files, changes)
    if at_ref is not None:
        gone |= removed_through(files, gone, changes, at_ref)
    files = [file for file in files if file not in gone]
    # The files changed since the base are compared input by input: the only trees read after the check.
    compared = frozenset(Path(change.path) for change in changes)
    results, checked = validate_and_check(files, overrides, samples, seed, jobs, compared, progress)
    comparisons = compare_with_base(changes, checked, results, explain=explain)
    if base is not None:
        checked = hold_change_targets(checked, comparisons)
    at_base = missed_at_base(checked, comparisons) if base is not None else None
    return read_only(CheckRun(tuple(results), tuple(checked), tuple(comparisons), at_base))


def schema() -> dict[str, object]:
    """The JSON Schema (draft 2020-12) of the scenario format, from the same field table that validates files: a new
    tree at each call, the caller's, no mapping or list of it in two places (a change to one changes nothing else)."""
    from aigc_roi.reader.fields import json_schema

    return json_schema()


def curves(scenario: Scenario) -> api.Curves:
    """Retention by month (the top-level curve and each channel's own) and each plan's renewal survival, as the
    engine uses them, with every fitted curve (``.fits``: day-level retention's power law, observed renewals' sBG,
    each point observed beside fitted; `run`'s and `curves`' JSON ``fits``) and the days a day-level retention was
    written with at their age in months (``.observed_days``, a channel's own on its ``channel_retention`` item)."""
    from aigc_roi.model.read_only import read_only
    from aigc_roi.whatif.curves import curves as curves_of

    scenario = _scenario(scenario, "curves")
    return read_only(curves_of(scenario, run(scenario)))


def inputs(plan: api.LoadedScenario) -> list[api.TypedInput]:
    """Every value the plan's file (``plan``: from ``load_plan``) sets, in file order, by field path: as written, the
    value used (a range's median) and the range, and the set that wrote it in place of the file's (``set_by``), named
    as ``load_plan``'s messages name it: ``sets[0]``, or ``--set acquisition[0].bid=20`` given that ``set_option``.
    Raises ``TypeError`` for a ``Scenario``, and ``ArgumentError`` naming ``plan.scenario`` for a plan whose scenario
    was replaced in code (its tree, which the values as written are read from, no longer writes it: pass the change
    as ``sets``)."""
    from aigc_roi.model.read_only import read_only
    from aigc_roi.reader.inputs import typed_inputs

    plan = _plan(plan, "inputs")
    return read_only(typed_inputs(plan.tree, plan.scenario, plan.file_tree))


def plan_facts(plan: api.LoadedScenario, samples: int = 10_000, seed: int = 0,
               stage_progress: api.StageCallback | None = None) -> api.PlanFacts:
    """What `report` states of ``plan`` (from ``load_plan``): the run, the simulation (``samples``, ``seed``: as
    `check`'s; ``stage_progress`` hears its stages as ``simulate``'s), the targets and milestones held, every input as
    written, the file's commit (None where no file holds the plan's text: a re-forecast not written, a file edited
    since it was read), the break-even table and the sensitivity. Raises ``TypeError`` for a ``Scenario``, and
    ``ArgumentError`` for ``samples`` and ``seed`` as ``check``'s (`report`'s ``--samples`` and ``--seed``) or for a
    plan whose scenario was replaced in code, as ``inputs`` does."""
    from aigc_roi.ci.plan_report import plan_facts as facts_of
    from aigc_roi.model.read_only import read_only

    plan = _plan(plan, "plan_facts")
    samples, seed = _draws(samples, seed)
    arguments.callback("stage_progress", stage_progress, ArgumentError)
    return read_only(facts_of(plan, samples, seed, stage_progress))


def actuals(scenario: Scenario, exports: str | Path | Sequence[str | Path], maps: str | Iterable[str | tuple[str, str]] = (),
            sum_duplicates: bool = False, samples: int = 2_000, seed: int = 0, from_day: datetime.date | None = None,
            through: datetime.date | None = None, decimal_comma: bool = False) -> api.Actuals:
    """The ad platforms' ``exports`` (one str or Path, or a list of them) against the plan, by channel and plan month
    (docs/actuals.md). ``maps`` adds (channel, as ``--set`` reads a path's channel part: its name, ``acquisition[NAME]``
    or ``acquisition[1]``, which tells apart channels of a name; glob)
    pairs to the channels' ``match``: a list of such pairs, or of texts ``NAME=GLOB`` as ``--map`` takes them (name
    and glob stripped), one text alone being one. ``from_day`` and ``through`` state the days the exports were run
    for (else their rows' first and last day): a ``datetime.datetime`` (or ``pandas.Timestamp``) states its date,
    whatever its time of day or time zone. ``decimal_comma`` reads every export's numbers with a decimal comma, as
    German, Brazilian or Indonesian consoles write them (``1.234,56``; ``1,500`` is 1.5 and ``1.500`` 1500), and a
    CSV's columns separated by semicolons as Excel saves them there (docs/actuals.md). Raises ``ScenarioInvalid``
    with every located problem of the exports (an export in another currency than the plan's and one given twice,
    the same bytes, included) and ``WhatIfError`` for a plan without ``start``, no export, an item of ``maps`` of
    neither form, with a blank name or glob, or whose channel is none or refused in ``--set``'s words (an
    ``ArgumentError`` naming ``maps[i]``), a stated day that leaves out a row or is no date (one naming ``from_day``
    or ``through``), ``samples`` not a whole number from 100 to 100,000 or a ``seed`` not one >= 0 (those last an
    ``ArgumentError`` too, as is an argument not of its type)."""
    from aigc_roi.model.read_only import read_only
    from aigc_roi.reader.exports import Horizon, read_report
    from aigc_roi.reader.overrides import channel_reader
    from aigc_roi.reader.written_tree import scenario_tree
    from aigc_roi.whatif.actuals import compare, draws, map_pairs, mapped_channels, patterns_of

    scenario = _scenario(scenario, "actuals")
    if scenario.start is None:
        raise WhatIfError("the plan has no start month: add start: YYYY-MM so export dates fall in plan months")
    files = arguments.paths("exports", exports, ArgumentError)
    # A map's NAME is read as --set reads a path's channel part, so that the two take the same channels.
    read = channel_reader(scenario_tree(scenario), "maps")
    pairs = mapped_channels(scenario, map_pairs(maps, read, [channel.name for channel in scenario.acquisition]), read)
    summed = arguments.flag("sum_duplicates", sum_duplicates, ArgumentError)
    comma = arguments.flag("decimal_comma", decimal_comma, ArgumentError)
    samples, seed = draws(samples, seed)
    # A glob of the plan that spells a totals word names a campaign so called, which is then no totals row.
    globs = [glob for _, channel_globs in patterns_of(scenario, pairs) for glob in channel_globs]
    report = read_report(files, Horizon.of(scenario.start, scenario.horizon_months), summed, scenario.currency, globs,
                         comma)
    return read_only(compare(scenario, report, pairs, samples, seed, from_day, through))


def reforecast(plan: api.LoadedScenario, compared: api.Actuals, header: str, filename: str | Path = "<re-forecast>",
               samples: int = 2_000, seed: int = 0) -> tuple[str, api.LoadedScenario, tuple[api.Outlook, api.Outlook]]:
    """The re-forecast's YAML text (``header``, comment lines in the user's language, then the text ``plan``, from
    ``load_plan`` or an earlier ``reforecast``, was read from, as read: never its file again, which may have changed
    since; with ``plan``'s sets written in, and its matched channels' past months as by_month values), that text read
    back as ``filename`` (``ScenarioInvalid`` if it does not validate; its tree locates the re-forecast's ranges) and
    the plan's and re-forecast's npv, payback, peak cash and P(payback), each with the ranges whose draws were clipped.
    Raises ``WhatIfError`` for a matched channel it cannot rewrite (of a type it does not rewrite, months without
    reported users; a ``ValuesRefused``, whose ``errors`` are located in the plan's file, for a by_month value whose
    month after the actuals is a blend no single value writes) or for ``samples`` and ``seed`` as ``actuals`` does (an
    ``ArgumentError``, as is a ``header`` that is no text or holds a line that is no comment, a ``filename`` that is
    no path, a plan whose scenario was replaced in code, as ``inputs`` refuses it, one whose sets do not read back as
    it once written into its text (a block scalar's lines), and a ``compared`` of another plan: of other channels,
    names and types in order, or start, or of months past the plan's horizon, naming what differs), and
    ``TypeError`` for a ``Scenario`` or a ``compared`` that is not what ``actuals`` returns."""
    from aigc_roi.model.read_only import read_only
    from aigc_roi.reader.currency_signs import DECIMAL_COMMA
    from aigc_roi.reader.load import load_text
    from aigc_roi.reader.reforecast import rewrite
    from aigc_roi.whatif.actuals import Actuals, draws
    from aigc_roi.whatif.reforecast import outlook
    from aigc_roi.whatif.reforecast import reforecast as edits_of

    plan = _plan(plan, "reforecast")
    if not isinstance(compared, Actuals):
        raise TypeError(f"api.reforecast takes the Actuals api.actuals returns as compared, not a {type(compared).__name__}")
    header = _comment_lines(arguments.text("header", header, ArgumentError))
    filename = arguments.path("filename", filename, ArgumentError)
    samples, seed = draws(samples, seed)
    try:
        edits = edits_of(plan.scenario, compared)
    except ValuesRefused as refused:
        raise ValuesRefused([_placed(error, plan) for error in refused.errors]) from None
    written = _with_sets(plan)
    text = rewrite(written.text, written.tree, [(edit.path, edit.by_month) for edit in edits.fields],
                   [(edit.path, edit.months) for edit in edits.months], header + "\n",
                   plan.scenario.currency in DECIMAL_COMMA)
    loaded = load_text(text, filename)
    return text, loaded, read_only((outlook(plan.scenario, samples, seed), outlook(loaded.scenario, samples, seed)))


def _comment_lines(header: str) -> str:
    """``header``, each of whose lines (as YAML breaks them: at LF, CR or CRLF) is spaces alone or a comment, ``#``
    after any spaces, holding no control character but a tab, nor a line separator, lone surrogate or noncharacter:
    the re-forecast reads it as nothing above the plan's keys, never as a key of its own (``"# x\\nltv_months: 6"``
    once set ltv_months) nor as a YAML error located in the re-forecast (``"re-forecast 2025-04"``)."""
    import re

    for number, line in enumerate(re.split(r"\r\n|\r|\n", header), start=1):
        text = line.lstrip(" ")
        if (text and not text.startswith("#")) or re.search(_NOT_IN_COMMENT, text):
            raise ArgumentError("header", "expected comment lines (each empty, or '#' and a text on one line), found "
                                          f"{arguments.shown(line)} at line {number}")
    return header


_NOT_IN_COMMENT = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]"
"""What a comment line may not hold: a control character but a tab (a line break among them), DEL, a line or paragraph
separator, a lone surrogate, a noncharacter (present/text.py ``_CONTROL`` less the tab and the bidirectional marks,
which a comment may hold)."""


def _with_sets(plan: api.LoadedScenario) -> api.LoadedScenario:
    """``plan`` read from its text with its sets written in: the re-forecast is of the plan compared, whose sets
    (``organic_users=8000``) a text of the file alone would drop, and whose set fields have no place in the file to
    rewrite (``acquisition[1].bid=11``)."""
    from aigc_roi.model.names import listed
    from aigc_roi.reader.load import load_text
    from aigc_roi.reader.set_text import with_sets

    if plan.file_tree is None:
        return plan
    try:
        written = load_text(with_sets(plan.text, plan.file_tree, plan.tree), plan.path)
    except ScenarioInvalid:
        written = None
    if written is None or written.scenario != plan.scenario:
        raise ArgumentError("plan", f"expected sets a re-forecast can write into the plan's text, found "
                                    f"{listed(plan.sets)}, which written there read as another plan: write them "
                                    "into the file and load it without sets")
    return written


def _placed(error: ScenarioError, plan: api.LoadedScenario) -> ScenarioError:
    """``error``, at its path's value in ``plan``'s file (or its field's, or the file's start, as far as the tree has it)."""
    from aigc_roi.reader.yamltree import find_node

    node = find_node(plan.tree, error.path) or find_node(plan.tree, error.path.removesuffix(".by_month"))
    if node is None:
        return dataclasses.replace(error, file=plan.path, line=1, column=1)
    return dataclasses.replace(error, file=node.source or plan.path, line=node.line, column=node.column)
