"""A ``Scenario`` built or changed in code is held by every api function to the rules a file is read by: what the
reader refuses in a file the library refuses in code, in the same words, located by the argument and the field's
path; what it takes gives the figures its file gives; and one ``load`` read is not read again."""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aigc_roi import api
from aigc_roi.model.scenario import (
    Z90,
    ByMonth,
    CpaChannel,
    CpmChannel,
    Distribution,
    DropLimit,
    Gate,
    Milestone,
    Monetization,
    Plan,
    RenewalObserved,
    RetentionChurn,
    RetentionDays,
    Scenario,
    Targets,
)
from aigc_roi.reader import in_code, load

ROOT = Path(__file__).resolve().parents[2]
CPA = ROOT / "scenarios" / "chat-assistant-cpa.yaml"
STARTER = ROOT / "scenarios" / "starter.yaml"
BILIBILI = "Bilibili CPA (registered user)"


def with_bid(scenario: Scenario, bid: Any) -> Scenario:
    return dataclasses.replace(scenario, acquisition=(dataclasses.replace(scenario.acquisition[0], bid=bid),
                                                      *scenario.acquisition[1:]))


def with_months(scenario: Scenario, months: Any) -> Scenario:
    return dataclasses.replace(scenario, acquisition=(dataclasses.replace(scenario.acquisition[0], months=months),
                                                      *scenario.acquisition[1:]))


# What a tester gave the library, each run into a number by the old code; what the reader says of each, worked out
# from its field table (virality: >= 0 and < 1; shares 0..1, without the percent hint a file's typed number gets;
# horizon and ltv_months whole months 1..120; a range's dist one of four; the CPA plan's months within its 24).
REFUSED = [
    ("bid nan", lambda s: with_bid(s, math.nan), "acquisition[0].bid",
     "expected a number >= 0, found nan (not a number)"),  # no size, so not "no larger than 1e15"
    ("virality 1.5", lambda s: dataclasses.replace(s, virality=1.5), "virality",
     "expected a number >= 0 and < 1, found 1.5"),
    ("churn 1.5", lambda s: dataclasses.replace(s, retention=RetentionChurn(1.5)), "retention.monthly_churn",
     "expected a number from 0 to 1, found 1.5"),
    ("revenue_fee 2", lambda s: dataclasses.replace(s, monetization=dataclasses.replace(s.monetization, revenue_fee=2.0)),
     "monetization.revenue_fee", "expected a number from 0 to 1, found 2.0"),
    ("horizon 2.5", lambda s: dataclasses.replace(s, horizon_months=2.5), "horizon_months",
     "expected a whole number from 1 to 120, found 2.5"),
    ("beta range", lambda s: with_bid(s, Distribution("beta", 20, 10)), "acquisition[0].bid.dist",  # type: ignore[arg-type]
     "expected one of lognormal, normal, uniform, triangular, found 'beta'"),
    ("month 0", lambda s: with_months(s, (0, 1, 2)), "acquisition[0].months[0]", "expected a month within 1..24, found 0"),
    ("discount -2", lambda s: dataclasses.replace(s, discount_rate=-2.0), "discount_rate", "expected a number >= 0, found -2.0"),
    ("ltv_months 0", lambda s: dataclasses.replace(s, ltv_months=0), "ltv_months",
     "expected a whole number from 1 to 120, found 0"),
]


@pytest.mark.parametrize(("change", "path", "message"), [case[1:] for case in REFUSED], ids=[case[0] for case in REFUSED])
def test_an_impossible_input_set_in_code_is_refused_at_its_path(change: Callable[[Scenario], Scenario], path: str,
                                                                 message: str) -> None:
    changed = change(api.load(CPA))
    for call in (api.run, api.figures):
        with pytest.raises(api.ScenarioInvalid) as refused:
            call(changed)
        (error,) = refused.value.errors
        assert (error.file, error.line, error.path, error.message) == ("scenario", 0, path, message)
        assert str(refused.value) == f"scenario: {path}: {message}"


