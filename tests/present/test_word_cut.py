"""A word wider than its line is cut as --help cuts one (present/word_cut.py): where the line is full, between two
characters as a reader sees them, closing punctuation never opening a line; joined, the lines are the word."""

from __future__ import annotations

import pytest

from aigc_roi.present.word_cut import cut_word


@pytest.mark.parametrize(("word", "width", "lines"), [
    ("creators_prove", 6, ["creato", "rs_pro", "ve"]),  # 14 characters: 6 + 6 + 2
    ("abc.def", 3, ["ab", "c.d", "ef"]),  # "." may not open a line: "c" goes down with it
    ("抖音达人", 5, ["抖音", "达人"]),  # two cells a character: two fit in 5
    ("abe\u0301", 2, ["ab", "e\u0301"]),  # e with its accent is one character, of one cell
    ("short", 5, ["short"]),
    ("抖", 1, ["抖"]),  # one character wider than the line takes a line of its own
])
def test_cut_word(word: str, width: int, lines: list[str]) -> None:
    assert cut_word(word, width) == lines
    assert "".join(lines) == word
