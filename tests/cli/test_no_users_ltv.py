"""QA zh3 F18: LTV is per new user (docs/formulas.md §5), so a plan with no new users has none, 0 / 0, and reads as
CAC does ("—", JSON null, the workbook's note "its denominator is 0"), not as users worth 0.00."""

from __future__ import annotations

import json
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
