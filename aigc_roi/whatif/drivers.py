"""The drivers of a scenario: the unit prices and rates a what-if moves.

docs/formulas.md §5 names them: each channel's unit cost and its budget or
volume (each channel type says which: ``ChannelType.drivers``,
model/channels/), a channel's ``conversion_index`` where it is not 1
(docs/formulas.md §15), each plan's ``price``, ``conversion`` and ``renewal``
(where they are numbers: a conversion by age or a renewal list has no
single value to move), each purchase's ``price``, each plan's and
purchase's own ``fee`` where given, each order line's ``price``, ``count``
and ``fee``, the serving cost per active user, and per subscriber where the
file charges one. A value written by month moves as a whole: its driver is
one factor on every month's value (current 1; docs/formulas.md §14). A
driver is addressed by the path ``--set`` takes (``acquisition[0].bid``, also
``acquisition[Bilibili CPA].bid``).

Pure: no I/O. The batch helpers put arrays of candidate values into the
driver fields of a realized scenario, so the engine evaluates many
candidates (of several drivers at once) in one vectorised call.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias, cast

import numpy as np

from aigc_roi.model.channels import channel_type
from aigc_roi.model.channels.base import Unit
from aigc_roi.model.engine import Result, evaluate, evaluate_batch
from aigc_roi.model.field_words import in_english
from aigc_roi.model.figure_values import FigureInputs
from aigc_roi.model.limits import MAX_MAGNITUDE
from aigc_roi.model.names import did_you_mean, listed, resembling
from aigc_roi.model.paths import (
    PathReader,
    RefusedName,
    at_place,
    channel_path,
    is_shared,
    item_place,
    list_index,
    plan_path,
    read_or_none,
    split_path,
)
from aigc_roi.model.sampling import realize
from aigc_roi.model.scenario import (
    ByMonth,
    Distribution,
    FloatArray,
    Moving,
    Order,
    Plan,
    Purchase,
    Scenario,
    Value,
    is_rate_field,
)
from aigc_roi.whatif import item_slots
from aigc_roi.whatif.errors import WhatIfError

SERVING_PATH = "costs.serving_per_active_user"
SUBSCRIBER_SERVING_PATH = "costs.serving_per_subscriber"
SEARCH_MULTIPLE = 100.0
"""A threshold search first covers [lower bound, 100 x current], then widens to the driver's domain (breakeven.py)."""
MAX_BATCH_CELLS = 4_000_000
"""Samples x (months + rows) of one engine call of drivers moved alone: the engine chunks its monthly
arrays by itself, this bounds what a batch keeps, its cumulative cash and each row's driver's values
for every sample (32 MB)."""
_PLACED = re.compile(r"([^\[]*)\[(\d+)\](.*)", re.DOTALL)
"""An item's driver path: its list's path, its index and the field path inside it."""
Figures: TypeAlias = dict[str, FloatArray]
"""Figure name -> array, as in ``Result.figures``."""


