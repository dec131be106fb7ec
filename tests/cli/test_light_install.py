"""The base install (what a pre-commit hook gets) runs validate and check without the xlsx/plot extras."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
EXTRAS = ("openpyxl", "matplotlib", "pandas")

# Runs the CLI with the extras made unimportable, as in an environment that never installed them.
BLOCKED = """
import sys
for name in {extras!r}:
    sys.modules[name] = None
sys.argv = ["aigc-roi", *{args!r}]
from aigc_roi.cli.app import main
main()
"""


def _hooks() -> list[dict[str, str]]:
    return yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def test_extras_are_declared_and_not_required() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    required = " ".join(project["dependencies"])
    assert not any(name in required for name in EXTRAS)
    extras = project["optional-dependencies"]
    assert extras["xlsx"] == ["openpyxl>=3.1"]
    assert extras["plot"] == ["matplotlib>=3.8"]
    assert {"openpyxl>=3.1", "matplotlib>=3.8"} <= set(extras["test"])  # CI tests everything


@pytest.mark.parametrize("hook", _hooks(), ids=lambda hook: hook["id"])
def test_each_hook_runs_without_the_extras(hook: dict[str, str], tmp_path: Path) -> None:
    scenario = tmp_path / "scenarios" / "s.yaml"
    scenario.parent.mkdir()
    scenario.write_text("name: S\nretention: {monthly_churn: 0.5}\ntargets: {min_npv: 0}\n", encoding="utf-8")
    command, *args = hook["entry"].split()
    assert command == "aigc-roi"
    code = BLOCKED.format(extras=EXTRAS, args=[*args, str(scenario)])
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stdout + done.stderr  # npv 0 >= 0: no spend, no revenue
    assert "Error" not in done.stderr
