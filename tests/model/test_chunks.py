"""How many samples the engine evaluates at once (model/engine.py ``chunk_samples``)."""

from __future__ import annotations

import pytest

from aigc_roi.model.engine import by_month_channels, chunk_samples, chunk_samples_of
from aigc_roi.reader.load import load_text


@pytest.mark.parametrize(("horizon", "samples"), [(1, 262_144), (24, 10_922), (60, 4_369), (61, 4_369), (120, 4_369)])
def test_a_chunk_is_2_18_sample_months_up_to_60_months_and_60_months_samples_after(horizon: int, samples: int) -> None:
    # 2^18 = 262,144 sample-months: 262,144 / 24 = 10,922.7 and 262,144 / 60 = 4,369.1 samples, rounded down.
    assert chunk_samples(horizon) == samples


@pytest.mark.parametrize(("horizon", "channels", "samples"), [(120, 20, 1_747), (120, 8, 4_369), (120, 9, 3_883),
                                                              (24, 20, 8_738), (24, 1, 10_922)])
def test_the_months_of_channels_by_month_fit_one_reusable_block(horizon: int, channels: int, samples: int) -> None:
    # 32 MiB of float64 is 4,194,304 numbers: 4,194,304 / (20 x 120) = 1,747.6; 8 x 120 x 4,369 = 4,194,240 fits;
    # 4,194,304 / (9 x 120) = 3,883.6; 4,194,304 / (20 x 24) = 8,738.1, under the 10,922 of 24 months.
    assert chunk_samples(horizon, channels) == samples
    assert channels * horizon * samples * 8 <= 32 << 20


def test_channels_by_month_are_counted_by_their_values() -> None:
    scenario = load_text("""
name: Two channels by month
horizon_months: 12
acquisition:
  - {name: A, type: cpa, bid: {by_month: {1: 10, 12: 14}}, budget: 1000}
  - {name: B, type: cpa, bid: 12, budget: {by_month: {1: 500, 6: 900}}}
  - {name: C, type: cpa, bid: 12, budget: 1000}
retention: {monthly_churn: 0.3}
monetization: {purchases: [{name: Pack, price: 10, rate: 0.1}]}
""", "two.yaml").scenario
    assert by_month_channels(scenario) == 2
    # 262,144 / 12 = 21,845.3 samples; two channels' months, 4,194,304 / 24 = 174,762, do not bind.
    assert chunk_samples_of(scenario) == 21_845
