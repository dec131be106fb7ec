"""Reading a realized scenario's values as sample rows, and the small array helpers every stage shares."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar, cast

import numpy as np

from aigc_roi.model.by_month import monthly, sample_row
from aigc_roi.model.scenario import ByMonth, Distribution, FloatArray, Months, Moving, Scenario
from aigc_roi.model.tree import leaf_values, leaves


def _is_plain_zero(value: Moving) -> bool:
    """A value written as 0 (or left at its default): the cost it prices is skipped, not computed as zeros."""
    return isinstance(value, float | int) and value == 0


def _once_if_shared(values: FloatArray) -> FloatArray:
    """A parameter the same for every sample as one value: curves built from it are then computed once."""
    return values[:1] if values.strides == (0,) else values


def _sample_count(scenario: Scenario) -> int:
    """The samples of a realized scenario: the length of its sample arrays (1 without any). Every engine call asks, so
    the tree is walked without spelling paths; only a scenario it cannot count is walked again to say where."""
    lengths = set()
    for value in leaf_values(scenario):
        if isinstance(value, Distribution) or value.ndim > 1:
            return _located_sample_count(scenario)
        if value.ndim == 1 and value.shape[0] != 1:
            lengths.add(value.shape[0])
    if len(lengths) > 1:
        return _located_sample_count(scenario)
    return next(iter(lengths), 1)


def _located_sample_count(scenario: Scenario) -> int:
    """``_sample_count``, its errors located by the paths of the leaves."""
    lengths: dict[int, str] = {}
    for path, value in leaves(scenario):
        if isinstance(value, Distribution):
            raise TypeError(f"{path} is still a Distribution; call sampling.realize() before evaluate()")
        if value.ndim > 1:
            raise ValueError(f"{path}: expected a float or a 1-d array of samples, got shape {value.shape}")
        if value.ndim == 1 and value.shape[0] != 1:
            lengths.setdefault(value.shape[0], path)
    if len(lengths) > 1:
        found = ", ".join(f"{path} has {n}" for n, path in lengths.items())
        raise ValueError(f"sample arrays differ in length: {found}")
    return next(iter(lengths), 1)


def chunk_bounds(samples: int, step: int) -> list[tuple[int, int]]:
    """(start, stop) of consecutive chunks of at most ``step`` samples (2 when ``step`` is 1 and there are more), the
    last one taking a lone last sample: numpy sums the months of one sample in another order than those of many
    (pairwise), so a sample alone in its chunk would differ in its last bits from the same sample in any other
    chunk. Only a single sample is evaluated alone."""
    step = max(step, 2)
    bounds = [(start, min(start + step, samples)) for start in range(0, samples, step)]
    if len(bounds) > 1 and bounds[-1][1] - bounds[-1][0] == 1:
        bounds[-2:] = [(bounds[-2][0], samples)]
    return bounds


_Built = TypeVar("_Built")
"""What ``_Params.once`` builds."""


class _Params:
    """Turns a ``Value`` into an ``(s,)`` float64 row that broadcasts against ``(H, s)``."""

    def __init__(self, samples: int, horizon: int = 1) -> None:
        self.samples = samples
        self.horizon = horizon
        self._built: dict[tuple[str, int, int], tuple[object, object, Any]] = {}

    def __call__(self, value: Moving) -> FloatArray:
        if isinstance(value, ByMonth):
            raise TypeError("a by_month value has no single value; read it with monthly()")
        return sample_row(value, self.samples)

    def monthly(self, value: Moving) -> FloatArray:
        """``(H, s)`` for a by-month value, ``(1, s)`` for a constant one: either broadcasts against ``(H, s)``.

        A by-month value's schedule is built once a chunk (read-only): a price is read by the revenue, the paid
        channels' revenue and the plan's recursion alike."""
        if not isinstance(value, ByMonth):
            return monthly(value, self.horizon, self.samples)

        def schedule() -> FloatArray:
            series = monthly(value, self.horizon, self.samples)
            series.flags.writeable = False
            return series

        return self.once("schedule", value, schedule)

    def once(self, kind: str, source: object, build: Callable[[], _Built], also: object = None) -> _Built:
        """``build()``, what ``source`` (with ``also``, where it reads another value) gives as ``kind``, built the first
        time a chunk asks and shared after: every stage of a chunk reads the same values (so callers read it, never
        write it)."""
        key = (kind, id(source), id(also))
        known = self._built.get(key)
        if known is None or known[0] is not source or known[1] is not also:
            known = self._built[key] = (source, also, build())
        return cast(_Built, known[2])


@functools.lru_cache(maxsize=1024)
def _month_mask(months: Months, horizon: int) -> FloatArray:
    """``(H,)`` 1 in the given months (1-based; every month for None), else 0. Built once per months and horizon (a
    file at the caps asks hundreds of times a call) and read-only."""
    mask = np.zeros(horizon)
    chosen = range(1, horizon + 1) if months is None else [month for month in months if 1 <= month <= horizon]
    mask[np.asarray(list(chosen), dtype=np.intp) - 1] = 1.0
    mask.flags.writeable = False
    return mask


def shared_columns(column: FloatArray, samples: int) -> FloatArray:
    """``np.broadcast_to(column, (H, samples))`` of a C-contiguous ``(H, 1)`` column: every sample's column the same,
    with a stride of 0 (by which a curve every sample shares is known), read-only; made by ndarray itself, without
    broadcast_to's Python."""
    view = np.ndarray((column.shape[0], samples), buffer=column, strides=(column.strides[0], 0))
    view.flags.writeable = False
    return view


def every(values: np.ndarray) -> bool:
    """``values.all()``: whether every value is nonzero (NaN is), counted: a reduction takes three times a count's
    time on a run's arrays, and a run asks a few dozen times."""
    return bool(np.count_nonzero(values) == values.size)


def some(values: np.ndarray) -> bool:
    """``values.any()``: whether some value is nonzero (NaN is), counted as ``every`` counts."""
    return bool(np.count_nonzero(values) > 0)


def _ratio(numerator: FloatArray, denominator: FloatArray) -> FloatArray:
    """numerator / denominator, NaN where the denominator is 0 or NaN."""
    numerator, denominator = np.asarray(numerator, dtype=np.float64), np.asarray(denominator, dtype=np.float64)
    # The division broadcasts into ``out``: no broadcast views first (their Python is most of a small call).
    shape = numerator.shape if numerator.shape == denominator.shape else np.broadcast(numerator, denominator).shape
    if every(denominator):
        # No NaN to write first, and an unmasked division: a third of the time over a bid that moves by month.
        return np.divide(numerator, denominator, out=np.empty(shape))
    out = np.full(shape, np.nan)
    np.divide(numerator, denominator, out=out, where=denominator != 0)
    return out


def _zero_fill_ratio(numerator: FloatArray, denominator: FloatArray) -> FloatArray:
    """numerator / denominator, 0 where the denominator is 0 or NaN (buying at an undefined price buys nothing)."""
    ratio = _ratio(numerator, denominator)
    # An infinity or NaN (a zero denominator, amounts past float64's range) is rare: checked for before it is mended.
    return ratio if every(np.isfinite(ratio)) else np.nan_to_num(ratio, copy=False, nan=0.0)
