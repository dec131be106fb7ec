"""English ``--help`` in a terminal narrower than 50 columns fits it, every word of it kept whole.

At COLUMNS=40 the English help was laid out in 50 columns (click's floor), its lines 50 to 61 cells long: the
terminal broke each at column 40 and the next entry's text started mid-line; run's --table choice alone was 61.
English now goes through the Chinese help's layout (cli/help_frame.py HelpFormatter): the terminal's width less 2,
text under its name where fewer than 16 columns are left beside it, a name wider than the line broken at its spaces
and after a '|', and words broken only at spaces, by columns.

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
from typer import _click

from aigc_roi.cli import help_frame
from aigc_roi.cli.commands import COMMANDS

ROOT = Path(__file__).resolve().parents[2]


def help_text(command: str, width: int) -> str:
    result = invoke([*([command] if command else []), "--help", "--lang", "en"], help_width=width)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def assert_words_kept(narrow: str, wide: str, width: int) -> None:
    """``narrow`` has the words of ``wide`` in the same order, none cut but one wider than any line of ``width``
    (text under its name has ``width`` less 6: the indent of 2 and 4 more), whose pieces follow each other."""
    pieces = iter(narrow.split())
    for word in wide.split():
        piece = next(pieces)
        while piece != word:
            assert word.startswith(piece) and cell_len(word) > width - 6, (word, piece)
            piece += next(pieces)
    assert next(pieces, None) is None


@pytest.mark.parametrize("width", [38, 28])
@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_every_line_fits_and_every_word_is_kept(command: str, width: int) -> None:
    text = help_text(command, width)
    assert [line for line in text.splitlines() if cell_len(line) > width] == []
    # The same help at 78 columns has the same words in the same order (the root's summaries too).
    assert_words_kept(text, help_text(command, 78), width)


@pytest.mark.parametrize("width", [38, 28])
def test_the_root_lists_every_command(width: int) -> None:
    listed = help_text("", width).split("Commands:", 1)[1]
    assert [line.split()[0] for line in listed.splitlines() if line.startswith("  ") and not line.startswith("   ")] \
        == list(COMMANDS)


def test_a_text_too_narrow_beside_its_name_goes_under_it() -> None:
    # At 38 columns the options' names take 22 (--install-completion and 2 spaces) after the indent of 2: 14 left,
    # under 16, so the text goes under each name, 4 further in. The commands' names take 13: 23 left, beside them.
    text = help_text("", 38)
    assert "\n  --install-completion\n      Install completion for the\n      current shell.\n" in text
    assert "\n  check        Validate, then hold\n               every valid scenario to\n" in text


def test_a_name_wider_than_the_line_breaks_at_its_spaces_and_bars() -> None:
    text = help_text("run", 38)
    assert "\n  -f, --format\n  <table|json|csv|markdown|xlsx>\n      Output format;" in text
    assert "\n  --table <figures|channels|months|\n  cohorts|fits|gates|inputs>\n" in text


def test_a_summary_is_shortened_as_at_80_columns() -> None:
    # Click shortened "Figures, per-channel table, monthly cash flow and..." to the room beside the name at 38 too.
    assert "  run          Figures, per-channel\n               table, monthly cash\n               flow and...\n" \
        in help_text("", 38)


def test_english_breaks_at_spaces_never_after_a_hyphen() -> None:
    # Click's wrapping left "cash-" at a line's end.
    assert help_frame.wrap_words("Also show the monthly cash-flow table", 19) == ["Also show the", "monthly cash-flow", "table"]


def test_english_is_measured_in_columns() -> None:
    # "e.g. 100万," is 10 characters but 11 columns: counted by characters, it was taken to fit in 10.
    assert help_frame.wrap_words("e.g. 100万, 1m", 10) == ["e.g.", "100万, 1m"]


def test_spaces_within_a_line_are_kept() -> None:
    # Typer sets "[default: x]" 2 spaces after the text, as click shows it.
    assert help_frame.wrap_words("Monte Carlo samples.  [default: 10000]", 40) == ["Monte Carlo samples.  [default: 10000]"]


def test_only_a_word_wider_than_the_line_is_cut_on_a_line_of_its_own() -> None:
    assert help_frame.wrap_words("Samples for targets.min_payback_probability.", 20) \
        == ["Samples for", "targets.min_payback_", "probability."]


@pytest.mark.parametrize(("columns", "width"), [("40", 38), ("30", 28), ("10", 20), ("100", 78)])
def test_the_width_is_the_terminals_less_2(columns: str, width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    assert help_frame.HelpFormatter().width == width


SPLIT_NOTE = re.compile(r"\[[^\]\n]*\n|\([^\s()]*:\n")
"""A note in brackets that a line's end cuts: click's ``[default:`` above ``table]``, ``(default:`` above ``months);``,
``[default: 5;`` above ``2<=x<=41]``."""


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_at_80_columns_english_reads_as_clicks(command: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # The layout changed below 80 columns only: at 78 (a terminal of 80 or wider) every byte is as click lays it out,
    # but where click cut a note in brackets that fits a line (``[default:`` above ``table]``): there the same words
    # run on, the note on one line.
    ours = help_text(command, 78)
    monkeypatch.setattr(help_frame, "HelpFormatter", _click.HelpFormatter)
    clicks = help_text(command, 78)
    if SPLIT_NOTE.search(clicks) is None:
        assert ours == clicks
    else:
        assert ours.split() == clicks.split()
        assert SPLIT_NOTE.search(ours) is None, ours


@pytest.mark.parametrize("command", ["", "run"])
def test_a_terminal_of_40_columns(command: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "40", "LC_ALL": "C.UTF-8", "LANG": "en_US.UTF-8"}
    done = subprocess.run([sys.executable, "-m", "aigc_roi", *([command] if command else []), "--help"],
                          capture_output=True, env=env, timeout=60, check=False, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    assert max(map(cell_len, done.stdout.splitlines())) <= 40, done.stdout
    if not command:
        assert all(re.search(rf"\n  {name}[ \n]", done.stdout) for name in COMMANDS)


@pytest.mark.parametrize("width", range(20, 31))
@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_the_usage_line_fits_from_20_columns(command: str, width: int) -> None:
    # "Usage: aigc-roi sensitivity" is 27 columns: the arguments went under it, but it ran past a terminal of 22.
    usage = help_text(command, width).split("\n\n", 1)[0]
    assert [line for line in usage.splitlines() if cell_len(line) > width] == []
    assert usage.split() == help_text(command, 78).split("\n\n", 1)[0].split()


def test_a_command_that_does_not_fit_beside_the_prefix_goes_under_it() -> None:
    assert help_text("sensitivity", 20).startswith("Usage: aigc-roi\n    sensitivity\n    [OPTIONS] {FILE}\n\n")
