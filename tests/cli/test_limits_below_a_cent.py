"""A limit below half a cent (a break-even bid, a max bid) reads at its first 2 significant digits, rounded toward
its good side, not 0.00, which no plan with a budget can set (docs/formulas.md §10, model/rounding.py
``limit_places``).

By hand: a one-month plan buys budget / b users at a bid b, each paying the price p once (rate 1, no serving cost),
so its revenue is 10,000 p / b against 10,000 of spend: ROI = 0, payback in month 1 and the channel's own max bid all
sit at b = p. At p = 0.004 a run at 0.0040 meets both (revenue 10,000 exactly), so the digit is shown; at p = 0.00387
the limit reads 0.0038, rounded down, as a cost's is. The headroom from a bid of 2 to 0.004 is -99.8% exactly.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from cli_runner import invoke


def _plan(tmp_path: Path, price: str) -> Path:
    path = tmp_path / "tiny.yaml"
    path.write_text(f"""\
name: Tiny
horizon_months: 1
acquisition:
  - {{name: Feed, type: cpa, bid: 2, budget: 10000, months: 1}}
retention: {{monthly_churn: 0.5}}
monetization:
  purchases: [{{name: Sticker, price: {price}, rate: 1}}]
costs: {{serving_per_active_user: 0}}
""", encoding="utf-8")
    return path


def _cells(markdown: str, path: str) -> list[str]:
    line = next(line for line in markdown.splitlines() if f"| {path} |" in line)
    return [cell.strip() for cell in line.split("|")[1:-1]]


@pytest.mark.parametrize(("price", "shown", "headroom"), [("0.004", "0.0040", "-99.8%"), ("0.00387", "0.0038", "-99.9%")])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_breakeven_bid_below_a_cent_reads_its_significant_digits(tmp_path: Path, lang: str, price: str, shown: str,
                                                                 headroom: str) -> None:
    result = invoke(["breakeven", str(_plan(tmp_path, price)), "-f", "markdown", "--lang", lang])
    assert result.exit_code == 0, result.stderr
    cells = _cells(result.stdout, "acquisition[Feed].bid")
    assert cells[3:8] == [shown, headroom, shown, headroom, shown]


def test_the_bid_shown_is_one_a_run_accepts_and_meets(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "0.004")
    result = invoke(["run", str(plan), "--set", "acquisition[Feed].bid=0.0040", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    figures = json.loads(result.stdout)["figures"]
    assert figures["roi"] >= -1e-9
    assert figures["payback_month"] == 1


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_run_max_bid_below_a_cent(tmp_path: Path, lang: str) -> None:
    result = invoke(["run", str(_plan(tmp_path, "0.00387")), "-f", "markdown", "--lang", lang])
    assert result.exit_code == 0, result.stderr
    assert "| 0.0038 |" in result.stdout


def test_workbook_max_bid_cell_shows_its_digits(tmp_path: Path) -> None:
    book = tmp_path / "tiny.xlsx"
    assert invoke(["run", str(_plan(tmp_path, "0.00387")), "-f", "xlsx", "-o", str(book)]).exit_code == 0
    sheet = openpyxl.load_workbook(book)["channels"]
    column = [cell.value for cell in sheet[1]].index("Max bid (CNY)")
    cell = sheet.cell(row=2, column=column + 1)
    assert (cell.value, cell.number_format) == (0.0038, "#,##0.0000")


def test_json_keeps_the_exact_limit(tmp_path: Path) -> None:
    data = json.loads(invoke(["breakeven", str(_plan(tmp_path, "0.00387")), "-f", "json"]).stdout)
    bid = next(row for row in data["drivers"] if row["path"] == "acquisition[0].bid")
    assert bid["roi_zero"] == pytest.approx(0.00387, rel=1e-8)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_move_of_almost_all_of_a_bid_never_reads_minus_100(tmp_path: Path, lang: str) -> None:
    # From a bid of 10 to the break-even 0.0040 (a run there meets both) is -99.96% exactly; -100.0% is a bid of 0.
    plan = _plan(tmp_path, "0.004")
    plan.write_text(plan.read_text(encoding="utf-8").replace("bid: 2,", "bid: 10,"), encoding="utf-8")
    result = invoke(["breakeven", str(plan), "-f", "markdown", "--lang", lang])
    assert result.exit_code == 0, result.stderr
    assert _cells(result.stdout, "acquisition[Feed].bid")[3:7] == ["0.0040", "-99.96%", "0.0040", "-99.96%"]
