"""Break-even values of every driver (docs/formulas.md §5), by a vectorised search.

For each driver, everything else held at its current value (ranges at their
median), two thresholds:

- ``roi_zero``: where roi = (contribution - ad_spend) / ad_spend crosses 0.
- ``payback_target``: where "payback_month <= target" flips, target being
  ``targets.max_payback_months`` (default 12). payback_month is a whole
  month, a step function of the driver, so there is no value at which it
  "equals" the target in a continuous sense: the threshold is the boundary
  of the set of values that still pay back within the target. At the
  reported value payback_month <= target (in practice == target, since
  cumulative cash moves continuously with the driver and month ``target``
  is the last to cross zero); any value a hair beyond it misses. Should
  payback jump past the target (e.g. from 10 months to never because late
  months turn negative) the boundary is still reported: it is where the
  target stops being met.

Both thresholds report the value on the *good* side of the boundary (the
last value with roi >= 0, or with payback within target), within
``RELATIVE_TOLERANCE`` (``ABSOLUTE_TOLERANCE`` near 0). None means no value
in the driver's whole domain, ``[Driver.lower_bound, Driver.upper_bound]``,
crosses the threshold: it holds, or fails, everywhere. The domain leaves out
the values where the model is undefined: a bid or cpm dividing a budget
stays at or above ``MIN_UNIT_COST`` (at 0 the channel would spend its budget
on no users, and just above 0 buy almost infinitely many). Every channel's
unit cost is searched from ``MIN_UNIT_COST`` too: at 0 the channel spends
nothing and is no paid channel (docs/formulas.md §6), so
roi jumps there, and that jump is no break-even of a price.

Headroom = (break-even - current) / current, signed: the relative move of
the driver that reaches the threshold (None when the current value is 0).
Whether it is slack or a requirement depends on which side the current
value is on (``BreakEven.met_at_current``): a bid with roi >= 0 now and
headroom +23% "can rise 23% before ROI < 0"; a price with roi < 0 now and
headroom +15% "must rise 15% for ROI >= 0".

Search: every driver's ``GRID_POINTS`` candidates up to ``Driver.search_high``
go to the engine as one batch; a driver with a threshold not crossed there
is searched again on ``WIDENING_POINTS`` values from ``search_high`` to its
upper bound (so a driver at 0 today, whose first bracket is sized from
unrelated amounts, still finds a crossing far beyond it); the boundary
nearest the current value is kept; all brackets of all drivers and both
thresholds are then bisected together, one engine call per halving, and a
driver leaves the batch as soon as both its brackets have converged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeAlias

import numpy as np

from aigc_roi.model.channels import channel_type
from aigc_roi.model.engine import Result
from aigc_roi.model.figures import plain
from aigc_roi.model.headline import max_unit_cost
from aigc_roi.model.limits import MIN_UNIT_COST
from aigc_roi.model.sampling import realize
from aigc_roi.model.scenario import DEFAULT_TARGET_PAYBACK_MONTHS, ByMonth, FloatArray, Scenario
from aigc_roi.whatif import closed_form
from aigc_roi.whatif.drivers import Driver, Figures, evaluate_at, evaluate_one_at_a_time, list_drivers

GRID_POINTS = 64
GRID_DECADES = 8
"""The grid is the lower bound, log-spaced points over 8 decades below ``search_high``, and the current value."""
WIDENING_POINTS = 48
"""Log-spaced values from ``search_high`` to the upper bound: 1e15 is at most
about 24 decades above any search_high, so two or more points per decade."""
RELATIVE_TOLERANCE = 1e-9
"""Bisection stops when a bracket is this narrow relative to its ends: far inside
the 1e-6 asked for, so even where roi moves 10x faster than the driver, re-running
the scenario at a solved value gives |roi| < 1e-6."""
ABSOLUTE_TOLERANCE = 1e-12
"""...or this narrow in absolute terms: a bracket at 0 never narrows relative to
its ends, and no money, count or share below 1e-12 changes a displayed figure."""
MAX_HALVINGS = 200

THRESHOLDS = ("roi_zero", "payback_target")


@dataclass(frozen=True)
class ChannelAlone:
    """A channel judged on its own users (docs/formulas.md §6): what its unit cost may reach."""

    max_unit_cost: float | None
    """Unit cost at which the channel's own roi is 0 (the maximum bid); None without spend."""
    gross_revenue: float
    """Gross revenue attributed to the channel's users."""
    contribution: float
    """Contribution attributed to the channel's users."""


