"""A rule over a name and what it names (a gate's channels, and its warnings over their months) broken by a ``--set``
is the option's, located at it and naming the file's place, as a channel renamed by a --set always was: QA found
``--set acquisition=null`` (and ``acquisition[1]=null``) pinned the gate's error on the valid file, JSON option null."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.model.errors import ScenarioError, ScenarioInvalid
from aigc_roi.reader.load import load_text
from aigc_roi.reader.overrides import parse_override

GATED = """\
name: Gated
horizon_months: 6
acquisition:
  - {name: A, type: cpa, bid: 20, budget: 10000}
  - {name: C, type: flat, cost: 100, users: 10}
retention: {monthly_churn: 0.3}
gates:
  - {name: g, after_month: 2, channels: [A], min_roas: 0.3, then: [C]}
"""
GATE_LINE = 8
A_COLUMN = GATED.splitlines()[GATE_LINE - 1].index("A]") + 1
C_COLUMN = GATED.splitlines()[GATE_LINE - 1].index("C]") + 1


def _errors(text: str, *sets: str) -> list[str]:
    with pytest.raises(ScenarioInvalid) as caught:
        load_text(text, "s.yaml", tuple(parse_override(option) for option in sets))
    return [str(error) for error in caught.value.errors]


def _warnings(text: str, *sets: str) -> list[ScenarioError]:
    return list(load_text(text, "s.yaml", tuple(parse_override(option) for option in sets)).warnings)


def test_the_file_is_valid_and_warns_of_nothing() -> None:
    assert _warnings(GATED) == []


@pytest.mark.parametrize("option", ["acquisition=null", "acquisition=[]"])
def test_channels_an_option_removed_are_its_doing(option: str) -> None:
    assert _errors(GATED, option) == [
        f"--set {option}:1:1: gates[0].channels[0]: expected the name of a channel in acquisition (there is none), "
        f"found 'A' (with the file at s.yaml:{GATE_LINE}:{A_COLUMN})",
        f"--set {option}:1:1: gates[0].then[0]: expected the name of a channel in acquisition (there is none), "
        f"found 'C' (with the file at s.yaml:{GATE_LINE}:{C_COLUMN})"]


def test_a_channel_an_option_made_none_is_its_doing() -> None:
    option = "acquisition[1]=null"
    assert _errors(GATED, option) == [
        f"--set {option}:1:1: acquisition[1]: expected a mapping, found null",
        f"--set {option}:1:1: gates[0].then[0]: expected the name of a channel in acquisition (A), found 'C' "
        f"(with the file at s.yaml:{GATE_LINE}:{C_COLUMN})"]


def test_a_channel_an_option_made_unreadable_is_still_named_by_its_gate() -> None:
    """C is still written, its type refused: the gate naming it is no second error (it named a channel that is
    there), as for a file's own type none of the types (tests/reader/test_unread_channel_references.py)."""
    option = "acquisition[1].type=bogus"
    assert _errors(GATED, option) == [
        f"--set {option}:1:1: acquisition[1].type: expected one of cpa, cpm, kol, flat, found 'bogus'"]


def test_an_option_elsewhere_in_a_named_channel_leaves_the_files_unknown_name_in_the_file() -> None:
    text = GATED.replace("then: [C]", "then: [Z]")
    assert _errors(text, "acquisition[0].bid=30", "acquisition[1].users=5") == [
        f"s.yaml:{GATE_LINE}:{C_COLUMN}: gates[0].then[0]: expected the name of a channel in acquisition (A, C), "
        "found 'Z'"]


def test_a_channel_no_option_touched_leaves_the_file_to_blame() -> None:
    """A file whose own item is no channel: the gate's error is the file's, whatever else an option sets."""
    text = GATED.replace("  - {name: C, type: flat, cost: 100, users: 10}", "  - null")
    assert _errors(text, "acquisition[0].bid=30")[1] == (
        f"s.yaml:{GATE_LINE}:{C_COLUMN}: gates[0].then[0]: expected the name of a channel in acquisition (A), found 'C'")


def test_the_first_name_an_option_wrote_makes_the_files_second_its_doing() -> None:
    assert _errors(GATED, "gates[0].channels[0]=C") == [
        "--set gates[0].channels[0]=C:1:1: gates[0].then[0]: channel 'C' is named twice in this gate (first at "
        f"channels[0]) (with the file at s.yaml:{GATE_LINE}:{C_COLUMN})"]


def test_json_names_the_option(tmp_path: Path) -> None:
    plan = tmp_path / "g.yaml"
    plan.write_text(GATED, encoding="utf-8")
    result = invoke(["check", "--format", "json", "--set", "acquisition=null", str(plan)])
    assert result.exit_code == 2
    assert [(error["option"], error["line"], error["path"]) for error in json.loads(result.stdout)["invalid"]] == [
        ("--set acquisition=null", 1, "gates[0].channels[0]"), ("--set acquisition=null", 1, "gates[0].then[0]")]


@pytest.mark.parametrize(("options", "path", "message"), [
    (("acquisition[0].months=3-6",), "gates[0].channels",
     "no test channel runs in the test's months 1-2: with no spend to measure, the gate always fails, and its "
     f"channels buy nothing after month 2 (with the file at s.yaml:{GATE_LINE}:{A_COLUMN - 1})"),
    (("acquisition[1].months=1-2",), "gates[0].then[0]",
     "channel 'C' does not run after month 2 (it runs in months 1-2): the gate has nothing of it to stop "
     f"(with the file at s.yaml:{GATE_LINE}:{C_COLUMN})"),
])
def test_a_warning_an_option_caused_is_its_own(options: tuple[str, ...], path: str, message: str) -> None:
    [warning] = _warnings(GATED, *options)
    assert (warning.file, warning.line, warning.column, warning.path, warning.message) == (
        f"--set {options[0]}", 1, 1, path, message)


def test_a_warning_the_test_month_an_option_moved_caused_is_the_options() -> None:
    text = GATED.replace("users: 10}", "users: 10, months: 1-5}")
    assert _warnings(text) == []
    [warning] = _warnings(text, "gates[0].after_month=5")
    assert (warning.file, warning.path) == ("--set gates[0].after_month=5", "gates[0].then[0]")


def test_a_warning_of_the_file_alone_stays_in_the_file() -> None:
    text = GATED.replace("users: 10}", "users: 10, months: 1-2}")
    [warning] = _warnings(text, "acquisition[0].bid=30")
    assert (warning.file, warning.line, warning.column) == ("s.yaml", GATE_LINE, C_COLUMN)
