"""Engine speed and memory, measured against floors in the same run.

Run: python benchmarks/bench_engine.py [--samples N] [--repeats R] [--no-memory]

Prints, for the chat-assistant template with sampled retention points:

1. Against the floor (``benchmarks/floor.py``: a minimal cumulative-form
   numpy computation of monthly net cash and nothing else), at N samples x
   24 and x 120 months: medians of R interleaved runs of the floor (all
   samples at once, and in the engine's chunks of samples, the way the
   engine runs, which is faster at large sizes because the arrays stay
   nearer the caches), ``evaluate(irr=False)`` (every series and figure),
   ``evaluate`` (with the IRR) and ``evaluate_figures`` (figures only, with
   the IRR), each as a ratio to the floor in chunks (issue 27: within 2.5x).
   Then one run (a single sample, the form ``run`` evaluates): median
   milliseconds of ``evaluate`` at 24 and 120 months (issue 27: under 2 ms).
2. Growth exponents: d log(time) / d log(samples) (N/4 -> N, at 24 and at
   120 months) and d log(time) / d log(months) (24 -> 120 at N samples).
3. Peak memory of a figures-only caller at 1,000,000 samples x 120 months
   (``realize`` then ``evaluate_figures``), in a fresh process: peak RSS
   and the peak of numpy's traced allocations.
4. The vectorised batch against a Python loop of single evaluations.

``--cli-allocator`` first raises glibc's thresholds as ``aigc-roi simulate``
does (``aigc_roi/cli/allocator.py``), for the engine and the floor alike:
without it both fault in freshly mapped pages for every chunk.

Times are CPU seconds of this process (``time.process_time``) with BLAS
held to one thread, so a busy shared machine disturbs the ratios less than
wall-clock time would; both sides of every ratio run interleaved, in the
same process, on the same inputs.
"""

from __future__ import annotations

import os

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import argparse  # noqa: E402
import dataclasses  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from floor import monthly_net_cash  # noqa: E402

from aigc_roi.model.engine import chunk_samples, evaluate, evaluate_figures, take_samples  # noqa: E402
from aigc_roi.model.sampling import realize  # noqa: E402
from aigc_roi.model.scenario import Distribution, RetentionPoints, Scenario  # noqa: E402
from aigc_roi.reader.load import load_path  # noqa: E402

TEMPLATE = Path(__file__).resolve().parent.parent / "aigc_roi" / "templates" / "chat-assistant-cpa.yaml"
MEMORY_SAMPLES = 1_000_000
MEMORY_MONTHS = 120


def bench_scenario(horizon: int) -> Scenario:
    """The template over ``horizon`` months, each retention point drawn from +-20% of its value.

    Its plans are made plain, the shape the floor takes: a conversion by age
    becomes its total in the join month, a renewal list its last rate, and
    an item's own fee gives way to ``revenue_fee``.
    """
    scenario = load_path(TEMPLATE).scenario
    assert isinstance(scenario.retention, RetentionPoints)
    points = tuple((age, Distribution("uniform", 0.8 * float(share), min(1.0, 1.2 * float(share))))  # type: ignore[arg-type]
                   for age, share in scenario.retention.points)
    plans = tuple(dataclasses.replace(plan, conversion=_plain_conversion(plan.conversion), renewal=_plain_renewal(plan.renewal),
                                      fee=None)
                  for plan in scenario.monetization.plans)
    purchases = tuple(dataclasses.replace(item, fee=None) for item in scenario.monetization.purchases)
    monetization = dataclasses.replace(scenario.monetization, plans=plans, purchases=purchases)
    return dataclasses.replace(scenario, horizon_months=horizon, retention=RetentionPoints(points), monetization=monetization)


def _plain_conversion(conversion: Any) -> float:
    return sum(float(share) for _, share in conversion) if isinstance(conversion, tuple) else float(conversion)


def _plain_renewal(renewal: Any) -> float:
    return float(renewal[-1]) if isinstance(renewal, tuple) else float(renewal)


def interleaved_medians(runs: dict[str, Callable[[], object]], repeats: int) -> dict[str, float]:
    """Median CPU seconds of each callable, the callables taking turns."""
    seconds: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeats):
        for name, run in runs.items():
            start = time.process_time()
            run()
            seconds[name].append(time.process_time() - start)
    return {name: float(np.median(values)) for name, values in seconds.items()}


def against_floor(samples: int, horizon: int, repeats: int) -> dict[str, float]:
    realized = realize(bench_scenario(horizon), samples, np.random.default_rng(0))
    chunk = chunk_samples(horizon)

    def floor_in_chunks() -> None:
        for start in range(0, samples, chunk):
            stop = min(samples, start + chunk)
            monthly_net_cash(take_samples(realized, start, stop), stop - start)

    return interleaved_medians({
        "floor": lambda: monthly_net_cash(realized, samples),
        "floor in chunks": floor_in_chunks,
        "evaluate(irr=False)": lambda: evaluate(realized, irr=False),
        "evaluate": lambda: evaluate(realized),
        "evaluate_figures": lambda: evaluate_figures(realized),
    }, repeats)


