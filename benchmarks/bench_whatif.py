"""How long the what-if commands take on the worst files within docs/limits.md.

Issue 14: `breakeven` on an 8 KB valid file (50 free channels, 100 plans,
120 months) took a minute, because brackets at 0 never closed under a
relative tolerance. With plans and purchases capped at 50, the worst file is
50 channels (unit cost 0: every cost driver starts at 0), 50 plans, 50
purchases, 120 months: 301 drivers. This times `breakeven` and
`sensitivity` on it (and on the same with priced channels), exactly as the
CLI runs them. Run it with ``python benchmarks/bench_whatif.py``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aigc_roi.cli.app import app  # noqa: E402
from aigc_roi.model.limits import MAX_PLANS, MAX_PURCHASES  # noqa: E402
from aigc_roi.reader.kinds import MAX_CHANNELS, MAX_HORIZON_MONTHS  # noqa: E402


def worst_file(channel_cost: float) -> str:
    lines = [f"name: Worst within limits (cost {channel_cost})", f"horizon_months: {MAX_HORIZON_MONTHS}",
             "organic_users: 100", "virality: 0.05", "acquisition:"]
    lines += [f"  - {{name: c{i}, type: flat, cost: {channel_cost}, users: {10 + i}}}" for i in range(MAX_CHANNELS)]
    lines += ["retention: {points: {1: 0.4, 3: 0.25, 12: 0.1, 60: 0.05}}", "monetization:", "  plans:"]
    lines += [f"    - {{name: p{i}, price: {10 + i}, period: {1 + i % 12}, conversion: 0.001, renewal: 0.5}}"
              for i in range(MAX_PLANS)]
    lines.append("  purchases:")
    lines += [f"    - {{name: i{i}, price: {1 + i}, rate: 0.001}}" for i in range(MAX_PURCHASES)]
    lines.append("costs: {serving_per_active_user: 0.1}")
    return "\n".join(lines) + "\n"


def main() -> None:
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as folder:
        for cost in (0.0, 500.0):
            path = Path(folder) / f"worst-{cost:g}.yaml"
            path.write_text(worst_file(cost), encoding="utf-8")
            for command in ("breakeven", "sensitivity"):
                start = time.perf_counter()
                result = runner.invoke(app, [command, str(path), "--format", "json"])
                elapsed = time.perf_counter() - start
                assert result.exit_code == 0, result.output
                print(f"{command:12s} {path.name:18s} {path.stat().st_size:6,d} bytes  {elapsed:6.2f} s")


if __name__ == "__main__":
    main()
