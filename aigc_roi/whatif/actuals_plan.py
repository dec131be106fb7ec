"""The plan's side of `actuals` (docs/formulas.md §16): a channel-month as the plan has it, and the draws its
percentiles rank an actual among."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from aigc_roi.model.by_month import extend, monthly
from aigc_roi.model.channels.buying import saturation
from aigc_roi.model.engine import evaluate
from aigc_roi.model.first_month import first_month_gross
from aigc_roi.model.sampling import ClipTally, realize
from aigc_roi.model.scenario import ByMonth, Channel, Scenario

MEASURED_INPUTS = ("cpm", "ctr", "cvr")
"""A channel's inputs that an export's columns measure month by month (a ratio of two of them)."""


@dataclass(frozen=True)
class Measured:
    """A channel-month's figures; None where not defined or not reported."""

    spend: float | None
    users: float | None
    cac: float | None
    ctr: float | None = None
    cvr: float | None = None
    revenue_per_user: float | None = None
    impressions: float | None = None
    clicks: float | None = None
    cpm: float | None = None
    """The plan's CPM in the month (the actual's is read over the months, from the spend and impressions)."""


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator / denominator


@dataclass(frozen=True)
class PlanSeries:
    """What the comparison reads of the plan, by channel and month."""

    spend: np.ndarray
    """(C', H) the deterministic run's spend."""
    users: np.ndarray
    revenue_per_user: np.ndarray
    """(C, H) the gross revenue one user the channel buys pays in its join month (age 0)."""
    inputs: tuple[Mapping[str, np.ndarray], ...]
    """Per channel, each of its ``MEASURED_INPUTS`` by month (H,): a value written by month is each month's own."""
    drawn_spend: np.ndarray
    """(S, C', H) spend in each draw."""
    drawn_users: np.ndarray

    @classmethod
    def of(cls, scenario: Scenario, samples: int, seed: int, tally: ClipTally) -> PlanSeries:
        """The run at every range's median, and ``samples`` draws of ``seed`` (their clips counted by ``tally``)."""
        realized = realize(scenario)
        plan = evaluate(realized)
        drawn = evaluate(realize(scenario, samples, np.random.default_rng(seed), tally), irr=False)
        horizon = int(scenario.horizon_months)
        return cls(plan.channel_monthly_spend[0], plan.channel_monthly_users[0], first_month_gross(realized)[0],
                   tuple(_inputs(channel, horizon) for channel in realized.acquisition),
                   drawn.channel_monthly_spend, drawn.channel_monthly_users)

    def month(self, index: int, month: int, covered: float) -> Measured:
        """Channel ``index``'s plan in ``month`` (1-based), its spend and users times ``covered``."""
        spend = float(self.spend[index, month - 1]) * covered
        users = float(self.users[index, month - 1]) * covered
        values = {name: float(by_month[month - 1]) for name, by_month in self.inputs[index].items()}
        cpm = values.get("cpm")
        # Impressions the plan buys at its month's CPM; none where it buys them free (a CPM of 0).
        impressions = None if cpm is None else ratio(spend * 1000.0, cpm)
        return Measured(spend, users, ratio(spend, users), values.get("ctr"), values.get("cvr"),
                        float(self.revenue_per_user[index, month - 1]), impressions, cpm=cpm)


def _inputs(channel: Channel, horizon: int) -> dict[str, np.ndarray]:
    """The channel's ``MEASURED_INPUTS`` in each month of a realized run (docs/formulas.md §14: linear between
    given months, flat outside them), its cvr the one the model buys users by (``_bought_cvr``)."""
    found = {}
    for name in MEASURED_INPUTS:
        value = getattr(channel, name, None)
        if isinstance(value, int | float | ByMonth) and not isinstance(value, bool):
            found[name] = extend(monthly(value, horizon, 1), horizon)[:, 0]
    if "cvr" in found:
        found["cvr"] = _bought_cvr(channel, found["cvr"], horizon)
    return found


def _bought_cvr(channel: Channel, cvr: np.ndarray, horizon: int) -> np.ndarray:
    """The users per click the model buys with: a budget b with a ``saturation_budget`` h buys h / (b + h) of the users
    its clicks would bring unsaturated (docs/formulas.md §4.1), so the written cvr times that share in each month, as
    an export's users over its clicks measure it (§16); the written cvr where nothing saturates (a volume of
    impressions, no saturation_budget)."""
    budget, limit = getattr(channel, "budget", None), getattr(channel, "saturation_budget", None)
    if budget is None or limit is None:
        return cvr
    budgets = extend(monthly(budget, horizon, 1), horizon)[:, 0]
    return cvr * saturation(budgets, limit, lambda value: np.asarray(value, dtype=np.float64))
