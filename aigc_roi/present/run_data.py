"""Engine results as plain data: the JSON shape of docs/formulas.md §8.

Pure: numbers stay full float64; ``None`` stands for an undefined figure
(the engine's NaN). Renderers and exporters all start from these dicts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aigc_roi.model.figures import MONTH_COLUMNS, figures_of, plain
from aigc_roi.model.scenario import Scenario
from aigc_roi.present.fit_data import fits_report
from aigc_roi.present.gates import gates_report
from aigc_roi.present.peak_cash import with_horizon_flag

if TYPE_CHECKING:
    from aigc_roi.model.engine import Result

FORMAT_VERSION = 1


def run_report(scenario: Scenario, result: Result, sample: int = 0, cohorts: bool = False) -> dict[str, Any]:
    """``{"format_version", "scenario", "currency", "figures", "channels", "months", "fits"}``, ``"gates"``
    when the plan has gates, and ``"cohorts"`` when asked (it grows with the square of the horizon)."""
    channels = [
        {
            "name": name,
            "type": kind,
            "spend": plain(result.channel_spend[sample, c]),
            "users": plain(result.channel_users[sample, c]),
            "cac": plain(result.channel_cac[sample, c]),
            "roas": plain(result.channel_roas[sample, c]),
            "roi": plain(result.channel_roi[sample, c]),
            "gross_revenue": plain(result.channel_gross_revenue[sample, c]),
            "contribution": plain(result.channel_contribution[sample, c]),
            "max_unit_cost": plain(result.channel_max_unit_cost[sample, c]),
            "max_unit_cost_factor": plain(result.channel_max_unit_cost_factor[sample, c]),
            "ltv": plain(result.channel_ltv[sample, c]),
            "ltv_to_cac": plain(result.channel_ltv_to_cac[sample, c]),
            # With saturation_budget the max unit cost is an average one (docs/formulas.md §6).
            "saturating": c < len(scenario.acquisition) and getattr(scenario.acquisition[c], "saturation_budget", None) is not None,
        }
        for c, (name, kind) in enumerate(zip(result.channel_names, result.channel_types, strict=True))
    ]
    series = {name: result.months[name][sample] for name in MONTH_COLUMNS}
    months = [
        {"month": t + 1, "label": label, **{name: plain(series[name][t]) for name in MONTH_COLUMNS}}
        for t, label in enumerate(scenario.month_labels())
    ]
    report = {
        "format_version": FORMAT_VERSION,
        "scenario": scenario.name,
        "currency": scenario.currency,
        "horizon_months": scenario.horizon_months,
        # Beside the figures, not one of them: why irr is null (docs/formulas.md §5); then the horizon flag.
        "figures": with_horizon_flag({**figures_of(result.figures, sample), "irr_none_reason": result.irr_none_reason[sample]},
                                     scenario.horizon_months),
        "channels": channels,
        "months": months,
        "fits": fits_report(scenario),
    }
    if scenario.gates:
        report["gates"] = gates_report(scenario, result, sample)
    if cohorts:
        report["cohorts"] = cohort_rows(scenario, result, sample)
    return report


def cohort_rows(scenario: Scenario, result: Result, sample: int = 0) -> list[dict[str, Any]]:
    """Per cohort month s: ``month``, ``label``, ``new_users`` and ``contribution``, the
    cohort's contribution in each month s..H (a list of H - s + 1 amounts)."""
    new_users = result.months["new_users"][sample]
    table = result.cohort_table(sample)
    return [
        {"month": s + 1, "label": label, "new_users": plain(new_users[s]),
         "contribution": [plain(value) for value in table[s, s:]]}
        for s, label in enumerate(scenario.month_labels())
    ]
