"""The best split at a budget once the gates decide (docs/allocate.md, gates).

The search plans as if every gate passed (its surrogate is linear in each budget, a gate's pass or fail is not).
Its split, run with the gates, may fail a gate that passes today: more money in a kol test buys posts of less
reach, and its CAC crosses the gate's ``max_cac``. The test's channels and the gate's ``then`` channels then buy
nothing after the test, and the split can do worse than today's. What a finance analyst does then: keep the test
as it is and move money in the other months only. So the split is searched again with every movable channel's
budget in months 1..T held at today's split, T the last ``after_month`` of the gates it would fail. A gate reads
only its test channels' months 1..after_month (docs/formulas.md §18), but a ``min_roas`` test credits the test
with a share of the viral users that every channel bought then, so every channel is held in those months, not the
test channels alone. Phases end at each ``after_month`` (whatif/allocate_phases.py), so the held months are exactly
1..T. The split searched again may fail a later gate in turn: T then grows to that gate's month, at most once per
gate.

Planning as if every gate passed never compares failing, and failing a gate stops its channels, so the money a split
gives them after the test is not spent: where they lose money, failing can beat every split that passes (under
``--total`` the search, free to put T anywhere, put it after the test and passed; ``--min``/``--max`` forcing the test
past its threshold then found a better best than no limits). So each gate's failing side is searched too
(``Holding.failing_side``).

Each budget's answer is the best of: the split searched as if every gate passed, the split searched with months
held (when one was), the splits searched on each gate's failing side, and today's split (where it spends that
budget), each judged by the engine with the gates (whatif/allocate_staged.py): a split keeping the limits before one
that does not, then the higher objective.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from aigc_roi.model.scenario import FloatArray, Gate
from aigc_roi.whatif.allocate_phases import Phase
from aigc_roi.whatif.allocate_result import Basis
from aigc_roi.whatif.allocate_search import Space, maximise
from aigc_roi.whatif.allocate_staged import Judge, Judged
from aigc_roi.whatif.allocate_surrogate import Surrogate

FLIP_TOLERANCE = 1e-9
"""A gate passing in this much less of the samples than today counts as failing where it passed."""


@dataclass(frozen=True)
class Choice:
    """The split reported at one budget."""

    split: FloatArray
    judged: Judged
    basis: Basis = "searched"
    held_months: tuple[int, ...] = ()
    """Months held at today's split in a search again (empty when there was none), whichever split won."""
    held_for: tuple[str, ...] = ()
    """The gates passing today that the split searched as if every gate passed fails."""
    failed_gates: tuple[str, ...] = ()
    """The gates that fail at ``split`` (``Holding.failed``), whether or not they pass today."""
    in_budget_form: bool = False
    """Whether ``judged`` runs the copies ``split`` leaves at today's budget in budget form, the proposal's form
    (whatif/allocate_proposed.py ``offered``), not the file's as written."""


@dataclass(frozen=True)
class Holding:
    """What a search with the test months held needs: the search's own pieces and today's split, judged."""

    surrogate: Surrogate
    space: Space
    phases: tuple[Phase, ...]
    phase_of: np.ndarray
    gates: tuple[Gate, ...]
    current: FloatArray
    today: Judged
    first_step: float
    finest: float
    names: tuple[str, ...] = ()
    """The channel of each variable (a channel's copies share its name), as the gates name them."""

    def failing(self, judged: Judged, after: int = 0) -> list[Gate]:
        """The gates with ``after_month`` past ``after`` that pass today and fail (in more samples) at ``judged``."""
        return [gate for gate, share, today in zip(self.gates, judged.passed, self.today.passed, strict=True)
                if share < today - FLIP_TOLERANCE and gate.after_month > after]

    def failed(self, judged: Judged) -> tuple[str, ...]:
        """The gates that fail at ``judged``, as a curve point and the split shown name them: those failing in every
        sample (at the median values, the one run), whether or not today's split passes them, and those failing in
        more of the samples than today. Not ``failing``, which asks only of the gates passing today (a held search
        keeps today's test, which cannot pass a gate that today fails): with it a plan whose test already failed its
        gate today showed the curve jump where the gate failed and marked nothing there."""
        return tuple(gate.name for gate, share, today in zip(self.gates, judged.passed, self.today.passed, strict=True)
                     if share <= FLIP_TOLERANCE or share < today - FLIP_TOLERANCE)

    def months(self, month: int) -> tuple[int, ...]:
        return tuple(m for phase in self.phases if phase.months[0] <= month for m in phase.months)

    def search(self, month: int, targets_list: Sequence[FloatArray]) -> list[FloatArray | None]:
        """Per targets, the best split with every budget of the phases in months 1..``month`` held at today's; None
        where the bounds or the targets leave no such split."""
        held = np.isin(self.phase_of, [k for k, phase in enumerate(self.phases) if phase.months[0] <= month])
        space, current = self.space, self.current
        if np.any(current[held] < space.lower[held]) or np.any(current[held] > space.upper[held]):
            # Today's test months break a --min or --max: they cannot be held.
            return [None] * len(targets_list)
        lower, upper = np.where(held, current, space.lower), np.where(held, current, space.upper)
        holding = Space(space.groups, space.weights, lower, upper)
        whole = np.bincount(space.groups, weights=held.astype(float), minlength=space.count) == np.bincount(
            space.groups, minlength=space.count)
        least = np.bincount(space.groups, weights=space.weights * lower, minlength=space.count)
        most = np.bincount(space.groups, weights=space.weights * upper, minlength=space.count)
        # A group held whole spends today's money, whatever the budget; the others their budget, if they can.
        targets_held = [np.where(whole, space.totals(current), targets) for targets in targets_list]
        fits = [bool(np.all(least <= targets) and np.all(targets <= most)) for targets in targets_held]
        found = iter(maximise(self.surrogate, holding, [targets for targets, fit in zip(targets_held, fits, strict=True) if fit],
                              current, self.first_step, self.finest))
        return [next(found) if fit else None for fit in fits]

    def failing_side(self, targets_list: Sequence[FloatArray]) -> list[list[FloatArray]]:
        """Per targets, splits searched as if a gate failed, one gate at a time: the plan the surrogate sees has the
        channels the gate stops buying and spending nothing after its test, so the money given to them there is
        money not spent, and the search weighs it against what the other channels make of it. Each gate's failing
        side is searched twice: with its test as the search leaves it (a test the search fills past the gate's
        CAC or ROAS fails by itself), and with the test's channels given nothing in the test months, where the
        bounds allow it (a test without spend fails, docs/formulas.md §18). The engine decides whether the gate
        fails at each; ``choose`` keeps the best."""
        names = np.asarray(self.names)
        found: list[list[FloatArray]] = [[] for _ in targets_list]
        for gate in self.gates:
            after = np.array([self.phases[k].months[0] > gate.after_month for k in self.phase_of])
            sunk = after & np.isin(names, gate.channels + gate.then)
            if not sunk.any():
                continue
            surrogate = self.surrogate.with_sunk(sunk)
            test = ~after & np.isin(names, gate.channels)
            spaces = [self.space]
            if test.any() and np.all(self.space.lower[test] == 0):
                spaces.append(Space(self.space.groups, self.space.weights, self.space.lower,
                                    np.where(test, 0.0, self.space.upper)))
            for space in spaces:
                least = np.bincount(space.groups, weights=space.weights * space.lower, minlength=space.count)
                most = np.bincount(space.groups, weights=space.weights * space.upper, minlength=space.count)
                fits = [n for n, targets in enumerate(targets_list)
                        if targets.any() and np.all(least <= targets) and np.all(targets <= most)]
                splits = maximise(surrogate, space, [targets_list[n] for n in fits], self.current, self.first_step,
                                  self.finest)
                for n, split in zip(fits, splits, strict=True):
                    found[n].append(split)
        return found


