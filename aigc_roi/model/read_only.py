"""What the library hands back is a value: every numpy array in it read-only (numpy's ``ValueError: assignment
destination is read-only`` on a write), set in place, no copy. A caller's write into a figure or a month's series
once went through silently; it changed no later run (each computes its own arrays), only the object written, whose
other figures it then disagreed with. A Result's mappings of arrays are ``FrozenMapping``s, which refuse a key set or
deleted (``TypeError``) as a tuple does: ``result.figures["npv"] = 0`` once replaced the figure silently."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

import numpy as np

Value = TypeVar("Value")
Key = TypeVar("Key")
Item = TypeVar("Item")


class FrozenMapping(Mapping[Key, Item]):
    """A mapping that refuses a write (no ``__setitem__``, ``__delitem__``, ``update``): ``m[k] = v`` raises
    ``TypeError``. Unlike ``types.MappingProxyType`` it pickles and deep-copies (a ``Result`` crosses a worker's
    pipe), rebuilt from a plain dict of its items; ``dict(m)`` is a writeable copy, the caller's."""

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[Key, Item] | None = None) -> None:
        self._items = dict(items or {})  # a copy: a write into the mapping given changes nothing here

    def __getitem__(self, key: Key) -> Item:
        return self._items[key]

    def __iter__(self) -> Iterator[Key]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._items!r})"

    def __reduce__(self) -> tuple[type[FrozenMapping[Key, Item]], tuple[dict[Key, Item]]]:
        return type(self), (self._items,)

_LEAVES = (str, bytes, int, float, type(None))
"""What holds no array: a walk stops at it at once (a Result's names and months are tuples of them)."""
_LEAF_TYPES = frozenset(_LEAVES) | {bool}
"""The same by exact type, which an item of a tuple is looked up by: a set's lookup costs a tenth of a call."""
_FIELDS: dict[type, tuple[str, ...] | None] = {}
"""A type's dataclass fields, None for no dataclass: read once per type, as a run hands back many of a few."""


def read_only(value: Value) -> Value:
    """``value`` itself, each array it holds, in a field of a dataclass, a dict, a tuple or a list, at any depth, set
    read-only; a lazy mapping (model/engine.py ``_JoinedSeries``) by its own ``read_only``, each series as it is
    joined."""
    _hold(value, set())
    return value


def _hold(value: Any, seen: set[int]) -> None:
    if isinstance(value, np.ndarray):
        value.flags.writeable = False
        return
    if isinstance(value, _LEAVES) or id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, tuple | list):
        for item in value:
            if type(item) not in _LEAF_TYPES:
                _hold(item, seen)
        return
    if isinstance(value, dict | FrozenMapping):
        for item in value.values():
            _hold(item, seen)
        return
    kind = type(value)
    if kind not in _FIELDS:
        _FIELDS[kind] = tuple(field.name for field in dataclasses.fields(value)) \
            if dataclasses.is_dataclass(value) and not isinstance(value, type) else None
    names = _FIELDS[kind]
    if names is not None:
        for name in names:
            _hold(getattr(value, name), seen)
        return
    own = getattr(value, "read_only", None)
    if callable(own):
        own()
