"""Fitted curves as plain data (the ``"fits"`` list of run JSON) and their tables.

Every fit lists its parameters, each observed point beside its fitted value,
the largest gap and whether the fit is poor (a gap above 5 points). Ranges
count at their median, as in the deterministic run the fit is shown beside.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aigc_roi.present.labels import label
from aigc_roi.present.text import markdown_text

if TYPE_CHECKING:
    from aigc_roi.model.scenario import Scenario

FIT_COLUMNS = ("curve", "plan", "point", "observed", "fitted", "gap", "u", "b", "alpha", "beta", "at_bound")
"""Columns of the fits table (CSV, xlsx): one row per observed point, its fit's parameters repeated on each
(u and b of a retention fit, alpha and beta of a renewal fit, empty otherwise)."""


def fits_report(scenario: Scenario) -> list[dict[str, Any]]:
    """``[{"curve", "plan", "field", "model", "parameters", "points", "largest_gap", "poor_above", "poor", "at_bound"}]``;
    empty without fitted fields. ``poor`` is ``largest_gap > poor_above`` (shares); ``at_bound`` says an sBG
    fit ran to the optimiser's bound (the data has no sBG maximum; model/fits.py). A channel's own day-level
    retention is ``"curve": "channel_retention"`` with ``"channel"``: its name."""
    # Lazy: numpy, which `--help` must not load (present.tables imports this module).
    from aigc_roi.model.curves import scenario_fits
    from aigc_roi.model.fits import POOR_FIT_GAP, PowerLawFit
    from aigc_roi.model.sampling import realize

    realized = realize(scenario)
    fits = scenario_fits(realized)
    out: list[dict[str, Any]] = []
    day_fits: list[tuple[str, str | None, str, PowerLawFit]] = []
    if fits.retention is not None:
        day_fits.append(("retention", None, "retention.days", fits.retention))
    day_fits += [("channel_retention", fit.channel, f"acquisition[{fit.index}].retention.days", fit.fit) for fit in fits.channels]
    for curve, channel, field, day_fit in day_fits:
        out.append({
            "curve": curve,
            "plan": None,
            **({"channel": channel} if channel is not None else {}),
            "field": field,
            "model": "power_law",
            "parameters": {"u": float(day_fit.u), "b": float(day_fit.b)},
            "points": [{"day": int(day), "observed": float(share), "fitted": float(fitted)}
                       for day, share, fitted in zip(day_fit.days, day_fit.shares, day_fit.fitted, strict=True)],
            "largest_gap": float(day_fit.largest_gap),
            "poor_above": POOR_FIT_GAP,
            "poor": bool(day_fit.poor),
            "at_bound": False,
        })
    for plan_fit in fits.renewals:
        fit = plan_fit.fit
        out.append({
            "curve": "renewal",
            "plan": plan_fit.plan,
            "field": f"monetization.plans[{plan_fit.index}].renewal.observed",
            "model": "sbg",
            "parameters": {"alpha": fit.alpha, "beta": fit.beta},
            "points": [{"renewal": k, "observed": share, "fitted": fitted}
                       for k, (share, fitted) in enumerate(zip(fit.observed, fit.fitted, strict=True), start=1)],
            "largest_gap": fit.largest_gap,
            "poor_above": POOR_FIT_GAP,
            "poor": fit.poor,
            "at_bound": fit.at_bound,
        })
    return out


def point_of(point: dict[str, Any]) -> str:
    """``D7`` for a retention day, ``R2`` for the second renewal."""
    return f"D{point['day']}" if "day" in point else f"R{point['renewal']}"


def fits_table(fits: list[dict[str, Any]]) -> tuple[list[str], list[list[Any]]]:
    # The plan column names whose curve it is: the plan's, or the channel's for a channel's own retention.
    rows = [[fit["curve"], fit.get("channel", fit["plan"]), point_of(point), point["observed"], point["fitted"],
             point["fitted"] - point["observed"], *(fit["parameters"].get(name) for name in ("u", "b", "alpha", "beta")),
             fit["at_bound"]]
            for fit in fits for point in fit["points"]]
    return list(FIT_COLUMNS), rows


def fit_title(fit: dict[str, Any], lang: str) -> str:
    if fit["curve"] == "channel_retention":
        return label("fit_channel_retention", lang).format(channel=fit["channel"])
    return label("fit_retention", lang) if fit["curve"] == "retention" else label("fit_renewal", lang).format(plan=fit["plan"])


def fit_summary(fit: dict[str, Any], lang: str) -> str:
    """``u = -0.79, b = 0.38 · largest gap 0.41 pt``."""
    parameters = ", ".join(f"{name} = {value:.4g}" for name, value in fit["parameters"].items())
    return f"{parameters} · {label('largest_gap', lang)} {fit['largest_gap'] * 100:.2f} {label('gap_points', lang)}"


def bound_note(fit: dict[str, Any], lang: str) -> str | None:
    """What an sBG fit at the optimiser's bound means, or None for a fit inside it."""
    return label("fit_at_bound", lang) if fit["at_bound"] else None


def poor_fit_warning(fit: dict[str, Any], lang: str) -> str:
    return label("poor_fit", lang).format(gap=f"{fit['largest_gap'] * 100:.1f}", limit=f"{fit['poor_above'] * 100:g}")


def fits_markdown(fits: list[dict[str, Any]], lang: str = "en") -> str:
    """One heading, parameter line, warning when poor, and observed-vs-fitted table per fit."""
    parts = []
    for fit in fits:
        lines = [f"### {markdown_text(fit_title(fit, lang))}", "", markdown_text(fit_summary(fit, lang)), ""]
        if fit["poor"]:
            lines += [f"> ⚠ {markdown_text(poor_fit_warning(fit, lang))}", ""]
        note = bound_note(fit, lang)
        if note is not None:
            lines += [f"> ⚠ {markdown_text(note)}", ""]
        lines += [f"| {label('point', lang)} | {label('observed', lang)} | {label('fitted', lang)} |", "|---|---:|---:|"]
        lines += [f"| {point_of(point)} | {point['observed'] * 100:.2f}% | {point['fitted'] * 100:.2f}% |" for point in fit["points"]]
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)
