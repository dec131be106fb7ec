"""`compare -f csv` says what the table shows in a cell instead of, or beside, the number, and marks what the table
marks (docs/formulas.md §12): before, a spreadsheet read a paid payback month of 1 without ad spend as a campaign
paid back in month 1, subtracted it (Δ 0) and let it tie the best, and an empty IRR without why.

Bundled `prompt-community` gathers its launch users for free (`cost: 0`) and buys none: no ad spend, so its paid
payback month is 1 by definition and the table reads "no ad spend", neither best nor a change. The variant pays
5,000 for the same 2,000 launch users (CAC 2.5): ad spend, paid back in month 1 as the table's ★ says.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from cli_runner import invoke

COMMUNITY = str(Path(__file__).resolve().parents[2] / "scenarios" / "prompt-community.yaml")
PAID = "acquisition[0].cost=5000"
ARGS = ["compare", COMMUNITY, "--variant", f"paid launch: {PAID}", "-q"]
BASE = "图片社区 Image community, annual membership"


def _rows() -> dict[str, dict[str, str]]:
    result = invoke([*ARGS, "-f", "csv"])
    assert result.exit_code == 0, result.stderr
    return {row["figure"]: row for row in csv.DictReader(io.StringIO(result.stdout))}


def _run_notes(*extra: str) -> dict[str, str]:
    """`run`'s figures CSV: each figure's note, by another code path (present/tables.py)."""
    result = invoke(["run", COMMUNITY, *extra, "--table", "figures", "-f", "csv", "-q"])
    assert result.exit_code == 0, result.stderr
    return {row["figure"]: row["note"] for row in csv.DictReader(io.StringIO(result.stdout))}


def test_a_paid_payback_without_ad_spend_is_noted_not_ranked_nor_subtracted() -> None:
    rows = _rows()
    assert rows["ad_spend"][BASE] == "0" and rows["ad_spend"]["paid launch"] == "5000"
    paid = rows["paid_payback_month"]
    assert (paid[BASE], paid["paid launch"]) == ("1", "1")  # the number kept, as run's CSV keeps it
    assert paid["Δ paid launch"] == ""
    assert paid["best"] == "paid launch"
    assert paid["note"] == f"{BASE}: no_ad_spend"


def test_every_format_marks_the_same_best() -> None:
    data = json.loads(invoke([*ARGS, "-f", "json"]).stdout)
    assert data["best"]["paid_payback_month"] == ["paid launch"]
    table = invoke([*ARGS], env={"COLUMNS": "120", "NO_COLOR": "1"}).stdout
    line = next(line for line in table.splitlines() if "Paid payback month" in line)
    assert line.split("│")[2].strip() == "no ad spend" and line.split("│")[3].strip() == "1 ★"


def test_each_scenario_s_note_is_run_s() -> None:
    rows = _rows()
    base, paid = _run_notes(), _run_notes("--set", PAID)
    for figure, row in rows.items():
        if figure not in base:
            continue  # a basis row
        expected = [f"{name}: {note}" for name, note in ((BASE, base[figure]), ("paid launch", paid[figure])) if note]
        assert row["note"] == "; ".join(expected), figure
    # Neither plan's cash ever goes out (the launch is paid in month 1, before anything else is spent): no IRR.
    assert rows["irr"]["note"] == f"{BASE}: no_sign_change; paid launch: no_sign_change"
    assert rows["horizon_months"]["note"] == ""
