"""An export file as a header and numbered rows of cells: CSV (any encoding the consoles write) or xlsx.

CSV: UTF-8 with or without a byte-order mark, UTF-16 with one (Excel's
"Unicode Text"), else GB18030 (a superset of GBK, what Excel on Chinese
Windows writes); comma or tab separated, as the header line shows; lines
ending in LF, CRLF, or CR alone throughout (Excel for Mac's "CSV
(Macintosh)"). xlsx: the first sheet (openpyxl, the ``xlsx`` extra,
imported only for a workbook). Leading blank lines and the title lines some
consoles put above the header are skipped: the header is the first line
with at least two cells. Anything else (binary data, a CR inside a line, a
cell past the csv module's limit) is a located ScenarioInvalid, never the
csv module's own error.
"""

from __future__ import annotations

import csv
import io
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from aigc_roi.model.errors import ScenarioError, ScenarioInvalid
from aigc_roi.model.limits import MAX_EXPORT_BYTES as MAX_EXPORT_BYTES
from aigc_roi.reader.byte_order import utf16_mark

if TYPE_CHECKING:
    from _csv import Reader

Cells = list[object]


@dataclass
class Table:
    file: str
    header: list[str]
    header_line: int
    rows: Iterator[tuple[int, Cells]]
    """(line or sheet row, cells), after the header."""


_CONTROLS = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
"""The control characters no text export holds (tab, LF and CR aside): a file with one is binary data."""
_NOT_CONTROLS = bytes(byte for byte in range(256) if byte not in _CONTROLS)
_CONTROL = re.compile(f"[{re.escape(_CONTROLS.decode('ascii'))}]")
_CR_INSIDE_A_LINE = re.compile(r"\r(?=[^\r\n])")


def _problem(file: str, message: str, line: int = 1, column: int = 1) -> ScenarioInvalid:
    return ScenarioInvalid([ScenarioError(file, line, column, "", message)])


def read_table(path: Path) -> Table:
    """The header and rows of one export; ScenarioInvalid for a file that cannot be one."""
    file = str(path)
    data = _read_bytes(path, file)
    if not data.strip():
        raise _problem(file, "expected a report with a header row, found an empty file")
    if data[:4] == b"PK\x03\x04":
        return _workbook(data, file)
    if data[:4] == b"\xd0\xcf\x11\xe0":
        raise _problem(file, "expected a CSV or xlsx export, found an Excel 97-2003 .xls workbook (save it as xlsx or CSV)")
    return _csv(_text(data, file), file)


def _read_bytes(path: Path, file: str) -> bytes:
    """The file's bytes, at most the limit plus one; opened without blocking and checked on the descriptor,
    so a FIFO or a device given as an export is refused at once (as reader/load.py does for scenarios)."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise _problem(file, f"cannot read file: {error.strerror or error}") from None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise _problem(file, "cannot read file: not a regular file")
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


def _text(data: bytes, file: str) -> str:
    """The export's text with its lines ending in LF or CRLF; ScenarioInvalid at a control character (binary data)."""
    text, utf8 = _decode(data)
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


def _decode(data: bytes) -> tuple[str, bytes]:
    """The text of an export and its UTF-8 bytes."""
    mark = utf16_mark(data)
    if mark is not None:
        # Excel's "Unicode Text" save (UTF-16 with its byte-order mark, tab-separated); a damaged pair of bytes
        # reads as U+FFFD, as a damaged GB18030 byte does below.
        text = data[2:].decode(mark[1], errors="replace")
        return text, text.encode("utf-8")
    try:
        return data.decode("utf-8-sig"), data
    except UnicodeDecodeError:
        # Every byte sequence Excel's "CSV" save writes on Chinese Windows is GB18030 (GBK's superset).
        text = data.decode("gb18030", errors="replace")
        return text, text.encode("utf-8")


def _csv(text: str, file: str) -> Table:
    # Split at "\n" only, as the csv reader counts lines: a U+2028 inside a cell must not shift the line numbers.
    lines = text.split("\n")
    header_index = next((i for i, line in enumerate(lines) if line.count(",") + line.count("\t") >= 1), None)
    if header_index is None:
        raise _problem(file, "expected a header row of comma- or tab-separated columns, found none")
    header_line = lines[header_index]
    delimiter = "\t" if header_line.count("\t") > header_line.count(",") else ","
    reader = csv.reader(io.StringIO("\n".join(lines[header_index:])), delimiter=delimiter)
    numbered = _numbered(reader, lines, header_index, file)
    _, header = next(numbered)

    def rows() -> Iterator[tuple[int, Cells]]:
        for line, cells in numbered:
            # A row of blank cells is skipped; joined, they are blank exactly when each is.
            if "".join(cells).strip():
                yield line, list(cells)

    return Table(file, header, header_index + 1, rows())


def _numbered(reader: Reader, lines: list[str], offset: int, file: str) -> Iterator[tuple[int, list[str]]]:
    """Each row of ``reader`` (which starts at ``lines[offset]``) with its last line, 1-based; ScenarioInvalid,
    located, where the csv reader cannot read on."""
    read = 0
    try:
        for cells in reader:
            yield offset + reader.line_num, cells
            read = reader.line_num
    except csv.Error:
        raise _unreadable(file, lines, offset + read, offset + reader.line_num - 1) from None


def _unreadable(file: str, lines: list[str], first: int, last: int) -> ScenarioInvalid:
    """Why the csv reader stopped in the row from ``lines[first]`` to ``lines[last]``: with no quote open, a CR
    followed by more of the line; else a cell longer than the csv module's limit (a quote never closed)."""
    inside = _CR_INSIDE_A_LINE.search(lines[last])
    if inside is not None:
        return _problem(file, "expected lines ending in LF or CRLF, found a carriage return (CR) inside a line; "
                              "remove it, or quote the cell that holds it", last + 1, inside.start() + 1)
    return _problem(file, f"expected cells of at most {csv.field_size_limit():,} characters, found a longer one; "
                          "a quote left open takes the lines below it into its cell", first + 1)


def _workbook(data: bytes, file: str) -> Table:
    try:
        from openpyxl import load_workbook  # the xlsx extra: only a workbook export needs it
    except ImportError:
        raise _problem(file, "reading an xlsx export needs openpyxl: pip install 'aigc-roi[xlsx]'") from None
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a damaged archive; each is "not a workbook"
        raise _problem(file, f"expected an xlsx workbook, found a damaged one ({type(error).__name__})") from None
    sheet = book.worksheets[0]
    numbered = ((index, list(values)) for index, values in enumerate(sheet.iter_rows(values_only=True), start=1))
    for index, values in numbered:
        if sum(value is not None and str(value).strip() != "" for value in values) >= 2:
            header = ["" if value is None else str(value) for value in values]

            def rows(source: Iterator[tuple[int, list[object]]] = numbered) -> Iterator[tuple[int, Cells]]:
                for line, cells in source:
                    if any(cell is not None and str(cell).strip() for cell in cells):
                        yield line, ["" if cell is None else cell for cell in cells]

            return Table(file, header, index, rows())
    raise _problem(file, "expected a report with a header row, found an empty sheet")
