"""The break-even table: CSV/markdown rows, JSON and the presenter (the Rich view is present/breakeven_view.py,
loaded for the terminal only). Returns objects; the CLI prints them."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from aigc_roi.model.rounding import SIGNIFICANT_DIGITS, fixed, limit_places, rounded_toward, significant_places
from aigc_roi.present.breakeven_notes import (
    CONDITIONS,
    break_even_value,
    jump_notes,
    own_max_text,
    room_marked,
    saturating_notes,
    threshold_text,
    wrong_side_notes,
)
from aigc_roi.present.drivers import bound_value, driver_label, driver_value, is_amount
from aigc_roi.present.labels import bracketed, label
from aigc_roi.present.name_lists import names_cell
from aigc_roi.present.numbers import NONE, NumberStyle
from aigc_roi.present.presenter import Presenter
from aigc_roi.present.tables import Table as Rows
from aigc_roi.present.tables import to_markdown, with_currency
from aigc_roi.present.text import markdown_text
from aigc_roi.whatif.breakeven import THRESHOLDS, BreakEven, BreakEvenTable
from aigc_roi.whatif.breakeven_jumps import FlipWithin, GateJump, Side

if TYPE_CHECKING:
    from rich.console import RenderableType


SHORT_NOTES: dict[str, str] = {"out_of_reach_short": "out_of_reach_note", "holds_short": "holds_note",
                               "only_at_current_short": "only_at_current_note",
                               "all_but_current_short": "all_but_current_note"}
"""A short word for a missing break-even -> the sentence under the table that says what it means."""


def no_value_reason(table: BreakEvenTable, row: BreakEven, threshold: str) -> str:
    """The label of why ``row``'s driver has no value at ``threshold``: no ad spend leaves no ROI to break even; a
    figure that jumps at the current value is on its side there alone (``BreakEven.jump_at_current``: met only at the
    current value, or everywhere but there); otherwise the driver alone keeps the plan on the side it is on now,
    which holds at every value or is out of reach at all."""
    if threshold == "roi_zero" and table.roi is None:
        return "roi_undefined"
    if threshold in row.jump_at_current:
        return "only_at_current_short" if table.met_now(threshold) else "all_but_current_short"
    return "holds_short" if table.met_now(threshold) else "out_of_reach_short"


def value_or_reason(table: BreakEvenTable, row: BreakEven, threshold: str, style: NumberStyle) -> str:
    """The break-even as threshold_text writes it, or "none (always holds)" with the reason there is none: a bare
    "—" would read alike for a driver safe at any value and one that can never get there; "none (always holds) flip"
    where a gate flips at some value of the driver all the same (``BreakEven.flips``)."""
    if getattr(row, threshold) is None:
        # Marked "flip" where a gate flips anywhere in the domain, as the terminal marks the reason it shows.
        return room_marked(row, threshold, label("no_break_even", style.lang).format(
            reason=label(no_value_reason(table, row, threshold), style.lang)), style.lang)
    return threshold_text(row, threshold, style)


def no_value_notes(table: BreakEvenTable, lang: str) -> list[str]:
    """The sentences that define the reasons shown for a missing break-even, once under the table."""
    shown = {no_value_reason(table, row, threshold) for row in table.rows for threshold in THRESHOLDS
             if getattr(row, threshold) is None}
    return [label(note, lang) for short, note in SHORT_NOTES.items() if short in shown]


NONE_REASONS = {"roi_undefined": "no_roi", "holds_short": "holds", "out_of_reach_short": "out_of_reach",
                "only_at_current_short": "only_at_current", "all_but_current_short": "all_but_current"}
"""Why there is no break-even, as JSON and CSV name it (docs/formulas.md §10)."""


def none_reason(table: BreakEvenTable, row: BreakEven, threshold: str) -> str | None:
    """JSON's ``none_reason`` of ``row`` at ``threshold`` (CSV's ``<threshold>_none_reason``): None where there is a
    break-even."""
    return None if getattr(row, threshold) is not None else NONE_REASONS[no_value_reason(table, row, threshold)]


FLAGS = ["channel_saturating", "roi_zero_jump", "payback_target_jump"]
"""CSV's columns after the channel's, 1 or 0: an average max bid, a break-even at a gate's jump. Markdown marks the
cells instead."""

REASONS = [f"{threshold}_none_reason" for threshold in THRESHOLDS]
"""CSV's columns after the flags: why a threshold's cell is empty, in JSON's words; markdown says it in the cell."""

