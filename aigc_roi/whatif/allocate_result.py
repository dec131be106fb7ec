"""What ``allocate`` answers: the objectives, and the current against the best split per channel,
per phase and along the budget curve (whatif/allocate.py explains how it is found)."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from aigc_roi.model.names import listed
from aigc_roi.model.sampling import Clipped
from aigc_roi.model.scenario import Milestone
from aigc_roi.model.targets import PaybackWindow
from aigc_roi.whatif.errors import ArgumentError, WhatIfError

Objective = Literal["npv", "net_cash", "p10_npv", "payback_probability"]
OBJECTIVES: tuple[Objective, ...] = ("npv", "net_cash", "p10_npv", "payback_probability")
RISK_OBJECTIVES: frozenset[str] = frozenset({"p10_npv", "payback_probability"})

ChannelStatus = Literal["movable", "locked", "fixed"]
WarningCode = Literal["best_is_current", "on_minimum", "on_maximum", "locked", "current_total_differs",
                      "different_months", "marginal_roas_below_one", "constraint_not_met", "gates_planned_as_passed",
                      "gates_held", "gate_fails", "spends_less", "volume_at_drawn_cost",
                      "drawn_volume"]
Basis = Literal["searched", "filled", "reaching", "held", "current"]


class AllocationError(WhatIfError):
    """The allocation asked for cannot be set up (unknown channel, infeasible bounds, ...)."""

    @property
    def problems(self) -> tuple[str, ...]:
        """Each problem a line of its own says, as the CLI shows them (one here)."""
        return (str(self),)


class BoundsRefused(AllocationError):
    """Bounds that cannot spend the budget, every channel or phase that breaks it a problem of its own: fixing the one
    named first, as the refusal once named alone, only to be refused for the next, took a run per phase."""

    def __init__(self, problems: Sequence[str]) -> None:
        # ``args`` the constructor's, as pickle rebuilds the exception from them.
        super().__init__(tuple(problems))

    @property
    def problems(self) -> tuple[str, ...]:
        return tuple(self.args[0])

    def __str__(self) -> str:
        return "\n".join(self.problems)


class AllocationArgumentError(AllocationError, ArgumentError):
    """An argument of ``allocate`` refused: the AllocationError it documents, naming the argument (``.argument``,
    ``minimums['Feed ads']``) as every call's ArgumentError does."""


class MustLock(AllocationError):
    """A channel the split cannot move, which the call can lock (``locks``): its refusal says how to lock it where it
    is given, the command line naming its option (``worded``: allocate's ``--lock``, or, report having none, the
    allocate command that has it)."""

    def __init__(self, channel: str, reason: str, alternative: str = "") -> None:
        super().__init__(channel, reason, alternative)
        self.channel, self.reason, self.alternative = channel, reason, alternative

    def __str__(self) -> str:
        return self.worded("lock it (locks)")

    def worded(self, lock: str) -> str:
        """The refusal, ``lock`` saying how to lock the channel (``lock it with --lock 巨量千川``)."""
        return f"{self.reason}; {self.alternative + ', or ' if self.alternative else ''}{lock}"


class NoDiminishingReturns(AllocationError):
    """``target_roas`` fills each channel until its marginal ROAS falls to it, which that of ``channels`` never does:
    only a maximum ends their budgets, given as the call gives one (``maximums``) or as the CLI does (``--max``)."""

    def __init__(self, channels: Sequence[str], target_roas: float) -> None:
        super().__init__(tuple(channels), target_roas)
        self.channels, self.target_roas = tuple(channels), target_roas

    def __str__(self) -> str:
        return self.worded("a maximum in maximums")

    def worded(self, maximum: str) -> str:
        """The refusal, ``maximum`` saying what bounds a channel (``a --max`` on the command line)."""
        return (f"the marginal ROAS of {listed(self.channels)} never falls to {self.target_roas:g} "
                f"(no diminishing returns): give it {maximum}")


@dataclass(frozen=True)
class ChannelFigures:
    """One channel's returns at one split, from a deterministic run over all its active months; NaN = none."""

    roas: float
    """Attributed gross revenue / spend over the horizon."""
    marginal_roas: float
    """Extra attributed gross revenue per extra unit of money spent, when the channel's monthly budget rises
    by the next yuan in every phase in which it runs."""
    cac: float
    """Spend / users bought, money per user."""
    marginal_cac: float
    """Extra spend per extra user bought, money per user."""
    ltv: float = math.nan
    """Attributed contribution per user bought, over the horizon, undiscounted (docs/formulas.md §6,
    §15); money per user."""

    @property
    def ltv_to_cac(self) -> float:
        """ltv / cac: what a user brings per unit of money paid for him."""
        return self.ltv / self.cac if self.cac > 0 else math.nan


