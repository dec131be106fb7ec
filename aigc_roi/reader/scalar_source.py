"""Where a character of a scalar's value is written in the file.

A scalar's value is not always its text as written: a double-quoted one reads its escapes (``\\u4fe1`` is one
character, ``\\t`` a tab, ``\\\\`` a backslash), a single-quoted one reads ``''`` as one quote, a flow scalar
written over several lines folds each line break, with the spaces around it, into one space (a blank line into a
line break), and a block scalar (``|``, ``>``) leaves out its header and its indentation. A message that points
inside a value (the ``..`` of a range, a full-width character) must count the file's characters, not the value's.

A value's character the file writes as several (an escape, ``''``, a folded line break) is located at the first of
them: the backslash, the first quote, the first space or the line break that the fold starts at.
"""

from __future__ import annotations

from aigc_roi.reader.text_lines import BREAK

_HEX_DIGITS = {"x": 2, "u": 4, "U": 8}
"""The escapes of a double-quoted scalar longer than a backslash and one character: the hex digits that follow."""


def source_index(written: str, value: str, offset: int) -> int:
    """Index in ``written`` (a scalar as the file writes it, from its first character: an opening quote, a block's
    indicator, a plain scalar's first character) of the character at ``offset`` of its ``value``; an offset past the
    value's last character is where its text ends (a closing quote, or the end of ``written``)."""
    starts = _block_starts(written, value) if written[:1] in ("|", ">") else _flow_starts(written)
    return starts[min(offset, len(starts) - 1)]


def _flow_starts(written: str) -> list[int]:
    """Where each character of a plain, single- or double-quoted scalar's value starts in ``written``, and where
    its text ends, as PyYAML's scanner reads it (``scan_flow_scalar``, ``scan_plain``)."""
    quote = written[0] if written[:1] in ("'", '"') else ""
    end = len(written) - len(quote)
    starts: list[int] = []
    at = len(quote)
    while at < end:
        char = written[at]
        if char in " \t\r\n":
            past_spaces = at
            while past_spaces < end and written[past_spaces] in " \t":
                past_spaces += 1
            if past_spaces < end and written[past_spaces] in "\r\n":
                breaks, next_at = _breaks(written, past_spaces, end)
                # One break folds into a space; each further one (a blank line) is a line break of its own.
                starts.extend([at] * max(breaks - 1, 1))
                at = next_at
            else:
                starts.extend(range(at, past_spaces))
                at = past_spaces
        elif quote == "'" and written.startswith("''", at):
            starts.append(at)
            at += 2
        elif quote == '"' and char == "\\":
            escaped = written[at + 1]
            if escaped in "\r\n":
                # An escaped line break joins the lines; only the blank lines after it remain, as line breaks.
                breaks, next_at = _breaks(written, at + 1, end)
                starts.extend([at] * (breaks - 1))
                at = next_at
            else:
                starts.append(at)
                at += 2 + _HEX_DIGITS.get(escaped, 0)
        else:
            starts.append(at)
            at += 1
    starts.append(end)
    return starts


def _breaks(written: str, at: int, end: int) -> tuple[int, int]:
    """The line breaks from ``at`` (a break) on, each with the spaces and tabs after it, and the index past them."""
    count = 0
    while at < end and (match := BREAK.match(written, at)) is not None:
        count += 1
        at = match.end()
        while at < end and written[at] in " \t":
            at += 1
    return count, at


def _block_starts(written: str, value: str) -> list[int]:
    """Where each character of a literal or folded block scalar's value starts in ``written``, and where its text
    ends. Each line's text past the indentation is the value's, in order; what stands between two lines' texts in
    the value (a line break, or the space of a fold) is located at the line break that ends the first."""
    header = BREAK.search(written)
    if header is None:
        return [len(written)] * (len(value) + 1)
    line_starts = [header.end(), *(match.end() for match in BREAK.finditer(written, header.end()))]
    lines = [(start, BREAK.split(written[start:], maxsplit=1)[0]) for start in line_starts]
    first = next((line for _, line in lines if line.strip(" ")), "")
    # An indentation indicator (``|2``) counts from the parent's indentation, which the scalar alone does not show:
    # the first line's spaces the value keeps tell the indentation instead.
    kept = value.lstrip("\n")
    indent = max(len(first) - len(first.lstrip(" ")) - (len(kept) - len(kept.lstrip(" "))), 0)
    starts: list[int | None] = [None] * len(value)
    position, breaks = 0, 0
    for start, line in lines:
        text = line[indent:]
        breaks += 1
        if not text:
            continue
        skip = next((skip for skip in range(breaks + 1) if value.startswith(text, position + skip)), None)
        if skip is None:
            break
        position += skip
        starts[position:position + len(text)] = range(start + indent, start + indent + len(text))
        position += len(text)
        breaks = 0
    filled: list[int] = []
    after = header.end()
    for found in starts:
        if found is None:
            filled.append(after)
        else:
            filled.append(found)
            after = found + 1
    return [*filled, len(written)]
