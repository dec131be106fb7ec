"""Gates the format accepts that cannot do what a gate is for (docs/formulas.md §18): a test channel that does not run
in the test's months, which the test cannot observe, and a gate none of whose channels runs after its test, which
stops nothing whether it passes or fails (``then: []`` beside test channels that end with the test).

Warnings, not errors: spec 1.2 (section 3b, item 9) makes only an unknown name and an ``after_month`` outside
1..horizon-1 invalid, so such a file keeps its meaning. Each is located as an error is and shown the same way
(present/errors.py, in Chinese through present/messages_zh.py); none fails a command.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from aigc_roi.model.errors import ScenarioError
from aigc_roi.model.month_runs import months_phrase
from aigc_roi.model.paths import channel_path
from aigc_roi.model.scenario import Gate, Scenario
from aigc_roi.reader.kinds import Context
from aigc_roi.reader.yamltree import Node, find_node

Found = tuple[str, str, tuple[str, ...]]
"""A warning's path and message, and the names of the channels whose months it reads."""


def gate_warnings(scenario: Scenario, tree: Node, filename: str) -> tuple[ScenarioError, ...]:
    """Every gate's warnings in file order, each at the list item or key it is about; located as an error over several
    values is (reader/kinds.py ``Context.error``'s ``among``): at a --set that wrote the months or test month read."""
    # The months each channel runs in, None for every month (no ``months:``). A gate names no channel whose name
    # another has (reader/load.py), so its names key them.
    months = {channel.name: None if channel.months is None else set(channel.months) for channel in scenario.acquisition}
    written = {channel.name: find_node(tree, f"{channel_path(i)}.months") for i, channel in enumerate(scenario.acquisition)}
    return warned_gates(enumerate(scenario.gates), months, written, tree, filename)


def warned_gates(gates: Iterable[tuple[int, Gate]], months: Mapping[str, set[int] | None],
                 written: Mapping[str, Node | None], tree: Node, filename: str) -> tuple[ScenarioError, ...]:
    """The warnings of ``gates``, each with its place in the file's list: those of a valid scenario, or those read
    whole of a file refused for other errors (reader/partial_warnings.py). ``months``: the months each channel a gate
    names runs in (None: every month); ``written``: the node that wrote them, None where none did."""
    located = Context(filename)
    for g, gate in gates:
        path = f"gates[{g}]"
        found = _unobserved(gate, path, months) + _stopping_nothing(gate, path, months,
                                                                   find_node(tree, f"{path}.then") is not None)
        test_month = find_node(tree, f"{path}.after_month")
        for at, message, names in found:
            read = (test_month, *(written[name] for name in names))
            node = find_node(tree, at)
            assert node is not None, f"{at} is in the scenario, so in its tree"
            located.error(node, at, message, among=(part for part in read if part is not None))
    return tuple(located.errors)


def _unobserved(gate: Gate, path: str, months: Mapping[str, set[int] | None]) -> list[Found]:
    """A test channel that runs in no month of 1..after_month; where none does, the test has no spend to measure
    and the gate fails in every sample (model/gates.py: a ROAS or CAC over no spend is none)."""
    test = _test_months(gate.after_month)
    absent = [j for j, name in enumerate(gate.channels) if not _runs(months[name], 1, gate.after_month)]
    if absent and len(absent) == len(gate.channels):
        return [(f"{path}.channels", f"no test channel runs in the test's {test}: with no spend to measure, the gate "
                                     f"always fails, and its channels buy nothing after month {gate.after_month}",
                 gate.channels)]
    return [(f"{path}.channels[{j}]", f"channel '{gate.channels[j]}' does not run in the test's {test} "
                                      f"({_runs_in(months[gate.channels[j]])}): the test cannot observe it",
             (gate.channels[j],))
            for j in absent]


def _stopping_nothing(gate: Gate, path: str, months: Mapping[str, set[int] | None], then_written: bool) -> list[Found]:
    """A gate whose channels all end with its test stops nothing; else a ``then`` channel that does has nothing of
    it to stop (a test channel ending with its test is the usual test, and stops nothing of its own by design)."""
    after = gate.after_month
    if not any(_runs(months[name], after + 1, None) for name in gate.channels + gate.then):
        return [(f"{path}.then" if then_written else path,
                 f"no channel of this gate runs after month {after}: it stops nothing whether the test passes or "
                 "fails; name in 'then' the channels the test decides", gate.channels + gate.then)]
    return [(f"{path}.then[{j}]", f"channel '{name}' does not run after month {after} ({_runs_in(months[name])}): "
                                  "the gate has nothing of it to stop", (name,))
            for j, name in enumerate(gate.then) if not _runs(months[name], after + 1, None)]


def _runs(months: set[int] | None, first: int, last: int | None) -> bool:
    """Whether a channel running in ``months`` runs in some month of first..last (``last`` None: the horizon's end;
    ``after_month`` is at most horizon - 1, so a channel of every month runs after it)."""
    return months is None or any(first <= month and (last is None or month <= last) for month in months)


def _test_months(after_month: int) -> str:
    return "month 1" if after_month == 1 else f"months 1-{after_month}"


def _runs_in(months: set[int] | None) -> str:
    assert months is not None, "a channel of every month runs in the test and after it"
    return f"it runs in {months_phrase(sorted(months))}"
