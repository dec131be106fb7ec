"""The engine benchmark's harness, run on tiny sizes (its numbers are not checked here)."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = pytest.mark.slow

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def load_bench() -> ModuleType:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        spec = importlib.util.spec_from_file_location("bench_engine", BENCHMARKS / "bench_engine.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCHMARKS))


def test_growth_exponent_of_a_quadratic_is_two() -> None:
    # time 1 -> 16 when the size grows 4x: 16 = 4^2
    assert load_bench().growth_exponent(1.0, 16.0, 4.0) == pytest.approx(2.0)


def test_harness_prints_every_measurement_on_tiny_sizes(capsys: pytest.CaptureFixture[str]) -> None:
    load_bench().main(["--samples", "40", "--months", "3", "7", "--repeats", "1", "--memory-samples", "300",
                       "--singles", "2"])
    out = capsys.readouterr().out
    for horizon in (3, 7):
        block = out.split(f"40 samples x {horizon} months")[1]
        for name in ("floor", "floor in chunks", "evaluate(irr=False)", "evaluate", "evaluate_figures"):
            assert re.search(rf"^  {re.escape(name)} +\d+\.\d+ s +\d+\.\d+x$", block, re.MULTILINE), (horizon, name)
    assert re.search(r"^  evaluate_figures +samples +-?\d+\.\d+ / +-?\d+\.\d+ +months +-?\d+\.\d+$", out, re.MULTILINE)
    assert re.search(r"figures only, 300 samples x 7 months.*\n  peak RSS \d+ MiB", out)
    assert "speed-up" in out
