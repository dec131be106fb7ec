"""Text exports: JSON, CSV and markdown (xlsx is ``present.workbook``).

JSON carries full float64 precision and CSV 15 significant digits (all a
float64 holds reliably: 0.1 + 0.2 is written 0.3, not
0.30000000000000004; cut toward zero where rounding would pass float64's
largest); undefined figures are JSON null and empty CSV cells.
Markdown is for people (pull-request comments) and reads as the table view
does: labels, percentages, whole users, an em dash for none.
"""

from __future__ import annotations

import csv
import decimal
import io
import json
import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from aigc_roi.model.figures import (
    CHANNEL_COLUMNS,
    COUNT_COLUMNS,
    FIGURE_NAMES,
    MONTH_COLUMNS,
    PAID_MONTH_COLUMNS,
    rules_of,
    unit_of,
)
from aigc_roi.model.rounding import fixed
from aigc_roi.present.channel_labels import channel_row_names, channel_type_label
from aigc_roi.present.channel_notes import channel_notes, max_bid_text
from aigc_roi.present.discount_note import npv_basis
from aigc_roi.present.fit_data import fits_markdown, fits_table
from aigc_roi.present.gates import gate_stops, gates_grid, shown_names
from aigc_roi.present.labels import bracketed, label, short_label
from aigc_roi.present.numbers import NONE, WITHOUT_LABELS, NumberStyle, irr_borrowing_note, nonzero_text, says_nothing
from aigc_roi.present.peak_cash import figure_shown
from aigc_roi.present.text import markdown_cell, markdown_heading, markdown_text, spreadsheet_text

if TYPE_CHECKING:
    from aigc_roi.present.run_data import RunReport

Table = tuple[list[Any], list[list[Any]]]
"""(header, rows) of one exported table; a header may carry numbers too (the grid's column values)."""

BOM = "\ufeff"
"""UTF-8 byte-order mark: Excel on Chinese Windows reads a CSV without it as GBK (mojibake)."""


