"""`compare` writes a payback month that never comes as `run` does, "never (≤ H)" with each column's own horizon: two
columns counted to different horizons must not both read a bare "never" (docs/formulas.md §12).

By hand, from the spec's worked example (tests/spec_example.py): Spring buys 1,000 users in month 1 (F = -11,000,
4,500, 2,250: cumulative cash -11,000, -6,500, -4,250, below 0 through its horizon of 3); Summer buys 1,000 more in
month 2 (F = -11,000, -6,500, 6,750, 3,375: cumulative -11,000, -17,500, -10,750, -7,375, below 0 through its horizon
of 4). No fixed costs, so the plan's, the first crossing's and the campaign's own payback are all never.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from cli_runner import invoke
from test_compare_basis import SPRING, SUMMER

PAYBACKS = ("payback_month", "first_payback_month", "paid_payback_month")
ROWS = {"en": ("Payback month (plan cash)", "First payback month (first crossing)",
               "Paid payback month (campaign's own cash)"),
        "zh": ("回本月份（全盘现金）", "首次回本月份（首次转正）", "投放回本月份（仅买量现金）")}
NEVER = {"en": "never", "zh": "未回本"}


@pytest.fixture
def plans(tmp_path: Path) -> list[str]:
    spring, summer = tmp_path / "spring.yaml", tmp_path / "summer.yaml"
    spring.write_text(SPRING, encoding="utf-8")
    summer.write_text(SUMMER, encoding="utf-8")
    return [str(spring), str(summer)]


def _compare(plans: list[str], *args: str) -> str:
    result = invoke(["compare", *plans, *args], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_table_says_each_columns_own_horizon(plans: list[str], lang: str) -> None:
    stdout = _compare(plans, "--lang", lang)
    never = NEVER[lang]
    for row in ROWS[lang]:
        line = next(line for line in stdout.splitlines() if line.startswith(f"│ {row} "))
        cells = [cell.strip() for cell in line.strip("│").split("│")]
        assert cells[1:3] == [f"{never} (≤ 3)", f"{never} (≤ 4)"], line


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_markdown_says_each_columns_own_horizon(plans: list[str], lang: str) -> None:
    stdout = _compare(plans, "--lang", lang, "--format", "markdown")
    never = NEVER[lang]
    for row in ROWS[lang]:
        line = next(line for line in stdout.splitlines() if line.startswith(f"| {row} |"))
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        assert cells[1:3] == [f"{never} (≤ 3)", f"{never} (≤ 4)"], line


def test_json_and_csv_keep_never_as_no_value(plans: list[str]) -> None:
    for scenario in json.loads(_compare(plans, "--format", "json"))["scenarios"]:
        assert [scenario["figures"][name] for name in PAYBACKS] == [None, None, None]
    rows = {row[0]: row[1:3] for row in csv.reader(io.StringIO(_compare(plans, "--format", "csv")))}
    assert [rows[name] for name in PAYBACKS] == [["", ""]] * 3