@dataclass(frozen=True)
class BreakEven:
    """One driver's row of the break-even table."""

    driver: Driver
    roi_zero: float | None
    """Driver value at which roi = 0 (still >= 0); None if none in the domain."""
    payback_target: float | None
    """Last driver value at which payback_month <= target; None if none in the domain."""
    good_below: frozenset[str] = frozenset()
    """Thresholds met by the values below their break-even (costs), not above (prices)."""
    channel: ChannelAlone | None = None
    """For a channel's unit-cost driver, the channel on its own; None for other drivers."""

    def headroom(self, threshold: str) -> float | None:
        """(break-even - current) / current: the signed relative move of the driver
        that reaches the threshold. Whether it is slack or a requirement depends on
        whether the threshold is met now (see ``BreakEvenTable.met_now``)."""
        value = getattr(self, threshold)
        if value is None or self.driver.current == 0:
            return None
        return (value - self.driver.current) / self.driver.current

    def met_at_current(self, threshold: str) -> bool | None:
        """Whether the current value is on the good side of the break-even; None without one.
        Unlike ``BreakEvenTable.met_now`` this is defined where roi is not (a cost of 0)."""
        value = getattr(self, threshold)
        if value is None:
            return None
        current = self.driver.current
        return current <= value if threshold in self.good_below else current >= value


@dataclass(frozen=True)
class BreakEvenTable:
    scenario: str
    target_payback_months: int
    roi: float | None
    """Current roi; None when there is no ad spend."""
    payback_month: float | None
    """Current payback month; None if never."""
    rows: tuple[BreakEven, ...]

    def met_now(self, threshold: str) -> bool:
        """Whether the current scenario is on the good side of ``threshold``."""
        if threshold == "roi_zero":
            return self.roi is not None and self.roi >= 0
        return self.payback_month is not None and self.payback_month <= self.target_payback_months


def break_even(scenario: Scenario) -> BreakEvenTable:
    """The break-even table of ``scenario`` (module docstring for the method)."""
    realized = realize(scenario)
    target = realized.targets.max_payback_months or DEFAULT_TARGET_PAYBACK_MONTHS
    drivers = list_drivers(realized)
    now = evaluate_at(realized, [])
    base = now.figures
    roi_now = plain(base["roi"][0])
    payback_now = plain(base["payback_month"][0])
    tests: dict[str, Test] = {
        # (good, defined); an undefined roi (no ad spend) cannot bracket a root.
        "roi_zero": lambda f: (f["roi"] >= 0, ~np.isnan(f["roi"])),
        "payback_target": lambda f: (f["payback_month"] <= target, np.ones(f["roi"].shape, dtype=bool)),
    }
    floors = np.array([_search_floor(driver) for driver in drivers])
    solved = closed_form.solve(realized, drivers, floors, target, tests, _allowed_width)
    rest = [d for d in range(len(drivers)) if d not in solved]
    if rest:
        searched = _search(realized, [drivers[d] for d in rest], tests)
        for row, d in enumerate(rest):
            solved[d] = {name: searched[name][row] for name in THRESHOLDS}
    alone = _channels_alone(realized, now)
    rows = tuple(
        BreakEven(driver, solved[d]["roi_zero"][0], solved[d]["payback_target"][0],
                  frozenset(name for name in THRESHOLDS if solved[d][name][0] is not None and solved[d][name][1]),
                  alone.get(driver.path))
        for d, driver in enumerate(drivers)
    )
    return BreakEvenTable(realized.name, target, roi_now, payback_now, rows)


def _search(realized: Scenario, drivers: list[Driver], tests: dict[str, Test]) -> dict[str, list[tuple[float | None, bool]]]:
    """The thresholds of ``drivers`` found by the search of the module docstring."""
    grid = np.sort(np.stack([_grid(driver) for driver in drivers]), axis=1)
    figures = evaluate_one_at_a_time(realized, drivers, grid)
    currents = np.array([driver.current for driver in drivers])
    brackets = {name: _nearest_brackets(grid, *test(figures), currents) for name, test in tests.items()}
    brackets = _widen(realized, drivers, grid, figures, brackets, tests)
    return _bisect(realized, drivers, brackets, tests)


def _allowed_width(values: FloatArray) -> FloatArray:
    """How narrow a bracket around ``values`` must be to have converged."""
    return np.maximum(RELATIVE_TOLERANCE * np.abs(values), ABSOLUTE_TOLERANCE)


def _channels_alone(realized: Scenario, result: Result) -> dict[str, ChannelAlone]:
    """Per unit-cost driver path, its channel's maximum unit cost, revenue and contribution (``result``: the run now)."""
    alone = {}
    for c, channel in enumerate(realized.acquisition):
        field = channel.unit_cost
        value = getattr(channel, field)
        # A by-month unit cost's ceiling is a factor on every month's (its driver is that factor, current 1).
        unit_cost = np.ones(1) if isinstance(value, ByMonth) else np.asarray(value, dtype=np.float64).reshape(-1)[:1]
        ceiling = max_unit_cost(unit_cost, result.channel_roi[:1, c])
        alone[f"acquisition[{c}].{field}"] = ChannelAlone(
            plain(ceiling[0]), float(result.channel_gross_revenue[0, c]), float(result.channel_contribution[0, c]))
    return alone


def _search_floor(driver: Driver) -> float:
    """The driver's lower bound, or ``MIN_UNIT_COST`` for a channel's unit cost (module docstring)."""
    if driver.channel_type is not None and driver.field == channel_type(driver.channel_type).unit_cost:
        return max(driver.lower_bound, MIN_UNIT_COST)
    return driver.lower_bound


