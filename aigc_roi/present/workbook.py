"""A run report as an xlsx workbook a finance analyst can open and work in.

Cells hold full float64 values (up to Excel's largest, ``EXCEL_LARGEST``), written as JSON writes them
(``saved``); Excel number formats do the rounding a person sees, the decimals of the table the sheet is (headline
money figures ``#,##0.00``, a channel's or month's amounts ``#,##0``, its CAC and LTV ``#,##0.00``, ROI and IRR
``0.00%``, users whole). A channel's max bid and its factor are the
exception: a ceiling, written rounded down to the cents (0.01 of a factor)
shown, as a format would round 16.875 up to 16.88, a bid past it (JSON and
CSV keep the exact values; docs/formulas.md §10). A none figure is an empty cell, and a note beside
it says why. Headers and sheet tabs are in the report's language
(``figures``, ``channels``, ... in English; 核心指标, 渠道, ... in Chinese).

openpyxl is imported inside ``sheets_bytes`` (the ``xlsx`` extra); pandas
is not used: it would add an import slower than openpyxl's own for a
DataFrame detour that a few small tables do not need.
"""

from __future__ import annotations

import datetime
import io
import math
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
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
from aigc_roi.model.rounding import fixed, limit_places, rounded_toward
from aigc_roi.present.channel_labels import channel_row_names, channel_type_label, max_unit_cost_per_label
from aigc_roi.present.channel_notes import average_max
from aigc_roi.present.discount_note import npv_basis, rate_stated
from aigc_roi.present.explain import never_throughout, not_split_name, not_split_share, ranked_changes
from aigc_roi.present.fit_data import fits_table
from aigc_roi.present.gates import shown_names
from aigc_roi.present.inputs_table import InputRow, ScenarioFacts, distribution_label, inputs_rows
from aigc_roi.present.labels import label, sentences, short_label, unqualified
from aigc_roi.present.numbers import NumberStyle, irr_borrowing, irr_none_label, none_over, says_nothing
from aigc_roi.present.text import formula_like, xlsx_text

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.workbook.workbook import Workbook as OpenpyxlWorkbook
    from openpyxl.worksheet.worksheet import Worksheet

    from aigc_roi.present.run_data import ChannelRun, RunReport
    from aigc_roi.whatif.explain import FigureChanges

MONEY = "#,##0"
MONEY_CENTS = "#,##0.00"
PERCENT = "0.00%"
RATIO = "0.00"
WHOLE = "#,##0"
MONTH = "0"
_UNIT_FORMATS = {"money": MONEY, "users": WHOLE, "ratio": RATIO, "percent": PERCENT, "month": MONTH}
GENERAL = "General"
"""Excel's own format: an input keeps the digits it was written with (0.012, 1e-06, 25000)."""
DATE = "yyyy-mm"
MIN_WIDTH, MAX_WIDTH = 6, 60
EXCEL_LARGEST = 9.99999999999999e307
"""Excel's largest number: a cell past it (an IRR past float64's, docs/formulas.md §10) is one Excel cannot open as a
number and openpyxl reads back as inf, so it is written capped at this, with a note where the figure has one."""


def figure_format(name: str) -> str:
    """The Excel number format of a headline figure (docs/formulas.md §5): money in cents, as every table shows a
    headline figure (§8: 515,063.34, not 515,063), per user or a total; the channels' and months' amounts are whole
    (``MONEY``), as their tables show them."""
    unit = unit_of(name)
    return MONEY_CENTS if unit == "money" else _UNIT_FORMATS[unit]


@dataclass(frozen=True)
class Column:
    header: str | datetime.date
    """Text, or a month's first day (a cohort sheet's month, formatted ``DATE``: a real date, as the months sheet's)."""
    number_format: str | None = None
    """None for text."""


