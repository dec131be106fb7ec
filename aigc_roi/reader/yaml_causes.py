"""The likely cause of a YAML syntax error, in the terms of the person who wrote the file.

PyYAML (and libyaml, whose wording differs) say what their grammar could not
accept ("mapping values are not allowed in this context"); someone who typed a
scenario file wants to know what to change. ``cause`` reads the problem, the
construct being scanned and the text around the error and names the usual
slip. Each cause is one sentence without "; " (messages put it after the last
"; ", as other hints) and has a Chinese version in present/yaml_zh.py.
"""

from __future__ import annotations

import re

from aigc_roi.reader import text_lines

QUOTE_VALUE = "put the value in quotes"
INDENT_DEEPER = "this line is indented deeper than the line above, which already has its value: line it up with the keys above"
COLON_IN_VALUE = "a value cannot hold ': ' unless it is quoted: put the value in quotes"
COLON_SPACE = "a ':' needs a space after it, as in 'key: value': check this line and the one above"
TAB = "YAML indents with spaces, not tabs: replace the tab with spaces"
MISSING_COLON = "a line in a mapping without ': ' after its key, or a value carried onto a line of its own: write 'key: value' on one line"
LIST_ITEM_IN_MAPPING = "a '- ' list item where the mapping above expects 'key: value': put the list under its key, indented"
NOT_ALIGNED = "this line does not line up with the keys above it: indent it exactly as they are"
LIST_NOT_ALIGNED = "a line in a list that does not start with '- ' at the list's indentation"
LIST_ON_KEY_LINE = "a '- ' list cannot start on the line of its key: start it on the next line, indented"
UNCLOSED_LIST = "a '[' list that is not closed by ']', or items without ',' between them"
UNCLOSED_MAP = "a '{' mapping that is not closed by '}', or entries without ',' between them"
COLON_IN_BRACKETS = "a ':' inside [ ] or { } needs a space after it, or the value needs quotes"
COMPLEX_KEY = "'? ' starts a complex key, which scenario files do not use: put the text in quotes"
ANCHOR = "'&' and '*' start YAML anchors and aliases, which scenario files do not use: put the value in quotes"
TAG = "'!' starts a YAML tag, which scenario files do not use: put the value in quotes"
DIRECTIVE = "a line starting with '%' is a YAML directive, which scenario files do not use: remove it"
BLOCK_SCALAR = "after '|' or '>' only '+', '-' or a digit 1-9 may follow on that line: start the text on the next line, indented"
ESCAPE = "a '\\' inside double quotes starts an escape sequence: use single quotes for text with backslashes, as in 'C:\\dir'"
DOCUMENT_MARKER = "a line starting with '---' or '...' inside a quoted value ends the document: close the quote before it"
AFTER_DOCUMENT = "text after the end of the document: a scenario file is one mapping of 'key: value' lines"
MISSING_VALUE = "a value is missing here"
EMPTY_ITEM = "two ',' with nothing between them: remove one"

SET_VALUE = "a {0} value is YAML: to set this text as it is, put it in quotes, as in {1}"
"""Instead of a cause in ``FILE_LAYOUT``, for the value of a ``--set`` (the option {0}): one line typed on the command
line, whose fix {1} is that option with the text quoted."""
SETS_ITEM_VALUE = "a value in {0} is YAML: to set this text as it is, put it in quotes, as in {1}"
"""``SET_VALUE`` for the value of an item of a library call's ``sets`` (the argument {0}), whose fix {1} is the
item's text, quoted, as Python writes a str."""
FILE_LAYOUT = frozenset({AFTER_DOCUMENT, DIRECTIVE, DOCUMENT_MARKER, BLOCK_SCALAR, INDENT_DEEPER, MISSING_COLON,
                         LIST_ITEM_IN_MAPPING, NOT_ALIGNED, LIST_NOT_ALIGNED, LIST_ON_KEY_LINE})
"""Causes that speak of a file's lines (a document, a directive line, indentation), which a value typed after
``--set PATH=`` has none of: there the text was meant as it is, and quotes are the fix."""

MAX_KEY = 1024
"""The longest key YAML reads, in characters to its ':' (PyYAML's and libyaml's simple keys): past it the parser reads no
key there, and tells of a ':' it could not find or did not expect, on a line that has one."""

STRAY = "a stray '{0}' with no opening '{1}' before it: remove it, or put the value in quotes"
RESERVED = "'{0}' cannot start an unquoted value: put the value in quotes, as in \"{1}\""

_OPENING = {"]": "[", "}": "{"}


