"""Engine results as plain data: the JSON shape of docs/formulas.md §8.

Pure: numbers stay full float64; ``None`` stands for an undefined figure
(the engine's NaN). Renderers and exporters all start from a ``RunReport``;
its ``to_json`` is the JSON.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from aigc_roi.model.figures import MONTH_COLUMNS, PAID_MONTH_COLUMNS, figures_of, plain, with_horizon_flag
from aigc_roi.model.gate_results import GateResult, gates_report
from aigc_roi.model.paths import channel_path
from aigc_roi.model.running import running_sum
from aigc_roi.model.scenario import Distribution, Scenario
from aigc_roi.present.discount_note import range_data
from aigc_roi.present.fit_data import fits_report
from aigc_roi.present.gates import gates_json

if TYPE_CHECKING:
    from aigc_roi.model.engine import Result

FORMAT_VERSION = 1


@dataclass(frozen=True)
class ChannelRun:
    """One channel's figures in the run (docs/formulas.md §6); None where a figure is none."""

    name: str
    path: str
    """Where the file sets the channel, ``acquisition[0]`` (``organic_users`` for the organic row): two channels may
    share a name."""
    type: str
    spend: float | None
    users: float | None
    cac: float | None
    roas: float | None
    roi: float | None
    gross_revenue: float | None
    contribution: float | None
    max_unit_cost: float | None
    max_unit_cost_factor: float | None
    """For a unit cost written by month: the factor on every month's value at which the channel's ROI is 0."""
    ltv: float | None
    ltv_to_cac: float | None
    saturating: bool
    """With ``saturation_budget`` the max unit cost is an average one (docs/formulas.md §6)."""
    max_unit_cost_kind: str | None = None
    """What ``max_unit_cost`` (or the factor) prices: the type's unit cost field, ``bid`` (per new user), ``cpm`` (per
    1,000 impressions), ``fee`` (per post), ``cost`` (per month); None for the organic row (docs/formulas.md §6)."""


@dataclass(frozen=True)
class Cohort:
    """The users who joined in plan month ``month`` and what they contributed from then on."""

    month: int
    label: str
    new_users: float | None
    contribution: tuple[float | None, ...]
    """The cohort's contribution in each month from its own to the horizon."""


@dataclass(frozen=True)
class RunReport:
    """The run of docs/formulas.md §8: figures, channels, months, fitted curves, gates and cohorts."""

    scenario: str
    currency: str
    horizon_months: int
    figures: Mapping[str, Any]
    """Every figure by name, ``irr_none_reason``, ``irr_kind`` and ``peak_cash_at_horizon`` (present/peak_cash.py)."""
    channels: tuple[ChannelRun, ...]
    months: tuple[Mapping[str, Any], ...]
    """Per plan month: ``month``, ``label``, every column of MONTH_COLUMNS and of PAID_MONTH_COLUMNS."""
    fits: list[dict[str, Any]]
    """The fitted curves (present/fit_data.py)."""
    gates: tuple[GateResult, ...] | None
    """A staged plan's gates; None for a plan without."""
    cohorts: tuple[Cohort, ...] | None
    """When asked for: it grows with the square of the horizon."""
    discount_rate: float = 0.0
    """The annual rate NPV and LTV are discounted at (a range's median), which the text formats state beside NPV."""
    discount_range: Mapping[str, Any] | None = None
    """The range ``discount_rate`` is the median of (present/discount_note.py ``range_data``), which the note beside
    NPV names; None where the file writes one number."""
    defers_revenue: bool = False
    """Some plan is paid for more than a month at once: only then does recognised revenue differ from the cash, and
    deferred revenue from 0, so only then has the accrual line under the months table something to say."""

    def to_json(self) -> dict[str, Any]:
        """``{"format_version", "scenario", "currency", "horizon_months", "figures", "channels", "months", "fits"}``,
        then ``"gates"`` and ``"cohorts"`` when present."""
        data: dict[str, Any] = {
            "format_version": FORMAT_VERSION,
            "scenario": self.scenario,
            "currency": self.currency,
            "horizon_months": self.horizon_months,
            "figures": dict(self.figures),
            "channels": [asdict(channel) for channel in self.channels],
            "months": [dict(month) for month in self.months],
            "fits": self.fits,
        }
        if self.gates is not None:
            data["gates"] = gates_json(self.gates)
        if self.cohorts is not None:
            data["cohorts"] = [{**asdict(cohort), "contribution": list(cohort.contribution)} for cohort in self.cohorts]
        return data


