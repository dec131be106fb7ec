"""When the library tells a scenario's warning (README, "From Python"; reader/told_warnings.py): once shown, under the
filters then in force, of a scenario by what it reads as; and what allocate's reach and explain_change tell.

QA: under ``simplefilter("error")`` a second call given the same scenario ran silently at a discount rate of 500% a
year (the warning counted told before ``warnings.warn`` raised), and one hidden by ``"ignore"`` was never shown once
the filters changed; a copy of a loaded scenario was warned of again at ``scenario:`` as ``5.0 is 500% a year; did you
mean 5.0%?``; ``allocate(reach=Milestone(6, 'subscribers', '10%'))`` silently sought 0.1 subscribers where
``--reach subscribers@6=10%`` exits 2; ``explain_change`` dropped every warning and told only the base's errors where
both files refused a set."""

from __future__ import annotations

import copy
import dataclasses
import pickle
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_runner import invoke
from feed_search_plans import ONE
from feed_search_plans import TWO as FEED_AND_SEARCH

from aigc_roi import api
from aigc_roi.model.scenario import Milestone
from aigc_roi.reader import told_warnings

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
CPA = SCENARIOS / "chat-assistant-cpa.yaml"
R = dataclasses.replace
AT_500 = "scenario: discount_rate: 5 is 500% a year, above any cost of capital a finance team discounts at"


@pytest.fixture(autouse=True)
def fresh_process() -> Iterator[None]:
    """Each test tells as a new process does."""
    told_warnings._TOLD.clear()
    yield
    told_warnings._TOLD.clear()


def shown(call: object, action: str = "always") -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter(action)  # type: ignore[call-overload]
        assert callable(call)
        call()
    return [str(each.message) for each in caught if issubclass(each.category, api.ScenarioWarning)]


@pytest.mark.parametrize("rate", [5, 5.0], ids=["read anew each call", "known valid"])
def test_under_error_every_call_raises_until_the_warning_is_shown(rate: float) -> None:
    changed = R(api.load(CPA), discount_rate=rate)
    for _ in range(3):
        with warnings.catch_warnings():
            warnings.simplefilter("error", api.ScenarioWarning)
            with pytest.raises(api.ScenarioWarning, match="500% a year"):
                api.figures(changed)
    # Shown once, then told: not again under the same filters.
    assert len(shown(lambda: api.figures(changed))) == 1
    assert shown(lambda: api.figures(changed)) == []


def test_a_warning_hidden_by_ignore_is_shown_once_the_filters_show_it() -> None:
    changed = R(api.load(CPA), discount_rate=5)
    assert shown(lambda: api.figures(changed), "ignore") == []
    assert len(shown(lambda: api.figures(changed), "always")) == 1
    assert shown(lambda: api.figures(changed), "always") == []


def test_a_filter_no_scenario_warning_meets_does_not_tell_it_again() -> None:
    """numpy adds filters of its own messages when first imported: no reason to tell a scenario's warning twice."""
    changed = R(api.load(CPA), discount_rate=5)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        api.figures(changed)
        warnings.filterwarnings("ignore", category=DeprecationWarning)
        warnings.filterwarnings("ignore", message="numpy.ndarray size changed")
        api.figures(changed)
    assert [str(each.message) for each in caught] == [AT_500]


def test_a_copy_of_a_loaded_scenario_is_not_told_again() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        loaded = api.load(CPA, sets=["discount_rate=5"])
        for copied in (R(loaded), copy.deepcopy(loaded), pickle.loads(pickle.dumps(loaded))):
            api.figures(copied)
        # Equal by what it reads as: the float 5.0 the file read, given as the int 5.
        api.figures(R(loaded, discount_rate=5))
    assert [str(each.message) for each in caught] == ["sets[0]:1:1: discount_rate: 5 is 500% a year; did you mean 5%?"]


def test_a_number_given_in_code_is_written_as_code_writes_it_without_a_files_hint() -> None:
    plan = api.load(CPA)
    assert shown(lambda: api.figures(R(plan, discount_rate=5.0))) == [
        "scenario: discount_rate: 5.0 is 500% a year, above any cost of capital a finance team discounts at"]
    # 20 is 2,000%; a text given in code is typed as a file's, and keeps the hint.
    assert shown(lambda: api.figures(R(plan, targets=R(plan.targets, min_roi=20.0)))) == [
        "scenario: targets.min_roi: 20.0 is 2,000%, above any return a plan is held to"]
    assert shown(lambda: api.figures(R(plan, discount_rate="7"))) == [
        "scenario: discount_rate: 7 is 700% a year; did you mean 7%?"]


