"""The report page: the verdict first, then figures with their formulas, charts, tables and every input.

One self-contained HTML string: inline CSS and SVG, no script, no font or
image fetched, so it opens offline, in a mail attachment or a CI artefact,
and prints to A4. Every text that comes from the file is escaped.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from aigc_roi.model.compared import against_limit
from aigc_roi.model.figures import FIGURE_NAMES, unit_of
from aigc_roi.model.scenario import Scenario
from aigc_roi.model.targets import TargetOutcome
from aigc_roi.present.breakeven import headroom_header, no_value_notes, room_cell, value_or_reason
from aigc_roi.present.breakeven_notes import jump_notes, wrong_side_notes
from aigc_roi.present.chart_format import amount_axis
from aigc_roi.present.ci_view import target_key
from aigc_roi.present.discount_note import npv_basis
from aigc_roi.present.drivers import driver_label, driver_value
from aigc_roi.present.gates import gates_grid
from aigc_roi.present.inputs_table import InputRow, distribution_label, written_text
from aigc_roi.present.labels import bracketed, label, sentences
from aigc_roi.present.numbers import NumberStyle, irr_borrowing_note, month_label, never_text
from aigc_roi.present.payback_window import by_horizon_note, within_note
from aigc_roi.present.peak_cash import figure_shown
from aigc_roi.present.report import svg
from aigc_roi.present.report.bridge import bridge_section
from aigc_roi.present.report.budget import budget_section
from aigc_roi.present.report.channels import channels_section
from aigc_roi.present.report.fitted import fitted_section
from aigc_roi.present.report.formulas import definitions, formula
from aigc_roi.present.report.moved import moved_section
from aigc_roi.present.report.response import response_section
from aigc_roi.present.report.tables import html_table
from aigc_roi.present.report.words import word
from aigc_roi.present.sensitivity_gates import flip_notes, marked, row_flips
from aigc_roi.present.text import html_text
from aigc_roi.whatif.breakeven import THRESHOLDS

if TYPE_CHECKING:
    # Types only: allocate's and explain's modules are imported by the commands that produce them (--allocate, --base).
    from aigc_roi.present.run_data import RunReport
    from aigc_roi.whatif.allocate import Allocation
    from aigc_roi.whatif.breakeven import BreakEvenTable
    from aigc_roi.whatif.explain import FigureChanges
    from aigc_roi.whatif.sensitivity import Sensitivity
    from aigc_roi.whatif.simulate import Simulation

MONEY_SERIES = frozenset({"gross_revenue", "cumulative_cash"})
COUNT_SERIES = frozenset({"subscribers", "new_users", "active_users"})
"""The month series a milestone may bound (model/scenario.py ``MILESTONE_KEYS``), by unit."""
MAX_HEATMAP_COLUMNS = 36
"""A longer horizon is shown in groups of months, so a 120-month plan's page stays small."""
TORNADO_ROWS = 12


@dataclass(frozen=True)
class Provenance:
    """Where the page's numbers come from: the file, its commit, the tool and the day."""

    file: str
    """The file as named, with each ``--set`` applied to it (``plan.yaml --set acquisition[0].bid=14``)."""
    commit: str | None
    """Short commit hash of the file's repository; None outside git."""
    dirty: bool
    """The file differs from that commit."""
    version: str
    date: str
    """YYYY-MM-DD."""
    what_if: bool = False
    """``--set`` changed the file's plan: the page is a what-if, not the plan of the file or of its commit."""


@dataclass(frozen=True)
class ReportParts:
    run: RunReport
    """``present/run_data.run_report`` with cohorts."""
    outcomes: Sequence[TargetOutcome]
    inputs: Sequence[InputRow]
    provenance: Provenance
    simulation: Simulation | None
    """None when the file has no range (nothing to simulate)."""
    break_even: BreakEvenTable
    sensitivity: Sensitivity
    allocation: Allocation | None = None
    """The split of ``report --allocate B``, whose budget curve the page draws."""
    scenario: Scenario | None = None
    """The scenario (with ``allocation``: its channels' own formulas draw what each buys at each budget)."""
    changes: FigureChanges | None = None
    """What moved each figure since ``report --base BASE``."""
    base: str = ""
    """The base file as named (with ``changes``)."""


