"""Two numbers a message or a row compares ("X is above the limit Y"), written so that two different ones never
read as one.

Under zh an amount reads in 万 with one or two decimals and in English a budget reads whole, so 12,345.67 and
12,349.99 both read 1.23万, and 39,999.6 and 40,000 both 40,000: a refusal read "1.23万 exceeds 1.23万". Every
message and row that sets two compared numbers side by side writes them through ``told_apart`` (whatif/errors.py
``amount_texts`` for the what-ifs' refusals, present/messages_zh.py for their Chinese, present/ for its warnings);
a value beside the limit a file sets it (a target's, a milestone's, a gate's) through ``against_limit``, which
states the limit as written. Many values on one scale (a budget curve's budgets, in the report's chart and in
``allocate``'s tables) take one number of decimals, ``apart_places``. No I/O, no numpy, so ``validate`` may load it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TypeVar

from aigc_roi.model.rounding import SIGNIFICANT_DIGITS, value_places

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


RESOLUTION = 1e-3
"""Share of a span of values (a chart's x axis, a budget curve's budgets) within which two of them are one place on
it (a chart's pixel is about 1/600 of its axis): values further apart read apart (``apart_places``), nearer ones (a
solver's 2.0000001 beside the tick 2) need not."""


def apart_places(values: Sequence[float], span: float, places: int, write: Callable[[float, int], str]) -> int:
    """The decimals, ``places`` or more, at which no two of ``values`` more than RESOLUTION of ``span`` apart read
    alike as ``write`` (value, decimals) writes them: budgets 0.625 and 1.25 on a curve from 0 to 5 read 0.6 and 1.3,
    not both 1 (``told_apart`` for many values, each written once)."""
    ordered = sorted({value for value in values if math.isfinite(value)})
    apart = span * RESOLUTION

    def alike(decimals: int) -> bool:
        # Rounding keeps order, so values that read alike are neighbours.
        return any(high - low > apart and write(low, decimals) == write(high, decimals)
                   for low, high in zip(ordered, ordered[1:], strict=False))

    # Past 340 places every float64 reads as it is: the loop ends.
    while places < 340 and alike(places):
        places += 1
    return places


def kept_nonzero(write: Callable[[float, int], str], places: int) -> Callable[[float], str]:
    """``write`` (value, decimals) at ``places``, a value other than 0 that would read 0 at them with its first
    significant digits (model/rounding.py ``value_places``): a budget of 0.01 among whole amounts reads 0.010, not 0."""
    return lambda value: write(value, value_places(value, places))


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
