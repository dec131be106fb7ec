"""When two names read alike: as a reader, a spreadsheet or a SQL tool tells them apart."""

from __future__ import annotations

import unicodedata


def as_read(name: str) -> str:
    """A name as a reader tells it from another: case, width (full-width IME input) and spaces or invisible format
    characters do not count. Excel's tables and SQL readers such as DuckDB fold case too, so two columns alike but
    for case are one column to them."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    return "".join(c for c in folded if not c.isspace() and unicodedata.category(c) != "Cf")
