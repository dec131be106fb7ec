"""The CI commands at the sizes a repository reaches: pre-commit hooks, `check` over many files, `validate`
over thousands, and the start-up every command pays (issue 27).

``benchmarks/run.py`` runs ``hook_cases`` with its other cases, each against a baseline measured in the
same run:

- both hooks on 20 files (`validate` then `check`, one process each, as pre-commit runs them with
  ``require_serial``) against the one-second budget itself (``sleep 1``): the ratio is the wall time
  in seconds;
- `check` over 1,000 files with its worker pool against the same with ``--jobs 1`` (one process):
  below 1 when the pool uses the machine's cores (0.5 is perfect on two);
- `validate` of 5,000 files against libyaml's ``CSafeLoader`` reading the same files in one process,
  the parse floor every YAML tool pays;
- ``--help`` against a plain 10-command Typer app that imports no Rich (``rich_markup_mode=None``,
  ``TYPER_USE_RICH=0``), the floor of any Typer CLI's start-up.

``python benchmarks/bench_hooks.py`` measures what the time harness cannot: the peak memory of
`validate` at 500 and at 5,000 files, which is flat when no parsed file is kept.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from aigc_roi.whatif.threads import cores

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = sorted((ROOT / "scenarios").glob("*.yaml"))
"""The bundled scenarios: each passes `check`, with channels of every type, plans, purchases and targets."""
PLAIN_TYPER = """\
import typer
app = typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False)
for i in range(10):
    app.command(name=f"command{i}")(lambda value: None)
app()
"""
CSAFE_FLOOR = """\
import sys, yaml
from pathlib import Path
for path in sorted(Path(sys.argv[1]).glob("*.yaml")):
    yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
"""

CaseSpec = tuple[str, list[str], str, list[str], float]
"""(name, command, baseline name, baseline, target ratio): run.py's Case, built there."""


def copies(folder: Path, count: int) -> Path:
    """``count`` scenario files in ``folder``, the bundled scenarios in turn, each with its own name."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        source = SCENARIOS[i % len(SCENARIOS)].read_text(encoding="utf-8")
        text = source.replace("\nname: ", f"\nname: Copy {i} of ", 1) if "\nname: " in source else source
        (folder / f"s{i:05d}.yaml").write_text(text, encoding="utf-8")
    return folder


def aigc(python: str, *args: str) -> list[str]:
    return [python, "-m", "aigc_roi", *args]


def hook_cases(folder: Path, quick: bool, python: str = sys.executable) -> list[CaseSpec]:
    hooked = copies(folder / "hooked", 3 if quick else 20)
    staged = " ".join(str(path) for path in sorted(hooked.iterdir()))
    # Both hooks, one after the other, each in its own process with every file (require_serial).
    hooks = ["sh", "-c", f"{python} -m aigc_roi validate {staged} && {python} -m aigc_roi check {staged}"]
    # From 64 files `check` starts its pool (aigc_roi/ci/parallel.py POOL_FROM): the quick size still does.
    many = copies(folder / "many_checked", 66 if quick else 1_000)
    thousands = copies(folder / "many_validated", 50 if quick else 5_000)
    floor = folder / "csafe_floor.py"
    floor.write_text(CSAFE_FLOOR, encoding="utf-8")
    plain = folder / "plain_typer.py"
    plain.write_text(PLAIN_TYPER, encoding="utf-8")
    pool_target = 0.75 if cores() > 1 else 1.05
    return [
        (f"hooks on {len(list(hooked.iterdir()))} files", hooks, "1 s budget", ["sleep", "1"], 1.0),
        (f"check {len(list(many.iterdir())):,} files", aigc(python, "check", str(many)),
         "check --jobs 1", aigc(python, "check", str(many), "--jobs", "1"), pool_target),
        (f"validate {len(list(thousands.iterdir())):,} files", aigc(python, "validate", str(thousands)),
         "CSafeLoader floor", [python, str(floor), str(thousands)], 2.0),
        ("--help, no Rich", aigc(python, "--help"), "plain typer", ["env", "TYPER_USE_RICH=0", python, str(plain), "--help"],
         1.2),
    ]


def peak_rss_kib(command: list[str]) -> int:
    """Peak resident memory of one process running ``command``, in KiB (Linux's ru_maxrss unit)."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(command)} exited {process.returncode}")
    return usage.ru_maxrss


def main() -> None:
    os.environ.setdefault("PYTHONPATH", str(ROOT))
    with tempfile.TemporaryDirectory() as scratch:
        sizes = {}
        for count in (500, 5_000):
            folder = copies(Path(scratch, str(count)), count)
            sizes[count] = peak_rss_kib(aigc(sys.executable, "validate", str(folder)))
    print("validate peak memory: " + ", ".join(f"{count:,} files {kib / 1024:.1f} MiB" for count, kib in sizes.items()))
    print(f"5,000 / 500 files: {sizes[5_000] / sizes[500]:.2f}x (target 1.10: flat)")


if __name__ == "__main__":
    main()
