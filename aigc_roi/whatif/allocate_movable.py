"""Which channels an allocation moves, and whether their bounds can spend the budget."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from aigc_roi.model.channels import movable_types
from aigc_roi.model.month_runs import months_phrase
from aigc_roi.model.names import listed
from aigc_roi.model.paths import is_shared
from aigc_roi.model.scenario import ByMonth, Distribution, FloatArray, Scenario
from aigc_roi.model.tree import leaves
from aigc_roi.whatif.allocate_phases import Phase
from aigc_roi.whatif.allocate_result import AllocationError, BoundsRefused, MustLock
from aigc_roi.whatif.allocate_search import Space
from aigc_roi.whatif.allocate_splits import unit_cost
from aigc_roi.whatif.errors import amount_texts


def movable_channels(median: Scenario, locks: Sequence[str]) -> list[int]:
    """The indices of the channels the split moves: those of a movable type that ``locks`` (keys, which
    whatif/allocate_names.py ``keyed`` checked) does not name."""
    names = [ch.name for ch in median.acquisition]
    duplicates = sorted({name for name in names if is_shared(names, name)})
    if duplicates:  # a channel named as another's key, x (acquisition[1]) (whatif/allocate_names.py)
        raise AllocationError(f"channel names must be distinct to allocate; repeated: {listed(duplicates)}")
    for channel in median.acquisition:
        moving = [field.name for field in dataclasses.fields(channel)
                  if isinstance(getattr(channel, field.name), ByMonth) and field.name in _SPLIT_FIELDS]
        if channel.movable and channel.name not in locks and moving:
            # The split gives the channel one budget every month; a moving volume or fee would be replaced by it.
            # Named for what cannot move: a kol fee is a price too, and "only its prices and rates may move" read as if
            # it could.
            raise MustLock(channel.name, f"{channel.name!r} has {moving[0]} written by month (by_month): allocate gives "
                           "a channel the same budget every month and reads its budget, users, impressions, posts, fee "
                           f"and saturation_budget as one number each, so its {moving[0]} may not move by month (its "
                           "bid, cpm, ctr, cvr, views and view_to_user may: docs/formulas.md §14)",
                           "write the months as separate channels")
    movable = [i for i, ch in enumerate(median.acquisition) if ch.movable and ch.name not in locks]
    if not movable:
        raise AllocationError(f"no {_one_of(movable_types())} channel left to allocate the budget to")
    for i in movable:
        channel = median.acquisition[i]
        if unit_cost(channel) <= 0:
            raise MustLock(channel.name, f"{channel.name!r} has a unit cost of 0, so no budget form")
    return movable


def volume_at_drawn_cost(scenario: Scenario, movable: Sequence[int]) -> list[str]:
    """The movable channels of ``scenario`` (its ranges not drawn) written by volume (users, impressions, posts) whose
    unit cost is a range: under draws, a split that moves such a channel's budget fixes the budget, so its volume
    varies with the drawn cost, where the file, and today's split, fix the volume and let the spend vary
    (docs/allocate.md, channels given by volume)."""
    return [channel.name for channel in (scenario.acquisition[i] for i in movable)
            if not channel.buys_with_budget and _drawn(getattr(channel, channel.unit_cost))]


def drawn_volume(scenario: Scenario, movable: Sequence[int]) -> list[str]:
    """The movable channels of ``scenario`` written by a volume that is a range (``posts: 20..40``): a split that moves
    such a channel's budget buys its volume with that budget, so the volume's own range is not drawn there."""
    return [channel.name for channel in (scenario.acquisition[i] for i in movable)
            if not channel.buys_with_budget and _drawn(getattr(channel, channel.volume))]


def _drawn(value: object) -> bool:
    return any(isinstance(leaf, Distribution) for _, leaf in leaves(value))


def check_bounds(median: Scenario, movable: list[int], phases: Sequence[Phase], space: Space, targets: FloatArray,
                  total: bool) -> None:
    """Refuses bounds that cannot spend the budget, naming every channel whose minimum exceeds its maximum or, where
    none does, every phase whose minimums add up to more than the budget or maximums to less (``BoundsRefused``)."""
    crossed: dict[str, str] = {}
    for j, column in enumerate(_slot_columns(phases)):
        name = median.acquisition[movable[column]].name
        low, high = space.lower[j], space.upper[j]  # amounts >= 0 (allocate's arguments), an upper one inf if none
        if low > high and name not in crossed:
            low_text, high_text = amount_texts(low, high)
            crossed[name] = f"the minimum of {name!r} ({low_text}) exceeds its maximum ({high_text})"
    if crossed:
        # A phase's sums are then off for that channel's sake alone: the channel is what to change.
        raise BoundsRefused(list(crossed.values()))
    budget = float(targets[0])
    problems = []
    for g in range(space.count):
        member = space.groups == g
        lowest = float((space.weights[member] * space.lower[member]).sum())
        highest = float((space.weights[member] * space.upper[member]).sum())
        months = phases[g].months
        where = "" if total or len(phases) == 1 else f" in {months_phrase(months)}"
        what = "the total" if total else "the budget"
        if lowest > budget:
            sum_text, budget_text = amount_texts(lowest, budget)
            problems.append(f"the minimums add up to {sum_text}{where}, more than {what} {budget_text}")
        if highest < budget:
            sum_text, budget_text = amount_texts(highest, budget)
            problems.append(f"the maximums add up to {sum_text}{where}, less than {what} {budget_text}")
    if problems:
        raise BoundsRefused(problems)


def _slot_columns(phases: Sequence[Phase]) -> list[int]:
    return [column for phase in phases for column in phase.columns]


_SPLIT_FIELDS = frozenset({"budget", "users", "impressions", "posts", "fee", "saturation_budget"})
"""Fields a split replaces (a channel's volume or budget) or reads as one number (a kol's fee per post divides the
budget; the saturation budget bends it): they may not move by month in a channel allocate moves."""


def _one_of(words: Sequence[str]) -> str:
    """``cpa, cpm or kol``."""
    return " or ".join(filter(None, (", ".join(words[:-1]), words[-1])))

