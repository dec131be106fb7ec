"""An export file as a header and numbered rows of cells: CSV (any encoding the consoles write) or xlsx.

CSV: UTF-8 with or without a byte-order mark, UTF-16 with one (Excel's
"Unicode Text") or UTF-32 with one, else GB18030 (a superset of GBK, what Excel on Chinese
Windows writes; report.py doubts it where code_pages.py says), or Windows-1252 where its header names known
columns so (code_pages.py), unless the file is UTF-8 with a few bad bytes
(``_damaged_utf8``) or starts with UTF-8's byte-order mark, refused at the first; comma or tab separated, as the
header line shows; lines ending in LF, CRLF, or CR alone throughout (Excel
for Mac's "CSV (Macintosh)"); columns separated by semicolons are read in an export read with a decimal comma
(``semicolons``), and refused at the header elsewhere (semicolons.py). xlsx (openpyxl, the ``xlsx`` extra, imported
only for a workbook): a table per sheet read, as sheets.py chooses them (its
visible sheets that hold a report's table), so a notes sheet or a hidden one
is passed over; all of it, whatever size its <dimension>
tag states, and its merged ranges (``Table.merged``), which a read-only
sheet does not list. A workbook of several sheets names the sheet in
every location (``Table.file``, ``book.xlsx[报表]``); its date serials are
counted in its own date system (``Table.day_zero``), and a number its cell's format shows as a percentage is marked
as one (``Percentage``), which no amount or count is. Leading blank lines and the title lines some consoles
put above the header are skipped (kept as ``Table.titles``: one may state the currency): the header is the first line with at
least two filled cells (a title padded by Excel, ``报表,,,,``, or quoted
whole, as Google Ads writes its date range, has one), or, where a shape
recognises a line a little below it, that line (key-value titles such as
``报表名称,计划报表``). Note lines below the table (a console's footnote,
``注：...`` or ``数据来源：...``) are set aside (``Table.notes``): after a blank
line, a line whose first cell alone is filled, with words that are no date,
under which no row of the table follows. A CSV row's cells must be no more than the header's,
empty ones at the end aside (``Table.misfit``): an unquoted ``1,234.56``
would otherwise shift every cell after it; fewer are its empty cells at the
end left out. Anything else (binary data, a CR inside a line, a cell past
the csv module's limit) is a located ScenarioInvalid, never the csv
module's own error.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import io
import os
import re
import stat
import unicodedata
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from aigc_roi.model.actuals import SkippedSheet
from aigc_roi.model.errors import ScenarioError, ScenarioInvalid
from aigc_roi.model.limits import MAX_EXPORT_BYTES as MAX_EXPORT_BYTES
from aigc_roi.model.limits import MAX_EXPORT_PARTS, MAX_EXPORT_UNPACKED_BYTES
from aigc_roi.reader.byte_order import marked_codec, wide_encoding
from aigc_roi.reader.exports.cells import EXCEL_DAY_0, CellError, Percentage, UnsavedFormula, day
from aigc_roi.reader.exports.code_pages import GBK, WESTERN, western
from aigc_roi.reader.exports.open_quotes import LEFT_OPEN, opening_quote
from aigc_roi.reader.exports.semicolons import SEMICOLONS, semicolon_header
from aigc_roi.reader.exports.sheet_xml import DamagedCell, sheet_rows
from aigc_roi.reader.exports.sheets import chosen_sheets, same_columns
from aigc_roi.reader.exports.zip_directory import entries_over
from aigc_roi.reader.opening import cannot_read, not_a_regular_file

if TYPE_CHECKING:
    from _csv import Reader

    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

Cells = list[object]
IsHeader = Callable[[list[str]], bool]
"""Whether a line's cells are a header some shape recognises."""

LOOKAHEAD = 20
"""Lines below the first of two or more filled cells searched for one a shape recognises."""


@dataclass(frozen=True)
class Merge:
    """A workbook's merged range of cells, 1-based."""

    name: str
    first_row: int
    last_row: int
    first_column: int
    last_column: int


