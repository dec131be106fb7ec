"""What a ``--set`` of one month of a by_month schedule moves besides that month (docs/formulas.md §14).

A schedule runs straight between its keys and holds its first and last key beyond them, so ``bid.by_month.6=30`` on
``{1: 10, 10: 28}`` makes month 6 a key: months 2-5 now ramp from 10 to 30 and 7-9 from 30 to 28, where they read 12
to 18 and 22 to 26. The setting keeps that meaning, the one the same key written in the file has (a what-if is the
file edited), and this warning says so: the months whose value moved besides those set, among the months the value is
read in (a channel's, an order's or a fixed cost's running months; every month for the others), and the fewest keys
that set the months alone (reader/schedule_keys.py). Before, the months moved unsaid.

A warning, failing nothing, located at the setting that wrote the keys, or at each where several did (a ``--set``
and a ``--variant``), with the schedule's path as the setting wrote it (``acquisition[Douyin CPA]``, as the refusal
of a month of a value written once keeps it). A schedule set whole (``bid={by_month: {...}}``) says what every month
is, so nothing is said of it; a month set into it by a later option is weighed against it as that option wrote it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from aigc_roi.model.errors import ScenarioError
from aigc_roi.model.month_runs import months_phrase
from aigc_roi.model.scenario import ByMonth, Months, Scenario
from aigc_roi.model.tree import branches
from aigc_roi.reader.kinds import BY_MONTH_KEY
from aigc_roi.reader.numbers import whole_number
from aigc_roi.reader.overrides import Override
from aigc_roi.reader.schedule_keys import fewest_keys, moved_months, set_months
from aigc_roi.reader.yamltree import Node, find_node


def schedule_set_warnings(scenario: Scenario, written: Scenario, tree: Node,
                          overrides: Sequence[Override] = ()) -> tuple[ScenarioError, ...]:
    """A warning for each schedule of ``scenario`` (read from ``tree``, the file with ``overrides`` applied) that a
    setting gave a key of, where months it did not set and the value is read in moved from the file's schedule
    (``written``)."""
    spelled = {override.named: override.path for override in overrides}
    found = []
    for path, before, after, running, runner in _schedules(written, scenario, "", None, ""):
        node = find_node(tree, f"{path}.{BY_MONTH_KEY}")
        if node is None or node.kind != "map":
            continue  # not a schedule written by month
        asked = set_months(before, after)
        sources = list(dict.fromkeys(entry.value.source for key, entry in node.value.items()
                                     if entry.value.source is not None and whole_number(key) in (*asked, None)))
        horizon = scenario.horizon_months
        read = sorted({month for month in running or range(1, horizon + 1) if 1 <= month <= horizon})
        moved = moved_months(before, after, read)
        unread = [month for month in asked if month not in read]
        if not sources or not moved and not unread:
            continue
        shown = _as_written(spelled.get(sources[0]), path)
        several = len(sources) > 1
        # A schedule an option set whole is weighed as it wrote it (reader/load.py ``_set_whole``): say which.
        whole = node.source if node.source is not None and node.source not in sources else None
        if not unread:
            message = _message(shown, asked, moved, fewest_keys(before, after, read, horizon), several, whole=whole)
        else:
            # A month past the horizon is refused as read: a month not read is outside an item's running months.
            where = f"{_item(shown, path, runner)} runs in {months_phrase(read)}"
            message = _unread(shown, asked, unread, moved, where, several,
                              # Keys only for a month set that is read: with none, keys keeping the months read as
                              # written would make the setting change nothing, unsaid.
                              fewest_keys(before, after, read, horizon) if len(unread) < len(asked) else None, whole)
        found.append(ScenarioError(", ".join(sources), 1, 1, f"{shown}.{BY_MONTH_KEY}", message))
    return tuple(found)


def _item(shown: str, path: str, runner: str) -> str:
    """The item whose months the value at ``path`` is read in (``runner``), as ``shown`` writes it: ``Douyin CPA``
    of ``Douyin CPA.bid``, where the file's path is ``acquisition[0].bid``."""
    tail = path[len(runner):]
    return shown[:-len(tail)] if tail and shown.endswith(tail) and len(shown) > len(tail) else runner


