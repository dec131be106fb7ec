"""The known key a misspelt one was most likely meant as (spec §2: an error suggests the nearest known key).

difflib's ratio over the whole keys (0.6 or more) finds most slips, but not what people write as often: a key
in another case or without its underscore (``bymonth``, ``HorizonMonths``), and a key cut short or misspelt in
its first word (``horizen`` is 0.57 of ``horizon_months``). So a key that resembles none as written is compared
without case, underscores, hyphens or spaces, and then, from four letters on, with each known key's opening of
its own length (``horizen`` is 0.86 of ``horizon``), where a stricter 0.8 keeps a short word from matching the
start of every long key.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

CUTOFF = 0.6
"""difflib's ratio over the whole keys that suggests one."""
OPENING_CUTOFF = 0.8
"""The ratio to a known key's opening that suggests it."""
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
    return best if best is not None and scores[best] >= CUTOFF else None


def _plain(key: str) -> str:
    """``key`` without case, underscores, hyphens or spaces: ``By_Month`` and ``bymonth`` read alike."""
    return re.sub(r"[\s_\-]", "", key).casefold()