SIDE_KEYS = ["_gates", "_gates_passed_below", "_gates_passed_above", "_roi_below", "_roi_above",
             "_payback_month_below", "_payback_month_above"]
"""JSON's ``gate_jump`` flattened, as CSV's columns of a jump or a flip end: the gates that flip, the gates passed
and the plan's roi and payback month just below and just above the value (``side_cells``)."""
FLIP_KEYS = ["", *SIDE_KEYS]
"""A flip's CSV columns, after each threshold's name and ``_flip``: JSON's ``gate_flip`` flattened (the value, then
``SIDE_KEYS``), so a spreadsheet reads the room the table marks "flip" with what changes within it, not as a clean
room. Empty where no gate flips in the room."""
FLIPS = [f"{threshold}_flip{key}" for threshold in THRESHOLDS for key in FLIP_KEYS]
"""CSV's columns after the reasons: each threshold's flip within its room (``FLIP_KEYS``)."""
JUMPS = [f"{threshold}_jump{key}" for threshold in THRESHOLDS for key in SIDE_KEYS]
"""CSV's last columns: each threshold's jump, JSON's ``gate_jump`` flattened (``SIDE_KEYS``), where the table marks
"jump" and says under it which gates flip and the figures either side; the flag ``<threshold>_jump`` alone left a
spreadsheet only the 1. The value is the break-even's own column; empty where the break-even is a crossing. After
the flips, so every column before keeps its place."""
WRONG_SIDES = [f"{threshold}_wrong_side" for threshold in THRESHOLDS]
"""CSV's last columns before ``currency``, 1 or 0: JSON's ``wrong_side``, a break-even on the other side of the
current value than the plan (``BreakEven.wrong_side``), whose empty headroom reads apart from a current value of 0
on the plan's side (the table's "to 45,887.40"). After the jumps, so every column before keeps its place."""


THRESHOLD_AT: dict[str, str] = {"roi_zero": "roi_zero_at", "payback_target": "payback_target_at"}
"""The column heading of each threshold of ``THRESHOLDS``."""


def headroom_header(table: BreakEvenTable, threshold: str, lang: str) -> str:
    """The headroom column's heading: the condition its moves are for (a goal not met) or before (a limit met)."""
    met = table.met_now(threshold)
    condition = label(CONDITIONS[threshold, met], lang).format(months=table.payback_window.months)
    return label("headroom_limit" if met else "headroom_goal", lang).format(condition=condition)


def breakeven_rows(table: BreakEvenTable, style: NumberStyle | None = None, lang: str = "en") -> Rows:
    """Raw numbers and index paths without ``style`` (CSV), formatted text and paths by name with it (markdown,
    where "avg" and "jump" mark the cells CSV flags); each driver's label in ``lang`` (the style's language when
    there is one)."""
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
        if style is None:
            rows.append(cells + own + [None if alone is None else alone.saturating,
                                       *(threshold in row.jumps for threshold in THRESHOLDS),
                                       *(none_reason(table, row, threshold) for threshold in THRESHOLDS),
                                       *(cell for threshold in THRESHOLDS for cell in flip_cells(table, row, threshold)),
                                       *(cell for threshold in THRESHOLDS for cell in jump_cells(table, row, threshold)),
                                       *(threshold in row.wrong_side for threshold in THRESHOLDS)])
            continue
        cells[2:] = [driver_value(driver, driver.current, style)]
        for threshold in THRESHOLDS:
            cells += [value_or_reason(table, row, threshold, style),
                      room_cell(row, threshold, style)]
        # The unit cost's own column: a factor's is empty (its factor is in the next).
        own = [own_max_text(row, style) if own[0] is not None else driver_value(driver, None, style),
               bound_value(driver, own[1], style, up=False), style.money(own[2]), style.money(own[3])]
        rows.append(cells + own)
    if style is None:
        return header + FLAGS + REASONS + FLIPS + JUMPS + WRONG_SIDES, rows
    lang = style.lang
    # Read by people, as the terminal heads its columns; CSV keeps the keys above.
    shown = [label("channel_path", lang), label("driver", lang), label("current", lang)]
    for threshold in THRESHOLDS:
        shown += [label(THRESHOLD_AT[threshold], lang).format(months=table.payback_window.months),
                  headroom_header(table, threshold, lang)]
    shown += [label(key, lang) for key in ("max_unit_cost", "max_unit_cost_factor", "gross_revenue", "contribution")]
    return shown, rows


