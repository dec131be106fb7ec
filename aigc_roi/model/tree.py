"""Walks over a scenario: a tree of frozen dataclasses and tuples whose leaves are values.

For the code that treats every sample array alike (slicing a chunk of
samples, tiling candidates, checking lengths). Realizing (model/sampling.py)
and pairing drawn values with their ranges (whatif/simulate.py) walk the
tree themselves: they need the field that owns a value and keyed pairs.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np

from aigc_roi.model.scenario import ByMonth, Distribution


def leaves(obj: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """(path, value) of every ``Distribution`` or numpy array inside ``obj``, depth first in field order; a
    by-month value's months are named as ``--set`` and the file's inputs name them (``bid.by_month.6``)."""
    if isinstance(obj, Distribution | np.ndarray):
        yield path, obj
    elif isinstance(obj, ByMonth):
        for month, value in obj.points:
            yield from leaves(value, f"{path}.by_month.{month}")
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            yield from leaves(getattr(obj, f.name), f"{path}.{f.name}" if path else f.name)
    elif isinstance(obj, tuple):
        for i, item in enumerate(obj):
            yield from leaves(item, f"{path}[{i}]")


def map_arrays(obj: Any, change: Callable[[np.ndarray], np.ndarray]) -> Any:
    """``obj`` with every numpy array inside it replaced by ``change(array)``; everything else kept."""
    if isinstance(obj, np.ndarray):
        return change(obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return dataclasses.replace(obj, **{f.name: map_arrays(getattr(obj, f.name), change) for f in dataclasses.fields(obj)})
    if isinstance(obj, tuple):
        return tuple(map_arrays(item, change) for item in obj)
    return obj
