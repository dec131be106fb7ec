"""Figures of a monthly cash-flow series: discounting, payback (sustained and first crossing), peak cash and IRR (the
MIRR is model/mirr.py's).

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

import functools
import math

import numpy as np

from aigc_roi.model.params import every, some
from aigc_roi.model.running import running_product, running_sum
from aigc_roi.model.scenario import FloatArray

_IRR_MAX_ITERATIONS = 200
"""Bisection alone halves a bracket of width <= ~120 to rounding in ~60 steps; Newton takes far fewer."""
_IRR_STEP_DONE = 1e-12
"""A Newton step this small (relative to max(1, |u|)) lands on the root to rounding, even one that would leave the
bracket from its end: the column is then done where it stands."""
_IRR_SETTLED = math.sqrt(8.0 * float(np.finfo(np.float64).eps))
"""Times max(1, |u|) / H: a Newton step inside the bracket this small leaves the root within float64's epsilon of
max(1, |u|) squared. h' <= -1 (every late month is at least one after every early one) and |h''| <= H^2 / 4 (a
variance of months that lie within H of each other), so after a step d, |h| <= H^2 d^2 / 8 and the root is as close.
The step that would confirm it, one more pass over every month, is then skipped."""
_IRR_POWERS_REACH = 600.0
"""Largest |u| x H for which h's weights are amounts times powers of e^-u: e^600 is far from float64's limits."""
_LARGEST = float(np.finfo(np.float64).max)
_SMALLEST_NORMAL = float(np.finfo(np.float64).tiny)
"""float64's smallest normal number: an amount scaled below it has lost digits, or underflowed to 0."""
# Relative slack of the per-user payback test: one user's amounts, not the plan's size.
_TOLERANCE = 1e-9


def discount_factors(annual_rate: FloatArray, horizon: int) -> FloatArray:
    """(H, S) factors 1 / (1 + m)^t for t = 1..H; NaN for a rate <= -1."""
    valid = annual_rate > -1.0
    if every(valid):
        # A selection where every sample is valid is its first array: the same powers, without the selections.
        return (1.0 + annual_rate) ** _discount_exponents(horizon)
    base = np.where(valid, 1.0 + annual_rate, 1.0)
    return np.where(valid, base ** _discount_exponents(horizon), np.nan)


@functools.lru_cache(maxsize=64)
def _discount_exponents(horizon: int) -> FloatArray:
    """``(H, 1)`` -t / 12 for t = 1..H, read-only: every chunk asks, twice (its horizon and its LTV's lifetime)."""
    exponents = -np.arange(1, horizon + 1, dtype=np.float64)[:, None] / 12.0
    exponents.flags.writeable = False
    return exponents


def _first_true(mask: np.ndarray) -> np.ndarray:
    """(S,) 0-based month of the first True along axis 0 of ``(H, S)``; 0 where none.

    ``argmax`` over booleans: measured at a quarter to a half of the cost of selecting month numbers by the mask
    (``np.where``) and reducing them (issue 27)."""
    return mask.argmax(axis=0)


def _last_true(mask: np.ndarray) -> np.ndarray:
    """(S,) 0-based month of the last True along axis 0 of ``(H, S)``; H - 1 where none."""
    return mask.shape[0] - 1 - mask[::-1].argmax(axis=0)


def first_month(mask: np.ndarray) -> FloatArray:
    """1-based index of the first True along axis 0 (months), NaN where none."""
    return np.where(mask.any(axis=0), _first_true(mask) + 1.0, np.nan)


def payback_month(cumulative: FloatArray) -> FloatArray:
    """First month from which cumulative cash stays >= 0, exactly; NaN if none."""
    short = cumulative < 0.0
    # The month after the last one still short of zero (month 1 when none is short): none if that is past H.
    after_last_short = np.where(short.any(axis=0), _last_true(short) + 2.0, 1.0)
    return np.where(after_last_short > short.shape[0], np.nan, after_last_short)


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
    return irr_shapes(net_cash)[0]


def irr_shapes(net_cash: FloatArray) -> tuple[np.ndarray, np.ndarray]:
    """``sign_changes`` and ``irr_borrowing`` of ``(H, S)`` net cash from one pass over its signs: a Monte Carlo
    run wants both of every chunk (why an IRR is none, and how one reads)."""
    changes = np.zeros(net_cash.shape[1], dtype=np.int64)
    borrowing = np.zeros(net_cash.shape[1], dtype=bool)
    both, first_positive, first_negative, last_positive, last_negative = _sign_months(net_cash)
    positive_first = last_positive < first_negative
    changes[both] = np.where(positive_first | (last_negative < first_positive), 1, 2)
    borrowing[both] = positive_first
    return changes, borrowing


