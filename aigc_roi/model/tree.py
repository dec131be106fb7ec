"""Walks over a scenario: a tree of frozen dataclasses and tuples whose leaves are values.

``branches`` is the one place that knows what a branch of the tree is (a
dataclass's fields, a tuple's items; ``_child_values`` reads the same
children without their keys) and ``rebuilt`` puts one back together;
every walk goes through them: ``leaves``, ``leaf_values`` and ``map_arrays``
here (slicing a chunk of samples, tiling candidates, counting and checking
samples), realizing ranges (model/sampling.py), comparing realized values
(model/sources.py) and pairing drawn values with their ranges
(whatif/simulate.py).
"""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np

from aigc_roi.model.scenario import ByMonth, Distribution

Key = str | int
"""A child's place in its branch: a dataclass's field name or a tuple's index."""

_LEAVES = (Distribution, np.ndarray)
_NO_LEAVES = (int, float, str, type(None))
"""Values that neither are nor hold a leaf (bool is an int)."""
_PLAIN_TYPES = frozenset((int, float, str, type(None), bool))
"""The exact types of ``_NO_LEAVES`` (a subclass, np.float64 say, is walked and found to hold nothing)."""
_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}
"""Each type's dataclass field names (None for any other type): every walk asks at every node, an engine call
hundreds of times at the caps."""


def branches(obj: Any) -> list[tuple[Key, Any]] | None:
    """The children of ``obj`` in order, keyed by field name (a dataclass) or index (a tuple); None for a leaf."""
    names = _field_names(type(obj))
    if names is not None:
        return [(name, getattr(obj, name)) for name in names]
    if isinstance(obj, tuple):
        return list(enumerate(obj))
    return None


def _field_names(kind: type) -> tuple[str, ...] | None:
    if kind not in _FIELD_NAMES:
        _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) else None
    return _FIELD_NAMES[kind]


_FIELD_VALUES: dict[type, Callable[[Any], tuple[Any, ...]] | None] = {}
"""Each dataclass type's reader of its field values in order, ``branches`` without its keys: the walk that counts an
engine call's samples reads every node, the largest part of a single run's fixed cost."""


def _one_field(name: str) -> Callable[[Any], tuple[Any, ...]]:
    def read(node: Any) -> tuple[Any, ...]:
        return (getattr(node, name),)
    return read


def _child_values(obj: Any) -> tuple[Any, ...]:
    """The children of ``obj`` in ``branches``' order, without their keys; () for a leaf."""
    if isinstance(obj, tuple):
        return obj
    kind = type(obj)
    if kind not in _FIELD_VALUES:
        names = _field_names(kind)
        # attrgetter of several names returns a tuple of their values; of one name, the value alone.
        _FIELD_VALUES[kind] = None if not names else operator.attrgetter(*names) if len(names) > 1 else _one_field(names[0])
    read = _FIELD_VALUES[kind]
    return () if read is None else read(obj)


def rebuilt(obj: Any, children: list[tuple[Key, Any]]) -> Any:
    """The branch ``obj`` with ``children`` (as ``branches`` lists them) in place of its own: ``obj`` itself when
    every child is the one it had."""
    changed = {key: new for (key, new), (_, old) in zip(children, branches(obj) or (), strict=True) if new is not old}
    if not changed:
        return obj
    if isinstance(obj, tuple):
        return tuple(value for _, value in children)
    return dataclasses.replace(obj, **{str(key): value for key, value in changed.items()})


def child_path(path: str, key: Key) -> str:
    """The field path of a child: ``acquisition[0].bid``, as ``--set`` and the file's inputs name it."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def leaves(obj: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """(path, value) of every ``Distribution`` or numpy array inside ``obj``, depth first in field order; a
    by-month value's months are named as ``--set`` and the file's inputs name them (``bid.by_month.6``)."""
    if isinstance(obj, Distribution | np.ndarray):
        yield path, obj
    elif isinstance(obj, ByMonth):
        for month, value in obj.points:
            yield from leaves(value, f"{path}.by_month.{month}")
    else:
        for key, value in branches(obj) or ():
            # Most of a scenario's nodes are plain numbers and names (a month list is one per month): skipping them
            # here, before their path is spelled, is most of what a walk costs.
            if not isinstance(value, _NO_LEAVES):
                yield from leaves(value, child_path(path, key))


def leaf_values(obj: Any) -> Iterator[Any]:
    """Every ``Distribution`` or numpy array inside ``obj``, as ``leaves`` finds them but in no set order and without
    spelling their paths: the walk every engine call makes to count its samples."""
    pending = [obj]
    plain = _PLAIN_TYPES
    while pending:
        node = pending.pop()
        # Every child is pushed and a plain one dropped by its type when popped: one set lookup, where an isinstance
        # of each child before pushing it took a third of a single run's walk.
        if type(node) in plain:
            continue
        if isinstance(node, _LEAVES):
            yield node
        elif isinstance(node, ByMonth):
            pending += [value for _, value in node.points]
        else:
            pending += _child_values(node)


def map_arrays(obj: Any, change: Callable[[np.ndarray], np.ndarray]) -> Any:
    """``obj`` with every numpy array inside it replaced by ``change(array)``; everything else kept."""
    if isinstance(obj, np.ndarray):
        return change(obj)
    children = branches(obj)
    if children is None:
        return obj
    return rebuilt(obj, [(key, value if isinstance(value, _NO_LEAVES) else map_arrays(value, change)) for key, value in children])
