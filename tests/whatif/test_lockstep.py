"""Drivers moved alone in batches (whatif/drivers.py) and searches run side by side (whatif/lockstep.py).

On the spec's worked example: 1,000 users bought in month 1 at a bid b, each contributing 15.75 over the
3 months, so roi = (15,750 - 1,000 b) / (1,000 b), and cumulative cash is 9,000 - 1,000 b, then 4,500 and
2,250 more (revenue 10 x 1,000, 500, 250 active users, serving 1 each, the spend in month 1).
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
from spec_example import WORKED_EXAMPLE

from aigc_roi.model.engine import FigureBatch
from aigc_roi.model.sampling import realize
from aigc_roi.model.scenario import Scenario
from aigc_roi.reader.load import load_text
from aigc_roi.whatif import drivers
from aigc_roi.whatif.drivers import find_driver, list_drivers, moved_alone
from aigc_roi.whatif.lockstep import Answer, Steps, run_together


@pytest.fixture
def samples_per_call(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    calls: list[int] = []
    original = drivers.evaluate_batch

    def counted(scenario: Scenario, **options: bool) -> FigureBatch:
        batch = original(scenario, **options)
        calls.append(batch.figures["roi"].shape[0])
        return batch

    monkeypatch.setattr(drivers, "evaluate_batch", counted)
    yield calls


def worked_example() -> Scenario:
    return realize(load_text(WORKED_EXAMPLE, "s.yaml").scenario)


def test_rows_at_the_current_value_share_one_sample(samples_per_call: list[int]) -> None:
    scenario = worked_example()
    bid = find_driver(list_drivers(scenario), "acquisition[0].bid")
    rows = moved_alone(scenario, [(bid, np.array([20.0, 10.0, 20.0])), (bid, np.array([15.0, 20.0]))],
                       ["cumulative_cash"])
    # One call of 3 samples: the bid of 20 today (asked three times), 10 and 15.
    assert samples_per_call == [3]
    assert rows[0][0]["roi"] == pytest.approx([-0.2125, 0.575, -0.2125])
    assert rows[1][0]["roi"] == pytest.approx([0.05, -0.2125])
    assert rows[0][1]["cumulative_cash"][1] == pytest.approx([-1_000, 3_500, 5_750])
    assert rows[1][1]["cumulative_cash"][0] == pytest.approx([-6_000, -1_500, 750])


def test_searches_side_by_side_take_one_engine_call_a_step(samples_per_call: list[int]) -> None:
    scenario = worked_example()
    found = list_drivers(scenario)
    bid, price = find_driver(found, "acquisition[0].bid"), find_driver(found, "monetization.purchases[0].price")

    def two_steps() -> Steps[tuple[float, float]]:
        first: Answer = yield [bid], np.array([[10.0]])
        second: Answer = yield [bid], np.array([[15.0]])
        return first[0]["roi"][0, 0], second[0]["roi"][0, 0]

    def one_step() -> Steps[np.ndarray]:
        answer: Answer = yield [price], np.array([[20.0]])
        return answer[1]["cumulative_cash"][0, 0]

    by_bid, by_price = run_together(scenario, [two_steps(), one_step()])
    # The first step of both searches is one call, the second of the longer one the next.
    assert samples_per_call == [2, 1]
    assert by_bid == pytest.approx((0.575, 0.05))
    # A price of 20 doubles the revenue: 20,000 - 1,000 - 20,000, then 10,000 - 500 and 5,000 - 250 more.
    assert by_price == pytest.approx([-1_000, 8_500, 13_250])
