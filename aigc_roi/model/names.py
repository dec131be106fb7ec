"""When two names read alike: as a reader, a spreadsheet or a SQL tool tells them apart; a file name's extension as
Windows and a reader take it; names in a list, each read whole however it is spelt."""

from __future__ import annotations

import difflib
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path


def as_read(name: str) -> str:
    """A name as a reader tells it from another: case, width (full-width IME input) and spaces or invisible format
    characters do not count. Excel's tables and SQL readers such as DuckDB fold case too, so two columns alike but
    for case are one column to them."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    return "".join(c for c in folded if not c.isspace() and unicodedata.category(c) != "Cf")


NEAR = 0.6
"""difflib's ratio of two names as read (``as_read``) from which one is offered for the other: its own default, which
click and the file's keys (reader/near_keys.py) use too. At 0.5 two short words sharing two letters pass (``set`` and
``quiet`` share ``et``, 2 x 2 / 8), which is chance, not a slip (docs/formulas.md §12)."""
HELD = 2
"""The fewest characters a name holds another by: one letter is in too many names to mean one of them."""


def resembling(name: str, names: Iterable[str]) -> list[str]:
    """The ``names`` a ``name`` that matches none was likely meant as, closest first: those that read as it
    (``as_read``: ``CH`` is ``ch``, ``抖音激活cpa`` is ``抖音激活CPA``), else those holding it or held by it, of
    ``HELD`` characters or more (``Douyin`` in ``Douyin CPA``, ``sets`` holding ``set``), else those spelled
    nearest, at a ratio of ``NEAR`` or more: every one as near, ``cpc`` being ``cpa`` as much as ``cpm``, where
    offering one would pick a meaning for the reader. The one rule of every suggestion of what people type by name:
    an item, a channel, a gate, a driver, a template, a command, an option, a choice (docs/formulas.md §12). None for
    an empty name, which every name would hold."""
    key = as_read(name)
    if not key:
        return []
    read = {other: as_read(other) for other in names}

    def closeness(other: str) -> float:
        return difflib.SequenceMatcher(None, key, read[other]).ratio()

    alike = [other for other in read if read[other] == key]
    if alike:
        return alike
    holding = [other for other in read if min(len(key), len(read[other])) >= HELD
               and (key in read[other] or read[other] in key)]
    if holding:
        return sorted(holding, key=closeness, reverse=True)
    ratios = {other: closeness(other) for other in read}
    best = max(ratios.values(), default=0.0)
    return [other for other, ratio in ratios.items() if ratio == best] if best >= NEAR else []


def did_you_mean(meant: Sequence[str]) -> str:
    """``did you mean 'a'?``, or ``'a' or 'b'`` where several are as near."""
    quoted = " or ".join(f"'{one}'" for one in meant)
    return f"did you mean {quoted}?"


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
