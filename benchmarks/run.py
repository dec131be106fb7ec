"""Whole-process speed of aigc-roi, as ratios against baselines measured side by side.

    python benchmarks/run.py            # the targets of issue 16, a few minutes
    python benchmarks/run.py --quick    # tiny sizes: checks the harness, not the speed
    python benchmarks/run.py --only validate --repeat 21   # the cases whose name contains "validate"

Every case runs a command and its baseline alternately (``--repeat`` times
each, after one warm-up of each), prints the median wall time of each, and
beside the target the median of the ratios of each run to the baseline run
beside it: a pair run seconds apart shares the machine's state, where a
ratio of the two medians let a slow stretch that fell on more runs of one
side than of the other move it (the 1.2 rows' baseline, the same command,
read 1.35-1.71 s across one run). The CPU time (user + system) of each
process is printed too, with its ratio taken alike: on a loaded machine it
moves less than wall time, which also counts the time a process waited for
a core.
Machines differ; ratios measured in the same run on the same machine do not,
which is why no case has an absolute time limit. The package is
byte-compiled first, as pip compiles a package it installs. The exit code is
0 even when a target is missed: this is a measurement, not a test
(``tests/bench/test_benchmarks.py`` runs the harness with ``--quick``).

Baselines:
- ``trivial typer``: a 10-command Typer app printing ``--help``, the floor of
  any Typer CLI's start-up;
- ``run``: ``aigc-roi run`` of the same scenario, for the commands that
  evaluate it many times (breakeven, sensitivity, simulate), for every
  what-if command on the file at every cap of docs/limits.md
  (``benchmarks/caps.py``: 50 channels, plans, purchases, orders and fixed
  costs over 120 months), each within 3x (issue 27), for `report` (which
  runs, simulates, solves the break-evens and draws the page) and for
  `actuals` (which reads a year of daily rows besides): issue 27 asks each of
  the last two for 2 s, which is 4x a `run` that takes 0.5 s (the same
  process start-up, imports and engine call, so the ratio travels between
  machines where 2 s does not);
- ``check-jsonschema``: validating the same files against the exported JSON
  Schema with the standard tool (only when it is installed).
"""

from __future__ import annotations

import argparse
import compileall
import datetime
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from caps import cap_scenario_text, with_raised_prices  # noqa: E402

from aigc_roi.whatif.threads import cores  # noqa: E402

PYTHON = sys.executable
TRIVIAL_TYPER = """\
import typer
app = typer.Typer(add_completion=False)
for i in range(10):
    app.command(name=f"command{i}")(lambda value: None)
app()
"""


@dataclass(frozen=True)
class Case:
    name: str
    command: list[str]
    baseline_name: str
    baseline: list[str]
    target: float
    """The largest acceptable ratio command / baseline."""


def aigc(*args: str) -> list[str]:
    return [PYTHON, "-m", "aigc_roi", *args]


def scenario_text(channels: int, months: int, ranges: bool) -> str:
    """A valid scenario with ``channels`` cpa channels over ``months`` months."""
    bid = "10..15" if ranges else "12"
    lines = [f"name: Benchmark {channels} channels x {months} months", f"horizon_months: {months}", "acquisition:"]
    lines += [f"  - {{name: CPA {i}, type: cpa, bid: {bid}, budget: {100_000 + 1_000 * i}, saturation_budget: 2000000}}"
              for i in range(channels)]
    lines += [
        "organic_users: 500",
        "retention: {points: {1: 0.4, 3: 0.25, 6: " + ("0.15..0.2" if ranges else "0.18") + ", 12: 0.12}}",
        "monetization:",
        "  plans: [{name: Monthly, price: 30, period: month, conversion: " + ("3%..5%" if ranges else "4%")
        + ", renewal: 0.7}]",
        "  purchases: [{name: Pack, price: 19.9, rate: 0.02}]",
        "costs: {serving_per_active_user: 0.8, fixed: [{name: Tools, monthly: 300..1000}]}",
    ]
    return "\n".join(lines) + "\n"


