"""A library call takes what the command's option takes (model/arguments.py, model/limits.py): a value the option
refuses, the call refuses too, naming its argument and expecting the same, where the call raised numpy's errors
from inside or went on with nonsense."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi import api
from aigc_roi.model.scenario import Milestone

ROOT = Path(__file__).resolve().parents[2]
PLAN = str(ROOT / "scenarios" / "chat-assistant-cpa.yaml")
EXPORT = str(ROOT / "examples" / "actuals" / "bilibili.csv")
GRID = ("acquisition[0].bid", "acquisition[1].bid")


def _expected(message: str) -> str:
    """What a refusal expected, without the example of how to type it (`--step` reads 20% too)."""
    found = re.search(r": expected (.+?)(?:, such as .+)?, found ", message)
    assert found, message
    return found[1]


CASES: list[tuple[list[str], Callable[[api.Scenario], object], str]] = [
    (["simulate", PLAN, "--samples", "0"], lambda plan: api.simulate(plan, samples=0), "samples"),
    (["simulate", PLAN, "--samples", "10000001"], lambda plan: api.simulate(plan, samples=10_000_001), "samples"),
    (["simulate", PLAN, "--seed=-1"], lambda plan: api.simulate(plan, samples=10, seed=-1), "seed"),
    (["simulate", PLAN, "--jobs", "0"], lambda plan: api.simulate(plan, samples=10, jobs=0), "jobs"),
    (["sensitivity", PLAN, "--step", "1.5"], lambda plan: api.sensitivity(plan, 1.5), "step"),
    (["sensitivity", PLAN, "--step", "0"], lambda plan: api.sensitivity_grid(plan, *GRID, 0), "step"),
    (["sensitivity", PLAN, "--grid", ",".join(GRID), "--grid-steps", "1"],
     lambda plan: api.sensitivity_grid(plan, *GRID, 0.2, 1), "steps"),
    (["sensitivity", PLAN, "--grid", ",".join(GRID), "--grid-steps", "42"],
     lambda plan: api.sensitivity_grid(plan, *GRID, 0.2, 42), "steps"),
    (["allocate", PLAN, "--budget", "1e5", "--min-payback-probability", "1.5"],
     lambda plan: api.allocate(plan, 1e5, min_payback_probability=1.5), "min_payback_probability"),
    (["allocate", PLAN, "--budget", "1e5", "--max-cash-need", "2e15"],
     lambda plan: api.allocate(plan, 1e5, max_cash_need=2e15), "max_cash_need"),
    (["allocate", PLAN, "--budget", "1e5", "--max-cash-need=-1"],
     lambda plan: api.allocate(plan, 1e5, max_cash_need=-1), "max_cash_need"),
    (["allocate", PLAN, "--budget", "2e15"], lambda plan: api.allocate(plan, 2e15), "budget"),
    (["allocate", PLAN, "--budget", "1e5", "--objective", "p10_npv", "--samples", "1000001"],
     lambda plan: api.allocate(plan, 1e5, "p10_npv", samples=1_000_001), "samples"),
    # compare, check and report take at most MAX_SAMPLES, as their --samples do, where the calls took simulate's
    # 10,000,000; check holds them whether a file simulates or not (this plan sets no min_payback_probability).
    (["compare", PLAN, PLAN, "--samples", "1000001"],
     lambda plan: api.compare([(None, "a", plan), (None, "b", plan)], samples=1_000_001), "samples"),
    (["check", PLAN, "--samples", "1000001"], lambda _: api.check(PLAN, samples=1_000_001), "samples"),
    (["check", PLAN, "--samples", "0"], lambda _: api.check_run(PLAN, samples=0), "samples"),
    (["check", PLAN, "--seed=-1"], lambda _: api.check(PLAN, seed=-1), "seed"),
    (["check", PLAN, "-j", "0"], lambda _: api.check_run(PLAN, jobs=0), "jobs"),
    (["report", PLAN, "--samples", "1000001"], lambda _: api.plan_facts(api.load_plan(PLAN), samples=1_000_001),
     "samples"),
    (["actuals", PLAN, EXPORT, "--samples", "99"], lambda plan: api.actuals(plan, [EXPORT], samples=99), "samples"),
    (["actuals", PLAN, EXPORT, "--samples", "100001"], lambda plan: api.actuals(plan, [EXPORT], samples=100_001), "samples"),
    (["actuals", PLAN, EXPORT, "--map", "nonsense"], lambda plan: api.actuals(plan, [EXPORT], ["nonsense"]), "maps[0]"),
    (["actuals", PLAN, EXPORT, "--map", "Bilibili CPA (registered user)= "],
     lambda plan: api.actuals(plan, [EXPORT], "Bilibili CPA (registered user)= "), "maps[0]"),
]


@pytest.mark.parametrize(("command", "call", "argument"), CASES,
                         ids=[" ".join(arg for arg in case[0] if arg not in (PLAN, EXPORT)) for case in CASES])
def test_the_call_refuses_what_the_option_refuses(command: list[str], call: Callable[[api.Scenario], object],
                                                  argument: str) -> None:
    refused = invoke(command)
    assert refused.exit_code == 2, refused.stderr
    with pytest.raises(ValueError) as raised:  # WhatIfError and AllocationError are ValueErrors too
        call(api.load(PLAN))
    message = str(raised.value)
    assert message.startswith(f"{argument}: expected ")
    assert _expected(message) == _expected(refused.stderr.strip())


def _duplicated(folder: Path) -> str:
    export = folder / "twice.csv"
    export.write_text("date,campaign,spend\n2025-03-01,bili_a,100\n2025-03-01,bili_a,100\n", encoding="utf-8")
    return str(export)


MAP = ("Bilibili CPA (registered user)", "bili_*")
NAMED: list[tuple[list[str], Callable[[api.Scenario, Path], object], str, str]] = [
    (["actuals", PLAN, EXPORT, "--map", "Nope=x*"], lambda plan, _: api.actuals(plan, [EXPORT], [MAP, ("Nope", "x*")]),
     "aigc-roi: --map Nope=x*: expected a channel of the plan (Bilibili CPA (registered user), Douyin activation CPA), "
     "found 'Nope'",
     "maps[1]: expected a channel of the plan (Bilibili CPA (registered user), Douyin activation CPA), found 'Nope'"),
    (["actuals", PLAN, "{twice}"], lambda plan, folder: api.actuals(plan, [_duplicated(folder)], [MAP]),
     "{twice}:3:2: campaign: expected one row per day and campaign (or --sum-duplicates), found 2025-03-01 'bili_a' "
     "again (first at {twice}:2:2)",
     "{twice}:3:2: campaign: expected one row per day and campaign (or sum_duplicates=True), found 2025-03-01 'bili_a' "
     "again (first at {twice}:2:2)"),
    (["allocate", PLAN, "--reach", "subscribers@6=60", "--max-cash-need", "10000"],
     lambda plan, _: api.allocate(plan, 0, reach=Milestone(6, "subscribers", 60), max_cash_need=10_000),
     "aigc-roi: --reach finds the least budget for a milestone alone: it cannot be combined with --max-cash-need or "
     "--min-payback-probability",
     "reach finds the least budget for a milestone alone: it cannot be combined with max_cash_need or "
     "min_payback_probability"),
    (["allocate", PLAN, "--target-roas", "0.01"], lambda plan, _: api.allocate(plan, 0, target_roas=0.01),
     "aigc-roi: the marginal ROAS of Douyin activation CPA never falls to 0.01 (no diminishing returns): give it a --max",
     "the marginal ROAS of Douyin activation CPA never falls to 0.01 (no diminishing returns): give it a maximum in "
     "maximums"),
]


@pytest.mark.parametrize(("command", "call", "said", "raised"), NAMED,
                         ids=["actuals maps", "actuals sum_duplicates", "allocate reach", "allocate target_roas"])
def test_the_call_names_its_arguments_where_the_command_names_its_options(
        command: list[str], call: Callable[[api.Scenario, Path], object], said: str, raised: str, tmp_path: Path) -> None:
    """A script that passed maps=, sum_duplicates= or maximums= was told of --map, --sum-duplicates and --max, options
    it never saw; the command still names its options, word for word."""
    twice = str(tmp_path / "twice.csv")
    with pytest.raises((ValueError, api.ScenarioInvalid)) as refused:  # one located error: its line
        call(api.load(PLAN), tmp_path)
    assert str(refused.value) == raised.format(twice=twice)
    result = invoke([word.format(twice=twice) for word in command])
    assert result.exit_code == 2 and result.stderr == said.format(twice=twice) + "\n"


def test_check_run_raises_only_for_a_set_no_file_could_take() -> None:
    """Its docstring said a bad ``sets`` raised, where a value a file refuses is that file's error, as `check`
    reports it: each file's fields and lists are its own."""
    with pytest.raises(api.ScenarioInvalid):
        api.check_run(PLAN, ["acquisition[0].bid"], samples=100, jobs=1)
    (result,) = api.check_run(PLAN, ["acquisition[0].bid=abc"], samples=100, jobs=1).results
    assert [(error.file, error.scenario, error.message) for error in result.errors] == [
        ("sets[0]", PLAN, "expected a number >= 0, found 'abc'")]
    doc = " ".join((api.check_run.__doc__ or "").split())
    assert "ScenarioInvalid`` for a set that is no ``PATH=VALUE`` at all" in doc
    assert "A set a file refuses" in doc and "is that file's error, in its result's ``errors``" in doc


