"""A plan's payments summed over the cohorts: a recursion where one renewal rate repeats, shifted sums of
its schedule otherwise (docs/formulas.md §4.5)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TypeVar

import numpy as np

from aigc_roi.model.active_users import _cohort_sum
from aigc_roi.model.curves import plan_renewal_count, renewal_survival
from aigc_roi.model.params import _Params, every, some
from aigc_roi.model.revenue import conversion_by_age, plan_payments_by_age
from aigc_roi.model.running import recurrence, running_product, stacked
from aigc_roi.model.scenario import ByMonth, FloatArray, Plan, RenewalObserved


@dataclass(frozen=True)
class _Recursion:
    """A plan with a join-month conversion and one renewal rate: its payers follow a recursion.

    Conversion by age or a renewal schedule (a list, the sBG rates) has no
    such recursion: its per-user cash schedule (``revenue.plan_cash_by_age``)
    is summed over the cohorts at the ages it pays.
    """

    first_payment: FloatArray
    """Cash of one new user's first payment; its share subscribing when the price moves by month."""
    renewal: FloatArray
    period: int
    conversion: FloatArray
    price_by_month: FloatArray | None = None
    """``(H, s)`` the price of each month when it moves: a payment is made at the price of its month."""

    @classmethod
    def of(cls, plan: Plan, p: _Params) -> _Recursion | None:
        """The plan's recursion, built once a chunk: the revenue, the paid channels' revenue and a user's values by
        age all read it (a dozen times a run)."""
        return p.once("recursion", plan, lambda: cls._built(plan, p))

    @classmethod
    def _built(cls, plan: Plan, p: _Params) -> _Recursion | None:
        if isinstance(plan.conversion, tuple) or not isinstance(plan.renewal, float | int | np.ndarray):
            return None
        if isinstance(plan.price, ByMonth):
            conversion = p(plan.conversion)
            return cls(conversion, p(plan.renewal), int(plan.period_months), conversion, p.monthly(plan.price))
        return cls(p(plan.conversion) * p(plan.price), p(plan.renewal), int(plan.period_months), p(plan.conversion))


STACKED_CELLS = 1 << 18
"""Plans x months x samples computed as one array where plans of one period take the same steps (their
recursions, their payments by age): a step is then one vector operation for all of them, not one a plan.
At most one chunk-sized series (2 MB), so at the engine's full chunks each plan is computed alone, as its
memory allows, and stacking pays where a step's Python, not its arithmetic, is the cost: at a few samples."""


_Stacked = TypeVar("_Stacked")
"""What ``_in_stacks`` computes per plan."""


