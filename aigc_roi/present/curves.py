"""`aigc-roi curves`: a scenario's retention by month and each plan's renewal survival, in every format.

``curves_report`` is plain data (the JSON shape); the other functions render
it. Retention is the curve the run uses (R(a), a = 0..H-1); with day-level
retention the observed days are placed at age day / 30.4375 months beside
their fitted shares. Renewal survival is the share of a plan's first
subscribers still subscribed after k renewals, k = 0..floor((H-1)/P).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aigc_roi.model.curves import plan_renewal_count, renewal_rates, renewal_survival
from aigc_roi.model.figures import plain
from aigc_roi.model.fits import DAYS_PER_MONTH
from aigc_roi.model.sampling import realize
from aigc_roi.model.scenario import RenewalObserved, Scenario
from aigc_roi.present.fit_data import fits_markdown, fits_report, fits_table
from aigc_roi.present.labels import label
from aigc_roi.present.presenter import Presenter
from aigc_roi.present.text import markdown_text

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

    from aigc_roi.model.engine import Result
    from aigc_roi.present.layout import Fitted

Table = tuple[list[str], list[list[Any]]]
CURVE_TABLES = ("curves", "fits")
_BAR_WIDTH = 40


def curves_report(scenario: Scenario, result: Result) -> dict[str, Any]:
    """``{"scenario", "horizon_months", "retention": [{"age", "share"}], "channel_retention": [{"channel", "field",
    "retention"}] (each channel with its own retention: the curve its users follow), "observed_days": [...],
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
    own_curves = [
        {"channel": channel.name, "field": f"acquisition[{c}].retention",
         "retention": [{"age": age, "share": plain(share)}
                       for age, share in enumerate(result.group_series["retention"][result.source_groups[c], 0])]}
        for c, channel in enumerate(realized.acquisition) if channel.retention is not None and result.source_groups
    ]
    return {
        "scenario": scenario.name,
        "horizon_months": horizon,
        "retention": [{"age": age, "share": plain(share)} for age, share in enumerate(result.retention[0])],
        "channel_retention": own_curves,
        "observed_days": observed_days,
        "renewals": renewals,
        "fits": fits,
    }


def curves_table(report: dict[str, Any]) -> Table:
    """One row per point of every curve: retention by age, then each plan's survival by renewal."""
    rows: list[list[Any]] = [["retention", None, point["age"], None, point["share"], None] for point in report["retention"]]
    rows += [["retention_observed", None, point["age"], None, point["fitted"], point["observed"]] for point in report["observed_days"]]
    # The plan column names whose curve a row is: a channel's own retention names the channel.
    rows += [["channel_retention", own["channel"], point["age"], None, point["share"], None]
             for own in report["channel_retention"] for point in own["retention"]]
    rows += [["renewal_survival", plan["plan"], point["age"], point["renewal"], point["survival"], point["observed"]]
             for plan in report["renewals"] for point in plan["points"]]
    return ["curve", "plan", "age_months", "renewal", "share", "observed"], rows


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.2f}%"


def curves_markdown(report: dict[str, Any], lang: str = "en") -> str:
    lines = [f"## {markdown_text(report['scenario'])} · {label('curves_title', lang)}", "", f"### {label('retention_by_month', lang)}", "",
             f"| {label('age_months', lang)} | {label('retention_share', lang)} |", "|---:|---:|"]
    lines += [f"| {point['age']} | {_percent(point['share'])} |" for point in report["retention"]]
    for own in report["channel_retention"]:
        lines += ["", f"### {label('channel_retention_by_month', lang).format(channel=own['channel'])}", "",
                  f"| {label('age_months', lang)} | {label('retention_share', lang)} |", "|---:|---:|"]
        lines += [f"| {point['age']} | {_percent(point['share'])} |" for point in own["retention"]]
    for plan in report["renewals"]:
        lines += ["", f"### {markdown_text(label('renewal_survival', lang).format(plan=plan['plan'], period=plan['period_months']))}", "",
                  f"| {label('renewal_k', lang)} | {label('paid_at_age', lang)} | {label('renewal_rate', lang)} | "
                  f"{label('still_subscribed', lang)} | {label('observed', lang)} |", "|---:|---:|---:|---:|---:|"]
        lines += [f"| {p['renewal']} | {p['age']} | {_percent(p['rate'])} | {_percent(p['survival'])} | {_percent(p['observed'])} |"
                  for p in plan["points"]]
    text = "\n".join(lines) + "\n"
    if report["fits"]:
        text += "\n" + fits_markdown(report["fits"], lang)
    return text


