"""Every CSV cell listing names splits back into the names, however they are spelt (docs/formulas.md §8, "Names in a
CSV cell"): before, ``A; B`` in compare's ``best`` read as two scenarios where one was named ``A; B``, and alike
breakeven's gates, compare's ``note`` and the ``what_if`` column.

Plans, by hand. PLAN buys 100 users a month at a bid b for 3 months: ad spend 300 b for 300 paid users, so its
CAC is b, lower better; at b = 0 it has no ad spend and its paid payback month says nothing ("no_ad_spend" in the
note). The flip plan is tests/cli/test_breakeven_flip_csv.py's with a second gate: T's ROAS over months 1-2 is
2,500 / (200 b) = 12.5 / b, so 'test; pass' (ROAS >= 7) passes while b <= 2,500 / 1,400 and 'always "on"' (ROAS >=
0.001) while b <= 12,500; from b = 1 the first flips first, at 2,500 / 1,400, 'always "on"' passed either side.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from breakeven_plans import GATED_S4
from cli_runner import invoke

PLAN = """version: 1
name: '{name}'
horizon_months: 3
acquisition:
  - {{name: T, type: cpa, bid: {bid}, users: 100}}
retention: {{monthly_churn: 0.5}}
monetization:
  purchases: [{{name: Item, price: 10, rate: 1}}]
"""
FLIP = """version: 1
name: two gates
horizon_months: 4
acquisition:
  - {name: T, type: cpa, bid: 1, users: 100}
  - {name: U, type: cpa, bid: 20, users: 100, months: 3-4}
  - {name: V, type: cpa, bid: 20, users: 1, months: 3-4}
gates:
  - {name: 'always "on"', after_month: 2, channels: [T], min_roas: 0.001, then: [V]}
  - {name: 'test; pass', after_month: 2, channels: [T], min_roas: 7, then: [U]}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: item, price: 10, rate: 1}]
"""
SEMI, QUOTED = "test; pass", 'always "on"'


def split(cell: str) -> list[str]:
    """The docs' recipe: the cell as CSV with ";" between fields, the spaces after it skipped."""
    return next(csv.reader([cell], delimiter=";", skipinitialspace=True), [])


def _plan(tmp_path: Path, file: str, name: str, bid: float) -> str:
    path = tmp_path / file
    # YAML's single quotes: a quote inside is itself; a single quote would be doubled (none here).
    path.write_text(PLAN.format(name=name, bid=bid), encoding="utf-8")
    return str(path)


def _csv(*args: str) -> list[dict[str, str]]:
    result = invoke([*args, "-f", "csv", "-q"])
    assert result.exit_code == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_compares_best_splits_into_the_scenarios_names(tmp_path: Path) -> None:
    files = [_plan(tmp_path, "ab.yaml", "A; B", 10), _plan(tmp_path, "hi.yaml", 'say "hi"', 10),
             _plan(tmp_path, "c.yaml", "C", 12)]
    rows = {row["figure"]: row for row in _csv("compare", *files)}
    # CAC is the bid: 10, 10 and 12, the two at 10 best.
    assert (rows["cac"]["A; B"], rows["cac"]['say "hi"'], rows["cac"]["C"]) == ("10", "10", "12")
    assert split(rows["cac"]["best"]) == ["A; B", 'say "hi"']
    # Two files: "A; B" alone is one scenario, not two.
    rows = {row["figure"]: row for row in _csv("compare", files[0], files[2])}
    assert split(rows["cac"]["best"]) == ["A; B"]


def test_compares_best_on_risk_splits_too(tmp_path: Path) -> None:
    files = [_plan(tmp_path, "ab.yaml", "A; B", 10), _plan(tmp_path, "c.yaml", "C", 12),
             _plan(tmp_path, "hi.yaml", 'say "hi"', 10)]
    rows = _csv("compare", *files, "--samples", "20", "--seed", "1")
    cac = next(row for row in rows if (row["figure"], row["statistic"]) == ("cac", "p50"))
    # Nothing is uncertain: every draw's CAC is the bid.
    assert split(cac["best"]) == ["A; B", 'say "hi"']


def test_compares_note_splits_into_each_scenarios_note(tmp_path: Path) -> None:
    files = [_plan(tmp_path, "de.yaml", "D; E", 0), _plan(tmp_path, "c.yaml", "C", 12),
             _plan(tmp_path, "fg.yaml", 'F "G"', 0)]
    rows = {row["figure"]: row for row in _csv("compare", *files)}
    notes = [entry.rpartition(": ") for entry in split(rows["paid_payback_month"]["note"])]
    assert [(name, note) for name, _, note in notes] == [("D; E", "no_ad_spend"), ('F "G"', "no_ad_spend")]


