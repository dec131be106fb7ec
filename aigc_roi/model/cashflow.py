"""Figures of a monthly cash-flow series: discounting, payback (sustained and first crossing), peak cash, IRR and MIRR.

Pure numpy. Series are month-major, ``(H, S)``, as inside the engine that
calls them: a running test over the months is then one vector operation per
month over contiguous samples. ``NaN`` means "none": never paid back, no
single IRR.

Every comparison with 0 is exact on the computed sums (docs/formulas.md
§5): a tolerance that grows with the plan's size hid real
shortfalls of large plans (spec 1.2, item 11).

IRR (docs/formulas.md §5): the monthly IRR ``r`` solves
``sum_t F(t) / (1 + r)^t = 0`` for ``t = 1..H``. It exists, and is unique,
exactly when the non-zero F(t) change sign once: with the months before the
change ("early") and after it ("late"), u = ln(1 + r) solves

    h(u) = ln sum_late |F(t)| e^(-u t) - ln sum_early |F(t)| e^(-u t) = 0,

and h is strictly decreasing (h'(u) = -(mean late month - mean early
month), the means weighted by the discounted amounts), so it has one root
on the whole real line, however large the rate or however close to -100%.
Written with logarithms of sums of exponentials h never overflows, whatever
u; its root is bracketed in closed form (``_bracket``) and found by Newton's
method kept inside the bracket (bisection when a step would leave it). The
annual figure is ``(1 + r)^12 - 1 = expm1(12 u)``.
"""

from __future__ import annotations

import math

import numpy as np

from aigc_roi.model.running import running_product, running_sum
from aigc_roi.model.scenario import FloatArray

_IRR_MAX_ITERATIONS = 200
"""Bisection alone halves a bracket of width <= ~120 to rounding in ~60 steps; Newton takes far fewer."""
_IRR_STEP_DONE = 1e-12
"""A Newton step this small (relative to max(1, |u|)) lands on the root to rounding: convergence is quadratic."""
_IRR_POWERS_REACH = 600.0
"""Largest |u| x H for which h's weights are amounts times powers of e^-u: e^600 is far from float64's limits."""
_LARGEST = float(np.finfo(np.float64).max)
_LINEAR_MIRR_GROWTH = 300.0
"""Largest H x ln(1 + m) for which MIRR sums its compounded amounts in money: e^300 x 1e15 is far below float64's top."""
_SMALLEST_SUM = 1e-280
"""A compounded sum below this may have lost terms to underflow: it is summed in logarithms instead."""
# Relative slack of the per-user payback test: one user's amounts, not the plan's size.
_TOLERANCE = 1e-9


def discount_factors(annual_rate: FloatArray, horizon: int) -> FloatArray:
    """(H, S) factors 1 / (1 + m)^t for t = 1..H; NaN for a rate <= -1."""
    months = np.arange(1, horizon + 1, dtype=np.float64)[:, None]
    valid = annual_rate > -1.0
    base = np.where(valid, 1.0 + annual_rate, 1.0)
    return np.where(valid, base ** (-months / 12.0), np.nan)


def _month_numbers(horizon: int, first: int) -> np.ndarray:
    """``(H, 1)`` months ``first..first + H - 1`` in the narrowest integer type that holds them and H + 1: the
    (H, S) selections below then move a quarter of the memory of float64 ones (issue 27)."""
    kind = np.int16 if horizon + first < np.iinfo(np.int16).max else np.int64
    return np.arange(first, horizon + first, dtype=kind)[:, None]


def first_month(mask: np.ndarray) -> FloatArray:
    """1-based index of the first True along axis 0 (months), NaN where none."""
    # A min-reduction over months runs over contiguous samples; argmax along axis 0 would not.
    horizon = mask.shape[0]
    months = _month_numbers(horizon, 1)
    first = np.where(mask, months, months.dtype.type(horizon + 1)).min(axis=0)
    return np.where(first > horizon, np.nan, first.astype(np.float64))


