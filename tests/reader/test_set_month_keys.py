"""A ``--set`` (or a ``--variant``) at a month, an age or a day replaces the file's key for that number however the
file writes it (docs/formulas.md §12): QA found a file's ``by_month: {６: 14}`` could not be changed, ``by_month.6=20``
being refused as a duplicate of ``６`` and ``by_month.６=20`` as no path at all, and ``6.0`` had the same trap. Keys are
found by the number they name (reader/yamltree.py ``written_key``, the reader's ``whole_number``), a path may write a
month in full-width digits, and every path a message names writes it in ASCII digits (``key_segment``), so that it
pastes back into ``--set``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.ci.list_changes import list_changes
from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.model.scenario import ByMonth, RetentionPoints
from aigc_roi.reader.inputs import input_values, typed_inputs
from aigc_roi.reader.load import load_text
from aigc_roi.reader.overrides import indexed_path, parse_override
from aigc_roi.reader.yamltree import parse

PLAN = """\
version: 1
name: P
horizon_months: 12
acquisition:
  - {name: A, type: cpa, bid: {by_month: {１: 10, SIX: 14}}, budget: 1000}
retention: {points: {１: 0.4, SIX: 0.1}}
monetization: {plans: [{name: M, price: 30, period: １, conversion: {０: 5%, AGE1: 1%}, renewal: 0.5}]}
"""

WRITTEN = ["６", "6.0", "06", "6", "+6", "6e0"]
"""The forms of 6 a key may take, each read as month (or age) 6 by the reader."""


def _plan(six: str = "６", age_one: str = "１") -> str:
    return PLAN.replace("SIX", six).replace("AGE1", age_one)


def _loaded(text: str, *sets: str) -> object:
    return load_text(text, "fw.yaml", tuple(parse_override(option) for option in sets)).scenario


def _errors(text: str, *sets: str) -> list[str]:
    with pytest.raises(ScenarioInvalid) as caught:
        _loaded(text, *sets)
    return [str(error) for error in caught.value.errors]


@pytest.mark.parametrize("six", WRITTEN)
@pytest.mark.parametrize("path", ["acquisition[0].bid.by_month.6", "acquisition[0].bid.by_month.６",
                                  "acquisition[0].bid.by_month[6]", "A.bid.by_month.6"])
def test_a_set_month_replaces_the_files_month_however_written(six: str, path: str) -> None:
    scenario = _loaded(_plan(six), f"{path}=20")
    assert scenario.acquisition[0].bid == ByMonth(((1, 10.0), (6, 20.0)))  # type: ignore[attr-defined]


@pytest.mark.parametrize("six", WRITTEN)
@pytest.mark.parametrize("age", ["6", "６", "6.0"])
def test_a_set_age_replaces_the_files_point(six: str, age: str) -> None:
    scenario = _loaded(_plan(six), f"retention.points[{age}]=0.2")
    assert scenario.retention == RetentionPoints(((1, 0.4), (6, 0.2)))  # type: ignore[attr-defined]


@pytest.mark.parametrize("age_one", ["１", "1.0", "01"])
@pytest.mark.parametrize("path", ["monetization.plans[0].conversion[1]", "M.conversion[１]"])
def test_a_set_conversion_age_replaces_the_files_age(age_one: str, path: str) -> None:
    scenario = _loaded(_plan(age_one=age_one), f"{path}=2%")
    assert scenario.monetization.plans[0].conversion == ((0, 0.05), (1, 0.02))  # type: ignore[attr-defined]


def test_a_new_month_typed_in_full_width_digits_is_added() -> None:
    scenario = _loaded(_plan(), "acquisition[0].bid.by_month.３=12")
    assert scenario.acquisition[0].bid == ByMonth(((1, 10.0), (3, 12.0), (6, 14.0)))  # type: ignore[attr-defined]


def test_the_later_of_two_sets_of_one_month_wins_however_each_writes_it() -> None:
    scenario = _loaded(_plan("6"), "acquisition[0].bid.by_month.３=12", "acquisition[0].bid.by_month[03]=13")
    assert scenario.acquisition[0].bid == ByMonth(((1, 10.0), (3, 13.0), (6, 14.0)))  # type: ignore[attr-defined]


@pytest.mark.parametrize("six", WRITTEN)
def test_a_files_month_is_named_in_ascii_digits(six: str) -> None:
    text = _plan(six).replace(f"{six}: 14", f"{six}: abc")
    column = text.splitlines()[4].index(f"{six}: abc") + len(six) + 3
    assert _errors(text) == [f"fw.yaml:5:{column}: acquisition[0].bid.by_month.6: expected a number >= 0, found 'abc'"]


@pytest.mark.parametrize(("option", "path"), [
    ("acquisition[0].bid.by_month.６=abc", "acquisition[0].bid.by_month.6"),
    ("retention.points[６]=abc", "retention.points[6]"),
    ("acquisition[0].bid.by_month.６.low=20", "acquisition[0].bid.by_month.6.low"),
    ("retention.points[６].x=20", "retention.points[6].x"),
])
def test_a_set_months_refusal_names_its_path_in_ascii_digits(option: str, path: str) -> None:
    errors = _errors(_plan(), option)
    assert len(errors) == 1 and errors[0].startswith(f"--set {option}:1:1: {path}: "), errors


def test_a_refused_path_pastes_back_into_set() -> None:
    """The path of a file's month, in a message, sets that month."""
    error = _errors(_plan("6.0").replace("6.0: 14", "6.0: abc"))[0]
    path = error.split(": ")[1]
    assert path == "acquisition[0].bid.by_month.6"
    assert _loaded(_plan("6.0").replace("6.0: 14", "6.0: abc"), f"{path}=20").acquisition[0].bid == \
        ByMonth(((1, 10.0), (6, 20.0)))  # type: ignore[attr-defined]


