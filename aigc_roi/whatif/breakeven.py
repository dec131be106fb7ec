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
``RELATIVE_TOLERANCE`` (``ABSOLUTE_TOLERANCE`` near 0; breakeven_search.py). None means no value
in the driver's whole domain, ``[Driver.lower_bound, Driver.upper_bound]``,
crosses the threshold: it holds, or fails, everywhere searched, which a current
value outside that room may not share (``BreakEven.jump_at_current``). The domain leaves out
the values where the model is undefined: a bid or cpm dividing a budget
stays at or above ``MIN_UNIT_COST`` (at 0 the channel would spend its budget
on no users, and just above 0 buy almost infinitely many). Every channel's
unit cost is searched from ``MIN_UNIT_COST`` too: at 0 the channel spends
nothing and is no paid channel (docs/formulas.md §6), so
roi jumps there, and that jump is no break-even of a price; its volume from
``MIN_MAGNITUDE``: at 0 the channel is switched off, no volume of it.

In a plan with gates a break-even is where the figure crosses its threshold;
a gate's flip that makes it jump across is reported only where no crossing
is the first change of side either way from the current value, and then
carries the jump (``BreakEven.jumps``, whatif/breakeven_jumps.py).

Headroom = (break-even - current) / current, signed: the relative move of
the driver that reaches the threshold (None when the current value is 0, or
where the break-even lies on the side of the current value the plan is not
on: ``BreakEven.wrong_side``).
Whether it is slack or a requirement depends on which side the current
value is on (``BreakEven.met_at_current``): a bid with roi >= 0 now and
headroom +23% "can rise 23% before ROI < 0"; a price with roi < 0 now and
headroom +15% "must rise 15% for ROI >= 0".

