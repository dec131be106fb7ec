"""Split a monthly budget B across a scenario's movable channels to maximise an objective.

What is moved and what B is:

- The *movable* channels are those of a type that has a budget form (``ChannelType.movable``;
  docs/formulas.md §4.1 lists the types) and are not locked. B is the
  sum of their monthly budgets: locked channels and channels of other types keep their spend
  and are outside B (a founder asking "where does the next 1,000,000 go" has already committed
  the locked money). Each channel keeps its active months, and B is spent in every month in
  which a movable channel runs: a run of months with the same movable channels is a phase
  (whatif/allocate_phases.py) and each phase splits B among its channels, so every candidate
  spends the same money. With ``total`` a horizon total is split across phases and channels.
  ``Limits`` (a cash-need cap, a least payback probability) are kept by an exact penalty;
  ``target_roas`` fills each channel in each phase until its marginal ROAS falls to it.
- A channel's monthly budget is its spend in an active month at the median values (a budget
  as given; users x bid, impressions / 1000 x cpm or posts x fee for a channel given by
  volume). To be moved, a channel is put in its budget form (``ChannelType.with_budget``):
  cpa/cpm buy ``budget / unit cost`` (saturating per ``saturation_budget``), kol buys
  ``budget / fee`` posts (fractional posts, docs/formulas.md §4). Under sampling the *budget* is
  then fixed and the sampled unit cost decides the volume: the founder commits money, not
  users. Today's split is not put in budget form: a channel at today's budget is the file's
  channel as written (``at_splits``), so today's figures are what ``simulate`` of the file gives
  (its volume fixed, its spend varying with a drawn unit cost), the months a held split keeps at
  today's too; a warning names a moved channel written by volume at a drawn unit cost, where the
  two forms differ. A movable channel whose median unit cost is 0 has no budget form and must
  be locked.
- Diminishing returns are the spec's own: ``saturation_budget`` (users = unsaturated x
  h / (b + h)) and kol ``views_decay``; a channel with neither is linear in its budget.

Objectives: ``npv`` and ``net_cash`` are those of a deterministic run (ranges at their
median, as ``run`` reports). ``p10_npv`` (the 10th percentile of npv) and
``payback_probability`` (share of samples with payback_month <= ``targets.max_payback_months``,
default 12) are computed over ``samples`` draws of the scenario's ranges (``seed``), the same
draws for every candidate split (common random numbers), so the comparison between splits
carries no sampling noise.

How the search works:

- The model is linear in the cohort sizes (docs/formulas.md §4: every revenue and cost after
  acquisition is a sum over cohorts of users times a per-user amount), and a channel's users
  depend only on its own budget. So, per sample, the monthly net cash of any split is
  ``F_base(t) + sum_c users_c(b_c) P_c(t) - spend_c(b_c) mask_c(t)``, where ``F_base`` is the
  scenario with every movable budget at 0 and ``P_c`` the net cash one user a month bought in
  c's active months brings. Both come from ONE engine call (the zero split and, per distinct
  set of active months, a zero-cost flat channel buying one user a month, stacked on the
  sample axis; run in parts of draws to bound memory). ``users_c`` and ``spend_c`` for candidate
  splits come from each channel's own users-and-spend formula (docs/formulas.md §4.1), candidates
  stacked on the sample axis, without an engine run (whatif/allocate_splits.py). Each
  objective is then a cheap numpy function of the split. Every value reported (the current and
  best split's, the limits, every point of the budget curve) is a direct engine run of the plan,
  gates included, at that split (whatif/allocate_staged.py), never the search's score.
- Solver (whatif/allocate_search.py): marginal-return equalisation by pairwise transfers (a
  pattern search on the budget simplex of each phase). From the current split (scaled to B and moved onto the bounds), each round moves a
  step of money from the channels whose cut costs the objective least to those whose raise
  gains most, matched in pairs (all pairs at once or the best pair alone, whichever scores
  higher, each candidate scored exactly), and halves the step when no transfer gains, down to
  ``FINEST_STEP`` x B. One formula call per channel and round gives its users a step up and a
  step down; the moved objectives are computed on the few feature columns that can decide them
  (whatif/allocate_moves.py, exact). Why not SLSQP (tried first): kol posts make a channel's return piecewise linear
  with a kink at every whole post, and a percentile over fixed draws is piecewise linear too;
  SLSQP's quadratic model zigzags at such kinks (hundreds of line-search evaluations, budget
  curves that were not even monotone), while transfers compare exact values and need no
  derivative. For ``npv``/``net_cash`` the objective is separable and concave in each budget, so
  a split no transfer of any size above the final step improves is optimal to within that step
  (equal marginal returns among channels strictly inside their bounds, the KKT condition).
  The risk objectives couple the channels and need not be concave, so there the result is a
  local optimum from the current split. The best of the search's result and the current split
  (when it is feasible), limits kept first, is reported, so the gain is never negative. Transfers come in whole
  steps, so a channel left within ``BOUND_TOLERANCE`` x B of a bound is put on it.
- ``p10_npv`` on fixed draws is a continuous, piecewise-linear function of the split (the
  interpolated 10% order statistic), which transfers compare exactly. ``payback_probability``
  is a step function, so the search maximises its kernel-smoothed estimate
  ``mean(K(margin))``, margin being the lowest cumulative cash from the target month to the
  horizon's end (payback within the target <=> margin >= 0) and K the logistic CDF whose
  standard deviation is Silverman's bandwidth of the margins at the search's start (at least
  0.1% of B); the reported values are the unsmoothed probabilities. numpy only: no scipy.
- Marginal figures are those of the next yuan: a forward step of ``MARGINAL_STEP`` x B in one
  channel, everything else held, in a deterministic run. Marginal ROAS = extra attributed
  gross revenue / extra spend, marginal CAC = extra spend / extra users (docs/formulas.md §5
  attribution); average ROAS and CAC are the channel's own. Channels not moved have no
  marginal figures (NaN).
- The budget curve re-optimises the split for budgets ``CURVE_MULTIPLES`` x B (NaN where the
  bounds make a budget infeasible), warm-started from the best split scaled; a point whose split
  breaks a limit is marked, and the recommended budget is the best of those that keep them. Its searches run
  in lockstep, one formula call per channel serving a round of all of them (when the channels'
  users came from engine probes, this halved the calls of the 10-channel benchmark's npv curve,
  152 to 74).
"""