def _figures_sheet(report: RunReport, lang: str) -> tuple[list[Column], list[list[Any]], list[str | None]]:
    columns = [Column(label("figure", lang)), Column(label("value", lang)), Column(label("key", lang)),
               Column(label("unit", lang)), Column(label("note", lang))]
    figures, currency = report.figures, report.currency
    rows = [[label(name, lang), figures[name], name, _unit_text(unit_of(name), currency, lang),
             _figure_note(name, report, lang)]
            for name in FIGURE_NAMES]
    formats: list[str | None] = [figure_format(name) for name in FIGURE_NAMES]
    if "peak_cash_at_horizon" in figures:
        # The CSV's flag row, a spreadsheet's own TRUE or FALSE here (docs/formulas.md §8).
        rows.append([label("peak_cash_at_horizon", lang), bool(figures["peak_cash_at_horizon"]), "peak_cash_at_horizon",
                     label("unit_boolean", lang), None])
        formats.append(None)
    return columns, rows, formats


def _figure_note(name: str, report: RunReport, lang: str) -> str | None:
    """A run's note on figure ``name``: ``figure_note_text``'s, and beside NPV the rate it is discounted at (the
    compare sheet's note states each scenario's, ``_compare_note``)."""
    if name == "npv" and report.figures[name] is not None:
        return npv_basis(report.discount_rate, NumberStyle(lang, report.currency), report.discount_range)
    return figure_note_text(name, report.figures, report.horizon_months, lang)


_UNIT_LABELS = {"users": "unit_users", "percent": "unit_percent", "ratio": "unit_ratio", "month": "unit_month",
                "share": "unit_share", "count": "unit_count"}
"""A figure's unit (model/figures.py) or an input's (reader/input_units.py), money aside -> its label."""


def _unit_text(unit: str | None, currency: str, lang: str) -> str | None:
    """A unit column's cell: the currency for money, else the unit's word; empty for text (an input's name, months)."""
    if unit is None:
        return None
    return currency if unit == "money" else label(_UNIT_LABELS[unit], lang)


def figure_note_text(name: str, figures: Mapping[str, Any], horizon: int, lang: str) -> str | None:
    """The note beside a figure of ``figures`` (a run's, with ``irr_none_reason``, ``irr_kind`` and
    ``peak_cash_at_horizon``): why it is none, or how its number reads where alone it would mislead (an IRR that is
    a borrowing rate, a peak cash need still growing at the horizon, a paid payback without ad spend: month 1 by
    definition); None where the number says it all."""
    if says_nothing(name, figures):
        return label("no_ad_spend_note", lang)
    if figures[name] is None:
        return none_reason(name, figures, horizon, lang)
    notes = [label("irr_borrowing_note", lang)] if name == "irr" and irr_borrowing(figures) else []
    if _past_excel(figures[name]):
        notes.append(label("excel_capped_note", lang))
    if notes:
        return sentences(notes, lang)
    if name == "peak_cash_need" and figures.get("peak_cash_at_horizon"):
        return label("peak_cash_lower_bound", lang).format(month=horizon)
    return None


def none_reason(name: str, figures: Mapping[str, Any], horizon: int, lang: str) -> str:
    """Why a figure of ``figures`` (a run's, with ``irr_none_reason``) is none, where an empty cell would leave a
    reader guessing: what its none means (model/figures.py), or that the figure it is computed over is none."""
    over = none_over(name, figures)
    if over is not None:
        return label("none_over", lang).format(figure=short_label(over, lang),
                                               reason=none_reason(over, figures, horizon, lang))
    meaning = rules_of(name).none
    if meaning == "never":
        return (label("never_within", lang).format(months=horizon) if rules_of(name).never_past_horizon
                else label("never_within_lifetime", lang))
    if meaning == "no_single_irr":
        return label(irr_none_label(figures), lang)
    if meaning == "no_cash_need":
        return label(meaning, lang)
    if name == "mirr":
        return label("mirr_none", lang)
    return label("zero_denominator", lang)


