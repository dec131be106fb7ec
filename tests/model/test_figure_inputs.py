"""Scenarios that move distinct items add their amounts (aigc_roi/model/figure_values.py ``FigureInputs``)."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
from spec_example import EVERY_ITEM, WORKED_EXAMPLE

from aigc_roi.model.engine import evaluate_batch
from aigc_roi.model.sampling import realize
from aigc_roi.model.scenario import Scenario
from aigc_roi.reader.load import load_text

TWO_HALVES = WORKED_EXAMPLE.replace("purchases: [{name: item, price: 10, rate: 1}]",
                                    "purchases: [{name: a, price: 10, rate: 0.5}, {name: b, price: 10, rate: 0.5}]")


def _with_prices(scenario: Scenario, first: list[float], second: list[float]) -> Scenario:
    monetization = scenario.monetization
    a, b = monetization.purchases
    return dataclasses.replace(scenario, monetization=dataclasses.replace(monetization, purchases=(
        dataclasses.replace(a, price=np.array(first)), dataclasses.replace(b, price=np.array(second)))))


def test_two_price_changes_combine_as_the_worked_example_says() -> None:
    # Samples: as written, a at 14, b at 6. A = 1000, 500, 250 (1,750 user-months), serving 1 each, ad spend 20,000.
    scenario = realize(load_text(TWO_HALVES, "plan.yaml").scenario)
    inputs = evaluate_batch(_with_prices(scenario, [10, 14, 10], [10, 10, 6]), irr=False, inputs=True).inputs
    assert inputs is not None
    member = np.array([[False, False], [True, False], [False, True], [True, True]])
    combined = inputs.combined(member)
    figures = combined.figures(irr=False)
    # Revenue per active user 0.5 a + 0.5 b: 10, 12, 8 and, with both, 7 + 3 = 10 again.
    assert figures["gross_revenue"] == pytest.approx([17_500, 21_000, 14_000, 17_500], rel=1e-12)
    # roi = (revenue - serving 1,750 - 20,000) / 20,000.
    assert figures["roi"] == pytest.approx([-0.2125, -0.0375, -0.3875, -0.2125], rel=1e-12)
    # Net cash -11,000, 4,500, 2,250 as written; a at 14 adds 2,000, 1,000, 500; b at 6 takes as much away.
    assert figures["npv"] == pytest.approx([-4_250, -750, -7_750, -4_250], rel=1e-12)
    assert combined.amounts["cumulative_cash"].T == pytest.approx(np.array(
        [[-11_000, -6_500, -4_250], [-9_000, -3_500, -750], [-13_000, -9_500, -7_750], [-11_000, -6_500, -4_250]]), rel=1e-12)


def test_distinct_items_moved_together_are_what_the_engine_gives() -> None:
    # Four items, each moved in a sample of its own, then all at once: the sum of their differences is the
    # engine's own run with every change (sources, values by month, referral rewards and deliveries included).
    scenario = realize(load_text(EVERY_ITEM, "items.yaml").scenario)
    monetization, costs = scenario.monetization, scenario.costs
    monthly, yearly = monetization.plans
    pack, team, tools = monetization.purchases[0], monetization.orders[0], costs.fixed[0]
    changes = [(199.0, 249.0), (0.02, 0.035), (2.0, 3.0), (600.0, 900.0)]

    def moved(values: list[np.ndarray]) -> Scenario:
        return dataclasses.replace(scenario, monetization=dataclasses.replace(
            monetization, plans=(monthly, dataclasses.replace(yearly, price=values[0])),
            purchases=(dataclasses.replace(pack, rate=values[1]),), orders=(dataclasses.replace(team, count=values[2]),)),
            costs=dataclasses.replace(costs, fixed=(dataclasses.replace(tools, monthly=values[3]),)))

    alone = np.eye(len(changes) + 1, dtype=bool)[:, 1:]
    batch = moved([np.where(alone[:, i], new, now) for i, (now, new) in enumerate(changes)])
    inputs = evaluate_batch(batch, irr=False, inputs=True).inputs
    assert inputs is not None
    member = np.array([[True, True, True, True], [True, False, True, False]])
    combined = inputs.combined(member).figures(irr=True)
    for row, chosen in enumerate(member):
        expected = evaluate_batch(moved([np.array([new if on else now]) for on, (now, new) in zip(chosen, changes, strict=True)])).figures
        for name, values in expected.items():
            a, b = float(values[0]), float(combined[name][row])
            assert (math.isnan(a) and math.isnan(b)) or b == pytest.approx(a, rel=1e-12, abs=1e-9), (row, name)


def test_samples_that_differ_in_their_discount_rate_do_not_combine() -> None:
    scenario = realize(load_text(TWO_HALVES, "plan.yaml").scenario)
    batch = dataclasses.replace(_with_prices(scenario, [10, 14], [10, 10]), discount_rate=np.array([0.1, 0.2]))
    inputs = evaluate_batch(batch, irr=False, inputs=True).inputs
    assert inputs is not None
    with pytest.raises(ValueError, match="discount rate"):
        inputs.combined(np.array([[True]]))