@dataclass(frozen=True)
class Driver:
    """One input a what-if moves, with everything held at its current value."""

    path: str
    """``--set`` path with list indices, e.g. ``acquisition[0].bid``."""
    item: str | None
    """Name of the channel, plan or purchase it belongs to; None for serving."""
    field: str
    """A channel field its type moves (``ChannelType.drivers``: ``bid``, ``budget``, ...), a channel's
    ``conversion_index``, ``price``, ``conversion``, ``renewal``, ``fee``, ``count``, ``serving_per_active_user``
    or ``serving_per_subscriber``."""
    current: float
    """Value in the realized scenario (a range's median); money or a 0..1 rate."""
    upper_bound: float
    """Largest valid value: 1 for rates, the number-size limit (1e15) otherwise; less where a cross-field rule
    ends the domain first (a conversion index's ceiling, 1 / the largest plan conversion, and a plan's
    conversion's, 1 / the largest index: docs/formulas.md §15)."""
    search_high: float
    """Upper end of the first threshold search: 100 x current within the bound; for a
    current value of 0, 1 for rates or 100 x the scenario's largest money value.
    A search that finds nothing below it widens up to ``upper_bound``."""
    lower_bound: float = 0.0
    """Smallest value at which the model is defined: a bid or cpm dividing a
    budget must stay >= ``MIN_UNIT_COST`` (at 0 it would buy no users yet spend)."""
    channel_type: str | None = None
    """The type of the channel it belongs to (its labels and units); None for the other drivers."""
    schedule: ByMonth | None = None
    """A by-month value moves as a whole: the driver is then a factor on every month's value
    (current 1, bounds and thresholds factors too); None for a single value."""
    is_rate: bool = False
    """Its values are shares in [0, 1], whatever rule ends its domain below 1; a factor's never are."""
    shared: bool = False
    """Another item of its list has its item's name (reader/shared_names.py): only the path tells the two apart."""

    @property
    def is_factor(self) -> bool:
        return self.schedule is not None

    @property
    def named_path(self) -> str:
        """The path as people read it and ``--set`` and ``--grid`` take it back: ``acquisition[Bilibili CPA].bid``;
        the indexed path where the name cannot be written so (model/paths.py ``item_place``: shared, holding a
        bracket, or a number)."""
        if self.item is None:
            return self.path
        placed = _PLACED.fullmatch(self.path)
        assert placed is not None, f"an item's driver at {self.path!r}"
        return item_place(placed[1], int(placed[2]), self.item, self.shared) + placed[3]

    @property
    def item_label(self) -> str | None:
        """The item as a row names it: its name, ``x (acquisition[1])`` where another item of its list has the name
        (model/paths.py ``at_place``); None for serving."""
        if self.item is None or not self.shared:
            return self.item
        return at_place(self.item, self.path[:self.path.index("]") + 1])

    @property
    def unit(self) -> Unit:
        """A channel's field has the unit its type declares; an order's ``count`` is a handful a month."""
        if self.channel_type is not None:
            info = channel_type(self.channel_type).field_info(self.field)
            assert info is not None, f"{self.channel_type} declares no field {self.field!r}"
            return info.unit
        if self.field in ("count", "conversion_index"):
            # A multiple near 1, shown with decimals as a handful is; never a rate, even where its ceiling is 1.
            return "small_count"
        return "rate" if self.is_rate else "money"

    @property
    def is_count(self) -> bool:
        """It counts things (users, impressions, posts, orders), not money or shares."""
        return self.unit in ("count", "small_count")

    def clip(self, values: FloatArray) -> FloatArray:
        """Candidate values moved into the driver's valid domain."""
        return np.clip(values, self.lower_bound, self.upper_bound)


class UnknownDriver(WhatIfError, LookupError):
    """A path that names no driver of the scenario: the message names the driver it resembles (``meant``) and any as
    near (``as_near``: ``抖音C.bid`` is ``抖音A``'s bid as much as ``抖音B``'s), as ``--set`` does for a name, or lists
    them all when it resembles none."""

    def __init__(self, path: str, available: Sequence[str], meant: str | None = None, as_near: Sequence[str] = ()) -> None:
        # ``args`` the constructor's, as pickle rebuilds the exception from them (model/errors.py ScenarioInvalid).
        super().__init__(path, tuple(available), meant, tuple(as_near))
        self.path, self.available, self.meant, self.as_near = path, tuple(available), meant, tuple(as_near)

    def __str__(self) -> str:
        drivers = (did_you_mean([self.meant, *self.as_near]) if self.meant
                   else f"the drivers are: {listed(self.available) or 'none'}")
        return f"'{self.path}' is not a driver; {drivers}"


def list_drivers(scenario: Scenario) -> list[Driver]:
    """Every driver of ``scenario`` in file order; ranges count at their median."""
    return drivers_of(realize(scenario))


