"""Two numbers a message or a row compares ("X is above the limit Y"), written so that two different ones never
read as one.

Under zh an amount reads in 万 with one or two decimals and in English a budget reads whole, so 12,345.67 and
12,349.99 both read 1.23万, and 39,999.6 and 40,000 both 40,000: a refusal read "1.23万 exceeds 1.23万". Every
message and row that sets two compared numbers side by side writes them through ``told_apart`` (whatif/errors.py
``amount_texts`` for the what-ifs' refusals, present/messages_zh.py for their Chinese, present/ for its warnings,
targets and gates); no I/O, no numpy, so ``validate`` may load it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

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
