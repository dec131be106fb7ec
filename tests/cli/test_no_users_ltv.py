"""LTV is the worth of one new user, sum c(a) / (1 + m)^(a+1) (spec section 4, docs/formulas.md §5), which needs no user
to exist: with no new user at all it is one user of the top-level curve joining in month 1 (§12), so a revision-1.1
file keeps its 1.1 figure and a plan not buying yet still prices a user. CAC, and so ltv_to_cac, are none there."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from cli_runner import invoke

EMPTY = "version: 1\nname: empty\nhorizon_months: 6\nacquisition:\nretention: {monthly_churn: 0.5}\n"
FIXED = EMPTY + "costs:\n  fixed: [{name: team, monthly: 1000}]\n"
PRICED = EMPTY.replace("acquisition:\n", "acquisition:\n  - {name: C, type: cpa, bid: 20, users: 0}\n") + (
    "monetization:\n  purchases: [{name: P, price: 20, rate: 1}]\ncosts: {serving_per_active_user: 1}\n")
MOVING = PRICED.replace("price: 20", "price: {by_month: {1: 10, 3: 30}}")
OWN_CURVE = PRICED.replace("users: 0}", "users: 0, retention: {monthly_churn: 0.2}, conversion_index: 0.5}")

# R(a) = 0.5^a over 6 ages, no discount. PRICED: (20 - 1) x (1 + .5 + .25 + .125 + .0625 + .03125) = 19 x 1.96875.
# MOVING, the price of the month paid (10, 20, then 30 from month 3): 9 + .5 x 19 + (.25 + .125 + .0625 + .03125) x 29.
# OWN_CURVE: no user joined through C, so the top-level curve's user stands for the plan, as in PRICED.
WORTH = {"empty": (EMPTY, 0.0), "fixed": (FIXED, 0.0), "priced": (PRICED, 37.40625),
         "moving": (MOVING, 9 + 9.5 + 0.46875 * 29), "own_curve": (OWN_CURVE, 37.40625)}


@pytest.mark.parametrize("name", list(WORTH))
def test_ltv_without_new_users_is_one_user_of_the_top_level_curve(tmp_path: Path, name: str) -> None:
    plan, worth = WORTH[name]
    path = tmp_path / "plan.yaml"
    path.write_text(plan, encoding="utf-8")
    data = json.loads(invoke(["run", str(path), "-f", "json"]).stdout)
    figures = data["figures"]
    assert figures["new_users"] == 0 and figures["ltv"] == pytest.approx(worth, abs=1e-12)
    assert figures["cac"] is None and figures["ltv_to_cac"] is None
    # A channel's own ltv is a mean over the users it bought: none when it bought none.
    assert [channel["ltv"] for channel in data["channels"] if channel["name"] == "C"] == ([None] if "C" in plan else [])


def test_the_worth_is_shown_in_each_language(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PRICED, encoding="utf-8")
    for lang, name in (("en", "LTV per new user"), ("zh", "单个新增用户 LTV")):
        shown = invoke(["run", str(path), "--lang", lang], env={"COLUMNS": "80", "NO_COLOR": "1"}).stdout
        row = next(line for line in shown.splitlines() if name in line and ":" not in line)
        assert row.split()[-2:] == ["37.41", "│"], row


def test_the_docs_state_the_one_rule_everywhere() -> None:
    """docs/formulas.md's §5 tables (en, zh) gave none when new_users = 0 where §12, §14 and §15 fell back to a user."""
    text = (Path(__file__).parents[2] / "docs" / "formulas.md").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| `ltv` |")]
    assert len(rows) == 2 and all(row.endswith(("| never |", "| 从不 |")) for row in rows), rows
    flat = " ".join(text.split())
    assert "the headline `ltv` falls back to one user of the top-level curve joining in month 1" in flat
    assert not re.search(r"(headline `ltv`|`ltv` \(a mean over no users\)) is none", flat)
