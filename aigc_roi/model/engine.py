"""The cohort model of spec section 3 and the figures of section 4.

Pure: numpy, the standard library and ``aigc_roi.model.scenario`` only; no I/O.

``evaluate(scenario)`` takes a *realized* scenario (``sampling.realize``):
every numeric value is a float or a float64 array of shape ``(S,)``, all
arrays sharing one ``S``. Parameters are broadcast as ``(S, 1)`` columns
against the month axis, so one evaluation serves a deterministic run
(``S = 1``), a Monte Carlo batch or a batch of break-even candidates, with
no Python loop over samples. Every array of the ``Result`` has a leading
sample axis.

Conventions and decisions where the spec is silent:

- **NaN means "none"** (spec: JSON null): a ratio with a zero denominator,
  a payback that never happens, an IRR without a sign change in the cash
  flows. Nothing is ever inf; callers map NaN to null/"none".
- A cpa/cpm channel with a budget but a unit cost (``bid``/``cpm``) of 0
  buys no users (it would otherwise buy infinitely many); it still spends
  its budget. The loader rejects this for files; it can arise from clipped
  samples. ``saturation_budget`` only applies in the budget form (the spec
  forbids it otherwise) and is ignored with ``users``/``impressions``.
- Months listed outside ``1..horizon`` are ignored (the loader rejects them).
- ``payback_month`` and ``cac_payback_months`` compare with a relative
  tolerance of 1e-9 of the money moved over the horizon (sum of |F(t)|,
  resp. sum of |c(a)| or the cac), so a scenario that breaks
  even exactly is not reported as "never" because of float rounding.
- ``payback_month`` follows the spec literally: a scenario whose cumulative
  cash is 0 throughout (nothing spent, nothing earned) is paid back in
  month 1.
- IRR, payback and discounting of the cash-flow series: ``cashflow``
  (the IRR's root choice is documented there).
- Discounting uses ``(1 + discount_rate)^(-t/12)``, the same as
  ``(1 + m)^-t`` with ``m = (1 + discount_rate)^(1/12) - 1``; a discount
  rate <= -1 gives NaN for npv and ltv.
- Per-channel attribution (spec section 4) follows each source's users
  through the viral chain: ``u_c(s) = paid_c(s) + k u_c(s-1)``, organic
  ``u_o(s) = organic + k u_o(s-1)``. The model is linear in the cohort
  sizes, so a source's revenue and serving are the model run with ``u_c``
  in place of ``N``, and the sources sum exactly to the totals. As for every
  ratio, a source's ``cac`` is NaN only where its users are 0 and its
  ``roas``/``roi`` only where its spend is 0 (organic: cac 0, roas/roi none).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from aigc_roi.model.cashflow import annual_irr, cac_payback_months, discount_factors, payback_month
from aigc_roi.model.figures import FIGURE_NAMES
from aigc_roi.model.scenario import (
    Channel,
    CpaChannel,
    CpmChannel,
    Distribution,
    FlatChannel,
    FloatArray,
    KolChannel,
    Months,
    Retention,
    RetentionChurn,
    RetentionPoints,
    Scenario,
    Value,
)

MONTH_SERIES: tuple[str, ...] = (
    "new_users",
    "active_users",
    "paid_users",
    "gross_revenue",
    "net_revenue",
    "ad_spend",
    "serving_cost",
    "fixed_cost",
    "contribution",
    "net_cash",
    "cumulative_cash",
)
"""Keys of ``Result.months``; each an ``(S, H)`` array."""


ORGANIC_NAME = "Organic"
ORGANIC_TYPE = "organic"

@dataclass(frozen=True)
class Result:
    """Everything ``evaluate`` computes. ``S`` samples, ``H`` months,
    ``C'`` sources (the channels, plus "Organic" when there are organic users)."""

    months: dict[str, FloatArray]
    """Monthly series, ``(S, H)`` each, keyed by ``MONTH_SERIES``."""
    figures: dict[str, FloatArray]
    """Section-4 figures, ``(S,)`` each, keyed by ``FIGURE_NAMES`` in order; NaN = none."""
    channel_names: tuple[str, ...]
    channel_types: tuple[str, ...]
    """``cpa``/``cpm``/``kol``/``flat``, or ``organic`` for the organic source."""
    channel_spend: FloatArray
    """``(S, C')`` spend over the horizon."""
    channel_users: FloatArray
    """``(S, C')`` users the source bought (organic: organic users), viral users excluded."""
    channel_cac: FloatArray
    """``(S, C')`` spend / users; NaN where either is 0."""
    channel_roas: FloatArray
    """``(S, C')`` attributed gross revenue / spend; NaN where spend is 0."""
    channel_roi: FloatArray
    """``(S, C')`` (attributed contribution - spend) / spend; NaN where spend is 0."""
    channel_gross_revenue: FloatArray
    """``(S, C')`` gross revenue attributed by users; sums over sources to the total."""
    channel_contribution: FloatArray
    """``(S, C')`` contribution attributed by users; sums over sources to the total."""
    channel_months: tuple[tuple[int, ...], ...]
    """Per source, the (1-based) months in which it runs."""
    channel_users_per_month: FloatArray
    """``(S, C')`` users a source buys in each month it runs (organic: organic users)."""
    channel_spend_per_month: FloatArray
    """``(S, C')`` spend of a source in each month it runs."""
    retention: FloatArray
    """``(S, H)`` share of a cohort active at age ``a = 0..H-1``."""
    contribution_by_age: FloatArray
    """``(S, H)`` c(a): contribution of one new user at age ``a = 0..H-1`` (undiscounted)."""

    @property
    def channel_monthly_users(self) -> FloatArray:
        """``(S, C', H)`` users bought per month (built on demand: it can be large)."""
        return self.channel_users_per_month[:, :, None] * self._month_mask()[None, :, :]

    @property
    def channel_monthly_spend(self) -> FloatArray:
        """``(S, C', H)`` spend per month (built on demand: it can be large)."""
        return self.channel_spend_per_month[:, :, None] * self._month_mask()[None, :, :]

    def _month_mask(self) -> FloatArray:
        mask = np.zeros((len(self.channel_months), self.horizon))
        for source, months in enumerate(self.channel_months):
            mask[source, np.asarray(months, dtype=np.intp) - 1] = 1.0
        return mask

    @property
    def samples(self) -> int:
        return int(self.retention.shape[0])

    @property
    def horizon(self) -> int:
        return int(self.retention.shape[1])


