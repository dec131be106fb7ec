"""An allocation's channel rows (returns at the current and best split) and its warnings."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np

from aigc_roi.model.engine import Result, evaluate
from aigc_roi.model.scenario import FloatArray, Scenario
from aigc_roi.whatif.allocate_phases import Expansion, Phase, channel_budgets
from aigc_roi.whatif.allocate_result import (
    AllocationWarning,
    Basis,
    ChannelAllocation,
    ChannelFigures,
    ConstraintCheck,
    GateCheck,
)
from aigc_roi.whatif.allocate_search import BOUND_TOLERANCE, Space
from aigc_roi.whatif.allocate_splits import at_splits, monthly_budget, spend_moves

SPEND_TOLERANCE = 1e-9
"""Run of a split spending this share less than it gives out is rounding, not a gate stopping channels."""
FILL_TOLERANCE = 1e-4
"""Relative: a channel's marginal ROAS this close to the --target-roas it was filled to is on the target."""
MARGINAL_STEP = 1e-6
"""Step of the marginal figures (the next yuan), as a share of B."""


def channel_rows(
    median: Scenario,
    layout: Expansion,
    movable: list[int],
    columns: np.ndarray,
    months_of: FloatArray,
    current: FloatArray,
    best: FloatArray,
    lower: FloatArray,
    upper: FloatArray,
    budget: float,
    locks: Sequence[str],
    total: bool,
) -> tuple[ChannelAllocation, ...]:
    # The next yuan of a monthly budget; with a horizon total, of the average month's share of it.
    step = MARGINAL_STEP * (budget / months_of.sum() * columns.size if total else budget)
    count = len(movable)
    raise_channel = np.array([[float(columns[j] == c) for j in range(columns.size)] for c in range(count)])
    # Per split: the split itself, then each channel alone a step higher in every phase in which it runs.
    splits = np.concatenate([np.vstack([split, split + step * raise_channel]) for split in (current, best)])
    # A channel at today's budget is the file's channel as written (at_splits): today's rows are run's of the file.
    evaluated = at_splits(layout.scenario, list(layout.indices), splits, current)
    result = evaluate(evaluated)
    every_month = tuple(range(1, median.horizon_months + 1))
    budgets = [channel_budgets(split, columns, months_of, count) for split in (current, best)]
    rows = []
    for i, channel in enumerate(median.acquisition):
        months = tuple(channel.months or every_month)
        if i in movable:
            c = movable.index(i)
            # Its per-phase copies, and the copies of the file's channel at_splits appends under its name.
            copies = [k for k, bought in enumerate(evaluated.acquisition) if bought.name == channel.name]
            figures = [_figures_at(result, copies, block * (count + 1), block * (count + 1) + 1 + c) for block in (0, 1)]
            rows.append(
                ChannelAllocation(
                    name=channel.name,
                    index=i,
                    type=channel.type,
                    status="movable",
                    minimum=float(lower[columns == c][0]),
                    maximum=float(upper[columns == c][0]),
                    current_budget=float(budgets[0][c]),
                    best_budget=float(budgets[1][c]),
                    current=figures[0],
                    best=figures[1],
                    months=months,
                )
            )
        else:
            spend = monthly_budget(channel, median.horizon_months)
            unmoved = _figures_at(result, [layout.kept[i]], 0, None)
            rows.append(
                ChannelAllocation(
                    name=channel.name,
                    index=i,
                    type=channel.type,
                    status="locked" if channel.name in locks else "fixed",
                    minimum=spend,
                    maximum=spend,
                    current_budget=spend,
                    best_budget=spend,
                    current=unmoved,
                    best=unmoved,
                    months=months,
                    by_month=spend_moves(channel, median.horizon_months),
                )
            )
    return tuple(rows)


def _figures_at(result: Result, copies: list[int], row: int, stepped: int | None) -> ChannelFigures:
    """A channel's figures summed over its per-phase ``copies`` at ``row``; marginal ones against ``stepped``."""

    def total(figure: FloatArray, at: int) -> float:
        return float(figure[at, copies].sum())

    spend, gross = total(result.channel_spend, row), total(result.channel_gross_revenue, row)
    users, contribution = total(result.channel_users, row), total(result.channel_contribution, row)
    marginal_roas = marginal_cac = math.nan
    if stepped is not None:
        extra_spend = total(result.channel_spend, stepped) - spend
        extra_gross = total(result.channel_gross_revenue, stepped) - gross
        extra_users = total(result.channel_users, stepped) - users
        marginal_roas = extra_gross / extra_spend if extra_spend > 0 else math.nan
        marginal_cac = extra_spend / extra_users if extra_users > 0 else math.nan
    return ChannelFigures(
        roas=gross / spend if spend > 0 else math.nan,
        marginal_roas=marginal_roas,
        cac=spend / users if users > 0 else (0.0 if spend == 0 and users > 0 else math.nan),
        marginal_cac=marginal_cac,
        ltv=contribution / users if users > 0 else math.nan,
    )


