"""SampleSlices cuts a realized scenario exactly as engine.take_samples does, walking its fields once."""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pytest

from aigc_roi.model.engine import take_samples
from aigc_roi.model.sample_slices import SampleSlices
from aigc_roi.model.sampling import realize
from aigc_roi.reader.load import load_text

# Ranges in a channel, by month, in retention points, a plan and a fixed cost; plain values beside them.
PLAN = """\
name: Slices
horizon_months: 12
acquisition:
  - {name: Test, type: cpa, bid: 9..13, budget: 20000, months: 1-3}
  - {name: Scale, type: cpa, bid: {by_month: {1: 10..14, 12: 16}}, budget: 60000, months: 4-12}
  - {name: Plain, type: cpa, bid: 12, budget: 5000}
organic_users: 300
retention: {points: {1: 0.3..0.5, 3: 0.25, 6: 0.1..0.2}}
monetization:
  plans: [{name: Monthly, price: 25..35, period: month, conversion: 0.04, renewal: 0.6..0.8}]
costs: {serving_per_active_user: 0.8, fixed: [{name: Tools, monthly: 300..1000}]}
"""


def _identical(a: Any, b: Any) -> bool:
    """Same types and fields all the way down, arrays equal element by element."""
    if isinstance(a, np.ndarray):
        return isinstance(b, np.ndarray) and a.shape == b.shape and bool(np.array_equal(a, b))
    if dataclasses.is_dataclass(a):
        return type(a) is type(b) and all(_identical(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a))
    if isinstance(a, tuple):
        return isinstance(b, tuple) and len(a) == len(b) and all(_identical(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


@pytest.mark.parametrize(("start", "stop"), [(0, 50), (0, 1), (49, 50), (17, 33)])
def test_a_slice_is_the_engines_slice(start: int, stop: int) -> None:
    realized = realize(load_text(PLAN, "slices.yaml").scenario, 50, np.random.default_rng(5))
    taken = SampleSlices(realized).take(start, stop)
    assert _identical(taken, take_samples(realized, start, stop))
    # The first channel's bid is the drawn bids start..stop-1 themselves.
    np.testing.assert_array_equal(taken.acquisition[0].bid, realized.acquisition[0].bid[start:stop])
    assert taken.acquisition[2] is realized.acquisition[2]  # a branch without samples is kept, not copied


def test_a_scenario_without_samples_comes_back_unchanged_and_a_bad_slice_is_refused() -> None:
    plain = realize(load_text(PLAN, "slices.yaml").scenario)
    assert SampleSlices(plain).take(0, 1) is plain
    realized = realize(load_text(PLAN, "slices.yaml").scenario, 10, np.random.default_rng(5))
    with pytest.raises(ValueError, match="0 <= start < stop <= 10"):
        SampleSlices(realized).take(4, 11)
