"""Break-evens of the drivers the model is affine in, solved in closed form (docs/formulas.md §10).

Without gates every monthly series of the model is a sum of cohorts of new
users times per-user amounts, less spend and fixed costs (docs/formulas.md
§4), so holding everything else it is affine in u = x or u = 1 / x of these
drivers x:

- an amount every unit of which is revenue or cost: a plan's, purchase's or
  order's ``price`` and ``fee``, an order's ``count``, the serving costs; a
  plan's ``conversion`` (its payers are that share of each cohort) when every
  channel's conversion index is 1 (an index is clipped against the
  conversions, docs/formulas.md §15);
- a channel's volume, of which its users and spend are both multiples
  (``users``, ``impressions``, a ``budget`` without saturation, ``posts``
  without views decay);
- a channel's unit cost: spend is a multiple of it when the channel buys a
  volume; users are a multiple of 1 / unit cost when it buys with a budget.

So are the two things a break-even reads: roi x ad spend (paid contribution
less ad spend) and ad spend, whose ratio is roi, and the cumulative cash of
every month, which decides payback. Three engine samples of a driver give
these lines (the third checks that they are lines), and the thresholds are
where they cross 0: roi = 0 at the root of roi x ad spend where ad spend > 0;
payback_month <= target holds where the cumulative cash of every month from
the target (or the horizon, if sooner) to the horizon is >= 0, an interval
of u bounded by the roots of those months. As in the search (breakeven.py),
the boundary inside the driver's domain nearest the current value is kept.

Each boundary is then checked by the engine: a value on its good side within
a quarter of the break-even tolerance must meet the threshold, and one on
the bad side miss it. A driver whose lines do not check out, or whose
boundary does not, is left to the search, as is every other driver (a
renewal, a saturated budget, a conversion index, anything in a plan with
gates), so no answer rests on this reasoning alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from aigc_roi.model.scenario import FloatArray, Scenario
from aigc_roi.whatif.breakeven_jumps import Crossing
from aigc_roi.whatif.breakeven_search import Level, Solved, level_values, toward_good_side
from aigc_roi.whatif.drivers import Driver
from aigc_roi.whatif.lockstep import Steps, run_together

SAMPLE_FACTORS = (1.0, 0.5, 0.75)
"""The driver's samples as multiples of a value above 0 (its current value, or the search's upper end
at 0): all above 0, where a channel that spends nothing would stop being a paid channel."""
LINE_TOLERANCE = 1e-9
"""The third sample lies on the line through the first two within this share of the series' size
(float rounding over 120 months of 50 items is about 1e-13 of it)."""

_PRICED = frozenset({"price", "fee", "count", "serving_per_active_user", "serving_per_subscriber"})
_CHANNEL = re.compile(r"acquisition\[(\d+)\]\.")


def solve(scenario: Scenario, drivers: Sequence[Driver], floors: FloatArray, target: int,
          thresholds: dict[str, Level]) -> dict[int, Solved]:
    """Per driver index, the thresholds of the drivers solved in closed form (module docstring) of the
    realized ``scenario``; ``floors`` are where each search starts (breakeven_search.py)."""
    return run_together(scenario, [solve_steps(drivers, forms(scenario, drivers), floors, target, thresholds)])[0]


def forms(scenario: Scenario, drivers: Sequence[Driver]) -> dict[int, bool]:
    """Per index of a driver the realized ``scenario`` is affine in (module docstring), whether in 1 / x
    (True) or in x (False); none with gates."""
    if scenario.gates:
        return {}
    return {d: form for d, driver in enumerate(drivers) if (form := _form(scenario, driver)) is not None}


def solve_steps(drivers: Sequence[Driver], forms: dict[int, bool], floors: FloatArray, target: int,
                thresholds: dict[str, Level]) -> Steps[dict[int, Solved]]:
    """``solve`` of the drivers in ``forms`` in steps (whatif/lockstep.py): their lines, then their checks."""
    if not forms:
        return {}
    chosen = list(forms)
    base = np.array([driver.current if driver.current > 0 else driver.search_high for driver in (drivers[d] for d in chosen)])
    values = base[:, None] * np.array(SAMPLE_FACTORS)[None, :]
    figures, months = yield [drivers[d] for d in chosen], values
    found: dict[int, Solved] = {}
    for row, d in enumerate(chosen):
        inverse = forms[d]
        u = 1.0 / values[row] if inverse else values[row]
        roi = _roi_boundaries(u, figures["roi"][row], figures["ad_spend"][row])
        payback = _payback_boundaries(u, months["cumulative_cash"][row], target)
        if roi is None or payback is None:
            continue
        driver = drivers[d]
        found[d] = {name: _nearest(bounds, inverse, driver, floors[d])
                    for name, bounds in (("roi_zero", roi), ("payback_target", payback))}
    return (yield from _checked(drivers, found, floors, thresholds))


def _form(scenario: Scenario, driver: Driver) -> bool | None:
    """Whether the model is affine in 1 / x (True) or in x (False) of this driver; None if in neither."""
    if driver.channel_type is None:
        if driver.field in _PRICED:
            return False
        if driver.field == "conversion" and all(np.all(np.asarray(channel.conversion_index) == 1.0)
                                                for channel in scenario.acquisition):
            return False
        return None
    match = _CHANNEL.match(driver.path)
    if match is None:
        return None
    return scenario.acquisition[int(match[1])].driver_form(driver.field)

Bounds = list["tuple[float, bool]"]
"""Boundaries in u, each with whether the good side lies at smaller u."""


def _line(u: FloatArray, values: FloatArray) -> tuple[FloatArray, FloatArray] | None:
    """(value at u[0], slope) of the line through the first two samples (sample axis first), or None
    when the third sample is off it."""
    slope = (values[1] - values[0]) / (u[1] - u[0])
    predicted = values[0] + slope * (u[2] - u[0])
    size = np.max(np.abs(values))
    if not np.all(np.abs(predicted - values[2]) <= LINE_TOLERANCE * size):
        return None
    return values[0], slope


def _roi_boundaries(u: FloatArray, roi: FloatArray, ad_spend: FloatArray) -> Bounds | None:
    """Where roi x ad spend crosses 0 with ad spend > 0; None when the samples are not lines."""
    if np.all(ad_spend == 0.0):
        return []  # no ad spend at three values of a line: none anywhere, and roi is never defined
    if np.any(ad_spend <= 0.0) or np.any(np.isnan(roi)):
        return None
    spend = _line(u, ad_spend)
    margin = _line(u, roi * ad_spend)
    if spend is None or margin is None or margin[1] == 0.0:
        return None if spend is None or margin is None else []
    root = u[0] - margin[0] / margin[1]
    if spend[0] + spend[1] * (root - u[0]) <= 0.0:
        return []
    return [(float(root), bool(margin[1] < 0.0))]


def _payback_boundaries(u: FloatArray, cumulative: FloatArray, target: int) -> Bounds | None:
    """The ends of the interval of u where every month from the target on has cumulative cash >= 0
    (payback_month <= target, docs/formulas.md §5); None when the samples are not lines."""
    horizon = cumulative.shape[1]
    lines = _line(u, cumulative[:, min(target, horizon) - 1:])
    if lines is None:
        return None
    at_first, slope = lines
    if np.any((slope == 0.0) & (at_first < 0.0)):
        return []  # a month short of 0 whatever the driver
    with np.errstate(divide="ignore", invalid="ignore"):
        roots = u[0] - at_first / slope
    rising, falling = slope > 0.0, slope < 0.0
    low = float(roots[rising].max()) if rising.any() else -np.inf
    high = float(roots[falling].min()) if falling.any() else np.inf
    if low > high:
        return []
    return [(low, False)] * bool(np.isfinite(low)) + [(high, True)] * bool(np.isfinite(high))


def _nearest(bounds: Bounds, inverse: bool, driver: Driver, floor: float) -> Crossing:
    """The boundary inside the driver's domain nearest its current value, as a value of the driver."""
    inside = []
    for u, good_below_in_u in bounds:
        if inverse and u <= 0.0:
            continue
        # 1 / x turns the good side around.
        value, good_below = (1.0 / u, not good_below_in_u) if inverse else (u, good_below_in_u)
        if floor < value < driver.upper_bound:
            inside.append((abs(value - driver.current), value, good_below))
    if not inside:
        return Crossing(None, False)
    _, value, good_below = min(inside)
    return Crossing(value, good_below)