@dataclass(frozen=True)
class ChannelAllocation:
    """One acquisition channel at the current and the best split."""

    name: str
    index: int
    """Its place in ``acquisition``."""
    type: str
    status: ChannelStatus
    """movable (its budget is part of B), locked (kept by request) or fixed (of a type allocate never moves)."""
    minimum: float
    """Lowest monthly budget allowed (0 unless given); money per month."""
    maximum: float
    """Highest monthly budget allowed (inf unless given); money per month."""
    current_budget: float
    """Monthly budget today: its spend in an active month (a volume times its unit cost when given by volume)."""
    best_budget: float
    """Monthly budget at the best split, averaged over its active months (the phases' budgets are in
    ``Allocation.phases``): times those months, the channel's spend; equal to current_budget unless movable."""
    current: ChannelFigures
    best: ChannelFigures
    months: tuple[int, ...] = ()
    """Months (1-based) in which it runs."""
    by_month: bool = False
    """A locked or fixed channel that spends different amounts in its months (its budget written by month): its
    budgets are the mean over them, which no month spends."""


@dataclass(frozen=True)
class PhaseSplit:
    """The monthly budgets of the channels running in one phase, today and at the best split."""

    months: tuple[int, ...]
    current: Mapping[str, float]
    best: Mapping[str, float]


@dataclass(frozen=True)
class CurvePoint:
    """The best objective at one budget."""

    budget: float
    """Monthly budget of every phase (the horizon total with ``--total``)."""
    value: float
    """The objective at the best split found for that budget, by a direct engine run of the plan with its gates, as
    ``run`` or ``simulate`` gives it; NaN when the bounds admit no split of it."""
    split: Mapping[str, float]
    """Best monthly budget per movable channel, averaged over the months it runs (empty when infeasible)."""
    phases: tuple[Mapping[str, float], ...] = ()
    """Best monthly budget per channel of each phase."""
    limit_met: bool = True
    """Whether the split keeps every limit (--max-cash-need, --min-payback-probability); True without limits, False
    where the bounds admit no split."""
    held_months: tuple[int, ...] = ()
    """Months kept at today's split so that a gate passing today still passes (docs/allocate.md, gates)."""
    failed_gates: tuple[str, ...] = ()
    """The gates that fail at the split, whether or not today's split passes them (in every sample, or in more of the
    samples than today: whatif/allocate_gates.py ``Holding.failed``), as the outputs name them (``GateCheck.label``)."""
    in_budget_form: tuple[str, ...] = ()
    """At B alone, where B is today's spend: the channels written by volume under draws that the split leaves at
    today's budget, where a split is the file's channel as written, and that this point runs in budget form, as the
    curve's other points run them, and as the summary's best split runs them (whatif/allocate_proposed.py); empty
    elsewhere."""
    as_written: float = math.nan
    """Where ``in_budget_form`` names channels: the value with them as written, the file's."""
    kept_as_written: tuple[str, ...] = ()
    """At B alone, where B is today's spend: the channels written by volume under draws that the split leaves at
    today's budget and that this point reads as written, today's plan as the file writes them ranking higher than the
    same split in budget form (whatif/allocate_proposed.py ``offered``): an option no other budget has, so the point
    can stand above its neighbours; empty elsewhere."""
    in_form_value: float = math.nan
    """Where ``kept_as_written`` names channels: the value with them in budget form, the form of the other points."""


@dataclass(frozen=True)
class ConstraintCheck:
    """One limit at the best split."""

    limit: float
    value: float
    met: bool


@dataclass(frozen=True)
class GateCheck:
    """One gate of a staged plan at the current and the best split (docs/formulas.md §18)."""

    name: str
    after_month: int
    stops: tuple[str, ...]
    """The channels a failed gate stops after ``after_month``: its test channels and its ``then`` channels."""
    current: float
    """Share of the objective's samples in which it passes at today's split (1 or 0 at the median values)."""
    best: float
    """The same at the best split."""
    label: str = ""
    """The gate as the outputs name it (model/gate_names.py): ``name``, or ``name (gates[1])`` where another gate of
    the plan shares it."""


