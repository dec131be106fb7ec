"""Where a key belongs that is written where the format has no such key but another level has it: a top-level
``serving_per_subscriber:`` (costs'), ``milestones:`` beside ``targets:`` rather than under it, a kol channel's
``posts`` on a cpa channel. The unknown key is told that place, nearest first, in place of the keys it could be."""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass
from functools import cache
from typing import Any

from aigc_roi.model.channels import CHANNEL_TYPES

MOST_PLACES = 3
"""More places than this are no hint: the key is one of many items' (a ``name``), not misplaced."""


@dataclass(frozen=True)
class Place:
    """A mapping that has the key: ``costs``, ``targets.milestones[]`` (an item of that list), "" (the top level)."""

    path: str
    types: tuple[str, ...] = ()
    """For a channel's key, the types that have it, where not all do."""

    @property
    def segments(self) -> list[str]:
        return self.path.split(".") if self.path else []


@cache
def _index(channel_types: tuple[str, ...]) -> dict[str, tuple[Place, ...]]:
    """Every place of every key of the field table, shallowest first (``channel_types``: the types registered, whose
    fields the table asks for at each use)."""
    from aigc_roi.reader import fields  # the table is built from this module's callers

    found: dict[str, dict[Place, None]] = {}
    visited: set[tuple[int, str]] = set()
    queue: deque[tuple[Any, str]] = deque([(fields.SCENARIO, "")])
    while queue:
        kind, where = queue.popleft()
        if (id(kind), where) in visited:
            continue
        visited.add((id(kind), where))
        if isinstance(kind, fields.ListOf):
            queue.append((kind.item, f"{where}[]"))
            continue
        shapes = kind.variants if isinstance(kind, fields.Tagged) else {"": kind} if isinstance(kind, fields.Obj) else {}
        for key in dict.fromkeys(key for shape in shapes.values() for key in shape.fields):
            types = tuple(name for name, shape in shapes.items() if key in shape.fields)
            found.setdefault(key, {})[Place(where, () if len(types) == len(shapes) else types)] = None
        for shape in shapes.values():
            queue.extend((child, f"{where}.{key}" if where else key) for key, child in shape.fields.items())
    return {key: tuple(places) for key, places in found.items()}


def belongs(key: str, path: str) -> str | None:
    """``it belongs under costs:``, for ``key`` unknown in the mapping at ``path``, where the format has it
    elsewhere: at the places nearest ``path`` (those inside the same section or item, else all); None where it has
    it nowhere, or in too many places to say which is meant."""
    places = _index(tuple(CHANNEL_TYPES)).get(key)
    if not places:
        return None
    here = re.sub(r"\[[^\]]*\]", "[]", path).split(".") if path else []
    concrete = path.split(".") if path else []
    named = {place: _named(place, concrete[:_shared(place.segments, here)]) for place in places}
    nameable = [place for place in places if named[place] is not None]
    if not nameable:
        return None
    nearest = max(_shared(place.segments, here) for place in nameable)
    chosen = [place for place in nameable if _shared(place.segments, here) == nearest]
    if len(chosen) > MOST_PLACES:
        return None
    return "it belongs " + _listed(_pieces([(place, named[place] or "") for place in chosen]))


def _shared(segments: list[str], here: list[str]) -> int:
    count = 0
    for ours, theirs in zip(segments, here, strict=False):
        if ours != theirs:
            break
        count += 1
    return count


def _named(place: Place, within: list[str]) -> str | None:
    """The place's path through the items of the path the key was found at (``acquisition[0].retention``), without
    the ``[]`` of a list whose items hold the key; None for a place inside an item of some other list, which no one
    path names. The item the key was found in is no place of its own: a kol channel's key on a cpa channel belongs
    in an item of acquisition of type kol."""
    segments = place.segments
    item = place.path.endswith("[]")
    within = within[: len(segments) - 1] if item else within
    path = ".".join(within + segments[len(within):]).removesuffix("[]")
    return None if "[]" in path else path


def _pieces(places: list[tuple[Place, str]]) -> list[str]:
    """The words of each place, the items of several lists together: ``in an item of A, B or C``."""
    items = [path for place, path in places if place.path.endswith("[]") and not place.types]
    pieces = [f"under {path}:" for place, path in places if place.path and not place.path.endswith("[]")]
    pieces += [f"in an item of {_listed(items)}"] if items else []
    pieces += [f"in an item of {path} with type: {' or '.join(place.types)}" for place, path in places if place.types]
    return pieces + ["at the top level" for place, _ in places if not place.path]


def _listed(words: list[str]) -> str:
    return f"{', '.join(words[:-1])} or {words[-1]}" if len(words) > 1 else words[0]
