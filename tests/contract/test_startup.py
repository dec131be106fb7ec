"""Start-up stays light: heavy libraries load only on the paths that use them.

Measured in a fresh interpreter, because the test process itself has
imported everything already.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("numpy", "pandas", "matplotlib", "scipy", "openpyxl", "pydantic", "yaml", "rich")
"""pydantic: Typer 0.29 validates every argument through it (pyproject pins Typer below 0.29)."""
PROBE = """
import sys
sys.argv = ["aigc-roi", *{args!r}]
try:
    from aigc_roi.cli.app import main
    main()
except SystemExit:
    pass
sys.stdout.flush()
print("loaded:", *(name for name in {heavy!r} if name in sys.modules), file=sys.stderr)
"""


def loaded_by(*args: str, watched: tuple[str, ...] = HEAVY) -> set[str]:
    """Which of ``watched`` modules ``aigc-roi ARGS`` has imported by the time it exits."""
    code = PROBE.format(args=list(args), heavy=watched)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    # The probe's line is the last of stderr, after whatever the command wrote there.
    last = done.stderr.splitlines()[-1].split()
    assert last[:1] == ["loaded:"], done.stderr
    return set(last[1:])


@pytest.mark.parametrize("args", [["--help"], ["run", "--help"], ["allocate", "--help"], ["--version"]], ids=" ".join)
def test_help_loads_no_heavy_library(args: list[str]) -> None:
    assert loaded_by(*args) == set()


def test_help_makes_no_dataclass() -> None:
    """`--help` builds no class of a file's errors or outputs: making a dataclass takes half a millisecond, which
    English `--help` (issue 27: within 1.2x of a plain Typer app's) paid four times over, and importing ``dataclasses``
    too (Chinese help loads the label catalogue, which is made of them)."""
    assert loaded_by("--help", watched=("dataclasses", "aigc_roi.model.errors")) == set()


def test_validate_loads_only_the_yaml_reader(example: Path) -> None:
    assert loaded_by("validate", str(example)) == {"yaml"}


def test_schema_and_init_need_no_numpy(tmp_path: Path) -> None:
    assert "numpy" not in loaded_by("schema")
    assert "numpy" not in loaded_by("init", str(tmp_path / "new.yaml"))


OTHER_COMMANDS = ("aigc_roi.cli.run", "aigc_roi.cli.whatif", "aigc_roi.cli.simulate", "aigc_roi.cli.allocate",
                  "aigc_roi.cli.curves", "aigc_roi.cli.init")
"""The modules of the commands other than validate, check and schema (cli/commands.py)."""
NOT_FOR_VALIDATE = (*OTHER_COMMANDS, "aigc_roi.api", "aigc_roi.whatif", "aigc_roi.model.engine", "aigc_roi.present.tables",
                    "numpy", "json", "csv", "tempfile", "aigc_roi.ci.parallel", "multiprocessing")
"""... and the worker pool's modules, which a hook on a few files does not pay for (ci/checks.py ``POOL_FROM``)."""


def test_validate_imports_no_other_command(example: Path) -> None:
    """Commands are built when asked for: validating a file loads the reader and cli/ci.py, not the engine or the API."""
    assert loaded_by("validate", str(example), watched=NOT_FOR_VALIDATE) == set()
    # The probe sees them where they are used: `run` loads its own module, the engine and numpy.
    assert {"aigc_roi.cli.run", "aigc_roi.model.engine", "numpy"} <= loaded_by("run", str(example), watched=NOT_FOR_VALIDATE)


@pytest.mark.parametrize("written", [["-fjson"], ["-f", "json"], ["--format=json"]], ids=" ".join)
def test_a_short_option_and_its_choice_written_together_build_no_other_command(example: Path, written: list[str]) -> None:
    """`run plan.yaml -fjson` is -f json: no other command's options are looked up for a long option of one dash
    (cli/option_slips.py builds every command for that), so it loads what `-f json` loads."""
    others = tuple(name for name in OTHER_COMMANDS if name != "aigc_roi.cli.run")
    assert loaded_by("run", str(example), *written, watched=others) == set()


def test_machine_readable_actuals_load_no_rich() -> None:
    """`actuals --format json` (a CI step, piped to jq) draws no table: Rich loads for the terminal's view only."""
    args = ["actuals", "scenarios/chat-assistant-cpa.yaml", "examples/actuals/douyin-ocean-engine.csv",
            "examples/actuals/bilibili.csv", "--map", "Douyin activation CPA=dy_*", "--map", "Bilibili CPA (registered user)=bili_*"]
    assert "rich" not in loaded_by(*args, "--format", "json")
    assert "rich" in loaded_by(*args)


@pytest.mark.parametrize("command", ["breakeven", "sensitivity"])
def test_machine_readable_what_ifs_load_no_rich(command: str) -> None:
    """`breakeven` and `sensitivity` in json and csv draw no table either (issue 27: Rich was a tenth of
    `breakeven`'s time at every cap)."""
    for form in ("json", "csv"):
        assert "rich" not in loaded_by(command, "scenarios/starter.yaml", "--format", form)
    assert "rich" in loaded_by(command, "scenarios/starter.yaml")


@pytest.mark.parametrize("args", [["compare", "scenarios/starter.yaml", "scenarios/chat-assistant-cpa.yaml"],
                                  ["simulate", "scenarios/starter.yaml", "--samples", "200"],
                                  ["allocate", "scenarios/chat-assistant-cpa.yaml", "--budget", "50万"]], ids=lambda args: args[0])
def test_machine_readable_compare_simulate_and_allocate_load_no_rich(args: list[str]) -> None:
    """`compare`, `simulate` and `allocate` in json, csv and markdown draw no table either: their views are
    present/compare_view.py, present/simulation_view.py and present/allocation_view.py."""
    for form in ("json", "csv", "markdown"):
        assert "rich" not in loaded_by(*args, "--format", form)
    assert "rich" in loaded_by(*args)


def test_the_api_imports_light_and_names_its_errors_when_asked() -> None:
    """A script's `import aigc_roi.api` loads no heavy library either (the CLI's commands import it); the errors it
    names from numpy's modules (``AllocationError``, ``UnknownDriver``) load those modules when first asked for."""
    probe = ("import sys, aigc_roi.api as api; print(*(name for name in {heavy!r} if name in sys.modules)); "
             "from aigc_roi.api import AllocationError; print(api.UnknownDriver.__module__, 'numpy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe.format(heavy=HEAVY)], capture_output=True, text=True, cwd=ROOT,
                          check=True)
    assert done.stdout.splitlines() == ["", "aigc_roi.whatif.drivers True"]
