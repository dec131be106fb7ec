"""A CSV that is no UTF-8, read as GBK (GB18030), where its text may be another code page's: Windows-1252, as Excel
writes CSV on Western European, American and Brazilian Windows, reads into GBK without a bad byte as often as not
(Promoção Verão as Promo玢o Ver鉶), and no rule on bytes alone tells the two apart.

Chinese exports are written in GB2312's characters (simplified Chinese, its punctuation, full-width forms); Latin
text of a one-byte code page read as GBK is not: an accented letter alone takes the byte after it into a character
GB2312 has not (ã and o: 鉶) or, before a space or a digit, is no character (U+FFFD). Where the GBK reading holds such
a character, or where the plan's currency is not CNY (the Chinese consoles' exports', which Chinese Windows saves) and no header
the file was read by is Chinese, the file's source names its first cell of such text (``ReportSource.not_utf8``) as
GBK reads it and as Windows-1252 does, for the summary to say how to fix it: save the export as CSV UTF-8. Its
errors that quote such text say so too (``hinted``).

A rule on the header decides where the bytes cannot (``western``): read as Windows-1252, a German or Brazilian export's
header names columns a shape knows (``Währungscode``, ``Conversões``, locales.py) that GBK garbles (``W鋒rungscode``),
so such a file is read as Windows-1252, and said to be (``ReportSource.windows_1252``). Where neither reading's
header names more, the file is GBK's; a header cell it ignores whose GBK reading is garbled and whose Windows-1252
one is Latin text is refused (``garbled_headers``): it may be a column the shape reads (a currency code's), whose
loss would misread the export without a word.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from aigc_roi.model.actuals import NotUtf8
from aigc_roi.model.errors import ScenarioError
from aigc_roi.reader.exports.platforms import PLATFORMS, known_in
from aigc_roi.reader.legacy_code_pages import latin_text, outside_gb2312

WESTERN = "cp1252"
GBK = "gb18030"
HEADER_LINES = 40
"""Lines searched for a header naming known columns: more than tables.py's title lines and LOOKAHEAD."""
GBK_CURRENCY = "CNY"
"""The currency of the Chinese consoles' exports, the ones Excel on Chinese Windows saves as GBK."""
ENCODING_HINT = "the file is not UTF-8, and read as GBK this is no Chinese text: save the export as CSV UTF-8"

_PAST_ASCII = re.compile(r"[^\x00-\x7f]")
_GARBLED = re.compile("[\ufffd\u3400-\u9fff\uf900-\ufaff\ue000-\uf8ff]")
"""U+FFFD, CJK ideographs (Extension A, Unified, Compatibility) and the private use area GBK's user-defined codes
read as."""


def not_utf8(data: bytes, currency: str, headers: Iterable[str]) -> NotUtf8 | None:
    """The first cell of ``data`` (a CSV read as GBK for being no UTF-8) whose GBK reading is doubtful, by the module's
    rule, for a plan in ``currency`` and a file read by ``headers``; None where GBK stands."""
    text = data.decode("gb18030", errors="replace")
    if outside_gb2312(text) is not None:
        doubtful = outside_gb2312
    elif currency != GBK_CURRENCY and all(header.isascii() for header in headers):
        doubtful = _past_ascii
    else:
        return None
    # By line: no GBK character spans a line break (its second byte is 0x30 or above), so a line reads as in the file.
    for number, line in enumerate(data.split(b"\n" if b"\n" in data else b"\r"), 1):
        if not line.isascii() and doubtful(line.decode("gb18030", errors="replace")) is not None:
            return _cell(number, line, doubtful)
    return None


def _past_ascii(text: str) -> int | None:
    found = _PAST_ASCII.search(text)
    return None if found is None else found.start()