def evaluate(scenario: Scenario) -> Result:
    """Run the model of spec section 3 on a realized scenario.

    Raises ``TypeError`` if a ``Distribution`` is still present (call
    ``sampling.realize`` first) and ``ValueError`` for a malformed
    scenario (horizon < 1, arrays of different lengths, bad retention
    ages, a plan period < 1, a channel without budget or volume).
    """
    H = int(scenario.horizon_months)
    if H < 1:
        raise ValueError(f"horizon_months must be >= 1, got {H}")
    params = _Params(_sample_count(scenario))
    S = params.samples

    # Acquisition. A channel buys the same users and spend in each of its
    # active months, so (S, C) per-month amounts times a (C, H) month mask
    # describe it; never materialise (S, C, H).
    channels = scenario.acquisition
    masks = np.array([_month_mask(ch.months, H) for ch in channels]).reshape(len(channels), H)
    rates = [_channel_rates(ch, params) for ch in channels]
    unit_users = np.concatenate([u for u, _ in rates], axis=1) if rates else np.zeros((S, 0))
    unit_spend = np.concatenate([s for _, s in rates], axis=1) if rates else np.zeros((S, 0))
    paid_total = unit_users @ masks
    ad_spend = unit_spend @ masks

    organic = params(scenario.organic_users)
    virality = params(scenario.virality)
    new_users = _viral_chain(paid_total + organic, virality[:, 0])

    retention = _retention_curve(scenario.retention, H, params)
    active = _cohort_sum(new_users, retention, range(H))

    # Revenue per new user by age: purchases through retention, subscription
    # cash at whole periods. The monthly subscription series is that cash
    # schedule convolved with N, evaluated only at the ages where a plan pays.
    monetization = scenario.monetization
    purchase_unit = np.zeros((S, 1))
    for item in monetization.purchases:
        purchase_unit = purchase_unit + params(item.rate) * params(item.price)
    subscription_by_age = np.zeros((S, H))
    payment_ages: set[int] = set()
    for plan in monetization.plans:
        period = int(plan.period_months)
        if period < 1:
            raise ValueError(f"plan {plan.name!r}: period_months must be >= 1, got {period}")
        first_payment = params(plan.conversion) * params(plan.price)
        renewal = params(plan.renewal)
        for k, age in enumerate(range(0, H, period)):
            subscription_by_age[:, age] += (first_payment * renewal**k)[:, 0]
            payment_ages.add(age)
    subscriptions = _cohort_sum(new_users, subscription_by_age, sorted(payment_ages))

    fee = params(monetization.revenue_fee)
    serving_unit = params(scenario.costs.serving_per_active_user)
    gross = subscriptions + active * purchase_unit
    net = gross * (1.0 - fee)
    serving = active * serving_unit
    fixed = np.zeros((S, H))
    for cost in scenario.costs.fixed:
        fixed = fixed + params(cost.monthly) * _month_mask(cost.months, H)
    contribution = net - serving
    net_cash = contribution - ad_spend - fixed
    cumulative = np.cumsum(net_cash, axis=1)

    gross_by_age = retention * purchase_unit + subscription_by_age
    serving_by_age = retention * serving_unit
    contribution_by_age = gross_by_age * (1.0 - fee) - serving_by_age

    discount = discount_factors(params(scenario.discount_rate), H)

    totals = {
        "ad_spend": ad_spend.sum(axis=1),
        "paid_users": paid_total.sum(axis=1),
        "new_users": new_users.sum(axis=1),
        "gross_revenue": gross.sum(axis=1),
        "net_revenue": net.sum(axis=1),
        "contribution": contribution.sum(axis=1),
        "net_cash": net_cash.sum(axis=1),
    }
    cac = _ratio(totals["ad_spend"], totals["paid_users"])
    ltv = (contribution_by_age * discount).sum(axis=1)
    figures = {
        "ad_spend": totals["ad_spend"],
        "paid_users": totals["paid_users"],
        "new_users": totals["new_users"],
        "cac": cac,
        "gross_revenue": totals["gross_revenue"],
        "net_revenue": totals["net_revenue"],
        "contribution": totals["contribution"],
        "net_cash": totals["net_cash"],
        "roas": _ratio(totals["gross_revenue"], totals["ad_spend"]),
        "roi": _ratio(totals["contribution"] - totals["ad_spend"], totals["ad_spend"]),
        "payback_month": payback_month(net_cash, cumulative),
        "npv": (net_cash * discount).sum(axis=1),
        "irr": annual_irr(net_cash),
        "ltv": ltv,
        "ltv_to_cac": _ratio(ltv, cac),
        "cac_payback_months": cac_payback_months(contribution_by_age, cac),
    }
    assert tuple(figures) == FIGURE_NAMES

    # Attribution. A cohort joining in month s (1-based) lives through ages
    # 0..H-s, so one of its users is worth the cumulative per-user value at
    # age H-s. Its viral users (k x as many, one month later) are worth the
    # value at age H-s-1, and so on: credit(s) = worth(s) + k credit(s+1) is
    # what one user bought in month s earns for its source. Indexed by
    # j = H-s this is the forward chain over the cumulative values; it is the
    # adjoint of the chain that builds N, so the sources sum to the totals.
    per_user_by_age = np.stack([gross_by_age, contribution_by_age], axis=1)
    credit = _viral_chain(np.cumsum(per_user_by_age, axis=2), virality)[:, :, ::-1]
    names = tuple(ch.name for ch in channels)
    types: tuple[str, ...] = tuple(ch.type for ch in channels)
    source_masks = masks
    if np.any(organic != 0):
        names += (ORGANIC_NAME,)
        types += (ORGANIC_TYPE,)
        unit_users = np.concatenate([unit_users, organic], axis=1)
        unit_spend = np.concatenate([unit_spend, np.zeros((S, 1))], axis=1)
        source_masks = np.concatenate([masks, np.ones((1, H))], axis=0)
    # (S, 2, H) @ (H, C') -> per user bought in each active month, summed.
    credit_per_unit = credit @ source_masks.T
    ch_gross = unit_users * credit_per_unit[:, 0, :]
    ch_contribution = unit_users * credit_per_unit[:, 1, :]
    active_months = source_masks.sum(axis=1)
    ch_spend = unit_spend * active_months
    ch_users = unit_users * active_months
    ch_cac = _ratio(ch_spend, ch_users)

    months = {
        "new_users": new_users,
        "active_users": active,
        "paid_users": paid_total,
        "gross_revenue": gross,
        "net_revenue": net,
        "ad_spend": ad_spend,
        "serving_cost": serving,
        "fixed_cost": fixed,
        "contribution": contribution,
        "net_cash": net_cash,
        "cumulative_cash": cumulative,
    }
    assert tuple(months) == MONTH_SERIES
    return Result(
        months=months,
        figures=figures,
        channel_names=names,
        channel_types=types,
        channel_spend=ch_spend,
        channel_users=ch_users,
        channel_cac=ch_cac,
        channel_roas=_ratio(ch_gross, ch_spend),
        channel_roi=_ratio(ch_contribution - ch_spend, ch_spend),
        channel_gross_revenue=ch_gross,
        channel_contribution=ch_contribution,
        channel_months=tuple(tuple(int(t) + 1 for t in np.flatnonzero(row)) for row in source_masks),
        channel_users_per_month=unit_users,
        channel_spend_per_month=unit_spend,
        retention=retention,
        contribution_by_age=contribution_by_age,
    )


