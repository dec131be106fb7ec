"""What the library hands back is a value: every numpy array in it read-only (numpy's ``ValueError: assignment
destination is read-only`` on a write), set in place, no copy; every dict in it a ``FrozenMapping``, which refuses a
key set or deleted (``TypeError``) as a tuple does. A caller's write into a figure or a month's series once went
through silently; it changed no later run (each computes its own arrays), only the object written, whose other figures
it then disagreed with. ``result.figures["npv"] = 0`` or ``simulation.probabilities["roi_positive"] = 1.0`` once
replaced the figure silently, read so by every later presenter or comparison of the object."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from typing import Any, NoReturn, TypeVar

import numpy as np

Value = TypeVar("Value")
Key = TypeVar("Key")
Item = TypeVar("Item")


class FrozenMapping(dict[Key, Item]):
    """A dict that refuses a write: ``m[k] = v``, ``del m[k]``, ``update``, ``pop``, ``popitem``, ``setdefault``,
    ``clear``, ``|=`` and ``m.__init__(...)`` raise ``TypeError``. A dict still, not a ``collections.abc.Mapping``
    alone (as ``types.MappingProxyType``): ``json.dumps`` writes it (the CLI's ``--json`` and every file written from a
    result), it is read at a dict's speed, and what takes a dict takes it.

    Only the library freezes one (``read_only``, through ``_of``). What builds a mapping of its type from items,
    ``FrozenMapping(items)``, ``type(m)(pairs)``, gets a plain dict, the caller's to write into: that is what
    ``dataclasses.asdict`` (the usual editable copy of a result), ``fromkeys`` and the like call, and each once built a
    frozen copy that refused the caller's write ("write into a copy") or, for ``fromkeys``, refused to be built. So
    ``dict(m)``, ``m.copy()``, ``m | other`` and ``dataclasses.asdict(result)`` are plain dicts throughout. It pickles
    (a result crosses a worker's pipe) and copies (``copy.copy``, ``copy.deepcopy``) frozen, by ``__reduce__``.
    ``dict.__setitem__(m, k, v)`` names dict's own method past this class, as ``object.__setattr__`` does past a
    frozen dataclass: it writes, as there."""

    __slots__ = ()

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:  # a plain dict, on purpose (above): __init__ is not called
        return dict(*args, **kwargs)

    @classmethod
    def _of(cls, items: Mapping[Key, Item] | Iterable[tuple[Key, Item]] = ()) -> FrozenMapping[Key, Item]:
        """A frozen mapping of ``items``: the library's own, which ``read_only`` and ``__reduce__`` build."""
        frozen: FrozenMapping[Key, Item] = dict.__new__(cls)
        dict.__init__(frozen, items)  # dict's own, past __init__ (which refuses) and __setitem__
        return frozen

    def _refuse(self, *_: object, **__: object) -> NoReturn:
        raise TypeError(f"a {type(self).__name__} (what the library hands back) refuses a write: "
                        "write into a copy, dict(it)")

    __setitem__ = __delitem__ = update = pop = popitem = setdefault = clear = __ior__ = __init__ = _refuse

    def __repr__(self) -> str:
        return f"{type(self).__name__}({dict.__repr__(self)})"

    def __reduce__(self) -> tuple[Callable[[dict[Key, Item]], FrozenMapping[Key, Item]], tuple[dict[Key, Item]]]:
        # A dict subclass pickles and copies by its type called with no items, then __setitem__ of each: both would
        # give a plain dict or refuse. Rebuilt frozen from a plain dict of its items instead, by a function of the
        # module, which every pickle protocol and yaml.dump name so that their loaders find it.
        return _frozen, (dict(self),)


def _frozen(items: dict[Key, Item]) -> FrozenMapping[Key, Item]:
    """``items`` frozen: what a pickled or copied FrozenMapping is rebuilt by (``__reduce__``)."""
    return FrozenMapping._of(items)


_LEAVES = (str, bytes, int, float, type(None))
"""What holds no array: a walk stops at it at once (a Result's names and months are tuples of them)."""
_LEAF_TYPES = frozenset(_LEAVES) | {bool}
"""The same by exact type, which an item of a tuple is looked up by: a set's lookup costs a tenth of a call."""
_FIELDS: dict[type, tuple[str, ...] | None] = {}
"""A type's dataclass fields, None for no dataclass: read once per type, as a run hands back many of a few."""


def read_only(value: Value) -> Value:
    """``value`` with each array it holds, in a field of a dataclass, a dict, a tuple or a list, at any depth, set
    read-only, and each dict a ``FrozenMapping`` of its items: a dataclass's field (frozen or not) and a list's item
    are set to it in place, a dict or a tuple holding one is built anew (a tuple ``value`` itself too, so use what this
    returns). A lazy mapping (model/engine.py ``_JoinedSeries``) is held by its own ``read_only``, each series as it is
    joined. Runs once per result handed back, never per chunk of samples."""
    held: Value = _held(value, {})
    return held


def _held(value: Any, done: dict[int, tuple[Any, Any]]) -> Any:
    """``value`` held: itself, or a FrozenMapping or tuple built anew. ``done`` maps what was walked (by id, kept
    alive beside it) to what it became: an object in two places becomes one object in both."""
    if isinstance(value, np.ndarray):
        value.flags.writeable = False
        return value
    if isinstance(value, _LEAVES):
        return value
    known = done.get(id(value))
    if known is not None:
        return known[1]
    done[id(value)] = (value, value)  # a walk back into an object being walked finds it as it stands
    held = _held_anew(value, done)
    done[id(value)] = (value, held)
    return held


def _held_anew(value: Any, done: dict[int, tuple[Any, Any]]) -> Any:
    if isinstance(value, dict):
        items = {key: _held(item, done) for key, item in value.items()}
        if type(value) is FrozenMapping and all(items[key] is item for key, item in value.items()):
            return value
        return FrozenMapping._of(items)
    if isinstance(value, list):
        for index, item in enumerate(value):
            if type(item) not in _LEAF_TYPES:
                value[index] = _held(item, done)
        return value
    if isinstance(value, tuple):
        held = [item if type(item) in _LEAF_TYPES else _held(item, done) for item in value]
        return value if all(new is old for new, old in zip(held, value, strict=True)) else _tuple(value, held)
    kind = type(value)
    if kind not in _FIELDS:
        # A type saying ``kept_as_given`` (reader/load.py LoadedScenario: the caller's plan, which api functions take
        # back and hold to the scenario its tree writes, api.py _plan) is left as it is, its tree the reader's.
        _FIELDS[kind] = () if getattr(kind, "kept_as_given", False) else \
            tuple(field.name for field in dataclasses.fields(value)) \
            if dataclasses.is_dataclass(value) and not isinstance(value, type) else None
    names = _FIELDS[kind]
    if names is not None:
        for name in names:
            old = getattr(value, name)
            new = _held(old, done)
            if new is not old:
                object.__setattr__(value, name, new)  # a frozen dataclass's too: set once, before it is handed back
        return value
    own = getattr(value, "read_only", None)
    if callable(own):
        own()
    return value


def _tuple(value: tuple[Any, ...], items: Iterable[Any]) -> tuple[Any, ...]:
    """A tuple of ``value``'s type (a named tuple's by its fields) holding ``items``."""
    if type(value) is tuple:
        return tuple(items)
    make = getattr(type(value), "_make", None)
    return make(items) if callable(make) else type(value)(items)