def payback_month(cumulative: FloatArray) -> FloatArray:
    """First month from which cumulative cash stays >= 0, exactly; NaN if none."""
    horizon = cumulative.shape[0]
    months = _month_numbers(horizon, 1)
    # The month after the last one still short of zero (0 when none is short).
    last_short = np.where(cumulative < 0.0, months, months.dtype.type(0)).max(axis=0)
    return np.where(last_short >= horizon, np.nan, last_short + 1.0)


def first_payback_month(cumulative: FloatArray) -> FloatArray:
    """First month whose cumulative net cash is >= 0 (the first crossing); NaN if none."""
    return first_month(cumulative >= 0.0)


def peak_cash(cumulative: FloatArray) -> tuple[FloatArray, FloatArray]:
    """(peak_cash_need, peak_cash_month): max(0, -min cumulative cash) and the first month at that low point
    (NaN when the need is 0)."""
    low = cumulative.min(axis=0)
    need = np.where(low < 0.0, -low, 0.0)
    month = np.where(need > 0, cumulative.argmin(axis=0) + 1.0, np.nan)
    return need, month


def cac_payback_months(contribution_by_age: FloatArray, cac: FloatArray) -> FloatArray:
    earned = running_sum(contribution_by_age)
    target = cac
    slack = _TOLERANCE * np.maximum(np.abs(contribution_by_age).sum(axis=0), np.abs(target))
    with np.errstate(invalid="ignore"):
        reached = earned >= np.where(np.isnan(target), np.inf, target) - slack
    return np.where(np.isnan(cac), np.nan, first_month(reached))




IRR_NONE_REASONS: tuple[str, ...] = ("no_sign_change", "more_than_one_sign_change")
"""Why an IRR is none, by ``sign_changes`` (0 -> the first, 2 -> the second); JSON's ``irr_none_reason``."""


def sign_changes(net_cash: FloatArray) -> np.ndarray:
    """(S,) how often the non-zero F(t) of ``(H, S)`` net cash change sign: 0, 1, or 2 for two or more.

    A month counts as zero only when it is exactly 0. Exactly one change
    means every positive month comes before every negative one, or after:
    four reductions over the months, no loop.
    """
    if net_cash.shape[1] == 1:
        return np.array([_lone_sign_changes(net_cash[:, 0].tolist())], dtype=np.int64)
    horizon = net_cash.shape[0]
    positive = net_cash > 0.0
    negative = net_cash < 0.0
    changes = np.zeros(net_cash.shape[1], dtype=np.int64)
    # Only samples with months of both signs change sign at all: a plan losing money every month is settled by
    # two cheap reductions over booleans.
    both = np.flatnonzero(positive.any(axis=0) & negative.any(axis=0))
    if both.size == 0:
        return changes
    if both.size < changes.size:
        positive, negative = positive[:, both], negative[:, both]
    months = _month_numbers(horizon, 0)
    after, before = months.dtype.type(horizon), months.dtype.type(-1)
    first_positive = np.where(positive, months, after).min(axis=0)
    first_negative = np.where(negative, months, after).min(axis=0)
    last_positive = np.where(positive, months, before).max(axis=0)
    last_negative = np.where(negative, months, before).max(axis=0)
    once = (last_positive < first_negative) | (last_negative < first_positive)
    changes[both] = np.where(once, 1, 2)
    return changes


def _lone_sign_changes(flows: list[float]) -> int:
    """``sign_changes`` of one sample, month by month: its months cost less walked than a dozen numpy calls."""
    changes, last = 0, 0
    for flow in flows:
        sign = (flow > 0.0) - (flow < 0.0)
        if sign and sign != last:
            changes += last != 0
            last = sign
    return min(changes, 2)


def irr_none_reason(net_cash: FloatArray) -> list[str | None]:
    """Per sample of ``(H, S)`` net cash, why the IRR is none (``IRR_NONE_REASONS``), or None where it exists."""
    changes = sign_changes(net_cash)
    return [None if count == 1 else IRR_NONE_REASONS[0 if count == 0 else 1] for count in changes.tolist()]