def test_a_named_item_is_not_read_as_a_month() -> None:
    """In brackets outside a mapping of ages, a number is an item's index, full-width too: a path keeps it as
    written."""
    errors = _errors(_plan(), "acquisition[６].bid=20")
    assert errors[0].startswith("--set acquisition[６].bid=20:1:1: acquisition[６].bid: no item ６: the list has 1 item"), errors


def test_a_variant_at_a_files_full_width_month(tmp_path: Path) -> None:
    plan = tmp_path / "fw.yaml"
    plan.write_text(_plan(), encoding="utf-8")
    result = invoke(["compare", str(plan), "--variant", "m6: acquisition[0].bid.by_month.6=20", "--format", "json"])
    assert result.exit_code == 0, result.stdout + result.stderr
    base, variant = (scenario["figures"]["paid_users"] for scenario in json.loads(result.stdout)["scenarios"])
    # 1,000 a month at a bid linear from 10 in month 1 to the month-6 bid, then flat at it, for 12 months.
    assert base == pytest.approx(1000 * sum(1 / (10 + 0.8 * m) for m in range(6)) + 6000 / 14)
    assert variant == pytest.approx(1000 * sum(1 / (10 + 2 * m) for m in range(6)) + 6000 / 20)


def test_inputs_name_a_files_keys_in_ascii_digits() -> None:
    tree, _ = parse(_plan("6.0", "01"), "fw.yaml")
    assert tree is not None
    assert [value.path for value in input_values(tree) if any(key in value.path for key in ("by_month", "points", "conv"))] == [
        "acquisition[0].bid.by_month.1", "acquisition[0].bid.by_month.6", "retention.points[1]", "retention.points[6]",
        "monetization.plans[0].conversion[0]", "monetization.plans[0].conversion[1]"]


def test_a_range_at_a_full_width_month_is_one_input_with_its_median() -> None:
    """The workbook's row of a range at month ６ has the range's median, as one at month 6 has (it had none)."""
    text = _plan().replace("６: 14", "６: 10..40")
    loaded = load_text(text, "fw.yaml")
    row = next(row for row in typed_inputs(loaded.tree, loaded.scenario) if row.path == "acquisition[0].bid.by_month.6")
    assert row.value == pytest.approx(20.0)  # the lognormal median of 10..40: sqrt(10 x 40)


def test_two_versions_writing_one_month_differently_differ_in_nothing_there() -> None:
    """compare --explain: {６: 14} and {6: 14} are one value, not the whole schedule replaced."""
    before, _ = parse(_plan("６"), "base.yaml")
    after, _ = parse(_plan("6"), "new.yaml")
    assert before is not None and after is not None
    changes = list_changes(before, after, ())
    assert (changes.whole, changes.added, changes.removed) == ([], [], [])


def test_grid_reads_a_full_width_month_as_set_does() -> None:
    tree, _ = parse(_plan(), "fw.yaml")
    assert tree is not None
    assert indexed_path(tree, "A.bid.by_month.６", "--grid") == "acquisition[0].bid.by_month.6"
