"""Where a sensitivity move or a grid cell makes a gate decide otherwise than now (docs/formulas.md §10): the mark on
its row or cell and the notes that say which gate and what its channels do; shared by present/sensitivity.py, the
Rich views and the report's tornado. A plan without gates, or whose gates decide as now at every move, gets neither,
so its outputs read as they always did."""

from __future__ import annotations

from aigc_roi.model.gate_names import labels_of
from aigc_roi.model.names import listed
from aigc_roi.model.scenario import Gate
from aigc_roi.present.drivers import driver_label
from aigc_roi.present.labels import label
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.whatif.sensitivity import Grid, Outcome, Sensitivity, SensitivityRow

FLIP_MARK = "†"
"""Beside a driver (tornado) or a cell (grid) where a gate decides otherwise than now; its note says what it means."""


def flipped_names(analysis: Sensitivity, outcome: Outcome) -> list[str]:
    """The names of the gates that decide at ``outcome`` otherwise than now, in file order, as the outputs show them
    (model/gate_names.py: a name two gates share told apart by place)."""
    shown = labels_of(analysis.gates)
    return [shown[g] for g in outcome.flipped(analysis.base)]


def row_flips(analysis: Sensitivity, row: SensitivityRow) -> bool:
    """Whether either of ``row``'s moves makes a gate decide otherwise than now."""
    return any(move.outcome.flipped(analysis.base) for move in (row.low, row.high))


def marked(text: str, flips: bool) -> str:
    """``text`` with ``FLIP_MARK`` after it where a gate flips there."""
    return f"{text} {FLIP_MARK}" if flips else text


def gate_change(gate: Gate, shown: str, passes: bool, lang: str) -> str:
    """What a gate, named as ``shown``, does where it flips: passes or fails, and the channels that then run or stop
    after its test (its test channels and its ``then`` ones, as `run` says of a failed gate)."""
    channels = dict.fromkeys(gate.channels + gate.then)
    keys = (("sensitivity_gate_passes", "sensitivity_gate_passes_one") if passes
            else ("sensitivity_gate_fails", "sensitivity_gate_fails_one"))
    return label(keys[len(channels) == 1], lang).format(
        gate=shown, channels=listed(channels, label("list_separator", lang)), month=gate.after_month)


def flip_notes(analysis: Sensitivity, style: NumberStyle) -> list[str]:
    """What ``FLIP_MARK`` means, once, then a sentence per marked row: each move that flips a gate, and what the gates
    do there; empty where no move flips one."""
    lang = style.lang
    step = style.step(analysis.step)
    notes = []
    shown = labels_of(analysis.gates)
    for row in analysis.rows:
        sides = []
        for sign, move in (("−", row.low), ("+", row.high)):
            flipped = move.outcome.flipped(analysis.base)
            if flipped:
                gates = label("list_separator", lang).join(
                    gate_change(analysis.gates[g], shown[g], move.outcome.gates_passed[g], lang) for g in flipped)
                sides.append(label("sensitivity_flip_side", lang).format(move=f"{sign}{step}", gates=gates))
        if sides:
            notes.append(label("sensitivity_flip", lang).format(driver=driver_label(row.driver, lang),
                                                                sides=label("notes_separator", lang).join(sides)))
    return [label("sensitivity_flip_note", lang).format(mark=FLIP_MARK), *notes] if notes else []


def grid_flips(grid: Grid) -> dict[tuple[int, int], tuple[int, ...]]:
    """Each cell where gates decide otherwise than now, with those gates' places."""
    return {(i, j): gates for i, j, gates in grid.flipped}


def grid_flip_notes(grid: Grid, lang: str) -> list[str]:
    """What ``FLIP_MARK`` means in a grid: each gate that flips in some cell, and what it does there; empty where
    none."""
    flipped = sorted({g for _, _, gates in grid.flipped for g in gates})
    if not flipped:
        return []
    shown = labels_of(grid.gates)
    gates = label("list_separator", lang).join(
        gate_change(grid.gates[g], shown[g], not grid.base_gates_passed[g], lang) for g in flipped)
    return [label("grid_flip_note", lang).format(mark=FLIP_MARK, gates=gates)]
