"""Running (cumulative) sums and products and lagged recursions along the month axis, fast whatever the memory
layout.

The engine keeps its arrays month-major, ``(H, s)``, and hands them to the
figure functions as ``(S, H)`` views; the month axis is then not the one
contiguous in memory. numpy's ``cumsum`` walks such an axis several times
slower than a loop of whole-slice additions (benchmarks/bench_engine.py
measures the engine), so along a non-contiguous axis this adds slice by slice.
Both add in the same order, ``out[t] = out[t-1] + x[t]``: the numbers are
identical.
"""

from __future__ import annotations

import numpy as np

from aigc_roi.model.scenario import FloatArray


def running_sum(values: FloatArray, axis: int = 0, own: bool = False) -> FloatArray:
    """``np.cumsum(values, axis)`` as float64, in the same layout as ``values``; with ``own`` (float64, the caller's
    and read no more) in ``values`` itself, without the copy, a pass over every value."""
    out = values if own else np.array(values, dtype=np.float64, order="K")
    along = out if axis == 0 else _months_first(out, axis)
    if along.shape[0] < 2 or along.strides[0] == out.itemsize:
        along.cumsum(axis=0, out=along)
        return out
    add_down(along)
    return out


def add_down(values: FloatArray) -> None:
    """``values[t] += values[t - 1]`` for t = 1, 2, ..., in place.

    Month by month through views of the rows made once, each output passed by position: at a few thousand
    samples a slice and a keyword per month cost more than the addition (a third of the loop at 120 months)."""
    add = np.add
    rows = list(values)
    for before, row in zip(rows, rows[1:], strict=False):
        add(row, before, row)


def _months_first(values: FloatArray, axis: int) -> FloatArray:
    """``np.moveaxis(values, axis, 0)``, a view, without its Python (which costs more than a single run's sums)."""
    axis %= values.ndim
    if axis == 1:  # the plans' months in their stack: one swap, without the generator
        return values.swapaxes(0, 1)
    return values.transpose(axis, *(other for other in range(values.ndim) if other != axis))


FEW_VALUES = 16
"""Up to this many values a month, ``recurrence`` runs on Python floats: a numpy call per month costs more than its
arithmetic (the recursions were a third of a single run at 120 months)."""


def recurrence(inflow: FloatArray, factor: FloatArray, lag: int = 1, axis: int = 0) -> FloatArray:
    """x(t) = factor x x(t - lag) + inflow(t) along ``axis`` (the months), x(t) = inflow(t) before ``lag``; ``factor``
    broadcasts against one month of ``inflow``.

    Each value takes one multiplication and one addition, in that order, on Python floats where a month holds few
    values and as a vector operation per ``lag`` months otherwise: the same roundings, so the same numbers."""
    out = np.empty(inflow.shape)
    given, months = (inflow, out) if axis == 0 else (_months_first(inflow, axis), _months_first(out, axis))
    count = inflow.shape[axis]
    width = inflow.size // max(count, 1)
    if width <= FEW_VALUES:
        # Month-major in one flat list: a value's month before is ``back`` places earlier. One loop per column and
        # chain of months t, t + lag, t + 2 lag, ...: the value before is the one just computed, kept, not read again.
        values = given.reshape(count * width).tolist()
        factors = np.empty(months.shape[1:])
        factors[...] = factor  # broadcast by a copy: a broadcast view's Python costs more than these few values
        back, end = lag * width, count * width
        for j, scale in enumerate(factors.reshape(width).tolist()):
            for first in range(j, min(back, end), width):
                before = values[first]
                for i in range(first + back, end, back):
                    before = values[i] = scale * before + values[i]
        # fromiter: a list of floats read as one, a third of the time np.array takes to look at each element's type.
        months[...] = np.fromiter(values, np.float64, end).reshape(months.shape)
        return out
    months[:lag] = given[:lag]
    multiply, add = np.multiply, np.add
    if lag == 1:
        # A month at a time through row views made once (``add_down``): written straight into x(t), then the
        # inflow added, no copy of every month of the inflow first.
        rows = list(months)
        for before, row, inflow in zip(rows, rows[1:], list(given)[1:], strict=False):
            multiply(factor, before, row)
            add(row, inflow, row)
        return out
    for start in range(lag, count, lag):
        stop = min(start + lag, count)
        multiply(factor, months[start - lag:stop - lag], months[start:stop])
        add(months[start:stop], given[start:stop], months[start:stop])
    return out


