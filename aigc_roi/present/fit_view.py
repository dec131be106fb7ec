"""Rich renderables of fitted curves: parameters, observed beside fitted, a warning where the fit is untrustworthy."""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from aigc_roi.model.rounding import fixed
from aigc_roi.present.fit_data import fit_summary, fit_title, fit_warnings, point_of
from aigc_roi.present.labels import label


def fit_table(fit: dict[str, Any], lang: str) -> RenderableType:
    title, caption = fit_title(fit, lang), fit_summary(fit, lang)
    table = Table(title=title, title_justify="left", caption=caption, caption_justify="left",
                  min_width=max(cell_len(title), cell_len(caption)))
    table.add_column(label("point", lang))
    for key in ("observed", "fitted", "gap"):
        table.add_column(label(key, lang), justify="right")
    for point in fit["points"]:
        gap = point["fitted"] - point["observed"]
        table.add_row(point_of(point), f"{fixed(point['observed'], 2, shift=2)}%", f"{fixed(point['fitted'], 2, shift=2)}%",
                      f"{fixed(gap, 2, plus=True, shift=2)} {label('gap_points', lang)}")
    notes = fit_warnings(fit, lang)
    if not notes:
        return table
    return Group(table, *(Text(f"⚠ {note}", style="bold yellow") for note in notes))


def fits_view(fits: list[dict[str, Any]], lang: str) -> list[RenderableType]:
    return [fit_table(fit, lang) for fit in fits]
