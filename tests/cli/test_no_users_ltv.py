"""QA zh3 F18: LTV is per new user (docs/formulas.md §5), so a plan with no new users has none, 0 / 0, and reads as
CAC does ("—", JSON null, the workbook's note "its denominator is 0"), not as users worth 0.00."""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
import pytest
from cli_runner import invoke

EMPTY = "version: 1\nname: empty\nhorizon_months: 6\nacquisition:\nretention: {monthly_churn: 0.5}\n"
FIXED = EMPTY + "costs:\n  fixed: [{name: team, monthly: 1000}]\n"


@pytest.mark.parametrize("plan", [EMPTY, FIXED])
def test_ltv_without_new_users_is_none(tmp_path: Path, plan: str) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text(plan, encoding="utf-8")
    figures = json.loads(invoke(["run", str(path), "-f", "json"]).stdout)["figures"]
    assert figures["new_users"] == 0 and figures["ltv"] is None and figures["cac"] is None
    for lang, name in (("en", "LTV per new user"), ("zh", "单个新增用户 LTV")):
        shown = invoke(["run", str(path), "--lang", lang], env={"COLUMNS": "80", "NO_COLOR": "1"}).stdout
        row = next(line for line in shown.splitlines() if name in line and ":" not in line)
        assert row.split()[-2:] == ["—", "│"], row
    target = tmp_path / "empty.xlsx"
    assert invoke(["run", str(path), "-f", "xlsx", "-o", str(target)]).exit_code == 0
    rows = [row for sheet in openpyxl.load_workbook(target) for row in sheet.iter_rows(values_only=True)]
    assert next(row for row in rows if "ltv" in row)[1:] == (None, "ltv", "CNY", "its denominator is 0")


# One rule in every revision (QA numbers F1): a revision-1.1 file with a price, a price that moves by month (whose
# month-1 user the model still has by age) and a channel on its own curve all read none without new users.
PRICED = EMPTY.replace("acquisition:\n", "acquisition:\n  - {name: C, type: cpa, bid: 20, users: 0}\n") + (
    "monetization:\n  purchases: [{name: P, price: 20, rate: 1}]\ncosts: {serving_per_active_user: 1}\n")
MOVING = PRICED.replace("price: 20", "price: {by_month: {1: 10, 3: 30}}")
OWN_CURVE = PRICED.replace("users: 0}", "users: 0, retention: {monthly_churn: 0.2}, conversion_index: 0.5}")


@pytest.mark.parametrize("plan", [PRICED, MOVING, OWN_CURVE])
def test_ltv_without_new_users_is_none_whatever_the_revision(tmp_path: Path, plan: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(plan, encoding="utf-8")
    data = json.loads(invoke(["run", str(path), "-f", "json"]).stdout)
    assert data["figures"]["new_users"] == 0 and data["figures"]["ltv"] is None
    assert [channel["ltv"] for channel in data["channels"]] == [None]


def test_the_docs_state_the_one_rule_everywhere() -> None:
    """docs/formulas.md said none in §5 and 'falls back to one user of the top-level curve' in §12, §14 and §15."""
    text = (Path(__file__).parents[2] / "docs" / "formulas.md").read_text(encoding="utf-8")
    paragraphs = [" ".join(part.split()) for part in text.split("\n\n")]
    about = [part for part in paragraphs if "ltv" in part.lower() and re.search(r"no new users?|new_users = 0", part)]
    assert len(about) >= 4
    assert [part[:120] for part in about if re.search(r"falls? back|stands? for the mean", part)] == []
    rows = [line for line in text.splitlines() if line.startswith("| `ltv` |")]
    assert len(rows) == 2 and all("new_users = 0" in row for row in rows), rows