def _as_written(setting: str | None, path: str) -> str:
    """The schedule's path as ``setting`` (the path of the option that set it) writes it, up to its by_month:
    ``acquisition[Douyin CPA].bid``, ``Douyin CPA.bid`` or ``Feed.bid`` where the file's path is ``acquisition[0].bid``;
    the text as typed, which the reader took (a name with spaces or in Chinese is no segment ``split_path`` reads)."""
    end = setting.rfind(f".{BY_MONTH_KEY}") if setting is not None else -1
    return setting[:end].strip() if setting is not None and end > 0 else path


def _schedules(before: Any, after: Any, path: str, running: Months,
               runner: str) -> Iterator[tuple[str, ByMonth, ByMonth, Months, str]]:
    """Each field's path with its schedule in ``before`` and in ``after``, where both write it by month and differ,
    the months its item runs in (None: every month) and that item's path; the two walked together while their shapes
    agree (a --set may replace a list or an item whole)."""
    if isinstance(after, ByMonth):
        if isinstance(before, ByMonth) and before != after:
            yield path, before, after, running, runner
        return
    theirs, ours = branches(before), branches(after)
    if theirs is None or ours is None or type(before) is not type(after) or len(theirs) != len(ours):
        return
    own = getattr(after, "months", running)
    if hasattr(after, "months") and (own is None or isinstance(own, tuple)):
        running, runner = own, path  # an item with months of its own (a channel's, an order's, a fixed cost's)
    for (key, old), (other, new) in zip(theirs, ours, strict=True):
        if key == other:
            inner = f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}" if path else key
            yield from _schedules(old, new, inner, running, runner)


def _message(path: str, asked: list[int], moved: list[int], keys: list[tuple[int, str]] | None, several: bool,
             alone: list[int] | None = None, whole: str | None = None) -> str:
    """The months ``moved`` besides those ``asked`` (from the schedule as the option ``whole`` set it, where one
    did), and the ``keys`` that set the months ``alone`` (all asked, unless some are not read) by themselves."""
    one = len(asked) == 1
    against = "" if whole is None else f" from the schedule as {whole} wrote it"
    said = (f"{months_phrase(moved)} moved too{against}: a by_month runs straight between its keys (docs/formulas.md §14), "
            f"and {'these set' if several else 'this sets'} the key{'' if one else 's'} at {months_phrase(asked)}")
    if not keys:
        return said
    settings = [f"{path}.{BY_MONTH_KEY}.{month}={value}" for month, value in keys]
    joined = settings[0] if len(settings) == 1 else f"{', '.join(settings[:-1])} and {settings[-1]}"
    which = ('it' if one else 'them') if alone is None else months_phrase(alone)
    return f"{said}; to set {which} alone, also set {joined}"


def _unread(path: str, asked: list[int], unread: list[int], moved: list[int], where: str, several: bool,
            keys: list[tuple[int, str]] | None, whole: str | None) -> str:
    """A month set that the value is never read in (before a channel's first month, after its last): the months read
    that it moved through the line are all it changes, or nothing. Before, ``by_month.1=20`` on a channel of months
    3-8 offered ``by_month.2=12`` "to set it alone", which would have made the setting change nothing, unsaid."""
    said = f"{months_phrase(unread)} {'is' if len(unread) == 1 else 'are'} not read ({where})"
    if len(unread) < len(asked):
        if not moved:
            return f"{said}: setting {'it' if len(unread) == 1 else 'them'} changes nothing read"
        alone = [month for month in asked if month not in unread]
        return f"{said}; {_message(path, asked, moved, keys, several, alone, whole)}"
    if not moved:
        return f"{said}: {'these settings change' if several else 'this setting changes'} nothing read"
    return (f"{said}: what {'these settings change' if several else 'this setting changes'} is {months_phrase(moved)}, "
            f"read on the line a by_month runs straight between its keys (docs/formulas.md §14)")
