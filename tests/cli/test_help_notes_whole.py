"""A note in brackets of ``--help`` (``[default: table]``, ``[默认：0；范围 0 到 2^128 - 1]``) stays on one line where
it fits one, and a label never ends a line above its value, in English and in Chinese.

QA, at COLUMNS 20 to 120: the Chinese help broke after any Chinese character, and left ``[默认：`` at a line's end
above ``table]``, ``[范围`` above ``≥ 1]``, ``（默认：`` above ``最多 4 个）``, and at 20 columns split 范围 itself;
English left ``[default:`` above ``starter]`` even at 80 columns (click's own wrapping), and cut
``acquisition[0].bid=25`` before its ``]``. And the seed's bound read ``2^128-1`` in the Chinese help, ``0<=x<2^128``
in the English one, ``2^128 - 1`` in the refusal and docs/limits.md.

CliRunner fixes click's width: ``help_width`` W is what COLUMNS=W+2 gives (cli/help_frame.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.cli.commands import COMMANDS
from aigc_roi.cli.help_frame import term_lines, wrap_columns, wrap_words

ROOT = Path(__file__).resolve().parents[2]
CHAT = ROOT / "aigc_roi" / "templates" / "chat-assistant-cpa.yaml"

LEFT_ALONE = re.compile(r"(\[|[\[(（][^\s\[\]()（）:：]*[:：]|\[范围|；范围)$")
"""A line's end that leaves a note's opening or label above the rest: ``[``, ``[default:``, ``(default:``, ``[默认：``,
``（默认：``, ``[范围``, ``；范围``."""


def help_text(command: str, language: str, width: int) -> str:
    result = invoke([*([command] if command else []), "--help", "--lang", language], help_width=width)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("width", [30, 38, 50, 78])  # 32, 40, 52 and 80 columns: every note's label and value fit
@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_no_line_ends_in_a_notes_opening_or_label(command: str, language: str, width: int) -> None:
    lines = help_text(command, language, width).splitlines()
    assert [line for line in lines if LEFT_ALONE.search(line.rstrip())] == []
    assert [line for line in lines if line.lstrip().startswith("]")] == []


def test_a_note_that_fits_goes_whole_to_the_next_line() -> None:
    # "Bundled scenario to start from (see --list)." is 44 columns: with "  [default:" 55, a line of 55 held the
    # label and left "starter]" below it; the note (18) whole does not fit after the text, so it starts the next.
    assert wrap_words("Bundled scenario to start from (see --list).  [default: starter]", 55) \
        == ["Bundled scenario to start from (see --list).", "[default: starter]"]
    # "写出哪张表。 [默认：" is 20 columns of 22, "curves]" 7 more: the note (14) goes down whole.
    assert wrap_columns("写出哪张表。 [默认：curves]", 22) == ["写出哪张表。", "[默认：curves]"]


def test_a_label_outside_a_note_keeps_its_value() -> None:
    # "Which table --format csv writes (default:" is 41 columns: "(default: months);" (18) goes down whole.
    assert wrap_words("Which table --format csv writes (default: months); cohorts also adds", 41) \
        == ["Which table --format csv writes", "(default: months); cohorts also adds"]
    text = "每个 CPU 核最多一个（默认：最多 4 个）。结果数字不会因此改变。"
    assert [width for width in range(10, 41) if any(line.endswith("（默认：") for line in wrap_columns(text, width))] == []


def test_a_note_too_wide_for_a_line_breaks_between_its_parts() -> None:
    # 31 columns in 22: after its "；", each part whole (9 and 20 columns), not after 范围 nor inside 2^128 - 1.
    assert wrap_columns("[默认：0；范围 0 到 2^128 - 1]", 22) == ["[默认：0；", "范围 0 到 2^128 - 1]"]
    # 30 columns in 20: after "0;", the label with its value, the bound a sum kept whole (16).
    assert wrap_words("[default: 0; 0<=x<=2^128 - 1]", 20) == ["[default: 0;", "0<=x<=2^128 - 1]"]
    # 20 columns in 14: the part breaks at a space, 范围 with its first number.
    assert wrap_columns("[默认：0；范围 0 到 2^128 - 1]", 14) == ["[默认：0；", "范围 0 到", "2^128 - 1]"]


def test_a_word_cut_keeps_its_brackets_off_the_cut() -> None:
    # "acquisition[0].bid=25" is 21 columns in 14: cut at 14 the line ended "[0" above "].bid=25"; the brackets and
    # what is between them go down with the rest.
    assert wrap_words("acquisition[0].bid=25", 14) == ["acquisition", "[0].bid=25"]


def test_a_quoted_value_of_an_option_stays_on_one_line_where_it_fits() -> None:
    # compare's --variant value is 33 columns: in 38 it goes under the name whole, not cut after "PATH=VALUE[,".
    assert term_lines("--variant 'LABEL: PATH=VALUE[, PATH=VALUE]'", 38) \
        == ["--variant", "'LABEL: PATH=VALUE[, PATH=VALUE]'"]


BOUND = re.compile(r"2\^128[-\d ]*")


@pytest.mark.parametrize(("language", "help_bound", "refusal_bound"), [
    ("en", "0<=x<=2^128 - 1]", "from 0 to 2^128 - 1,"),
    ("zh", "范围 0 到 2^128 - 1]", "0 到 2^128 - 1 之间的整数"),
])
def test_the_seeds_bound_reads_the_same_in_help_and_refusal(language: str, help_bound: str,
                                                             refusal_bound: str) -> None:
    shown = " ".join(help_text("simulate", language, 78).split())
    refused = invoke(["simulate", str(CHAT), "--seed", "-1", "--lang", language])
    assert refused.exit_code == 2
    assert help_bound in shown
    assert refusal_bound in refused.stderr
    # As docs/limits.md writes it: one spelling everywhere.
    docs = " ".join((ROOT / "docs" / "limits.md").read_text(encoding="utf-8").split())
    assert {match.strip() for text in (shown, refused.stderr, docs) for match in BOUND.findall(text)} == {"2^128 - 1"}
