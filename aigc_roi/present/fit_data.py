"""Fitted curves (whatif/fits.py) as plain data (the ``"fits"`` list of run JSON) and their tables."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aigc_roi.model.compared import told_apart
from aigc_roi.model.rounding import fixed
from aigc_roi.present.labels import label
from aigc_roi.present.text import markdown_heading, markdown_text

if TYPE_CHECKING:
    from aigc_roi.model.scenario import Scenario
    from aigc_roi.whatif.fits import Fit

FIT_COLUMNS = ("curve", "channel", "plan", "point", "observed", "fitted", "gap", "u", "b", "alpha", "beta", "at_bound",
               "relative_gap", "poor", "loose", "tail_understated")
"""Columns of the fits table (CSV, xlsx): one row per observed point, its fit's parameters and flags repeated on
each (u and b of a retention fit, alpha and beta of a renewal fit, empty otherwise; relative_gap, loose and
tail_understated of a retention fit only). ``channel`` names the channel of a channel's own retention and ``plan``
the plan of a renewal fit, each empty elsewhere, as the curves CSV's columns do (present/curves.py)."""


def fits_report(scenario: Scenario) -> list[dict[str, Any]]:
    """``[{"curve", "plan", "field", "model", "parameters", "points", "largest_gap", "poor_above", "poor", "at_bound",
    "largest_relative_gap", "loose_above", "loose", "tail_gap", "tail_understated_above", "tail_understated"}]``:
    ``fits_json`` of the scenario's fits (whatif/fits.py, which says what each means); empty without fitted fields."""
    # Lazy: numpy, which `--help` must not load (present.tables imports this module).
    from aigc_roi.whatif.fits import fits_of

    return fits_json(fits_of(scenario))


def fits_json(fits: tuple[Fit, ...]) -> list[dict[str, Any]]:
    """``fits`` as run's and curves' JSON ``"fits"`` write them: a channel's own day-level retention adds
    ``"channel"``, its name, after ``"plan"``; a point is ``{"day", "observed", "fitted"}`` or ``{"renewal", ...}``."""
    return [{
        "curve": fit.curve,
        "plan": fit.plan,
        **({"channel": fit.channel} if fit.channel is not None else {}),
        "field": fit.field,
        "model": fit.model,
        "parameters": dict(fit.parameters),
        "points": [{"day": point.day, "observed": point.observed, "fitted": point.fitted} if point.day is not None
                   else {"renewal": point.renewal, "observed": point.observed, "fitted": point.fitted}
                   for point in fit.points],
        "largest_gap": fit.largest_gap,
        "poor_above": fit.poor_above,
        "poor": fit.poor,
        "at_bound": fit.at_bound,
        "largest_relative_gap": fit.largest_relative_gap,
        "loose_above": fit.loose_above,
        "loose": fit.loose,
        "tail_gap": fit.tail_gap,
        "tail_understated_above": fit.tail_understated_above,
        "tail_understated": fit.tail_understated,
    } for fit in fits]


def point_of(point: dict[str, Any]) -> str:
    """``D7`` for a retention day, ``R2`` for the second renewal."""
    return f"D{point['day']}" if "day" in point else f"R{point['renewal']}"


def fits_table(fits: list[dict[str, Any]]) -> tuple[list[str], list[list[Any]]]:
    rows = [[fit["curve"], fit.get("channel"), fit["plan"], point_of(point), point["observed"], point["fitted"],
             point["fitted"] - point["observed"], *(fit["parameters"].get(name) for name in ("u", "b", "alpha", "beta")),
             fit["at_bound"], _relative_gap(fit, point), fit["poor"], fit["loose"], fit["tail_understated"]]
            for fit in fits for point in fit["points"]]
    return list(FIT_COLUMNS), rows


def _relative_gap(fit: dict[str, Any], point: dict[str, Any]) -> float | None:
    """(fitted - observed) / observed of a day fit's point (a day's share is never 0); None for a renewal's."""
    return (point["fitted"] - point["observed"]) / point["observed"] if fit["model"] == "power_law" else None


def fit_title(fit: dict[str, Any], lang: str) -> str:
    if fit["curve"] == "channel_retention":
        return label("fit_channel_retention", lang).format(channel=fit["channel"])
    return label("fit_retention", lang) if fit["curve"] == "retention" else label("fit_renewal", lang).format(plan=fit["plan"])


def fit_summary(fit: dict[str, Any], lang: str) -> str:
    """``u = -0.79, b = 0.38 · largest gap 0.41 pp``."""
    parameters = label("list_separator", lang).join(f"{name} = {value:.4g}" for name, value in fit["parameters"].items())
    return f"{parameters} · {label('largest_gap', lang)} {fixed(fit['largest_gap'], 2, shift=2)} {label('percentage_points', lang)}"


def fit_warnings(fit: dict[str, Any], lang: str) -> list[str]:
    """What makes a fit untrustworthy, each a sentence: a point far off in points or relative to its share, a
    curve already below the last observed day, an sBG fit at the optimiser's bound; empty for a good fit."""
    notes = []
    if fit["poor"]:
        notes.append(label("poor_fit", lang).format(**_gap_and_limit(fit["largest_gap"], fit["poor_above"])))
    if fit["loose"]:
        worst = max(fit["points"], key=lambda point: abs(point["fitted"] - point["observed"]) / point["observed"])
        notes.append(label("loose_fit", lang).format(
            day=point_of(worst), **_gap_and_limit(fit["largest_relative_gap"], fit["loose_above"])))
    if fit["tail_understated"]:
        last = max(fit["points"], key=lambda point: point["day"])
        notes.append(label("tail_understated", lang).format(
            day=point_of(last), **_gap_and_limit(-fit["tail_gap"], fit["tail_understated_above"])))
    if fit["at_bound"]:
        notes.append(label("fit_at_bound", lang))
    return notes


def _gap_and_limit(gap: float, limit: float) -> dict[str, str]:
    """A gap and the limit it exceeds, in hundredths, one decimal or as many as tell them apart (never "5.0, more
    than 5"); the limit without trailing zeros."""
    gap_text, limit_text = told_apart(lambda value, places: fixed(value, places, shift=2), gap, limit, 1)
    return {"gap": gap_text, "limit": limit_text.rstrip("0").rstrip(".")}


def fits_markdown(fits: list[dict[str, Any]], lang: str = "en") -> str:
    """One heading, parameter line, its warnings, and observed-vs-fitted table per fit."""
    parts = []
    for fit in fits:
        lines = [markdown_heading(3, fit_title(fit, lang)), "", markdown_text(fit_summary(fit, lang)), ""]
        for note in fit_warnings(fit, lang):
            lines += [f"> ⚠ {markdown_text(note)}", ""]
        lines += [f"| {label('point', lang)} | {label('observed', lang)} | {label('fitted', lang)} |", "|---|---:|---:|"]
        lines += [f"| {point_of(point)} | {fixed(point['observed'], 2, shift=2)}% | {fixed(point['fitted'], 2, shift=2)}% |"
                  for point in fit["points"]]
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)
