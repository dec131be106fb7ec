"""A plan's conversions by age that sum past 1 in a sample are scaled down to sum to 1, said, and written as used.

docs/formulas.md §9: each user subscribes once, so a plan's conversions by age sum to at most 1; the reader holds
the medians to it, but each age's share is drawn on its own. ``{0: uniform 20%..100%, 1: uniform 30%..50%}`` sums
to 1 at the medians and past it wherever the draws q0 + q1 do, about half the samples: the engine scaled those to
q0 / (q0 + q1) and q1 / (q0 + q1) without a word while ``--samples-out`` wrote the draws. Counts come from the
documented streams (PCG64 seeded by SeedSequence(seed, spawn_key=(0x72616E67, *path))); revenue by hand: 1,000 users
who never churn, each paying 10 once at the age they subscribe, 10,000 x the shares' sum.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import numpy as np
import pytest
from cli_runner import invoke
from test_index_lowered_cli import draws, write

PLAN = """\
name: Conversions past 1
horizon_months: 3
acquisition:
  - {name: Ads, type: cpa, bid: 5, users: 1000, months: 1}
retention: {monthly_churn: 0}
monetization:
  plans:
    - name: Monthly
      price: 10
      period: month
      conversion: {0: {dist: uniform, low: 0.2, high: 1.0}, 1: {dist: uniform, low: 0.3, high: 0.5}}
      renewal: 0
"""
SCHEDULE = "monetization.plans[0].conversion"
AGE_0, AGE_1 = f"{SCHEDULE}[0]", f"{SCHEDULE}[1]"
WHERE = "11:19"
"""Where the schedule is written (line:column of its mapping)."""


@pytest.mark.parametrize(("stream_from", "jobs"), [(2_000_000, "1"), (1_000, "1"), (1_000, "2")])
def test_conversions_summing_past_1_are_said_with_their_share_and_written_as_used(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stream_from: int, jobs: str) -> None:
    from aigc_roi.whatif import simulate

    monkeypatch.setattr(simulate, "STREAM_SAMPLES", stream_from)
    path, out = write(tmp_path, PLAN), tmp_path / "samples.csv"
    q0, q1 = draws(AGE_0, 0.2, 1.0, 3000), draws(AGE_1, 0.3, 0.5, 3000)
    count = int(np.count_nonzero(q0 + q1 > 1))
    assert 1350 < count < 1650  # about half: the line is no rounding artefact
    result = invoke(["simulate", str(path), "--samples", "3000", "--samples-out", str(out), "--jobs", jobs,
                     "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (f"{path}:{WHERE}: {SCHEDULE}: {100 * count / 3000:.2f}% of the samples ({count:,} of "
                             "3,000) drew conversions by age summing past 1 and were scaled down to sum to 1 (each "
                             "user subscribes once); the figures include them\n")
    table = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    first, second = (np.array([float(row[age]) for row in table]) for age in (AGE_0, AGE_1))
    total = np.maximum(q0 + q1, 1.0)
    np.testing.assert_allclose(first, q0 / total, rtol=1e-15)
    np.testing.assert_allclose(second, q1 / total, rtol=1e-15)
    np.testing.assert_allclose([float(row["gross_revenue"]) for row in table], 10_000 * np.minimum(q0 + q1, 1.0),
                               rtol=1e-12)


def test_the_scaled_samples_are_said_in_chinese(tmp_path: Path) -> None:
    path = write(tmp_path, PLAN)
    count = int(np.count_nonzero(draws(AGE_0, 0.2, 1.0, 2000) + draws(AGE_1, 0.3, 0.5, 2000) > 1))
    result = invoke(["simulate", str(path), "--samples", "2000", "--lang", "zh", "--format", "json"])
    assert result.exit_code == 0
    assert result.stderr == (f"{path}:{WHERE}: {SCHEDULE}: {100 * count / 2000:.2f}% 的抽样（2,000 个中的 {count:,} 个）"
                             "各月龄转化率之和超过 1，已按比例缩小至和为 1（每位用户只订阅一次）；各项指标已计入这些抽样\n")


def test_conversions_that_never_sum_past_1_say_nothing(tmp_path: Path) -> None:
    never = PLAN.replace("{dist: uniform, low: 0.3, high: 0.5}", "{dist: uniform, low: 0, high: 0}")
    result = invoke(["simulate", str(write(tmp_path, never)), "--samples", "2000",
                     "--format", "json"])
    assert result.exit_code == 0 and result.stderr == ""


FIXED_BESIDE = PLAN.replace("1: {dist: uniform, low: 0.3, high: 0.5}", "1: 0.4")


@pytest.mark.parametrize(("stream_from", "jobs"), [(2_000_000, "1"), (1_000, "1"), (1_000, "2")])
def test_a_fixed_share_of_a_scaled_schedule_is_written_as_used(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stream_from: int, jobs: str) -> None:
    """``{0: uniform 20%..100%, 1: 40%}`` sums past 1 where q0 > 60%, half the samples, and there the 40% was used as
    0.4 / (q0 + 0.4) with no column saying so: it is one now, after the drawn share, as the schedule reads."""
    from aigc_roi.whatif import simulate

    monkeypatch.setattr(simulate, "STREAM_SAMPLES", stream_from)
    path, out = write(tmp_path, FIXED_BESIDE), tmp_path / "samples.csv"
    q0 = draws(AGE_0, 0.2, 1.0, 3000)
    assert 1350 < int(np.count_nonzero(q0 > 0.6)) < 1650
    result = invoke(["simulate", str(path), "--samples", "3000", "--samples-out", str(out), "--jobs", jobs,
                     "--format", "json"])
    assert result.exit_code == 0, result.stderr
    table = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert list(table[0])[1:3] == [AGE_0, AGE_1]
    total = np.maximum(q0 + 0.4, 1.0)
    np.testing.assert_allclose([float(row[AGE_0]) for row in table], q0 / total, rtol=1e-15)
    np.testing.assert_allclose([float(row[AGE_1]) for row in table], 0.4 / total, rtol=1e-15)
    assert sum(float(row[AGE_1]) == 0.4 for row in table) == int(np.count_nonzero(q0 <= 0.6))
    np.testing.assert_allclose([float(row["gross_revenue"]) for row in table], 10_000 * np.minimum(q0 + 0.4, 1.0),
                               rtol=1e-12)
    # The variance is split among the ranges alone: the fixed share only follows q0.
    assert list(json.loads(result.stdout)["variance_shares"]["net_cash"]) == [AGE_0]
