"""Two small plans the library's tests of two files share: ONE channel (Feed), and TWO, Feed and Search."""

ONE = """\
name: one channel
horizon_months: 12
acquisition:
  - {name: Feed, type: cpa, bid: 12, budget: 30000}
retention: {monthly_churn: 0.2}
monetization: {plans: [{name: p, price: 30, period: month, conversion: 0.05}]}
"""
TWO = ONE.replace("name: one channel", "name: two channels").replace(
    "budget: 30000}\n", "budget: 30000}\n  - {name: Search, type: cpa, bid: 9, budget: 10000}\n")
