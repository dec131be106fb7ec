"""Results on stdout, diagnostics on stderr: `aigc-roi run s.yaml --format json | jq` always works."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

# Each case starts a fresh interpreter, as a shell pipe would.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]

VALID = """\
name: Streams
horizon_months: 6
acquisition: [{name: CPA, type: cpa, bid: 30, budget: 600000, months: 1-3}]
retention: {points: {1: 0.4, 3: 0.25}}
monetization: {plans: [{name: Annual, price: 365, period: year, conversion: 0.05}]}
costs: {serving_per_active_user: 0.8}
"""
# Warning-worthy but valid: everything undefined or extreme at once (no users, 1e15 amounts, churn 1).
WARNING_WORTHY = """\
name: Odd
horizon_months: 1
discount_rate: 1e15
acquisition: [{name: Feed, type: cpm, cpm: 1e15, ctr: 0, cvr: 0, budget: 1e15}]
retention: {monthly_churn: 1}
costs: {serving_per_active_user: 1e15, fixed: [{name: F, monthly: 1e15}]}
"""


def _run(path: Path, *args: str, warnings_on: bool = False) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    if warnings_on:
        env["PYTHONWARNINGS"] = "always"  # anything that warns must still not reach stdout
    return subprocess.run([sys.executable, "-m", "aigc_roi", "run", str(path), *args], capture_output=True,
                          text=True, env=env, cwd=path.parent, timeout=120)


def _strict_json(text: str) -> Any:
    def refuse(constant: str) -> Any:
        raise AssertionError(f"non-finite JSON constant {constant}")

    return json.loads(text, parse_constant=refuse)


@pytest.mark.parametrize("content", [VALID, WARNING_WORTHY], ids=["valid", "warning-worthy"])
@pytest.mark.parametrize("warnings_on", [False, True], ids=["default", "PYTHONWARNINGS=always"])
def test_json_on_stdout_is_valid_json(tmp_path: Path, content: str, warnings_on: bool) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(content, encoding="utf-8")
    proc = _run(path, "--format", "json", warnings_on=warnings_on)
    assert proc.returncode == 0, proc.stderr
    data = _strict_json(proc.stdout)
    assert data["scenario"] in ("Streams", "Odd")
    assert "Traceback" not in proc.stderr
    if not warnings_on:
        # A diagnostic on stderr, nothing else: 1e15 a year is 1e17%, which the discount rate's warning says.
        assert proc.stderr == ("" if content == VALID else
                               f"{path}:3:16: discount_rate: 1e15 is 100,000,000,000,000,000% a year, above any cost "
                               "of capital a finance team discounts at\n")


def test_invalid_file_exits_2_with_the_error_on_stderr_only(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("name: Bad\nretention: {monthly_churn: 2}\n", encoding="utf-8")
    proc = _run(path, "--format", "json")
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert f"{path}:2:28: retention.monthly_churn: expected a number from 0 to 1, found 2" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("args", [["--format", "yaml"], ["--set", "nonsense"], ["--lang", "fr"]])
def test_bad_options_exit_2_on_stderr(tmp_path: Path, args: list[str]) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(VALID, encoding="utf-8")
    proc = _run(path, "--format", "json", *args) if args[0] != "--format" else _run(path, *args)
    assert proc.returncode == 2, proc.stdout
    assert proc.stdout == ""
    assert proc.stderr.strip()
    assert "Traceback" not in proc.stderr


def test_missing_file_exits_2(tmp_path: Path) -> None:
    proc = _run(tmp_path / "absent.yaml", "--format", "json")
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "absent.yaml" in proc.stderr


@pytest.mark.parametrize("fmt", ["csv", "markdown", "table"])
def test_other_formats_write_only_results_to_stdout(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(VALID, encoding="utf-8")
    proc = _run(path, "--format", fmt)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert "Streams" in proc.stdout or fmt == "csv"


def test_output_file_leaves_stdout_empty(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(VALID, encoding="utf-8")
    out = tmp_path / "out.json"
    proc = _run(path, "--format", "json", "--output", str(out))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    _strict_json(out.read_text(encoding="utf-8"))
