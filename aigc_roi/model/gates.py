"""Gates of a staged plan (docs/formulas.md, "Gates"): a test on some channels decides, sample by
sample, whether they and the plan's next channels keep buying users.

Pure numpy, month-major like the engine: per-month arrays are ``(H, s)``,
per-channel ones ``(C, s)``. A gate's test reads the months 1..after_month
only, which nothing after them changes, so the gates are decided one after
another in file order, each on the plan as the gates before it left it,
before the engine runs the whole horizon once on the gated plan.

Decisions where the spec is silent:

- A test metric that is none (ROAS over no spend, CAC over no users) fails
  the gate, as a target on a none figure is missed.
- A metric within 1e-9 (relative) of its threshold passes, as `check` holds
  targets: a plan tuned to sit exactly on its threshold must not fail on
  the last bit of a float sum.
- A channel that a failed gate stops stays stopped: a later gate that
  passes does not restart it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from aigc_roi.model.scenario import FloatArray, Gate

AttributedGross = Callable[[FloatArray, int], FloatArray]
"""(users the test channels buy by month ``(T, s)``, T) -> ``(s,)`` gross revenue attributed to those
users, paid in months 1..T: the engine's attribution, cut at month T."""

_REL_TOL = 1e-9


@dataclass(frozen=True)
class GateRun:
    """What the gates decided in one chunk of samples."""

    activity: dict[int, FloatArray]
    """Channel index -> ``(H, s)`` share of its plan bought in each month (its month mask times 0 after a
    failed gate); only channels some gate names."""
    roas: FloatArray
    """``(G, s)`` the test channels' attributed gross revenue over their spend, months 1..after_month; NaN = none."""
    cac: FloatArray
    """``(G, s)`` their spend over the users they bought in those months; NaN = none."""
    passed: NDArray[np.bool_]
    """``(G, s)``."""


def run_gates(gates: Sequence[Gate], channel_names: Sequence[str], masks: FloatArray, unit_users: FloatArray,
              unit_spend: FloatArray, attributed_gross: AttributedGross) -> GateRun:
    """Decide every gate in file order; ``masks`` ``(C, H)`` are the months each channel runs,
    ``unit_users``/``unit_spend`` ``(C, s)`` what it buys and spends in one of them."""
    samples = unit_users.shape[1]
    horizon = masks.shape[1]
    by_name: dict[str, list[int]] = {}
    for index, name in enumerate(channel_names):
        by_name.setdefault(name, []).append(index)
    activity: dict[int, FloatArray] = {}

    def active(channel: int) -> FloatArray:
        return activity[channel] if channel in activity else masks[channel][:, None]

    roas, cac, passed = [], [], []
    for gate in gates:
        tests = [index for name in gate.channels for index in by_name.get(name, [])]
        months = gate.after_month
        users = np.zeros((months, samples))
        spend = np.zeros(samples)
        for channel in tests:
            bought = active(channel)[:months] * unit_users[channel]
            users += bought
            spend += (active(channel)[:months] * unit_spend[channel]).sum(axis=0)
        gate_roas = _ratio(attributed_gross(users, months), spend)
        gate_cac = _ratio(spend, users.sum(axis=0))
        ok = np.ones(samples, dtype=bool)
        if gate.min_roas is not None:
            ok &= _at_least(gate_roas, gate.min_roas)
        if gate.max_cac is not None:
            ok &= _at_least(-gate_cac, -gate.max_cac)
        stopped = tests + [index for name in gate.then for index in by_name.get(name, [])]
        for channel in dict.fromkeys(stopped):
            gated = np.array(np.broadcast_to(active(channel), (horizon, samples)))
            gated[months:] *= ok
            activity[channel] = gated
        roas.append(gate_roas)
        cac.append(gate_cac)
        passed.append(ok)
    return GateRun(activity, np.array(roas).reshape(-1, samples), np.array(cac).reshape(-1, samples),
                   np.array(passed, dtype=bool).reshape(-1, samples))


def _ratio(numerator: FloatArray, denominator: FloatArray) -> FloatArray:
    out = np.full(np.shape(denominator), np.nan)
    np.divide(numerator, denominator, out=out, where=denominator != 0)
    return out


def _at_least(value: FloatArray, limit: float) -> NDArray[np.bool_]:
    """value >= limit within the relative tolerance; NaN (none) never."""
    with np.errstate(invalid="ignore"):
        return (value >= limit) | (np.abs(value - limit) <= _REL_TOL * np.maximum(np.abs(value), abs(limit)))
