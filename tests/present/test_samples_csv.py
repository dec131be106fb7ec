"""`simulate --samples-out FILE.csv` is written in blocks of rows (QA fin3 F5) as the chunks are evaluated; the bytes
are those of the row-at-a-time writer it replaced: repr of each float (a whole month as its integer), an empty cell for
none, rows numbered from 0, whatever the blocks and chunks."""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path

import pytest

from aigc_roi import api
from aigc_roi.present import samples as samples_module
from aigc_roi.present.samples import WHOLE_MONTHS, SamplesWriter
from aigc_roi.whatif.simulate import Simulation

# Half the bids are negative (no ad spend: ROAS and CAC are none there), the price and a retention point ranged too.
PLAN = """version: 1
name: Samples CSV
horizon_months: 3
acquisition:
  - {name: CPA, type: cpa, bid: {dist: uniform, low: -20, high: 20}, users: 1000, months: 1}
retention: {points: {1: 1, 2: 0.3..0.6, 3: 0.2}}
monetization:
  purchases: [{name: Item, price: 8..12, rate: 1}]
costs: {serving_per_active_user: 1}
"""


def _row_at_a_time(simulation: Simulation) -> bytes:
    """The writer as it was before blocks (present/samples.py up to QA fin3 F5), with the currency column every CSV
    table of amounts now ends with and whole months written as integers."""
    columns = {**simulation.inputs, **simulation.sample_figures}
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(["sample", *columns, "currency"])
    for sample, row in enumerate(zip(*columns.values(), strict=True)):
        writer.writerow([sample, *("" if value != value else str(int(value)) if name in WHOLE_MONTHS else repr(float(value))
                                   for name, value in zip(columns, row, strict=True)), "USD"])
    return text.getvalue().encode("utf-8")


@pytest.mark.parametrize("block_cells", [samples_module.BLOCK_CELLS, 1, 50])
def test_blocks_write_the_same_bytes_as_rows_one_at_a_time(tmp_path: Path, block_cells: int,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    monkeypatch.setattr(samples_module, "BLOCK_CELLS", block_cells)
    file = io.BytesIO()
    rows = SamplesWriter(file, "csv", "USD")
    simulation = api.simulate(api.load(tmp_path / "plan.yaml"), samples=997, seed=3, samples_sink=rows)
    rows.close()
    assert any(math.isnan(value) for values in simulation.sample_figures.values() for value in values)
    written = file.getvalue()
    assert written == _row_at_a_time(simulation)
    assert written.count(b"\n") == 998
