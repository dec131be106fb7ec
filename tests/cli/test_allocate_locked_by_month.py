"""A locked channel whose budget is written by month is said to be locked at that budget, its amount the mean over its
months (QA zh-cli 4): '巨量千川 is locked at 276,000 a month', where its budget ramped from 180,000 to 300,000 and no
month spent 276,000. By hand: Feed's budget is 1,000 in month 1 and 3,000 in month 3, read straight between them
(docs/formulas.md §14): 1,000, 2,000 and 3,000 in months 1-3, a mean of 2,000; Flat's is 500 every month."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = """version: 1
name: locked
horizon_months: 3
virality: 0.05
retention:
  points: {1: 0.4, 3: 0.2}
acquisition:
  - {name: Search, type: cpa, bid: 10, budget: 1000}
  - {name: Feed, type: cpm, cpm: 30, ctr: 1%, cvr: 10%, budget: {by_month: {1: 1000, 3: 3000}}}
  - {name: Flat, type: cpa, bid: 12, budget: 500}
monetization:
  plans:
    - {name: M, price: 30, period: month, conversion: 10%, renewal: 0.6}
"""


@pytest.fixture
def plan(tmp_path: Path) -> str:
    path = tmp_path / "p.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "! Feed is locked at its budget by month, 2,000 a month on average over months 1-3, outside B."),
    ("zh", "! Feed 按各月预算锁定，第 1-3 月平均每月 2,000，不计入 B。"),
])
def test_a_budget_by_month_is_an_average(plan: str, lang: str, said: str) -> None:
    result = invoke(["allocate", plan, "--budget", "1000", "--lock", "Feed", "--lock", "Flat", "--lang", lang],
                    env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    lines = (result.stdout + result.stderr).splitlines()
    assert said in lines, lines


def test_a_flat_budget_is_its_amount(plan: str) -> None:
    result = invoke(["allocate", plan, "--budget", "1000", "--lock", "Feed", "--lock", "Flat"],
                    env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert "! Flat is locked at 500 a month, outside B." in (result.stdout + result.stderr).splitlines()