@dataclass
class Table:
    file: str
    """Where its cells are, as its errors locate them: the path, followed in a workbook of several sheets by the
    sheet read (``book.xlsx[报表]``)."""
    header: list[str]
    header_line: int
    rows: Iterator[tuple[int, Cells]]
    """(line or sheet row, cells), after the header: its blank rows and the notes below it left out."""
    width: int | None = None
    """The cells a CSV row has at most: the header's, its empty ones at the end aside; None for a workbook, whose
    cells keep their columns whatever they hold."""
    delimiter: str = ","
    merges: tuple[Merge, ...] = ()
    """A workbook's merged cells."""
    day_zero: datetime.date = EXCEL_DAY_0
    """Date serial 0: a workbook's date system's (1904-01-01 where it is set to the 1904 one), else Excel's 1900
    system's, the one a CSV's serials were written in."""
    notes: list[tuple[int, str]] = field(default_factory=list)
    """(line, text) of each note line below the table, filled in as ``rows`` reaches the end."""
    titles: tuple[tuple[int, tuple[str, ...]], ...] = ()
    """(line, cells) of each filled line above the header, skipped as titles: one may state the export's currency
    (Apple Ads' ``Currency: USD``; title_currency.py)."""
    skipped_sheets: tuple[SkippedSheet, ...] = ()
    """The sheets of its workbook not read, on the workbook's first table only."""
    lines: Sequence[str] = ()
    """A CSV's lines, as its rows' numbers count them; none for a workbook."""
    quoted: dict[int, int] = field(default_factory=dict)
    """A CSV row's last line -> its first, for each row a quote may run on from (open_quotes.py): one over several
    lines, or one whose line holds an odd number of quotes (the last of the file, left open to its end); filled in
    as ``rows`` reads them."""

    def merged(self, line: int, index: int) -> str | None:
        """The merged range (``A2:A3``) that covers the cell of ``line`` and column ``index`` (0-based) but does not
        start at it: such a cell is empty, its value held by the range's first cell."""
        column = index + 1
        for merge in self.merges:
            if (merge.first_row <= line <= merge.last_row and merge.first_column <= column <= merge.last_column
                    and (line, column) != (merge.first_row, merge.first_column)):
                return merge.name
        return None

    def misfit(self, cells: Cells) -> tuple[int, str] | None:
        """(column, message) where a CSV row has more cells than the header, trailing empty ones aside. Fewer are
        its empty cells at the end left out, as Excel and WPS write some rows (report.py reads them as empty)."""
        if self.width is None or len(cells) <= self.width:
            return None
        written = _filled_width(cells)
        if written <= self.width:
            return None  # empty cells past the header's: a trailing comma, or Excel padding its used range
        first_extra = next(index for index in range(self.width, written) if str(cells[index]).strip())
        hint = ("; a comma inside an unquoted cell (such as 1,234.56) splits it in two: quote the cell"
                if self.delimiter == "," else "")
        return first_extra + 1, f"expected {self.width} cells as the header has, found {written}{hint}"


def _filled_width(cells: Cells) -> int:
    """The cells up to the last filled one."""
    return next((index + 1 for index in range(len(cells) - 1, -1, -1) if str(cells[index]).strip()), 0)


_CONTROLS = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
"""The control characters no text export holds (tab, LF and CR aside): a file with one is binary data."""
_NOT_CONTROLS = bytes(byte for byte in range(256) if byte not in _CONTROLS)
_CONTROL = re.compile(f"[{re.escape(_CONTROLS.decode('ascii'))}]")
_CR_INSIDE_A_LINE = re.compile(r"\r(?=[^\r\n])")


def _problem(file: str, message: str, line: int = 1, column: int = 1) -> ScenarioInvalid:
    return ScenarioInvalid([ScenarioError(file, line, column, "", message)])


def workbook(data: bytes) -> bool:
    """Whether an export's bytes are an xlsx workbook's (a zip archive)."""
    return data[:4] == b"PK\x03\x04"


