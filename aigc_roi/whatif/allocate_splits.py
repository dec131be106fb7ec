"""A scenario at candidate splits: movable channels in budget form, one block of samples per split."""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np

from aigc_roi.model.scenario import ByMonth, Channel, FloatArray, Moving, Scenario, Value
from aigc_roi.model.tree import leaves, map_arrays


def _number(value: Moving | None) -> float:
    """A value of the median scenario (always a float there; no channel value moves by month here)."""
    assert value is not None and not isinstance(value, np.ndarray | ByMonth)
    return float(value)  # type: ignore[arg-type]


def unit_cost(channel: Channel) -> float:
    return _number(getattr(channel, channel.unit_cost))


def monthly_budget(channel: Channel) -> float:
    """Spend per active month of a channel of the median scenario."""
    _, spend = channel.users_and_spend(_MedianRow())
    return float(spend.reshape(-1)[0])


class _MedianRow:
    """Reads a value of the median scenario as the one-sample row a users-and-spend formula takes
    (``model/channels/base.py`` ``Params``); no value of a channel allocate moves is written by month."""

    def __call__(self, value: Value) -> FloatArray:
        return np.asarray(value, dtype=np.float64).reshape(-1)

    def monthly(self, value: Moving) -> FloatArray:
        return self(_number(value))[None, :]


def tile(obj: Any, copies: int) -> Any:
    """``obj`` with every sample array repeated ``copies`` times along the sample axis (candidate-major)."""
    return map_arrays(obj, lambda array: np.tile(array, copies))


def samples_of(realized: Scenario) -> int:
    lengths = {value.shape[0] for _, value in leaves(realized) if isinstance(value, np.ndarray)}
    return max(lengths, default=1)


def at_splits(realized: Scenario, movable: list[int], splits: FloatArray) -> Scenario:
    """The realized scenario with one block of samples per row of ``splits`` (K, C), movable channels in budget form."""
    copies, samples = splits.shape[0], samples_of(realized)
    tiled = tile(realized, copies)
    acquisition = list(tiled.acquisition)
    for column, i in enumerate(movable):
        acquisition[i] = acquisition[i].with_budget(np.repeat(splits[:, column], samples))
    return dataclasses.replace(tiled, acquisition=tuple(acquisition))