def _cell(number: int, line: bytes, doubtful: Callable[[str], int | None]) -> NotUtf8:
    """The first cell of the file's line ``number`` whose GBK reading is ``doubtful``. The line is split as bytes
    (Latin-1 reads each byte as one character), so a byte GBK reads as none cannot take a separator with it."""
    bytewise = line.removesuffix(b"\r").decode("latin-1")
    try:
        cells = next(csv.reader([bytewise], delimiter="\t" if bytewise.count("\t") > bytewise.count(",") else ","))
    except csv.Error:  # a CR inside the line: the reading locates it, the line is one cell here
        cells = [bytewise]
    found = next(((column, written) for column, cell in enumerate(cells, 1)
                  if doubtful((written := cell.encode("latin-1")).decode("gb18030", errors="replace")) is not None),
                 (1, bytewise.encode("latin-1")))
    column, written = found
    try:
        western: str | None = written.decode("cp1252")
    except UnicodeDecodeError:  # 81, 8D, 8F, 90 and 9D are no Windows-1252 character
        western = None
    return NotUtf8(number, column, written.decode("gb18030", errors="replace"), western)


def hinted(error: ScenarioError) -> ScenarioError:
    """An error of a CSV read as GBK for being no UTF-8, with ``ENCODING_HINT`` where it quotes what GBK makes of
    another code page's text: U+FFFD, or a Chinese or private-use character GB2312 has not. (A message's own words
    may hold other characters outside GB2312: the signs €, £ and ¥ it lists.)"""
    if not any(outside_gb2312(char[0]) is not None for char in _GARBLED.finditer(error.message)):
        return error
    return replace(error, message=f"{error.message}; {ENCODING_HINT}")


def western(data: bytes) -> bool:
    """Whether a CSV that is no UTF-8 is read as Windows-1252 rather than GBK: a line among its first
    (``HEADER_LINES``) names more of a shape's known columns so."""
    return _known_columns(data, WESTERN) > _known_columns(data, GBK)


def _known_columns(data: bytes, codec: str) -> int:
    """The most columns of one shape that a line of ``data``'s first lines, read in ``codec``, names."""
    newline = b"\n" if b"\n" in data else b"\r"
    lines = data.split(newline, HEADER_LINES)[:HEADER_LINES]
    return max((len(known_in(cells, platform)) for line in lines for platform in PLATFORMS
                if len(cells := _split(line.decode(codec, errors="replace"))) > 1), default=0)


def _split(line: str) -> list[str]:
    """A line's cells, split at the separator it holds most of: a comma, a tab or a semicolon."""
    delimiter = max(",\t;", key=line.count)
    try:
        return next(csv.reader([line.removesuffix("\r")], delimiter=delimiter), [])
    except csv.Error:  # a CR inside the line: no header
        return []


def garbled_headers(file: str, data: bytes, line: int, ignored: Iterable[str]) -> list[ScenarioError]:
    """The refusals of the header cells of ``line`` (1-based) of a CSV read as GBK that it ``ignored``, where GBK
    reads a cell as no Chinese text and Windows-1252 as Latin text (a European word): a column the export's shape
    may read, lost to the encoding, as the module says."""
    newline = b"\n" if b"\n" in data else b"\r"
    written = data.split(newline)[line - 1].removesuffix(b"\r")
    # Split as bytes (Latin-1 one character each): GBK's second bytes are 0x40 or above, no separator or quote.
    errors = []
    skipped = set(ignored)
    for column, cell in enumerate(_split(written.decode("latin-1")), 1):
        raw = cell.encode("latin-1")
        gbk, latin = raw.decode(GBK, errors="replace"), raw.decode(WESTERN, errors="replace")
        if gbk.strip() in skipped and outside_gb2312(gbk) is not None and latin_text(latin):
            errors.append(ScenarioError(file, line, column, gbk.strip(), f"expected a header this export's shape reads or "
                                        f"ignores, found {gbk.strip()!r}, which Windows-1252 reads as {latin.strip()!r}: "
                                        "it may be a column the shape reads"))
    return errors
