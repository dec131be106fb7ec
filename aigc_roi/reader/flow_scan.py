"""The characters of YAML flow text outside quoted scalars, each with its bracket depth.

One scanner for the two places that read flow text by hand: where a flow
collection of a file ends (reader/reforecast.py rewrites values in place)
and where a ``--variant`` option's changes part (cli/whatif.py). Inside
double quotes a backslash escapes the next character, as YAML has it; single
quotes have no escapes.
"""

from __future__ import annotations

from collections.abc import Iterator


def outside_quotes(text: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """(index, character, depth) of each character of ``text`` from ``start`` outside quotes (the quote marks
    themselves included); depth counts the ``[`` and ``{`` open after the character, from 0 at ``start``."""
    depth, quote, index = 0, "", start
    while index < len(text):
        char = text[index]
        if quote:
            if char == "\\" and quote == '"':
                index += 1
            elif char == quote:
                quote = ""
        else:
            if char in "'\"":
                quote = char
            elif char in "[{":
                depth += 1
            elif char in "]}":
                depth -= 1
            yield index, char, depth
        index += 1
