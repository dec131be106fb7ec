"""The Rich console every terminal and text rendering goes through: all strings in it are data."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from copy import copy
from dataclasses import replace
from typing import Any

from rich.cells import cell_len as rich_cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.panel import Panel
from rich.segment import Segment
from rich.style import StyleType
from rich.table import Table
from rich.text import Span, Text

from aigc_roi.present.stand_ins import for_encoding, rewrites, written
from aigc_roi.present.text import visible, visible_in_lines

_laid_out_for: ContextVar[str | None] = ContextVar("laid_out_for", default=None)
"""The encoding of the stream the views being built and printed are written in, where it lacks a character (ASCII,
Latin-1, a Windows code page: ``laid_out_for``); None where it writes every one (UTF-8, GB18030, a file)."""


@contextmanager
def laid_out_for(encoding: str | None) -> Iterator[None]:
    """While views for a stream in ``encoding`` are built and printed: every layout measures a text as that stream
    writes it (``cell_len``)."""
    token = _laid_out_for.set(encoding if rewrites(encoding) else None)
    try:
        yield
    finally:
        _laid_out_for.reset(token)


def layout_encoding() -> str | None:
    """The encoding the views are laid out for (``laid_out_for``); None: one that writes every character."""
    return _laid_out_for.get()


def cell_len(text: str) -> int:
    """The cells ``text`` takes as the stream the views are laid out for writes it (``laid_out_for``): ``≤`` as
    ``<=`` two, 抖 as ``\\u6296`` six; as Rich counts them (a CJK character two) where it writes every character.
    Every layout of present/ measures with this: measured as the character and escaped after, a Chinese name ran its
    row past the table's border."""
    return cells_in(text, _laid_out_for.get())


def cells_in(text: str, encoding: str | None) -> int:
    """``cell_len`` for a stream in ``encoding`` (None: one that writes every character), for a cache to key on."""
    return rich_cell_len(text if encoding is None or text.isascii() else written(text, encoding))


def visible_text(text: Text, encoding: str | None = None) -> Text:
    """``text`` with its control characters written out (``visible_in_lines``) and, given the ``encoding`` it is
    written in, each character that encoding lacks as it writes it (present/stand_ins.py ``written``: a symbol's
    stand-in, else an escape), its styles kept in place."""

    def as_written(part: str) -> str:
        shown = visible_in_lines(part)
        return shown if encoding is None else written(shown, encoding)

    plain = text.plain
    shown = as_written(plain)
    if shown == plain:
        return text
    # Where each original character starts in the written text, to move the style spans with it.
    starts = [0]
    for character in plain:
        starts.append(starts[-1] + len(as_written(character)))
    escaped = text.blank_copy(shown)
    escaped.spans = [Span(starts[min(span.start, len(plain))], starts[min(span.end, len(plain))], span.style)
                     for span in text.spans]
    return escaped


def sized_environment() -> dict[str, str]:
    """The environment with ``COLUMNS`` and ``LINES`` kept only when they are a plausible size: Rich
    takes any digits, and int() of over 4,300 of them raises instead of falling back to the terminal's."""
    return {key: value for key, value in os.environ.items()
            if key not in ("COLUMNS", "LINES") or re.fullmatch("[0-9]{1,6}", value.strip())}


ELLIPSIS = "\u2026"
"""What Rich ends a cell it cuts with."""


