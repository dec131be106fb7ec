"""The known key a misspelt one was most likely meant as (spec §2: an error suggests the nearest known key).

A known key one of whose words is an abbreviation the format uses (``SPELLED_OUT``), written with that word spelt
out, is that key, before any other rule: ``distribution`` is ``dist`` (0.5 as spelt), ``standard_deviation`` is
``sd``, ``max_customer_acquisition_cost`` is ``max_cac``, ``conversion_rate`` is ``cvr`` (difflib's 0.77 of
``conversion_index``). Only these spellings: a rule that read any word's opening or any words' initials as an
abbreviation offered ``fee`` for ``feedback``, ``start`` for ``startup_costs`` and, on a cpm channel, ``cpm`` for
``cost_per_month``, a valid plan that reads a monthly cost as a price per 1,000 impressions.

A key that opens exactly one known key (its first three letters or more, without case or separators) is that key,
before difflib, which reads ``ret`` as ``targets`` (0.6) at the top level, where ``ret`` opens ``retention`` alone
(``acq`` ``acquisition``, ``mon`` ``monetization``). The opening of two keys names neither (``ser`` opens both serving
costs), nor is a shorter one read (``re`` opens too many words to mean one), nor an abbreviation the format uses
(``SPELLED_OUT``), which is a word of its own: ``ltv`` is no opening of ``ltv_months``, the months an LTV is counted
over, not an LTV.

Else difflib's ratio over the whole keys (0.6 or more) finds most slips, but not what people write as often: a key
in another case or without its underscore (``bymonth``, ``HorizonMonths``), and a key cut short or misspelt in
its first word (``horizen`` is 0.57 of ``horizon_months``). So a key that resembles none as written is compared
without case, underscores, hyphens or spaces, and then, from four letters on, with each known key's opening of
its own length (``horizen`` is 0.86 of ``horizon``), where a stricter 0.8 keeps a short word from matching the
start of every long key.

A key one slip from a key of its own level (``month`` for ``months``, ``cost`` for ``costs``: a letter added or
dropped, two swapped) is that key, though another level has the key as written (a milestone's ``month``, a flat
channel's ``cost``): ``close_key`` finds it before reader/key_places.py is asked where the key belongs.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable

CUTOFF = 0.6
"""difflib's ratio over the whole keys that suggests one."""
OPENING_CUTOFF = 0.8
"""The ratio to a known key's opening that suggests it."""
SLIP_LETTERS = 3
"""The shortest key one slip may be of: ``bid`` and ``bio``, not ``a`` and ``b``."""
OPENING_LETTERS = 4
"""The shortest slip compared with openings by difflib's ratio: ``rte`` is 0.67 of ``ret`` and of ``rat``, too
near too many openings to mean one (a key that is an opening exactly names it from 3 letters: ``SLIP_LETTERS``)."""
SPELLED_OUT = {
    "dist": ("distribution",),
    "sd": ("standard deviation", "std dev", "stdev", "standard dev"),
    "cpm": ("cost per mille", "cost per thousand", "cost per thousand impressions", "cost per mille impressions"),
    "ctr": ("click through rate", "clickthrough rate", "click rate"),
    "cvr": ("conversion rate",),
    "ltv": ("lifetime value", "life time value"),
    "cac": ("customer acquisition cost",),
    "roas": ("return on ad spend",),
    "roi": ("return on investment",),
    "npv": ("net present value",),
    "max": ("maximum",),
    "min": ("minimum",),
}
"""The abbreviations the format's keys use (as words of a key: ``sd``, ``max_cac``), each with the forms people
write it in full; compared without case, underscores, hyphens or spaces."""


def nearest_key(written: str, known: Iterable[str]) -> str | None:
    """The key of ``known`` that ``written`` was meant as; None when it resembles none."""
    return _nearest_key(written, tuple(sorted(known)))


@functools.lru_cache(maxsize=4096)
def _nearest_key(written: str, keys: tuple[str, ...]) -> str | None:
    # Kept: a value's mapping forms (reader/value_forms.py) ask it of every key of every valid range, the same few
    # keys in every file, and difflib's ratios were a fifth of `validate`'s time over 5,000 files.
    plain = _plain(written)
    # First: a spelling out is exact, where difflib reads conversion_rate as conversion_index (0.77), not cvr.
    spelt = [key for key in keys if plain in _spelled_out(key)]
    if len(spelt) == 1:
        return spelt[0]
    opened = _opened(plain, keys)
    if opened is not None:
        return opened
    close = difflib.get_close_matches(written, keys, n=1, cutoff=CUTOFF)
    if close:
        return close[0]
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


def _opened(plain: str, keys: tuple[str, ...]) -> str | None:
    """The one key of ``keys`` that ``plain`` (of ``SLIP_LETTERS`` or more, no abbreviation) is the opening of; None
    for none or several."""
    if len(plain) < SLIP_LETTERS or plain in SPELLED_OUT:
        return None
    opened = [key for key in keys if _plain(key).startswith(plain)]
    return opened[0] if len(opened) == 1 else None


def close_key(written: str, known: Iterable[str]) -> str | None:
    """The key of ``known`` that ``written`` is one slip of: the same but for case, underscores, hyphens and spaces,
    or one letter added or dropped (``month``, ``months``), or two neighbours swapped; None for none, or for several.
    A letter changed is no such slip: ``posts`` is a kol channel's, not ``costs`` misspelt."""
    return _close_key(written, tuple(sorted(known)))


@functools.lru_cache(maxsize=4096)
def _close_key(written: str, keys: tuple[str, ...]) -> str | None:
    plain = _plain(written)
    close = [key for key in keys if _one_slip(plain, _plain(key))]
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


def _spelled_out(key: str) -> set[str]:
    """The forms of ``key`` (plain) with its words of ``SPELLED_OUT`` written in full, each in every way the table spells it, and
    at least one so written: ``max_cac`` is ``maxcustomeracquisitioncost`` and ``maximumcustomeracquisitioncost``."""
    forms = [""]
    for word in key.split("_"):
        forms = [form + _plain(spelt) for form in forms for spelt in (word, *SPELLED_OUT.get(word, ()))]
    return set(forms) - {_plain(key)}


def _plain(key: str) -> str:
    """``key`` without case, underscores, hyphens or spaces: ``By_Month`` and ``bymonth`` read alike."""
    return re.sub(r"[\s_\-]", "", key).casefold()
