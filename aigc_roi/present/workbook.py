"""A run report as an xlsx workbook a finance analyst can open and work in.

Cells hold full float64 values; Excel number formats do the rounding a
person sees (money ``#,##0``, CAC and LTV ``#,##0.00``, ROI and IRR
``0.00%``, users whole). A none figure is an empty cell. Headers are human
labels in the report's language; sheet tabs keep their English names
(``figures``, ``channels``, ``months``, ``cohorts``, ``inputs``) in every language, so
formulas and scripts that refer to them work on any workbook.

openpyxl is imported inside ``workbook_bytes`` (the ``xlsx`` extra); pandas
is not used: importing it took 1.8 s against openpyxl's 1.0 s on a shared
build machine, for a DataFrame detour that four small tables do not need.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aigc_roi.model.figures import CHANNEL_COLUMNS, COUNT_COLUMNS, FIGURE_NAMES, MONTH_COLUMNS, unit_of
from aigc_roi.present.labels import label
from aigc_roi.present.text import xlsx_text

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

MONEY = "#,##0"
MONEY_CENTS = "#,##0.00"
PERCENT = "0.00%"
RATIO = "0.00"
WHOLE = "#,##0"
MONTH = "0"
CENTS_FIGURES = frozenset({"cac", "blended_cac", "ltv"})
"""Money per user: amounts of a few units, where cents matter."""
_UNIT_FORMATS = {"money": MONEY, "users": WHOLE, "ratio": RATIO, "percent": PERCENT, "month": MONTH}
MIN_WIDTH, MAX_WIDTH = 6, 60


def figure_format(name: str) -> str:
    """The Excel number format of a section-4 figure."""
    return MONEY_CENTS if name in CENTS_FIGURES else _UNIT_FORMATS[unit_of(name)]


@dataclass(frozen=True)
class Column:
    header: str
    number_format: str | None = None
    """None for text."""


@dataclass(frozen=True)
class ScenarioFacts:
    """What the inputs sheet states above the file's values (defaults filled in)."""

    name: str
    currency: str
    start: str
    """``YYYY-MM``, or empty when the file sets none (months are then M1, M2, ...)."""
    horizon_months: int


def _figures_sheet(report: dict[str, Any], lang: str) -> tuple[list[Column], list[list[Any]], list[str | None]]:
    columns = [Column(label("figure", lang)), Column(label("value", lang)), Column(label("key", lang))]
    rows = [[label(name, lang), report["figures"][name], name] for name in FIGURE_NAMES]
    return columns, rows, [figure_format(name) for name in FIGURE_NAMES]


def _channels_sheet(report: dict[str, Any], lang: str) -> tuple[list[Column], list[list[Any]]]:
    columns = [Column(label("channel", lang)), Column(label("type", lang)), Column(label("spend", lang), MONEY),
               Column(label("users", lang), WHOLE), Column(label("cac", lang), MONEY_CENTS),
               Column(label("roas", lang), RATIO), Column(label("roi", lang), PERCENT),
               Column(label("gross_revenue", lang), MONEY), Column(label("contribution", lang), MONEY),
               Column(label("max_unit_cost", lang), MONEY_CENTS)]
    rows = [[label("organic", lang) if channel["type"] == "organic" else channel["name"],
             *(channel[key] for key in CHANNEL_COLUMNS[1:])]
            for channel in report["channels"]]
    return columns, rows


def _cohorts_sheet(report: dict[str, Any], lang: str) -> tuple[list[Column], list[list[Any]]]:
    """Per cohort month its new users and its contribution in each month from its own on (empty before)."""
    months = report["months"]
    columns = [Column(label("month_number", lang), MONTH), Column(label("cohort", lang)), Column(label("new_users", lang), WHOLE)]
    columns += [Column(month["label"], MONEY) for month in months]
    rows = [[cohort["month"], cohort["label"], cohort["new_users"], *([None] * (cohort["month"] - 1)), *cohort["contribution"]]
            for cohort in report["cohorts"]]
    return columns, rows


def _months_sheet(report: dict[str, Any], lang: str) -> tuple[list[Column], list[list[Any]]]:
    columns = [Column(label("month_number", lang), MONTH), Column(label("month", lang))]
    columns += [Column(label(name, lang), WHOLE if name in COUNT_COLUMNS else MONEY) for name in MONTH_COLUMNS]
    rows = [[month["month"], month["label"], *(month[name] for name in MONTH_COLUMNS)] for month in report["months"]]
    return columns, rows


