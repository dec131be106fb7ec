"""Which gates of the compared scenarios share one of compare's rows (present/gate_pairs.py; QA: base gates [A, A],
the first renamed B in the new file, and the new file's one A was paired with the base's first A, the renamed one).

Each expectation is read off the gates as an analyst tells them apart: a name no scenario repeats pairs by name,
whatever else changed; gates of a repeated name pair by what they test (channels, which thresholds, then channels),
in any order; two of one scenario testing the same pair by every field; none else.
"""

from __future__ import annotations

from typing import Any

from aigc_roi.model.gate_names import labels_by_place
from aigc_roi.present.gate_pairs import DEFINITION, NAME, TEST, gate_pairs


def gate(name: str, channels: tuple[str, ...] = ("T",), then: tuple[str, ...] = ("L",), min_roas: float | None = 0.5,
         max_cac: float | None = None, after_month: int = 1) -> dict[str, Any]:
    return {"name": name, "channels": list(channels), "then": list(then), "min_roas": min_roas, "max_cac": max_cac,
            "after_month": after_month}


def rows(*scenarios: list[dict[str, Any]] | None) -> list[tuple[str, tuple[int | None, ...], str, bool]]:
    return [(row.name, row.places, row.matched_by, row.unpaired) for row in gate_pairs(scenarios)]


ROAS = gate("A", then=("L",), min_roas=0.5)
CAC = gate("A", then=("M",), min_roas=None, max_cac=5)


def test_renamed_first_of_two() -> None:
    """Base [A (ROAS, then L), A (CAC, then M)], new [B (as base's first), A (CAC, then M)]: new's A is base's
    second; base's first has no partner though new has an A."""
    assert rows([ROAS, CAC], [{**ROAS, "name": "B"}, CAC]) == [
        ("A", (0, None), TEST, True), ("A", (1, 1), TEST, False), ("B", (None, 0), NAME, False)]


def test_reordered() -> None:
    assert rows([ROAS, CAC], [CAC, ROAS]) == [("A", (0, 1), TEST, False), ("A", (1, 0), TEST, False)]


def test_a_list_in_another_order_is_the_same_test() -> None:
    first = gate("A", channels=("T", "U"), then=("L", "M"))
    assert rows([first, CAC], [CAC, gate("A", channels=("U", "T"), then=("M", "L"))]) == [
        ("A", (0, 1), TEST, False), ("A", (1, 0), TEST, False)]


def test_a_threshold_changed_still_pairs_by_test() -> None:
    """A what-if on a value of a gate (min_roas 0.5 -> 0.9) does not change what it tests."""
    assert rows([ROAS, CAC], [{**ROAS, "min_roas": 0.9}, CAC]) == [("A", (0, 0), TEST, False), ("A", (1, 1), TEST, False)]


def test_a_test_changed_pairs_with_none() -> None:
    """New's first A runs M after it where base's runs L: it tests otherwise, and neither has a partner."""
    assert rows([ROAS, CAC], [{**ROAS, "then": ["M"]}, CAC]) == [
        ("A", (0, None), TEST, True), ("A", (1, 1), TEST, False), ("A", (None, 0), TEST, True)]


def test_two_alike_tests_pair_by_every_field() -> None:
    """Base's two A test T's ROAS then L, at 0.5 and at 0.9: reordered in new they still pair by threshold; new's
    0.9 raised to 0.95 pairs with none."""
    low, high = ROAS, {**ROAS, "min_roas": 0.9}
    assert rows([low, high], [high, low]) == [("A", (0, 1), DEFINITION, False), ("A", (1, 0), DEFINITION, False)]
    assert rows([low, high], [low, {**high, "min_roas": 0.95}]) == [
        ("A", (0, 0), DEFINITION, False), ("A", (1, None), DEFINITION, True), ("A", (None, 1), DEFINITION, True)]


def test_gates_alike_in_every_field_pair_in_order() -> None:
    assert rows([ROAS, ROAS], [ROAS]) == [("A", (0, 0), DEFINITION, False), ("A", (1, None), DEFINITION, True)]


def test_unique_names_pair_by_name_whatever_they_test() -> None:
    """One A in each file, testing differently (ROAS then L, CAC then M): the name is the gate's, so one row."""
    assert rows([ROAS], [CAC], None) == [("A", (0, 0, None), NAME, False)]


def test_three_scenarios() -> None:
    assert rows([ROAS, CAC], None, [CAC, {**ROAS, "name": "B"}]) == [
        ("A", (0, None, None), TEST, True), ("A", (1, None, 0), TEST, False), ("B", (None, None, 1), NAME, False)]


def test_labels_of_rows_each_file_alone_read_in_full() -> None:
    """Base's gates[1] alone and new's gates[1] alone would both read ``A (gates[1])``: each says its file's place."""
    assert labels_by_place(["A", "A", "A"], [(0, 0), (1, None), (None, 1)]) == [
        "A (gates[0])", "A (gates[1] | —)", "A (— | gates[1])"]
    # Unchanged where the short labels differ: one file's gates read as run names them.
    assert labels_by_place(["A", "A"], [(0,), (1,)]) == ["A (gates[0])", "A (gates[1])"]
    assert labels_by_place(["A", "A"], [(0, 1), (1, None)]) == ["A (gates[0] | gates[1])", "A (gates[1])"]
