"""What moved each figure: a figure's change between two versions of a plan split among the inputs that differ.

The split is the Shapley value (docs/formulas.md §13):
an input's share is its marginal effect on the figure averaged over every
order in which the changes could have been made, so the shares add up to the
whole change and no input is credited with an interaction that another input
made possible. With up to ``EXACT_PLAYERS`` changes every subset is
evaluated (2^n runs) and the split is exact; beyond that ``SAMPLED_ORDERS``
random orders are averaged (each order's shares still add up to the whole
change exactly, so the sampled split does too). Every combination the split
reads is asked for at once, so the caller can evaluate them as samples of one
engine call (whatif/change_samples.py).

A figure that is none in some combination is not split, except the payback
months, where none (never within the horizon) counts as the month after the
horizon, so a change that makes a plan pay back is credited like one that
makes it pay back earlier.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

EXPLAINED = ("roi", "npv", "payback_month", "peak_cash_need")
"""The figures whose change is split."""
NEVER_IS_AFTER_HORIZON = frozenset({"payback_month"})
EXACT_PLAYERS = 10
SAMPLED_ORDERS = 200

Figures = Mapping[str, float | int | None]
Values = Callable[[Sequence[frozenset[int]]], Sequence[Figures]]
"""The figures of the base with the changes of each subset applied, in the order of the subsets."""


@dataclass(frozen=True)
class Attribution:
    figure: str
    base: float | None
    new: float | None
    shares: tuple[float, ...] | None
    """Per change, in the order given; None when the figure is none in a combination (not split)."""
    never_counted: bool = False
    """A payback month that was none (never) in some combinations read and a month in others: never counted as the
    month after the horizon moved a share."""


@dataclass(frozen=True)
class Explanation:
    attributions: tuple[Attribution, ...]
    exact: bool
    """Every subset evaluated; False when ``SAMPLED_ORDERS`` orders were averaged."""
    orders: int
    """Orders averaged (n! when exact)."""
    horizon: int = 0
    """The horizon in months; a payback of never counts as month ``horizon + 1``."""


def explain(count: int, values: Values, horizon: int, figures: Sequence[str] = EXPLAINED, seed: int = 0) -> Explanation:
    """Split each figure's change from the figures of ∅ to those of every change among ``count`` changes."""
    exact = count <= EXACT_PLAYERS
    if exact:
        subsets = [frozenset(chosen) for size in range(count + 1) for chosen in combinations(range(count), size)]
        weights = {size: math.factorial(size) * math.factorial(count - size - 1) / math.factorial(count) for size in range(count)}
        marginals = [[(weights[len(subset)], subset, subset | {player}) for subset in subsets if player not in subset]
                     for player in range(count)]
        orders = math.factorial(count)
    else:
        rng = random.Random(seed)
        permutations = [rng.sample(range(count), count) for _ in range(SAMPLED_ORDERS)]
        marginals = [[] for _ in range(count)]
        for order in permutations:
            before: frozenset[int] = frozenset()
            for player in order:
                after = before | {player}
                marginals[player].append((1 / SAMPLED_ORDERS, before, after))
                before = after
        orders = SAMPLED_ORDERS
    everything = frozenset(range(count))
    wanted = list(dict.fromkeys([frozenset(), everything, *(subset for player in marginals for _, without, with_ in player
                                                             for subset in (without, with_))]))
    known = dict(zip(wanted, values(wanted), strict=True))
    attributions = []
    for name in figures:
        def number(subset: frozenset[int], name: str = name) -> float | None:
            found = known[subset].get(name)
            if found is None and name in NEVER_IS_AFTER_HORIZON:
                return float(horizon + 1)
            return None if found is None else float(found)

        shares: list[float] | None = []
        for player in range(count):
            total = 0.0
            for weight, without, with_ in marginals[player]:
                high, low = number(with_), number(without)
                if high is None or low is None:
                    shares = None
                    break
                total += weight * (high - low)
            if shares is None:
                break
            shares.append(total)
        # Counting never as a month matters only where some combination pays back and some never does.
        read = {known[subset].get(name) is None for subset in known}
        never = name in NEVER_IS_AFTER_HORIZON and read == {True, False}
        attributions.append(Attribution(name, _plain(known[frozenset()].get(name)), _plain(known[everything].get(name)),
                                        None if shares is None else tuple(shares), never))
    return Explanation(tuple(attributions), exact, orders, horizon)


def _plain(value: float | int | None) -> float | None:
    return None if value is None else float(value)


WHOLE_FILE = "*"
"""The path of the change that is NEW as written, less the changes split apart (every change where none is): what
cannot be set on BASE apart (docs/formulas.md §13)."""


@dataclass(frozen=True)
class ChangedValue:
    """One input that differs between the two versions, as written in each (None where absent); ``WHOLE_FILE``
    for what cannot be set on BASE apart."""

    path: str
    """Where NEW writes it (``WHOLE_FILE`` for what cannot be set on BASE apart)."""
    before: str | None
    after: str | None
    named_path: str = ""
    """``path`` with list items by name, as the views show it (model/paths.py ``by_name``); JSON keeps ``path``."""
    before_number: float | None = None
    after_number: float | None = None
    """``before`` and ``after`` as numbers, where each is one number (``1.5万`` is 15000): what a spreadsheet cell
    holds; None for text, a range, several values or none."""
    base_path: str = ""
    """Where the ``--set`` on BASE puts it: BASE's index of a moved item (``acquisition[0].bid`` for NEW's
    ``acquisition[1].bid``); JSON and CSV keep both, so no index is read in the wrong version."""
    unit: str | None = None
    """What ``before`` and ``after`` are measured in (reader/input_units.py: money, share, count, month or ratio), not
    the figures' unit; None for text, for values of several units and for ``WHOLE_FILE``."""


@dataclass(frozen=True)
class NotSplit:
    """What NEW adds or leaves out that no value set on BASE gives (docs/formulas.md §13): not split."""

    path: str | None
    """Where NEW writes it (``monetization.purchases[1]``), as JSON keeps it; None for what NEW lacks."""
    named_path: str
    """Its path in the version that has it, with list items by name, as the views show it."""
    added: bool
    """An item NEW adds; False for an item or a field BASE has and NEW leaves out, or for ``change``."""
    change: tuple[str | None, str] | None = None
    """A gate's list that names a channel NEW adds (``[Feed]``, ``[Feed, Search]``), as BASE and NEW write it: no
    value BASE, which lacks the channel, can take; None for an item or a field."""
    base_path: str | None = None
    """Where BASE writes it, by BASE's indices (an item removed); None for an item NEW adds."""


@dataclass(frozen=True)
class FigureChanges:
    """``explain``'s split with the changes it was split among, and what no change explains."""

    changes: tuple[ChangedValue, ...]
    explanation: Explanation
    unexplained: dict[str, float | None]
    """Per figure, the new version's value minus the base with every change applied (a payback of never counted as
    the month after the horizon): non-zero only when the versions differ by more than values (``not_split``)."""
    not_split: tuple[NotSplit, ...] = ()
    """What the versions differ by beyond values: items added or removed, fields left out."""