from __future__ import annotations

import dataclasses
import math
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import cast

import numpy as np

from aigc_roi.model.arguments import amount, amounts, callback, flag, number_within, one_of, samples_and_seed, texts
from aigc_roi.model.gate_names import labels_of
from aigc_roi.model.limits import ALLOCATE_SAMPLES, MAX_SAMPLES
from aigc_roi.model.paths import ChannelReader
from aigc_roi.model.sampling import ClipTally, realize
from aigc_roi.model.scenario import DEFAULT_TARGET_PAYBACK_MONTHS, Milestone, Scenario
from aigc_roi.model.targets import payback_window
from aigc_roi.whatif.allocate_curve import CURVE_FINEST_STEP, CURVE_MULTIPLES, budget_curve
from aigc_roi.whatif.allocate_gates import Choice, Holding, choose, ranked
from aigc_roi.whatif.allocate_limits import Limits
from aigc_roi.whatif.allocate_movable import check_bounds, drawn_volume, movable_channels, volume_at_drawn_cost
from aigc_roi.whatif.allocate_names import keyed
from aigc_roi.whatif.allocate_phases import channel_budgets, expand, find_phases
from aigc_roi.whatif.allocate_proposed import at_today_in_form, marked_at_budget, offered, run_in_form
from aigc_roi.whatif.allocate_reach import checked_reach, gates_reach_blocks, least_budget, reach_check
from aigc_roi.whatif.allocate_result import (
    OBJECTIVES,
    RISK_OBJECTIVES,
    Allocation,
    AllocationArgumentError,
    AllocationError,
    AllocationWarning,
    ChannelAllocation,
    ChannelFigures,
    ConstraintCheck,
    CurvePoint,
    GateCheck,
    Objective,
    PhaseSplit,
)
from aigc_roi.whatif.allocate_rows import allocation_warnings, channel_rows
from aigc_roi.whatif.allocate_search import Space, maximise
from aigc_roi.whatif.allocate_splits import monthly_budget
from aigc_roi.whatif.allocate_staged import Judge, Judged
from aigc_roi.whatif.allocate_surrogate import Surrogate
from aigc_roi.whatif.allocate_target_roas import gated_fill, target_roas_split

__all__ = [
    "CURVE_MULTIPLES",
    "OBJECTIVES",
    "RISK_OBJECTIVES",
    "Allocation",
    "AllocationError",
    "AllocationWarning",
    "ChannelAllocation",
    "ChannelFigures",
    "ConstraintCheck",
    "CurvePoint",
    "Limits",
    "Objective",
    "PhaseSplit",
    "allocate",
]