def growth_exponent(small: float, large: float, factor: float) -> float:
    return math.log(large / small) / math.log(factor)


def peak_memory(samples: int, horizon: int) -> dict[str, float]:
    """Peak RSS and traced-allocation peak, in MiB, of a fresh process that realizes
    ``samples`` draws and keeps only the figures."""
    # VmHWM, not getrusage: ru_maxrss survives exec, so a child would report its parent's peak.
    child = f"""
import json, re, tracemalloc, sys
sys.path.insert(0, {str(Path(__file__).resolve().parent)!r})
import numpy as np
from bench_engine import bench_scenario
from aigc_roi.model.engine import evaluate_figures
from aigc_roi.model.sampling import realize
def high_water():
    with open("/proc/self/status") as status:
        return int(re.search(r"VmHWM:\\s+(\\d+) kB", status.read()).group(1)) / 1024
baseline = high_water()
tracemalloc.start()
figures = evaluate_figures(realize(bench_scenario({horizon}), {samples}, np.random.default_rng(0)))
traced = tracemalloc.get_traced_memory()[1]
print(json.dumps({{"peak_rss": high_water(), "rss_before": baseline, "traced_peak": traced / 2**20}}))
"""
    output = subprocess.run([sys.executable, "-c", child], check=True, capture_output=True, text=True).stdout
    result: dict[str, float] = json.loads(output)
    return result


def loop_speedup(samples: int, singles: int) -> tuple[float, float]:
    """CPU seconds of one batch of ``samples`` and of ``samples`` single evaluations (extrapolated)."""
    scenario = bench_scenario(24)
    rng = np.random.default_rng(1)
    batch = realize(scenario, samples, rng)
    start = time.process_time()
    evaluate(batch)
    batch_seconds = time.process_time() - start
    one_by_one = [realize(scenario, 1, rng) for _ in range(singles)]
    start = time.process_time()
    for single in one_by_one:
        evaluate(single)
    return batch_seconds, (time.process_time() - start) * samples / singles


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--samples", type=int, default=100_000)
    parser.add_argument("--months", type=int, nargs=2, default=(24, 120), metavar=("SHORT", "LONG"))
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--memory-samples", type=int, default=MEMORY_SAMPLES)
    parser.add_argument("--no-memory", action="store_true", help="skip the 1,000,000 x 120 memory run")
    parser.add_argument("--singles", type=int, default=200, help="single evaluations timed for the loop baseline")
    parser.add_argument("--cli-allocator", action="store_true",
                        help="keep freed memory for reuse as `aigc-roi simulate` does (aigc_roi/cli/allocator.py)")
    args = parser.parse_args(argv)
    short, long = args.months
    if args.cli_allocator:
        from aigc_roi.cli.allocator import prepare_memory

        prepare_memory()

    print(f"CPU seconds, median of {args.repeats} interleaved runs; ratio = time / time of the floor in chunks")
    timings = {}
    for horizon in (short, long):
        timings[horizon] = against_floor(args.samples, horizon, args.repeats)
        floor_seconds = timings[horizon]["floor in chunks"]
        print(f"\n{args.samples:,} samples x {horizon} months")
        for name, seconds in timings[horizon].items():
            print(f"  {name:<22}{seconds:9.3f} s  {seconds / floor_seconds:6.2f}x")

    quarter = max(1, args.samples // 4)
    print(f"\ngrowth exponents (1 = linear): samples {quarter:,} -> {args.samples:,} at {short} and at {long} months; "
          f"months {short} -> {long} at {args.samples:,} samples")
    fewer = {horizon: against_floor(quarter, horizon, args.repeats) for horizon in (short, long)}
    for name in timings[short]:
        in_samples = [growth_exponent(fewer[h][name], timings[h][name], args.samples / quarter) for h in (short, long)]
        in_months = growth_exponent(timings[short][name], timings[long][name], long / short)
        print(f"  {name:<22}samples {in_samples[0]:5.2f} / {in_samples[1]:5.2f}   months {in_months:5.2f}")

    for horizon in (short, long):
        single = realize(bench_scenario(horizon))
        seconds = interleaved_medians({"one run": lambda: evaluate(single)}, max(args.repeats, 51))["one run"]  # noqa: B023
        print(f"\none run (a single sample) x {horizon} months: evaluate {1000 * seconds:.2f} ms")

    if not args.no_memory:
        memory = peak_memory(args.memory_samples, long)
        print(f"\nfigures only, {args.memory_samples:,} samples x {long} months (realize + evaluate_figures, fresh process):")
        print(f"  peak RSS {memory['peak_rss']:.0f} MiB (before evaluating: {memory['rss_before']:.0f} MiB), "
              f"traced allocations peak {memory['traced_peak']:.0f} MiB")

    batch_seconds, loop_seconds = loop_speedup(min(args.samples, 10_000), args.singles)
    print(f"\nvectorised batch of {min(args.samples, 10_000):,} samples: {batch_seconds:.3f} s; "
          f"loop of single evaluations (extrapolated from {args.singles}): {loop_seconds:.3f} s; "
          f"speed-up {loop_seconds / batch_seconds:.1f}x")


if __name__ == "__main__":
    main()
