"""The benchmark harness runs and reports every case (at tiny sizes: speed is not tested here)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

HARNESS = Path(__file__).resolve().parents[1] / "benchmarks" / "run.py"


def test_quick_run_prints_a_ratio_per_case(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    spec = importlib.util.spec_from_file_location("benchmarks_run", HARNESS)
    assert spec is not None and spec.loader is not None
    harness = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, harness)  # dataclasses look their module up there
    spec.loader.exec_module(harness)
    assert harness.main(["--quick"]) == 0
    lines = capsys.readouterr().out.splitlines()
    rows = {line.split("  ")[0].strip(): line for line in lines[1:-1]}
    assert {"--help", "validate one file", "breakeven 50 ch x 120 m", "sensitivity 50 ch x 120 m"} <= set(rows)
    for line in rows.values():
        ratio, target = (float(word) for word in line.split()[-3:-1])
        assert ratio > 0 and target > 0
