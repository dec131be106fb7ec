"""A reader that leaves in the middle of a large result (``| head -1``) ends the command with 141.

The result is far larger than a pipe holds, so the reader closes its end while the command is
blocked in the middle of writing it: the kernel then takes part of the write and reports no error.
Under ``PYTHONUNBUFFERED`` nothing in Python writes the rest, and the command used to exit 0 (or 1,
a missed target) with its output cut short.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _channel_name(index: int) -> str:
    # Hex digits do not compress: the workbook stays as large as the text.
    return "C" + "".join(hashlib.sha256(f"{index}-{part}".encode()).hexdigest() for part in range(40))


def _wide_scenario(folder: Path) -> Path:
    """Fifty channels with 2,500-character names: every format's result is well over 100 kB."""
    lines = ["name: Wide", "horizon_months: 120", "retention: {monthly_churn: 0.3}", "acquisition:"]
    lines += [f"  - {{name: {_channel_name(index)}, type: flat, cost: 1000, users: 100}}" for index in range(50)]
    path = folder / "wide.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _missed_targets(folder: Path) -> Path:
    """400 files that each miss a target, with names long enough that their findings pass 100 kB."""
    text = "name: Missed\nhorizon_months: 6\nretention: {monthly_churn: 0.3}\ntargets: {min_roi: 100}\n" \
           "acquisition:\n  - {name: Posters, type: flat, cost: 1000, users: 100}\n"
    for index in range(400):
        (folder / f"{index:03d}-{'m' * 200}.yaml").write_text(text, encoding="utf-8")
    return folder


COMMANDS = {
    "table": ["run", "{wide}"],
    "json": ["run", "{wide}", "--format", "json"],
    "markdown": ["run", "{wide}", "--format", "markdown"],
    "xlsx": ["run", "{wide}", "--format", "xlsx", "-o", "-"],
    "check": ["check", "{folder}", "-j", "1", "-q"],
}


@pytest.mark.parametrize("unbuffered", [True, False], ids=["unbuffered", "buffered"])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_reader_that_leaves_mid_result_ends_the_command_with_141(tmp_path: Path, command: str,
                                                                   unbuffered: bool) -> None:
    words = COMMANDS[command]
    made = {"{wide}": _wide_scenario} if "{wide}" in words else {"{folder}": _missed_targets}
    args = [str(made[word](tmp_path)) if word in made else word for word in words]
    env = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
    env.update(PYTHONPATH=str(ROOT), COLUMNS="10000", **({"PYTHONUNBUFFERED": "1"} if unbuffered else {}))
    process = subprocess.Popen([sys.executable, "-m", "aigc_roi", *args], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=env)
    assert process.stdout is not None and process.stderr is not None
    # The first bytes arrive only once the command is writing its result: it is then mid-write.
    assert process.stdout.read(1)
    process.stdout.close()
    assert process.wait(timeout=120) == 141
    assert process.stderr.read() == b""