# --- parameters -------------------------------------------------------------


def _leaves(obj: Any, path: str) -> Iterator[tuple[str, Any]]:
    """(path, value) of every distribution or array inside ``obj``."""
    if isinstance(obj, Distribution | np.ndarray):
        yield path, obj
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            yield from _leaves(getattr(obj, f.name), f"{path}.{f.name}" if path else f.name)
    elif isinstance(obj, tuple):
        for i, item in enumerate(obj):
            yield from _leaves(item, f"{path}[{i}]")


def _sample_count(scenario: Scenario) -> int:
    lengths: dict[int, str] = {}
    for path, value in _leaves(scenario, ""):
        if isinstance(value, Distribution):
            raise TypeError(f"{path} is still a Distribution; call sampling.realize() before evaluate()")
        if value.ndim > 1:
            raise ValueError(f"{path}: expected a float or a 1-d array of samples, got shape {value.shape}")
        if value.ndim == 1 and value.shape[0] != 1:
            lengths.setdefault(value.shape[0], path)
    if len(lengths) > 1:
        found = ", ".join(f"{path} has {n}" for n, path in lengths.items())
        raise ValueError(f"sample arrays differ in length: {found}")
    return next(iter(lengths), 1)


class _Params:
    """Turns a ``Value`` into an ``(S, 1)`` float64 column."""

    def __init__(self, samples: int) -> None:
        self.samples = samples

    def __call__(self, value: Value) -> FloatArray:
        if isinstance(value, Distribution):
            raise TypeError("a Distribution is still present; call sampling.realize() first")
        column = np.asarray(value, dtype=np.float64).reshape(-1, 1)
        return np.broadcast_to(column, (self.samples, 1))