def _check_run(sets: list[str]) -> object:
    """api.check_run's errors of the one file, raised as load raises them, without the file they were applied to."""
    (result,) = api.check_run(PLAN, sets, samples=100, jobs=1).results
    raise api.ScenarioInvalid([dataclasses.replace(error, scenario=None) for error in result.errors])


SET_CALLS: dict[str, Callable[[list[str]], object]] = {
    "load": lambda sets: api.load(PLAN, sets),
    "load_plan": lambda sets: api.load_plan(PLAN, sets),
    "load_source": lambda sets: api.load_source(Path(PLAN).read_text(encoding="utf-8"), PLAN, sets),
    "explain_change": lambda sets: api.explain_change(PLAN, PLAN, sets),
    "check_run": _check_run,
}
BAD_SETS = [  # (sets, what the call raises, what the command says of the same --set)
    pytest.param(["discount_rate=0.1", "bogus"],
                 "sets[1]:1:1: expected PATH=VALUE such as acquisition[0].bid=25, found 'bogus'",
                 "--set bogus:1:1: expected PATH=VALUE such as acquisition[0].bid=25", id="syntax"),
    pytest.param(["discount_rate=0.1", "acquisition[9].bid=3"],  # the plan has 2 channels
                 "sets[1]:1:1: acquisition[9].bid: no item 9: the list has 2 items",
                 "--set acquisition[9].bid=3:1:1: acquisition[9].bid: no item 9: the list has 2 items", id="path"),
    pytest.param(["acquisition[0].bid=abc"], "sets[0]:1:1: acquisition[0].bid: expected a number >= 0, found 'abc'",
                 "--set acquisition[0].bid=abc:1:1: acquisition[0].bid: expected a number >= 0, found 'abc'", id="value"),
    pytest.param(["name=[bold]x"],  # '[bold]' is a whole YAML list; 'x' at column 7 follows the document's end
                 "sets[0]:1:7: name: invalid YAML: did not find expected <document start>; a value in sets is YAML: to "
                 "set this text as it is, put it in quotes, as in 'name=\"[bold]x\"'",
                 "--set name=[bold]x:1:7: name: invalid YAML: did not find expected <document start>; a --set value is "
                 "YAML: to set this text as it is, put it in quotes, as in --set 'name=\"[bold]x\"'", id="yaml"),
]


@pytest.mark.parametrize("call", SET_CALLS.values(), ids=SET_CALLS.keys())
@pytest.mark.parametrize(("sets", "raised", "said"), BAD_SETS)
def test_a_bad_set_is_named_by_its_place_in_sets_and_the_command_names_its_option(
        call: Callable[[list[str]], object], sets: list[str], raised: str, said: str) -> None:
    """A script's sets=[...] was told of '--set bogus', an option it never gave; the commands that make these calls
    (run, check, report --base, compare --explain) still name the option with its text, word for word."""
    with pytest.raises(api.ScenarioInvalid) as refused:
        call(sets)
    assert str(refused.value) == raised
    options = [word for text in sets for word in ("--set", text)]
    result = invoke(["run", PLAN, *options])
    assert result.exit_code == 2 and result.stderr == said + "\n"
    # check calls api.check_run with its --set texts: a file's error is said after the file's name.
    checked = invoke(["check", PLAN, *options, "--samples", "100", "-j", "1"])
    assert checked.exit_code == 2 and said in checked.stdout + checked.stderr
