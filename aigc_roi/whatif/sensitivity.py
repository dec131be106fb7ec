"""One-way (tornado) and two-way (grid) sensitivity of roi, net cash and payback.

Each driver is moved to (1 - step) and (1 + step) times its current value,
everything else held (ranges at their median), and clipped to its domain:
rates to [0, 1], so a conversion of 0.9 moved +20% is 1.0, and a plan's
conversion and a channel's conversion index each to the ceiling the other
sets (docs/formulas.md §15), so a conversion of 0.45 beside an index of 2
moved +20% is 0.5, never 0.54 with the index lowered. A driver at 0 stays at
0. All candidates of all drivers are evaluated in one batched engine call.

A grid of an index and a conversion holds each to its own ceiling, but a
cell where both moved up may still have index x conversion above 1: that
cell has no ROI (``Grid.past_ceiling``), as no valid plan is there.

Rows are sorted by impact: the larger |change in roi| of the two moves,
ties (e.g. no ad spend, roi undefined) broken by the larger |change in net cash|,
then kept in the drivers' file order. A change within ``ZERO_CHANGE`` of the
figure's scale is float noise and ranks as none (docs/formulas.md §10).

In a plan with gates each move carries which gates pass at it, read off the
same engine call: where that differs from now, the move's change holds the
gated channels starting or stopping (a lower price that fails the test and
stops the feed ads it unlocks may raise net cash), and the outputs say so
(``Move.flipped``, ``Grid.flipped``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from aigc_roi.model.arguments import number_within, text, whole_number
from aigc_roi.model.figures import plain
from aigc_roi.model.limits import MAX_GRID_STEPS, MAX_STEP, MIN_GRID_STEPS
from aigc_roi.model.paths import PathReader
from aigc_roi.model.scenario import FloatArray, Gate, Scenario
from aigc_roi.whatif.drivers import (
    GATES_PASSED,
    Driver,
    Figures,
    evaluate_at,
    evaluate_one_at_a_time,
    find_driver,
    list_drivers,
)
from aigc_roi.whatif.errors import ArgumentError, WhatIfError

DEFAULT_STEP = 0.2
DEFAULT_GRID_STEPS = 5
STEP = f"a step in (0, {MAX_STEP:g}], such as 0.2"
"""What ``step`` must be, as `sensitivity --step` holds it (the option reads 20% too)."""
OUTCOMES = ("roi", "net_cash", "payback_month")
ZERO_CHANGE = 1e-10
"""A change of roi or net cash within this share of the figure's scale (``Outcome.scales``) ranks as none: the
float noise of a sum over months and cohorts stays within a few 1e-12 of what it sums (a budget that moves roi by
2.8e-16 moves it by nothing), and a real change this small reads 0 at every precision a table shows roi."""


@dataclass(frozen=True)
class Outcome:
    """The figures a move is judged by; None where undefined (no ad spend, never paid back)."""

    roi: float | None
    net_cash: float | None
    payback_month: int | None
    scales: tuple[float, float] = (0.0, 0.0)
    """What roi and net cash are summed from, the sum of their terms' sizes: for roi, over the ad spend, the paid
    revenue, paid costs and ad spend (roas + |roas - roi - 1| + 1); for net cash the revenue and every cost (gross
    revenue + |gross revenue - net cash|). 0 where the figure is none."""
    gates_passed: tuple[bool, ...] = ()
    """Per gate of the plan, in file order, whether it passed here; empty without gates."""

    @classmethod
    def of(cls, figures: Figures, index: int | tuple[int, int]) -> Outcome:
        roi, net_cash, payback = (plain(figures[name][index]) for name in OUTCOMES)
        roas, gross = (plain(figures[name][index]) for name in ("roas", "gross_revenue"))
        roi_scale = 0.0 if roi is None or roas is None else roas + abs(roas - roi - 1.0) + 1.0
        cash_scale = 0.0 if net_cash is None or gross is None else gross + abs(gross - net_cash)
        passed = figures.get(GATES_PASSED)
        gates = () if passed is None else tuple(bool(value) for value in passed[index])
        return cls(roi, net_cash, None if payback is None else int(payback), (roi_scale, cash_scale), gates)

    def flipped(self, base: Outcome) -> tuple[int, ...]:
        """The gates (their places in file order) that decide here otherwise than at ``base``."""
        return tuple(g for g, (here, now) in enumerate(zip(self.gates_passed, base.gates_passed, strict=True))
                     if here != now)

    def change(self, base: Outcome, name: str) -> float | None:
        value, reference = getattr(self, name), getattr(base, name)
        return None if value is None or reference is None else value - reference


@dataclass(frozen=True)
class Move:
    value: float
    """The driver's value in this move."""
    outcome: Outcome


