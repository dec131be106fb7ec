"""Chinese ``--help`` keeps a Latin word and a name whole wherever it fits the help's column, as tables and notes do
(README, terminal layout; present/wrap.py breaks all three).

A tester found, at COLUMNS=60, ``.ma`` / ``rkdown`` in the -o help of every command writing a format, and
``'抖音`` / ``CPA.bid,年度会`` / ``员.price'`` in sensitivity's --grid help; at 70, ``.x`` / ``lsx``. The check here
reads each line break of the help against the same help unwrapped: a break inside a Latin word, or inside a name
(Chinese and Latin run together: 抖音CPA.bid), fails where the word with the punctuation a line keeps with it
(no line starts with 。 nor ends with （) fits the column. Between two Chinese characters of prose a break is
allowed: without a dictionary a word there is not known.

The help is laid out in min(COLUMNS, 80) - 2 columns: 50 to 78 here (test_help_zh_narrow.py has fewer).
"""

from __future__ import annotations

import re

import pytest
from cli_runner import invoke

from aigc_roi.cli.help_frame import columns

COMMANDS = ("", "run", "compare", "breakeven", "sensitivity", "simulate", "allocate", "actuals", "validate", "check",
            "schema", "init", "curves", "report")
WIDTHS = range(50, 79)
UNWRAPPED = 10_000

_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
LATIN = re.compile(rf"[^\s{_CJK}]")
"""A character of a Latin word: neither a space nor CJK."""
NAME = re.compile(r"[\u4e00-\u9fffA-Za-z0-9_.\[\]=/'-]")
"""A character of a name: Chinese characters, Latin letters and digits, a key path's marks ('抖音CPA.bid=25')."""
OPENING = set("（「『【《‘“([{")
CLOSING = set("，。、：；！？）」』】》’”,.:;!?)]}%")
ENTRY = re.compile(r"  (\S+(?: \S+)*)( {2,})(\S.*)")
"""An option, argument or command with the first line of its text: two spaces or more part them."""


def help_text(command: str, width: int) -> str:
    result = invoke([*([command] if command else []), "--help", "--lang", "zh"], help_width=width)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def blocks(text: str) -> list[tuple[int, list[str]]]:
    """Each paragraph of the description and each entry's text: the column its lines start at, and the lines."""
    found: list[tuple[int, list[str]]] = []
    lines = text.splitlines()
    in_section, margin = False, 0
    for line in lines[lines.index(""):]:  # the usage before the first blank line is click's
        indent = len(line) - len(line.lstrip(" "))
        if not line:
            margin = 0
        elif indent == 0:
            in_section, margin = True, 0  # a heading: 选项：
        elif not in_section:
            if not margin:
                margin = 2
                found.append((margin, []))
            found[-1][1].append(line[margin:])
        elif indent == 2 and found and found[-1] == (0, []) and not ENTRY.fullmatch(line):
            continue  # a long term's next line (help_frame.term_lines): its text is below it
        elif indent == 2:
            entry = ENTRY.fullmatch(line)
            margin = len(entry[1]) + len(entry[2]) + 2 if entry else 0  # 0: a long term alone, its text below
            found.append((margin, [entry[3]] if entry else []))
        else:
            if not found[-1][1]:
                margin = indent
                found[-1] = (margin, [])
            assert indent == margin, line
            found[-1][1].append(line[margin:])
    return found


def cut_word(text: str, at: int) -> str | None:
    """The Latin word or name a line break at ``at`` in ``text`` cuts, with the opening marks before it and the
    closing punctuation after it; None where it cuts neither."""
    for chars in (LATIN, NAME):
        if chars.fullmatch(text[at - 1]) and chars.fullmatch(text[at]):
            start = end = at
            while start and chars.fullmatch(text[start - 1]):
                start -= 1
            while end < len(text) and chars.fullmatch(text[end]):
                end += 1
            word = text[start:end]
            if chars is NAME and not (re.search("[\u4e00-\u9fff]", word) and re.search("[A-Za-z]", word)):
                return None
            while start and text[start - 1] in OPENING:
                start -= 1
            while end < len(text) and text[end] in CLOSING and not re.match(r"\.\w", text[end:end + 2]):  # .xlsx opens a word
                end += 1
            return text[start:end]
    return None


def cuts(wrapped: str, unwrapped: str, width: int) -> list[tuple[str, str]]:
    """Each line of ``wrapped`` that ends inside a word or name that fits its column, with that word; and every
    character of ``unwrapped`` read back from ``wrapped``, in order, none left out, none added."""
    found = []
    wrapped_blocks, whole_blocks = blocks(wrapped), blocks(unwrapped)
    # Margins may differ: an entry's text goes under its name where a word of a text is wider than the room beside.
    for (margin, lines), (_, [whole]) in zip(wrapped_blocks, whole_blocks, strict=True):
        at = 0
        for line in lines:
            for char in line:
                while whole[at] == " " != char:
                    at += 1
                assert whole[at] == char, (line, whole[at:])
                at += 1
            if at < len(whole) and whole[at] != " " and (word := cut_word(whole, at)) and columns(word) <= width - margin:
                found.append((line, word))
        assert not whole[at:].strip(), whole[at:]
    return found


@pytest.mark.parametrize("command", COMMANDS)
def test_no_word_nor_name_is_cut_where_it_fits(command: str) -> None:
    unwrapped = help_text(command, UNWRAPPED)
    assert {len(lines) for _, lines in blocks(unwrapped)} == {1}
    assert {width: found for width in WIDTHS if (found := cuts(help_text(command, width), unwrapped, width))} == {}


def test_the_check_sees_the_cuts_found() -> None:
    whole = "  写入 FILE；以 .json、.markdown、.xlsx 之一结尾。例如 '抖音CPA.bid,年度会员.price'。\n"
    wrapped = ("  写入 FILE；以 .json、.ma\n  rkdown、.xlsx 之一结尾。例如 '抖音\n  CPA.bid,年度会\n  员.price'。\n")
    assert cuts("用法\n\n" + wrapped, "用法\n\n" + whole, 26) == [
        ("写入 FILE；以 .json、.ma", ".markdown、"), ("rkdown、.xlsx 之一结尾。例如 '抖音", "'抖音CPA.bid,"),
        ("CPA.bid,年度会", "年度会员.price'。")]
    # Where the word with its punctuation is wider than the column, or Chinese prose is broken, nothing is cut.
    assert cuts("用法\n\n" + wrapped, "用法\n\n" + whole, 12) == []


def test_the_testers_lines() -> None:
    """COLUMNS=60 and 70: 58 and 68 columns, the options' text from column 34, 24 and 34 columns wide."""
    grid = [line.strip() for line in help_text("sensitivity", 58).splitlines()]
    at = grid.index("'抖音CPA.bid,")  # 双向表，例如 '抖音CPA.bid, is 26 columns
    assert grid[at + 1] == "年度会员.price'。"
    for command, suffixes in (("run", ".json .csv .md .markdown .xlsx"), ("sensitivity", ".json .csv .md .markdown")):
        for width in (58, 68):
            text = help_text(command, width)
            for suffix in suffixes.split():
                assert re.search(rf"(^|[\s、]){re.escape(suffix)}([、\s]|$)", text, re.MULTILINE), (suffix, text)