def allocation_warnings(channels: tuple[ChannelAllocation, ...], space: Space, current: FloatArray, best: FloatArray,
                        targets: FloatArray, phases: Sequence[Phase], checks: Mapping[str, ConstraintCheck],
                        gates: Sequence[GateCheck] = (), basis: Basis = "searched",
                        total: bool = False, spent: float = math.nan, allotted: float = math.nan,
                        target_roas: float | None = None, drawn_costs: Sequence[str] = (),
                        drawn_volumes: Sequence[str] = (), spent_mean: float = math.nan) -> tuple[AllocationWarning, ...]:
    """What to know about the best split. Under a monthly B (not ``total``) ``space``'s groups are ``phases``.
    ``spent``: what run of the best split spends, every channel, gates decided; ``allotted``: what every channel's
    budget gives out at it, the same run without the gates; ``spent_mean``: under a risk objective the mean over the
    draws of what it spends, each draw deciding the gates (NaN otherwise).
    ``target_roas``: the marginal ROAS the split was filled to (--target-roas). ``drawn_costs``: the movable channels
    written by volume whose unit cost is drawn (whatif/allocate_movable.py ``volume_at_drawn_cost``), ``drawn_volumes``
    those whose volume is (``drawn_volume``)."""
    tolerance = BOUND_TOLERANCE * targets[space.groups] / space.weights
    # First: a gate failing at the best split stops channels whose budgets the split still shows.
    found = [AllocationWarning("gate_fails", gate=g) for g, gate in enumerate(gates) if gate.best < 1.0]
    if spent < allotted * (1 - SPEND_TOLERANCE) or spent_mean < spent * (1 - SPEND_TOLERANCE):
        # A failed gate stopped channels: run of the split spends less than it gives out, or (a risk objective's
        # draws, ``spent_mean``) the draws where a gate fails spend less than run does.
        found.append(AllocationWarning("spends_less"))
    if np.all(np.abs(best - current) <= tolerance):
        found.append(AllocationWarning("best_is_current"))
    elif basis == "held":
        found.append(AllocationWarning("gates_held"))
    differs = np.flatnonzero(np.abs(space.totals(current) - targets) > BOUND_TOLERANCE * targets)
    if differs.size:
        # Under a monthly B each group is a phase: the message names the phases that differ, not the horizon's total,
        # which may well be B's over the phases' months when one phase spends more and another less.
        found.append(AllocationWarning("current_total_differs", phases=() if total else tuple(int(k) for k in differs)))
    if len(phases) > 1:
        found.append(AllocationWarning("different_months"))
    movable = [channel for channel in channels if channel.status == "movable"]
    for channel in channels:
        if channel.status == "locked":
            found.append(AllocationWarning("locked", channel.name))
    # A split moving such a channel fixes its budget where the file fixes its volume: the figures of the two differ.
    found += [AllocationWarning("volume_at_drawn_cost", name) for name in drawn_costs]
    found += [AllocationWarning("drawn_volume", name) for name in drawn_volumes]
    slots = [(phase, column) for phase in phases for column in phase.columns]
    failed = [gate for gate in gates if gate.best == 0]
    # A channel on a minimum of 0 gets nothing: its next yuan is its first, which that warning's sentence prices.
    empty: set[str] = set()
    for c, channel in enumerate(movable):
        # Where a gate failing at the best split stops the channel, it buys nothing whatever its budget: the gate's
        # warning says why, not its minimum or maximum.
        member = np.array([j for j, (phase, column) in enumerate(slots) if column == c and not any(
            channel.name in gate.stops and phase.months[0] > gate.after_month for gate in failed)], dtype=int)
        if member.size == 0:
            continue
        # Where the phase table still shows money for the channel in the months the gate stops it, "gets nothing"
        # holds in the months before only: the warning names them, not to contradict the table.
        stopped = [j for j, (phase, column) in enumerate(slots) if column == c and j not in member]
        shown = any(best[j] > space.lower[j] + tolerance[j] for j in stopped)
        months = tuple(month for j in member for month in slots[j][0].months) if shown else ()
        if np.all(best[member] <= space.lower[member] + tolerance[member]):
            found.append(AllocationWarning("on_minimum", channel.name, months=months))
            if channel.minimum == 0:
                empty.add(channel.name)
        if np.all(best[member] >= space.upper[member] - tolerance[member]):
            found.append(AllocationWarning("on_maximum", channel.name, months=months))
    # Filled to a target of at least 1, a channel whose next yuan returns the target to within FILL_TOLERANCE is on
    # the target, not below 1: a reading of 0.9999998 at a target of 1 is the two finite differences apart (the
    # fill's step is a share of the channel's budget, the row's of T), not a yuan returning less than itself
    # (docs/allocate.md, limits and target ROAS). A kol channel stops at the post where its return falls below the
    # target, well below it: that one is said.
    filled = {channel.name for channel in movable if target_roas is not None and target_roas >= 1
              and channel.best.marginal_roas >= target_roas * (1 - FILL_TOLERANCE)}
    for channel in movable:
        if channel.best.marginal_roas < 1 and channel.name not in empty | filled:
            found.append(AllocationWarning("marginal_roas_below_one", channel.name))
    found += [AllocationWarning("constraint_not_met", name) for name, check in checks.items() if not check.met]
    if gates:
        found.append(AllocationWarning("gates_planned_as_passed"))
    return tuple(found)
