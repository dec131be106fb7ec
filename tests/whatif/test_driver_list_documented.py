"""docs/formulas.md §10 lists every driver break-even and sensitivity move, item by item: the list here is the code's
(QA numbers F6: it left out an order's price, count and fee and a plan's own fee, which the tool moves)."""

from __future__ import annotations

import re
from pathlib import Path

from aigc_roi.reader.load import load_text
from aigc_roi.whatif.drivers import list_drivers

FORMULAS = (Path(__file__).resolve().parents[2] / "docs" / "formulas.md").read_text(encoding="utf-8")
SECTIONS = {"each channel": "acquisition", "each plan": "monetization.plans", "each purchase": "monetization.purchases",
            "each order": "monetization.orders", "costs": "costs"}
EVERY_DRIVER = """\
name: every driver
horizon_months: 3
acquisition:
  - {name: A, type: cpa, bid: 10, budget: 1000, conversion_index: 0.8}
  - {name: K, type: kol, fee: 100, posts: 2, views: 1000, view_to_user: 0.01}
retention: {monthly_churn: 0.5}
monetization:
  plans: [{name: M, price: 30, period: month, conversion: 0.1, renewal: 0.5, fee: 0.3}]
  purchases: [{name: P, price: 10, rate: 0.2, fee: 0.1}]
  orders: [{name: O, price: 100, count: 1, fee: 0.05}]
costs: {serving_per_active_user: 0.5, serving_per_subscriber: 0.2}
"""
# What the table's "where" leaves out: an index of 1, a conversion by age, a rate per renewal, no own fee, no
# serving per subscriber.
NO_OPTIONAL_DRIVER = """\
name: no optional driver
horizon_months: 3
acquisition:
  - {name: A, type: cpa, bid: 10, budget: 1000}
retention: {monthly_churn: 0.5}
monetization:
  plans: [{name: M, price: 30, period: month, conversion: {0: 0.1, 1: 0.05}, renewal: [0.5, 0.6]}]
  purchases: [{name: P, price: 10, rate: 0.2}]
  orders: [{name: O, price: 100, count: 1}]
costs: {serving_per_active_user: 0.5}
"""


def documented() -> dict[str, set[str]]:
    """Item -> the fields the table names in backticks (a channel's unit cost and volume are named by its type)."""
    table = FORMULAS[FORMULAS.index("| item | its drivers |"):]
    rows = re.findall(r"^  \| ([^|]+?) \| (.+) \|$", table[:table.index("\n\n")], re.MULTILINE)
    return {SECTIONS[item]: set(re.findall(r"`(\w+)`", drivers)) for item, drivers in rows}


def moved(text: str) -> dict[str, set[str]]:
    """Item -> the fields the code moves, a channel's unit cost and volume aside."""
    scenario = load_text(text, "plan.yaml").scenario
    found: dict[str, set[str]] = {section: set() for section in SECTIONS.values()}
    for driver in list_drivers(scenario):
        section, _, field = re.sub(r"\[\d+\]", "", driver.path).rpartition(".")
        index = re.search(r"\[(\d+)\]", driver.path)
        channel = scenario.acquisition[int(index[1])] if section == "acquisition" and index else None
        if channel is None or field not in (channel.unit_cost, channel.volume):
            found[section].add(field)
    return found


def test_the_table_names_every_driver_the_code_moves() -> None:
    assert documented() == moved(EVERY_DRIVER)


def test_the_drivers_the_table_sets_conditions_on_are_left_out_without_them() -> None:
    assert moved(NO_OPTIONAL_DRIVER) == {"acquisition": set(), "monetization.plans": {"price"},
                                         "monetization.purchases": {"price"}, "monetization.orders": {"price", "count"},
                                         "costs": {"serving_per_active_user"}}


def test_every_channel_type_moves_its_unit_cost_and_its_volume() -> None:
    scenario = load_text(EVERY_DRIVER, "plan.yaml").scenario
    for i, channel in enumerate(scenario.acquisition):
        fields = [driver.path.rpartition(".")[2] for driver in list_drivers(scenario)
                  if driver.path.startswith(f"acquisition[{i}].")]
        assert fields[:2] == [channel.unit_cost, channel.volume]
