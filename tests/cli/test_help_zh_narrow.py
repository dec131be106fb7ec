"""Chinese ``--help`` in a terminal narrower than 50 columns fits it, every word of it kept.

A tester found, at COLUMNS=40, the Chinese help laid out in 48 to 50 columns (click never lays help out in fewer
than 50): every option's and command's line ran past the edge, the terminal broke it at column 40 and the next
entry's text started mid-line; "-f, --format <table|json|csv|markdown>" alone was 39 columns. Now the help takes the
terminal's width less 2, as click's does from 52 columns up; where an option's name leaves its text under 16
columns the text goes under the name, and a name wider than the line breaks at its spaces.

CliRunner fixes click's width (and reads no COLUMNS): ``help_width`` 38 and 28 are what COLUMNS=40 and 30 give, as
the last test checks in a process of its own.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from cli_runner import invoke
from rich.cells import cell_len

from aigc_roi.cli.commands import COMMANDS
from aigc_roi.cli.help_frame import ChineseHelpFormatter, wrap_columns

ROOT = Path(__file__).resolve().parents[2]


def help_text(command: str, width: int) -> str:
    result = invoke([*([command] if command else []), "--help", "--lang", "zh"], help_width=width)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def without_layout(text: str) -> str:
    """The text with every space and line break taken out: what is left is every character, in order."""
    return "".join(text.split())


@pytest.mark.parametrize("width", [38, 28])
@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_every_line_fits_and_every_character_is_kept(command: str, width: int) -> None:
    text = help_text(command, width)
    assert [line for line in text.splitlines() if cell_len(line) > width] == []
    # The same help laid out at 78 columns has the same characters in the same order: none cut off.
    assert without_layout(text) == without_layout(help_text(command, 78))


@pytest.mark.parametrize("width", [38, 28])
def test_the_root_lists_every_command(width: int) -> None:
    listed = help_text("", width).split("命令：", 1)[1]
    assert [line.split()[0] for line in listed.splitlines() if line.startswith("  ") and not line.startswith("   ")] \
        == list(COMMANDS)


def test_a_text_too_narrow_beside_its_name_goes_under_it() -> None:
    # At 38 columns the options' names take 22 (--install-completion and 2 spaces) after the indent of 2: 14 left,
    # under 16, so the text goes under each name, 4 further in. The commands' names take 13: 23 left, but under
    # breakeven's targets.max_payback_months (26), which would be cut there: every command's text goes under it too.
    # At 48 their 33 columns hold it, beside them.
    text = help_text("", 38)
    assert "\n  --install-completion\n      为当前 shell 安装命令补全。\n" in text
    assert "\n  compare\n      并排对比多个方案的指标\n" in text
    assert "\n  compare      并排对比多个方案的指标\n" in help_text("", 48)


def test_a_name_wider_than_the_line_breaks_at_its_spaces() -> None:
    text = help_text("sensitivity", 28)
    assert "\n  -f, --format\n  <table|json|csv|markdown>\n      输出格式。" in text


def test_a_word_longer_than_the_line_keeps_its_closing_bracket_off_a_line_start() -> None:
    # "（yaml-language-server）" is 24 columns: cut at 23, the last "r" goes down with the "）".
    assert wrap_columns("（yaml-language-server）使用", 23) == ["（yaml-language-serve", "r）", "使用"]


@pytest.mark.parametrize(("columns", "width"), [("40", 38), ("30", 28), ("10", 20), ("100", 78)])
def test_the_width_is_the_terminals_less_2(columns: str, width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # Click's floor of 50 laid the help out wider than a terminal of 40; 20 the least, where nothing fits anyway.
    monkeypatch.setenv("COLUMNS", columns)
    assert ChineseHelpFormatter().width == width


def test_a_terminal_of_40_columns() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "40", "LANG": "zh_CN.UTF-8"}
    done = subprocess.run([sys.executable, "-m", "aigc_roi", "--help"], capture_output=True, env=env, timeout=60,
                          check=False, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    assert max(map(cell_len, done.stdout.splitlines())) <= 40, done.stdout
    assert all(re.search(rf"\n  {name}[ \n]", done.stdout) for name in COMMANDS)


def test_a_choice_wider_than_the_line_breaks_after_a_bar() -> None:
    # run's --table and its 7 tables are 61 columns: at 50 they ran 11 past the line, wrapped by the terminal.
    text = help_text("run", 50)
    assert "\n  --table <figures|channels|months|cohorts|fits|\n  gates|inputs>\n" in text


@pytest.mark.parametrize("width", range(20, 31))
@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_the_usage_line_fits_from_20_columns(command: str, width: int) -> None:
    # "用法：aigc-roi sensitivity" is 26 columns: the arguments went under it, but it ran past a terminal of 22.
    usage = help_text(command, width).split("\n\n", 1)[0]
    assert [line for line in usage.splitlines() if cell_len(line) > width] == []
    assert without_layout(usage) == without_layout(help_text(command, 78).split("\n\n", 1)[0])


def test_a_command_that_does_not_fit_beside_the_prefix_goes_under_it() -> None:
    assert help_text("sensitivity", 20).startswith("用法：aigc-roi\n    sensitivity\n    [选项] {FILE}\n\n")
