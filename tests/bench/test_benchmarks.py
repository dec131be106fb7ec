"""The benchmark harness runs and reports every case (at tiny sizes: speed is not tested here)."""

from __future__ import annotations

import importlib.util
import math
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
    assert {"--help", "validate one file", "breakeven 50 ch x 120 m", "sensitivity 50 ch x 120 m",
            "actuals 50 ch, 18,000 rows", "report chat-assistant-cpa"} <= set(rows)
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


def test_the_actuals_case_is_a_year_of_daily_rows_of_50_matched_campaigns(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from aigc_roi.reader.exports import Horizon, read_report
    from aigc_roi.reader.load import load_path
    from aigc_roi.whatif.actuals import compare

    plan, export = _harness(monkeypatch).actuals_files(tmp_path, 50, 360)
    scenario = load_path(plan).scenario
    assert scenario.start is not None
    compared = compare(scenario, read_report([export], Horizon.of(scenario.start, scenario.horizon_months)))
    assert not compared.unmatched
    assert [channel.matched_rows for channel in compared.channels] == [360] * 50
    # Campaign c spends 1,000 + 37c + d + 0.50 on day d (0 = 1 January): January of campaign 0 is
    # 31 x 1,000.50 + (0 + ... + 30), February of campaign 7 is 28 x 1,259.50 + (31 + ... + 58).
    assert compared.channels[0].months[0].actual.spend == pytest.approx(31 * 1_000.5 + 465, abs=1e-6)
    assert compared.channels[7].months[1].actual.spend == pytest.approx(28 * 1_259.5 + 1_246, abs=1e-6)
    # 360 days end on 26 December: the last month is partial.
    assert compared.channels[0].months[-1].covered == pytest.approx(26 / 31)


def test_a_ratio_is_the_median_of_each_run_over_the_baseline_run_beside_it(monkeypatch: pytest.MonkeyPatch) -> None:
    harness = _harness(monkeypatch)
    timing = harness.Timing
    # The machine slows pair by pair (x1, x1.5, x2) while the command takes 1.2x its baseline; one run of each side
    # is 10% off. The pairs read 1.2, 1.32 and 1.09: their median is the true 1.2, where the medians of each side
    # (1.98 and 1.5) come from different pairs and read 1.32.
    ours = [timing(1.2, 1.2), timing(1.2 * 1.5 * 1.1, 1.2 * 1.5 * 1.1), timing(2.4, 2.4)]
    theirs = [timing(1.0, 1.0), timing(1.5, 1.5), timing(2.2, 2.2)]
    assert harness.paired_ratio(ours, theirs) == pytest.approx(1.2)
    assert harness.paired_ratio(ours, theirs, cpu=True) == pytest.approx(1.2)
    assert harness.median(ours).wall / harness.median(theirs).wall == pytest.approx(1.32)
    # A baseline that takes no CPU (a budget, not a process) gives no CPU ratio.
    assert math.isnan(harness.paired_ratio([timing(0.5, 0.4)], [timing(1.0, 0.0)], cpu=True))