_CSS = """
:root { color: #1f2933; background: #fff; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "PingFang SC",
  "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; max-width: 780px; margin: 24px auto;
  padding: 0 16px; line-height: 1.45; font-size: 14px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 28px 0 8px; border-bottom: 1px solid #cbd2d9; }
.meta { color: #52606d; font-size: 12px; }
.verdict { border: 2px solid #1f2933; padding: 10px 14px; margin: 16px 0; }
.verdict p { margin: 4px 0; } .verdict .lead { font-size: 17px; font-weight: 600; } p.lead { font-weight: 600; }
table { border-collapse: collapse; width: 100%; font-size: 12.5px; }
th, td { text-align: left; padding: 3px 6px; border-bottom: 1px solid #e4e7eb; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; } td.n { white-space: nowrap; }
.wide { overflow-x: auto; }
td.path { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 11.5px; word-break: keep-all;
  overflow-wrap: break-word; } td.range { white-space: normal; }
.missed { font-weight: 700; } .missed::before { content: "✗ "; } .met::before { content: "✓ "; }
sup a { text-decoration: none; color: inherit; }
ol.defs { font-size: 12px; padding-left: 22px; } ol.defs code { font-size: 11.5px; }
figure { margin: 8px 0 16px; } figcaption { font-size: 12px; color: #52606d; }
table.curve th { white-space: normal; } tr.chosen td { font-weight: 700; } tr.chosen td:first-child::before { content: "◆ "; }
td.mark { min-width: 18em; }
@page { size: A4; margin: 14mm; }
@media print { body { margin: 0; max-width: none; } .wide { overflow: visible; } h2 { break-after: avoid; }
  figure, tr { break-inside: avoid; } }
"""


def render(parts: ReportParts, lang: str) -> str:
    """The whole page."""
    report = parts.run
    style = NumberStyle(lang, report.currency)
    title = f"{word('title', lang)}{word('colon', lang)}{report.scenario}"
    notes: list[str] = []
    sections = [
        _verdict(parts, style),
        _gates(report, style),
        _figures(report, style, notes),
        "" if parts.changes is None else moved_section(parts.changes, parts.base, style),
        bridge_section(report, style),
        _cash(parts, style),
        channels_section(report.channels, style, report.currency),
        _cohorts(report, style),
        "" if parts.allocation is None else budget_section(parts.allocation, style),
        "" if parts.allocation is None or parts.scenario is None else response_section(parts.scenario, parts.allocation, style),
        fitted_section(report.fits, style),
        _tornado(parts.sensitivity, style),
        _break_even(parts.break_even, style),
        _inputs(parts.inputs, style),
        _definitions(notes, lang),
    ]
    return (f'<!DOCTYPE html>\n<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{html_text(title)}</title>'
            f"<style>{_CSS}</style></head><body><h1>{html_text(title)}</h1>{_provenance(parts.provenance, lang)}"
            + "".join(sections) + "</body></html>\n")


def _provenance(facts: Provenance, lang: str) -> str:
    if facts.commit is None:
        commit = html_text(word("not_in_git", lang))
    else:
        # The hash is code as typed (git show 8d9db63); the words around it are the reader's language.
        commit = f"<code>{html_text(facts.commit)}</code>"
        if facts.dirty:
            commit = html_text(word("uncommitted", lang)).format(commit=commit)
        if facts.what_if:
            commit = html_text(word("commit_before_set", lang)).format(commit=commit)
    items = [(word("file", lang), html_text(facts.file)), (word("commit", lang), commit),
             (word("version", lang), html_text(facts.version)), (word("date", lang), html_text(facts.date))]
    colon = html_text(word("colon", lang))
    return '<p class="meta">' + " · ".join(f"{html_text(key)}{colon}{value}" for key, value in items) + "</p>"