@dataclass(frozen=True)
class AllocationWarning:
    """Something the reader of an allocation should know; ``channel`` is None for the whole split."""

    code: WarningCode
    channel: str | None = None
    gate: int | None = None
    """The gate it is about (``gate_fails``): its place in ``Allocation.gates`` (the plan's order), so that of two
    gates of one name the warning reads the one it is about."""
    phases: tuple[int, ...] = ()
    """The phases (positions in ``Allocation.phases``) whose monthly spend today is not B (``current_total_differs``
    under a monthly budget; empty under a total, which is over the horizon)."""
    months: tuple[int, ...] = ()
    """The months an ``on_minimum``/``on_maximum`` warning holds in, where a gate failing at the best split stops the
    channel after them while the split shows money for it then; empty: every month the channel runs."""


@dataclass(frozen=True)
class Allocation:
    """Current against best split of a budget, per phase, and the budget curve."""

    scenario: str
    objective: Objective
    budget: float
    """B: monthly budget split across the movable channels of each phase; with ``total``, the horizon total."""
    samples: int
    """Draws behind a risk objective; 1 for npv and net_cash."""
    seed: int
    payback_window: PaybackWindow
    """The months ``payback_probability`` counts payback within: the target, or the horizon where the target lies
    past it."""
    current_value: float
    """The objective at today's split: the file as written, what ``run`` (``simulate`` under a risk objective, the same
    draws) of the unchanged file gives (docs/allocate.md, what B covers)."""
    best_value: float
    channels: tuple[ChannelAllocation, ...]
    curve: tuple[CurvePoint, ...]
    warnings: tuple[AllocationWarning, ...]
    phases: tuple[PhaseSplit, ...] = ()
    total: bool = False
    """Whether ``budget`` is a total over the horizon (``--total``) rather than a monthly budget."""
    current_spend: float = math.nan
    """Money today's split gives the movable channels over the horizon (their budgets x their months)."""
    best_spend: float = math.nan
    """Money every channel (the locked and fixed ones too) spends over the horizon at the best split, as ``run`` of
    it spends it (its ad spend): the median values, gates decided there as run decides them, under a risk objective
    too: ``best_allotted`` less what a gate failing at the medians stops."""
    best_spend_mean: float = math.nan
    """Under a risk objective, the mean over the draws of what every channel spends at the best split, each draw
    deciding the gates (a gate failing in some draws stops channels in those only); NaN for the other objectives."""
    best_allotted: float = math.nan
    """Money every channel's budget gives out over the horizon at the best split, as ``run`` of it would spend it if no
    gate stopped any: the split's money (B x the phases' months, or the total) and the locked channels'."""
    current_spent: float = math.nan
    """What ``run`` of today's split, the file as written, spends over the horizon, every channel, gates decided at
    the median values (as ``best_spend``)."""
    current_spent_mean: float = math.nan
    """Under a risk objective, the mean over the draws of what today's split spends (as ``best_spend_mean``: a gate
    decided in each draw, a volume's spend varying with its drawn cost); NaN for the other objectives."""
    constraints: Mapping[str, ConstraintCheck] = dataclasses.field(default_factory=dict)
    """Each limit asked for (max_cash_need, min_payback_probability, reach) at the best split."""
    target_roas: float | None = None
    """The marginal ROAS each channel was filled to, when the split answers ``--target-roas``."""
    month_labels: tuple[str, ...] = ()
    """Each plan month's label (``2025-03`` when the plan sets ``start``, else ``M3``: Scenario.month_labels), for the
    months the tables name."""
    reach: Milestone | None = None
    """The milestone the budget was found for, when the allocation answers ``--reach``: ``budget`` is then the least
    monthly budget whose best split reaches it (``constraints["reach"]``), ``best_value`` that split's, and the curve's
    point at ``budget`` the best split of it for the objective."""
    clipped: tuple[Clipped, ...] = ()
    """The ranges whose draws, behind a risk objective or limit, were clipped to their field's domain."""
    gates: tuple[GateCheck, ...] = ()
    """Each gate of a staged plan at the current and the best split."""
    held_months: tuple[int, ...] = ()
    """Months searched again at today's split because the split searched as if every gate passed fails a gate that
    passes today (empty when no search was held); ``held_for`` names those gates (``GateCheck.label``)."""
    held_for: tuple[str, ...] = ()
    basis: Basis = "searched"
    """Which split is the best: the search's (as if every gate passed), ``--target-roas``'s fill (no search),
    ``--reach``'s reaching split (the milestone's search, not the objective's), the search's or the fill's with
    ``held_months`` held, or today's, when neither does better once the gates decide."""
    current_in_budget_form: float | None = None
    """Under a risk objective, the objective at today's budgets with each channel the best split runs in budget form
    (its budget fixed, its volume bought at the drawn unit cost) so run, on the same draws: where the best split runs a
    channel written by volume under draws in budget form (one it moves, or one it leaves at today's money where B is
    today's spend: a proposal is money, whatif/allocate_proposed.py) (warnings ``volume_at_drawn_cost``, ``drawn_volume``), ``best_value -
    current_in_budget_form`` is the re-split and ``current_in_budget_form - current_value`` the change of form; None
    elsewhere (docs/allocate.md, channels given by volume)."""
    budget_form_channels: tuple[str, ...] = ()
    """The channels ``current_in_budget_form`` runs in budget form: those written by volume under draws that the best
    split moves in some phase or leaves at today's money in budget form, in the order of their warnings; empty where it is None."""
    kept_as_written: tuple[str, ...] = ()
    """The channels written by volume under draws that the best split leaves at today's money and reads as the file
    writes them, that form ranking higher than budget form there (whatif/allocate_proposed.py ``offered``); empty
    elsewhere."""

    @property
    def target_payback_months(self) -> int:
        """Payback target of ``payback_probability``."""
        return self.payback_window.target

    @property
    def counts_payback(self) -> bool:
        """Whether a chance of payback is reported: the objective, or a limit on it."""
        return self.objective == "payback_probability" or self.asks_payback_chance

    @property
    def asks_payback_chance(self) -> bool:
        """Whether a limit holds the chance of payback to a share (``--min-payback-probability``)."""
        return "min_payback_probability" in self.constraints

    @property
    def gain(self) -> float:
        """best_value - current_value: never negative when the current split spends the budget and respects the
        bounds (it is then a candidate, and a split left at today's money runs in budget form only where that ranks
        higher, whatif/allocate_proposed.py ``offered``); otherwise it also counts the change in total spend."""
        return self.best_value - self.current_value

    @property
    def current_split(self) -> dict[str, float]:
        """Every movable channel's monthly budget today, averaged over the months it runs (``phases`` has each
        phase's)."""
        return {ch.name: ch.current_budget for ch in self.channels if ch.status == "movable"}

    @property
    def best_split(self) -> dict[str, float]:
        """Every movable channel's monthly budget at the best split, averaged over the months it runs."""
        return {ch.name: ch.best_budget for ch in self.channels if ch.status == "movable"}

    @property
    def current_budget(self) -> float:
        """The monthly budget that spends what today's split spends over the phases' months: where today's split
        stands on the budget curve's axis of monthly budgets."""
        return self.current_spend / sum(len(phase.months) for phase in self.phases)

    def _feasible(self) -> list[CurvePoint]:
        return sorted((point for point in self.curve if not math.isnan(point.value) and point.limit_met),
                      key=lambda point: point.budget)

    def _tied(self, value: float, top: float) -> bool:
        """Whether ``value`` equals ``top`` to the curve's tolerance (relative, the objective's rounding)."""
        return value >= top - 1e-9 * (abs(top) + (0.0 if self.objective == "payback_probability" else 1.0))

    @property
    def recommended(self) -> CurvePoint | None:
        """The point of the budget curve with the best value among those that keep the limits; None when no point
        is feasible or none keeps them. Among equal values the lowest budget: the same outcome for less money (a curve
        flat from 0 recommends 0; ``flat_until`` says how far it stays flat)."""
        feasible = self._feasible()
        if not feasible:
            return None
        top = max(point.value for point in feasible)
        return next(point for point in feasible if self._tied(point.value, top))

    @property
    def flat_until(self) -> CurvePoint | None:
        """The last of the feasible points right after the recommended one whose value ties with it (the curve flat
        from the recommendation up to there: more money buys nothing); None where the next point reads less or
        there is none."""
        recommended = self.recommended
        if recommended is None:
            return None
        feasible = self._feasible()
        last = None
        for point in feasible[feasible.index(recommended) + 1:]:
            if not self._tied(point.value, recommended.value):
                break
            last = point
        return last

    @property
    def still_rising(self) -> bool:
        """Whether the recommended point is the curve's last one that fits the bounds: it is the highest only
        because the curve stops there, so it is no peak, and the true best budget may lie beyond 2B. Ties go to the
        lowest budget, so the last point is recommended only when it reads more than every point before it (by more
        than the tolerance): a flat curve is not rising."""
        recommended = self.recommended
        shown = [point.budget for point in self.curve if not math.isnan(point.value)]
        return recommended is not None and recommended.budget == max(shown)

