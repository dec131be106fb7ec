"""The ad platforms' words for a price that the format has under another name, and what each is written as.

A channel is ``cpa``, ``cpm``, ``kol`` or ``flat`` (spec §3), priced by a ``bid`` per user, a ``cpm`` per 1,000
impressions, a ``fee`` per post or a ``cost`` a month. The consoles also price per click and per install, and call
the price per user a CPA or a CAC. Such a word, written as a channel's ``type`` or as a key of it, is spelt near a
type or key it is not (``cpc`` is ``cpa`` and ``cpm`` to difflib, 0.67): following that reads a price per click as a
price per user or per 1,000 impressions. So each is told the field that holds its price and how to convert it: a
click costing cpc, with ctr clicks an impression and cvr users a click, makes cpm = cpc x ctr x 1000 and a user cost
cpc / cvr (spec §3: users = impressions x ctr x cvr). Words no channel converts to honestly are left to the spelling
rule: a cost per view (``cpv``), per lead (``cpl``), per sale (``cps``).
"""

from __future__ import annotations

_PER_USER = "a cost per user is a cpa channel's bid"

PRICE_WORDS: dict[str, tuple[str, str]] = {
    "cpc": ("cpm", "a cost per click is no channel type or field: a cpm channel's cpm is cpc x ctr x 1000, "
                   "a cpa channel's bid is cpc / cvr"),
    "cpi": ("cpa", "a cost per install is a cost per user: a cpa channel's bid"),
    "cpa": ("cpa", _PER_USER),
    "cac": ("cpa", _PER_USER),
}
"""A price's word, as compared in lower case -> the channel type that holds its price, and the hint."""


def price_word_hint(key: str) -> str | None:
    """What a channel's key that is a price's word (``cpc:``, ``cac:``) is told in place of a near spelling; None for
    any other key."""
    _, hint = PRICE_WORDS.get(key.strip().lower(), ("", None))
    return hint
