"""The plan after its gates: each gate decided per sample on what its test months earn (docs/formulas.md §18)."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from aigc_roi.model.channel_months import ChannelMonths
from aigc_roi.model.gates import GateRun, run_gates
from aigc_roi.model.layout import _Layout
from aigc_roi.model.monthly_revenue import _purchase_per_active
from aigc_roi.model.params import _Params
from aigc_roi.model.per_user import _moving_gross_worth, _per_user_values_move
from aigc_roi.model.plan_payments import _plan_cash_by_age
from aigc_roi.model.scenario import FloatArray, Monetization, Scenario
from aigc_roi.model.sources import SourceGroup, credit_per_user, group_of_sources, worth_by_age


def _gated_plan(scenario: Scenario, layout: _Layout, groups: tuple[SourceGroup, ...], curves: list[FloatArray],
                indices: list[FloatArray], months: ChannelMonths, virality: FloatArray, p: _Params,
                keep_activity: bool = True) -> tuple[GateRun, FloatArray, FloatArray, FloatArray, FloatArray | None]:
    """The gates' decisions; the gated users every channel buys, those the spending channels buy and ad spend
    by month ``(H, s)``; every source's activity ``(C', H, s)`` (docs/formulas.md §18), None unless ``keep_activity``
    (only the series read it).

    A test's attributed gross revenue is the engine's attribution cut at
    month T = after_month: each test channel's users over months 1..T times
    the running credit of one user of its source group (its own revenue and
    its share of the viral users') over ages 0..T-1, so only what is paid in
    months 1..T counts. When prices or rates move by month, each join month's
    users pay the values of the calendar months they pay in.
    """
    group_of_channel = group_of_sources(groups, len(scenario.acquisition))
    if _per_user_values_move(scenario):
        def gross_worth(test_months: int) -> list[FloatArray]:
            return _moving_gross_worth(scenario, curves, indices, test_months, p)
    else:
        gross_by_group = _gross_by_age(scenario.monetization, curves, indices, p)

        def gross_worth(test_months: int) -> list[FloatArray]:
            return [worth_by_age(gross[:test_months]) for gross in gross_by_group]

    def attributed_gross(bought: Mapping[int, FloatArray], test_months: int) -> FloatArray:
        credits = credit_per_user(gross_worth(test_months), virality)
        return sum(((users * credits[group_of_channel[channel]]).sum(axis=0) for channel, users in bought.items()),
                   np.zeros(p.samples))

    run = run_gates(scenario.gates, [ch.name for ch in scenario.acquisition], months.planned, layout.horizon, p.samples,
                    attributed_gross)
    every_channel = range(len(scenario.acquisition))
    bought_users = months.summed(every_channel, run.stops)
    # Paid means spending (docs/formulas.md §2), sample by sample.
    paid_users = (bought_users if months.every_channel_spends
                  else months.summed(every_channel, run.stops, paying_only=True))
    ad_spend = months.summed(every_channel, run.stops, spend=True)
    if not keep_activity:
        return run, bought_users, paid_users, ad_spend, None
    activity = np.repeat(layout.source_masks[:, :, None], p.samples, axis=2)
    for channel, share in run.still_buying.items():
        activity[channel] *= share
    return run, bought_users, paid_users, ad_spend, activity


def _gross_by_age(monetization: Monetization, curves: list[FloatArray], indices: list[FloatArray], p: _Params) -> list[FloatArray]:
    """``(H, s)`` per source group: gross revenue of one new user at each age, as ``_revenue`` (group 0) and
    ``_SourceMix.by_age`` compute it, without the cohorts."""
    horizon = curves[0].shape[0]
    subscription_by_age = np.zeros((horizon, p.samples))
    for plan in monetization.plans:
        subscription_by_age += _plan_cash_by_age(plan, horizon, p)
    purchase_gross, _ = _purchase_per_active(monetization, p)
    return [curves[0] * purchase_gross + subscription_by_age] + [
        index * (curve * purchase_gross + subscription_by_age) for curve, index in zip(curves[1:], indices[1:], strict=True)]
