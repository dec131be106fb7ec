"""What a person reads, written for a stream whose encoding lacks the symbols the outputs use (ASCII, a C locale,
Latin-1, a Windows code page): each symbol the encoding cannot write in a stand-in it can, ``≤`` as ``<=``, rather than
as its escape ``\\u2264``, which in ``\\u221220%`` reads as a number. Chinese has no stand-in: it is escaped
(``\\u6296``, as Python's ``backslashreplace`` writes it). A view is laid out in what is written, the stand-ins and
escapes themselves (``written``: present/console.py, and present/text.py ``visible`` for a name), so a table's rows
keep to its borders; a stream in UTF-8 or GB18030 writes every character as it is.
"""

from __future__ import annotations

import codecs
from functools import cache

MARKS = {
    "\u2605": "*", "\u25c6": "*", "\u25cf": "o", "\u25b2": "^", "\u26a0": "!", "\u2713": "ok", "\u2717": "x",
    # The daggers stand beside numbers (a grid's cell where a gate flips, 16.67% †; an actuals month, 2025-04‡) and
    # open the notes that explain them: as + and ++ they read as signs (16.67% +, +5.00 below it), so as ^ and ^^, a
    # footnote's mark in plain text that no number holds. * and ! are the marks ASCII writes already (now, a partial
    # month, a best value; a flagged one), # a chart's bar.
    "\u2020": "^", "\u2021": "^^",
}
"""Each mark beside a figure or a label and the ASCII that stands for it: none a character a number is written with
(a digit, a sign, a decimal or group mark, %), so a marked figure reads as the figure."""

STAND_INS = {
    # Signs and operators.
    "\u2212": "-", "\u2264": "<=", "\u2265": ">=", "\u00b1": "+/-", "\u00d7": "x", "\u00f7": "/", "\u2248": "~",
    "\u2260": "!=", "\u0394": "d", "\u00b2": "^2", "\u2192": "->", "\u2190": "<-",
    # Punctuation.
    "\u00b7": "-", "\u2026": "...", "\u2010": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00bb": ">>", "\u00a0": " ",
    # Charts: a bar's blocks, its shade, its axis and rules, the blank that pads it.
    "\u2588": "#", "\u2592": "+", "\u2502": "|", "\u2500": "-", "\u2800": " ",
    "\u2589": "#", "\u258a": "#", "\u258b": "#", "\u258c": "+", "\u258d": "+", "\u258e": "+", "\u258f": "+",
    "\u2581": "_", "\u2582": "_", "\u2583": "_", "\u2584": "=", "\u2585": "=", "\u2586": "=", "\u2587": "#",
    # The marks beside figures and labels.
    **MARKS,
}
"""Each symbol the outputs use and the ASCII that stands for it where a stream cannot write it."""


def for_encoding(text: str, encoding: str | None) -> str:
    """``text`` with each symbol ``encoding`` cannot write in its stand-in (``STAND_INS``); the rest as it is."""
    table = _table(_codec(encoding))
    return text.translate(table) if table else text


def written(text: str, encoding: str | None) -> str:
    """``text`` as a stream in ``encoding`` writes it for a person: each symbol it lacks in its stand-in
    (``for_encoding``), any other character it lacks as its escape (``\\u6296``, as Python's ``backslashreplace``)."""
    codec = _codec(encoding)
    shown = for_encoding(text, codec)
    return shown if encodes(shown, codec) else shown.encode(codec, "backslashreplace").decode(codec)


def rewrites(encoding: str | None) -> bool:
    """Whether ``written`` may change a text for ``encoding``: whether it lacks any character (ASCII, Latin-1, a
    Windows code page), as UTF-8 and GB18030 lack none."""
    return _codec(encoding) not in _WHOLE


_WHOLE = frozenset({"utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be",
                    "gb18030"})
"""The codecs that write every character."""


def _codec(encoding: str | None) -> str:
    try:
        return codecs.lookup(encoding or "utf-8").name
    except LookupError:
        return "utf-8"


@cache
def _table(codec: str) -> dict[int, str]:
    """The stand-ins of the symbols ``codec`` lacks: none for a UTF, all for ASCII, a few for Latin-1 (``−``, ``≤``)."""
    return {ord(symbol): stand_in for symbol, stand_in in STAND_INS.items() if not encodes(symbol, codec)}


def encodes(text: str, codec: str) -> bool:
    """Whether ``codec`` writes every character of ``text``."""
    try:
        text.encode(codec)
    except UnicodeEncodeError:
        return False
    return True