def annual_irr(net_cash: FloatArray) -> FloatArray:
    """Annual IRR per sample of ``(H, S)`` monthly net cash; NaN unless F changes sign exactly once.

    Any root is found (module docstring); an annual rate past float64's
    largest number, which only flows spanning ~300 orders of magnitude
    reach, is reported as that number rather than as infinity.
    """
    out = np.full(net_cash.shape[1], np.nan)
    candidates = np.flatnonzero(sign_changes(net_cash) == 1)
    if candidates.size == 0:
        return out
    # Row-major as every sum over months below assumes (a selection by ``[:, candidates]`` comes column-major).
    flows = np.take(net_cash, candidates, axis=1)
    # Unit scale: the logarithms of the amounts are then <= 0, which keeps h's rounding small.
    magnitude = np.abs(flows)
    amount = magnitude / magnitude.max(axis=0)
    with np.errstate(divide="ignore"):
        log_amount = np.log(amount)
    early_sign = np.sign(flows[np.argmax(flows != 0.0, axis=0), np.arange(candidates.size)])
    early = np.sign(flows) == early_sign
    late = np.sign(flows) == -early_sign
    root = _irr_log_rate(amount, log_amount, early, late)
    with np.errstate(over="ignore"):
        out[candidates] = np.minimum(np.expm1(12.0 * root), _LARGEST)
    return out


def _irr_log_rate(amount: FloatArray, log_amount: FloatArray, early: np.ndarray, late: np.ndarray) -> FloatArray:
    """u = ln(1 + r) solving h(u) = 0 (module docstring) per column of ``(H, n)`` amounts |F(t)| and their logarithms.

    Months are counted from the last early month (h does not change when
    every month moves by one constant), so e^(-u t) stays near 1 around the root.
    """
    horizon, count = log_amount.shape
    months = np.arange(1.0, horizon + 1.0)[:, None]
    months = months - np.where(early, months, 0.0).max(axis=0)
    low, high = _bracket(log_amount, early, late)
    groups = _MonthGroups(amount, log_amount, early, late, months)
    # h is +-inf where one group underflows to 0, and a Newton step of it NaN: both are read as such.
    with np.errstate(divide="ignore", invalid="ignore"):
        return _newton(groups, np.clip(0.0, low, high), low, high, _IRR_STEP_DONE, _IRR_MAX_ITERATIONS)


def _newton(groups: _MonthGroups, guess: FloatArray, low: FloatArray, high: FloatArray, step_done: float,
            iterations: int) -> FloatArray:
    """Newton's method on h kept inside [low, high] (bisection when a step would leave it), per column; ``guess``,
    ``low`` and ``high`` are updated in place. A column is done when a step inside the bracket is at most
    ``step_done`` (relative to max(1, |u|)), h is 0, or the bracket is as narrow as rounding allows."""
    if guess.size == 1:
        return _newton_alone(groups, guess, low, high, step_done, iterations)
    # The columns ``groups`` holds, and which of them are still searched: finished columns ride along (each column's
    # sums are its own) until they are half of them, so the groups are copied a few times, not at every step.
    held = np.arange(guess.size)
    searched = np.ones(guess.size, dtype=bool)
    for _ in range(iterations):
        active = held[searched]
        value, slope = groups.gap_and_slope(guess[held])
        value, slope = (value, slope) if active.size == held.size else (value[searched], slope[searched])
        at = guess[active]
        # h decreases: a positive value means the root lies above ``at``.
        low[active] = np.where(value > 0, at, low[active])
        high[active] = np.where(value < 0, at, high[active])
        below, above = low[active], high[active]
        newton = at - value / slope
        inside = np.isfinite(newton) & (newton > below) & (newton < above)
        scale = np.maximum(1.0, np.abs(at))
        # A step this small lands on the root to rounding even where it does not move ``at`` off the bracket's end
        # (h's last bits then say nothing about the side): bisecting from there would walk back for 40 steps.
        landed = np.isfinite(newton) & (np.abs(newton - at) <= step_done * scale)
        step = np.where((value == 0) | (landed & ~inside), at, np.where(inside, newton, 0.5 * (below + above)))
        done = (value == 0) | landed | (above - below <= 4 * np.finfo(np.float64).eps * scale)
        guess[active] = step
        if done.all():
            break
        searched[np.flatnonzero(searched)[done]] = False
        if np.count_nonzero(searched) <= held.size // 2:
            groups = groups.keep(searched)
            held, searched = held[searched], np.ones(np.count_nonzero(searched), dtype=bool)
    return guess


