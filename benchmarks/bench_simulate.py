"""Whole-process cost of `aigc-roi simulate` against one `aigc-roi run` of the same file.

Run: python benchmarks/bench_simulate.py [--repeats 5] [--repeats-large 3] [--file FILE]

Every measurement is a fresh `python -m aigc_roi` process (start-up, reading
the file, computing, JSON out), as a user pays it. `run` and `simulate` are
interleaved in one loop so machine load hits both alike; medians are
compared. Per child: wall time, CPU time (user + sys, from wait4, which is
what load on a shared machine inflates least) and peak resident memory
(ru_maxrss of that child alone). Targets (issue 12): 100,000 samples of a
24-month, 5-channel scenario within 4x one run, 1,000,000 within 30x, peak
memory under 1 GiB. The growth exponent is the least-squares slope of
log(time) against log(samples) over a ladder of sample counts, for the
whole process and for the part beyond one run (start-up excluded).
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCENARIO = HERE / "five_channels.yaml"
GIB = 1024**3
LADDER = (10_000, 30_000, 100_000, 300_000, 1_000_000)


def measure(args: list[str]) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, peak RSS bytes) of one `python -m aigc_roi ARGS` process."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "aigc_roi", *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"aigc-roi {' '.join(args)} failed: {child.stderr.read().decode() if child.stderr else ''}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024  # ru_maxrss is in KiB on Linux


def interleaved(file: Path, samples: int, repeats: int) -> tuple[list[tuple[float, float, int]], list[tuple[float, float, int]]]:
    runs, simulations = [], []
    for _ in range(repeats):
        runs.append(measure(["run", str(file), "--format", "json"]))
        simulations.append(measure(["simulate", str(file), "--samples", str(samples), "--format", "json"]))
    return runs, simulations


def median(values: list[tuple[float, float, int]], index: int) -> float:
    return statistics.median(value[index] for value in values)


def slope(xs: list[float], ys: list[float]) -> float:
    lx, ly = [math.log(x) for x in xs], [math.log(y) for y in ys]
    mx, my = statistics.fmean(lx), statistics.fmean(ly)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly, strict=True)) / sum((a - mx) ** 2 for a in lx)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=SCENARIO)
    parser.add_argument("--repeats", type=int, default=5, help="Interleaved pairs at 100,000 samples (and below).")
    parser.add_argument("--repeats-large", type=int, default=3, help="Interleaved pairs at 300,000 and 1,000,000 samples.")
    args = parser.parse_args()
    print(f"scenario: {args.file.name}; python {sys.version.split()[0]}; {os.cpu_count()} CPUs; "
          f"load average {os.getloadavg()[0]:.1f} at start")
    print(f"{'samples':>10} {'run wall':>9} {'sim wall':>9} {'ratio':>6} {'run cpu':>8} {'sim cpu':>8} {'ratio':>6} "
          f"{'sim peak MiB':>12}")
    results: dict[int, tuple[float, float, float, float, float]] = {}
    for samples in LADDER:
        repeats = args.repeats if samples <= 100_000 else args.repeats_large
        runs, simulations = interleaved(args.file, samples, repeats)
        run_wall, sim_wall = median(runs, 0), median(simulations, 0)
        run_cpu, sim_cpu = median(runs, 1), median(simulations, 1)
        peak = max(value[2] for value in simulations)
        results[samples] = (run_wall, sim_wall, run_cpu, sim_cpu, peak)
        print(f"{samples:>10,} {run_wall:>8.2f}s {sim_wall:>8.2f}s {sim_wall / run_wall:>5.1f}x {run_cpu:>7.2f}s {sim_cpu:>7.2f}s "
              f"{sim_cpu / run_cpu:>5.1f}x {peak / 2**20:>12.0f}", flush=True)

    for samples, target in ((100_000, 4.0), (1_000_000, 30.0)):
        run_wall, sim_wall, run_cpu, sim_cpu, peak = results[samples]
        print(f"{samples:,} samples: {sim_wall / run_wall:.1f}x one run by wall time, {sim_cpu / run_cpu:.1f}x by CPU time "
              f"(target within {target:g}x); peak {peak / 2**20:.0f} MiB (target < 1024 MiB): "
              f"{'met' if sim_wall / run_wall <= target and peak < GIB else 'MISSED'}")
    sizes = list(results)
    whole = slope([float(n) for n in sizes], [results[n][3] for n in sizes])
    beyond = [(n, results[n][3] - results[n][2]) for n in sizes if results[n][3] > results[n][2]]
    excess = slope([float(n) for n, _ in beyond], [extra for _, extra in beyond]) if len(beyond) > 1 else float("nan")
    print(f"growth exponent of CPU time in samples: {whole:.2f} whole process, {excess:.2f} beyond one run (1.00 = linear)")


if __name__ == "__main__":
    main()
