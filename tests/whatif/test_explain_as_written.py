"""`compare --explain`'s `from_text` and `to_text` are each value as the file writes it (docs/formulas.md §13).

A finance reviewer compared a base whose bid is a range written as a mapping, a flow one, a block one, or the bundled
scenarios/chat-assistant-cpa.yaml's ``{dist: triangular, low: 10, mode: 12, high: 15}``, against ``bid: 14``. Beside
the text each side's number was read back as ``str(float)`` (``0.30`` as 0.3, ``1_000`` as 1000), a mapping's quoted
parts lost the quotes the file writes, and a range mapping that gains or drops its ``dist`` and ``mode`` was split
into ``bid.dist, bid.mode`` ``— → triangular, 12`` one way and not split at all the other."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi import api

PLAN = """\
name: as written
horizon_months: 6
acquisition:
  - name: Block
    type: cpa
    bid:{block}
    budget: 1_000
  - {{name: Flow, type: cpa, bid: {flow}, budget: 1000}}
retention: {{monthly_churn: {churn}}}
monetization:
  purchases: [{{name: p, price: 10, rate: 0.5}}]
"""
RANGES = {"block": "\n      low: 10   # the industry's\n      high: '15'", "flow": '{dist: "triangular", low: 10,  mode: 12, high: 15}',
          "churn": "0.30"}
NUMBERS = {"block": " 14", "flow": "14", "churn": "0.20"}


def _write(tmp_path: Path, name: str, values: dict[str, str]) -> Path:
    path = tmp_path / name
    path.write_text(PLAN.format(**values), encoding="utf-8")
    return path


def _texts(base: Path, new: Path) -> dict[str, tuple[str | None, str | None]]:
    return {change.path: (change.before, change.after) for change in api.explain_change(base, new).changes}


def test_each_side_reads_as_the_file_writes_it(tmp_path: Path) -> None:
    ranges, numbers = _write(tmp_path, "ranges.yaml", RANGES), _write(tmp_path, "numbers.yaml", NUMBERS)
    # A mapping on one line, each key and value as written (quotes and all), whatever its layout; a number as its text.
    written = {"acquisition[0].bid": "{low: 10, high: '15'}",
               "acquisition[1].bid": '{dist: "triangular", low: 10, mode: 12, high: 15}',
               "retention.monthly_churn": "0.30"}
    shown = {"acquisition[0].bid": "14", "acquisition[1].bid": "14", "retention.monthly_churn": "0.20"}
    assert _texts(ranges, numbers) == {path: (text, shown[path]) for path, text in written.items()}
    assert _texts(numbers, ranges) == {path: (shown[path], text) for path, text in written.items()}


def test_the_csv_keeps_the_text_and_reads_the_numbers(tmp_path: Path) -> None:
    ranges, numbers = _write(tmp_path, "ranges.yaml", RANGES), _write(tmp_path, "numbers.yaml", NUMBERS)
    result = invoke(["compare", str(ranges), str(numbers), "--explain", "-f", "csv"])
    assert result.exit_code == 0, result.stderr
    rows = {row["path"]: row for row in csv.DictReader(io.StringIO(result.stdout)) if row["figure"] == "npv"}
    assert [rows["retention.monthly_churn"][key] for key in ("from", "to", "from_text", "to_text")] == [
        "0.3", "0.2", "0.30", "0.20"]
    assert [rows["acquisition[1].bid"][key] for key in ("from", "to", "from_text", "to_text")] == [
        "", "14", '{dist: "triangular", low: 10, mode: 12, high: 15}', "14"]


@pytest.mark.parametrize(("before", "after"), [
    ("{low: 10, high: 15}", "{dist: triangular, low: 10, mode: 12, high: 15}"),
    ("{dist: triangular, low: 10, mode: 12, high: 15}", "{low: 10, high: 15}"),
])
def test_a_range_that_gains_or_drops_its_shape_is_one_value(tmp_path: Path, before: str, after: str) -> None:
    base = _write(tmp_path, "base.yaml", {**NUMBERS, "flow": before})
    new = _write(tmp_path, "new.yaml", {**NUMBERS, "flow": after})
    changes = api.explain_change(base, new)
    assert [(change.path, change.before, change.after) for change in changes.changes] == [
        ("acquisition[1].bid", before, after)]
    assert changes.not_split == () and all(value in (0.0, None) for value in changes.unexplained.values())
