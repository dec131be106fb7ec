"""The Rich console every terminal and text rendering goes through: all strings in it are data."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
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
