"""`simulate --samples-out` past the streaming threshold writes every sample's row, the rows an in-memory run writes.

The threshold (whatif/simulate.py ``STREAM_SAMPLES``) and the CSV's block (present/samples.py ``BLOCK_CELLS``) are
lowered so that a few hundred samples stream, in chunks and blocks that do not line up. The plan of
tests/present/test_samples_csv.py leaves figures none in about half the samples (a bid clipped to 0 spends nothing).
"""

from __future__ import annotations

import csv
import importlib.util
import io
import math
from pathlib import Path

import pytest
from cli_runner import invoke
from test_simulate_cli import UNIFORM_BID, write

from aigc_roi.present import samples as samples_module
from aigc_roi.whatif import simulate as simulate_module

NONE_IN_HALF = """\
version: 1
name: Samples CSV
horizon_months: 3
acquisition:
  - {name: CPA, type: cpa, bid: {dist: uniform, low: -20, high: 20}, users: 1000, months: 1}
retention: {points: {1: 1, 2: 0.3..0.6, 3: 0.2}}
monetization:
  purchases: [{name: Item, price: 8..12, rate: 1}]
costs: {serving_per_active_user: 1}
"""


def samples_csv(tmp_path: Path, plan: Path, samples: int, name: str, *more: str) -> str:
    out = tmp_path / name
    result = invoke(["simulate", str(plan), "--samples", str(samples), "--seed", "5", "--samples-out", str(out),
                     "-f", "json", *more])
    assert result.exit_code == 0, result.stderr
    return out.read_text(encoding="utf-8")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_streamed_run_writes_every_row_an_in_memory_run_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 jobs: str) -> None:
    plan = write(tmp_path, NONE_IN_HALF)
    in_memory = samples_csv(tmp_path, plan, 700, "memory.csv", "-j", jobs)
    shorter = samples_csv(tmp_path, plan, 40, "shorter.csv", "-j", jobs)
    monkeypatch.setattr(simulate_module, "STREAM_SAMPLES", 100)
    monkeypatch.setattr(samples_module, "BLOCK_CELLS", 77)
    streamed = samples_csv(tmp_path, plan, 700, "streamed.csv", "-j", jobs)
    rows = list(csv.reader(io.StringIO(streamed)))
    assert len(rows) == 1 + 700 and [row[0] for row in rows[1:]] == [str(sample) for sample in range(700)]
    assert any(cell == "" for row in rows for cell in row)
    assert streamed == in_memory
    # The first samples of a longer run are the same samples (docs/simulate.md, Reproducibility).
    assert streamed.splitlines()[:41] == shorter.splitlines()


def test_every_streamed_row_holds_its_own_bid_and_the_figures_it_makes(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # 1000 users bought at bid B who stay and pay 1 a month: 24 months net 24000 - 1000 B, paid back in max(1, ceil(B)).
    monkeypatch.setattr(simulate_module, "STREAM_SAMPLES", 100)
    rows = list(csv.DictReader(io.StringIO(samples_csv(tmp_path, write(tmp_path, UNIFORM_BID), 450, "s.csv"))))
    assert len(rows) == 450 and rows[-1]["sample"] == "449"
    for row in rows:
        bid = float(row["acquisition[0].bid"])
        assert 0 <= bid <= 20
        assert float(row["net_cash"]) == pytest.approx(24000 - 1000 * bid, rel=1e-12, abs=1e-9)
        assert row["payback_month"] == str(max(1, math.ceil(bid)))


@pytest.mark.skipif(importlib.util.find_spec("pyarrow") is None or importlib.util.find_spec("pandas") is None,
                    reason="Parquet needs pandas and pyarrow")
def test_a_streamed_parquet_holds_every_row_of_the_csv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pandas as pd

    plan = write(tmp_path, NONE_IN_HALF)
    monkeypatch.setattr(simulate_module, "STREAM_SAMPLES", 100)
    monkeypatch.setattr(samples_module, "BLOCK_CELLS", 77)
    written = samples_csv(tmp_path, plan, 700, "s.csv")
    out = tmp_path / "s.parquet"
    assert invoke(["simulate", str(plan), "--samples", "700", "--seed", "5", "--samples-out", str(out),
                   "-f", "json"]).exit_code == 0
    frame = pd.read_parquet(out)
    # Months are whole in both forms: the CSV's integers read as the Parquet's nullable Int64.
    expected = pd.read_csv(io.StringIO(written), index_col="sample", dtype=dict.fromkeys(samples_module.WHOLE_MONTHS, "Int64"))
    assert frame.index.name == "sample" and list(frame.index) == list(range(700))
    assert list(frame.columns) == list(expected.columns)
    pd.testing.assert_frame_equal(frame, expected, check_dtype=False, check_index_type=False, rtol=0, atol=0)
