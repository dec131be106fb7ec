"""The QA what-if tester's s4 plan (docs/formulas.md §10): a test channel T, and U scaled after month 1 if T's ROAS
reaches 0.9. With the gate passed, active user-months are T 100+150+175 and U 100+150 (675), so ROI = 0 at an item
price of 1 + 7,000/675 = 11.37 and at T's bid of 2,075/300 = 6.92; ``u_bid`` sets U's bid."""

from __future__ import annotations

GATED_S4 = """version: 1
name: S4 gated
horizon_months: 3
acquisition:
  - {{name: T, type: cpa, bid: 10, users: 100}}
  - {{name: U, type: cpa, bid: {u_bid}, users: 100, months: 2-3}}
retention: {{monthly_churn: 0.5}}
monetization:
  purchases: [{{name: Item, price: 10, rate: 1}}]
costs: {{serving_per_active_user: 1}}
gates:
  - {{name: test, after_month: 1, channels: [T], min_roas: 0.9, then: [U]}}
"""
