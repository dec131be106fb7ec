"""The UTF-16 byte-order marks that Windows' "Unicode" text starts with (Notepad, Excel's "Unicode Text"), and the
wide encodings a scenario file may be saved in by mistake, named by their marks or their pattern of zero bytes."""

from __future__ import annotations

import codecs
import unicodedata

_UTF16_MARKS = {codecs.BOM_UTF16_LE: "utf-16-le", codecs.BOM_UTF16_BE: "utf-16-be"}
_UTF32_MARKS = {codecs.BOM_UTF32_LE: "utf-32-le", codecs.BOM_UTF32_BE: "utf-32-be"}
_SAMPLE_BYTES = 512
# Which byte of each 4 (UTF-32) or 2 (UTF-16) is zero in text that is mostly ASCII, as YAML's keys and numbers are.
_ZERO_PATTERNS = (("UTF-32LE", 4, {1, 2, 3}), ("UTF-32BE", 4, {0, 1, 2}), ("UTF-16LE", 2, {1}), ("UTF-16BE", 2, {0}))
_TEXT_SAMPLE_BYTES = 4096
_UNMARKED = (("UTF-32LE", "utf-32-le", 4), ("UTF-32BE", "utf-32-be", 4), ("UTF-16LE", "utf-16-le", 2),
             ("UTF-16BE", "utf-16-be", 2))
"""UTF-32's first: its units hold more zero bytes, and read as UTF-16 they are NULs, which no text holds."""
_MIN_ASCII = 2
"""ASCII characters (each a unit with a zero byte) that UTF-16 or UTF-32 text without a mark holds at least: a header
of two columns has a tab and a line break. UTF-8 or GBK text holds no zero byte, and a stray one makes one such unit."""
_NOT_TEXT = frozenset({"Cc", "Cn", "Co", "Cs"})
"""Character categories no text file holds (tab, LF and CR aside): controls, unassigned, private use, surrogates."""


def utf16_mark(data: bytes) -> tuple[str, str] | None:
    """The UTF-16 byte-order mark ``data`` starts with, as a message writes it (``FF FE``), and the codec of the
    text after it; None when it starts with none."""
    codec = _UTF16_MARKS.get(data[:2])
    return None if codec is None else (data[:2].hex(" ").upper(), codec)


def marked_codec(data: bytes) -> tuple[int, str] | None:
    """The length of the UTF-32 or UTF-16 byte-order mark ``data`` starts with and the codec of the text after it;
    None when it starts with neither. UTF-32's mark is looked for first: FF FE 00 00 starts with UTF-16's FF FE."""
    codec = _UTF32_MARKS.get(data[:4])
    if codec is not None:
        return 4, codec
    mark = utf16_mark(data)
    return None if mark is None else (2, mark[1])


def wide_encoding(data: bytes) -> str | None:
    """``UTF-32 (byte-order mark FF FE 00 00)`` or ``UTF-16LE (no byte-order mark)``: what a file in a wide encoding
    is, as a message's "found" writes it; None for any other bytes. Read as UTF-8, such text fails at its first zero
    byte as "character U+0000", or, mostly Chinese, as binary data at another control byte (期 in UTF-16LE is 1f 67),
    which names no cause; FF FE 00 00 starts with UTF-16's mark but is UTF-32's."""
    marked = marked_codec(data)
    if marked is not None:
        length, _ = marked
        return f"UTF-{8 * length} (byte-order mark {data[:length].hex(' ').upper()})"
    sample = data[:_SAMPLE_BYTES]
    if b"\x00" not in sample:
        return None
    for name, width, zeros in _ZERO_PATTERNS:
        units = [sample[i:i + width] for i in range(0, len(sample) - width + 1, width)]
        if len(units) >= 2 and all(any(unit[i] for i in range(width) if i not in zeros) for unit in units) and \
                sum(all(unit[i] == 0 for i in zeros) for unit in units) >= 0.9 * len(units):
            return f"{name} (no byte-order mark)"
    return _unmarked(data)


def _unmarked(data: bytes) -> str | None:
    """``UTF-16LE (no byte-order mark)``, or BE, or UTF-32's, for text whose zero bytes do not follow
    ``_ZERO_PATTERNS`` (mostly Chinese, ``日期<TAB>广告组名称``: few of its UTF-16 units have one, and its UTF-32
    units' zeros are not in the places an ASCII character's are): a length of whole units, and its start decodes
    into text of tabs or line breaks among printable characters, at least ``_MIN_ASCII`` of them ASCII. GBK or UTF-8
    read so holds no ASCII (no zero byte) or, with zeros of a binary file, controls and unassigned characters; UTF-16
    read as UTF-32 is no code point, or where a tab or line break pairs with a character (00 09 65 e5, a tab and 日)
    an unassigned one of plane 9, 10 or 13."""
    sample = data[:_TEXT_SAMPLE_BYTES]
    for name, codec, width in _UNMARKED:
        if len(data) % width:
            continue
        try:
            # Not final where the sample ends inside a surrogate pair the file completes.
            text = codecs.getincrementaldecoder(codec)().decode(sample, final=len(sample) == len(data))
        except UnicodeDecodeError:
            continue
        if (("\t" in text or "\n" in text) and sum(char.isascii() for char in text) >= _MIN_ASCII
                and not any(char not in "\t\r\n" and unicodedata.category(char) in _NOT_TEXT for char in text)):
            return f"{name} (no byte-order mark)"
    return None
