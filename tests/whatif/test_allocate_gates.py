"""`allocate` on a gated plan (issue 22, docs/formulas.md §18): the figures are the staged plan's, each gate
decided per sample as the engine does; the search itself plans as if every gate passed (said in a warning).

The plan is §18's worked example: KOL (1,000 users a month, months 1-2, 10,000 a month) is tested for a
ROAS of 2 and reaches 1.35, so Feed (cpm 40, ctr 1%, cvr 5%: 250 users a month for 20,000) stops after
month 2. New users 1,250, 1,500, 300, 60; active users 1,250, 2,125, 1,362.5, 741.25 (churn 0.5); each
active user pays 10 and costs 1 to serve a month.
"""

from __future__ import annotations

import pytest
from spec_example import GATED_EXAMPLE as PLAN

from aigc_roi.reader.load import load_text
from aigc_roi.whatif.allocate import allocate


def test_the_figures_are_the_staged_plans_not_the_plan_with_every_gate_passed() -> None:
    scenario = load_text(PLAN, "gated.yaml").scenario
    result = allocate(scenario, 20_000, "net_cash", locks=["KOL"], curve=())
    # Staged: 9 x (1,250 + 2,125 + 1,362.5 + 741.25) - 60,000 = -10,691.25. With every gate passed it would be
    # 9 x (1,250 + 2,125 + 1,612.5 + 1,166.25) - 100,000 = -44,616.25.
    assert result.current_value == pytest.approx(-10_691.25)
    assert result.best_value == pytest.approx(-10_691.25)
    feed = next(channel for channel in result.channels if channel.name == "Feed")
    # Feed bought 250 users in each of months 1-2 only: 40,000 for 500 users.
    assert feed.best.cac == pytest.approx(80.0)
    assert "gates_planned_as_passed" in [warning.code for warning in result.warnings]


def test_a_plan_without_gates_says_nothing_of_them() -> None:
    scenario = load_text(PLAN.split("gates:")[0], "plain.yaml").scenario
    result = allocate(scenario, 20_000, "net_cash", locks=["KOL"], curve=())
    assert result.best_value == pytest.approx(-44_616.25)
    assert "gates_planned_as_passed" not in [warning.code for warning in result.warnings]