def _gates_sheet(report: dict[str, Any], lang: str) -> tuple[list[Column], list[list[Any]]]:
    """Per gate its test months, thresholds, the test's ROAS and CAC and whether it passed."""
    columns = [Column(label("gate", lang)), Column(label("gate_after_month", lang), MONTH),
               Column(label("gate_min_roas", lang), RATIO), Column(label("roas", lang), RATIO),
               Column(label("gate_max_cac", lang), MONEY_CENTS), Column(label("cac", lang), MONEY_CENTS),
               Column(label("gate_result", lang))]
    rows = [[gate["name"], gate["after_month"], gate["min_roas"], gate["roas"], gate["max_cac"], gate["cac"],
             label("gate_pass" if gate["passed"] else "gate_fail", lang)] for gate in report["gates"]]
    return columns, rows


def _inputs_sheet(facts: ScenarioFacts, inputs: Sequence[tuple[str, Any]], lang: str) -> tuple[list[Column], list[list[Any]]]:
    columns = [Column(label("field_path", lang)), Column(label("value", lang))]
    stated: list[list[Any]] = [["name", facts.name], ["currency", facts.currency], ["start", facts.start],
              ["horizon_months", facts.horizon_months]]
    # The four facts come first with their defaults filled in; the file's own lines for them are not repeated.
    rows = stated + [[path, value] for path, value in inputs if path not in {"name", "currency", "start", "horizon_months"}]
    return columns, rows


def _display_width(text: str) -> int:
    """Columns a text takes in a spreadsheet cell: CJK characters are double width."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _shown(value: Any, number_format: str | None) -> str:
    """Roughly the text Excel shows for a cell, for sizing its column."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, int | float) or number_format is None:
        return str(value)
    if number_format == PERCENT:
        return f"{value:.2%}"
    decimals = 2 if number_format in (MONEY_CENTS, RATIO) else 0
    return f"{value:,.{decimals}f}"


def _fill(sheet: Worksheet, columns: Sequence[Column], rows: Sequence[Sequence[Any]],
          row_formats: Sequence[str | None] | None = None) -> None:
    """A table with a bold frozen header and an autofilter; ``row_formats`` formats column 2 row by row."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet.append([xlsx_text(column.header) for column in columns])
    widths = [_display_width(column.header) for column in columns]
    for r, row in enumerate(rows):
        # Names are data: a formula-like start gets a ' and control characters are written out.
        sheet.append([xlsx_text(cell) if isinstance(cell, str) else cell for cell in row])
        for c, value in enumerate(row):
            number_format = columns[c].number_format
            if row_formats is not None and c == 1:
                number_format = row_formats[r]
            if number_format is not None and isinstance(value, int | float) and not isinstance(value, bool):
                sheet.cell(row=r + 2, column=c + 1).number_format = number_format
            widths[c] = max(widths[c], _display_width(_shown(value, number_format)))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
    for c, width in enumerate(widths):
        # +2: room for the autofilter arrow button in the header.
        sheet.column_dimensions[get_column_letter(c + 1)].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)


def workbook_bytes(report: dict[str, Any], facts: ScenarioFacts, inputs: Sequence[tuple[str, Any]], lang: str = "en") -> bytes:
    """The workbook: sheets figures, channels, months, cohorts, gates (a staged plan's) and inputs (every value
    the file sets, by field path)."""
    from openpyxl import Workbook

    workbook = Workbook()
    figures = workbook.active
    assert figures is not None  # a new Workbook always has one sheet
    figures.title = "figures"
    columns, rows, formats = _figures_sheet(report, lang)
    _fill(figures, columns, rows, formats)
    _fill(workbook.create_sheet("channels"), *_channels_sheet(report, lang))
    _fill(workbook.create_sheet("months"), *_months_sheet(report, lang))
    if "cohorts" in report:
        _fill(workbook.create_sheet("cohorts"), *_cohorts_sheet(report, lang))
    if "gates" in report:
        _fill(workbook.create_sheet("gates"), *_gates_sheet(report, lang))
    _fill(workbook.create_sheet("inputs"), *_inputs_sheet(facts, inputs, lang))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
