"""The scenario types: plain frozen data, no I/O.

Every numeric field holds a ``Value``: a float as written in the file, a
``Distribution`` for an uncertain range, or (after ``sampling.realize``) a
float64 array of shape ``(samples,)``. The engine broadcasts over that
sample axis, so one code path serves a single run, a Monte Carlo batch and
a batch of break-even candidates.

Money is in the scenario's currency; "per month" means per calendar month
of the horizon; counts are users or impressions (fractional values allowed,
they are expectations).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Literal, TypeAlias

from aigc_roi.model.channels import ChannelType, channel_rate_fields
from aigc_roi.model.channels import CpaChannel as CpaChannel
from aigc_roi.model.channels import CpmChannel as CpmChannel
from aigc_roi.model.channels import FlatChannel as FlatChannel
from aigc_roi.model.channels import KolChannel as KolChannel
from aigc_roi.model.type_refs import NUMPY_FLOAT_ARRAY

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    FloatArray: TypeAlias = NDArray[np.float64]
else:
    # `validate` reads scenarios without loading numpy.
    FloatArray = NUMPY_FLOAT_ARRAY

DistributionKind = Literal["lognormal", "normal", "uniform", "triangular"]

# z-score of the 95th percentile: a 90% interval [low, high] spans +-Z90 sd.
Z90 = 1.6448536269514722


RATE_FIELDS: frozenset[str] = frozenset(
    {
        "conversion",
        "renewal",
        "revenue_fee",
        "monthly_churn",
        "points",
        "days",
        "observed",
    }
) | channel_rate_fields()
"""Fields whose name alone says their values are shares in [0, 1] (``points``/``days``: retention
shares; ``observed``: survival shares), with the channel types' rates. ``fee`` is a share on a plan,
purchase or order but money on a kol channel, so use ``is_rate_field``, which knows the owner."""

ITEM_FEE_OWNERS: tuple[str, ...] = ("Plan", "Purchase", "Order")
"""Types whose ``fee`` is a share of the item's revenue (a kol channel's ``fee`` is money per post)."""


def is_rate_field(owner: type | None, name: str) -> bool:
    """Whether the field ``name`` of a dataclass of type ``owner`` holds a share in [0, 1]."""
    if owner is not None and issubclass(owner, ChannelType):
        info = owner.field_info(name)
        return info is not None and info.unit == "rate"
    if name == "fee":
        return owner is not None and owner.__name__ in ITEM_FEE_OWNERS
    return name in RATE_FIELDS


@dataclass(frozen=True)
class Distribution:
    """An uncertain value. ``low``/``high`` bound its 90% interval
    (lognormal, normal) or its support (uniform, triangular)."""

    kind: DistributionKind
    low: float
    high: float
    mode: float | None = None
    """Most likely value; triangular only."""

    def median(self) -> float:
        """The value a deterministic run uses (docs/formulas.md §9)."""
        if self.kind == "lognormal":
            return math.sqrt(self.low * self.high)
        if self.kind == "triangular":
            # The true median of a triangular distribution, not its mode
            # (docs/formulas.md §9): the half of the area lies on the wider side.
            assert self.mode is not None
            width = self.high - self.low
            if self.mode >= (self.low + self.high) / 2:
                return self.low + math.sqrt(width * (self.mode - self.low) / 2)
            return self.high - math.sqrt(width * (self.high - self.mode) / 2)
        return (self.low + self.high) / 2

    def interval(self) -> tuple[float, float]:
        """Its 90% interval, P5 to P95 (docs/formulas.md §9): ``low`` and ``high`` of a lognormal or normal range,
        which is written as one; inside them for a uniform or triangular range, which is written by its support."""
        if self.kind in ("lognormal", "normal"):
            return self.low, self.high
        return self._quantile(0.05), self._quantile(0.95)

    def _quantile(self, q: float) -> float:
        """The ``q`` quantile of a uniform or triangular range: its inverse distribution function."""
        width = self.high - self.low
        if self.kind == "uniform":
            return self.low + q * width
        assert self.mode is not None
        # Below the mode lies (mode - low) / width of the area.
        if q * width <= self.mode - self.low:
            return self.low + math.sqrt(q * width * (self.mode - self.low))
        return self.high - math.sqrt((1 - q) * width * (self.high - self.mode))


Value: TypeAlias = float | Distribution | FloatArray


@dataclass(frozen=True)
class ByMonth:
    """A value that moves month by month (docs/formulas.md §14): the given value at a
    given month, linear between two given months, the first value before the first, the last after the last."""

    points: tuple[tuple[int, Value], ...]
    """(month 1..horizon, value), months strictly increasing; at least one."""


Moving: TypeAlias = Value | ByMonth
"""A value that may be written ``{by_month: {...}}`` (the fields docs/formulas.md lists)."""
Months = tuple[int, ...] | None
"""Months (1-based) in which an item runs; None means every month."""


Channel: TypeAlias = ChannelType
"""Any acquisition channel: an instance of one of the registered types (model/channels/)."""


@dataclass(frozen=True)
class RetentionPoints:
    """Share of a cohort active at given ages; linear between, flat after."""

    points: tuple[tuple[int, Value], ...]
    """(age in months >= 1, share active 0..1), ages strictly increasing."""


@dataclass(frozen=True)
class RetentionChurn:
    """Constant monthly churn: R(a) = (1 - churn)^a."""

    monthly_churn: Value


@dataclass(frozen=True)
class RetentionDays:
    """Day-level retention (D1/D7/D30) to be fitted by a power law (docs/formulas.md §4.9)."""

    days: tuple[tuple[int, Value], ...]
    """(day >= 1, share of the cohort active on that day, 0 < share <= 1), days strictly increasing."""


Retention = RetentionPoints | RetentionChurn | RetentionDays


@dataclass(frozen=True)
class RenewalObserved:
    """Observed survival of a plan's first subscribers, to be fitted by the sBG model (docs/formulas.md §4.9)."""

    observed: tuple[float, ...]
    """s_1..s_K: share of the first subscribers still subscribed after k renewals, non-increasing."""


