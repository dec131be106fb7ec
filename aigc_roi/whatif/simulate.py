"""Monte Carlo over a scenario's uncertain ranges (issue 12).

``simulate`` draws every uncertain input once per sample (one bid for the
whole campaign of that sample), evaluates the engine over the samples and
summarises each figure's distribution, the chance of meeting the targets,
the spread of cumulative cash by month and which input drives the variance.
Inputs are independent in this version: no correlation between ranges.

Reproducibility: all inputs of all samples are drawn up front
(``sampling.realize``; on several threads side by side,
``sample_stream.realize_side_by_side``), each range from a stream of its
own named by the seed and the range's path (model/range_streams.py), then
the engine runs over slices of ``chunk_size`` samples so its (samples,
months) arrays stay small (past ``STREAM_SAMPLES`` the draws are streamed
too: Streaming, below). The drawn numbers never depend on the chunk size,
the threads or the file's other ranges, so neither does any result beyond
the order of a sum (``simulate``'s ``chunk_size``); the
same seed gives the same numbers on every machine with the same numpy
(PCG64, SeedSequence and numpy's samplers are platform independent).

Decisions where the spec is silent:

- **None in some samples.** A figure can be none in some samples (payback
  never reached, no IRR, a ratio over zero spend). ``mean`` is over the
  samples where it is defined and ``defined_share`` says how many those
  are. For a figure whose none means "never" (model/figures.py
  ``never_ranks_last``: payback_month, first_payback_month,
  paid_payback_month, cac_payback_months) "never" is later than any month, so percentiles rank
  it as +infinity and use the inverted CDF (the smallest month by which at least p% of samples have paid back,
  always a whole month): a percentile that falls among the "never" samples
  is None. Every other figure's percentiles are over its defined samples
  (linear interpolation, numpy's default), None when it is never defined.
- **Probabilities** are shares of all samples; a sample whose figure is
  none counts as not meeting the condition: ``payback_within_target`` is
  payback_month <= target (never is a miss), ``roi_positive`` roi > 0 (no ad
  spend is not a positive return), ``npv_positive`` npv > 0, and
  ``cash_need_within_target`` peak_cash_need <= ``targets.max_cash_need``
  (only when that target is set). A chance whose figure is defined in no
  sample (ROI where no sample spends on ads) is None: there is nothing to
  count, where a payback that never comes is a miss. The payback target is the file's
  ``max_payback_months``, else 12; past the horizon, payback is counted
  within the horizon's months, the only ones a sample has
  (model/targets.py ``PaybackWindow``: ``payback_within_months``).
- **peak_cash_need** = max(0, -min_t cumulative cash) per sample (spec
  section 4), as the engine computes it for every sample.
- **An IRR that is a borrowing rate** in some samples (cash in first, then
  out: docs/formulas.md §5) is kept in the IRR's percentiles, as the spec
  reports every one-sign-change IRR; ``irr_borrowing_share`` says in how
  many samples it is one, and the outputs say the percentiles then mix
  returns with costs of money. ``irr_none_reason`` is why the IRR is none
  where every sample without one lacks it for the same reason (no sign
  change, or more than one), as `run` says of its one sample.
- **Cash fan**: the requested percentiles of cumulative cash in every month.
  Exact over all samples while samples x months <= ``FAN_BUDGET_CELLS``;
  beyond that over the first ``FAN_BUDGET_CELLS // months`` samples, which
  are themselves an independent sample of the same distribution (at least
  166,666 samples for 24 months, so a P5's sampling error stays below 0.1
  percentage points) and keep memory flat.
- **Streaming** (past ``STREAM_SAMPLES`` samples, fewer for a plan of many ranges: ``stream_samples``,
  docs/formulas.md §10):
  the draws come slice by slice from ``sampling.SampleStream`` (the same
  numbers ``realize`` draws), each figure but net cash is kept in float32
  (a percentile within the float32 rounding of the larger of the two
  samples it lies between; whole months exact; a figure with a value past
  float32's range, an IRR of 1e47, in float64 from that chunk on), means are
  summed in float64 as the chunks go and the chances counted on each
  chunk's float64 figures; the inputs kept are those of the first
  ``STREAM_SAMPLES`` samples (the variance shares, as at any size, over
  the first ``SHARE_SAMPLES``). 10,000,000 samples x 120
  months stay within 2 GiB.
- **Every sample's row** (``samples_sink``, ``simulate --samples-out``): each
  chunk's inputs (the fixed values a sample may change too: model/sample_columns.py) and float64 figures are
  handed on as the chunk is
  evaluated, in the samples' order, streamed or not: every sample's row,
  the same numbers whatever the count, and nothing of them kept.
- **Net-cash histogram**: ``histogram_bins`` equal-width bins from the
  smallest to the largest sampled net cash (numpy's histogram).
- **Variance shares** (whatif/variance_shares.py): for each uncertain input X
  (its ``--set`` path) the first-order share Var(E[Y | X]) / Var(Y) of
  Y = net_cash and Y = roi, the part of Y's variance that knowing X alone
  would remove. Chosen over squared rank correlations because it is
  literally "the share of the variance" a founder reads, and it also sees
  effects that are not monotone. Estimated from Y in X's order, each sample
  against the mean of its three rank neighbours on either side
  (whatif/rank_neighbour_share.py: consistent for a steep or skewed Y, one
  sort of each input); a share within the 1% level of no effect is 0. One uncertain input has share 1 by
  definition (Y is a function of it); with two or more, a Y defined in fewer
  than ``MIN_SAMPLES`` (100) samples, or any Y that does not vary, is not
  split (None, and the output says why). Shares that noise pushes past 1
  in sum are scaled back to 1; the rest of Y's variance is not explained by
  any input alone (interactions, or estimation noise). The value an input
  takes is the realized one (clipped to its field's domain, retention
  points after their running minimum); Y's samples where it is none are
  left out. Past ``SHARE_SAMPLES`` (250,000) samples the shares are over
  the first 250,000, themselves an independent sample of the same
  distribution (as the cash fan's are): a share's standard deviation there
  is at most about 1 / sqrt(250,000), 0.2 percentage points, for a normal Y. Its cost, a sort of every input, grows faster than the
  samples: at a million samples of 22 ranges it was an eighth of the
  command (issue 27).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from aigc_roi.model.arguments import samples_and_seed, whole_number
from aigc_roi.model.cashflow import IRR_NONE_REASONS
from aigc_roi.model.engine import FIGURE_NAMES, FigureBatch, chunk_samples_of, evaluate_batch
from aigc_roi.model.figures import BY_NAME, plain
from aigc_roi.model.limits import MAX_SIMULATE_SAMPLES
from aigc_roi.model.params import chunk_bounds
from aigc_roi.model.range_streams import paired_ranges
from aigc_roi.model.sample_columns import reported, sample_inputs
from aigc_roi.model.sample_slices import SampleSlices
from aigc_roi.model.sample_stream import SampleStream, distribution_count, realize_side_by_side
from aigc_roi.model.sampling import Clipped, ClipTally, realize
from aigc_roi.model.scenario import FloatArray, Scenario
from aigc_roi.model.targets import PaybackWindow, payback_window
from aigc_roi.whatif.errors import ArgumentError
from aigc_roi.whatif.forked import can_fork, forked_tallies, shared_empty
from aigc_roi.whatif.percentile_choice import percentiles_argument
from aigc_roi.whatif.sorted_percentiles import Method, ranked_percentiles
from aigc_roi.whatif.threads import cores, ordered_map
from aigc_roi.whatif.variance_shares import Unsplit, variance_shares

VARIANCE_TARGETS: tuple[str, ...] = ("net_cash", "roi")
"""Figures whose variance is split among the inputs."""
FAN_BUDGET_CELLS = 4_000_000
"""Samples x months of cumulative cash kept for the fan (32 MB)."""

SHARE_SAMPLES = 250_000
"""The variance shares are over at most this many samples, the first (module docstring, Variance shares)."""

STREAM_SAMPLES = 2_000_000
"""Above this many samples the draws are streamed and each figure kept in float32 (module docstring, Streaming)."""

DRAW_CELLS = 1 << 26
"""Draws held at once, samples x ranges (512 MiB): a plan of many ranges streams past ``DRAW_CELLS // ranges``
samples instead (``stream_samples``), so its draws and the inputs it keeps stay within this whatever the samples.
Up to 33 ranges this leaves ``STREAM_SAMPLES`` as it is; ten years of daily ranged retention shares (3,653
ranges) streams past 18,370 samples, where its draws took 29 KB a sample without bound."""
PROBABILITY_FIGURES = ("payback_month", "roi", "npv", "peak_cash_need")

ProgressCallback = Callable[[int, int], None]
"""Called after each chunk with (samples done, samples in all)."""
StageCallback = Callable[[str, int, int], None]
"""Called as each stage moves with (stage, done, total): ``DRAWING`` (ranges drawn), ``EVALUATING`` (samples)
and ``SHARES`` (uncertain inputs), in that order."""
DRAWING, EVALUATING, SHARES = "drawing", "evaluating", "shares"
SampleSink = Callable[[int, Mapping[str, FloatArray], Mapping[str, FloatArray]], None]
"""Hears each chunk's samples in order, as the chunk is evaluated: (its first sample's number, input path -> the
values the samples used, every range's realized draws and each fixed value a sample may change (model/sample_columns.py),
figure -> their float64 values, NaN = none, in ``FIGURE_NAMES``' order)."""


