"""What a run decided at each gate of a staged plan (docs/formulas.md §18): the test's ROAS and CAC and whether it
passed, as `run` reports it and `compare` shows it beside each scenario's figures."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from aigc_roi.model.figures import plain
from aigc_roi.model.scenario import Scenario

if TYPE_CHECKING:
    from aigc_roi.model.engine import Result


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
