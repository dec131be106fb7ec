"""A CSV cell whose quote runs over a line break: a name or a note of several lines, or a quote left open.

A quote left open takes the lines below it into its cell, up to the next quote that closes it, or to the end of the
file. Read so, the rows it takes are gone without a word (a row's cells folded into one campaign name), or the row is
refused where the file ends, far from the quote, for cells it lacks. The rule: a quoted cell that holds a line break is
refused, at its opening quote, where

- it is never closed: the file ends inside it; or
- a line it takes in reads as a row of its own: the cell in the date column's place of that line, read alone,
  is a date (written as one, YYYYMMDD included, not a number a date serial would read).

Any other cell of several lines (an ad's text, a note) is its text, as the csv module reads it.
"""

from __future__ import annotations

import csv
import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from aigc_roi.model.errors import ScenarioError
from aigc_roi.reader.exports.cells import CellError, day

if TYPE_CHECKING:
    from aigc_roi.reader.exports.tables import Table

_START, _FIELD, _QUOTED, _CLOSING = range(4)
"""Where the csv module's reader is in a line (its non-strict dialect, quotes doubled inside a quoted cell): at a
cell's start, in an unquoted cell, in a quoted one, or on a quote in a quoted one (closing it, or doubled)."""

_NUMBER = re.compile(r"[\d.]+")
"""A cell of digits alone: a date serial in a workbook's CSV, but as likely a count or an amount of a line of text."""
_COMPACT_DATE = re.compile(r"(?:19|20|21)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])")
"""Digits alone that are a date as written all the same: YYYYMMDD, as 巨量引擎 writes its days (a stray quote over
such rows folded them into one campaign name without a word, QA)."""

LEFT_OPEN = "a quote left open takes the lines below it into its cell"


@dataclass(frozen=True)
class _Quoted:
    """A quoted cell that holds a line break: the line and 1-based column of its opening quote, the index of its
    cell, and the line its closing quote is on (None: the file ends inside it)."""

    line: int
    column: int
    cell: int
    closed: int | None


def quote_problem(table: Table, last: int, date_index: int, month_first: bool) -> ScenarioError | None:
    """The module's rule for the CSV row of ``table`` whose last line is ``last`` (1-based; ``Table.quoted`` has its
    first), its dates in the column ``date_index``, read month first or not; None where the row holds no such cell."""
    lines, delimiter = table.lines, table.delimiter
    for quoted in _quoted_cells(lines, table.quoted[last], last, delimiter):
        header = table.header[quoted.cell].strip().lstrip("\ufeff") if quoted.cell < len(table.header) else ""
        if quoted.closed is None:
            return ScenarioError(table.file, quoted.line, quoted.column, header,
                                 f"expected the quote opened here to close, found it open to the end of the file (line "
                                 f"{last}); {LEFT_OPEN}")
        for number in range(quoted.line + 1, quoted.closed + 1):
            dated = _dated(lines[number - 1], delimiter, date_index, table.day_zero, month_first)
            if dated is not None:
                return ScenarioError(table.file, quoted.line, quoted.column, header,
                                     f"expected the quote opened here to close before the next row, found it closing "
                                     f"on line {quoted.closed}, its cell taking in line {number}, a row of {dated}; "
                                     f"{LEFT_OPEN}")
    return None


def cell_line(table: Table, last: int, index: int) -> int:
    """The line (1-based) that the cell ``index`` (0-based) of the CSV row whose last line is ``last`` starts on: a
    row over several lines has its cells on more than one (its number, ``last``, is where it ends)."""
    first = table.quoted.get(last, last)
    state, cell = _START, 0
    for number in range(first, last + 1):
        if cell >= index:
            return number
        for char in table.lines[number - 1]:
            before = state
            state, _ = _step(state, char, table.delimiter)
            if char == table.delimiter and before != _QUOTED:
                cell += 1
                if cell == index:
                    return number
    return last


def opening_quote(line: str, delimiter: str) -> int | None:
    """The 1-based column of the quote left open at the end of ``line``, read from its start; None where none is."""
    opened, state = None, _START
    for index, char in enumerate(line):
        state, cell_opened = _step(state, char, delimiter)
        if cell_opened:
            opened = index + 1
    return opened if state == _QUOTED else None


def _quoted_cells(lines: Sequence[str], first: int, last: int, delimiter: str) -> list[_Quoted]:
    """Each quoted cell of the row from ``first`` to ``last`` that holds a line break, in order."""
    found: list[_Quoted] = []
    state, cell = _START, 0
    opened: tuple[int, int, int] | None = None  # line, column and cell of the quote of the quoted cell read
    for number in range(first, last + 1):
        for index, char in enumerate(lines[number - 1]):
            before = state
            state, cell_opened = _step(state, char, delimiter)
            if cell_opened:
                opened = (number, index + 1, cell)
            elif before == _CLOSING and state != _QUOTED and opened is not None:
                if opened[0] < number:
                    found.append(_Quoted(*opened, closed=number))
                opened = None
            if char == delimiter and before != _QUOTED:
                cell += 1
        if state == _CLOSING and opened is not None:
            if opened[0] < number:
                found.append(_Quoted(*opened, closed=number))  # a closing quote ends the line, and the row
            opened = None
    if state == _QUOTED and opened is not None:
        found.append(_Quoted(*opened, closed=None))
    return found


def _step(state: int, char: str, delimiter: str) -> tuple[int, bool]:
    """The reader's state after ``char``, and whether the char opened a quoted cell."""
    if state == _START:
        if char == '"':
            return _QUOTED, True
        return (_START if char == delimiter else _FIELD), False
    if state == _FIELD:
        return (_START if char == delimiter else _FIELD), False
    if state == _QUOTED:
        return (_CLOSING if char == '"' else _QUOTED), False
    # On a quote inside a quoted cell: doubled, the cell's end, or (non-strict) a quote the cell goes on after.
    return (_QUOTED if char == '"' else _START if char == delimiter else _FIELD), False


def _dated(line: str, delimiter: str, date_index: int, day_zero: datetime.date, month_first: bool) -> str | None:
    """The date a line read alone holds in the date column's place (as the csv module reads it, and split at each
    separator whatever the quotes, which a stray quote moves), as written; None where it holds none."""
    text = line.rstrip("\r")
    try:
        read = next(csv.reader([text], delimiter=delimiter), [])
    except csv.Error:
        read = []
    for cells in (read, text.split(delimiter)):
        if len(cells) <= date_index:
            continue
        cell = cells[date_index].strip().strip('"').strip()
        if not cell or (_NUMBER.fullmatch(cell) and not _COMPACT_DATE.fullmatch(cell)):
            continue
        try:
            day(cell, day_zero, month_first)
        except CellError:
            continue
        return cell
    return None
