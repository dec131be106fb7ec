"""`allocate`'s phases are runs of consecutive months with the same movable channels (the spec's "a run of months",
scenario-v1 §5), and its `split` gives every movable channel's monthly budget, averaged over the months it runs
(docs/allocate.md). Numbers derived by hand.

A user bought in month t pays 10 and costs 1 to serve in each month he is active, and half the users leave each
month: over a horizon of 4 months, one bought in month 1 brings 9 x (1 + 1/2 + 1/4 + 1/8) = 16.875, in month 2
9 x 1.75 = 15.75, in month 3 9 x 1.5 = 13.5, in month 4 9.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from cli_runner import invoke

USER = """\
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: I, price: 10, rate: 1}]
costs: {serving_per_active_user: 1}
"""

APART = """\
name: Apart
horizon_months: 4
start: 2025-01
acquisition:
  - {name: A, type: cpa, bid: {by_month: {1: 5, 3: 40}}, budget: 500, months: [1, 3]}
  - {name: B, type: cpa, bid: 12, budget: 800, saturation_budget: 3000}
""" + USER
"""A runs in months 1 and 3 only, cheap in month 1 (bid 5) and dear in month 3 (bid 40); B in every month."""

OVERLAPPING = """\
name: Overlapping
horizon_months: 4
acquisition:
  - {name: A, type: cpa, bid: 10, budget: 500, months: 1-3, saturation_budget: 2000}
  - {name: B, type: cpa, bid: 12, budget: 800, months: 2-4, saturation_budget: 3000}
  - {name: K, type: kol, posts: 1, fee: 300, views: 10000, view_to_user: 0.02, views_decay: 0.3, months: 1-4}
""" + USER


def _allocate(tmp_path: Path, text: str, *args: str) -> str:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    result = invoke(["allocate", str(path), "--budget", "1000", *args], env={"COLUMNS": "120"})
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    return result.stdout


def test_months_apart_are_phases_of_their_own(tmp_path: Path) -> None:
    """B = 1,000 a month. Month 1: A buys 1/5 user a yuan (3.375 of value), B at most 1/12 (1.41): all to A, 200 users,
    3,375. Month 3: A's yuan brings 13.5 / 40 = 0.3375; B's last yuan of 1,000 buys (1/12)(3000/4000)^2 users, 0.633
    of value: all to B, 1000/12 x 3000/4000 = 62.5 users, 843.75. Months 2 and 4 are B's alone: 62.5 users each,
    984.375 and 562.5. NPV 5,765.625 - 4,000 = 1,765.625. Months 1 and 3 made one phase had to give both one split:
    A 1,000 (3,375 + 337.5), NPV 1,259.375."""
    data = json.loads(_allocate(tmp_path, APART, "-f", "json"))
    assert [phase["months"] for phase in data["best"]["phases"]] == [[1], [2], [3], [4]]
    assert [phase["split"] for phase in data["best"]["phases"]] == [
        pytest.approx({"A": 1000, "B": 0}, abs=1e-3), pytest.approx({"B": 1000}), pytest.approx({"A": 0, "B": 1000}, abs=1e-3),
        pytest.approx({"B": 1000})]
    assert data["best"]["value"] == pytest.approx(1765.625, rel=1e-6)
    assert data["best"]["spend"] == pytest.approx(4000)


@pytest.mark.parametrize(("lang", "cells"), [
    ("en", ["| Month 1 (2025-01) | A |", "| Month 2 (2025-02) | B |", "| Month 3 (2025-03) | A |",
            "| Month 4 (2025-04) | B |"]),
    ("zh", ["| 第 1 月（2025-01） | A |", "| 第 2 月（2025-02） | B |", "| 第 3 月（2025-03） | A |",
            "| 第 4 月（2025-04） | B |"]),
])
def test_every_format_names_each_phases_months(tmp_path: Path, lang: str, cells: list[str]) -> None:
    markdown = _allocate(tmp_path, APART, "-f", "markdown", "--lang", lang)
    assert all(cell in markdown for cell in cells), markdown
    view = _allocate(tmp_path, APART, "--lang", lang)
    for month in (1, 2, 3, 4):
        named = f"Month {month}" if lang == "en" else f"第 {month} 月"
        assert named in view and (f"(2025-0{month})" if lang == "en" else f"（2025-0{month}）") in view, view
    header = _allocate(tmp_path, APART, "-f", "csv", "--table", "curve").splitlines()[0]
    assert header.endswith(",A [1],B [1],B [2],A [3],B [3],B [4],currency"), header


def test_a_month_without_a_movable_channel_ends_a_phase(tmp_path: Path) -> None:
    """A and B both run in months 1-2 and 4: month 3, when neither runs, parts them."""
    plan = APART.replace("months: [1, 3]}", "months: [1, 2, 4]}").replace("saturation_budget: 3000}",
                                                                        "saturation_budget: 3000, months: [1, 2, 4]}")
    data = json.loads(_allocate(tmp_path, plan, "-f", "json"))
    assert [phase["months"] for phase in data["best"]["phases"]] == [[1, 2], [4]]


def test_split_gives_every_channel_its_monthly_budget_over_the_months_it_runs(tmp_path: Path) -> None:
    """Today A spends 500 in months 1-3, B 800 in months 2-4, K 1 post of 300 in months 1-4: every channel, not only
    those of the first phase (month 1: A and K)."""
    data = json.loads(_allocate(tmp_path, OVERLAPPING, "-f", "json"))
    assert data["current"]["split"] == {"A": 500, "B": 800, "K": 300}
    assert list(data["best"]["split"]) == ["A", "B", "K"]


def test_split_averages_a_channels_phases_over_its_months(tmp_path: Path) -> None:
    """At the best split (first test) A gets 1,000 in month 1 and 0 in month 3: 500 a month over its 2 months; B 0 in
    month 1 and 1,000 in months 2-4: 750 over its 4. So split x months is each channel's spend, 1,000 + 3,000 = 4 x
    B; the budget curve's point at B gives the same split, and the channel table's budgets."""
    data = json.loads(_allocate(tmp_path, APART, "-f", "json"))
    assert data["best"]["split"] == pytest.approx({"A": 500, "B": 750}, abs=1e-3)
    assert data["current"]["split"] == {"A": 500, "B": 800}
    at_b = next(point for point in data["curve"] if point["multiple"] == 1)
    assert at_b["split"] == data["best"]["split"]
    assert {row["name"]: row["best"]["budget"] for row in data["channels"]} == data["best"]["split"]
    rows = list(csv.DictReader(io.StringIO(_allocate(tmp_path, APART, "-f", "csv"))))
    assert [float(row["best_budget"]) for row in rows] == pytest.approx([500, 750], abs=1e-3)


def test_todays_split_stands_on_the_budget_curve_at_the_monthly_budget_spending_as_much(tmp_path: Path) -> None:
    """Today: month 1 A 500 + K 300 = 800, months 2-3 A + B + K = 1,600, month 4 B + K = 1,100: 5,100 over 4 months,
    which B = 1,275 a month spends (the first phase's 800 said before that today's split spends less than it does)."""
    path = tmp_path / "plan.yaml"
    path.write_text(OVERLAPPING, encoding="utf-8")
    result = invoke(["report", str(path), "--allocate", "1000", "-o", str(tmp_path / "page.html")])
    assert result.exit_code == 0, result.stderr
    assert "today&#x27;s split: 1,275 →" in (tmp_path / "page.html").read_text(encoding="utf-8")