def _month_mask(months: Months, horizon: int) -> FloatArray:
    mask = np.zeros(horizon)
    if months is None:
        mask[:] = 1.0
        return mask
    for month in months:
        if 1 <= month <= horizon:
            mask[month - 1] = 1.0
    return mask


def _ratio(numerator: FloatArray, denominator: FloatArray) -> FloatArray:
    """numerator / denominator, NaN where the denominator is 0 or NaN."""
    numerator, denominator = np.broadcast_arrays(np.asarray(numerator, dtype=np.float64), np.asarray(denominator, dtype=np.float64))
    out = np.full(numerator.shape, np.nan)
    np.divide(numerator, denominator, out=out, where=denominator != 0)
    return out


def _zero_fill_ratio(numerator: FloatArray, denominator: FloatArray) -> FloatArray:
    """numerator / denominator, 0 where the denominator is 0 (buying at an undefined price buys nothing)."""
    return np.nan_to_num(_ratio(numerator, denominator), nan=0.0)


# --- acquisition ------------------------------------------------------------


def _channel_rates(channel: Channel, p: _Params) -> tuple[FloatArray, FloatArray]:
    """Users and spend in one active month, ``(S, 1)`` each."""
    if isinstance(channel, CpaChannel):
        bid = p(channel.bid)
        if channel.budget is not None:
            budget = p(channel.budget)
            users = _zero_fill_ratio(budget, bid) * _saturation(budget, channel.saturation_budget, p)
            return users, budget
        if channel.users is not None:
            users = p(channel.users)
            return users, users * bid
        raise ValueError(f"cpa channel {channel.name!r} needs a budget or users")
    if isinstance(channel, CpmChannel):
        cpm = p(channel.cpm)
        click_to_user = p(channel.ctr) * p(channel.cvr)
        if channel.budget is not None:
            budget = p(channel.budget)
            impressions = _zero_fill_ratio(budget, cpm) * 1000.0
            return impressions * click_to_user * _saturation(budget, channel.saturation_budget, p), budget
        if channel.impressions is not None:
            impressions = p(channel.impressions)
            return impressions * click_to_user, impressions / 1000.0 * cpm
        raise ValueError(f"cpm channel {channel.name!r} needs a budget or impressions")
    if isinstance(channel, KolChannel):
        posts = p(channel.posts)
        views = _kol_post_equivalents(posts, p(channel.views_decay))
        return p(channel.view_to_user) * p(channel.views) * views, posts * p(channel.fee)
    if isinstance(channel, FlatChannel):
        return p(channel.users), p(channel.cost)
    raise TypeError(f"unknown channel type {type(channel).__name__}")


