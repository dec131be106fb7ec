"""What a ``--set`` of one month of a by_month schedule moves besides that month (docs/formulas.md §14).

A schedule runs straight between its keys and holds its first and last key beyond them, so ``bid.by_month.6=30`` on
``{1: 10, 10: 28}`` makes month 6 a key: months 2-5 now ramp from 10 to 30 and 7-9 from 30 to 28, where they read 12
to 18 and 22 to 26. The setting keeps that meaning, the one the same key written in the file has (a what-if is the
file edited), and this warning says so: the months whose value moved besides those set, and, where the months around
them hold numbers a key writes exactly, the fewest keys that set the month alone (reader/schedule_keys.py: months next
to a month set, at the values they have now, on the schedule's line). Before, the months moved unsaid.

A warning, located at the setting, failing nothing; a schedule set whole (``bid={by_month: {...}}``) says what every
month is, so nothing is said of it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from aigc_roi.model.errors import ScenarioError
from aigc_roi.model.month_runs import months_phrase
from aigc_roi.model.scenario import ByMonth, Scenario
from aigc_roi.model.tree import branches
from aigc_roi.reader.schedule_keys import fewest_keys, moved_months, set_months
from aigc_roi.reader.yamltree import Node, find_node


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
        asked = set_months(before, after)
        moved = moved_months(before, after, range(1, months + 1))
        if not moved or setting.source is None:
            continue
        found.append(ScenarioError(setting.source, setting.line, setting.column, f"{path}.by_month",
                                   _message(path, asked, moved, fewest_keys(before, after, range(1, months + 1), months))))
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


def _message(path: str, asked: list[int], moved: list[int], keys: list[tuple[int, str]] | None) -> str:
    one = len(asked) == 1
    said = (f"{months_phrase(moved)} moved too: a by_month runs straight between its keys (docs/formulas.md §14), "
            f"and this sets the key{'' if one else 's'} at {months_phrase(asked)}")
    if not keys:
        return said
    settings = [f"{path}.by_month.{month}={value}" for month, value in keys]
    joined = settings[0] if len(settings) == 1 else f"{', '.join(settings[:-1])} and {settings[-1]}"
    return f"{said}; to set {'it' if one else 'them'} alone, also set {joined}"
