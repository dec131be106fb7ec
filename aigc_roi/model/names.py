"""When two names read alike: as a reader, a spreadsheet or a SQL tool tells them apart; a file name's extension as
Windows and a reader take it; names in a list, each read whole however it is spelt."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path


def as_read(name: str) -> str:
    """A name as a reader tells it from another: case, width (full-width IME input) and spaces or invisible format
    characters do not count. Excel's tables and SQL readers such as DuckDB fold case too, so two columns alike but
    for case are one column to them."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    return "".join(c for c in folded if not c.isspace() and unicodedata.category(c) != "Cf")


def extension_of(path: str | os.PathLike[str]) -> str:
    """A file name's extension as Windows and a reader take it: spaces and dots at the end of the name dropped (Windows
    drops them, so ``plan.csv.`` is plan.csv there), full-width forms and case folded (``.ＣＳＶ`` and ``.CSV`` are
    ``.csv``: Windows and macOS save either, and find both under one name)."""
    return Path(unicodedata.normalize("NFKC", Path(path).name).rstrip(" .")).suffix.casefold()


LIST_SEPARATORS = (", ", "、")
"""What joins the items of a list in a message: English's ", " and Chinese's 、 (present's ``list_separator``)."""
_QUOTED = re.compile(r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*\"""")
"""A text quoted as Python writes a str (``repr``)."""


def listed_name(name: str) -> str:
    """``name`` as an item of a list: as it is, or quoted as Python writes a str (``'Douyin, KOL'``) where it holds a
    list's separator (``LIST_SEPARATORS``), which would read it as two, or starts with a quote, which would read as
    such quotes; so it reads whole in either language, and ``list_items`` finds it whole again."""
    return repr(name) if any(separator in name for separator in LIST_SEPARATORS) or name.startswith(("'", '"')) else name


def listed(names: Iterable[str], separator: str = ", ") -> str:
    """``names`` joined by ``separator``, each as ``listed_name`` writes it."""
    return separator.join(map(listed_name, names))


def list_items(text: str, separator: str = ", ") -> list[str]:
    """The items of a list ``listed`` joined (or of one of words, whose items hold no ``separator``): ``text`` split
    at each ``separator`` but inside an item quoted by ``listed_name``, which is kept quoted. Messages are translated
    from their English text, so Chinese joins an English list's items again with its 、 (present/messages_zh.py)."""
    items: list[str] = []
    at = 0
    while True:
        quoted = _QUOTED.match(text, at)
        if quoted is not None and (quoted.end() == len(text) or text.startswith(separator, quoted.end())):
            end = quoted.end()
        else:
            found = text.find(separator, at)
            end = len(text) if found < 0 else found
        items.append(text[at:end])
        if end == len(text):
            return items
        at = end + len(separator)
