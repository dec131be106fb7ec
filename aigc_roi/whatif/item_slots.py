"""Rows of drivers that move one plan, one purchase or the serving cost, evaluated on that item alone
(docs/formulas.md §10).

Without gates, and with no channel's conversion index above 1 (an index is
clipped against the largest plan conversion, docs/formulas.md §15), every
monetization item adds its own amounts to what the figures are computed
from (``FigureInputs``, model/figure_values.py): a plan's payments, a
purchase's revenue, each net of its own fee, the deliveries and the
subscribers' serving it costs are sums over the cohorts of new users, and
no item changes those cohorts; so does the active users' serving, the
active users times its cost. So the amounts of the scenario with one item
moved are the scenario's own with that item's part replaced:

    amounts(moved) = amounts(current) + item(moved) - item(current)

where item() is the same scenario with that item as its only one. A row
that moves a plan's renewal then costs the engine one item, not the
hundreds a large file has (issue 27: at every cap of docs/limits.md, 150
items each computed for every one of 5,000 candidates). Items of one shape
share a slot of one engine call: a scenario with one plan per period and
one purchase, whose values are arrays, each sample one row's item; in the
samples of the other slots the slot is bought by no one (no payer, no
purchase), so it adds nothing. Each moved item also has a sample at its
current values, item(current); the orders and fixed costs, the same in
every sample, are left out. The figures agree with the whole scenario's to
about 1e-12 of the amounts, not to the last bit (drivers.moved_alone,
``exact``).

An order line has a slot per months it runs in, so many lines make many
slots: its drivers, and a driver of an item with a value written by month,
by age or as a renewal list, move through the whole scenario instead, as
does every other driver.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from aigc_roi.model.engine import evaluate_batch
from aigc_roi.model.figure_values import FigureInputs, items_add
from aigc_roi.model.scenario import FloatArray, Scenario

_ITEM_PATH = re.compile(r"monetization\.(plans|purchases)\[(\d+)\]\.(\w+)")
_NUMBERS = {
    "plans": ("price", "conversion", "renewal", "fee"),
    "purchases": ("price", "rate", "fee", "unit_cost"),
    "costs": ("serving_per_active_user",),
}
"""An item's values, each set per sample in its slot. The active users' serving adds its own amounts as an item
does (active users times the cost) and has a slot of its own; the subscribers' serving is the plans'."""
_SERVING = ("costs", 0)

Item = tuple[str, int]
"""(list, position): ``("plans", 3)``."""
ItemRow = tuple[Item, str, FloatArray]
"""A row of one item moved alone: the item, the field moved and its values."""


def items_moved(realized: Scenario, paths: Sequence[str]) -> list[Item | None]:
    """Per driver path, the item it moves where it can move on that item alone (module docstring), else None."""
    if not items_add(realized):
        return [None] * len(paths)
    return [_item(realized, path) for path in paths]


def _item(scenario: Scenario, path: str) -> Item | None:
    if path == "costs.serving_per_active_user":
        return _SERVING if _plain(scenario.costs.serving_per_active_user) else None
    match = _ITEM_PATH.fullmatch(path)
    if match is None or match[3] not in _NUMBERS[match[1]]:
        return None
    kind, position = match[1], int(match[2])
    item = _item_at(scenario, (kind, position))
    return (kind, position) if all(_plain(getattr(item, name)) for name in _NUMBERS[kind]) else None


def _item_at(scenario: Scenario, item: Item) -> Any:
    kind, position = item
    return scenario.costs if kind == "costs" else getattr(scenario.monetization, kind)[position]


def _plain(value: object) -> bool:
    """A number (or a fee left to the revenue fee), not a value by month, by age or a renewal list."""
    return value is None or isinstance(value, float | int) or (isinstance(value, np.ndarray) and value.size == 1)


def moved_alone(realized: Scenario, current: FigureInputs, rows: Sequence[ItemRow]) -> FigureInputs:
    """The inputs of every row's values, rows (at least one) one after another: ``current`` (the scenario as it is,
    one sample) with each row's item moved (module docstring)."""
    monetization = realized.monetization
    index = {item: i for i, item in enumerate(dict.fromkeys(item for item, _, _ in rows))}
    items = [_item_at(realized, item) for item in index]
    slot_of = [_slot(kind, item) for (kind, _), item in zip(index, items, strict=True)]
    slots = list(dict.fromkeys(slot_of))
    # Sample i < len(index): item i at its current values; then every row's other values, row by row (a value at
    # its field's current value reads its item's current sample).
    moved = [values != _number(items[index[item]], field, monetization.revenue_fee) for item, field, values in rows]
    lengths = [int(own.sum()) for own in moved]
    samples = len(index) + sum(lengths)
    owners = np.concatenate([np.arange(len(index)), np.repeat([index[item] for item, _, _ in rows], lengths)])
    # Each sample holds its owner's current values in its owner's slot, and 0 in the others: no payer, no purchase.
    arrays = {slot: {name: np.array([_number(item, name, monetization.revenue_fee) if own == slot else 0.0
                                     for item, own in zip(items, slot_of, strict=True)])[owners]
                     for name in _NUMBERS[slot[0]]} for slot in slots}
    at = []
    first = len(index)
    for (item, field, values), own, length in zip(rows, moved, lengths, strict=True):
        arrays[slot_of[index[item]]][field][first:first + length] = values[own]
        position = np.full(len(values), index[item])
        position[own] = first + np.arange(length)
        at.append(position)
        first += length
    inputs = evaluate_batch(_slot_scenario(realized, arrays), irr=False, inputs=True, samples=samples).inputs
    assert inputs is not None, "a figures-only evaluation keeps its inputs"
    return current.plus_moves(inputs, np.concatenate(at), np.repeat([index[item] for item, _, _ in rows],
                                                                    [len(values) for _, _, values in rows]))


def _slot_scenario(realized: Scenario, arrays: dict[tuple[Any, ...], dict[str, FloatArray]]) -> Scenario:
    """The scenario with its items replaced by one per slot, whose values are ``arrays``."""
    monetization = realized.monetization
    lists: dict[str, list[Any]] = {"plans": [], "purchases": []}
    for slot, values in arrays.items():
        kind = slot[0]
        if kind != "costs":
            model = next(item for item in getattr(monetization, kind) if _slot(kind, item) == slot)
            lists[kind].append(dataclasses.replace(model, **values))
    # No fixed cost and no order: they add the same to every sample, and their differences are what is kept.
    serving = arrays.get(("costs",), {}).get("serving_per_active_user", realized.costs.serving_per_active_user)
    return dataclasses.replace(realized, monetization=dataclasses.replace(
        monetization, plans=tuple(lists["plans"]), purchases=tuple(lists["purchases"]), orders=()),
        costs=dataclasses.replace(realized.costs, fixed=(), serving_per_active_user=serving))


def _number(item: Any, name: str, revenue_fee: Any) -> float:
    value = getattr(item, name)
    # An item without a fee of its own keeps what the revenue fee leaves: the same share, as a number.
    return float(np.asarray(revenue_fee if value is None and name == "fee" else value).reshape(-1)[0])


def _slot(kind: str, item: Any) -> tuple[Any, ...]:
    """Items that can share one slot: plans of one period, every purchase."""
    return (kind, int(item.period_months)) if kind == "plans" else (kind,)
