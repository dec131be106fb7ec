"""The section-4 figures of a chunk from its monthly series (docs/formulas.md §5)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from aigc_roi.model.cashflow import (
    annual_irr,
    cac_payback_months,
    discount_factors,
    first_payback_month,
    payback_month,
    peak_cash,
)
from aigc_roi.model.figures import FIGURE_NAMES
from aigc_roi.model.mirr import annual_mirr
from aigc_roi.model.params import _ratio
from aigc_roi.model.scenario import Distribution, FloatArray, Scenario

FIGURE_SERIES = ("ad_spend", "paid_users", "new_users", "gross_revenue", "net_revenue", "contribution", "net_cash",
                 "cumulative_cash")
"""The monthly series the figures read."""


def items_add(scenario: Scenario) -> bool:
    """Whether every monetization item (and fixed cost) of a realized scenario adds its own amounts to its
    ``FigureInputs``, so that scenarios moving distinct items combine: without gates (a gate reads every item's
    revenue) and with no channel's conversion index above 1 (an index is clipped against the largest of the plans'
    conversions, docs/formulas.md §15)."""
    if scenario.gates:
        return False
    return all(not isinstance(channel.conversion_index, Distribution) and float(np.max(channel.conversion_index)) <= 1.0
               for channel in scenario.acquisition)


@dataclass(frozen=True)
class FigureInputs:
    """What the figures of some samples are computed from, sample axis last (``figures``).

    ``amounts`` holds ``FIGURE_SERIES`` ``(H, s)``, ``paid`` ``(2, s)`` (the paid channels' gross revenue and
    contribution over the horizon), ``paid_cumulative`` ``(H, s)`` and ``lifetime_contribution`` ``(L, s)``. Each
    is a part no monetization item changes plus one part per item, so the amounts of scenarios that move distinct
    items add (``combined``) where ``items_add``."""

    amounts: dict[str, FloatArray]
    discount_rate: FloatArray
    """``(s,)``, or ``(1,)`` when every sample shares it."""
    lifetime_discount: FloatArray
    """``(L, s)``, or ``(L, 1)`` likewise."""

    def figures(self, irr: bool) -> dict[str, FloatArray]:
        amounts = self.amounts
        return _figures({name: amounts[name] for name in FIGURE_SERIES}, amounts["paid"].T, amounts["paid_cumulative"],
                        amounts["lifetime_contribution"], self.discount_rate, self.lifetime_discount, irr)

    def combined(self, member: np.ndarray) -> FigureInputs:
        """The inputs of sample 0 plus, for each row of ``member`` ``(B, n)`` (booleans), the differences samples
        1..n make to it where the row is True: B scenarios each setting the items' changes of its samples at once.
        Right only where samples 1..n move distinct items and the items add (the caller's to know); raises
        ``ValueError`` where the samples differ in their discount rate, which no item sets."""
        if self.discount_rate.size > 1 and np.any(self.discount_rate != self.discount_rate[0]):
            raise ValueError("the samples differ in their discount rate: their amounts do not add")
        # Every amount's differences stacked, one matrix product: BLAS runs one large product faster than ten small.
        differences = np.concatenate([values[..., 1:] - values[..., :1] for values in self.amounts.values()])
        added = differences @ member.astype(np.float64).T
        amounts: dict[str, FloatArray] = {}
        first = 0
        for name, values in self.amounts.items():
            rows = values.shape[0]
            amounts[name] = values[..., :1] + added[first:first + rows]
            first += rows
        return FigureInputs(amounts, self.discount_rate[:1], self.lifetime_discount[:, :1])

    def plus_moves(self, moved: FigureInputs, at: np.ndarray, start: np.ndarray) -> FigureInputs:
        """Sample 0 of these inputs plus, per entry of ``at``, what sample ``at[j]`` of ``moved`` adds to its sample
        ``start[j]``: these inputs with one item moved from where ``start`` has it to where ``at`` has it. Right only
        where the items add (the caller's to know)."""
        amounts = {name: values[..., :1] + (moved.amounts[name][..., at] - moved.amounts[name][..., start])
                   for name, values in self.amounts.items()}
        return FigureInputs(amounts, self.discount_rate[:1], self.lifetime_discount[:, :1])

    @staticmethod
    def joined(parts: list[FigureInputs]) -> FigureInputs:
        """The inputs of consecutive chunks as one."""
        if len(parts) == 1:
            return parts[0]
        sizes = [part.amounts["net_cash"].shape[-1] for part in parts]
        return FigureInputs(
            {name: np.concatenate([part.amounts[name] for part in parts], axis=-1) for name in parts[0].amounts},
            np.concatenate([np.broadcast_to(part.discount_rate, (size,)) for part, size in zip(parts, sizes, strict=True)]),
            np.concatenate([np.broadcast_to(part.lifetime_discount, (part.lifetime_discount.shape[0], size))
                            for part, size in zip(parts, sizes, strict=True)], axis=-1))


def _figures(months: dict[str, FloatArray], paid: FloatArray, paid_cumulative: FloatArray, lifetime_contribution: FloatArray,
             discount_rate: FloatArray, lifetime_discount: FloatArray, irr: bool) -> dict[str, FloatArray]:
    """The section-4 figures, ``(s,)`` each, from the ``(H, s)`` series; ``paid`` is ``(s, 2)``,
    the paid channels' gross revenue and contribution, ``paid_cumulative`` ``(H, s)`` P(t) of
    ``paid_payback_month``; ``lifetime_contribution`` c(a) over L ages."""
    # Sums as np.add.reduce, the reduction ``sum`` makes, without its Python (a run's figures take a dozen).
    totals = {name: np.add.reduce(months[name], axis=0)
              for name in ("ad_spend", "paid_users", "new_users", "gross_revenue", "net_revenue", "contribution", "net_cash")}
    net_cash = months["net_cash"]
    cumulative = months["cumulative_cash"]
    cac = _ratio(totals["ad_spend"], totals["paid_users"])
    # The worth of one new user, from c(a) (spec section 4), users or none: with no new user at all c(a) is one user of
    # the top-level curve joining in month 1 (model/sources.py), so a plan not yet buying still prices a user.
    ltv = np.add.reduce(lifetime_contribution * lifetime_discount, axis=0)
    need, need_month = peak_cash(cumulative)
    horizon = net_cash.shape[0]
    discount = discount_factors(discount_rate, horizon)
    monthly_rate = np.expm1(np.log1p(discount_rate) / 12.0)
    figures = {
        "ad_spend": totals["ad_spend"],
        "paid_users": totals["paid_users"],
        "new_users": totals["new_users"],
        "cac": cac,
        "blended_cac": _ratio(totals["ad_spend"], totals["new_users"]),
        "gross_revenue": totals["gross_revenue"],
        "net_revenue": totals["net_revenue"],
        "contribution": totals["contribution"],
        "net_cash": totals["net_cash"],
        "roas": _ratio(paid[:, 0], totals["ad_spend"]),
        "roi": _ratio(paid[:, 1] - totals["ad_spend"], totals["ad_spend"]),
        "blended_roas": _ratio(totals["gross_revenue"], totals["ad_spend"]),
        "payback_month": payback_month(cumulative),
        "first_payback_month": first_payback_month(cumulative),
        "paid_payback_month": payback_month(paid_cumulative),
        "peak_cash_need": need,
        "peak_cash_month": need_month,
        "npv": np.add.reduce(net_cash * discount, axis=0),
        "irr": annual_irr(net_cash) if irr else np.empty(0),
        "mirr": annual_mirr(net_cash, monthly_rate),
        "ltv": ltv,
        "ltv_to_cac": _ratio(ltv, cac),
        "cac_payback_months": cac_payback_months(lifetime_contribution, cac),
    }
    assert tuple(figures) == FIGURE_NAMES
    if not irr:
        del figures["irr"]
    return figures
