"""A plan of one ranged bid, simulated by the tests of the progress bar (cli/progress.py) and of what `compare
--samples` tells it: small enough to run at once, ranged so that its simulation has every stage."""

from __future__ import annotations

UNIFORM_BID = """\
name: Uniform bid
horizon_months: 12
acquisition:
  - {name: Ads, type: cpa, bid: {dist: uniform, low: 5, high: 20}, budget: 10000}
retention: {monthly_churn: 0.1}
monetization:
  purchases: [{name: Credits, price: 3, rate: 1}]
"""
