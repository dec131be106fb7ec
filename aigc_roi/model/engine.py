"""The cohort model of docs/formulas.md §4 and the figures of §5.

Pure: numpy, the standard library and ``aigc_roi.model.scenario`` only; no I/O.

``evaluate(scenario)`` takes a *realized* scenario (``sampling.realize``):
every numeric value is a float or a float64 array of shape ``(S,)``, all
arrays sharing one ``S``. One evaluation serves a deterministic run
(``S = 1``), a Monte Carlo batch or a batch of break-even candidates, with
no Python loop over samples. Every array of the ``Result`` has a leading
sample axis.

How it runs (none of this changes a number beyond float rounding):

- Stages: ``_acquisition``, ``_new_users``, ``_retention_by_age`` and
  ``_active_users``, ``_revenue``, ``_costs``, ``_figures``; the attribution
  (``Result.channel_*``) is computed the first time it is read. A plan with
  gates (model/gates.py) has them decided between ``_acquisition`` and
  ``_new_users``, per sample: what a test reads (months 1..after_month)
  does not depend on anything after it, so the gated plan is then run once
  (``_SourceMix`` included: its groups sum the gated purchases).
- Samples are evaluated ``CHUNK_CELLS // H`` at a time, so the working
  memory of a call is bounded whatever ``S``. ``evaluate`` keeps every
  monthly series (about 120 bytes per sample-month; each is joined from
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
  touches costs more: channels keep ``(C, H, s)`` users and spend when one
  of their values moves, and a user's worth and LTV read the calendar
  months of each join month (``_moving_per_user``), ``O(H^2)`` matrix
  products over the sample axis.
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
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

import numpy as np

from aigc_roi.model.accrual import accrual_series
from aigc_roi.model.by_month import (
    Terms,
    as_terms,
    cohort_matrix,
    is_by_month,
    join_weights,
    monthly,
    moves,
    offset_mean,
    per_user_values,
    scaled_terms,
    times,
    total,
    worth_by_join,
)
from aigc_roi.model.cashflow import (
    annual_irr,
    annual_mirr,
    cac_payback_months,
    discount_factors,
    first_payback_month,
    irr_none_reason,
    payback_month,
    peak_cash,
)
from aigc_roi.model.cohorts import cohort_contribution, grouped_cohort_contribution
from aigc_roi.model.curves import days_retention, plan_renewal_count, renewal_survival
from aigc_roi.model.figures import FIGURE_NAMES
from aigc_roi.model.gates import GateRun, run_gates
from aigc_roi.model.paid import max_unit_cost, paid_totals_by_worth
from aigc_roi.model.revenue import conversion_by_age, order_delivery, order_revenue, plan_cash_by_age, plan_payments_by_age
from aigc_roi.model.running import running_sum
from aigc_roi.model.scenario import (
    ByMonth,
    Channel,
    Costs,
    Distribution,
    FloatArray,
    Monetization,
    Months,
    Moving,
    Plan,
    RenewalObserved,
    Retention,
    RetentionChurn,
    RetentionDays,
    RetentionPoints,
    Scenario,
    Value,
)
from aigc_roi.model.sources import (
    SourceGroup,
    active_on_one_curve,
    bought_by_group,
    conversion_indices,
    credit_per_user,
    gated_by_group,
    group_of_sources,
    groups_like,
    joined_by_group,
    source_groups,
    weighted_lifetime,
)
from aigc_roi.model.subscribers import in_force
from aigc_roi.model.tree import leaves, map_arrays

MONTH_SERIES: tuple[str, ...] = (
    "new_users",
    "active_users",
    "subscribers",
    "paid_users",
    "gross_revenue",
    "net_revenue",
    "ad_spend",
    "serving_cost",
    "delivery_cost",
    "referral_cost",
    "fixed_cost",
    "contribution",
    "net_cash",
    "cumulative_cash",
    "recognised_revenue",
    "deferred_revenue",
)
"""Keys of ``Result.months``; each an ``(S, H)`` array."""


ORGANIC_NAME = "Organic"
ORGANIC_TYPE = "organic"

CHUNK_CELLS = 1 << 18
"""Sample-months evaluated at once. A chunk's arrays are 2 MB each and its
working set about 25 of them, near the size of a server's last-level cache:
the engine's passes over memory, not its arithmetic, set its speed, and
with chunks of 2^20 cells it ran 1.1x (120 months) to 1.5x (24 months) slower.
At 120 months each per-month vector operation still runs over 2,184 samples,
so Python overhead (about 3 ms a chunk) stays small."""


@dataclass(frozen=True)
class Result:
    """Everything ``evaluate`` computes. ``S`` samples, ``H`` months,
    ``C'`` sources (the channels, plus "Organic" when there are organic users)."""

    months: Mapping[str, FloatArray]
    """Monthly series, ``(S, H)`` each, keyed by ``MONTH_SERIES`` (joined from the chunks when first read)."""
    figures: dict[str, FloatArray]
    """Section-4 figures, ``(S,)`` each, keyed by ``FIGURE_NAMES`` in order (without
    ``irr`` when evaluated with ``irr=False``); NaN = none."""
    channel_names: tuple[str, ...]
    channel_types: tuple[str, ...]
    """Each channel's ``type:`` word (model/channels/), or ``organic`` for the organic source."""
    channel_months: tuple[tuple[int, ...], ...]
    """Per source, the (1-based) months in which it runs."""
    channel_users_per_month: FloatArray
    """``(S, C')`` users a source buys in each month it runs (organic: organic users); the mean over
    those months when a value moves by month."""
    channel_spend_per_month: FloatArray
    """``(S, C')`` spend of a source in each month it runs; likewise."""
    retention: FloatArray
    """``(S, H)`` share of a cohort active at age ``a = 0..H-1``."""
    contribution_by_age: FloatArray
    """``(S, H)`` c(a): contribution of one new user at age ``a = 0..H-1`` (undiscounted); when values move by
    month, the mean over every new user of the horizon (docs/formulas.md §14)."""
    gross_by_age: FloatArray = field(repr=False)
    """``(S, H)`` gross revenue of one new user at age ``a``."""
    virality: FloatArray = field(repr=False)
    """``(S,)`` k of the viral chain; input of the attribution."""
    channel_unit_cost: FloatArray = field(repr=False)
    """``(S, C')`` the unit cost of each channel (its type's ``unit_cost`` field); NaN for organic and where it moves by month."""
    channel_ltv: FloatArray = field(repr=False)
    """``(S, C')`` ltv of one user the source bought (its own curve and index; credited viral users
    excluded); NaN where it bought none."""
    source_groups: tuple[int, ...] = ()
    """Group (model/sources.py) of each source; empty when every source shares one curve and index."""
    group_series: Mapping[str, FloatArray] = field(default_factory=dict, repr=False)
    """``(G, S, H)`` per group: ``gross`` and ``contribution`` of one user by age, ``new_users`` by month,
    ``retention`` R_g by age."""
    channel_activity: FloatArray | None = field(default=None, repr=False)
    """``(S, C', H)`` share of a source's plan bought in each month after the gates (its month mask, 0
    after a failed gate); None without gates, when every sample buys in the months of ``channel_months``."""
    gate_roas: FloatArray | None = None
    """``(S, G)`` each gate's (in file order) test ROAS over months 1..after_month (docs/formulas.md §18);
    NaN = none."""
    gate_cac: FloatArray | None = None
    """``(S, G)`` each gate's test CAC over those months; NaN = none."""
    gate_passed: FloatArray | None = None
    """``(S, G)`` 1.0 where the gate passed, 0.0 where it failed."""
    stored_worth: tuple[FloatArray, FloatArray] | None = field(repr=False, default=None)
    """``(S, H)`` each, where ``worth`` cannot be read off the values by age (values by month, referral rewards)."""
    moving_sources: tuple[int, ...] = ()
    """The sources whose users or spend move by month (a value written by month)."""
    moving_by_month: tuple[FloatArray, FloatArray] | None = field(repr=False, default=None)
    """``(S, M, H)`` users and spend by month of the ``moving_sources``, in that order."""
    channel_unit_cost_moves: tuple[bool, ...] = ()
    """Per source, whether its unit cost is written by month."""
    moving_cohorts: FloatArray | None = field(repr=False, default=None)
    """``(1, H, H)`` the cohort table of a one-sample run whose values move by month (``cohort_table``)."""

    @property
    def worth(self) -> tuple[FloatArray, FloatArray]:
        """``(S, H)`` each: gross revenue and contribution of one user joining in month s over the rest of the
        horizon (the contribution less the referral rewards of the viral users it brings); input of the attribution."""
        if self.stored_worth is not None:
            return self.stored_worth
        return (running_sum(self.gross_by_age, axis=1)[:, ::-1], running_sum(self.contribution_by_age, axis=1)[:, ::-1])

    def cohort_table(self, sample: int = 0) -> FloatArray:
        """``(H, H)`` row s (the cohort of month s + 1), column t: the cohort's contribution in month t + 1,
        its viral users' referral rewards included; NaN before it joins (model/cohorts.py)."""
        if self.moving_cohorts is not None:
            table = np.array(self.moving_cohorts[sample])
        elif self.source_groups:
            groups = self.group_series
            table = grouped_cohort_contribution(groups["new_users"][:, sample], groups["contribution"][:, sample])
        else:
            table = cohort_contribution(self.months["new_users"][sample], self.contribution_by_age[sample])
        diagonal = np.arange(self.horizon)
        table[diagonal, diagonal] -= self.months["referral_cost"][sample]
        return table

    @cached_property
    def channel_max_unit_cost_factor(self) -> FloatArray:
        """``(S, C')`` where a unit cost moves by month, the factor on every month's unit cost at which the
        source's own roi is 0: max(0, 1 + roi) (docs/formulas.md §14); NaN elsewhere."""
        moving = np.array(self.channel_unit_cost_moves + (False,) * (len(self.channel_names) - len(self.channel_unit_cost_moves)))
        with np.errstate(invalid="ignore"):
            return np.where(moving & ~np.isnan(self.channel_roi), np.maximum(0.0, 1.0 + self.channel_roi), np.nan)

    @cached_property
    def channel_ltv_to_cac(self) -> FloatArray:
        """``(S, C')`` the source's own ltv / its cac; NaN where either is."""
        return _ratio(self.channel_ltv, self.channel_cac)

    @cached_property
    def irr_none_reason(self) -> list[str | None]:
        """Per sample, why ``irr`` is none (``cashflow.IRR_NONE_REASONS``), None where it exists."""
        return irr_none_reason(self.months["net_cash"].T)

    @cached_property
    def channel_max_unit_cost(self) -> FloatArray:
        """``(S, C')`` unit cost at which the source's own roi is 0 (docs/formulas.md §6); NaN where roi is."""
        return max_unit_cost(self.channel_unit_cost, self.channel_roi)

    @cached_property
    def channel_spend(self) -> FloatArray:
        """``(S, C')`` spend over the horizon."""
        return self._totals(self.channel_spend_per_month, 1)

    @cached_property
    def channel_users(self) -> FloatArray:
        """``(S, C')`` users the source bought (organic: organic users), viral users excluded."""
        return self._totals(self.channel_users_per_month, 0)

    def _totals(self, per_month: FloatArray, which: int) -> FloatArray:
        if self.channel_activity is not None:
            totals = (per_month[:, :, None] * self.channel_activity).sum(axis=2)
        else:
            totals = per_month * self._active_months
        if self.moving_by_month is not None:
            totals[:, list(self.moving_sources)] = self.moving_by_month[which].sum(axis=-1)
        return totals

    @cached_property
    def channel_cac(self) -> FloatArray:
        """``(S, C')`` spend / users; NaN where either is 0."""
        return _ratio(self.channel_spend, self.channel_users)

    @cached_property
    def channel_roas(self) -> FloatArray:
        """``(S, C')`` attributed gross revenue / spend; NaN where spend is 0."""
        return _ratio(self.channel_gross_revenue, self.channel_spend)

    @cached_property
    def channel_roi(self) -> FloatArray:
        """``(S, C')`` (attributed contribution - spend) / spend; NaN where spend is 0."""
        return _ratio(self.channel_contribution - self.channel_spend, self.channel_spend)

    @property
    def channel_gross_revenue(self) -> FloatArray:
        """``(S, C')`` gross revenue attributed by users; sums over sources to the total."""
        return self._attributed[0]

    @property
    def channel_contribution(self) -> FloatArray:
        """``(S, C')`` contribution attributed by users; sums over sources to the total."""
        return self._attributed[1]

    @cached_property
    def _attributed(self) -> tuple[FloatArray, FloatArray]:
        if self.source_groups:
            return self._attributed_by_group()
        gross_worth, contribution_worth = self.worth
        credit = _credit_by_join(gross_worth.T, contribution_worth.T, self.virality)
        per_unit = _credited(self._activity(), credit)
        users = self.channel_users_per_month.T
        gross, contribution = (users * per_unit[:, 0, :]).T, (users * per_unit[:, 1, :]).T
        if self.moving_by_month is not None:
            # Sources that buy different numbers each month: each month's users times that month's credit.
            moving = self.moving_by_month[0]
            gross[:, list(self.moving_sources)] = np.einsum("smh,hs->sm", moving, credit[:, 0, :])
            contribution[:, list(self.moving_sources)] = np.einsum("smh,hs->sm", moving, credit[:, 1, :])
        return gross, contribution

    def _attributed_by_group(self) -> tuple[FloatArray, FloatArray]:
        """Each source's own users' gross and contribution plus its running credit share of the viral users'."""
        per_user = [np.stack([gross.T, contribution.T], axis=1)
                    for gross, contribution in zip(self.group_series["gross"], self.group_series["contribution"], strict=True)]
        credits = credit_per_user(per_user, self.virality)
        activity = self._activity()
        attributed = np.empty((len(self.source_groups), 2, self.samples))
        for source, group in enumerate(self.source_groups):
            attributed[source] = _credited(activity[:, source:source + 1, :], credits[group])[0]
        attributed *= self.channel_users_per_month.T[:, None, :]
        return attributed[:, 0, :].T, attributed[:, 1, :].T

    @property
    def channel_monthly_users(self) -> FloatArray:
        """``(S, C', H)`` users bought per month (built on demand: it can be large)."""
        return self._by_month(self.channel_users_per_month, 0)

    @property
    def channel_monthly_spend(self) -> FloatArray:
        """``(S, C', H)`` spend per month (built on demand: it can be large)."""
        return self._by_month(self.channel_spend_per_month, 1)

    def _by_month(self, per_month: FloatArray, which: int) -> FloatArray:
        monthly = per_month[:, :, None] * self._activity()
        if self.moving_by_month is not None:
            monthly[:, list(self.moving_sources)] = self.moving_by_month[which]
        return monthly

    @property
    def _active_months(self) -> FloatArray:
        return np.array([float(len(months)) for months in self.channel_months])

    def _activity(self) -> FloatArray:
        """``(S, C', H)`` after the gates, or ``(1, C', H)`` the month masks when there are none."""
        return self._month_mask()[None, :, :] if self.channel_activity is None else self.channel_activity

    def _month_mask(self) -> FloatArray:
        mask = np.zeros((len(self.channel_months), self.horizon))
        for source, months in enumerate(self.channel_months):
            mask[source, np.asarray(months, dtype=np.intp) - 1] = 1.0
        return mask

    @property
    def samples(self) -> int:
        return int(self.retention.shape[0])

    @property
    def horizon(self) -> int:
        return int(self.retention.shape[1])


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
    masks = layout.source_masks

    def joined(section: str, name: str) -> FloatArray:
        return _join([getattr(chunk, section)[name] for chunk in chunks]).T

    return Result(
        months=_JoinedSeries([chunk.months for chunk in chunks]),
        figures={name: _join([chunk.figures[name] for chunk in chunks]) for name in chunks[0].figures},
        channel_names=layout.source_names,
        channel_types=layout.source_types,
        channel_months=tuple(tuple(int(t) + 1 for t in np.flatnonzero(row)) for row in masks),
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

    def __getitem__(self, name: str) -> FloatArray:
        if name not in self._joined:
            # The chunks' copies are dropped once joined: memory stays one copy of each series.
            self._joined[name] = _join([chunk.pop(name) for chunk in self._chunks]).T
        return self._joined[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


def evaluate_figures(scenario: Scenario, *, irr: bool = True) -> dict[str, FloatArray]:
    """``evaluate(scenario, irr=irr).figures`` without keeping any monthly series.

    Working memory is one chunk (``CHUNK_CELLS``) plus the ``(S,)`` figures, so
    a million samples over 120 months fits in a few hundred MB.
    """
    layout = _Layout.of(scenario)
    figures: dict[str, FloatArray] = {}
    for start, stop, chunk in _chunks(scenario, layout, irr):
        if stop - start == layout.samples:
            return chunk.figures
        for name, values in chunk.figures.items():
            figures.setdefault(name, np.empty(layout.samples))[start:stop] = values
    return figures


def take_samples(scenario: Scenario, start: int, stop: int) -> Scenario:
    """A realized scenario with samples ``start..stop-1`` of every sample array.

    Arrays of length 1 and plain floats hold for every sample and are kept
    as they are, so a scenario without sample arrays comes back unchanged.
    Raises ``ValueError`` unless ``0 <= start < stop <= S``.
    """
    samples = _sample_count(scenario)
    if samples == 1:
        return scenario
    if not 0 <= start < stop <= samples:
        raise ValueError(f"need 0 <= start < stop <= {samples}, got {start}..{stop}")
    taken = map_arrays(scenario, lambda array: array[start:stop] if array.ndim == 1 and array.shape[0] == samples else array)
    assert isinstance(taken, Scenario)
    return taken


# --- layout and chunks ------------------------------------------------------


@dataclass(frozen=True)
class _Layout:
    """What every chunk shares: sizes, and the sources of the attribution."""

    horizon: int
    samples: int
    source_names: tuple[str, ...]
    source_types: tuple[str, ...]
    source_masks: FloatArray
    """``(C', H)`` 1 in the months a source runs."""
    organic: bool
    """Whether "Organic" is a source: some sample has organic users."""
    group_channels: tuple[tuple[int, ...], ...]
    """Channel positions of each source group (model/sources.py), grouped once over all samples."""

    @classmethod
    def of(cls, scenario: Scenario) -> _Layout:
        horizon = int(scenario.horizon_months)
        if horizon < 1:
            raise ValueError(f"horizon_months must be >= 1, got {horizon}")
        samples = _sample_count(scenario)
        channels = scenario.acquisition
        names = tuple(ch.name for ch in channels)
        types: tuple[str, ...] = tuple(ch.type for ch in channels)
        masks = np.array([_month_mask(ch.months, horizon) for ch in channels]).reshape(len(channels), horizon)
        organic = bool(np.any(_Params(samples, horizon).monthly(scenario.organic_users) != 0))
        if organic:
            names += (ORGANIC_NAME,)
            types += (ORGANIC_TYPE,)
            masks = np.concatenate([masks, np.ones((1, horizon))], axis=0)
        return cls(horizon, samples, names, types, masks, organic, tuple(group.channels for group in source_groups(scenario)))

    def chunk_size(self) -> int:
        return max(1, CHUNK_CELLS // self.horizon)


@dataclass(frozen=True)
class _Chunk:
    """The arrays of samples ``s`` of one evaluation, sample axis last."""

    months: dict[str, FloatArray]
    """``(H, s)`` by ``MONTH_SERIES``."""
    figures: dict[str, FloatArray]
    """``(s,)`` by ``FIGURE_NAMES``."""
    by_age: dict[str, FloatArray]
    """``(H, s)``: retention, gross and contribution of one user by age."""
    by_source: dict[str, FloatArray]
    """``(C', s)``: users and spend per active month."""
    by_sample: dict[str, FloatArray]
    """``(s,)``: virality."""
    by_group: dict[str, list[FloatArray]]
    """``(H, s)`` per source group (model/sources.py): gross, contribution, retention by age and new users;
    empty when every source shares the scenario's curve and index."""
    gates: GateRun | None = None
    activity: FloatArray | None = None
    """``(C', H, s)`` share of each source's plan bought per month after the gates; None without gates."""
    cohorts: FloatArray | None = None
    """``(1, H, H)`` the cohort table when values move by month and the chunk is one sample."""
    moving_sources: tuple[int, ...] = ()
    """The sources whose users or spend move by month."""
    by_source_month: dict[str, FloatArray] = field(default_factory=dict)
    """``(M, H, s)`` users and spend by month of the ``moving_sources``."""


def _chunks(scenario: Scenario, layout: _Layout, irr: bool) -> Iterator[tuple[int, int, _Chunk]]:
    step = layout.chunk_size()
    for start in range(0, layout.samples, step):
        stop = min(start + step, layout.samples)
        part = scenario if stop - start == layout.samples else take_samples(scenario, start, stop)
        yield start, stop, _evaluate_chunk(part, layout, stop - start, irr)


def _evaluate_chunk(scenario: Scenario, layout: _Layout, samples: int, irr: bool) -> _Chunk:
    H = layout.horizon
    p = _Params(samples, H)
    acquired = _acquisition(scenario.acquisition, layout, p)
    bought_users, paid_users, ad_spend = acquired.bought_users, acquired.paid_users, acquired.ad_spend
    unit_users, unit_spend = acquired.unit_users, acquired.unit_spend
    virality = np.array(p(scenario.virality))
    organic = p.monthly(scenario.organic_users)
    retention = _retention_by_age(scenario.retention, H, p)
    groups = groups_like(scenario, layout.group_channels)
    _refuse_uncomposed(scenario, len(groups) > 1)
    curves = [retention] + [_retention_by_age(group.retention, H, p) for group in groups[1:]]
    indices = conversion_indices(groups, scenario.monetization, p)
    gates = activity = None
    if scenario.gates:
        gates, bought_users, paid_users, ad_spend, activity = _gated_plan(scenario, layout, groups, curves, indices, unit_users,
                                                                          unit_spend, virality, p)
    new_users = _new_users(bought_users, organic, virality)
    # With source groups nothing moves by month (_refuse_uncomposed): organic is one row.
    mix = None if len(groups) == 1 else _SourceMix.of(groups, curves, indices, scenario, layout, p, unit_users, activity,
                                                      organic[0], new_users, virality)
    if mix is None:
        active = purchasers = _active_users(new_users, scenario.retention, retention, p)
        revenue = _revenue(scenario.monetization, new_users, active, retention, p)
    else:
        active, purchasers = mix.active, mix.indexed_active
        revenue = _revenue(scenario.monetization, mix.indexed_new_users, mix.indexed_active, retention, p)
    serving, fixed, serving_by_age, subscriber_serving_by_age = _costs(scenario.costs, active, revenue, retention, H, p)
    delivery_per_active = _delivery_per_active(scenario.monetization, p)
    # A group's conversion index scales its purchases, so the deliveries they cost with them.
    delivery = _delivery(scenario.monetization, purchasers, delivery_per_active, p)
    viral_share, referral = _referral(scenario.referral_reward, new_users, virality, p)
    # Recognised/deferred revenue: the accrual view of the subscription cash (model/accrual.py).
    recognised, deferred = (series.T for series in accrual_series(
        revenue.gross.T, {period: cash.T for period, cash in revenue.subscriptions_by_period.items()}))

    contribution = revenue.net - serving
    for cost in (delivery, referral):
        if cost is not None:
            contribution -= cost
    net_cash = contribution - ad_spend - fixed
    months = {
        "new_users": new_users,
        "active_users": active,
        "subscribers": revenue.subscribers,
        "paid_users": paid_users,
        "gross_revenue": revenue.gross,
        "net_revenue": revenue.net,
        "ad_spend": ad_spend,
        "serving_cost": serving,
        "delivery_cost": np.zeros_like(new_users) if delivery is None else delivery,
        "referral_cost": np.zeros_like(new_users) if referral is None else referral,
        "fixed_cost": fixed,
        "contribution": contribution,
        "net_cash": net_cash,
        "cumulative_cash": running_sum(net_cash),
        "recognised_revenue": recognised,
        "deferred_revenue": deferred,
    }
    assert tuple(months) == MONTH_SERIES
    lifetime = int(scenario.ltv_lifetime)
    if _per_user_values_move(scenario):
        per_user = _moving_per_user(scenario, new_users, retention, p)
    else:
        contribution_by_age = revenue.net_by_age - serving_by_age
        if delivery_per_active is not None:
            contribution_by_age = contribution_by_age - retention * delivery_per_active
        per_user = _PerUser(revenue.gross_by_age, contribution_by_age,
                            _lifetime_contribution(scenario, contribution_by_age, lifetime, p, delivery_per_active),
                            running_sum(revenue.gross_by_age)[::-1], running_sum(contribution_by_age)[::-1])
    contribution_by_age = per_user.contribution_by_age
    lifetime_contribution = per_user.lifetime_contribution
    contribution_worth = per_user.contribution_worth
    reward = p(scenario.referral_reward)
    if referral is not None:
        # A user joining in s brings k viral users in s + 1, each paid its reward (attribution's credit chain).
        contribution_worth = np.array(contribution_worth)
        contribution_worth[:-1] -= virality * reward
    discount_rate = _once_if_shared(p(scenario.discount_rate))
    lifetime_discount = discount_factors(discount_rate, lifetime)
    # Paid means spending (docs/formulas.md §2): only the spending channels' users feed the paid figures.
    every_channel_paid = bool((unit_spend > 0).all())
    by_group: dict[str, list[FloatArray]] = {}
    if mix is None:
        # One series at a time: stacking the two would copy both.
        paid = np.stack([paid_totals_by_worth(months["paid_users"].T, worth.T, virality)
                         for worth in (per_user.gross_worth, contribution_worth)], axis=1)
        # A channel's own users bring no reward of their own: the ltv of its users is before the rewards.
        group_ltv = [(lifetime_contribution * lifetime_discount).sum(axis=0)]
        paid_by_group = [months["paid_users"]]
    else:
        by_group = mix.by_age(revenue, p(scenario.costs.serving_per_active_user), subscriber_serving_by_age,
                              contribution_by_age, delivery_per_active)
        by_group["new_users"] = mix.new_users
        by_group["retention"] = mix.retention
        spending_users = np.where(unit_spend > 0, unit_users, 0.0)
        paid_by_group = (mix.bought if every_channel_paid
                         else bought_by_group(groups, spending_users, layout.source_masks[: len(scenario.acquisition)].T, H)
                         if activity is None else gated_by_group(groups, spending_users, activity))
        # One series at a time, as above: (s, 2) of the paid channels' gross revenue and contribution.
        paid = np.stack([sum((bought * credit).sum(axis=0) for bought, credit in
                             zip(paid_by_group, credit_per_user(by_group[name], virality), strict=True))
                         for name in ("gross", "contribution")], axis=1)
        lifetimes = [_lifetime_contribution(scenario, own, lifetime, p, delivery_per_active, group.retention, index)
                     for group, index, own in zip(groups, mix.indices, by_group["contribution"], strict=True)]
        group_ltv = [(own * lifetime_discount).sum(axis=0) for own in lifetimes]
        lifetime_contribution = weighted_lifetime(lifetimes, mix.new_users)
    if referral is not None:
        # c(0) of a viral user carries its reward: the user-weighted mean carries the viral users' share of it.
        lifetime_contribution = np.array(lifetime_contribution)
        lifetime_contribution[0] -= viral_share * reward
    every_user_paid = every_channel_paid and not bool((organic != 0).any())
    paid_cash = _paid_contribution_by_month(scenario, months, every_user_paid, paid_by_group, virality, groups,
                                            [retention] if mix is None else mix.retention,
                                            [p(1.0)] if mix is None else mix.indices, delivery_per_active, p) - ad_spend
    figures = _figures(months, paid, running_sum(paid_cash), lifetime_contribution, discount_rate, lifetime_discount, irr)

    unit_cost = np.array([_unit_cost(ch, p) for ch in scenario.acquisition]).reshape(-1, samples)
    if layout.organic:
        organic_per_month = np.broadcast_to(organic.mean(axis=0) if moves(organic) else organic[0], (samples,))
        unit_users = np.concatenate([unit_users, organic_per_month[None, :]], axis=0)
        unit_spend = np.concatenate([unit_spend, np.zeros((1, samples))], axis=0)
        unit_cost = np.concatenate([unit_cost, np.full((1, samples), np.nan)], axis=0)
    moving_sources, by_source_month = _source_months(acquired, organic, layout, p)
    # A channel's own ltv is the mean over the users it bought: none when it bought none.
    if per_user.by_join:
        # Values by month: the users a source bought in month s live the values of months s, s + 1, ...
        ltv = np.array([(_moving_per_user(scenario, users, retention, p).lifetime_contribution * lifetime_discount).sum(axis=0)
                        for users in _source_users_by_month(acquired, organic, layout, p)])
    else:
        ltv = np.array([group_ltv[g] for g in group_of_sources(groups, len(layout.source_names))]).reshape(-1, samples)
    bought_any = (unit_users * layout.source_masks.sum(axis=1)[:, None] if activity is None
                  else (activity * unit_users[:, None, :]).sum(axis=1)) > 0
    ltv = np.where(bought_any, ltv, np.nan)
    by_age = {"retention": retention, "gross": per_user.gross_by_age, "contribution": contribution_by_age}
    if per_user.by_join or referral is not None:
        # Otherwise the worth by join month is the running sum of the values by age (Result.worth).
        by_age |= {"gross_worth": per_user.gross_worth, "contribution_worth": contribution_worth}
    return _Chunk(
        months=months,
        figures=figures,
        by_age=by_age,
        by_source={"users": unit_users, "spend": unit_spend, "unit_cost": unit_cost, "ltv": ltv},
        by_sample={"virality": virality},
        by_group=by_group,
        gates=gates,
        activity=activity,
        cohorts=per_user.cohorts,
        moving_sources=moving_sources,
        by_source_month=by_source_month,
    )


def _source_users_by_month(acquired: _Acquired, organic: FloatArray, layout: _Layout, p: _Params) -> list[FloatArray]:
    """``(H, s)`` the users each source (the channels, then organic) brings in each month."""
    shape = (p.horizon, p.samples)
    masks = layout.source_masks[: len(acquired.unit_users)]
    users = [acquired.by_month[0][c] if acquired.by_month is not None else masks[c][:, None] * acquired.unit_users[c]
             for c in range(len(acquired.unit_users))]
    return users + [np.broadcast_to(organic, shape)] if layout.organic else users


def _refuse_uncomposed(scenario: Scenario, grouped: bool) -> None:
    """Values by month, and referral rewards, are not yet composed with channels of their own retention or
    conversion index (source groups) nor with gates (docs/formulas.md §17): refuse rather than give a wrong number."""
    if not grouped and not scenario.gates:
        return
    where = "a channel with its own retention or conversion_index" if grouped else "gates"
    moving = _moving_field(scenario)
    if moving is not None:
        raise ValueError(f"{moving}: a value by month cannot yet be combined with {where} (docs/formulas.md §17)")
    if grouped and not _is_plain_zero(scenario.referral_reward):
        raise ValueError(f"referral_reward cannot yet be combined with {where} (docs/formulas.md §17)")


def _moving_field(scenario: Scenario) -> str | None:
    """The first field a user or a channel reads that is written by month (fixed costs and orders excepted:
    they are whole-plan sums, right in any case)."""
    monetization = scenario.monetization
    fields: list[tuple[str, Any]] = [("organic_users", scenario.organic_users),
                                     ("costs.serving_per_active_user", scenario.costs.serving_per_active_user),
                                     ("costs.serving_per_subscriber", scenario.costs.serving_per_subscriber)]
    fields += [(f"monetization.plans[{i}].price", plan.price) for i, plan in enumerate(monetization.plans)]
    fields += [(f"monetization.purchases[{i}].{name}", getattr(item, name))
               for i, item in enumerate(monetization.purchases) for name in ("price", "rate")]
    fields += [(f"acquisition[{i}].{name}", value) for i, channel in enumerate(scenario.acquisition)
               for name, value in ((f.name, getattr(channel, f.name)) for f in dataclasses.fields(channel))]
    return next((path for path, value in fields if is_by_month(value)), None)


def _unit_cost(channel: Channel, p: _Params) -> FloatArray:
    """The channel's unit cost (its type's ``unit_cost`` field); NaN when it moves by month (no single maximum: the factor
    instead)."""
    value = getattr(channel, channel.unit_cost)
    return np.full(p.samples, np.nan) if is_by_month(value) else p(value)


def _source_months(acquired: _Acquired, organic: FloatArray, layout: _Layout,
                   p: _Params) -> tuple[tuple[int, ...], dict[str, FloatArray]]:
    """The sources whose users or spend move by month, and their ``(M, H, s)`` users and spend by month."""
    moving = list(acquired.moving)
    users = [acquired.by_month[0][c] for c in moving] if acquired.by_month is not None else []
    spend = [acquired.by_month[1][c] for c in moving] if acquired.by_month is not None else []
    if layout.organic and moves(organic):
        moving.append(len(layout.source_names) - 1)
        users.append(np.broadcast_to(organic, (p.horizon, p.samples)))
        spend.append(np.zeros((p.horizon, p.samples)))
    if not moving:
        return (), {}
    return tuple(moving), {"users": np.stack(users), "spend": np.stack(spend)}


@dataclass(frozen=True)
class _PerUser:
    """What one new user is worth, by age and by join month (docs/formulas.md §14)."""

    gross_by_age: FloatArray
    """``(H, s)`` gross revenue at age a (user-weighted over the join months when values move)."""
    contribution_by_age: FloatArray
    """``(H, s)`` c(a), likewise."""
    lifetime_contribution: FloatArray
    """``(L, s)`` c(a) over the LTV lifetime."""
    gross_worth: FloatArray
    """``(H, s)`` gross revenue of one user joining in month s over the rest of the horizon."""
    contribution_worth: FloatArray
    """``(H, s)`` its contribution, likewise."""
    cohorts: FloatArray | None = None
    """``(1, H, H)`` the cohort table of a one-sample run when values move (model/cohorts.py otherwise)."""
    by_join: bool = False
    """Whether the worth differs by join month otherwise than the values by age say (values move by month)."""


def _per_user_values_move(scenario: Scenario) -> bool:
    """Whether some value a user's own revenue or cost reads moves by month (prices, rates, serving)."""
    monetization = scenario.monetization
    values = [plan.price for plan in monetization.plans]
    values += [value for item in monetization.purchases for value in (item.price, item.rate)]
    values += [scenario.costs.serving_per_active_user, scenario.costs.serving_per_subscriber]
    return any(is_by_month(value) for value in values)


def _moving_per_user(scenario: Scenario, new_users: FloatArray, retention: FloatArray, p: _Params) -> _PerUser:
    """``_PerUser`` when values move: a user joining in s pays and costs the values of calendar month s + a
    (the last given value past the horizon); by age, the mean over every new user of the horizon."""
    horizon = new_users.shape[0]
    ages = max(horizon, int(scenario.ltv_lifetime))
    long_retention = retention if ages == horizon else _retention_by_age(scenario.retention, ages, p)
    weights = join_weights(new_users)
    monetization = scenario.monetization
    gross_per_active: Terms = []
    net_per_active = scaled_terms(as_terms(p.monthly(scenario.costs.serving_per_active_user)), -1.0)
    for item in monetization.purchases:
        units = as_terms(p.monthly(item.rate))
        revenue = times(units, as_terms(p.monthly(item.price)))
        gross_per_active += revenue
        net_per_active += scaled_terms(revenue, 1.0 - p(monetization.revenue_fee if item.fee is None else item.fee))
        net_per_active += scaled_terms(units, -p(item.unit_cost))
    payments = [np.ascontiguousarray(plan_cash_by_age(dataclasses.replace(plan, price=1.0), ages, p.samples).T)
                for plan in monetization.plans]
    prices = [p.monthly(plan.price) for plan in monetization.plans]
    keeps = [1.0 - p(monetization.revenue_fee if plan.fee is None else plan.fee) for plan in monetization.plans]
    plans = list(zip(payments, prices, keeps, strict=True))
    gross_mean, mean, gross_worth, worth = per_user_values(long_retention, weights, (gross_per_active, net_per_active),
                                                           plans, ages)
    serving_per_subscriber = p.monthly(scenario.costs.serving_per_subscriber)
    costs_by_age = []
    if np.any(serving_per_subscriber != 0):
        # A subscription in force at age a costs that calendar month's serving (docs/formulas.md §4.10, §14):
        # a cost on the subscriptions, so in the contribution only, never in the gross revenue.
        by_period: dict[int, FloatArray] = {}
        for plan, paid in zip(monetization.plans, payments, strict=True):
            by_period.setdefault(int(plan.period_months), np.zeros((ages, p.samples)))[...] += paid
        in_force_by_age = _subscribers(by_period, (ages, p.samples))
        mean = mean - in_force_by_age[:ages] * offset_mean(weights, serving_per_subscriber, ages)
        worth = worth - worth_by_join(in_force_by_age, serving_per_subscriber, horizon)
        costs_by_age.append((in_force_by_age, serving_per_subscriber, np.full(p.samples, -1.0)))
    # The cohort table is one sample's (a run's): a batch of samples or candidates never reads it.
    cohorts = (cohort_matrix(new_users, long_retention, total(net_per_active), plans + costs_by_age)[None]
               if p.samples == 1 else None)
    return _PerUser(gross_mean[:horizon], mean[:horizon], mean[: int(scenario.ltv_lifetime)], gross_worth, worth, cohorts,
                    by_join=True)


def _delivery_per_active(monetization: Monetization, p: _Params) -> FloatArray | None:
    """Delivery cost per active user and month, ``(1, s)`` or ``(H, s)``; None when no purchase has a unit cost."""
    items = [item for item in monetization.purchases if not _is_plain_zero(item.unit_cost)]
    if not items:
        return None
    total = np.zeros((1, p.samples))
    for item in items:
        total = total + p.monthly(item.rate) * p(item.unit_cost)
    return total


def _delivery(monetization: Monetization, active: FloatArray, per_active: FloatArray | None, p: _Params) -> FloatArray | None:
    """delivery(t) = sum over purchases of units(t) x unit_cost + sum over orders of count(t) x unit_cost; None when 0."""
    orders = [order for order in monetization.orders if not _is_plain_zero(order.unit_cost)]
    if per_active is None and not orders:
        return None
    delivery = np.zeros_like(active) if per_active is None else active * per_active
    if orders:
        delivery += order_delivery(tuple(orders), p.horizon, p.samples).T
    return delivery


def _referral(reward: Value, new_users: FloatArray, virality: FloatArray, p: _Params) -> tuple[FloatArray, FloatArray | None]:
    """The viral users' share of all new users ``(s,)`` and referral(t) = V(t) x referral_reward ``(H, s)``; None when 0."""
    if _is_plain_zero(reward):
        return np.zeros(p.samples), None
    viral = np.zeros_like(new_users)
    viral[1:] = new_users[:-1] * virality
    return _zero_fill_ratio(viral.sum(axis=0), new_users.sum(axis=0)), viral * p(reward)


def _is_plain_zero(value: Moving) -> bool:
    """A value written as 0 (or left at its default): the cost it prices is skipped, not computed as zeros."""
    return isinstance(value, float | int) and value == 0



def _gated_plan(scenario: Scenario, layout: _Layout, groups: tuple[SourceGroup, ...], curves: list[FloatArray],
                indices: list[FloatArray], unit_users: FloatArray, unit_spend: FloatArray, virality: FloatArray,
                p: _Params) -> tuple[GateRun, FloatArray, FloatArray, FloatArray, FloatArray]:
    """The gates' decisions; the gated users every channel buys, those the spending channels buy and ad spend
    by month ``(H, s)``; every source's activity ``(C', H, s)`` (docs/formulas.md §18).

    A test's attributed gross revenue is the engine's attribution cut at
    month T = after_month: each test channel's users over months 1..T times
    the running credit of one user of its source group (its own revenue and
    its share of the viral users') over ages 0..T-1, so only what is paid in
    months 1..T counts.
    """
    gross_by_group = _gross_by_age(scenario.monetization, curves, indices, p)
    group_of_channel = group_of_sources(groups, len(scenario.acquisition))

    def attributed_gross(bought: Mapping[int, FloatArray], months: int) -> FloatArray:
        credits = credit_per_user([gross[:months] for gross in gross_by_group], virality)
        return sum(((users * credits[group_of_channel[channel]]).sum(axis=0) for channel, users in bought.items()),
                   np.zeros(p.samples))

    channels = len(scenario.acquisition)
    masks = layout.source_masks[:channels, :, None]

    def planned(channel: int) -> tuple[FloatArray, FloatArray]:
        return masks[channel] * unit_users[channel], masks[channel] * unit_spend[channel]

    run = run_gates(scenario.gates, [ch.name for ch in scenario.acquisition], planned, layout.horizon, p.samples,
                    attributed_gross)
    activity = np.repeat(layout.source_masks[:, :, None], p.samples, axis=2)
    for channel, share in run.still_buying.items():
        activity[channel] *= share
    bought_users = np.zeros((layout.horizon, p.samples))
    paid_users = np.zeros((layout.horizon, p.samples))
    ad_spend = np.zeros((layout.horizon, p.samples))
    for channel in range(channels):
        bought = activity[channel] * unit_users[channel]
        bought_users += bought
        # Paid means spending (docs/formulas.md §2), sample by sample.
        paid_users += np.where(unit_spend[channel] > 0, bought, 0.0)
        ad_spend += activity[channel] * unit_spend[channel]
    return run, bought_users, paid_users, ad_spend, activity


def _gross_by_age(monetization: Monetization, curves: list[FloatArray], indices: list[FloatArray], p: _Params) -> list[FloatArray]:
    """``(H, s)`` per source group: gross revenue of one new user at each age, as ``_revenue`` (group 0) and
    ``_SourceMix.by_age`` compute it, without the cohorts."""
    horizon = curves[0].shape[0]
    subscription_by_age = np.zeros((horizon, p.samples))
    for plan in monetization.plans:
        subscription_by_age += _plan_cash_by_age(plan, horizon, p)
    purchase_gross, _ = _purchase_per_active(monetization, p)
    return [curves[0] * purchase_gross + subscription_by_age] + [
        index * (curve * purchase_gross + subscription_by_age) for curve, index in zip(curves[1:], indices[1:], strict=True)]


def _one_curve(retention: Retention) -> bool:
    """Whether a retention is one curve for every sample and not the (linear-time) churn recursion."""
    return not isinstance(retention, RetentionChurn) and not any(True for _ in leaves(retention))


@dataclass(frozen=True)
class _SourceMix:
    """The cohort sums of a scenario whose sources differ in retention or conversion index
    (model/sources.py): per group g, its users N_g, active users A_g and index k_g."""

    bought: list[FloatArray]
    """``(H, s)`` per group: users its channels bought (group 0: without organic and viral users), after the gates."""
    new_users: list[FloatArray]
    retention: list[FloatArray]
    """``(H, s)`` R_g by age."""
    indices: list[FloatArray]
    active: FloatArray
    indexed_new_users: FloatArray
    """sum_g k_g N_g(t): what every plan converts."""
    indexed_active: FloatArray
    """sum_g k_g A_g(t): who makes purchases."""

    @classmethod
    def of(cls, groups: tuple[SourceGroup, ...], curves: list[FloatArray], indices: list[FloatArray], scenario: Scenario,
           layout: _Layout, p: _Params, unit_users: FloatArray, activity: FloatArray | None, organic: FloatArray,
           new_users: FloatArray, virality: FloatArray) -> _SourceMix:
        """``curves`` R_g ``(H, s)`` and ``indices`` k_g per group; ``activity`` the gated plan (``_gated_plan``),
        None when every sample buys in the months of the plan."""
        if activity is None:
            masks = layout.source_masks[: len(scenario.acquisition)].T
            bought = bought_by_group(groups, unit_users, masks, layout.horizon)
        else:
            bought = gated_by_group(groups, unit_users, activity)
        by_group = joined_by_group(bought, organic, virality, new_users)
        active, indexed_new_users, indexed_active = _mixed_cohorts(groups, by_group, curves, indices, p)
        return cls(bought, by_group, curves, indices, active, indexed_new_users, indexed_active)

    def by_age(self, revenue: _Revenue, serving_per_active: FloatArray, subscriber_serving_by_age: FloatArray | None,
               contribution_by_age: FloatArray, delivery_per_active: FloatArray | None) -> dict[str, list[FloatArray]]:
        """``(H, s)`` per group: gross revenue and contribution of one user of each group by age
        (group 0's are the scenario's own, ``revenue.gross_by_age`` and ``contribution_by_age``). A group's
        subscriptions, and so their serving (``subscriber_serving_by_age``, index 1), scale with its index, as do
        its purchases and so their deliveries (``delivery_per_active``)."""
        gross, contribution = [revenue.gross_by_age], [contribution_by_age]
        for curve, index in zip(self.retention[1:], self.indices[1:], strict=True):
            gross.append(index * (curve * revenue.purchase_gross + revenue.subscription_by_age))
            net = index * (curve * revenue.purchase_net + revenue.subscription_net_by_age)
            if subscriber_serving_by_age is not None:
                net -= index * subscriber_serving_by_age
            if delivery_per_active is not None:
                net -= index * curve * delivery_per_active
            contribution.append(net - curve * serving_per_active)
        return {"gross": gross, "contribution": contribution}


def _mixed_cohorts(groups: tuple[SourceGroup, ...], users: list[FloatArray], curves: list[FloatArray],
                   indices: list[FloatArray], p: _Params) -> tuple[FloatArray, FloatArray, FloatArray]:
    """From N_g per group ``(H, s)``: the active users sum_g A_g, and sum_g k_g N_g and sum_g k_g A_g
    (what plans convert and who makes purchases)."""
    # Group 0 is summed as the single-curve model sums it; another group's curve, when no sample varies it
    # and it is not the churn recursion, in one matrix product (model/sources.py).
    active_by_group = [active_on_one_curve(joined, curve[:, 0]) if g and _one_curve(group.retention)
                       else _active_users(joined, group.retention, curve, p)
                       for g, (joined, group, curve) in enumerate(zip(users, groups, curves, strict=True))]
    active = np.array(active_by_group[0])
    indexed_new_users = np.array(users[0])
    indexed_active = np.array(active_by_group[0])
    for joined, active_users, index in zip(users[1:], active_by_group[1:], indices[1:], strict=True):
        active += active_users
        indexed_new_users += index * joined
        indexed_active += index * active_users
    return active, indexed_new_users, indexed_active



# --- stages -----------------------------------------------------------------


@dataclass(frozen=True)
class _Acquired:
    bought_users: FloatArray
    """``(H, s)`` users all channels buy."""
    paid_users: FloatArray
    """``(H, s)`` users the paid channels buy (paid means spending, docs/formulas.md §2)."""
    ad_spend: FloatArray
    """``(H, s)``."""
    unit_users: FloatArray
    """``(C, s)`` users a channel buys per active month (its mean over them when a value moves by month)."""
    unit_spend: FloatArray
    """``(C, s)`` spend per active month, likewise."""
    by_month: tuple[FloatArray, FloatArray] | None
    """``(C, H, s)`` users and spend of each channel by month, when some channel's value moves by month."""
    moving: tuple[int, ...] = ()
    """The channels whose users or spend move by month."""


def _acquisition(channels: tuple[Channel, ...], layout: _Layout, p: _Params) -> _Acquired:
    """Users every channel buys, users the paid channels buy, and ad spend, by month, and per channel.

    Paid means spending (docs/formulas.md §2): a channel that costs nothing over
    the horizon, in a sample, brings users but is no paid channel there.
    A channel whose values are constant buys the same users and spend in each
    of its active months, so per-month amounts times the month masks describe
    it; ``(C, H, s)`` is built only when some channel's value moves by month.
    """
    # A type whose formula reads no value by month may return (s,) rows: a row, not s months.
    rates = [tuple(np.atleast_2d(amount) for amount in ch.users_and_spend(p)) for ch in channels]
    masks = layout.source_masks[: len(channels)].T
    if not any(moves(users) or moves(spend) for users, spend in rates):
        unit_users = np.array([users for users, _ in rates]).reshape(len(channels), p.samples)
        unit_spend = np.array([spend for _, spend in rates]).reshape(len(channels), p.samples)
        bought = masks @ unit_users
        paid = bought if bool((unit_spend > 0).all()) else masks @ np.where(unit_spend > 0, unit_users, 0.0)
        return _Acquired(bought, paid, masks @ unit_spend, unit_users, unit_spend, None)
    shape = (p.horizon, p.samples)
    users = np.array([np.broadcast_to(users, shape) for users, _ in rates]) * masks.T[:, :, None]
    spend = np.array([np.broadcast_to(spend, shape) for _, spend in rates]) * masks.T[:, :, None]
    active_months = np.maximum(masks.sum(axis=0), 1.0)[:, None]
    moving = tuple(c for c, (users_c, spend_c) in enumerate(rates) if moves(users_c) or moves(spend_c))
    unit_users, unit_spend = users.sum(axis=1) / active_months, spend.sum(axis=1) / active_months
    # Paid means spending over the horizon, sample by sample, as for a channel whose values are constant.
    paid = np.einsum("chs,cs->hs", users, (unit_spend > 0).astype(np.float64))
    return _Acquired(users.sum(axis=0), paid, spend.sum(axis=0), unit_users, unit_spend, (users, spend), moving)


def _new_users(paid_users: FloatArray, organic: FloatArray, virality: FloatArray) -> FloatArray:
    """N(t) = paid(t) + organic + k N(t-1)."""
    return _viral_chain(paid_users + organic, virality)


def _viral_chain(inflow: FloatArray, virality: FloatArray) -> FloatArray:
    """x(t) = inflow(t) + k x(t-1) along the first (month) axis.

    ``virality`` broadcasts against ``inflow[t]``.
    """
    out = np.array(inflow, dtype=np.float64)
    carried = np.empty_like(out[0])
    for t in range(1, out.shape[0]):
        np.multiply(out[t - 1], virality, out=carried)
        out[t] += carried
    return out


def _once_if_shared(values: FloatArray) -> FloatArray:
    """A parameter the same for every sample as one value: curves built from it are then computed once."""
    return values[:1] if values.strides == (0,) else values


def _retention_by_age(retention: Retention, horizon: int, p: _Params) -> FloatArray:
    """``(H, s)`` R(a), the share of a cohort active at age a."""
    ages = np.arange(horizon, dtype=np.float64)[:, None]
    if isinstance(retention, RetentionChurn):
        curve = (1.0 - _once_if_shared(p(retention.monthly_churn))) ** ages
        return np.broadcast_to(curve, (horizon, p.samples))
    if isinstance(retention, RetentionPoints):
        knots = _knots(retention)
        shares = [_once_if_shared(p(value)) for _, value in retention.points]
        if all(share.shape == (1,) for share in shares):
            # Points the same in every sample: one curve, broadcast (as constant churn's).
            curve = _interpolation_weights(knots, horizon) @ np.stack([np.ones(1), *shares])
            return np.broadcast_to(curve, (horizon, p.samples))
        values = np.stack([np.ones(p.samples)] + [p(value) for _, value in retention.points])
        return _interpolation_weights(knots, horizon) @ values
    if isinstance(retention, RetentionDays):
        return np.ascontiguousarray(days_retention(retention, horizon, p.samples).T)
    raise TypeError(f"unknown retention type {type(retention).__name__}")


def _knots(retention: RetentionPoints) -> list[int]:
    knots = [0] + [int(age) for age, _ in retention.points]
    if any(b <= a for a, b in zip(knots, knots[1:], strict=False)):
        raise ValueError(f"retention point ages must be >= 1 and strictly increasing, got {knots[1:]}")
    return knots


def _active_users(new_users: FloatArray, retention: Retention, curve: FloatArray, p: _Params) -> FloatArray:
    """A(t) = sum_{s<=t} N(s) R(t-s), in time linear in H (module docstring).

    ``curve`` is R by age, ``(H, s)``. Every term is a product of non-negative
    numbers added to a non-negative total, so nothing cancels and the result
    is as exact as the direct sum.
    """
    horizon = new_users.shape[0]
    if isinstance(retention, RetentionChurn):
        return _viral_chain(new_users, 1.0 - p(retention.monthly_churn))
    if isinstance(retention, RetentionPoints | RetentionDays):
        # A power law from days never flattens: every age is summed.
        flat_from = _knots(retention)[-1] if isinstance(retention, RetentionPoints) else horizon
        active = _cohort_sum(new_users, curve, range(min(flat_from, horizon)))
        if flat_from < horizon:
            # From the last point on R is flat: the cohorts that old, summed, times the last share.
            active[flat_from:] += curve[flat_from] * running_sum(new_users[: horizon - flat_from])
        return active
    raise TypeError(f"unknown retention type {type(retention).__name__}")


def _cohort_sum(new_users: FloatArray, per_user: FloatArray, ages: Iterator[int] | range | list[int]) -> FloatArray:
    """X(t) = sum_{s<=t} N(s) x(t-s) over the given ages a = t-s; ``per_user`` is ``(H, s)``."""
    horizon = new_users.shape[0]
    total = np.zeros_like(new_users)
    scratch = np.empty_like(new_users)
    for age in ages:
        np.multiply(per_user[age], new_users[: horizon - age], out=scratch[: horizon - age])
        total[age:] += scratch[: horizon - age]
    return total


@dataclass(frozen=True)
class _Revenue:
    gross: FloatArray
    """``(H, s)`` subscriptions, purchases and orders."""
    net: FloatArray
    """``(H, s)`` each item's gross less its own fee (or the revenue fee)."""
    gross_by_age: FloatArray
    """``(H, s)`` gross revenue of one new user at age a (orders are no user's)."""
    net_by_age: FloatArray
    """``(H, s)`` the same, net of each item's fee."""
    subscriptions_by_period: dict[int, FloatArray]
    """``(H, s)`` subscription cash of the plans of each period P (months): input of the accrual view."""
    subscribers: FloatArray
    """``(H, s)`` plan payments whose period covers the month (docs/formulas.md §4.10)."""
    payments_by_age: dict[int, FloatArray]
    """``(H, s)`` payments of one new user at age a to the plans of each period P: its subscriptions by age
    are their windows (``_subscribers``), built only where serving charges them."""
    subscription_by_age: FloatArray
    """``(H, s)`` subscription cash of one new user (index 1) at age a, gross."""
    subscription_net_by_age: FloatArray
    purchase_gross: FloatArray
    """``(s,)`` purchase revenue per active user (index 1) and month."""
    purchase_net: FloatArray


def _revenue(monetization: Monetization, new_users: FloatArray, active: FloatArray, retention: FloatArray, p: _Params) -> _Revenue:
    """Purchases through retention; subscription cash by plan; orders by month (docs/formulas.md §4.4–§4.6).

    Each item is netted with its own ``fee``, else ``revenue_fee``. Orders
    join the monthly totals only: no cohort, so no user's value and no
    channel's attribution. The ``(H, s)`` passes are what this stage costs, so
    plans of one period share one cash array, and plans that all keep the same
    share are netted once, on their total.
    """
    horizon = new_users.shape[0]

    def keep(fee: Value | None) -> FloatArray:
        return 1.0 - p(monetization.revenue_fee if fee is None else fee)

    plans = monetization.plans
    one_fee = len({id(plan.fee) for plan in plans}) <= 1
    by_period: dict[int, FloatArray] = {}
    payments_by_period: dict[int, FloatArray] = {}
    payments_by_age: dict[int, FloatArray] = {}
    subscription_by_age = np.zeros_like(new_users)
    subscriptions_net = None if one_fee else np.zeros_like(new_users)
    subscription_net_by_age = None if one_fee else np.zeros_like(new_users)
    for plan in plans:
        period = int(plan.period_months)
        if period < 1:
            raise ValueError(f"plan {plan.name!r}: period_months must be >= 1, got {period}")
        recursion = _Recursion.of(plan, p)
        schedule: FloatArray | None = None
        per_user_payments = _plan_payments_by_age(plan, horizon, p)
        if recursion is not None:
            payers = _recursive_plan_payers(recursion, new_users)
            cash = payers * recursion.first_payment
            if recursion.price_by_month is not None:
                cash = cash * recursion.price_by_month
            payments = payers * recursion.conversion
            _add_payments_by_age(recursion, subscription_by_age)
        else:
            payments = _scheduled_plan_payments(plan, new_users, p)
            cash = payments * p.monthly(plan.price)
            # A moving price has no value by age: a user's values are then read by join month (_moving_per_user).
            schedule = per_user_payments * (1.0 if is_by_month(plan.price) else p(plan.price))
            subscription_by_age += schedule
        payments_by_period.setdefault(period, np.zeros_like(new_users))[...] += payments
        payments_by_age.setdefault(period, np.zeros_like(new_users))[...] += per_user_payments
        if subscriptions_net is not None and subscription_net_by_age is not None:
            share = keep(plan.fee)
            subscriptions_net += cash * share
            subscription_net_by_age += (_plan_cash_by_age(plan, horizon, p) if schedule is None else schedule) * share
        if period in by_period:
            by_period[period] += cash
        else:
            by_period[period] = cash
    subscriptions = sum(by_period.values(), np.zeros_like(new_users)) if len(by_period) != 1 else next(iter(by_period.values()))
    if subscriptions_net is None or subscription_net_by_age is None:
        share = keep(plans[0].fee) if plans else p(1.0)
        subscriptions_net = subscriptions * share
        subscription_net_by_age = subscription_by_age * share
    purchase_gross, purchase_net = _purchase_per_active(monetization, p)
    gross = subscriptions + active * purchase_gross
    net = subscriptions_net + active * purchase_net
    if monetization.orders:
        order_gross, order_net = order_revenue(monetization.orders, monetization.revenue_fee, horizon, p.samples)
        gross += order_gross.T
        net += order_net.T
    return _Revenue(
        gross=gross,
        net=net,
        gross_by_age=retention * purchase_gross + subscription_by_age,
        net_by_age=retention * purchase_net + subscription_net_by_age,
        subscriptions_by_period=by_period,
        subscribers=_subscribers(payments_by_period, new_users.shape),
        payments_by_age=payments_by_age,
        subscription_by_age=subscription_by_age,
        subscription_net_by_age=subscription_net_by_age,
        purchase_gross=purchase_gross,
        purchase_net=purchase_net,
    )


def _subscribers(payments_by_period: dict[int, FloatArray], shape: tuple[int, ...]) -> FloatArray:
    """Subscribers in force from the payments of the plans of each period, by month or by age."""
    return sum((in_force(payments, period) for period, payments in payments_by_period.items()), np.zeros(shape))


def _purchase_per_active(monetization: Monetization, p: _Params) -> tuple[FloatArray, FloatArray]:
    """Purchase revenue per active user and month, gross and net of each item's fee, ``(1, s)`` each (``(H, s)`` when
    a price or rate moves by month)."""
    gross = np.zeros((1, p.samples))
    net = np.zeros((1, p.samples))
    for item in monetization.purchases:
        revenue = p.monthly(item.rate) * p.monthly(item.price)
        gross = gross + revenue
        net = net + revenue * (1.0 - p(monetization.revenue_fee if item.fee is None else item.fee))
    return gross, net


@dataclass(frozen=True)
class _Recursion:
    """A plan with a join-month conversion and one renewal rate: its payers follow a recursion.

    Conversion by age or a renewal schedule (a list, the sBG rates) has no
    such recursion: its per-user cash schedule (``revenue.plan_cash_by_age``)
    is summed over the cohorts at the ages it pays.
    """

    first_payment: FloatArray
    """Cash of one new user's first payment; its share subscribing when the price moves by month."""
    renewal: FloatArray
    period: int
    conversion: FloatArray
    price_by_month: FloatArray | None = None
    """``(H, s)`` the price of each month when it moves: a payment is made at the price of its month."""

    @classmethod
    def of(cls, plan: Plan, p: _Params) -> _Recursion | None:
        if isinstance(plan.conversion, tuple) or not isinstance(plan.renewal, float | int | np.ndarray):
            return None
        if isinstance(plan.price, ByMonth):
            conversion = p(plan.conversion)
            return cls(conversion, p(plan.renewal), int(plan.period_months), conversion, p.monthly(plan.price))
        return cls(p(plan.conversion) * p(plan.price), p(plan.renewal), int(plan.period_months), p(plan.conversion))


def _recursive_plan_payers(plan: _Recursion, new_users: FloatArray) -> FloatArray:
    """``(H, s)`` Y(t) = N(t) + r Y(t-P), one vector operation per period: the plan pays
    ``first_payment`` x Y(t) in month t, from conversion x Y(t) payments."""
    horizon = new_users.shape[0]
    period, renewal = plan.period, plan.renewal
    payers = np.array(new_users)
    for start in range(period, horizon, period):
        stop = min(start + period, horizon)
        payers[start:stop] += renewal * payers[start - period: stop - period]
    return payers


def _add_payments_by_age(plan: _Recursion, out: FloatArray, first: FloatArray | None = None) -> None:
    """Add to ``out`` ``(ages, s)`` the cash of one new user of a recursive plan (or, with ``first`` its
    conversion, its payments): the ages it pays at only."""
    payment = np.array(plan.first_payment if first is None else first)
    for age in range(0, out.shape[0], plan.period):
        out[age] += payment
        payment *= plan.renewal


def _scheduled_plan_cash(plan: Plan, new_users: FloatArray, p: _Params) -> FloatArray:
    """``(H, s)`` cash of a plan with conversion by age or a renewal schedule: its payments times the price."""
    return _scheduled_plan_payments(plan, new_users, p) * p(plan.price)


def _scheduled_plan_payments(plan: Plan, new_users: FloatArray, p: _Params) -> FloatArray:
    """``(H, s)`` payments to a plan with conversion by age or a renewal schedule, in time linear in H where it can be.

    A user converting at age a0 pays at a0 + kP the share S(k) of the
    price, so the cash is ``price x sum_k S(k) M(t - kP)`` with
    ``M(t) = sum_a0 q(a0) N(t - a0)``, the users converting in month t. A
    renewal list's last rate r repeats, so from its last entry k0 on
    (k0 = 0 for one rate) ``S(k) = S(k0) r^(k - k0)``: that tail is the
    recursion ``Z(t) = M(t - k0 P) + r Z(t - P)``. Only the sBG rates (renewal
    from ``observed``) change with every renewal; they are summed term by
    term, ``O(H^2 / P)``. Every term is non-negative: nothing cancels.
    """
    horizon = new_users.shape[0]
    period = int(plan.period_months)
    conversions = np.ascontiguousarray(conversion_by_age(plan, horizon, p.samples).T)
    ages = [age for age, _ in plan.conversion] if isinstance(plan.conversion, tuple) else [0]
    converting = _cohort_sum(new_users, conversions, sorted({age for age in ages if 0 <= age < horizon}))
    renewals = plan_renewal_count(plan, horizon)
    survival = np.ascontiguousarray(renewal_survival(plan.renewal, renewals, p.samples).T)
    renewal = plan.renewal
    if isinstance(renewal, RenewalObserved):
        tail_from, tail_rate = renewals + 1, None
    elif isinstance(renewal, tuple):
        tail_from, tail_rate = len(renewal) - 1, p(renewal[-1])
    else:
        tail_from, tail_rate = 0, p(renewal)
    cash = np.zeros_like(new_users)
    for k in range(min(tail_from, renewals + 1)):
        offset = k * period
        cash[offset:] += survival[k] * converting[: horizon - offset]
    start = tail_from * period
    if tail_rate is not None and start < horizon:
        tail = np.zeros_like(new_users)
        tail[start:] = converting[: horizon - start]
        for month in range(start + period, horizon, period):
            stop = min(month + period, horizon)
            tail[month:stop] += tail_rate * tail[month - period: stop - period]
        cash += survival[tail_from] * tail
    return cash


def _plan_payments_by_age(plan: Plan, ages: int, p: _Params) -> FloatArray:
    """``(ages, s)`` the payments one new user makes to the plan at each age."""
    recursion = _Recursion.of(plan, p)
    if recursion is None:
        return np.ascontiguousarray(plan_payments_by_age(plan, ages, p.samples).T)
    by_age = np.zeros((ages, p.samples))
    _add_payments_by_age(recursion, by_age, recursion.conversion)
    return by_age


def _plan_cash_by_age(plan: Plan, ages: int, p: _Params) -> FloatArray:
    """``(ages, s)`` the plan's cash from one new user at each age (any number of ages: LTV may outlive H)."""
    recursion = _Recursion.of(plan, p)
    if recursion is None:
        return _plan_payments_by_age(plan, ages, p) * p(plan.price)
    by_age = np.zeros((ages, p.samples))
    _add_payments_by_age(recursion, by_age)
    return by_age


def _lifetime_contribution(scenario: Scenario, contribution_by_age: FloatArray, lifetime: int, p: _Params,
                           delivery_per_active: FloatArray | None = None, curve: Retention | None = None,
                           index: FloatArray | None = None) -> FloatArray:
    """``(L, s)`` c(a) for ages ``0..L-1``, L = ltv_months, past the horizon when L > H (docs/formulas.md §5, ltv).

    ``curve`` and ``index``: a source group's own retention and conversion index (default: the scenario's, 1)."""
    if lifetime <= contribution_by_age.shape[0]:
        return contribution_by_age[:lifetime]
    retention = _retention_by_age(scenario.retention if curve is None else curve, lifetime, p)
    monetization = scenario.monetization
    _, purchase_net = _purchase_per_active(monetization, p)
    net = retention * purchase_net
    payments_by_age: dict[int, FloatArray] = {}
    for plan in monetization.plans:
        net = net + _plan_cash_by_age(plan, lifetime, p) * (1.0 - p(monetization.revenue_fee if plan.fee is None else plan.fee))
        payments_by_age.setdefault(int(plan.period_months), np.zeros((lifetime, p.samples)))[...] += (
            _plan_payments_by_age(plan, lifetime, p))
    serving_per_subscriber = p(scenario.costs.serving_per_subscriber)
    if np.any(serving_per_subscriber != 0):
        net = net - _subscribers(payments_by_age, net.shape) * serving_per_subscriber
    if delivery_per_active is not None:
        net = net - retention * delivery_per_active
    # The index scales a group's subscriptions and purchases, so the serving and deliveries they cost with them,
    # not the active users' compute.
    if index is not None:
        net = net * index
    return net - retention * p(scenario.costs.serving_per_active_user)


def _costs(costs: Costs, active: FloatArray, revenue: _Revenue, retention: FloatArray, horizon: int,
           p: _Params) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray | None]:
    """Serving and fixed costs by month ``(H, s)``, and serving of one user by age: active users' compute,
    plus subscribers' when ``serving_per_subscriber`` is set (docs/formulas.md §4.10); last the subscribers'
    part of that by age alone (None when not set), which a source group's conversion index scales. By age
    only while constant: a cost that moves by month is read by join month (_moving_per_user)."""
    serving_per_active = p.monthly(costs.serving_per_active_user)
    fixed = np.zeros((horizon, p.samples))
    for cost in costs.fixed:
        fixed += _month_mask(cost.months, horizon)[:, None] * p.monthly(cost.monthly)
    serving, serving_by_age = active * serving_per_active, retention * serving_per_active[:1]
    serving_per_subscriber = p.monthly(costs.serving_per_subscriber)
    subscriber_serving_by_age = None
    if np.any(serving_per_subscriber != 0):
        serving = serving + revenue.subscribers * serving_per_subscriber
        subscriber_serving_by_age = _subscribers(revenue.payments_by_age, retention.shape) * serving_per_subscriber[:1]
        serving_by_age = serving_by_age + subscriber_serving_by_age
    return serving, fixed, serving_by_age, subscriber_serving_by_age


def _paid_contribution_by_month(scenario: Scenario, months: dict[str, FloatArray], every_user_paid: bool,
                                paid_by_group: list[FloatArray], virality: FloatArray, groups: tuple[SourceGroup, ...],
                                curves: list[FloatArray], indices: list[FloatArray], delivery_per_active: FloatArray | None,
                                p: _Params) -> FloatArray:
    """``(H, s)`` the paid channels' attributed contribution, by the month it is paid (docs/formulas.md, paid_payback_month).

    The running credit shares (model/sources.py) credit a source with its own
    users and the viral users that follow them: k as many a month later, of
    group 0, and so on. So the paid channels' users are, per group, the ones
    they bought, and in group 0 also the viral chain of all they bought,
    ``V(t) = k (paid(t-1) + V(t-1))``; their contribution by month is the
    model's cohort sums run on these users, without orders (no one's). When
    every new user is theirs and there are no orders it is the plan's own.
    Deliveries follow the purchases of these users, and the referral reward
    of each viral user in the chain is the paid channels' (docs/formulas.md §14).
    """
    monetization = scenario.monetization
    if every_user_paid and not monetization.orders:
        return months["contribution"]
    paid_users = months["paid_users"]
    credited = [_viral_chain(paid_users, virality) - paid_users + paid_by_group[0], *paid_by_group[1:]]
    active, indexed_new_users, indexed_active = _mixed_cohorts(groups, credited, curves, indices, p)
    revenue = _revenue(replace(monetization, orders=()), indexed_new_users, indexed_active, curves[0], p)
    serving, _, _, _ = _costs(scenario.costs, active, revenue, curves[0], curves[0].shape[0], p)
    contribution = revenue.net - serving
    if delivery_per_active is not None:
        contribution = contribution - indexed_active * delivery_per_active
    if not _is_plain_zero(scenario.referral_reward):
        contribution = contribution - (_viral_chain(paid_users, virality) - paid_users) * p(scenario.referral_reward)
    return contribution


def _figures(months: dict[str, FloatArray], paid: FloatArray, paid_cumulative: FloatArray, lifetime_contribution: FloatArray,
             discount_rate: FloatArray, lifetime_discount: FloatArray, irr: bool) -> dict[str, FloatArray]:
    """The section-4 figures, ``(s,)`` each, from the ``(H, s)`` series; ``paid`` is ``(s, 2)``,
    the paid channels' gross revenue and contribution, ``paid_cumulative`` ``(H, s)`` P(t) of
    ``paid_payback_month``; ``lifetime_contribution`` c(a) over L ages."""
    totals = {name: months[name].sum(axis=0)
              for name in ("ad_spend", "paid_users", "new_users", "gross_revenue", "net_revenue", "contribution", "net_cash")}
    net_cash = months["net_cash"]
    cumulative = months["cumulative_cash"]
    cac = _ratio(totals["ad_spend"], totals["paid_users"])
    ltv = (lifetime_contribution * lifetime_discount).sum(axis=0)
    need, need_month = peak_cash(cumulative)
    horizon = net_cash.shape[0]
    discount = discount_factors(discount_rate, horizon)
    monthly_rate = np.expm1(np.log1p(discount_rate) / 12.0)
    figures = {
        "ad_spend": totals["ad_spend"],
        "paid_users": totals["paid_users"],
        "new_users": totals["new_users"],
        "cac": cac,
        "blended_cac": _ratio(totals["ad_spend"], totals["new_users"]),
        "gross_revenue": totals["gross_revenue"],
        "net_revenue": totals["net_revenue"],
        "contribution": totals["contribution"],
        "net_cash": totals["net_cash"],
        "roas": _ratio(paid[:, 0], totals["ad_spend"]),
        "roi": _ratio(paid[:, 1] - totals["ad_spend"], totals["ad_spend"]),
        "blended_roas": _ratio(totals["gross_revenue"], totals["ad_spend"]),
        "payback_month": payback_month(cumulative),
        "first_payback_month": first_payback_month(cumulative),
        "paid_payback_month": payback_month(paid_cumulative),
        "peak_cash_need": need,
        "peak_cash_month": need_month,
        "npv": (net_cash * discount).sum(axis=0),
        "irr": annual_irr(net_cash) if irr else np.empty(0),
        "mirr": annual_mirr(net_cash, monthly_rate),
        "ltv": ltv,
        "ltv_to_cac": _ratio(ltv, cac),
        "cac_payback_months": cac_payback_months(lifetime_contribution, cac),
    }
    assert tuple(figures) == FIGURE_NAMES
    if not irr:
        del figures["irr"]
    return figures


def _credit_by_join(gross_worth: FloatArray, contribution_worth: FloatArray, virality: FloatArray) -> FloatArray:
    """``(H, 2, S)`` gross and contribution earned per user a source buys in month s (by join month).

    A user joining in month s is worth ``worth(s)`` over the rest of the
    horizon. Its viral users (k x as many, one month later) are worth what a
    user of s + 1 earns, and so on: credit(s) = worth(s) + k credit(s+1) is
    what one user bought in month s earns for its source. Indexed by j = H-s
    this is the forward chain; it is the adjoint of the chain that builds N,
    so the sources sum to the totals.
    """
    per_user = np.stack([gross_worth, contribution_worth], axis=1)
    return _viral_chain(per_user[::-1], virality)[::-1]


def _credited(activity: FloatArray, credit: FloatArray) -> FloatArray:
    """``(C', 2, S)`` sum over months of ``activity`` ``(S, C', H)`` (or ``(1, C', H)``, the same in every
    sample) times ``credit`` ``(H, 2, S)``: what one user of each source's monthly purchase earns it."""
    horizon, _, samples = credit.shape
    if activity.shape[0] == 1:
        return (activity[0] @ credit.reshape(horizon, 2 * samples)).reshape(-1, 2, samples)
    return np.einsum("sct,tks->cks", activity, credit)


# --- parameters -------------------------------------------------------------


def _sample_count(scenario: Scenario) -> int:
    lengths: dict[int, str] = {}
    for path, value in leaves(scenario):
        if isinstance(value, Distribution):
            raise TypeError(f"{path} is still a Distribution; call sampling.realize() before evaluate()")
        if value.ndim > 1:
            raise ValueError(f"{path}: expected a float or a 1-d array of samples, got shape {value.shape}")
        if value.ndim == 1 and value.shape[0] != 1:
            lengths.setdefault(value.shape[0], path)
    if len(lengths) > 1:
        found = ", ".join(f"{path} has {n}" for n, path in lengths.items())
        raise ValueError(f"sample arrays differ in length: {found}")
    return next(iter(lengths), 1)


class _Params:
    """Turns a ``Value`` into an ``(s,)`` float64 row that broadcasts against ``(H, s)``."""

    def __init__(self, samples: int, horizon: int = 1) -> None:
        self.samples = samples
        self.horizon = horizon

    def __call__(self, value: Moving) -> FloatArray:
        if isinstance(value, Distribution):
            raise TypeError("a Distribution is still present; call sampling.realize() first")
        if isinstance(value, ByMonth):
            raise TypeError("a by_month value has no single value; read it with monthly()")
        return np.broadcast_to(np.asarray(value, dtype=np.float64).reshape(-1), (self.samples,))

    def monthly(self, value: Moving) -> FloatArray:
        """``(H, s)`` for a by-month value, ``(1, s)`` for a constant one: either broadcasts against ``(H, s)``."""
        return monthly(value, self.horizon, self.samples)


def _month_mask(months: Months, horizon: int) -> FloatArray:
    mask = np.zeros(horizon)
    if months is None:
        mask[:] = 1.0
        return mask
    for month in months:
        if 1 <= month <= horizon:
            mask[month - 1] = 1.0
    return mask


def _ratio(numerator: FloatArray, denominator: FloatArray) -> FloatArray:
    """numerator / denominator, NaN where the denominator is 0 or NaN."""
    numerator, denominator = np.broadcast_arrays(np.asarray(numerator, dtype=np.float64), np.asarray(denominator, dtype=np.float64))
    out = np.full(numerator.shape, np.nan)
    np.divide(numerator, denominator, out=out, where=denominator != 0)
    return out


def _zero_fill_ratio(numerator: FloatArray, denominator: FloatArray) -> FloatArray:
    """numerator / denominator, 0 where the denominator is 0 (buying at an undefined price buys nothing)."""
    return np.nan_to_num(_ratio(numerator, denominator), nan=0.0)


def _interpolation_weights(knots: list[int], horizon: int) -> FloatArray:
    """(H, P+1) weights: R(a) = sum_j W[a, j] value_j, linear between knots, flat after the last."""
    weights = np.zeros((horizon, len(knots)))
    for age in range(horizon):
        if age >= knots[-1]:
            weights[age, -1] = 1.0
            continue
        j = int(np.searchsorted(knots, age, side="right")) - 1
        share = (age - knots[j]) / (knots[j + 1] - knots[j])
        weights[age, j] = 1.0 - share
        weights[age, j + 1] = share
    return weights
