"""A campaign name or id that holds a line break, in any export: a quoted CSV or TSV cell of several lines, or a
workbook's text cell (Excel's Alt+Enter).

No ad platform's console lets a campaign's name or id hold a line break, so one in the export's cell was put there
after the download (Alt+Enter in a cell, a name pasted from a document), and the name the plan's globs were written
for is the one without it. Read as it was, such a name matched no channel without a word, or a glob whose ``*``
spans the break (``dy_*`` matched 'dy_a\\nsummer'), and was shown over two lines; read with a space for the break,
it would be a guess (a space, nothing or a hyphen). So the cell is refused at its place, the name shown with its
break written out, as the reader refuses every other cell it cannot take as written (an id a spreadsheet rounded, a
date of either order). Only the campaign's name and id are held to it: they are what ``match`` and ``--map`` read;
an ad's text of two lines, in a column no shape reads, is its text.

A line break is any character ``str.splitlines`` breaks at: LF and CR, and the Unicode line and paragraph separators
(U+2028, U+2029) and NEL (U+0085) that a text pasted from a web page or a document may bring (a CSV's other
control characters are refused as binary data before, tables.py)."""

from __future__ import annotations

import re

from aigc_roi.model.errors import ScenarioError
from aigc_roi.reader.exports.cells import CellError

_BREAK = re.compile("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
"""What ``str.splitlines`` breaks a line at."""
_ONE_LINE = "a campaign {} on one line"
"""What the cell is expected to hold, ``what`` ("name" or "id") in its braces."""
_SHOWN = 40
"""The characters of a name shown whole (``cells.shown``'s); a longer one is shown around its first break."""


def broken(text: str, what: str) -> CellError | None:
    """The problem of a campaign's name or id ``text`` (``what``: "name" or "id") that holds a line break; None for
    one that holds none, almost every cell, told by ``str.isprintable`` without a regular expression."""
    if text.isprintable():
        return None
    found = _BREAK.search(text)
    if found is None:
        return None  # a tab or a format character (U+200B): no line break
    return CellError(_ONE_LINE.format(what),
                     f"{_around(text, found.start())}; no platform writes a line break in a campaign's {what} "
                     f"(Excel's Alt+Enter puts one in a cell): delete it from the cell")


_REFUSED = re.compile(f"expected {_ONE_LINE.format('(?:name|id)')}, found ")
"""The message of such a cell as report.py locates it (``expected ..., found ...``)."""


def refused_text(error: ScenarioError) -> bool:
    """Whether ``error`` is a cell refused here: a refusal of the text its encoding read whole, for which
    two_readings.py never reads the file in another (GB18030 read U+2028's bytes and the letter after them as two
    Chinese characters, every row 'fine', the refusal gone and each Chinese name of the file garbled)."""
    return _REFUSED.match(error.message) is not None


def _around(text: str, at: int) -> str:
    """``text`` as Python writes it (``'dy_a\\nsummer'``): whole where it is short, else its part around the break at
    ``at`` (cells.shown would cut a long name before the break it is refused for)."""
    if len(text) <= _SHOWN:
        return repr(text)
    start, end = max(0, at - 20), min(len(text), at + 17)
    return repr(("..." if start else "") + text[start:end] + ("..." if end < len(text) else ""))
