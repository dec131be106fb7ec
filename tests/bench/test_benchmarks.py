"""The benchmark harness runs and reports every case (at tiny sizes: speed is not tested here)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = pytest.mark.slow

HARNESS = Path(__file__).resolve().parents[2] / "benchmarks" / "run.py"


def _harness(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmarks_run", HARNESS)
    assert spec is not None and spec.loader is not None
    harness = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, harness)  # dataclasses look their module up there
    spec.loader.exec_module(harness)
    return harness


def test_quick_run_prints_a_ratio_per_case(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    assert _harness(monkeypatch).main(["--quick"]) == 0
    lines = capsys.readouterr().out.splitlines()
    rows = {line.split("  ")[0].strip(): line for line in lines[1:-1]}
    assert {"--help", "validate one file", "breakeven 50 ch x 120 m", "sensitivity 50 ch x 120 m"} <= set(rows)
    for line in rows.values():
        cpu_ratio, ratio, target = (float(word) for word in line.split()[-4:-1])
        assert cpu_ratio > 0 and ratio > 0 and target > 0


def test_only_runs_the_cases_whose_name_contains_the_substring(capsys: pytest.CaptureFixture[str],
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    harness = _harness(monkeypatch)
    assert harness.main(["--quick", "--only", "validate one"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("  ")[0].strip() for line in lines[1:-1]] == ["validate one file"]
    with pytest.raises(SystemExit):
        harness.main(["--quick", "--only", "no such case"])