def _verdict(parts: ReportParts, style: NumberStyle) -> str:
    lang, figures = style.lang, parts.run.figures
    months = parts.run.horizon_months
    payback = figures["payback_month"]
    labels = [row["label"] for row in parts.run.months]
    lines = [word("pays_back", lang).format(month=payback, label=_bracketed(month_label(payback, labels), lang))
             if payback is not None else word("never_pays_back", lang).format(months=months)]
    if parts.provenance.what_if:
        lines.append(word("what_if", lang))
    need = figures["peak_cash_need"]
    if need:
        low = figures["peak_cash_month"]
        lines.append(word("cash_need", lang).format(amount=style.money(need), currency=style.currency, month=low,
                                                    label=_bracketed(month_label(low, labels), lang)))
        if figures["peak_cash_month"] == months:
            lines.append(word("still_falling", lang))
    else:
        lines.append(word("no_cash_need", lang))
    if parts.simulation is not None:
        simulation = parts.simulation
        window = simulation.payback_window
        lines.append(word("payback_chance", lang).format(
            months=window.months, beyond=within_note(window, lang),
            share=style.percent(simulation.payback_chance), samples=f"{simulation.samples:,}"))
    met = sum(outcome.passed for outcome in parts.outcomes)
    lines.append(word("targets_met", lang).format(met=met, total=len(parts.outcomes)) if parts.outcomes
                 else word("no_targets", lang))
    body = "".join(f'<p class="{"lead" if i == 0 else ""}">{html_text(line)}</p>' for i, line in enumerate(lines))
    targets = _targets(parts.outcomes, months, labels, style)
    # The peak cash line names its currency; a target's limit and value (max_cac) do not, so the heading does.
    heading = (word("verdict_amounts", lang).format(currency=style.currency)
               if any(_is_money(outcome.figure) for outcome in parts.outcomes) else word("verdict", lang))
    return f'<section class="verdict"><h2>{html_text(heading)}</h2>{body}</section>' + targets


def _is_money(name: str) -> bool:
    """Whether a target's figure (or milestone's month series) is an amount, as _figure writes it."""
    return name in MONEY_SERIES or (name in FIGURE_NAMES and unit_of(name) == "money")


def _targets(outcomes: Sequence[TargetOutcome], horizon: int, labels: Sequence[str], style: NumberStyle) -> str:
    """The targets' table; ``labels`` the months' calendar labels (None without a ``start``)."""
    if not outcomes:
        return ""
    lang = style.lang
    rows = "".join(
        f"<tr><td>{html_text(target_key(outcome, lang))}</td><td>{html_text(_target_figure(outcome, labels, lang))}</td>"
        f'<td class="n">{html_text(limit)}</td><td class="n">{html_text(actual)}</td>'
        f'<td class="{"met" if outcome.passed else "missed"}">{html_text(word("met" if outcome.passed else "missed", lang))}</td></tr>'
        for outcome in outcomes for limit, actual in [_limit_and_actual(outcome, horizon, style)])
    head = "".join(f"<th{' class=n' if key in ('limit', 'actual') else ''}>{html_text(word(key, lang))}</th>"
                   for key in ("target", "figure", "limit", "actual", "result"))
    return html_table(f"<tr>{head}</tr>", rows)


def _target_figure(outcome: TargetOutcome, labels: Sequence[str], lang: str) -> str:
    """What a target bounds: a figure's label, or a month series' label and the milestone's month, with its calendar
    label as the verdict's months have theirs."""
    if outcome.month is None:
        return label(outcome.figure, lang)
    return label("milestone_figure", lang).format(figure=label(outcome.figure, lang), month=outcome.month,
                                                  label=_bracketed(month_label(outcome.month, labels), lang))