ConversionByAge = tuple[tuple[int, Value], ...]
"""(age in months >= 0, share of the cohort subscribing at that age), ages strictly increasing."""
Renewal: TypeAlias = Value | tuple[Value, ...] | RenewalObserved
"""A rate for every renewal, a rate per renewal (the last repeating) or observed survival."""


@dataclass(frozen=True)
class Plan:
    """A subscription paid up front each period."""

    name: str
    price: Moving
    """Price per period."""
    period_months: int
    """Months between payments."""
    conversion: Value | ConversionByAge
    """Share of new users who subscribe in their join month, 0..1; or shares by age (summing to <= 1)."""
    renewal: Renewal = 0.0
    """Share of subscribers who renew at each period end, 0..1; or per renewal; or observed survival."""
    fee: Value | None = None
    """Store/payment share of this plan's revenue, 0..1; None: the scenario's ``revenue_fee``."""


@dataclass(frozen=True)
class Purchase:
    """A one-off item bought by active users."""

    name: str
    price: Moving
    """Price per purchase."""
    rate: Moving
    """Purchases per active user per month."""
    fee: Value | None = None
    """Store/payment share of this item's revenue, 0..1; None: the scenario's ``revenue_fee``."""
    unit_cost: Value = 0.0
    """Cost of delivering one purchase (a bootcamp's tutoring, printed goods)."""


@dataclass(frozen=True)
class Order:
    """B2B orders not tied to users (custom model training, ...)."""

    name: str
    price: Moving
    """Price per order."""
    count: Moving
    """Orders per active month."""
    months: Months = None
    fee: Value | None = None
    """Share of this line's revenue lost to fees, 0..1; None: the scenario's ``revenue_fee``."""
    unit_cost: Value = 0.0
    """Cost of delivering one order (a LoRA's training compute)."""


@dataclass(frozen=True)
class Monetization:
    plans: tuple[Plan, ...] = ()
    purchases: tuple[Purchase, ...] = ()
    revenue_fee: Value = 0.0
    """Share of gross revenue lost to stores, payment and tax, 0..1 (items without their own ``fee``)."""
    orders: tuple[Order, ...] = ()


@dataclass(frozen=True)
class FixedCost:
    name: str
    monthly: Moving
    """Cost per running month."""
    months: Months = None


@dataclass(frozen=True)
class Costs:
    serving_per_active_user: Moving = 0.0
    """Inference/compute cost per active user per month."""
    fixed: tuple[FixedCost, ...] = ()
    serving_per_subscriber: Value = 0.0
    """Extra compute per subscriber in force per month (paying users generate more)."""


MILESTONE_KEYS: tuple[str, ...] = ("subscribers", "gross_revenue", "new_users", "active_users", "cumulative_cash")
"""What a milestone may bound: a monthly series, at least the given value in its month."""