def test_every_function_taking_a_scenario_refuses_one_the_reader_refuses() -> None:
    plan = api.load_plan(CPA)
    bad = dataclasses.replace(plan.scenario, virality=1.5)
    compared = api.actuals(plan.scenario, ROOT / "examples" / "actuals" / "bilibili.csv", [(BILIBILI, "bili_*")])
    bad_plan = dataclasses.replace(plan, scenario=bad)
    calls: dict[str, tuple[Callable[[], object], str]] = {
        "run": (lambda: api.run(bad), "scenario"),
        "figures": (lambda: api.figures(bad), "scenario"),
        "compare": (lambda: api.compare([(None, "a", plan.scenario), (None, "b", bad)]), "scenarios[1]"),
        "break_even": (lambda: api.break_even(bad), "scenario"),
        "sensitivity": (lambda: api.sensitivity(bad), "scenario"),
        "sensitivity_grid": (lambda: api.sensitivity_grid(bad, "acquisition[0].bid", "acquisition[1].bid"), "scenario"),
        "simulate": (lambda: api.simulate(bad, samples=100), "scenario"),
        "allocate": (lambda: api.allocate(bad, 340_000), "scenario"),
        "curves": (lambda: api.curves(bad), "scenario"),
        "actuals": (lambda: api.actuals(bad, ROOT / "examples" / "actuals" / "bilibili.csv"), "scenario"),
        "inputs": (lambda: api.inputs(bad_plan), "plan.scenario"),
        "plan_facts": (lambda: api.plan_facts(bad_plan, samples=100), "plan.scenario"),
        "reforecast": (lambda: api.reforecast(bad_plan, compared, "# re-forecast"), "plan.scenario"),
    }
    for name, (call, where) in calls.items():
        with pytest.raises(api.ScenarioInvalid) as refused:
            call()
        assert [str(error) for error in refused.value.errors] == [
            f"{where}: virality: expected a number >= 0 and < 1, found 1.5"], name


def test_every_problem_is_told_at_once_and_a_key_given_twice_as_a_file_gives_it() -> None:
    scenario = api.load(CPA)
    twice = dataclasses.replace(scenario, virality=-1.0, organic_users=ByMonth(((3, 5.0), (3, 6.0))),
                                retention=RetentionDays(((1, 0.4), (1, 0.3))))
    with pytest.raises(api.ScenarioInvalid) as refused:
        api.run(twice)
    # In the order of the Scenario's fields; a pair given twice is told at its field, which has no keys of its own.
    assert [str(error) for error in refused.value.errors] == [
        "scenario: retention.days: day 1 given twice",
        "scenario: organic_users.by_month: month 3 given twice",
        "scenario: virality: expected a number >= 0 and < 1, found -1.0",
    ]


BUILT_TWICE = """\
name: Built twice
currency: USD
horizon_months: 12
start: 2025-01
discount_rate: 0.1
acquisition:
  - name: Feed
    type: cpa
    bid: {dist: normal, mean: 13.45, sd: 5.699}
    budget: {by_month: {1: 50000, 6: 80000}}
    months: 1-9
    saturation_budget: 2000000
  - name: Video
    type: cpm
    cpm: 40
    ctr: 0.01
    cvr: {dist: uniform, low: 0.05, high: 0.1}
    impressions: 3000000
    months: [2, 4, 6]
    match: [video_*]
organic_users: 500
virality: 0.05
retention:
  days: {1: 0.45, 7: 0.22, 30: 0.12}
monetization:
  plans:
    - name: Monthly
      price: 29
      period: month
      conversion: {0: 0.03, 1: 0.01}
      renewal: {observed: [0.6, 0.45, 0.37]}
      fee: 0.3
  revenue_fee: 0.07
targets:
  min_roi: 0.1
  milestones: [{month: 6, subscribers: 100}]
  max_npv_drop: 10%
gates:
  - {name: Feed test, after_month: 3, channels: [Feed], then: [Video], min_roas: 0.5}
"""


