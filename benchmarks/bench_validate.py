"""How fast `aigc-roi validate` reads scenario files, against plain `yaml.safe_load`.

Writes N scenario files (spec section 2's full example, each with its own
name and bid) to a temporary folder, then times, in this one process:

- baseline: ``yaml.safe_load`` of every file (read and parse, nothing else),
  and the same with libyaml's ``CSafeLoader`` when PyYAML has it (the
  loader builds on libyaml's parser, so that is the tighter floor);
- validate: the `validate` command over the folder, exactly as the CLI runs
  it (folder walk, loading, every check, the summary line).

Prints files per second of each and validate's time as a multiple of each
baseline, so the ratio stays comparable across machines. Run it with
``python benchmarks/bench_validate.py [N]`` (default 300).
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aigc_roi.cli.app import app  # noqa: E402

SCENARIO = """\
version: 1
name: Image community {i}
currency: CNY
horizon_months: 24
start: 2025-01
discount_rate: 0.10
acquisition:
  - {{name: Bilibili CPA, type: cpa, bid: {bid}, budget: 600_000, months: 1-6, saturation_budget: 2_000_000}}
  - {{name: Douyin creators, type: kol, posts: 4, fee: 50_000, views: 800_000, view_to_user: 0.002, views_decay: 0.1}}
  - {{name: Feed ads, type: cpm, cpm: 40, ctr: 0.012, cvr: 0.08, budget: 200_000}}
  - {{name: Subway posters, type: flat, cost: 1_000_000, users: 20_000, months: 1}}
organic_users: 500
virality: 0.1
retention:
  points: {{1: 0.40, 3: 0.25, 6: 0.18, 12: 0.12}}
monetization:
  plans:
    - {{name: Annual member, price: 365, period: year, conversion: 0.05, renewal: 0.6}}
  purchases:
    - {{name: Prompt pack, price: 19.9, rate: 0.02}}
  revenue_fee: 0.0
costs:
  serving_per_active_user: 0.8
  fixed:
    - {{name: Tools and compute, monthly: 300..1000}}
    - {{name: Community platform, monthly: 100..300, months: 1-12}}
targets:
  max_payback_months: 12
  min_roi: 0.0
  min_ltv_to_cac: 3
"""


def best_of(repeats: int, run: Callable[[], None]) -> float:
    """Shortest wall time of ``repeats`` runs: the least disturbed by the rest of the machine."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        files = [Path(folder, f"scenario-{i:04d}.yaml") for i in range(count)]
        for i, path in enumerate(files):
            path.write_text(SCENARIO.format(i=i, bid=20 + i % 20), encoding="utf-8")

        def baseline() -> None:
            for path in files:
                yaml.safe_load(path.read_text(encoding="utf-8"))

        def baseline_c() -> None:
            for path in files:
                yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

        def validate() -> None:
            result = CliRunner().invoke(app, ["validate", folder, "--format", "text"])
            assert result.exit_code == 0, result.output

        timings = {"yaml.safe_load": best_of(3, baseline)}
        if hasattr(yaml, "CSafeLoader"):
            timings["yaml.load, CSafeLoader"] = best_of(3, baseline_c)
        ours = best_of(3, validate)
    print(f"{count} files, best of 3 runs")
    for name, seconds in timings.items():
        print(f"{name:<24} {count / seconds:7.0f} files/s")
    print(f"{'aigc-roi validate':<24} {count / ours:7.0f} files/s")
    for name, seconds in timings.items():
        print(f"validate / {name}: {ours / seconds:.2f}x the time")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
