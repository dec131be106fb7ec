"""How fast `aigc-roi actuals` reads and compares a year of daily exports, against the csv module.

Writes a one-year daily Ocean Engine API export of 50 campaigns (18,250 rows,
amounts with thousands separators) and a 12-month plan of 5 channels whose
``match`` globs cover 45 of the campaigns, then times, in this one process:

- baseline: the standard library's ``csv.reader`` over the same file
  (decode and split into cells, nothing else): the floor of reading it;
- read: ``reader.exports.read_report`` (recognise the header, parse every
  date and number, check the horizon and duplicates);
- actuals: the whole command as the CLI runs it (``--format json``: load the
  plan, read, map, compare, draw 2,000 samples for the percentiles).

Prints each median time and its ratio to the baseline, so the result stays
comparable across machines (issue 23 asks for under 2 s on the machine it
was written on). ``python benchmarks/bench_actuals.py [REPEAT]`` (default 5).
"""

from __future__ import annotations

import csv
import datetime
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aigc_roi.cli.app import app  # noqa: E402
from aigc_roi.reader.exports import Horizon, read_report  # noqa: E402

CAMPAIGNS = 50
DAYS = 365
CHANNELS = ("dy", "ks", "gdt", "bili", "xhs")

PLAN = """\
name: Actuals benchmark
start: 2025-01
horizon_months: 12
acquisition:
""" + "".join(f"""\
  - name: {prefix} CPA
    type: cpa
    bid: 18..25
    budget: 300_000
    match: ["{prefix}_*"]
""" for prefix in CHANNELS) + """\
retention: {points: {1: 0.4, 3: 0.25, 6: 0.18, 12: 0.12}}
monetization:
  purchases:
    - {name: Pack, price: 19.9, rate: 0.05}
"""


def write_files(folder: Path) -> tuple[Path, Path]:
    plan = folder / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    export = folder / "ocean.csv"
    lines = ["stat_time_day,campaign_name,campaign_id,stat_cost,show_cnt,click_cnt,active,first_day_pay_amount"]
    first = datetime.date(2025, 1, 1)
    for day in range(DAYS):
        date = first + datetime.timedelta(days=day)
        for campaign in range(CAMPAIGNS):
            # 45 campaigns belong to the five channels, the last five to none (unmatched spend).
            prefix = CHANNELS[campaign % 5] if campaign < 45 else "other"
            spend = 1_000 + 37 * campaign + day
            lines.append(f'{date},{prefix}_{campaign:02d},{10_000 + campaign},"{spend:,}.50",{spend * 25},{spend // 4},'
                         f"{spend // 20},{spend // 10}")
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return plan, export


def median_seconds(work: Callable[[], object], repeat: int) -> float:
    work()  # warm-up: imports and caches
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    repeat = int(argv[0]) if argv else 5
    with tempfile.TemporaryDirectory() as folder:
        plan, export = write_files(Path(folder))

        def baseline() -> object:
            with open(export, encoding="utf-8-sig", newline="") as handle:
                return list(csv.reader(handle))

        def read() -> object:
            return read_report([export], Horizon.of((2025, 1), 12))

        def command() -> object:
            result = CliRunner().invoke(app, ["actuals", str(plan), str(export), "--format", "json", "-q"])
            assert result.exit_code == 0, result.stderr
            return result

        rows = len(baseline()) - 1
        base = median_seconds(baseline, repeat)
        print(f"{rows:,} rows, {CAMPAIGNS} campaigns, median of {repeat}")
        print(f"{'csv.reader (baseline)':<28}{base:8.3f} s   1.0x")
        for name, work in (("read_report", read), ("actuals --format json", command)):
            seconds = median_seconds(work, repeat)
            print(f"{name:<28}{seconds:8.3f} s  {seconds / base:5.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