def _stacks(plans: list[_Recursion | None], cells_per_plan: int) -> Iterator[tuple[int, list[int]]]:
    """The recursive plans in order, in stacks of plans of one period (the period, the plans' indices), each
    stack where its first plan comes and within ``STACKED_CELLS``."""
    at_once = max(1, STACKED_CELLS // cells_per_plan)
    waiting: dict[int, list[int]] = {}
    for index, plan in enumerate(plans):
        if plan is not None:
            waiting.setdefault(plan.period, []).append(index)
    taken: set[int] = set()
    for index, plan in enumerate(plans):
        if plan is None or index in taken:
            continue
        stack = waiting[plan.period][:at_once]
        del waiting[plan.period][:at_once]
        taken.update(stack)
        yield plan.period, stack


def _recursive_plan_payers(plans: list[_Recursion | None], new_users: FloatArray) -> Iterator[FloatArray | None]:
    """Per plan in order, ``(H, s)`` Y(t) = N(t) + r Y(t-P) (None where ``plans`` has None): the plan pays
    ``first_payment`` x Y(t) in month t, from conversion x Y(t) payments. Plans of one period recur together
    (``STACKED_CELLS``), each stack computed where its first plan is read."""

    def payers(period: int, chosen: list[_Recursion]) -> list[FloatArray]:
        # A plan sold through two stores renews alike: plans of one rate have the same payers, summed once, and each
        # gets its own copy (``_revenue`` writes a plan's cash over its payers).
        rates: list[FloatArray] = []
        of_plan: list[int] = []
        for plan in chosen:
            renewal = _row(plan.renewal, new_users.shape[1:])
            same = next((k for k, rate in enumerate(rates) if rate is renewal or _same_rate(rate, renewal)), None)
            if same is None:
                same = len(rates)
                rates.append(renewal)
            of_plan.append(same)
        summed = recurrence(stacked(new_users, len(rates)), rates[0][None] if len(rates) == 1 else np.array(rates), period,
                            axis=1)
        given: set[int] = set()
        payers_of_plans = []
        for k in of_plan:
            payers_of_plans.append(summed[k].copy() if k in given else summed[k])
            given.add(k)
        return payers_of_plans

    return _in_stacks(plans, new_users.size, payers)


def _recursive_schedules(plans: list[_Recursion | None], ages: int, samples: int,
                         payments: bool = True) -> Iterator[tuple[FloatArray, FloatArray | None] | None]:
    """Per plan in order (None where ``plans`` has None), ``(K, s)`` the cash and the payments of one new user of a
    recursive plan at the ages it pays, 0, P, 2P, ...: its first payment (or conversion) times the renewal k times
    over, multiplied in that order as ``_recursive_by_age`` does, for plans of one period and both at once
    (``STACKED_CELLS``): a vector operation per paying age of a stack, not per paying age of every plan. Without
    ``payments`` (None), the cash alone: half the products."""
    kinds = 2 if payments else 1

    def schedules(period: int, chosen: list[_Recursion]) -> list[tuple[FloatArray, FloatArray | None]]:
        firsts = [[_row(plan.first_payment, (samples,)) for plan in chosen],
                  [_row(plan.conversion, (samples,)) for plan in chosen]]
        renewals = np.array([_row(plan.renewal, (samples,)) for plan in chosen])
        rows = running_product(np.array(firsts[:kinds]), renewals, len(range(0, ages, period)))
        return [(rows[:, 0, n], rows[:, 1, n] if payments else None) for n in range(len(chosen))]

    return _in_stacks(plans, kinds * ages * samples, schedules)


def _same_rate(rate: FloatArray, other: FloatArray) -> bool:
    """``np.array_equal`` of two renewal rows of one shape, without its Python."""
    return every(rate == other)


def _row(values: FloatArray, shape: tuple[int, ...]) -> FloatArray:
    """``values`` broadcast to ``shape``; as they are where they have it (a broadcast view's Python costs more than
    a few samples' arithmetic)."""
    return values if values.shape == shape else np.broadcast_to(values, shape)


def _in_stacks(plans: list[_Recursion | None], cells_per_plan: int,
               compute: Callable[[int, list[_Recursion]], list[_Stacked]]) -> Iterator[_Stacked | None]:
    """Per plan in order, ``compute``'s value for it (None where ``plans`` has None), ``compute`` called once per
    stack of ``_stacks`` (its period and plans) where the stack's first plan is read."""
    ready: dict[int, _Stacked] = {}
    stacks = _stacks(plans, cells_per_plan)
    for index, plan in enumerate(plans):
        if plan is None:
            yield None
            continue
        if index not in ready:
            period, indices = next(stacks)
            chosen = [stacked for stacked in (plans[i] for i in indices) if stacked is not None]
            ready.update(zip(indices, compute(period, chosen), strict=True))
        yield ready.pop(index)


def _recursive_by_age(plan: _Recursion, ages: int, samples: int, first: FloatArray | None = None) -> FloatArray:
    """``(ages, s)`` the cash of one new user of a recursive plan (or, with ``first`` its conversion, its payments),
    0 at the ages it does not pay at."""
    # Row k is the first payment times the renewal k times over, added to the paying ages of an array of zeros: those
    # rows themselves where every age pays, unless a factor has a sign bit (0 + -0 is 0, the one sum that changes).
    first = plan.first_payment if first is None else first
    paying = running_product(first, plan.renewal, len(range(0, ages, plan.period)))
    every_age = plan.period == 1 and paying.shape == (ages, samples)
    if every_age and not (some(np.signbit(first)) or some(np.signbit(plan.renewal))):
        return paying
    by_age = np.zeros((ages, samples))
    by_age[::plan.period] += paying
    return by_age


def _scheduled_plan_cash(plan: Plan, new_users: FloatArray, p: _Params) -> FloatArray:
    """``(H, s)`` cash of a plan with conversion by age or a renewal schedule: its payments times the price."""
    return _scheduled_plan_payments(plan, new_users, p) * p(plan.price)


def _scheduled_plan_payments(plan: Plan, new_users: FloatArray, p: _Params) -> FloatArray:
    """``(H, s)`` payments to a plan with conversion by age or a renewal schedule, in time linear in H where it can be.

    A user converting at age a0 pays at a0 + kP the share S(k) of the
    price, so the cash is ``price x sum_k S(k) M(t - kP)`` with
    ``M(t) = sum_a0 q(a0) N(t - a0)``, the users converting in month t. A
    renewal list's last rate r repeats, so from its last entry k0 on
    (k0 = 0 for one rate) ``S(k) = S(k0) r^(k - k0)``: that tail is the
    recursion ``Z(t) = M(t - k0 P) + r Z(t - P)``. Only the sBG rates (renewal
    from ``observed``) change with every renewal; they are summed term by
    term, ``O(H^2 / P)``. Every term is non-negative: nothing cancels.
    """
    horizon = new_users.shape[0]
    period = int(plan.period_months)
    conversions = np.ascontiguousarray(conversion_by_age(plan, horizon, p.samples).T)
    ages = [age for age, _ in plan.conversion] if isinstance(plan.conversion, tuple) else [0]
    converting = _cohort_sum(new_users, conversions, sorted({age for age in ages if 0 <= age < horizon}))
    renewals = plan_renewal_count(plan, horizon)
    survival = np.ascontiguousarray(renewal_survival(plan.renewal, renewals, p.samples).T)
    renewal = plan.renewal
    if isinstance(renewal, RenewalObserved):
        tail_from, tail_rate = renewals + 1, None
    elif isinstance(renewal, tuple):
        tail_from, tail_rate = len(renewal) - 1, p(renewal[-1])
    else:
        tail_from, tail_rate = 0, p(renewal)
    cash = np.zeros_like(new_users)
    for k in range(min(tail_from, renewals + 1)):
        offset = k * period
        cash[offset:] += survival[k] * converting[: horizon - offset]
    start = tail_from * period
    if tail_rate is not None and start < horizon:
        # Z(t) = M(t - k0 P) + r Z(t - P): before the tail's first payments the recursion carries zeros.
        shifted = np.zeros_like(new_users)
        shifted[start:] = converting[: horizon - start]
        cash += survival[tail_from] * recurrence(shifted, tail_rate, period)
    return cash


def _plan_payments_by_age(plan: Plan, ages: int, p: _Params) -> FloatArray:
    """``(ages, s)`` the payments one new user makes to the plan at each age."""
    recursion = _Recursion.of(plan, p)
    if recursion is None:
        return np.ascontiguousarray(plan_payments_by_age(plan, ages, p.samples).T)
    return _recursive_by_age(recursion, ages, p.samples, recursion.conversion)


def _plan_cash_by_age(plan: Plan, ages: int, p: _Params) -> FloatArray:
    """``(ages, s)`` the plan's cash from one new user at each age (any number of ages: LTV may outlive H)."""
    recursion = _Recursion.of(plan, p)
    if recursion is None:
        return _plan_payments_by_age(plan, ages, p) * p(plan.price)
    return _recursive_by_age(recursion, ages, p.samples)
