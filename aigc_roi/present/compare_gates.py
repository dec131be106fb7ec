"""`compare`'s rows of a staged plan's gates (docs/formulas.md §13): what each scenario's run decided at each gate,
pass or fail as `run` reports it, or on risk the share of samples in which each passed, as `simulate` counts it
(whatif/simulate.py ``gate_pass_probabilities``). After the figures (on risk after the chances, where `simulate` puts
them), before the basis rows, in every format; none where no compared scenario has a gate, so such a comparison reads
as it did.

A row is a gate by name, in the order the scenarios first name them; a scenario without it reads "—" (null in JSON
and empty in CSV). A name that is unique in every scenario matches by name alone; two gates of one plan may share a
name, and then each is the k-th gate of that name in each scenario (name and order), its row labelled by its places
in the files (model/gate_names.py), which no other gate's real name can read as. A gate is a decision, not a goal: no
row is ranked, none has a change.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from aigc_roi.model.gate_names import labels_by_place, pass_shares_json
from aigc_roi.present.gates import gates_json
from aigc_roi.present.labels import label
from aigc_roi.present.numbers import NONE, NumberStyle
from aigc_roi.whatif.compare import Comparison

GATE_KEY = "gate:"
"""Before a gate's name in CSV's ``figure`` column: ``gate:creators prove the product`` (``gate:name (gates[1])`` for a
gate of a name that two share)."""
PASS_PROBABILITY = "pass_probability"
"""CSV's ``statistic`` of a gate's row on risk, as `simulate`'s CSV names it."""


def with_gates(columns: list[dict[str, Any]], comparison: Comparison) -> list[dict[str, Any]]:
    """JSON's ``scenarios`` with each one's gates where some compared scenario has any: ``gates``, run's JSON of
    them (present/gates.py ``gates_json``), and on risk ``distribution.gates``, simulate's (``name``,
    ``pass_probability``); null for a scenario without gates. ``columns`` unchanged where none has one."""
    if all(column.gates is None for column in comparison.columns):
        return columns
    shown = []
    for data, column in zip(columns, comparison.columns, strict=True):
        data = {**data, "gates": None if column.gates is None else gates_json(column.gates)}
        if column.simulation is not None:
            passes = column.simulation.gate_pass_probabilities
            data["distribution"] = {**data["distribution"], "gates": pass_shares_json(passes) if passes else None}
        shown.append(data)
    return shown


def _decided(scenario: Mapping[str, Any], on_risk: bool) -> list[tuple[str, Any]]:
    """A scenario's gates in file order: (name, passed) or on risk (name, pass share); none without gates."""
    if on_risk:
        return [(gate["name"], gate[PASS_PROBABILITY]) for gate in scenario["distribution"].get("gates") or ()]
    return [(gate["name"], gate["passed"]) for gate in scenario.get("gates") or ()]


def _keyed(decided: Sequence[tuple[str, Any]]) -> dict[tuple[str, int], tuple[int, Any]]:
    """Each gate by (name, how many before it share its name): its place in the file and its value."""
    seen: dict[str, int] = {}
    keyed = {}
    for place, (name, value) in enumerate(decided):
        keyed[name, seen.get(name, 0)] = place, value
        seen[name] = seen.get(name, 0) + 1
    return keyed


def gate_values(scenarios: Sequence[Mapping[str, Any]], on_risk: bool) -> list[tuple[str, list[Any]]]:
    """Per gate row, its label and each scenario's value: passed (a bool) or on risk its pass share; None where the
    scenario has no such gate. A row is a gate's name where no scenario has two of it, else the k-th gate of that
    name in each scenario, labelled by its places (``name (gates[1])``, ``name (gates[1] | — | gates[2])`` where the
    places differ, model/gate_names.py)."""
    keyed = [_keyed(_decided(scenario, on_risk)) for scenario in scenarios]
    rows = list(dict.fromkeys(key for gates in keyed for key in gates))
    places = [[gates[key][0] if key in gates else None for gates in keyed] for key in rows]
    shown = labels_by_place([name for name, _ in rows], places)
    return [(text, [gates[key][1] if key in gates else None for gates in keyed]) for text, key in zip(shown, rows, strict=True)]


def gate_names(scenarios: Sequence[Mapping[str, Any]], on_risk: bool) -> list[str]:
    """Each gate row's gate, as ``gate_texts`` labels it: the name its label holds, kept whole (present/layout.py
    ``Column.names``)."""
    return [name for name, _ in gate_values(scenarios, on_risk)]


def gate_texts(scenarios: Sequence[Mapping[str, Any]], style: NumberStyle, on_risk: bool) -> list[tuple[str, list[str]]]:
    """Per gate row, its label and each scenario's cell as the tables show it: "pass" or "fail" (run's words), on
    risk the chance (simulate's), "—" without such a gate."""
    lang = style.lang
    rows = []
    for name, values in gate_values(scenarios, on_risk):
        if on_risk:
            cells = [NONE if value is None else style.chance(value, scenario["distribution"]["samples"])
                     for scenario, value in zip(scenarios, values, strict=True)]
            rows.append((label("gate_pass_probability", lang).format(gate=name), cells))
        else:
            cells = [NONE if value is None else label("gate_pass" if value else "gate_fail", lang) for value in values]
            rows.append((label("compare_gate", lang).format(gate=name), cells))
    return rows


def gate_rows(scenarios: Sequence[Mapping[str, Any]], style: NumberStyle | None, on_risk: bool, blank: int) -> list[list[Any]]:
    """The gate rows of CSV (without ``style``: ``gate:name``, on risk ``pass_probability``, then each scenario's
    passed as 1 or 0 or its pass share, empty without the gate) or markdown (``gate_texts``), followed by ``blank``
    empty cells (the changes, best, CSV's note: a gate has none)."""
    if style is not None:
        return [[row_label, *([label("chance", style.lang)] if on_risk else []), *cells, *([""] * blank)]
                for row_label, cells in gate_texts(scenarios, style, on_risk)]
    return [[f"{GATE_KEY}{name}", *([PASS_PROBABILITY] if on_risk else []),
             *(value if on_risk or value is None else int(value) for value in values), *([None] * blank)]
            for name, values in gate_values(scenarios, on_risk)]


def gates_note(scenarios: Sequence[Mapping[str, Any]], lang: str, on_risk: bool) -> str | None:
    """The sentence under a table with gate rows that says what they hold; None without."""
    if not gate_values(scenarios, on_risk):
        return None
    return label("compare_gates_risk_note" if on_risk else "compare_gates_note", lang)