def _channels_sheet(report: RunReport, lang: str) -> tuple[list[Column], list[list[Any]]]:
    currency = report.currency
    columns = [Column(label("channel", lang)), Column(label("channel_path", lang)), Column(label("type", lang)),
               Column(_in_currency("spend", currency, lang), MONEY),
               Column(label("users", lang), WHOLE), Column(_in_currency("cac", currency, lang), MONEY_CENTS),
               Column(label("roas", lang), RATIO), Column(label("roi", lang), PERCENT),
               Column(_in_currency("gross_revenue", currency, lang), MONEY),
               Column(_in_currency("contribution", currency, lang), MONEY),
               Column(_in_currency("max_unit_cost", currency, lang), MONEY_CENTS), Column(label("saturating", lang)),
               Column(label("max_unit_cost_factor", lang), RATIO), Column(label("max_unit_cost_kind_column", lang)),
               Column(_in_currency("channel_ltv", currency, lang), MONEY_CENTS),
               Column(label("channel_ltv_to_cac", lang), RATIO), Column(label("note", lang))]
    rows = [[name, channel.path, channel_type_label(channel.type, lang),
             *(_channel_cell(channel, key, lang) for key in CHANNEL_COLUMNS[3:]), _channel_note(channel, lang)]
            for name, channel in zip(channel_row_names(report.channels, lang, path_column=True), report.channels, strict=True)]
    return columns, rows


def _ceiling_format(channel: ChannelRun) -> str:
    """The format of a channel's max bid (or factor) cell: cents, or the places of a ceiling below half a cent
    (model/rounding.py ``limit_places``), so that a cell of 0.0039 does not show 0.00."""
    value = channel.max_unit_cost if channel.max_unit_cost_factor is None else channel.max_unit_cost_factor
    usual = MONEY_CENTS if channel.max_unit_cost_factor is None else RATIO
    places = 2 if value is None else limit_places(value, 2, up=False)
    return usual if places == 2 else f"{usual}{'0' * (places - 2)}"


def _channel_note(channel: ChannelRun, lang: str) -> str | None:
    """What the table's "avg" says beside a saturating channel's max bid: a bid copied from here loses money on the
    last users it buys."""
    return label("saturating_note", lang) if average_max(channel) else None


CEILINGS = frozenset({"max_unit_cost", "max_unit_cost_factor"})
"""A channel's entries a bid must stay at or below: written at the digit shown, rounded down (module docstring)."""
CEILING_COLUMNS = tuple(CHANNEL_COLUMNS.index(key) for key in sorted(CEILINGS))
"""Their columns in the channels sheet, formatted row by row (``_ceiling_format``)."""


def _channel_cell(channel: ChannelRun, key: str, lang: str) -> Any:
    value = getattr(channel, key)
    if key == "max_unit_cost_kind":
        # The kind in words (Max fee (per post)), as the table's caption says it; the CSV keeps the key (fee).
        return None if value is None else max_unit_cost_per_label(channel.type, lang)
    if key not in CEILINGS or value is None:
        return value
    return rounded_toward(value, limit_places(value, 2, up=False), up=False)


def _in_currency(key: str, currency: str, lang: str) -> str:
    """A money column's header: its label and the scenario's currency, ``Spend (CNY)``."""
    return f"{unqualified(label(key, lang))} ({currency})"


def _month_cell(month: Mapping[str, Any], start: str) -> Any:
    """A real date (the month's first day) when the file sets ``start``, so a pivot by quarter works; else ``M1``."""
    return month_date(month["label"]) if start else month["label"]


def month_date(label: str) -> datetime.date:
    """The first day of a calendar month's label (``2025-03``, Scenario.month_labels): a cell formatted ``DATE``."""
    year, month = (int(part) for part in label.split("-"))
    return datetime.date(year, month, 1)


def _cohorts_sheet(report: RunReport, facts: ScenarioFacts, lang: str) -> tuple[list[Column], list[list[Any]]]:
    """Per cohort month its new users and its contribution in each month from its own on (empty before); the cohort's
    column header names the unit, and the months are real dates where the months sheet's are."""
    months = {month["month"]: month for month in report.months}
    columns = [Column(label("month_number", lang), MONTH),
               Column(label("cohort_contribution_in", lang).format(currency=report.currency), DATE if facts.start else None),
               Column(label("new_users", lang), WHOLE)]
    columns += [Column(_month_cell(month, facts.start), MONEY) for month in report.months]
    rows = [[cohort.month, _month_cell(months[cohort.month], facts.start), cohort.new_users,
             *([None] * (cohort.month - 1)), *cohort.contribution]
            for cohort in report.cohorts or ()]
    return columns, rows


