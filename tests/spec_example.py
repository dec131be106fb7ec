"""The worked examples many tests check by hand: the spec's (section 6), verbatim, and docs/formulas.md §18's gated plan.

A = 1000, 500, 250; revenue 10000, 5000, 2500; serving 1000, 500, 250; ad
spend 20000 in month 1; F = -11000, 4500, 2250; cumulative -11000, -6500,
-4250 (payback none); roas 0.875, roi -0.2125, cac 20, ltv 15.75.
"""

WORKED_EXAMPLE = """\
name: Spec worked example
horizon_months: 3
acquisition:
  - {name: CPA, type: cpa, bid: 20, users: 1000, months: 1}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: item, price: 10, rate: 1}]
costs: {serving_per_active_user: 1}
"""


# The worked example with every kind of range at zero width: a simulation must equal the run exactly.
ZERO_WIDTH = """\
name: Zero-width ranges
horizon_months: 3
discount_rate: {dist: uniform, low: 0.1, high: 0.1}
acquisition:
  - {name: CPA, type: cpa, bid: 20..20, users: {dist: normal, mean: 1000, sd: 0}, months: 1}
retention: {monthly_churn: {dist: uniform, low: 0.5, high: 0.5}}
monetization:
  purchases: [{name: item, price: 10, rate: 1}]
costs:
  serving_per_active_user: 1
  fixed: [{name: tools, monthly: 300..300, months: 1}]
"""


# docs/formulas.md §18's worked example: KOL (1,000 users a month in months 1-2 for 10,000 a month) is tested for a
# ROAS of 2 and reaches 1.35, so Feed (250 users a month for 20,000) stops after month 2.
GATED_EXAMPLE = """\
name: Creators first, feed if they work
horizon_months: 4
virality: 0.2
acquisition:
  - {name: KOL, type: kol, posts: 1, fee: 10000, views: 100000, view_to_user: 0.01, months: 1-2}
  - {name: Feed, type: cpm, cpm: 40, ctr: 0.01, cvr: 0.05, budget: 20000}
retention: {monthly_churn: 0.5}
monetization:
  purchases:
    - {name: Pack, price: 10, rate: 1}
costs:
  serving_per_active_user: 1
gates:
  - name: creators prove it
    after_month: 2
    channels: [KOL]
    min_roas: 2
    then: [Feed]
"""


EXPLAIN_EXAMPLE = """\
name: {name}
horizon_months: 1
acquisition:
  - {{name: CPA, type: cpa, bid: {bid}, users: 1000}}
retention: {{monthly_churn: 0.5}}
monetization:
  purchases: [{purchases}]
"""
"""docs/formulas.md §13's worked example: one month of 1,000 users bought at ``bid``, each buying the
``purchases`` (the items of a YAML flow list) at their rates."""


def explain_example(name: str, bid: float, price: float) -> str:
    """§13's example as the docs write it: one item at ``price``, bought by every user."""
    return EXPLAIN_EXAMPLE.format(name=name, bid=bid, purchases=f"{{name: item, price: {price}, rate: 1}}")


# Every kind of item beside values by month, a source of its own and referral rewards: what moves on its own amounts
# (aigc_roi/model/figure_values.py FigureInputs, aigc_roi/whatif/item_slots.py) against the whole scenario's figures.
EVERY_ITEM = """
name: items
horizon_months: 14
ltv_months: 20
discount_rate: 0.12
acquisition:
  - {name: A, type: cpa, bid: {by_month: {1: 8, 14: 12}}, budget: 50000, saturation_budget: 900000}
  - {name: B, type: kol, posts: 2, fee: 3000, views: 50000, view_to_user: 0.01, months: [2, 3, 4],
     retention: {monthly_churn: 0.3}, conversion_index: 0.8}
organic_users: 800
virality: 0.04
retention: {points: {1: 0.4, 3: 0.25, 6: 0.17, 12: 0.11}}
referral_reward: 3
monetization:
  revenue_fee: 0.05
  plans:
    - {name: Monthly, price: {by_month: {1: 30, 10: 39}}, period: month, conversion: 4%, renewal: 0.7, fee: 0.3}
    - {name: Yearly, price: 199, period: year, conversion: 1%, renewal: 0.5}
  purchases: [{name: Pack, price: 19.9, rate: 0.02, unit_cost: 4}]
  orders: [{name: Team, price: 5000, count: 2, months: 3-14, fee: 0.01}]
costs: {serving_per_active_user: {by_month: {1: 0.8, 14: 0.5}}, serving_per_subscriber: 0.5,
        fixed: [{name: Tools, monthly: 600}]}
"""
