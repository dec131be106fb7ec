"""Lines and columns as an editor counts them: the unit of every location in a scenario's messages, of the parser's
marks (reader/yamltree.py hides NEL, LS and PS from it) and of the re-forecast's edits.

A line ends at LF, CRLF or CR. NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR, at which ``str.splitlines`` (and YAML
1.1) also break, are characters of a line, as editors and YAML 1.2 have them. A column is one character.
"""

from __future__ import annotations

import re

BREAK = re.compile(r"\r\n|\r|\n")


def lines(text: str) -> list[str]:
    """``text``'s lines without their breaks and none after a final break, as ``str.splitlines`` gives them."""
    split = BREAK.split(text)
    return split[:-1] if split[-1] == "" else split


def position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of the character at ``index`` of ``text``."""
    before = text[:index]
    return len(BREAK.findall(before)) + 1, index - max(before.rfind("\n"), before.rfind("\r"))