EXPLAINED_CHANGES = 40
"""Prices a new version of the file at every cap changes for `compare --explain`: past 10 changes the split
reads the prefixes of 200 random orders, about 8,000 combinations (docs/formulas.md §13)."""
FEATURES = ("sources", "by_month", "gates", "all")
"""The spec 1.2 features ``ranged_scenario_text`` can add: one at a time, or every addition at once (``all``)."""


def ranged_scenario_text(channels: int, months: int, feature: str = "") -> str:
    """``channels`` cpa channels over ``months`` months with ``channels + 12`` ranges: every bid, every retention
    point, the plan's conversion, renewal and price, the purchase's rate, virality, serving and the fixed cost.

    ``feature`` adds one of ``FEATURES`` to the same plan: ``sources`` gives the first two channels their own
    retention and conversion index, ``by_month`` the first channel a bid that rises by month, ``gates`` a test of
    the first two channels in months 1-3 that the other channels wait for; ``all`` those three, the plan's price
    by month, a delivery cost, a referral reward and serving per subscriber (issue 21: "a 1.2 scenario with
    every addition")."""
    every = feature == "all"
    lines = [f"name: Ranged {channels} channels x {months} months {feature}".rstrip(), f"horizon_months: {months}",
             "acquisition:"]
    for i in range(channels):
        moving_bid = feature in ("by_month", "all") and i == 0
        bid = f"{{by_month: {{1: {8 + i}..{12 + i}, {months}: {14 + i}}}}}" if moving_bid else f"{8 + i}..{12 + i}"
        sourced = feature in ("sources", "all") and i < 2
        own = ", retention: {monthly_churn: 0.25..0.35}, conversion_index: 1.2" if sourced else ""
        lines.append(f"  - {{name: CPA {i}, type: cpa, bid: {bid}, budget: {50_000 + 5_000 * i}, saturation_budget: 900000{own}}}")
    price = f"{{by_month: {{1: 25..35, {months}: 39}}}}" if every else "25..35"
    lines += [
        "organic_users: 800",
        "virality: 0.02..0.06",
        "retention: {points: {1: 0.35..0.45, 3: 0.22..0.28, 6: 0.14..0.2, 12: 0.1..0.13}}",
        "monetization:",
        f"  plans: [{{name: Monthly, price: {price}, period: month, conversion: 3%..5%, renewal: 0.65..0.75}}]",
        f"  purchases: [{{name: Pack, price: 19.9, rate: 0.01..0.03{', unit_cost: 4' if every else ''}}}]",
        "costs: {serving_per_active_user: 0.6..1.0, fixed: [{name: Tools, monthly: 300..1000}]"
        + (", serving_per_subscriber: 0.5}" if every else "}"),
    ]
    if every:
        lines.append("referral_reward: 3")
    if feature in ("gates", "all"):
        others = ", ".join(f"CPA {i}" for i in range(2, channels))
        lines += ["gates:", f"  - {{name: test, after_month: 3, channels: [CPA 0, CPA 1], min_roas: 0.05, then: [{others}]}}"]
    return "\n".join(lines) + "\n"


