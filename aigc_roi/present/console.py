"""The Rich console every terminal and text rendering goes through: all strings in it are data."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment
from rich.text import Span, Text

from aigc_roi.present.text import visible, visible_in_lines


def visible_text(text: Text) -> Text:
    """``text`` with its control characters written out (``visible_in_lines``), its styles kept in place."""
    plain = text.plain
    shown = visible_in_lines(plain)
    if shown == plain:
        return text
    # Where each original character starts in the escaped text, to move the style spans with it.
    starts = [0]
    for character in plain:
        starts.append(starts[-1] + len(visible_in_lines(character)))
    escaped = text.blank_copy(shown)
    escaped.spans = [Span(starts[min(span.start, len(plain))], starts[min(span.end, len(plain))], span.style)
                     for span in text.spans]
    return escaped


def sized_environment() -> dict[str, str]:
    """The environment with ``COLUMNS`` and ``LINES`` kept only when they are a plausible size: Rich
    takes any digits, and int() of over 4,300 of them raises instead of falling back to the terminal's."""
    return {key: value for key, value in os.environ.items()
            if key not in ("COLUMNS", "LINES") or re.fullmatch("[0-9]{1,6}", value.strip())}


class DataConsole(Console):
    """A Console that reads no markup (``[/x]`` in a name would crash, ``[bold]x[/bold]`` vanish),
    no emoji codes, and writes control characters out visibly instead of sending them to the terminal.

    Every str a table cell, title or header holds goes through ``render_str``; styled parts are
    built as ``Text`` by the presenters.
    """

    def __init__(self, **options: Any) -> None:
        options.setdefault("_environ", sized_environment())
        super().__init__(markup=False, emoji=False, highlight=False, **options)

    def render_str(self, text: str, **options: Any) -> Text:
        options.update(markup=False, emoji=False)
        return super().render_str(visible(text), **options)

    def render(self, renderable: RenderableType, options: ConsoleOptions | None = None) -> Iterable[Segment]:
        # Every renderable, a table's cells and titles included, reaches the terminal through here:
        # a Text built by a presenter is escaped as a str is above (its own line breaks kept).
        if isinstance(renderable, Text):
            renderable = visible_text(renderable)
        return super().render(renderable, options)

    def on_broken_pipe(self) -> None:
        # Rich would exit 1 here, the code for a missed target; the CLI edge decides the exit code.
        self.quiet = True
        raise BrokenPipeError


class LogLine(str):
    """A line a log reader greps for (a file's path with its status, why its version at REF is invalid): printed
    whole, neither wrapped nor cut at the console's width, nor padded."""


@dataclass(frozen=True)
class Titled:
    """A table under its title. In a terminal the table's own title, wrapped to the table's width; elsewhere (a CI
    log) a ``LogLine`` above the table, which Rich would wrap and pad to the table's width, so that ``grep modified``
    loses the path."""

    title: str
    table: Callable[[str], RenderableType] | None
    """The table given its title ("" for none); None for a title that is all there is to say (a file added since
    REF), wrapped in a terminal as any text."""

    def parts(self, terminal: bool) -> list[RenderableType]:
        if self.table is None:
            return [Text(self.title) if terminal else LogLine(self.title)]
        return [self.table(self.title)] if terminal else [LogLine(self.title), self.table("")]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterable[RenderableType]:
        # Printed by another than cli/streams.py's show, which prints a LogLine unwrapped: the title may wrap there.
        yield from self.parts(console.is_terminal)
