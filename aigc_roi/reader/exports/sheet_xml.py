"""A workbook sheet's rows as openpyxl reads them, each number its XML holds checked first.

openpyxl casts a cell's text with ``int()`` and ``float()`` as it finds it: ``<v>inf</v>`` or ``<v>NaN</v>`` in a
number cell raised ``ValueError`` from inside its row iterator (an internal error), ``<v>1e400</v>`` read as
infinity (quoted ``'inf'``, not as written), ``<v>1_000</v>`` or Arabic-Indic digits read as a number no spreadsheet
writes, a shared string's index of ``-1`` as the last string, and a row or cell reference past the sheet's last
(``r="2000000000"``) had the reader yield that many empty rows. Here each is checked against what the file format
allows before openpyxl casts it: a number cell's text that is no finite number as the format writes one
(``NUMBER``) is kept as written (``UnreadNumber``), for the column that reads it to refuse, located, as it refuses a
CSV's ``inf`` or ``1e400``; a reference, style, shared string index, boolean or ISO date that is none refuses the
workbook as damaged, at its row and column (``DamagedCell``). Any other error of openpyxl's reading of a sheet's
XML is a damaged workbook too, at the row reached.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

LAST_ROW = 1_048_576
LAST_COLUMN = 16_384
"""An xlsx sheet's last row and column (XFD), as Excel writes and reads them."""
NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
"""A number as the file format writes it (xsd:double's decimal form): ASCII digits, no ``inf``, ``NaN``, ``_`` or
hex, which ``float()`` would take (infinity and not-a-number it writes ``INF`` and ``NaN``, which no amount is)."""
EMPTY = "an empty number cell (<v/>, as a program writes NaN or infinity)"
_SPACES = " \t\r\n"
_REFERENCE = re.compile(r"\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})")
"""A cell reference, its column's letters in either case: openpyxl reads ``a1`` as A1, and so do some writers'."""
_INDEX = re.compile(r"[0-9]{1,9}")
_BOOLEAN = {"0": "0", "1": "1", "false": "0", "true": "1"}


@dataclass(frozen=True)
class UnreadNumber:
    """A number cell whose text is no finite number (``inf``, ``NaN``, ``1e400``, an empty ``<v/>``), as written: a
    column of numbers or dates refuses it quoting that text (cells.py), one of names reads it as text."""

    text: str

    def __str__(self) -> str:
        return self.text

    def shown(self) -> str:
        """The text as an error quotes it; an empty one as its element, which no cell left empty writes (openpyxl
        writes a NaN or an infinity so)."""
        return repr(self.text) if self.text.strip() else EMPTY

    def finite(self) -> bool:
        """Whether it is a number the format writes, too large for a float (``1e400``)."""
        return NUMBER.fullmatch(self.text.strip(_SPACES)) is not None


class DamagedCell(ValueError):
    """A sheet's XML holds what no xlsx writer writes, at ``line`` and ``column`` (1-based; the row and cell reached)."""

    def __init__(self, line: int, column: int, found: str) -> None:
        super().__init__(line, column, found)
        self.line, self.column, self.found = line, column, found

    def __str__(self) -> str:
        return f"expected an xlsx workbook, found a damaged one (its sheet holds {self.found})"


def _number(text: str) -> float | int | None:
    """The number a cell's text writes, None where it writes none that is finite."""
    text = text.strip(_SPACES)  # xsd:double collapses the spaces round it, as int() and float() skip them
    if NUMBER.fullmatch(text) is None:
        return None
    if "." in text or "e" in text or "E" in text:
        value = float(text)
        return value if math.isfinite(value) else None
    return int(text)


def _reference(text: str) -> tuple[int, int] | None:
    """A cell reference's (row, column), None for one that is none or lies past the sheet's last row or column."""
    found = _REFERENCE.fullmatch(text)
    if found is None:
        return None
    column = 0
    for letter in found[1].upper():
        column = column * 26 + ord(letter) - ord("A") + 1
    row = int(found[2])
    return (row, column) if row <= LAST_ROW and column <= LAST_COLUMN else None