def _months_sheet(report: RunReport, facts: ScenarioFacts, lang: str) -> tuple[list[Column], list[list[Any]]]:
    columns = [Column(label("month_number", lang), MONTH), Column(label("month", lang), DATE if facts.start else None)]
    names = (*MONTH_COLUMNS, *PAID_MONTH_COLUMNS)
    columns += [Column(label(name, lang), WHOLE) if name in COUNT_COLUMNS else Column(_in_currency(name, report.currency, lang), MONEY)
                for name in names]
    rows = [[month["month"], _month_cell(month, facts.start), *(month[name] for name in names)] for month in report.months]
    return columns, rows


def _gates_sheet(report: RunReport, lang: str) -> tuple[list[Column], list[list[Any]]]:
    """Per gate its test months, thresholds, the test's ROAS and CAC and whether it passed; the CACs, amounts, headed
    with the currency as every other sheet's amounts are (the test's keeps the months it is over)."""
    currency = report.currency
    columns = [Column(label("gate", lang)), Column(label("gate_after_month", lang), MONTH),
               Column(label("gate_min_roas", lang), RATIO), Column(label("gate_roas", lang), RATIO),
               Column(_in_currency("gate_max_cac", currency, lang), MONEY_CENTS),
               Column(label("gate_cac_in", lang).format(currency=currency), MONEY_CENTS),
               Column(label("gate_result", lang))]
    rows = [[shown, gate.after_month, gate.min_roas, gate.roas, gate.max_cac, gate.cac,
             label("gate_pass" if gate.passed else "gate_fail", lang)]
            for gate, shown in zip(report.gates or (), shown_names(report), strict=True)]
    return columns, rows


def _fits_sheet(report: RunReport, lang: str) -> tuple[list[Column], list[list[Any]]]:
    """The CSV's fits table (present/fit_data.py): shares as percentages, the parameters as computed."""
    columns = [Column(label("fit_curve", lang)), Column(label("fit_of", lang)), Column(label("point", lang)),
               Column(label("observed", lang), PERCENT), Column(label("fitted", lang), PERCENT), Column(label("gap", lang), PERCENT),
               *(Column(name, GENERAL) for name in ("u", "b", "alpha", "beta")), Column(label("fit_at_bound_column", lang)),
               Column(label("fit_relative_gap_column", lang), PERCENT),
               *(Column(label(key, lang)) for key in ("fit_poor_column", "fit_loose_column", "fit_tail_column"))]
    _, rows = fits_table(report.fits)
    # One column for whose curve it is: a sheet's reader reads the name, and the curve's label says which kind.
    return columns, [[label(_FIT_CURVE_LABELS[row[0]], lang), row[1] or row[2], *row[3:]] for row in rows]


_FIT_CURVE_LABELS = {"retention": "fit_curve_retention", "channel_retention": "fit_curve_channel_retention",
                     "renewal": "fit_curve_renewal"}
"""The label of each ``curve`` of present/fit_data.py."""


def _inputs_sheet(facts: ScenarioFacts, inputs: Sequence[InputRow], lang: str) -> tuple[list[Column], list[list[Any]]]:
    """The CSV's inputs table (present/inputs_table.py), numbers as numbers, a distribution in the sheet's language as
    every label of it, with a note where a value alone misleads."""
    columns = [Column(label("field_path", lang)), Column(label("value", lang), GENERAL), Column(label("low", lang), GENERAL),
               Column(label("high", lang), GENERAL), Column(label("distribution", lang)), Column(label("as_written", lang)),
               Column(label("note", lang))]
    return columns, [[*row[:4], row[4] and distribution_label(row[4], lang), *row[5:], _input_note(row[0], lang)]
                     for row in inputs_rows(facts, inputs, lang)]


def _input_note(path: str, lang: str) -> str | None:
    """What a value's number alone does not say: the discount rate is annual, and NPV compounds it monthly."""
    return label("discount_rate_note", lang) if path == "discount_rate" else None


