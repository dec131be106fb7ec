"""What a ``--set`` of a span of months as one key of a schedule written ``by_month`` (``bid.by_month.前3个月=25``
on ``{by_month: {1: 30, 6: 20}}``) offers instead: the file's own hint tells a file to write the span's two ends as
keys, a key already there to be written once and a key within the span to be dropped, but --set replaces a key
(``by_month.1=25`` sets key 1 anew) and cannot drop one. So each reading of the span is offered as the --set options
that write it: its two ends at the value asked and the months just around it at the values the schedule gives them
now, so that only the span's months move (docs/formulas.md §14: by_month runs linearly between its keys, holds its
first key back to month 1 and its last to the end; a key at a month the schedule already gives that value changes
no other month); where a key of the schedule lies within the span, the schedule set whole instead."""

from __future__ import annotations

import shlex
from decimal import Decimal, localcontext
from fractions import Fraction

from aigc_roi.reader.numbers import ValueProblem, number_decimal

WITHIN = "--set cannot drop a key within the span, so the schedule is set whole"
"""Said after the offers where one of them sets the schedule whole (a key of it lay within the span)."""


def left_to_key(month: int) -> str:
    """Said where the month just around a span takes a value no text writes, so its key is left to the user."""
    return (f"set key {month} too, at the value month {month} is to keep: the schedule gives it no one number there "
            "(a blend of two ranges, or a decimal without end)")


def span_sets(keys: dict[int, str], low: int, high: int, asked: str, horizon: int,
              field: str) -> tuple[str, bool, list[int]]:
    """The --set options that set months ``low`` to ``high`` of the schedule of ``field`` (``acquisition[D].bid``),
    whose keys are ``keys`` (month -> value as written), to ``asked``, whether they set the schedule whole, and the
    months around the span whose value no text writes (between two ranges, or a number with no finite decimal), left
    out of the options for the user to key (``left_to_key``)."""
    schedule = dict(keys)
    left: list[int] = []
    for month in (low - 1, high + 1):
        if 1 <= month <= horizon and month not in keys:
            value = value_at(keys, month)
            if value is None:
                left.append(month)
            else:
                schedule[month] = value
    within = [month for month in keys if low < month < high]
    for month in within:
        del schedule[month]
    schedule |= {low: asked, high: asked}
    if within:
        written = ", ".join(f"{month}: {schedule[month]}" for month in sorted(schedule))
        return f"--set {shlex.quote(f'{field}={{by_month: {{{written}}}}}')}", True, left
    changed = sorted(month for month in schedule if keys.get(month) != schedule[month])
    return " ".join(f"--set {shlex.quote(f'{field}.by_month.{month}={schedule[month]}')}" for month in changed), False, left


def value_at(keys: dict[int, str], month: int) -> str | None:
    """The value the schedule ``keys`` gives ``month`` (docs/formulas.md §14), as written where it is a key's own
    (held before the first key or after the last), else exactly between two numbers; None where it is no text."""
    months = sorted(keys)
    if month <= months[0]:
        return keys[months[0]]
    if month >= months[-1]:
        return keys[months[-1]]
    before = max(key for key in months if key <= month)
    after = min(key for key in months if key >= month)
    if before == after:
        return keys[before]
    low, high = _exact(keys[before]), _exact(keys[after])
    if low is None or high is None:
        return None  # a range at either key: the months between blend two draws, which no value writes
    return _decimal_text(low + (high - low) * Fraction(month - before, after - before))


def _exact(text: str) -> Fraction | None:
    try:
        return Fraction(number_decimal(text.strip()))
    except (ValueProblem, ValueError, ArithmeticError):
        return None


def _decimal_text(value: Fraction) -> str | None:
    """``value`` as a plain decimal, exactly, or None where it has no finite one (24 + 1/3)."""
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    if denominator != 1:
        return None
    with localcontext() as exact:
        exact.prec = 200  # a finite decimal, divided without rounding
        text = format(Decimal(value.numerator) / Decimal(value.denominator), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
