"""The progress bar of every long command (cli/progress.py): `check`, `compare --samples` and `report` show it as
`simulate` does, on a terminal only, never with -q, never on stdout."""

from __future__ import annotations

import itertools
import json
import re
import sys
import textwrap
import threading
import types
from pathlib import Path
from typing import TextIO

import pytest
from cli_runner import invoke
from progress_plans import UNIFORM_BID

from aigc_roi.cli import progress

RANGED = UNIFORM_BID + "targets: {min_payback_probability: 0}\n"


def write(folder: Path, name: str, text: str = RANGED) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def pictures(written: str) -> list[list[str]]:
    """Each picture of the bar the terminal was shown, in order: its lines without colours or cursor moves."""
    shown = written.split("\x1b[?25h")[0]  # what follows is the bar cleared at its end
    frames = re.split(r"\r(?:\x1b\[2K\x1b\[1A)*\x1b\[2K", shown)
    return [[line.strip() for line in re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", frame).splitlines() if line.strip()]
            for frame in frames if re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", frame).strip()]


def bars(picture: list[str]) -> list[tuple[str, str]]:
    """(label, percent) of each line of a picture."""
    return [(match[1], match[2]) for match in (re.match(r"(.*?) +━.* +(\d+%)", line) for line in picture) if match]


def on_a_terminal(monkeypatch: pytest.MonkeyPatch, clock: list[float]) -> None:
    # Past the times given, a second a call: every report after them redraws the bar (REDRAW_SECONDS).
    ticks = itertools.chain(clock, itertools.count(clock[-1] + 1))
    monkeypatch.setattr(progress, "time", types.SimpleNamespace(monotonic=ticks.__next__))
    monkeypatch.setattr(progress.sys.stderr, "isatty", lambda: True)


# --- the bar itself ----------------------------------------------------------------------------------------------


def test_a_late_bar_lists_the_outer_stage_first_and_not_a_stage_already_done(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    on_a_terminal(monkeypatch, [0.0, 0.1, 0.2, 0.3, 2.0])
    with progress.progress_bar("en") as update:
        update(0, 3, "files")
        update(0, 2, "drawing")
        update(2, 2, "drawing")  # drawn before the bar appears: as under simulate, no bar for it
        update(50, 100, "evaluating")  # at 2 s: the bar starts
    assert bars(pictures(capsys.readouterr().err)[-1]) == [("Checking files", "0%"), ("Simulating", "50%")]


def test_the_next_file_hides_the_last_ones_stages_until_they_start_again(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    on_a_terminal(monkeypatch, [0.0, 2.0])
    with progress.progress_bar("en") as update:
        update(0, 4, "files")
        for stage, total in (("drawing", 2), ("evaluating", 100), ("shares", 2)):
            update(total, total, stage)
        update(1, 4, "files")
        update(0, 2, "drawing")
        update(2, 2, "drawing")
        update(10, 100, "evaluating")  # the second file's run: 10%, not the first one's 100%
    # The first file's splitting of the variance is not the second file's: hidden until it starts.
    assert bars(pictures(capsys.readouterr().err)[-1]) == [
        ("Checking files", "25%"), ("Drawing the ranges", "100%"), ("Simulating", "10%")]


def test_the_bar_is_drawn_by_the_reports_with_no_thread_of_its_own(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """simulate forks its workers only from a process running no other thread (whatif/forked.py)."""
    on_a_terminal(monkeypatch, [0.0, 2.0])
    with progress.progress_bar("en") as update:
        update(50, 100, "evaluating")
        assert threading.active_count() == 1
    assert bars(pictures(capsys.readouterr().err)[-1]) == [("Simulating", "50%")]


# --- the commands ------------------------------------------------------------------------------------------------


class _TerminalSys:
    """``sys`` as cli/progress.py reads it: stderr is the runner's own stream, which says it is a terminal."""

    @property
    def stderr(self) -> TextIO:
        sys.stderr.isatty = lambda: True  # type: ignore[method-assign]
        return sys.stderr


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """stderr a terminal, and the bar shown from the first report instead of after a second."""
    monkeypatch.setattr(progress, "sys", _TerminalSys())
    monkeypatch.setattr(progress, "PROGRESS_AFTER_SECONDS", 0.0)


@pytest.mark.usefixtures("terminal")
def test_check_shows_the_files_done_and_each_files_simulation(tmp_path: Path) -> None:
    for name in ("a.yaml", "b.yaml"):
        write(tmp_path, name)
    result = invoke(["check", str(tmp_path), "--samples", "200"])
    assert result.exit_code == 0, result.stderr
    assert "Checking files" in result.stderr and "Simulating" in result.stderr
    assert bars(pictures(result.stderr)[-1])[0] == ("Checking files", "100%")
    assert result.stderr.endswith("2 files, 0 invalid, 2 targets, 0 missed\n")
    chinese = invoke(["check", str(tmp_path), "--samples", "200", "--lang", "zh"])
    assert "检查文件" in chinese.stderr


@pytest.mark.usefixtures("terminal")
def test_compare_on_risk_shows_the_scenarios_simulated_and_keeps_stdout_to_its_json(tmp_path: Path) -> None:
    args = ["compare", str(write(tmp_path, "a.yaml")), str(write(tmp_path, "b.yaml")), "--samples", "200", "-f", "json"]
    shown = invoke(args)
    assert shown.exit_code == 0, shown.stderr
    assert bars(pictures(shown.stderr)[-1])[0] == ("Simulating scenarios", "100%")
    quiet = invoke([*args, "-q"])
    assert quiet.stderr == ""
    assert json.loads(shown.stdout) == json.loads(quiet.stdout)


@pytest.mark.usefixtures("terminal")
def test_report_shows_its_simulation_allocation_and_page(tmp_path: Path) -> None:
    page = tmp_path / "plan.html"
    result = invoke(["report", str(write(tmp_path, "a.yaml")), "--samples", "200", "--allocate", "1000", "-o", str(page)])
    assert result.exit_code == 0, result.stderr
    labels = [label for picture in pictures(result.stderr) for label, _ in bars(picture)]
    assert {"Simulating", "Searching splits", "Writing the page"} <= set(labels)
    assert bars(pictures(result.stderr)[-1])[-1] == ("Writing the page", "100%")
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.usefixtures("terminal")
@pytest.mark.parametrize("command", [["check"], ["compare", "--samples", "200"], ["report"]])
def test_no_bar_with_quiet(tmp_path: Path, command: list[str]) -> None:
    files = [str(write(tmp_path, "a.yaml"))] * (2 if command[0] == "compare" else 1)
    result = invoke([command[0], *files, *command[1:], "-q", *(["-o", str(tmp_path / "r.html")] if command[0] == "report" else [])])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""


@pytest.mark.parametrize("command", [["check"], ["compare", "--samples", "200"], ["report"]])
def test_no_bar_unless_stderr_is_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]) -> None:
    monkeypatch.setattr(progress, "PROGRESS_AFTER_SECONDS", 0.0)
    files = [str(write(tmp_path, "a.yaml"))] * (2 if command[0] == "compare" else 1)
    result = invoke([command[0], *files, *command[1:], *(["-o", str(tmp_path / "r.html")] if command[0] == "report" else [])])
    assert result.exit_code == 0, result.stderr
    assert "━" not in result.stderr and "\x1b" not in result.stderr