def built_in_code() -> Scenario:
    """BUILT_TWICE, field by field; its normal range's bounds as the reader makes them of the mean and sd."""
    return Scenario(
        name="Built twice", currency="USD", horizon_months=12, start=(2025, 1), discount_rate=0.1,
        acquisition=(
            CpaChannel("Feed", Distribution("normal", 13.45 - Z90 * 5.699, 13.45 + Z90 * 5.699),
                       budget=ByMonth(((1, 50000), (6, 80000))), months=tuple(range(1, 10)), saturation_budget=2e6),
            CpmChannel("Video", 40, 0.01, Distribution("uniform", 0.05, 0.1), impressions=3e6, months=(2, 4, 6),
                       match=("video_*",)),
        ),
        organic_users=500, virality=0.05, retention=RetentionDays(((1, 0.45), (7, 0.22), (30, 0.12))),
        monetization=Monetization(plans=(Plan("Monthly", 29, 1, ((0, 0.03), (1, 0.01)),
                                              RenewalObserved((0.6, 0.45, 0.37)), 0.3),), revenue_fee=0.07),
        targets=Targets(min_roi=0.1, milestones=(Milestone(6, "subscribers", 100),), max_npv_drop=DropLimit(0.1, True)),
        gates=(Gate("Feed test", 3, ("Feed",), ("Video",), min_roas=0.5),),
    )


def test_a_valid_scenario_built_in_code_gives_the_figures_of_its_file() -> None:
    code, read = built_in_code(), api.load_source(BUILT_TWICE)
    assert code == read
    assert api.figures(code) == api.figures(read)


def test_a_loaded_scenario_changed_in_code_gives_the_figures_of_the_file_changed_so(tmp_path: Path) -> None:
    file = tmp_path / "plan.yaml"
    file.write_text(BUILT_TWICE, encoding="utf-8")
    changed = dataclasses.replace(api.load(file), virality=0.1)
    # Its normal range, written by its mean and sd, reads back with a bound that differs in its last digit: its own
    # are kept, and with them the very scenario given.
    assert in_code.checked(changed) is changed
    assert api.figures(changed) == api.figures(api.load(file, sets="virality=0.1"))


def test_a_value_the_reader_reads_otherwise_is_computed_as_the_file_reads_it() -> None:
    scenario = api.load(STARTER)
    # Months given out of order and a share written as text: a file's [6, 1, 2, 3, 4, 5] and "5%".
    code = dataclasses.replace(with_months(scenario, (6, 1, 2, 3, 4, 5)), virality="5%")
    assert api.figures(code) == api.figures(api.load(STARTER, sets=["virality=5%"]))


def test_a_scenario_the_reader_read_is_not_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    scenario = api.load(CPA)
    reads: list[str] = []
    read_tree = load.read_tree
    monkeypatch.setattr(load, "read_tree",
                        lambda tree, where, **read: reads.append(where) or read_tree(tree, where, **read))
    api.figures(scenario)
    api.curves(scenario)
    assert reads == []
    # dataclasses.replace makes another object: read once, then known as the loaded one is.
    changed = dataclasses.replace(scenario, virality=0.1)
    api.figures(changed)
    api.curves(changed)
    assert reads == ["scenario"]


def test_a_plan_as_loaded_is_not_read_again_for_its_inputs(monkeypatch: pytest.MonkeyPatch) -> None:
    """`run --table inputs` and `report` give api.inputs and api.plan_facts the plan load_plan read: its tree is not
    read a second time to learn that it writes its scenario. A replaced scenario is still read against it."""
    plan = api.load_plan(CPA)
    reads: list[str] = []
    read_tree = load.read_tree
    monkeypatch.setattr(load, "read_tree", lambda tree, where, **read: reads.append(where) or read_tree(tree, where, **read))
    api.inputs(plan)
    assert reads == []
    same = dataclasses.replace(plan, scenario=dataclasses.replace(plan.scenario))
    assert api.inputs(same) == api.inputs(plan)
    # Read as a scenario given in code (reader/in_code.py), then against the plan's tree.
    assert reads == ["plan.scenario", plan.path]


