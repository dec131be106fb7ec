"""``--target-roas``: each channel filled until its marginal ROAS falls to a target, and on a plan with gates the
fill as the gates decide it."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from aigc_roi.model.engine import evaluate
from aigc_roi.model.scenario import FloatArray, Gate
from aigc_roi.whatif.allocate_gates import FLIP_TOLERANCE, Choice
from aigc_roi.whatif.allocate_phases import Expansion, Phase
from aigc_roi.whatif.allocate_result import NoDiminishingReturns
from aigc_roi.whatif.allocate_rows import MARGINAL_STEP
from aigc_roi.whatif.allocate_splits import at_splits
from aigc_roi.whatif.allocate_staged import Judge, Judged


def target_roas_split(layout: Expansion, lower: FloatArray, upper: FloatArray, current: FloatArray, target_roas: float,
                       names_of: list[str]) -> FloatArray:
    """Per (phase, channel), the monthly budget at which the channel's marginal ROAS there falls to ``target_roas``
    (bisection, all at once), within its bounds: 0 when its first yuan already returns less.

    A channel's attributed revenue depends on its own users only (docs/formulas.md §6),
    so one engine run at every channel's budget and one a step above give each channel's marginal ROAS.
    """
    indices = list(layout.indices)

    def marginal_roas(budgets: FloatArray) -> FloatArray:
        step = np.maximum(MARGINAL_STEP * budgets, 1e-3)
        result = evaluate(at_splits(layout.scenario, indices, np.array([budgets, budgets + step])))
        gross = result.channel_gross_revenue[:, indices]
        spend = result.channel_spend[:, indices]
        extra = spend[1] - spend[0]
        return np.where(extra > 0, (gross[1] - gross[0]) / np.where(extra > 0, extra, 1.0), 0.0)

    low = np.zeros_like(current)
    high = np.maximum(current, 1.0)
    for _ in range(60):
        still_above = marginal_roas(np.minimum(high, upper)) >= target_roas
        if not np.any(still_above & (high < upper)):
            break
        high = np.where(still_above & (high < upper), high * 2.0, high)
    else:
        raise NoDiminishingReturns(sorted({names_of[j] for j in np.flatnonzero(marginal_roas(high) >= target_roas)}),
                                   target_roas)
    high = np.minimum(high, upper)
    for _ in range(80):
        middle = (low + high) / 2
        above = marginal_roas(middle) >= target_roas
        low, high = np.where(above, middle, low), np.where(above, high, middle)
    return np.clip(low, lower, upper)


def gated_fill(judge: Judge, fill: FloatArray, current: FloatArray, today: Judged, gates: Sequence[Gate],
               phases: Sequence[Phase], phase_of: np.ndarray, names_of: Sequence[str], lower: FloatArray,
               upper: FloatArray) -> Choice:
    """The fill ``fill`` (made as if every gate passed) once the gates decide (docs/allocate.md, gates), as ``--budget``
    chooses (whatif/allocate_gates.py): where it fails a gate that passes today, the fill again with every budget of
    months 1..T held at today's split ``current`` (T the last ``after_month`` of the gates it fails, growing while the
    fill held fails a later one); the better of the two by the objective, one keeping the limits first.

    Each channel is filled on its own, so the fill held is ``fill`` with today's budgets in the months held. A channel
    that a gate failing in every sample stops buys nothing after the test whatever its budget: it gets its minimum
    then (0 without ``--min``), so T is the money the split spends but for such a ``--min``.
    """

    def settled(split: FloatArray) -> tuple[FloatArray, Judged]:
        judged = judge(split[None])[0]
        off = np.zeros(split.size, dtype=bool)
        for gate, share in zip(gates, judged.passed, strict=True):
            if share == 0:
                after = np.array([phases[k].months[0] > gate.after_month for k in phase_of])
                off |= after & np.isin(np.asarray(names_of), gate.channels + gate.then)
        if not np.any(off & (split > lower)):
            return split, judged
        split = np.where(off, lower, split)
        return split, judge(split[None])[0]

    def failing(judged: Judged, after: int) -> list[Gate]:
        return [gate for gate, share, before in zip(gates, judged.passed, today.passed, strict=True)
                if share < before - FLIP_TOLERANCE and gate.after_month > after]

    candidates = [Choice(*settled(fill), "filled")]
    month, judged = 0, candidates[0].judged
    held_for: tuple[str, ...] = ()
    while found := failing(judged, month):
        month = max(gate.after_month for gate in found)
        held_for += tuple(gate.name for gate in found)
        held = np.isin(phase_of, [k for k, phase in enumerate(phases) if phase.months[0] <= month])
        if np.any(current[held] < lower[held]) or np.any(current[held] > upper[held]):
            # Today's test months break a --min or --max: they cannot be held.
            break
        split, judged = settled(np.where(held, current, fill))
    else:
        if month:
            candidates.append(Choice(split, judged, "held"))
    months = tuple(m for phase in phases if phase.months[0] <= month for m in phase.months) if len(candidates) > 1 else ()
    # The first of equals: the fill before the fill held.
    best = max(candidates, key=lambda choice: (choice.judged.met, choice.judged.value))
    return Choice(best.split, best.judged, best.basis, months, held_for if months else (),
                  tuple(gate.name for gate in failing(best.judged, 0)))