def _grid(driver: Driver) -> FloatArray:
    high, low = driver.search_high, _search_floor(driver)
    spaced = np.geomspace(max(high * 10.0**-GRID_DECADES, low), high, GRID_POINTS - 2)
    return np.concatenate([[low], spaced, [min(max(driver.current, low), high)]])


def _widen(
    scenario: Scenario,
    drivers: list[Driver],
    grid: FloatArray,
    figures: Figures,
    brackets: dict[str, Bracket],
    tests: dict[str, Test],
) -> dict[str, Bracket]:
    """Brackets for the drivers with a threshold not crossed up to ``search_high``,
    from a second grid running on to the driver's upper bound."""
    # A threshold whose figure is undefined all over the first grid (roi without any ad
    # spend) stays undefined further out: only thresholds seen defined are worth widening.
    unresolved = np.any([~brackets[name][3] & test(figures)[1].any(axis=1) for name, test in tests.items()], axis=0)
    missing = np.flatnonzero(unresolved & np.array([d.search_high < d.upper_bound for d in drivers], dtype=bool))
    if missing.size == 0:
        return brackets
    chosen = [drivers[d] for d in missing]
    # The last value of the first grid starts the second, so a flip between them counts too.
    wide = np.stack([np.geomspace(d.search_high, d.upper_bound, WIDENING_POINTS) for d in chosen])
    wide_figures = evaluate_one_at_a_time(scenario, chosen, wide)
    wide_grid = np.concatenate([grid[missing], wide], axis=1)
    currents = np.array([d.current for d in chosen])
    widened = dict(brackets)
    for name, test in tests.items():
        good = np.concatenate([test(figures)[0][missing], test(wide_figures)[0]], axis=1)
        defined = np.concatenate([test(figures)[1][missing], test(wide_figures)[1]], axis=1)
        found_wide = _nearest_brackets(wide_grid, good, defined, currents)
        parts = [np.array(part, copy=True) for part in brackets[name]]
        # Only where the first grid found nothing: its brackets lie nearer the current value.
        redo = ~parts[3][missing]
        for part, new in zip(parts, found_wide, strict=True):
            part[missing[redo]] = new[redo]
        widened[name] = (parts[0], parts[1], parts[2], parts[3])
    return widened


Test = Callable[[Figures], tuple[np.ndarray, np.ndarray]]
"""Figures -> (threshold met, figure defined), element-wise."""
Bracket: TypeAlias = "tuple[FloatArray, FloatArray, np.ndarray, np.ndarray]"
"""(left, right, good at left, found) per driver."""


def _nearest_brackets(grid: FloatArray, good: np.ndarray, defined: np.ndarray, current: FloatArray) -> Bracket:
    """Per driver, the neighbouring grid points where ``good`` flips that lie
    nearest the current value (for a monotone figure there is only one)."""
    flips = (good[:, :-1] != good[:, 1:]) & defined[:, :-1] & defined[:, 1:]
    left, right = grid[:, :-1], grid[:, 1:]
    distance = np.maximum(0.0, np.maximum(left - current[:, None], current[:, None] - right))
    chosen = np.where(flips, distance, np.inf).argmin(axis=1)
    rows = np.arange(grid.shape[0])
    return left[rows, chosen], right[rows, chosen], good[rows, chosen], flips[rows, chosen]


def _bisect(
    scenario: Scenario,
    drivers: list[Driver],
    brackets: dict[str, Bracket],
    tests: dict[str, Test],
) -> dict[str, list[tuple[float | None, bool]]]:
    """Halve every bracket at once; one engine call evaluates all midpoints
    (column t of the (D, thresholds) candidates belongs to threshold t).
    Per threshold and driver: (break-even or None, whether the good side is below it)."""
    names = list(brackets)
    left = np.stack([brackets[name][0] for name in names], axis=1)
    right = np.stack([brackets[name][1] for name in names], axis=1)
    good_left = np.stack([brackets[name][2] for name in names], axis=1)
    found = np.stack([brackets[name][3] for name in names], axis=1)
    # Nothing to refine where no flip was found: a zero-width bracket counts as converged.
    right = np.where(found, right, left)
    for _ in range(MAX_HALVINGS):
        width_allowed = _allowed_width(np.maximum(np.abs(left), np.abs(right)))
        # Converged drivers leave the batch: each halving costs only what is still open.
        open_rows = np.flatnonzero(np.any(right - left > width_allowed, axis=1))
        if open_rows.size == 0:
            break
        middle = 0.5 * (left[open_rows] + right[open_rows])
        figures = evaluate_one_at_a_time(scenario, [drivers[d] for d in open_rows], middle)
        # A NaN roi at a midpoint counts as "not good" (roi >= NaN is False).
        good_middle = np.stack([tests[name](figures)[0][:, t] for t, name in enumerate(names)], axis=1)
        same_as_left = good_middle == good_left[open_rows]
        left[open_rows] = np.where(same_as_left, middle, left[open_rows])
        right[open_rows] = np.where(same_as_left, right[open_rows], middle)
    answer = np.where(good_left, left, right)
    return {
        name: [(float(answer[d, t]) if found[d, t] else None, bool(good_left[d, t])) for d in range(len(drivers))]
        for t, name in enumerate(names)
    }