FINEST_STEP = 1e-7
"""The search stops when its transfer is below this share of the budget."""


def allocate(
    scenario: Scenario,
    budget: float,
    objective: Objective = "npv",
    locks: Sequence[str] = (),
    minimums: Mapping[str, float] | None = None,
    maximums: Mapping[str, float] | None = None,
    samples: int = ALLOCATE_SAMPLES,
    seed: int = 0,
    curve: Sequence[float] = CURVE_MULTIPLES,
    total: bool = False,
    limits: Limits | None = None,
    target_roas: float | None = None,
    progress: Callable[[int, int], None] | None = None,
    reach: Milestone | None = None,
    read: ChannelReader | None = None,
) -> Allocation:
    """The split of ``budget`` across the movable channels, phase by phase, that maximises ``objective``; see
    the module docstring. ``budget`` is B, spent in every month of every phase, or with ``total`` the money
    spent over the horizon, split across phases and channels. ``curve``: the budgets of the budget curve
    as multiples of ``budget`` (empty for none). ``limits``: constraints the best split keeps (a cash need
    cap, a least payback probability). ``target_roas``: instead of splitting ``budget``, each channel in
    each phase gets the monthly budget at which its marginal ROAS falls to this; the result is then a
    horizon total T (``budget`` is ignored), and the budget curve's point at T is the best split of T, as
    ``total`` gives it, not the fill. ``progress(done, PROGRESS_TOTAL)`` hears how far the work has come
    (the searches by their step, docs/allocate.md). ``reach``: instead of splitting ``budget``, the least
    monthly budget whose best split reaches this milestone, with that split (``budget`` is ignored); the budget curve's
    point at it is the best split of that budget for the objective, as for ``target_roas``. ``read``: how
    ``locks``, ``minimums`` and ``maximums`` name channels (whatif/allocate_names.py ``keyed``).
    Raises ``AllocationError`` for a request that cannot be set up, and for the arguments the CLI's options bound
    (an ``AllocationArgumentError``, naming the argument): a ``budget`` not a positive amount (nan, past 1e15),
    ``samples`` not a whole number from 1 to 1,000,000, a ``seed`` not one >= 0 (a bool or a float is no count), a
    ``limits.max_cash_need`` not an amount >= 0 (nan, inf, past 1e15), a ``limits.min_payback_probability`` outside
    [0, 1], an ``objective`` not one of ``OBJECTIVES``, ``locks`` not channel names, ``minimums`` or ``maximums`` not
    a mapping of names to amounts >= 0 (``minimums['Feed ads']``), a ``target_roas`` not a positive number, a
    ``reach`` not a milestone a file could hold (``checked_reach``), or two of ``total``, ``target_roas`` and
    ``reach``."""
    refused = AllocationArgumentError
    limits = (limits or Limits()).checked()
    samples, seed = samples_and_seed(samples, seed, 1, MAX_SAMPLES, refused)
    objective = cast("Objective", one_of("objective", objective, OBJECTIVES, refused))
    locks = texts("locks", locks, refused, "a channel's name")
    bounds = amounts("minimums", minimums, refused), amounts("maximums", maximums, refused)
    total = flag("total", total, refused)
    callback("progress", progress, refused)
    # Each of total, target_roas and reach says what the budget is, as the CLI's --total, --target-roas and --reach
    # do, of which it takes exactly one: two of them asked a search the result could not answer.
    modes = [name for name, given in (("total", total), ("target_roas", target_roas is not None),
                                      ("reach", reach is not None)) if given]
    if len(modes) > 1:
        raise refused(modes[1], f"instead of budget, as {modes[0]} is: give one of total, target_roas and reach")
    if target_roas is not None:
        # Any finite ratio, as --target-roas takes: one no channel returns is refused below, by what it finds.
        target_roas = number_within("target_roas", target_roas, "a positive number", 0.0, sys.float_info.max, refused,
                                    above_low=True)
    if reach is not None:
        reach = checked_reach(reach, scenario.horizon_months)
        if limits.max_cash_need is not None or limits.chance:
            # The least budget reaching a milestone is found on the milestone alone; a limit would need a search over
            # both.
            raise AllocationError("reach finds the least budget for a milestone alone: it cannot be combined with "
                                  "max_cash_need or min_payback_probability")
    if target_roas is None and reach is None:
        budget = amount("budget", budget, refused, positive=True)
    # Two channels of one name are keyed, and shown, by their paths too (whatif/allocate_names.py).
    scenario, locks, minimums, maximums = keyed(scenario, locks, *bounds, read)
    # The surrogate is linear in each channel's budget and a gate's pass or fail is not: the search plans
    # as if every gate passed, and a split failing a gate that passes today is searched again with the test
    # months held (whatif/allocate_gates.py); the figures reported are the staged plan's, each gate decided
    # per sample as the engine does (docs/formulas.md §18, docs/allocate.md, gates).
    gates = scenario.gates
    # The gates as the outputs name them (model/gate_names.py): two of one name told apart by their place, so the
    # choices' held_for and failed_gates name each gate, not the first of its name. The engine runs ``gates``.
    named = tuple(dataclasses.replace(gate, name=shown)
                  for gate, shown in zip(gates, labels_of(gates), strict=True))
    scenario = dataclasses.replace(scenario, gates=())
    median = realize(scenario)
    movable = movable_channels(median, locks)
    phases = find_phases(median, movable, [gate.after_month for gate in gates])
    layout = expand(median, movable, phases)
    columns = np.array([column for _, column in layout.slots])
    phase_of = np.array([k for k, _ in layout.slots])
    months_of = np.array([float(len(phases[k].months)) for k in phase_of])
    lower = np.array([float(minimums.get(median.acquisition[movable[c]].name, 0.0)) for c in columns])
    upper = np.array([float(maximums.get(median.acquisition[movable[c]].name, math.inf)) for c in columns])
    indices = list(layout.indices)
    current = np.array([monthly_budget(median.acquisition[movable[c]], median.horizon_months) for c in columns])
    names = [median.acquisition[movable[c]].name for c in columns]

    risk = objective in RISK_OBJECTIVES
    tally = ClipTally(scenario)
    drawn = realize(scenario, samples, np.random.default_rng(seed), tally) if risk or limits.chance else None
    realizations = ([median] if not risk or limits.max_cash_need is not None else []) + ([drawn] if drawn is not None else [])
    expanded = [expand(realized, movable, phases).scenario for realized in realizations]
    window = payback_window(scenario)
    target = window.target

    def staged(realized: Scenario) -> Scenario:
        return dataclasses.replace(realized, gates=gates) if gates else realized

    judge = Judge(staged(layout.scenario), staged(expanded[-1]) if drawn is not None else None, indices, objective, target, limits,
                  current)
    today = judge(current[None])[0]
    filled = None
    if target_roas is not None:
        at_target = target_roas_split(layout, lower, upper, current, target_roas, names_of=names)
        if not np.any(at_target > 0):
            raise AllocationError(f"no channel's first 1 {scenario.currency} returns a ROAS of {target_roas:g}: "
                                  "every budget would be 0")
        # The fill, too, is made as if every gate passed; the gates decide it as they decide a search's split.
        filled = (gated_fill(judge, at_target, current, today, named, phases, phase_of, names, lower, upper) if gates
                  else Choice(at_target, judge(at_target[None])[0], "filled"))
        total, budget = True, float((months_of * filled.split).sum())
    space = (Space(np.zeros(columns.size, dtype=int), months_of, lower, upper) if total
             else Space(phase_of, np.ones(columns.size), lower, upper))
    report = _stages(progress)
    at_reach = None
    if reach is not None:
        reaching = Surrogate([layout.scenario], indices, "net_cash", DEFAULT_TARGET_PAYBACK_MONTHS, Limits(), 1.0, reach)
        budget, at_reach, _ = least_budget(reaching, space, current, reach, lambda done: report(0.0, done / 2))
    targets = np.full(space.count, float(budget))
    check_bounds(median, movable, phases, space, targets, total)

    money = budget * (1 if total else median.horizon_months)
    surrogate = Surrogate(expanded, indices, objective, target, limits, money)
    report(0.0, 0.0 if reach is None else 0.5)

    # Today's split is a candidate where it spends the budget.
    fallback = (current, today) if space.feasible(current, targets) else (None, None)
    holding = (Holding(surrogate, space, phases, phase_of, named, current, today, 0.25, FINEST_STEP, tuple(names)) if gates
               else None)
    reaching_split = None
    if reach is not None and at_reach is not None:
        # Shown as the best, it is still the milestone's split, not the objective's: its basis says so.
        reaching_split = dataclasses.replace(choose(judge, [at_reach], [targets], None)[0], basis="reaching")
        reached = reach_check(staged(layout.scenario), indices, reaching_split.split, reach, current)
        if not reached.met:
            gates_reach_blocks(reach, budget, [gate.name for g, gate in enumerate(named) if reaching_split.judged.passed[g] == 0])
    # The budget curve is the best objective at each budget: at B too, where the split shown need not be best. The
    # fill evens out the next yuan's revenue rather than the objective (its point is --total T's answer); the reaching
    # split takes the milestone furthest, so at B it is one candidate among the searched ones.
    if reaching_split is not None and not targets.any():
        at_budget = reaching_split
    else:
        found = maximise(surrogate, space, [targets], current, 0.25, FINEST_STEP,
                         lambda done: report(0.0, done if reach is None else (1 + done) / 2))
        at_budget = choose(judge, found, [targets], holding, *fallback)[0]
        if reaching_split is not None and _ranked(reaching_split) > _ranked(at_budget):
            at_budget = reaching_split
    # Under draws a moved channel's budget form and the file differ where its unit cost or volume is a range.
    drawn_costs, drawn_volumes = ((volume_at_drawn_cost(scenario, movable), drawn_volume(scenario, movable))
                                  if drawn is not None else ([], []))
    two_forms = np.isin(names, [*drawn_costs, *drawn_volumes]) & (lower != upper)

    def differ(choice: Choice) -> np.ndarray:
        # The copies a gate's hold keeps at today's stay the file's, as written.
        held = (np.isin(phase_of, [k for k, phase in enumerate(phases) if phase.months[0] in choice.held_months])
                if choice.basis == "held" else np.zeros(len(names), dtype=bool))
        return two_forms & ~held

    def failing(judged: Judged) -> tuple[str, ...]:
        return () if holding is None else holding.failed(judged)

    # A proposal is money at every budget, today's spend included, yet at exactly today's spend today's plan as
    # written is an option too (whatif/allocate_proposed.py): each split left at today's money there is the better
    # ranked of the two forms, and the split shown and the budget curve's point at B read that one figure.
    at_budget, other_at_budget = offered(at_budget, judge, current, differ, failing)
    if reaching_split is not None:
        reaching_split = (at_budget if at_budget.basis == "reaching"
                          else offered(reaching_split, judge, current, differ, failing)[0])
    if filled is not None:
        filled = offered(filled, judge, current, differ, failing)[0]
    best = filled if filled is not None else reaching_split if reaching_split is not None else at_budget
    checks = dict(best.judged.checks)
    if reaching_split is not None:
        checks["reach"] = reached
    report(0.0, 1.0)
    curve_holding = None if holding is None else dataclasses.replace(holding, finest=CURVE_FINEST_STEP)
    channel_names = [median.acquisition[i].name for i in movable]

    def per_channel(split: np.ndarray) -> dict[str, float]:
        return dict(zip(channel_names, channel_budgets(split, columns, months_of, len(movable)).tolist(), strict=True))

    # Multiples of a budget of 0 (a milestone reached without spending) are one point: no curve.
    points = (budget_curve(surrogate, space, at_budget, targets, names, phase_of, len(phases), per_channel, curve,
                           lambda found, targets_list: choose(judge, found, targets_list, curve_holding),
                           lambda done: report(1.0, done)) if targets.any() else ())
    report(1.0, 1.0)
    points = marked_at_budget(points, float(budget), names, at_budget, other_at_budget, current, differ)
    channels = channel_rows(median, dataclasses.replace(layout, scenario=staged(layout.scenario)), movable, columns, months_of,
                            current, best.split, lower, upper, budget, locks, total)
    splits = tuple(
        PhaseSplit(phase.months, {names[j]: float(current[j]) for j in np.flatnonzero(phase_of == k)},
                   {names[j]: float(best.split[j]) for j in np.flatnonzero(phase_of == k)})
        for k, phase in enumerate(phases)
    )
    # What every channel's budget gives out at the split, the locked ones' too, as run of it would spend it if no
    # gate stopped any: the same plan run without its gates, so that the warning spends_less compares it with what
    # run spends (Judged.spend, every channel) like with like, and says only what a failed gate stopped.
    # In the best split's form: the copies it runs in budget form at today's money spend their budget.
    at_today_in_budget_form = run_in_form(best, current, differ)
    # What run of the split spends (the median values, gates decided there, as run decides them), not the mean over a
    # risk objective's draws (Judged.spend), which counts the draws where a gate fails: the two are told apart
    # (best_spend, best_spend_mean), never one passed off as the other (docs/allocate.md, gates).
    run_judge = judge.reading(np.where(at_today_in_budget_form, math.nan, current))
    best_run = float(run_judge.run_spend(best.split[None])[0]) if risk else best.judged.spend
    today_run = float(judge.run_spend(current[None])[0]) if risk else today.spend
    allotted = (float(Judge(layout.scenario, None, indices, objective, target, Limits(),
                            np.where(at_today_in_budget_form, math.nan, current)).run_spend(best.split[None])[0])
                if gates else best_run)
    gate_checks = tuple(GateCheck(gate.name, gate.after_month, tuple(dict.fromkeys(gate.channels + gate.then)),
                                  float(today.passed[g]), float(best.judged.passed[g]), shown.name)
                        for g, (gate, shown) in enumerate(zip(gates, named, strict=True)))
    # The channels written by volume under draws that the best split runs in budget form, in the order of their
    # warnings: those it moves, and those it leaves at today's money (proposed); today's split with them in budget form
    # splits the gain into that change of form and the re-split.
    in_form = (best.split != current) | at_today_in_budget_form
    moved_names = {names[c] for c in np.flatnonzero(in_form)}
    form_channels = (tuple(name for name in dict.fromkeys([*drawn_costs, *drawn_volumes]) if name in moved_names)
                     if risk and drawn is not None else ())
    in_budget_form = _in_best_form(judge, current, in_form) if form_channels else None
    # Those it leaves at today's money and reads as the file writes them, that form ranking higher there.
    as_written = at_today_in_form(best, current, differ) & ~at_today_in_budget_form
    kept_as_written = (tuple(dict.fromkeys(names[c] for c in np.flatnonzero(as_written)))
                       if risk and drawn is not None else ())
    return Allocation(
        scenario=scenario.name,
        objective=objective,
        budget=float(budget),
        samples=samples if risk else 1,
        seed=seed,
        payback_window=window,
        current_value=today.value,
        best_value=best.judged.value,
        channels=channels,
        curve=points,
        warnings=allocation_warnings(channels, space, current, best.split, targets, phases, checks, gate_checks, best.basis,
                                     total, best_run, allotted, target_roas, drawn_costs, drawn_volumes,
                                     best.judged.spend if risk else math.nan),
        phases=splits,
        total=total,
        current_spend=float((months_of * current).sum()),
        best_spend=best_run,
        best_spend_mean=best.judged.spend if risk else math.nan,
        best_allotted=allotted,
        current_spent=today_run,
        current_spent_mean=today.spend if risk else math.nan,
        constraints=checks,
        target_roas=target_roas,
        reach=reach,
        month_labels=tuple(scenario.month_labels()),
        clipped=tally.clipped(),
        gates=gate_checks,
        held_months=best.held_months,
        held_for=best.held_for,
        basis=best.basis,
        current_in_budget_form=in_budget_form,
        budget_form_channels=form_channels,
        kept_as_written=kept_as_written,
    )