@dataclass(frozen=True)
class FigureSummary:
    """One figure's distribution over the samples; values in the figure's unit."""

    mean: float | None
    """Mean over the samples where the figure is defined; None when it never is."""
    defined_share: float
    """Share of samples where the figure is defined, 0..1."""
    percentiles: dict[float, float | None]
    """Requested percentile (e.g. 5) -> value; None where it falls among "none" samples."""
    undefined_share: float = 0.0
    """Share of samples where the figure says nothing for another's reason (``moot_samples``): a CAC payback of a
    draw without paid users never "never" pays back, and a paid payback without ad spend pays back nothing in month
    1. The mean and percentiles are over the other samples."""


def net_cash_histogram(net_cash: np.ndarray, bins: int) -> tuple[np.ndarray, np.ndarray]:
    """``bins`` equal-width bins over the sampled range (numpy's histogram).

    A sample with (almost) no spread gets bins of a width float64 can still tell apart: numpy
    widens a constant sample to v ± 0.5, finer than float64 resolves above about 2e14, and
    refused ("too many bins") a constant net cash of 1e15, which is within the file's limits.
    """
    low, high = float(net_cash.min()), float(net_cash.max())
    # Bins 4 ulps wide at the largest magnitude at least, and never narrower than numpy's own ± 0.5.
    half = max(0.5, 2.0 * bins * float(np.spacing(max(abs(low), abs(high)))))
    if high - low >= 2.0 * half:
        return np.histogram(net_cash, bins=bins)
    middle = low / 2.0 + high / 2.0
    return np.histogram(net_cash, bins=bins, range=(middle - half, middle + half))


