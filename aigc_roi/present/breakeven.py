"""The break-even table: CSV/markdown rows, JSON and the presenter (the Rich view is present/breakeven_view.py,
loaded for the terminal only). Returns objects; the CLI prints them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aigc_roi.present.drivers import driver_label, driver_value
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.presenter import Presenter
from aigc_roi.present.tables import Table as Rows
from aigc_roi.whatif.breakeven import THRESHOLDS, BreakEvenTable

if TYPE_CHECKING:
    from rich.console import RenderableType


SHORT_NOTES: dict[str, str] = {"out_of_reach_short": "out_of_reach_note", "holds_short": "holds_note"}
"""A short word for a missing break-even -> the sentence under the table that says what it means."""


def no_value_reason(table: BreakEvenTable, threshold: str) -> str:
    """The label of why a driver has no value at ``threshold``: no ad spend leaves no ROI to break even; otherwise the
    driver alone keeps the plan on the side it is on now, which holds at every value or is out of reach at all."""
    if threshold == "roi_zero" and table.roi is None:
        return "roi_undefined"
    return "holds_short" if table.met_now(threshold) else "out_of_reach_short"


def breakeven_rows(table: BreakEvenTable, style: NumberStyle | None = None, lang: str = "en") -> Rows:
    """Raw numbers and index paths without ``style`` (CSV), formatted text and paths by name with it (markdown);
    each driver's label in ``lang`` (the style's language when there is one)."""
    header = ["path", "label", "current", "roi_zero", "roi_zero_headroom", "payback_target", "payback_target_headroom",
              "max_unit_cost", "max_unit_cost_factor", "channel_gross_revenue", "channel_contribution"]
    rows: list[list[Any]] = []
    for row in table.rows:
        driver = row.driver
        cells: list[Any] = [driver.path if style is None else driver.named_path, driver_label(driver, style.lang if style else lang),
                            driver.current]
        for threshold in THRESHOLDS:
            cells += [getattr(row, threshold), row.headroom(threshold)]
        alone = row.channel
        own: list[Any] = [None] * 4 if alone is None else [alone.max_unit_cost, alone.max_unit_cost_factor,
                                                          alone.gross_revenue, alone.contribution]
        if style is not None:
            cells[2:] = [driver_value(driver, cells[2], style), *(
                driver_value(driver, value, style) if i % 2 == 0 else style.percent(value)
                for i, value in enumerate(cells[3:]))]
            own = [driver_value(driver, own[0], style), driver_value(driver, own[1], style), style.money(own[2]),
                   style.money(own[3])]
        rows.append(cells + own)
    return header, rows


def breakeven_json(table: BreakEvenTable) -> dict[str, Any]:
    """The JSON of docs/formulas.md §8, with each driver's label and headroom added."""
    return {
        "scenario": table.scenario,
        "target_payback_months": table.target_payback_months,
        "payback_within_months": table.payback_window.months,
        "drivers": [
            {
                "path": row.driver.path,
                "label": driver_label(row.driver),
                "current": row.driver.current,
                "factor": row.driver.is_factor,
                "roi_zero": row.roi_zero,
                "payback_target": row.payback_target,
                "headroom": {name: row.headroom(name) for name in THRESHOLDS},
                "channel": None if row.channel is None else {
                    "max_unit_cost": row.channel.max_unit_cost,
                    "max_unit_cost_factor": row.channel.max_unit_cost_factor,
                    "gross_revenue": row.channel.gross_revenue,
                    "contribution": row.channel.contribution,
                },
            }
            for row in table.rows
        ],
    }


@dataclass(frozen=True)
class BreakEvenPresenter(Presenter[BreakEvenTable]):
    """``breakeven`` in every format: the JSON of docs/formulas.md §8, the drivers' rows, the view."""

    style: NumberStyle
    title: str = ""

    def data(self, result: BreakEvenTable) -> dict[str, Any]:
        return breakeven_json(result)

    def rows(self, result: BreakEvenTable) -> Rows:
        return breakeven_rows(result, lang=self.style.lang)

    def styled_rows(self, result: BreakEvenTable) -> Rows:
        return breakeven_rows(result, self.style)

    def view(self, result: BreakEvenTable) -> list[RenderableType]:
        from aigc_roi.present.breakeven_view import breakeven_view  # Rich loads only for the terminal's view

        return [breakeven_view(result, self.style)]