def long_names_text(characters: int) -> str:
    """A plan whose name and first channel's name are each ``characters`` Chinese characters without a space, which
    a table breaks between any two (QA: 2,000 took 7.7 s at 80 columns, 60,000 minutes)."""
    name = "名字" * (characters // 2)
    return (f'name: "{name}"\nretention: {{monthly_churn: 0.5}}\n'
            f'acquisition: [{{name: "{name}", type: cpa, bid: 1, users: 10}}, {{name: b, type: cpa, bid: 2, users: 10}}]\n')


def actuals_files(folder: Path, campaigns: int, days: int) -> tuple[Path, Path]:
    """A plan of ``campaigns`` cpa channels from 2025-01, each matching one campaign, and an Ocean Engine API
    export of ``days`` daily rows of each campaign (amounts with thousands separators, as the console writes them)."""
    plan = folder / "actuals-plan.yaml"
    lines = ["name: Actuals benchmark", "start: 2025-01", "horizon_months: 12", "acquisition:"]
    lines += [f'  - {{name: Channel {c:02d}, type: cpa, bid: 18..25, budget: {200_000 + 1_000 * c}, match: ["camp_{c:02d}"]}}'
              for c in range(campaigns)]
    lines += ["retention: {points: {1: 0.4, 3: 0.25, 6: 0.18, 12: 0.12}}",
              "monetization: {purchases: [{name: Pack, price: 19.9, rate: 0.05}]}"]
    plan.write_text("\n".join(lines) + "\n", encoding="utf-8")
    export = folder / "ocean.csv"
    rows = ["stat_time_day,campaign_name,campaign_id,stat_cost,show_cnt,click_cnt,active,first_day_pay_amount"]
    for day in range(days):
        date = datetime.date(2025, 1, 1) + datetime.timedelta(days=day)
        for c in range(campaigns):
            spend = 1_000 + 37 * c + day
            rows.append(f'{date},camp_{c:02d},{10_000 + c},"{spend:,}.50",{spend * 25},{spend // 4},{spend // 20},{spend // 10}')
    export.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return plan, export


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float
    """User + system seconds of the process (and of any it waited for)."""


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: Sequence[str], cwd: Path) -> Timing:
    cpu = _children_cpu()
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(command)} exited {done.returncode}: {done.stderr.decode(errors='replace')[-500:]}")
    return Timing(elapsed, _children_cpu() - cpu)


def median(timings: list[Timing]) -> Timing:
    """Wall and CPU medians, each taken on its own."""
    return Timing(statistics.median(t.wall for t in timings), statistics.median(t.cpu for t in timings))


def measure(case: Case, repeat: int, cwd: Path) -> tuple[list[Timing], list[Timing]]:
    """Times of the command and of its baseline, run alternately after a warm-up of each: pairs, in order."""
    timed(case.command, cwd)
    timed(case.baseline, cwd)
    ours, theirs = [], []
    for _ in range(repeat):
        ours.append(timed(case.command, cwd))
        theirs.append(timed(case.baseline, cwd))
    return ours, theirs


def paired_ratio(ours: list[Timing], theirs: list[Timing], cpu: bool = False) -> float:
    """The median of each run's time over its pair's baseline (module docstring); NaN where a baseline took none."""
    ratios = [(mine.cpu / base.cpu if base.cpu > 0 else float("nan")) if cpu else mine.wall / base.wall
              for mine, base in zip(ours, theirs, strict=True)]
    return statistics.median(ratios)


def has_command(name: str) -> bool:
    done = subprocess.run([PYTHON, "-m", "aigc_roi", name, "--help"], capture_output=True, check=False)
    return done.returncode == 0


