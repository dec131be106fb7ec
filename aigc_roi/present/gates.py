"""A staged plan's gates as the outputs show them (docs/formulas.md §18): plain data for JSON, a grid
of text cells for the table view and markdown, and the pass probabilities of a simulation."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from aigc_roi.model.compared import against_limit
from aigc_roi.model.gate_names import indexed, labels_of
from aigc_roi.model.names import listed
from aigc_roi.present.labels import label, short_label
from aigc_roi.present.numbers import NumberStyle

if TYPE_CHECKING:
    from collections.abc import Sequence

    from aigc_roi.model.gate_results import GateResult
    from aigc_roi.present.run_data import RunReport

Grid = tuple[list[str], list[list[str]]]


def gates_json(gates: Sequence[GateResult]) -> list[dict[str, Any]]:
    """Each gate as run's JSON ``gates`` holds it (docs/formulas.md §8), and compare's beside each scenario's figures;
    a gate whose name another shares carries its place, ``index``, beside it (model/gate_names.py)."""
    places = indexed([gate.name for gate in gates])
    return [{"name": gate.name, **at, **asdict(gate), "channels": list(gate.channels), "then": list(gate.then)}
            for gate, at in zip(gates, places, strict=True)]


def shown_names(report: RunReport) -> tuple[str, ...]:
    """Each gate's name as the outputs show it, told apart by its place where another gate shares it."""
    return labels_of(report.gates or ())


def gates_grid(report: RunReport, style: NumberStyle) -> Grid:
    """One row per threshold of each gate: the metric over the test months, the threshold, and whether it
    holds (the gate passes when every row of it does; the caption says what a failed gate stopped)."""
    lang = style.lang
    labels = [month["label"] for month in report.months]
    rows = []
    for gate, shown in zip(report.gates or (), shown_names(report), strict=True):
        months = labels[0] if gate.after_month == 1 else f"{labels[0]} – {labels[gate.after_month - 1]}"
        for metric, bound, name in (("roas", "min_roas", "gate_roas"), ("cac", "max_cac", "gate_cac")):
            if getattr(gate, bound) is None:
                continue
            show = style.ratio if metric == "roas" else style.money
            measured, limit = getattr(gate, metric), getattr(gate, bound)
            meets = _meets(measured, limit, bound)
            # The threshold as written, the value on its side of it: a CAC of 12.004 failing 12 is no "12.00, <= 12.00,
            # fail", nor a min_roas of 0.305 ">= 0.31".
            value, threshold = against_limit(show, measured, limit, 2, bound == "min_roas", meets)
            operator = ">=" if bound == "min_roas" else "<="
            rows.append([shown, months, short_label(name, lang), value, f"{operator} {threshold}",
                         label("gate_pass" if meets else "gate_fail", lang)])
    header = [label(key, lang) for key in ("gate", "gate_months", "gate_metric", "gate_value", "gate_threshold", "gate_result")]
    return header, rows


def _meets(value: float | None, limit: float, bound: str) -> bool:
    """Whether one threshold of a gate holds, as the engine decides it (a gate passes when all of its do)."""
    if value is None:
        return False
    # Here, not at the top: tables.py imports this module, and `--help` must not load numpy.
    from aigc_roi.model.gates import at_least

    return bool(at_least(value, limit) if bound == "min_roas" else at_least(-value, -limit))


def gates_caption(report: RunReport, lang: str) -> str:
    """What each failed gate stopped, one line each; empty when every gate passed."""
    return "\n".join(gate_stops(report, lang))


def gate_stops(report: RunReport, lang: str) -> list[str]:
    """``gates_caption``'s lines, one a failed gate: a writer that escapes line breaks in names joins them itself."""
    labels = [month["label"] for month in report.months]
    comma = label("list_separator", lang)
    stops = []
    for gate, shown in zip(report.gates or (), shown_names(report), strict=True):
        if not gate.passed:
            stopped = dict.fromkeys(gate.channels + gate.then)
            stops.append(label("gate_stopped" if len(stopped) > 1 else "gate_stopped_one", lang).format(
                gate=shown, channels=listed(stopped, comma), month=labels[gate.after_month - 1]))
    return stops