def _newton_alone(groups: _MonthGroups, guess: FloatArray, low: FloatArray, high: FloatArray, step_done: float,
                  iterations: int) -> FloatArray:
    """``_newton`` for one column, its steps on Python floats: each is one IEEE operation as numpy's on a column
    of one, so the same numbers, without two dozen numpy calls a step (half of a single run's IRR)."""
    at, below, above = float(guess[0]), float(low[0]), float(high[0])
    rounding = 4 * float(np.finfo(np.float64).eps)
    for _ in range(iterations):
        gap, gradient = groups.gap_and_slope(np.array([at]))
        value, slope = float(gap[0]), float(gradient[0])
        if value > 0:
            below = at
        if value < 0:
            above = at
        newton = at - _quotient(value, slope)
        inside = math.isfinite(newton) and below < newton < above
        scale = max(1.0, abs(at))
        landed = math.isfinite(newton) and abs(newton - at) <= step_done * scale
        done = value == 0 or landed or above - below <= rounding * scale
        if not (value == 0 or (landed and not inside)):
            at = newton if inside else 0.5 * (below + above)
        if done:
            break
    guess[0], low[0], high[0] = at, below, above
    return guess


def _quotient(dividend: float, divisor: float) -> float:
    """``dividend / divisor`` as numpy divides: a zero divisor gives a signed infinity, or NaN for 0/0 and NaN/0."""
    if divisor != 0.0:
        return dividend / divisor
    if dividend == 0.0 or math.isnan(dividend):
        return math.nan
    return math.copysign(math.inf, dividend) * math.copysign(1.0, divisor)


