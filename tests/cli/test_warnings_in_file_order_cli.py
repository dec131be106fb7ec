"""Every command writes a file's located warnings on stderr in file order (present/errors.py ``in_file_order``),
whatever found them: reading the file (a discount rate above 100% a year), the simulation (draws clipped to a field's
domain) and the horizon (a payback target past it). Each kind was written as it was found, so ``simulate`` said line
6 before line 4, as ``check`` no longer did."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = """\
name: order
horizon_months: 6
acquisition:
  - {name: A, type: cpa, bid: -5..10, budget: 30000}
monetization: {plans: [{name: p, price: 30, period: month, conversion: 0.05, renewal: 0.7}]}
discount_rate: 150%
retention: {monthly_churn: -0.5..0.9}
targets:
  max_payback_months: 18
"""
IN_FILE_ORDER = ["4:31", "6:16", "7:28", "7:28", "9:23"]
"""The bid's clipped draws, the discount rate read, the churn's draws clipped below 0 and above 1, the target."""


def _places(stderr: str, path: Path) -> list[str]:
    return re.findall(rf"^{re.escape(str(path))}:(\d+:\d+): ", stderr, re.MULTILINE)


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "order.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_simulate_writes_every_kind_in_file_order(plan: Path, lang: str) -> None:
    result = invoke(["simulate", str(plan), "--samples", "300", "--lang", lang])
    assert result.exit_code == 0
    assert _places(result.stderr, plan) == IN_FILE_ORDER


def test_a_result_written_to_a_file_leaves_them_in_file_order(plan: Path, tmp_path: Path) -> None:
    result = invoke(["report", str(plan), "--samples", "300", "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 0
    assert _places(result.stderr, plan) == IN_FILE_ORDER


def test_compare_writes_each_files_in_file_order_file_by_file(plan: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text(PLAN.replace("name: order", "name: other"), encoding="utf-8")
    result = invoke(["compare", str(plan), str(other), "--samples", "300"])
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    ours = [line for line in lines if line.startswith(f"{plan}:")]
    theirs = [line for line in lines if line.startswith(f"{other}:")]
    assert lines.index(ours[-1]) < lines.index(theirs[0])
    assert _places(result.stderr, plan) == _places(result.stderr, other) == IN_FILE_ORDER


def test_quiet_drops_them(plan: Path) -> None:
    result = invoke(["simulate", str(plan), "--samples", "300", "-q"])
    assert (result.exit_code, _places(result.stderr, plan)) == (0, [])
