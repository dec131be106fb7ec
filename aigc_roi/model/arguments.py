"""A library call's numbers held to the rules the CLI's options parse theirs by (cli/options.py, cli/allocate.py):
a count is a whole number within its bounds, a share lies in [0, 1], an amount obeys the size of a number
(docs/limits.md). Each refusal is one line, ``NAME: expected WHAT, found VALUE``, raised as the error the calling
function documents; the CLI words its options' refusals with the same ``expected`` phrases."""

from __future__ import annotations

import math
import numbers
from typing import TypeGuard

from aigc_roi.model.limits import MAX_MAGNITUDE, MAX_SEED, MIN_MAGNITUDE

SHARE = "a share in [0, 1]"


def whole_number_wording(low: float, high: float | None) -> str:
    """``a whole number from 1 to 10,000,000``, or ``a whole number >= 0`` without a ``high``; a seed's bound as the
    power it is short of (``2^128 - 1``), not its 39 digits."""
    if high is None:
        return f"a whole number >= {low:,}"
    return f"a whole number from {low:,} to {'2^128 - 1' if high == MAX_SEED else f'{high:,}'}"


def amount_fault(value: float, positive: bool) -> str | None:
    """What was expected of an amount of money that ``value`` is not (``an amount >= 0``, ``a positive amount``), or
    None: a file's size of a number, at most 1e15 and 0 or at least 1e-9, beyond which a search overflows or
    divides by a denormal."""
    if math.isnan(value) or value < 0 or (positive and value == 0):
        return "a positive amount" if positive else "an amount >= 0"
    if value > MAX_MAGNITUDE:
        return f"a number no larger than {MAX_MAGNITUDE:,.0f} (1e15)"
    if 0 < value < MIN_MAGNITUDE:
        # Where 0 is refused too, the smallest amount taken is the smallest size of a number.
        return f"a positive amount of at least {MIN_MAGNITUDE:g}" if positive else f"0 or a number of at least {MIN_MAGNITUDE:g} in size"
    return None


def whole_number(name: str, value: object, low: int, high: int | None, error: type[Exception]) -> int:
    """``value`` as an int: an int (numpy's too; never a bool, which is no count) from ``low`` to ``high``."""
    number = int(value) if _count(value) else None
    if number is None or number < low or (high is not None and number > high):
        raise error(f"{name}: expected {whole_number_wording(low, high)}, found {_found(value, count=True)}")
    return number


def samples_and_seed(samples: object, seed: object, fewest: int, most: int, error: type[Exception]) -> tuple[int, int]:
    """``samples`` a whole number from ``fewest`` to ``most`` and ``seed`` one from 0 to ``MAX_SEED``, as a command's
    ``--samples`` and ``--seed`` hold them (simulate's, allocate's, actuals'), each refused as ``whole_number`` refuses
    it."""
    return whole_number("samples", samples, fewest, most, error), whole_number("seed", seed, 0, MAX_SEED, error)


def number_within(name: str, value: object, expected: str, low: float, high: float, error: type[Exception],
                  above_low: bool = False) -> float:
    """``value`` as a float from ``low`` (above it with ``above_low``) to ``high``; ``expected`` words that."""
    number = float(value) if _number(value) else math.nan
    if math.isnan(number) or number > high or (number <= low if above_low else number < low):
        raise error(f"{name}: expected {expected}, found {_found(value)}")
    return number


def share(name: str, value: object, error: type[Exception]) -> float:
    """``value`` as a float in [0, 1]: a probability."""
    return number_within(name, value, SHARE, 0.0, 1.0, error)


def amount(name: str, value: object, error: type[Exception], positive: bool = False) -> float:
    """``value`` as an amount of money that ``amount_fault`` finds nothing wrong with."""
    number = float(value) if _number(value) else math.nan
    fault = amount_fault(number, positive)
    if fault is not None:
        raise error(f"{name}: expected {fault}, found {_found(value)}")
    return number


def _count(value: object) -> TypeGuard[numbers.Integral]:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def _number(value: object) -> TypeGuard[numbers.Real]:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _found(value: object, count: bool = False) -> str:
    """``value`` as a message shows it, with its type where it is not the kind of number expected (``10000.0
    (float)`` for a count, ``True (bool)``), so a value that reads as one is not taken for it."""
    if _count(value):
        return str(int(value))
    if _number(value) and not count:
        return repr(float(value))
    return f"{value!r} ({type(value).__name__})"