def drivers_of(realized: Scenario) -> list[Driver]:
    """``list_drivers`` of a scenario already realized (realizing walks the whole scenario again)."""
    fallback_high = SEARCH_MULTIPLE * (_largest_money(realized) or 1.0)
    drivers: list[Driver] = []
    shared = _shared_items(realized)

    def add(path: str, item: str | None, field: str, value: Moving, lower: float = 0.0, owner: type | None = None,
            kind: str | None = None, upper: float | None = None) -> None:
        rate = is_rate_field(owner, field)
        upper = upper if upper is not None else 1.0 if rate else MAX_MAGNITUDE
        if isinstance(value, ByMonth):
            drivers.append(_factor_driver(path, item, field, value, upper, lower, kind, path.split("].")[0] in shared))
            return
        current = _scalar(value)
        high = min(SEARCH_MULTIPLE * current, upper) if current > 0 else (upper if rate else fallback_high)
        drivers.append(Driver(path, item, field, current, upper, max(high, lower), lower, kind, is_rate=rate,
                              shared=path.split("].")[0] in shared))

    for i, channel in enumerate(realized.acquisition):
        for field, lowest in channel.drivers():
            add(f"{channel_path(i)}.{field}", channel.name, field, getattr(channel, field), lowest, type(channel), channel.type)
        if _scalar(channel.conversion_index) != 1.0:
            # Common to every type, so labelled here, not by the type; its domain ends where a plan would
            # convert more than every user (docs/formulas.md §15).
            add(f"{channel_path(i)}.conversion_index", channel.name, "conversion_index", channel.conversion_index,
                upper=_index_ceiling(realized))
    for i, plan in enumerate(realized.monetization.plans):
        add(f"{plan_path(i)}.price", plan.name, "price", plan.price)
        if not isinstance(plan.conversion, tuple):
            # Its domain ends where a channel's index would have more than all of a cohort subscribe: the
            # index is held, never lowered to fit (docs/formulas.md §15).
            add(f"{plan_path(i)}.conversion", plan.name, "conversion", plan.conversion,
                upper=_conversion_ceiling(realized))
        if _is_number(plan.renewal):
            add(f"{plan_path(i)}.renewal", plan.name, "renewal", plan.renewal)  # type: ignore[arg-type]
        if plan.fee is not None:
            add(f"{plan_path(i)}.fee", plan.name, "fee", plan.fee, owner=Plan)
    for i, purchase in enumerate(realized.monetization.purchases):
        add(f"monetization.purchases[{i}].price", purchase.name, "price", purchase.price)
        if purchase.fee is not None:
            add(f"monetization.purchases[{i}].fee", purchase.name, "fee", purchase.fee, owner=Purchase)
    for i, order in enumerate(realized.monetization.orders):
        add(f"monetization.orders[{i}].price", order.name, "price", order.price)
        add(f"monetization.orders[{i}].count", order.name, "count", order.count)
        if order.fee is not None:
            add(f"monetization.orders[{i}].fee", order.name, "fee", order.fee, owner=Order)
    add(SERVING_PATH, None, "serving_per_active_user", realized.costs.serving_per_active_user)
    # Only where the file charges it: a 0 that no plan's subscribers would pay is no lever.
    if isinstance(realized.costs.serving_per_subscriber, ByMonth) or _scalar(realized.costs.serving_per_subscriber) != 0:
        add(SUBSCRIBER_SERVING_PATH, None, "serving_per_subscriber", realized.costs.serving_per_subscriber)
    return drivers


def _shared_items(realized: Scenario) -> set[str]:
    """The items, by their path up to its index (``acquisition[1``), whose name another item of their list has."""
    monetization = realized.monetization
    lists = {"acquisition": [channel.name for channel in realized.acquisition],
             "monetization.plans": [plan.name for plan in monetization.plans],
             "monetization.purchases": [purchase.name for purchase in monetization.purchases],
             "monetization.orders": [order.name for order in monetization.orders]}
    found = set()
    for list_path, names in lists.items():
        found |= {f"{list_path}[{i}" for i, name in enumerate(names) if is_shared(names, name)}
    return found