def test_the_what_if_column_splits_into_the_overrides(tmp_path: Path) -> None:
    plan = tmp_path / "t.yaml"
    plan.write_text(PLAN.format(name="P", bid=10).replace("name: T,", "name: 'T; 1',"), encoding="utf-8")
    rows = _csv("run", str(plan), "--table", "figures", "--set", "T; 1.bid=11", "--set", "discount_rate=10%")
    # 100 users a month for 3 months at the bid set.
    assert rows[0]["figure"] == "ad_spend" and rows[0]["value"] == "3300"
    assert {row["what_if"] for row in rows} == {'"T; 1.bid=11"; discount_rate=10%'}
    assert split(rows[0]["what_if"]) == ["T; 1.bid=11", "discount_rate=10%"]


def test_breakevens_flip_gates_split_into_the_gates_names(tmp_path: Path) -> None:
    plan = tmp_path / "flip.yaml"
    plan.write_text(FLIP, encoding="utf-8")
    bid = next(row for row in _csv("breakeven", str(plan)) if row["path"] == "acquisition[0].bid")
    assert float(bid["roi_zero_flip"]) == pytest.approx(2_500 / 1_400, rel=1e-8)
    for threshold in ("roi_zero", "payback_target"):
        assert split(bid[f"{threshold}_flip_gates"]) == [SEMI]
        assert split(bid[f"{threshold}_flip_gates_passed_below"]) == [QUOTED, SEMI]
        assert split(bid[f"{threshold}_flip_gates_passed_above"]) == [QUOTED]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_breakevens_csv_says_what_jumps_as_json_does(tmp_path: Path, lang: str) -> None:
    """GATED_S4 with U at 40 (tests/cli/test_breakeven_marks.py, by hand): from T's bid 10 roi's side changes first
    at 100 / 9, a jump: the gate passed just below it, roi (6,075 - 11,333.33) / 11,333.33 and payback never; failed
    just above, 1,575 / 1,111.11 - 1 and month 2. Both thresholds jump there. The price's break-even is a crossing."""
    plan = tmp_path / "dear.yaml"
    plan.write_text(GATED_S4.format(u_bid=40).replace("name: test,", f"name: '{SEMI}',").replace(
        "name: S4 gated", "name: 'A; B'"), encoding="utf-8")
    rows = {row["path"]: row for row in _csv("breakeven", str(plan), "--lang", lang)}
    bid = rows["acquisition[0].bid"]
    assert float(bid["roi_zero"]) == pytest.approx(100 / 9, rel=1e-8)
    for threshold in ("roi_zero", "payback_target"):
        assert bid[f"{threshold}_jump"] == "1"
        assert split(bid[f"{threshold}_jump_gates"]) == [SEMI]
        assert split(bid[f"{threshold}_jump_gates_passed_below"]) == [SEMI]
        assert bid[f"{threshold}_jump_gates_passed_above"] == ""
        assert float(bid[f"{threshold}_jump_roi_below"]) == pytest.approx((6_075 - 34_000 / 3) / (34_000 / 3), rel=1e-6)
        assert float(bid[f"{threshold}_jump_roi_above"]) == pytest.approx(1_575 / (10_000 / 9) - 1, rel=1e-6)
        assert (bid[f"{threshold}_jump_payback_month_below"], bid[f"{threshold}_jump_payback_month_above"]) == ("", "2")
    price = rows["monetization.purchases[0].price"]
    assert price["roi_zero_jump"] == "0"
    assert all(price[key] == "" for key in price if "_jump_" in key)


def test_the_jump_columns_come_last_so_every_other_keeps_its_place(tmp_path: Path) -> None:
    plan = tmp_path / "dear.yaml"
    plan.write_text(GATED_S4.format(u_bid=40), encoding="utf-8")
    result = invoke(["breakeven", str(plan), "-f", "csv", "-q"])
    header = next(csv.reader(io.StringIO(result.stdout)))
    sides = ["gates", "gates_passed_below", "gates_passed_above", "roi_below", "roi_above", "payback_month_below",
             "payback_month_above"]
    jumps = [f"{threshold}_jump_{side}" for threshold in ("roi_zero", "payback_target") for side in sides]
    # After the jumps only the wrong-side flags (added later, at the end as these were) and currency.
    assert header[-len(jumps) - 3:] == [*jumps, "roi_zero_wrong_side", "payback_target_wrong_side", "currency"]
    assert header[-len(jumps) - 4] == "payback_target_flip_payback_month_above"
