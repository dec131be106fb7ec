"""What moved each figure when a value changes form: one number becomes a schedule or a range (docs/formulas.md §13, §14)."""

from __future__ import annotations

from pathlib import Path

import pytest

from aigc_roi import api

PLAN = """\
name: {name}
horizon_months: 2
acquisition:
  - {{name: CPA, type: cpa, bid: {bid}, users: 100}}
retention: {{monthly_churn: 1}}
monetization:
  purchases: [{{name: item, price: {price}, rate: 1}}]
"""


def versions(tmp_path: Path, bid: str) -> tuple[Path, Path]:
    base, new = tmp_path / "base.yaml", tmp_path / "new.yaml"
    base.write_text(PLAN.format(name="Base", bid=10, price=30), encoding="utf-8")
    new.write_text(PLAN.format(name="New", bid=bid, price=40), encoding="utf-8")
    return base, new


def test_a_number_that_becomes_a_schedule_is_one_change_of_the_whole_field(tmp_path: Path) -> None:
    changes = api.explain_change(*versions(tmp_path, "{by_month: {1: 10, 2: 20}}"))
    assert [(change.path, change.before, change.after) for change in changes.changes] == [
        ("acquisition[0].bid", "10", "{by_month: {1: 10, 2: 20}}"), ("monetization.purchases[0].price", "30", "40")]
    npv = next(item for item in changes.explanation.attributions if item.figure == "npv")
    # 100 users a month, each buying once in its join month only. Base: 2 x 100 x (30 - 10) = 4,000.
    # The schedule alone spends 1,000 + 2,000: 3,000; the price alone earns 8,000 - 2,000: 6,000; both 5,000.
    # bid: ((3,000 - 4,000) + (5,000 - 6,000)) / 2 = -1,000; price: ((6,000 - 4,000) + (5,000 - 3,000)) / 2 = 2,000.
    assert (npv.base, npv.new) == (4_000, 5_000)
    assert npv.shares == pytest.approx((-1_000, 2_000))


def test_a_number_that_becomes_a_range_is_one_change_too(tmp_path: Path) -> None:
    changes = api.explain_change(*versions(tmp_path, "{dist: uniform, low: 10, high: 20}"))
    assert changes.changes[0].path == "acquisition[0].bid"
    npv = next(item for item in changes.explanation.attributions if item.figure == "npv")
    # A run uses the range's median 15: spend 3,000, as the schedule above.
    assert npv.shares == pytest.approx((-1_000, 2_000))