def _factor_driver(path: str, item: str | None, field: str, schedule: ByMonth, upper: float, lower: float,
                   kind: str | None, shared: bool) -> Driver:
    """The factor on every month of a by-month value: its bounds keep every month's value within the field's own."""
    values = [_scalar(value) for _, value in schedule.points]
    largest, smallest = max(values), min(values)
    factor_upper = upper / largest if largest > 0 else MAX_MAGNITUDE
    factor_lower = lower / smallest if lower > 0 and smallest > 0 else 0.0
    high = min(SEARCH_MULTIPLE, factor_upper)
    return Driver(path, item, field, 1.0, factor_upper, max(high, factor_lower), factor_lower, kind, schedule,
                  shared=shared)


def scaled(schedule: ByMonth, factor: float | FloatArray) -> ByMonth:
    """A realized by-month value with every month's value times ``factor`` (an array of candidates gives arrays)."""
    return ByMonth(tuple((month, _realized(value) * factor) for month, value in schedule.points))


def _index_ceiling(scenario: Scenario) -> float:
    """The largest conversion index any channel may have: 1 / the largest sum of a plan's conversions."""
    totals = [sum(_scalar(share) for _, share in plan.conversion) if isinstance(plan.conversion, tuple) else _scalar(plan.conversion)
              for plan in scenario.monetization.plans]
    largest = max(totals, default=0.0)
    return min(MAX_MAGNITUDE, 1.0 / largest) if largest > 0 else MAX_MAGNITUDE


def _conversion_ceiling(scenario: Scenario) -> float:
    """The largest conversion a plan may have: 1 / the largest conversion index, 1 where none is above 1."""
    largest = max((_scalar(channel.conversion_index) for channel in scenario.acquisition), default=1.0)
    return min(1.0, 1.0 / largest) if largest > 0 else 1.0


class AmbiguousDriver(WhatIfError, LookupError):
    """A path that reads as two drivers: its bracketed number is one item's index and another item's name
    (``acquisition[1]`` where the item named ``1`` is item 0), or its name is that of two items that have the driver
    (model/paths.py ``meant_by_name``)."""


def find_driver(drivers: Sequence[Driver], path: str, read: PathReader | None = None) -> Driver:
    """The driver at ``path`` as ``read`` reads it (by name too: ``acquisition[Douyin CPA].bid``, ``Douyin CPA.bid``),
    else as an indexed path alone; UnknownDriver where it is none, suggesting the driver it resembles over the ways
    each is written that are taken as it, or listing them, each by the first of those (``_spellings``)."""
    wanted = path.strip()
    try:
        indexed = read(wanted) if read is not None else wanted
    except RefusedName as refused:
        raise AmbiguousDriver(str(refused)) from None
    found = next((driver for driver in drivers if driver.path == indexed), None)
    if found is not None:
        return found
    offered = [(driver, spelt) for driver in drivers if (spelt := _spellings(driver, read))]
    # Any spelling may hold the slip, the item's name or the field: each, taken or not (``k=v.bid``, which no path
    # can hold), is matched to its own driver, offered by a spelling taken as it; a taken one wins a tie.
    first = {spelling: spelt[0] for _, spelt in offered for spelling in spelt}
    for driver, spelt in offered:
        for spelling in _written(driver):
            first.setdefault(spelling, spelt[0])
    # A field word in Chinese (月度会员.价格) is the driver its key names, which no spelling resembles.
    meant = [spelt[0] for guess in in_english(wanted) for driver, spelt in offered
             if guess in spelt or (read_or_none(read, guess) if read is not None else guess) == driver.path]
    near = list(dict.fromkeys(meant[:1] or [first[spelling] for spelling in resembling(wanted, list(first))]))
    raise UnknownDriver(wanted, [spelt[0] for _, spelt in offered], near[0] if near else None, near[1:])


def _spellings(driver: Driver, read: PathReader | None) -> list[str]:
    """The ways the driver is written that ``read`` takes as it, in the order offered: its ``named_path``, its name
    first (``1.bid``, where ``acquisition[0].bid`` reads as an index and a name at once), its index path; empty where
    none is (no path names the item: model/paths.py ``item_path``). Without a reader, every way, its index path
    first: an indexed path alone is taken."""
    if read is None:
        return list(dict.fromkeys([driver.path, *_written(driver)]))
    return [spelling for spelling in _written(driver) if read_or_none(read, spelling) == driver.path]