def _limit_and_actual(outcome: TargetOutcome, horizon: int, style: NumberStyle) -> tuple[str, str]:
    """A target's limit as the file states it and its value on its side of it (model/compared.py ``against_limit``)."""

    def show(value: float | None, extra: int) -> str:
        return _figure(outcome.figure, value, horizon, style, extra)

    # A payback target past the horizon was judged by it: the value says so.
    judged = by_horizon_note(outcome.judged_months, style.lang)
    if judged and outcome.actual is None:
        # "never (≤ 6)" would say the horizon a second time: "never (by month 6, the horizon)", as `check` has it.
        return show(outcome.limit, 0), label("never", style.lang) + judged
    actual, limit = against_limit(show, outcome.actual, outcome.limit, 0, outcome.bound == "min", outcome.passed)
    return limit, actual + judged


def _figure(name: str, value: float | None, horizon: int, style: NumberStyle, extra: int = 0) -> str:
    """A target's value: a figure by its own unit (a payback that never happens as ``never``), a milestone's
    month series as counts or money; ``extra`` decimals beyond the unit's."""
    if name in FIGURE_NAMES:
        return style.figure(name, value, never_text(name, horizon, style.lang), extra=extra)
    if name in MONEY_SERIES:
        return style.money(value, 2 + extra)
    if name in COUNT_SERIES:
        return style.count(value, extra, in_wan=2 + extra)  # as the headline figures' counts
    return style.percent(value, 2 + extra)  # the simulated payback probability


def _gates(report: RunReport, style: NumberStyle) -> str:
    """A staged plan's gates (docs/formulas.md §18): each threshold over its test months, and the result."""
    if not report.gates:
        return ""
    header, rows = gates_grid(report, style)
    numeric = {3, 4}
    head = "".join(f'<th{" class=n" if i in numeric else ""}>{html_text(text)}</th>' for i, text in enumerate(header))
    body = "".join("<tr>" + "".join(f'<td{" class=n" if i in numeric else ""}>{html_text(str(cell))}</td>'
                                    for i, cell in enumerate(row)) + "</tr>" for row in rows)
    return (f'<h2>{html_text(word("gates", style.lang))}</h2>'
            + html_table(f"<tr>{head}</tr>", body))


def _bracketed(text: str | None, lang: str) -> str:
    """`` (2025-06)`` after a month in a sentence, ``（2025-06）`` in Chinese; nothing for no label."""
    return "" if text is None else bracketed(text, lang)


def _figures(report: RunReport, style: NumberStyle, notes: list[str]) -> str:
    lang, figures, horizon = style.lang, report.figures, report.horizon_months
    labels = [month["label"] for month in report.months]
    known = definitions(lang)
    rows = []
    for name in FIGURE_NAMES:
        definition = known.get(name)
        mark = ""
        if definition is not None:
            notes.append(name)
            mark = f'<sup><a href="#def-{name}">{len(notes)}</a></sup>'
        tip = f' title="{html_text(definition.formula)}"' if definition is not None else ""
        value = figure_shown(name, figures, horizon, style, labels)
        rows.append(f'<tr data-figure="{name}"><td{tip}>{html_text(label(name, lang))}{mark}</td>'
                    f'<td class="n">{html_text(value)}</td></tr>')
    head = f'<tr><th>{html_text(word("figure", lang))}</th><th class="n">{html_text(word("value", lang))}</th></tr>'
    heading = word("figures", lang).format(currency=style.currency)
    basis = npv_basis(report.discount_rate, style, report.discount_range)
    borrowing = irr_borrowing_note([figures], lang)
    return (f'<h2>{html_text(heading)}</h2>' + html_table(head, "".join(rows))
            + f'<p class="meta">{html_text(basis)}</p>'
            + (f'<p class="irr-borrowing">{html_text(borrowing)}</p>' if borrowing else ""))


def _cash(parts: ReportParts, style: NumberStyle) -> str:
    lang = style.lang
    months = parts.run.months
    band = None
    legend = [word("median_run", lang), "", word("zero", lang)]
    fan = parts.simulation.cash_fan if parts.simulation is not None else None
    title = word("cash_chart", lang).format(currency=style.currency)
    if fan is not None and 5 in fan.percentiles and 95 in fan.percentiles:
        band = (list(fan.percentiles[5]), list(fan.percentiles[95]))
        legend[1] = word("band", lang).format(samples=f"{fan.samples:,}")
    chart = svg.cash_chart([row["label"] for row in months], [row["cumulative_cash"] for row in months], band,
                           lambda value: style.money(value, 0), title, legend, lang=lang,
                           axis=amount_axis(style))
    return f'<h2>{html_text(title)}</h2><figure>{chart}</figure>'


