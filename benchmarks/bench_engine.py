"""Engine throughput: one vectorised batch against one evaluation per sample.

Run: python benchmarks/bench_engine.py [--samples N]
The baseline (a Python loop of scalar evaluations, the way a spreadsheet
macro or a naive Monte Carlo would do it) is measured in the same run on the
same machine, so the printed ratio is comparable across machines.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from aigc_roi.model.engine import evaluate
from aigc_roi.model.sampling import realize
from aigc_roi.reader.load import load_path

SCENARIO = Path(__file__).resolve().parent.parent / "aigc_roi" / "templates" / "chat-assistant-cpa.yaml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=10_000)
    parser.add_argument("--baseline-samples", type=int, default=200)
    args = parser.parse_args()
    scenario = load_path(SCENARIO).scenario
    rng = np.random.default_rng(0)

    start = time.perf_counter()
    evaluate(realize(scenario, args.samples, rng))
    batch_seconds = time.perf_counter() - start

    singles = [realize(scenario, 1, rng) for _ in range(args.baseline_samples)]
    start = time.perf_counter()
    for single in singles:
        evaluate(single)
    loop_seconds = (time.perf_counter() - start) * args.samples / args.baseline_samples

    print(f"scenario: {scenario.name} ({scenario.horizon_months} months, {len(scenario.acquisition)} channels)")
    print(f"vectorised batch of {args.samples:,} samples: {batch_seconds:.3f} s")
    print(f"loop of single evaluations (extrapolated from {args.baseline_samples}): {loop_seconds:.3f} s")
    print(f"speed-up: {loop_seconds / batch_seconds:.1f}x")


if __name__ == "__main__":
    main()