def read_tables(file: str, data: bytes, is_header: IsHeader | None = None, codec: str | None = None,
                semicolons: bool = False) -> list[Table]:
    """The header and rows of the export ``file`` whose bytes (``export_bytes``) are ``data``, one table for a CSV and
    one per sheet read for a workbook; ScenarioInvalid for a file that cannot be one. ``is_header``: whether a line
    is a header a shape recognises (else the first line of two or more filled cells is the header). ``codec``: a
    CSV's, overriding its bytes' (GB18030 where they are UTF-8 too, two_readings.py). ``semicolons``: a CSV's columns may be
    separated by semicolons, as Excel saves one where the decimal mark is a comma (the export is read with one)."""
    if not data.strip():
        raise _problem(file, "expected a report with a header row, found an empty file")
    if workbook(data):
        return _workbook(data, file, is_header)
    if data[:4] == b"\xd0\xcf\x11\xe0":
        raise _problem(file, "expected a CSV or xlsx export, found an Excel 97-2003 .xls workbook (save it as xlsx or CSV)")
    return [_csv(_text(data, file, codec), file, is_header, semicolons)]


def export_bytes(path: Path) -> bytes:
    """The file's bytes, at most the limit plus one; opened without blocking and checked on the descriptor,
    so a FIFO or a device given as an export is refused at once (as reader/load.py does for scenarios);
    ScenarioInvalid, located at the file, where it cannot be read."""
    file = str(path)
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise _problem(file, cannot_read(path, error)) from None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise _problem(file, not_a_regular_file(status.st_mode, "an export file"))
        if status.st_size > MAX_EXPORT_BYTES:
            raise _problem(file, f"file is {status.st_size:,} bytes; the limit for an export is {MAX_EXPORT_BYTES:,} "
                                 f"({MAX_EXPORT_BYTES // 2**20} MiB)")
        chunks: list[bytes] = []
        remaining = MAX_EXPORT_BYTES + 1
        while remaining > 0 and (chunk := os.read(descriptor, min(remaining, 1 << 24))):
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks)
    except OSError as error:
        raise _problem(file, f"cannot read file: {error.strerror or error}") from None
    finally:
        os.close(descriptor)


def _text(data: bytes, file: str, codec: str | None = None) -> str:
    """The export's text with its lines ending in LF or CRLF; ScenarioInvalid at a control character (binary data)."""
    if codec is not None:
        text = data.decode(codec, errors="replace")
        utf8 = text.encode("utf-8")
    else:
        text, utf8 = _decode(data, file)
    if "\n" not in text:
        # Excel for Mac's "CSV (Macintosh)" ends each line in CR alone, as classic Mac OS did.
        text = text.replace("\r", "\n")
    # A byte-wise check, fast on the largest export; the slower search only runs on a file that has one.
    if utf8.translate(None, _NOT_CONTROLS):
        control = _CONTROL.search(text)
        assert control is not None  # the bytes are the text's own in UTF-8
        before = text[:control.start()]
        raise _problem(file, f"expected a CSV or xlsx export, found binary data (byte 0x{ord(control[0]):02x})",
                       before.count("\n") + 1, control.start() - before.rfind("\n"))
    return text


def read_as_gb18030(data: bytes) -> bool:
    """Whether ``_decode`` reads a CSV's bytes as GB18030 for being no UTF-8 (no byte-order mark or wide encoding), or
    refuses them as UTF-8 with a few bad bytes."""
    if (workbook(data) or data.isascii() or data.startswith(codecs.BOM_UTF8) or marked_codec(data) is not None
            or wide_encoding(data) is not None):
        return False  # UTF-8's mark says UTF-8: a byte that is none is refused (``_decode``)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def _decode(data: bytes, file: str) -> tuple[str, bytes]:
    """The text of an export and its UTF-8 bytes; ScenarioInvalid at the first bad byte of damaged UTF-8."""
    marked = marked_codec(data)
    if marked is not None:
        # Excel's "Unicode Text" save (UTF-16 with its byte-order mark, tab-separated), or UTF-32 with its mark; a
        # damaged unit of bytes reads as U+FFFD, as a damaged GB18030 byte does below.
        text = data[marked[0]:].decode(marked[1], errors="replace")
        return text, text.encode("utf-8")
    wide = wide_encoding(data)
    if wide is not None:
        # Without a mark the byte order is a guess from the zero bytes, and read as UTF-8 the file fails at its first
        # zero as "binary data (byte 0x00)", which names no cause.
        raise _problem(file, f"expected UTF-8 text, found {wide}; save the file as UTF-8")
    try:
        return data.decode("utf-8").removeprefix("\ufeff"), data
    except UnicodeDecodeError as error:
        if _damaged_utf8(data):
            raise _bad_byte(data, error.start, file) from None
        if data.startswith(codecs.BOM_UTF8):
            # The mark says UTF-8: read as GBK it was text (锘), and the header's first cell was refused for it.
            raise _bad_byte(data, error.start, file, "the file starts with UTF-8's byte-order mark); save the file as "
                                                     "UTF-8") from None
        # Every byte sequence Excel's "CSV" save writes on Chinese Windows is GB18030 (GBK's superset); Western
        # European Windows' Windows-1252 where the header says so (code_pages.py).
        text = data.decode(WESTERN if western(data) else GBK, errors="replace")
        return text, text.encode("utf-8")


