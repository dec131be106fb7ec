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
print(" ".join(name for name in {heavy!r} if name in sys.modules), file=sys.stderr)
"""


def loaded_by(*args: str) -> set[str]:
    code = PROBE.format(args=list(args), heavy=HEAVY)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    return set(done.stderr.strip().splitlines()[-1].split()) if done.stderr.strip() else set()


@pytest.mark.parametrize("args", [["--help"], ["run", "--help"], ["allocate", "--help"], ["--version"]], ids=" ".join)
def test_help_loads_no_heavy_library(args: list[str]) -> None:
    assert loaded_by(*args) == set()


def test_validate_loads_only_the_yaml_reader(example: Path) -> None:
    assert loaded_by("validate", str(example)) == {"yaml"}


def test_schema_and_init_need_no_numpy(tmp_path: Path) -> None:
    assert "numpy" not in loaded_by("schema")
    assert "numpy" not in loaded_by("init", str(tmp_path / "new.yaml"))
