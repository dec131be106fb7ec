"""The Rich console every terminal and text rendering goes through: all strings in it are data."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.text import Text

from aigc_roi.present.text import visible


class DataConsole(Console):
    """A Console that reads no markup (``[/x]`` in a name would crash, ``[bold]x[/bold]`` vanish),
    no emoji codes, and writes control characters out visibly instead of sending them to the terminal.

    Every str a table cell, title or header holds goes through ``render_str``; styled parts are
    built as ``Text`` by the presenters.
    """

    def __init__(self, **options: Any) -> None:
        super().__init__(markup=False, emoji=False, highlight=False, **options)

    def render_str(self, text: str, **options: Any) -> Text:
        options.update(markup=False, emoji=False)
        return super().render_str(visible(text), **options)

    def on_broken_pipe(self) -> None:
        # Rich would exit 1 here, the code for a missed target; the CLI edge decides the exit code.
        self.quiet = True
        raise BrokenPipeError
