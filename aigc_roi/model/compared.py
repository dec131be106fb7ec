"""Two numbers a message or a row compares ("X is above the limit Y"), written so that two different ones never
read as one.

Under zh an amount reads in 万 with one or two decimals and in English a budget reads whole, so 12,345.67 and
12,349.99 both read 1.23万, and 39,999.6 and 40,000 both 40,000: a refusal read "1.23万 exceeds 1.23万". Every
message and row that sets two compared numbers side by side writes them through ``told_apart`` (whatif/errors.py
``amount_texts`` for the what-ifs' refusals, present/messages_zh.py for their Chinese, present/ for its warnings);
a value beside the limit a file sets it (a target's, a milestone's, a gate's) through ``against_limit``, which
states the limit as written. No I/O, no numpy, so ``validate`` may load it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import TypeVar

from aigc_roi.model.rounding import SIGNIFICANT_DIGITS

Number = TypeVar("Number")
"""A number, or a number or None (a figure that is none reads as a dash, apart from any number)."""

MOST_EXTRA_DECIMALS = 12
"""How many decimals ``told_apart`` adds at most: past a relative 1e-9 (the targets' and gates' tolerance) on any
amount, and 亿's eight digits below the unit; two numbers closer than that keep their one text."""


def told_apart(show: Callable[[Number, int], str], first: Number, second: Number, decimals: int,
               show_second: Callable[[Number, int], str] | None = None) -> tuple[str, str]:
    """Two numbers a message or row compares ("X is above the limit Y"), as ``show`` writes each with ``decimals``,
    or with as many more as it takes for two different numbers to read differently: under zh 12,345.67 and
    12,349.99 read 1.2346万 and 1.2350万, not 1.23万 and 1.23万 (as if one exceeded itself). ``show_second`` writes
    ``second`` where it is written otherwise than ``first`` (a limit beside a chance, which is a share of samples)."""
    for places in range(decimals, decimals + MOST_EXTRA_DECIMALS + 1):
        texts = show(first, places), (show_second or show)(second, places)
        if texts[0] != texts[1] or first == second:
            break
    return texts


def against_limit(show: Callable[[float | None, int], str], value: float | None, limit: float, decimals: int,
                  at_least: bool, held: bool, show_value: Callable[[float | None, int], str] | None = None
                  ) -> tuple[str, str]:
    """A value and the limit a file holds it to, as ``show`` writes each (``100, must be >= 100.6``): the limit as
    the file states it, with the fewest decimals from ``decimals`` on that read it exactly (a milestone of 100.6
    users is no ``>= 101``: a limit rounded is another limit); the value with the fewest that read it on the side of
    that limit its verdict (``held``) says: a miss short of it (``at_least``) or past it, never as or beyond it (a
    roas of 0.996 missing 1 reads 0.996, not 1.00), a pass as or beyond it. ``show_value`` writes the value where it
    is written otherwise than the limit (a chance, a share of samples). A value shown as no number (never) takes
    ``decimals``."""
    exact = Decimal(f"{limit:.{SIGNIFICANT_DIGITS}g}")
    places = range(decimals, decimals + MOST_EXTRA_DECIMALS + 1)
    for place in places:
        limit_text = show(limit, place)
        if shown_number(limit_text) in (None, exact):
            break
    for place in places:
        text = (show_value or show)(value, place)
        shown = shown_number(text)
        if shown is None or (shown >= exact if at_least else shown <= exact) == held:
            break
    return text, limit_text


_SHOWN = re.compile(r"([+-]?[0-9][0-9,]*(?:\.[0-9]*)?)(%|万|亿)?")
_SHIFTS = {None: 0, "%": -2, "万": 4, "亿": 8}


def shown_number(text: str) -> Decimal | None:
    """The number ``text`` reads as, a figure as present/numbers.py writes it (``-1,199.996``, ``12.50%``,
    ``2.354万``); None for a text that is no number (``never``, a dash, ``> 1,000%``, ``<0.01%``)."""
    match = _SHOWN.fullmatch(text)
    return None if match is None else Decimal(match[1].replace(",", "")).scaleb(_SHIFTS[match[2]])