def cases(folder: Path, quick: bool) -> list[Case]:
    small = folder / "small.yaml"
    small.write_text(scenario_text(5, 24, ranges=True), encoding="utf-8")
    wide = folder / "wide.yaml"
    wide.write_text(scenario_text(3 if quick else 50, 12 if quick else 120, ranges=False), encoding="utf-8")
    trivial = folder / "trivial_typer.py"
    trivial.write_text(TRIVIAL_TYPER, encoding="utf-8")
    baseline_help = [PYTHON, str(trivial), "--help"]
    many = folder / "many"
    many.mkdir()
    for i in range(5 if quick else 500):
        (many / f"s{i:03}.yaml").write_text(scenario_text(4, 24, ranges=True).replace("Benchmark", f"Plan {i}"),
                                             encoding="utf-8")
    found = [
        Case("--help", aigc("--help"), "trivial typer", baseline_help, 1.3),
        Case("validate one file", aigc("validate", str(small)), "trivial typer", baseline_help, 1.3),
        Case("breakeven 50 ch x 120 m", aigc("breakeven", str(wide), "-f", "json"), "run",
             aigc("run", str(wide), "-f", "json"), 3.0),
        Case("sensitivity 50 ch x 120 m", aigc("sensitivity", str(wide), "-f", "json"), "run",
             aigc("run", str(wide), "-f", "json"), 3.0),
    ]
    found += what_if_cases(folder, quick)
    if has_command("simulate"):
        for samples, target in ((1_000, 4.0), (10_000, 30.0)) if quick else ((100_000, 4.0), (1_000_000, 30.0)):
            found.append(Case(f"simulate {samples:,} samples", aigc("simulate", str(small), "--samples", str(samples),
                                                                    "-f", "json"),
                              "run", aigc("run", str(small), "-f", "json"), target))
        # Issue 27: 1e6 samples within 10x one run with 10 channels and 22 ranges, at 24 and at 120 months.
        million = 10_000 if quick else 1_000_000
        for months in (24, 120):
            ranged = folder / f"ranged{months}.yaml"
            ranged.write_text(ranged_scenario_text(10, months), encoding="utf-8")
            found.append(Case(f"simulate {million:,} 10 ch x {months} m", aigc("simulate", str(ranged), "--samples", str(million),
                                                                              "-f", "json"),
                              "run", aigc("run", str(ranged), "-f", "json"), 10.0))
        # Its threads (one per core) against one: below 0.85 wherever there is a second core to share the chunks.
        ranged = folder / "ranged24.yaml"
        found.append(Case(f"simulate {million:,} on {cores()} threads", aigc("simulate", str(ranged), "--samples", str(million),
                                                                            "-f", "json"),
                          "--jobs 1", aigc("simulate", str(ranged), "--samples", str(million), "-f", "json", "--jobs", "1"),
                          0.85 if cores() > 1 else 1.05))
        # Spec 1.2: each feature within 1.5x the same scenario without it (simulate: the engine's time, not start-up),
        # on one thread: what the model costs, not how well its Python steps share the cores.
        plain = folder / "ranged120.yaml"
        draws = "2000" if quick else "100000"
        for feature in FEATURES:
            featured = folder / f"ranged120-{feature}.yaml"
            featured.write_text(ranged_scenario_text(10, 120, feature), encoding="utf-8")
            found.append(Case(f"1.2 {feature}, simulate {int(draws):,}", aigc("simulate", str(featured), "--samples", draws,
                                                                              "-f", "json", "--jobs", "1"),
                              "without", aigc("simulate", str(plain), "--samples", draws, "-f", "json", "--jobs", "1"), 1.5))
    found += [Case(*spec) for spec in _hook_cases()(folder, quick, PYTHON)]


    plan, export = actuals_files(folder, 3 if quick else 50, 31 if quick else 360)
    found.append(Case("actuals 50 ch, 18,000 rows", aigc("actuals", str(plan), str(export), "-f", "json", "-q"), "run",
                      aigc("run", str(plan), "-f", "json"), 4.0))
    # A name is laid out in a time linear in its length: its table within 4x its JSON, which lays out nothing.
    named = folder / "long-names.yaml"
    named.write_text(long_names_text(2_000 if quick else 60_000), encoding="utf-8")
    found.append(Case("run, 60,000-character names", aigc("run", str(named)), "-f json", aigc("run", str(named), "-f", "json"),
                      4.0))
    bundled = Path(__file__).resolve().parent.parent / "scenarios" / "chat-assistant-cpa.yaml"
    # --quick draws fewer samples only to keep the harness check short; the real case draws check's 10,000.
    found.append(Case("report chat-assistant-cpa", aigc("report", str(bundled), *(["--samples", "200"] if quick else [])),
                      "run", aigc("run", str(bundled)), 4.0))
    checker = shutil.which("check-jsonschema")
    if checker is not None:
        schema = folder / "schema.json"
        schema.write_bytes(subprocess.run(aigc("schema"), capture_output=True, check=True).stdout)
        files = sorted(str(path) for path in many.iterdir())
        found.append(Case(f"validate {len(files)} files", aigc("validate", str(many)), "check-jsonschema",
                          [checker, "--schemafile", str(schema), *files], 0.2))
    return found


