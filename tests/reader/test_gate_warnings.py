"""reader/gate_warnings.py: gates that are valid (spec 1.2 section 3b item 9) but cannot do what a gate is for, each a
located warning on the loaded scenario, never an error."""

from __future__ import annotations

import pytest

from aigc_roi.model.errors import ScenarioError
from aigc_roi.reader.load import load_text
from aigc_roi.reader.overrides import parse_override

CHANNELS = """\
name: Gated
horizon_months: 6
acquisition:
  - {name: Early, type: cpa, bid: 10, budget: 1000, months: 1-2}
  - {name: Late, type: cpa, bid: 10, budget: 1000, months: 3-6}
  - {name: Always, type: cpa, bid: 10, budget: 1000}
  - {name: Second, type: cpa, bid: 10, budget: 1000, months: [2]}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: Item, price: 10, rate: 1}]
gates:
"""


def warnings(gates: str, *sets: str) -> list[ScenarioError]:
    loaded = load_text(CHANNELS + gates, "plan.yaml", tuple(parse_override(text) for text in sets))
    return list(loaded.warnings)


def where(found: list[ScenarioError]) -> list[tuple[int, int, str]]:
    return [(warning.line, warning.column, warning.path) for warning in found]


GATE_LINE = CHANNELS.count("\n") + 1
"""The line of the first gate's first line."""


def column(line: str, text: str) -> int:
    """The 1-based column at which ``text`` starts in ``line``."""
    return line.index(text) + 1


def test_a_gate_that_tests_and_stops_what_runs_says_nothing() -> None:
    # The bundled staged plan's shape: a test channel of the test months, a then channel after them.
    assert warnings("  - {name: G, after_month: 2, channels: [Early], min_roas: 1, then: [Late]}\n") == []
    # A test channel that keeps running is stopped by the gate itself: then may be empty or absent.
    assert warnings("  - {name: G, after_month: 2, channels: [Always], min_roas: 1, then: []}\n") == []
    assert warnings("  - {name: G, after_month: 2, channels: [Always], max_cac: 5}\n") == []


def test_no_test_channel_in_the_test_months_always_fails() -> None:
    # At the list `channels:` holds: Late runs from month 3, the test is months 1..2.
    gate = "  - {name: G, after_month: 2, channels: [Late], min_roas: 1, then: [Always]}"
    found = warnings(gate + "\n")
    assert where(found) == [(GATE_LINE, column(gate, "[Late]"), "gates[0].channels")]
    assert found[0].file == "plan.yaml"
    assert found[0].message == ("no test channel runs in the test's months 1-2: with no spend to measure, the gate "
                                "always fails, and its channels buy nothing after month 2")


def test_one_test_channel_outside_the_test_months_is_named_at_its_item() -> None:
    found = warnings("  - name: G\n"
                     "    after_month: 1\n"
                     "    channels: [Always, Second, Late]\n"
                     "    min_roas: 1\n")
    # Second runs in month 2 alone and Late in months 3..6: neither in the test's month 1.
    listed = "    channels: [Always, Second, Late]"
    assert where(found) == [(GATE_LINE + 2, column(listed, "Second"), "gates[0].channels[1]"),
                            (GATE_LINE + 2, column(listed, "Late"), "gates[0].channels[2]")]
    assert [warning.message for warning in found] == [
        "channel 'Second' does not run in the test's month 1 (it runs in month 2): the test cannot observe it",
        "channel 'Late' does not run in the test's month 1 (it runs in months 3-6): the test cannot observe it"]


@pytest.mark.parametrize("then", ["then: []", "then: [Second]"])
def test_a_gate_whose_channels_all_end_with_the_test_stops_nothing(then: str) -> None:
    gate = f"  - {{name: G, after_month: 2, channels: [Early], min_roas: 1, {then}}}"
    found = warnings(gate + "\n")
    assert where(found) == [(GATE_LINE, column(gate, then.removeprefix("then: ")), "gates[0].then")]
    assert found[0].message == ("no channel of this gate runs after month 2: it stops nothing whether the test passes "
                                "or fails; name in 'then' the channels the test decides")


def test_without_then_the_gate_itself_is_named() -> None:
    found = warnings("  - name: G\n"
                     "    after_month: 2\n"
                     "    channels: [Early]\n"
                     "    min_roas: 1\n")
    assert where(found) == [(GATE_LINE, column("  - name: G", "name"), "gates[0]")]


def test_a_then_channel_that_ends_with_the_test_has_nothing_to_stop() -> None:
    gate = "  - {name: G, after_month: 2, channels: [Early], min_roas: 1, then: [Late, Second]}"
    found = warnings(gate + "\n")
    assert where(found) == [(GATE_LINE, column(gate, "Second"), "gates[0].then[1]")]
    assert found[0].message == ("channel 'Second' does not run after month 2 (it runs in month 2): the gate has "
                                "nothing of it to stop")


def test_a_gate_written_by_set_is_located_in_the_option() -> None:
    found = warnings("  - {name: G, after_month: 2, channels: [Early], min_roas: 1, then: [Late]}\n",
                     "gates[0].then=[]")
    assert [(warning.file, warning.path) for warning in found] == [("--set gates[0].then=[]", "gates[0].then")]


def test_the_warnings_keep_a_file_valid() -> None:
    # A test channel the test cannot see, a then channel the gate cannot stop: two warnings, no ScenarioInvalid, the
    # gate as written.
    loaded = load_text(CHANNELS + "  - {name: G, after_month: 2, channels: [Early, Late], min_roas: 1, then: [Second]}\n",
                       "p.yaml")
    assert [warning.path for warning in loaded.warnings] == ["gates[0].channels[1]", "gates[0].then[0]"]
    assert loaded.scenario.gates[0].channels == ("Early", "Late") and loaded.scenario.gates[0].then == ("Second",)
