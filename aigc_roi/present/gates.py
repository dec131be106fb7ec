"""A staged plan's gates as the outputs show them (docs/formulas.md §18): plain data for JSON, a grid
of text cells for the table view and markdown, and the pass probabilities of a simulation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from aigc_roi.model.compared import against_limit
from aigc_roi.model.figures import plain
from aigc_roi.model.names import listed
from aigc_roi.model.scenario import Scenario
from aigc_roi.present.labels import label, short_label
from aigc_roi.present.numbers import NumberStyle

if TYPE_CHECKING:
    from aigc_roi.model.engine import Result
    from aigc_roi.present.run_data import RunReport

Grid = tuple[list[str], list[list[str]]]


@dataclass(frozen=True)
class GateResult:
    """One gate of a run: its test and thresholds, the test's ROAS and CAC (None = none) and whether it passed."""

    name: str
    after_month: int
    """The last month of the test."""
    channels: tuple[str, ...]
    """The channels the test measures."""
    then: tuple[str, ...]
    """The channels that run after the test only if it passes."""
    min_roas: float | None
    max_cac: float | None
    roas: float | None
    cac: float | None
    passed: bool


def gates_report(scenario: Scenario, result: Result, sample: int = 0) -> tuple[GateResult, ...]:
    """Per gate, in file order, as the run decided it."""
    assert result.gate_roas is not None and result.gate_cac is not None and result.gate_passed is not None
    return tuple(
        GateResult(gate.name, gate.after_month, tuple(gate.channels), tuple(gate.then), gate.min_roas, gate.max_cac,
                   plain(result.gate_roas[sample, g]), plain(result.gate_cac[sample, g]), bool(result.gate_passed[sample, g]))
        for g, gate in enumerate(scenario.gates)
    )


def gates_grid(report: RunReport, style: NumberStyle) -> Grid:
    """One row per threshold of each gate: the metric over the test months, the threshold, and whether it
    holds (the gate passes when every row of it does; the caption says what a failed gate stopped)."""
    lang = style.lang
    labels = [month["label"] for month in report.months]
    rows = []
    for gate in report.gates or ():
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
            rows.append([gate.name, months, short_label(name, lang), value, f"{operator} {threshold}",
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
    for gate in report.gates or ():
        if not gate.passed:
            stopped = dict.fromkeys(gate.channels + gate.then)
            stops.append(label("gate_stopped" if len(stopped) > 1 else "gate_stopped_one", lang).format(
                gate=gate.name, channels=listed(stopped, comma), month=labels[gate.after_month - 1]))
    return stops