def _parser_class() -> type:
    from openpyxl.worksheet._reader import FORMULA_TAG, VALUE_TAG, WorkSheetParser

    class CheckedParser(WorkSheetParser):
        """openpyxl's parser, each number of a row or cell checked before it casts it."""

        row_counter: int
        col_counter: int
        style_count: int
        """The workbook's cell styles, as many as a cell's ``s`` may index."""

        def parse_row(self, row: Any) -> Any:
            written = row.get("r")
            if written is not None:
                if _INDEX.fullmatch(written) is None or not 1 <= int(written) <= LAST_ROW:
                    raise DamagedCell(self.row_counter + 1, 1, f'<row r="{written}">')
                if int(written) <= self.row_counter:
                    # openpyxl would skip it silently: rows go down the sheet, each once.
                    raise DamagedCell(int(written), 1, f'<row r="{written}"> after row {self.row_counter}')
            return super().parse_row(row)

        def parse_cell(self, element: Any) -> Any:
            reference = element.get("r")
            here = (self.row_counter, self.col_counter + 1)
            if reference is not None:
                at = _reference(reference)
                # Cells go left to right along their row, each once: openpyxl would read one further left over another.
                if at is None or at[0] != self.row_counter or at[1] <= self.col_counter:
                    raise DamagedCell(*here, f'<c r="{reference}"> in row {self.row_counter}')
                here = at
            elif here[1] > LAST_COLUMN:
                raise DamagedCell(here[0], LAST_COLUMN, f"a cell past column XFD in row {self.row_counter}")
            style = element.get("s")
            if style is not None and not (style.isascii() and style.isdigit() and int(style) < self.style_count):
                raise DamagedCell(*here, f'<c s="{style}">')
            kind = element.get("t", "n")
            value = element.find(VALUE_TAG)
            if value is None or ((not self.data_only or not value.text) and element.find(FORMULA_TAG) is not None):
                # No value, a formula's text, or a formula's empty <v/>: a formula never computed (tables.py marks it).
                return super().parse_cell(element)
            text = value.text or ""
            if kind == "n":
                self.col_counter = here[1]
                return self._number_cell(here, text, int(style) if style else 0)
            if kind == "s" and (_INDEX.fullmatch(text) is None or int(text) >= len(self.shared_strings)):
                raise DamagedCell(*here, f'<c t="s"><v>{text}</v> of {len(self.shared_strings)} shared strings')
            if kind == "b":
                if text.strip() not in _BOOLEAN:
                    raise DamagedCell(*here, f'<c t="b"><v>{text}</v>')
                value.text = _BOOLEAN[text.strip()]
            try:
                return super().parse_cell(element)
            except (ValueError, TypeError, OverflowError) as error:
                raise DamagedCell(*here, f'<c t="{kind}"><v>{text}</v>') from error

        def _number_cell(self, here: tuple[int, int], text: str, style: int) -> dict[str, object]:
            """The cell openpyxl's parse_cell makes of a number (the hot path of a large sheet: made here once)."""
            number = _number(text)
            if number is None:
                return {"row": here[0], "column": here[1], "value": UnreadNumber(text), "data_type": "n",
                        "style_id": style}
            if style in self.date_formats:
                from openpyxl.utils.datetime import from_excel

                try:
                    return {"row": here[0], "column": here[1], "data_type": "d", "style_id": style,
                            "value": from_excel(number, self.epoch, timedelta=style in self.timedelta_formats)}
                except (OverflowError, ValueError):
                    pass  # a serial past the last date (9999-12-31): the number, as an unformatted cell holds it
            return {"row": here[0], "column": here[1], "value": number, "data_type": "n", "style_id": style}

    return CheckedParser


def sheet_rows(sheet: ReadOnlyWorksheet, values_only: bool = False) -> Iterator[tuple[object, ...]]:
    """The rows of a read-only sheet from its first, a row the sheet leaves out as no cells, as ``iter_rows`` gives
    them (all of it: no <dimension> tag is trusted); ``DamagedCell`` where its XML is no sheet's."""
    from openpyxl.cell.read_only import EMPTY_CELL, ReadOnlyCell

    book = sheet.parent
    line = 0
    with book._archive.open(sheet._worksheet_path) as source:
        parser = _parser_class()(source, sheet._shared_strings, data_only=book.data_only, epoch=book.epoch,
                                 date_formats=book._date_formats, timedelta_formats=book._timedelta_formats)
        parser.style_count = len(book._cell_styles)
        rows = parser.parse()
        while True:
            try:
                found = next(rows, None)
            except DamagedCell:
                raise
            except Exception as error:  # openpyxl and the XML parser raise many types for a damaged sheet
                raise DamagedCell(line + 1, 1, f"XML that cannot be read: {type(error).__name__}") from None
            if found is None:
                return
            number, cells = found
            while line + 1 < number:
                line += 1
                yield ()
            line = number
            if not cells:
                yield ()
                continue
            row: list[object] = [None if values_only else EMPTY_CELL] * cells[-1]["column"]
            for cell in cells:
                row[cell["column"] - 1] = cell["value"] if values_only else ReadOnlyCell(sheet, **cell)
            yield tuple(row)
