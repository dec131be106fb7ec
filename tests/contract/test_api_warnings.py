"""The library tells a scenario's warnings through Python's ``warnings``, as ``api.ScenarioWarning`` (a UserWarning),
once per scenario checked (README, "From Python").

QA: a Scenario built in code lost every warning the file reader gives (reader/in_code.py discarded them): a test
channel moved out of its gate's months ran to roi None, silently, where the file and --set say the gate always fails;
``discount_rate=5`` ran silently where the CLI warns it is 500% a year."""

from __future__ import annotations

import dataclasses
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from aigc_roi import api
from aigc_roi.reader import told_warnings

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
GATED = SCENARIOS / "creators-first-gated.yaml"
CPA = SCENARIOS / "chat-assistant-cpa.yaml"
R = dataclasses.replace


@pytest.fixture(autouse=True)
def fresh_process() -> Iterator[None]:
    """Each test tells as a new process does: a scenario equal to one another test was told of is told again."""
    told_warnings._TOLD.clear()
    yield
    told_warnings._TOLD.clear()


@contextmanager
def told() -> Iterator[list[warnings.WarningMessage]]:
    """Every warning given inside, each call's (no filter hides a repeat)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield caught


def scenario_warnings(caught: list[warnings.WarningMessage]) -> list[str]:
    assert all(issubclass(each.category, api.ScenarioWarning) for each in caught), [str(each.message) for each in caught]
    return [str(each.message) for each in caught]


def test_a_gate_whose_test_channel_no_longer_runs_in_its_months_is_warned_of() -> None:
    gated = api.load(GATED)
    # The file's gate tests its first channel in months 1-2; moved to months 3-4, nothing is spent to measure.
    assert (gated.gates[0].after_month, gated.gates[0].channels) == (2, (gated.acquisition[0].name,))
    moved = R(gated, acquisition=(R(gated.acquisition[0], months=(3, 4)),) + gated.acquisition[1:])
    with told() as caught:
        figures = api.figures(moved)
    [message] = scenario_warnings(caught)
    assert message.startswith("scenario: gates[0].channels: no test channel runs in the test's months 1-2")
    assert "the gate always fails" in message
    warning = caught[0].message
    assert isinstance(warning, api.ScenarioWarning) and isinstance(warning, UserWarning)
    assert (warning.warning.file, warning.warning.line, warning.warning.path) == ("scenario", 0, "gates[0].channels")
    # Told at the caller's line, not the library's.
    assert caught[0].filename == __file__
    assert figures["roi"] is None


def test_a_discount_rate_of_5_is_warned_as_500_percent_a_year() -> None:
    with told() as caught:
        api.figures(R(api.load(CPA), discount_rate=5))
    assert scenario_warnings(caught) == ["scenario: discount_rate: 5 is 500% a year, above any cost of capital a finance team discounts at"]


def test_a_scenario_is_warned_of_once_however_often_it_is_given() -> None:
    changed = R(api.load(CPA), discount_rate=5)
    calls: list[Callable[[], object]] = [lambda: api.figures(changed), lambda: api.run(changed),
                                         lambda: api.curves(changed), lambda: api.break_even(changed)]
    with told() as caught:
        for call in calls:
            call()
    assert len(scenario_warnings(caught)) == 1
    # Another object (dataclasses.replace makes one) is checked, and warned of, in its turn; a valid one not at all.
    with told() as caught:
        api.figures(R(changed, virality=0.1))
        api.figures(R(changed, discount_rate=0.1))
    assert scenario_warnings(caught) == ["scenario: discount_rate: 5 is 500% a year, above any cost of capital a finance team discounts at"]


def test_a_scenario_read_from_a_file_is_warned_of_where_it_is_read_alone() -> None:
    """load_plan returns its warnings (``.warnings``) and warns of none; load and load_source, which return the
    scenario alone, warn of them; what either read is not warned of again."""
    with told() as caught:
        plan = api.load_plan(CPA, sets=["discount_rate=5"])
        api.figures(plan.scenario)
        api.inputs(plan)
    assert caught == []
    assert [str(warning) for warning in plan.warnings] == ["sets[0]:1:1: discount_rate: 5 is 500% a year; did you mean 5%?"]
    with told() as caught:
        loaded = api.load(CPA, sets=["discount_rate=5"])
        sourced = api.load_source(CPA.read_text(encoding="utf-8"), "plan.yaml", sets=["discount_rate=5"])
        api.figures(loaded)
        api.compare([(None, "a", loaded), (None, "b", sourced)])
    assert scenario_warnings(caught) == ["sets[0]:1:1: discount_rate: 5 is 500% a year; did you mean 5%?"] * 2
    assert caught[0].filename == __file__


def test_two_channels_of_one_name_given_in_code_are_warned_of_at_no_line() -> None:
    """The file's warning names the line of the first name; a scenario given in code has none (once '(line 0)')."""
    plan = api.load(CPA)
    first = plan.acquisition[0].name
    with told() as caught:
        api.figures(R(plan, acquisition=(plan.acquisition[0], R(plan.acquisition[1], name=first))))
    assert scenario_warnings(caught) == [f"scenario: acquisition[1].name: '{first}' is also acquisition[0]'s name; a gate, "
                                         f"--set, actuals --map or allocate --lock naming '{first}' cannot tell them apart"]