@dataclass(frozen=True)
class Histogram:
    """Counts of samples per bin."""

    edges: FloatArray
    """``bins + 1`` bin edges in money, increasing; the last bin includes its right edge."""
    counts: NDArray[np.int64]
    """Samples per bin; they sum to the sample count."""


@dataclass(frozen=True)
class CashFan:
    """Percentiles of cumulative cash in each month."""

    percentiles: dict[float, FloatArray]
    """Requested percentile -> ``(H,)`` cumulative cash in money, month 1 first."""
    samples: int
    """Samples the fan was computed over (all of them unless that exceeds ``FAN_BUDGET_CELLS``)."""


@dataclass(frozen=True)
class Simulation:
    """Everything ``simulate`` finds. ``S`` samples, ``H`` months."""

    samples: int
    seed: int
    percentiles: tuple[float, ...]
    """Those asked for, in increasing order, each once (whatif/percentile_choice.py)."""
    payback_window: PaybackWindow
    """The months by which payback counts as on target: the target, or the horizon where the target lies past it."""
    max_cash_need: float | None
    """Peak cash need that counts as on target (money); None when not set."""
    figures: dict[str, FigureSummary]
    """Per figure of ``FIGURE_NAMES``, in that order."""
    probabilities: dict[str, float | None]
    """``payback_within_target``, ``roi_positive``, ``npv_positive`` and, with a
    cash target, ``cash_need_within_target``: shares of samples, 0..1; None where the figure is defined in no
    sample."""
    net_cash_histogram: Histogram
    cash_fan: CashFan
    variance_shares: dict[str, dict[str, float | None]]
    """Per figure of ``VARIANCE_TARGETS``: input path -> share of its variance,
    0..1, inputs in the order of ``inputs`` (sort for a tornado); None for every input of a figure in
    ``variance_unsplit``."""
    variance_share_samples: int
    """Samples the variance shares were estimated over: all of them up to ``SHARE_SAMPLES``, else the first that many."""
    variance_unsplit: dict[str, Unsplit]
    """The figures of ``VARIANCE_TARGETS`` whose variance is not split among the inputs, and why."""
    variance_share_thresholds: dict[str, float]
    """Per figure of ``VARIANCE_TARGETS`` whose shares are estimated: the least share it reports, so a share of 0
    reads "below" this (whatif/variance_shares.py)."""
    inputs: dict[str, FloatArray]
    """Input path (as ``--set`` takes it) -> ``(S,)`` realized draws, in the order of the
    model's fields (the order in which ``realize`` draws them)."""
    sample_figures: dict[str, FloatArray]
    """Figure -> ``(S,)`` value per sample; NaN = none."""
    gate_pass_probabilities: tuple[tuple[str, float], ...] = ()
    """(gate name, share of samples in which it passed), in file order; the figures above are the staged
    plan's, each sample gated by its own tests (docs/formulas.md §18)."""
    clipped: tuple[Clipped, ...] = ()
    """Each range some of whose draws fell outside its field's domain and were clipped to it, over every sample."""
    irr_borrowing_share: float = 0.0
    """Share of samples whose IRR is a borrowing rate (model/cashflow.py ``irr_borrowing``): the IRR's percentiles
    rank those with the returns of the others, so a share above 0 says they mix two readings."""
    irr_none_reason: str | None = None
    """Why the IRR is none (model/cashflow.py ``IRR_NONE_REASONS``) where every sample without one has that reason;
    None where some have one reason and some the other, or every sample has an IRR."""

    @property
    def payback_chance(self) -> float:
        """The chance of payback within ``payback_window``: always a share, a payback that never comes a miss."""
        chance = self.probabilities["payback_within_target"]
        assert chance is not None
        return chance

    @property
    def payback_target_months(self) -> int:
        return self.payback_window.target

    @property
    def payback_within_months(self) -> int:
        return self.payback_window.months