def _one_change(net_cash: FloatArray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The samples whose non-zero months change sign exactly once, and of each: whether its early months (those
    before the change) are positive, its last early month and its first late month (0-based)."""
    both, first_positive, first_negative, last_positive, last_negative = _sign_months(net_cash)
    positive_first = last_positive < first_negative
    once = positive_first | (last_negative < first_positive)
    if not every(once):
        both, positive_first = both[once], positive_first[once]
        first_positive, first_negative = first_positive[once], first_negative[once]
        last_positive, last_negative = last_positive[once], last_negative[once]
    return (both, positive_first, np.where(positive_first, last_positive, last_negative),
            np.where(positive_first, first_negative, first_positive))


def _signed_months(flows: list[float]) -> tuple[list[int], list[int]]:
    """The (0-based) months of one sample's positive flows and of its negative ones."""
    return ([month for month, flow in enumerate(flows) if flow > 0.0],
            [month for month, flow in enumerate(flows) if flow < 0.0])


def _sign_months(net_cash: FloatArray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The samples with months of both signs, and of each its first and last positive and negative months
    (0-based): first positive, first negative, last positive, last negative."""
    if net_cash.shape[1] == 1:
        return _lone_sign_months(net_cash[:, 0].tolist())
    positive = net_cash > 0.0
    negative = net_cash < 0.0
    # Only samples with months of both signs change sign at all: a plan losing money every month is settled by
    # two cheap reductions over booleans.
    both = np.flatnonzero(positive.any(axis=0) & negative.any(axis=0))
    if both.size == 0:
        return both, both, both, both, both
    if both.size < net_cash.shape[1]:
        positive, negative = positive[:, both], negative[:, both]
    # Every sample left has months of both signs: a first and a last of each.
    return both, _first_true(positive), _first_true(negative), _last_true(positive), _last_true(negative)


def _lone_sign_months(flows: list[float]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``_sign_months`` of one sample, month by month: its months cost less walked than a dozen numpy calls."""
    positive, negative = _signed_months(flows)
    if not (positive and negative):
        none = np.empty(0, dtype=np.int64)
        return none, none, none, none, none
    return (np.zeros(1, dtype=np.int64), np.array([positive[0]]), np.array([negative[0]]), np.array([positive[-1]]),
            np.array([negative[-1]]))


def irr_none_reason(net_cash: FloatArray) -> list[str | None]:
    """Per sample of ``(H, S)`` net cash, why the IRR is none (``IRR_NONE_REASONS``), or None where it exists."""
    changes = sign_changes(net_cash)
    return [None if count == 1 else IRR_NONE_REASONS[0 if count == 0 else 1] for count in changes.tolist()]


IRR_KINDS: tuple[str, ...] = ("investment", "borrowing")
"""How an IRR reads (JSON's ``irr_kind``): an investment's (money out first, then in: a return, higher is better) or
a borrowing's (money in first, then out: what the money costs, higher is worse; docs/formulas.md §5)."""


def irr_borrowing(net_cash: FloatArray) -> np.ndarray:
    """Per sample of ``(H, S)`` net cash, whether its IRR is a borrowing rate: the first non-zero F(t) is positive
    and the non-zero F(t) change sign once (every positive month before every negative one).

    Then the NPV rises with the rate (each late outflow is discounted more than the early inflows), so a higher
    IRR means dearer money, not a better return.
    """
    return irr_shapes(net_cash)[1]


def irr_kind(net_cash: FloatArray) -> list[str | None]:
    """Per sample of ``(H, S)`` net cash, how its IRR reads (``IRR_KINDS``), or None where there is no IRR."""
    borrowing = irr_borrowing(net_cash).tolist()
    return [None if reason is not None else IRR_KINDS[1 if borrows else 0]
            for reason, borrows in zip(irr_none_reason(net_cash), borrowing, strict=True)]


def annual_irr(net_cash: FloatArray) -> FloatArray:
    """Annual IRR per sample of ``(H, S)`` monthly net cash; NaN unless F changes sign exactly once.

    Any root is found (module docstring); an annual rate past float64's
    largest number, which only flows spanning ~300 orders of magnitude
    reach, is reported as that number rather than as infinity.
    """
    if net_cash.shape[1] == 1:
        return _lone_annual_irr(net_cash)
    out = np.full(net_cash.shape[1], np.nan)
    candidates, positive_first, last_early, first_late = _one_change(net_cash)
    if candidates.size == 0:
        return out
    # Row-major as every sum over months below assumes (a selection by ``[:, candidates]`` comes column-major).
    flows = np.take(net_cash, candidates, axis=1)
    # Unit scale: the logarithms of the amounts are then <= 0, which keeps h's rounding small.
    magnitude = np.abs(flows)
    largest = magnitude.max(axis=0)
    amount = magnitude / largest
    early_sign = np.where(positive_first, 1.0, -1.0)
    signs = np.sign(flows)
    early, late = signs == early_sign, signs == -early_sign
    # Amounts further apart than float64's range: scaled by the largest, the smallest fall below its normal numbers,
    # to 0 at last, and the sums of amounts lose them. Those samples are solved in logarithms of |F| at every step.
    far = ((amount < _SMALLEST_NORMAL) & (signs != 0.0)).any(axis=0)
    root = np.empty(candidates.size)
    for chosen, in_logarithms in ((np.flatnonzero(~far), False), (np.flatnonzero(far), True)):
        if chosen.size == 0:
            continue
        # Every sample is usually of one kind: then its arrays as they are, not copies.
        whole = chosen.size == candidates.size
        amounts, earlies, lates, lasts_early, firsts_late, magnitudes, largests = (
            array if whole else np.take(array, chosen, axis=-1)
            for array in (amount, early, late, last_early, first_late, magnitude, largest))
        root[chosen] = _irr_log_rate(amounts, earlies, lates, lasts_early, firsts_late,
                                     _log_amount(magnitudes, largests) if in_logarithms else None)
    with np.errstate(over="ignore"):
        out[candidates] = np.minimum(np.expm1(12.0 * root), _LARGEST)
    return out


def _lone_annual_irr(net_cash: FloatArray) -> FloatArray:
    """``annual_irr`` of one sample ``(H, 1)``: the same amounts, months and root, its months' signs read on Python
    floats and no sample selected, without the two dozen numpy calls that choose among many."""
    positive, negative = _signed_months(net_cash[:, 0].tolist())
    if not (positive and negative and (positive[-1] < negative[0] or negative[-1] < positive[0])):
        return np.full(1, np.nan)
    positive_first = positive[-1] < negative[0]
    early, late = (positive, negative) if positive_first else (negative, positive)
    magnitude = np.abs(net_cash)
    largest = magnitude.max(axis=0)
    amount = magnitude / largest
    # A month is early or late as its sign is the early months' or not: sign(F) = +-1 where F > 0 or F < 0.
    early_months, late_months = (net_cash > 0.0, net_cash < 0.0) if positive_first else (net_cash < 0.0, net_cash > 0.0)
    # sign(F) != 0 where F != 0, NaN included.
    far = some((amount < _SMALLEST_NORMAL) & (net_cash != 0.0))
    root = _irr_log_rate(amount, early_months, late_months, np.array([early[-1]]), np.array([late[0]]),
                         _log_amount(magnitude, largest) if far else None)
    with np.errstate(over="ignore"):
        return np.minimum(np.expm1(12.0 * root), _LARGEST)


def _log_amount(magnitude: FloatArray, largest: FloatArray) -> FloatArray:
    """ln(|F(t)| / largest |F|), -inf in months of 0, exact where the quotient itself would underflow."""
    with np.errstate(divide="ignore"):
        return np.log(magnitude) - np.log(largest)


def _irr_log_rate(amount: FloatArray, early: np.ndarray, late: np.ndarray, last_early: np.ndarray,
                  first_late: np.ndarray, log_amount: FloatArray | None = None) -> FloatArray:
    """u = ln(1 + r) solving h(u) = 0 (module docstring) per column of ``(H, n)`` amounts |F(t)|, with the (0-based)
    last early and first late month of each; with ``log_amount``, their logarithms, h is summed in those.

    Months are counted from the last early month (h does not change when
    every month moves by one constant), so e^(-u t) stays near 1 around the root.
    """
    horizon = amount.shape[0]
    low, high = _bracket(amount if log_amount is None else log_amount, log_amount is not None, last_early, first_late)
    groups = _MonthGroups(amount, early, late, last_early + 1.0, log_amount)
    # h is +-inf where one group underflows to 0, and a Newton step of it NaN: both are read as such.
    with np.errstate(divide="ignore", invalid="ignore"):
        # np.clip as its ufunc computes it (NaN kept), without the Python of np.clip.
        return _newton(groups, np.minimum(np.maximum(0.0, low), high), low, high, _IRR_SETTLED / horizon,
                       _IRR_MAX_ITERATIONS)


def _newton(groups: _MonthGroups, guess: FloatArray, low: FloatArray, high: FloatArray, settled: float,
            iterations: int) -> FloatArray:
    """Newton's method on h kept inside [low, high] (bisection when a step would leave it), per column; ``guess``,
    ``low`` and ``high`` are updated in place. A column is done, its step taken, when a step inside the bracket is at
    most ``settled`` (relative to max(1, |u|)); done where it stands when h is 0, a step of at most
    ``_IRR_STEP_DONE`` would leave the bracket, or the bracket is as narrow as rounding allows."""
    if guess.size == 1:
        return _newton_alone(groups, guess, low, high, settled, iterations)
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
        move = np.abs(newton - at)
        landed = np.isfinite(newton) & (move <= _IRR_STEP_DONE * scale)
        step = np.where((value == 0) | (landed & ~inside), at, np.where(inside, newton, 0.5 * (below + above)))
        narrow = above - below <= 4 * np.finfo(np.float64).eps * scale
        done = (value == 0) | landed | (inside & (move <= settled * scale)) | narrow
        guess[active] = step
        if every(done):
            break
        searched[np.flatnonzero(searched)[done]] = False
        if np.count_nonzero(searched) <= held.size // 2:
            groups = groups.keep(searched)
            held, searched = held[searched], np.ones(np.count_nonzero(searched), dtype=bool)
    return guess


def _newton_alone(groups: _MonthGroups, guess: FloatArray, low: FloatArray, high: FloatArray, settled: float,
                  iterations: int) -> FloatArray:
    """``_newton`` for one column, its steps on Python floats: each is one IEEE operation as numpy's on a column
    of one, so the same numbers, without two dozen numpy calls a step (half of a single run's IRR)."""
    at, below, above = float(guess[0]), float(low[0]), float(high[0])
    rounding = 4 * float(np.finfo(np.float64).eps)
    for _ in range(iterations):
        value, slope = groups.lone_gap_and_slope(at)
        if value > 0:
            below = at
        if value < 0:
            above = at
        newton = at - _quotient(value, slope)
        inside = math.isfinite(newton) and below < newton < above
        scale = max(1.0, abs(at))
        move = abs(newton - at)
        landed = math.isfinite(newton) and move <= _IRR_STEP_DONE * scale
        done = value == 0 or landed or (inside and move <= settled * scale) or above - below <= rounding * scale
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
    """What each month adds to h's four sums, for the columns still searched, for ``gap_and_slope``.

    One column is held twice: numpy sums the months of a lone column in another order than those of many
    (pairwise, not one month after another), so a sample's IRR would depend on how many others are still
    searched beside it, in the last bits: in a chunk, in a batch, or alone in a run."""

    def __init__(self, amount: FloatArray, early: np.ndarray, late: np.ndarray, last_early: FloatArray,
                 log_amount: FloatArray | None = None) -> None:
        self.alone = amount.shape[1] == 1
        twice = [0, 0] if self.alone else slice(None)
        # The month each column's months are counted from (its last early one).
        self.last_early = np.ascontiguousarray(last_early[twice])
        # ``(H, 4, n)``, row-major as the sums over months assume: each month's amount if late, if early, if early
        # times its month, if late times its month. Read in one pass (one einsum, not four), each sum still adding its
        # months one after another; the amounts are in the sums, not multiplied into the weights at every step.
        # Summed in logarithms (``log_amount``), the parts count each month once and the weights carry the amounts.
        self.log_amount = None if log_amount is None else np.ascontiguousarray(log_amount[:, twice])
        amount = amount[:, twice] if log_amount is None else np.ones(self.last_early.size)
        self.parts = np.empty((early.shape[0], 4, self.last_early.size))
        np.multiply(late[:, twice], amount, out=self.parts[:, 0])
        np.multiply(early[:, twice], amount, out=self.parts[:, 1])
        months = self._months(slice(None))
        np.multiply(self.parts[:, 1], months, out=self.parts[:, 2])
        np.multiply(self.parts[:, 0], months, out=self.parts[:, 3])

    def keep(self, columns: np.ndarray) -> _MonthGroups:
        kept = _MonthGroups.__new__(_MonthGroups)
        kept.alone = int(np.count_nonzero(columns)) == 1
        chosen = np.flatnonzero(columns)
        chosen = chosen[[0, 0]] if kept.alone else chosen
        # ``take`` by position, not a boolean mask: numpy gathers ``parts``' last axis by mask some twenty times slower.
        kept.parts = np.take(self.parts, chosen, axis=-1)
        kept.last_early = self.last_early[chosen]
        kept.log_amount = None if self.log_amount is None else np.take(self.log_amount, chosen, axis=-1)
        return kept

    def gap_and_slope(self, log_rate: FloatArray) -> tuple[FloatArray, FloatArray]:
        """(h(u), h'(u)), the amounts scaled by their common largest term: no overflow for any u.

        Far from the root one group can underflow to 0 entirely; h is then +-inf, which
        still says on which side the root lies, and its Newton step is replaced by bisection
        (the caller ignores numpy's warnings of both).
        """
        late_sum, early_sum, early_moment, late_moment = self._sums(log_rate[[0, 0]] if self.alone else log_rate)
        value = np.log(late_sum) - np.log(early_sum)
        slope = early_moment / early_sum - late_moment / late_sum
        return (value[:1], slope[:1]) if self.alone else (value, slope)

    def lone_gap_and_slope(self, log_rate: float) -> tuple[float, float]:
        """``gap_and_slope`` of the one column held (twice), on Python floats: numpy's sums and logarithms, then the
        same IEEE subtractions and quotients (``_quotient``), without a dozen numpy calls on arrays of two (a Newton
        step of a single run)."""
        if log_rate != 0.0 and abs(log_rate) * self.parts.shape[0] < _IRR_POWERS_REACH and self.log_amount is None:
            # ``_powers`` and the einsum of ``_sums``: the same products, the same sums (e^-u of -u, negated exactly).
            powers = np.empty((self.parts.shape[0], 2))
            powers[...] = np.exp(np.array([-log_rate, -log_rate]))
            sums = np.einsum("ij,ikj->kj", np.multiply.accumulate(powers, axis=0, out=powers), self.parts)
        else:
            sums = self._sums(np.array([log_rate, log_rate]))
        (late_sum, _), (early_sum, _), (early_moment, _), (late_moment, _) = sums.tolist()
        log_late, log_early = np.log(sums[:2, 0]).tolist()
        return log_late - log_early, _quotient(early_moment, early_sum) - _quotient(late_moment, late_sum)

    def _sums(self, log_rate: FloatArray) -> FloatArray:
        """``(4, n)``: h's four sums with weights e^(-u t), up to a factor common to a column (h and h' do not see it).

        Where |u| H is moderate the weights are the powers of e^-u, one product per month (an exponential per term
        costs ten times as much; the powers differ from it by ~H float64 roundings, 1e-14 at most). Otherwise in
        logarithms, shifted by their largest term. Each column's own u decides, and each kind is summed over two
        columns or more, so no column's sums depend on the others searched beside it. Amounts further apart than
        float64's range (``log_amount``) are summed in logarithms whatever u.
        """
        if self.log_amount is not None:
            return self._sums_in_logarithms(log_rate, np.arange(log_rate.size))
        if not some(log_rate):  # u = 0, the first guess: every weight is exactly 1
            return np.add.reduce(self.parts, axis=0)
        horizon = self.parts.shape[0]
        if self.alone:  # both columns the one sample's: its rate read once, without three numpy calls
            if abs(float(log_rate[0])) * horizon < _IRR_POWERS_REACH:
                return np.einsum("ij,ikj->kj", self._powers(log_rate), self.parts)
        powers = np.abs(log_rate) * horizon < _IRR_POWERS_REACH
        if every(powers):
            return np.einsum("ij,ikj->kj", self._powers(log_rate), self.parts)
        sums = np.empty((4, log_rate.size))
        for columns, summed in ((np.flatnonzero(powers), self._sums_of_powers),
                                (np.flatnonzero(~powers), self._sums_in_logarithms)):
            if columns.size:
                held = columns[[0, 0]] if columns.size == 1 else columns
                sums[:, columns] = summed(log_rate[held], held)[:, :columns.size]
        return sums

    def _sums_of_powers(self, log_rate: FloatArray, columns: np.ndarray) -> FloatArray:
        """The sums of ``columns`` with weights the powers of e^-u."""
        return np.einsum("ij,ikj->kj", self._powers(log_rate), np.take(self.parts, columns, axis=-1))

    def _sums_in_logarithms(self, log_rate: FloatArray, columns: np.ndarray) -> FloatArray:
        """The sums of ``columns`` with weights |F(t)| e^(-u t) shifted by their largest, and each month counted once
        (``parts`` then without its amounts): e^(-u t) alone may pass float64's range where the product does not."""
        parts = np.take(self.parts, columns, axis=-1)
        months = self._months(columns)
        if self.log_amount is not None:
            exponent = np.take(self.log_amount, columns, axis=-1) - log_rate * months
            exponent -= exponent.max(axis=0)
            return np.einsum("ij,ikj->kj", np.exp(exponent, out=exponent), parts)
        # A month is late, early or zero: the sum of the first two parts is its amount, exactly.
        amount = parts[:, 0] + parts[:, 1]
        with np.errstate(divide="ignore"):
            exponent = np.log(amount) - log_rate * months
        exponent -= exponent.max(axis=0)
        weight = np.exp(exponent, out=exponent)
        counted = np.empty_like(parts)
        np.not_equal(parts[:, 0], 0.0, out=counted[:, 0])
        np.not_equal(parts[:, 1], 0.0, out=counted[:, 1])
        np.multiply(counted[:, 1], months, out=counted[:, 2])
        np.multiply(counted[:, 0], months, out=counted[:, 3])
        return np.einsum("ij,ikj->kj", weight, counted)

    def _months(self, columns: np.ndarray | slice) -> FloatArray:
        """``(H, n)`` months 1..H of ``columns``, counted from their last early month."""
        return np.arange(1.0, self.parts.shape[0] + 1.0)[:, None] - self.last_early[columns]

    def _powers(self, log_rate: FloatArray) -> FloatArray:
        """``(H, n)``: the powers of e^-u, month by month."""
        factor = np.exp(-log_rate)
        return running_product(factor, factor, self.parts.shape[0])


def _bracket(amount: FloatArray, in_logarithms: bool, last_early: np.ndarray,
             first_late: np.ndarray) -> tuple[FloatArray, FloatArray]:
    """(low, high) with h(low) > 0 > h(high), in closed form, from the (0-based) last early month e and first late
    month l of each column and its amounts there alone (scaled by the largest, or ``in_logarithms`` their
    logarithms): no pass over its months.

    With a_t = ln|F(t)| of the amounts scaled by their largest (every a_t <= 0), at most H - l late months and
    e + 1 early ones: for u >= 0, h(u) <= ln(H - l) - a_e - u (every late month is at least one after e), and
    for u <= 0, h(u) >= a_l - ln(e + 1) + |u|.
    """
    horizon = amount.shape[0]
    if amount.shape[1] == 1:
        # One column on Python floats: the same operations in the same order, the logarithms numpy's.
        early, late = int(last_early[0]), int(first_late[0])
        ends = [float(amount[early, 0]), float(amount[late, 0])]
        logs = np.log(np.array([horizon - late, early + 1, *([] if in_logarithms else ends)], dtype=np.float64)).tolist()
        late_count, early_count, at_last_early, at_first_late = logs + ends if in_logarithms else logs
        return (np.array([-max(0.0, early_count - at_first_late) - 1.0]),
                np.array([max(0.0, late_count - at_last_early) + 1.0]))
    columns = np.arange(amount.shape[1])
    at_last_early, at_first_late = amount[last_early, columns], amount[first_late, columns]
    counts = [horizon - first_late, last_early + 1]
    logs = np.log(np.stack(counts if in_logarithms else counts + [at_last_early, at_first_late]).astype(np.float64))
    late_count, early_count = logs[0], logs[1]
    if not in_logarithms:
        at_last_early, at_first_late = logs[2], logs[3]
    return -np.maximum(0.0, early_count - at_first_late) - 1.0, np.maximum(0.0, late_count - at_last_early) + 1.0
