"""A plan whose movable channels run in different months, so allocate splits it in two phases, read by allocate's
tests of its spend warning and the report's tests of how it writes a span of months.

Search runs in months 1-2, feed ads all along: phases 1-2 and 3; month 1 is 2025-11. Today 300 + 800 = 1,100 a month
in months 1-2 and 800 in month 3, 2 x 1,100 + 800 = 3,000 over the horizon, which is also B = 1,000 x 3 months: the
horizon's totals agree while neither phase spends B."""

from __future__ import annotations

APART = """\
name: Apart
horizon_months: 3
start: 2025-11
acquisition:
  - {name: Search, type: cpa, bid: 5, budget: 300, months: [1, 2], saturation_budget: 2000}
  - {name: Feed ads, type: cpa, bid: 12, budget: 800, saturation_budget: 3000}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: I, price: 10, rate: 1}]
"""