def _display_width(text: str) -> int:
    """Columns a text takes in a spreadsheet cell: CJK characters are double width."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _shown(value: Any, number_format: str | None) -> str:
    """Roughly the text Excel shows for a cell, for sizing its column."""
    if value is None:
        return ""
    if isinstance(value, datetime.date) and number_format == DATE:
        return f"{value:%Y-%m}"
    if isinstance(value, bool) or not isinstance(value, int | float) or number_format is None:
        return str(value)
    if number_format == PERCENT:
        return f"{fixed(value, 2, shift=2)}%"
    if number_format == GENERAL:
        return f"{value:,g}"
    decimals = 2 if number_format in (MONEY_CENTS, RATIO) else 0
    return fixed(value, decimals, separators=True)


def _fill(sheet: Worksheet, columns: Sequence[Column], rows: Sequence[Sequence[Any]],
          row_formats: Sequence[str | None] | None = None, value_columns: Sequence[int] = (1,)) -> None:
    """A table with a bold frozen header and an autofilter; ``row_formats`` formats the ``value_columns``
    (0-based; the second column by default) row by row."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet.append([xlsx_text(column.header) if isinstance(column.header, str) else column.header for column in columns])
    keep_text(sheet[1])
    widths = [_display_width(_shown(column.header, DATE)) for column in columns]
    for r, row in enumerate(rows):
        # Names are data: control characters are written out, a formula-like text kept a text cell.
        sheet.append([xlsx_text(cell) if isinstance(cell, str) else _excel_number(cell) for cell in row])
        keep_text(sheet[r + 2])
        for c, value in enumerate(row):
            number_format = columns[c].number_format
            if row_formats is not None and c in value_columns:
                number_format = row_formats[r]
            if number_format is not None and isinstance(value, int | float | datetime.date) and not isinstance(value, bool):
                sheet.cell(row=r + 2, column=c + 1).number_format = number_format
            widths[c] = max(widths[c], _display_width(_shown(value, number_format)))
    for cell, column in zip(sheet[1], columns, strict=True):
        cell.font = Font(bold=True)
        if isinstance(column.header, datetime.date):
            cell.number_format = DATE
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
    for c, width in enumerate(widths):
        # +2: room for the autofilter arrow button in the header.
        sheet.column_dimensions[get_column_letter(c + 1)].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)


def keep_text(cells: Iterable[Cell]) -> None:
    """Each text cell that starts like a formula (``=``, ``+``, ``-``, ``@``: ``formula_like``) stored as text, holding
    the name exactly: openpyxl makes a text starting with ``=`` a formula cell, evaluated as Excel opens the file.
    A text cell is never evaluated, and ``quotePrefix`` is the style Excel gives a text typed after a ``'``: it shows
    the name without one and keeps it text when the cell is edited. Before, the text itself started with ``'``, so a
    name copied from the sheet differed from CSV's reading and JSON's (a ``--map`` glob missed it)."""
    for cell in cells:
        if isinstance(cell.value, str) and formula_like(cell.value):
            cell.data_type = "s"
            cell.quotePrefix = True


def _past_excel(value: Any) -> bool:
    return isinstance(value, float) and abs(value) > EXCEL_LARGEST


def _excel_number(cell: Any) -> Any:
    """``cell`` as a sheet stores it: past Excel's largest number, that number; a zero of either sign 0, as the CSV
    writes it (a spreadsheet may show a stored -0.0 as -0)."""
    if _past_excel(cell):
        return math.copysign(EXCEL_LARGEST, cell)
    return cell + 0.0 if type(cell) is float else cell


@dataclass(frozen=True)
class Sheet:
    """One plain table of a workbook: its tab's name, its columns with their number formats and its rows;
    ``row_formats`` formats the ``value_columns`` row by row (``_fill``)."""

    title: str
    columns: Sequence[Column]
    rows: Sequence[Sequence[Any]]
    row_formats: Sequence[str | None] | None = None
    value_columns: Sequence[int] = (1,)


def sheets_bytes(sheets: Sequence[Sheet]) -> bytes:
    """A workbook of plain tables, one sheet each."""
    from openpyxl import Workbook

    workbook = Workbook()
    first = workbook.active
    assert first is not None  # a new Workbook always has one sheet
    for index, sheet in enumerate(sheets):
        page = first if index == 0 else workbook.create_sheet(sheet.title)
        page.title = sheet.title
        _fill(page, sheet.columns, sheet.rows, sheet.row_formats, sheet.value_columns)
    return saved(workbook)


