"""The known key a misspelt one was most likely meant as (spec §2: an error suggests the nearest known key).

difflib's ratio over the whole keys (0.6 or more) finds most slips, but not what people write as often: a key
in another case or without its underscore (``bymonth``, ``HorizonMonths``), and a key cut short or misspelt in
its first word (``horizen`` is 0.57 of ``horizon_months``). So a key that resembles none as written is compared
without case, underscores, hyphens or spaces, and then, from four letters on, with each known key's opening of
its own length (``horizen`` is 0.86 of ``horizon``), where a stricter 0.8 keeps a short word from matching the
start of every long key. Last, a known key that abbreviates the key written, as people shorten a word, is that key:
``distribution`` is ``dist`` (0.5 as spelt), ``standard_deviation`` is ``sd``.

A key one slip from a key of its own level (``month`` for ``months``, ``cost`` for ``costs``: a letter added or
dropped, two swapped) is that key, though another level has the key as written (a milestone's ``month``, a flat
channel's ``cost``): ``close_key`` finds it before reader/key_places.py is asked where the key belongs.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

CUTOFF = 0.6
"""difflib's ratio over the whole keys that suggests one."""
OPENING_CUTOFF = 0.8
"""The ratio to a known key's opening that suggests it."""
SLIP_LETTERS = 3
"""The shortest key one slip may be of: ``bid`` and ``bio``, not ``a`` and ``b``."""
OPENING_LETTERS = 4
"""The shortest slip compared with openings: ``ret`` opens too many words to mean one."""


def nearest_key(written: str, known: Iterable[str]) -> str | None:
    """The key of ``known`` that ``written`` was meant as; None when it resembles none."""
    keys = sorted(known)
    close = difflib.get_close_matches(written, keys, n=1, cutoff=CUTOFF)
    if close:
        return close[0]
    plain = _plain(written)
    if not plain:
        return None
    plains = {key: _plain(key) for key in keys}
    same = [key for key in keys if plains[key] == plain]
    if same:
        return same[0]
    scores = {key: difflib.SequenceMatcher(None, plain, other).ratio() for key, other in plains.items()}
    if len(plain) >= OPENING_LETTERS:
        for key, other in plains.items():
            opening = difflib.SequenceMatcher(None, plain, other[:len(plain)]).ratio() if len(other) > len(plain) else 0.0
            if opening >= OPENING_CUTOFF:
                scores[key] = max(scores[key], opening)
    best = max(keys, key=lambda key: scores[key], default=None)
    if best is not None and scores[best] >= CUTOFF:
        return best
    # Last, as a key that abbreviates another's words may also be spelt near a third, which the rules above find.
    short = [key for key in keys if _abbreviates(plains[key], written)]
    return short[0] if len(short) == 1 else None


def close_key(written: str, known: Iterable[str]) -> str | None:
    """The key of ``known`` that ``written`` is one slip of: the same but for case, underscores, hyphens and spaces,
    or one letter added or dropped (``month``, ``months``), or two neighbours swapped; None for none, or for several.
    A letter changed is no such slip: ``posts`` is a kol channel's, not ``costs`` misspelt."""
    plain = _plain(written)
    close = [key for key in sorted(known) if _one_slip(plain, _plain(key))]
    return close[0] if len(close) == 1 else None


def _one_slip(written: str, key: str) -> bool:
    if written == key:
        return bool(written)
    if min(len(written), len(key)) < SLIP_LETTERS:
        return False
    if len(written) == len(key):
        differ = [i for i, (ours, theirs) in enumerate(zip(written, key, strict=True)) if ours != theirs]
        return (len(differ) == 2 and differ[1] == differ[0] + 1
                and written[differ[0]] == key[differ[1]] and written[differ[1]] == key[differ[0]])
    shorter, longer = sorted((written, key), key=len)
    return len(longer) == len(shorter) + 1 and any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))


def _abbreviates(key: str, written: str) -> bool:
    """Whether ``key`` (plain) is ``written`` abbreviated as people shorten a word: its first word cut short, of
    ``SLIP_LETTERS`` or more (``dist`` of ``distribution``), or the initials of its words (``sd`` of
    ``standard_deviation``, ``ctr`` of ``click_through_rate``). A key that is a whole first word (``cost`` of
    ``cost_per_click``) is none: the words after it may change its meaning."""
    words = [word.casefold() for word in re.findall(r"[A-Z]?[^\s_\-A-Z]+|[A-Z]+(?![^\s_\-A-Z])", written)]
    if not words:
        return False
    cut = len(key) >= SLIP_LETTERS and len(words[0]) > len(key) and words[0].startswith(key)
    return cut or (len(words) > 1 and "".join(word[0] for word in words) == key)


def _plain(key: str) -> str:
    """``key`` without case, underscores, hyphens or spaces: ``By_Month`` and ``bymonth`` read alike."""
    return re.sub(r"[\s_\-]", "", key).casefold()
