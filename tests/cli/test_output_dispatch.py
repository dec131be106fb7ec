"""The one output path (cli/output.py): every command's --plot and --format go through the same checks."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from cli_runner import invoke

SCENARIO = Path(__file__).resolve().parents[2] / "scenarios" / "chat-assistant-cpa.yaml"


@pytest.mark.parametrize("command", [
    ["run"],
    # simulate and allocate drew their chart with no check for matplotlib: an internal error without it.
    ["simulate", "--samples", "50"],
    ["allocate", "--budget", "50万"],
])
def test_every_plot_without_matplotlib_names_the_extra_before_computing(
        command: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import now raises ImportError, as when not installed
    result = invoke([command[0], str(SCENARIO), *command[1:], "--plot", "out.svg"])
    assert result.exit_code == 2
    assert result.stderr == "aigc-roi: --plot needs the matplotlib package: pip install 'aigc-roi[plot]'\n"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [["run"], ["simulate", "--samples", "50"], ["allocate", "--budget", "50万"]])
def test_every_plot_refuses_a_suffix_it_cannot_write(command: list[str], tmp_path: Path) -> None:
    result = invoke([command[0], str(SCENARIO), *command[1:], "--plot", str(tmp_path / "cash.gif")])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "cash.gif" in result.stderr and ".svg" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [["compare", str(SCENARIO), str(SCENARIO)], ["actuals", str(SCENARIO), str(SCENARIO)],
                                     ["run", str(SCENARIO)]])
def test_every_workbook_needs_a_file(command: list[str]) -> None:
    result = invoke([*command, "-f", "xlsx"])
    assert result.exit_code == 2
    assert result.stdout == "" and result.stderr.count("\n") == 1 and "--output" in result.stderr