@dataclass(frozen=True)
class SensitivityRow:
    driver: Driver
    low: Move
    high: Move

    def impact(self, base: Outcome) -> tuple[float, float]:
        """Sort key: largest |change| in roi, then in net cash (undefined counts as 0; within ``ZERO_CHANGE`` of
        the figure's scale, 0).

        Rounded to 9 significant digits: drivers that move the outcome equally
        (price and conversion of one plan) differ only by float rounding, and
        must keep their file order rather than the order of the last bit.
        """
        return tuple(  # type: ignore[return-value]
            float(f"{max(_size(move.outcome, base, i, name) for move in (self.low, self.high)):.9g}")
            for i, name in enumerate(("roi", "net_cash"))
        )


def _size(outcome: Outcome, base: Outcome, i: int, name: str) -> float:
    """|change| of figure ``name`` (``i``: its place in ``Outcome.scales``) from ``base``, 0 within float noise."""
    change = abs(outcome.change(base, name) or 0.0)
    return 0.0 if change <= ZERO_CHANGE * max(outcome.scales[i], base.scales[i]) else change


@dataclass(frozen=True)
class Sensitivity:
    scenario: str
    step: float
    base: Outcome
    rows: tuple[SensitivityRow, ...]
    """Largest impact first."""
    gates: tuple[Gate, ...] = ()
    """The plan's gates, in file order: ``Outcome.gates_passed`` and ``Outcome.flipped`` index them."""

    @property
    def flips(self) -> bool:
        """Whether any move makes a gate decide otherwise than now (the outputs then mark it)."""
        return any(move.outcome.flipped(self.base) for row in self.rows for move in (row.low, row.high))


@dataclass(frozen=True)
class Grid:
    """roi over a two-way grid: ``roi[i][j]`` at ``row_values[i]``, ``column_values[j]``."""

    scenario: str
    step: float
    row_driver: Driver
    column_driver: Driver
    row_values: tuple[float, ...]
    column_values: tuple[float, ...]
    roi: tuple[tuple[float | None, ...], ...]
    base_roi: float | None
    past_ceiling: tuple[tuple[int, int], ...] = ()
    """``(i, j)`` of the cells whose index x conversion passes 1 (module docstring): their ROI is None."""
    gates: tuple[Gate, ...] = ()
    """The plan's gates, in file order, as ``Sensitivity.gates``."""
    base_gates_passed: tuple[bool, ...] = ()
    """Per gate, whether it passes now."""
    flipped: tuple[tuple[int, int, tuple[int, ...]], ...] = ()
    """``(i, j, gates)`` of each cell where gates decide otherwise than now (module docstring), those gates' places;
    never a cell past the ceiling (no plan is there)."""