def flip_cells(table: BreakEvenTable, row: BreakEven, threshold: str) -> list[Any]:
    """``row``'s CSV cells of a flip within the room to ``threshold`` (``FLIP_KEYS``): its value, then ``side_cells``."""
    flip = _flip_json(table, row.flips.get(threshold))
    return [None] * len(FLIP_KEYS) if flip is None else [flip["value"], *side_cells(flip)]


def jump_cells(table: BreakEvenTable, row: BreakEven, threshold: str) -> list[Any]:
    """``row``'s CSV cells of a break-even at a gate's jump to ``threshold`` (``SIDE_KEYS``), empty for a crossing."""
    jump = _jump_json(table, row.jumps.get(threshold))
    return [None] * len(SIDE_KEYS) if jump is None else side_cells(jump)


def side_cells(data: dict[str, Any]) -> list[Any]:
    """A jump's or a flip's JSON (``_jump_json``) as CSV's cells (``SIDE_KEYS``): a list of gates as one cell of their
    names (present/name_lists.py, as CSV's ``best`` lists scenarios); a payback month empty for never, as in every
    CSV."""
    below, above = data["below"], data["above"]
    return [names_cell(data["gates"]), names_cell(below["gates_passed"]), names_cell(above["gates_passed"]),
            below["roi"], above["roi"], below["payback_month"], above["payback_month"]]


def room_cell(row: BreakEven, threshold: str, style: NumberStyle) -> str:
    """A room cell as the terminal, markdown and the report show it: the shown headroom, marked "flip" where a gate
    flips within; "to 45,887.40" where the current value is 0 (no relative move from it) and the break-even is on the
    plan's side of it; "—" without a break-even or where it is on the other side (``BreakEven.wrong_side``)."""
    value = getattr(row, threshold)
    if value is None or threshold in row.wrong_side:
        return NONE
    headroom = shown_headroom(row, threshold)
    move = headroom_text(headroom) if headroom is not None else label("to_value", style.lang).format(
        value=break_even_value(row, threshold, value, style))
    return room_marked(row, threshold, move, style.lang)


def shown_headroom(row: BreakEven, threshold: str) -> float | None:
    """``row``'s headroom to ``threshold`` at the tenth of a percent shown, on the side where applying it to the current
    value keeps the threshold (docs/formulas.md §10): a move a goal needs rounded away from 0 (+64.217% reads +64.3%),
    the room before a limit toward 0 (12.36% reads 12.3%). One that moves the current value onto a digit a run met the
    threshold at (``BreakEven.held``) reads that move, as the break-even reads that digit: 10 to 16.5000000001 is
    +65.0% where 16.5 meets it."""
    headroom = row.headroom(threshold)
    if not headroom:
        return headroom
    up = (headroom > 0) != bool(row.met_at_current(threshold))
    places = headroom_places(headroom, up)
    return rounded_toward(headroom, places, up=up, held=_held_moves(row, threshold, places))


HEADROOM_PLACES = 3
"""A headroom's places as a fraction: a tenth of a percent."""


def headroom_places(headroom: float, up: bool) -> int:
    """The places ``headroom`` is shown at rounded ``up`` or down (``shown_headroom``): a tenth of a percent, or more
    where it would read 0.0% or -100.0% and is neither (docs/formulas.md §10), as a limit that would read 0 does
    (model/rounding.py ``limit_places``): the place of the second significant digit of its distance from that end.
    -100.0% says the break-even is 0, which no plan with a budget can set; 0.0% that the current value is the
    break-even. A bid of 10 whose break-even is 0.004 needs -99.96%; room of 0.025% before a limit reads +0.025%."""
    if rounded_toward(headroom, HEADROOM_PLACES, up) == -1 and headroom != -1:
        return significant_places(1 + Decimal(f"{headroom:.{SIGNIFICANT_DIGITS}g}"))
    return limit_places(headroom, HEADROOM_PLACES, up)


def _held_moves(row: BreakEven, threshold: str, places: int) -> set[float]:
    """The moves at ``places`` that take the current value exactly onto a digit of ``row.held``."""
    current = Decimal(f"{row.driver.current:.{SIGNIFICANT_DIGITS}g}")
    moves = {Decimal(repr(digit)) / current - 1 for digit in row.held.get(threshold, ())} if current else set()
    return {float(move) for move in moves if move == move.quantize(Decimal(1).scaleb(-places))}