def cause(problem: str, context: str | None, text: str, line: int, column: int) -> str:
    """The usual slip behind ``problem`` found at 0-based ``line`` and ``column`` of ``text``; "" when none is known."""
    lines = text_lines.lines(text)
    here = lines[line] if line < len(lines) else ""
    char = here[column] if column < len(here) else ""
    scanning = context or ""
    if "tab character" in problem or char == "\t" and "cannot start any token" in problem:
        return TAB
    if "cannot start any token" in problem:
        return RESERVED.format(char, _value_at(here, column)) if char else QUOTE_VALUE
    if "mapping values are not allowed" in problem:
        return _mapping_value_cause(lines, line, column)
    if problem == "could not find expected ':'":
        return MISSING_COLON
    if "block mapping" in scanning and ("expected key" in problem or "<block end>" in problem):
        if char in _OPENING:
            return STRAY.format(char, _OPENING[char])
        return LIST_ITEM_IN_MAPPING if here[column:column + 2] in ("- ", "-") else NOT_ALIGNED
    if "block collection" in scanning or "'-' indicator" in problem:
        return LIST_NOT_ALIGNED
    if "sequence entries are not allowed" in problem:
        return LIST_ON_KEY_LINE
    if "node content" in problem:
        if char == ",":
            return EMPTY_ITEM
        return STRAY.format(char, _OPENING[char]) if char in _OPENING else MISSING_VALUE
    return _construct_cause(problem, scanning)


def _construct_cause(problem: str, scanning: str) -> str:
    """Causes named by the construct being scanned: brackets, anchors, tags, directives, block and quoted scalars."""
    if "flow sequence" in scanning:
        return UNCLOSED_LIST
    if "flow mapping" in scanning:
        return UNCLOSED_MAP
    if problem == "found unexpected ':'":
        return COLON_IN_BRACKETS
    if "mapping keys are not allowed" in problem:
        return COMPLEX_KEY
    if "anchor" in scanning or "alias" in scanning:
        return ANCHOR
    if "tag" in scanning or "tag handle" in problem:
        return TAG
    if "directive" in scanning or "directive" in problem or "YAML document" in problem:
        return DIRECTIVE
    if "block scalar" in scanning:
        return BLOCK_SCALAR
    if "escape" in problem or "hexdecimal" in problem or "hexadecimal" in problem:
        return ESCAPE
    if "document indicator" in problem or "document separator" in problem:
        return DOCUMENT_MARKER
    if "<document start>" in problem:
        return AFTER_DOCUMENT
    return ""


def _mapping_value_cause(lines: list[str], line: int, column: int) -> str:
    """``key: value: more`` (a colon in the value), a key indented under a key that has a value, or ``key:value``."""
    here = lines[line] if line < len(lines) else ""
    if re.search(r":[ \t]", here[:column]):
        return COLON_IN_VALUE
    above = next((text for text in reversed(lines[:line]) if text.strip() and not text.lstrip().startswith("#")), None)
    if above is not None and _indent(here) > _indent(above):
        return INDENT_DEEPER
    return COLON_SPACE


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _value_at(line: str, column: int) -> str:
    """The unquoted value that starts at ``column``, shortened for a message."""
    value = re.split(r"\s+#", line[column:], maxsplit=1)[0].strip()
    return value if len(value) <= 24 else value[:21] + "..."


_BLOCK_START = re.compile(r"[ \t]*(?:-[ \t]+)*(?:\?[ \t]+)?")
"""What opens a key of a block line: its indentation, a list item's '- ', a complex key's '? '."""


def long_key(text: str, line: int, column: int, flow: bool) -> tuple[int, int] | None:
    """The 0-based column of the key that the ':' at ``column`` of ``line`` ends, and its length to that ':', where the
    key is longer than ``MAX_KEY``: the cause of the parser's error there. In ``flow`` (inside [ ] or { }) a key opens
    after the last bracket or comma. None where no such key ends there (a ':' in a value: a ': ' before it)."""
    lines = text_lines.lines(text)
    here = lines[line] if line < len(lines) else ""
    if column >= len(here) or here[column] != ":":
        return None
    opened = _BLOCK_START.match(here)
    start = opened.end() if opened else 0
    if flow:
        start = max(start, *(here.rfind(mark, 0, column) + 1 for mark in "[{,"))
        start += len(here[start:column]) - len(here[start:column].lstrip(" \t"))
    if column - start <= MAX_KEY or re.search(r":[ \t]", here[start:column]):
        return None
    return start, column - start
