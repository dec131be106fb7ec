"""`allocate` with channels whose prices and rates move by month (issue 21, docs/formulas.md §14).

A split gives a channel the same budget every month; the engine reads the channel's month-t values, so a
cpa channel with a bid of 10, 20, 30 buys b/10, b/20, b/30 users in months 1-3 at a budget of b a month.
Worked by hand: users live one month (churn 1) and each pays 30 once, so net cash = 30 x users - spend.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.reader.load import load_text
from aigc_roi.whatif.allocate import allocate

RISING_AND_FLAT = """\
name: Rising bid
horizon_months: 3
acquisition:
  - {name: Rising, type: cpa, bid: {by_month: {1: 10, 3: 30}}, budget: 300}
  - {name: Flat, type: cpa, bid: 20, budget: 300}
retention: {monthly_churn: 1}
monetization:
  purchases: [{name: item, price: 30, rate: 1}]
"""


def test_a_rising_bid_buys_by_its_months_and_the_split_follows_users_per_yuan() -> None:
    # A yuan a month in Rising buys 1/10 + 1/20 + 1/30 = 11/60 users over the three months, in Flat 3/20 = 9/60:
    # all 600 a month go to Rising. Today: 300 x 11/60 + 300 x 9/60 = 100 users, net cash 3,000 - 1,800 = 1,200;
    # best: 600 x 11/60 = 110 users, net cash 3,300 - 1,800 = 1,500.
    scenario = load_text(RISING_AND_FLAT, "rising.yaml").scenario
    result = allocate(scenario, 600, "net_cash")
    assert result.best_split == pytest.approx({"Rising": 600.0, "Flat": 0.0})
    assert result.current_value == pytest.approx(1_200.0)
    assert result.best_value == pytest.approx(1_500.0)
    rising = next(channel for channel in result.channels if channel.name == "Rising")
    # Its CAC at the best split: 1,800 spent for 110 users.
    assert rising.best.cac == pytest.approx(1_800 / 110)


def test_with_saturation_the_month_profile_holds_at_every_budget() -> None:
    # Saturation (h = 600) bends the budget, not the months: users in month t = b / bid(t) x 600 / (b + 600).
    # Flat locked. At b = 600 Rising buys 600 x 11/60 x 1/2 = 55 users: net cash 30 x 55 - 1,800 = -150.
    text = RISING_AND_FLAT.replace("budget: 300}", "budget: 300, saturation_budget: 600}", 1)
    scenario = load_text(text, "rising.yaml").scenario
    result = allocate(scenario, 600, "net_cash", locks=["Flat"], curve=())
    # Flat keeps its 300 a month: 3 x 15 users, 900 spent, 450 net.
    assert result.best_value == pytest.approx(-150.0 + 450.0)


FEE_PLAN = """\
name: fee by month
horizon_months: 3
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: item, price: 100, rate: 1}]
acquisition:
  - {name: Creators, type: kol, posts: 2, fee: {by_month: {1: 10000, 3: 20000}}, views: 100000, view_to_user: 0.01}
  - {name: Search, type: cpa, bid: 10, budget: 10000}
"""


def test_a_fee_by_month_is_named_as_what_cannot_move(tmp_path: Path) -> None:
    # A fee is a price: the refusal names the fee as what may not move, not "only its prices and rates may move".
    path = tmp_path / "fee.yaml"
    path.write_text(FEE_PLAN, encoding="utf-8")
    english = invoke(["allocate", str(path), "--budget", "30000"])
    assert english.exit_code == 2
    assert "so its fee may not move by month" in english.stderr
    assert "only its prices and rates" not in english.stderr
    chinese = invoke(["allocate", str(path), "--budget", "30000", "--lang", "zh"])
    assert "所以 fee 不能按月变化" in chinese.stderr
