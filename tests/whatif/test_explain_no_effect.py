"""A change that cannot move a figure takes exactly 0 of its change (QA: huatu.yaml -> huatu2.yaml).

ROI is paid contribution over ad spend, before fixed costs (docs/formulas.md §2), so a fixed cost's share of
ROI is 0. It read 2.22e-17 in `compare --explain -f csv`: the split read the empty and the whole combination from
their own runs and every other from samples of one engine call, the same ROI in two summation orders, last bits
apart. Every combination now reads the same call.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from cli_runner import invoke
from spec_example import EVERY_ITEM

from aigc_roi import api

FIXED = ("monthly: 600", "monthly: 2500")
"""EVERY_ITEM's one fixed cost, 600 a month, raised by 1,900."""
OTHERS = {
    "conversion": ("conversion: 4%", "conversion: 6%"),
    "yearly price": ("price: 199,", "price: 249,"),
    "pack rate": ("rate: 0.02,", "rate: 0.03,"),
    "budget": ("budget: 50000", "budget: 70000"),
    "order price": ("price: 5000", "price: 6000"),
}


def _pair(tmp_path: Path, *others: str) -> tuple[Path, Path]:
    new = EVERY_ITEM
    for was, now in (FIXED, *(OTHERS[other] for other in others)):
        assert was in new
        new = new.replace(was, now, 1)
    base, changed = tmp_path / "base.yaml", tmp_path / "new.yaml"
    base.write_text(EVERY_ITEM, encoding="utf-8")
    changed.write_text(new, encoding="utf-8")
    return base, changed


@pytest.mark.parametrize("others", [("conversion",), ("yearly price", "pack rate"), ("pack rate", "budget"),
                                    ("conversion", "order price"), tuple(OTHERS)])
def test_a_fixed_cost_takes_no_share_of_roi(tmp_path: Path, others: tuple[str, ...]) -> None:
    changes = api.explain_change(*_pair(tmp_path, *others))
    fixed = [change.path for change in changes.changes].index("costs.fixed[0].monthly")
    shares = {item.figure: item.shares for item in changes.explanation.attributions}
    assert shares["roi"] is not None and shares["roi"][fixed] == 0.0
    # It moves NPV by itself alone, whatever the other changes: 1,900 less in each of the 14 months, each
    # discounted at its end at m = 1.12^(1/12) - 1.
    m = 1.12 ** (1 / 12) - 1
    assert shares["npv"] is not None
    assert shares["npv"][fixed] == pytest.approx(-1_900 * sum((1 + m) ** -t for t in range(1, 15)), rel=1e-12)


def test_the_csv_writes_that_share_as_0(tmp_path: Path) -> None:
    base, new = _pair(tmp_path, "conversion")
    rows = list(csv.reader(io.StringIO(invoke(["compare", str(base), str(new), "--explain", "-f", "csv"]).stdout)))
    [fixed] = [row for row in rows if row[:2] == ["roi", "costs.fixed[0].monthly"]]
    assert fixed[5] == "0"


def test_the_ends_of_the_split_are_still_the_runs(tmp_path: Path) -> None:
    """The split's ends are samples of the call, within 1e-9 of the runs; the base and new it shows are the runs."""
    base, new = _pair(tmp_path, "conversion", "budget")
    changes = api.explain_change(base, new)
    runs = api.figures(api.load(base)), api.figures(api.load(new))
    for item in changes.explanation.attributions:
        assert (item.base, item.new) == (runs[0][item.figure], runs[1][item.figure])
        if item.base is not None and item.new is not None:  # a payback that never comes on either side
            assert item.shares is not None and sum(item.shares) == pytest.approx(item.new - item.base, rel=1e-9)