def sensitivity(scenario: Scenario, step: float = DEFAULT_STEP) -> Sensitivity:
    """Every driver at (1 -+ step) x its value; see the module docstring. Raises ArgumentError (a WhatIfError) for a
    ``step`` outside (0, 1]."""
    step = _step(step)
    drivers = list_drivers(scenario)  # never empty: serving is always a driver
    # Per driver: (1 - step), (1 + step), and the current value; the third
    # sample of any block is the base run, so it rides in the same engine call.
    candidates = np.array([
        [*driver.clip(np.array([1 - step, 1 + step]) * driver.current), driver.current] for driver in drivers
    ])
    figures = evaluate_one_at_a_time(scenario, drivers, candidates)
    base = Outcome.of(figures, (0, 2))
    rows = [
        SensitivityRow(driver, *(Move(float(candidates[d, k]), Outcome.of(figures, (d, k))) for k in (0, 1)))
        for d, driver in enumerate(drivers)
    ]
    rows.sort(key=lambda row: row.impact(base), reverse=True)
    return Sensitivity(scenario.name, step, base, tuple(rows), scenario.gates)


def grid(scenario: Scenario, row_path: str, column_path: str, step: float = DEFAULT_STEP,
         steps: int = DEFAULT_GRID_STEPS, read: PathReader | None = None) -> Grid:
    """roi with two drivers each over ``steps`` values from (1 - step) to (1 + step)
    times current, each path as ``read`` reads it (``find_driver``); raises UnknownDriver for a path that is not a
    driver, ArgumentError (a WhatIfError) for a path that is no text, a ``step`` outside (0, 1] or ``steps`` not a
    whole number from 2 to 41."""
    step = _step(step)
    steps = whole_number("steps", steps, MIN_GRID_STEPS, MAX_GRID_STEPS, ArgumentError)
    row_path, column_path = text("row_path", row_path, ArgumentError), text("column_path", column_path, ArgumentError)
    drivers = list_drivers(scenario)
    row_driver, column_driver = find_driver(drivers, row_path, read), find_driver(drivers, column_path, read)
    if row_driver.path == column_driver.path:
        raise WhatIfError(f"two different drivers are needed, found {row_driver.path} twice")
    factors = np.linspace(1 - step, 1 + step, steps)
    row_values = row_driver.clip(factors * row_driver.current)
    column_values = column_driver.clip(factors * column_driver.current)
    # Sample i * steps + j is (row i, column j); the last sample is the base run.
    result = evaluate_at(scenario, [
        (row_driver, np.append(np.repeat(row_values, steps), row_driver.current)),
        (column_driver, np.append(np.tile(column_values, steps), column_driver.current)),
    ])
    roi = [plain(value) for value in result.figures["roi"]]
    past = _past_ceiling(row_driver, row_values, column_driver, column_values)
    table = tuple(tuple(None if (i, j) in past else roi[i * steps + j] for j in range(steps)) for i in range(steps))
    passed = result.gate_passed
    now: tuple[bool, ...] = () if passed is None else tuple(bool(value) for value in passed[-1])
    flipped = () if passed is None else tuple(
        (i, j, gates) for i in range(steps) for j in range(steps)
        if (i, j) not in past and (gates := tuple(np.flatnonzero(passed[i * steps + j] != passed[-1]).tolist())))
    return Grid(scenario.name, step, row_driver, column_driver, tuple(map(float, row_values)),
                tuple(map(float, column_values)), table, roi[-1], past, scenario.gates, now, flipped)


def _past_ceiling(row_driver: Driver, row_values: FloatArray, column_driver: Driver,
                  column_values: FloatArray) -> tuple[tuple[int, int], ...]:
    """The cells of a channel's index and a plan's conversion whose product passes 1. Each driver's own domain
    ends at the other's current value, so only the two moved together can break the rule; the engine would lower
    the index to fit, reporting a plan other than the cell's (docs/formulas.md §15)."""
    if {row_driver.field, column_driver.field} != {"conversion_index", "conversion"}:
        return ()
    # The reader's tolerance (reader/load.py): a product of 1 to the last bit is on the edge, not past it.
    over = np.outer(row_values, column_values) > 1 + 1e-12
    return tuple((int(i), int(j)) for i, j in zip(*np.nonzero(over), strict=True))


def _step(step: float) -> float:
    return number_within("step", step, STEP, 0.0, MAX_STEP, ArgumentError, above_low=True)
