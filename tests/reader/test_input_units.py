"""reader/input_units.py: a scenario value's unit, read off the kind the reader reads it with: the same field name
is an amount in one place and a share in another (a kol channel's fee is money, a purchase's fee a share of its
revenue), and a channel's fields are its type's."""

from __future__ import annotations

import pytest

from aigc_roi.reader.input_units import input_unit
from aigc_roi.reader.load import load_text

PLAN = """\
name: Units
horizon_months: 6
organic_users: 100
discount_rate: 0.1
acquisition:
  - {name: Feed, type: cpa, bid: {by_month: {1: 20, 4: 25}}, budget: 10_000, months: 1-3}
  - {name: Creators, type: kol, posts: 2, fee: 5_000, views: 30k..60k, view_to_user: 0.002}
retention: {points: {1: 0.5, 3: 0.3}}
monetization:
  plans:
    - {name: Pro, price: 30, period: month, conversion: {0: 3%, 1: 1%}, renewal: [0.6, 0.8]}
  purchases: [{name: Pack, price: 10, rate: 0.2, fee: 0.3}]
costs: {serving_per_active_user: 0.5, fixed: [{name: Office, monthly: 2000}]}
gates: [{name: Test, after_month: 2, channels: [Feed], max_cac: 30, min_roas: 1.2}]
"""


@pytest.mark.parametrize(("path", "unit"), [
    ("acquisition[0].bid", "money"), ("acquisition[0].bid.by_month.4", "money"), ("acquisition[0].budget", "money"),
    ("acquisition[1].fee", "money"), ("monetization.purchases[0].fee", "share"),
    ("acquisition[1].posts", "count"), ("acquisition[1].views", "count"), ("acquisition[1].views.low", "count"),
    ("acquisition[1].view_to_user", "share"), ("organic_users", "count"),
    ("retention.points[3]", "share"), ("retention.points", "share"), ("retention.monthly_churn", "share"),
    ("monetization.plans[0].conversion[1]", "share"), ("monetization.plans[0].renewal[1]", "share"),
    ("monetization.plans[0].price", "money"), ("monetization.purchases[0].rate", "ratio"), ("discount_rate", "ratio"),
    ("costs.serving_per_active_user", "money"), ("costs.fixed[0].monthly", "money"),
    ("horizon_months", "month"), ("gates[0].after_month", "month"), ("gates[0].max_cac", "money"),
    ("gates[0].min_roas", "ratio"),
    # Text, and what the file's fields hold no number at.
    ("acquisition[0].months", None), ("acquisition[0].name", None), ("currency", None), ("start", None),
    ("acquisition[1].bid", None), ("acquisition[7].bid", None), ("acquisition[0].bid.dist", None), ("nothing", None),
])
def test_a_value_s_unit_is_its_field_s(path: str, unit: str | None) -> None:
    assert input_unit(load_text(PLAN, "units.yaml").tree, path) == unit
