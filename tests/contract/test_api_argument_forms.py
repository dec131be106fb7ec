"""What a library call takes, in every form a script has it in, and what it refuses, said as a refusal.

QA: once every argument was type-checked (model/arguments.py), ``load_source(text, Path('x.yaml'))``, ``load(b'/path')``
and ``simulate(percentiles=[Decimal('50')])`` were refused, which had worked; ``percentiles=np.array(50)`` raised a
bare ``TypeError: iteration over a 0-d array``; and a ``LoadedScenario`` whose ``.scenario`` was replaced gave
``plan_facts`` figures of the change beside inputs of the file, and ``reforecast`` re-forecast the file.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest

from aigc_roi import api
from aigc_roi.present.messages_zh import translate

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "scenarios" / "chat-assistant-cpa.yaml"  # organic_users: 800
EXPORT = ROOT / "examples" / "actuals" / "bilibili.csv"
BILIBILI = "Bilibili CPA (registered user)"
SCENARIO = api.load(PLAN)


def test_a_file_name_is_taken_as_any_path_is() -> None:
    text = PLAN.read_text(encoding="utf-8")
    assert api.load_source(text, Path("x.yaml")) == SCENARIO
    with pytest.raises(api.ScenarioInvalid) as refused:
        api.load_source(text.replace("organic_users: 800", "organic_users: -1"), Path("plans") / "x.yaml")
    assert refused.value.errors[0].file == os.path.join("plans", "x.yaml")
    for given in (os.fsencode(PLAN), PLAN, str(PLAN)):
        assert api.load(given) == SCENARIO  # type: ignore[arg-type]
        assert api.load_plan(given).path == str(PLAN)  # type: ignore[arg-type]
    (validated,) = api.validate(os.fsencode(PLAN))  # type: ignore[arg-type]
    assert validated.path == str(PLAN) and not validated.errors
    compared = api.actuals(SCENARIO, [os.fsencode(EXPORT)], [(BILIBILI, "bili_*")], samples=100)  # type: ignore[list-item]
    assert compared.channels


@pytest.mark.parametrize(("call", "message"), [
    (lambda: api.load(1), "path: expected a path (a str, bytes or Path), found 1 (int)"),  # type: ignore[arg-type]
    (lambda: api.load(f"{PLAN}\0"), f"path: expected a path (a str, bytes or Path), found '{PLAN}\\x00' (str)"),
    (lambda: api.validate([b"a\0b"]), "paths[0]: expected a path (a str, bytes or Path), found b'a\\x00b' (bytes)"),
    (lambda: api.load_source("name: x", 3), "filename: expected a path (a str, bytes or Path), found 3 (int)"),  # type: ignore[arg-type]
], ids=["int", "NUL", "NUL bytes", "filename int"])
def test_what_is_no_path_is_refused_naming_it(call: Callable[[], object], message: str) -> None:
    """A NUL raised the system's bare ``ValueError: embedded null byte`` from validate and actuals."""
    with pytest.raises(api.ArgumentError) as refused:
        call()
    assert str(refused.value) == message
    assert translate(message).split("：")[1].startswith("应为路径（str、bytes 或 Path）")


def test_a_number_argument_of_any_real_type_is_that_number() -> None:
    summary = api.simulate(SCENARIO, samples=200, percentiles=[5, 50]).figures["npv"].percentiles
    for given in ([Decimal("5"), Decimal("50")], [Fraction(5), np.float32(50)], np.array([5, 50]), range(5, 51, 45)):
        assert api.simulate(SCENARIO, samples=200, percentiles=given).figures["npv"].percentiles == summary
    assert api.sensitivity(SCENARIO, Decimal("0.1")) == api.sensitivity(SCENARIO, 0.1)


@pytest.mark.parametrize(("percentiles", "message"), [
    (np.array(50), "percentiles: expected a list of numbers from 0 to 100, found array(50) (ndarray)"),
    (50, "percentiles: expected a list of numbers from 0 to 100, found 50 (int)"),
    (Decimal("50"), "percentiles: expected a list of numbers from 0 to 100, found Decimal('50') (Decimal)"),
    ([Decimal("NaN")], "percentiles[0]: expected a number from 0 to 100, found nan"),
    ([Decimal("sNaN")], "percentiles[0]: expected a number from 0 to 100, found nan"),
    ([Decimal("101")], "percentiles[0]: expected a number from 0 to 100, found 101.0"),
    ([Fraction(10 ** 400)], "percentiles[0]: expected a number from 0 to 100, found inf"),
    ([np.array(50)], "percentiles[0]: expected a number from 0 to 100, found array(50) (ndarray)"),
], ids=["0-d array", "int", "Decimal", "Decimal NaN", "Decimal sNaN", "Decimal 101", "huge Fraction", "0-d item"])
def test_no_list_of_percentiles_is_refused_naming_it(percentiles: object, message: str) -> None:
    with pytest.raises(api.ArgumentError) as refused:
        api.simulate(SCENARIO, samples=100, percentiles=percentiles)  # type: ignore[arg-type]
    assert str(refused.value) == message