def simulate(
    scenario: Scenario,
    samples: int = 10_000,
    seed: int = 0,
    percentiles: Sequence[float] = (5, 50, 95),
    payback_target_months: int | None = None,
    max_cash_need: float | None = None,
    chunk_size: int | None = None,
    histogram_bins: int = 20,
    progress: ProgressCallback | None = None,
    stage_progress: StageCallback | None = None,
    jobs: int = 1,
    samples_sink: SampleSink | None = None,
) -> Simulation:
    """Monte Carlo over ``scenario``'s ranges; see the module docstring for every rule.

    ``payback_target_months`` and ``max_cash_need`` default to the scenario's
    targets (payback: 12 when unset). ``chunk_size`` samples go through the
    engine at a time (default: the engine's own chunk, ``chunk_samples_of``:
    a smaller one pays the engine's fixed cost per call more often, a larger
    one is cut into the engine's chunks anyway; 1 is taken as 2, as numpy
    sums a lone sample's months pairwise and several one month after another:
    ``params.chunk_bounds``). It moves a result only where a cohort is summed
    as a BLAS product, which may be ordered by the columns beside it
    (docs/simulate.md, Reproducibility).
    The CLI always uses the engine's chunk, cut by the horizon alone.
    ``jobs`` workers, at most one per core, evaluate the chunks (processes forked from this one where
    whatif/forked.py ``can_fork``, else threads) and threads summarise
    the figures and inputs (whatif/threads.py); they change no result.
    ``samples_sink`` hears every sample's inputs and figures, chunk by chunk in this thread (``SampleSink``).
    Raises ``ArgumentError`` (a ``ValueError``) for ``samples`` not a whole number from 1 to 10,000,000 (as
    ``--samples``), a ``seed`` not one >= 0, ``jobs`` not one >= 1 (an int each: a bool or a float is no count) or
    ``percentiles`` not a list of numbers from 0 to 100 (a text or a bool is none), naming it (``percentiles[1]``),
    an empty one, or one holding two numbers that differ and are one float, as ``--percentiles`` refuses them
    (whatif/percentile_choice.py; they are reported in increasing order, each once); ``ValueError`` for
    chunk_size < 1, histogram_bins < 1 or a horizon < 1.
    """
    samples, seed = _draws(samples, seed)
    jobs = whole_number("jobs", jobs, 1, None, ArgumentError)
    if histogram_bins < 1:
        raise ValueError(f"histogram_bins must be >= 1, got {histogram_bins}")
    # More threads than cores only wait on each other, and each holds a chunk's arrays: --jobs 1000 is not 100 GB.
    jobs = min(jobs, cores())
    quantiles = percentiles_argument(percentiles)
    horizon = int(scenario.horizon_months)
    if horizon < 1:
        raise ValueError(f"horizon_months must be >= 1, got {horizon}")
    chunk = chunk_size if chunk_size is not None else chunk_samples_of(scenario)
    if chunk < 1:
        raise ValueError(f"chunk_size must be >= 1, got {chunk}")
    window = payback_window(scenario, payback_target_months)
    target_months = window.target
    if max_cash_need is None:
        max_cash_need = scenario.targets.max_cash_need

    def report(stage: str, done: int, total: int) -> None:
        if stage_progress is not None:
            stage_progress(stage, done, total)
        if stage == EVALUATING and progress is not None:
            progress(done, total)

    conditions: dict[str, tuple[str, Callable[[FloatArray], NDArray[np.bool_]]]] = {
        "payback_within_target": _payback_within(target_months),
        "roi_positive": ("roi", lambda values: values > 0),
        "npv_positive": ("npv", lambda values: values > 0),
    }
    if max_cash_need is not None:
        need = max_cash_need
        conditions["cash_need_within_target"] = ("peak_cash_need", lambda values: values <= need)
    evaluated = _evaluate_in_chunks(scenario, samples, seed, chunk, conditions, report, jobs, samples_sink)
    per_sample, inputs, fan_rows = evaluated.per_sample, evaluated.inputs, evaluated.fan_rows
    counts, edges = net_cash_histogram(per_sample["net_cash"], histogram_bins)

    def summary(name: str) -> FigureSummary:
        figure, values = BY_NAME[name], per_sample[name]
        moot = moot_samples(name, per_sample)
        if moot is None or not moot.any():
            return summarize(values, quantiles, figure.never_ranks_last, evaluated.means.get(name))
        kept = values[~moot]
        found = summarize(kept, quantiles, figure.never_ranks_last, evaluated.means.get(name))
        return FigureSummary(found.mean, int(np.count_nonzero(~np.isnan(kept))) / samples, found.percentiles,
                             int(np.count_nonzero(moot)) / samples)

    def chance(name: str, met: int) -> float | None:
        # A figure defined in no sample (ROI without ad spend) has no chance to count, where "never" is a miss.
        if not BY_NAME[name].never_ranks_last and np.isnan(per_sample[name]).all():
            return None
        return met / samples

    split = variance_shares(evaluated.share_inputs, evaluated.share_outcomes,
                            lambda done, total: report(SHARES, done, total), jobs)
    return Simulation(
        samples=samples,
        seed=seed,
        percentiles=quantiles,
        payback_window=window,
        max_cash_need=max_cash_need,
        figures=dict(zip(FIGURE_NAMES, ordered_map(summary, FIGURE_NAMES, jobs), strict=True)),
        probabilities={name: chance(conditions[name][0], met) for name, met in evaluated.met.items()},
        net_cash_histogram=Histogram(edges=edges, counts=counts.astype(np.int64)),
        cash_fan=CashFan(percentiles=dict(zip(quantiles, fan_percentiles(fan_rows, quantiles), strict=True)),
                         samples=int(fan_rows.shape[0])),
        variance_shares=split.shares,
        variance_share_samples=len(evaluated.share_outcomes[VARIANCE_TARGETS[0]]),
        variance_unsplit=split.unsplit,
        variance_share_thresholds=split.thresholds,
        inputs=inputs,
        sample_figures=per_sample,
        gate_pass_probabilities=tuple((gate.name, evaluated.gate_passes[g] / samples) for g, gate in enumerate(scenario.gates)),
        clipped=evaluated.clipped,
        irr_borrowing_share=evaluated.borrowing / samples,
        irr_none_reason=shared_reason(evaluated.no_irr),
    )


