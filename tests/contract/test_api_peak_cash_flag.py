"""api.figures says, as `run`'s JSON does, where the peak cash need is only a lower bound (docs/formulas.md §5
``peak_cash_at_horizon``): a script reading ``peak_cash_need`` from the library lacked the flag the CLI's JSON has,
and took the low point so far for the peak."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi import api

# No user at all: the cash is the fixed cost alone, month by month.
PLAN = """\
name: team only
horizon_months: 3
organic_users: 0
retention: {{monthly_churn: 0.5}}
monetization:
  purchases: [{{name: p, price: 10, rate: 1}}]
costs: {{fixed: [{{name: team, monthly: {monthly}}}]}}
"""

CASES = [
    # Cumulative cash -1,000, -2,000, -3,000: lowest in month 3, the horizon's last, and still falling.
    ("1000", 3000.0, 3, True),
    # -1,000 in month 1 and no cost after: the low is month 1's, the need whole.
    ("{by_month: {1: 1000, 2: 0}}", 1000.0, 1, False),
    # No cost: no cash need, no peak month.
    ("0", 0.0, None, False),
]


@pytest.mark.parametrize(("monthly", "need", "month", "at_horizon"), CASES, ids=["falling", "recovered", "no need"])
def test_the_figures_flag_a_peak_cash_need_still_falling_at_the_horizon(
        monthly: str, need: float, month: int | None, at_horizon: bool, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN.format(monthly=monthly), encoding="utf-8")
    figures = api.figures(api.load(path))
    assert (figures["peak_cash_need"], figures["peak_cash_month"]) == (need, month)
    assert figures["peak_cash_at_horizon"] is at_horizon


def test_the_figures_are_those_of_run_json(tmp_path: Path) -> None:
    """The same keys in the same order, the flag last, with the irr notes asked for as JSON has them."""
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN.format(monthly="1000"), encoding="utf-8")
    result = invoke(["run", str(path), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    shown = json.loads(result.stdout)["figures"]
    figures = api.figures(api.load(path), with_irr_none_reason=True)
    assert list(figures) == list(shown)
    assert figures == shown
    assert list(api.figures(api.load(path)))[-1] == "peak_cash_at_horizon"
