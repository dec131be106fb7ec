"""A valid scenario at every cap of docs/limits.md, without ranges: the largest work one file can ask for.

50 channels (cpa, kol, cpm and flat in turn, bought by budget, by volume,
in some months or all), 50 plans (every period, renewal), 50 purchases,
50 orders and 50 fixed costs, a 120-month horizon and a retention point for
every month. Every what-if command moves each of its 351 drivers, so this
is the file that bounds their work (issue 27). Run it to print the file:
``python benchmarks/caps.py > caps.yaml``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aigc_roi.model.limits import MAX_ORDERS, MAX_PLANS, MAX_PURCHASES  # noqa: E402
from aigc_roi.reader.kinds import MAX_CHANNELS, MAX_FIXED_COSTS, MAX_HORIZON_MONTHS  # noqa: E402


def _channel(i: int, horizon: int) -> str:
    months = "" if i % 3 else f", months: {1 + i % (horizon // 2)}-{horizon - i % (horizon // 2)}"
    kind = i % 4
    if kind == 0:
        volume = f"budget: {50_000 + 1_000 * i}, saturation_budget: 2000000" if i % 8 else f"users: {2_000 + 10 * i}"
        return f"{{name: CPA {i}, type: cpa, bid: {12 + i % 9}, {volume}{months}}}"
    if kind == 1:
        return (f"{{name: KOL {i}, type: kol, posts: {1 + i % 4}, fee: {20_000 + 500 * i}, views: {400_000 + 5_000 * i},"
                f" view_to_user: 0.002, views_decay: 0.1{months}}}")
    if kind == 2:
        volume = f"budget: {80_000 + 800 * i}" if i % 6 else f"impressions: {3_000_000 + 10_000 * i}"
        return f"{{name: Feed {i}, type: cpm, cpm: {30 + i % 15}, ctr: 0.012, cvr: 0.08, {volume}{months}}}"
    return f"{{name: Poster {i}, type: flat, cost: {100_000 + 1_000 * i}, users: {3_000 + 20 * i}{months}}}"


def cap_scenario_text(items: int = MAX_CHANNELS, horizon: int = MAX_HORIZON_MONTHS) -> str:
    """The scenario's YAML text (module docstring); fewer ``items`` of each list and a shorter
    ``horizon`` give the same shape at a size that checks a harness quickly."""
    assert items <= min(MAX_CHANNELS, MAX_PLANS, MAX_PURCHASES, MAX_ORDERS, MAX_FIXED_COSTS)
    # A retention point for every month: 0.45 at month 1, decaying by about 2% a month to 0.04 at 120.
    points = ", ".join(f"{age}: {round(0.45 * 0.98 ** (age - 1), 4)}" for age in range(1, horizon + 1))
    periods = ("month", "quarter", "year", "2", "6")
    lines = [
        f"name: Every cap, no ranges ({items} items, {horizon} months)",
        f"horizon_months: {horizon}",
        "discount_rate: 0.1",
        "organic_users: 2000",
        "virality: 0.05",
        "acquisition:",
        *(f"  - {_channel(i, horizon)}" for i in range(items)),
        f"retention: {{points: {{{points}}}}}",
        "monetization:",
        "  revenue_fee: 0.05",
        "  plans:",
        *(f"    - {{name: Plan {i}, price: {19 + 10 * i}, period: {periods[i % len(periods)]}, conversion: 0.0008,"
          f" renewal: {round(0.4 + 0.01 * (i % 50), 2)}{', fee: 0.3' if i % 5 == 0 else ''}}}" for i in range(items)),
        "  purchases:",
        *(f"    - {{name: Pack {i}, price: {9.9 + i}, rate: 0.001{', fee: 0.006' if i % 4 == 0 else ''}}}"
          for i in range(items)),
        "  orders:",
        *(f"    - {{name: Order {i}, price: {1_000 + 100 * i}, count: {1 + i % 3}, months: {1 + i % (horizon // 2)}-{horizon}"
          f"{', fee: 0.01' if i % 3 == 0 else ''}}}" for i in range(items)),
        "costs:",
        "  serving_per_active_user: 0.8",
        "  fixed:",
        *(f"    - {{name: Cost {i}, monthly: {1_000 + 50 * i}, months: {1 + i % (horizon // 2)}-{horizon}}}"
          for i in range(items)),
        f"targets: {{max_payback_months: {max(1, horizon // 5)}}}",
    ]
    return "\n".join(lines) + "\n"


def with_raised_prices(text: str, count: int) -> str:
    """``text`` with its first ``count`` prices 10% higher: a new version of the plan that changes ``count``
    numbers (``compare BASE NEW --explain`` splits each figure's change among them)."""
    raised = iter(range(count))

    def raise_price(match: re.Match[str]) -> str:
        return f"price: {round(float(match[1]) * 1.1, 4)}" if next(raised, None) is not None else match[0]

    return re.sub(r"price: ([\d.]+)", raise_price, text)


if __name__ == "__main__":
    sys.stdout.write(cap_scenario_text())
