"""--plot where Matplotlib cannot write its config and cache folder: its own warnings about that stay off stderr."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = "name: Plot\nhorizon_months: 2\nretention: {monthly_churn: 0.5}\n"
COMMANDS = [["run"], ["simulate", "--samples", "20"], ["allocate", "-b", "1000"]]


def _plot(tmp_path: Path, command: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    """``command`` with --plot in a fresh process (Matplotlib picks its folder once, as it is imported), HOME a file
    below which no folder can be made (as HOME=/proc, or a read-only home, whatever the user's rights)."""
    scenario = tmp_path / "s.yaml"
    scenario.write_text(SCENARIO.replace("retention", "acquisition: [{name: A, type: cpa, bid: 10, budget: 1000}]\n"
                                         "retention") if command[0] == "allocate" else SCENARIO, encoding="utf-8")
    home = tmp_path / "home"
    home.write_text("", encoding="utf-8")
    (tmp_path / "tmp").mkdir()
    base = {name: value for name, value in os.environ.items() if not name.startswith(("MPL", "XDG_"))}
    args = [sys.executable, "-m", "aigc_roi", command[0], str(scenario), *command[1:], "--plot", str(tmp_path / "c.png"),
            "-o", str(tmp_path / "out.txt")]
    return subprocess.run(args, capture_output=True, text=True, timeout=300, check=False, cwd=ROOT,
                          env={**base, "HOME": str(home), "TMPDIR": str(tmp_path / "tmp"), **env})


@pytest.mark.slow
@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: command[0])
def test_an_unusable_home_leaves_stderr_to_the_command(tmp_path: Path, command: list[str]) -> None:
    done = _plot(tmp_path, [*command, "-q"])
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert (tmp_path / "c.png").read_bytes().startswith(b"\x89PNG")
    assert list((tmp_path / "tmp").iterdir()) == []  # the temporary folder Matplotlib used instead is gone


@pytest.mark.slow
def test_an_unusable_mplconfigdir_the_user_set_is_still_reported(tmp_path: Path) -> None:
    done = _plot(tmp_path, ["run", "-q"], MPLCONFIGDIR=str(tmp_path / "home" / "mpl"))
    assert done.returncode == 0, done.stderr
    assert "MPLCONFIGDIR" in done.stderr
