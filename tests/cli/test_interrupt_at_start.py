"""Ctrl-C at any moment of start-up ends the command with 130 and an empty stderr, as it does later on.

A Ctrl-C during the imports used to print a 46-line traceback. Each case starts the program as its console
script does (pyproject.toml's entry point, or ``python -m aigc_roi``), and sends itself a real SIGINT at a
chosen moment: as the import of one module begins, from the app's first module to those a command loads.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ENTRY = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]["aigc-roi"]
MODULE, FUNCTION = ENTRY.split(":")
LAUNCHERS = {
    "console script": f"import sys\nfrom {MODULE} import {FUNCTION}\nsys.exit({FUNCTION}())",  # as pip writes it
    "python -m": "import runpy\nrunpy.run_module('aigc_roi', run_name='__main__')",
}
INTERRUPT_AT = """
import importlib.abc, os, signal, sys


class InterruptAt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == {module!r}:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)
        return None


sys.meta_path.insert(0, InterruptAt())
sys.argv = ["aigc-roi", *{args!r}]
"""
STARTER = str(ROOT / "scenarios" / "starter.yaml")


def _interrupted(module: str, launcher: str, args: list[str]) -> subprocess.CompletedProcess[str]:
    code = INTERRUPT_AT.format(module=module, args=args) + LAUNCHERS[launcher]
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120, check=False)


@pytest.mark.parametrize("module", [
    "aigc_roi.cli.app",  # the first the console script's main() imports
    "typer",
    "aigc_roi.cli.options",
    "aigc_roi.cli.edge",
    "aigc_roi.cli.files",
    "aigc_roi.cli.run",  # the command, built when the command line names it
    "yaml",  # reading the file
    "numpy",  # the engine
    "rich.console",  # the table
])
def test_ctrl_c_while_the_program_loads_is_130_and_silent(module: str) -> None:
    done = _interrupted(module, "console script", ["run", STARTER])
    assert (done.returncode, done.stderr, done.stdout) == (130, "", "")


@pytest.mark.parametrize("args", [["--help"], ["run", STARTER]], ids=" ".join)
def test_ctrl_c_under_python_m_is_130_and_silent(args: list[str]) -> None:
    done = _interrupted("aigc_roi.cli.app", "python -m", args)
    assert (done.returncode, done.stderr, done.stdout) == (130, "", "")


def test_the_probe_reaches_the_program() -> None:
    """Without the interrupt (a module never imported) the same launch runs the command: the cases above stop it."""
    done = _interrupted("not.a.module", "console script", ["run", STARTER, "-f", "csv"])
    assert done.returncode == 0 and done.stdout.startswith("month,"), done.stderr
