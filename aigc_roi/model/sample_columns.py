"""The inputs a sample's row reports (``simulate --samples-out``): every range's value as the sample used it, and each
fixed value a sample may change, as that sample used it.

Two fixed values change with the draws beside them: a plan's fixed conversion share in a schedule with a drawn
share, divided by the schedule's sum where a sample's shares sum past 1 (model/conversion_sums.py), and a channel's
fixed conversion index above 1 beside a drawn plan conversion, lowered to 1 / the largest plan conversion of the
sample (model/index_ceiling.py). Each is reported under its path as a range is (``--set``'s:
``monetization.plans[0].conversion[0]``, ``acquisition[0].conversion_index``), in its place among them, so a
schedule reads in age order. Which are reported depends on what is drawn, never on the draws (as the samples scaled
and lowered are counted): every slice of a streamed run has the same columns, whether or not its samples changed
them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import numpy as np

from aigc_roi.model.range_streams import paired_ranges
from aigc_roi.model.scenario import Distribution, FloatArray, Plan, Scenario, Value


def reported(scenario: Scenario) -> Scenario:
    """``scenario`` with each fixed value a sample may change (module docstring) read as a range of that one value, so
    that ``paired_ranges`` names it in its place among the ranges; for naming only, never drawn."""
    plans = tuple(_schedule_reported(plan) for plan in scenario.monetization.plans)
    drawn = any(isinstance(share, Distribution) for plan in scenario.monetization.plans for share in _shares(plan))
    channels = tuple(dataclasses.replace(channel, conversion_index=_one_value(channel.conversion_index))
                     if drawn and _above_one(channel.conversion_index) else channel for channel in scenario.acquisition)
    return dataclasses.replace(scenario, acquisition=channels,
                               monetization=dataclasses.replace(scenario.monetization, plans=plans))


def sample_inputs(reported_scenario: Scenario, realized: Scenario, samples: int) -> Iterator[tuple[str, FloatArray]]:
    """(path, the ``samples`` values used) of every input ``reported_scenario`` (``reported``'s) names in
    ``realized``: a fixed value a slice's samples left as written is that value in each."""
    for path, used in paired_ranges(reported_scenario, realized):
        yield path, np.broadcast_to(np.asarray(used, dtype=np.float64), (samples,))


def _shares(plan: Plan) -> list[Value]:
    return [share for _, share in plan.conversion] if isinstance(plan.conversion, tuple) else [plan.conversion]


def _schedule_reported(plan: Plan) -> Plan:
    if not isinstance(plan.conversion, tuple) or not any(isinstance(share, Distribution) for _, share in plan.conversion):
        return plan
    return dataclasses.replace(plan, conversion=tuple((age, _one_value(share)) for age, share in plan.conversion))


def _above_one(index: Value) -> bool:
    """A fixed index a ceiling of at least 1 can lower; a drawn one is a range already."""
    return not isinstance(index, Distribution) and float(index) > 1.0


def _one_value(value: Value) -> Value:
    return value if isinstance(value, Distribution) else Distribution("uniform", float(value), float(value))