def _cohorts(report: RunReport, style: NumberStyle) -> str:
    lang, months = style.lang, report.months
    horizon = len(months)
    size = math.ceil(horizon / MAX_HEATMAP_COLUMNS)
    groups = [range(start, min(start + size, horizon)) for start in range(0, horizon, size)]
    cells = []
    for cohort in report.cohorts or ():
        # A cohort's contribution list starts at its own month (index s - 1).
        by_month = {cohort.month - 1 + age: value for age, value in enumerate(cohort.contribution)}
        cells.append([None if all(t not in by_month for t in group) else sum(by_month.get(t) or 0.0 for t in group)
                      for group in groups])
    # A group is labelled by its first month on the axes (its span, as "2025-01–2025-04", over-printed its
    # neighbours at 120 months) and by all of its months on hover; the caption says how many it holds.
    labels = [months[group[0]]["label"] for group in groups]
    spans = [_group_label(months, group) for group in groups]
    # Cohorts are grouped like the columns, so the grid stays square.
    grid = [[_sum_cells(cells[t][j] for t in group) for j in range(len(groups))] for group in groups]
    title = word("cohorts", lang).format(currency=style.currency)
    chart = svg.heatmap(labels, spans, grid, style.money, title, lang=lang)
    grouped = word("grouped", lang).format(size=size) if size > 1 else ""
    note = word("cohorts_note", lang).format(grouped=grouped)
    return f"<h2>{html_text(title)}</h2><figure>{chart}<figcaption>{html_text(note)}</figcaption></figure>"


def _group_label(months: Sequence[Mapping[str, Any]], group: range) -> str:
    first, last = months[group[0]]["label"], months[group[-1]]["label"]
    return first if first == last else f"{first}–{last}"


def _sum_cells(values: Any) -> float | None:
    present = [value for value in values if value is not None]
    return sum(present) if present else None


def _tornado(sensitivity: Sensitivity, style: NumberStyle) -> str:
    lang = style.lang
    step = style.step(sensitivity.step)
    shown = sensitivity.rows[:TORNADO_ROWS]
    # A bar whose move flips a gate holds the gated channels starting or stopping: marked, and said under the chart.
    rows = [(marked(driver_label(row.driver, lang), row_flips(sensitivity, row)),
             row.low.outcome.change(sensitivity.base, "roi"), row.high.outcome.change(sensitivity.base, "roi"))
            for row in shown]
    title = word("tornado", lang).format(step=step)
    chart = svg.tornado(rows, style.points, title, word("tornado_legend", lang).format(step=step), lang=lang)
    notes = flip_notes(replace(sensitivity, rows=shown), style)
    caption = f"<figcaption>{html_text(sentences(notes, lang))}</figcaption>" if notes else ""
    return f"<h2>{html_text(title)}</h2><figure>{chart}{caption}</figure>"


def _break_even(table: BreakEvenTable, style: NumberStyle) -> str:
    """Each input's break-evens, each beside its room as the terminal and markdown show it: the note under the table
    says what a room marked "flip" means, so the room it refers to is shown."""
    lang = style.lang
    months = table.payback_window.months
    titles = [word("input", lang), word("current", lang)]
    for threshold in THRESHOLDS:
        titles += [word(threshold, lang).format(months=months), headroom_header(table, threshold, lang)]
    head = "".join(f'<th{" class=n" if i else ""}>{html_text(text)}</th>' for i, text in enumerate(titles))
    rows = "".join(
        f"<tr><td>{html_text(driver_label(row.driver, lang))}</td>"
        + "".join(f'<td class="n">{html_text(value)}</td>' for value in (
            driver_value(row.driver, row.driver.current, style),
            *(cell for threshold in THRESHOLDS
              for cell in (value_or_reason(table, row, threshold, style), room_cell(row, threshold, style)))))
        + "</tr>" for row in table.rows)
    # The terminal's sentences for the reasons shown, so a missing value is never read as the opposite one.
    notes = sentences([*no_value_notes(table, lang), *wrong_side_notes(table, style), *jump_notes(table, style)], lang)
    return (f'<h2>{html_text(word("breakeven", lang).format(currency=style.currency))}</h2>'
            + html_table(f"<tr>{head}</tr>", rows)
            + (f'<p class="meta">{html_text(notes)}</p>' if notes else ""))