def _written(driver: Driver) -> list[str]:
    """The ways a driver is written: its ``named_path``, its name first, its index path."""
    return list(dict.fromkeys([driver.named_path, *([_name_first(driver)] if driver.item is not None else []),
                               driver.path]))


def _name_first(driver: Driver) -> str:
    """``Douyin CPA.bid`` for ``acquisition[0].bid``: the item's name, then the field path inside it."""
    return f"{driver.item}.{driver.path.split('].', 1)[1]}"


def with_value(scenario: Scenario, driver: Driver | str, value: float | FloatArray) -> Scenario:
    """A copy of ``scenario`` with the field at the driver's path set to ``value``.

    ``value`` may be an array of candidates (shape ``(K,)``): the engine then
    evaluates all of them in one call. Raises KeyError for a path that does
    not lead to a field.
    """
    path = driver.path if isinstance(driver, Driver) else driver
    segments = split_path(path)
    if not segments:
        raise KeyError(f"malformed path {path!r}")
    if isinstance(driver, Driver) and driver.schedule is not None:
        return _replace_at(scenario, segments, scaled(driver.schedule, value), path)
    return _replace_at(scenario, segments, value, path)


def _replace_at(obj: Any, segments: list[str], value: Any, path: str) -> Any:
    head, rest = segments[0], segments[1:]
    if isinstance(obj, tuple):
        inner = head.strip("[]")
        index = list_index(inner)
        index = index if index is not None else next(
            (i for i, item in enumerate(obj) if getattr(item, "name", None) == inner), None)
        if index is None or index >= len(obj) or not head.startswith("["):
            raise KeyError(f"{path}: no item {head}")
        items = list(obj)
        items[index] = _replace_at(obj[index], rest, value, path) if rest else value
        return tuple(items)
    if not dataclasses.is_dataclass(obj) or head.startswith("[") or not hasattr(obj, head):
        raise KeyError(f"{path}: no field {head!r}")
    new = _replace_at(getattr(obj, head), rest, value, path) if rest else value
    return dataclasses.replace(cast(Any, obj), **{head: new})


def evaluate_at(scenario: Scenario, assignments: Sequence[tuple[Driver, FloatArray]]) -> Result:
    """One engine call on the realized ``scenario`` with each driver's field set
    to its array of candidates; all arrays have the same length N and the
    figures come back as arrays of shape (N,), without ``irr``: no what-if
    reads it and it is the engine's costliest figure."""
    return evaluate_realized(realize(scenario), assignments)


def evaluate_realized(realized: Scenario, assignments: Sequence[tuple[Driver, FloatArray]]) -> Result:
    """``evaluate_at`` on a scenario already realized: a search calls it many times, and realizing
    walks the whole scenario again."""
    batch = realized
    for driver, values in assignments:
        batch = with_value(batch, driver, np.asarray(values, dtype=np.float64))
    return evaluate(batch, irr=False)


def evaluate_one_at_a_time(scenario: Scenario, drivers: Sequence[Driver], candidates: FloatArray) -> Figures:
    """Figures with each driver moved alone: ``candidates`` is (D, K), row d the
    values of driver d, the others held current; every figure comes back (D, K),
    and for a plan with gates ``GATES_PASSED`` (D, K, G) with them.

    All D x K candidates go to the engine as one batch, split into several only
    when it would exceed ``MAX_BATCH_CELLS``.
    """
    figures, months = series_one_at_a_time(realize(scenario), drivers, candidates)
    return {**figures, GATES_PASSED: months[GATES_PASSED]} if GATES_PASSED in months else figures


