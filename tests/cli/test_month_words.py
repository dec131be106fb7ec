"""Months named in a sentence or a cell: one month is "month 1" (第 1 月), never "months 1"; more are "months 1-3", the span a file writes
(present/month_words.py), and an error's months read in Chinese too (QA what-if F9c)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

# A runs in month 1 only and B in months 1-3: month 1 is one phase (A and B), months 2-3 another (B alone).
ONE_MONTH_PHASE = """\
name: Phases
horizon_months: 3
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: item, price: 10, rate: 1}]
acquisition:
  - {name: A, type: cpa, bid: 10, budget: 1_000, saturation_budget: 5_000, months: 1}
  - {name: B, type: cpa, bid: 10, budget: 1_000, saturation_budget: 5_000}
"""
# A runs in months 1-3 and 7, B in months 4-6: three phases, months 1-3, 4-6 and 7; A's minimum fails in 1-3 and 7.
SPLIT_PHASE = """\
name: Split phase
horizon_months: 7
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: item, price: 10, rate: 1}]
acquisition:
  - {name: A, type: cpa, bid: 10, budget: 1_000, saturation_budget: 5_000, months: [1, 2, 3, 7]}
  - {name: B, type: cpa, bid: 10, budget: 1_000, saturation_budget: 5_000, months: 4-6}
"""


def _plan(tmp_path: Path, text: str) -> str:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(("plan", "lang", "message"), [
    (ONE_MONTH_PHASE, "en", "aigc-roi: the minimums add up to 5,000 in month 1, more than the budget 1,000\n"),
    (ONE_MONTH_PHASE, "zh", "aigc-roi: 第 1 月的下限合计 5,000，超过预算 1,000\n"),
    (SPLIT_PHASE, "en", "aigc-roi: the minimums add up to 5,000 in months 1-3, more than the budget 1,000\n"
                        "aigc-roi: the minimums add up to 5,000 in month 7, more than the budget 1,000\n"),
    (SPLIT_PHASE, "zh", "aigc-roi: 第 1-3 月的下限合计 5,000，超过预算 1,000\naigc-roi: 第 7 月的下限合计 5,000，超过预算 1,000\n"),
])
def test_bounds_that_cannot_spend_the_budget_name_the_months(tmp_path: Path, plan: str, lang: str, message: str) -> None:
    result = invoke(["allocate", _plan(tmp_path, plan), "--budget", "1000", "--min", "A=5000", "--lang", lang])
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)


@pytest.mark.parametrize(("lang", "shown", "absent"), [
    ("en", ["│ Month 1    │ A", "│ Months 2-3 │ B", "cpa · month 1 ", "cpa · months 1-3 "], ["months 1 ", "Months 1 "]),
    ("zh", ["│ 第 1 月   │ A", "│ 第 2-3 月 │ B", "按转化付费 · 第 1 月 "], []),
])
def test_a_one_month_phase_and_channel_read_month_1(tmp_path: Path, lang: str, shown: list[str], absent: list[str]) -> None:
    result = invoke(["allocate", _plan(tmp_path, ONE_MONTH_PHASE), "--budget", "1000", "--lang", lang],
                    env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    for text in shown:
        assert text in result.stdout
    for text in absent:
        assert text not in result.stdout
