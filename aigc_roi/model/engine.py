"""The cohort model of docs/formulas.md §4 and the figures of §5.

Pure: numpy, the standard library and ``aigc_roi.model.scenario`` only; no I/O.

``evaluate(scenario)`` takes a *realized* scenario (``sampling.realize``):
every numeric value is a float or a float64 array of shape ``(S,)``, all
arrays sharing one ``S``. One evaluation serves a deterministic run
(``S = 1``), a Monte Carlo batch or a batch of break-even candidates, with
no Python loop over samples. Every array of the ``Result`` has a leading
sample axis.

How it runs (none of this changes a number beyond float rounding):

- Stages, each in its own module, run on one chunk by ``chunk.py``:
  ``acquisition.py`` (channels and the viral chain), ``active_users.py``
  (retention by age, cohort sums), ``monthly_revenue.py`` and
  ``plan_payments.py``, ``monthly_costs.py``, ``per_user.py`` (a user's
  worth and LTV), ``paid_contribution.py``, ``figure_values.py``; per-source
  mixing in ``source_mix.py``, gates in ``gated_plan.py``, the channels' users and spend summed per
  gate share in ``channel_months.py``. ``result.py`` holds ``Result``, whose
  attribution (``Result.channel_*``, ``attribution.py``) is computed the
  first time it is read; ``layout.py`` what every chunk shares,
  ``params.py`` how a value is read as sample rows. A plan with
  gates (model/gates.py) has them decided between ``_acquisition`` and
  ``_new_users``, per sample: what a test reads (months 1..after_month)
  does not depend on anything after it, so the gated plan is then run once
  (``_SourceMix`` included: its groups sum the gated purchases).
- Samples are evaluated ``chunk_samples(H)`` at a time, so the working
  memory of a call is bounded whatever ``S``. ``evaluate`` keeps every
  monthly series (about 140 bytes per sample-month, 17 series of 8; each is joined from
  the chunks the first time it is read); ``evaluate_figures``
  keeps only the section-4 figures (about 130 bytes per sample), the form
  for Monte Carlo runs of any size. ``take_samples`` slices a realized
  scenario for callers that chunk themselves.
- Inside a chunk arrays are month-major, ``(H, s)``: every month-to-month
  recursion is then one vector operation per month over contiguous samples.
  ``Result`` exposes them as ``(S, H)`` views.
- Cohort sums ``X(t) = sum_{s<=t} N(s) x(t-s)`` are never formed as an
  ``H x H`` product. Constant churn is the recursion ``A(t) = N(t) + q
  A(t-1)``; a plan paying every ``P`` months with renewal ``r`` is
  ``Y(t) = N(t) + r Y(t-P)``; retention by points is summed age by age up
  to the last point ``K`` and, beyond it where the curve is flat, as the
  last share times a running sum of ``N``. The cost is ``O(K H)``, linear
  in ``H``. A plan with conversion by age or a renewal list is a few
  shifted sums and a recursion for the list's repeating last rate, also
  linear (``_scheduled_plan_cash``). Only the forms that change at every
  age are summed age by age, ``O(H^2)`` at most: retention from ``days``
  (a power law never flattens) and the sBG renewal rates of ``observed``
  (``O(H^2 / P)``). Every one of these adds non-negative terms, so it is as exact
  in float64 as the direct sum; forms that subtract (second differences
  with a double running sum, window sums as differences of running sums,
  FFT) lose up to ~1e-12 of the peak over 120 months and were not used.
- Values by month (``model/by_month.py``): a constant value is a ``(1, s)``
  row and a moving one ``(H, s)`` (``(H, 1)`` when no month is a range), so
  every monthly formula is the same expression. Only what a moving value
  touches costs more: a channel whose value moves keeps its own ``(H, s)``
  users and spend (the others are rows times their month masks), and a
  user's worth and LTV read the calendar months of each join month
  (``_moving_per_user``), ``O(H^2)`` matrix products over the sample axis;
  a user's subscriptions are the same in every source group but for its
  index, so they are summed once a chunk (``_moving_subscriptions``).
- Samples that share their users (a what-if of an item) or one user's
  amounts (of a channel, ranges on the channels alone) sum their cohorts as
  one matrix product per series (``cohort_products.py``): the same terms in
  another order, within about 1e-15. Only ``evaluate_batch`` does, on
  several samples without values by month, source groups or gates; with
  ``as_evaluate`` it computes every sample as ``evaluate`` does.
- Memory: the CLI lets glibc keep the chunks' freed arrays for the next
  chunk instead of mapping fresh pages each time (cli/allocator.py). A
  product added to a series is taken a block of rows at a time
  (``running.add_product``, ``sum_product``), so that it is read back from
  the cache, not written out to memory and read in again; the gates'
  decisions multiply a channel's months from each gate's month on
  (``GateRun.stops``), without reading the share they make. The same
  operations on each value, so the same numbers.
- The annual IRR is the costliest figure; ``evaluate(..., irr=False)``
  (``evaluate_figures`` likewise) leaves it out of ``figures`` for callers
  that never read it (break-even and sensitivity searches).

Conventions and decisions where the spec is silent:

- **NaN means "none"** (spec: JSON null): a ratio with a zero denominator,
  a payback that never happens, an IRR without a sign change in the cash
  flows. Nothing is ever inf; callers map NaN to null/"none".
- With ``irr=False`` the key ``"irr"`` is absent from ``figures`` rather
  than NaN: NaN would read as "no IRR", a missing key fails loudly.
- A channel buying with a budget at a unit cost of 0 buys no users (it
  would otherwise buy infinitely many); it still spends its budget. The
  loader rejects this for files; it can arise from clipped samples
  (``model/channels/buying.py``). ``saturation_budget`` only applies in the
  budget form (the spec forbids it otherwise) and is ignored with a volume.
- Months listed outside ``1..horizon`` are ignored (the loader rejects them).
- ``payback_month``, ``paid_payback_month`` and peak cash compare the
  computed sums with 0 exactly (spec 1.2); ``cac_payback_months`` allows a
  relative 1e-9 of one user's amounts (sum of |c(a)| or the cac), so a user
  who earns back the CAC exactly is not reported as "never".
- ``payback_month`` follows the spec literally: a scenario whose cumulative
  cash is 0 throughout (nothing spent, nothing earned) is paid back in
  month 1; so is ``paid_payback_month`` of a plan without ad spend.
- IRR, MIRR, payback and discounting of the cash-flow series: ``cashflow``
  (the IRR's root finding is documented there).
- Discounting uses ``(1 + discount_rate)^(-t/12)``, the same as
  ``(1 + m)^-t`` with ``m = (1 + discount_rate)^(1/12) - 1``; a discount
  rate <= -1 gives NaN for npv and ltv.
- Per-channel attribution (docs/formulas.md §6) follows each source's users
  through the viral chain: ``u_c(s) = paid_c(s) + k u_c(s-1)``, organic
  ``u_o(s) = organic + k u_o(s-1)``. The model is linear in the cohort
  sizes, so a source's revenue and serving are the model run with ``u_c``
  in place of ``N``, and the sources sum exactly to the totals. As for every
  ratio, a source's ``cac`` is NaN only where its users are 0 and its
  ``roas``/``roi`` only where its spend is 0 (organic: cac 0, roas/roi none).
- Channels whose users differ (their own ``retention`` or
  ``conversion_index``, docs/formulas.md §15) are grouped by curve and
  index (``model/sources.py``); with more than one group ``_SourceMix`` sums
  the cohorts per group, the viral users are credited by the running credit
  shares, and ``ltv`` is the user-weighted mean over the groups. A scenario
  with one group runs the single-curve stages unchanged. A group's index
  scales its subscriptions and so the ``serving_per_subscriber`` they cost.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from aigc_roi.model.by_month import is_by_month
from aigc_roi.model.cashflow import irr_shapes
from aigc_roi.model.chunk import _Chunk, _evaluate_chunk
from aigc_roi.model.figure_values import FigureInputs
from aigc_roi.model.figures import FIGURE_NAMES as FIGURE_NAMES
from aigc_roi.model.layout import ORGANIC_NAME as ORGANIC_NAME
from aigc_roi.model.layout import ORGANIC_TYPE as ORGANIC_TYPE
from aigc_roi.model.layout import _Layout
from aigc_roi.model.params import _Params as _Params
from aigc_roi.model.params import _sample_count, chunk_bounds
from aigc_roi.model.plan_payments import _scheduled_plan_cash as _scheduled_plan_cash
from aigc_roi.model.result import MONTH_SERIES as MONTH_SERIES
from aigc_roi.model.result import Result as Result
from aigc_roi.model.scenario import FloatArray, RetentionDays, Scenario
from aigc_roi.model.sources import group_of_sources, groups_like
from aigc_roi.model.tree import leaves, map_arrays

CHUNK_CELLS = 1 << 18
"""Sample-months evaluated at once, at any horizon: a chunk's arrays are 2 MB
each (4,369 samples at 120 months, 10,922 at 24). Measured on the 2-core
EPYC the README's speed table comes from (2 MB of L2 a core, 32 MB of L3
shared), `simulate` of a million samples of the 10-channel plan on its two
forked workers took a median 3.39 s of wall and 5.85 s of CPU at 120 months
against 3.71 s and 6.39 s in chunks of 2^17 (1 MB arrays, chosen on the
build machine before it, where they were the faster), 1.29 s and 1.71 s at
24 months against 1.31 s and 1.83 s; ten million samples streamed in 43 s
against 66 s, at a peak 20 MB higher (docs/speed-history.md). Chunks of 2^19
were no faster."""


LARGEST_BLOCK_CELLS = (32 << 20) // 8
"""Float64 numbers in the largest block glibc keeps for reuse (its largest mmap threshold, cli/allocator.py): a
larger one is mapped afresh and faulted in at every chunk. The channels whose values move by month have their
months stacked in one ``(C, H, s)`` array: 20 such channels over 120 months in chunks of 4,369 samples spent
half the engine's time faulting pages in (937,000 faults per 100,000 samples, none in chunks of 1,700)."""


