"""Help, the version and the completion script fail on stdout as every command's result does (cli/streams.py
``stdout_errors``): 141 for a reader that went away, one ``stdout: cannot write: ...`` line and 2 for a full disk or a
closed stdout. Click printed them itself: a closed pipe exited 1 (a missed target's code) and a full disk was an
internal error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRINTING = [["--help"], ["-V"], ["--version"], ["check", "--help"], ["run", "-h"], ["--lang", "zh", "--help"],
            ["--show-completion", "bash"]]
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "LANG": "C.UTF-8", "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}


def _run(args: list[str], **streams: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "aigc_roi", *args], stderr=subprocess.PIPE, env=ENV, timeout=60,
                          check=False, **streams)  # type: ignore[call-overload]


@pytest.mark.parametrize("args", PRINTING, ids=" ".join)
def test_a_reader_that_went_away_ends_it_with_141(args: list[str]) -> None:
    read, write = os.pipe()
    os.close(read)  # the reader left before the first byte: the write meets the closed end
    try:
        done = _run(args, stdout=write)
    finally:
        os.close(write)
    assert (done.returncode, done.stderr) == (141, b"")


@pytest.mark.parametrize("args", PRINTING, ids=" ".join)
def test_a_full_disk_is_one_line_and_exit_2(args: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        done = _run(args, stdout=full)
    assert done.returncode == 2
    expected = "stdout: 无法写入：磁盘没有剩余空间\n" if "zh" in args else "stdout: cannot write: No space left on device\n"
    assert done.stderr.decode() == expected


@pytest.mark.parametrize("args", [["--help"], ["-V"]], ids=" ".join)
def test_a_closed_stdout_is_one_line_and_exit_2(args: list[str]) -> None:
    done = subprocess.run(f'"{sys.executable}" -m aigc_roi {" ".join(args)} >&-', shell=True, stderr=subprocess.PIPE,
                          env=ENV, timeout=60, check=False)
    assert (done.returncode, done.stderr.decode()) == (2, "stdout: cannot write: Bad file descriptor\n")


@pytest.mark.parametrize("args", PRINTING, ids=" ".join)
def test_on_a_working_stdout_they_print_and_exit_0(args: list[str]) -> None:
    done = _run(args, stdout=subprocess.PIPE)
    assert done.returncode == 0 and done.stdout and done.stderr == b""