@dataclass(frozen=True)
class Milestone:
    """At least ``value`` of the month series ``key`` in ``month`` (cumulative cash: at that month's end)."""

    month: int
    """1-based month of the horizon."""
    key: str
    """One of ``MILESTONE_KEYS``."""
    value: float
    """Users or subscribers (counts), or money."""

    @property
    def name(self) -> str:
        """How `check` names it: ``milestone subscribers@6``."""
        return f"milestone {self.key}@{self.month}"


@dataclass(frozen=True)
class DropLimit:
    """The most a figure may fall from the base revision to the change (``check --base``; docs/formulas.md §10)."""

    limit: float
    relative: bool
    """True: ``limit`` is a share of the base's value (written ``10%``); False: an amount in the figure's unit."""


@dataclass(frozen=True)
class Targets:
    """Guardrails `check` enforces; None means not set."""

    max_payback_months: int | None = None
    min_roi: float | None = None
    min_ltv_to_cac: float | None = None
    min_roas: float | None = None
    max_cac: float | None = None
    """Money per paid user."""
    min_npv: float | None = None
    """Money."""
    min_payback_probability: float | None = None
    """Share 0..1 of simulated samples that must pay back within max_payback_months (default 12)."""
    max_cash_need: float | None = None
    """Money: the most ``peak_cash_need`` may be."""
    milestones: tuple[Milestone, ...] = ()
    """Dated targets on monthly series, in file order."""
    max_npv_drop: DropLimit | None = None
    """On the change against ``check --base REF``: how far npv may fall from REF's."""
    max_payback_delay: int | None = None
    """On the change against ``check --base REF``: months payback_month may move later than REF's."""


@dataclass(frozen=True)
class Gate:
    """A test on some channels that decides whether they, and the ``then`` channels, run after ``after_month``."""

    name: str
    after_month: int
    """The test runs in months 1..after_month (1..horizon-1)."""
    channels: tuple[str, ...]
    """Names of the test channels."""
    then: tuple[str, ...] = ()
    """Names of the channels that run after ``after_month`` only if the test passed."""
    min_roas: float | None = None
    """The test channels' attributed gross revenue paid in months 1..after_month over their spend must reach this."""
    max_cac: float | None = None
    """Money: their spend over the users they bought in months 1..after_month must not exceed this."""


DEFAULT_TARGET_PAYBACK_MONTHS = 12
"""Payback target of `breakeven` and `simulate` when the file sets none."""


@dataclass(frozen=True)
class Scenario:
    name: str
    retention: Retention
    horizon_months: int = 24
    currency: str = "CNY"
    start: tuple[int, int] | None = None
    """(year, month) of month 1; labels only."""
    discount_rate: Value = 0.0
    """Annual discount rate used by NPV and LTV."""
    ltv_months: int | None = None
    """Months over which LTV is counted (1..120); None means ``horizon_months``."""
    acquisition: tuple[Channel, ...] = ()
    organic_users: Moving = 0.0
    """New users per month that no channel bought."""
    virality: Value = 0.0
    """Each month's new users bring k x as many next month, 0 <= k < 1."""
    referral_reward: Value = 0.0
    """Money paid for each viral user, in the month it joins."""
    monetization: Monetization = field(default_factory=Monetization)
    costs: Costs = field(default_factory=Costs)
    targets: Targets = field(default_factory=Targets)
    gates: tuple[Gate, ...] = ()
    """Staged plan: evaluated in file order (docs/formulas.md §18)."""

    @property
    def ltv_lifetime(self) -> int:
        """L of docs/formulas.md §5: ``ltv_months``, else the horizon."""
        return self.horizon_months if self.ltv_months is None else self.ltv_months

    def month_labels(self) -> list[str]:
        """`YYYY-MM` per month when `start` is set, else `M1`, `M2`, ..."""
        return month_labels(self.start, self.horizon_months)


FILE_KEYS: frozenset[str] = frozenset({*(key.name for key in fields(Scenario)), "version"})
"""The keys at the top of a scenario file, as the reader's field table has them (tests/contract/test_file_keys.py): a
Scenario's fields and the format's ``version``, which none keeps. A path whose first word is one of them is a field
path wherever a path may start with an item's name (model/paths.py ``is_field_path``)."""


def month_labels(start: tuple[int, int] | None, horizon: int) -> list[str]:
    """`YYYY-MM` of each of ``horizon`` months from ``start`` (year, month), else `M1`, `M2`, ..."""
    if start is None:
        return [f"M{t}" for t in range(1, horizon + 1)]
    year, month = start
    labels = []
    for offset in range(horizon):
        y, m = divmod(month - 1 + offset, 12)
        labels.append(f"{year + y:04d}-{m + 1:02d}")
    return labels
