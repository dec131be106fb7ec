"""Rich renderables of fitted curves: parameters, observed beside fitted, a warning where the fit is untrustworthy."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from aigc_roi.model.rounding import fixed
from aigc_roi.present.blocks import table_or_blocks
from aigc_roi.present.console import cell_len
from aigc_roi.present.fit_data import fit_summary, fit_title, fit_warnings, point_of
from aigc_roi.present.labels import label
from aigc_roi.present.layout import Column, Fitted, fixed_table, prose_lines, table_title


def fit_table(fit: dict[str, Any], lang: str) -> RenderableType:
    """Observed beside fitted, laid out for the width printed at (present/layout.py): a gap keeps its number with its
    unit (a Rich table at 40 columns read "+0.22" / "百分点", its caption "最大偏差 1.45" / "百分点")."""
    points = fit["points"]
    gaps = [point["fitted"] - point["observed"] for point in points]
    columns = [Column(label("point", lang), [Text(point_of(point)) for point in points], numeric=False),
               Column(label("observed", lang), [Text(f"{fixed(point['observed'], 2, shift=2)}%") for point in points]),
               Column(label("fitted", lang), [Text(f"{fixed(point['fitted'], 2, shift=2)}%") for point in points]),
               Column(label("gap", lang), [Text(f"{fixed(gap, 2, plus=True, shift=2)} {label('percentage_points', lang)}")
                                           for gap in gaps])]
    title, caption = fit_title(fit, lang), fit_summary(fit, lang)

    def build(width: int) -> RenderableType:
        # As wide as its title or caption on one line where the screen allows, as the table always was.
        table = fixed_table(columns, width)
        if table is None:
            return table_or_blocks(columns, title, caption).build(width)
        room = min(width, max(cell_len(title), cell_len(caption)))
        table.min_width = room
        table.title, table.title_justify = table_title(title, max(room, measured(table))), "left"
        table.caption, table.caption_justify = prose_lines(caption, max(room, measured(table))), "left"
        return table

    table = Fitted(build)
    notes = fit_warnings(fit, lang)
    if not notes:
        return table
    return Group(table, *(Text(f"⚠ {note}", style="bold yellow") for note in notes))


def measured(table: Table) -> int:
    """The cells ``table`` takes with its fixed column widths: the widths, borders and padding."""
    return sum(column.width or 0 for column in table.columns) + 3 * len(table.columns) + 1


def fits_view(fits: list[dict[str, Any]], lang: str) -> list[RenderableType]:
    return [fit_table(fit, lang) for fit in fits]
