"""A range's 90% interval, P5 to P95 (model/scenario.py ``Distribution.interval``): a lognormal or normal range is
written as one; a uniform or triangular one is written by its support, and its interval lies inside.

By hand: uniform on [a, b] has P_q = a + q (b - a); triangular on [a, b] with mode c has
P_q = a + sqrt(q (b - a)(c - a)) while q <= (c - a) / (b - a), else b - sqrt((1 - q)(b - a)(b - c)).
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from aigc_roi.model.scenario import Distribution


@pytest.mark.parametrize(("distribution", "interval"), [
    (Distribution("lognormal", 300, 1000), (300, 1000)),
    (Distribution("normal", -1, 3), (-1, 3)),
    (Distribution("uniform", 500, 1500), (550, 1450)),
    # 0.05 x 5 x 2 = 0.5 and 0.05 x 5 x 3 = 0.75 under the roots: the tester's 10.71 and 14.13.
    (Distribution("triangular", 10, 15, mode=12), (10 + math.sqrt(0.5), 15 - math.sqrt(0.75))),
    # The mode above the middle: sqrt(0.05 x 10 x 8) = 2 and 10 - sqrt(0.05 x 10 x 2) = 9.
    (Distribution("triangular", 0, 10, mode=8), (2, 9)),
    # The mode at an end: P5 on the long side, 10 - sqrt(0.95 x 10 x 10).
    (Distribution("triangular", 0, 10, mode=0), (10 - math.sqrt(95), 10 - math.sqrt(5))),
    (Distribution("triangular", 4, 4, mode=4), (4, 4)),
])
def test_interval_is_the_5th_to_the_95th_percentile(distribution: Distribution, interval: tuple[float, float]) -> None:
    assert distribution.interval() == pytest.approx(interval, rel=1e-12)


def test_the_triangular_interval_is_that_of_its_draws() -> None:
    draws = np.random.default_rng(0).triangular(10, 12, 15, 400_000)
    low, high = Distribution("triangular", 10, 15, mode=12).interval()
    assert np.quantile(draws, [0.05, 0.95]) == pytest.approx([low, high], abs=0.02)
