"""`aigc-roi curves`: a scenario's retention by month and each plan's renewal survival, in every format.

``curves_report`` is plain data (the JSON shape); the other functions render
it. Retention is the curve the run uses (R(a), a = 0..H-1); with day-level
retention the observed days are placed at age day / 30.4375 months beside
their fitted shares. Renewal survival is the share of a plan's first
subscribers still subscribed after k renewals, k = 0..floor((H-1)/P).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aigc_roi.model.curves import plan_renewal_count, renewal_rates, renewal_survival
from aigc_roi.model.figures import plain
from aigc_roi.model.fits import DAYS_PER_MONTH
from aigc_roi.model.sampling import realize
from aigc_roi.model.scenario import RenewalObserved, Scenario
from aigc_roi.present.fit_data import fits_markdown, fits_report
from aigc_roi.present.labels import label

if TYPE_CHECKING:
    from rich.console import RenderableType

    from aigc_roi.model.engine import Result

Table = tuple[list[str], list[list[Any]]]
CURVE_TABLES = ("curves", "fits")
_BAR_WIDTH = 40


def curves_report(scenario: Scenario, result: Result) -> dict[str, Any]:
    """``{"scenario", "horizon_months", "retention": [{"age", "share"}], "observed_days": [...],
    "renewals": [{"plan", "period_months", "points": [{"renewal", "age", "rate", "survival", "observed"}]}], "fits"}``."""
    realized = realize(scenario)
    horizon = realized.horizon_months
    fits = fits_report(scenario)
    retention_fit = next((fit for fit in fits if fit["curve"] == "retention"), None)
    observed_days = [] if retention_fit is None else [
        {"day": point["day"], "age": point["day"] / DAYS_PER_MONTH, "observed": point["observed"], "fitted": point["fitted"]}
        for point in retention_fit["points"]
    ]
    renewals = []
    for plan in realized.monetization.plans:
        count = plan_renewal_count(plan, horizon)
        rates = renewal_rates(plan.renewal, count, 1)[0]
        survival = renewal_survival(plan.renewal, count, 1)[0]
        observed = plan.renewal.observed if isinstance(plan.renewal, RenewalObserved) else ()
        renewals.append({
            "plan": plan.name,
            "period_months": plan.period_months,
            "points": [
                {"renewal": k, "age": k * plan.period_months, "rate": plain(rates[k - 1]) if k else None,
                 "survival": plain(survival[k]), "observed": float(observed[k - 1]) if 0 < k <= len(observed) else None}
                for k in range(count + 1)
            ],
        })
    return {
        "scenario": scenario.name,
        "horizon_months": horizon,
        "retention": [{"age": age, "share": plain(share)} for age, share in enumerate(result.retention[0])],
        "observed_days": observed_days,
        "renewals": renewals,
        "fits": fits,
    }


def curves_table(report: dict[str, Any]) -> Table:
    """One row per point of every curve: retention by age, then each plan's survival by renewal."""
    rows: list[list[Any]] = [["retention", None, point["age"], None, point["share"], None] for point in report["retention"]]
    rows += [["retention_observed", None, point["age"], None, point["fitted"], point["observed"]] for point in report["observed_days"]]
    rows += [["renewal_survival", plan["plan"], point["age"], point["renewal"], point["survival"], point["observed"]]
             for plan in report["renewals"] for point in plan["points"]]
    return ["curve", "plan", "age_months", "renewal", "share", "observed"], rows


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.2f}%"


def curves_markdown(report: dict[str, Any], lang: str = "en") -> str:
    lines = [f"## {report['scenario']} · {label('curves_title', lang)}", "", f"### {label('retention_by_month', lang)}", "",
             f"| {label('age_months', lang)} | {label('retention_share', lang)} |", "|---:|---:|"]
    lines += [f"| {point['age']} | {_percent(point['share'])} |" for point in report["retention"]]
    for plan in report["renewals"]:
        lines += ["", f"### {label('renewal_survival', lang).format(plan=plan['plan'], period=plan['period_months'])}", "",
                  f"| {label('renewal_k', lang)} | {label('paid_at_age', lang)} | {label('renewal_rate', lang)} | "
                  f"{label('still_subscribed', lang)} | {label('observed', lang)} |", "|---:|---:|---:|---:|---:|"]
        lines += [f"| {p['renewal']} | {p['age']} | {_percent(p['rate'])} | {_percent(p['survival'])} | {_percent(p['observed'])} |"
                  for p in plan["points"]]
    text = "\n".join(lines) + "\n"
    if report["fits"]:
        text += "\n" + fits_markdown(report["fits"], lang)
    return text


def _bar(share: float | None) -> str:
    """A horizontal bar of ``_BAR_WIDTH`` cells for a share in [0, 1], eighths for the last cell."""
    if share is None:
        return ""
    eighths = round(max(0.0, min(1.0, share)) * _BAR_WIDTH * 8)
    return "█" * (eighths // 8) + ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")[eighths % 8]


def curves_view(report: dict[str, Any], lang: str) -> list[RenderableType]:
    """Retention by month with a bar chart and the observed days marked; survival tables; the fits."""
    from rich.table import Table as RichTable

    from aigc_roi.present.fit_view import fits_view

    observed_at: dict[int, list[dict[str, Any]]] = {}
    for point in report["observed_days"]:
        observed_at.setdefault(round(point["age"]), []).append(point)
    retention = RichTable(title=f"{report['scenario']} · {label('retention_by_month', lang)}", title_justify="left",
                          caption=label("fitted_points", lang) if observed_at else None, caption_justify="left")
    retention.add_column(label("age_months", lang), justify="right")
    retention.add_column(label("retention_share", lang), justify="right")
    retention.add_column("", no_wrap=True)
    if observed_at:
        retention.add_column(label("observed", lang), no_wrap=True)
    for point in report["retention"]:
        cells = [str(point["age"]), _percent(point["share"]), _bar(point["share"])]
        if observed_at:
            cells.append("  ".join(f"◆ D{days['day']} {_percent(days['observed'])}" for days in observed_at.get(point["age"], [])))
        retention.add_row(*cells)
    parts: list[RenderableType] = [retention]
    for plan in report["renewals"]:
        table = RichTable(title=label("renewal_survival", lang).format(plan=plan["plan"], period=plan["period_months"]),
                          title_justify="left")
        for key in ("renewal_k", "paid_at_age", "renewal_rate", "still_subscribed"):
            table.add_column(label(key, lang), justify="right")
        table.add_column("", no_wrap=True)
        has_observed = any(p["observed"] is not None for p in plan["points"])
        if has_observed:
            table.add_column(label("observed", lang), justify="right")
        for p in plan["points"]:
            cells = [str(p["renewal"]), str(p["age"]), _percent(p["rate"]), _percent(p["survival"]), _bar(p["survival"])]
            table.add_row(*cells, *([_percent(p["observed"])] if has_observed else []))
        parts.append(table)
    return parts + fits_view(report["fits"], lang)
