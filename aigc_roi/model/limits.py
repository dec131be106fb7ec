"""Number limits every layer agrees on (docs/limits.md): the reader refuses
files beyond them, the what-if searches stay inside them."""

from __future__ import annotations

MAX_MAGNITUDE = 1e15
"""Largest absolute value of any number in a file: far above any real budget,
low enough that no product of amounts the model forms can overflow float64."""
MIN_UNIT_COST = 1e-6
"""Smallest bid or cpm that a budget may divide by (users = budget / bid)."""
MAX_PLANS = 50
"""Subscription plans per scenario."""
MAX_PURCHASES = 50
"""One-off purchase items per scenario."""
MAX_ORDERS = 50
"""B2B order lines per scenario."""
