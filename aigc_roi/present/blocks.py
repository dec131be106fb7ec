"""One block per row, where a table does not fit the terminal: its name, then its fields, each a label and its values
right-aligned beside it, or under it where they leave its label too little room, or each value on a line of its own
where they do not fit side by side either (present/layout.py's tables fall back to these, as its docstring says)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from aigc_roi.present.console import Title, cell_len
from aigc_roi.present.layout import Column, Fitted, fixed_table, folded_words, prose_lines, sentence_lines, unbreakable
from aigc_roi.present.text import visible
from aigc_roi.present.wrap import SHORT_WORD, glued_pieces

MOST_LABEL_LINES = 2
"""The lines a label takes beside its values at most; a longer one goes above them."""


def vertical(title: str, records: Sequence[tuple[str, Sequence[tuple[str, Sequence[Text]]]]], caption: str | None,
             width: int) -> RenderableType:
    """One block per record: its name, then one line per field: its label and its values, right-aligned.

    Every block alike where they all fit so; else in each block a label its values leave too little room for its
    longest word (20 columns, a wide amount), or that would take more than ``MOST_LABEL_LINES`` lines beside them,
    goes on a line of its own above its values (squeezed beside them, a label once read ``Defi`` / ``ned in``), while
    a short one keeps its values beside it."""
    every = [field for _, record in records for field in record]
    fitted_every = _columns(every, width)
    shared = fitted_every if fitted_every and all(_fits(name, fitted_every[0]) for name, _ in every) else None
    # Written out before Text() is built: Rich's Text drops a BEL or a carriage return of a name silently, and the
    # console's escaping (present/console.py) would keep a line feed that splits the name.
    parts: list[RenderableType] = [Title(title, folded_words(visible(title), width, sentence_lines), style="bold")]
    for name, record in records:
        fitted = shared or _columns(record, width)
        block = _mixed(record, *fitted, width - 2) if fitted else _above(record, _value_widths(record), width - 2)
        # A block's name heads it as a title does: whole on one line in a log, where grep finds a plan by its name.
        parts += [Title(name, folded_words(visible(name), width, sentence_lines), style="bold"),
                  Padding(block, (0, 0, 0, 2))]
    if caption:
        parts.append(prose_lines(caption, width))
    return Group(*parts)


def _value_widths(fields: Sequence[tuple[str, Sequence[Text]]]) -> list[int]:
    return [max((cell_len(line) for _, values in fields if i < len(values) for line in values[i].plain.split("\n")),
                default=1) for i in range(max((len(values) for _, values in fields), default=0))]


def _columns(fields: Sequence[tuple[str, Sequence[Text]]], width: int) -> tuple[int, list[int]] | None:
    """The width of the labels and of each value beside them, indented by two; None when no label would fit beside
    its values (``_fits``)."""
    value_widths = _value_widths(fields)
    labels = [name for name, _ in fields]
    label_width = max(1, min(max((cell_len(name) for name in labels), default=1),
                             width - sum(value_widths) - 2 * len(value_widths) - 2))
    if not any(_fits(name, label_width) for name in labels):
        return None
    return label_width, value_widths


def _fits(name: str, label_width: int) -> bool:
    """Whether a label sits beside its values in ``label_width``: every word of it whole, and over two lines at most
    (a label over more lines is a narrow column, not a label: a plan's name and file took five lines a figure)."""
    return (label_width >= max((cell_len(word) for word in _label_words(name)), default=1)
            and len(sentence_lines(name, label_width).plain.split("\n")) <= MOST_LABEL_LINES)


def _label_words(name: str) -> list[str]:
    """The runs a block's label keeps on one line: a short word between spaces whole, as ``sentence_lines`` keeps a
    name (团队更贵 once read 团队更 / 贵 beside its values), a longer one's characters and glued pieces."""
    return [piece for word in name.split() or [""]
            for piece in ([word] if cell_len(word) <= SHORT_WORD else [*unbreakable(word), *glued_pieces(word)])]


def _beside(record: Sequence[tuple[str, Sequence[Text]]], label_width: int, value_widths: list[int]) -> Table:
    grid = Table.grid(padding=(0, 2))
    # fold, never ellipsis: a label of Chinese or a word wider than the whole line wraps rather than losing its end.
    grid.add_column(width=label_width, overflow="fold")
    for value_width in value_widths:
        grid.add_column(justify="right", width=value_width)
    for field, values in record:
        grid.add_row(sentence_lines(field, label_width), *values)
    return grid


def _mixed(record: Sequence[tuple[str, Sequence[Text]]], label_width: int, value_widths: list[int],
           width: int) -> RenderableType:
    """Each field's values beside its label where the label fits there (``_fits``), else under it: one long label
    once sent every short one's values onto a line of their own."""
    parts: list[RenderableType] = []
    start = 0
    for end in range(len(record) + 1):
        if end < len(record) and _fits(record[end][0], label_width) == _fits(record[start][0], label_width):
            continue
        run = record[start:end]
        parts.append(_beside(run, label_width, value_widths) if _fits(run[0][0], label_width)
                     else _above(run, value_widths, width))
        start = end
    return parts[0] if len(parts) == 1 else Group(*parts)


def _above(record: Sequence[tuple[str, Sequence[Text]]], value_widths: list[int], width: int) -> Group:
    """Each label on its own lines, its values under it at the right: side by side where they fit so, else each on a
    line of its own (at 20 columns a value and its change side by side read "305,47…" and "-1,494,5…")."""
    # Each value column has the blank column before it two cells away.
    side_by_side = sum(value_widths) + 2 * len(value_widths) <= width
    room = max(1, width - 2)
    lines: list[RenderableType] = []
    for field, values in record:
        grid = Table.grid(padding=(0, 2), expand=True)
        grid.add_column(ratio=1)
        for value_width in value_widths if side_by_side else [min(room, max(value_widths, default=1))]:
            grid.add_column(justify="right", width=value_width, overflow="fold")
        for row in [values] if side_by_side else [[value] for value in values]:
            grid.add_row("", *(value if _widest_line(value.plain) <= room else _wrapped(value, room) for value in row))
        lines += [sentence_lines(field, width), grid]
    return Group(*lines)


def _wrapped(value: Text, room: int) -> Text:
    """A value wider than its line (a sentence: a template's description) in lines of ``room``, each starting at the
    left: right-aligned, every line of it started somewhere else."""
    text = sentence_lines(value.copy(), room)
    text.justify = "left"
    return text


def _widest_line(text: str) -> int:
    return max(cell_len(line) for line in text.split("\n"))


def _fields(column: Column, row: int) -> list[tuple[str, list[Text]]]:
    """Row ``row`` of ``column`` as fields of its block: its header and cell, or the fields it has for blocks."""
    if column.blocks is None:
        return [(column.header, [column.cells[row]])]
    return [(name, [value]) for name, value in column.blocks[row]]


def table_or_blocks(columns: Sequence[Column], title: str, caption: str) -> Fitted:
    """The columns as one table when it fits the width, a name's long word folded if need be (present/layout.py
    ``fixed_table``), else one block per row named by the first column."""

    def build(width: int) -> RenderableType:
        fitted = fixed_table(columns, width, fold=True, title=title, title_justify="left", caption=caption,
                             caption_justify="left")
        if fitted is not None:
            return fitted
        records = [(name.plain, [field for column in columns[1:] for field in _fields(column, i)])
                   for i, name in enumerate(columns[0].cells)]
        return vertical(title, records, caption, width)

    return Fitted(build)


def fields_block(fields: Sequence[tuple[str, Sequence[Text]]], width: int) -> RenderableType:
    """``fields`` laid out as a block's are, without its indent: each label's values beside it where the label fits
    so, else under it."""
    fitted = _columns(fields, width + 2)
    return _mixed(fields, *fitted, width) if fitted else _above(fields, _value_widths(fields), width)
