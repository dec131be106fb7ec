"""`compare`'s basis of each column: its horizon, start and discount rate, stated after the figures in every format
and warned of on stderr where the columns differ (docs/formulas.md §12); where their starts differ, each month figure
is labelled with its calendar month (present/compare.py, compare_view.py)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from aigc_roi.model.scenario import Z90, Distribution, month_labels
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
CSV_BASIS = ("horizon_months", "start_year", "start_month", "discount_rate")
"""CSV's basis rows: the start as two numbers, so that every cell of a scenario's column is a number."""


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


def rate_text(rate: float, style: NumberStyle) -> str:
    """An annual discount rate as NPV's note states it: ``10%``."""
    return f"{style.plain(rate * 100)}%"


def range_text(rate: Mapping[str, Any], style: NumberStyle) -> str:
    """A range of rates (JSON's ``discount_rate_range``) as a file writes it, in percent: ``5%..15%`` where that text
    reads as it (a lognormal, or a normal reaching 0), else its mapping (``{dist: uniform, low: 5%, high: 15%}``)."""
    kind, low, high = rate["distribution"], rate["low"], rate["high"]
    if kind == "lognormal" or (kind == "normal" and low <= 0):
        return f"{rate_text(low, style)}..{rate_text(high, style)}"
    if kind == "normal":  # low and high are its 90% interval, mean -+ Z90 sd
        keys = {"mean": (low + high) / 2, "sd": (high - low) / (2 * Z90)}
    elif kind == "triangular":
        keys = {"low": low, "mode": rate["mode"], "high": high}
    else:
        keys = {"low": low, "high": high}
    return "{dist: " + ", ".join([kind, *(f"{key}: {rate_text(value, style)}" for key, value in keys.items())]) + "}"


def discount_text(scenario: Mapping[str, Any], style: NumberStyle) -> str:
    """A column's discount rate as its file states it: one number as written (``10%``); a range's median rounded as
    percentages are, said to be one (``8.66% (median of 5%..15%)``), and on risk, where each sample draws its own
    rate, said to be drawn (docs/formulas.md §12)."""
    written = scenario["discount_rate_range"]
    if written is None:
        return rate_text(scenario["discount_rate"], style)
    key = "basis_rate_drawn" if _drawn(scenario) else "basis_rate_median"
    return label(key, style.lang).format(median=style.percent(scenario["discount_rate"]), range=range_text(written, style))


def _drawn(scenario: Mapping[str, Any]) -> bool:
    """Whether a column is compared on risk (it has a ``distribution``): each sample then draws its own rate."""
    return "distribution" in scenario


def basis_cells(key: str, scenarios: Sequence[Mapping[str, Any]], style: NumberStyle | None) -> list[Any]:
    """Each column's value of basis row ``key`` (``CSV_BASIS`` without a style, ``BASIS`` with one)."""
    if key in ("start_year", "start_month"):
        part = 0 if key == "start_year" else 1
        return [None if scenario["start"] is None else int(scenario["start"].split("-")[part]) for scenario in scenarios]
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
    empty: a basis is neither a change nor ranked."""
    keys = CSV_BASIS if style is None else BASIS
    return [[key, *basis_cells(key, scenarios, style), *([None if style is None else ""] * blank)] for key in keys]


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
             "discount_rate_range": _range_data(column.discount_range)} for column in comparison.columns]


def _range_data(rate: Distribution | None) -> dict[str, Any] | None:
    if rate is None:
        return None
    return {"distribution": rate.kind, "low": rate.low, "high": rate.high, "mode": rate.mode}
