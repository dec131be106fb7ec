"""The sensitivity tornado and the two-way grid: CSV/markdown rows, JSON and the presenters (the Rich views are
present/sensitivity_view.py, loaded for the terminal only)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aigc_roi.model.gate_names import labels_of
from aigc_roi.present.drivers import driver_label, driver_value, is_amount
from aigc_roi.present.labels import bracketed, label, short_label
from aigc_roi.present.name_lists import names_cell
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.presenter import Presenter
from aigc_roi.present.sensitivity_gates import (
    flip_notes,
    flipped_names,
    grid_flip_notes,
    grid_flips,
    marked,
    row_flips,
)
from aigc_roi.present.tables import Table as Rows
from aigc_roi.present.tables import to_markdown, with_currency
from aigc_roi.present.text import markdown_text
from aigc_roi.whatif.drivers import Driver
from aigc_roi.whatif.sensitivity import OUTCOMES, Grid, Move, Outcome, Sensitivity

if TYPE_CHECKING:
    from rich.console import RenderableType

GATE_COLUMNS = ["low_gates_flipped", "high_gates_flipped"]
"""CSV's last columns before ``currency`` where some move flips a gate: the gates that decide at each move otherwise
than now, their names in one cell (present/name_lists.py); markdown and the table mark the driver instead."""


def sensitivity_rows(analysis: Sensitivity, style: NumberStyle | None = None, lang: str = "en") -> Rows:
    """Raw numbers without ``style`` (CSV), formatted text with it (markdown, the driver marked where a move flips a
    gate: present/sensitivity_gates.py); each driver's label in ``lang`` (the style's language when there is one)."""
    header = ["path", "label", "current"] + [f"{side}_{key}" for side in ("low", "high")
                                             for key in ("value", *OUTCOMES)]
    flips = analysis.flips
    rows: list[list[Any]] = []
    for row in analysis.rows:
        # Markdown (with ``style``) is read by people: paths by name; CSV keeps the index a rename does not move.
        cells: list[Any] = [row.driver.path if style is None else row.driver.named_path,
                            driver_label(row.driver, style.lang if style else lang), row.driver.current]
        for move in (row.low, row.high):
            cells += [move.value, *(getattr(move.outcome, name) for name in OUTCOMES)]
        if style is not None:
            cells = cells[:1] + [marked(cells[1], row_flips(analysis, row)), driver_value(row.driver, cells[2], style)] + [
                _format_move_cell(row.driver, i % 4, value, style) for i, value in enumerate(cells[3:])]
        elif flips:
            cells += [names_cell(flipped_names(analysis, move.outcome)) for move in (row.low, row.high)]
        rows.append(cells)
    if style is None:
        return header + (GATE_COLUMNS if flips else []), rows
    # Read by people, as the terminal heads its columns (−20%, +20%, ROI, ...); CSV keeps the keys above.
    lang = style.lang
    shown = [label("channel_path", lang), label("driver", lang), label("current", lang)]
    for sign in ("−", "+"):
        side = f"{sign}{style.step(analysis.step)}"
        shown += [side, *(f"{short_label(name, lang)} · {side}" for name in OUTCOMES)]
    return shown, rows


def _format_move_cell(driver: Driver, position: int, value: float | None, style: NumberStyle) -> str:
    if position == 0:
        return driver_value(driver, value, style)
    return style.figure(OUTCOMES[position - 1], value, label("never", style.lang))


def grid_rows(grid: Grid, style: NumberStyle | None = None, lang: str = "en") -> Rows:
    """Raw numbers and index paths without ``style`` (CSV), formatted text and paths by name with it (markdown). A
    by-month driver's path says its numbers are factors: CSV's bare 0.8 would otherwise read as a bid of 0.8."""
    lang = style.lang if style else lang
    paths = [_grid_path(driver, driver.path if style is None else driver.named_path, lang)
             for driver in (grid.row_driver, grid.column_driver)]
    header = [" \\ ".join(paths), *(
        driver_value(grid.column_driver, v, style) if style else v for v in grid.column_values)]
    rows = [[driver_value(grid.row_driver, value, style) if style else value,
             *((grid_cell(grid, i, j, style) if style else roi) for j, roi in enumerate(roi_row))]
            for i, (value, roi_row) in enumerate(zip(grid.row_values, grid.roi, strict=True))]
    return header, rows


def grid_cell(grid: Grid, i: int, j: int, style: NumberStyle) -> str:
    """A cell's ROI as people read it; "n/a" where no valid plan is (``Grid.past_ceiling``), not the none of an
    ROI without ad spend; marked where a gate decides otherwise than now (``Grid.flipped``)."""
    if (i, j) in grid.past_ceiling:
        return label("grid_past_ceiling", style.lang)
    return marked(style.percent(grid.roi[i][j]), (i, j) in grid_flips(grid))


def grid_notes(grid: Grid, lang: str) -> list[str]:
    """What a grid's "n/a" cells and its cells marked for a gate's flip mean, where it has any."""
    flips = grid_flip_notes(grid, lang)
    if not grid.past_ceiling:
        return flips
    index, conversion = sorted((grid.row_driver, grid.column_driver), key=lambda driver: driver.field != "conversion_index")
    return [label("grid_past_ceiling_note", lang).format(index=driver_label(index, lang),
                                                         conversion=driver_label(conversion, lang)), *flips]


def _grid_path(driver: Driver, path: str, lang: str) -> str:
    return label("driver_factor", lang).format(field=path) if driver.is_factor else path


def _outcome_json(outcome: Outcome) -> dict[str, float | None]:
    return {name: getattr(outcome, name) for name in OUTCOMES}


def sensitivity_json(analysis: Sensitivity) -> dict[str, Any]:
    """``{"scenario", "step", "base", "drivers": [{"path", "label", "current", "factor", "low", "high"}]}``; a factor
    driver (a by-month value moved as a whole) has current 1 and its values are factors on every month. Where some
    move flips a gate, ``base`` adds ``gates_passed`` (the gates passed now) and every side ``gates_flipped`` (the
    gates that decide there otherwise than now, [] for none), names in file order."""
    flips = analysis.flips
    base: dict[str, Any] = _outcome_json(analysis.base)
    if flips:
        base["gates_passed"] = [shown for shown, passed in zip(labels_of(analysis.gates),
                                                                analysis.base.gates_passed, strict=True) if passed]

    def side(move: Move) -> dict[str, Any]:
        gates = {"gates_flipped": flipped_names(analysis, move.outcome)} if flips else {}
        return {"value": move.value, **_outcome_json(move.outcome), **gates}

    return {
        "scenario": analysis.scenario,
        "step": analysis.step,
        "base": base,
        "drivers": [
            {
                "path": row.driver.path,
                "label": driver_label(row.driver),
                "current": row.driver.current,
                "factor": row.driver.is_factor,
                **{name: side(move) for name, move in (("low", row.low), ("high", row.high))},
            }
            for row in analysis.rows
        ],
    }


def grid_json(table: Grid) -> dict[str, Any]:
    """``{"scenario", "step", "rows": {"path", "label", "factor", "values"}, "columns": {...}, "roi": [[...]],
    "base_roi", "past_ceiling": [[i, j], ...]}``; a factor driver's values are factors on every month; a cell in
    ``past_ceiling`` has ROI null, as no valid plan is there. Where a cell makes a gate decide otherwise than now,
    ``"gates_flipped": [[i, j, [gate names]], ...]`` too (a name two gates share told apart by place,
    model/gate_names.py)."""
    shown = labels_of(table.gates)
    return {
        "scenario": table.scenario,
        "step": table.step,
        "rows": {"path": table.row_driver.path, "label": driver_label(table.row_driver),
                 "factor": table.row_driver.is_factor, "values": list(table.row_values)},
        "columns": {"path": table.column_driver.path, "label": driver_label(table.column_driver),
                    "factor": table.column_driver.is_factor, "values": list(table.column_values)},
        "roi": [list(row) for row in table.roi],
        "base_roi": table.base_roi,
        "past_ceiling": [list(cell) for cell in table.past_ceiling],
        # Only where a cell flips a gate: a plan without gates, or whose gates hold, reads as it always did.
        **({"gates_flipped": [[i, j, [shown[g] for g in gates]] for i, j, gates in table.flipped]}
           if table.flipped else {}),
    }


def in_currency(grid: Grid) -> bool:
    """Whether either driver's values (the rows' or the header's) are amounts: the cells are ROI, a ratio."""
    return is_amount(grid.row_driver) or is_amount(grid.column_driver)


