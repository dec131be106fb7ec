"""A scenario built in code is held to the rule a file is (docs/formulas.md §18): a gate naming a channel name two
channels share is refused, naming both paths, by every library call that takes a scenario.

QA: the reader refused such a file, but a ``Scenario`` built from model/scenario.py's dataclasses, or a loaded one
changed with ``dataclasses.replace``, skipped the reader, and its gate took both channels.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest

from aigc_roi import api

ROOT = Path(__file__).resolve().parents[2]
EXPORT = str(ROOT / "examples" / "actuals" / "bilibili.csv")

PLAN = """\
name: Gated
horizon_months: 4
start: 2025-01
acquisition:
  - {name: T, type: cpa, bid: 10, users: 100, months: 1-2}
  - {name: U, type: cpa, bid: 10, users: 100, months: 3-4}
  - {name: V, type: cpa, bid: 10, users: 100, months: 3-4}
retention: {monthly_churn: 0.5}
monetization:
  plans: [{name: Pro, price: 30, period: month, conversion: 0.1, renewal: 0.7}]
gates:
  - {name: G, after_month: 2, channels: [T], min_roas: 1, then: [U, V]}
"""

# (the file's text with a shared name, the same scenario built in code from the valid one)
SHARED: dict[str, tuple[str, Callable[[api.Scenario], api.Scenario]]] = {
    "then": (PLAN.replace("{name: V,", "{name: U,").replace("then: [U, V]", "then: [U]"),
             lambda plan: dataclasses.replace(
                 plan, acquisition=(*plan.acquisition[:2], dataclasses.replace(plan.acquisition[2], name="U")),
                 gates=(dataclasses.replace(plan.gates[0], then=("U",)),))),
    "channels": (PLAN.replace("{name: U,", "{name: T,").replace("then: [U, V]", "then: [V]"),
                 lambda plan: dataclasses.replace(
                     plan, acquisition=(plan.acquisition[0], dataclasses.replace(plan.acquisition[1], name="T"),
                                        plan.acquisition[2]),
                     gates=(dataclasses.replace(plan.gates[0], then=("V",)),))),
}

CALLS: dict[str, Callable[[api.Scenario], object]] = {
    "run": api.run,
    "figures": api.figures,
    "simulate": lambda scenario: api.simulate(scenario, samples=10),
    "compare": lambda scenario: api.compare([(None, "code", scenario)]),
    "break_even": api.break_even,
    "sensitivity": api.sensitivity,
    "sensitivity_grid": lambda scenario: api.sensitivity_grid(scenario, "acquisition[0].bid", "acquisition[1].bid"),
    "allocate": lambda scenario: api.allocate(scenario, 1000.0),
    "curves": api.curves,
    "actuals": lambda scenario: api.actuals(scenario, EXPORT),
}


def _file_refusal(text: str) -> str:
    """The one error the reader finds in ``text``, as its path and message."""
    with pytest.raises(api.ScenarioInvalid) as caught:
        api.load_source(text, "s.yaml")
    [error] = caught.value.errors
    return f"{error.path}: {error.message}"


@pytest.mark.parametrize("call", CALLS.values(), ids=CALLS.keys())
@pytest.mark.parametrize("shared", SHARED.values(), ids=SHARED.keys())
def test_a_gate_naming_a_shared_name_is_refused_as_in_a_file(
        shared: tuple[str, Callable[[api.Scenario], api.Scenario]], call: Callable[[api.Scenario], object]) -> None:
    text, built = shared
    with pytest.raises(api.ScenarioInvalid) as caught:
        call(built(api.load_source(PLAN)))
    [error] = caught.value.errors
    assert f"{error.path}: {error.message}" == _file_refusal(text)


def test_the_refusal_names_both_paths() -> None:
    with pytest.raises(api.ScenarioInvalid, match=r"^scenario: gates\[0\]\.then\[0\]: 'U' names 2 channels, acquisition\[1\] and "
                                         r"acquisition\[2\]: a gate cannot tell them apart; give each its own name$"):
        api.run(SHARED["then"][1](api.load_source(PLAN)))


@pytest.mark.parametrize("called", ["inputs", "plan_facts"])
def test_a_loaded_plan_given_such_a_scenario_is_refused(tmp_path: Path, called: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    plan = api.load_plan(path)
    changed = dataclasses.replace(plan, scenario=SHARED["channels"][1](plan.scenario))
    with pytest.raises(api.ScenarioInvalid, match=r"^plan\.scenario: gates\[0\]\.channels\[0\]: 'T' names 2 channels"):
        getattr(api, called)(changed)


def test_a_shared_name_no_gate_names_still_runs() -> None:
    """Spec 1.1 allows two channels one name; only what names one of them by it alone is refused."""
    plan = api.load_source(PLAN)
    shared = tuple(dataclasses.replace(channel, name="W") for channel in plan.acquisition[1:])
    renamed = dataclasses.replace(plan, acquisition=(plan.acquisition[0], *shared),
                                  gates=(dataclasses.replace(plan.gates[0], then=()),))
    # 100 users at 10 a month: T in months 1-2 (its gate stops T alone, which runs no later), each W in months 3-4.
    with pytest.warns(api.ScenarioWarning) as told:
        assert api.figures(renamed)["ad_spend"] == pytest.approx(2 * 1000 + 2 * 1000 + 2 * 1000)
    # The library says what the file reader says of the same plan: the name shared, and a gate left nothing to stop.
    assert sorted(str(warning.message).split(":")[1].strip() for warning in told) == [
        "acquisition[2].name", "gates[0].then"]
