"""A number with a fixed number of decimals, rounded half away from zero, as a spreadsheet shows it.

Python's formatting rounds the binary value to even: 1,012.5 reads 1,012 and 266.5 reads 266, where Excel's
``#,##0`` shows 1,013 and 267 and the CSV beside them says 1012.5. Every number a person reads (tables, markdown, the
report, messages, 万 and 亿) is rounded here instead, on its decimal text at 15 significant digits: the digits the
CSV writes and Excel keeps, so 2.675 (2.67499999999999982... in binary) reads 2.68 in every format, as a sum that
missed 1,012.5 by a few units in the last place (1,012.4999999999999) reads 1,013, the figure exact arithmetic gives
(docs/formulas.md §8). Pure Python, no numpy: messages of every layer may use it.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Context, Decimal

SIGNIFICANT_DIGITS = 15
"""The digits a number is read at before it is rounded: CSV's, and what Excel keeps of a float64."""
_CONTEXT = Context(prec=400, rounding=ROUND_HALF_UP)
"""Room for every float64 at any decimals shown (1.8e308 has 309 digits before the point); ROUND_HALF_UP is the
decimal module's half away from zero."""


def rounded(value: float, decimals: int) -> Decimal:
    """``value`` (finite) at ``decimals`` places (negative: tens, hundreds, ...), half away from zero, from its 15
    significant digits."""
    return Decimal(f"{value:.{SIGNIFICANT_DIGITS}g}").quantize(Decimal(1).scaleb(-decimals), context=_CONTEXT)


CROSSING_SLACK = 1e-8
"""How near (relative) a shown digit past a crossing (a break-even) may lie to be worth checking as the value shown
for it: the search reports one within a few 1e-9 on its good side (whatif/breakeven_search.py), so a crossing at
15.75 comes back as 15.7499999960625. Only a digit a run of the scenario shows to meet the threshold is shown
(whatif/shown_limits.py); a nearer one that only reads like it is not: at 1,139,947.66, 0.0012 past a payback
break-even of 1,139,947.6588, the plan never pays back (docs/formulas.md §10)."""


def beyond(value: float, decimals: int, up: bool) -> float | None:
    """The value at ``decimals`` places nearest ``value`` where it lies past it on the side ``rounded_toward`` does not
    round to (below for ``up``, above otherwise) within ``CROSSING_SLACK`` (relative); None where there is none: the
    digit a crossing a hair short of it would read, shown only where it is checked to meet the threshold."""
    if not math.isfinite(value):
        return None
    exact = Decimal(f"{value:.{SIGNIFICANT_DIGITS}g}")
    nearest = exact.quantize(Decimal(1).scaleb(-decimals), context=_CONTEXT)
    shown = float(nearest) + 0.0
    past = shown < value if up else shown > value
    return shown if past and abs(exact - nearest) <= Decimal(CROSSING_SLACK) * abs(exact) else None


def rounded_toward(value: float, decimals: int, up: bool, held: Collection[float] = ()) -> float:
    """``value`` at ``decimals`` places rounded up (toward +inf) or down, from its 15 significant digits; a NaN or
    infinity as it is. A limit a person copies is shown on the side where it holds, not half away from zero: a
    break-even price of 16.4217 reads 16.43 (at 16.42 the ROI is -0.01%), a max bid of 16.875 reads 16.87
    (docs/formulas.md §10). The nearest digit instead where it is one of ``held``, values a run showed to meet the
    threshold too: a solver's 15.7499999 is the crossing at 15.75, where a run meets the target, not 15.74."""
    if not math.isfinite(value):
        return value
    exact = Decimal(f"{value:.{SIGNIFICANT_DIGITS}g}")
    step = Decimal(1).scaleb(-decimals)
    nearest = float(exact.quantize(step, context=_CONTEXT)) + 0.0
    if nearest in held:
        return nearest
    return float(exact.quantize(step, rounding=ROUND_CEILING if up else ROUND_FLOOR, context=_CONTEXT)) + 0.0


