"""aigc_roi/api.py as a script or notebook uses it: what it takes, what it names and what its docstring shows."""

from __future__ import annotations

import builtins
import doctest
import re
import shutil
from pathlib import Path

import pytest

from aigc_roi import api

ROOT = Path(__file__).resolve().parents[2]
CPA = ROOT / "scenarios" / "chat-assistant-cpa.yaml"
BILIBILI = "Bilibili CPA (registered user)"


@pytest.fixture
def plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A folder ``plans`` holding one scenario, named relative to the working folder: read a character at a time,
    "plans" is five missing files, never a walk of "/"."""
    (tmp_path / "plans").mkdir()
    shutil.copy(ROOT / "scenarios" / "starter.yaml", tmp_path / "plans" / "starter.yaml")
    monkeypatch.chdir(tmp_path)
    return "plans"


def test_one_path_given_alone_is_one_path(plans: str) -> None:
    for alone in (plans, Path(plans)):
        (validated,) = api.validate(alone)
        assert (validated.path, validated.errors) == (str(Path(plans, "starter.yaml")), ())
        results, (checked,) = api.check(alone, samples=100)
        assert [result.path for result in results] == [checked.path] == [validated.path]
        assert [checked.path for checked in api.check_run(alone, samples=100, jobs=1).checked] == [validated.path]


def test_one_set_given_alone_is_one_set(plans: str) -> None:
    file = Path(plans, "starter.yaml")
    assert api.load(file, sets="horizon_months=12").horizon_months == 12
    assert api.load_source(file.read_text(encoding="utf-8"), sets="horizon_months=12").horizon_months == 12
    (checked,) = api.check_run(plans, sets="horizon_months=12", samples=100, jobs=1).checked
    assert checked.loaded.scenario.horizon_months == 12
    # Both files read with the one --set: starter's 24 months and the CPA plan's retention points allow 12.
    assert api.explain_change(file, CPA, sets="discount_rate=0.05") == api.explain_change(file, CPA, ["discount_rate=0.05"])


def test_one_export_lock_or_reserved_header_given_alone_is_one() -> None:
    scenario = api.load(CPA)
    maps = [(BILIBILI, "bili_*")]
    export = ROOT / "examples" / "actuals" / "bilibili.csv"
    assert api.actuals(scenario, str(export), maps) == api.actuals(scenario, export, maps) == api.actuals(scenario, [export], maps)
    allocation = api.allocate(scenario, 340_000, locks=BILIBILI)
    assert [(channel.name, channel.status) for channel in allocation.channels] == [
        (BILIBILI, "locked"), ("Douyin activation CPA", "movable")]
    named = api.load(CPA, sets=["name=figure"])
    assert [column.name for column in api.compare([(None, "a.yaml", named)], reserved="figure").columns] == ["figure (a.yaml)"]


def named_in_docstrings() -> set[str]:
    """Every class the api's docstrings name in double backquotes (``WhatIfError``, ``LoadedScenario``), but Python's
    own (``TypeError``)."""
    texts = [api.__doc__ or ""] + [getattr(api, name).__doc__ or "" for name in api.__all__ if callable(getattr(api, name))]
    return {name for text in texts for name in re.findall(r"``([A-Z][A-Za-z]+)``", text) if name not in vars(builtins)}


def test_every_class_a_docstring_names_is_the_apis() -> None:
    named = named_in_docstrings()
    assert {"ScenarioInvalid", "WhatIfError", "AllocationError", "UnknownDriver", "NoScenarioFiles", "BaselineError"} <= named
    assert named <= set(api.__all__) <= set(dir(api))
    for name in named:
        assert isinstance(getattr(api, name), type), name
    assert issubclass(api.AllocationError, api.WhatIfError) and issubclass(api.UnknownDriver, api.WhatIfError)
    assert issubclass(api.NoScenarioFiles, api.CiError) and issubclass(api.BaselineError, api.CiError)
    with pytest.raises(AttributeError, match="WhatIfErorr"):
        api.WhatIfErorr  # noqa: B018 (a misspelt name is no lazy export)


def test_the_errors_the_docstrings_promise_are_raised() -> None:
    scenario = api.load(CPA)
    with pytest.raises(api.AllocationError):
        api.allocate(scenario, -1)
    with pytest.raises(api.UnknownDriver):
        api.sensitivity_grid(scenario, "acquisition[0].bidd", "acquisition[1].bid")
    with pytest.raises(api.NoScenarioFiles):
        api.validate(ROOT / "docs")


def test_load_plan_keeps_the_file_and_what_the_sets_changed(plans: str) -> None:
    plan = api.load_plan(Path(plans, "starter.yaml"), sets="acquisition[0].bid=20")
    assert isinstance(plan, api.LoadedScenario) and plan.path == str(Path(plans, "starter.yaml"))
    assert plan.scenario.acquisition[0].bid == 20
    # starter.yaml writes bid: 12; the audit of the inputs says the set wrote 20 in its place, named as the call's
    # messages name it: its place in sets, or the option and its text where the sets came from the CLI's --set.
    (bid,) = [row for row in api.inputs(plan) if row.path == "acquisition[0].bid"]
    assert (bid.value, bid.set_by, bid.in_file) == (20, "sets[0]", "12")
    typed = api.load_plan(Path(plans, "starter.yaml"), sets="acquisition[0].bid=20", set_option="--set")
    (bid,) = [row for row in api.inputs(typed) if row.path == "acquisition[0].bid"]
    assert (bid.value, bid.set_by, bid.in_file) == (20, "--set acquisition[0].bid=20", "12")
    assert [row.path for row in api.plan_facts(plan, samples=100).inputs][:2] == ["version", "name"]


def test_a_scenario_where_a_loaded_plan_is_needed_is_a_type_error_naming_load_plan() -> None:
    scenario = api.load(CPA)
    compared = api.actuals(scenario, ROOT / "examples" / "actuals" / "bilibili.csv", [(BILIBILI, "bili_*")])
    calls = {"inputs": lambda: api.inputs(scenario), "plan_facts": lambda: api.plan_facts(scenario, samples=100),
             "reforecast": lambda: api.reforecast(scenario, compared, "# re-forecast")}
    for name, call in calls.items():
        with pytest.raises(TypeError, match=rf"^api\.{name} takes a LoadedScenario .*api\.load_plan.*not a Scenario$"):
            call()


def test_the_module_docstrings_example_shows_what_it_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    """The example a reader of ``help(api)`` copies is a doctest, run here (pytest runs no doctests of its own)."""
    monkeypatch.chdir(ROOT)
    (example,) = doctest.DocTestFinder(recurse=False).find(api)
    told: list[str] = []
    ran = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS).run(example, out=told.append)
    assert (ran.failed, ran.attempted >= 5) == (0, True), "".join(told)
    # The one figure worked by hand: 90,000 a month in months 1-3 and 250,000 in months 1-12, whatever the bid.
    assert "3270000.0\n" in [shown.want for shown in example.examples]