class DataConsole(Console):
    """A Console that reads no markup (``[/x]`` in a name would crash, ``[bold]x[/bold]`` vanish),
    no emoji codes, and writes control characters out visibly instead of sending them to the terminal.

    Every str a table cell, title or header holds goes through ``render_str``; styled parts are
    built as ``Text`` by the presenters.

    ``in_log``: the output is no terminal (a CI log, a file): every table's title, and every ``Title``, is one line
    whole, unpadded, above what it heads, for every command alike; a terminal's are laid out as given.
    """

    def __init__(self, in_log: bool = False, **options: Any) -> None:
        options.setdefault("_environ", sized_environment())
        super().__init__(markup=False, emoji=False, highlight=False, **options)
        self.in_log = in_log

    def render_str(self, text: str, **options: Any) -> Text:
        options.update(markup=False, emoji=False)
        return super().render_str(written(visible(text), self.encoding), **options)

    def render(self, renderable: RenderableType, options: ConsoleOptions | None = None) -> Iterable[Segment]:
        # Every renderable, a table's cells and titles included, reaches the terminal through here:
        # a Text built by a presenter is escaped as a str is above (its own line breaks kept).
        if self.in_log and isinstance(renderable, Title):
            return self._whole(self.render_str(renderable.whole, style=renderable.style))
        if self.in_log and isinstance(renderable, Table) and renderable.title:
            return self._under_its_title(renderable, options)
        if isinstance(renderable, Text):
            renderable = visible_text(renderable, self.encoding)
        elif isinstance(renderable, Table) and rewrites(self.encoding):
            renderable = self._stood_in(renderable)
        elif isinstance(renderable, Panel) and rewrites(self.encoding):
            renderable = self._framed(renderable)
        rendered = super().render(renderable, options)
        if for_encoding(ELLIPSIS, self.encoding) == ELLIPSIS:
            return rendered
        # Rich's own mark of a cut cell: in the one cell it measured, as an abbreviation's point (``Chann.``).
        return (Segment(segment.text.replace(ELLIPSIS, "."), segment.style, segment.control)
                if ELLIPSIS in segment.text else segment for segment in rendered)

    def _stood_in(self, table: Table) -> Table:
        """``table`` with each Text of it as the console's encoding writes it (its stand-ins and escapes) before Rich
        measures its columns, which it does by the text as given: a ``<=`` for a ``≤``, or ``\\u6296`` for 抖, would
        overflow the width measured (a str is measured through ``render_str``, which writes it so)."""
        written = self._written_part
        stood_in = copy(table)
        stood_in.title, stood_in.caption = written(table.title), written(table.caption)
        stood_in.columns = [replace(column, header=written(column.header), footer=written(column.footer),
                                    _cells=[written(cell) for cell in column._cells]) for column in table.columns]
        return stood_in

    def _framed(self, panel: Panel) -> Panel:
        """``panel`` with its title and subtitle as the console's encoding writes them: Rich centres them on its border
        by the text as given, as it measures a table's (``_stood_in``)."""
        framed = copy(panel)
        framed.title, framed.subtitle = self._written_part(panel.title), self._written_part(panel.subtitle)
        return framed

    def _written_part(self, part: Any) -> Any:
        return visible_text(part, self.encoding) if isinstance(part, Text) else part

    def print(self, *objects: Any, **options: Any) -> None:
        if self.in_log:
            # A log's title is one line as long as it is: cut at the page's width, it would lose its end.
            options.setdefault("crop", False)
            # Printed alone, a Text is joined into a new one, which is no Title any more: a group keeps it one.
            objects = tuple(Group(part) if isinstance(part, Title) else part for part in objects)
        super().print(*objects, **options)

    def _under_its_title(self, table: Table, options: ConsoleOptions | None) -> Iterator[Segment]:
        title = table.title or ""
        if isinstance(title, Title):
            yield from self.render(title, options)
        else:
            # A str as Rich styles a table's title; a Text's own line breaks are lines of their own.
            yield from self._whole(self.render_str(title, style=table.title_style or "table.title")
                                   if isinstance(title, str) else visible_text(title, self.encoding))
        untitled = copy(table)
        untitled.title = None
        yield from self.render(untitled, options)

    def _whole(self, line: Text) -> Iterator[Segment]:
        """``line`` as it is, neither wrapped nor padded to any width, and a line break."""
        yield from line.render(self)
        yield Segment.line()

    def on_broken_pipe(self) -> None:
        # Rich would exit 1 here, the code for a missed target; the CLI edge decides the exit code.
        self.quiet = True
        raise BrokenPipeError


class LogLine(str):
    """A line a log reader greps for (why a file's version at REF is invalid): printed whole, neither wrapped nor cut
    at the console's width, nor padded, in a terminal too."""


class Title(Text):
    """A title laid out for a terminal (a table's, the blocks' that stand for a table too narrow for the screen, a
    panel's above its border): ``lines``, broken at the width it heads (present/layout.py ``prose_lines``), or as Rich
    wraps a text given none. A log (``DataConsole(in_log=True)``) writes it ``whole`` on one line: Rich wrapped a title
    and padded it to its table's width, so ``grep`` lost the half of a plan's name on the next line."""

    __slots__ = ("whole",)

    def __init__(self, whole: str, lines: Text | None = None, style: StyleType = "") -> None:
        shown = Text(visible(whole)) if lines is None else lines
        super().__init__(shown.plain, style or shown.style, justify=shown.justify, overflow=shown.overflow,
                         no_wrap=shown.no_wrap, end=shown.end, tab_size=shown.tab_size, spans=shown.spans)
        self.whole = whole