def _hook_cases() -> Callable[[Path, bool, str], list[tuple[str, list[str], str, list[str], float]]]:
    """bench_hooks.hook_cases, found beside this file however the harness was loaded (a script, or a test's spec)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_hooks import hook_cases

    return hook_cases


def what_if_cases(folder: Path, quick: bool) -> list[Case]:
    """Every what-if command on the file at every cap, against one run of it."""
    caps = folder / "caps.yaml"
    caps.write_text(cap_scenario_text(3, 12) if quick else cap_scenario_text(), encoding="utf-8")
    run = aigc("run", str(caps), "-f", "json")
    commands = {
        "breakeven": ["breakeven"],
        "sensitivity": ["sensitivity"],
        "sensitivity --grid": ["sensitivity", "--grid", "acquisition[0].bid,monetization.plans[0].price"],
        "compare --variant": ["compare", "--variant", "cheaper: acquisition[0].bid=10",
                              "--variant", "dearer: monetization.plans[0].price=25"],
        "curves": ["curves"],
    }
    raised = folder / "caps-raised.yaml"
    raised.write_text(with_raised_prices(caps.read_text(encoding="utf-8"), 3 if quick else EXPLAINED_CHANGES), encoding="utf-8")
    commands["compare --explain"] = ["compare", str(raised), "--explain"]
    return [Case(f"{name} at every cap", aigc(command[0], str(caps), *command[1:], "-f", "json"), "run", run, 3.0)
            for name, command in commands.items()]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="Tiny sizes: check the harness, not the speed.")
    parser.add_argument("--repeat", type=int, default=None, help="Runs of each command (default 7, quick 1).")
    parser.add_argument("--only", metavar="SUBSTRING", default="", help="Run only the cases whose name contains SUBSTRING.")
    args = parser.parse_args(argv)
    repeat = args.repeat or (1 if args.quick else 7)
    root = Path(__file__).resolve().parent.parent
    os.environ.setdefault("PYTHONPATH", str(root))
    # Under PYTHONDONTWRITEBYTECODE (or in a read-only checkout) every run would compile our sources again,
    # while Typer's come compiled by pip: on the build machine that alone took `validate` from 0.8x to 1.07x.
    compileall.compile_dir(root / "aigc_roi", quiet=1)
    with tempfile.TemporaryDirectory() as scratch:
        rows = []
        chosen = [case for case in cases(Path(scratch), args.quick) if args.only in case.name]
        if not chosen:
            parser.error(f"--only: no case's name contains {args.only!r}")
        for case in chosen:
            ours, theirs = measure(case, repeat, root)
            rows.append((case, ours, theirs))
    # The verdict is on wall time, what a user waits for; the CPU ratio shows what a loaded machine added to it.
    print(f"{'case':34} {'seconds':>9} {'cpu s':>7}  {'baseline':18} {'seconds':>9} {'cpu s':>7}"
          f" {'cpu ratio':>9} {'ratio':>7} {'target':>7}")
    for case, our_runs, their_runs in rows:
        typical, baseline = median(our_runs), median(their_runs)
        ratio, cpu_ratio = paired_ratio(our_runs, their_runs), paired_ratio(our_runs, their_runs, cpu=True)
        verdict = "ok" if ratio <= case.target else "MISSED"
        print(f"{case.name:34} {typical.wall:9.3f} {typical.cpu:7.3f}  {case.baseline_name:18} {baseline.wall:9.3f} {baseline.cpu:7.3f}"
              f" {cpu_ratio:9.2f} {ratio:7.2f} {case.target:7.2f}  {verdict}")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, {repeat} interleaved pairs: median times, median ratios")
    return 0


if __name__ == "__main__":
    sys.exit(main())
