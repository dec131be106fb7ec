"""Field paths as ``--set`` and the drivers write them: ``acquisition[0].bid``,
``acquisition[Bilibili CPA].bid``, ``monetization.plans[0].price``; and as people read them (``by_name``): a list's
item by its name, ``acquisition[抖音激活CPA].bid`` for ``acquisition[2].bid``. ``--set`` takes both forms; JSON and
CSV keep the index, which a rename does not move."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from typing import Any, TypeVar

from aigc_roi.model.ime_marks import DIGIT_TWINS
from aigc_roi.model.names import resembling

_SEGMENT = re.compile(r"\.?([A-Za-z_][A-Za-z0-9_]*)|\.([0-9０-９]+)|\[([^\]]+)\]")
_MONTH_KEY = re.compile(r"\.([^.\[\]．。［］【】]+)")
"""A key after ``by_month.``: any text to the next dot or bracket (``by_month.6月``, ``by_month.2025-08``,
``by_month.第6个月``), so that a month written so reaches the key's check and its hint, as ``by_month[6月]`` does,
rather than a path refused for its shape. A dot or bracket an input method types ends it too, so the path is still
told its IME slip (``by_month.1．low``: write ``by_month.1.low``), not read as a month named ``1．low``."""


def split_path(path: str) -> list[str] | None:
    """``a.b[0][Name]`` -> ["a", "b", "[0]", "[Name]"]; ``bid.by_month.6`` -> ["bid", "by_month", "6"] (a month
    of a by-month value is a key, in ASCII or full-width digits as a file's month is: ``by_month.６``); None when
    malformed."""
    segments: list[str] = []
    position = 0
    while position < len(path):
        month_key = _MONTH_KEY.match(path, position) if segments[-1:] == ["by_month"] else None
        match = month_key or _SEGMENT.match(path, position)
        if match is None or (match.group(0).startswith(".") and not segments):
            return None
        key = match[1] if match[1] is not None else match[2]
        segments.append(key if key is not None else f"[{match[3]}]")
        position = match.end()
    return segments


def joined_path(segments: Sequence[str]) -> str:
    """``split_path``'s segments written back as a path: ["acquisition", "[0]", "bid"] -> ``acquisition[0].bid``."""
    return "".join(s if s.startswith("[") or not i else f".{s}" for i, s in enumerate(segments))


def channel_path(index: int) -> str:
    """The path of the channel at ``index``, ``acquisition[1]``: what JSON, CSV and messages name it by, since two
    channels may share a name."""
    return f"acquisition[{index}]"


def plan_path(index: int) -> str:
    """The path of the subscription plan at ``index``, ``monetization.plans[1]``."""
    return f"monetization.plans[{index}]"


def at_place(name: str, path: str) -> str:
    """``x (acquisition[1])``: an item's name with its path, as every output labels a row of an item whose name
    another item of its list has too (docs/formulas.md §12); the path, ASCII, reads the same in either language."""
    return f"{name} ({path})"


def is_shared(names: Sequence[str | None], name: str) -> bool:
    """Whether another item of ``names`` (its list's, the item called ``name`` among them; None for one without a name)
    has that name too: the one rule of every label, path and refusal that gives such an item's place where its name
    alone would not tell it apart (``row_name``, ``channel_called``, ``by_name``, ``--set``'s paths, the drivers')."""
    return names.count(name) > 1


def row_name(name: str, path: str, names: Sequence[str]) -> str:
    """An item's row label: its name, or ``at_place`` where another item of its list's ``names`` has that name too."""
    return at_place(name, path) if is_shared(names, name) else name


def row_names(names: Sequence[str], paths: Sequence[str]) -> list[str]:
    """Each item's ``row_name``."""
    return [row_name(name, path, names) for name, path in zip(names, paths, strict=True)]


def sharing(names: Sequence[str], name: str) -> list[int]:
    """The indices of the items of ``names`` called ``name``: more than one where the name is shared, which a
    reference by that name (a gate's, ``--set``'s, ``--map``'s, ``--lock``'s) cannot tell apart."""
    return [index for index, other in enumerate(names) if other == name]


def channel_called(names: Sequence[str], index: int) -> str:
    """The channel at ``index`` of the plan's channel ``names`` as a message names it: its name, or its path where
    another channel has that name too, so two channels named A read apart."""
    return channel_path(index) if is_shared(names, names[index]) else names[index]


def one_meant(name: str, paths: Sequence[str]) -> str:
    """The refusal of a name where one item is meant and ``paths`` could each be it, offering each path: ``--set``,
    ``--grid``, ``--variant``, ``--map`` and ``--lock`` alike (``meant_by_name``)."""
    return f"'{name}' names {len(paths)} items: write the one meant, {' or '.join(paths)}"


def gate_cannot_tell(name: str, paths: Sequence[str]) -> str:
    """The refusal of a name in a gate that the channels at ``paths`` share: the gate took every one of them, where a
    test is of the channels meant (reader/load.py: a file's, and a scenario built in code, read as its file would be, reader/in_code.py)."""
    return f"'{name}' names {len(paths)} channels, {' and '.join(paths)}: a gate cannot tell them apart; give each its own name"


class RefusedName(ValueError):
    """A reference that could mean several items, or that no reference of its form can name, refused with the paths
    that do, in ``--set``'s words."""


class NamesNothing(RefusedName):
    """A reference refused offering the places it resembles (a key none of the items it may mean holds, with the one
    it is like): it names no place as written."""


class AmbiguousName(RefusedName):
    """A name two or more items share, given where one item is meant (``one_meant``)."""

    def __init__(self, name: str, paths: Sequence[str]) -> None:
        # ``args`` the constructor's, as pickle rebuilds the exception from them (model/errors.py ScenarioInvalid).
        super().__init__(name, tuple(paths))
        self.name, self.paths = name, tuple(paths)

    def __str__(self) -> str:
        return one_meant(self.name, self.paths)


Item = TypeVar("Item")


def meant_by_name(name: str, named: Sequence[tuple[Item, str, bool]]) -> Item | None:
    """The item a reference by ``name`` means (``NAME.field``, ``LIST[NAME].field``, ``--lock NAME``), of ``named``:
    each item so called, with the path that tells it apart (``item_place``: valid as written, ambiguous never) and
    whether it has the field written after the name, as the option takes it (for ``--set``, a key its kind of item
    may hold and the whole rest of the path settable on it, reader/item_names.py; a driver for ``--grid``; any
    channel for ``--lock``).

    The one rule of every option that names an item by its name (docs/formulas.md §12): the name is narrowed to
    the items that have the field, and the one left is meant, whatever else shares the name (a plan's ``Pro.price``
    beside a channel named Pro); several left raise AmbiguousName offering only their paths; none gives None, for
    the option's own error of an unknown field."""
    having = [(item, path) for item, path, has in named if has]
    if len(having) > 1:
        raise AmbiguousName(name, [path for _, path in having])
    return having[0][0] if having else None


ChannelReader = Callable[[str], "int | None"]
"""A reference to a channel (``--lock``, ``--min``, ``--max``, ``--map``'s NAME; the library's ``locks``, ``minimums``,
``maximums``, ``maps``) read as ``--set`` reads the channel part of a path (reader/overrides.py ``channel_at``): the
channel's index, None where it names none, RefusedName in ``--set``'s words where ``--set`` refuses it."""


PathReader = Callable[[str], "str | None"]
"""A driver's path (``--grid``) read as ``--set`` reads it, each item by its index (reader/overrides.py
``indexed_path``); None where it names no item; RefusedName in ``--set``'s words where ``--set`` refuses it."""


def channel_references(names: Sequence[str], read: ChannelReader) -> list[str]:
    """Each channel of the plan's ``names`` by a reference ``read`` takes as it, what a refusal of an unknown channel
    lists: its name, else its path (``item_path``); a channel no reference names is left out (docs/formulas.md §12)."""
    return list(_references(names, read).values())


def references_like(name: str, names: Sequence[str], read: ChannelReader) -> list[str]:
    """The references (``channel_references``) of the channels whose names ``name``, a reference to none, resembles
    (model/names.py ``resembling``), the nearest first: what its refusal suggests."""
    taken = _references(names, read)
    return [taken[index] for alike in resembling(name, dict.fromkeys(names))
            for index, called in enumerate(names) if called == alike and index in taken]


def _references(names: Sequence[str], read: ChannelReader) -> dict[int, str]:
    """``channel_references`` by the index of each channel a reference names."""
    found = {}
    for index, name in enumerate(names):
        taken = next((reference for reference in (name, item_path("acquisition", index, names))
                      if reference is not None and read_or_none(read, reference) == index), None)
        if taken is not None:
            found[index] = taken
    return found


Place = TypeVar("Place")


def read_or_none(read: Callable[[str], Place | None], text: str) -> Place | None:
    """What ``read`` (a ``ChannelReader`` or a ``PathReader``) takes ``text`` as, None where it refuses it: whether an
    offer is taken as written."""
    try:
        return read(text)
    except RefusedName:
        return None


def names_something(read: Callable[[str], object], text: str) -> bool:
    """Whether ``read`` (a ``ChannelReader`` or a ``PathReader``) takes ``text`` as a place, or refuses it offering the
    places it names: a reference that reads as written, so an input method's mark in it is a name's own
    (model/ime_marks.py). One refused offering places it resembles (``NamesNothing``) does not: a hint to write it
    would be a command that fails."""
    try:
        return read(text) is not None
    except NamesNothing:
        return False
    except RefusedName:
        return True


_LARGEST_INDEX_DIGITS = 18


def list_index(segment: str) -> int | None:
    """``"3"`` or ``"[3]"`` -> 3; None unless digits, ASCII or the full-width ones a Chinese input method types
    (``[３]``, as a month's key ``６`` reads as 6, reader/numbers.py ``whole_number``); no other script's digits, which
    the file's keys do not take either (``"²"`` passes str.isdigit() but not int()).

    An index of more digits than any list can have reads as 10**18, out of range
    for every list, instead of reaching int()'s 4,300-digit refusal.
    """
    inner = segment.strip("[]").translate(DIGIT_TWINS)
    if not re.fullmatch("[0-9]+", inner):
        return None
    significant = inner.lstrip("0") or "0"
    return int(significant) if len(significant) <= _LARGEST_INDEX_DIGITS else 10**_LARGEST_INDEX_DIGITS


UNWRITTEN = "[]="
"""What a name written in a path cannot hold: a bracket reads as an index, ``=`` as the path's end (``--set
'k=v.bid=20'`` is ``k`` set to ``v.bid=20``), so every option refuses such a name as written and every path shown
writes its item by its index (docs/formulas.md §12)."""


def written_by_name(name: object, shared: bool) -> bool:
    """Whether ``LIST[name]`` reads back as the item so named, as ``--set`` and ``--grid`` read it: a name its list's
    other items do not have (``shared`` where one does), holding none of ``UNWRITTEN``, without spaces around it and
    that is no index (``[1]`` is item 1). Where it is not, the item's place is written by its index (``item_place``)."""
    return (isinstance(name, str) and bool(name) and not shared and not set(name) & set(UNWRITTEN)
            and name.strip() == name and list_index(name) is None)


def unwritten(name: str) -> str:
    """The refusal's head of a name holding one of ``UNWRITTEN`` written in a path or a reference, saying why."""
    why = "whose brackets read as an index" if set(name) & set("[]") else "whose '=' reads as the path's end"
    return f"a path cannot hold the name '{name}', {why}"


def path_end(text: str) -> int:
    """Where the path of ``PATH=VALUE`` (``--set``, ``--map``'s ``NAME=GLOB``) ends: its first ``=`` outside a pair of
    brackets, so that ``acquisition[k=v].bid=20`` is read as the path written, which a name holding ``=`` is then
    refused in (``unwritten``); ``len(text)`` where there is none."""
    at = 0
    while at < len(text):
        if text[at] == "=":
            return at
        close = text.find("]", at) if text[at] == "[" else -1
        at = close + 1 if close != -1 else at + 1
    return len(text)


def item_place(list_path: str, index: int, name: object, shared: bool) -> str:
    """The path of an item as every output shows it and every refusal offers it, valid as written: its list's path
    with the item's name where ``written_by_name``, else its index (``acquisition[0]`` for a channel named ``A[1]``,
    ``1`` or a name another channel has). The one rule of ``by_name``, the drivers' ``named_path`` and ``--set``'s
    offered paths (docs/formulas.md §12)."""
    return f"{list_path}[{name if written_by_name(name, shared) else index}]"


def item_path(list_path: str, index: int, names: Sequence[object]) -> str | None:
    """``item_place`` of the item at ``index`` of its list's ``names`` where that path names it; None where it names
    another: its index form (its name shared, holding a bracket or a number) where another item is named as the index,
    so that no path names it (docs/formulas.md §12). What every refusal offers, so that none offers a path it refuses."""
    name = names[index]
    shared = isinstance(name, str) and is_shared([other if isinstance(other, str) else None for other in names], name)
    if not written_by_name(name, shared) and any(isinstance(other, str) and other.strip() == str(index)
                                                 for at, other in enumerate(names) if at != index):
        return None
    return item_place(list_path, index, name, shared)


NO_PATH = "no path names each of them: give the items names of their own"
"""Where a refusal would offer the items a reference could mean and one of them has no path (``item_path``)."""


def no_path(name: str, count: int) -> str:
    """``one_meant`` where one of the items has no path: renaming alone tells them apart."""
    return f"'{name}' names {count} items and {NO_PATH}"


def is_field_path(path: str, keys: Collection[str]) -> bool:
    """Whether ``path`` is a field path because its first word is one of ``keys``, a key of the file
    (``targets.min_roi``, ``retention.bid``), even where an item has that name: the one rule of ``--set``,
    ``--variant`` and ``--grid`` (docs/formulas.md §12)."""
    return re.split(r"[.\[]", path.strip(), maxsplit=1)[0].strip() in keys


def by_name(path: str, scenario: Any) -> str:
    """``path`` with each list index replaced by its item's name where ``written_by_name`` (``item_place``); any
    other path as given."""
    segments = split_path(path)
    if segments is None:
        return path
    shown = ""
    node: Any = scenario
    for segment in segments:
        index = list_index(segment) if segment.startswith("[") else None
        if index is not None and isinstance(node, tuple) and index < len(node):
            name = getattr(node[index], "name", None)
            names = [getattr(item, "name", None) for item in node]
            shown = item_place(shown, index, name, isinstance(name, str) and is_shared(names, name))
            node = node[index]
            continue
        shown += segment if segment.startswith("[") or not shown else f".{segment}"
        node = None if segment.startswith("[") else getattr(node, segment, None)
    return shown


def two_readings(segment: str, at_index: str | None, meant: Sequence[str] | None, alone: bool | None) -> str:
    """The refusal of ``[1]`` that is both an index and another item's name, offering ``meant``: the paths of the two,
    each by its name alone (``alone``), at its list's path (``alone`` False) or one so and one so (None); None where
    one of them has no path (``item_path``). It names the item at the index, since a bare "item 1" reads as the first
    item to people who count from 1 (most, and all in Chinese)."""
    number = segment.strip("[]")
    item = f"the item named '{at_index}'" if at_index is not None else "an item with no name"
    both = f"{segment} reads both as index {number} ({item}) and as the item named '{number}'"
    if meant is None:
        return f"{both}, and {NO_PATH}"
    how = {True: " by its name alone", False: " at its path", None: ""}[alone]
    return f"{both}; write the one meant{how}, {' or '.join(meant)}"
