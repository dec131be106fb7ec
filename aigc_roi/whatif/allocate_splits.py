"""A scenario at candidate splits: movable channels in budget form, one block of samples per split."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import numpy as np

from aigc_roi.model.engine import Result, evaluate, take_samples
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
    _, spend = channel.users_and_spend(_Rows(1))
    return float(spend.reshape(-1)[0])


def users_and_spend_at(channel: Channel, budgets: FloatArray, samples: int) -> tuple[FloatArray, FloatArray]:
    """(K, samples) users and spend in an active month of a movable ``channel`` of a realized scenario
    (``samples`` draws) at each monthly budget (K,): its type's own formula (docs/formulas.md §4.1), as
    the engine reads it, without running the rest of the engine."""
    rows = budgets.size * samples
    bought = tile(channel, budgets.size).with_budget(np.repeat(budgets, samples))
    users, spend = bought.users_and_spend(_Rows(rows))
    return (np.broadcast_to(users.reshape(-1), (rows,)).reshape(budgets.size, samples),
            np.broadcast_to(spend.reshape(-1), (rows,)).reshape(budgets.size, samples))


class _Rows:
    """Reads a value of a realized channel as the ``(s,)`` row a users-and-spend formula takes
    (``model/channels/base.py`` ``Params``); no value of a channel allocate moves is written by month."""

    def __init__(self, samples: int) -> None:
        self.samples = samples

    def __call__(self, value: Value) -> FloatArray:
        return np.broadcast_to(np.asarray(value, dtype=np.float64).reshape(-1), (self.samples,))

    def monthly(self, value: Moving) -> FloatArray:
        assert not isinstance(value, ByMonth)
        return self(value)[None, :]


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


PART_ROWS = 2_500
"""Draws per engine call when only some of a run's series are kept: the engine holds every monthly
series of the draws it is given, about 20 x (draws x months) numbers."""


def evaluated_in_parts(realized: Scenario, keep: Callable[[Result, int], FloatArray]) -> FloatArray:
    """``keep(result, draws)`` of an engine run of ``realized``, joined over parts of at most ``PART_ROWS``
    draws (sample axis first)."""
    rows = samples_of(realized)
    if rows <= PART_ROWS:
        return keep(evaluate(realized), rows)
    parts = [(start, min(start + PART_ROWS, rows)) for start in range(0, rows, PART_ROWS)]
    return np.concatenate([keep(evaluate(take_samples(realized, start, stop)), stop - start) for start, stop in parts])
