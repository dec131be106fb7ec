"""Which months of a schedule a ``--set`` of some of its keys moved, and the fewest keys that set those alone
(docs/formulas.md §14), in exact arithmetic.

A month's value is a blend of the two keys around it (the first or last key beyond them). Written as a number plus
shares of the ranges the keys hold, each range named by the month that gives it (its draws follow that key: model/
range_streams.py), two months compare exactly: ``bid.by_month.6=20`` on ``{1: 10, 10: 28}``, where the line already
was, moves nothing, and no rounding of floats says otherwise. A key's number is the decimal the file wrote (0.1, not
the float nearest it).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from fractions import Fraction

from aigc_roi.model.scenario import ByMonth, Distribution

MOST_PLACES = 10
"""Decimals a key's value is written with at most: one that needs more (a third) is not offered as a key."""

Terms = dict[object, Fraction]
"""A month's value: the number under ``None`` and, under ``(month, range)``, the share of the range given at month."""
Points = list[tuple[int, Terms]]


def set_months(before: ByMonth, after: ByMonth) -> list[int]:
    """The months whose key ``after`` gives and ``before`` does not give so: the keys the settings wrote."""
    return [month for month, value in after.points if (month, value) not in before.points]


def moved_months(before: ByMonth, after: ByMonth, read: Iterable[int]) -> list[int]:
    """The months of ``read`` (those whose value is used) not set whose value ``after`` changed."""
    asked, old, new = set_months(before, after), _points(before), _points(after)
    return [month for month in read if month not in asked and _at(new, month) != _at(old, month)]


def fewest_keys(before: ByMonth, after: ByMonth, read: Sequence[int], horizon: int) -> list[tuple[int, str]] | None:
    """The fewest months next to a month set, each keyed at its value in ``before`` (as the decimal that writes it),
    that added to ``after`` leave every month of ``read`` not set as ``before`` has it; None where one of them is no
    number a decimal of at most ``MOST_PLACES`` places writes (a third, or a month beside a range).

    Each is a month next to a key set that is no key: keyed so, the months up to the next key lie on ``before``'s
    line again. One is dropped where the others keep every month without it (a key set where the line already was,
    ``by_month.5=18`` beside ``by_month.6=30`` on ``{1: 10, 10: 28}``, needs no month 4), or where the months it
    would keep are not read (past a channel's last month). Keys on separate stretches do not touch, and on one
    stretch either suffices only where the other end moved nothing, so dropping them one at a time leaves the fewest.
    """
    asked = set_months(before, after)
    old, new = _points(before), _points(after)
    given = {month for month, _ in new}
    candidates = sorted({month for set_month in asked for month in (set_month - 1, set_month + 1)
                         if 1 <= month <= horizon and month not in given})
    kept = [month for month in read if month not in asked]

    def keeps(months: list[int]) -> bool:
        keyed = sorted([*new, *((month, _at(old, month)) for month in months)], key=lambda point: point[0])
        return all(_at(keyed, month) == _at(old, month) for month in kept)

    if not keeps(candidates):
        return None  # as a check: keys on the old line always keep it
    keys = list(candidates)
    for month in candidates:
        if keeps([other for other in keys if other != month]):
            keys.remove(month)
    written = [(month, _decimal(_at(old, month))) for month in keys]
    return None if any(text is None for _, text in written) else [(month, text) for month, text in written if text]


def _points(schedule: ByMonth) -> Points:
    return [(month, {(month, value): Fraction(1)} if isinstance(value, Distribution)
             else {None: Fraction(repr(float(value)))}) for month, value in schedule.points]


def _at(points: Points, month: int) -> Terms:
    """The value of ``month`` on the schedule of ``points`` (docs/formulas.md §14), its zero shares dropped."""
    given = [key for key, _ in points]
    if month <= given[0]:
        return _nonzero(points[0][1])
    if month >= given[-1]:
        return _nonzero(points[-1][1])
    j = bisect_right(given, month) - 1
    share = Fraction(month - given[j], given[j + 1] - given[j])
    blended: Terms = {}
    for terms, weight in ((points[j][1], 1 - share), (points[j + 1][1], share)):
        for name, amount in terms.items():
            blended[name] = blended.get(name, Fraction(0)) + weight * amount
    return _nonzero(blended)


def _nonzero(terms: Terms) -> Terms:
    return {name: amount for name, amount in terms.items() if amount != 0}


def _decimal(terms: Terms) -> str | None:
    """The decimal that writes ``terms`` where it is a number of at most ``MOST_PLACES`` places; None otherwise."""
    if set(terms) - {None}:
        return None  # a share of a range: no number
    value = terms.get(None, Fraction(0))
    scaled = value * 10 ** MOST_PLACES
    if scaled.denominator != 1:
        return None
    whole, part = divmod(abs(scaled.numerator), 10 ** MOST_PLACES)
    text = f"{whole}.{part:0{MOST_PLACES}d}".rstrip("0").rstrip(".")
    return f"-{text}" if value < 0 else text
