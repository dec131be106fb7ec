"""A peak cash need still growing at the horizon is a lower bound (docs/formulas.md §5): `compare` never marks it
best, and marks a need found best only where no bound lies below it (QA: ≥ 13,145.34 was starred against 30,092.92,
whose column may well need less)."""

from __future__ import annotations

import json

from cli_runner import invoke

from aigc_roi.present.compare import best_columns

FOUND = {"peak_cash_at_horizon": False}
BOUND = {"peak_cash_at_horizon": True}


def test_a_bound_is_never_best_and_a_need_above_it_is_not_known_best() -> None:
    assert best_columns("peak_cash_need", [30_092.92, 13_145.34], [FOUND, BOUND]) == set()
    assert best_columns("peak_cash_need", [13_145.34, 30_092.92], [BOUND, BOUND]) == set()


def test_a_need_at_or_below_every_bound_is_best() -> None:
    # The bounded column needs at least 13,145.34: 10,000 is lower whatever it turns out to be.
    assert best_columns("peak_cash_need", [10_000.0, 13_145.34, 12_000.0], [FOUND, BOUND, FOUND]) == {0}
    # Without a bound the lowest need is best, as ever.
    assert best_columns("peak_cash_need", [30_092.92, 13_145.34], [FOUND, FOUND]) == {1}


def test_compare_marks_no_best_need_against_a_bound_below_it() -> None:
    args = ["compare", "scenarios/starter.yaml", "--variant", "organic: acquisition[0].budget=0", "-q"]
    document = json.loads(invoke([*args, "-f", "json"]).stdout)
    assert document["best"]["peak_cash_need"] == []
    rows = {line.split(",")[0]: line.split(",") for line in invoke([*args, "-f", "csv"]).stdout.splitlines()}
    assert rows["peak_cash_need"][4] == ""  # figure, the two scenarios, the change, then best
    table = invoke([*args], env={"COLUMNS": "160"}).stdout
    assert "★" not in next(line for line in table.splitlines() if "Peak cash need" in line)
