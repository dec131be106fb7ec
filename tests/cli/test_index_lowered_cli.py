"""A conversion index above 1 / the plan's conversion is lowered to it in a sample, and said (QA-a, index).

docs/formulas.md §15: k x a plan's conversions <= 1, so with a plan converting 4% the index is at most 25. A range
``10..40`` (uniform, median 25: valid) is above 25 in half its draws; the engine used 25 there while
``--samples-out`` wrote the draw, and nothing was said. A fixed index of 1.25 beside a conversion uniform on
[70%, 90%] is above 1 / q where q > 80%, and ``--samples-out`` writes it as used too (model/sample_columns.py).
Counts come from the documented streams: PCG64 seeded by SeedSequence(seed, spawn_key=(0x72616E67, *path)); revenue
by hand: 1,000 users x k x q pay 10 once.
"""

from __future__ import annotations

import csv
import io
import json
import textwrap
from pathlib import Path

import numpy as np
import pytest
from cli_runner import invoke

PLAN = """\
name: Capped index
horizon_months: 3
acquisition:
  - name: Ads
    type: cpa
    bid: 5
    users: 1000
    months: 1
    conversion_index: {dist: uniform, low: 10, high: 40}
retention: {monthly_churn: 0.5}
monetization:
  plans:
    - {name: Monthly, price: 10, period: month, conversion: 0.04, renewal: 0}
"""
INDEX = "acquisition[0].conversion_index"
CONVERSION = "monetization.plans[0].conversion"
FIXED_INDEX = PLAN.replace("{dist: uniform, low: 10, high: 40}", "1.25").replace(
    "conversion: 0.04", "conversion: {dist: uniform, low: 0.7, high: 0.9}")
WHERE = (9, 23)
"""Where the index's value is written (line, column)."""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def draws(path: str, low: float, high: float, samples: int, seed: int = 0) -> np.ndarray:
    stream = np.random.SeedSequence(seed, spawn_key=(0x72616E67, *path.encode()))
    return np.random.Generator(np.random.PCG64(stream)).uniform(low, high, samples)


def rows(out: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))


@pytest.mark.parametrize("stream_from", [2_000_000, 1_000])
def test_a_drawn_index_above_the_ceiling_is_said_and_written_as_used(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stream_from: int) -> None:
    from aigc_roi.whatif import simulate

    monkeypatch.setattr(simulate, "STREAM_SAMPLES", stream_from)
    path, out = write(tmp_path, PLAN), tmp_path / "samples.csv"
    drawn = draws(INDEX, 10, 40, 3000)
    count = int(np.count_nonzero(drawn > 25))
    assert 1350 < count < 1650  # about half: the line is no rounding artefact
    result = invoke(["simulate", str(path), "--samples", "3000", "--samples-out", str(out), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (f"{path}:{WHERE[0]}:{WHERE[1]}: {INDEX}: {100 * count / 3000:.2f}% of the samples "
                             f"({count:,} of 3,000) had an index above 25 (1 / the largest plan conversion) and used 25 "
                             "instead (no more than all of a cohort subscribes); the figures include them\n")
    table = rows(out)  # every sample, streamed or not
    assert len(table) == 3000
    used = np.array([float(row[INDEX]) for row in table])
    np.testing.assert_array_equal(used, np.minimum(drawn, 25.0))
    # 1,000 users x k x 4% pay 10 once: 400 k, at most 10,000 (every user subscribed).
    np.testing.assert_allclose([float(row["gross_revenue"]) for row in table], 400 * used, rtol=1e-12)
    assert max(float(row["gross_revenue"]) for row in table) == pytest.approx(10_000, rel=1e-12)


def test_a_fixed_index_lowered_by_drawn_conversions_is_said_in_english_and_chinese(tmp_path: Path) -> None:
    path, out = write(tmp_path, FIXED_INDEX), tmp_path / "samples.csv"
    count = int(np.count_nonzero(draws(CONVERSION, 0.7, 0.9, 2000) > 0.8))
    assert 900 < count < 1100
    share = f"{100 * count / 2000:.2f}%"
    result = invoke(["simulate", str(path), "--samples", "2000", "--samples-out", str(out), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (f"{path}:{WHERE[0]}:{WHERE[1]}: {INDEX}: {share} of the samples ({count:,} of 2,000) had "
                             "an index above 1 / the largest plan conversion drawn in that sample and used that instead "
                             "(no more than all of a cohort subscribes); the figures include them\n")
    # The fixed index is a column too, as each sample used it: 1.25, or 1 / q where q > 80%; the revenue is
    # 1,000 x min(1.25 q, 1) x 10.
    table = rows(out)
    assert list(table[0])[1:3] == [INDEX, CONVERSION]
    np.testing.assert_allclose([float(row[INDEX]) for row in table],
                               [min(1.25, 1 / float(row[CONVERSION])) for row in table], rtol=1e-15)
    assert sum(float(row[INDEX]) == 1.25 for row in table) == 2000 - count
    np.testing.assert_allclose([float(row["gross_revenue"]) for row in table],
                               [10_000 * min(1.25 * float(row[CONVERSION]), 1.0) for row in table], rtol=1e-12)
    zh = invoke(["simulate", str(path), "--samples", "2000", "--lang", "zh", "--format", "json"])
    assert zh.stderr == (f"{path}:{WHERE[0]}:{WHERE[1]}: {INDEX}: {share} 的抽样（2,000 个中的 {count:,} 个）该指数高于 "
                         "1 / 同次抽样中最大的订阅转化率，已降为该值（订阅人数不超过同期群人数）；各项指标已计入这些抽样\n")
    assert invoke(["simulate", str(path), "--samples", "2000", "-q", "--format", "json"]).stderr == ""


def test_check_lists_the_lowered_index_where_it_is_written(tmp_path: Path) -> None:
    path = write(tmp_path, FIXED_INDEX + "targets: {min_payback_probability: 0.1}\n")
    result = invoke(["check", str(path), "--samples", "2000", "--format", "json"])
    [warning] = [item for item in json.loads(result.stdout)["warnings"] if item["path"] == INDEX]
    assert (warning["path"], warning["rule"], warning["line"], warning["column"]) == (INDEX, "draws-lowered", *WHERE)


def test_run_refuses_a_fixed_index_above_the_ceiling(tmp_path: Path) -> None:
    # A run uses the values as written: an index of 30 beside 4% would have 120% of a cohort subscribe.
    path = write(tmp_path, PLAN.replace("{dist: uniform, low: 10, high: 40}", "30"))
    result = invoke(["run", str(path)])
    assert result.exit_code == 2
    assert result.stderr == (f"{path}:{WHERE[0]}:{WHERE[1]}: {INDEX}: expected an index of at most 25: {CONVERSION[:-11]} "
                             "converts 0.04 of a cohort and index x conversion must stay <= 1, found 30\n")
