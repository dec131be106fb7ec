"""What ``evaluate`` returns: the ``Result`` of a run, its monthly series and figures, and the per-source
attribution read from them on demand (docs/formulas.md §6)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np

from aigc_roi.model.attribution import _credit_by_join, _credited
from aigc_roi.model.cashflow import irr_kind, irr_none_reason
from aigc_roi.model.cohorts import cohort_contribution, grouped_cohort_contribution
from aigc_roi.model.paid import max_unit_cost
from aigc_roi.model.params import _ratio
from aigc_roi.model.read_only import FrozenMapping
from aigc_roi.model.running import running_sum
from aigc_roi.model.scenario import FloatArray
from aigc_roi.model.sources import credit_per_user


class held(cached_property[Any]):
    """A ``cached_property`` whose arrays, computed once and read by every later figure of the Result (a channel's
    roi by its ``channel_max_unit_cost``), are read-only, as every array the library hands back is
    (model/read_only.py): a caller's write into one would leave the others disagreeing with it."""

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        value = super().__get__(instance, owner)
        for array in value if isinstance(value, tuple) else (value,):
            if isinstance(array, np.ndarray):
                array.flags.writeable = False
        return value


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
    "paid_contribution",
)
"""Keys of ``Result.months``; each an ``(S, H)`` array. ``paid_contribution``: the paid channels' attributed
contribution by the month it is paid (model/paid_contribution.py), whose cumulative less ad spend is the cash of
``paid_payback_month`` (docs/formulas.md §5)."""


@dataclass(frozen=True)
class Result:
    """Everything ``evaluate`` computes. ``S`` samples, ``H`` months,
    ``C'`` sources (the channels, plus "Organic" when there are organic users)."""

    months: Mapping[str, FloatArray]
    """Monthly series, ``(S, H)`` each, keyed by ``MONTH_SERIES`` (joined from the chunks when first read)."""
    figures: Mapping[str, FloatArray]
    """Section-4 figures, ``(S,)`` each, keyed by ``FIGURE_NAMES`` in order (without
    ``irr`` when evaluated with ``irr=False``); NaN = none. A ``FrozenMapping`` (``__post_init__``)."""
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
    group_series: Mapping[str, FloatArray] = field(default_factory=FrozenMapping._of, repr=False)
    """``(G, S, H)`` per group: ``gross`` and ``contribution`` of one user by age (the mean over the group's users
    when values move by month), ``gross_worth`` and ``contribution_worth`` of one user by join month (the input of
    the attribution; the contribution less the rewards of the viral users it brings), ``new_users`` by month,
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

    def __post_init__(self) -> None:
        # Its mappings refuse a write as its tuples do: ``result.figures["npv"] = 0`` once went through silently,
        # and every later reader of the Result (presenters, compare) read the figure written (model/read_only.py).
        for name in ("figures", "group_series"):
            if not isinstance(getattr(self, name), FrozenMapping):
                object.__setattr__(self, name, FrozenMapping._of(getattr(self, name)))

    @property
    def worth(self) -> tuple[FloatArray, FloatArray]:
        """``(S, H)`` each: gross revenue and contribution of one user joining in month s over the rest of the
        horizon (the contribution less the referral rewards of the viral users it brings); input of the attribution.
        Built anew at each call, the caller's to write into, as where it is read off the values by age: a plan whose
        values move by month handed back its stored arrays, read-only, where every other plan's were writeable."""
        if self.stored_worth is not None:
            return (np.array(self.stored_worth[0]), np.array(self.stored_worth[1]))
        return self._worth()

    def _worth(self) -> tuple[FloatArray, FloatArray]:
        """``worth`` without a copy of the stored arrays, for the attribution, which only reads them."""
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

    @held
    def channel_max_unit_cost_factor(self) -> FloatArray:
        """``(S, C')`` where a unit cost moves by month, the factor on every month's unit cost at which the
        source's own roi is 0: max(0, 1 + roi) (docs/formulas.md §14), the gates' decisions held as in
        ``channel_max_unit_cost``; NaN elsewhere."""
        moving = np.array(self.channel_unit_cost_moves + (False,) * (len(self.channel_names) - len(self.channel_unit_cost_moves)),
                          dtype=bool)
        with np.errstate(invalid="ignore"):
            return np.where(moving & ~np.isnan(self.channel_roi), np.maximum(0.0, 1.0 + self.channel_roi), np.nan)

    @held
    def channel_ltv_to_cac(self) -> FloatArray:
        """``(S, C')`` the source's own ltv / its cac; NaN where either is."""
        return _ratio(self.channel_ltv, self.channel_cac)

    @held
    def irr_none_reason(self) -> tuple[str | None, ...]:
        """Per sample, why ``irr`` is none (``cashflow.IRR_NONE_REASONS``), None where it exists. A tuple: kept, as
        every held value is, it is read-only as the arrays are (a list, written into, made ``irr_notes`` disagree
        with ``irr``)."""
        return tuple(irr_none_reason(self.months["net_cash"].T))

    @held
    def irr_kind(self) -> tuple[str | None, ...]:
        """Per sample, how ``irr`` reads (``cashflow.IRR_KINDS``: a return or a borrowing rate), None where it is
        none; a tuple, as ``irr_none_reason``."""
        return tuple(irr_kind(self.months["net_cash"].T))

    def irr_notes(self, sample: int = 0) -> dict[str, str | None]:
        """What JSON says beside one sample's figures about its IRR: ``irr_none_reason`` and ``irr_kind``."""
        return {"irr_none_reason": self.irr_none_reason[sample], "irr_kind": self.irr_kind[sample]}

    @held
    def channel_max_unit_cost(self) -> FloatArray:
        """``(S, C')`` unit cost at which the source's own roi is 0 (docs/formulas.md §6), the gates' decisions held
        (whatif/max_bid.py decides them at it for a channel a gate tests); NaN where roi is."""
        return max_unit_cost(self.channel_unit_cost, self.channel_roi)

    @held
    def channel_spend(self) -> FloatArray:
        """``(S, C')`` spend over the horizon."""
        return self._totals(self.channel_spend_per_month, 1)

    @held
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

    @held
    def channel_cac(self) -> FloatArray:
        """``(S, C')`` spend / users; NaN where either is 0."""
        return _ratio(self.channel_spend, self.channel_users)

    @held
    def channel_roas(self) -> FloatArray:
        """``(S, C')`` attributed gross revenue / spend; NaN where spend is 0."""
        return _ratio(self.channel_gross_revenue, self.channel_spend)

    @held
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

    @held
    def _attributed(self) -> tuple[FloatArray, FloatArray]:
        if self.source_groups:
            return self._attributed_by_group()
        gross_worth, contribution_worth = self._worth()
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
        worth = [np.stack([gross.T, contribution.T], axis=1) for gross, contribution
                 in zip(self.group_series["gross_worth"], self.group_series["contribution_worth"], strict=True)]
        credits = credit_per_user(worth, self.virality)
        activity = self._activity()
        attributed = np.empty((len(self.source_groups), 2, self.samples))
        for source, group in enumerate(self.source_groups):
            attributed[source] = _credited(activity[:, source:source + 1, :], credits[group])[0]
        attributed *= self.channel_users_per_month.T[:, None, :]
        if self.moving_by_month is not None:
            # Sources that buy different numbers each month: each month's users times that month's credit.
            for row, source in enumerate(self.moving_sources):
                attributed[source] = np.einsum("sh,hks->ks", self.moving_by_month[0][:, row], credits[self.source_groups[source]])
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
