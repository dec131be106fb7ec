"""The plan the actuals tests of QA round 2 read their exports against: two cpa channels from 2025-03, Douyin's
campaigns matched by dy_* and 抖音*, Tencent's by gdt_*."""

from __future__ import annotations

TWO_CHANNELS = """\
name: {name}
start: 2025-03
horizon_months: 12
acquisition:
  - name: Douyin CPA
    type: cpa
    bid: 12
    budget: 100000
    match: ["dy_*", "抖音*"]
  - name: Tencent CPA
    type: cpa
    bid: 15
    budget: 60000
    match: ["gdt_*"]
retention: {monthly_churn: 0.5}
monetization:
  purchases:
    - {name: Pack, price: 10, rate: 1}
"""


def two_channel_plan(name: str) -> str:
    """``TWO_CHANNELS`` named ``name``."""
    return TWO_CHANNELS.replace("{name}", name, 1)