def payback_chance(scenario: Scenario, samples: int, seed: int,
                   stage_progress: StageCallback | None = None) -> tuple[float, tuple[Clipped, ...]]:
    """``simulate(scenario, samples, seed).payback_chance`` and the ranges clipped on the way, from the same draws
    and chunks (so the same chance), without what nobody reads beside it: the figures' percentiles, the variance
    shares, the histogram (`check`'s ``min_payback_probability``). Raises ``ValueError`` as ``simulate`` does."""
    samples, seed = _draws(samples, seed)
    if int(scenario.horizon_months) < 1:
        raise ValueError(f"horizon_months must be >= 1, got {scenario.horizon_months}")

    conditions = {"payback_within_target": _payback_within(payback_window(scenario, None).target)}
    evaluated = _evaluate_in_chunks(scenario, samples, seed, chunk_samples_of(scenario), conditions,
                                    stage_progress or _unheard, 1, None)
    return evaluated.met["payback_within_target"] / samples, evaluated.clipped


def _draws(samples: int, seed: int) -> tuple[int, int]:
    """``samples`` and ``seed`` as ``--samples`` and ``--seed`` of `simulate` hold them; ValueError otherwise."""
    return samples_and_seed(samples, seed, 1, MAX_SIMULATE_SAMPLES, ArgumentError)


def _unheard(stage: str, done: int, total: int) -> None:
    """The stage callback of a caller that asked for none."""


def _payback_within(target_months: int) -> tuple[str, Callable[[FloatArray], NDArray[np.bool_]]]:
    """The condition of a payback within ``target_months``: a payback that never comes (NaN) misses it."""
    return "payback_month", lambda values: values <= target_months


@dataclass
class _Evaluated:
    """Per-sample figures, and what is summed as the chunks go (``_evaluate_in_chunks``)."""

    per_sample: dict[str, FloatArray]
    """Figure -> ``(S,)``; float32 when streamed, net cash always float64."""
    inputs: dict[str, FloatArray]
    """Input path -> its draws (the first ``STREAM_SAMPLES`` when streamed)."""
    share_inputs: dict[str, FloatArray]
    """Input path -> its draws over the first ``SHARE_SAMPLES`` samples (views of ``inputs``)."""
    share_outcomes: dict[str, FloatArray]
    """``VARIANCE_TARGETS`` in float64 over the samples of ``share_inputs``."""
    fan_rows: FloatArray
    met: dict[str, int]
    """Condition -> samples meeting it, counted on each chunk's float64 figures."""
    gate_passes: list[float]
    """Per gate, the samples in which it passed."""
    means: dict[str, float | None]
    """Streamed only: each figure's mean over its defined samples, summed in float64 as the chunks go."""
    clipped: tuple[Clipped, ...]
    """The ranges with draws clipped to their field's domain, counted over every sample."""
    borrowing: int
    """Samples whose IRR is a borrowing rate."""
    no_irr: list[int]
    """Samples without an IRR for each reason of ``IRR_NONE_REASONS``."""


