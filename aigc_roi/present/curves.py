"""`aigc-roi curves`: a scenario's retention by month and each plan's renewal survival, in every format.

``curves_report`` holds the curves of whatif/curves.py with what a reader checks
them against, as whatif/curves.py finds it: with day-level retention, the
top-level curve's and each channel's own alike, the observed days, placed at
age day / 30.4375 months beside their fitted shares, and every fit (as JSON,
present/fit_data.py); the other functions render it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from aigc_roi.model.rounding import fixed
from aigc_roi.present.fit_data import fits_json, fits_markdown, fits_table
from aigc_roi.present.labels import label
from aigc_roi.present.presenter import Presenter
from aigc_roi.present.text import markdown_heading
from aigc_roi.whatif.curves import Curves, ObservedDay, RetentionPoint

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

    from aigc_roi.present.layout import Fitted

Table = tuple[list[str], list[list[Any]]]
CURVE_TABLES = ("curves", "fits")
_BAR_WIDTH = 40
_MIN_BAR = 4
"""Cells of the longest bar below which the text after it wraps at its spaces to leave the bar room."""
_MOST_DAYS_A_ROW = 3
"""Observed days listed in one month's row; more (a daily export puts 30 in each) show the nearest and a count."""


@dataclass(frozen=True)
class CurvesReport:
    """The curves (whatif/curves.py), the observed days of day-level retention and the fits (present/fit_data.py)."""

    curves: Curves
    observed_days: tuple[ObservedDay, ...]
    fits: list[dict[str, Any]]
    channel_observed_days: tuple[tuple[ObservedDay, ...], ...]
    """The observed days of each channel's own retention, in the order of ``curves.channel_retention`` (empty for
    one not given as days)."""

    def to_json(self) -> dict[str, Any]:
        """``{"scenario", "horizon_months", "retention": [{"age", "share"}], "channel_retention": [{"channel", "field",
        "retention", "observed_days"}], "observed_days": [...], "renewals": [{"plan", "period_months", "points":
        [{"renewal", "age", "rate", "survival", "observed"}]}], "fits"}``."""
        curves = self.curves
        return {
            "scenario": curves.scenario,
            "horizon_months": curves.horizon_months,
            "retention": [asdict(point) for point in curves.retention],
            "channel_retention": [{"channel": own.channel, "field": own.field,
                                   "retention": [asdict(point) for point in own.retention],
                                   "observed_days": [asdict(day) for day in days]}
                                  for own, days in zip(curves.channel_retention, self.channel_observed_days, strict=True)],
            "observed_days": [asdict(day) for day in self.observed_days],
            "renewals": [asdict(plan) for plan in curves.renewals],
            "fits": self.fits,
        }


def curves_report(curves: Curves) -> CurvesReport:
    """``curves`` with the observed days of every day-level retention and every fitted curve, as they hold them."""
    return CurvesReport(curves, curves.observed_days, fits_json(curves.fits),
                        tuple(own.observed_days for own in curves.channel_retention))


CURVES_HEADER = ["curve", "channel", "plan", "day", "age_months", "renewals", "renewal_rate", "share", "survival",
                 "fitted", "observed"]
"""The JSON's keys, each a column of its own: ``renewals`` the count k (JSON ``renewal``), ``renewal_rate`` r_k (JSON
``rate``), ``share`` the retention at an age, ``fitted`` the fitted share at an observed day."""


def _retention_rows(curve: str, channel: str | None, points: tuple[RetentionPoint, ...],
                    days: tuple[ObservedDay, ...]) -> list[list[Any]]:
    rows: list[list[Any]] = [[curve, channel, None, None, point.age, None, None, point.share, None, None, None]
                             for point in points]
    return rows + [[f"{curve}_observed", channel, None, day.day, day.age, None, None, None, None, day.fitted, day.observed]
                   for day in days]


def curves_table(report: CurvesReport) -> Table:
    """One row per point of every curve: retention by age and its observed days, each channel's own the same, then
    each plan's renewal rate and survival by renewal."""
    curves = report.curves
    rows = _retention_rows("retention", None, curves.retention, report.observed_days)
    for own, days in zip(curves.channel_retention, report.channel_observed_days, strict=True):
        rows += _retention_rows("channel_retention", own.channel, own.retention, days)
    rows += [["renewal_survival", None, plan.plan, None, point.age, point.renewal, point.rate, None, point.survival, None,
              point.observed] for plan in curves.renewals for point in plan.points]
    return CURVES_HEADER, rows


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{fixed(value, 2, shift=2)}%"


