"""How long `allocate` takes on a 10-channel scenario (issue 13's targets).

Run: python benchmarks/bench_allocate.py [--samples N]

The scenario has ten channels of every movable kind (cpa and cpm with saturation budgets, kol
with decaying views), two sets of active months, uncertain retention, price and, in the
second variant, uncertain bids and fees (then the channels' own users vary per sample, the
slowest case). Prints, per objective, the time to the optimum alone (``curve=()``) and with the
8-point budget curve. Targets: the optimum of npv well under a second; the risk objectives with
10,000 samples under 10 seconds.
"""

from __future__ import annotations

import argparse
import time

from aigc_roi.model.scenario import Scenario
from aigc_roi.reader.load import load_text
from aigc_roi.whatif.allocate import CURVE_MULTIPLES, OBJECTIVES, Objective, allocate


def scenario(uncertain_channels: bool) -> Scenario:
    bid = '"{low}..{high}"' if uncertain_channels else "{mid}"
    lines = []
    for i in range(4):
        price = bid.format(low=14 + i, high=26 + 2 * i, mid=20 + i)
        lines.append(f"  - {{name: CPA {i}, type: cpa, bid: {price}, budget: 100_000, saturation_budget: {150_000 + 50_000 * i}}}")
    for i in range(3):
        price = bid.format(low=20 + i, high=40 + i, mid=30 + i)
        lines.append(
            f"  - {{name: Feed {i}, type: cpm, cpm: {price}, ctr: 0.015, cvr: 0.1, budget: 100_000,"
            f" saturation_budget: {300_000 + 100_000 * i}, months: 4-24}}"
        )
    for i in range(3):
        fee = bid.format(low=(20 + 5 * i) * 1000, high=(45 + 5 * i) * 1000, mid=(30 + 5 * i) * 1000)
        lines.append(
            f"  - {{name: Creator {i}, type: kol, posts: 3, fee: {fee}, views: 600_000, view_to_user: 0.004,"
            f" views_decay: 0.2, months: 1-18}}"
        )
    text = "\n".join(
        [
            "name: Ten channels",
            "horizon_months: 24",
            "discount_rate: 0.1",
            "virality: 0.05",
            "acquisition:",
            *lines,
            'retention: {monthly_churn: "0.12..0.3"}',
            "monetization:",
            '  purchases: [{name: credits, price: "15..30", rate: 0.5}]',
            "costs: {serving_per_active_user: 1, fixed: [{name: team, monthly: 200_000}]}",
            "targets: {max_payback_months: 18}",
        ]
    )
    return load_text(text, "bench.yaml").scenario


def seconds(subject: Scenario, objective: Objective, samples: int, curve: tuple[float, ...]) -> float:
    start = time.perf_counter()
    allocate(subject, 1_000_000, objective, samples=samples, curve=curve)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=10_000)
    args = parser.parse_args()
    allocate(scenario(False), 1_000_000, curve=())  # imports scipy once, outside the timings
    for uncertain in (False, True):
        subject = scenario(uncertain)
        print(f"10 channels, {'uncertain' if uncertain else 'fixed'} bids and fees, {args.samples:,} samples for risk objectives")
        for objective in OBJECTIVES:
            optimum = seconds(subject, objective, args.samples, ())
            with_curve = seconds(subject, objective, args.samples, CURVE_MULTIPLES)
            print(f"  {objective:<20} optimum {optimum:6.2f} s   with the budget curve {with_curve:6.2f} s")


if __name__ == "__main__":
    main()
