"""Today's split is the file as written, at the median values too (docs/allocate.md, what B covers).

A cpa channel written by users at a bid that moves by month spends a different amount each month; its monthly budget
is their mean, and in budget form that mean buys mean / bid(t) users in month t, not the users the file writes. Today's
split was run in that form, so its value was no run of the file. Worked by hand: users live one month (churn 1) and
each pays 30 once, so net cash = 30 x users - spend.
"""

from __future__ import annotations

import pytest

from aigc_roi.reader.load import load_text
from aigc_roi.whatif.allocate import allocate

PLAN = """\
name: Users at a rising bid
horizon_months: 3
acquisition:
  - {name: Rising, type: cpa, bid: {by_month: {1: 10, 2: 20, 3: 30}}, users: 100}
  - {name: Flat, type: cpa, bid: 20, budget: 2000}
retention: {monthly_churn: 1}
monetization:
  purchases: [{name: item, price: 30, rate: 1}]
"""


def test_todays_value_and_rows_are_the_files_users_at_a_bid_by_month() -> None:
    # The file: Rising buys 100 users a month for 1,000, 2,000, 3,000 (300 users, 6,000), Flat 100 a month for 2,000
    # (300 users, 6,000): net cash 30 x 600 - 12,000 = 6,000. In budget form Rising's mean 2,000 a month bought
    # 200 + 100 + 66.67 users: 8,000, which run of the file never says.
    scenario = load_text(PLAN, "rising.yaml").scenario
    result = allocate(scenario, 4_000, "net_cash", curve=())
    assert result.current_value == pytest.approx(6_000.0, rel=1e-12)
    assert result.current_spent == pytest.approx(12_000.0, rel=1e-12)
    rising = next(channel for channel in result.channels if channel.name == "Rising")
    # Its CAC today: 6,000 for 300 users.
    assert rising.current.cac == pytest.approx(20.0, rel=1e-12)
    # A yuan a month in Rising buys 1/10 + 1/20 + 1/30 = 11/60 users over the months, in Flat 9/60: all 4,000 a month
    # go to Rising, 4,000 x 11/60 = 733.33 users, net cash 22,000 - 12,000 = 10,000.
    assert result.best_split == pytest.approx({"Rising": 4_000.0, "Flat": 0.0})
    assert result.best_value == pytest.approx(10_000.0)
