"""A scenario at candidate splits: movable channels in budget form, one block of samples per split."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import numpy as np

from aigc_roi.model.by_month import monthly
from aigc_roi.model.engine import Result, evaluate, take_samples
from aigc_roi.model.scenario import ByMonth, Channel, FloatArray, Moving, Scenario, Value
from aigc_roi.model.tree import leaves, map_arrays


def unit_cost(channel: Channel) -> float:
    """The channel's lowest unit cost (over its months when it moves by month) at the median values."""
    value = getattr(channel, channel.unit_cost)
    return float(min(float(point) for _, point in value.points) if isinstance(value, ByMonth) else float(value))  # type: ignore[arg-type]


def monthly_budget(channel: Channel, horizon: int) -> float:
    """Spend per active month of a channel of the median scenario; the mean over its active months when a
    value it reads moves by month (the engine's per-month amount, docs/formulas.md §14)."""
    _, spend = channel.users_and_spend(_Rows(1, horizon))
    spend = np.asarray(spend)
    return float(_mean_over_months(channel, spend if spend.ndim > 1 else spend[None], horizon)[0])


def users_and_spend_at(channel: Channel, budgets: FloatArray, samples: int, horizon: int) -> tuple[FloatArray, FloatArray]:
    """(K, samples) users and spend per active month of a movable ``channel`` of a realized scenario
    (``samples`` draws) at each monthly budget (K,): its type's own formula (docs/formulas.md §4.1), as
    the engine reads it, without running the rest of the engine; the mean over its active months when a
    value it reads moves by month (the split's budget stays the same every month)."""
    rows = budgets.size * samples
    bought = tile(channel, budgets.size).with_budget(np.repeat(budgets, samples))
    users, spend = bought.users_and_spend(_Rows(rows, horizon))

    def per_row(amount: FloatArray) -> FloatArray:
        by_month = amount if amount.ndim > 1 else amount[None]
        by_month = np.broadcast_to(by_month, (by_month.shape[0], rows))
        return _mean_over_months(channel, by_month, horizon).reshape(budgets.size, samples)

    return per_row(np.asarray(users)), per_row(np.asarray(spend))


def month_profile(channel: Channel, samples: int, horizon: int) -> FloatArray | None:
    """(H, samples) users bought in each month per user of the mean active month, at any budget, when a value
    the channel reads moves by month; None when every month buys alike. Its budget form buys
    budget x (factors of month t) x saturation(budget), so the profile does not depend on the budget."""
    users, _ = tile(channel, 1).with_budget(np.ones(samples)).users_and_spend(_Rows(samples, horizon))
    users = np.asarray(users)
    if users.ndim < 2 or users.shape[0] == 1:
        return None
    by_month = np.broadcast_to(users, (horizon, samples))
    mean = _mean_over_months(channel, by_month, horizon)
    return np.asarray(np.divide(by_month, mean, out=np.zeros((horizon, samples)), where=mean > 0))


def moves_by_month(channel: Channel) -> bool:
    return any(isinstance(getattr(channel, field.name), ByMonth) for field in dataclasses.fields(channel))


def spend_moves(channel: Channel, horizon: int) -> bool:
    """Whether the channel of the median scenario spends different amounts in its active months (a budget written by
    month, users by month at a bid): its ``monthly_budget`` is then their mean, which no month spends."""
    _, spend = channel.users_and_spend(_Rows(1, horizon))
    spend = np.asarray(spend)
    if spend.ndim <= 1 or spend.shape[0] == 1:
        return False
    active = [month - 1 for month in (channel.months or range(1, horizon + 1)) if 1 <= month <= horizon]
    spent = spend[active, 0]
    return bool(spent.size) and not np.allclose(spent, spent[0], rtol=1e-12, atol=0.0)


def _mean_over_months(channel: Channel, by_month: FloatArray, horizon: int) -> FloatArray:
    """(s,) the mean of ``by_month`` (1 or H, s) over the channel's active months."""
    if by_month.shape[0] == 1:
        return np.asarray(by_month[0])
    active = [month - 1 for month in (channel.months or range(1, horizon + 1)) if 1 <= month <= horizon]
    return np.asarray(by_month[active].mean(axis=0))


class _Rows:
    """Reads a value of a realized channel as the ``(s,)`` row a users-and-spend formula takes
    (``model/channels/base.py`` ``Params``), and a value written by month as its ``(H, s)`` schedule."""

    def __init__(self, samples: int, horizon: int) -> None:
        self.samples = samples
        self.horizon = horizon

    def __call__(self, value: Value) -> FloatArray:
        return np.broadcast_to(np.asarray(value, dtype=np.float64).reshape(-1), (self.samples,))

    def monthly(self, value: Moving) -> FloatArray:
        return monthly(value, self.horizon, self.samples)


def tile(obj: Any, copies: int) -> Any:
    """``obj`` with every sample array repeated ``copies`` times along the sample axis (candidate-major)."""
    return map_arrays(obj, lambda array: np.tile(array, copies))


def samples_of(realized: Scenario) -> int:
    lengths = {value.shape[0] for _, value in leaves(realized) if isinstance(value, np.ndarray)}
    return max(lengths, default=1)


def at_splits(realized: Scenario, movable: list[int], splits: FloatArray, today: FloatArray | None = None) -> Scenario:
    """The realized scenario with one block of samples per row of ``splits`` (K, C), movable channels in budget form.

    ``today``: today's split (C,). A channel copy whose budget in a row is exactly today's is the file's channel
    there, as written (a volume fixed where the file gives one), not its budget form: under drawn unit costs the two
    differ (a kol's ``posts: 30`` at a drawn fee spends what the fee makes it, its budget form buys what a fixed
    budget buys at that fee), and today's split, and the months a split holds at today's, are the file's, what
    ``simulate`` of the file gives (docs/allocate.md, channels given by volume). Where some rows of a copy are at today's
    budget and others not, the copy buys in budget form with a budget of 0 in the former and a copy of the file's
    channel, appended after the others under the same name, buys with its volume set to 0 in the latter."""
    copies, samples = splits.shape[0], samples_of(realized)
    tiled = tile(realized, copies)
    acquisition = list(tiled.acquisition)
    written_twins = []
    for column, i in enumerate(movable):
        written = (np.zeros(copies, dtype=bool) if today is None
                   else np.asarray(splits[:, column] == today[column], dtype=bool))
        if written.all():
            continue
        if written.any():
            written_twins.append(_scaled_volume(acquisition[i], np.repeat(written, samples).astype(np.float64)))
        acquisition[i] = acquisition[i].with_budget(np.repeat(np.where(written, 0.0, splits[:, column]), samples))
    return dataclasses.replace(tiled, acquisition=tuple(acquisition + written_twins))


def _scaled_volume(channel: Channel, share: FloatArray) -> Channel:
    """``channel`` with what it buys by (its volume, or its budget when the file gives one) times ``share`` (rows,):
    a share of 0 buys and spends nothing (a movable channel's volume is one number or one per draw, never by month:
    whatif/allocate_movable.py)."""
    volume = channel.volume
    changes: dict[str, Any] = {volume: np.asarray(getattr(channel, volume), dtype=np.float64) * share}
    return dataclasses.replace(channel, **changes)


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
