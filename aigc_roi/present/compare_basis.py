"""`compare`'s basis of each column: its horizon, start and discount rate, stated after the figures in every format
and warned of on stderr where the columns differ (docs/formulas.md §12); where their starts differ, each month figure
is labelled with its calendar month (present/compare.py, compare_view.py)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from aigc_roi.model.scenario import month_labels
from aigc_roi.present.discount_note import range_data, rate_stated
from aigc_roi.present.labels import label
from aigc_roi.present.numbers import NONE, NumberStyle
from aigc_roi.whatif.compare import Comparison

BASIS_LABELS = {"horizon_months": "basis_horizon_months", "start": "basis_start", "discount_rate": "basis_discount_rate"}
"""The rows after the figures that state each column's basis (docs/formulas.md §12), with their labels: a figure is
comparable across columns only on one basis, and a reader can see whether it is."""
BASIS = tuple(BASIS_LABELS)
BASIS_DIFFERS = {"discount_rate": "basis_differs_discount_rate", "horizon_months": "basis_differs_horizon_months",
                 "start": "basis_differs_start"}
"""The warning's part for each basis that differs, naming the figures it affects, in the order the warning says them."""
CSV_BASIS = ("horizon_months", "start_year", "start_month", "discount_rate", "discount_rate_low", "discount_rate_high")
"""CSV's basis rows: the start as two numbers, so that every cell of a scenario's column is a number; a rate written
as a range its median and the range's low and high as JSON's ``discount_rate_range`` has them (empty for one number),
without which a median read as the rate the file writes."""


def calendar(scenario: Mapping[str, Any]) -> list[str] | None:
    """The calendar label of each of a column's plan months (``2025-09``); None where its file sets no start."""
    start = scenario["start"]
    if start is None:
        return None
    year, month = (int(part) for part in start.split("-"))
    return month_labels((year, month), scenario["horizon_months"])


def starts_differ(scenarios: Sequence[Mapping[str, Any]]) -> bool:
    """Whether a month number names another calendar month in some column: then the text formats label each."""
    return len({scenario["start"] for scenario in scenarios}) > 1


def discount_text(scenario: Mapping[str, Any], style: NumberStyle) -> str:
    """A column's discount rate as its file states it (``rate_stated``), and on risk, where each sample draws its own
    rate from a range, said to be drawn (docs/formulas.md §12)."""
    return rate_stated(scenario["discount_rate"], scenario["discount_rate_range"], style, _drawn(scenario))


def _drawn(scenario: Mapping[str, Any]) -> bool:
    """Whether a column is compared on risk (it has a ``distribution``): each sample then draws its own rate."""
    return "distribution" in scenario


def basis_cells(key: str, scenarios: Sequence[Mapping[str, Any]], style: NumberStyle | None) -> list[Any]:
    """Each column's value of basis row ``key`` (``CSV_BASIS`` without a style, ``BASIS`` with one)."""
    if key in ("start_year", "start_month"):
        part = 0 if key == "start_year" else 1
        return [None if scenario["start"] is None else int(scenario["start"].split("-")[part]) for scenario in scenarios]
    if key in ("discount_rate_low", "discount_rate_high"):
        end = key.removeprefix("discount_rate_")
        return [None if scenario["discount_rate_range"] is None else scenario["discount_rate_range"][end]
                for scenario in scenarios]
    values = [scenario[key] for scenario in scenarios]
    if style is None:
        return values
    if key == "start":
        return [NONE if value is None else value for value in values]
    if key == "discount_rate":
        return [discount_text(scenario, style) for scenario in scenarios]
    return [style.month(value, NONE) for value in values]


def basis_rows(scenarios: Sequence[Mapping[str, Any]], style: NumberStyle | None, blank: int) -> list[list[Any]]:
    """The basis rows of a table whose scenarios' columns are followed by ``blank`` others (changes, best), left
    empty: a basis is neither a change nor ranked. Each row is headed by its key without ``style`` (CSV), by its
    label with it (markdown)."""
    if style is None:
        return [[key, *basis_cells(key, scenarios, style), *([None] * blank)] for key in CSV_BASIS]
    return [[label(BASIS_LABELS[key], style.lang), *basis_cells(key, scenarios, style), *([""] * blank)] for key in BASIS]


def basis_warning(scenarios: Sequence[Mapping[str, Any]], lang: str) -> str | None:
    """The line on stderr when the columns (JSON's ``scenarios``) are on different bases, naming each difference and
    the figures it affects; None where they share one."""
    style = NumberStyle(lang, "")
    comma = label("list_separator", lang)
    parts = []
    no_start = label("basis_no_start", lang)
    shown: dict[str, Callable[[Mapping[str, Any]], str]] = {
        "discount_rate": lambda scenario: discount_text(scenario, style),
        "horizon_months": lambda scenario: str(scenario["horizon_months"]),
        "start": lambda scenario: no_start if scenario["start"] is None else scenario["start"]}
    for key, part in BASIS_DIFFERS.items():
        # On risk a rate drawn from a range is another basis than one rate, whatever its median.
        values = [(scenario[key], scenario["discount_rate_range"] if key == "discount_rate" and _drawn(scenario) else None)
                  for scenario in scenarios]
        if len({repr(value) for value in values}) > 1:
            parts.append(label(part, lang).format(values=comma.join(shown[key](scenario) for scenario in scenarios)))
    if not parts:
        return None
    return label("basis_differs", lang).format(parts=label("notes_separator", lang).join(parts))


def month_note(scenarios: Sequence[Mapping[str, Any]], lang: str) -> str | None:
    """The sentence under a table whose columns' months start in different calendar months."""
    return label("compare_month_starts", lang) if starts_differ(scenarios) else None


def compare_bases(comparison: Comparison) -> list[dict[str, Any]]:
    """Each column's basis as JSON's ``scenarios`` holds it: ``horizon_months``, ``start`` (``2025-03``, null without
    one), ``discount_rate`` (annual; a range's median) and ``discount_rate_range`` (null for one number, else its
    ``distribution``, ``low`` and ``high`` as the inputs table has them, and a triangular's ``mode``)."""
    return [{"horizon_months": column.horizon_months, "start": column.start, "discount_rate": column.discount_rate,
             "discount_rate_range": range_data(column.discount_range)} for column in comparison.columns]
