"""A break-even as shown is on the side where its threshold holds, as its exact value is (QA fin3 F2): a price rounded
up, a cost down, a channel's max unit cost down; JSON and CSV keep the exact value (docs/formulas.md §10).

G3, by hand (§4.3, §5): churn 0.5 over 4 months, T 100 users a month at bid 10, U 100 a month in months 2-4 at 40
while T's CAC is <= 12. Passed: active user-months T 612.5 + U 425 = 1,037.5, spend 4,000 + 12,000 = 16,000, so
ROI = 0 where 1,037.5 (p - 1) = 16,000: p = 16.4217, shown 16.43 (16.42 gives ROI -0.01%). T users u: 55.125 u +
3,825 = 40 u + 12,000, u = 540.496, shown 541. U bid b (a cost): 5,512.5 + 3,825 = 4,000 + 300 b, b = 17.7917,
shown 17.79. T's own max bid with the gate decided: 100 x 1.875 x 9 = 1,687.5 against 100 b, b = 16.875 exactly:
shown 16.87, not 16.88, where T's own ROI is 1,687.5 / 1,688 - 1 = -0.03%.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke

G3 = """\
version: 1
name: G3
horizon_months: 4
acquisition:
  - {name: T, type: cpa, bid: 10, users: 100}
  - {name: U, type: cpa, bid: 40, users: 100, months: 2-4}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: Item, price: 10, rate: 1}]
costs: {serving_per_active_user: 1}
gates:
  - {name: cacgate, after_month: 1, channels: [T], max_cac: 12, then: [U]}
"""


def _plan(tmp_path: Path) -> Path:
    path = tmp_path / "g3.yaml"
    path.write_text(G3, encoding="utf-8")
    return path


def _cells(markdown: str, label: str) -> list[str]:
    line = next(line for line in markdown.splitlines() if f"| {label} |" in line)
    return [cell.strip() for cell in line.split("|")[1:-1]]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_breakeven_values_are_shown_on_their_good_side(tmp_path: Path, lang: str) -> None:
    result = invoke(["breakeven", str(_plan(tmp_path)), "--format", "markdown", "--lang", lang])
    assert result.exit_code == 0, result.stderr
    rows = {path: _cells(result.stdout, path) for path in ("monetization.purchases[Item].price", "acquisition[T].users",
                                                            "acquisition[U].bid", "acquisition[T].bid")}
    assert [rows["monetization.purchases[Item].price"][i] for i in (3, 5)] == ["16.43", "16.43"]
    assert [rows["acquisition[T].users"][i] for i in (3, 5)] == ["541", "541"]
    assert rows["acquisition[U].bid"][3] == "17.79"
    assert rows["acquisition[T].bid"][7] == "16.87"


def test_json_and_csv_keep_the_exact_values(tmp_path: Path) -> None:
    data = json.loads(invoke(["breakeven", str(_plan(tmp_path)), "--format", "json"]).stdout)
    by_path = {row["path"]: row for row in data["drivers"]}
    assert by_path["monetization.purchases[0].price"]["roi_zero"] == pytest.approx(1 + 16_000 / 1_037.5, rel=1e-8)
    assert by_path["acquisition[0].bid"]["channel"]["max_unit_cost"] == pytest.approx(16.875, rel=1e-9)


@pytest.mark.parametrize(("path", "shown"), [("Item.price", "16.43"), ("T.users", "541")])
def test_a_run_at_the_value_shown_meets_the_threshold(tmp_path: Path, path: str, shown: str) -> None:
    plan = _plan(tmp_path)
    ran = json.loads(invoke(["run", str(plan), "--set", f"{path}={shown}", "--format", "json"]).stdout)
    assert ran["figures"]["roi"] >= 0


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_run_shows_the_max_bid_rounded_down(tmp_path: Path, fmt: str) -> None:
    # T's row: spend 4,000, CAC 10.00, then its max bid; its LTV, 16.875 too, is no limit and reads 16.88.
    shown = invoke(["run", str(_plan(tmp_path)), "--format", fmt], env={"COLUMNS": "200"}).stdout
    row = next(line for line in shown.splitlines() if "4,000" in line and "10.00" in line and "cpa" in line)
    assert "16.87" in row and "16.88" in row


def test_headrooms_are_shown_on_their_good_side(tmp_path: Path) -> None:
    # ROI < 0 now: the price must rise (16.4217 - 10) / 10 = 64.217%, shown +64.3% (10 x 1.642 = 16.42 falls short);
    # U's bid must fall (40 - 17.7917) / 40 = 55.52%, shown -55.6% (40 x 0.445 = 17.80 is still above it).
    markdown = invoke(["breakeven", str(_plan(tmp_path)), "--format", "markdown"]).stdout
    assert _cells(markdown, "monetization.purchases[Item].price")[4] == "+64.3%"
    assert _cells(markdown, "acquisition[U].bid")[4] == "-55.6%"
    table = invoke(["breakeven", str(_plan(tmp_path))], env={"COLUMNS": "200"}).stdout
    assert "+64.3%" in table and "-55.6%" in table and "+64.2%" not in table