def _in_best_form(judge: Judge, current: np.ndarray, in_form: np.ndarray) -> float:
    """The objective at today's budgets, each channel copy the best split runs in budget form (``in_form``: those it
    moves, and those at today's money whose two forms differ, whatif/allocate_proposed.py) in that form (its budget
    fixed, its volume bought at the drawn unit cost), the others as the file writes them, on the judge's draws: what
    today's split reads in the form the best split is run in, so that the gain splits into that change of form and the
    re-split (docs/allocate.md, channels given by volume). Asked where the best split runs a channel written by volume
    under draws in budget form (``Allocation.budget_form_channels``); elsewhere the two forms are one."""
    # A copy whose budget equals "today" here is the file's (at_splits): NaN equals nothing, so those buy in budget form.
    today = np.where(in_form, np.nan, current)
    reading = Judge(judge.median, judge.drawn, judge.indices, judge.objective, judge.target, Limits(), today)
    return reading(current[None])[0].value


def _ranked(choice: Choice) -> tuple[bool, float]:
    """A split's rank among the candidates of one budget, as ``choose`` ranks them: keeping the limits, then value."""
    return ranked(choice)


PROGRESS_TOTAL = 1_000
"""Units of ``allocate``'s progress: the best split's search takes the first half, the budget curve's the second."""


def _stages(progress: Callable[[int, int], None] | None) -> Callable[[float, float], None]:
    """``report(stage, done)``: stage 0 (the best split) or 1 (the budget curve), ``done`` of it from 0 to 1."""

    def report(stage: float, done: float) -> None:
        if progress is not None:
            progress(int(PROGRESS_TOTAL * (stage + min(max(done, 0.0), 1.0)) / 2), PROGRESS_TOTAL)

    return report
