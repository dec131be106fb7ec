"""A CI log whose stdout cannot write a character (ASCII: ``PYTHONIOENCODING=ascii``, a C locale without UTF-8;
Latin-1; a Windows code page): one file's Chinese name, path or channel no longer refuses every file's lines with
exit 2. Each line of `validate` and `check` (text, github) and each table is written, the character as its escape
(``\\u8ba1``, as Python writes it), and the exit code is the results' own: 1 for a missed target. Under --lang zh a
line whose Chinese that stdout cannot write is in English, as stderr's lines are. A document a program reads back
(CSV, markdown) is still refused: tests/cli/test_output_encodings.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_validate_and_check import BROKEN, LOSING, WINNING, example
from typer.testing import CliRunner, Result

from aigc_roi.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
CHINESE = "计划"
ESCAPED = "\\u8ba1\\u5212"
"""计划 as Python's backslashreplace writes it."""


def _invoke(args: list[str], charset: str) -> Result:
    """The CLI in-process with stdout and stderr in ``charset``, as a locale or PYTHONIOENCODING sets them."""
    result = CliRunner(charset=charset).invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def _escaped(text: str, charset: str) -> str:
    return text.encode(charset, "backslashreplace").decode(charset)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Four files, three of them missing min_roi (line 11): one with a Chinese name, one at a Chinese path."""
    files = {"a.yaml": LOSING, "b.yaml": LOSING.replace("name: Spec example", f"name: {CHINESE} plan"),
             f"{CHINESE}.yaml": LOSING, "z.yaml": WINNING}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("charset", ["ascii", "latin-1", "cp1252"])
@pytest.mark.parametrize("format_", ["text", "github"])
def test_check_writes_every_files_lines_and_exits_1(folder: Path, charset: str, format_: str) -> None:
    args = ["check", str(folder), "--format", format_]
    readable = _invoke(args, "utf-8")
    assert readable.exit_code == 1, readable.stderr
    done = _invoke(args, charset)
    assert done.exit_code == 1, done.stderr
    # The same lines, each character the encoding lacks as its escape; the summary alone on stderr.
    assert done.stdout == _escaped(readable.stdout, charset)
    assert done.stderr == "4 files, 0 invalid, 8 targets, 3 missed\n"
    for located in (f"{folder}/a.yaml:11:12: Spec example: targets.min_roi missed",
                    f"{folder}/b.yaml:11:12: {ESCAPED} plan: targets.min_roi missed",
                    f"{folder}/{ESCAPED}.yaml:11:12: Spec example: targets.min_roi missed"):
        shown = located if format_ == "text" else located.split(": ", 1)[1]
        assert shown in done.stdout, done.stdout


@pytest.mark.parametrize("format_", ["text", "github"])
def test_under_lang_zh_a_line_it_cannot_write_in_chinese_is_in_english(folder: Path, format_: str) -> None:
    args = ["check", str(folder), "--format", format_]
    english = _invoke([*args, "--lang", "en"], "utf-8")
    done = _invoke([*args, "--lang", "zh"], "ascii")
    assert done.exit_code == 1, done.stderr
    assert done.stdout == _escaped(english.stdout, "ascii")
    # A stdout that writes Chinese (GB18030, a Chinese Windows or locale) gets it.
    chinese = _invoke([*args, "--lang", "zh"], "utf-8")
    assert _invoke([*args, "--lang", "zh"], "gb18030").stdout == chinese.stdout != english.stdout


def test_a_chinese_channel_in_a_message_is_escaped_too(folder: Path) -> None:
    # A --set naming a channel no file has: each file refuses it, naming it; every file's line is written.
    done = _invoke(["check", str(folder), "--set", "抖音.bid=5"], "ascii")
    assert done.exit_code == 2, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 4 and all(" --set \\u6296\\u97f3.bid=5:1:1: \\u6296\\u97f3.bid: " in line for line in lines)


@pytest.mark.parametrize("charset", ["ascii", "latin-1"])
@pytest.mark.parametrize("format_", ["text", "github"])
def test_validate_writes_every_files_errors(tmp_path: Path, charset: str, format_: str) -> None:
    (tmp_path / f"{CHINESE}.yaml").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "plain.yaml").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "named.yaml").write_text(example(name=CHINESE).replace("bid: 20", "bid: -20"), encoding="utf-8")
    args = ["validate", str(tmp_path), "--format", format_]
    readable = _invoke(args, "utf-8")
    done = _invoke(args, charset)
    # Exit 2 for the invalid files, not for stdout: every file's errors are there.
    assert (readable.exit_code, done.exit_code) == (2, 2)
    assert done.stdout == _escaped(readable.stdout, charset)
    assert f"{tmp_path}/{ESCAPED}.yaml" in done.stdout and f"{tmp_path}/plain.yaml" in done.stdout
    assert done.stderr == "3 files, 3 invalid, 5 errors\n"


def test_a_table_is_written_with_its_names_escaped(folder: Path) -> None:
    done = _invoke(["check", str(folder), "--format", "table"], "ascii")
    assert done.exit_code == 1, done.stderr
    assert done.stdout.isascii()
    rows = [line for line in done.stdout.splitlines() if line.startswith("| ") and "min_roi" in line]
    # A row a file each, Rich's frame in ASCII; the escape whole on its line, never cut at a column's edge.
    assert len(rows) == 4 and sum(f"{folder}/{ESCAPED}.yaml" in row for row in rows) == 1, done.stdout


@pytest.mark.parametrize("command", [["run"], ["breakeven"], ["sensitivity"], ["compare", "{plan}"]], ids=lambda args: args[0])
def test_every_commands_table_is_written_with_its_names_escaped(folder: Path, command: list[str]) -> None:
    plan = folder / "b.yaml"
    args = [command[0], str(plan), *(str(plan) if arg == "{plan}" else arg for arg in command[1:])]
    done = _invoke(args, "ascii")
    assert done.exit_code == 0, done.stderr
    assert done.stdout.isascii() and f"{ESCAPED} plan" in done.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="PYTHONIOENCODING=ascii as a Linux CI image sets its locale")
def test_a_fresh_interpreter_with_pythonioencoding_ascii(folder: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "aigc_roi", "check", str(folder), "--format", "github"],
                          capture_output=True, env=env, timeout=120, check=False)
    assert done.returncode == 1, done.stderr
    assert done.stdout.decode("ascii").count("::error ") == 3
    assert f"file={folder}/{ESCAPED}.yaml,line=11,col=12".encode() in done.stdout


STARTER = str(ROOT / "scenarios" / "starter.yaml")
"""A plan of English names alone: every character its views write has an ASCII stand-in."""
ENGLISH_COMMANDS = {
    "run": ["run", STARTER, "--months"], "breakeven": ["breakeven", STARTER], "sensitivity": ["sensitivity", STARTER],
    "simulate": ["simulate", STARTER, "--samples", "200"],
    "compare": ["compare", STARTER, "--variant", "cheaper: acquisition[0].bid=10", "--samples", "200"],
    "allocate": ["allocate", STARTER, "--budget", "20000"], "curves": ["curves", STARTER],
    "check": ["check", STARTER, "--verbose"],
}


def _framed_runs(text: str) -> list[list[str]]:
    """Each run of a table's lines: its borders and rows, Rich's ASCII frame."""
    runs: list[list[str]] = [[]]
    for line in text.splitlines():
        if line.startswith(("+", "|")):
            runs[-1].append(line)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


@pytest.mark.parametrize("width", ["160", "50"])
@pytest.mark.parametrize("charset", ["ascii", "latin-1"])
@pytest.mark.parametrize("command", ENGLISH_COMMANDS, ids=str)
def test_an_english_view_is_written_in_stand_ins_its_rows_within_their_borders(command: str, charset: str,
                                                                               width: str) -> None:
    """A symbol the encoding lacks (≤, −, Δ, →, the chart's blocks) was written as its escape after the layout had
    measured it as one character: ``\\u2264`` ran its row six columns past the border, and ``\\u221220%`` read as a
    number. The console lays the view out in its stand-ins (``<=``, ``-``, ``d``, ``->``, ``#``) instead."""
    result = CliRunner(charset=charset).invoke(app, ENGLISH_COMMANDS[command], env={"COLUMNS": width})
    assert result.exit_code == 0, result.stderr
    assert "\\u" not in result.stdout and "\\x" not in result.stdout, result.stdout
    for run in _framed_runs(result.stdout):
        assert len({len(line) for line in run}) == 1, "\n".join(run)


def test_the_sensitivity_header_reads_in_ascii() -> None:
    done = _invoke(["sensitivity", STARTER], "ascii")
    assert done.exit_code == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "Sensitivity - My AI app, starter plan - each driver +/-20% (CNY)"
    header = next(line for line in lines if line.startswith("| Driver"))
    assert "|      -20% |      +20% |" in header and "| d ROI -/+ |" in header
    assert "Bars: change in ROI either side of the axis |, + -20%, # +20%; largest first." in done.stdout


def test_a_latin_1_stream_keeps_the_symbols_it_has() -> None:
    done = _invoke(["sensitivity", STARTER], "latin-1")
    assert done.exit_code == 0, done.stderr
    # ± and · are Latin-1's; the minus sign U+2212 is not.
    assert done.stdout.splitlines()[0] == "Sensitivity · My AI app, starter plan · each driver ±20% (CNY)"
    assert "|      -20% |" in done.stdout


def test_stderr_writes_a_symbol_it_lacks_in_its_stand_in_too() -> None:
    done = _invoke(["compare", STARTER, str(ROOT / "scenarios" / "feed-ads-only.yaml")], "ascii")
    assert done.exit_code == 0, done.stderr
    assert "and a d of months is in months into the plan)" in done.stderr and "\\u" not in done.stderr
