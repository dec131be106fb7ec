"""Every argument of every api function is held to what the function takes before any work (model/arguments.py):
one of another type, or outside its bounds, is refused naming it, what it expected and what it found, where a
script got a bare AttributeError, KeyError or empty AssertionError from deep inside, or a silent pass; a Scenario's
place given anything else is a TypeError saying what goes there."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from cli_runner import invoke
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aigc_roi import api
from aigc_roi.present.messages_zh import translate

ROOT = Path(__file__).resolve().parents[2]
PLAN = str(ROOT / "scenarios" / "chat-assistant-cpa.yaml")  # horizon_months: 24, start: 2025-03
EXPORT = str(ROOT / "examples" / "actuals" / "bilibili.csv")
DOUYIN = "Douyin activation CPA"
SCENARIO = api.load(PLAN)
LOADED = api.load_plan(PLAN)
GRID = ("acquisition[0].bid", "acquisition[1].bid")

TAKING_A_SCENARIO: dict[str, Callable[[object], object]] = {
    "run": api.run, "figures": api.figures, "break_even": api.break_even, "sensitivity": api.sensitivity,
    "sensitivity_grid": lambda given: api.sensitivity_grid(given, *GRID),  # type: ignore[arg-type]
    "simulate": lambda given: api.simulate(given, samples=100),  # type: ignore[arg-type]
    "allocate": lambda given: api.allocate(given, 80_000),  # type: ignore[arg-type]
    "curves": api.curves,
    "actuals": lambda given: api.actuals(given, EXPORT, samples=100),  # type: ignore[arg-type]
}


@pytest.mark.parametrize("name", TAKING_A_SCENARIO)
@pytest.mark.parametrize(("given", "hint"), [
    (LOADED, ": pass its .scenario"), (PLAN, ": read the file with api.load(path) first"),
    (Path(PLAN), ": read the file with api.load(path) first"), (None, ""), ({"name": "x"}, "")],
    ids=["LoadedScenario", "str", "Path", "None", "dict"])
def test_a_scenarios_place_given_anything_else_says_what_it_takes(name: str, given: object, hint: str) -> None:
    """api.run(api.load_plan(path)) raised an empty AssertionError, api.simulate an AttributeError on
    horizon_months: the reverse of api.inputs' guard."""
    with pytest.raises(TypeError) as refused:
        TAKING_A_SCENARIO[name](given)
    assert str(refused.value) == (f"api.{name} takes a Scenario (from api.load(path, sets)), "
                                  f"not a {type(given).__name__}{hint}")


def test_compare_names_the_column_whose_scenario_is_a_loaded_plan() -> None:
    with pytest.raises(TypeError) as refused:
        api.compare([(None, "a", SCENARIO), (None, "b", LOADED)])  # type: ignore[list-item]
    assert str(refused.value) == ("api.compare takes a Scenario (from api.load(path, sets)) in scenarios[1][2], "
                                  "not a LoadedScenario: pass its .scenario")


def test_a_loaded_plans_place_given_a_path_says_to_read_it_first() -> None:
    with pytest.raises(TypeError) as refused:
        api.inputs(PLAN)  # type: ignore[arg-type]
    assert str(refused.value) == ("api.inputs takes a LoadedScenario (from api.load_plan(path, sets)), not a str: "
                                  "read the file with api.load_plan(path) first")
    with pytest.raises(TypeError, match=r"^api\.reforecast takes the Actuals api\.actuals returns as compared, not a dict$"):
        api.reforecast(LOADED, {}, "# re-forecast")  # type: ignore[arg-type]