def stacked(values: FloatArray, count: int) -> FloatArray:
    """``(count, *values.shape)``, ``values`` ``count`` times over, for ``recurrence`` to read as a stack: a broadcast
    view where a month of the stack is wide (a vector operation per month reads it), a copy where it is narrow (the
    Python floats copy it anyway, and a view's Python costs more than the copy)."""
    if count == 1:
        return values[None]
    if count * values[0].size <= FEW_VALUES:
        return values[None].repeat(count, axis=0)
    return np.broadcast_to(values, (count, *values.shape))


ACCUMULATED_VALUES = 64
"""Up to this many values a step, ``running_product`` is one accumulation down the steps; beyond it an accumulation,
which numpy walks value by value along the non-contiguous step axis, is slower than a vector product per step."""


def running_product(first: FloatArray, factor: FloatArray, steps: int) -> FloatArray:
    """``(steps, ...)``: ``first``, then each step the one before times ``factor`` (a first payment renewed k times
    over, the powers of a discount): one multiplication a step, in that order, whichever way it runs."""
    shape = np.shape(first)
    # np.broadcast's shape, not broadcast_shapes: the same shape without its Python, which a run's stacks asked for.
    out = np.empty((steps, *(shape if shape == np.shape(factor) else np.broadcast(first, factor).shape)))
    if steps == 0:
        return out
    out[0] = first
    if out[0].size <= ACCUMULATED_VALUES:
        out[1:] = factor
        np.multiply.accumulate(out, axis=0, out=out)
    else:
        multiply = np.multiply
        rows = list(out)
        for before, row in zip(rows, rows[1:], strict=False):
            multiply(before, factor, row)
    return out


BLOCK_CELLS = 1 << 16
"""Values in one row block of ``add_product`` and ``sum_product`` (512 KB)."""


def add_product(out: FloatArray, left: FloatArray, right: FloatArray, sign: int = 1) -> None:
    """``out += left * right`` (``-=`` with ``sign`` -1) in place; ``left`` and ``right`` broadcast against ``out``
    ``(H, ...)``, each with all of its rows or one.

    A block of rows at a time (``BLOCK_CELLS``): each block's products are read back from the core's cache, where the
    products of a whole chunk (4 MB at 120 months) are written out to memory and read in again. The same product and
    sum of each value, so the same numbers."""
    combine = np.add if sign > 0 else np.subtract
    blocks = _row_blocks(out.shape)
    product = np.empty((blocks[0].stop, *out.shape[1:])) if blocks else out
    for rows in blocks:
        block = product[: rows.stop - rows.start]
        np.multiply(_rows_of(left, rows), _rows_of(right, rows), out=block)
        combine(out[rows], block, out=out[rows])


def sum_product(base: FloatArray, left: FloatArray, right: FloatArray, scale: FloatArray | None = None) -> FloatArray:
    """``base + left * right``, or ``scale * (base + left * right)``, a new array, a block of rows at a time as
    ``add_product`` adds."""
    out = np.empty(np.broadcast_shapes(base.shape, left.shape, right.shape, (1,) if scale is None else scale.shape))
    for rows in _row_blocks(out.shape):
        block = out[rows]
        np.multiply(_rows_of(left, rows), _rows_of(right, rows), out=block)
        np.add(_rows_of(base, rows), block, out=block)
        if scale is not None:
            np.multiply(_rows_of(scale, rows), block, out=block)
    return out


def _row_blocks(shape: tuple[int, ...]) -> list[slice]:
    """Slices of the rows of an array of ``shape`` ``(H, ...)``, each of at most ``BLOCK_CELLS`` values (a row at
    least): one slice of every row where they fit, as a single run's do."""
    width = int(np.prod(shape[1:], dtype=np.int64))
    rows = max(1, BLOCK_CELLS // max(1, width))
    return [slice(start, min(start + rows, shape[0])) for start in range(0, shape[0], rows)]


def _rows_of(values: FloatArray, rows: slice) -> FloatArray:
    """The rows ``rows`` of an operand with rows of its own, or the operand itself where it broadcasts one row."""
    return values[rows] if values.ndim > 1 and values.shape[0] > 1 else values
