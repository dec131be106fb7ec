"""`actuals`' plan side month by month (docs/formulas.md §16): an input written by month is each month's own
value, and the early revenue per user is the channel's own (its conversion index) at its join month's prices.
Every expectation is worked by hand in the comments."""

from __future__ import annotations

from pathlib import Path

import pytest

from aigc_roi import api
from aigc_roi.whatif.actuals import Actuals

# One cpm channel at 40 per 1,000 impressions and 30,000 a month: 750,000 impressions a month; its ctr by month.
CTR_BY_MONTH = """\
name: ctr by month
start: 2025-03
horizon_months: 2
acquisition:
  - {name: B, type: cpm, cpm: 40, ctr: {by_month: {1: 0.01, 2: 0.02}}, cvr: 0.1, budget: 30000, match: ["b_*"]}
retention: {monthly_churn: 0.5}
"""

# A cpm channel buying 1,000,000 impressions a month at a CPM by month, its cvr by month too: spend 20,000 then
# 40,000, clicks 10,000 a month, users 1,000 then 2,000.
CPM_AND_CVR_BY_MONTH = """\
name: cpm and cvr by month
start: 2025-03
horizon_months: 2
acquisition:
  - name: B
    type: cpm
    cpm: {by_month: {1: 20, 2: 40}}
    ctr: 0.01
    cvr: {by_month: {1: 0.1, 2: 0.2}}
    impressions: 1000000
    match: ["b_*"]
retention: {monthly_churn: 0.5}
"""

# Two cpa channels, A's users of conversion index 2; a monthly plan whose price doubles in month 2, and a purchase.
INDEXED = """\
name: early revenue
start: 2025-03
horizon_months: {horizon}
acquisition:
  - {{name: A, type: cpa, bid: 20, budget: 31000, match: ["a_*"], conversion_index: {index}}}
  - {{name: B, type: cpa, bid: 20, budget: 31000, match: ["b_*"]}}
retention: {{monthly_churn: 0.5}}
monetization:
  plans: [{{name: M, price: {price}, period: month, conversion: 0.1}}]
  purchases: [{{name: p, price: 10, rate: 0.5}}]
"""

TWO_CHANNEL_EXPORT = """\
date,campaign,spend,new_users,revenue
2025-03-01,a_1,1000,50,100
2025-04-30,a_1,1000,50,100
2025-03-01,b_1,1000,50,100
2025-04-30,b_1,1000,50,100
"""


def _compare(tmp_path: Path, plan: str, export: str) -> Actuals:
    plan_file, export_file = tmp_path / "plan.yaml", tmp_path / "export.csv"
    plan_file.write_text(plan, encoding="utf-8")
    export_file.write_text(export, encoding="utf-8")
    return api.actuals(api.load(plan_file), [export_file], samples=100)


def test_a_ctr_by_month_is_each_months_own(tmp_path: Path) -> None:
    export = ("date,campaign,spend,impressions,clicks,new_users\n"
              "2025-03-01,b_1,30000,750000,3750,375\n"
              "2025-04-30,b_1,30000,750000,7500,750\n")
    channel = _compare(tmp_path, CTR_BY_MONTH, export).channels[0]
    assert [month.plan.ctr for month in channel.months] == [0.01, 0.02]
    assert [month.actual.ctr for month in channel.months] == [0.005, 0.01]
    # Over both months: 11,250 clicks of 1,500,000 impressions against the plan's 0.01 x 750,000 + 0.02 x 750,000.
    furthest = channel.furthest
    assert furthest is not None and furthest.path == "acquisition[0].ctr"
    assert (furthest.plan, furthest.actual) == pytest.approx((0.015, 0.0075))
    assert furthest.ratio == pytest.approx(0.5)


def test_a_rate_by_month_is_weighed_by_the_impressions_there_were(tmp_path: Path) -> None:
    # Both months' budget spent in March at the plan's CPM, ctr and cvr, nothing in April: every rate is March's,
    # on plan; weighed by the plan's own impressions the ctr would read 0.01 against 0.015.
    export = ("date,campaign,spend,impressions,clicks,new_users\n"
              "2025-03-01,b_1,60000,1500000,15000,1500\n"
              "2025-04-30,b_1,0,0,0,0\n")
    channel = _compare(tmp_path, CTR_BY_MONTH, export).channels[0]
    ratios = {deviation.path: deviation.ratio for deviation in channel.deviations}
    assert ratios == pytest.approx({"acquisition[0].cpm": 1.0, "acquisition[0].ctr": 1.0, "acquisition[0].cvr": 1.0,
                                    "acquisition[0].budget": 1.0})


def test_a_cpm_and_a_cvr_by_month_are_each_months_own(tmp_path: Path) -> None:
    export = ("date,campaign,spend,impressions,clicks,new_users\n"
              "2025-03-01,b_1,20000,1000000,10000,1000\n"
              "2025-04-30,b_1,40000,1000000,10000,1000\n")
    channel = _compare(tmp_path, CPM_AND_CVR_BY_MONTH, export).channels[0]
    assert [month.plan.cvr for month in channel.months] == [0.1, 0.2]
    by_path = {deviation.path: (deviation.plan, deviation.actual) for deviation in channel.deviations}
    # CPM: 1,000 x 60,000 / 2,000,000 = 30 against (20 + 40) / 2 over a million impressions each month.
    assert by_path["acquisition[0].cpm"] == pytest.approx((30.0, 30.0))
    # Impressions: 1,000 x 20,000 / 20 + 1,000 x 40,000 / 40 planned, 2,000,000 reported.
    assert by_path["acquisition[0].impressions"] == pytest.approx((2_000_000.0, 2_000_000.0))
    # CVR: 2,000 users of 20,000 clicks against (10,000 x 0.1 + 10,000 x 0.2) / 20,000: April converted half.
    assert by_path["acquisition[0].cvr"] == pytest.approx((0.15, 0.1))
    assert channel.furthest is not None and channel.furthest.path == "acquisition[0].cvr"


@pytest.mark.parametrize(("horizon", "index", "price", "expected"), [
    # Month 1: 0.1 x 30 + 0.5 x 10 = 8; month 2: 0.1 x 60 + 5 = 11; A's index 2 doubles both.
    (3, 2, "{by_month: {1: 30, 2: 60}}", {"A": [16.0, 22.0], "B": [8.0, 11.0]}),
    # Each join month's price, not the horizon's mean: a 2-month horizon reads the same 8 and 11.
    (2, 1, "{by_month: {1: 30, 2: 60}}", {"A": [8.0, 11.0], "B": [8.0, 11.0]}),
    # A flat price: 8 a user, A's 16.
    (3, 2, "30", {"A": [16.0, 16.0], "B": [8.0, 8.0]}),
])
def test_early_revenue_per_user_is_the_channels_own_in_its_join_month(tmp_path: Path, horizon: int, index: int,
                                                                       price: str, expected: dict[str, list[float]]) -> None:
    plan = INDEXED.format(horizon=horizon, index=index, price=price)
    channels = _compare(tmp_path, plan, TWO_CHANNEL_EXPORT).channels
    found = {channel.name: [month.plan.revenue_per_user for month in channel.months] for channel in channels}
    assert found == {name: pytest.approx(values) for name, values in expected.items()}