def _saturation(budget: FloatArray, saturation_budget: Value | None, p: _Params) -> FloatArray:
    """h / (b + h): the share of unsaturated users a budget b still buys."""
    if saturation_budget is None:
        return np.ones_like(budget)
    h = p(saturation_budget)
    return _zero_fill_ratio(h, budget + h)


def _kol_post_equivalents(posts: FloatArray, decay: FloatArray) -> FloatArray:
    """sum_{i<floor(posts)} q^i + frac(posts) q^floor(posts), q = 1 - decay.

    Closed form via expm1/log1p, accurate for tiny decay; decay 0 and 1 are
    the limits n + f and min(n, 1) + f [n == 0].
    """
    whole = np.floor(posts)
    fraction = posts - whole
    interior = (decay > 0) & (decay < 1)
    safe = np.where(interior, decay, 0.5)
    log_q = np.log1p(-safe)
    geometric = np.where(interior, -np.expm1(whole * log_q) / safe, np.where(decay <= 0, whole, np.minimum(whole, 1)))
    next_share = np.where(interior, np.exp(whole * log_q), np.where(decay <= 0, 1.0, (whole == 0).astype(np.float64)))
    return geometric + fraction * next_share


def _viral_chain(inflow: FloatArray, virality: FloatArray) -> FloatArray:
    """x(t) = inflow(t) + k x(t-1) along the last (month) axis.

    ``virality`` broadcasts against ``inflow[..., t]``.
    """
    out = np.array(inflow, dtype=np.float64)
    for t in range(1, out.shape[-1]):
        out[..., t] += virality * out[..., t - 1]
    return out


def _cohort_sum(new_users: FloatArray, per_user: FloatArray, ages: Iterable[int]) -> FloatArray:
    """X(t) = sum_{s<=t} N(s) x(t-s), summing only over the given ages a = t-s."""
    horizon = new_users.shape[1]
    ages = list(ages)
    if np.all(per_user == per_user[:1]):
        # One curve for every sample: a single (S, H) @ (H, H) Toeplitz product.
        kernel = np.zeros((horizon, horizon))
        for age in ages:
            joined = np.arange(horizon - age)
            kernel[joined, joined + age] = per_user[0, age]
        return new_users @ kernel
    # Curves differ per sample: one vector op per age, month-major so each op
    # runs over contiguous samples (a row-major slice would loop over S short rows).
    cohorts = np.ascontiguousarray(new_users.T)
    shares = np.ascontiguousarray(per_user.T)
    total = np.zeros_like(cohorts)
    scratch = np.empty_like(cohorts)
    for age in ages:
        np.multiply(cohorts[: horizon - age], shares[age], out=scratch[: horizon - age])
        total[age:] += scratch[: horizon - age]
    return np.ascontiguousarray(total.T)


# --- retention ---------------------------------------------------------------


def _retention_curve(retention: Retention, horizon: int, p: _Params) -> FloatArray:
    ages = np.arange(horizon, dtype=np.float64)
    if isinstance(retention, RetentionChurn):
        return (1.0 - p(retention.monthly_churn)) ** ages
    if isinstance(retention, RetentionPoints):
        knots = [0] + [int(age) for age, _ in retention.points]
        if any(b <= a for a, b in zip(knots, knots[1:], strict=False)):
            raise ValueError(f"retention point ages must be >= 1 and strictly increasing, got {knots[1:]}")
        weights = _interpolation_weights(knots, horizon)
        values = np.concatenate([np.ones((p.samples, 1))] + [p(value) for _, value in retention.points], axis=1)
        return values @ weights.T
    raise TypeError(f"unknown retention type {type(retention).__name__}")


def _interpolation_weights(knots: list[int], horizon: int) -> FloatArray:
    """(H, P+1) weights: R(a) = sum_j W[a, j] value_j, linear between knots, flat after the last."""
    weights = np.zeros((horizon, len(knots)))
    for age in range(horizon):
        if age >= knots[-1]:
            weights[age, -1] = 1.0
            continue
        j = int(np.searchsorted(knots, age, side="right")) - 1
        share = (age - knots[j]) / (knots[j + 1] - knots[j])
        weights[age, j] = 1.0 - share
        weights[age, j + 1] = share
    return weights
