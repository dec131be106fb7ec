"""A number option's bounds in its Chinese ``--help``: in the words its refusal uses (``1 到 10,000,000``, ``≥ 1``),
after the default with a full-width "；", where click's ``1<=x<=10000000`` stood in the Chinese; English byte for byte
as click writes it (cli/help_frame.py ``_bounds_in_chinese``, present/help_zh.py ``range_in_chinese``)."""

from __future__ import annotations

import re

import pytest
from cli_runner import invoke

from aigc_roi.cli.help_frame import ChineseHelpFormatter, columns

COMMANDS = ("run", "compare", "breakeven", "sensitivity", "simulate", "allocate", "actuals", "validate", "check",
            "report")
CLICKS_RANGE = re.compile(r"\d<=?x|x[<>]=?\d")
"""click's own way to write bounds: 1<=x<=5, x>=1, 0<x."""


@pytest.mark.parametrize(("bounds", "text"), [
    ((1, 10_000_000, False, False), "范围 1 到 10,000,000"),
    ((1, None, False, False), "范围 ≥ 1"),
    ((0, None, True, False), "范围 > 0"),
    ((None, 5, False, True), "范围 < 5"),
    ((0, 1.0, True, False), "范围 > 0 且 ≤ 1"),
    ((0.0, 1.0, False, False), "范围 0 到 1"),
    ((0, 0.25, False, True), "范围 ≥ 0 且 < 0.25"),
    ((0, 2**128 - 1, False, False), "范围 0 到 2^128 - 1"),
    ((100, 100_000, False, False), "范围 100 到 100,000"),
])
def test_bounds_in_chinese(bounds: tuple[float | None, float | None, bool, bool], text: str) -> None:
    from aigc_roi.present.help_zh import range_in_chinese

    assert range_in_chinese(*bounds) == text


def _option(help_text: str, name: str) -> str:
    """The lines of option ``name`` in ``help_text``, without a space: as it reads whatever the lines' breaks."""
    lines = help_text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith(name))
    end = next((i for i in range(start + 1, len(lines)) if re.match(r"\s{2,6}-", lines[i])), len(lines))
    return _bare("".join(lines[start:end]))


def _bare(text: str) -> str:
    return re.sub(r"\s", "", text)


@pytest.mark.parametrize("width", [78, 38])  # 80 and 40 columns
def test_simulates_bounds_in_chinese(width: int) -> None:
    result = invoke(["simulate", "--help", "--lang", "zh"], help_width=width)
    assert result.exit_code == 0
    # The bounds of simulate (model/limits.py MAX_SIMULATE_SAMPLES 10,000,000; a seed at most 2^128 - 1; --jobs from 1).
    assert _option(result.stdout, "--samples").endswith(_bare("[默认：10000；范围 1 到 10,000,000]"))
    assert _option(result.stdout, "--seed").endswith(_bare("[默认：0；范围 0 到 2^128 - 1]"))
    assert _option(result.stdout, "-j, --jobs").endswith(_bare("[范围 ≥ 1]"))
    assert all(columns(line) <= width for line in result.stdout.splitlines())


@pytest.mark.parametrize("command", COMMANDS)
def test_no_clicks_bounds_in_a_chinese_help(command: str) -> None:
    result = invoke([command, "--help", "--lang", "zh"])
    assert result.exit_code == 0
    assert CLICKS_RANGE.search(result.stdout) is None, result.stdout
    assert "; 范围" not in result.stdout


def test_sensitivitys_step_open_at_zero() -> None:
    result = invoke(["sensitivity", "--help", "--lang", "zh"])
    assert _option(result.stdout, "--step").endswith(_bare("[默认：0.2；范围 > 0 且 ≤ 1]"))


def test_english_after_chinese_keeps_clicks_bounds() -> None:
    """The option's type is shared by every invocation of a process: a Chinese help leaves the English one as it was."""
    assert invoke(["simulate", "--help", "--lang", "zh"]).exit_code == 0
    english = invoke(["simulate", "--help", "--lang", "en"], help_width=78).stdout
    assert _option(english, "--samples").endswith(_bare("[default: 10000; 1<=x<=10000000]"))
    assert _option(english, "--seed").endswith(_bare("[default: 0; 0<=x<=2^128 - 1]"))


def test_only_the_frames_separators_turn_full_width() -> None:
    """A default holding "; " keeps it: only the "; " Typer puts before the bounds or 必填 is the frame's."""
    formatter = ChineseHelpFormatter(width=78)
    formatter.write_dl([("--x N", "甲。  [默认：a; b；范围 ≥ 1]".replace("；", "; ")), ("--y", "乙。  [默认：c; d]")])
    assert formatter.getvalue() == "--x N  甲。 [默认：a; b；范围 ≥ 1]\n--y    乙。 [默认：c; d]\n"