def _evaluate_in_chunks(scenario: Scenario, samples: int, seed: int, chunk: int,
                        conditions: dict[str, tuple[str, Callable[[FloatArray], NDArray[np.bool_]]]],
                        report: StageCallback, jobs: int, sink: SampleSink | None) -> _Evaluated:
    """Draw, evaluate and keep what the summaries need, chunk by chunk (module docstring, Streaming)."""
    horizon = int(scenario.horizon_months)
    rng = np.random.default_rng(seed)
    ranges = distribution_count(scenario)
    kept_inputs = min(samples, stream_samples(ranges))
    stream = ranges > 0 and samples > kept_inputs
    report(DRAWING, 0, ranges)

    def drawn(done: int, total: int) -> None:
        report(DRAWING, done, total)

    if stream:
        # Each slice is drawn as it is evaluated: nothing is drawn ahead.
        source = SampleStream(scenario, samples, rng)
        tally = source.tally
    else:
        tally = ClipTally(scenario)
        if jobs > 1 and ranges > 1:
            realized = realize_side_by_side(scenario, samples, rng, lambda draw, items: ordered_map(draw, items, jobs), drawn,
                                            tally)
        else:
            realized = realize(scenario, samples, rng, tally)
        slices = SampleSlices(realized)
    report(DRAWING, ranges, ranges)
    bounds = list(chunk_bounds(samples, chunk if ranges else samples))
    # Without a range every sample is the deterministic run: evaluated once. A stream's draws come in turn and a sink
    # hears the chunks in order, in this process.
    forked = not stream and sink is None and jobs > 1 and len(bounds) > 1 and can_fork()
    empty = shared_empty if forked else np.empty
    kept_shares = min(kept_inputs, SHARE_SAMPLES)
    kept_fan = min(samples, max(1, FAN_BUDGET_CELLS // horizon))
    storage = np.float32 if stream else np.float64
    per_sample: dict[str, FloatArray] = {name: empty((samples,), np.float64 if name == "net_cash" else storage)
                                         for name in FIGURE_NAMES}
    # In memory every input's draws are already one array: read once, not gathered chunk by chunk.
    inputs: dict[str, FloatArray] = {} if stream else dict(uncertain_inputs(scenario, realized))
    # In memory the figures are float64 already: the variance shares read them where they are.
    share_outcomes = {target: np.empty(kept_shares) if stream else per_sample[target][:kept_shares]
                      for target in VARIANCE_TARGETS}
    fan_rows = empty((kept_fan, horizon), np.float64)
    counts = _Counts(dict.fromkeys(conditions, 0), [0.0] * len(scenario.gates), 0, [0] * len(IRR_NONE_REASONS))
    sums: dict[str, _DefinedSum] = {name: _DefinedSum() for name in FIGURE_NAMES}

    # The sink hears the fixed values a sample may change too (model/sample_columns.py); the inputs kept, whose
    # variance is split, are the ranges alone.
    named = reported(scenario) if sink is not None else scenario

    def part(start: int, stop: int) -> Scenario:
        if stream:
            return source.take(stop - start)
        return slices.take(start, stop) if ranges else realized

    def parts() -> Iterator[tuple[int, int, Scenario, dict[str, FloatArray]]]:
        """Each chunk's samples and the inputs the sink hears of them, drawn in this thread and in order (a stream's
        generators are read in turn)."""
        for start, stop in bounds:
            taken = part(start, stop)
            if stream and start < kept_inputs:
                for path, draws in uncertain_inputs(scenario, taken):
                    inputs.setdefault(path, np.empty(kept_inputs))[start:min(stop, kept_inputs)] = draws[: kept_inputs - start]
            yield start, stop, taken, dict(sample_inputs(named, taken, stop - start)) if sink is not None else {}

    def figures_of(start: int, taken: Scenario) -> FigureBatch:
        # The fan keeps the cumulative cash of its first samples alone: the chunks past them need none.
        return evaluate_batch(taken, cumulative_cash=start < kept_fan)

    def evaluate(chunk_part: tuple[int, int, Scenario, dict[str, FloatArray]]
                 ) -> tuple[int, int, dict[str, FloatArray], FigureBatch]:
        start, stop, taken, read = chunk_part
        return start, stop, read, figures_of(start, taken)

    def kept(start: int, stop: int, batch: FigureBatch) -> None:
        """A chunk's figures where the summaries read them, and its counts."""
        for name, values in batch.figures.items():
            values = np.broadcast_to(values, (stop - start,))
            if per_sample[name].dtype == np.float32 and not _within_float32(values):
                wider = np.empty(samples)
                wider[:start] = per_sample[name][:start]
                per_sample[name] = wider
            per_sample[name][start:stop] = values
            if stream:
                moot = moot_samples(name, batch.figures)
                sums[name].add(values if moot is None else values[~np.broadcast_to(moot, values.shape)])
            if stream and name in share_outcomes and start < kept_shares:
                share_outcomes[name][start:min(stop, kept_shares)] = values[: kept_shares - start]
        counts.add(batch, start, stop, conditions)
        if batch.cumulative_cash is not None:
            rows = np.broadcast_to(batch.cumulative_cash, (stop - start, horizon))[: kept_fan - start]
            fan_rows[start:start + rows.shape[0]] = rows

    if forked:
        finished = 0

        def evaluated(index: int) -> None:
            nonlocal finished
            finished += bounds[index][1] - bounds[index][0]
            report(EVALUATING, finished, samples)

        def work(bound: tuple[int, int]) -> None:
            start, stop = bound
            kept(start, stop, figures_of(start, part(start, stop)))

        for found in forked_tallies(bounds, work, lambda: counts, jobs, evaluated):
            counts.merge(found)
    else:
        for start, stop, read, batch in ordered_map(evaluate, parts(), jobs):
            if sink is not None:
                sink(start, read, {name: np.broadcast_to(np.asarray(batch.figures[name], dtype=np.float64), (stop - start,))
                                    for name in FIGURE_NAMES})
            kept(start, stop, batch)
            report(EVALUATING, stop, samples)
    means = {name: total.mean() for name, total in sums.items()} if stream else {}
    share_inputs = {path: draws[:kept_shares] for path, draws in inputs.items()}
    return _Evaluated(per_sample, inputs, share_inputs, share_outcomes, fan_rows, counts.met, counts.gate_passes, means,
                      tally.clipped(), counts.borrowing, counts.no_irr)


@dataclass
class _Counts:
    """What ``_evaluate_in_chunks`` counts over the samples, chunk by chunk (a forked worker over its own)."""

    met: dict[str, int]
    """Condition -> samples meeting it, counted on each chunk's float64 figures."""
    gate_passes: list[float]
    """Per gate, the samples in which it passed."""
    borrowing: int
    """Samples whose IRR is a borrowing rate."""
    no_irr: list[int]
    """Samples without an IRR for each reason of ``IRR_NONE_REASONS``."""

    def add(self, batch: FigureBatch, start: int, stop: int,
            conditions: dict[str, tuple[str, Callable[[FloatArray], NDArray[np.bool_]]]]) -> None:
        """Count the chunk of samples ``start..stop-1``."""
        for condition, (name, meets) in conditions.items():
            self.met[condition] += int(np.count_nonzero(meets(np.broadcast_to(batch.figures[name], (stop - start,)))))
        if batch.irr_borrowing is not None:
            self.borrowing += int(np.count_nonzero(np.broadcast_to(batch.irr_borrowing, (stop - start,))))
        if batch.irr_sign_changes is not None:
            changes = np.broadcast_to(batch.irr_sign_changes, (stop - start,))
            self.no_irr = [count + int(np.count_nonzero(changes == sign_changes))
                           for count, sign_changes in zip(self.no_irr, (0, 2), strict=True)]
        if batch.gate_passed is not None:
            passed = np.broadcast_to(batch.gate_passed, (stop - start, len(self.gate_passes))).sum(axis=0)
            self.gate_passes = [total + float(count) for total, count in zip(self.gate_passes, passed, strict=True)]

    def merge(self, other: _Counts) -> None:
        """Add another's counts (a forked worker's) to these."""
        self.met = {condition: count + other.met[condition] for condition, count in self.met.items()}
        self.gate_passes = [mine + theirs for mine, theirs in zip(self.gate_passes, other.gate_passes, strict=True)]
        self.borrowing += other.borrowing
        self.no_irr = [mine + theirs for mine, theirs in zip(self.no_irr, other.no_irr, strict=True)]


def _within_float32(values: FloatArray) -> bool:
    """Whether float32 holds every finite value in ``values``: an IRR of 1e47 (a plan paid back at once on a bid near
    0) would be stored as inf, so that figure is kept in float64 from then on."""
    finite = values[np.isfinite(values)]
    return finite.size == 0 or float(np.abs(finite).max()) <= float(np.finfo(np.float32).max)


class _DefinedSum:
    """The mean of a figure's defined values, summed chunk by chunk as ``summarize`` sums them at once: shifted by
    the first defined value, which keeps the mean of identical values exact."""

    def __init__(self) -> None:
        self.reference: float | None = None
        self.total = 0.0
        self.count = 0

    def add(self, values: FloatArray) -> None:
        defined = values[~np.isnan(values)]
        if defined.size == 0:
            return
        if self.reference is None:
            self.reference = float(defined[0])
        self.total += float((defined - self.reference).sum())
        self.count += defined.size

    def mean(self) -> float | None:
        return None if self.reference is None else self.reference + self.total / self.count


# --- the pieces, each usable on its own ----------------------------------------


def shared_reason(no_irr: Sequence[int]) -> str | None:
    """The reason of ``IRR_NONE_REASONS`` every sample without an IRR has, from the samples of each; None where
    both reasons have samples or neither has."""
    reasons = [reason for reason, count in zip(IRR_NONE_REASONS, no_irr, strict=True) if count]
    return reasons[0] if len(reasons) == 1 else None


def stream_samples(ranges: int) -> int:
    """Samples whose draws are held in memory at once for a plan of ``ranges`` ranges, and whose inputs a run keeps:
    past them a run with ranges streams (``STREAM_SAMPLES``, ``DRAW_CELLS``)."""
    return max(1, min(STREAM_SAMPLES, DRAW_CELLS // ranges)) if ranges else STREAM_SAMPLES


def moot_samples(name: str, figures: Mapping[str, FloatArray]) -> NDArray[np.bool_] | None:
    """The samples where figure ``name`` says nothing (model/figures.py ``Figure.undefined_for``): the figure it is
    computed over is none there (a CAC payback without a CAC), or the one it needs is 0 (a paid payback without ad
    spend, month 1 by definition, which would read as a campaign paid back at once); None for other figures."""
    figure = BY_NAME[name]
    if figure.over is not None:
        return np.isnan(figures[figure.over])
    if figure.needs is not None:
        return np.asarray(figures[figure.needs]) == 0
    return None


def uncertain_inputs(scenario: Scenario, realized: Scenario) -> Iterator[tuple[str, FloatArray]]:
    """(``--set`` path, realized draws) of every range in ``scenario``, in the order ``realize`` draws them
    (model/range_streams.py ``paired_ranges`` names them)."""
    return ((path, np.asarray(drawn, dtype=np.float64)) for path, drawn in paired_ranges(scenario, realized))


def fan_percentiles(rows: FloatArray, percentiles: Sequence[float]) -> FloatArray:
    """``np.percentile(rows, percentiles, axis=0)``: each month's percentiles of cumulative cash over the samples."""
    # Each month's samples in a row of their own, the values read put in place by numpy's vectorised selection
    # (sorted_percentiles.ranked_percentiles): half the time of a sort, a quarter of the partition np.percentile makes
    # down the columns, the same numbers.
    months = np.ascontiguousarray(rows.T)
    found = ranked_percentiles(months, percentiles, "linear")
    return np.percentile(rows, list(percentiles), axis=0) if found is None else np.ascontiguousarray(found.T)


def summarize(values: FloatArray, percentiles: Sequence[float], never_is_latest: bool = False,
              mean: float | None = None) -> FigureSummary:
    """Mean over defined samples, their share, and percentiles (NaN = none; see the module docstring).

    ``mean``: the mean when it was summed elsewhere in float64 (streamed ``values`` are float32)."""
    defined = values[~np.isnan(values)].astype(np.float64, copy=False)
    if defined.size == 0:
        return FigureSummary(mean=None, defined_share=0.0, percentiles={float(q): None for q in percentiles})
    if mean is None:
        # Shifting by one sample keeps the mean of identical values exact and the sum well conditioned.
        reference = defined[0]
        mean = float(reference + (defined - reference).mean())
    method: Method = "inverted_cdf" if never_is_latest else "linear"
    # This function's own copy, the values read put in place by numpy's vectorised selection
    # (sorted_percentiles.ranked_percentiles: under half a sort's time, a quarter of np.percentile's partition), then
    # the percentiles read off by position: the same numbers.
    ranked = np.where(np.isnan(values), np.inf, values).astype(np.float64, copy=False) if never_is_latest else defined
    found = ranked_percentiles(ranked, percentiles, method)
    if found is None:
        found = np.percentile(ranked, list(percentiles), method=method, overwrite_input=True)
    if never_is_latest:
        found = np.where(np.isinf(found), np.nan, found)
    return FigureSummary(
        mean=mean,
        defined_share=defined.size / values.size,
        percentiles={float(q): plain(v) for q, v in zip(percentiles, found, strict=True)},
    )
