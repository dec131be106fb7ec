"""A zero of either sign is written 0 in every export: the CSV wrote a cohort of no users as 0, where JSON wrote
-0.0 (131 of them in the starter plan's cohorts) and the workbook stored 147 cells of -0.0, which a spreadsheet may
show as -0 (docs/formulas.md §8)."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from cli_runner import invoke
from openpyxl import load_workbook

STARTER = Path(__file__).resolve().parents[2] / "aigc_roi" / "templates" / "starter.yaml"


def _negative_zeros(value: Any) -> int:
    if isinstance(value, float):
        return int(value == 0 and math.copysign(1.0, value) < 0)
    if isinstance(value, dict):
        return sum(_negative_zeros(item) for item in value.values())
    if isinstance(value, list):
        return sum(_negative_zeros(item) for item in value)
    return 0


def _negatives(value: Any) -> int:
    if isinstance(value, float):
        return int(value < 0)
    if isinstance(value, dict):
        return sum(_negatives(item) for item in value.values())
    if isinstance(value, list):
        return sum(_negatives(item) for item in value)
    return 0


def test_json_writes_no_negative_zero_and_keeps_every_negative() -> None:
    result = invoke(["run", str(STARTER), "--format", "json", "--cohorts"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert _negative_zeros(document) == 0
    assert _negatives(document) > 0  # the plan's first months lose money: signs are kept where they mean something


def test_the_workbook_stores_no_negative_zero(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    result = invoke(["run", str(STARTER), "--output", str(path)])
    assert result.exit_code == 0, result.output
    cells = [cell.value for sheet in load_workbook(path) for row in sheet.iter_rows() for cell in row]
    numbers = [value for value in cells if isinstance(value, float)]
    assert [value for value in numbers if value == 0 and math.copysign(1.0, value) < 0] == []
    assert any(value < 0 for value in numbers)