def ranked(choice: Choice) -> tuple[bool, float]:
    """A split's rank among the candidates of one budget: keeping the limits, then the objective."""
    return choice.judged.met, choice.judged.value


def choose(judge: Judge, searched: Sequence[FloatArray], targets_list: Sequence[FloatArray], holding: Holding | None,
           current: FloatArray | None = None, today: Judged | None = None) -> list[Choice]:
    """Per budget (``targets_list``), the best of its ``searched`` split, the same searched again with the test
    months held when ``holding`` is given and the searched split fails a gate passing today, and ``current``
    (``today``, judged) when given: the split it spends then is that budget's."""
    judged = judge(np.array(searched)) if searched else []
    held: dict[int, tuple[FloatArray, Judged, int, tuple[str, ...]]] = {}
    if holding is not None:
        # (budget, held through month, the gates that made it)
        pending = [(n, max(gate.after_month for gate in failing), tuple(gate.name for gate in failing))
                   for n, found in enumerate(judged) if targets_list[n].any() and (failing := holding.failing(found))]
        while pending:
            later = []
            for month in sorted({month for _, month, _ in pending}):
                group = [(n, names) for n, at, names in pending if at == month]
                splits = holding.search(month, [targets_list[n] for n, _ in group])
                kept = [(n, names, split) for (n, names), split in zip(group, splits, strict=True) if split is not None]
                for (n, names, split), found in zip(kept, judge(np.array([split for _, _, split in kept])) if kept else [],
                                                    strict=True):
                    failing = holding.failing(found, month)
                    if failing:
                        later.append((n, max(gate.after_month for gate in failing), names + tuple(gate.name for gate in failing)))
                    else:
                        held[n] = (split, found, month, names)
            pending = later
    # The failing side of every gate (Holding.failing_side), judged like the rest.
    failed_splits = holding.failing_side(targets_list) if holding is not None else [[] for _ in searched]
    flat = [split for splits in failed_splits for split in splits]
    flat_judged = iter(judge(np.array(flat)) if flat else [])
    failed = [[Choice(split, next(flat_judged)) for split in splits] for splits in failed_splits]
    choices = []
    for n, (split, found) in enumerate(zip(searched, judged, strict=True)):
        candidates = [Choice(split, found)]
        months: tuple[int, ...] = ()
        held_for: tuple[str, ...] = ()
        if n in held and holding is not None:
            held_split, held_judged, month, held_for = held[n]
            months = holding.months(month)
            candidates.append(Choice(held_split, held_judged, "held"))
        candidates += failed[n]
        if current is not None and today is not None:
            candidates.append(Choice(current, today, "current"))
        # The first of equals: the search's own split before one held, and before today's.
        best = max(candidates, key=ranked)
        failed_gates = () if holding is None else holding.failed(best.judged)
        choices.append(Choice(best.split, best.judged, best.basis, months, held_for, failed_gates))
    return choices