def _bar(share: float | None, width: int = _BAR_WIDTH) -> str:
    """A horizontal bar of ``width`` cells for a share in [0, 1], eighths for the last cell."""
    if share is None:
        return ""
    eighths = round(max(0.0, min(1.0, share)) * width * 8)
    return "█" * (eighths // 8) + ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")[eighths % 8]


def _bar_table(title: str, caption: str | None, numbers: dict[str, list[str]], shares: list[float | None],
               after: tuple[str, list[Text]] | None, lang: str) -> Fitted:
    """Number columns, a bar per row, and an optional column after the bar, for the width printed at.

    The numbers keep their whole width and the bar takes what is left, up to ``_BAR_WIDTH`` (at 80 columns
    a bar of fixed width once pushed the numbers out as "…")."""
    from rich.cells import cell_len
    from rich.table import Table as RichTable

    from aigc_roi.present.layout import Fitted, table_overhead

    def build(width: int) -> RichTable:
        headers = [label(key, lang) for key in numbers] + ([label(after[0], lang)] if after else [])
        cells = [*numbers.values(), *([[line for cell in after[1] for line in cell.plain.splitlines()]] if after else [])]
        natural = [max(cell_len(text) for text in [*column, header]) for column, header in zip(cells, headers, strict=True)]
        # Headers wrap to their longest word only when on one line they leave the bar too little room.
        if sum(natural) + _BAR_WIDTH + 1 + table_overhead(len(headers) + 1) > width:
            natural = [max(cell_len(text) for text in [*column, *header.split()]) for column, header in zip(cells, headers, strict=True)]
        bar_width = max(4, min(_BAR_WIDTH, width - sum(natural) - table_overhead(len(headers) + 1) - 1))
        table = RichTable(title=title, title_justify="left", caption=caption, caption_justify="left")
        for header, wide in zip(headers[:len(numbers)], natural, strict=False):
            table.add_column(header, justify="right", width=wide)
        table.add_column("", no_wrap=True, width=bar_width + 1)
        if after:
            table.add_column(headers[-1], width=natural[-1])
        for row, share in enumerate(shares):
            table.add_row(*(cells[row] for cells in numbers.values()), _bar(share, bar_width), *([after[1][row]] if after else []))
        return table

    return Fitted(build)


def curves_view(report: dict[str, Any], lang: str) -> list[RenderableType]:
    """Retention by month with a bar chart and the observed days marked; survival tables; the fits."""
    from rich.text import Text

    from aigc_roi.present.fit_view import fits_view

    observed_at: dict[int, list[dict[str, Any]]] = {}
    for point in report["observed_days"]:
        observed_at.setdefault(round(point["age"]), []).append(point)
    points = report["retention"]
    # One observed day a line: two on one line ran 24 columns wide.
    observed = ("observed", [Text("\n".join(f"◆ D{days['day']} {_percent(days['observed'])}"
                                             for days in observed_at.get(point["age"], []))) for point in points])
    parts: list[RenderableType] = [_bar_table(
        f"{report['scenario']} · {label('retention_by_month', lang)}", label("fitted_points", lang) if observed_at else None,
        {"age_months": [str(point["age"]) for point in points], "retention_share": [_percent(point["share"]) for point in points]},
        [point["share"] for point in points], observed if observed_at else None, lang)]
    for own in report["channel_retention"]:
        curve = own["retention"]
        parts.append(_bar_table(label("channel_retention_by_month", lang).format(channel=own["channel"]), None,
                                {"age_months": [str(point["age"]) for point in curve],
                                 "retention_share": [_percent(point["share"]) for point in curve]},
                                [point["share"] for point in curve], None, lang))
    for plan in report["renewals"]:
        rows = plan["points"]
        numbers = {"renewal_k": [str(p["renewal"]) for p in rows], "paid_at_age": [str(p["age"]) for p in rows],
                   "renewal_rate": [_percent(p["rate"]) for p in rows], "still_subscribed": [_percent(p["survival"]) for p in rows]}
        has_observed = any(p["observed"] is not None for p in rows)
        parts.append(_bar_table(label("renewal_survival", lang).format(plan=plan["plan"], period=plan["period_months"]), None,
                                numbers, [p["survival"] for p in rows],
                                ("observed", [Text(_percent(p["observed"])) for p in rows]) if has_observed else None, lang))
    return parts + fits_view(report["fits"], lang)


@dataclass(frozen=True)
class CurvesPresenter(Presenter[dict[str, Any]]):
    """``curves`` in every format (CSV: the ``table`` asked, curves or fits)."""

    lang: str
    table: str = "curves"

    def data(self, result: dict[str, Any]) -> dict[str, Any]:
        return result

    def rows(self, result: dict[str, Any]) -> Table:
        return curves_table(result) if self.table == "curves" else fits_table(result["fits"])

    def markdown(self, result: dict[str, Any]) -> str:
        return curves_markdown(result, self.lang)

    def view(self, result: dict[str, Any]) -> list[RenderableType]:
        return curves_view(result, self.lang)
