"""A driver's value that is not 0 never reads 0.00 (docs/formulas.md §10, model/rounding.py ``value_places``): where
its usual places would round it to 0 it reads at its first 2 significant digits, rounded half away from zero (it is
no limit, so no side is safe): a bid of 0.004 reads 0.0040, a CPM of 0.001 0.0010, a conversion of 0.00004 (0.004%)
0.0040%, and a plan's ±20% of a bid of 0.004, 0.0032 and 0.0048. A value of 0 still reads 0.00; CSV and JSON keep
the float as it is.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = """\
name: Small
horizon_months: 2
acquisition:
  - {name: Feed, type: cpm, cpm: 0.001, ctr: 0.5, cvr: 0.5, budget: 10, months: 1}
  - {name: Ads, type: cpa, bid: 0.004, budget: 10, months: 1}
retention: {monthly_churn: 0.5}
monetization:
  plans: [{name: Monthly, price: 5, period: month, conversion: 0.00004, renewal: 0.5}]
  purchases: [{name: Sticker, price: 0.5, rate: 1}]
costs: {serving_per_active_user: 0}
"""


def _plan(tmp_path: Path) -> Path:
    path = tmp_path / "small.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def _cells(markdown: str, path: str) -> list[str]:
    line = next(line for line in markdown.splitlines() if f"| {path} |" in line)
    return [cell.strip() for cell in line.split("|")[1:-1]]


@pytest.mark.parametrize(("path", "current"), [
    ("acquisition[Feed].cpm", "0.0010"), ("acquisition[Ads].bid", "0.0040"),
    ("monetization.plans[Monthly].conversion", "0.0040%"), ("costs.serving_per_active_user", "0.00"),
])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_breakeven_current_reads_its_significant_digits(tmp_path: Path, lang: str, path: str, current: str) -> None:
    result = invoke(["breakeven", str(_plan(tmp_path)), "-f", "markdown", "--lang", lang])
    assert result.exit_code == 0, result.stderr
    assert _cells(result.stdout, path)[2] == current


def test_breakeven_table_current_and_unit_cost(tmp_path: Path) -> None:
    result = invoke(["breakeven", str(_plan(tmp_path))], env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    bid = [line for line in result.stdout.splitlines() if "Ads bid" in line]
    # The drivers' table's Current and the channels' Unit cost alike.
    assert len(bid) == 2 and all("0.0040" in line and "0.00 " not in line for line in bid)


def test_sensitivity_steps_read_their_digits(tmp_path: Path) -> None:
    result = invoke(["sensitivity", str(_plan(tmp_path)), "-f", "markdown"])
    assert result.exit_code == 0, result.stderr
    cells = _cells(result.stdout, "acquisition[Ads].bid")
    assert (cells[2], cells[3], cells[7]) == ("0.0040", "0.0032", "0.0048")


def test_json_and_csv_keep_the_float(tmp_path: Path) -> None:
    data = json.loads(invoke(["breakeven", str(_plan(tmp_path)), "-f", "json"]).stdout)
    assert next(row for row in data["drivers"] if row["path"] == "acquisition[1].bid")["current"] == 0.004
    csv = invoke(["breakeven", str(_plan(tmp_path)), "-f", "csv"]).stdout
    assert "acquisition[1].bid,Ads bid,0.004," in csv