How: the drivers the model is affine in are solved in closed form from
three engine samples each, and every boundary found is confirmed by the
engine (closed_form.py); the others are searched over a grid and narrowed
(breakeven_search.py). Both run side by side (lockstep.py): each step of every
driver, closed form or search, is a sample of one engine call. The grid,
tolerances and search floor are in breakeven_search.py. Last, one more call
runs the digits just past each break-even, which are shown in its place only
where the run meets the threshold (shown_limits.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from aigc_roi.model.engine import Result
from aigc_roi.model.figures import plain
from aigc_roi.model.gate_names import labels_of
from aigc_roi.model.paths import channel_path
from aigc_roi.model.sampling import realize
from aigc_roi.model.scenario import Scenario
from aigc_roi.model.targets import PaybackWindow, payback_window
from aigc_roi.whatif import closed_form
from aigc_roi.whatif.breakeven_jumps import Crossing, FlipWithin, GateJump
from aigc_roi.whatif.breakeven_search import (
    ABSOLUTE_TOLERANCE,
    RELATIVE_TOLERANCE,
    Level,
    Solved,
    level_values,
    levels,
    search,
    search_floor,
)
from aigc_roi.whatif.drivers import ROW_SERIES, Driver, drivers_of, evaluate_realized, series_one_at_a_time
from aigc_roi.whatif.lockstep import Steps, run_together
from aigc_roi.whatif.max_bid import own_max_unit_costs
from aigc_roi.whatif.shown_limits import held_digits

THRESHOLDS = ("roi_zero", "payback_target")


@dataclass(frozen=True)
class ChannelAlone:
    """A channel judged on its own users (docs/formulas.md §6): what its unit cost may reach."""

    max_unit_cost: float | None
    """Unit cost at which the channel's own roi is 0 (the maximum bid), with the gates decided at it
    (whatif/max_bid.py); None without spend or where the unit cost moves by month, which has a factor instead."""
    max_unit_cost_factor: float | None
    """Where the unit cost moves by month, the factor on every month's at which the channel's own roi is 0
    (docs/formulas.md §14); None otherwise."""
    gross_revenue: float
    """Gross revenue attributed to the channel's users."""
    contribution: float
    """Contribution attributed to the channel's users."""
    saturating: bool = False
    """With ``saturation_budget`` the max unit cost is an average one: the marginal user costs more (docs/formulas.md §6)."""

    @property
    def ceiling(self) -> float | None:
        """The ceiling in its driver's terms: the factor where the unit cost moves by month (the driver is a factor
        then too), else the unit cost itself."""
        return self.max_unit_cost if self.max_unit_cost_factor is None else self.max_unit_cost_factor


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
    jumps: Mapping[str, GateJump] = field(default_factory=dict)
    """Per threshold whose break-even is a gate's jump, not a crossing (whatif/breakeven_jumps.py): there the
    figure jumps across the threshold and never meets it."""
    held: Mapping[str, frozenset[float]] = field(default_factory=dict)
    """Per threshold, the digits just past its break-even at which a run meets it (whatif/shown_limits.py): the
    only ones it may be shown as, rather than rounded toward its good side."""
    flips: Mapping[str, FlipWithin] = field(default_factory=dict)
    """Per threshold, the first flip of the gates between the current value and its break-even, where one lies
    there (whatif/breakeven_jumps.py): within that room the gates' channels start or stop. Without a break-even (it
    always holds, or is out of reach) the flip nearest the current value anywhere in the searched domain."""
    wrong_side: frozenset[str] = frozenset()
    """Thresholds whose break-even puts the current value on the side the plan is not on: the figure jumps at the
    current value itself, as roi does at a free channel's cost of 0, which makes its users no paid users
    (docs/formulas.md §12): a plan with roi -7.87% at 0 has roi >= 0 from just above 0 to its break-even, so a cost
    of 0 is neither "room before ROI < 0" up to it nor a move it needs. Such a threshold has no headroom."""
    jump_at_current: frozenset[str] = frozenset()
    """Thresholds without a break-even whose side at the current value is not the side of every other value searched:
    the current value lies outside the searched room (a free channel's cost of 0, below ``MIN_UNIT_COST``) and the
    figure jumps there, as roi does from 70% at a cost of 0 to -12.09% at every cost above it (docs/formulas.md §12).
    Neither "always holds" nor "out of reach" is true of such a driver: the threshold is met at the current value
    alone, or everywhere but there (docs/formulas.md §10)."""

    def headroom(self, threshold: str) -> float | None:
        """(break-even - current) / current: the signed relative move of the driver
        that reaches the threshold. Whether it is slack or a requirement depends on
        whether the threshold is met now (see ``BreakEvenTable.met_now``)."""
        value = getattr(self, threshold)
        if value is None or self.driver.current == 0 or threshold in self.wrong_side:
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
    payback_window: PaybackWindow
    """The payback target, and the months it is judged within: the horizon where the target lies past it."""
    roi: float | None
    """Current roi; None when there is no ad spend."""
    payback_month: float | None
    """Current payback month; None if never."""
    rows: tuple[BreakEven, ...]
    gates: tuple[str, ...] = ()
    """The plan's gates' names as the outputs show them (told apart by place where two share one,
    model/gate_names.py), in file order: a jump's ``gates_passed`` and ``flipped`` index them."""

    @property
    def target_payback_months(self) -> int:
        return self.payback_window.target

    def met_now(self, threshold: str) -> bool:
        """Whether the current scenario is on the good side of ``threshold``."""
        if threshold == "roi_zero":
            return self.roi is not None and self.roi >= 0
        return self.payback_month is not None and self.payback_month <= self.target_payback_months


def break_even(scenario: Scenario) -> BreakEvenTable:
    """The break-even table of ``scenario`` (module docstring for the method)."""
    realized = realize(scenario)
    window = payback_window(scenario)
    target = window.target
    drivers = drivers_of(realized)
    now = evaluate_realized(realized, [])
    base = now.figures
    roi_now = plain(base["roi"][0])
    payback_now = plain(base["payback_month"][0])
    thresholds = levels(target)
    floors = np.array([search_floor(driver) for driver in drivers])
    forms = closed_form.forms(realized, drivers)
    rest = [d for d in range(len(drivers)) if d not in forms]
    # The closed forms' lines and checks run beside the other drivers' search: one engine call a step for all.
    solved, searched = run_together(realized, [_closed_then_searched(drivers, forms, floors, target, thresholds),
                                               search([drivers[d] for d in rest], thresholds)])
    solved.update(zip(rest, searched, strict=True))
    met = {"roi_zero": roi_now is not None and roi_now >= 0,
           "payback_target": payback_now is not None and payback_now <= target}
    solved = {d: {name: _at_current_where_met(crossing, drivers[d].current, met[name]) for name, crossing in found.items()}
              for d, found in solved.items()}
    alone = _channels_alone(realized, now)
    crossings = [{name: (value, not crossing.good_below) for name, crossing in solved[d].items()
                  if (value := crossing.value) is not None and crossing.jump is None} for d in range(len(drivers))]
    held = held_digits(realized, list(zip(drivers, crossings, strict=True)), thresholds)
    jumped = _jumps_at_current(realized, drivers, solved, met, thresholds)
    rows = tuple(
        BreakEven(driver, solved[d]["roi_zero"].value, solved[d]["payback_target"].value,
                  frozenset(name for name in THRESHOLDS if solved[d][name].value is not None and solved[d][name].good_below),
                  alone.get(driver.path),
                  {name: jump for name in THRESHOLDS if (jump := solved[d][name].jump) is not None}, held[d],
                  {name: flip for name in THRESHOLDS if (flip := solved[d][name].flip) is not None},
                  frozenset(name for name in THRESHOLDS if _on_wrong_side(solved[d][name], driver.current, met[name])),
                  jumped[d])
        for d, driver in enumerate(drivers)
    )
    return BreakEvenTable(realized.name, window, roi_now, payback_now, rows, labels_of(realized.gates))


AT_CURRENT = 10 * RELATIVE_TOLERANCE
"""A crossing this near the current value (relatively; ``ABSOLUTE_TOLERANCE`` at 0), of a threshold the plan meets,
is the current value: the search finds a crossing to ``RELATIVE_TOLERANCE`` of its bracket and moves it toward its
good side to confirm it, so nearer than a few of those the two are one value."""


def _at_current_where_met(crossing: Crossing, current: float, met: bool) -> Crossing:
    """``crossing``, or the current value where the plan meets the threshold now and the crossing found lies beyond
    it on the failing side, or within ``AT_CURRENT`` of it: a bid of 15.75 at which ROI is exactly 0 met ROI >= 0,
    and its break-even, found at 15.7499999961 (moved toward its good side), read "must fall 0.0%"; a price set to
    the payback break-even the tool reported read room of "+0.0000000023%" on its bid. The current value, which a
    run there meets, is then the break-even: room 0.0% (docs/formulas.md §10)."""
    value = crossing.value
    if value is None or crossing.jump is not None or not met:
        return crossing
    beyond = value < current if crossing.good_below else value > current
    near = abs(value - current) <= max(AT_CURRENT * abs(current), ABSOLUTE_TOLERANCE)
    return crossing._replace(value=current, flip=None) if beyond or near else crossing


def _on_wrong_side(crossing: Crossing, current: float, met: bool) -> bool:
    """Whether ``crossing`` puts ``current`` on its good side where the plan misses the threshold now, or on its bad
    side where the plan meets it: the figure jumps at ``current`` itself (``BreakEven.wrong_side``)."""
    value = crossing.value
    if value is None:
        return False
    good = current <= value if crossing.good_below else current >= value
    return good != met


def _jumps_at_current(realized: Scenario, drivers: list[Driver], solved: dict[int, Solved], met: dict[str, bool],
                      thresholds: dict[str, Level]) -> list[frozenset[str]]:
    """Per driver, the thresholds it finds no break-even of whose side everywhere in the searched room is not the
    current value's (``BreakEven.jump_at_current``). Only a current value outside the room can be: inside it, a
    change of side would have been a crossing or a gate's jump. The room has no change of side, so its floor (the
    value nearest the current one) tells its side; one engine call for every such driver."""
    outside = [d for d, driver in enumerate(drivers)
               if not search_floor(driver) <= driver.current <= driver.upper_bound
               and any(crossing.value is None for crossing in solved[d].values())]
    jumped: list[frozenset[str]] = [frozenset()] * len(drivers)
    if not outside:
        return jumped
    floors = np.array([[search_floor(drivers[d])] for d in outside])
    figures, months = series_one_at_a_time(realized, [drivers[d] for d in outside], floors, ROW_SERIES)
    found = level_values((figures, months), thresholds)
    for row, d in enumerate(outside):
        # NaN (a figure undefined in the room, roi without spend) is no side: the reason stays the current side's.
        jumped[d] = frozenset(name for name in THRESHOLDS if solved[d][name].value is None
                              and not np.isnan(level := found[name][row, 0]) and bool(level >= 0) != met[name])
    return jumped


def _closed_then_searched(drivers: list[Driver], forms: dict[int, bool], floors: np.ndarray, target: int,
                          thresholds: dict[str, Level]) -> Steps[dict[int, Solved]]:
    """The drivers in ``forms`` solved in closed form, and those it leaves searched, in steps (whatif/lockstep.py)."""
    solved = yield from closed_form.solve_steps(drivers, forms, floors, target, thresholds)
    left = [d for d in forms if d not in solved]
    solved.update(zip(left, (yield from search([drivers[d] for d in left], thresholds)), strict=True))
    return solved


def _channels_alone(realized: Scenario, result: Result) -> dict[str, ChannelAlone]:
    """Per unit-cost driver path, its channel's maximum unit cost (whatif/max_bid.py), revenue and contribution
    (``result``: the run now)."""
    max_unit_cost, max_factor = own_max_unit_costs(realized, result)
    return {f"{channel_path(c)}.{channel.unit_cost}": ChannelAlone(
                plain(max_unit_cost[c]), plain(max_factor[c]), float(result.channel_gross_revenue[0, c]),
                float(result.channel_contribution[0, c]), getattr(channel, "saturation_budget", None) is not None)
            for c, channel in enumerate(realized.acquisition)}
