"""The plan the allocate form tests share (tests/cli/test_allocate_*_form*.py), and how they run a command on it.

Search is a cpa written by 250 users a month at a bid of "10..40", whose median is sqrt(10 x 40) = 20, so today it
spends 250 x 20 = 5,000 a month; Feed, a cpa with a budget, is locked by the tests that move Search alone."""

from __future__ import annotations

from pathlib import Path

from cli_runner import invoke

PLAN = """version: 1
name: Users at a drawn bid
horizon_months: 6
acquisition:
  - {name: Search, type: cpa, users: 250, bid: "10..40"}
  - {name: Feed, type: cpa, bid: 20, budget: 5000, saturation_budget: 4000}
retention: {monthly_churn: 0.3}
monetization:
  purchases: [{name: Item, price: 60, rate: 1}]
targets: {max_payback_months: 3}
"""

DRAWS = ("--samples", "400", "--seed", "7")


def run_on(tmp_path: Path, plan: str, *args: str, fmt: str = "json") -> str:
    """stdout of ``aigc-roi ARGS[0] PLAN ARGS[1:]`` at 80 columns (``-f json`` unless ``fmt`` says otherwise), which
    must exit 0."""
    path = tmp_path / "plan.yaml"
    path.write_text(plan, encoding="utf-8")
    result = invoke([args[0], str(path), *args[1:], *(["-f", "json"] if fmt == "json" else [])],
                    env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    return result.stdout
