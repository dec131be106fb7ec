"""`compare`'s rows of a staged plan's gates (docs/formulas.md §13): what each scenario's run decided at each gate,
pass or fail as `run` reports it, or on risk the share of samples in which each passed, as `simulate` counts it
(whatif/simulate.py ``gate_pass_probabilities``). After the figures (on risk after the chances, where `simulate` puts
them), before the basis rows, in every format; none where no compared scenario has a gate, so such a comparison reads
as it did.

A row is a gate by name, in the order the scenarios first name them; a scenario without it reads "—" (null in JSON
and empty in CSV). A name that is unique in every scenario matches by name alone; two gates of one plan may share a
name, and then gates of that name match by what they test, not by order (present/gate_pairs.py), a row labelled by
its places in the files (model/gate_names.py), which no other gate's real name can read as. Every format reads its
rows from ``_paired``, so the table, markdown, CSV, the workbook and JSON's ``gate_rows`` pair alike. A gate is a
decision, not a goal: no row is ranked, none has a change.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from aigc_roi.model.gate_names import labels_by_place, pass_shares_json
from aigc_roi.model.names import listed
from aigc_roi.present.gate_pairs import GateRow, gate_pairs
from aigc_roi.present.gates import gates_json
from aigc_roi.present.labels import label, sentences
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


def _paired(scenarios: Sequence[Mapping[str, Any]]) -> list[tuple[GateRow, str]]:
    """The gate rows (present/gate_pairs.py) and each one's label: its name, or where gates share it its places in
    the files (``name (gates[1])``, ``name (gates[1] | — | gates[2])`` where the places differ, model/gate_names.py)."""
    rows = gate_pairs([scenario.get("gates") for scenario in scenarios])
    return list(zip(rows, labels_by_place([row.name for row in rows], [row.places for row in rows]), strict=True))


def _value(scenario: Mapping[str, Any], place: int | None, on_risk: bool) -> Any:
    """A scenario's gate at ``place`` in its gates: passed (a bool), on risk its pass share; None without."""
    if place is None:
        return None
    return scenario["distribution"]["gates"][place][PASS_PROBABILITY] if on_risk else scenario["gates"][place]["passed"]


def gate_values(scenarios: Sequence[Mapping[str, Any]], on_risk: bool) -> list[tuple[str, list[Any]]]:
    """Per gate row, its label and each scenario's value: passed (a bool) or on risk its pass share; None where the
    scenario has no gate in the row."""
    return [(text, [_value(scenario, place, on_risk) for scenario, place in zip(scenarios, row.places, strict=True)])
            for row, text in _paired(scenarios)]


def gate_rows_json(scenarios: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]] | None:
    """JSON's ``gate_rows``, the rows every format shows: each one's ``label`` (CSV's key after ``gate:``), the gates'
    real ``name``, ``index``, each scenario's place of its gate in its ``gates`` (null without one in the row),
    ``matched_by`` (``name``, ``test`` or ``definition``: present/gate_pairs.py) and ``unpaired``; None where no
    compared scenario has a gate."""
    if all(scenario.get("gates") is None for scenario in scenarios):
        return None
    return [{"label": text, "name": row.name, "index": list(row.places), "matched_by": row.matched_by,
             "unpaired": row.unpaired} for row, text in _paired(scenarios)]


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
    """The sentences under a table with gate rows: what they hold and, where a gate of a name that gates share has
    no partner in a scenario that has gates of that name, how such gates pair and which rows have none; None
    without gate rows."""
    paired = _paired(scenarios)
    if not paired:
        return None
    note = label("compare_gates_risk_note" if on_risk else "compare_gates_note", lang)
    unpaired = [text for row, text in paired if row.unpaired]
    if not unpaired:
        return note
    rows = listed(unpaired, label("list_separator", lang))
    return sentences([note, label("compare_gates_unpaired", lang).format(gates=rows)], lang)
