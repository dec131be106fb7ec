"""Punctuation a Chinese input method types where an option's text wants ASCII: ``信息流.cpm＝20`` (``--set``,
``--variant``), a ``--variant`` label ended by ``：`` or its settings separated by ``，`` or ``、`` (as ``--grid``'s
drivers and ``--percentiles``), ``subscribers＠6=1000`` (``--reach``), ``信息流＝20万`` (``--min``, ``--max``,
``--map``), a path's ``。`` and ``【】``. Every option tells it by ``ime_slip``, in the words ``--set`` has always told
its ``＝`` in: the character, and the text to write instead.

Such a mark may be a name's own (a channel called ``A，B`` is written ``A，B.cpm``), so a text is told of one only
where it does not read as written (its shape, and each path or channel it holds naming one of the file's, as its
option reads them: ``reads``) and does with its marks as their ASCII twins."""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations

ASCII_TWINS = {"＝": "=", "：": ":", "，": ",", "、": ",", "＠": "@",
               "．": ".", "。": ".", "［": "[", "］": "]", "【": "[", "】": "]"}
"""Each mark, as the ASCII character the option's syntax has: ``、``, the comma that lists things in Chinese, is a
comma too."""

EQUALS = "＝"
SEPARATORS = "，、"
"""A list's comma (``--variant``'s settings, ``--grid``'s drivers, ``--percentiles``)."""
BRACKETS = "［］【】"
"""A channel's reference holds brackets (``acquisition[2]``), no dot."""
PATH_MARKS = "．。" + BRACKETS

_MOST_CHOSEN = 6
"""Marks past which only all of them are tried as ASCII, not each choice of them: 63 readings at most."""


def ime_slip(text: str, marks: str, reads: Callable[[str], bool]) -> str | None:
    """``full-width '＝' (IME input): write 信息流.cpm=20`` for an option's ``text`` that ``reads`` refuses as
    written and takes with the ``marks`` it holds as their ASCII twins: all of them, else the most that make it read
    (a name's own mark stays, as ``A，B.cpm，信息流.cpm`` for ``--grid`` keeps the first); None where it holds none,
    reads as written, or reads no way."""
    places = [place for place, char in enumerate(text) if char in marks]
    if not places or reads(text):
        return None
    choices = [tuple(places)] if len(places) > _MOST_CHOSEN else \
        [chosen for count in range(len(places), 0, -1) for chosen in combinations(places, count)]
    for chosen in choices:
        fixed = "".join(ASCII_TWINS[char] if place in chosen else char for place, char in enumerate(text))
        if reads(fixed):
            typed = ", ".join(f"'{char}'" for char in dict.fromkeys(text[place] for place in chosen))
            return f"full-width {typed} (IME input): write {fixed.strip()}"
    return None
