"""How many samples the engine evaluates at once (model/engine.py ``chunk_samples``)."""

from __future__ import annotations

import pytest

from aigc_roi.model.engine import by_month_channels, chunk_samples, chunk_samples_of, sampled_day_points
from aigc_roi.reader.load import load_text


@pytest.mark.parametrize(("horizon", "samples"), [(1, 262_144), (24, 10_922), (60, 4_369), (61, 4_297), (120, 2_184)])
def test_a_chunk_is_2_18_sample_months_at_every_horizon(horizon: int, samples: int) -> None:
    # 2^18 = 262,144 sample-months: / 24 = 10,922.7, / 60 = 4,369.1, / 61 = 4,297.4, / 120 = 2,184.5, rounded down.
    assert chunk_samples(horizon) == samples


@pytest.mark.parametrize(("horizon", "channels", "samples"), [(120, 40, 873), (120, 32, 1_092), (120, 33, 1_059),
                                                              (24, 40, 4_369), (24, 1, 10_922)])
def test_the_months_of_channels_by_month_fit_one_reusable_block(horizon: int, channels: int, samples: int) -> None:
    # 32 MiB of float64 is 4,194,304 numbers: 4,194,304 / (40 x 120) = 873.8; 4,194,304 / (32 x 120) = 1,092.3, under
    # the 2,184 of 120 months; 4,194,304 / (33 x 120) = 1,059.2; 4,194,304 / (40 x 24) = 4,369.1, under the 10,922 of
    # 24 months.
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


@pytest.mark.parametrize(("horizon", "days", "samples"), [(120, 3_653, 1_148), (120, 4_000, 1_048),
                                                          (24, 90, 10_922), (24, 770, 5_447)])
def test_a_chunk_fits_its_drawn_day_points_in_2_22_sample_days(horizon: int, days: int, samples: int) -> None:
    # 2^22 = 4,194,304 sample-days: / 3,653 = 1,148.2, under the 2,184 of 120 months; / 4,000 = 1,048.6;
    # at 24 months 90 days never bind, and 4,194,304 / 770 = 5,447.1 is under 10,922.
    assert chunk_samples(horizon, sampled_days=days) == samples


DAYS = """
name: Daily retention
horizon_months: 12
acquisition:
  - {{name: A, type: cpa, bid: 10, budget: 1000, retention: {{days: {{1: 0.5, 7: 0.3, 30: 0.2}}}}}}
retention: {{days: {{{plan_days}}}}}
monetization: {{purchases: [{{name: Pack, price: 10, rate: 0.1}}]}}
"""


@pytest.mark.parametrize(("plan_days", "drawn"), [
    (", ".join(f"{day}: {0.5 * day ** -0.3:.4f}" for day in range(1, 2001)), 0),
    (", ".join(f"{day}: {0.5 * day ** -0.3:.4f}" for day in range(1, 2000)) + ", 2000: 0.05..0.06", 2_000),
])
def test_only_a_retention_with_a_drawn_day_counts_all_its_days(plan_days: str, drawn: int) -> None:
    scenario = load_text(DAYS.format(plan_days=plan_days), "days.yaml").scenario
    assert sampled_day_points(scenario) == drawn
    # 262,144 / 12 = 21,845 samples, or 4,194,304 / 2,000 = 2,097 where the plan's 2,000 days are fitted per sample.
    assert chunk_samples_of(scenario) == (21_845 if not drawn else 2_097)