def _inputs(inputs: Sequence[InputRow], style: NumberStyle) -> str:
    lang = style.lang
    head = "".join(f'<th{" class=n" if key in ("used", "range") else ""}>{html_text(word(key, lang))}</th>'
                   for key in ("path", "written", "used", "range"))
    # A range wraps, so the path column is not squeezed beside it; its width suggests the path's share.
    cols = '<colgroup><col style="width:30%"><col><col><col style="width:26%"></colgroup>'
    rows = []
    for row in inputs:
        used = "" if row.value is None else style.plain(row.value)
        spread = "" if row.distribution is None else _range_text(row, style)
        if row.path == "discount_rate" and used:
            # The rate's number alone does not say it is annual (NPV compounds it monthly: the definitions' m).
            used = word("annual", lang).format(rate=used)
        rows.append(f'<tr><td class="path">{path_html(row.path)}</td><td>{html_text(written_text(row, lang))}</td>'
                    f'<td class="n">{html_text(used)}</td><td class="n range">{html_text(spread)}</td></tr>')
    return (f'<h2>{html_text(word("inputs", lang))}</h2>'
            + html_table(f"<tr>{head}</tr>", "".join(rows), columns=cols))


def path_html(path: str) -> str:
    """A field path that breaks only between its parts, after a "." or before a "[" (the column breaks no
    word): broken anywhere, ``acquisition[0].n / ame`` read as two fields."""
    return html_text(path).replace(".", ".<wbr>").replace("[", "<wbr>[")


def _range_text(row: InputRow, style: NumberStyle) -> str:
    """``triangular: 90% interval 10.7071..14.134; support 10..15``: a range's P5 to P95, the span a reader compares
    between inputs, and for a uniform or triangular range the support it is written by, which is no 90% interval."""
    lang = style.lang
    assert row.distribution is not None and row.interval is not None
    low, high = row.interval
    text = word("range_interval", lang).format(kind=distribution_label(row.distribution, lang), low=style.plain(low),
                                               high=style.plain(high))
    if row.distribution in ("lognormal", "normal"):
        return text
    return word("range_support", lang).format(interval=text, low=style.plain(row.low), high=style.plain(row.high))


def _definitions(notes: Sequence[str], lang: str) -> str:
    known = definitions(lang)
    colon, semicolon = html_text(word("colon", lang)), html_text(word("semicolon", lang))
    items = "".join(
        f'<li id="def-{name}"><b>{html_text(label(name, lang))}</b>{bracketed(f"<code>{html_text(name)}</code>", lang)}'
        f"{colon}<code>{html_text(known[name].formula)}</code>{semicolon}{html_text(word('none_when', lang))}{colon}"
        f"{html_text(known[name].none_when)}</li>"
        for name in notes)
    # NPV, MIRR and LTV are written over m: the page says what it is (docs/formulas.md §5).
    items += (f'<li id="def-m"><b>{html_text(word("monthly_rate", lang))}</b>{bracketed("<code>m</code>", lang)}{colon}'
              f"<code>{html_text(formula('s5', 'm = (1 + discount_rate)'))}</code>{semicolon}"
              f"{html_text(word('monthly_rate_note', lang))}</li>")
    return f'<h2>{html_text(word("formulas", lang))}</h2><ol class="defs">{items}</ol>'
