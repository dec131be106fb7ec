"""What a ``--set`` of one month of a by_month schedule moves besides that month (docs/formulas.md §14).

A schedule runs straight between its keys and holds its first and last key beyond them, so ``bid.by_month.6=30`` on
``{1: 10, 10: 28}`` makes month 6 a key: months 2-5 now ramp from 10 to 30 and 7-9 from 30 to 28, where they read 12
to 18 and 22 to 26. The setting keeps that meaning, the one the same key written in the file has (a what-if is the
file edited), and this warning says so: the months whose value moved besides those set, and, where the months around
them hold numbers a key writes exactly, the keys that set the month alone (each month next to a month set, at the value
it has now: on the schedule's line, they leave every other month where it was). Before, the months moved unsaid.

A warning, located at the setting, failing nothing; a schedule set whole (``bid={by_month: {...}}``) says what every
month is, so nothing is said of it.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from fractions import Fraction
from typing import Any

from aigc_roi.model.errors import ScenarioError
from aigc_roi.model.month_runs import months_phrase
from aigc_roi.model.month_value import median_in
from aigc_roi.model.scenario import ByMonth, Scenario
from aigc_roi.model.tree import branches
from aigc_roi.reader.yamltree import Node, find_node

MOST_PLACES = 10
"""Decimals a key's value is written with at most: one that needs more (a third) is not offered as a key."""


def schedule_set_warnings(scenario: Scenario, written: Scenario, tree: Node) -> tuple[ScenarioError, ...]:
    """A warning for each schedule of ``scenario`` (read from ``tree``, the file with its ``--set`` options) that a
    ``--set`` gave a key of, where months it did not set moved from the file's schedule (``written``)."""
    found = []
    for path, before, after in _schedules(written, scenario, ""):
        node = find_node(tree, f"{path}.by_month")
        if node is None or node.kind != "map" or node.source is not None:
            continue  # set whole (or not a schedule the file wrote): every month is as the setting says
        setting = next((entry.value for entry in node.value.values() if entry.value.source is not None), None)
        if setting is None:
            continue
        months = scenario.horizon_months
        asked = [month for month, value in after.points if (month, value) not in before.points]
        moved = [month for month in range(1, months + 1)
                 if month not in asked and not _same(median_in(after, month), median_in(before, month))]
        if not moved or setting.source is None:
            continue
        found.append(ScenarioError(setting.source, setting.line, setting.column, f"{path}.by_month",
                                   _message(path, before, after, asked, moved, months)))
    return tuple(found)


def _schedules(before: Any, after: Any, path: str) -> Iterator[tuple[str, ByMonth, ByMonth]]:
    """Each field's path with its schedule in ``before`` and in ``after``, where both write it by month and differ;
    the two walked together while their shapes agree (a --set may replace a list or an item whole)."""
    if isinstance(after, ByMonth):
        if isinstance(before, ByMonth) and before != after:
            yield path, before, after
        return
    theirs, ours = branches(before), branches(after)
    if theirs is None or ours is None or type(before) is not type(after) or len(theirs) != len(ours):
        return
    for (key, old), (other, new) in zip(theirs, ours, strict=True):
        if key == other:
            yield from _schedules(old, new, f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}" if path else key)


def _message(path: str, before: ByMonth, after: ByMonth, asked: list[int], moved: list[int], months: int) -> str:
    keys = _keys(before, after, asked, months)
    one = len(asked) == 1
    said = (f"{months_phrase(moved)} moved too: a by_month runs straight between its keys (docs/formulas.md §14), "
            f"and this sets the key{'' if one else 's'} at {months_phrase(asked)}")
    if keys is None:
        return said
    settings = [f"{path}.by_month.{month}={value}" for month, value in keys]
    joined = settings[0] if len(settings) == 1 else f"{', '.join(settings[:-1])} and {settings[-1]}"
    return f"{said}; to set {'it' if one else 'them'} alone, also set {joined}"


def _keys(before: ByMonth, after: ByMonth, asked: list[int], months: int) -> list[tuple[int, str]] | None:
    """Each month next to a month set that is no key, with its value in ``before`` written exactly, which as keys of
    ``after`` leave every month but those set as ``before`` has it; None where some such value is no number (a range,
    or a blend of ranges) or no decimal of at most ``MOST_PLACES`` places."""
    given = {month for month, _ in after.points}
    around = sorted({month for asked_month in asked for month in (asked_month - 1, asked_month + 1)
                     if 1 <= month <= months and month not in given})
    keys = []
    for month in around:
        value = _exact(before, month)
        if value is None:
            return None
        keys.append((month, value))
    kept = ByMonth(tuple(sorted([*after.points, *((month, float(value)) for month, value in keys)])))
    if any(not _same(median_in(kept, month), median_in(before, month)) for month in range(1, months + 1)
           if month not in asked):
        return None  # as a check: the keys hold every other month only where the schedule is numbers
    return keys


def _same(first: float, second: float) -> bool:
    """Whether two interpolations are one value: the same line through other keys may differ in its last bit (a key
    set where the schedule already was, bid.by_month.6=20 on {1: 10, 10: 28}, moves nothing)."""
    return math.isclose(first, second, rel_tol=1e-12, abs_tol=1e-12)


def _exact(schedule: ByMonth, month: int) -> str | None:
    """``schedule``'s value in ``month`` as the decimal that writes it, from its numbers as they read (0.1, not the
    float nearest it); None where a point around it is a range or the value needs more than ``MOST_PLACES`` places."""
    given = [given_month for given_month, _ in schedule.points]
    exact = [Fraction(repr(float(value))) for _, value in schedule.points if isinstance(value, float | int)]
    if len(exact) < len(given):
        return None
    if month <= given[0] or month >= given[-1]:
        value = exact[0 if month <= given[0] else -1]
    else:
        j = max(i for i, given_month in enumerate(given) if given_month <= month)
        value = exact[j] + (exact[j + 1] - exact[j]) * Fraction(month - given[j], given[j + 1] - given[j])
    scaled = value * 10 ** MOST_PLACES
    if scaled.denominator != 1:
        return None
    text = f"{abs(scaled.numerator) // 10 ** MOST_PLACES}.{abs(scaled.numerator) % 10 ** MOST_PLACES:0{MOST_PLACES}d}"
    text = text.rstrip("0").rstrip(".")
    return f"-{text}" if value < 0 else text