def series_one_at_a_time(realized: Scenario, drivers: Sequence[Driver], candidates: FloatArray,
                         series: Sequence[str] = ()) -> tuple[Figures, Figures]:
    """``evaluate_one_at_a_time``'s figures on a realized scenario (a search calls this many times, and
    realizing walks the whole scenario), and the monthly series named in ``series`` (``ROW_SERIES``)
    of every candidate, each (D, K, H); for a plan with gates, with ``GATES_PASSED`` (D, K, G)."""
    count, per_driver = candidates.shape
    rows = moved_alone(realized, [(driver, candidates[d]) for d, driver in enumerate(drivers)], series)
    figures = {name: np.stack([row[0][name] for row in rows]).reshape(count, per_driver) for name in rows[0][0]}
    named = [*series, *([GATES_PASSED] if GATES_PASSED in rows[0][1] else [])]
    months = {name: np.stack([row[1][name] for row in rows]).reshape(count, per_driver, -1) for name in named}
    return figures, months


ROW_SERIES = ("cumulative_cash",)
"""The monthly series ``moved_alone`` can return: the one a threshold reads (whatif/breakeven_search.py). With
them or without, for a plan with gates, comes ``GATES_PASSED``: which gates passed at each value (sensitivity marks a
move where they differ from now's)."""
GATES_PASSED = "gates_passed"
"""(K, G): 1.0 where a gate passes. Where one flips, the figures jump (whatif/breakeven_search.py)."""
Row = tuple[Figures, Figures]
"""One row's figures (K,) and monthly series (K, H), with ``GATES_PASSED`` (K, G) where the plan has gates."""


def moved_alone(realized: Scenario, rows: Sequence[tuple[Driver, FloatArray]], series: Sequence[str] = (),
                exact: Sequence[bool] = ()) -> list[Row]:
    """Per row (a driver and its K values), the figures and the series named in ``series`` (``ROW_SERIES``)
    with the driver moved alone through its values, everything else held current.

    Rows may have different lengths and name one driver more than once: every row's values are samples of
    one engine call (figures only, without ``irr``: no what-if reads it and it is the engine's costliest
    figure), split into several only where it would keep more than ``MAX_BATCH_CELLS``. A row of a driver
    of one monetization item moves on its item alone (whatif/item_slots.py), and samples that share their
    users or one user's amounts sum their cohorts as matrix products (model/cohort_products.py): figures
    within about 1e-12 of the amounts. A row marked in ``exact`` gets ``evaluate``'s figures to the last bit
    instead, in one more call: a check of which side of a threshold a value is on.
    """
    assert set(series) <= set(ROW_SERIES), series
    marked = list(exact) or [False] * len(rows)
    answers: list[Row] = []
    for batch in _batches([len(values) for _, values in rows], realized.horizon_months):
        answers += _moved_together(realized, [rows[r] for r in batch], bool(series), [marked[r] for r in batch])
    return answers


def _batches(lengths: Sequence[int], horizon: int) -> list[range]:
    """Consecutive rows whose samples x (months + rows) stay within ``MAX_BATCH_CELLS`` (at least one row each)."""
    batches: list[range] = []
    start, samples = 0, 0
    for r, length in enumerate(lengths):
        if r > start and (samples + length) * (horizon + r + 1 - start) > MAX_BATCH_CELLS:
            batches.append(range(start, r))
            start, samples = r, 0
        samples += length
    if lengths:
        batches.append(range(start, len(lengths)))
    return batches


def _moved_together(realized: Scenario, rows: Sequence[tuple[Driver, FloatArray]], cash: bool,
                    exact: Sequence[bool]) -> list[Row]:
    """``moved_alone`` for rows that make one engine call each: the exact rows, the other rows, and the rows moved
    on their items alone (whatif/item_slots.py)."""
    items = item_slots.items_moved(realized, [driver.path for driver, _ in rows])
    alone = {r: item for r, (item, marked) in enumerate(zip(items, exact, strict=True))
             if item is not None and not marked}
    answers: list[Row | None] = [None] * len(rows)
    current: FigureInputs | None = None
    for marked in (True, False):
        chosen = [r for r, own in enumerate(exact) if own == marked and r not in alone]
        if not chosen and (marked or not alone):
            continue
        found, inputs = _whole(realized, [rows[r] for r in chosen], cash, inputs=not marked and bool(alone),
                               as_evaluate=marked)
        if not marked:
            current = inputs
        for r, row in zip(chosen, found, strict=True):
            answers[r] = row
    if alone:
        assert current is not None, "the whole scenario's inputs were asked for"
        moved_inputs = item_slots.moved_alone(realized, current, [
            (item, rows[r][0].path.rsplit(".", 1)[1], rows[r][1]) for r, item in alone.items()])
        figures = moved_inputs.figures(irr=False)
        cumulative = moved_inputs.amounts["cumulative_cash"].T
        first = 0
        for r in alone:
            at = slice(first, first + len(rows[r][1]))
            first = at.stop
            answers[r] = ({name: values[at] for name, values in figures.items()},
                          {"cumulative_cash": cumulative[at]} if cash else {})
    return [answer for answer in answers if answer is not None]