@pytest.mark.parametrize(("reach", "message"), [
    (api.Milestone(6, "bogus", 1000),
     "reach.key: expected one of subscribers, gross_revenue, new_users, active_users, cumulative_cash, found 'bogus' (str)"),
    (api.Milestone(6.5, "subscribers", 1000), "reach.month: expected a month within 1..24, found 6.5"),  # type: ignore[arg-type]
    (api.Milestone(True, "subscribers", 1000), "reach.month: expected a month within 1..24, found a boolean (true)"),
    (api.Milestone(0, "subscribers", 1000), "reach.month: expected a month within 1..24, found 0"),
    (api.Milestone(25, "subscribers", 1000), "reach.month: expected a month within 1..24, found 25"),
    (api.Milestone(6, "subscribers", math.nan), "reach.value: expected a number >= 0, found nan (not a number)"),
    (api.Milestone(6, "new_users", -1), "reach.value: expected a number >= 0, found -1"),
    (api.Milestone(6, "gross_revenue", "-1000"), "reach.value: expected a number >= 0, found -1000"),  # type: ignore[arg-type]
    (api.Milestone(6, "subscribers", True), "reach.value: expected a number >= 0, found a boolean (true)"),
    (api.Milestone(6, "cumulative_cash", math.nan), "reach.value: expected a number, found nan (not a number)"),
    (api.Milestone(6, "cumulative_cash", -2e15),
     "reach.value: expected a number no larger than 1,000,000,000,000,000 (1e15), found -2000000000000000.0"),
    ("subscribers@6=1000", "reach: expected a Milestone(month, key, value) or None, found 'subscribers@6=1000' (str)"),
], ids=["key", "month 6.5", "month True", "month 0", "month past the horizon", "value nan", "count below 0",
        "value a text below 0", "value True", "cash nan", "cash past 1e15", "the option's text"])
def test_reach_is_held_to_what_a_files_milestone_is(reach: object, message: str) -> None:
    """A key no series has was a bare KeyError, a month of 6.5 a TypeError of slice indices, True month 1, and a value
    of nan was searched for up to a budget of 1e15. Each refused in the words the same milestone in the file's
    targets.milestones is (but the field's name: reach.month, reach.value)."""
    with pytest.raises(api.AllocationError) as refused:
        api.allocate(SCENARIO, 80_000, reach=reach)  # type: ignore[arg-type]
    assert str(refused.value) == message
    assert isinstance(refused.value, api.ArgumentError) and refused.value.argument == message.split(":")[0]
    if isinstance(reach, api.Milestone) and reach.key != "bogus":
        in_targets = dataclasses.replace(SCENARIO, targets=dataclasses.replace(SCENARIO.targets, milestones=(reach,)))
        with pytest.raises(api.ScenarioInvalid) as invalid:
            api.run(in_targets)
        name = message.split(":")[0]
        in_file = {"reach.month": "targets.milestones[0].month", "reach.value": f"targets.milestones[0].{reach.key}"}[name]
        assert str(invalid.value) == f"scenario: {in_file}{message.removeprefix(name)}"


@pytest.mark.parametrize("reach", [api.Milestone(6.0, "subscribers", 1000.0),  # type: ignore[arg-type]
                                   api.Milestone(np.array(6), "subscribers", np.array(1000.0)),  # type: ignore[arg-type]
                                   api.Milestone("6", "subscribers", "1000"),  # type: ignore[arg-type]
                                   api.Milestone(np.int64(6), "subscribers", "1k")],  # type: ignore[arg-type]
                         ids=["floats", "0-d arrays", "texts", "numpy int and 1k"])
def test_reach_takes_what_a_files_milestone_takes(reach: api.Milestone) -> None:
    """QA: Milestone(6.0, 'subscribers', 1000.0) was refused (found 6.0 (float)) where targets.milestones takes it and
    the CLI takes --reach subscribers@6.0=1000; so were 0-d arrays and '1000'. Each is month 6 and 1,000 subscribers."""
    in_targets = dataclasses.replace(SCENARIO, targets=dataclasses.replace(SCENARIO.targets, milestones=(reach,)))
    assert api.run(in_targets).figures is not None
    given = api.allocate(SCENARIO, 1, reach=reach)
    plain = api.allocate(SCENARIO, 1, reach=api.Milestone(6, "subscribers", 1000))
    assert given.budget == plain.budget and given.budget > 0


def test_reach_words_its_month_as_the_reader_words_a_files() -> None:
    text = Path(PLAN).read_text(encoding="utf-8").replace("targets:\n", "targets:\n  milestones: [{month: 25, subscribers: 1}]\n", 1)
    with pytest.raises(api.ScenarioInvalid) as invalid:
        api.load_source(text)
    (error,) = invalid.value.errors
    assert (error.path, error.message) == ("targets.milestones[0].month", "expected a month within 1..24, found 25")


def test_a_milestone_a_file_could_hold_is_reached_as_given() -> None:
    from aigc_roi.whatif.allocate_reach import checked_reach

    assert checked_reach(api.Milestone(np.int64(6), "cumulative_cash", -5_000), 24) == api.Milestone(6, "cumulative_cash", -5_000.0)
    assert checked_reach(api.Milestone(24, "subscribers", 0), 24) == api.Milestone(24, "subscribers", 0.0)


