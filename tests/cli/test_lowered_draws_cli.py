"""Draws a sample does not use as drawn are said, and a constant may be written as any range (QA stats, 7).

A retention point uniform on [0.1, 0.25] after a point of 0.2 is lowered to 0.2 (retention never rises with age,
docs/formulas.md §9) in the draws above 0.2: a third of them in expectation, 0.05 / 0.15. The exact count comes
from the documented stream: PCG64 seeded by SeedSequence(seed, spawn_key=(0x72616E67, *path)). A triangular range
with low = mode = high is the constant it names, as "20..20" and an sd of 0 are.
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

LOWERED = """\
name: Lowered point
horizon_months: 12
acquisition:
  - {name: Ads, type: cpa, bid: 10, users: 1000, months: 1}
retention:
  points: {1: 0.3, 3: 0.2, 6: {dist: uniform, low: 0.1, high: 0.25}, 12: 0.05}
monetization:
  purchases: [{name: Credits, price: 1, rate: 1}]
"""
POINT = "retention.points[6]"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def lowered(samples: int, seed: int = 0) -> int:
    stream = np.random.SeedSequence(seed, spawn_key=(0x72616E67, *POINT.encode()))
    return int(np.count_nonzero(np.random.Generator(np.random.PCG64(stream)).uniform(0.1, 0.25, samples) > 0.2))


def where(path: Path) -> str:
    line = LOWERED.splitlines()[5]
    return f"{path}:6:{line.index('{dist') + 1}"


@pytest.mark.parametrize(("stream_from", "jobs"), [(2_000_000, "1"), (1_000, "1"), (2_000_000, "2")])
def test_a_retention_point_lowered_to_an_earlier_one_is_said_with_its_exact_share(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stream_from: int, jobs: str) -> None:
    from aigc_roi.whatif import simulate

    monkeypatch.setattr(simulate, "STREAM_SAMPLES", stream_from)
    path = write(tmp_path, LOWERED)
    count = lowered(3000)
    assert 900 < count < 1100  # about a third: the line is no rounding artefact
    result = invoke(["simulate", str(path), "--samples", "3000", "--jobs", jobs, "--format", "json"])
    assert result.exit_code == 0
    assert result.stderr == (f"{where(path)}: {POINT}: {100 * count / 3000:.2f}% of the draws ({count:,} of 3,000) "
                             "were above an earlier age's retention in their sample and were lowered to it (retention "
                             "never rises with age); the figures include them\n")


def test_the_lowered_draws_are_said_in_chinese_and_in_the_samples_table(tmp_path: Path) -> None:
    path = write(tmp_path, LOWERED)
    count = lowered(2000)
    out = tmp_path / "samples.csv"
    result = invoke(["simulate", str(path), "--samples", "2000", "--lang", "zh", "--samples-out", str(out),
                     "--format", "json"])
    assert result.stderr == (f"{where(path)}: {POINT}: {100 * count / 2000:.2f}% 的抽样值（2,000 个中的 {count:,} 个）"
                             "高于同次抽样中更早月龄的留存，已降为该值（留存不随月龄上升）；各项指标已计入这些抽样\n")
    points = [float(row[POINT]) for row in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")))]
    assert max(points) == 0.2 and points.count(0.2) == count


def test_a_triangle_of_no_width_is_the_constant_it_names(tmp_path: Path) -> None:
    path = write(tmp_path, LOWERED.replace("bid: 10", "bid: {dist: triangular, low: 20, mode: 20, high: 20}"))
    assert invoke(["validate", str(path)]).exit_code == 0
    cac = json.loads(invoke(["simulate", str(path), "--samples", "200", "-q", "--format", "json"]).stdout)["figures"]["cac"]
    assert (cac["p5"], cac["p95"], cac["mean"]) == (20.0, 20.0, 20.0)
    assert json.loads(invoke(["run", str(path), "--format", "json"]).stdout)["figures"]["cac"] == 20.0


def test_a_triangle_out_of_order_is_still_refused(tmp_path: Path) -> None:
    path = write(tmp_path, LOWERED.replace("bid: 10", "bid: {dist: triangular, low: 20, mode: 25, high: 22}"))
    result = invoke(["validate", str(path)])
    assert result.exit_code == 2
    assert "acquisition[0].bid: expected low <= mode <= high, found 20, 25, 22" in result.stdout + result.stderr