def _checked(drivers: Sequence[Driver], found: dict[int, Solved], floors: FloatArray,
             thresholds: dict[str, Level]) -> Steps[dict[int, Solved]]:
    """``found`` less the drivers with a boundary the engine does not confirm; each boundary reported
    as its good-side value (module docstring)."""
    names = list(thresholds)
    chosen = [d for d in found if any(found[d][name][0] is not None for name in names)]
    if not chosen:
        return found
    # Per driver: good side, bad side of each threshold in turn; the current value where there is none.
    values = np.array([[drivers[d].current] * (2 * len(names)) for d in chosen])
    for row, d in enumerate(chosen):
        for t, name in enumerate(names):
            value, good_below = found[d][name].value, found[d][name].good_below
            if value is not None:
                sides = [toward_good_side(value, good_below, 0.25), toward_good_side(value, good_below, -0.25)]
                values[row, 2 * t:2 * t + 2] = np.clip(sides, floors[d], drivers[d].upper_bound)
    levels = level_values((yield [drivers[d] for d in chosen], values, True), thresholds)
    confirmed = dict(found)
    for t, name in enumerate(names):
        # Met on the good side; defined and missed on the bad one (NaN >= 0 is False).
        holds = (levels[name][:, 2 * t] >= 0) & (levels[name][:, 2 * t + 1] < 0)
        for row, d in enumerate(chosen):
            if d not in confirmed or found[d][name][0] is None:
                continue
            if not holds[row]:
                del confirmed[d]
            else:
                confirmed[d] = {**confirmed[d], name: Crossing(float(values[row, 2 * t]), found[d][name].good_below)}
    return confirmed
