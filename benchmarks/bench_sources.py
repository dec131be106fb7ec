"""What sources cost: a scenario whose channels' users differ against the same scenario without.

Run: python benchmarks/bench_sources.py [--samples N] [--repeats R]

The video-tool template as bundled (the feed channel with its own day-level
retention and conversion index: two source groups) against the same file
with every channel's `retention` and `conversion_index` removed (one group:
the single-curve computation), both figures-only at N samples x 24 and
x 120 months. Spec 1.2 asks for at most 1.5x. A third line adds a channel
of a third kind (own monthly churn) to show that the cost grows with the
distinct curves, not with the channels.

Times are CPU seconds of this process (``time.process_time``), medians of
R interleaved runs, BLAS held to one thread.
"""

from __future__ import annotations

import os

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import argparse  # noqa: E402
import dataclasses  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aigc_roi.model.engine import evaluate_figures  # noqa: E402
from aigc_roi.model.sampling import realize  # noqa: E402
from aigc_roi.model.scenario import RetentionChurn, Scenario  # noqa: E402
from aigc_roi.reader.load import load_path  # noqa: E402

TEMPLATE = Path(__file__).resolve().parent.parent / "aigc_roi" / "templates" / "video-tool-kol-then-feed.yaml"


def variants(horizon: int) -> dict[str, Scenario]:
    bundled = dataclasses.replace(load_path(TEMPLATE).scenario, horizon_months=horizon)
    plain = dataclasses.replace(bundled, acquisition=tuple(dataclasses.replace(channel, retention=None, conversion_index=1.0)
                                                           for channel in bundled.acquisition))
    third = dataclasses.replace(bundled.acquisition[0], name="Third kind", retention=RetentionChurn(0.3), conversion_index=1.1)
    return {"one curve": plain, "two groups": bundled, "three groups": dataclasses.replace(bundled, acquisition=bundled.acquisition
                                                                                           + (third,))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    for horizon in (24, 120):
        realized = {name: realize(scenario, args.samples, np.random.default_rng(0)) for name, scenario in variants(horizon).items()}
        times: dict[str, list[float]] = {name: [] for name in realized}
        for _ in range(args.repeats):
            for name, scenario in realized.items():
                start = time.process_time()
                evaluate_figures(scenario)
                times[name].append(time.process_time() - start)
        base = statistics.median(times["one curve"])
        for name, measured in times.items():
            print(f"{args.samples:,} samples x {horizon} months  {name:13s} {statistics.median(measured):8.3f} s  "
                  f"{statistics.median(measured) / base:5.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