DAY_FIT_CELLS = 1 << 22
"""Sampled day shares fitted at once: model/fits.py holds about six ``(samples, days)`` arrays of a retention whose
days are drawn, so a chunk holds at most this many sample-days (about 200 MB). Ten years of daily ranged shares (3,653
days) took 800 MB in a chunk of 4,369 samples; a handful of days never reaches the limit."""


def chunk_samples(horizon: int, by_month_channels: int = 0, sampled_days: int = 0) -> int:
    """Samples the engine evaluates at once over ``horizon`` months (``CHUNK_CELLS``), fewer
    where the months of ``by_month_channels`` channels would not fit one block (``LARGEST_BLOCK_CELLS``) or a
    retention of ``sampled_days`` drawn day points would not fit its fit's arrays (``DAY_FIT_CELLS``)."""
    samples = CHUNK_CELLS // horizon
    if by_month_channels:
        samples = min(samples, LARGEST_BLOCK_CELLS // (by_month_channels * horizon))
    if sampled_days:
        samples = min(samples, DAY_FIT_CELLS // sampled_days)
    return max(1, samples)


def chunk_samples_of(scenario: Scenario) -> int:
    """``chunk_samples`` for ``scenario``'s horizon, its channels by month and its drawn day points: the chunk the
    engine evaluates it in."""
    return chunk_samples(int(scenario.horizon_months), by_month_channels(scenario), sampled_day_points(scenario))


def sampled_day_points(scenario: Scenario) -> int:
    """The most day points of one day-level retention (the plan's or a channel's) with a drawn share: each sample
    fits all of its points (model/fits.py)."""
    retentions = [scenario.retention, *(channel.retention for channel in scenario.acquisition)]
    return max((len(retention.days) for retention in retentions
                if isinstance(retention, RetentionDays) and any(True for _ in leaves(retention))), default=0)


def by_month_channels(scenario: Scenario) -> int:
    """The channels with a value written by month: each one's months are a ``(H, s)`` slice of one stacked array."""
    return sum(1 for channel in scenario.acquisition
               if any(is_by_month(getattr(channel, field.name)) for field in dataclasses.fields(channel)))


def evaluate(scenario: Scenario, *, irr: bool = True) -> Result:
    """Run the model of docs/formulas.md §4 on a realized scenario.

    ``irr=False`` skips the annual IRR (the key is then absent from
    ``figures``). Raises ``TypeError`` if a ``Distribution`` is still present
    (call ``sampling.realize`` first) and ``ValueError`` for a malformed
    scenario (horizon < 1, arrays of different lengths, bad retention
    ages, a plan period < 1, a channel without budget or volume).
    """
    layout = _Layout.of(scenario)
    chunks = [chunk for _, _, chunk in _chunks(scenario, layout, irr)]

    def joined(section: str, name: str) -> FloatArray:
        return _join([getattr(chunk, section)[name] for chunk in chunks]).T

    return Result(
        months=_JoinedSeries([chunk.months for chunk in chunks]),
        figures={name: _join([chunk.figures[name] for chunk in chunks]) for name in chunks[0].figures},
        channel_names=layout.source_names,
        channel_types=layout.source_types,
        channel_months=layout.source_months,
        channel_users_per_month=joined("by_source", "users"),
        channel_spend_per_month=joined("by_source", "spend"),
        retention=joined("by_age", "retention"),
        contribution_by_age=joined("by_age", "contribution"),
        gross_by_age=joined("by_age", "gross"),
        virality=_join([chunk.by_sample["virality"] for chunk in chunks]),
        channel_unit_cost=joined("by_source", "unit_cost"),
        channel_ltv=joined("by_source", "ltv"),
        source_groups=group_of_sources(groups_like(scenario, layout.group_channels), len(layout.source_names))
        if len(layout.group_channels) > 1 else (),
        group_series={name: np.moveaxis(_join([np.stack(chunk.by_group[name]) for chunk in chunks]), -1, 1)
                      for name in chunks[0].by_group},
        **_joined_gates(chunks),
        stored_worth=(joined("by_age", "gross_worth"), joined("by_age", "contribution_worth"))
        if "gross_worth" in chunks[0].by_age else None,
        moving_sources=chunks[0].moving_sources,
        moving_by_month=_joined_source_months(chunks),
        channel_unit_cost_moves=tuple(is_by_month(getattr(ch, ch.unit_cost)) for ch in scenario.acquisition),
        moving_cohorts=chunks[0].cohorts if len(chunks) == 1 else None,
    )


def _joined_source_months(chunks: list[_Chunk]) -> tuple[FloatArray, FloatArray] | None:
    """``(S, M, H)`` users and spend by month of the sources whose values move, when there are any."""
    if not chunks[0].by_source_month:
        return None
    return tuple(np.moveaxis(_join([chunk.by_source_month[name] for chunk in chunks]), -1, 0)  # type: ignore[return-value]
                 for name in ("users", "spend"))


def _joined_gates(chunks: list[_Chunk]) -> dict[str, Any]:
    """The gates' fields of ``Result``, sample axis first; none without gates."""
    runs = [chunk.gates for chunk in chunks if chunk.gates is not None]
    activity = [chunk.activity for chunk in chunks if chunk.activity is not None]
    if not runs or not activity:
        return {}
    return {
        "channel_activity": np.ascontiguousarray(_join(activity).transpose(2, 0, 1)),
        "gate_roas": _join([run.roas for run in runs]).T,
        "gate_cac": _join([run.cac for run in runs]).T,
        "gate_passed": _join([run.passed.astype(np.float64) for run in runs]).T,
    }


def _join(parts: list[FloatArray]) -> FloatArray:
    """The chunks' arrays as one, samples last; the array itself when there is one chunk."""
    return parts[0] if len(parts) == 1 else np.concatenate(parts, axis=-1)


class _JoinedSeries(Mapping[str, FloatArray]):
    """The monthly series of every chunk, each joined into ``(S, H)`` the first time it is read.

    Joining copies every sample-month; a Monte Carlo caller that reads two
    series of sixteen pays for those two only.
    """

    def __init__(self, chunks: list[dict[str, FloatArray]]) -> None:
        self._chunks = chunks
        self._names = tuple(chunks[0])
        self._joined: dict[str, FloatArray] = {}
        self._read_only = False

    def read_only(self) -> None:
        """Each series read-only, those joined and each as it is joined (model/read_only.py): a Result the library
        hands back."""
        self._read_only = True
        for joined in list(self._joined.values()):
            joined.flags.writeable = False

    def __getitem__(self, name: str) -> FloatArray:
        joined = self._joined.get(name)
        if joined is not None:
            return joined
        # Safe to read from several threads without a lock (which would not pickle): the chunks' copies are read,
        # the join stored, and only then are the copies dropped (memory stays one copy of each series); a thread that
        # finds them dropped reads the join another stored first. Two threads may both join a series, never fail.
        try:
            parts = [chunk[name] for chunk in self._chunks]
        except KeyError:
            return self._joined[name]
        joined = self._joined.setdefault(name, _join(parts).T)
        for chunk in self._chunks:
            chunk.pop(name, None)
        if self._read_only:
            joined.flags.writeable = False
        return joined

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def __repr__(self) -> str:
        # A notebook shows the series' names, not an address; each is joined only when read.
        return f"{{{', '.join(repr(name) for name in self._names)}: (samples, months) arrays}}"


def evaluate_figures(scenario: Scenario, *, irr: bool = True) -> dict[str, FloatArray]:
    """``evaluate(scenario, irr=irr).figures`` without keeping any monthly series.

    Working memory is one chunk (``chunk_samples``) plus the ``(S,)`` figures, so
    a million samples over 120 months fits in a few hundred MB.
    """
    return evaluate_batch(scenario, irr=irr).figures


@dataclass(frozen=True)
class FigureBatch:
    """What a Monte Carlo caller reads of an evaluation (``evaluate_batch``); ``S`` samples, ``H`` months."""

    figures: dict[str, FloatArray]
    """``(S,)`` each, as ``Result.figures``."""
    gate_passed: FloatArray | None
    """``(S, G)`` as ``Result.gate_passed``; None without gates."""
    cumulative_cash: FloatArray | None
    """``(S, H)`` when asked for, else None."""
    inputs: FigureInputs | None = None
    """What the figures were computed from, when asked for (model/figure_values.py)."""
    irr_borrowing: NDArray[np.bool_] | None = None
    """``(S,)`` whether each sample's IRR is a borrowing rate (model/cashflow.py ``irr_borrowing``); None without
    ``irr``."""
    irr_sign_changes: NDArray[np.int64] | None = None
    """``(S,)`` how often each sample's net cash changes sign (model/cashflow.py ``sign_changes``: 0, 1, or 2 for
    more), which says why its IRR is none; None without ``irr``."""


def evaluate_batch(scenario: Scenario, *, irr: bool = True, cumulative_cash: bool = False,
                   inputs: bool = False, samples: int | None = None, as_evaluate: bool = False) -> FigureBatch:
    """The figures (and gate passes, and with ``cumulative_cash`` that series, with ``inputs`` what the figures are
    computed from) of ``evaluate``, computing none of the series no figure reads (subscribers, the accrual view) and
    keeping none of the others. ``samples``: the length of the scenario's sample arrays, where the caller knows it
    (else they are counted); an array of another length fails as a shape that does not broadcast.

    Samples that share their users, or one user's amounts (a what-if of the items, or of the channels), sum their
    cohorts as matrix products (model/cohort_products.py): the same figures to about 1e-15, not to the last bit.
    ``as_evaluate`` computes each sample as ``evaluate`` does, to the last bit, for a caller that decides which side
    of a threshold a value is on (whatif/breakeven_search.py)."""
    layout = _Layout.of(scenario, samples)
    figures: dict[str, FloatArray] = {}
    parts: list[FigureInputs] = []
    passed = np.empty((layout.samples, len(scenario.gates))) if scenario.gates else None
    cash = np.empty((layout.samples, layout.horizon)) if cumulative_cash else None
    borrowing = np.empty(layout.samples, dtype=bool) if irr else None
    changes = np.empty(layout.samples, dtype=np.int64) if irr else None
    for start, stop, chunk in _chunks(scenario, layout, irr, series=False, share=not as_evaluate):
        if stop - start == layout.samples:
            figures = chunk.figures
        else:
            for name, values in chunk.figures.items():
                figures.setdefault(name, np.empty(layout.samples))[start:stop] = values
        if passed is not None and chunk.gates is not None:
            passed[start:stop] = chunk.gates.passed.T
        if cash is not None:
            cash[start:stop] = chunk.months["cumulative_cash"].T
        if borrowing is not None and changes is not None:
            changes[start:stop], borrowing[start:stop] = irr_shapes(chunk.months["net_cash"])
        if inputs and chunk.inputs is not None:
            parts.append(chunk.inputs)
    return FigureBatch(figures, passed, cash, FigureInputs.joined(parts) if parts else None, borrowing, changes)


def take_samples(scenario: Scenario, start: int, stop: int, samples: int | None = None) -> Scenario:
    """A realized scenario with samples ``start..stop-1`` of every sample array.

    Arrays of length 1 and plain floats hold for every sample and are kept
    as they are, so a scenario without sample arrays comes back unchanged.
    Raises ``ValueError`` unless ``0 <= start < stop <= S``. ``samples``: S, where the caller knows it.
    """
    samples = _sample_count(scenario) if samples is None else samples
    if samples == 1:
        return scenario
    if not 0 <= start < stop <= samples:
        raise ValueError(f"need 0 <= start < stop <= {samples}, got {start}..{stop}")
    taken = map_arrays(scenario, lambda array: array[start:stop] if array.ndim == 1 and array.shape[0] == samples else array)
    assert isinstance(taken, Scenario)
    return taken


def _chunks(scenario: Scenario, layout: _Layout, irr: bool, series: bool = True,
            share: bool = False) -> Iterator[tuple[int, int, _Chunk]]:
    # A run is one chunk whatever its channels: their fields are not walked for it.
    for start, stop in chunk_bounds(layout.samples, chunk_samples_of(scenario) if layout.samples > 1 else 1):
        part = scenario if stop - start == layout.samples else take_samples(scenario, start, stop, layout.samples)
        # A share, a decay or a discount too small for a float is 0, as numpy's default has it, whatever error state
        # a library caller set (np.seterr(all="raise") raised FloatingPointError from a channel's exp): left outside
        # the yield, so the caller's own state holds between chunks.
        with np.errstate(under="ignore"):
            chunk = _evaluate_chunk(part, layout, stop - start, irr, series, share)
        yield start, stop, chunk
