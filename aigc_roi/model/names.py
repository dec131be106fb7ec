"""When two names read alike: as a reader, a spreadsheet or a SQL tool tells them apart; a file name's extension as
Windows and a reader take it."""

from __future__ import annotations

import os
import unicodedata
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
