"""What the library hands back is a value: every numpy array in it read-only (numpy's ``ValueError: assignment
destination is read-only`` on a write), set in place, no copy. A caller's write into a figure or a month's series
once went through silently; it changed no later run (each computes its own arrays), only the object written, whose
other figures it then disagreed with."""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

import numpy as np

Value = TypeVar("Value")

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
    if isinstance(value, dict):
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