class _MonthGroups:
    """The early and late months of the columns still searched, as float weights, for ``gap_and_slope``.

    One column is held twice: numpy sums the months of a lone column in another order than those of many
    (pairwise, not one month after another), so a sample's IRR would depend on how many others are still
    searched beside it, in the last bits: in a chunk, in a batch, or alone in a run."""

    def __init__(self, amount: FloatArray, log_amount: FloatArray, early: np.ndarray, late: np.ndarray,
                 months: FloatArray) -> None:
        self.alone = amount.shape[1] == 1
        twice = [0, 0] if self.alone else slice(None)
        # Row-major, as the sums over months below assume (a no-op where the arrays already are).
        self.amount = np.ascontiguousarray(amount[:, twice])
        self.log_amount = np.ascontiguousarray(log_amount[:, twice])
        self.months = np.ascontiguousarray(months[:, twice])
        # ``(H, 4, n)``: what each month adds to h's four sums (late, early, early x month, late x month), read in one
        # pass (one einsum, not four; each sum still adds its months one after another, the same bits).
        self.parts = np.empty((self.amount.shape[0], 4, self.amount.shape[1]))
        self.parts[:, 0] = late[:, twice]
        self.parts[:, 1] = early[:, twice]
        np.multiply(self.parts[:, 1], self.months, out=self.parts[:, 2])
        np.multiply(self.parts[:, 0], self.months, out=self.parts[:, 3])

    def keep(self, columns: np.ndarray) -> _MonthGroups:
        kept = _MonthGroups.__new__(_MonthGroups)
        kept.alone = int(np.count_nonzero(columns)) == 1
        chosen = np.flatnonzero(columns)
        # ``take`` by position, not a boolean mask: numpy gathers ``parts``' last axis by mask some twenty times slower.
        for name, array in vars(self).items():
            if name != "alone":
                setattr(kept, name, np.take(array, chosen[[0, 0]] if kept.alone else chosen, axis=-1))
        return kept

    def gap_and_slope(self, log_rate: FloatArray) -> tuple[FloatArray, FloatArray]:
        """(h(u), h'(u)), the amounts scaled by their common largest term: no overflow for any u.

        Far from the root one group can underflow to 0 entirely; h is then +-inf, which
        still says on which side the root lies, and its Newton step is replaced by bisection
        (the caller ignores numpy's warnings of both).
        """
        weight = self._weights(log_rate[[0, 0]] if self.alone else log_rate)
        late_sum, early_sum, early_moment, late_moment = np.einsum("ij,ikj->kj", weight, self.parts)
        value = np.log(late_sum) - np.log(early_sum)
        slope = early_moment / early_sum - late_moment / late_sum
        return (value[:1], slope[:1]) if self.alone else (value, slope)

    def _weights(self, log_rate: FloatArray) -> FloatArray:
        """|F(t)| e^(-u t) up to a factor common to a column (h and h' do not see it).

        Where |u| H is moderate these are the amounts times the powers of e^-u, one product per month (an
        exponential per term costs ten times as much; the powers differ from it by ~H float64 roundings,
        1e-14 at most). Otherwise in logarithms, shifted by their largest term. Each column's own u decides,
        so no column's weights depend on the others searched beside it.
        """
        if self.alone:  # both columns the one sample's: its rate read once, without three numpy calls
            if abs(float(log_rate[0])) * self.amount.shape[0] < _IRR_POWERS_REACH:
                return self._powers(log_rate, slice(None))
        powers = np.abs(log_rate) * self.amount.shape[0] < _IRR_POWERS_REACH
        if powers.all():
            return self._powers(log_rate, slice(None))
        weight = np.empty_like(self.amount)
        if powers.any():
            weight[:, powers] = self._powers(log_rate[powers], powers)
        exponent = self.log_amount[:, ~powers] - log_rate[~powers] * self.months[:, ~powers]
        exponent -= exponent.max(axis=0)
        weight[:, ~powers] = np.exp(exponent, out=exponent)
        return weight

    def _powers(self, log_rate: FloatArray, columns: np.ndarray | slice) -> FloatArray:
        """The amounts of ``columns`` times the powers of e^-u, month by month."""
        amount = self.amount[:, columns]
        factor = np.exp(-log_rate)
        weight = running_product(factor, factor, amount.shape[0])
        weight *= amount
        return weight


def _bracket(log_amount: FloatArray, early: np.ndarray, late: np.ndarray) -> tuple[FloatArray, FloatArray]:
    """(low, high) with h(low) > 0 > h(high), in closed form.

    With e the last early month and l the first late one (a_t = ln|F(t)|,
    n_E and n_L the counts of early and late months): for u >= 0,
    h(u) <= ln n_L + max_late a - a_e - u (every late month is at least one
    after e), and for u <= 0, h(u) >= a_l - ln n_E - max_early a + |u|.
    """
    if log_amount.shape[1] == 1:
        return _lone_bracket(log_amount[:, 0].tolist(), early[:, 0].tolist(), late[:, 0].tolist())
    horizon = log_amount.shape[0]
    columns = np.arange(log_amount.shape[1])
    last_early = np.where(early, np.arange(horizon)[:, None], -1).max(axis=0)
    first_late = np.where(late, np.arange(horizon)[:, None], horizon).min(axis=0)
    max_late = np.where(late, log_amount, -np.inf).max(axis=0)
    max_early = np.where(early, log_amount, -np.inf).max(axis=0)
    above_root = np.log(late.sum(axis=0)) + max_late - log_amount[last_early, columns]
    below_root = np.log(early.sum(axis=0)) + max_early - log_amount[first_late, columns]
    return -np.maximum(0.0, below_root) - 1.0, np.maximum(0.0, above_root) + 1.0