def _whole(realized: Scenario, rows: Sequence[tuple[Driver, FloatArray]], cash: bool, inputs: bool,
           as_evaluate: bool) -> tuple[list[Row], FigureInputs | None]:
    """Each row's figures through the whole scenario, one engine call; with ``inputs`` also what the figures of the
    scenario as it is are computed from (its sample 0)."""
    # A value at its driver's current value makes the scenario as it is, whichever the row (a closed form's
    # first line point, a grid's current point, a check of a threshold with no break-even): one sample for all.
    current = [values == driver.current for driver, values in rows]
    samples = int(inputs or any(row.any() for row in current))
    positions = []
    for at_current in current:
        own = np.flatnonzero(~at_current)
        position = np.zeros(len(at_current), dtype=np.intp)
        position[own] = samples + np.arange(len(own))
        samples += len(own)
        positions.append(position)
    by_path: dict[str, tuple[Driver, FloatArray]] = {}
    for (driver, values), position, at_current in zip(rows, positions, current, strict=True):
        # Every other row's samples hold the driver current.
        moved = by_path.setdefault(driver.path, (driver, np.full(samples, driver.current)))[1]
        moved[position[~at_current]] = values[~at_current]
    batch = realized
    for driver, values in by_path.values():
        batch = with_value(batch, driver, values)
    result = evaluate_batch(batch, irr=False, cumulative_cash=cash, inputs=inputs, samples=samples,
                            as_evaluate=as_evaluate)
    series = {} if result.cumulative_cash is None else {"cumulative_cash": result.cumulative_cash}
    if result.gate_passed is not None:
        series[GATES_PASSED] = result.gate_passed
    return ([({name: values[position] for name, values in result.figures.items()},
              {name: values[position] for name, values in series.items()})
             for position in positions], result.inputs)


def _largest_money(scenario: Scenario) -> float:
    """The largest money amount written in a realized scenario (unit costs,
    budgets, prices, serving, fixed costs): the scale of a search from 0."""
    amounts: list[Moving | None] = [scenario.costs.serving_per_active_user, scenario.costs.serving_per_subscriber]
    for channel in scenario.acquisition:
        amounts += [getattr(channel, channel.unit_cost), getattr(channel, "budget", None)]
    amounts += [plan.price for plan in scenario.monetization.plans]
    amounts += [purchase.price for purchase in scenario.monetization.purchases]
    amounts += [order.price for order in scenario.monetization.orders]
    amounts += [item.monthly for item in scenario.costs.fixed]
    scalars = [_scalar(value) for amount in amounts if amount is not None
               for value in ([point for _, point in amount.points] if isinstance(amount, ByMonth) else [amount])]
    return max(scalars, default=0.0)


def _is_number(value: object) -> bool:
    """A realized number (float or sample array), not a renewal list or observed survival."""
    return isinstance(value, float | int | np.ndarray)


def _realized(value: Value) -> float | FloatArray:
    """A realized value: a float or an array of samples, never a range."""
    assert not isinstance(value, Distribution), "realize() the scenario first"
    return value


def _scalar(value: Value) -> float:
    """A realized value as one number (of a sample array, the first sample)."""
    assert not isinstance(value, Distribution), "realize() the scenario first"
    return float(np.asarray(value, dtype=np.float64).reshape(-1)[0])