@pytest.mark.parametrize("jobs", [0, -1, True, 2.5])
def test_check_run_refuses_jobs_as_check_j_does(jobs: object) -> None:
    """jobs=0, -1 and True were taken (one process), 2.5 a bare TypeError once 64 files or more went to workers."""
    with pytest.raises(api.ArgumentError) as refused:
        api.check_run(PLAN, samples=100, jobs=jobs)  # type: ignore[arg-type]
    shown = f"{jobs} ({type(jobs).__name__})" if isinstance(jobs, bool | float) else str(jobs)
    assert str(refused.value) == f"jobs: expected a whole number >= 1, found {shown}"
    said = invoke(["check", PLAN, "-j", "0"])
    assert said.exit_code == 2 and "--jobs: expected a whole number >= 1, found '0'" in said.stderr


@pytest.mark.parametrize(("call", "message"), [
    (lambda: api.sensitivity_grid(SCENARIO, None, GRID[1]), "row_path: expected a text, found None (NoneType)"),  # type: ignore[arg-type]
    (lambda: api.load(PLAN, sets=[1]), "sets[0]: expected a text PATH=VALUE, found 1 (int)"),  # type: ignore[list-item]
    (lambda: api.load(PLAN, sets={"acquisition[0].bid": 3}),
     "sets: expected a text PATH=VALUE or a list of them, found {'acquisition[0].bid': 3} (dict)"),
    (lambda: api.allocate(SCENARIO, 80_000, minimums=[("a", 1)]),  # type: ignore[arg-type]
     "minimums: expected a mapping of names to amounts, found [('a', 1)] (list)"),
    (lambda: api.allocate(SCENARIO, 80_000, minimums={DOUYIN: math.nan}),
     "minimums['Douyin activation CPA']: expected an amount >= 0, found nan"),
    (lambda: api.allocate(SCENARIO, 80_000, maximums={DOUYIN: -1}), "maximums['Douyin activation CPA']: expected an amount >= 0, found -1"),
    (lambda: api.allocate(SCENARIO, 80_000, target_roas=math.nan), "target_roas: expected a positive number, found nan"),
    (lambda: api.allocate(SCENARIO, 80_000, target_roas=math.inf), "target_roas: expected a positive number, found inf"),
    (lambda: api.allocate(SCENARIO, 80_000, objective="roi"),
     "objective: expected one of npv, net_cash, p10_npv, payback_probability, found 'roi' (str)"),
    (lambda: api.allocate(SCENARIO, 80_000, total="no"), "total: expected True or False, found 'no' (str)"),  # type: ignore[arg-type]
    # Two answers to "what is the budget", which the CLI's --total, --target-roas and --reach refuse together.
    (lambda: api.allocate(SCENARIO, 1, target_roas=1.5, reach=api.Milestone(6, "subscribers", 3000)),
     "reach: instead of budget, as target_roas is: give one of total, target_roas and reach"),
    (lambda: api.allocate(SCENARIO, 1, total=True, reach=api.Milestone(6, "subscribers", 3000)),
     "reach: instead of budget, as total is: give one of total, target_roas and reach"),
    (lambda: api.allocate(SCENARIO, 80_000, total=True, target_roas=1.5),
     "target_roas: instead of budget, as total is: give one of total, target_roas and reach"),
    (lambda: api.simulate(SCENARIO, 100, percentiles=("50",)), "percentiles[0]: expected a number from 0 to 100, found '50' (str)"),  # type: ignore[arg-type]
    (lambda: api.simulate(SCENARIO, 100, percentiles=(True,)), "percentiles[0]: expected a number from 0 to 100, found True (bool)"),
    (lambda: api.simulate(SCENARIO, 100, percentiles=(5, 101)), "percentiles[1]: expected a number from 0 to 100, found 101"),
    (lambda: api.simulate(SCENARIO, 100, percentiles="50"),  # type: ignore[arg-type]
     "percentiles: expected a list of numbers from 0 to 100, found '50' (str)"),
    (lambda: api.simulate(SCENARIO, 100, progress=print), None),
    (lambda: api.simulate(SCENARIO, 100, stage_progress="bar"), "stage_progress: expected a function or None, found 'bar' (str)"),  # type: ignore[arg-type]
    (lambda: api.compare([]), "scenarios: expected at least one (label or None, source, Scenario) triple, found none"),
    (lambda: api.compare([(None, "a", SCENARIO)], seed=-1), "seed: expected a whole number from 0 to 2^128 - 1, found -1"),
    (lambda: api.check_run(PLAN, samples=100, base=1), "base: expected a git revision (a text) or None, found 1 (int)"),  # type: ignore[arg-type]
], ids=["row_path", "sets item", "sets a dict", "minimums a list", "minimum nan", "maximum -1", "target_roas nan",
        "target_roas inf", "objective", "total", "reach and target_roas", "reach and total", "target_roas and total",
        "percentile a text", "percentile a bool", "percentile 101",
        "percentiles a text", "a function", "stage_progress", "no column", "seed without samples", "base"])
