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


def _explain_change(sets: list[str]) -> object:
    """api.explain_change's errors, each of a set naming the file that refused it (``scenario``), raised without it."""
    try:
        return api.explain_change(PLAN, PLAN, sets)
    except api.ScenarioInvalid as invalid:
        assert {error.scenario for error in invalid.errors} <= {PLAN, None}
        raise api.ScenarioInvalid([dataclasses.replace(error, scenario=None) for error in invalid.errors]) from None


SET_CALLS: dict[str, Callable[[list[str]], object]] = {
    "load": lambda sets: api.load(PLAN, sets),
    "load_plan": lambda sets: api.load_plan(PLAN, sets),
    "load_source": lambda sets: api.load_source(Path(PLAN).read_text(encoding="utf-8"), PLAN, sets),
    "explain_change": _explain_change,
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


DOUYIN = "Douyin activation CPA"
BILIBILI = "Bilibili CPA (registered user)"
CHANNEL: list[tuple[list[str], dict[str, object], str, str, str]] = [
    (["--lock", "Douyin"], {"locks": ["Douyin"]}, "locks[0]", "--lock", f"no channel named 'Douyin'; did you mean '{DOUYIN}'?"),
    (["--lock", DOUYIN, "--lock", "Douyin"], {"locks": [DOUYIN, "Douyin"]}, "locks[1]", "--lock",
     f"no channel named 'Douyin'; did you mean '{DOUYIN}'?"),
    (["--min", "Douyin=1000"], {"minimums": {"Douyin": 1000}}, "minimums['Douyin']", "--min",
     f"no channel named 'Douyin'; did you mean '{DOUYIN}'?"),
    # The command's list quotes each name, the call's does not (as before).
    (["--max", "Nope=1000"], {"maximums": {"Nope": 1000}}, "maximums['Nope']", "--max",
     f"no channel named 'Nope'; channels: {BILIBILI}, {DOUYIN}"),
    # Two channels of one name: the name alone is refused in --set's words, the option then naming the name too.
    (["--lock", BILIBILI, "--set", f"acquisition[1].name={BILIBILI}"], {"locks": BILIBILI}, "locks[0]",
     f"--lock {BILIBILI}", f"'{BILIBILI}' names 2 items: write the one meant, acquisition[0] or acquisition[1]"),
]


# The shared name's plan warns as it loads (its warning is tested in tests/contract/test_code_built_gates.py).
@pytest.mark.filterwarnings("ignore::aigc_roi.api.ScenarioWarning")
@pytest.mark.parametrize(("options", "arguments", "item", "option", "problem"), CHANNEL,
                         ids=["lock", "second lock", "minimum", "maximum", "shared name"])
def test_a_channel_refused_is_named_by_its_item_where_the_command_names_its_option(
        options: list[str], arguments: dict[str, object], item: str, option: str, problem: str) -> None:
    """A script's locks, minimums and maximums were refused in words that named none of them: which of three
    arguments, and which item of it, named no channel was left to guess."""
    sets = [options[options.index("--set") + 1]] if "--set" in options else []
    with pytest.raises(api.ArgumentError) as refused:
        api.allocate(api.load(PLAN, sets=sets), 100_000, **arguments)  # type: ignore[arg-type]
    assert isinstance(refused.value, api.AllocationError)
    assert (refused.value.argument, str(refused.value)) == (item, f"{item}: {problem}")
    result = invoke(["allocate", PLAN, "--budget", "1e5", *options])
    # The shared name's warning (reader/shared_names.py) comes first.
    said = f"aigc-roi: {option}: {problem}".replace(f"{BILIBILI}, {DOUYIN}", f"'{BILIBILI}', '{DOUYIN}'")
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (2, said)


MIXED = """\
name: mixed
horizon_months: 12
retention: {monthly_churn: 0.2}
acquisition:
  - {name: A, type: cpa, bid: 20, budget: 10_000}
  - {name: B, type: cpa, bid: 20, budget: 10_000}
  - {name: Poster, type: flat, cost: 5_000, users: 100}
monetization:
  purchases: [{name: p, price: 30, rate: 0.5}]
"""
NEVER_MOVED = "'Poster' is a flat channel: its spend is never moved, so it cannot be locked or bounded"
LOCKED = "'A' is locked: it cannot also have a minimum or maximum"


@pytest.mark.parametrize(("options", "arguments", "item", "problem"), [
    (["--lock", "Poster"], {"locks": ["A", "Poster"]}, "locks[1]", NEVER_MOVED),
    (["--max", "Poster=10"], {"maximums": {"Poster": 10}}, "maximums['Poster']", NEVER_MOVED),
    (["--lock", "A", "--min", "A=10"], {"locks": ["A"], "minimums": {"A": 10}}, "minimums['A']", LOCKED),
    (["--lock", "A", "--max", "acquisition[0]=10"], {"locks": "A", "maximums": {"acquisition[0]": 10}},
     "maximums['acquisition[0]']", LOCKED),
], ids=["lock never moved", "maximum never moved", "minimum of a lock", "maximum of a lock by path"])
def test_a_channel_no_lock_or_bound_takes_is_named_by_its_item_and_the_command_words_it_as_before(
        options: list[str], arguments: dict[str, object], item: str, problem: str, tmp_path: Path) -> None:
    path = tmp_path / "mixed.yaml"
    path.write_text(MIXED, encoding="utf-8")
    with pytest.raises(api.ArgumentError) as refused:
        api.allocate(api.load(path), 100_000, **arguments)  # type: ignore[arg-type]
    assert (refused.value.argument, str(refused.value)) == (item, f"{item}: {problem}")
    result = invoke(["allocate", str(path), "--budget", "1e5", *options])
    assert (result.exit_code, result.stderr) == (2, f"aigc-roi: {problem}\n")


IDLE = "applies only with {}p10_npv / {}payback_probability / {}min-payback-probability; without it, it does nothing"


@pytest.mark.parametrize(("draws", "argument"), [({"samples": 7}, "samples"), ({"seed": 3}, "seed"),
                                                 ({"seed": 0}, "seed"), ({"samples": 10_000, "seed": 0}, "samples")])
@pytest.mark.parametrize("objective", ["npv", "net_cash"])
def test_samples_and_seed_without_a_draw_to_make_are_refused_as_the_options_are(
        draws: dict[str, int], argument: str, objective: str) -> None:
    """``api.allocate(plan, budget, samples=7, seed=3)`` ran, its samples and seed changing nothing, where
    ``allocate --samples 7`` exits 2 saying so (docs/allocate.md): a given default is refused too, as ``--seed 0``."""
    with pytest.raises(api.ArgumentError) as refused:
        api.allocate(api.load(PLAN), 100_000, objective, **draws)  # type: ignore[arg-type]
    assert isinstance(refused.value, api.AllocationError)
    assert str(refused.value) == f"{argument}: " + IDLE.format("objective ", "objective ", "").replace("-", "_")
    options = [word for name, value in draws.items() for word in (f"--{name}", str(value))]
    result = invoke(["allocate", PLAN, "--budget", "1e5", "--objective", objective, *options])
    assert (result.exit_code, result.stderr) == (2, f"aigc-roi: --{argument} " + IDLE.format("--objective ", "--objective ", "--") + "\n")


def test_samples_and_seed_serve_a_risk_objective_and_the_chance_limit() -> None:
    plan = api.load(PLAN)
    assert (api.allocate(plan, 100_000, "p10_npv", samples=50, seed=3).samples,
            api.allocate(plan, 100_000, "p10_npv", samples=50, seed=3).seed) == (50, 3)
    assert api.allocate(plan, 100_000, samples=50, seed=3, min_payback_probability=0.0).seed == 3
    # Not given, the defaults: 10,000 draws from seed 0 where a draw is made, none (1, the median run) elsewhere.
    assert (api.allocate(plan, 100_000, "p10_npv").samples, api.allocate(plan, 100_000).samples) == (10_000, 1)
