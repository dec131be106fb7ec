"""How many samples the engine evaluates at once (model/engine.py ``chunk_samples``)."""

from __future__ import annotations

import pytest

from aigc_roi.model.engine import chunk_samples


@pytest.mark.parametrize(("horizon", "samples"), [(1, 262_144), (24, 10_922), (60, 4_369), (61, 4_369), (120, 4_369)])
def test_a_chunk_is_2_18_sample_months_up_to_60_months_and_60_months_samples_after(horizon: int, samples: int) -> None:
    # 2^18 = 262,144 sample-months: 262,144 / 24 = 10,922.7 and 262,144 / 60 = 4,369.1 samples, rounded down.
    assert chunk_samples(horizon) == samples
