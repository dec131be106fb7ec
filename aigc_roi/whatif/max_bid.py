"""Each channel's maximum unit cost with the gates decided at it (docs/formulas.md §6 and §12): the one place
``run`` and ``breakeven`` (and the outputs and report page built on them) read it from.

The closed form max(0, unit cost x (1 + roi)) (model/paid.py) holds every gate's decision. It is exact for a
channel no gate tests: its unit cost moves no test. A test channel's unit cost moves its test's CAC and ROAS, so at
the closed form's value a gate may decide otherwise, and the channel's own roi there is not 0: it stops after a
failed test, or runs on after a passed one. Its maximum is then the unit cost at which its own roi crosses 0 with
the gates decided there, nearest the current one on the side the crossing lies (above while roi >= 0 now, below
while < 0), and where a gate's flip makes roi jump across 0, the last unit cost with roi >= 0
(whatif/max_bid_search.py). Where every gate decides at the closed form's value as now, the closed form is that
crossing: a test's CAC rises and its ROAS falls with the unit cost, so gates that decide alike at two unit costs
decide alike between them. A unit cost written by month moves by one factor on every month's (whatif/drivers.py):
its maximum is that factor.
"""

from __future__ import annotations

import numpy as np

from aigc_roi.model.engine import Result
from aigc_roi.model.scenario import FloatArray, Scenario


def own_max_unit_costs(scenario: Scenario, result: Result) -> tuple[FloatArray, FloatArray]:
    """Per source ``(C',)`` of ``result``'s sample 0, the run of ``scenario`` (realized or not: ranges count at their
    median, as in the run): the maximum unit cost, and where the unit cost moves by month its maximum factor instead,
    each with the gates decided at it (module docstring); NaN = none, as ``Result.channel_max_unit_cost``."""
    unit_cost = np.array(result.channel_max_unit_cost[0])
    factor = np.array(result.channel_max_unit_cost_factor[0])
    ceilings = np.fmax(unit_cost, factor)
    channels = [c for c in _tested(scenario) if not np.isnan(ceilings[c])]
    if not channels or result.gate_passed is None:
        return unit_cost, factor
    # The engine's what-if machinery loads only for a plan whose gates test a channel: a run without pays nothing.
    from aigc_roi.whatif.max_bid_search import with_gates_decided

    found = with_gates_decided(scenario, channels, result.channel_roi[0, channels], result.gate_passed[0])
    for c, value, is_factor in found:
        (factor if is_factor else unit_cost)[c] = value
    return unit_cost, factor


def _tested(scenario: Scenario) -> list[int]:
    """The channels some gate tests, in file order (a name in a gate means every channel of that name)."""
    names = {name for gate in scenario.gates for name in gate.channels}
    return [c for c, channel in enumerate(scenario.acquisition) if channel.name in names]
