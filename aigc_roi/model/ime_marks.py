"""Punctuation a Chinese input method types where an option's text wants ASCII: ``信息流.cpm＝20`` (``--set``,
``--variant``), a ``--variant`` label ended by ``：`` or its settings separated by ``，`` or ``、`` (as ``--grid``'s
drivers and ``--percentiles``), ``subscribers＠6=1000`` (``--reach``), ``信息流＝20万`` (``--min``, ``--max``,
``--map``), a path's ``。`` and ``【】``. Every option tells it by ``ime_slip``, in the words ``--set`` has always told
its ``＝`` in: the character, and the text to write instead.

Such a mark may be a name's own (a channel called ``A，B`` is written ``A，B.cpm``), so a text is told of one only
where it does not read as written (its shape, and each path or channel it holds naming one of the file's, as its
option reads them: ``reads``) and does with its marks as their ASCII twins, a mark inside a name of the file written
there kept before one outside it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import combinations

ASCII_TWINS = {"＝": "=", "：": ":", "，": ",", "、": ",", "＠": "@",
               "．": ".", "。": ".", "［": "[", "］": "]", "【": "[", "】": "]",
               "｛": "{", "｝": "}"}
"""Each mark, as the ASCII character the option's syntax has: ``、``, the comma that lists things in Chinese, is a
comma too."""

DIGIT_TWINS = str.maketrans("０１２３４５６７８９", "0123456789")
"""The full-width digits an input method types, as the ASCII ones they read as: in a number, a month's key and a
list's index alike (no other script's digits, which nothing of a file or an option reads)."""

DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
"""Dashes that look like the ASCII hyphen-minus a span or range is written with: the IME's full-width ``－`` and
small ``﹣``, the minus sign ``−``, and the hyphens and dashes of U+2010..U+2015 a word processor or web page turns a
hyphen into (``–``, ``—``)."""
SPAN_SLIPS = f"[~～〜{DASHES}至到]"
"""What a span of months is slipped with in place of its ASCII ``-`` (a regular expression's class): an IME's wave
dash (``1～6``), a dash's look-alike (``DASHES``) or the words 至 and 到; ``..`` beside it is the range's mark."""

EQUALS = "＝"
SEPARATORS = "，、"
"""A list's comma (``--variant``'s settings, ``--grid``'s drivers, ``--percentiles``)."""
BRACKETS = "［］【】"
FLOW_BRACKETS = "［］｛｝"
"""The brackets that open a list or a mapping written on one line, as an IME types them (``【】`` are a name's own
often enough, ``【测试】``, that they are not told in a file)."""
"""A channel's reference holds brackets (``acquisition[2]``), no dot."""
PATH_MARKS = "．。" + BRACKETS

_MOST_CHOSEN = 6
"""Marks (or kinds of mark) past which they are not chosen one by one: 63 readings at most."""


def ime_slip(text: str, marks: str, reads: Callable[[str], bool], names: Iterable[str] = ()) -> str | None:
    """``full-width '＝' (IME input): write 信息流.cpm=20`` for an option's ``text`` that ``reads`` refuses as
    written and takes with some of the ``marks`` it holds as their ASCII twins; None where it holds none, reads as
    written, or reads no way. ``names``, the file's names (channels, plans, ...): a mark inside one written in
    ``text`` is that name's own until no reading keeps it, so ``A，B.cpm，信息流.cpm`` for ``--grid`` keeps the first
    and ``信息流。测试。bid=20`` for ``--set`` the first ``。`` of a channel so called. Of the readings that keep as
    many names' marks, the one with the most marks as ASCII is told."""
    places = [place for place, char in enumerate(text) if char in marks]
    if not places or reads(text):
        return None
    owned = _inside_names(text, marks, names)
    for chosen in _choices(text, places, owned):
        fixed = "".join(ASCII_TWINS[char] if place in chosen else char for place, char in enumerate(text))
        if reads(fixed):
            return ime_hint((text[place] for place in sorted(chosen)), fixed)
    return None


def ime_hint(typed: Iterable[str], fixed: str) -> str:
    """The hint at the ``typed`` marks (each named once, in their order), with the text to write: ``ime_slip``'s
    words, for an option that works out the text to write itself."""
    listed = ", ".join(f"'{char}'" for char in dict.fromkeys(typed))
    return f"full-width {listed} (IME input): write {fixed.strip()}"


def _inside_names(text: str, marks: str, names: Iterable[str]) -> set[int]:
    """The places of ``text`` inside a name that holds one of ``marks``, wherever the name is written there."""
    inside: set[int] = set()
    for name in dict.fromkeys(names):
        if not any(char in marks for char in name):
            continue
        start = text.find(name)
        while start != -1:
            inside.update(range(start, start + len(name)))
            start = text.find(name, start + 1)
    return inside


def _choices(text: str, places: list[int], owned: set[int]) -> list[frozenset[int]]:
    """The sets of ``places`` to try as ASCII, in order: fewest inside a name (``owned``) first, then most. Each mark
    is chosen alone up to ``_MOST_CHOSEN`` of them; past it, the marks of one character on the same side of a name go
    together (a name written four times has its mark four times, as are the separators between them), and past that
    many such kinds, those inside names and those outside them."""
    units = [frozenset([place]) for place in places]
    if len(units) > _MOST_CHOSEN:
        kinds: dict[tuple[str, bool], set[int]] = {}
        for place in places:
            kinds.setdefault((text[place], place in owned), set()).add(place)
        units = [frozenset(kind) for kind in kinds.values()]
    if len(units) > _MOST_CHOSEN:
        units = [frozenset(side) for side in ({p for p in places if p not in owned}, owned.intersection(places)) if side]
    chosen = [frozenset().union(*combo) for count in range(len(units), 0, -1) for combo in combinations(units, count)]
    return sorted(chosen, key=lambda places_chosen: (len(places_chosen & owned), -len(places_chosen)))
