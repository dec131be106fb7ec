"""Splits as ``run`` and ``simulate`` see them: the objective, the limits and each gate's decisions at a split, by a
direct engine run of the plan with its gates (docs/allocate.md, the figures shown and gates).

The search scores splits on a surrogate that plans as if every gate passed and that adds a penalty for a broken
limit; nothing it scores is shown. The objective and the limits an allocation reports, at the current and the best
split and at every point of the budget curve, are judged here.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from aigc_roi.model.engine import Result
from aigc_roi.model.scenario import FloatArray, Scenario
from aigc_roi.whatif.allocate_limits import Limits
from aigc_roi.whatif.allocate_result import RISK_OBJECTIVES, ConstraintCheck, Objective
from aigc_roi.whatif.allocate_splits import at_splits, evaluated_in_parts
from aigc_roi.whatif.allocate_surrogate import P10_QUANTILE

OBJECTIVE_FIGURES = {"npv": "npv", "net_cash": "net_cash", "p10_npv": "npv", "payback_probability": "payback_month"}
"""The engine's figure behind each objective."""


@dataclass(frozen=True)
class Judged:
    """One split as the engine runs it, gates decided."""

    value: float
    """The objective (unsmoothed, unpenalised)."""
    checks: dict[str, ConstraintCheck]
    """Each limit asked for."""
    passed: FloatArray
    """(G,) share of the objective's samples in which each gate passes (1 or 0 at the median values)."""
    spend: float = float("nan")
    """What every channel, locked and fixed ones too, spends over the horizon in the run, gates decided: at the median
    values what ``run`` of the split spends (its ad spend), under a risk objective the mean over the draws. Every
    channel, not the moved ones only: a figure read as "what run spends" is run's (docs/allocate.md)."""

    @property
    def met(self) -> bool:
        return all(check.met for check in self.checks.values())


class Judge:
    """Judges splits of the expanded scenario's movable copies ``indices``: ``median`` (the median values) and
    ``drawn`` (the draws of a risk objective or the chance limit, or None), both with the plan's gates. ``today``:
    today's split, whose budgets are the file's channels as written (``at_splits``): judged at it, a split is the file,
    as ``run`` and ``simulate`` of it run it."""

    def __init__(self, median: Scenario, drawn: Scenario | None, indices: list[int], objective: Objective, target: int,
                 limits: Limits, today: FloatArray | None = None) -> None:
        self.median, self.drawn, self.indices, self.today = median, drawn, indices, today
        self.objective, self.target, self.limits = objective, target, limits
        self.risk = objective in RISK_OBJECTIVES

    def reading(self, today: FloatArray) -> Judge:
        """This judge with another ``today``: a copy at a NaN of it never is, so it buys in budget form there."""
        return Judge(self.median, self.drawn, self.indices, self.objective, self.target, self.limits, today)

    def __call__(self, splits: FloatArray) -> list[Judged]:
        """Each split of ``splits`` (K, C) judged: one engine run of the median values and one of the draws at most."""
        figure = OBJECTIVE_FIGURES[self.objective]
        median_names = ([] if self.risk else [figure]) + (["peak_cash_need"] if self.limits.max_cash_need is not None else [])
        drawn_names = ([figure] if self.risk else []) + (["payback_month"] if self.limits.chance else [])
        median = self._run(self.median, splits, list(dict.fromkeys(median_names))) if median_names else {}
        drawn = self._run(self.drawn, splits, list(dict.fromkeys(drawn_names))) if drawn_names and self.drawn is not None else {}
        values = self._objective((drawn if self.risk else median)[figure])
        gates = (drawn if self.risk else median)["gates"]
        spent = (drawn if self.risk else median)["spend"].mean(axis=1)
        judged = []
        for k in range(splits.shape[0]):
            checks: dict[str, ConstraintCheck] = {}
            if self.limits.max_cash_need is not None:
                need = float(median["peak_cash_need"][k, 0])
                # The search compares exact values; a limit kept to rounding counts as kept.
                checks["max_cash_need"] = ConstraintCheck(self.limits.max_cash_need, need,
                                                          need <= self.limits.max_cash_need * (1 + 1e-9) + 1e-6)
            if self.limits.min_payback_probability is not None and drawn:
                share = float(self._paid_back(drawn["payback_month"][k]))
                checks["min_payback_probability"] = ConstraintCheck(self.limits.min_payback_probability, share,
                                                                    share >= self.limits.min_payback_probability)
            judged.append(Judged(float(values[k]), checks, gates[k].mean(axis=0), float(spent[k])))
        return judged

    def run_spend(self, splits: FloatArray) -> FloatArray:
        """(K,) what ``run`` of each split spends over the horizon, every channel: the median values, gates decided
        there, as run decides them. Under a risk objective ``Judged.spend`` is the mean over the draws instead, where a
        gate may fail in some draws only; a figure said to be run's is this one (docs/allocate.md, gates)."""
        return self._run(self.median, splits, [])["spend"][:, 0]

    def _objective(self, by_split: FloatArray) -> FloatArray:
        if self.objective == "p10_npv":
            return np.quantile(by_split, P10_QUANTILE, axis=1)
        if self.objective == "payback_probability":
            return np.array([self._paid_back(row) for row in by_split])
        return by_split.mean(axis=1)

    def _paid_back(self, payback: FloatArray) -> float:
        return float(np.where(np.isnan(payback), False, payback <= self.target).mean())

    def _run(self, realized: Scenario, splits: FloatArray, names: list[str]) -> dict[str, FloatArray]:
        """``names`` (K, S) each, ``"spend"`` (K, S), every channel's spend, and ``"gates"`` (K, S, G), 1 where
        a gate passed, of an engine run at each split."""
        gates = len(realized.gates)

        def keep(result: Result, rows: int) -> FloatArray:
            figures = [np.broadcast_to(result.figures[name], (rows,))[:, None] for name in names]
            figures.append(np.broadcast_to(result.channel_spend.sum(axis=1), (rows,))[:, None])
            passed = [np.asarray(result.gate_passed).reshape(rows, gates)] if result.gate_passed is not None else []
            return np.concatenate(figures + passed, axis=1)

        kept = evaluated_in_parts(at_splits(realized, self.indices, splits, self.today), keep)
        kept = kept.reshape(splits.shape[0], -1, kept.shape[-1])
        found = {name: kept[:, :, n] for n, name in enumerate(names)}
        found["spend"] = kept[:, :, len(names)]
        found["gates"] = kept[:, :, len(names) + 1:] if gates else np.ones((*kept.shape[:2], 0))
        return found