def test_an_argument_of_the_wrong_type_or_value_is_named_with_what_was_expected(
        call: Callable[[], object], message: str | None) -> None:
    """Each was a bare AttributeError, a coercion (("50",) was p50, (True,) p1) or a message naming no argument
    ("percentiles must lie in [0, 100], got [101]", "the bounds of 'X' must be >= 0")."""
    if message is None:  # a function is taken: any callable, print among them
        call()
        return
    with pytest.raises(api.ArgumentError) as refused:
        call()
    assert str(refused.value) == message


def test_the_cli_still_names_its_options() -> None:
    said = invoke(["simulate", PLAN, "--percentiles", "101"])
    assert said.exit_code == 2 and said.stderr.startswith("aigc-roi: --percentiles: expected ")
    said = invoke(["allocate", PLAN, "--budget", "1e5", "--min", f"{DOUYIN}=-1"])
    assert said.exit_code == 2 and said.stderr == f"aigc-roi: --min {DOUYIN}: expected an amount >= 0, found '-1'\n"


@pytest.mark.parametrize("call", [api.validate, api.check, api.check_run], ids=["validate", "check", "check_run"])
def test_no_path_at_all_is_refused_as_a_folder_without_scenarios_is(call: Callable[[object], object]) -> None:
    """An empty list passed, checking nothing (check_run's .passed was True), where `check` without a path exits 2."""
    with pytest.raises(api.NoScenarioFiles, match=r"^paths: expected at least one file or folder, found none$"):
        call([])


def test_check_holds_samples_and_seed_when_no_file_simulates() -> None:
    """chat-assistant-cpa.yaml sets no min_payback_probability: samples=0 and seed=-1 went unchecked."""
    for kwargs, argument in (({"samples": 0}, "samples"), ({"seed": -1}, "seed"), ({"samples": 1_000_001}, "samples")):
        for call in (api.check, api.check_run):
            with pytest.raises(api.ArgumentError) as refused:
                call(PLAN, **kwargs)  # type: ignore[operator]
            assert refused.value.argument == argument


# Every public function and each of its arguments, called with the others valid, the one given a value of a type it
# does not take: what comes out is a refusal naming that argument, or the TypeError of a Scenario's place.
VALID: dict[str, dict[str, object]] = {
    "load": {"path": PLAN}, "load_plan": {"path": PLAN}, "load_source": {"text": Path(PLAN).read_text(encoding="utf-8")},
    "run": {"scenario": SCENARIO}, "figures": {"scenario": SCENARIO},
    "compare": {"scenarios": [(None, "a", SCENARIO), (None, "b", SCENARIO)]}, "break_even": {"scenario": SCENARIO},
    "sensitivity": {"scenario": SCENARIO},
    "sensitivity_grid": {"scenario": SCENARIO, "row_path": GRID[0], "column_path": GRID[1], "steps": 2},
    "simulate": {"scenario": SCENARIO, "samples": 100},
    "allocate": {"scenario": SCENARIO, "budget": 80_000, "objective": "p10_npv", "samples": 100},
    "explain_change": {"base": PLAN, "new": PLAN}, "curves": {"scenario": SCENARIO}, "validate": {"paths": PLAN},
    "check": {"paths": PLAN, "samples": 100}, "check_run": {"paths": PLAN, "samples": 100, "jobs": 1},
    "plan_facts": {"plan": LOADED, "samples": 100}, "inputs": {"plan": LOADED},
    "actuals": {"scenario": SCENARIO, "exports": EXPORT, "samples": 100},
    "reforecast": {"plan": LOADED, "compared": api.actuals(SCENARIO, EXPORT, samples=100), "header": "# h", "samples": 100},
}
PLACES = {"scenario", "plan", "compared"}
"""Arguments whose wrong type is a TypeError saying what the function takes."""
OPTIONAL = {"set_option", "base", "jobs", "samples", "minimums", "maximums", "max_cash_need", "min_payback_probability",
            "target_roas", "reach", "progress", "stage_progress", "samples_sink", "from_day", "through"}
