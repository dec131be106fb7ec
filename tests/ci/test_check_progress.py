"""What `check` and `report` tell their progress bar (cli/progress.py): the files done, in one process each
simulated file's stages, over a pool the files as chunks come back; and a Ctrl-C ends the pool at once."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from pathlib import Path

import pytest
from test_validate_and_check import LOSING, example, write

from aigc_roi import api
from aigc_roi.ci import checks, parallel
from aigc_roi.ci.checks import FILES
from aigc_roi.ci.parallel import validate_and_check
from aigc_roi.reader.load import load_path
from aigc_roi.whatif.simulate import DRAWING, EVALUATING, SHARES, StageCallback

RANGED = example(targets="min_payback_probability: 0.5").replace("bid: 20", "bid: 15..25")

Calls = list[tuple[str, int, int]]


def heard() -> tuple[Calls, StageCallback]:
    calls: Calls = []
    return calls, lambda stage, done, total: calls.append((stage, done, total))


def test_check_reports_each_file_and_the_simulation_of_each_that_needs_one(tmp_path: Path) -> None:
    write(tmp_path, {"a.yaml": RANGED, "b.yaml": LOSING, "c.yaml": RANGED})
    calls, progress = heard()
    api.check_run([tmp_path], samples=300, jobs=1, progress=progress)
    # Before the first file and after each, and a file's stages in between: a.yaml and c.yaml are simulated,
    # b.yaml sets no chance target and is not.
    steps = [call if call[0] == FILES else call[0] for call in calls]
    # One range drawn, 300 samples in one chunk; only the chance is read, so no variance shares are split.
    simulated = [DRAWING, DRAWING, EVALUATING]
    assert steps == [(FILES, 0, 3), *simulated, (FILES, 1, 3), (FILES, 2, 3), *simulated, (FILES, 3, 3)]
    assert [call for call in calls if call[0] == EVALUATING] == [(EVALUATING, 300, 300)] * 2


def test_a_pool_reports_the_files_as_its_chunks_come_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {f"s{i}.yaml": RANGED for i in range(5)})
    monkeypatch.setattr(checks, "POOL_FROM", 2)
    calls, progress = heard()
    validate_and_check(sorted(tmp_path.iterdir()), (), 300, 0, workers=2, progress=progress)
    # The simulations run in the workers: only the files done, never fewer than before, up to all five.
    assert {stage for stage, _, _ in calls} == {FILES} and {total for _, _, total in calls} == {5}
    done = [done for _, done, _ in calls]
    assert done[0] == 0 and done[-1] == 5 and done == sorted(done)


def _slow_chunk(files: list[Path], *args: object) -> None:
    (files[0].parent / f"started-{os.getpid()}").touch()
    time.sleep(30)


def test_ctrl_c_ends_the_pool_without_running_its_other_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {f"s{i}.yaml": LOSING for i in range(8)})
    files = sorted(tmp_path.iterdir())
    monkeypatch.setattr(checks, "POOL_FROM", 2)
    monkeypatch.setattr(parallel, "_chunk", _slow_chunk)  # a forked worker finds it there
    started = time.monotonic()

    def ctrl_c(stage: str, done: int, total: int) -> None:
        # Heard while the chunks run; once both workers are inside one, Ctrl-C as a terminal sends it: to every
        # process of the job, the workers too.
        if len(list(tmp_path.glob("started-*"))) < 2:
            assert time.monotonic() - started < 10
            return
        for worker in multiprocessing.active_children():
            assert worker.pid is not None
            os.kill(worker.pid, signal.SIGINT)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        validate_and_check(files, (), 100, 0, workers=2, progress=ctrl_c)
    # A worker that took the interrupt for its chunk's result went on to the next chunk queued: 30 s more.
    assert time.monotonic() - started < 10


def test_report_facts_report_the_simulations_stages(tmp_path: Path) -> None:
    write(tmp_path, {"a.yaml": RANGED})
    calls, progress = heard()
    api.plan_facts(load_path(tmp_path / "a.yaml"), samples=300, stage_progress=progress)
    assert [call[0] for call in calls] == [DRAWING, DRAWING, EVALUATING, SHARES]
    assert calls[2] == (EVALUATING, 300, 300)
