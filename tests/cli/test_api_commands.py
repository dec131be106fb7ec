"""api.py covers every command: what the CLI prints comes from these calls (docs/architecture.md)."""

from __future__ import annotations

import json
from pathlib import Path

from cli_runner import invoke

from aigc_roi import api

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = ROOT / "scenarios" / "chat-assistant-cpa.yaml"


def test_compare_names_a_repeated_scenario_by_its_source_and_agrees_with_the_cli() -> None:
    scenario = api.load(SCENARIO)
    cheaper = api.load(SCENARIO, ["acquisition[0].bid=25"])
    comparison = api.compare([(None, "a.yaml", scenario), (None, "b.yaml", scenario), ("cheaper", "c", cheaper)])
    assert [column.name for column in comparison.columns] == [f"{scenario.name} (a.yaml)", f"{scenario.name} (b.yaml)", "cheaper"]
    assert comparison.currency == "CNY"
    # The same file twice has the same figures; a cheaper bid on the same budget buys more users for the same spend:
    # 90,000 a month in months 1-3 and 250,000 in months 1-12.
    assert comparison.columns[0].figures == comparison.columns[1].figures
    assert comparison.columns[2].figures["ad_spend"] == comparison.columns[0].figures["ad_spend"] == 3_270_000
    assert comparison.columns[2].figures["paid_users"] > comparison.columns[0].figures["paid_users"]
    printed = json.loads(invoke(["compare", str(SCENARIO), "--variant", "cheaper: acquisition[0].bid=25", "-f", "json"]).stdout)
    assert [column["figures"]["roi"] for column in printed["scenarios"]] == [
        comparison.columns[0].figures["roi"], comparison.columns[2].figures["roi"]]


def test_curves_start_with_every_joiner_active() -> None:
    curves = api.curves(api.load(SCENARIO))
    # R(0) = 1 by definition (docs/formulas.md §3); the file's own points at ages 1, 3, 6, 12 are 30%, 18%, 12%, 8%.
    assert curves.retention[0].share == 1.0
    assert [curves.retention[age].share for age in (1, 3, 6, 12)] == [0.3, 0.18, 0.12, 0.08]
    assert len(curves.retention) == curves.horizon_months == 24


def test_check_run_holds_every_bundled_scenario_to_its_targets() -> None:
    found = api.check_run([ROOT / "scenarios"], samples=500)
    assert not found.invalid and found.passed
    assert len(found.checked) == len(found.results) == len(list((ROOT / "scenarios").glob("*.yaml"))) + len(
        list((ROOT / "scenarios").glob("*/*.yaml")))


def test_plan_facts_hold_the_targets_as_check_does() -> None:
    facts = api.plan_facts(api.load_plan(SCENARIO), samples=500)
    (checked,) = api.check_run([SCENARIO], samples=500).checked
    assert [(outcome.name, outcome.passed) for outcome in facts.outcomes] == [
        (outcome.name, outcome.passed) for outcome in checked.outcomes]
    assert [row.path for row in facts.inputs][:2] == ["version", "name"]
