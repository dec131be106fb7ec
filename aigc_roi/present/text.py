"""Names are data: text from a scenario or a command line, made harmless for each output.

A name may hold anything YAML can: Rich markup (``[/x]``), a terminal escape
(``\\x1b]0;title\\x07`` sets the window title, ``\\x1b[31m`` colours what
follows), a line break, a ``|`` or a leading ``=``. Each output gets the
neutralising it needs, and only that: JSON keeps names exactly.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""The C0 and C1 controls and DEL, plus the line and paragraph separators and the bidirectional
overrides, which reorder what a reader sees."""


def _escape(character: str) -> str:
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """Every control character (escape, line break, tab, DEL, C1) written out as ``\\x1b``, so a
    terminal shows the name instead of acting on it, and one name stays on one line."""
    return _CONTROL.sub(lambda match: _escape(match.group()), text)


def markdown_cell(text: str) -> str:
    """A table cell that cannot end its row (line break) or its cell (``|``)."""
    return visible(text).replace("|", "\\|")


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection)."""


def spreadsheet_text(text: str) -> str:
    """A text cell a spreadsheet shows as text: one starting like a formula gets a leading ``'``."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def xlsx_text(text: str) -> str:
    """As ``spreadsheet_text``, with the control characters XML 1.0 cannot hold written out."""
    return spreadsheet_text(re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", lambda match: _escape(match.group()), text))
