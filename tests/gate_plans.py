"""A plan with one gate of each kind reader/gate_warnings.py warns about, read by the reader's, the CLI's and the CI
formats' tests of those warnings: a test channel that never runs in the test months (Unseen), one of two that does
not (Partly), and a gate whose channels all stop before the test ends (Idle)."""

from __future__ import annotations

EVERY_GATE_WARNING = """\
name: Gated
horizon_months: 6
acquisition:
  - {name: Early, type: cpa, bid: 10, budget: 1000, months: 1-2}
  - {name: Late, type: cpa, bid: 10, budget: 1000, months: 3-6}
  - {name: Always, type: cpa, bid: 10, budget: 1000}
  - {name: First, type: cpa, bid: 10, budget: 1000, months: [1]}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: Item, price: 10, rate: 1}]
gates:
  - {name: Unseen, after_month: 2, channels: [Late], min_roas: 1, then: [Always]}
  - {name: Partly, after_month: 1, channels: [Always, Late], min_roas: 1, then: [Early, First]}
  - {name: Idle, after_month: 2, channels: [Early], max_cac: 50}
"""
