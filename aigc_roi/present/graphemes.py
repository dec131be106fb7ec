"""What a reader sees as one character (a grapheme cluster), so that a name is shortened only between two of them.

A cut by code point left a family emoji ending in a zero-width joiner, a flag as one regional-indicator letter and
an "é" written e + U+0301 without its accent. This is a small part of Unicode's segmentation (UAX #29), without the
``regex`` module: combining and spacing marks, zero-width joiner sequences of pictographs, variation selectors,
emoji modifiers, tag sequences and regional-indicator pairs. Hangul is taken as precomposed syllables.
"""

from __future__ import annotations

from unicodedata import category, east_asian_width

ZWJ = "\u200d"


def _extends(char: str) -> bool:
    """Whether ``char`` belongs to the character before it: a mark, a joiner, a variation selector (FE00–FE0F and
    the supplement's E0100–E01EF), an emoji modifier (skin tone 1F3FB–1F3FF) or a tag (E0020–E007F, a subdivision
    flag's letters)."""
    code = ord(char)
    return (category(char) in ("Mn", "Me", "Mc") or char == ZWJ or 0xFE00 <= code <= 0xFE0F
            or 0x1F3FB <= code <= 0x1F3FF or 0xE0020 <= code <= 0xE007F or 0xE0100 <= code <= 0xE01EF)


def _regional(char: str) -> bool:
    return 0x1F1E6 <= ord(char) <= 0x1F1FF


def _pictograph(char: str) -> bool:
    """Close to Unicode's Extended_Pictographic, which ``unicodedata`` lacks: a symbol (So), as every emoji a
    zero-width joiner may join is, or any character of the emoji blocks."""
    return category(char) == "So" or 0x1F000 <= ord(char) <= 0x1FAFF


def clusters(text: str) -> list[str]:
    """``text`` as its grapheme clusters, in order; joined they are ``text``."""
    out: list[str] = []
    for char in text:
        last = out[-1] if out else ""
        joins = last and (
            _extends(char)
            or (last[-1] == ZWJ and _pictograph(char) and _pictograph(last[0]))
            # A flag is two regional indicators: the third starts the next flag.
            or (_regional(char) and _regional(last[-1]) and len(last) == 1)
            or (last == "\r" and char == "\n"))
        if joins:
            out[-1] += char
        else:
            out.append(char)
    return out


def zero_width(char: str) -> bool:
    """A character that takes no room of its own: a mark that sits on another, a joiner or other format
    character (Cf: ZWJ, ZWSP, a direction mark), a variation selector."""
    return category(char) in ("Mn", "Me", "Cf") or 0xFE00 <= ord(char) <= 0xFE0F or 0xE0100 <= ord(char) <= 0xE01EF


def wide(cluster: str) -> bool:
    """Whether ``cluster`` is drawn one em wide, as a CJK character is: an East Asian wide or full-width base, an emoji
    (a pictograph made emoji by U+FE0F, a skin tone or a joiner sequence) or a flag (regional indicators)."""
    base = cluster[0]
    return (east_asian_width(base) in ("W", "F") or _regional(base)
            or (_pictograph(base) and any(char == "\ufe0f" or char == ZWJ or 0x1F3FB <= ord(char) <= 0x1F3FF
                                          for char in cluster[1:])))


def cut(text: str, limit: int) -> str:
    """The longest start of ``text`` of whole clusters and at most ``limit`` code points."""
    kept = 0
    for cluster in clusters(text):
        if kept + len(cluster) > limit:
            break
        kept += len(cluster)
    return text[:kept]
