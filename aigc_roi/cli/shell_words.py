"""A command a message tells the user to run, written as a shell takes it back: each word bare where no character of it
is the shell's (``--lock 巨量千川``), else quoted (``--lock 'Feed ads'``): shlex.quote would quote every Chinese name."""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterable

_SHELL_MARKS = re.compile(r"[\s'\"\\$`!*?\[\]{}()<>|&;#~^]")
"""What a POSIX shell, bash's history and globbing included, reads as its own rather than as the word's."""


def shell_word(text: str) -> str:
    return text if text and _SHELL_MARKS.search(text) is None else shlex.quote(text)


def shell_command(words: Iterable[str]) -> str:
    return " ".join(shell_word(word) for word in words)