def changed_plan() -> api.LoadedScenario:
    plan = api.load_plan(PLAN)
    return dataclasses.replace(plan, scenario=dataclasses.replace(plan.scenario, organic_users=8000.0))


CHANGED = ("plan.scenario: the LoadedScenario's tree no longer writes its scenario (changed in code), and api.{} reads "
           "the file's values from that tree: load the changed file, or pass the change as sets "
           "(api.load_plan(path, sets=[...]))")


def test_a_plan_whose_scenario_was_replaced_is_refused_not_told_in_two_minds() -> None:
    """plan_facts ran the changed scenario (8,000 organic users a month) and stated the file's 800 among its inputs;
    reforecast held the changed plan against a re-forecast of the file."""
    changed = changed_plan()
    compared = api.actuals(changed.scenario, EXPORT, [(BILIBILI, "bili_*")], samples=100)
    calls: dict[str, Callable[[], object]] = {
        "inputs": lambda: api.inputs(changed), "plan_facts": lambda: api.plan_facts(changed, samples=100),
        "reforecast": lambda: api.reforecast(changed, compared, "# re-forecast", samples=100)}
    for name, call in calls.items():
        with pytest.raises(api.ArgumentError) as refused:
            call()
        assert (refused.value.argument, str(refused.value)) == ("plan.scenario", CHANGED.format(name))
        assert translate(str(refused.value)).startswith("plan.scenario：LoadedScenario 的树已不再写出它的方案")


def test_the_change_passed_as_a_set_is_told_as_one() -> None:
    plan = api.load_plan(PLAN, sets=["organic_users=8000"])
    (organic,) = [row for row in api.inputs(plan) if row.path == "organic_users"]
    assert (organic.value, organic.set_by, organic.in_file) == (8000.0, "sets[0]", "800")
    # The same scenario rebuilt in code, equal field for field, is the plan's still.
    same = dataclasses.replace(plan, scenario=dataclasses.replace(plan.scenario, organic_users=8000))
    assert api.inputs(same) == api.inputs(plan)


def test_a_set_is_text_and_bytes_is_refused_as_the_readme_says() -> None:
    """The README said one ``bytes`` is one of every ``sets=``, as it is one path; the code, as the docstrings, takes a
    set as text alone (``str | Sequence[str]``), and the README now says so, quoting the refusal."""
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    refusals = []
    for given in (b"organic_users=900", [b"organic_users=900"]):
        with pytest.raises(api.ArgumentError) as refused:
            api.load(PLAN, sets=given)  # type: ignore[arg-type]
        refusals.append(str(refused.value))
    assert refusals == ["sets: expected a text PATH=VALUE or a list of them, found b'organic_users=900' (bytes)",
                        "sets[0]: expected a text PATH=VALUE, found b'organic_users=900' (bytes)"]
    assert f"(`{refusals[0]}`)" in readme
    assert "every `sets=`), one `str`, `bytes` or `Path`" not in readme
    assert api.load(PLAN, sets="organic_users=900").organic_users == 900


@pytest.mark.parametrize("unordered", [set, frozenset])
def test_a_set_of_sets_is_refused_for_it_keeps_no_order(unordered: type) -> None:
    """``sets={"organic_users=900", "organic_users=5000"}``: the last of two sets of one field wins, and a Python set's
    last is its hash order, which PYTHONHASHSEED changes from one session to the next: the figures did (QA, library)."""
    given = unordered({"organic_users=900", "organic_users=5000"})
    with pytest.raises(api.ArgumentError) as refused:
        api.load(PLAN, sets=given)
    assert refused.value.argument == "sets"
    message = str(refused.value)
    assert message.startswith("sets: expected a text PATH=VALUE or a list of them in an order (a list or a tuple, "
                              "not a set, which keeps none), found ")
    assert message.endswith(f"}}) ({unordered.__name__})" if unordered is frozenset else f"}} ({unordered.__name__})")
    assert "集合不保持顺序" in translate(str(refused.value))
    # In a list the order is the caller's: the last wins.
    assert api.load(PLAN, sets=["organic_users=900", "organic_users=5000"]).organic_users == 5000
