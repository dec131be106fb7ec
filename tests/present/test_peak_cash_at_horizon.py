"""A peak cash need in the horizon's last month is the low so far (issue 22), and breakeven names its two prices apart.

The plans are small enough to follow by hand: a team costing 1,000 a month and nothing else loses
1,000 every month, so cumulative cash is -1,000 t, lowest in the last month: peak_cash_need 6,000
"still falling at month 6".
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from cli_runner import invoke

FALLING = """\
name: Falling
horizon_months: 6
retention: {monthly_churn: 1}
monetization:
  purchases: [{name: item, price: 10, rate: 1}]
costs: {fixed: [{name: team, monthly: 1_000}]}
acquisition:
  - {name: Poster, type: flat, cost: 0, users: 0}
"""
# 700 users paying 10 in month 1 only: cumulative cash +6,000, +5,000, ..., +1,000: never below 0, no peak at all.
RECOVERING = FALLING.replace("users: 0}", "users: 700, months: 1}")


def _write(tmp_path: Path, text: str, name: str = "plan.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_run_json_flags_a_low_in_the_last_month(tmp_path: Path) -> None:
    figures = json.loads(invoke(["run", str(_write(tmp_path, FALLING)), "--format", "json"]).stdout)["figures"]
    assert (figures["peak_cash_need"], figures["peak_cash_month"], figures["peak_cash_at_horizon"]) == (6_000, 6, True)
    figures = json.loads(invoke(["run", str(_write(tmp_path, RECOVERING)), "--format", "json"]).stdout)["figures"]
    assert (figures["peak_cash_need"], figures["peak_cash_at_horizon"]) == (0, False)


def test_every_text_format_says_still_falling(tmp_path: Path) -> None:
    path = _write(tmp_path, FALLING)
    table = invoke(["run", str(path)], env={"COLUMNS": "100", "NO_COLOR": "1"}).stdout
    assert "≥ 6,000.00, still falling at month 6" in table
    assert "≥ 6,000.00, still falling at month 6" in invoke(["run", str(path), "--format", "markdown"]).stdout
    assert "≥ 6,000.00，第 6 月仍在下降" in invoke(["run", str(path), "--format", "markdown", "--lang", "zh"]).stdout
    csv_rows = invoke(["run", str(path), "--format", "csv", "--table", "figures"]).stdout.splitlines()
    assert "peak_cash_at_horizon,1,," in csv_rows  # a flag: no note, no currency
    compared = invoke(["compare", str(path), str(_write(tmp_path, RECOVERING, "other.yaml")), "--format", "markdown"]).stdout
    assert "≥ 6,000.00, still falling at month 6" in compared
    compare_json = json.loads(invoke(["compare", str(path), "--variant", "longer: horizon_months=7", "--format", "json"]).stdout)
    assert [column["figures"]["peak_cash_at_horizon"] for column in compare_json["scenarios"]] == [True, True]


def test_simulate_says_how_often_the_low_is_at_the_horizon(tmp_path: Path) -> None:
    path = _write(tmp_path, FALLING)
    data = json.loads(invoke(["simulate", str(path), "--samples", "50", "--format", "json"]).stdout)
    # Nothing is uncertain: every draw loses 1,000 a month to the end.
    assert data["figures"]["peak_cash_need"]["at_horizon_share"] == 1.0
    shown = invoke(["simulate", str(path), "--samples", "50"], env={"COLUMNS": "120", "NO_COLOR": "1"}).stdout
    assert "in 100.00% of draws the cash is still falling at month 6" in shown


def test_breakeven_names_the_plan_and_the_channel_price_apart(tmp_path: Path) -> None:
    video = Path(__file__).parents[2] / "scenarios" / "video-tool-kol-then-feed.yaml"
    shown = invoke(["breakeven", str(video)], env={"COLUMNS": "200", "NO_COLOR": "1"}).stdout
    assert "Plan ROI = 0 at" in shown and "Own max" in shown
    assert "differs from the driver's \"Plan ROI = 0 at\" above" in " ".join(shown.split())


@pytest.mark.parametrize(("lang", "note", "flag"), [
    ("en", "a lower bound: cumulative cash is still falling at month 6",
     "Cash still falling at the horizon (peak cash need a lower bound)"),
    ("zh", "只是下限：累计现金到第 6 月仍在下降", "期末现金仍在下降（最大资金需求只是下限）"),
])
def test_the_workbook_says_the_need_is_a_lower_bound(tmp_path: Path, lang: str, note: str, flag: str) -> None:
    book = tmp_path / "falling.xlsx"
    assert invoke(["run", str(_write(tmp_path, FALLING)), "-f", "xlsx", "-o", str(book), "--lang", lang]).exit_code == 0
    rows = {row[2]: row for row in openpyxl.load_workbook(book).worksheets[0].iter_rows(min_row=2, values_only=True)}
    assert rows["peak_cash_need"][1] == 6_000 and rows["peak_cash_need"][4] == note
    # The CSV's flag row, as a spreadsheet's own TRUE.
    assert rows["peak_cash_at_horizon"][:2] == (flag, True)
    invoke(["run", str(_write(tmp_path, RECOVERING)), "-f", "xlsx", "-o", str(book), "--force", "--lang", lang])
    rows = {row[2]: row for row in openpyxl.load_workbook(book).worksheets[0].iter_rows(min_row=2, values_only=True)}
    assert rows["peak_cash_at_horizon"][1] is False and rows["peak_cash_need"][4] is None


def test_csv_notes_the_need_as_a_lower_bound(tmp_path: Path) -> None:
    rows = invoke(["run", str(_write(tmp_path, FALLING)), "--format", "csv", "--table", "figures"]).stdout.splitlines()
    assert rows[0] == "figure,value,note,currency" and "peak_cash_need,6000,lower_bound,CNY" in rows
