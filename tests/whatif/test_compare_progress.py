"""What `compare --samples` tells its progress bar (cli/progress.py): the scenarios simulated, and each one's
simulation stages in between."""

from __future__ import annotations

from progress_plans import UNIFORM_BID

from aigc_roi.reader.load import load_text
from aigc_roi.whatif.compare import SCENARIOS, compare
from aigc_roi.whatif.simulate import DRAWING, EVALUATING, SHARES


def test_each_scenario_simulated_is_a_step_with_its_simulations_stages_in_between() -> None:
    plan = load_text(UNIFORM_BID, "a.yaml").scenario
    calls: list[tuple[str, int, int]] = []
    compare([(None, "a.yaml", plan), ("copy", "b.yaml", plan)], samples=300,
            stage_progress=lambda stage, done, total: calls.append((stage, done, total)))
    simulated = [(DRAWING, 0, 1), (DRAWING, 1, 1), (EVALUATING, 300, 300), (SHARES, 1, 1)]  # one range, one chunk
    assert calls == [(SCENARIOS, 0, 2), *simulated, (SCENARIOS, 1, 2), *simulated, (SCENARIOS, 2, 2)]


def test_without_samples_there_is_nothing_to_report() -> None:
    plan = load_text(UNIFORM_BID, "a.yaml").scenario
    calls: list[tuple[str, int, int]] = []
    compare([(None, "a.yaml", plan), (None, "b.yaml", plan)],
            stage_progress=lambda stage, done, total: calls.append((stage, done, total)))
    assert calls == []