_WIDE_UTF8 = re.compile(rb"[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
"""A character of three or four bytes in UTF-8, as every Chinese character is."""
DAMAGED_UTF8_RATIO = 4
"""Valid characters of ``_WIDE_UTF8`` per bad byte from which a file is UTF-8 with a few damaged bytes. GBK text
forms such a character now and then (one per ~60 characters of common text; ee b8 b6 in 最付), never four per bad
byte in a sample of every GBK character, while damaged UTF-8 has a bad byte or two among many good characters."""


def _damaged_utf8(data: bytes) -> bool:
    """Whether bytes that fail as UTF-8 are UTF-8 all the same, but for a few bad bytes (a character cut short, a
    byte of another encoding typed in): read as GB18030, every Chinese character of the file would be mojibake."""
    bad = data.decode("utf-8", errors="replace").count("\ufffd") - data.count("\ufffd".encode())
    # Of three bytes each, the wide characters could not be that many: GBK text, known without counting them.
    if 3 * DAMAGED_UTF8_RATIO * bad > len(data):
        return False
    return len(_WIDE_UTF8.findall(data)) >= DAMAGED_UTF8_RATIO * bad


def _bad_byte(data: bytes, start: int, file: str, why: str = "the rest of the file is UTF-8: a damaged character); "
                                                               "retype it, or export the report again") -> ScenarioInvalid:
    """The problem of a damaged UTF-8 file, at its first bad byte (``start``): the line and the character in it;
    ``why`` it is UTF-8, closing the bracket after the byte, and the fix."""
    newline = b"\n" if b"\n" in data else b"\r"  # lines ending in CR alone, as _text reads them
    line_start = data.rfind(newline, 0, start) + 1
    before = data[line_start:start].decode("utf-8")
    return _problem(file, f"expected UTF-8 text, found byte 0x{data[start]:02x} ({why}",
                    data.count(newline, 0, start) + 1, len(before.removeprefix("\ufeff")) + 1)


def _csv(text: str, file: str, is_header: IsHeader | None, semicolons: bool = False) -> Table:
    # Split at "\n" only, as the csv reader counts lines: a U+2028 inside a cell must not shift the line numbers.
    lines = text.split("\n")
    found = _header_index(((index, _cells_of(line, semicolons)) for index, line in enumerate(lines)), is_header)
    if not semicolons and (found is None or not found[1]):
        # No header a shape recognises: it may be one of semicolons, at or above the line taken for a header.
        separated = semicolon_header(lines if found is None else lines[:found[0] + 1])
        if separated is not None:
            raise _problem(file, SEMICOLONS, separated[0] + 1, separated[1])
    if found is None:
        raise _problem(file, "expected a header row of comma- or tab-separated columns, found none")
    header_index = found[0]
    delimiter = _delimiter(lines[header_index], semicolons)
    reader = csv.reader(io.StringIO("\n".join(lines[header_index:])), delimiter=delimiter)
    quoted: dict[int, int] = {}
    numbered = _numbered(reader, lines, header_index, file, quoted)
    _, header = next(numbered)

    def rows() -> Iterator[tuple[int, Cells]]:
        for line, cells in numbered:
            # A row of blank cells is blank; joined, they are blank exactly when each is.
            yield line, list(cells) if "".join(cells).strip() else []

    notes: list[tuple[int, str]] = []
    titles = tuple((index + 1, tuple(cells)) for index, line in enumerate(lines[:header_index])
                   if (cells := _cells_of(line, semicolons)) and "".join(cells).strip())
    return Table(file, header, header_index + 1, _notes_aside(rows(), notes, EXCEL_DAY_0),
                 _filled_width(list(header)), delimiter, notes=notes, titles=titles, lines=lines, quoted=quoted)


def _notes_aside(rows: Iterator[tuple[int, Cells]], notes: list[tuple[int, str]],
                 day_zero: datetime.date) -> Iterator[tuple[int, Cells]]:
    """``rows`` (a blank one as no cells) without their blank rows, each note below the table added to ``notes``. A
    line that may be a note is held until the next filled row: a row of the table below it makes it a row (refused
    as one cut short), so only the lines under the table's last row are notes."""
    held: list[tuple[int, Cells]] = []
    after_blank = False
    for line, cells in rows:
        if not cells:
            after_blank = True
            continue
        if (after_blank or held) and _note(cells, day_zero):
            held.append((line, cells))
        else:
            yield from held
            held.clear()
            yield line, cells
        after_blank = False
    notes.extend((line, str(cells[0]).strip()) for line, cells in held)


def _note(cells: Cells, day_zero: datetime.date) -> bool:
    """Whether a row may be a note: its first cell alone filled, with words (text holding a letter of any script)
    that are no date. A date or a number alone is a row of the table cut short after its first cell."""
    text = cells[0]
    if (not isinstance(text, str) or _filled_width(cells) != 1
            or not any(unicodedata.category(char).startswith("L") for char in text)):
        return False
    try:
        day(cells[0], day_zero)
    except CellError:
        return True
    return False


def _delimiter(line: str, semicolons: bool = False) -> str:
    """The separator a line holds most of: a comma or a tab, or with ``semicolons`` (a comma is then a number's decimal
    mark, which a header holds none of) a semicolon too."""
    found = "\t" if line.count("\t") > line.count(",") else ","
    return ";" if semicolons and line.count(";") > line.count(found) else found


def _cells_of(line: str, semicolons: bool = False) -> list[str] | None:
    """The cells of one line read alone; None for one the csv reader cannot read so (a CR inside it: the reading
    of the whole file locates that)."""
    try:
        return next(csv.reader([line], delimiter=_delimiter(line, semicolons)), [])
    except csv.Error:
        return None


def _header_index(lines: Iterator[tuple[int, Sequence[object] | None]], is_header: IsHeader | None) -> tuple[int, bool] | None:
    """The index of the header among ``lines`` (index, cells; None where unreadable alone) and whether a shape
    recognises it: the first line one does within LOOKAHEAD lines of the first of two or more filled cells, else
    that first one."""
    first = None
    for index, cells in lines:
        if first is not None and index > first + LOOKAHEAD:
            break
        if cells is None:
            if first is None:
                return index, False  # the header line holds what the csv reader stops at: the reading says where
            continue
        if sum(1 for cell in cells if cell is not None and str(cell).strip()) < 2:
            continue
        if first is None:
            first = index
        if is_header is not None and is_header(_texts(cells)):
            return index, True
    return None if first is None else (first, is_header is None)


def _numbered(reader: Reader, lines: list[str], offset: int, file: str,
              quoted: dict[int, int]) -> Iterator[tuple[int, list[str]]]:
    """Each row of ``reader`` (which starts at ``lines[offset]``) with its last line, 1-based, the rows a quote may
    run on from added to ``quoted`` (``Table.quoted``); ScenarioInvalid, located, where the csv reader cannot read on."""
    read = 0
    try:
        for cells in reader:
            first, last = offset + read + 1, offset + reader.line_num
            # Counted in C: a line of an odd number of quotes is rare, and the row's own reading says if it matters.
            if first != last or lines[last - 1].count('"') % 2:
                quoted[last] = first
            yield last, cells
            read = reader.line_num
    except csv.Error:
        raise _unreadable(file, lines, offset + read, offset + reader.line_num - 1, reader.dialect.delimiter) from None


def _unreadable(file: str, lines: list[str], first: int, last: int, delimiter: str) -> ScenarioInvalid:
    """Why the csv reader stopped in the row from ``lines[first]`` to ``lines[last]`` (of columns separated by
    ``delimiter``): with no quote open, a CR followed by more of the line; else a cell longer than the csv module's
    limit (a quote never closed, at the quote where it can be found)."""
    inside = _CR_INSIDE_A_LINE.search(lines[last])
    if inside is not None:
        return _problem(file, "expected lines ending in LF or CRLF, found a carriage return (CR) inside a line; "
                              "remove it, or quote the cell that holds it", last + 1, inside.start() + 1)
    return _problem(file, f"expected cells of at most {csv.field_size_limit():,} characters, found a longer one; "
                          f"{LEFT_OPEN}", first + 1, opening_quote(lines[first], delimiter) or 1)


def _workbook(data: bytes, file: str, is_header: IsHeader | None) -> list[Table]:
    try:
        from openpyxl import load_workbook  # the xlsx extra: only a workbook export needs it
    except ImportError:
        raise _problem(file, "reading an xlsx export needs openpyxl: pip install 'aigc-roi[xlsx]'") from None
    _check_unpacked(data, file)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a damaged archive; each is "not a workbook"
        raise _problem(file, f"expected an xlsx workbook, found a damaged one ({type(error).__name__})") from None
    sheets = book.worksheets

    # Excel's sheet names hold no [ ] or colon, so the sheet's name cannot blur the line and column after it.
    places = [f"{file}[{sheet.title}]" if len(sheets) > 1 else file for sheet in sheets]

    def scan(number: int) -> tuple[int, bool] | None:
        return _header_index(enumerate(_rows_of(sheets[number], places[number], values_only=True)), is_header)

    # "hidden" and "veryHidden" (hidden by a macro, unhidden only in the VBA editor) alike.
    chosen = chosen_sheets(file, [(sheet.title, sheet.sheet_state != "visible") for sheet in sheets], scan)
    # openpyxl's epoch is serial 0 of the date system the workbook's <workbookPr date1904> sets.
    day_zero = book.epoch.date()
    tables = [_sheet(data, sheets[number], number, places[number], index, day_zero) for number, index in chosen.read]
    same_columns([(table.file, table.header_line, sheets[number].title, table.header)
                  for table, (number, _) in zip(tables, chosen.read, strict=True)])
    tables[0].skipped_sheets = chosen.skipped
    return tables


def _sheet(data: bytes, sheet: ReadOnlyWorksheet, number: int, place: str, header_index: int,
           day_zero: datetime.date) -> Table:
    """The table of the workbook's sheet ``number`` whose header is row ``header_index`` (0-based), located at
    ``place``."""
    numbered = enumerate((tuple(map(_cell_value, cells)) for cells in _rows_of(sheet, place)), start=1)
    titles = tuple((line, tuple(texts)) for line, values in islice(numbered, header_index)
                   if "".join(texts := _texts(values)).strip())
    _, first = next(numbered)
    header = _texts(first)
    formulas = _Formulas(data, number, place)
    width = len(header)

    def rows() -> Iterator[tuple[int, Cells]]:
        for line, values in numbered:
            cells = list(values)
            if not any(cell is not None and str(cell).strip() for cell in cells):
                yield line, []
                continue
            if None in cells[:width]:
                cells = formulas.marked(line, cells)
            yield line, ["" if cell is None else cell for cell in cells]

    notes: list[tuple[int, str]] = []
    # The sheet's part in the archive: openpyxl's read-only sheet keeps it, and no public name gives it.
    return Table(place, header, header_index + 1, _notes_aside(rows(), notes, day_zero),
                 merges=_merges(data, sheet._worksheet_path), day_zero=day_zero, notes=notes, titles=titles)


def _rows_of(sheet: ReadOnlyWorksheet, place: str, values_only: bool = False) -> Iterator[tuple[object, ...]]:
    """A sheet's rows, all of them (a read-only sheet stops at the size its <dimension> tag states, which a writer may
    have left stale), each number its XML holds checked (sheet_xml.py); ScenarioInvalid, located at ``place``, where
    the XML is no sheet's."""
    try:
        yield from sheet_rows(sheet, values_only)
    except DamagedCell as damaged:
        raise _problem(place, str(damaged), damaged.line, damaged.column) from None


def _cell_value(cell: object) -> object:
    """A workbook cell's value, a number its format shows as a percentage marked as one (``Percentage``)."""
    value = getattr(cell, "value", None)
    if (type(value) is int or type(value) is float) and _percent_format(getattr(cell, "number_format", None) or ""):
        return Percentage(value)
    return value


_FORMAT_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
"""What a number format writes as it is (``"%"``, ``\\%``) or a condition or colour (``[Red]``): no percent sign of it
scales the number."""


@lru_cache(maxsize=256)
def _percent_format(number_format: str) -> bool:
    """Whether a number format shows its number times 100 with a percent sign (``0%``, ``0.00%``, ``#,##0.0%``)."""
    return "%" in _FORMAT_LITERALS.sub("", number_format)


def _check_unpacked(data: bytes, file: str) -> None:
    """Refuse a workbook whose parts unpack past the limit, from the sizes its zip directory declares: a part is
    never read past its declared size (zipfile stops there, and its checksum then fails as a damaged archive).
    Its parts are counted first, from the bytes: zipfile's opening reads every entry of the directory."""
    if entries_over(data, MAX_EXPORT_PARTS):
        raise _problem(file, f"expected a workbook of at most {MAX_EXPORT_PARTS:,} parts (the files in its zip archive), "
                             "found more")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return  # load_workbook reports the damaged archive
    total = sum(part.file_size for part in parts)
    if total > MAX_EXPORT_UNPACKED_BYTES:
        largest = max(parts, key=lambda part: part.file_size)
        raise _problem(file, f"workbook unpacks to {total:,} bytes ({largest.filename}: {largest.file_size:,}); the limit "
                             f"for an xlsx export is {MAX_EXPORT_UNPACKED_BYTES:,} ({MAX_EXPORT_UNPACKED_BYTES // 2**20} MiB) "
                             "unpacked")


def _texts(values: Sequence[object]) -> list[str]:
    return ["" if value is None else str(value) for value in values]


_MERGE = re.compile(r'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)"')
_MERGES_START = b"mergeCells"
"""The element that lists a sheet's merged ranges, after its rows."""


def _merges(data: bytes, sheet_path: str) -> tuple[Merge, ...]:
    """The merged ranges of the sheet at ``sheet_path`` in the workbook ``data``: a read-only sheet does not list them.
    The sheet's XML is streamed up to its <mergeCells>, which follows the rows, so a large sheet is never held."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open(sheet_path) as xml:
        seen = b""
        while chunk := xml.read(1 << 20):
            seen = seen[-len(_MERGES_START):] + chunk
            start = seen.find(_MERGES_START)
            if start >= 0:
                seen = seen[start:] + xml.read()
                break
        else:
            return ()
    return tuple(Merge(f"{first}{top}:{last}{bottom}", int(top), int(bottom), _column_number(first), _column_number(last))
                 for first, top, last, bottom in _MERGE.findall(seen.decode("utf-8", errors="replace")))


def _column_number(letters: str) -> int:
    """A column's letters as its number: A is 1, Z 26, AA 27."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


class _Formulas:
    """A sheet read again with its formulas, as far down as a cell empty in the values asks: a formula there has no
    saved value (a workbook a script wrote and no one opened in Excel), which is not an empty cell."""

    def __init__(self, data: bytes, sheet: int, place: str) -> None:
        self.data, self.sheet, self.place = data, sheet, place
        self.rows: Iterator[tuple[int, tuple[object, ...]]] | None = None
        self.current: tuple[int, tuple[object, ...]] = (0, ())

    def marked(self, line: int, cells: list[object]) -> list[object]:
        """``cells`` (row ``line``, 1-based) with each empty one that holds a formula as an UnsavedFormula."""
        if self.rows is None:
            from openpyxl import load_workbook

            book = load_workbook(io.BytesIO(self.data), read_only=True, data_only=False)
            self.rows = enumerate(_rows_of(book.worksheets[self.sheet], self.place, values_only=True), start=1)
        while self.current[0] < line:
            self.current = next(self.rows, (line, ()))
        formulas = self.current[1]
        return [UnsavedFormula(str(getattr(formulas[index], "text", formulas[index])))
                if cell is None and index < len(formulas) and formulas[index] is not None else cell
                for index, cell in enumerate(cells)]