FLAGS = {"with_irr_none_reason", "total", "sum_duplicates", "explain", "decimal_comma"}
NUMBERS = {"samples", "seed", "jobs", "steps", "step", "budget", "max_cash_need", "min_payback_probability", "target_roas"}
PATHS = {("load", "path"), ("load_plan", "path"), ("load_source", "filename"), ("explain_change", "base"),
         ("explain_change", "new"), ("validate", "paths"), ("check", "paths"), ("check_run", "paths"),
         ("actuals", "exports"), ("reforecast", "filename")}
"""Arguments that take a path, bytes among them (as os.fsdecode reads it)."""


def _takes(name: str, argument: str, value: object) -> bool:
    """Whether ``value`` is of a type ``argument`` of ``name`` takes: such a call would run, not be refused."""
    if isinstance(value, bytes) and b"\0" not in value:
        return (name, argument) in PATHS
    if value is None:  # allocate's seed, as its samples, is None where not given (no draw made without a risk objective)
        return argument in OPTIONAL or (name, argument) == ("allocate", "seed")
    if isinstance(value, bool | np.bool_):
        return argument in FLAGS
    if argument in NUMBERS:  # out of bounds or not, a number is for test_library_arguments.py
        return isinstance(value, int | float) and math.isfinite(value)
    if argument == "percentiles":
        return isinstance(value, list | tuple) and all(isinstance(item, int | float) for item in value)
    return isinstance(value, {"scenario": api.Scenario, "plan": api.LoadedScenario}.get(argument, ()))


ARGUMENTS = [(name, argument) for name, valid in VALID.items()
             for argument in __import__("inspect").signature(getattr(api, name)).parameters]
WRONG = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 3), st.floats(), st.binary(max_size=3), st.just(np.bool_(True)),
    st.lists(st.integers(), min_size=1, max_size=2), st.dictionaries(st.integers(), st.integers(), min_size=1, max_size=1),
    st.tuples(st.integers()), st.just(object()), st.just(SCENARIO), st.just(LOADED))


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(called=st.sampled_from(ARGUMENTS), data=st.data())
def test_every_argument_of_the_wrong_type_is_refused_naming_it(called: tuple[str, str], data: st.DataObject) -> None:
    name, argument = called
    value = data.draw(WRONG.filter(lambda given: not _takes(name, argument, given)))
    try:
        getattr(api, name)(**{**VALID[name], argument: value})
    except api.ArgumentError as refused:
        assert refused.argument.split("[")[0].split(".")[0] == argument, (name, argument, refused)
        assert str(refused) == f"{refused.argument}: {refused.problem}" and "\n" not in str(refused)
        assert "expected" not in translate(str(refused)), str(refused)
    except TypeError as refused:
        assert argument in PLACES and str(refused).startswith(f"api.{name} takes "), (name, argument, refused)
    else:
        raise AssertionError(f"api.{name}({argument}={value!r:.80}) was taken")


@pytest.mark.parametrize(("call", "message"), [
    (lambda: api.simulate(SCENARIO, np.timedelta64(500)),
     "samples: expected a whole number from 1 to 10,000,000, found np.timedelta64(500) (timedelta64)"),
    (lambda: api.simulate(SCENARIO, 100, percentiles=(np.timedelta64(50, "ns"),)),
     "percentiles[0]: expected a number from 0 to 100, found np.timedelta64(50,'ns') (timedelta64)"),
], ids=["samples", "percentile"])
def test_a_span_of_time_is_no_number(call: Callable[[], object], message: str) -> None:
    """numpy counts a timedelta64 an integer: 500 nanoseconds ran as 500 samples."""
    with pytest.raises(api.ArgumentError) as refused:
        call()
    assert str(refused.value) == message
