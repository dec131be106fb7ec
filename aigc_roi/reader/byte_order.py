"""The UTF-16 byte-order marks that Windows' "Unicode" text starts with (Notepad, Excel's "Unicode Text")."""

from __future__ import annotations

import codecs

_UTF16_MARKS = {codecs.BOM_UTF16_LE: "utf-16-le", codecs.BOM_UTF16_BE: "utf-16-be"}


def utf16_mark(data: bytes) -> tuple[str, str] | None:
    """The UTF-16 byte-order mark ``data`` starts with, as a message writes it (``FF FE``), and the codec of the
    text after it; None when it starts with none."""
    codec = _UTF16_MARKS.get(data[:2])
    return None if codec is None else (data[:2].hex(" ").upper(), codec)
