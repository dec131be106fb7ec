"""Which gates of the compared scenarios are one of `compare`'s gate rows (docs/formulas.md §13, **A staged plan's
gates in compare**).

A gate's name is what a reader knows it by, so a name that no compared scenario gives two gates pairs by name alone,
whatever else a variant changed in it (a threshold, the test's months). Two gates of one plan may share a name
(§18), and then the name says nothing of which is which, nor does their order: renamed or moved, the k-th of a
name in one file is another gate than the k-th in the next (base gates [A, A], the first renamed B in the new
file: the new file's one A is the base's second, not its first). So gates of a name that some scenario repeats pair
by what they test, as an analyst tells them apart: the channels tested, which thresholds are set (ROAS, CAC) and the
channels run after it (``then``); where two gates of one scenario test the same, by every field of the gate
(the test's months and the thresholds' values too), and gates alike in every field by order, which then pairs
gates that read the same. A gate that no gate of its name in another scenario matches is not paired with any: its
row reads "—" there, and the table says why (present/compare_gates.py ``gates_note``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

NAME, TEST, DEFINITION = "name", "test", "definition"
"""What a row's gates were paired by (JSON's ``matched_by``): the name, unique in every scenario; what they test; or
every field of the gate."""


@dataclass(frozen=True)
class GateRow:
    """One of `compare`'s gate rows: the real name of its gates and each scenario's place of its gate in ``gates``
    (None where the scenario has none in this row)."""

    name: str
    places: tuple[int | None, ...]
    matched_by: str
    unpaired: bool
    """Whether some scenario that has a gate of this name has none in this row: the gates of that name it has test
    otherwise (or pair with another scenario's)."""


def _test(gate: Mapping[str, Any]) -> tuple[Any, ...]:
    """What a gate tests: its channels, which thresholds it sets and the channels run after it (each set in any order:
    a list written in another order is the same test)."""
    return (tuple(sorted(set(gate["channels"]))), gate["min_roas"] is not None, gate["max_cac"] is not None,
            tuple(sorted(set(gate["then"]))))


def _definition(gate: Mapping[str, Any]) -> tuple[Any, ...]:
    return (*_test(gate), gate["after_month"], gate["min_roas"], gate["max_cac"])


def gate_pairs(gates: Sequence[Sequence[Mapping[str, Any]] | None]) -> list[GateRow]:
    """The gate rows of scenarios whose gates, in file order, are ``gates`` (run's JSON of them: present/gates.py
    ``gates_json``; None for a scenario without), in the order the scenarios first name them."""
    listed = [list(scenario or ()) for scenario in gates]
    repeated = {name for scenario in listed for name, count in Counter(gate["name"] for gate in scenario).items()
                if count > 1}
    # A test some scenario has twice under one name is told apart by the whole gate.
    tests = [Counter((gate["name"], _test(gate)) for gate in scenario if gate["name"] in repeated) for scenario in listed]
    twice = {key for counted in tests for key, count in counted.items() if count > 1}

    def matched(gate: Mapping[str, Any]) -> tuple[str, tuple[Any, ...]]:
        if gate["name"] not in repeated:
            return NAME, ()
        if (gate["name"], _test(gate)) in twice:
            return DEFINITION, _definition(gate)
        return TEST, _test(gate)

    rows: dict[tuple[Any, ...], list[int | None]] = {}
    by: dict[tuple[Any, ...], str] = {}
    for column, scenario in enumerate(listed):
        seen: Counter[tuple[Any, ...]] = Counter()
        for place, gate in enumerate(scenario):
            kind, key = matched(gate)
            # Gates alike in every field pair by order: any pairing of them reads the same.
            row = (gate["name"], kind, key, seen[gate["name"], kind, key])
            seen[gate["name"], kind, key] += 1
            rows.setdefault(row, [None] * len(listed))[column] = place
            by[row] = kind
    names = [{gate["name"] for gate in scenario} for scenario in listed]
    return [GateRow(row[0], tuple(places), by[row],
                    any(place is None and row[0] in has for place, has in zip(places, names, strict=True)))
            for row, places in rows.items()]