def run_report(scenario: Scenario, result: Result, cohorts: bool = False) -> RunReport:
    """The run's figures, channels, months and fits; gates when the plan has them, and cohorts when asked.
    ``result`` is the run of ``scenario`` (``api.run``): a channel's max unit cost is its own with the gates decided
    at it (whatif/max_bid.py), which evaluates the scenario again where a gate tests the channel."""
    from aigc_roi.model.sampling import realize
    from aigc_roi.whatif.max_bid import own_max_unit_costs

    max_unit_cost, max_factor = own_max_unit_costs(scenario, result)
    channels = tuple(
        ChannelRun(
            name=name,
            path=channel_path(c) if c < len(scenario.acquisition) else "organic_users",
            type=kind,
            spend=plain(result.channel_spend[0, c]),
            users=plain(result.channel_users[0, c]),
            cac=plain(result.channel_cac[0, c]),
            roas=plain(result.channel_roas[0, c]),
            roi=plain(result.channel_roi[0, c]),
            gross_revenue=plain(result.channel_gross_revenue[0, c]),
            contribution=plain(result.channel_contribution[0, c]),
            max_unit_cost=plain(max_unit_cost[c]),
            max_unit_cost_factor=plain(max_factor[c]),
            ltv=plain(result.channel_ltv[0, c]),
            ltv_to_cac=plain(result.channel_ltv_to_cac[0, c]),
            saturating=c < len(scenario.acquisition) and getattr(scenario.acquisition[c], "saturation_budget", None) is not None,
            max_unit_cost_kind=scenario.acquisition[c].unit_cost if c < len(scenario.acquisition) else None,
        )
        for c, (name, kind) in enumerate(zip(result.channel_names, result.channel_types, strict=True))
    )
    series = {name: result.months[name][0] for name in MONTH_COLUMNS}
    # P(t) as the engine sums it for paid_payback_month (model/chunk.py): the same additions in the same order.
    series["paid_contribution"] = paid = result.months["paid_contribution"][0]
    series["paid_cumulative_cash"] = running_sum(paid - series["ad_spend"], own=True)
    rate = realize(scenario).discount_rate
    assert isinstance(rate, float), "a run's value is a median: one number"
    months = tuple(
        {"month": t + 1, "label": label, **{name: plain(series[name][t]) for name in (*MONTH_COLUMNS, *PAID_MONTH_COLUMNS)}}
        for t, label in enumerate(scenario.month_labels())
    )
    return RunReport(
        scenario=scenario.name,
        currency=scenario.currency,
        horizon_months=scenario.horizon_months,
        # Beside the figures, not one of them: why irr is null, or how it reads (docs/formulas.md §5); then the
        # horizon flag.
        figures=with_horizon_flag({**figures_of(result.figures), **result.irr_notes()}, scenario.horizon_months),
        channels=channels,
        months=months,
        fits=fits_report(scenario),
        gates=gates_report(scenario, result) if scenario.gates else None,
        cohorts=cohort_rows(scenario, result) if cohorts else None,
        discount_rate=rate,
        discount_range=range_data(scenario.discount_rate if isinstance(scenario.discount_rate, Distribution) else None),
        defers_revenue=any(plan.period_months > 1 for plan in scenario.monetization.plans),
    )


def cohort_rows(scenario: Scenario, result: Result, sample: int = 0) -> tuple[Cohort, ...]:
    """Per cohort month s its new users and its contribution in each month s..H (H - s + 1 amounts)."""
    new_users = result.months["new_users"][sample]
    table = result.cohort_table(sample)
    return tuple(Cohort(s + 1, label, plain(new_users[s]), tuple(plain(value) for value in table[s, s:]))
                 for s, label in enumerate(scenario.month_labels()))
