"""The labels of present/labels.py, one module per area of the program, each a ``LABELS`` of its own that
present/labels.py merges into one (refusing a key two modules define). Plain data: nothing here imports more
than the standard library, since validate loads the labels."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Label:
    en: str
    zh: str
    short: tuple[str, str] | None = None
    """(English, Chinese) for a column header or a figure named in a sentence, where the
    label is long; None when the label is short already."""