def grid_title(grid: Grid, style: NumberStyle, scenario: str = "") -> str:
    """``ROI · rows × columns`` (``· scenario`` where given), with the currency where either driver's values are
    amounts, as the CSV's column has it: a grid of two rates holds no amount."""
    lang = style.lang
    title = " · ".join(["ROI", f"{driver_label(grid.row_driver, lang)} × {driver_label(grid.column_driver, lang)}",
                        *([scenario] if scenario else [])])
    return title + bracketed(style.currency, lang) if in_currency(grid) else title


@dataclass(frozen=True)
class SensitivityPresenter(Presenter[Sensitivity]):
    """``sensitivity`` in every format: each driver moved down and up, largest first."""

    style: NumberStyle
    title: str = ""

    def data(self, result: Sensitivity) -> dict[str, Any]:
        return {**sensitivity_json(result), "currency": self.style.currency}

    def rows(self, result: Sensitivity) -> Rows:
        """The CSV, ``currency`` on every row: each holds the net cash at both moves."""
        return with_currency(sensitivity_rows(result, lang=self.style.lang), self.style.currency)

    def styled_rows(self, result: Sensitivity) -> Rows:
        return sensitivity_rows(result, self.style)

    def markdown(self, result: Sensitivity) -> str:
        return to_markdown(self.styled_rows(result), self.title, text_columns=2) + "".join(
            f"\n_{markdown_text(note)}_\n" for note in flip_notes(result, self.style))

    def view(self, result: Sensitivity) -> list[RenderableType]:
        from aigc_roi.present.sensitivity_view import sensitivity_view  # Rich loads only for the terminal's view

        return [sensitivity_view(result, self.style)]


@dataclass(frozen=True)
class GridPresenter(Presenter[Grid]):
    """``sensitivity --grid`` in every format: the two-way ROI table."""

    style: NumberStyle
    title: str = ""

    def data(self, result: Grid) -> dict[str, Any]:
        return {**grid_json(result), "currency": self.style.currency}

    def rows(self, result: Grid) -> Rows:
        """The CSV, ``currency`` on every row where either driver's values (the rows' or the header's) are amounts;
        the cells are ROI, so a grid of two rates has the column empty."""
        table = grid_rows(result, lang=self.style.lang)
        return with_currency(table, self.style.currency, [in_currency(result)] * len(table[1]))

    def styled_rows(self, result: Grid) -> Rows:
        return grid_rows(result, self.style)

    def markdown(self, result: Grid) -> str:
        return to_markdown(self.styled_rows(result), self.title) + "".join(
            f"\n_{markdown_text(note)}_\n" for note in grid_notes(result, self.style.lang))

    def view(self, result: Grid) -> list[RenderableType]:
        from aigc_roi.present.sensitivity_view import grid_view  # Rich loads only for the terminal's view

        return [grid_view(result, self.style)]
