"""The item a ``--set`` path names by its name (``Pro.price``, ``acquisition[Pro].price``): of the items so called,
those on which the rest of the path can be set, as ``--set`` sets it (docs/formulas.md §12, model/paths.py
``meant_by_name``). Every path a refusal or a suggestion offers is one of those, so each is valid as written."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from aigc_roi.model.names import resembling
from aigc_roi.model.paths import (
    AmbiguousName,
    is_shared,
    item_path,
    item_place,
    joined_path,
    meant_by_name,
    no_path,
    split_path,
)
from aigc_roi.reader.item_keys import item_keys
from aigc_roi.reader.near_keys import nearest_key
from aigc_roi.reader.yamltree import Node, item_name

NAMED_LISTS = ("acquisition", "monetization.plans", "monetization.purchases", "monetization.orders", "costs.fixed")
"""The lists whose items a path may name alone: channels, plans, purchases, orders and fixed costs."""
BRACKETED_LISTS = ("gates",)
"""The other lists of named items, whose items a path names between their list's brackets only (``gates[NAME]``): a
gate is mostly named as the channel it tests, which a name alone would read as two items. A name alone of one is
suggested its path."""

Item = TypeVar("Item")
Settable = Callable[[Node, list[str]], bool]
"""Whether a value can be put at a path (its segments) inside an item's node: the walk ``--set`` makes to set it
(reader/overrides.py), so that what narrows a name cannot drift from what sets it."""


class Refused(ValueError):
    """A name that cannot tell which item is meant: the message offers the paths that can."""


class UnknownKeys(Refused):
    """A key none of the items so called holds, refused offering the keys like it: a path that names no place as
    written."""


@dataclass(frozen=True)
class Candidate(Generic[Item]):
    """An item a name may mean."""

    item: Item
    """What the caller takes it as: its path, or its index in the list at hand."""
    offered: str | None
    """Its path as a refusal offers it, valid as written (model/paths.py ``item_path``); None where no path names it."""
    node: Node
    keys: frozenset[str] | None
    """The keys it may hold (``item_keys``); None where nothing narrows by them."""


def items_of(tree: Node, list_path: str) -> list[Node]:
    """The items of the list at ``list_path`` (one of ``NAMED_LISTS`` or ``BRACKETED_LISTS``); empty when the file has
    none."""
    node: Node | None = tree
    for key in list_path.split("."):
        entry = node.value.get(key) if node is not None and node.kind == "map" else None
        node = entry.value if entry is not None else None
    return list(node.value) if node is not None and node.kind == "seq" else []


def named_items(tree: Node, lists: Sequence[str] = NAMED_LISTS) -> list[tuple[str, Candidate[str]]]:
    """Each named item of ``lists`` with its name, taken as the path it is offered by."""
    found: list[tuple[str, Candidate[str]]] = []
    for list_path in lists:
        items = items_of(tree, list_path)
        names = [item_name(item) for item in items]
        for index, (item, name) in enumerate(zip(items, names, strict=True)):
            if name is not None:
                place = item_place(list_path, index, name, is_shared(names, name))
                found.append((name, Candidate(place, item_path(list_path, index, names), item,
                                              item_keys(list_path.split("."), item))))
    return found


def named_starts(path: str) -> list[tuple[str, str]]:
    """``v1.5 plan.price`` -> [("v1.5 plan", "price")]: each split at a dot after which a field path follows, the
    shortest name first (a name may hold dots itself: ``a.b.bid`` is the item named a.b's bid where none is named a)."""
    starts = []
    for match in re.finditer(r"\.", path):
        name, rest = path[:match.start()].strip(), path[match.end():]
        if name and "[" not in name and "]" not in name and re.match(r"[A-Za-z_]", rest) and split_path(rest):
            starts.append((name, rest))
    return starts



def _has(candidate: Candidate[Item], rest: list[str], settable: Settable) -> bool:
    """The rest of the path can be set on the item: its first key one the item may hold, and the whole of it walked
    as ``--set`` walks it (a month inside a value written once, a key inside a number, cannot)."""
    field = rest[0] if rest and not rest[0].startswith("[") else None
    return (field is None or candidate.keys is None or field in candidate.keys) and (not rest or settable(candidate.node, rest))


def having(rest: list[str], candidates: Sequence[Candidate[Item]], settable: Settable) -> list[Candidate[Item]]:
    """The ``candidates`` on which ``rest`` can be set (every one where the path ends at the item)."""
    return [candidate for candidate in candidates if _has(candidate, rest, settable)]


def _like(rest: list[str], candidates: Sequence[Candidate[Item]],
          settable: Settable) -> list[tuple[Candidate[Item], str]]:
    """The ``candidates`` that hold a key like the first of ``rest`` (a slip of it), with that key, where the rest
    can be set after it."""
    field = rest[0] if rest and not rest[0].startswith("[") else None
    alike = []
    for candidate in candidates:
        key = nearest_key(field, candidate.keys) if field is not None and candidate.keys is not None else None
        if key is not None and settable(candidate.node, [key, *rest[1:]]):
            alike.append((candidate, key))
    return alike


def meant(name: str, rest: list[str], candidates: Sequence[Candidate[Item]], settable: Settable) -> Item:
    """The one of ``candidates``, the items called ``name``, on which ``rest`` can be set (``having``). Several:
    Refused, offering each. None: the first whose keys hold the first of ``rest`` (the walk then says what stops the
    rest there), else the one with a key like it (the loader then says the key is unknown there and which it
    resembles; several refused, offering each with its key), else the first."""
    fitting = having(rest, candidates, settable)
    if len(fitting) > 1 and any(candidate.offered is None for candidate in fitting):
        raise Refused(no_path(name, len(fitting)))
    try:
        found = meant_by_name(name, [(candidate.item, joined_path([candidate.offered or "", *rest]), True)
                                     for candidate in fitting])
    except AmbiguousName as ambiguous:
        raise Refused(str(ambiguous)) from None
    if found is not None:
        return found
    field = rest[0] if rest else None
    keyed = [candidate for candidate in candidates if candidate.keys is not None and field in candidate.keys]
    alike = _like(rest, candidates, settable)
    if not keyed and len(alike) > 1:
        if any(candidate.offered is None for candidate, _ in alike):
            raise Refused(no_path(name, len(candidates)))
        keys = " or ".join(f"'{key}'" for key in dict.fromkeys(key for _, key in alike))
        paths = [joined_path([candidate.offered or "", key, *rest[1:]]) for candidate, key in alike]
        raise UnknownKeys(f"'{name}' names {len(candidates)} items and none has a key '{field}'; {len(alike)} have "
                      f"{keys}: write the one meant, {' or '.join(paths)}")
    return (keyed or [candidate for candidate, _ in alike] or list(candidates))[0].item


def suggested(name: str, rest: list[str], named: Sequence[tuple[str, Candidate[Item]]], settable: Settable) -> list[str]:
    """The paths a ``name`` that names none of ``named`` was meant as, valid as written: the items named like it
    (model/names.py ``resembling``) on which ``rest`` can be set, else those holding a key like its first, with that
    key; none where neither."""
    like = resembling(name, dict.fromkeys(called for called, _ in named))
    # An item no path names is none to suggest (model/paths.py ``item_path``); the nearest name's items first.
    candidates = [candidate for alike in like for called, candidate in named
                  if called == alike and candidate.offered is not None]
    found = having(rest, candidates, settable)
    if found:
        return [joined_path([candidate.offered or "", *rest]) for candidate in found]
    return [joined_path([candidate.offered or "", key, *rest[1:]]) for candidate, key in _like(rest, candidates, settable)]

