"""Rows of an item's driver evaluated on the item alone (aigc_roi/whatif/item_slots.py), and rows marked exact."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from spec_example import EVERY_ITEM, WORKED_EXAMPLE

from aigc_roi.model.engine import evaluate
from aigc_roi.model.sampling import realize
from aigc_roi.reader.load import load_text
from aigc_roi.whatif import item_slots
from aigc_roi.whatif.drivers import drivers_of, find_driver, moved_alone, with_value

TWO_HALVES = WORKED_EXAMPLE.replace("purchases: [{name: item, price: 10, rate: 1}]",
                                    "purchases: [{name: a, price: 10, rate: 0.5}, {name: b, price: 10, rate: 0.5}]")


def test_an_items_rows_read_as_the_worked_example_says(monkeypatch: pytest.MonkeyPatch) -> None:
    # A = 1000, 500, 250 (1,750 user-months), serving 1 each, ad spend 20,000; revenue per active user 0.5 a + 0.5 b.
    realized = realize(load_text(TWO_HALVES, "plan.yaml").scenario)
    drivers = drivers_of(realized)
    price = find_driver(drivers, "monetization.purchases[0].price")
    serving = find_driver(drivers, "costs.serving_per_active_user")
    alone: list[int] = []
    real = item_slots.moved_alone
    monkeypatch.setattr(item_slots, "moved_alone", lambda *args: alone.append(1) or real(*args))
    (price_row, serving_row) = moved_alone(realized, [(price, np.array([14.0, 12.0, 10.0])), (serving, np.array([2.0]))])
    assert alone, "the rows moved on their items alone"
    # a at 14: 7 + 5 = 12 a user-month, 21,000; at 12: 19,250; as written 17,500. roi = (revenue - 1,750 - 20,000) / 20,000.
    assert price_row[0]["roi"] == pytest.approx([-0.0375, -0.125, -0.2125], rel=1e-12)
    # Serving at 2 a user-month: 17,500 - 3,500 - 20,000.
    assert serving_row[0]["roi"] == pytest.approx([-0.3], rel=1e-12)


SCENARIOS = sorted((Path(__file__).resolve().parents[2] / "scenarios").glob("*.yaml"))


@pytest.mark.parametrize("text", [*(path.read_text(encoding="utf-8") for path in SCENARIOS), EVERY_ITEM],
                         ids=[*(path.stem for path in SCENARIOS), "every-item"])
def test_every_items_rows_are_the_whole_scenarios_within_rounding(text: str) -> None:
    realized = realize(load_text(text, "plan.yaml").scenario)
    drivers = [driver for driver in drivers_of(realized) if driver.path.startswith(("monetization.", "costs."))]
    rows = [(driver, np.array([0.5, 0.9, 1.0, 1.2, 1.7]) * (driver.current or 1.0)) for driver in drivers]
    rows = [(driver, np.clip(values, 0.0, 1.0) if driver.is_rate else values) for driver, values in rows]
    fast = moved_alone(realized, rows, ("cumulative_cash",))
    exact = moved_alone(realized, rows, ("cumulative_cash",), exact=[True] * len(rows))
    moved = item_slots.items_moved(realized, [driver.path for driver in drivers])
    assert any(item is not None for item in moved) == (not realized.gates), "items move alone wherever they add"
    for (driver, _), (figures, months), (own, own_months) in zip(rows, fast, exact, strict=True):
        scale = max(1.0, float(np.max(np.abs(own_months["cumulative_cash"]))))
        assert months["cumulative_cash"] == pytest.approx(own_months["cumulative_cash"], rel=1e-9, abs=1e-11 * scale)
        for name, column in own.items():
            for a, b in zip(column, figures[name], strict=True):
                assert (math.isnan(a) and math.isnan(b)) or b == pytest.approx(a, rel=1e-9, abs=1e-9), (driver.path, name)


@pytest.mark.parametrize("bundled", SCENARIOS[:3], ids=lambda path: path.stem)
def test_rows_marked_exact_are_a_runs_figures_to_the_last_bit(bundled: Path) -> None:
    realized = realize(load_text(bundled.read_text(encoding="utf-8"), bundled.name).scenario)
    for driver in drivers_of(realized)[:6]:
        values = np.array([0.8, 1.3]) * (driver.current or 1.0)
        values = np.clip(values, 0.0, 1.0) if driver.is_rate else values
        ((figures, _),) = moved_alone(realized, [(driver, values)], exact=[True])
        run = evaluate(with_value(realized, driver, values), irr=False).figures
        for name, column in run.items():
            assert np.array_equal(column, figures[name], equal_nan=True), (driver.path, name)
