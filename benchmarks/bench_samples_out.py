"""Cost of `simulate --samples-out FILE.csv` on a plan of many ranges, against the same run without it.

Run: python benchmarks/bench_samples_out.py [--samples 20000] [--days 3653]

The plan draws ten years of daily retention shares (``--days`` ranges) and a ranged bid, so it streams past
67,108,864 / R samples (docs/formulas.md §10), and its CSV holds every sample's row: about 73 million cells. Each measurement is a
fresh `python -m aigc_roi` process with -j 1 (bench_simulate.measure: wall, CPU, peak RSS of that child). Target
(QA fin3 F5): the export adds at most 256 MiB to the run's peak memory, since it turns blocks of
present/samples.py ``BLOCK_CELLS`` cells into text, never the whole table. Measured on a shared 2-core machine at
20,000 samples: the row-at-a-time writer 66.9 s and 3.32 GB; blocks 52.6 s and 0.99 GB (the first 18,365 rows
alone); every row written as the samples are evaluated 64.2 s and 906 MiB; the run alone 8.6 s and 847 MiB. What
remains is Python's float repr, about 0.8 us a cell there.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from bench_simulate import measure

MIB = 1024**2
LIMIT = 256 * MIB


def plan(days: int) -> str:
    shares = "\n".join(f"    {d}: {0.5 * d ** -0.3 * 0.9:.6f}..{0.5 * d ** -0.3 * 1.1:.6f}" for d in range(1, days + 1))
    return ("version: 1\nname: many ranges\nhorizon_months: 120\nacquisition:\n"
            "  - {name: C, type: cpa, bid: 10..30, users: 1000, months: 1-3}\n"
            "monetization:\n  purchases: [{name: Item, price: 2, rate: 1}]\ncosts: {serving_per_active_user: 0.2}\n"
            f"retention:\n  days:\n{shares}\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=20_000)
    parser.add_argument("--days", type=int, default=3_653)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "plan.yaml"
        file.write_text(plan(options.days), encoding="utf-8")
        common = ["simulate", str(file), "--samples", str(options.samples), "-j", "1", "-f", "json", "-q"]
        alone = measure(common)
        written = measure([*common, "--samples-out", str(Path(folder) / "samples.csv")])
    for name, (wall, cpu, rss) in (("run alone", alone), ("with --samples-out", written)):
        print(f"{name:>20}: {wall:6.1f} s wall, {cpu:6.1f} s CPU, {rss / MIB:7.0f} MiB peak")
    extra = written[2] - alone[2]
    print(f"the export adds {extra / MIB:.0f} MiB (target <= {LIMIT / MIB:.0f})")
    sys.exit(0 if extra <= LIMIT else 1)


if __name__ == "__main__":
    main()