def to_json(data: Any) -> str:
    # allow_nan=False: a NaN or inf reaching output is a bug, never a number to print.
    return json.dumps(_signless_zeros(data), ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _signless_zeros(data: Any) -> Any:
    """``data`` with every -0.0 (a cohort of no users times a negative margin) written 0.0, as the CSV and the
    workbook write a zero of either sign and every rounded text shows it (docs/formulas.md §8)."""
    if type(data) is float:
        return data + 0.0
    if isinstance(data, dict):
        return {key: _signless_zeros(value) for key, value in data.items()}
    if isinstance(data, (list, tuple)):
        return [_signless_zeros(value) for value in data]
    return data


def to_csv(table: Table) -> str:
    header, rows = table
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    # The header as the cells: its numbers at 15 digits, as the row labels they join with, and its names as text.
    writer.writerows([[_csv_cell(cell) for cell in row] for row in [header, *rows]])
    return buffer.getvalue()


def _csv_cell(cell: Any) -> Any:
    if cell is None:
        return ""
    if isinstance(cell, bool):
        # 1 or 0, as the figures table's flag must be among its numbers: one spelling of a boolean in every CSV,
        # a number a spreadsheet sums and pandas reads as int (docs/formulas.md §8).
        return int(cell)
    if isinstance(cell, float):
        return _csv_number(cell)
    return spreadsheet_text(cell) if isinstance(cell, str) else cell


def _csv_number(value: float) -> str:
    """``value`` at 15 significant digits; within a 15th digit of float64's largest (an IRR past it is reported as
    it, docs/formulas.md §10) rounding to nearest gives 1.79769313486232e+308, past every double, which a
    spreadsheet or float() reads back as inf: there the digits are cut toward zero instead."""
    text = f"{value + 0.0:.15g}"  # a zero of either sign is 0: -0.0 + 0.0 is +0.0
    if math.isinf(float(text)) and math.isfinite(value):
        return f"{decimal.Context(prec=15, rounding=decimal.ROUND_DOWN).plus(decimal.Decimal(value)):.15g}"
    return text


def _markdown_cell(cell: Any) -> str:
    if cell is None:
        return NONE
    if isinstance(cell, float):
        return fixed(cell, 2, separators=True)
    return markdown_cell(str(cell))


def to_markdown(table: Table, title: str = "", text_columns: int = 1) -> str:
    """Numbers right-aligned; the first ``text_columns`` columns (names) left-aligned."""
    header, rows = table
    lines = [markdown_heading(3, title), ""] if title else []
    lines.append("| " + " | ".join(markdown_cell(name) for name in header) + " |")
    lines.append("|" + "|".join("---" if i < text_columns else "---:" for i in range(len(header))) + "|")
    lines += ["| " + " | ".join(_markdown_cell(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


CURRENCY = "currency"
"""The last column of every CSV table that holds amounts, of every command: the plan's currency, named on each row,
as ad platforms' exports name theirs (docs/formulas.md §8); the columns before it keep their keys and places."""

MONEY_FIGURES = frozenset(name for name in FIGURE_NAMES if unit_of(name) == "money")


def is_money(name: str) -> bool:
    """Whether ``name`` is a figure that is an amount: not a ratio, count, month, flag, chance or any other key."""
    return name in MONEY_FIGURES


def with_currency(table: Table, currency: str, amounts: Iterable[bool] | None = None) -> Table:
    """``table`` with the ``CURRENCY`` column last: ``currency`` on every row, or, given ``amounts`` (a flag per row, in
    order), on the rows that hold an amount only; a row of one ratio, count or month leaves it empty, as a script
    filtering on it must not read a ratio as dollars."""
    header, rows = table
    flags = [True] * len(rows) if amounts is None else list(amounts)
    return [*header, CURRENCY], [[*row, currency if money else None] for row, money in zip(rows, flags, strict=True)]


def figures_table(report: RunReport) -> Table:
    """figure, value, a note (what JSON says beside the figures, on the row it is about: ``figure_note``) and
    ``currency`` on the rows of money figures (a ratio, a count or a month has none)."""
    figures = report.figures
    rows: list[list[Any]] = [[name, figures[name], figure_note(name, figures)] for name in FIGURE_NAMES]
    if "peak_cash_at_horizon" in figures:
        # 1 or 0: the value column of the figures table holds numbers only.
        rows.append(["peak_cash_at_horizon", int(figures["peak_cash_at_horizon"]), None])
    return with_currency((["figure", "value", "note"], rows), report.currency, [is_money(row[0]) for row in rows])


def figure_note(name: str, figures: Mapping[str, Any]) -> str | None:
    """The machine note of a figure's row where a number alone misleads (docs/formulas.md §8): the irr row's
    ``irr_none_reason`` or ``irr_kind`` (``investment``, ``borrowing``), ``lower_bound`` on a peak cash need still
    falling at the horizon, ``no_ad_spend`` on a paid payback month that is 1 by definition; None elsewhere."""
    needs = rules_of(name).needs
    if needs is not None and says_nothing(name, figures):
        # The key of the words the table shows instead of the value, by the test the xlsx's Note says why by.
        return WITHOUT_LABELS[needs]
    if name == "irr":
        return figures.get("irr_none_reason") or figures.get("irr_kind")
    if name == "peak_cash_need" and figures.get("peak_cash_at_horizon"):
        return "lower_bound"
    return None


def channels_table(report: RunReport, lang: str = "en") -> Table:
    """The channels with their keys as written (the type a ``type:`` word); the organic row named in ``lang``."""
    header = list(CHANNEL_COLUMNS)
    names = channel_row_names(report.channels, lang, path_column=True)
    return with_currency((header, [[name if key == "name" else getattr(channel, key) for key in header]
                                   for name, channel in zip(names, report.channels, strict=True)]), report.currency)


def months_table(report: RunReport) -> Table:
    header = ["month", "label", *MONTH_COLUMNS, *PAID_MONTH_COLUMNS]
    return with_currency((header, [[month[key] for key in header] for month in report.months]), report.currency)


def cohorts_table(report: RunReport) -> Table:
    """One row per cohort; column ``M<t>`` (or the month's label) its contribution in month t, empty before it joins."""
    return with_currency(_cohort_grid(report), report.currency)


def _cohort_grid(report: RunReport) -> Table:
    labels = [month["label"] for month in report.months]
    header = ["month", "label", "new_users", *labels]
    rows = []
    for cohort in report.cohorts or ():
        before = [None] * (cohort.month - 1)
        rows.append([cohort.month, cohort.label, cohort.new_users, *before, *cohort.contribution])
    return header, rows


def run_fits_table(report: RunReport) -> Table:
    return fits_table(report.fits)


GATE_COLUMNS = ("name", "after_month", "min_roas", "max_cac", "roas", "cac", "passed")


def gates_table(report: RunReport) -> Table:
    """One row per gate of a staged plan (none without gates), its ``name`` told apart by its place where another gate
    shares it (model/gate_names.py)."""
    rows = [[shown, *(getattr(gate, key) for key in GATE_COLUMNS[1:])]
            for gate, shown in zip(report.gates or (), shown_names(report), strict=True)]
    return with_currency((list(GATE_COLUMNS), rows), report.currency)


RUN_TABLES = {"figures": figures_table, "channels": channels_table, "months": months_table, "fits": run_fits_table,
              "gates": gates_table}
"""The tables every run output holds (fits and gates: empty without fitted curves or gates); ``cohorts_table`` is
added when asked for."""


def _markdown_figures(report: RunReport, style: NumberStyle) -> Table:
    figures = report.figures
    labels = [month["label"] for month in report.months]
    rows = [[label(name, style.lang), figure_shown(name, figures, report.horizon_months, style, labels)]
            for name in FIGURE_NAMES]
    return [label("figure", style.lang), label("value", style.lang)], rows


def _markdown_channels(report: RunReport, style: NumberStyle) -> Table:
    lang = style.lang
    # A markdown table has room for the spend's full name (广告支出, as in the figures).
    keys = ("channel", "type", "spend", "users", "cac", "roas", "roi", "max_unit_cost", "channel_ltv", "channel_ltv_to_cac")
    header = [(label if key == "spend" else short_label)(key, lang) for key in keys]
    rows = [[name, channel_type_label(channel.type, lang),
             style.whole(channel.spend), style.whole(channel.users, count=True), style.money(channel.cac),
             style.ratio(channel.roas), style.percent(channel.roi),
             max_bid_text(channel, style),
             style.money(channel.ltv), style.ratio(channel.ltv_to_cac)]
            for name, channel in zip(channel_row_names(report.channels, lang), report.channels, strict=True)]
    return header, rows


def _markdown_months(report: RunReport, style: NumberStyle) -> Table:
    header = [label("month", style.lang), *(short_label(name, style.lang) for name in MONTH_COLUMNS)]
    # As the table view's cells in full (NumberStyle.whole): 0.4 of serving reads 0.40, not 0, a month without any.
    rows = [[month["label"], *(style.whole(month[name], count=name in COUNT_COLUMNS) for name in MONTH_COLUMNS)]
            for month in report.months]
    return header, rows


def run_markdown(report: RunReport, style: NumberStyle | None = None, months: bool = True) -> str:
    """The run as the table view shows it: figures, channels and (unless ``months`` is False) the months."""
    style = style or NumberStyle("en", report.currency)
    parts = [markdown_heading(2, report.scenario + bracketed(report.currency, style.lang)) + "\n",
             to_markdown(_markdown_figures(report, style), label("figures", style.lang))
             + f"\n_{markdown_text(npv_basis(report.discount_rate, style, report.discount_range))}_\n"]
    borrowing = irr_borrowing_note([report.figures], style.lang)
    if borrowing is not None:
        parts.append(f"_{markdown_text(borrowing)}_\n")
    if report.channels:
        parts.append(to_markdown(_markdown_channels(report, style), label("channels", style.lang), text_columns=2))
        parts.append("".join(f"_{markdown_text(note)}_\n" for note in channel_notes(report.channels, style.lang)))
    if report.gates is not None:
        # One paragraph a failed gate: a line break inside a paragraph is escaped as a name's would be.
        parts.append(to_markdown(gates_grid(report, style), label("gates", style.lang), text_columns=3)
                     + "".join(f"\n{markdown_cell(stop)}\n" for stop in gate_stops(report, style.lang)))
    if report.fits:
        # Fits get their own layout: parameters, a warning when poor, observed beside fitted.
        parts.append(fits_markdown(report.fits, style.lang))
    in_currency = bracketed(report.currency, style.lang)
    if months:
        parts.append(to_markdown(_markdown_months(report, style), label("months", style.lang) + in_currency))
    if report.cohorts is not None:
        parts.append(to_markdown(_markdown_cohorts(report, style.lang), label("cohorts", style.lang) + in_currency))
    return "\n".join(parts)


def _cents(value: float) -> str:
    return nonzero_text(value, 2, lambda places: fixed(value, places, separators=True))


def _markdown_cohorts(report: RunReport, lang: str) -> Table:
    """The cohort table under labels: the CSV's keys (month, label, new_users) are no headers to read."""
    header, rows = _cohort_grid(report)
    # Cents, but a contribution other than 0 that would read 0.00 with its first significant digits (0.0040, down to
    # <0.00001: numbers.py nonzero_text), as the table view's cells do: 0.00 is a cohort that earns and costs nothing.
    cells = [[_cents(cell) if isinstance(cell, float) else cell for cell in row] for row in rows]
    return [label("cohort", lang), label("month", lang), short_label("new_users", lang), *header[3:]], cells
