"""The progress bar of a long command (`simulate`, `allocate`, `check`, `compare --samples`, `report`) on stderr.

One bar per stage, each with its own time remaining. A command whose work runs something another command shows
(`check`'s files each simulated, `compare`'s scenarios, `report`'s simulation) reports the outer stage first and
the inner one's stages after it, which start over for each file or scenario.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from aigc_roi.cli.streams import for_stderr, is_quiet
from aigc_roi.present.labels import label

if TYPE_CHECKING:
    from aigc_roi.whatif.simulate import StageCallback

PROGRESS_AFTER_SECONDS = 1.0
"""A bar for a run that ends sooner would only flicker."""

REDRAW_SECONDS = 0.1
"""The bar is drawn again as the work reports, at most this often: by the callbacks, not by a thread of Rich's, so
that `simulate` may fork its workers from a process running no other thread (whatif/forked.py)."""

STAGE_LABELS = {"drawing": "simulating_draws", "evaluating": "simulating", "shares": "simulating_shares",
                "files": "checking_files", "scenarios": "comparing_scenarios", "allocating": "allocating",
                "rendering": "rendering_page"}
"""The label of each stage a command reports: whatif/simulate.py's, ci/checks.py's ``FILES``, whatif/compare.py's
``SCENARIOS`` and cli/report.py's."""


@contextmanager
def progress_bar(lang: str, doing: str = "simulating") -> Iterator[Any]:
    """A progress callback ``update(done, total, stage=None)`` that shows a Rich bar (labelled ``doing``, or the
    stage's label when one is named) on stderr once the run has taken a second, and only when stderr is a terminal
    (a log or a pipe gets nothing) and -q is not given. The bar is cleared when the block ends, Ctrl-C included."""
    if is_quiet() or sys.stderr is None or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TimeRemainingColumn

    from aigc_roi.present.console import sized_environment

    started = time.monotonic()
    bar: dict[str, Any] = {}
    # Every stage reported, in the order each first was: the bar that appears late still lists the outer stage
    # (check's files) above the inner ones (that file's simulation).
    seen: dict[str | None, tuple[int, int]] = {}
    # Worded now: once the bar runs, Rich stands in for sys.stderr, with no encoding to ask.
    described = {key: for_stderr(label(key, lang), label(key, "en")) for key in (doing, *STAGE_LABELS.values())}

    def named(stage: str | None) -> str:
        return described[doing if stage is None else STAGE_LABELS[stage]]

    def update(done: int, total: int, stage: str | None = None) -> None:
        now = time.monotonic()
        restarted = stage in seen and done < seen[stage][0]
        seen[stage] = (done, total)
        if "progress" not in bar:
            if now - started < PROGRESS_AFTER_SECONDS:
                return
            bar["progress"] = Progress("[progress.description]{task.description}", BarColumn(), TaskProgressColumn(),
                                       TimeRemainingColumn(), console=Console(stderr=True, _environ=sized_environment()),
                                       transient=True, auto_refresh=False)
            bar["drawn"] = 0.0
            bar["progress"].start()
            # A stage that ended before the bar appeared stays hidden, as it never showed, until it starts again.
            bar["tasks"] = {name: bar["progress"].add_task(named(name), total=at_total, completed=at_done,
                                                           visible=at_done < at_total or name == stage)
                            for name, (at_done, at_total) in seen.items()}
        progress, tasks = bar["progress"], bar["tasks"]
        if stage not in tasks:
            tasks[stage] = progress.add_task(named(stage), total=total)
        elif restarted:
            # The next file's or scenario's run of the stage: its own time remaining, not the last one's pace.
            progress.reset(tasks[stage], total=total, completed=done)
        progress.update(tasks[stage], completed=done, total=total, visible=True)
        # The stages begun after this one were its last step's (the last file's simulation): hidden until they
        # report again.
        order = list(seen)
        for name in order[order.index(stage) + 1:]:
            progress.update(tasks[name], visible=False)
        if now - bar["drawn"] >= REDRAW_SECONDS or done >= total:
            progress.refresh()
            bar["drawn"] = now

    try:
        yield update
    finally:
        if "progress" in bar:
            bar["progress"].stop()


@contextmanager
def stage_progress_bar(lang: str) -> Iterator[StageCallback | None]:
    """``progress_bar`` as the callback the library reports its stages to, ``(stage, done, total)``
    (whatif/simulate.py ``StageCallback``); None where no bar is shown."""
    with progress_bar(lang) as update:
        yield None if update is None else (lambda stage, done, total: update(done, total, stage))
