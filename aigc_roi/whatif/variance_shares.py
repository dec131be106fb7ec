"""Which input drives the variance of each of `simulate`'s target figures: each input's first-order share.

The estimate of one share is whatif/rank_neighbour_share.py's; this is the rest of the rule (docs/simulate.md):
one uncertain input has all of the variance, by definition; a figure defined in too few samples, or the same in
all of them, is not split; independent inputs' shares that noise pushed past 1 in sum are scaled back to 1.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from aigc_roi.model.scenario import FloatArray
from aigc_roi.whatif import rank_neighbour_share
from aigc_roi.whatif.rank_neighbour_share import MIN_SAMPLES, Outcome
from aigc_roi.whatif.sort_order import stable_order
from aigc_roi.whatif.threads import ordered_map


@dataclass(frozen=True)
class Unsplit:
    """Why a figure's variance is not split among the inputs."""

    samples: int
    """Samples where the figure is defined."""
    constant: bool
    """True: it is the same in all of them (or in fewer than 2); False: they are fewer than ``MIN_SAMPLES``."""


@dataclass(frozen=True)
class VarianceShares:
    shares: dict[str, dict[str, float | None]]
    """Figure -> input path -> its share of the figure's variance, 0..1, in the inputs' order; None for every
    input of a figure in ``unsplit``."""
    unsplit: dict[str, Unsplit]
    """The figures whose variance is not split, and why."""
    thresholds: dict[str, float]
    """Figure -> the least share it reports (rank_neighbour_share.py ``threshold``): a 0 is a share not told apart
    from no effect, below this, not a share known to be 0. Only the figures whose shares are estimated (two inputs
    or more, not ``unsplit``)."""


def variance_shares(inputs: dict[str, FloatArray], outcomes: dict[str, FloatArray],
                    progress: Callable[[int, int], None] | None = None, jobs: int = 1) -> VarianceShares:
    """Each of ``outcomes``' variance split among ``inputs`` (the same samples, in the same order).

    ``progress`` is called after each input with (inputs done, inputs in all); ``jobs`` threads take an input
    each (whatif/threads.py), with the same result at any count."""
    prepared = {name: rank_neighbour_share.prepared(values) for name, values in outcomes.items()}
    unsplit = {name: why for name, outcome in prepared.items() if (why := _unsplit(outcome, len(inputs))) is not None}
    estimated = {name: outcome for name, outcome in prepared.items() if name not in unsplit and len(inputs) > 1}

    def input_shares(draws: FloatArray) -> dict[str, float]:
        if not estimated or draws.min() == draws.max():
            return dict.fromkeys(estimated, 0.0)
        order = stable_order(draws)
        return {name: rank_neighbour_share.share(outcome, order) for name, outcome in estimated.items()}

    shares: dict[str, dict[str, float | None]] = {name: {} for name in outcomes}
    for done, (path, found) in enumerate(zip(inputs, ordered_map(input_shares, inputs.values(), jobs), strict=True),
                                         start=1):
        for name in outcomes:
            # One input: the figure is a function of it alone, so all of its variance is that input's.
            shares[name][path] = None if name in unsplit else found.get(name, 1.0)
        if progress is not None:
            progress(done, len(inputs))
    for name in estimated:
        total = sum(share or 0.0 for share in shares[name].values())
        # Independent inputs' first-order shares sum to at most 1; past it by noise, they keep their proportions.
        if total > 1.0:
            shares[name] = {path: (share or 0.0) / total for path, share in shares[name].items()}
    return VarianceShares(shares, unsplit, {name: rank_neighbour_share.threshold(outcome)
                                            for name, outcome in estimated.items()})


def _unsplit(outcome: Outcome, inputs: int) -> Unsplit | None:
    if inputs > 1 and outcome.defined < MIN_SAMPLES:
        return Unsplit(outcome.defined, constant=False)
    if not outcome.varies:
        return Unsplit(outcome.defined, constant=True)
    return None
