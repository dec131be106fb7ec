"""The what-ifs at every cap of docs/limits.md: bounded work, and answers that still reproduce their thresholds.

Work is counted in engine calls and samples, not seconds (speed is measured
by benchmarks/run.py as a ratio against `run`). Issue 26: `breakeven` on the
file at every cap made 104 engine calls over 62,166 samples (141 per driver), then 21 over 8,623;
issue 27 runs the closed forms and the search side by side, 10 calls over 7,185 samples, then moves each
monetization item's rows on the item alone and confirms every answer: 19 calls over 7,413 samples, 0.35 s of engine time
instead of 1.03 s; and runs the digits shown just past a break-even (whatif/shown_limits.py): 20 over 7,434.
"""

from __future__ import annotations

import importlib.util
import math
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest

from aigc_roi.model.engine import FigureBatch, Result
from aigc_roi.model.scenario import Scenario
from aigc_roi.reader.load import load_text
from aigc_roi.whatif import drivers, item_slots
from aigc_roi.whatif.breakeven import THRESHOLDS, break_even
from aigc_roi.whatif.drivers import evaluate_one_at_a_time, list_drivers
from aigc_roi.whatif.sensitivity import grid, sensitivity

CAPS = Path(__file__).resolve().parents[2] / "benchmarks" / "caps.py"


def cap_scenario(items: int = 50, horizon: int = 120) -> Scenario:
    spec = importlib.util.spec_from_file_location("benchmarks_caps", CAPS)
    assert spec is not None and spec.loader is not None
    caps = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(caps)
    return load_text(caps.cap_scenario_text(items, horizon), "caps.yaml").scenario


class Work:
    calls = 0
    samples = 0


@pytest.fixture
def work(monkeypatch: pytest.MonkeyPatch) -> Iterator[Work]:
    counted = Work()
    # Every engine call of the what-ifs goes through whatif/drivers.py (a run, or a batch of figures) or, for the
    # rows moved on their items alone, whatif/item_slots.py.
    for module, name in ((drivers, "evaluate"), (drivers, "evaluate_batch"), (item_slots, "evaluate_batch")):
        original = getattr(module, name)

        def evaluate(scenario: Scenario, _original: Callable[..., Result | FigureBatch] = original,
                     **options: bool) -> Result | FigureBatch:
            result = _original(scenario, **options)
            counted.calls += 1
            counted.samples += result.figures["roi"].shape[0]
            return result

        monkeypatch.setattr(module, name, evaluate)
    yield counted


def test_the_cap_file_is_at_every_cap() -> None:
    scenario = cap_scenario()
    monetization = scenario.monetization
    assert scenario.horizon_months == 120
    assert {len(scenario.acquisition), len(monetization.plans), len(monetization.purchases), len(monetization.orders),
            len(scenario.costs.fixed)} == {50}
    # Each channel's unit cost and volume, each plan's price, conversion and renewal (and 10 fees), each
    # purchase's price (and 13 fees), each order's price and count (and 17 fees), serving.
    assert len(list_drivers(scenario)) == 100 + 160 + 63 + 117 + 1


@pytest.mark.slow
def test_breakeven_at_every_cap_is_bounded_and_each_answer_reproduces_its_threshold(work: Work) -> None:
    scenario = cap_scenario()
    table = break_even(scenario)
    rows = table.rows
    assert len(rows) == 441
    # Closed forms take at most 7 samples a driver, the search about 80 a driver it cannot solve so (a
    # threshold it finds no crossing of is not narrowed) and 2 more to confirm each answer, and a candidate at
    # the current value is one sample a call for all (and a moved item's current values one more). The steps:
    # the closed forms' lines beside the grid, their checks beside the widening, the narrowing's steps (7), the
    # confirmation of the answers, each at most three calls (the checks to the last bit, the other rows, the
    # rows moved on their items alone); the run of the current values, and of the digits just past a break-even.
    assert work.calls <= 3 * 11 + 2
    assert work.samples <= 17 * len(rows)
    # Roi is +72% now: only channels and serving can bring it to 0; payback (month 26 now) moves with most.
    assert sum(row.roi_zero is not None for row in rows) >= 50
    assert sum(row.payback_target is not None for row in rows) >= 250
    # Every answer re-run in one batch (one row per driver: a driver twice in a batch would be set twice):
    # at the value the threshold holds, a hair beyond it it fails.
    candidates = np.array([[row.driver.current] * 4 for row in rows])
    for d, row in enumerate(rows):
        for t, name in enumerate(THRESHOLDS):
            value = getattr(row, name)
            if value is not None:
                beyond = 1.0 if name in row.good_below else -1.0
                candidates[d, 2 * t:2 * t + 2] = value, value * (1 + beyond * 1e-6) + beyond * 1e-9
    figures = evaluate_one_at_a_time(scenario, [row.driver for row in rows], candidates)
    target = table.target_payback_months
    for d, row in enumerate(rows):
        if row.roi_zero is not None:
            at, past = figures["roi"][d, :2]
            assert 0 <= at < 1e-6 and past < 0, row.driver.path
        if row.payback_target is not None:
            at, past = figures["payback_month"][d, 2:]
            assert at <= target and (math.isnan(past) or past > target), row.driver.path


@pytest.mark.slow
def test_sensitivity_and_its_grid_at_every_cap_are_a_few_engine_calls(work: Work) -> None:
    scenario = cap_scenario()
    result = sensitivity(scenario)
    # Two moves of each of the 441 drivers and the current values, one sample for all, in batches of MAX_BATCH_CELLS;
    # and one sample of the current values of each item whose drivers move on it alone (whatif/item_slots.py): 50
    # plans, 50 purchases and the active users' serving.
    assert work.samples == 2 * 441 + 1 + 101
    assert work.calls <= 3
    assert len(result.rows) == 441
    before = work.calls
    table = grid(scenario, "acquisition[0].bid", "monetization.plans[0].price")
    assert work.calls == before + 1
    assert len(table.roi) == 5 and len(table.roi[0]) == 5