def curves_markdown(report: CurvesReport, lang: str = "en") -> str:
    lines = [markdown_heading(2, f"{report.curves.scenario} · {label('curves_title', lang)}"), "",
             markdown_heading(3, label('retention_by_month', lang)), "",
             f"| {label('age_months', lang)} | {label('retention_share', lang)} |", "|---:|---:|"]
    lines += [f"| {point.age} | {_percent(point.share)} |" for point in report.curves.retention]
    for own in report.curves.channel_retention:
        lines += ["", markdown_heading(3, label('channel_retention_by_month', lang).format(channel=own.channel)), "",
                  f"| {label('age_months', lang)} | {label('retention_share', lang)} |", "|---:|---:|"]
        lines += [f"| {point.age} | {_percent(point.share)} |" for point in own.retention]
    for plan in report.curves.renewals:
        lines += ["", markdown_heading(3, label('renewal_survival', lang).format(plan=plan.plan, period=plan.period_months)), "",
                  f"| {label('renewal_k', lang)} | {label('paid_at_age', lang)} | {label('renewal_rate', lang)} | "
                  f"{label('still_subscribed', lang)} | {label('observed', lang)} |", "|---:|---:|---:|---:|---:|"]
        lines += [f"| {p.renewal} | {p.age} | {_percent(p.rate)} | {_percent(p.survival)} | {_percent(p.observed)} |"
                  for p in plan.points]
    text = "\n".join(lines) + "\n"
    if report.fits:
        text += "\n" + fits_markdown(report.fits, lang)
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
    a bar of fixed width once pushed the numbers out as "…"); narrower, the headers and the column after the
    bar wrap at their spaces, and the bar shrinks, to nothing if need be; narrower still, each row is a block
    (at 30 columns the renewal table read "65.…")."""
    from rich.table import Table as RichTable
    from rich.text import Text

    from aigc_roi.present.blocks import vertical
    from aigc_roi.present.console import cell_len
    from aigc_roi.present.layout import Fitted, bar_room, table_overhead, table_title

    def blocks(headers: list[str], width: int) -> RenderableType:
        columns = [*([Text(cell) for cell in column] for column in numbers.values()), *([after[1]] if after else [])]
        records = [(f"{headers[0]} {cells[0].plain}", [(header, [column[row]]) for header, column in zip(headers[1:], columns[1:],
                                                                                                      strict=True)])
                   for row, cells in enumerate(zip(*columns, strict=True))]
        return vertical(title, records, caption, width)

    def build(width: int) -> RenderableType:
        headers = [label(key, lang) for key in numbers] + ([label(after[0], lang)] if after else [])
        cells = [*numbers.values(), *([[line for cell in after[1] for line in cell.plain.splitlines()]] if after else [])]
        natural = [max(cell_len(text) for text in [*column, header]) for column, header in zip(cells, headers, strict=True)]
        # Headers wrap at their spaces only when on one line they leave the bar too little room, then the text
        # after the bar, then the bar shrinks to nothing; a number never wraps.
        if sum(natural) + _BAR_WIDTH + 1 + table_overhead(len(headers) + 1) > width:
            natural = [max(cell_len(text) for text in [*column, *header.split()]) for column, header in zip(cells, headers, strict=True)]
        if after and bar_room(width - 1, natural, _BAR_WIDTH) < _MIN_BAR:
            natural[-1] = max(cell_len(text) for text in [*" ".join(cells[-1]).split(), *headers[-1].split()])
        if sum(natural) + table_overhead(len(headers)) > width:
            return blocks(headers, width)
        bar_width = bar_room(width - 1, natural, _BAR_WIDTH)  # its column one wider than the bar
        # Broken here, not by Rich, which folds a run of Chinese where the line ends, inside a word it holds (ROA / S).
        shown = sum(natural) + table_overhead(len(headers) + (1 if bar_width else 0)) + (bar_width + 1 if bar_width else 0)
        table = RichTable(title=table_title(title, min(width, shown)), title_justify="left", caption=caption,
                          caption_justify="left")
        for header, wide in zip(headers[:len(numbers)], natural, strict=False):
            table.add_column(header, justify="right", width=wide)
        if bar_width:
            table.add_column("", no_wrap=True, width=bar_width + 1)
        if after:
            table.add_column(headers[-1], width=natural[-1])
        for row, share in enumerate(shares):
            bar = [_bar(share, bar_width)] if bar_width else []
            table.add_row(*(cells[row] for cells in numbers.values()), *bar, *([after[1][row]] if after else []))
        return table

    return Fitted(build)


def _observed_lines(days: list[ObservedDay], age: int, lang: str) -> str:
    """The observed days placed at ``age``, one a line (two on one line ran 24 columns wide); of more than
    ``_MOST_DAYS_A_ROW`` (a daily export), the one nearest the row's age and how many more."""
    if len(days) > _MOST_DAYS_A_ROW:
        nearest = min(days, key=lambda day: abs(day.age - age))
        return f"◆ D{nearest.day} {_percent(nearest.observed)}\n" + label("more_days", lang).format(count=len(days) - 1)
    return "\n".join(f"◆ D{day.day} {_percent(day.observed)}" for day in days)