def headroom_digits(headroom: float, plus: bool = True) -> str:
    """A headroom as ``shown_headroom`` rounded it, in percent: to a tenth (+12.5%), or to the last digit it was
    rounded at past that (-99.96%, +0.025%), which the float's shortest text holds."""
    # A shown headroom is finite: its exponent is a number, not NaN's or infinity's letter.
    places = -int(Decimal(repr(headroom)).normalize().as_tuple().exponent)
    decimals = max(HEADROOM_PLACES, places) - 2
    return f"{fixed(headroom, decimals, separators=True, plus=plus, shift=2)}%"


def headroom_text(headroom: float | None) -> str:
    """A move to a threshold (``shown_headroom``) as the table and markdown both show it: signed, to a tenth of a
    percent (+12.5%) or past it near 0 and -100% (``headroom_digits``)."""
    return NONE if headroom is None else headroom_digits(headroom)


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
                "none_reason": {name: none_reason(table, row, name) for name in THRESHOLDS},
                "headroom": {name: row.headroom(name) for name in THRESHOLDS},
                "wrong_side": {name: name in row.wrong_side for name in THRESHOLDS},
                "gate_jump": {name: _jump_json(table, row.jumps.get(name)) for name in THRESHOLDS},
                "gate_flip": {name: _flip_json(table, row.flips.get(name)) for name in THRESHOLDS},
                "channel": None if row.channel is None else {
                    "max_unit_cost": row.channel.max_unit_cost,
                    "max_unit_cost_factor": row.channel.max_unit_cost_factor,
                    "gross_revenue": row.channel.gross_revenue,
                    "contribution": row.channel.contribution,
                    "saturating": row.channel.saturating,
                },
            }
            for row in table.rows
        ],
    }


def _jump_json(table: BreakEvenTable, jump: GateJump | None) -> dict[str, Any] | None:
    """A break-even at a gate's jump: the gates that flip there, and the plan just below and just above it."""
    if jump is None:
        return None

    def side(at: Side) -> dict[str, Any]:
        return {"roi": at.roi, "payback_month": None if at.payback_month is None else int(at.payback_month),
                "gates_passed": [name for name, passed in zip(table.gates, at.gates_passed, strict=True) if passed]}

    return {"gates": [table.gates[g] for g in jump.flipped], "below": side(jump.below), "above": side(jump.above)}


def _flip_json(table: BreakEvenTable, flip: FlipWithin | None) -> dict[str, Any] | None:
    """A flip of the gates between the current value and a break-even: the last value the gates decide as now, the
    gates that flip past it, and the plan just below and just above it."""
    return None if flip is None else {"value": flip.value, **(_jump_json(table, flip.sides) or {})}


def breakeven_title(scenario: str, style: NumberStyle) -> str:
    """The title the terminal and markdown share: the plan's name and its currency, bracketed as the language does."""
    return f"{label('breakeven_title', style.lang)} · {scenario}" + bracketed(style.currency, style.lang)


@dataclass(frozen=True)
class BreakEvenPresenter(Presenter[BreakEvenTable]):
    """``breakeven`` in every format: the JSON of docs/formulas.md §8, the drivers' rows, the view."""

    style: NumberStyle
    title: str = ""

    def data(self, result: BreakEvenTable) -> dict[str, Any]:
        return {**breakeven_json(result), "currency": self.style.currency}

    def rows(self, result: BreakEvenTable) -> Rows:
        """The CSV, its ``currency`` on a driver's row where its values or its channel's max bid and returns are
        amounts; a rate's, a count's or a factor's row without a channel holds none."""
        return with_currency(breakeven_rows(result, lang=self.style.lang), self.style.currency,
                             [is_amount(row.driver) or row.channel is not None for row in result.rows])

    def styled_rows(self, result: BreakEvenTable) -> Rows:
        return breakeven_rows(result, self.style)

    def markdown(self, result: BreakEvenTable) -> str:
        notes = [*no_value_notes(result, self.style.lang), *wrong_side_notes(result, self.style),
                 *jump_notes(result, self.style), *saturating_notes(result, self.style.lang)]
        return (to_markdown(self.styled_rows(result), self.title, text_columns=2)
                + "".join(f"\n_{markdown_text(note)}_\n" for note in notes))

    def view(self, result: BreakEvenTable) -> list[RenderableType]:
        from aigc_roi.present.breakeven_view import breakeven_view  # Rich loads only for the terminal's view

        return [breakeven_view(result, self.style)]