LIMIT_SIGNIFICANT = 2
"""The significant digits a limit too small for its usual places is shown at (``limit_places``)."""


def limit_places(value: float, decimals: int, up: bool) -> int:
    """The places a limit (a break-even, a max unit cost) is shown at: ``decimals``, or more where
    ``rounded_toward`` would read a limit other than 0 as 0: its first ``LIMIT_SIGNIFICANT`` significant digits.
    A break-even bid of 0.004 reads 0.0039, not 0.00: no bid of 0 can be set beside a budget, and 0.00 says nothing
    of the limit (docs/formulas.md §10)."""
    if not math.isfinite(value) or value == 0 or rounded_toward(value, decimals, up) != 0:
        return decimals
    return significant_places(value)


def value_places(value: float, decimals: int) -> int:
    """The places a value that is no limit (a driver's current value) is shown at, rounded half away from zero:
    ``decimals``, or its first ``LIMIT_SIGNIFICANT`` significant digits where it would read 0 and is not, as a limit
    does (``limit_places``): a bid of 0.004 reads 0.0040, not 0.00 (docs/formulas.md §10)."""
    if not math.isfinite(value) or value == 0 or not rounded(value, decimals).is_zero():
        return decimals
    return significant_places(value)


def significant_places(value: float | Decimal) -> int:
    """The places of ``value``'s ``LIMIT_SIGNIFICANT``-th significant digit (``value`` finite, not 0), read on its
    15 significant digits: 0.0001 is at 4, where log10 of a float a hair below it would say 5."""
    exact = value if isinstance(value, Decimal) else Decimal(f"{value:.{SIGNIFICANT_DIGITS}g}")
    return LIMIT_SIGNIFICANT - 1 - exact.adjusted()


def fixed(value: float, decimals: int, *, separators: bool = False, plus: bool = False, shift: int = 0) -> str:
    """``value`` times 10^``shift`` (exact: 2 for a percentage) with ``decimals`` places, rounded half away from
    zero; ``separators``: thousands separated; ``plus``: a + on a positive number. A number that rounds to 0 at these
    places has no sign, neither - nor +: a sum's float noise (-2.8e-16) is no loss and no rise. A NaN or infinity
    reads as Python writes it (no output shows one: none is an em dash)."""
    spec = f"{'+' if plus else ''}{',' if separators else ''}.{decimals}f"
    if not math.isfinite(value):
        return format(value, spec)
    number = rounded(value, decimals + shift).scaleb(shift, context=_CONTEXT)
    if number.is_zero():
        return format(number.copy_abs(), spec.removeprefix("+"))
    return format(number, spec)


def apportioned(values: Sequence[float], total: Decimal, decimals: int) -> list[float]:
    """``values``, parts of about ``total`` (itself at ``decimals`` places), each at ``decimals`` places so that they
    add up to ``total`` exactly: each rounded down, then a unit of the last place to the parts with the largest
    remainders (largest-remainder rounding), a tie to the larger part and then to the first. Shares of -4/3, -5/6 and
    1/6 of a change of -2 read -1.3, -0.8 and +0.1, not -1.3, -0.8 and +0.2, which add up to -1.9."""
    if not values:
        return []
    unit = Decimal(1).scaleb(-decimals)
    exact = [Decimal(f"{value:.{SIGNIFICANT_DIGITS}g}") / unit for value in values]
    floors = [part.to_integral_value(rounding=ROUND_FLOOR) for part in exact]
    units = int(total / unit - sum(floors))
    order = sorted(range(len(values)), key=lambda i: (floors[i] - exact[i], -abs(exact[i]), i))
    step = 1 if units >= 0 else -1
    for k in range(abs(units)):
        # Units to take away come off the smallest remainders, last in the order.
        i = order[k % len(order)] if step > 0 else order[-1 - k % len(order)]
        floors[i] += step
    return [float((floor * unit).normalize(_CONTEXT)) + 0.0 for floor in floors]