def _past_note(days: list[ObservedDay], last_age: int, lang: str) -> str:
    """The observed days older than the table's last row, which no row can hold: each, or of more than
    ``_MOST_DAYS_A_ROW`` the span of them."""
    if len(days) > _MOST_DAYS_A_ROW:
        named = label("day_span", lang).format(first=days[0].day, last=days[-1].day, count=len(days))
    else:
        named = label("list_separator", lang).join(f"◆ D{day.day} {_percent(day.observed)}" for day in days)
    return label("days_past_table", lang).format(days=named, age=last_age)


def _retention_chart(title: str, curve: tuple[RetentionPoint, ...], days: tuple[ObservedDay, ...], lang: str) -> Fitted:
    """Retention by month with a bar per month and, for day-level retention, its observed days in an Observed column
    at their ages: the top-level curve and each channel's own alike. A day past the last age (D90 of a 3-month
    horizon) is named under the table, not dropped."""
    from rich.text import Text

    last_age = curve[-1].age
    observed_at: dict[int, list[ObservedDay]] = {}
    past: list[ObservedDay] = []
    for day in days:
        if round(day.age) > last_age:
            past.append(day)
        else:
            observed_at.setdefault(round(day.age), []).append(day)
    observed = ("observed", [Text(_observed_lines(observed_at.get(point.age, []), point.age, lang)) for point in curve])
    notes = ([label("observed_days_caption", lang)] if observed_at else []) + ([_past_note(past, last_age, lang)] if past else [])
    return _bar_table(title, label("notes_separator", lang).join(notes) or None,
                      {"age_months": [str(point.age) for point in curve], "retention_share": [_percent(point.share) for point in curve]},
                      [point.share for point in curve], observed if observed_at else None, lang)


def curves_view(report: CurvesReport, lang: str) -> list[RenderableType]:
    """Retention by month with a bar chart and the observed days marked, the top-level curve's and each channel's own;
    survival tables; the fits."""
    from rich.text import Text

    from aigc_roi.present.fit_view import fits_view

    parts: list[RenderableType] = [_retention_chart(f"{report.curves.scenario} · {label('retention_by_month', lang)}",
                                                    report.curves.retention, report.observed_days, lang)]
    parts += [_retention_chart(label("channel_retention_by_month", lang).format(channel=own.channel), own.retention, days, lang)
              for own, days in zip(report.curves.channel_retention, report.channel_observed_days, strict=True)]
    for plan in report.curves.renewals:
        rows = plan.points
        numbers = {"renewal_k": [str(p.renewal) for p in rows], "paid_at_age": [str(p.age) for p in rows],
                   "renewal_rate": [_percent(p.rate) for p in rows], "still_subscribed": [_percent(p.survival) for p in rows]}
        has_observed = any(p.observed is not None for p in rows)
        parts.append(_bar_table(label("renewal_survival", lang).format(plan=plan.plan, period=plan.period_months), None,
                                numbers, [p.survival for p in rows],
                                ("observed", [Text(_percent(p.observed)) for p in rows]) if has_observed else None, lang))
    return parts + fits_view(report.fits, lang)


@dataclass(frozen=True)
class CurvesPresenter(Presenter[CurvesReport]):
    """``curves`` in every format (CSV: the ``table`` asked, curves or fits)."""

    lang: str
    table: str = "curves"

    def data(self, result: CurvesReport) -> dict[str, Any]:
        return result.to_json()

    def rows(self, result: CurvesReport) -> Table:
        return curves_table(result) if self.table == "curves" else fits_table(result.fits)

    def markdown(self, result: CurvesReport) -> str:
        return curves_markdown(result, self.lang)

    def view(self, result: CurvesReport) -> list[RenderableType]:
        return curves_view(result, self.lang)