def _lone_bracket(logs: list[float], early: list[bool], late: list[bool]) -> tuple[FloatArray, FloatArray]:
    """``_bracket`` of one sample, on Python floats: the same operations in the same order (the logarithms of the
    counts numpy's, as the columns take them), without a dozen numpy calls."""
    early_months = [month for month, is_early in enumerate(early) if is_early]
    late_months = [month for month, is_late in enumerate(late) if is_late]
    log_late_count, log_early_count = np.log(np.array([len(late_months), len(early_months)], dtype=np.float64)).tolist()
    above_root = log_late_count + max(logs[month] for month in late_months) - logs[early_months[-1]]
    below_root = log_early_count + max(logs[month] for month in early_months) - logs[late_months[0]]
    return np.array([-max(0.0, below_root) - 1.0]), np.array([max(0.0, above_root) + 1.0])


def annual_mirr(net_cash: FloatArray, monthly_rate: FloatArray) -> FloatArray:
    """Annual MIRR per sample of ``(H, S)`` net cash: the spreadsheet MIRR of F(1..H), m both rates.

    x = (sum_{F>0} F(t) (1+m)^(H-t) / sum_{F<0} -F(t) (1+m)^-(t-1))^(1/(H-1)) - 1, annual
    (1+x)^12 - 1 = expm1(12/(H-1) x ln(ratio)); NaN unless H >= 2 and some month is
    negative and some positive (docs/formulas.md §5).
    """
    horizon = net_cash.shape[0]
    out = np.full(net_cash.shape[1], np.nan)
    defined = (net_cash > 0).any(axis=0) & (net_cash < 0).any(axis=0) & (horizon >= 2) & (monthly_rate > -1.0)
    if not defined.any():
        return out
    flows = net_cash[:, defined]
    rate = monthly_rate if np.size(monthly_rate) == 1 else np.broadcast_to(monthly_rate, defined.shape)[defined]
    growth = np.log1p(np.asarray(rate, dtype=np.float64).reshape(-1))
    months = np.arange(1.0, horizon + 1.0)[:, None]
    log_ratio = np.full(flows.shape[1], np.nan)
    if horizon * float(np.abs(growth).max()) < _LINEAR_MIRR_GROWTH:
        # No factor can overflow: the sums in money, two passes, the same terms the logarithms below add up.
        future = (np.maximum(flows, 0.0) * np.exp((horizon - months) * growth)).sum(axis=0)
        present = (np.maximum(-flows, 0.0) * np.exp(-(months - 1.0) * growth)).sum(axis=0)
        usable = (future > _SMALLEST_SUM) & (present > _SMALLEST_SUM) & np.isfinite(future) & np.isfinite(present)
        log_ratio[usable] = np.log(future[usable]) - np.log(present[usable])
    rest = np.isnan(log_ratio)
    if rest.any():
        flows, growth = flows[:, rest], growth if growth.size == 1 else growth[rest]
        # In logarithms: (1 + m)^(H - t) over a long horizon at a high rate must not overflow.
        with np.errstate(divide="ignore"):
            log_future = _log_sum_exp(np.log(np.maximum(flows, 0.0)) + (horizon - months) * growth)
            log_present = _log_sum_exp(np.log(np.maximum(-flows, 0.0)) - (months - 1.0) * growth)
        log_ratio[rest] = log_future - log_present
    with np.errstate(over="ignore"):
        out[defined] = np.minimum(np.expm1(12.0 / (horizon - 1) * log_ratio), _LARGEST)
    return out


def _log_sum_exp(terms: FloatArray) -> FloatArray:
    """ln sum_t e^terms over the months (axis 0); terms of -inf are absent amounts."""
    top = terms.max(axis=0)
    return top + np.log(np.exp(terms - top).sum(axis=0))