def yaml_text(value: float | int) -> str:
    """``value`` as a file (and a set) writes it: YAML's .nan and .inf, every digit of a float."""
    if isinstance(value, float) and not math.isfinite(value):
        return ".nan" if math.isnan(value) else ("-.inf" if value < 0 else ".inf")
    return repr(value)


def replaced(*names: str | int) -> Callable[[Any, Any], Any]:
    """A change of the field at ``names`` (a field name, or an item's index) to a value, by dataclasses.replace."""
    def change(obj: Any, value: Any) -> Any:
        head, *rest = names
        inner = replaced(*rest)(obj[head] if isinstance(head, int) else getattr(obj, head), value) if rest else value
        if isinstance(head, int):
            return (*obj[:head], inner, *obj[head + 1:])
        return dataclasses.replace(obj, **{head: inner})
    return change


FIELDS: dict[str, tuple[Path, Callable[[Any, Any], Any]]] = {
    "virality": (CPA, replaced("virality")),
    "discount_rate": (CPA, replaced("discount_rate")),
    "horizon_months": (CPA, replaced("horizon_months")),
    "ltv_months": (CPA, replaced("ltv_months")),
    "monetization.revenue_fee": (CPA, replaced("monetization", "revenue_fee")),
    "monetization.plans[2].conversion": (CPA, replaced("monetization", "plans", 2, "conversion")),
    "acquisition[0].bid": (CPA, replaced("acquisition", 0, "bid")),
    "acquisition[0].saturation_budget": (CPA, replaced("acquisition", 0, "saturation_budget")),
    "targets.max_payback_months": (CPA, replaced("targets", "max_payback_months")),
    "retention.monthly_churn": (STARTER, replaced("retention", "monthly_churn")),
}
LOADED = {path: api.load(path) for path in {CPA, STARTER}}


# A value drawn may draw a warning (a discount rate of 500% a year): the test compares refusals, not warnings.
@pytest.mark.filterwarnings("ignore::aigc_roi.api.ScenarioWarning")
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(FIELDS)),
       st.one_of(st.floats(), st.integers(-10**20, 10**20), st.sampled_from([0, 1, 24, 120, 121, 0.5, 1e-10, 1e15, -0.0])))
def test_what_the_reader_refuses_in_a_file_the_api_refuses_in_code(path: str, value: float | int) -> None:
    file, change = FIELDS[path]
    base = LOADED[file]
    # The starter plan's retention written by points, which a churn takes the place of.
    sets = [f"retention={{monthly_churn: {yaml_text(value)}}}" if path == "retention.monthly_churn"
            else f"{path}={yaml_text(value)}"]
    if path == "retention.monthly_churn":
        base = dataclasses.replace(base, retention=RetentionChurn(0.25))
    try:
        from_file: Scenario | None = api.load(file, sets=sets)
        file_errors: list[str] = []
    except api.ScenarioInvalid as invalid:
        from_file, file_errors = None, sorted(error.path for error in invalid.errors)
    try:
        in_code_read: Scenario | None = in_code.checked(change(base, value))
        code_errors: list[str] = []
    except api.ScenarioInvalid as invalid:
        in_code_read, code_errors = None, sorted(error.path for error in invalid.errors)
    # A file's month span (1-3) is one value, where a Scenario's months are a tuple of items, each refused alone.
    assert {re.sub(r"\.months\[\d+\]$", ".months", path) for path in code_errors} == set(file_errors)
    assert in_code_read == from_file
