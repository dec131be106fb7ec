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


ONE_GATE = """\
name: One gate
horizon_months: 2
discount_rate: 0
retention: {{monthly_churn: 1}}
monetization:
  purchases: [{{name: item, price: 100, rate: 1}}]
acquisition:
  - {{name: Test, type: cpa, bid: 20, budget: {test_budget}, saturation_budget: 50_000, months: 1}}
  - {{name: Scale, type: cpa, bid: 400, budget: 10_000, saturation_budget: 50_000, months: 2}}
gates:
  - {{name: proof, after_month: 1, channels: [Test], max_cac: 30, then: [Scale]}}
"""
"""Two months, one gate, Test's budget today to fill in (``ONE_GATE.format(test_budget="10_000")``): read by the
report's and allocate's tests of a budget curve's gate marks. By hand: a user pays 100 in the month he is bought and
leaves; Test buys in month 1 at a bid of 20 with h = 50,000, b buying b / 20 x h / (b + h) users at a CAC of
20 (b + h) / h, so the gate proof (max_cac 30) passes for b <= h / 2 = 25,000; of the curve's budgets 0, 4,000, ...,
32,000 under 16,000 it fails at 28,000 and 32,000 alone (``ONE_GATE_FAILING``)."""
ONE_GATE_FAILING = {"en": ["28,000", "32,000"], "zh": ["2.8万", "3.2万"]}
ONE_GATE_MARK = {"en": "✗ gate 'proof' fails", "zh": "✗ 闸门“proof”不通过"}
ONE_GATE_CAPTION = {"en": "At 28,000, 32,000 the gate 'proof' fails: Test, Scale buy nothing after month 1",
                    "zh": "2.8万、3.2万 处闸门“proof”不通过：第 1 月之后 Test、Scale 不再投放"}