def saved(workbook: OpenpyxlWorkbook) -> bytes:
    """The workbook's bytes, every number written as its shortest text that reads back as the same float64 (JSON's
    ``repr``): openpyxl writes ``%.16g``, one digit short of that, so 4000544.7133326265 read back 4000544.713332627.
    Every workbook the tool writes is saved here (``sheets_bytes``, and the what-if mark's second save)."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                value = cell.value
                if cell.data_type == "n" and isinstance(value, float) and math.isfinite(value):
                    # A numeric cell whose value is that text: openpyxl writes a text as it is.
                    cell.value = repr(float(value))
                    cell.data_type = "n"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


COMPARE_SHEET_HEADERS = ("figure", "key", "unit", "note")
"""The labels of the compare sheet's columns beside the scenarios': three before them, the last after."""


def compare_workbook_bytes(columns: Sequence[dict[str, Any]], horizons: Sequence[int], currency: str, lang: str = "en",
                           changes: FigureChanges | None = None) -> bytes:
    """``compare --format xlsx``: sheet ``compare`` with one column per scenario (each figure in its own number
    format, ``horizons`` the scenarios' own) and a note on why a figure is none, and sheet ``explain`` with what
    moved each figure when asked."""
    figure, key, unit, note = (Column(label(header, lang)) for header in COMPARE_SHEET_HEADERS)
    header = [figure, key, unit, *(Column(column["name"]) for column in columns), note]
    rows = [[label(name, lang), name, _unit_text(unit_of(name), currency, lang), *(column["figures"][name] for column in columns),
             _compare_note(name, columns, horizons, currency, lang)] for name in FIGURE_NAMES]
    # A staged plan's gates, pass or fail as the table reads them (present/compare_gates.py), before the basis.
    from aigc_roi.present.compare_gates import GATE_KEY, gate_texts, gate_values

    style = NumberStyle(lang, currency)
    gates = [[row_label, f"{GATE_KEY}{name}", None, *cells, None] for (name, _), (row_label, cells)
             in zip(gate_values(columns, False), gate_texts(columns, style, False), strict=True)]
    sheets = [Sheet(label("sheet_compare", lang), header, rows + gates + _basis_rows(columns, style),
                    [*(figure_format(name) for name in FIGURE_NAMES), *([None] * len(gates)), MONTH, DATE, PERCENT],
                    value_columns=range(3, 3 + len(columns)))]
    if changes is not None:
        sheets.append(Sheet(label("sheet_explain", lang), *_explain_sheet(changes, currency, lang), value_columns=(7,)))
    return sheets_bytes(sheets)


def _basis_rows(columns: Sequence[dict[str, Any]], style: NumberStyle) -> list[list[Any]]:
    """Each scenario's horizon, start (plan month 1 as a real date) and annual discount rate, below the figures:
    what its totals cover, what its month numbers count from and what its NPV is discounted at."""
    lang = style.lang
    starts = [None if column["start"] is None else datetime.date.fromisoformat(f"{column['start']}-01")
              for column in columns]
    return [[label("basis_horizon_months", lang), "horizon_months", label("unit_month", lang),
             *(column["horizon_months"] for column in columns), None],
            [label("basis_start", lang), "start", None, *starts, None],
            [label("basis_discount_rate", lang), "discount_rate", label("unit_percent", lang),
             *(column["discount_rate"] for column in columns), _rate_note(columns, style)]]


def _rate_note(columns: Sequence[dict[str, Any]], style: NumberStyle) -> str:
    """The discount rate row's note: what the rate is, then each scenario's whose file writes a range, its cell the
    median, said to be one as the other formats say it (``Plan: 8.66% (median of 5%..15%)``)."""
    medians = [label("scenario_note", style.lang).format(
                   name=column["name"], reason=rate_stated(column["discount_rate"], column["discount_rate_range"], style))
               for column in columns if column["discount_rate_range"] is not None]
    return label("notes_separator", style.lang).join([label("discount_rate_note", style.lang), *medians])


def _compare_note(name: str, columns: Sequence[dict[str, Any]], horizons: Sequence[int], currency: str,
                  lang: str) -> str | None:
    """Each scenario's note on figure ``name`` (``figure_note_text``), where it has one: ``starter: its denominator
    is 0``; beside NPV the rate each is discounted at."""
    style = NumberStyle(lang, currency)
    # Each scenario's NPV basis is one sentence among the scenarios' notes: its closing stop goes, the separator stays.
    notes = [(column["name"], npv_basis(column["discount_rate"], style, column["discount_rate_range"]).rstrip(".。")
              if name == "npv" and column["figures"][name] is not None
              else figure_note_text(name, column["figures"], horizon, lang))
             for column, horizon in zip(columns, horizons, strict=True)]
    return label("notes_separator", lang).join(label("scenario_note", lang).format(name=scenario, reason=note)
                                               for scenario, note in notes if note is not None) or None


SHARE_OF_MONTH = "0.00"
"""A payback month's share of a change: a fraction of one month (three inputs may share one month's move)."""


def _explain_sheet(changes: FigureChanges, currency: str,
                   lang: str) -> tuple[list[Column], list[list[Any]], list[str | None]]:
    """Per figure and changed input: the figure's unit, which its share is in (as the compare sheet states it), the
    input's path in NEW and in BASE (as CSV's ``path`` and ``base_path``: matched items may sit at other places in the
    two), the input's unit and its values before and after in it (numbers where they are one: a bid moving a ROI is
    in the currency, not in %), its share of the change in the figure's format, and why a share is missing."""
    columns = [Column(label("figure", lang)), Column(label("unit", lang)), Column(label("explain_input", lang)),
               Column(label("explain_base_input", lang)), Column(label("explain_input_unit", lang)),
               Column(label("explain_from", lang), GENERAL), Column(label("explain_to", lang), GENERAL),
               Column(label("explain_change", lang)), Column(label("note", lang))]
    rows: list[list[Any]] = []
    formats: list[str | None] = []
    for attribution in changes.explanation.attributions:
        figure = attribution.figure
        unit = _unit_text(unit_of(figure), currency, lang)
        # A payback never reached in any combination has no share to miss: nothing moved it.
        missing = None if never_throughout(attribution) else label("explain_not_split", lang)
        for change, share in ranked_changes(changes, figure):
            rows.append([label(figure, lang), unit, change.path, change.base_path, _unit_text(change.unit, currency, lang),
                         change.before if change.before_number is None else change.before_number,
                         change.after if change.after_number is None else change.after_number,
                         share, missing if share is None else None])
        rest = not_split_share(changes, figure)
        if rest is not None:
            # The rest of the change, so that a sum of the column is the whole change.
            rows.append([label(figure, lang), unit, not_split_name(changes, lang), None, None, None, None, rest[0], None])
        formats += [SHARE_OF_MONTH if unit_of(figure) == "month" else figure_format(figure)] * (len(rows) - len(formats))
    return columns, rows, formats