@pytest.mark.parametrize(("key", "value", "expected"), [("subscribers", "10%", "an amount >= 0"),
                                                         ("cumulative_cash", "-10%", "an amount")])
def test_reach_in_percent_is_refused_as_the_cli_refuses_it(key: str, value: str, expected: str) -> None:
    words = f"expected {expected}, found '{value}'; a percentage is no amount or count"
    with pytest.raises(api.AllocationError) as refused:
        api.allocate(api.load(CPA), None, reach=Milestone(6, key, value))  # type: ignore[arg-type]
    assert str(refused.value) == f"reach.value: {words}"
    result = invoke(["allocate", str(CPA), "--reach", f"{key}@6={value}"])
    assert result.exit_code == 2
    assert f"--reach: {words}" in result.stderr


def test_reachs_other_warnings_are_told_at_reach_value() -> None:
    """In BRL a dot before three digits may group thousands: '1.500' reads as 1.5, told as --reach tells it."""
    brl = R(api.load(CPA), currency="BRL")
    assert shown(lambda: api.allocate(brl, None, reach=Milestone(6, "subscribers", "1.500"))) == [  # type: ignore[arg-type]
        "reach.value: 1.500 reads as 1.5, but in BRL a dot before three digits may separate thousands: write 1_500 "
        "for thousands, or 1.5 for a decimal point"]


TWO = FEED_AND_SEARCH.replace("{monthly_churn: 0.2}", "{points: {1: 0.4, 12: 0.1}}")


def files(tmp_path: Path, one: str = ONE) -> tuple[Path, Path]:
    base, new = tmp_path / "one.yaml", tmp_path / "two.yaml"
    base.write_text(one, encoding="utf-8")
    new.write_text(TWO, encoding="utf-8")
    return base, new


def test_explain_change_tells_each_files_warnings_naming_it(tmp_path: Path) -> None:
    base, new = files(tmp_path)
    said = "discount_rate: 5 is 500% a year; did you mean 5%?"
    assert shown(lambda: api.explain_change(base, new, ["discount_rate=5"])) == [
        f"{base}: sets[0]:1:1: {said}", f"{new}: sets[0]:1:1: {said}"]
    base, new = files(tmp_path, ONE + "discount_rate: 5\n")
    assert shown(lambda: api.explain_change(base, new)) == [f"{base}:7:16: {said}"]


def test_a_file_given_as_both_is_told_of_once(tmp_path: Path) -> None:
    base, _ = files(tmp_path, ONE + "discount_rate: 5\n")
    assert shown(lambda: api.explain_change(base, base)) == [
        f"{base}:7:16: discount_rate: 5 is 500% a year; did you mean 5%?"]


@pytest.mark.parametrize("command", [["compare", "{one}", "{two}", "--explain"], ["report", "{two}", "--base", "{one}"]])
def test_the_cli_prints_its_own_warnings_not_pythons(tmp_path: Path, command: list[str]) -> None:
    """compare --explain and report --base print the files' warnings as located lines, never a Python warning."""
    base, new = files(tmp_path)
    args = [part.format(one=base, two=new) for part in command] + ["--set", "discount_rate=5"]
    if command[0] == "report":
        args += ["-o", str(tmp_path / "r.html")]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = invoke(args)
    assert result.exit_code == 0, result.stderr
    assert [each for each in caught if issubclass(each.category, api.ScenarioWarning)] == []
    assert "--set discount_rate=5:1:1: discount_rate: 5 is 500% a year; did you mean 5%?" in result.stderr


def test_explain_change_tells_both_files_errors(tmp_path: Path) -> None:
    """ONE has no second channel, TWO a retention of points, to which a monthly churn is a second form."""
    base, new = files(tmp_path)
    with pytest.raises(api.ScenarioInvalid) as invalid:
        api.explain_change(base, new, ["acquisition[1].bid=3", "retention.monthly_churn=0.3"])
    assert [(error.scenario, error.file, error.path) for error in invalid.value.errors] == [
        (str(base), "sets[0]", "acquisition[1].bid"), (str(new), "sets[1]", "retention")]
