"""A what-if's mark on every format: a result computed with ``--set`` values never passes for the plan as written.

``WhatIfPresenter`` wraps a command's presenter (cli/output.py ``deliver`` and ``save_plot`` wrap it for every
command that takes ``--set``), so no presenter marks its own output: JSON gains ``set`` (each override's path and
value as typed), every CSV table a ``what_if`` column (the overrides on every row, before ``currency``, which stays
last), markdown's first heading and the terminal's first line name the overrides, the workbook opens on a what-if
sheet listing them and a chart's title says so (docs/formulas.md §8, "What-ifs"). Without ``--set`` the presenter
is used as it is: output byte for byte what it was.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from aigc_roi.present.labels import label
from aigc_roi.present.name_lists import names_cell
from aigc_roi.present.presenter import Presenter
from aigc_roi.present.tables import CURRENCY, Table
from aigc_roi.present.text import closing_hashes, markdown_text, visible, xlsx_text

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from rich.console import RenderableType

    from aigc_roi.present.numbers import NumberStyle

R = TypeVar("R")

Sets = Sequence[tuple[str, str]]
"""Each ``--set`` as (path, value), as typed on the command line, in order."""

WHAT_IF = "what_if"
"""The CSV column of a what-if's overrides."""


def sets_text(sets: Sets, separator: str = "; ") -> str:
    """``Douyin CPA.bid=10; discount_rate=0.1``: the overrides as the options wrote them."""
    return separator.join(f"{path}={value}" for path, value in sets)


def marked_data(data: dict[str, Any], sets: Sets) -> dict[str, Any]:
    """JSON's document with ``set`` after its ``scenario`` (first, after a ``format_version``, where it has none)."""
    keys = list(data)
    at = keys.index("scenario") + 1 if "scenario" in keys else int(keys[:1] == ["format_version"])
    entry = [{"path": path, "value": value} for path, value in sets]
    return {**{key: data[key] for key in keys[:at]}, "set": entry, **{key: data[key] for key in keys[at:]}}


def marked_table(table: Table, sets: Sets) -> Table:
    """The table with a ``what_if`` column holding the overrides on every row: stacked with the plan's CSV or
    another what-if's, each row still says where it came from. Before ``currency``, which ends every table of amounts.
    Each override is listed as CSV lists names (present/name_lists.py): a channel's name or a value holding "; " is
    quoted, so the cell splits into the overrides typed."""
    header, rows = table
    at = len(header) - 1 if header and header[-1] == CURRENCY else len(header)
    text = names_cell(f"{path}={value}" for path, value in sets)
    return [*header[:at], WHAT_IF, *header[at:]], [[*row[:at], text, *row[at:]] for row in rows]


def marked_markdown(text: str, sets: Sets, lang: str) -> str:
    """The first heading ends with `` · what-if: ...``; a text without one opens with that line in bold."""
    mark = markdown_text(label("what_if_title", lang).format(sets=sets_text(sets, label("notes_separator", lang))))
    first, newline, rest = text.partition("\n")
    if first.startswith("#"):
        # The mark ends the heading now: a value ending in # (name=Plan #) keeps it, as the heading's own text does.
        return f"{first}{closing_hashes(mark)}{newline}{rest}"
    return f"**{mark.removeprefix(' · ')}**\n\n{text}"


def what_if_line(sets: Sets, lang: str) -> str:
    """The sentence a terminal's first line, a chart's title and check's stderr add: the overrides, and that this is
    not the plan; a control character in a value written out, never sent to the terminal."""
    return visible(label("what_if_line", lang).format(sets=sets_text(sets, label("notes_separator", lang))))


def marked_workbook(data: bytes, sets: Sets, lang: str) -> bytes:
    """The workbook with a first sheet, the one it opens on, saying it is a what-if and listing the overrides (the
    other sheets as they were: their tables start on row 1 for a pivot or a script)."""
    from openpyxl import load_workbook
    from openpyxl.styles import Font

    from aigc_roi.present.workbook import keep_text, saved

    workbook = load_workbook(io.BytesIO(data))
    sheet = workbook.create_sheet(label("sheet_what_if", lang), 0)
    sheet.append([xlsx_text(label("what_if_sheet_note", lang))])
    sheet.append([])
    sheet.append([label("field_path", lang), label("value", lang)])
    for path, value in sets:
        sheet.append([xlsx_text(path), xlsx_text(value)])
        keep_text(sheet[sheet.max_row])  # a value --set as -5 or =x is the text typed, a text cell
    for cell in (*sheet[1], *sheet[3]):
        cell.font = Font(bold=True)
    for column, texts in (("A", [label("field_path", lang), *(path for path, _ in sets)]),
                          ("B", [label("value", lang), *(value for _, value in sets)])):
        sheet.column_dimensions[column].width = min(max(len(text) for text in texts) + 2, 60)
    workbook.active = 0
    for other in workbook.worksheets[1:]:
        other.sheet_view.tabSelected = False
    return saved(workbook)


@dataclass(frozen=True)
class WhatIfPresenter(Presenter[R], Generic[R]):
    """``inner``'s formats, each marked with ``sets`` in ``lang``."""

    inner: Presenter[R]
    sets: Sets
    lang: str

    def data(self, result: R) -> dict[str, Any]:
        return marked_data(self.inner.data(result), self.sets)

    def rows(self, result: R) -> Table:
        return marked_table(self.inner.rows(result), self.sets)

    def markdown(self, result: R) -> str:
        return marked_markdown(self.inner.markdown(result), self.sets, self.lang)

    def view(self, result: R) -> list[RenderableType]:
        from rich.text import Text

        from aigc_roi.present.layout import Prose

        return [Prose(Text(what_if_line(self.sets, self.lang), style="bold yellow")), *self.inner.view(result)]

    def workbook(self, result: R) -> bytes:
        return marked_workbook(self.inner.workbook(result), self.sets, self.lang)

    def figure(self, result: R, style: NumberStyle) -> Figure:
        figure = self.inner.figure(result, style)
        axes = figure.axes[0]
        axes.set_title(f"{axes.get_title()}\n{what_if_line(self.sets, style.lang)}")
        return figure

    def figure_name(self, result: R) -> str:
        # The overrides are in the chart's title too: their CJK needs the font as the name's does.
        return f"{self.inner.figure_name(result)} {sets_text(self.sets)}"
