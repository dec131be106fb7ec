"""Gates of a staged plan (docs/formulas.md §18): a test on some channels decides, sample by
sample, whether they and the plan's next channels keep buying users.

Pure numpy, month-major like the engine: per-month arrays are ``(H, s)``. A gate's test reads the months 1..after_month
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

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from aigc_roi.model.params import _ratio
from aigc_roi.model.scenario import FloatArray, Gate

AttributedGross = Callable[[Mapping[int, FloatArray], int], FloatArray]
"""(test channel index -> users it buys by month ``(T, s)``, T) -> ``(s,)`` gross revenue attributed to
those channels, paid in months 1..T: the engine's attribution, cut at month T."""
PlannedPurchases = Callable[[int, int], tuple[FloatArray, FloatArray]]
"""(channel index, T) -> the users it buys and its spend in months 1..T as planned, ``(T, s)`` each (0 in the
months it does not run)."""

_REL_TOL = 1e-9

Stops = tuple[tuple[int, FloatArray], ...]
"""The gates that can stop a channel, in file order: each one's first month after its test (0-based, so its
``after_month``) and its decision from that month on, ``(s,)`` 1.0 or 0.0."""


@dataclass(frozen=True)
class GateRun:
    """What the gates decided in one chunk of samples."""

    still_buying: dict[int, FloatArray]
    """Channel index -> ``(H, s)`` 1 in the months it still buys as planned, 0 after a failed gate; only the
    channels some gate names (the others buy as planned). Channels stopped by the same gates share one array:
    read it, never write it."""
    stops: dict[int, Stops]
    """The same channels -> the decisions ``still_buying`` multiplies out (1 before each gate's first month after its
    test, its decision from that month on); channels stopped by the same gates share one tuple."""
    roas: FloatArray
    """``(G, s)`` the test channels' attributed gross revenue over their spend, months 1..after_month; NaN = none."""
    cac: FloatArray
    """``(G, s)`` their spend over the users they bought in those months; NaN = none."""
    passed: NDArray[np.bool_]
    """``(G, s)``."""


def run_gates(gates: Sequence[Gate], channel_names: Sequence[str], planned: PlannedPurchases, horizon: int, samples: int,
              attributed_gross: AttributedGross) -> GateRun:
    """Decide every gate in file order, each on the plan as the gates before it left it."""
    by_name: dict[str, list[int]] = {}
    for index, name in enumerate(channel_names):
        by_name.setdefault(name, []).append(index)
    still_buying: dict[int, FloatArray] = {}
    # Channels stopped by the same gates share one array (model/channel_months.py sums each share once).
    by_gates: dict[tuple[int, ...], FloatArray] = {}
    stops_by_gates: dict[tuple[int, ...], Stops] = {}
    stops: dict[int, Stops] = {}
    stopped_by: dict[int, tuple[int, ...]] = {}

    def bought(channel: int, months: int) -> tuple[FloatArray, FloatArray]:
        users, spend = planned(channel, months)
        share = still_buying[channel][:months] if channel in still_buying else 1.0
        return users * share, spend * share

    roas, cac, passed = [], [], []
    for number, gate in enumerate(gates):
        tests = [index for name in gate.channels for index in by_name.get(name, [])]
        months = gate.after_month
        users: dict[int, FloatArray] = {}
        spend = np.zeros(samples)
        for channel in tests:
            channel_users, channel_spend = bought(channel, months)
            users[channel] = users[channel] + channel_users if channel in users else channel_users
            spend += channel_spend.sum(axis=0)
        gate_roas = _ratio(attributed_gross(users, months), spend)
        gate_cac = _ratio(spend, sum((bought_users.sum(axis=0) for bought_users in users.values()), np.zeros(samples)))
        ok = np.ones(samples, dtype=bool)
        if gate.min_roas is not None:
            ok &= at_least(gate_roas, gate.min_roas)
        if gate.max_cac is not None:
            ok &= at_least(-gate_cac, -gate.max_cac)
        stopped = tests + [index for name in gate.then for index in by_name.get(name, [])]
        decision = ok.astype(np.float64)
        for channel in dict.fromkeys(stopped):
            before = stopped_by.get(channel, ())
            after = stopped_by[channel] = before + (number,)
            if after not in by_gates:
                stops_by_gates[after] = stops_by_gates.get(before, ()) + ((months, decision),)
                if before:
                    share = by_gates[after] = np.array(by_gates[before])
                    share[months:] *= ok
                else:
                    # Written once: 1 through the test months, the gate's decision after them.
                    share = by_gates[after] = np.empty((horizon, samples))
                    share[:months] = 1.0
                    share[months:] = ok
            still_buying[channel] = by_gates[after]
            stops[channel] = stops_by_gates[after]
        roas.append(gate_roas)
        cac.append(gate_cac)
        passed.append(ok)
    return GateRun(still_buying, stops, np.array(roas).reshape(-1, samples), np.array(cac).reshape(-1, samples),
                   np.array(passed, dtype=bool).reshape(-1, samples))


def at_least(value: FloatArray | float, limit: float) -> NDArray[np.bool_]:
    """value >= limit within the relative tolerance; NaN (none) never. A ``max_cac`` is held as -cac >= -limit."""
    with np.errstate(invalid="ignore"):
        return (value >= limit) | (np.abs(value - limit) <= _REL_TOL * np.maximum(np.abs(value), abs(limit)))