def run_sheets(report: RunReport, facts: ScenarioFacts, inputs: Sequence[InputRow], lang: str = "en") -> dict[str, Sheet]:
    """Each table ``run --table`` names that has rows, by that name and in its order, as a sheet named in ``lang``
    (核心指标, 渠道, ... under zh): cohorts when the report has them, fits and gates when the scenario has any."""
    sheets = {"figures": Sheet(label("sheet_figures", lang), *_figures_sheet(report, lang)),
              "channels": Sheet(label("sheet_channels", lang), *_channels_sheet(report, lang),
                                [_ceiling_format(channel) for channel in report.channels], CEILING_COLUMNS),
              "months": Sheet(label("sheet_months", lang), *_months_sheet(report, facts, lang))}
    if report.cohorts is not None:
        sheets["cohorts"] = Sheet(label("sheet_cohorts", lang), *_cohorts_sheet(report, facts, lang))
    if report.fits:
        sheets["fits"] = Sheet(label("sheet_fits", lang), *_fits_sheet(report, lang))
    if report.gates is not None:
        sheets["gates"] = Sheet(label("sheet_gates", lang), *_gates_sheet(report, lang))
    sheets["inputs"] = Sheet(label("sheet_inputs", lang), *_inputs_sheet(facts, inputs, lang))
    return sheets


def workbook_bytes(report: RunReport, facts: ScenarioFacts, inputs: Sequence[InputRow], lang: str = "en") -> bytes:
    """The run's workbook: ``run_sheets``, one sheet each."""
    return sheets_bytes(list(run_sheets(report, facts, inputs, lang).values()))
